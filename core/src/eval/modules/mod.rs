//! Modules: the module object, `import`, and the native modules (`sys`, `os`,
//! `os.path`, `math`, `time`; NumPy and h5py register theirs here too).

pub mod io;
pub mod ipython;
mod math;
mod os;
mod sys;
mod time;
pub mod warnings;

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::{BuiltinFunction, Help};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

pub use os::io_error as os_io_error;
pub use sys::StdStream;

/// Builds a native module.
pub type Factory = fn(&mut Interp) -> PyResult<Value>;

/// The native modules importable by name.
fn factory(name: &str) -> Option<Factory> {
    Some(match name {
        "sys" => sys::module,
        "os" => os::module,
        "os.path" => os::path_module,
        "math" => math::module,
        "time" => time::module,
        "warnings" => warnings::module,
        _ => return crate::extensions::module_factory(name),
    })
}

/// A module object.
pub struct Module {
    /// `__name__`.
    pub name: String,
    /// Attributes in definition order.
    pub attributes: RefCell<IndexMap<String, Value>>,
    /// `__doc__`.
    pub doc: Option<String>,
    /// The error for a missing attribute that deserves its own message (NumPy's
    /// `np.float_` "was removed in the NumPy 2.0 release"), as a module `__getattr__`.
    pub missing: std::cell::Cell<Option<MissingAttribute>>,
}

/// A module's `__getattr__` for names it does not have: `Some(error)` to raise instead
/// of the plain AttributeError.
pub type MissingAttribute = fn(&str) -> Option<Exc>;

impl Module {
    /// A new, empty module.
    pub fn new(name: &str, doc: Option<&str>) -> Module {
        Module {
            name: name.to_string(),
            attributes: RefCell::new(IndexMap::new()),
            doc: doc.map(str::to_string),
            missing: std::cell::Cell::new(None),
        }
    }

    /// Sets an attribute.
    pub fn set(&self, name: &str, value: Value) {
        self.attributes.borrow_mut().insert(name.to_string(), value);
    }

    /// Adds a function.
    pub fn function(&self, name: &str, f: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static) {
        self.set(name, BuiltinFunction::with_help(name, Some(&self.name), Help::default(), f));
    }

    /// Adds a function with help text.
    pub fn function_with_help(&self, name: &str, help: Help, f: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static) {
        self.set(name, BuiltinFunction::with_help(name, Some(&self.name), help, f));
    }

    /// An attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attributes.borrow().get(name).cloned()
    }
}

impl PyObject for Module {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.module.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<module '{}' (built-in)>", self.name))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&self.name)),
            "__doc__" => Some(self.doc.as_deref().map_or(Value::None, Value::str)),
            _ => match (self.get(name), self.missing.get()) {
                (None, Some(missing)) => match missing(name) {
                    Some(error) => return Err(error),
                    None => None,
                },
                (found, _) => found,
            },
        })
    }

    fn setattr(&self, _vm: &mut Interp, _this: &Value, name: &str, value: Value) -> PyResult<()> {
        self.set(name, value);
        Ok(())
    }

    fn delattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<()> {
        match self.attributes.borrow_mut().shift_remove(name) {
            Some(_) => Ok(()),
            None => Err(Exc::attribute_error(format!("module '{}' has no attribute '{name}'", self.name))),
        }
    }

    fn dir(&self) -> Vec<String> {
        self.attributes.borrow().keys().cloned().collect()
    }

    fn doc(&self) -> Option<String> {
        self.doc.clone()
    }
}

impl Interp {
    /// `import name` (dotted names import each parent first).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some((parent, child)) = name.rsplit_once('.') {
            let parent_module = self.import_module(parent)?;
            if let Some(m) = self.modules.get(name) {
                return Ok(m.clone());
            }
            if let Some(attr) = self.getattr_opt(&parent_module, child)? {
                if attr.downcast::<Module>().is_some() {
                    self.register_module(name, attr.clone());
                    return Ok(attr);
                }
            }
            let Some(make) = factory(name) else {
                let is_package = parent_module.downcast::<Module>().is_some_and(|m| m.get("__path__").is_some());
                return Err(if is_package {
                    not_found(name)
                } else {
                    Exc::new(ExcKind::ModuleNotFoundError, format!("No module named '{name}'; '{parent}' is not a package"))
                });
            };
            let module = make(self)?;
            self.register_module(name, module.clone());
            if let Some(p) = parent_module.downcast::<Module>() {
                p.set(child, module.clone());
            }
            return Ok(module);
        }
        let Some(make) = factory(name) else {
            return Err(not_found(name));
        };
        let module = make(self)?;
        self.register_module(name, module.clone());
        Ok(module)
    }

    /// Records an imported module (`sys.modules` included).
    fn register_module(&mut self, name: &str, module: Value) {
        self.modules.insert(name.to_string(), module.clone());
        if let Some(sys) = self.modules.get("sys").and_then(|m| m.downcast::<Module>()).and_then(|m| m.get("modules")) {
            if let Value::Dict(d) = sys {
                let _ = d.set(Value::str(name), module);
            }
        }
    }

    /// The names `from m import *` binds: `__all__`, else the public attributes.
    pub(crate) fn module_public_names(&mut self, module: &Value) -> PyResult<Vec<(String, Value)>> {
        let Some(m) = module.downcast::<Module>() else { return Ok(Vec::new()) };
        if let Some(all) = m.get("__all__") {
            let names = self.collect(&all)?;
            let mut out = Vec::new();
            for n in names {
                let name = self.str(&n)?;
                let value = self.getattr(module, &name)?;
                out.push((name, value));
            }
            return Ok(out);
        }
        Ok(m.attributes.borrow().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}

fn not_found(name: &str) -> Exc {
    Exc::new(ExcKind::ModuleNotFoundError, format!("No module named '{name}'"))
}
