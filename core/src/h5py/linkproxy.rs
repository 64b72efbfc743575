//! `GroupID.links`: h5py's `h5py.h5l.LinkProxy`, the H5L functions of a group.

use std::any::Any;
use std::rc::Rc;

use super::cyargs::{bind, bytes, object_id};
use super::ids::id_class;
use crate::eval::Interp;
use crate::hdf5::link::{self, LinkKind, LinkValue};
use crate::hdf5::Handle;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::NativeMethod;
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// `group_id.links`.
pub struct LinkProxy {
    /// The group the links are in.
    pub group: Handle,
}

const METHODS: &[&str] = &["create_external", "create_hard", "create_soft", "exists", "get_info", "get_val", "iterate", "visit"];

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

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(METHODS.contains(&name).then(|| NativeMethod::value(this, name, call)))
    }

    fn dir(&self) -> Vec<String> {
        METHODS.iter().map(|s| s.to_string()).collect()
    }
}

fn call(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(proxy) = this.downcast::<LinkProxy>() else { return Ok(Value::None) };
    let group = &proxy.group;
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
        _ => {
            let _ = vm;
            return Err(Exc::not_implemented(format!("h5py.h5l.LinkProxy.{name}")));
        }
    })
}

/// h5py's `h5l.TYPE_*` number of a link kind.
pub fn link_type_code(kind: LinkKind) -> i64 {
    kind.code() as i64
}
