//! The small read-only records h5py's low level hands back: `h5g.GroupStat`,
//! `h5a.AttrInfo`, `h5o.ObjInfo` (with its `hdr` and `meta_size` parts),
//! `h5.H5PYConfig`, ... — one [`Record`] type with h5py's class and named fields — and
//! `h5d.StoreInfo`, a namedtuple.

use std::any::Any;
use std::rc::Rc;

use super::classes::class_object;
use super::dispatch::attribute_error;
use crate::eval::Interp;
use crate::syntax::ast::CmpOp;
use crate::value::exception::PyResult;
use crate::value::object::PyObject;
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// A record of an h5py class (`h5py.h5g.GroupStat`) with read-only fields.
pub struct Record {
    qualname: &'static str,
    fields: Vec<(&'static str, Value)>,
}

impl Record {
    /// A record of class `qualname`.
    pub fn value(qualname: &'static str, fields: Vec<(&'static str, Value)>) -> Value {
        Value::object(Record { qualname, fields })
    }
}

impl PyObject for Record {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_object(self.qualname)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Some((_, v)) = self.fields.iter().find(|(n, _)| *n == name) {
            return Ok(Some(v.clone()));
        }
        if name.starts_with("__") {
            return Ok(None);
        }
        Err(attribute_error(self.qualname, name))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fields.iter().map(|(n, _)| n.to_string()).collect();
        names.sort();
        names
    }
}

/// A namedtuple (`h5py.h5d.StoreInfo`): a tuple whose repr names its fields.
pub struct NamedTuple {
    module: &'static str,
    name: &'static str,
    fields: &'static [&'static str],
    items: Value,
}

impl NamedTuple {
    /// `module.name(field=item, ...)`.
    pub fn value(module: &'static str, name: &'static str, fields: &'static [&'static str], items: Vec<Value>) -> Value {
        Value::object(NamedTuple { module, name, fields, items: Value::tuple(items) })
    }

    fn items(&self) -> &[Value] {
        match &self.items {
            Value::Tuple(items) => items,
            _ => &[],
        }
    }
}

thread_local! {
    static NAMEDTUPLE_CLASSES: std::cell::RefCell<Vec<Rc<TypeObject>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl PyObject for NamedTuple {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        NAMEDTUPLE_CLASSES.with(|c| {
            let mut classes = c.borrow_mut();
            if let Some(t) = classes.iter().find(|t| t.name == self.name && t.module == self.module) {
                return t.clone();
            }
            let t = TypeObject::new(self.name, self.module, vec![builtin(|b| b.tuple.clone())], None);
            classes.push(t.clone());
            t
        })
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for (name, value) in self.fields.iter().zip(self.items()) {
            parts.push(format!("{name}={}", vm.repr(value)?));
        }
        Ok(format!("{}({})", self.name, parts.join(", ")))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(self.fields.iter().position(|f| *f == name).and_then(|i| self.items().get(i).cloned()))
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

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let other = match other.downcast::<NamedTuple>() {
            Some(t) => t.items.clone(),
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
