//! `h5py.SoftLink`, `h5py.ExternalLink` and `h5py.HardLink`: the values assigned into a
//! group to make links, and what `Group.get(name, getlink=True)` returns.

use std::any::Any;
use std::rc::Rc;

use crate::eval::Interp;
use crate::h5py::pyargs::method;
use crate::value::exception::PyResult;
use crate::value::object::{default_repr, Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// Which link class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkClass {
    /// `h5py.HardLink`.
    Hard,
    /// `h5py.SoftLink`.
    Soft,
    /// `h5py.ExternalLink`.
    External,
}

/// A link description object.
pub struct LinkObject {
    /// Its class.
    pub class: LinkClass,
    /// The path (soft and external links); `str(path)` as h5py stores it.
    pub path: Value,
    /// The file name (external links).
    pub filename: Value,
}

thread_local! {
    static CLASSES: [Rc<TypeObject>; 3] = {
        let object = builtin(|t| t.object.clone());
        [
            TypeObject::new("HardLink", "h5py._hl.group", vec![object.clone()], Some(construct)),
            TypeObject::new("SoftLink", "h5py._hl.group", vec![object.clone()], Some(construct)),
            TypeObject::new("ExternalLink", "h5py._hl.group", vec![object], Some(construct)),
        ]
    };
}

/// The class object of a link class.
pub fn class_of(class: LinkClass) -> Rc<TypeObject> {
    CLASSES.with(|c| c[class as usize].clone())
}

fn construct(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let which = CLASSES.with(|c| c.iter().position(|t| Rc::ptr_eq(t, class))).unwrap_or(0);
    match which {
        0 => {
            method("HardLink.__init__", args, &[], 0)?;
            Ok(Value::object(LinkObject { class: LinkClass::Hard, path: Value::None, filename: Value::None }))
        }
        1 => {
            let b = method("SoftLink.__init__", args, &["path"], 1)?;
            let path = Value::str(vm.str(b.req(0))?);
            Ok(soft(path))
        }
        _ => {
            let b = method("ExternalLink.__init__", args, &["filename", "path"], 2)?;
            let filename = match b.req(0) {
                Value::Bytes(bytes) => Value::str(String::from_utf8_lossy(bytes)),
                other => Value::str(vm.str(other)?),
            };
            Ok(external(filename, b.req(1).clone()))
        }
    }
}

/// A `SoftLink(path)` value.
pub fn soft(path: Value) -> Value {
    Value::object(LinkObject { class: LinkClass::Soft, path, filename: Value::None })
}

/// An `ExternalLink(filename, path)` value.
pub fn external(filename: Value, path: Value) -> Value {
    Value::object(LinkObject { class: LinkClass::External, path, filename })
}

impl PyObject for LinkObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_of(self.class)
    }

    fn repr(&self, vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(match self.class {
            LinkClass::Hard => default_repr(&self.class(), this),
            LinkClass::Soft => format!("<SoftLink to \"{}\">", vm.str(&self.path)?),
            // h5py's repr really lacks the closing `>`.
            LinkClass::External => {
                format!("<ExternalLink to \"{}\" in file \"{}\"", vm.str(&self.path)?, vm.str(&self.filename)?)
            }
        })
    }

    fn has_custom_repr(&self) -> bool {
        self.class != LinkClass::Hard
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match (self.class, name) {
            (LinkClass::Soft | LinkClass::External, "path") => Some(self.path.clone()),
            (LinkClass::External, "filename") => Some(self.filename.clone()),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        match self.class {
            LinkClass::Hard => vec![],
            LinkClass::Soft => vec!["path".into()],
            LinkClass::External => vec!["filename".into(), "path".into()],
        }
    }
}
