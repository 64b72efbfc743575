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
#[cfg(feature = "bundled-hdf5")]
pub mod h5ds;
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

/// An HDF5 result as a Python one (h5py's exception for the error stack).
pub fn h5<T>(r: crate::hdf5::Result<T>) -> PyResult<T> {
    r.map_err(crate::value::Exc::from_hdf5)
}

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
pub const SUBMODULES: &[&str] = &["h5", "h5a", "h5d", "h5ds", "h5f", "h5g", "h5i", "h5l", "h5o", "h5p", "h5r", "h5s", "h5t", "h5z", "_objects"];

/// Builds one low-level module by name (`h5f`, `h5g`, ...).
pub fn submodule(vm: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    let module = match name {
        "h5" => h5::module(vm)?,
        "h5a" => build_module("h5py.h5a", h5a::FUNCTIONS),
        "h5d" => build_module("h5py.h5d", h5d::FUNCTIONS),
        #[cfg(feature = "bundled-hdf5")]
        "h5ds" => build_module("h5py.h5ds", h5ds::FUNCTIONS),
        // Without hdf5_hl every h5ds function raises NotImplementedError.
        #[cfg(not(feature = "bundled-hdf5"))]
        "h5ds" => build_module("h5py.h5ds", &[]),
        "h5f" => build_module("h5py.h5f", h5f::FUNCTIONS),
        "h5g" => build_module("h5py.h5g", h5g::FUNCTIONS),
        "h5i" => build_module("h5py.h5i", h5i::FUNCTIONS),
        "h5l" => build_module("h5py.h5l", &[]),
        "h5o" => build_module("h5py.h5o", h5o::FUNCTIONS),
        "h5p" => h5p::module(vm)?,
        "h5r" => h5r::module(),
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

/// A `uint64` array of `shape` holding `values` (h5py's selection lists).
pub fn u64_array(values: &[u64], shape: &[usize]) -> PyResult<Value> {
    use crate::numpy_py::np_error;
    let dtype = crate::numpy::DType::parse("uint64").map_err(np_error)?;
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
    let dims: Vec<isize> = shape.iter().map(|&n| n as isize).collect();
    let array = if values.is_empty() {
        crate::numpy::create::zeros(shape, &dtype).map_err(np_error)?
    } else {
        crate::numpy::create::frombuffer(&bytes, &dtype, -1, 0).and_then(|a| a.reshape(&dims)).map_err(np_error)?
    };
    Ok(crate::numpy_py::convert::array_value(array))
}

/// The dtype helpers `h5py.h5t` defines and `h5py` re-exports: the same objects in
/// both modules (`h5py.string_dtype is h5py.h5t.string_dtype`).
pub const SHARED_DTYPE_HELPERS: &[&str] = &[
    "string_dtype",
    "check_string_dtype",
    "vlen_dtype",
    "check_vlen_dtype",
    "enum_dtype",
    "check_enum_dtype",
    "opaque_dtype",
    "check_opaque_dtype",
    "special_dtype",
    "check_dtype",
    "ref_dtype",
    "regionref_dtype",
    "check_ref_dtype",
];

/// Puts the functions the top-level module shares with a low-level one into it:
/// the dtype helpers into `h5py.h5t` (see [`SHARED_DTYPE_HELPERS`]), `get_config`
/// into `h5py.h5`.
pub fn share_with_submodule(h5py: &Module, name: &str, sub: &Value) {
    let Some(sub) = sub.downcast::<Module>() else { return };
    let shared: &[&str] = match name {
        "h5t" => SHARED_DTYPE_HELPERS,
        "h5" => &["get_config"],
        _ => &[],
    };
    for item in shared {
        if let Some(value) = h5py.get(item) {
            sub.set(item, value);
        }
    }
}

/// Whether an array holds Python objects (h5py's variable-length strings travel so).
pub fn is_object_array(array: &crate::numpy::NdArray) -> bool {
    matches!(array.dtype().kind(), crate::numpy::Kind::Object)
}

/// Fills an object array with the variable-length strings read, as `bytes` (what
/// h5py's low level puts there).
pub fn fill_strings(array: &crate::numpy::NdArray, strings: Vec<Option<Vec<u8>>>) -> PyResult<()> {
    use crate::numpy::{storage::Buffer, NdArray, PyValue};
    use crate::numpy_py::np_error;
    if strings.len() != array.size() {
        return Err(crate::value::Exc::value_error(format!(
            "{} strings read for an array of {} elements",
            strings.len(),
            array.size()
        )));
    }
    let n = strings.len();
    let values: Vec<PyValue> = strings.into_iter().map(|s| PyValue::Bytes(s.unwrap_or_default())).collect();
    let dims: Vec<isize> = array.shape().iter().map(|&n| n as isize).collect();
    let data = NdArray::from_buffer(Buffer::Object(values.into()), vec![n], array.dtype().clone()).reshape(&dims).map_err(np_error)?;
    array.assign(&data).map_err(np_error)
}

/// The items of an object array as the bytes of variable-length strings (`str` as
/// UTF-8); h5py's TypeError for anything else.
pub fn string_items(array: &crate::numpy::NdArray) -> PyResult<Vec<Vec<u8>>> {
    use crate::numpy::PyValue;
    let PyValue::List(items) = array.ravel().tolist() else {
        return Err(crate::value::Exc::type_error("Can't write object data"));
    };
    items
        .iter()
        .map(|item| match item {
            PyValue::Str(s) => Ok(s.as_bytes().to_vec()),
            PyValue::Bytes(b) => Ok(b.to_vec()),
            other => Err(crate::value::Exc::type_error(format!(
                "Can't implicitly convert non-string objects to strings (got {})",
                other.repr()
            ))),
        })
        .collect()
}
