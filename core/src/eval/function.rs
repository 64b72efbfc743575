//! User-defined functions (`def`, `lambda`) as values.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::ir::FunctionCode;
use super::Interp;
use crate::value::object::{address, Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{PyResult, Value};

/// A closure cell.
pub type Cell = Rc<RefCell<Option<Value>>>;

/// A function made by `def` or `lambda`.
pub struct Function {
    /// The compiled code.
    pub code: Rc<FunctionCode>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters.
    pub kw_defaults: Vec<(Rc<str>, Value)>,
    /// Captured cells, one per free variable.
    pub closure: Vec<Cell>,
    /// `__doc__`, settable.
    pub doc: RefCell<Option<Rc<str>>>,
    /// Attributes set on the function (`f.attr = ...`).
    pub attributes: RefCell<Vec<(String, Value)>>,
}

impl PyObject for Function {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.function.clone())
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("<function {} at {}>", self.code.qualname, address(this)))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&*self.code.name)),
            "__qualname__" => Some(Value::str(&*self.code.qualname)),
            "__module__" => Some(Value::str("__main__")),
            "__doc__" => Some(self.doc.borrow().as_deref().map_or(Value::None, Value::str)),
            "__defaults__" => Some(if self.defaults.is_empty() { Value::None } else { Value::tuple(self.defaults.clone()) }),
            _ => self.attributes.borrow().iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()),
        })
    }

    fn setattr(&self, _vm: &mut Interp, _this: &Value, name: &str, value: Value) -> PyResult<()> {
        if name == "__doc__" {
            *self.doc.borrow_mut() = match &value {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            };
            return Ok(());
        }
        let mut attrs = self.attributes.borrow_mut();
        match attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => attrs.push((name.to_string(), value)),
        }
        Ok(())
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        vm.call_function(self, args)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn doc(&self) -> Option<String> {
        self.doc.borrow().as_deref().map(str::to_string)
    }
}
