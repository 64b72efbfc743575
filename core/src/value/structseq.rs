//! Struct sequences: tuples whose items also have names (`sys.version_info`,
//! `time.struct_time`): `sys.version_info(major=3, minor=11, ...)`.

use std::any::Any;
use std::rc::Rc;

use super::exception::PyResult;
use super::object::PyObject;
use super::types::{builtin, TypeObject};
use super::Value;
use crate::eval::Interp;
use crate::syntax::ast::{BinOp, CmpOp};

/// A named tuple of a builtin module.
pub struct StructSeq {
    class: Rc<TypeObject>,
    fields: &'static [&'static str],
    items: Value,
    /// `collections.namedtuple` style: the repr shows the bare class name.
    bare_name: bool,
}

thread_local! {
    static NAMEDTUPLE_CLASSES: std::cell::RefCell<Vec<Rc<TypeObject>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl StructSeq {
    /// A struct sequence value of type `module.name` with `fields` named `items`.
    pub fn value(module: &str, name: &str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
        let class = TypeObject::new(name, module, vec![builtin(|t| t.tuple.clone())], None);
        Value::object(StructSeq { class, fields, items: Value::tuple(items), bare_name: false })
    }

    /// A `collections.namedtuple` value of class `module.name` (one class object per
    /// name, shown bare in the repr: `string_info(encoding='utf-8', length=None)`).
    pub fn namedtuple(module: &str, name: &str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
        let class = NAMEDTUPLE_CLASSES.with(|c| {
            if let Some(t) = c.borrow().iter().find(|t| t.name == name && t.module == module) {
                return t.clone();
            }
            let t = TypeObject::new(name, module, vec![builtin(|b| b.tuple.clone())], None);
            c.borrow_mut().push(t.clone());
            t
        });
        Value::object(StructSeq { class, fields, items: Value::tuple(items), bare_name: true })
    }

    fn items(&self) -> &[Value] {
        match &self.items {
            Value::Tuple(items) => items,
            _ => &[],
        }
    }
}

impl PyObject for StructSeq {
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
        let name = if self.bare_name { self.class.name.to_string() } else { self.class.qualified_name() };
        Ok(format!("{name}({})", parts.join(", ")))
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
        Ok(super::iter::NativeIterator::value("tuple_iterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        vm.contains(&self.items, item).map(Some)
    }

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let other = match other.downcast::<StructSeq>() {
            Some(s) => s.items.clone(),
            None => other.clone(),
        };
        if !matches!(other, Value::Tuple(_)) {
            return Ok(None);
        }
        vm.compare(op, &self.items, &other).map(Some)
    }

    fn binary_op(&self, vm: &mut Interp, _this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        if !matches!(other, Value::Tuple(_)) {
            return Ok(None);
        }
        let result = if reflected { vm.binary_op(op, other, &self.items) } else { vm.binary_op(op, &self.items, other) };
        result.map(Some)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        super::dict::hash_value(&self.items).ok()
    }
}
