//! `h5py.h5o`: opening any object by name, object info (`ObjInfo`), linking anonymous
//! objects, copying, comments and visiting.

use super::h5;
use super::callable::FunctionBody;
use super::info::Record;
use super::plist_arg;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bind_kw, bytes, bytes_or, c_bool, c_int_or, object_id, opt, req};
use crate::h5py::ids::ObjectId;
use crate::hdf5::link::{IndexType, IterOrder};
use crate::hdf5::object::{self, ObjectInfoV1};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[
    ("open", open),
    ("get_info", get_info),
    ("link", link),
    ("copy", copy),
    ("exists_by_name", exists_by_name),
    ("set_comment", set_comment),
    ("get_comment", get_comment),
    ("visit", visit),
];

fn open(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("open", args, &["loc", "name"], &["lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let lapl = plist_arg(&s[2], "lapl")?;
    Ok(ObjectId::of(h5(object::open(&loc.handle(), &*name, lapl.as_ref()))?))
}

/// h5py's `ObjInfo` of an object (from HDF5's deprecated `H5O_info1_t`, as h5py reads
/// it), with its `hdr` and `meta_size` parts.
pub fn info_value(info: &ObjectInfoV1) -> Value {
    let int = |n: u64| Value::Int(n as i64);
    let space = Record::value(
        "h5py.h5o._OHdrSpace",
        vec![("total", int(info.hdr_space[0])), ("meta", int(info.hdr_space[1])), ("mesg", int(info.hdr_space[2])), ("free", int(info.hdr_space[3]))],
    );
    let mesg = Record::value("h5py.h5o._OHdrMesg", vec![("present", int(info.hdr_mesg[0])), ("shared", int(info.hdr_mesg[1]))]);
    let hdr = Record::value(
        "h5py.h5o._OHdr",
        vec![
            ("version", int(info.hdr.0 as u64)),
            ("nmesgs", int(info.hdr.1 as u64)),
            ("nchunks", int(info.hdr.2 as u64)),
            ("flags", int(info.hdr.3 as u64)),
            ("space", space),
            ("mesg", mesg),
        ],
    );
    let meta = |(index, heap): (u64, u64)| Record::value("h5py.h5o._ObjMetaInfo", vec![("index_size", int(index)), ("heap_size", int(heap))]);
    let meta_size = Record::value("h5py.h5o._OMetaSize", vec![("obj", meta(info.meta_size[0])), ("attr", meta(info.meta_size[1]))]);
    Record::value(
        "h5py.h5o.ObjInfo",
        vec![
            ("fileno", int(info.fileno)),
            ("addr", int(info.addr)),
            ("type", Value::Int(info.kind as i64)),
            ("rc", int(info.rc as u64)),
            ("atime", Value::Int(info.times[0])),
            ("mtime", Value::Int(info.times[1])),
            ("ctime", Value::Int(info.times[2])),
            ("btime", Value::Int(info.times[3])),
            ("num_attrs", int(info.num_attrs)),
            ("hdr", hdr),
            ("meta_size", meta_size),
        ],
    )
}

fn get_info(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("get_info", args, &["loc"], &["name", "index"], &["obj_name", "index_type", "order", "lapl", "fields"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let index = c_int_or(vm, &s[2], "int", -1)?;
    let lapl = plist_arg(&s[6], "lapl")?;
    let info = match (opt(&s, 1), index) {
        (Some(_), i) if i >= 0 => return Err(Exc::type_error("At most one of name or index may be specified")),
        (Some(name), _) => h5(object::info_v1(&loc.handle(), Some(&bytes(name)?), lapl.as_ref()))?,
        (None, i) if i >= 0 => {
            let obj_name = bytes_or(&s[3], b".")?;
            let index = if c_int_or(vm, &s[4], "int", 0)? == 1 { IndexType::CreationOrder } else { IndexType::Name };
            let order = if c_int_or(vm, &s[5], "int", 0)? == 1 { IterOrder::Decreasing } else { IterOrder::Increasing };
            h5(object::info_v1_by_idx(&loc.handle(), &obj_name, index, order, i as u64))?
        }
        (None, _) => h5(object::info_v1(&loc.handle(), None, None))?,
    };
    Ok(info_value(&info))
}

fn link(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("link", args, &["obj", "loc", "name"], &["lcpl", "lapl"])?;
    let obj = object_id(req(&s, 0), "obj")?;
    let loc = object_id(req(&s, 1), "loc")?;
    let name = bytes(req(&s, 2))?;
    let lcpl = plist_arg(&s[3], "lcpl")?;
    let lapl = plist_arg(&s[4], "lapl")?;
    h5(object::link(&obj.handle(), &loc.handle(), &*name, lcpl.as_ref(), lapl.as_ref()))?;
    Ok(Value::None)
}

fn copy(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("copy", args, &["src_loc", "src_name", "dst_loc", "dst_name"], &["copypl", "lcpl"])?;
    let src = object_id(req(&s, 0), "src_loc")?;
    let src_name = bytes(req(&s, 1))?;
    let dst = object_id(req(&s, 2), "dst_loc")?;
    let dst_name = bytes(req(&s, 3))?;
    let copypl = plist_arg(&s[4], "copypl")?;
    let lcpl = plist_arg(&s[5], "lcpl")?;
    h5(object::copy(&src.handle(), &*src_name, &dst.handle(), &*dst_name, copypl.as_ref(), lcpl.as_ref()))?;
    Ok(Value::None)
}

fn exists_by_name(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("exists_by_name", args, &["loc", "name"], &["lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    Ok(Value::Bool(h5(object::exists_by_name(&loc.handle(), &*name))?))
}

/// The object `loc/obj_name` a comment call is about.
fn comment_target(loc: &ObjectId, obj_name: &[u8]) -> PyResult<crate::hdf5::Handle> {
    if obj_name == b"." {
        return Ok(loc.handle());
    }
    h5(object::open(&loc.handle(), obj_name, None))
}

fn set_comment(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("set_comment", args, &["loc", "comment"], &[], &["obj_name", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let comment = bytes(req(&s, 1))?;
    let target = comment_target(loc, &bytes_or(&s[2], b".")?)?;
    h5(object::set_comment(&target, Some(&comment)))?;
    Ok(Value::None)
}

fn get_comment(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("get_comment", args, &["loc", "comment"], &[], &["obj_name", "lapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let target = comment_target(loc, &bytes_or(&s[2], b".")?)?;
    Ok(Value::bytes(h5(object::comment(&target))?.into_bytes()))
}

/// Calls `func(name)` (or `func(name, info)`) for every object below `loc`, skipping
/// `loc` itself as h5py does; the first result that is not None stops the visit.
fn visit(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind_kw("visit", args, &["loc", "func"], &[], &["idx_type", "order", "obj_name", "lapl", "info"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let func = req(&s, 1).clone();
    let index = if c_int_or(vm, &s[2], "int", 0)? == 1 { IndexType::CreationOrder } else { IndexType::Name };
    let order = if c_int_or(vm, &s[3], "int", 0)? == 1 { IterOrder::Decreasing } else { IterOrder::Increasing };
    let with_info = c_bool(vm, &s[6], false)?;
    let target = comment_target(loc, &bytes_or(&s[4], b".")?)?;
    for (name, _) in h5(object::visit(&target, index, order))? {
        if name == b"." {
            continue;
        }
        let mut call = vec![Value::bytes(name.clone())];
        if with_info {
            call.push(info_value(&h5(object::info_v1(&target, Some(&name), None))?));
        }
        let result = vm.call(&func, Args::positional(call))?;
        if !result.is_none() {
            return Ok(result);
        }
    }
    Ok(Value::None)
}
