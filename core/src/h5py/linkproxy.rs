//! `GroupID.links`: h5py's `h5py.h5l.LinkProxy`, the H5L functions of a group.

use std::any::Any;
use std::rc::Rc;

use super::cyargs::{bind, bind_kw, bytes, bytes_or, c_bool, c_int_or, object_id, req, typed_id};
use super::ids::id_class;
use super::lowlevel::api;
use super::lowlevel::dispatch::{self, Outcome};
use crate::eval::Interp;
use crate::hdf5::link::{self, IndexType, IterOrder, LinkKind, LinkValue};
use crate::hdf5::Handle;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// `group_id.links`.
pub struct LinkProxy {
    /// The group the links are in.
    pub group: Handle,
}

impl PyObject for LinkProxy {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        id_class("h5py.h5l", "LinkProxy")
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        match dispatch::instance_attribute(vm, this, QUALNAME, name)? {
            Some(v) => Ok(Some(v)),
            None if name.starts_with("__") => Ok(None),
            None => Err(dispatch::attribute_error(QUALNAME, name)),
        }
    }

    fn dir(&self) -> Vec<String> {
        api::member_names(QUALNAME)
    }
}

const QUALNAME: &str = "h5py.h5l.LinkProxy";

/// `LinkProxy`'s methods (`None` for names h5lab does not implement).
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let proxy = receiver.downcast::<LinkProxy>()?;
    let group = proxy.group.clone();
    Some(call(vm, &group, name, args))
}

fn call(vm: &mut Interp, group: &Handle, name: &str, args: Args) -> PyResult<Value> {
    Ok(match name {
        "create_external" => {
            let s = bind(name, args, &["link_name", "file_name", "obj_name"], &["lcpl", "lapl"])?;
            let link_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let file_name = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
            let obj_name = bytes(s[2].as_ref().unwrap_or(&Value::None))?;
            let lcpl = super::lowlevel::plist_arg(&s[3], "lcpl")?;
            link::create_external(&*file_name, &*obj_name, group, &*link_name, lcpl.as_ref()).map_err(Exc::from_hdf5)?;
            Value::None
        }
        "create_soft" => {
            let s = bind(name, args, &["new_name", "target"], &["lcpl", "lapl"])?;
            let new_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let target = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
            let lcpl = super::lowlevel::plist_arg(&s[2], "lcpl")?;
            link::create_soft(&*target, group, &*new_name, lcpl.as_ref()).map_err(Exc::from_hdf5)?;
            Value::None
        }
        "create_hard" => {
            let s = bind(name, args, &["new_name", "cur_loc", "cur_name"], &["lcpl", "lapl"])?;
            let new_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let loc = object_id(s[1].as_ref().unwrap_or(&Value::None), "cur_loc")?.handle();
            let cur_name = bytes(s[2].as_ref().unwrap_or(&Value::None))?;
            let lcpl = super::lowlevel::plist_arg(&s[3], "lcpl")?;
            link::create_hard(&loc, &*cur_name, group, &*new_name, lcpl.as_ref()).map_err(Exc::from_hdf5)?;
            Value::None
        }
        "exists" => {
            let s = bind(name, args, &["name"], &["lapl"])?;
            let link_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            Value::Bool(link::exists(group, &*link_name, None).map_err(Exc::from_hdf5)?)
        }
        "get_val" => {
            let s = bind(name, args, &["name"], &["lapl"])?;
            let link_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let kind = link::info(group, &*link_name, None).map_err(Exc::from_hdf5)?.kind;
            if !matches!(kind, LinkKind::Soft | LinkKind::External) {
                return Err(Exc::type_error("Link must be either a soft or external link"));
            }
            match link::value(group, &*link_name, None).map_err(Exc::from_hdf5)? {
                LinkValue::Soft(path) => Value::bytes(path),
                LinkValue::External { file, path } => Value::tuple(vec![Value::bytes(file), Value::bytes(path)]),
                LinkValue::Other(raw) => Value::bytes(raw),
            }
        }
        "get_info" => {
            let s = bind(name, args, &["name"], &["index", "lapl"])?;
            let link_name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let info = link::info(group, &*link_name, None).map_err(Exc::from_hdf5)?;
            Value::object(super::lowlevel::LinkInfoObject { info })
        }
        "move" => {
            let s = bind(name, args, &["src_name", "dst_loc", "dst_name"], &["lcpl", "lapl"])?;
            let src_name = bytes(req(&s, 0))?;
            let dst = typed_id(req(&s, 1), "dst_loc", "h5py.h5g.GroupID")?.handle();
            let dst_name = bytes(req(&s, 2))?;
            let lcpl = super::lowlevel::plist_arg(&s[3], "lcpl")?;
            link::move_link(group, &*src_name, &dst, &*dst_name, lcpl.as_ref()).map_err(Exc::from_hdf5)?;
            Value::None
        }
        "iterate" | "visit" => {
            let s = if name == "visit" {
                bind_kw(name, args, &["func"], &[], &["idx_type", "order", "obj_name", "lapl", "info"])?
            } else {
                bind_kw(name, args, &["func"], &[], &["idx_type", "order", "obj_name", "lapl", "info", "idx"])?
            };
            let func = req(&s, 0).clone();
            let obj_name = bytes_or(&s[3], b".")?;
            let with_info = c_bool(vm, &s[5], false)?;
            let start = if name == "iterate" { c_int_or(vm, &s[6], "hsize_t", 0)? as usize } else { 0 };
            let index = match c_int_or(vm, &s[1], "int", 0)? { 1 => IndexType::CreationOrder, _ => IndexType::Name };
            let order = match c_int_or(vm, &s[2], "int", 0)? { 1 => IterOrder::Decreasing, _ => IterOrder::Increasing };
            let target = crate::hdf5::object::open(group, &*obj_name, None).map_err(Exc::from_hdf5)?;
            let links = if name == "visit" { link::visit(&target, index, order) } else { link::list(&target, index, order) }
                .map_err(Exc::from_hdf5)?;
            let total = links.len();
            for (i, (link_name, info)) in links.into_iter().enumerate().skip(start) {
                let mut call_args = vec![Value::bytes(link_name)];
                if with_info {
                    call_args.push(Value::object(super::lowlevel::LinkInfoObject { info }));
                }
                let result = vm.call(&func, Args::positional(call_args))?;
                if !result.is_none() {
                    // iterate answers (result, index after the stopping link); visit the result.
                    return Ok(if name == "iterate" { Value::tuple(vec![result, Value::Int(i as i64 + 1)]) } else { result });
                }
            }
            if name == "iterate" {
                Value::tuple(vec![Value::None, Value::Int(total.max(start) as i64)])
            } else {
                Value::None
            }
        }
        _ => return Err(Exc::not_implemented(format!("h5py.h5l.LinkProxy.{name} is not implemented in h5lab"))),
    })
}

/// h5py's `h5l.TYPE_*` number of a link kind.
pub fn link_type_code(kind: LinkKind) -> i64 {
    kind.code() as i64
}
