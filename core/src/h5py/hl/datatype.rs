//! `h5py.Datatype`: a committed (named) HDF5 datatype in a file
//! (`f['t'] = np.dtype('f8')`; `f['t']` is `<HDF5 named type "t" (dtype <f8)>`).

use std::rc::Rc;

use super::{HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::method;
use crate::h5py::types::dtype_of;
use crate::hdf5::Datatype;
use crate::numpy::DType;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::TypeObject;
use crate::value::Value;

/// `h5py.Datatype(bind)`: wraps a low-level type identifier.
pub fn construct(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let b = method("Datatype.__init__", args, &["bind"], 1)?;
    match b.req(0).downcast::<ObjectId>() {
        Some(id) if id.kind == IdKind::Datatype => Ok(HlObject::value(HlKind::Datatype, b.req(0).clone())),
        _ => Err(Exc::value_error(format!("{} is not a TypeID", vm.str(b.req(0))?))),
    }
}

/// The committed type behind the object.
pub fn handle(obj: &HlObject) -> PyResult<Datatype> {
    Datatype::from_handle(obj.handle()).ok_or_else(|| Exc::value_error("Not a datatype identifier"))
}

/// `Datatype.dtype`.
pub fn dtype(obj: &HlObject) -> PyResult<DType> {
    dtype_of(&handle(obj)?.describe().map_err(Exc::from_hdf5)?)
}

/// `repr(Datatype)`.
pub fn repr(obj: &HlObject) -> PyResult<String> {
    if !obj.is_open() {
        return Ok("<Closed HDF5 named type>".into());
    }
    let name = match obj.name()? {
        None => "(\"anonymous\")".to_string(),
        Some(n) => {
            let base = n.trim_end_matches('/').rsplit('/').next().unwrap_or("").to_string();
            format!("\"{}\"", if base.is_empty() { "/" } else { &base })
        }
    };
    Ok(format!("<HDF5 named type {name} (dtype {})>", dtype(obj)?.type_str()))
}

/// Datatype attributes; `None` for unknown names.
pub fn getattr(obj: &HlObject, name: &str) -> PyResult<Option<Value>> {
    Ok(match name {
        "dtype" => Some(crate::numpy_py::dtype::dtype_value(dtype(obj)?)),
        _ => None,
    })
}
