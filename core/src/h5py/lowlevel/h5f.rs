//! `h5py.h5f`: creating, opening and flushing files, open-object queries, and the
//! methods of `FileID`.

use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::typed_plist;
use crate::h5py::cyargs::{bind, bytes, c_int, c_int_or, object_id, req};
use crate::h5py::ids::{IdKind, ObjectId};
use crate::eval::Interp;
use crate::hdf5::file::{self, FlushScope};
use crate::hdf5::File;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[
    ("create", create),
    ("open", open),
    ("flush", flush),
    ("get_name", get_name),
    ("is_hdf5", is_hdf5),
    ("get_obj_count", get_obj_count),
    ("get_obj_ids", get_obj_ids),
];

fn create(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["name"], &["flags", "fcpl", "fapl"])?;
    let name = bytes(req(&s, 0))?;
    let flags = c_int_or(vm, &s[1], "int", file::access::TRUNC as i64)?;
    let fcpl = typed_plist(&s[2], "fcpl", "h5py.h5p.PropFCID")?;
    let fapl = typed_plist(&s[3], "fapl", "h5py.h5p.PropFAID")?;
    let f = File::create(vm.lib(), &*name, flags as u32, fcpl.as_ref(), fapl.as_ref()).map_err(Exc::from_hdf5)?;
    Ok(ObjectId::value(IdKind::File, f.handle().clone()))
}

fn open(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("open", args, &["name"], &["flags", "fapl"])?;
    let name = bytes(req(&s, 0))?;
    let flags = c_int_or(vm, &s[1], "unsigned int", file::access::RDWR as i64)?;
    let fapl = typed_plist(&s[2], "fapl", "h5py.h5p.PropFAID")?;
    let f = File::open(vm.lib(), &*name, flags as u32, fapl.as_ref()).map_err(Exc::from_hdf5)?;
    Ok(ObjectId::value(IdKind::File, f.handle().clone()))
}

fn flush(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("flush", args, &["obj"], &["scope"])?;
    let id = object_id(req(&s, 0), "obj")?;
    let scope = match c_int_or(vm, &s[1], "int", 0)? {
        1 => FlushScope::Global,
        _ => FlushScope::Local,
    };
    file::flush_object(&id.handle(), scope).map_err(Exc::from_hdf5)?;
    Ok(Value::None)
}

fn get_name(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_name", args, &["obj"], &[])?;
    let id = object_id(req(&s, 0), "obj")?;
    Ok(Value::bytes(file::file_name(&id.handle()).map_err(Exc::from_hdf5)?))
}

fn is_hdf5(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("is_hdf5", args, &["name"], &[])?;
    let name = bytes(req(&s, 0))?;
    Ok(Value::Bool(File::is_accessible(vm.lib(), &*name, None).map_err(Exc::from_hdf5)?))
}

/// `where`: a FileID's identifier, or an int (`OBJ_ALL` for every file).
fn location(vm: &mut Interp, slot: &Option<Value>) -> PyResult<i64> {
    let Some(value) = slot else { return Ok(file::objects::ALL as i64) };
    if let Some(id) = value.downcast::<ObjectId>().filter(|id| id.kind == IdKind::File) {
        return Ok(id.handle().id());
    }
    match value {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => c_int(vm, value, "hid_t"),
        _ => Err(Exc::type_error("Location must be a FileID or OBJ_ALL.")),
    }
}

fn get_obj_count(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_obj_count", args, &[], &["where", "types"])?;
    let loc = location(vm, &s[0])?;
    let types = c_int_or(vm, &s[1], "int", file::objects::ALL as i64)?;
    Ok(Value::Int(file::object_count(loc, types as u32).map_err(Exc::from_hdf5)? as i64))
}

fn get_obj_ids(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_obj_ids", args, &[], &["where", "types"])?;
    let loc = location(vm, &s[0])?;
    let types = c_int_or(vm, &s[1], "int", file::objects::ALL as i64)?;
    let ids = file::open_ids(loc, types as u32).map_err(Exc::from_hdf5)?;
    Ok(Value::list(ids.into_iter().map(ObjectId::of).collect()))
}

fn file_of(id: &ObjectId) -> File {
    File::from_handle_unchecked(id.handle())
}

/// `FileID`'s methods (all without arguments).
pub fn method(_vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    let call: fn(&ObjectId) -> crate::hdf5::Result<Value> = match name {
        "close" => return Some(bind(name, args, &[], &[]).and_then(|_| id.close()).map(|_| Value::None)),
        "reopen" => |id| file_of(id).reopen().map(|f| ObjectId::value(IdKind::File, f.handle().clone())),
        "get_filesize" => |id| file_of(id).size().map(|n| Value::Int(n as i64)),
        "get_freespace" => |id| file_of(id).freespace().map(|n| Value::Int(n as i64)),
        "get_intent" => |id| file_of(id).intent().map(|n| Value::Int(n as i64)),
        "get_create_plist" => |id| file_of(id).create_plist().map(super::plist_value),
        "get_access_plist" => |id| file_of(id).access_plist().map(super::plist_value),
        "get_vfd_handle" => |id| file::vfd_handle(&id.handle()).map(|fd| Value::Int(fd as i64)),
        "get_mdc_hit_rate" => |id| file::mdc_hit_rate(&id.handle()).map(Value::Float),
        "get_mdc_size" => |id| {
            file::mdc_size(&id.handle()).map(|(a, b, c, d)| {
                Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64), Value::Int(c as i64), Value::Int(d as i64)])
            })
        },
        "reset_mdc_hit_rate_stats" => |id| file::reset_mdc_hit_rate_stats(&id.handle()).map(|_| Value::None),
        _ => return None,
    };
    Some(bind(name, args, &[], &[]).and_then(|_| call(id).map_err(Exc::from_hdf5)))
}

/// `FileID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    match name {
        "name" => Some(file::file_name(&id.handle()).map(Value::bytes).map_err(Exc::from_hdf5)),
        _ => None,
    }
}
