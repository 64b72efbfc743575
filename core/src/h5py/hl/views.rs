//! h5py's mapping views: `KeysViewHDF5`, `ValuesViewHDF5`, `ItemsViewHDF5` (what
//! `group.keys()`, `.values()` and `.items()` return; live, not copies).

use std::any::Any;
use std::rc::Rc;

use crate::eval::Interp;
use crate::syntax::ast::CmpOp;
use crate::value::exception::PyResult;
use crate::value::object::PyObject;
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// Which view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A view over a group (or an attribute manager: anything with `len`, `iter` and
/// `getitem`).
pub struct MappingView {
    kind: ViewKind,
    mapping: Value,
}

thread_local! {
    static CLASSES: [Rc<TypeObject>; 3] = {
        let object = builtin(|t| t.object.clone());
        [
            TypeObject::new("KeysViewHDF5", "h5py._hl.base", vec![object.clone()], None),
            TypeObject::new("ValuesViewHDF5", "h5py._hl.base", vec![object.clone()], None),
            TypeObject::new("ItemsViewHDF5", "h5py._hl.base", vec![object], None),
        ]
    };
}

/// The view named by the method that makes it (`"keys"`, `"values"`, `"items"`).
pub fn view(method: &str, mapping: Value) -> Value {
    let kind = match method {
        "keys" => ViewKind::Keys,
        "values" => ViewKind::Values,
        _ => ViewKind::Items,
    };
    Value::object(MappingView { kind, mapping })
}

impl MappingView {
    fn keys(&self, vm: &mut Interp) -> PyResult<Vec<Value>> {
        vm.collect(&self.mapping)
    }
}

impl PyObject for MappingView {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        CLASSES.with(|c| c[self.kind as usize].clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let class = self.class().name.clone();
        Ok(match self.kind {
            ViewKind::Keys => {
                let keys = self.keys(vm)?;
                format!("<{class} {}>", vm.repr(&Value::list(keys))?)
            }
            _ => format!("{class}({})", vm.repr(&self.mapping)?),
        })
    }

    fn len(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        vm.len(&self.mapping).map(Some)
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let keys = self.keys(vm)?;
        let items: Vec<Value> = match self.kind {
            ViewKind::Keys => keys,
            ViewKind::Values => {
                let mut out = Vec::with_capacity(keys.len());
                for k in keys {
                    out.push(vm.getitem(&self.mapping, &k)?);
                }
                out
            }
            ViewKind::Items => {
                let mut out = Vec::with_capacity(keys.len());
                for k in keys {
                    let v = vm.getitem(&self.mapping, &k)?;
                    out.push(Value::tuple(vec![k, v]));
                }
                out
            }
        };
        let list = Value::list(items);
        let mut it = vm.iterate(&list)?;
        Ok(crate::value::iter::NativeIterator::value("generator", move |vm| it.next(vm)))
    }

    /// `Set.__eq__` of `collections.abc` for keys and items views: equal to another
    /// set of the same members; values views and other objects compare by identity.
    fn compare(&self, vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) || matches!(self.kind, ViewKind::Values) {
            return Ok(None);
        }
        let is_set = other.downcast::<crate::value::Set>().is_some()
            || other.downcast::<MappingView>().is_some_and(|v| !matches!(v.kind, ViewKind::Values));
        if !is_set {
            return Ok(None);
        }
        let mine = vm.collect(this)?;
        let theirs = vm.collect(other)?;
        let mut equal = mine.len() == theirs.len();
        if equal {
            for item in &mine {
                if !vm.compare(CmpOp::In, item, other)?.is(&Value::Bool(true)) {
                    equal = false;
                    break;
                }
            }
        }
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    fn contains(&self, vm: &mut Interp, this: &Value, item: &Value) -> PyResult<Option<bool>> {
        if self.kind == ViewKind::Keys {
            return vm.contains(&self.mapping, item).map(Some);
        }
        let iterator = self.iter(vm, this)?;
        for v in vm.collect(&iterator)? {
            if vm.eq(&v, item)? {
                return Ok(Some(true));
            }
        }
        Ok(Some(false))
    }
}
