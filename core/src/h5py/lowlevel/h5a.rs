//! `h5py.h5a`: attributes at the low level — creating, opening (by name or index),
//! existence, renaming, deleting, counting and iterating, and `AttrID`'s methods.

use super::h5;
use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::h5t::type_arg;
use super::info::Record;
use super::{array_arg, fill_strings, is_object_array, read_into, space_value, string_items, type_value};
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bind_kw, bytes, bytes_or, c_bool, c_int_or, object_id, opt, req, typed_id, uint_tuple};
use crate::h5py::hl::data::memory_type;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::types::dtype_of;
use crate::hdf5::attribute::{self, Attribute, AttributeInfo};
use crate::hdf5::datatype::CharSet;
use crate::hdf5::link::{IndexType, IterOrder};
use crate::hdf5::{Dataspace, Handle};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[
    ("create", create),
    ("open", open),
    ("exists", exists),
    ("rename", rename),
    ("delete", delete),
    ("get_num_attrs", get_num_attrs),
    ("iterate", iterate),
    ("get_info", get_info),
];

fn attr_value(a: Attribute) -> Value {
    ObjectId::value(IdKind::Attribute, a.handle().clone())
}

/// The object an attribute call is about: `loc`, or `loc/obj_name`.
fn target(loc: &ObjectId, obj_name: &[u8]) -> PyResult<Handle> {
    if obj_name == b"." {
        return Ok(loc.handle());
    }
    h5(crate::hdf5::object::open(&loc.handle(), obj_name, None))
}

fn index_type(vm: &mut Interp, slot: &Option<Value>) -> PyResult<IndexType> {
    Ok(if c_int_or(vm, slot, "int", 0)? == 1 { IndexType::CreationOrder } else { IndexType::Name })
}

fn iter_order(vm: &mut Interp, slot: &Option<Value>) -> PyResult<IterOrder> {
    Ok(if c_int_or(vm, slot, "int", 0)? == 1 { IterOrder::Decreasing } else { IterOrder::Increasing })
}

