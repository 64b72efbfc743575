//! Named tuples of h5py's Python code (`string_info(encoding='utf-8', length=None)`,
//! `_H5PY_VERSION_CLS(major=3, ...)`): tuples whose items also have names, shown as
//! `collections.namedtuple` shows them.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::eval::Interp;
use crate::syntax::ast::CmpOp;
use crate::value::exception::PyResult;
use crate::value::object::PyObject;
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// A named tuple value.
pub struct NamedTuple {
    class: Rc<TypeObject>,
    fields: &'static [&'static str],
    items: Value,
}

thread_local! {
    static CLASSES: RefCell<Vec<Rc<TypeObject>>> = const { RefCell::new(Vec::new()) };
}

fn class(module: &str, name: &str) -> Rc<TypeObject> {
    CLASSES.with(|c| {
        if let Some(t) = c.borrow().iter().find(|t| t.name == name && t.module == module) {
            return t.clone();
        }
        let t = TypeObject::new(name, module, vec![builtin(|b| b.tuple.clone())], None);
        c.borrow_mut().push(t.clone());
        t
    })
}

/// A named tuple of class `module.name` with `fields` holding `items`.
pub fn value(module: &str, name: &str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
    Value::object(NamedTuple { class: class(module, name), fields, items: Value::tuple(items) })
}

impl NamedTuple {
    fn items(&self) -> &[Value] {
        match &self.items {
            Value::Tuple(items) => items,
            _ => &[],
        }
    }
}

impl PyObject for NamedTuple {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        self.class.clone()
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for (name, value) in self.fields.iter().zip(self.items()) {
            parts.push(format!("{name}={}", vm.repr(value)?));
        }
        Ok(format!("{}({})", self.class.name, parts.join(", ")))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.fields.iter().position(|f| *f == name).and_then(|i| self.items().get(i).cloned()))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fields.iter().map(|s| s.to_string()).collect();
        names.extend(["count".to_string(), "index".to_string()]);
        names
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        vm.getitem(&self.items, key)
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.items().len()))
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let mut iter = vm.iterate(&self.items)?;
        Ok(crate::value::iter::NativeIterator::value("tuple_iterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        vm.contains(&self.items, item).map(Some)
    }

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let other = match other.downcast::<NamedTuple>() {
            Some(s) => s.items.clone(),
            None => other.clone(),
        };
        if !matches!(other, Value::Tuple(_)) {
            return Ok(None);
        }
        vm.compare(op, &self.items, &other).map(Some)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        crate::value::dict::hash_value(&self.items).ok()
    }
}
