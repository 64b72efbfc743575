//! `h5py.h5l`: the `TYPE_*` constants (from the recorded API) and `LinkInfo`, what
//! `group_id.links.get_info` returns. `LinkProxy` itself is [`crate::h5py::linkproxy`].

use std::any::Any;
use std::rc::Rc;

use super::classes::class_object;
use super::dispatch::attribute_error;
use crate::eval::Interp;
use crate::hdf5::datatype::CharSet;
use crate::hdf5::link::{LinkInfo, LinkKind};
use crate::value::exception::PyResult;
use crate::value::object::PyObject;
use crate::value::types::TypeObject;
use crate::value::Value;

/// `h5py.h5l.LinkInfo`.
pub struct LinkInfoObject {
    /// The info.
    pub info: LinkInfo,
}

const FIELDS: &[&str] = &["corder", "corder_valid", "cset", "type", "u"];

impl PyObject for LinkInfoObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_object("h5py.h5l.LinkInfo")
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "type" => Value::Int(self.info.kind.code() as i64),
            "corder_valid" => Value::Bool(self.info.creation_order.is_some()),
            "corder" => Value::Int(self.info.creation_order.unwrap_or(0)),
            "cset" => Value::Int(matches!(self.info.cset, CharSet::Utf8) as i64),
            "u" => Value::Int(if self.info.kind == LinkKind::Hard {
                u64::from_le_bytes(self.info.token[..8].try_into().unwrap_or([0; 8])) as i64
            } else {
                self.info.value_size as i64
            }),
            n if n.starts_with("__") => return Ok(None),
            _ => return Err(attribute_error("h5py.h5l.LinkInfo", name)),
        }))
    }

    fn dir(&self) -> Vec<String> {
        FIELDS.iter().map(|s| s.to_string()).collect()
    }
}