fn create(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("create", args, &["loc", "name", "tid", "space"], &[], &["obj_name", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let tid = type_arg(req(&s, 2), "tid")?;
    let space = Dataspace::from_handle_unchecked(typed_id(req(&s, 3), "space", "h5py.h5s.SpaceID")?.handle());
    let object = target(loc, &bytes_or(&s[4], b".")?)?;
    Ok(attr_value(h5(Attribute::create(&object, &*name, &tid, &space, None))?))
}

/// Which attribute: exactly one of `name` and `index` (h5py's rule).
enum Which {
    Name(std::rc::Rc<[u8]>),
    Index(u64),
}

fn which(vm: &mut Interp, name: &Option<Value>, index: &Option<Value>) -> PyResult<Which> {
    let index = c_int_or(vm, index, "int", -1)?;
    match (name.as_ref().filter(|v| !v.is_none()), index) {
        (Some(name), i) if i < 0 => Ok(Which::Name(bytes(name)?)),
        (None, i) if i >= 0 => Ok(Which::Index(i as u64)),
        _ => Err(Exc::type_error("Exactly one of name or idx must be specified")),
    }
}

/// Opens the attribute that slots `[loc, name, index, obj_name, index_type, order]`
/// name, as `h5a.open` and `h5a.get_info` take them.
fn open_named_or_indexed(vm: &mut Interp, s: &[Option<Value>]) -> PyResult<Attribute> {
    let loc = object_id(req(s, 0), "loc")?;
    let which = which(vm, &s[1], &s[2])?;
    let object = target(loc, &bytes_or(&s[3], b".")?)?;
    match which {
        Which::Name(name) => h5(Attribute::open(&object, &*name)),
        Which::Index(i) => {
            let (index, order) = (index_type(vm, &s[4])?, iter_order(vm, &s[5])?);
            h5(Attribute::open_by_index(&object, i, index, order))
        }
    }
}

fn open(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("open", args, &["loc"], &["name", "index"], &["obj_name", "index_type", "order", "lapl"])?;
    Ok(attr_value(open_named_or_indexed(vm, &s)?))
}

fn exists(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("exists", args, &["loc", "name"], &[], &["obj_name", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let obj_name = bytes_or(&s[2], b".")?;
    Ok(Value::Bool(h5(attribute::exists_by_name(&loc.handle(), &*obj_name, &*name))?))
}

fn rename(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("rename", args, &["loc", "name", "new_name"], &[], &["obj_name", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let new_name = bytes(req(&s, 2))?;
    let object = target(loc, &bytes_or(&s[3], b".")?)?;
    h5(attribute::rename(&object, &*name, &*new_name))?;
    Ok(Value::None)
}

fn delete(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("delete", args, &["loc"], &["name", "index"], &["obj_name", "index_type", "order", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let which = which(vm, &s[1], &s[2])?;
    let object = target(loc, &bytes_or(&s[3], b".")?)?;
    match which {
        Which::Name(name) => h5(attribute::delete(&object, &*name))?,
        Which::Index(i) => {
            let (index, order) = (index_type(vm, &s[4])?, iter_order(vm, &s[5])?);
            h5(attribute::delete_by_index(&object, i, index, order))?
        }
    }
    Ok(Value::None)
}

fn get_num_attrs(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_num_attrs", args, &["loc"], &[])?;
    let loc = object_id(req(&s, 0), "loc")?;
    Ok(Value::Int(h5(attribute::count(&loc.handle()))? as i64))
}

/// h5py's `AttrInfo`.
fn info_value(info: &AttributeInfo) -> Value {
    Record::value(
        "h5py.h5a.AttrInfo",
        vec![
            ("corder_valid", Value::Bool(info.creation_order.is_some())),
            ("corder", Value::Int(info.creation_order.unwrap_or(0) as i64)),
            ("cset", Value::Int(matches!(info.cset, CharSet::Utf8) as i64)),
            ("data_size", Value::Int(info.data_size as i64)),
        ],
    )
}

fn iterate(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("iterate", args, &["loc", "func"], &["index"], &["index_type", "order", "info"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let func = req(&s, 1).clone();
    let start = c_int_or(vm, &s[2], "int", 0)?;
    let (index, order) = (index_type(vm, &s[3])?, iter_order(vm, &s[4])?);
    let with_info = c_bool(vm, &s[5], false)?;
    let attrs = h5(attribute::list(&loc.handle(), index, order))?;
    if start < 0 || start as usize > attrs.len() {
        return Err(Exc::value_error("Starting index must be a non-negative integer."));
    }
    for (name, info) in attrs.into_iter().skip(start as usize) {
        let mut call = vec![Value::bytes(name)];
        if with_info {
            call.push(info_value(&info));
        }
        let result = vm.call(&func, Args::positional(call))?;
        if !result.is_none() {
            return Ok(result);
        }
    }
    Ok(Value::None)
}

fn get_info(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("get_info", args, &["loc"], &["name", "index"], &["obj_name", "index_type", "order", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    if loc.kind == IdKind::Attribute && opt(&s, 1).is_none() && c_int_or(vm, &s[2], "int", -1)? < 0 {
        return Ok(info_value(&h5(attr_of(loc)?.info())?));
    }
    let attr = open_named_or_indexed(vm, &s)?;
    Ok(info_value(&h5(attr.info())?))
}

fn attr_of(id: &ObjectId) -> PyResult<Attribute> {
    Attribute::from_handle(id.handle()).ok_or_else(|| Exc::value_error("Not an attribute identifier (closed?)"))
}

const METHODS: &[&str] = &["get_name", "get_space", "get_type", "get_storage_size", "read", "write"];

/// `AttrID`'s methods.
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    if !METHODS.contains(&name) {
        return None;
    }
    Some((|| -> PyResult<Value> {
        let attr = attr_of(id)?;
        Ok(match name {
            "get_name" => {
                bind(name, args, &[], &[])?;
                Value::bytes(h5(attr.name())?.into_bytes())
            }
            "get_space" => {
                bind(name, args, &[], &[])?;
                space_value(h5(attr.space())?)
            }
            "get_type" => {
                bind(name, args, &[], &[])?;
                type_value(h5(attr.datatype())?)
            }
            "get_storage_size" => {
                bind(name, args, &[], &[])?;
                Value::Int(attr.storage_size() as i64)
            }
            "read" | "write" => {
                let s = bind(name, args, &["arr"], &["mtype"])?;
                let array = array_arg(req(&s, 0), "arr")?;
                if is_object_array(&array) {
                    // Variable-length strings, in the attribute's own string type.
                    let mtype = match opt(&s, 1) {
                        Some(v) => type_arg(v, "mtype")?,
                        None => h5(attr.datatype())?,
                    };
                    if name == "read" {
                        fill_strings(&array, h5(attr.read_strings(vm.lib(), &mtype))?)?;
                    } else {
                        let owned = string_items(&array)?;
                        let refs: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
                        h5(attr.write_strings(&mtype, &refs))?;
                    }
                    return Ok(Value::None);
                }
                let mtype = match opt(&s, 1) {
                    Some(v) => type_arg(v, "mtype")?,
                    None => memory_type(vm, array.dtype())?,
                };
                if name == "read" {
                    read_into(&array, |raw| attr.read_raw(&mtype, raw))?;
                } else {
                    h5(attr.write_raw(&mtype, &array.tobytes().map_err(np_error)?))?;
                }
                Value::None
            }
            _ => return Err(Exc::not_implemented(format!("h5py.h5a.AttrID.{name} is not implemented in h5lab"))),
        })
    })())
}

/// `AttrID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    Some((|| -> PyResult<Value> {
        let attr = attr_of(id)?;
        Ok(match name {
            "name" => Value::bytes(h5(attr.name())?.into_bytes()),
            "shape" => uint_tuple(&h5(attr.space().and_then(|s| s.dims()))?),
            "dtype" => crate::numpy_py::dtype::dtype_value(dtype_of(&h5(attr.datatype().and_then(|t| t.describe()))?)?),
            _ => return Err(Exc::not_implemented(format!("h5py.h5a.AttrID.{name} is not implemented in h5lab"))),
        })
    })())
}
