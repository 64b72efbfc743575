//! h5py's low-level modules (`h5py.h5f`, `h5g`, `h5d`, `h5a`, `h5o`, `h5l`, `h5s`,
//! `h5t`, `h5p`, `h5i`, `h5r`, `h5z`, `h5`, `_objects`) and the methods of their
//! identifier classes, one file per module.
//!
//! Names, signatures, docstrings and constants come from h5py 3.16 itself ([`api`],
//! recorded from the oracle); the behaviour behind each name is Rust over
//! [`crate::hdf5`]. A function or method h5py has and h5lab does not implement raises
//! NotImplementedError naming it.

pub mod api;
pub mod callable;
pub mod classes;
pub mod dispatch;
pub mod h5;
pub mod h5a;
pub mod h5d;
pub mod h5f;
pub mod h5g;
pub mod h5i;
pub mod h5l;
pub mod h5o;
pub mod h5p;
pub mod h5r;
pub mod h5s;
pub mod h5t;
mod h5t_types;
pub mod h5z;
pub mod info;

use callable::{CyFunction, FunctionBody};

use super::cyargs::optional_typed;
use super::ids::{IdKind, ObjectId};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::hdf5::plist::PropertyList;
use crate::hdf5::{Dataspace, Datatype};
use crate::value::exception::PyResult;
use crate::value::Value;

pub use h5l::LinkInfoObject;

/// A property list argument (`lcpl=`, `fapl=`...): None or a property list ID.
pub fn plist_arg(slot: &Option<Value>, name: &str) -> PyResult<Option<PropertyList>> {
    typed_plist(slot, name, "h5py.h5p.PropID")
}

/// A property list argument of one h5py class (`fcpl` must be a `PropFCID`).
pub fn typed_plist(slot: &Option<Value>, name: &str, class: &str) -> PyResult<Option<PropertyList>> {
    Ok(optional_typed(slot, name, class)?.map(|id| PropertyList::from_handle_unchecked(id.handle())))
}

/// A module made from the recorded API: its docstring, integer constants, public
/// classes, and functions — each bound to its Rust body in `bodies`, or raising
/// NotImplementedError when h5lab has none.
pub fn build_module(name: &str, bodies: &[(&str, FunctionBody)]) -> Module {
    let entry = api::module(name);
    let m = Module::new(name, entry.and_then(|e| e.doc.as_deref()));
    if let Some(entry) = entry {
        for (constant, value) in &entry.ints {
            m.set(constant, match i64::try_from(*value) {
                Ok(n) => Value::Int(n),
                Err(_) => Value::from_bigint((*value).into()),
            });
        }
        for (class, value) in classes::module_classes(name) {
            m.set(&class, value);
        }
        for (function, f) in &entry.functions {
            let body = bodies.iter().find(|(n, _)| n == function).map(|(_, b)| *b);
            m.set(function, CyFunction::function(name, function, Some(f), body));
        }
    }
    m
}

/// The low-level modules h5py has (created at `import h5py`).
pub const SUBMODULES: &[&str] = &["h5", "h5a", "h5d", "h5f", "h5g", "h5i", "h5l", "h5o", "h5p", "h5r", "h5s", "h5t", "h5z", "_objects"];

/// Builds one low-level module by name (`h5f`, `h5g`, ...).
pub fn submodule(vm: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    let module = match name {
        "h5" => h5::module(vm)?,
        "h5a" => build_module("h5py.h5a", h5a::FUNCTIONS),
        "h5d" => build_module("h5py.h5d", h5d::FUNCTIONS),
        "h5f" => build_module("h5py.h5f", h5f::FUNCTIONS),
        "h5g" => build_module("h5py.h5g", h5g::FUNCTIONS),
        "h5i" => build_module("h5py.h5i", h5i::FUNCTIONS),
        "h5l" => build_module("h5py.h5l", &[]),
        "h5o" => build_module("h5py.h5o", h5o::FUNCTIONS),
        "h5p" => h5p::module(vm)?,
        "h5r" => build_module("h5py.h5r", h5r::FUNCTIONS),
        "h5s" => h5s::module()?,
        "h5t" => h5t::module(vm)?,
        "h5z" => build_module("h5py.h5z", h5z::FUNCTIONS),
        "_objects" => build_module("h5py._objects", &[]),
        _ => return Ok(None),
    };
    Ok(Some(Value::object(module)))
}

/// Method and property names of an identifier class (for `dir` and completion).
pub fn id_method_names(kind: IdKind) -> Vec<String> {
    let qualname = match kind {
        IdKind::File => "h5py.h5f.FileID",
        IdKind::Group => "h5py.h5g.GroupID",
        IdKind::Dataset => "h5py.h5d.DatasetID",
        IdKind::Datatype => "h5py.h5t.TypeID",
        IdKind::Dataspace => "h5py.h5s.SpaceID",
        IdKind::Attribute => "h5py.h5a.AttrID",
        IdKind::PropertyList => "h5py.h5p.PropInstanceID",
        IdKind::PropertyListClass => "h5py.h5p.PropClassID",
    };
    api::member_names(qualname)
}

/// An attribute of a low-level identifier object (its methods and properties).
pub fn id_attribute(vm: &mut Interp, id: &ObjectId, this: &Value, name: &str) -> PyResult<Option<Value>> {
    dispatch::instance_attribute(vm, this, id.qualname(), name)
}

/// A dataspace identifier object.
pub fn space_value(space: Dataspace) -> Value {
    ObjectId::value(IdKind::Dataspace, space.handle().clone())
}

/// A datatype identifier object.
pub fn type_value(ty: Datatype) -> Value {
    ObjectId::value(IdKind::Datatype, ty.handle().clone())
}

/// A property list identifier object (its class by the list's class).
pub fn plist_value(plist: PropertyList) -> Value {
    ObjectId::value(IdKind::PropertyList, plist.handle().clone())
}

/// A NumPy array argument (`arr`, `arr_obj`, `value`): Cython's TypeError for anything
/// else.
pub fn array_arg(value: &Value, name: &str) -> PyResult<crate::numpy::NdArray> {
    crate::numpy_py::convert::as_array(value).ok_or_else(|| {
        crate::value::Exc::type_error(format!(
            "Argument '{name}' has incorrect type (expected numpy.ndarray, got {})",
            crate::value::types::type_of(value).qualified_name()
        ))
    })
}

/// Reads into `array` in place, as h5py's low level reads into the caller's buffer:
/// `read` fills a buffer of the array's size, which then becomes the array's data.
pub fn read_into(
    array: &crate::numpy::NdArray,
    read: impl FnOnce(&mut [u8]) -> crate::hdf5::Result<()>,
) -> PyResult<()> {
    use crate::numpy_py::np_error;
    let mut raw = vec![0u8; array.nbytes()];
    read(&mut raw).map_err(crate::value::Exc::from_hdf5)?;
    let dims: Vec<isize> = array.shape().iter().map(|&n| n as isize).collect();
    let data = crate::numpy::create::frombuffer(&raw, array.dtype(), -1, 0).and_then(|a| a.reshape(&dims)).map_err(np_error)?;
    array.assign(&data).map_err(np_error)
}
