//! `h5py.h5g`: opening and creating groups, the 1.6-era object info and iteration, and
//! the methods of `GroupID` (members by index, links, comments, `links`).

use super::h5;
use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::info::Record;
use super::{plist_arg, plist_value};
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bind_kw, bytes, bytes_or, c_int, c_int_or, object_id, optional_typed, req};
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::linkproxy::LinkProxy;
use crate::hdf5::link::{self, IndexType, IterOrder};
use crate::hdf5::{group, File, Group};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] =
    &[("open", open), ("create", create), ("get_objinfo", get_objinfo), ("iterate", iterate)];

fn open(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("open", args, &["loc", "name"], &[])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let g = h5(Group::open(&loc.handle(), &*name))?;
    Ok(ObjectId::value(IdKind::Group, g.handle().clone()))
}

fn create(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["loc", "name"], &["lcpl", "gcpl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let lcpl = plist_arg(&s[2], "lcpl")?;
    let gcpl = plist_arg(&s[3], "gcpl")?;
    let g = match req(&s, 1) {
        Value::None => h5(Group::create_anonymous(&loc.handle(), gcpl.as_ref()))?,
        name => h5(Group::create(&loc.handle(), &*bytes(name)?, lcpl.as_ref(), gcpl.as_ref()))?,
    };
    Ok(ObjectId::value(IdKind::Group, g.handle().clone()))
}

/// `h5g.GroupStat` of `loc/name`.
fn stat_value(stat: group::ObjStat) -> Value {
    let pair = |p: [u64; 2]| Value::tuple(vec![Value::Int(p[0] as i64), Value::Int(p[1] as i64)]);
    Record::value(
        "h5py.h5g.GroupStat",
        vec![
            ("fileno", pair(stat.fileno)),
            ("objno", pair(stat.objno)),
            ("nlink", Value::Int(stat.nlink as i64)),
            ("type", Value::Int(stat.kind as i64)),
            ("mtime", Value::Int(stat.mtime)),
            ("linklen", Value::Int(stat.linklen as i64)),
        ],
    )
}

fn get_objinfo(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_objinfo", args, &["obj"], &["name", "follow_link"])?;
    let obj = object_id(req(&s, 0), "obj")?;
    let name = bytes_or(&s[1], b".")?;
    let follow = c_int_or(vm, &s[2], "int", 1)? != 0;
    Ok(stat_value(h5(group::objinfo(&obj.handle(), &name, follow))?))
}

/// Calls `func(name)` for each link of `loc/obj_name` from `startidx`, by name; the
/// first result that is not None stops the iteration and is returned.
fn iterate(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("iterate", args, &["loc", "func"], &["startidx"], &["obj_name"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let func = req(&s, 1).clone();
    let start = c_int_or(vm, &s[2], "int", 0)?;
    let obj_name = bytes_or(&s[3], b".")?;
    let group = h5(Group::open(&loc.handle(), &*obj_name))?;
    let links = h5(link::list(group.handle(), IndexType::Name, IterOrder::Increasing))?;
    if start < 0 || start as usize > links.len() {
        return Err(Exc::value_error("Starting index must be non-negative and less than the number of links"));
    }
    for (name, _) in links.into_iter().skip(start as usize) {
        let result = vm.call(&func, Args::positional(vec![Value::bytes(name)]))?;
        if !result.is_none() {
            return Ok(result);
        }
    }
    Ok(Value::None)
}

fn group_handle(this: &Value) -> Option<crate::hdf5::Handle> {
    this.downcast::<ObjectId>().map(ObjectId::handle)
}

/// `GroupID`'s methods.
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let loc = group_handle(receiver)?;
    Some((|| match name {
        "get_num_objs" => {
            bind(name, args, &[], &[])?;
            Ok(Value::Int(h5(group::num_objs(&loc))? as i64))
        }
        "get_objname_by_idx" => {
            let s = bind(name, args, &["idx"], &[])?;
            let idx = c_int(vm, req(&s, 0), "hsize_t")?;
            Ok(Value::bytes(h5(group::objname_by_idx(&loc, idx as u64))?))
        }
        "get_objtype_by_idx" => {
            let s = bind(name, args, &["idx"], &[])?;
            let idx = c_int(vm, req(&s, 0), "hsize_t")?;
            Ok(Value::Int(h5(group::objtype_by_idx(&loc, idx as u64))? as i64))
        }
        "get_linkval" => {
            let s = bind(name, args, &["name"], &[])?;
            let link_name = bytes(req(&s, 0))?;
            let stat = h5(group::objinfo(&loc, &link_name, false))?;
            if stat.kind != 3 {
                let repr = vm.repr(&Value::Bytes(link_name))?;
                return Err(Exc::value_error(format!("\"{repr}\" is not a symbolic link.")));
            }
            Ok(Value::bytes(h5(group::linkval(&loc, &link_name, stat.linklen))?))
        }
        "link" => {
            let s = bind(name, args, &["current_name", "new_name"], &["link_type", "remote"])?;
            let current = bytes(req(&s, 0))?;
            let new = bytes(req(&s, 1))?;
            let kind = c_int_or(vm, &s[2], "int", 0)?;
            let remote = optional_typed(&s[3], "remote", "h5py.h5g.GroupID")?.map_or_else(|| loc.clone(), ObjectId::handle);
            h5(group::link(&loc, &current, kind as i32, &remote, &new))?;
            Ok(Value::None)
        }
        "unlink" => {
            let s = bind(name, args, &["name"], &[])?;
            h5(group::unlink(&loc, &*bytes(req(&s, 0))?))?;
            Ok(Value::None)
        }
        "move" => {
            let s = bind(name, args, &["current_name", "new_name"], &["remote"])?;
            let current = bytes(req(&s, 0))?;
            let new = bytes(req(&s, 1))?;
            let remote = optional_typed(&s[2], "remote", "h5py.h5g.GroupID")?.map_or_else(|| loc.clone(), ObjectId::handle);
            h5(group::move_link(&loc, &current, &remote, &new))?;
            Ok(Value::None)
        }
        "set_comment" => {
            let s = bind(name, args, &["name", "comment"], &[])?;
            h5(group::set_comment(&loc, &bytes(req(&s, 0))?, &bytes(req(&s, 1))?))?;
            Ok(Value::None)
        }
        "get_comment" => {
            let s = bind(name, args, &["name"], &[])?;
            Ok(Value::bytes(h5(group::comment(&loc, &bytes(req(&s, 0))?))?))
        }
        "get_create_plist" => {
            bind(name, args, &[], &[])?;
            let plist = if receiver.downcast::<ObjectId>().is_some_and(|id| id.kind == IdKind::File) {
                h5(File::from_handle_unchecked(loc.clone()).create_plist())?
            } else {
                h5(Group::from_handle_unchecked(loc.clone()).create_plist())?
            };
            Ok(plist_value(plist))
        }
        _ => Err(Exc::not_implemented(format!("h5py.h5g.GroupID.{name} is not implemented in h5lab"))),
    })())
}

/// `GroupID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    match name {
        "links" => Some(Ok(Value::object(LinkProxy { group: id.handle() }))),
        _ => None,
    }
}

/// `len(group_id)`: its number of links.
pub fn len(id: &ObjectId) -> PyResult<usize> {
    Ok(h5(group::num_objs(&id.handle()))? as usize)
}

/// `name in group_id` (bytes or str names; paths are followed).
pub fn contains(id: &ObjectId, item: &Value) -> PyResult<bool> {
    let name: Vec<u8> = match item {
        Value::Bytes(b) => b.to_vec(),
        Value::Str(s) => s.as_bytes().to_vec(),
        other => return Err(Exc::type_error(format!("expected bytes, {} found", crate::value::types::type_of(other).name))),
    };
    Ok(group::objinfo(&id.handle(), &name, false).is_ok())
}

/// `iter(group_id)`: the member names, as bytes — in creation order where the group
/// tracks it (as h5py's iterator finds it), else by name.
pub fn names(id: &ObjectId) -> PyResult<Vec<Value>> {
    let loc = id.handle();
    let links = match link::list(&loc, IndexType::CreationOrder, IterOrder::Increasing) {
        Ok(links) => links,
        Err(_) => h5(link::list(&loc, IndexType::Name, IterOrder::Increasing))?,
    };
    Ok(links.into_iter().map(|(name, _)| Value::bytes(name)).collect())
}
