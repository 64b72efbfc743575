//! Iteration objects: `range`, `slice`, the singletons `Ellipsis` and `NotImplemented`,
//! and lazy iterators (`enumerate`, `zip`, `map`, `iter(list)`, ...).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::int;
use super::list::adjust_slice;
use super::object::{address, PyObject};
use super::types::{builtin, TypeObject};
use super::Value;
use crate::eval::Interp;
use crate::syntax::ast::CmpOp;

/// `range(start, stop, step)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// First value.
    pub start: i64,
    /// End (exclusive).
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
}

impl Range {
    /// Number of values.
    pub fn len(&self) -> usize {
        let (lo, hi, step) = if self.step > 0 { (self.start, self.stop, self.step) } else { (self.stop, self.start, -self.step) };
        if lo >= hi {
            0
        } else {
            ((hi as i128 - lo as i128 - 1) / step as i128 + 1) as usize
        }
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Value at position `i` (in range).
    pub fn at(&self, i: usize) -> i64 {
        self.start + self.step * i as i64
    }
}

impl PyObject for Range {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.range.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(if self.step == 1 {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        })
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "index" | "count" => Some(super::function::NativeMethod::value(this, name, range_method)),
            "start" => Some(Value::Int(self.start)),
            "stop" => Some(Value::Int(self.stop)),
            "step" => Some(Value::Int(self.step)),
            _ => None,
        })
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.len()))
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        if let Some(slice) = key.downcast::<Slice>() {
            let (start, stop, step) = slice.resolve(vm, self.len())?;
            let sub = Range { start: self.at(0) + start * self.step, stop: self.at(0) + stop * self.step, step: step * self.step };
            return Ok(Value::object(sub));
        }
        let index = vm.index_value(key, "range indices must be integers or slices, not")?;
        match super::list::normalize_index(index, self.len()) {
            Some(i) => Ok(Value::Int(self.at(i))),
            None => Err(Exc::index_error("range object index out of range")),
        }
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let range = *self;
        let mut i = 0usize;
        Ok(NativeIterator::value("range_iterator", move |_vm| {
            if i < range.len() {
                i += 1;
                Ok(Some(Value::Int(range.at(i - 1))))
            } else {
                Ok(None)
            }
        }))
    }

    fn contains(&self, _vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        let Some(v) = int::to_i64(item) else { return Ok(None) };
        let inside = if self.step > 0 { v >= self.start && v < self.stop } else { v <= self.start && v > self.stop };
        Ok(Some(inside && (v - self.start) % self.step == 0))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(other) = other.downcast::<Range>() else { return Ok(None) };
        let same = self.len() == other.len()
            && (self.is_empty() || (self.start == other.start && (self.len() == 1 || self.step == other.step)));
        Ok(match op {
            CmpOp::Eq => Some(Value::Bool(same)),
            CmpOp::NotEq => Some(Value::Bool(!same)),
            _ => None,
        })
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        Some(self.start.wrapping_mul(31).wrapping_add(self.stop).wrapping_mul(31).wrapping_add(self.step))
    }
}

/// `range.index(x)` and `range.count(x)`.
fn range_method(vm: &mut Interp, this: &Value, name: &str, args: super::object::Args) -> PyResult<Value> {
    super::function::check_arity(name, &args, 1, 1)?;
    let Some(range) = this.downcast::<Range>() else { return Ok(Value::None) };
    let item = &args.positional[0];
    let position = match int::to_i64(item) {
        Some(v) => {
            let inside = if range.step > 0 { v >= range.start && v < range.stop } else { v <= range.start && v > range.stop };
            (inside && (v - range.start) % range.step == 0).then(|| (v - range.start) / range.step)
        }
        _ => None,
    };
    let position = match position {
        Some(p) => Some(p),
        None if int::to_i64(item).is_none() => {
            let mut found = None;
            for i in 0..range.len() {
                if vm.eq(&Value::Int(range.at(i)), item)? {
                    found = Some(i as i64);
                    break;
                }
            }
            found
        }
        None => None,
    };
    Ok(match (name, position) {
        ("count", p) => Value::Int(p.is_some() as i64),
        (_, Some(p)) => Value::Int(p),
        _ => return Err(Exc::value_error(format!("{} is not in range", vm.repr(item)?))),
    })
}

/// `slice(start, stop, step)`.
#[derive(Clone)]
pub struct Slice {
    /// Start (None for default).
    pub start: Value,
    /// Stop.
    pub stop: Value,
    /// Step.
    pub step: Value,
}

impl Slice {
    fn bound(vm: &mut Interp, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => vm.index_value(other, "slice indices must be integers or None or have an __index__ method").map(Some),
        }
    }

    /// (start, stop, step) for a sequence of `len`, clamped as CPython clamps them.
    pub fn resolve(&self, vm: &mut Interp, len: usize) -> PyResult<(i64, i64, i64)> {
        let (start, stop, step) = (Slice::bound(vm, &self.start)?, Slice::bound(vm, &self.stop)?, Slice::bound(vm, &self.step)?);
        adjust_slice(start, stop, step, len)
    }

    /// The positions selected in a sequence of `len`.
    pub fn positions(&self, vm: &mut Interp, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.resolve(vm, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }
}

impl PyObject for Slice {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.slice.clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("slice({}, {}, {})", vm.repr(&self.start)?, vm.repr(&self.stop)?, vm.repr(&self.step)?))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "start" => Some(self.start.clone()),
            "stop" => Some(self.stop.clone()),
            "step" => Some(self.step.clone()),
            _ => None,
        })
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        None
    }
}

/// The `Ellipsis` and `NotImplemented` singletons.
pub struct Singleton {
    /// Its repr.
    pub name: &'static str,
}

thread_local! {
    static ELLIPSIS: Value = Value::object(Singleton { name: "Ellipsis" });
    static NOT_IMPLEMENTED: Value = Value::object(Singleton { name: "NotImplemented" });
}

/// The `...` value.
pub fn ellipsis() -> Value {
    ELLIPSIS.with(Value::clone)
}

/// The `NotImplemented` value.
pub fn not_implemented() -> Value {
    NOT_IMPLEMENTED.with(Value::clone)
}

/// Whether a value is `...`.
pub fn is_ellipsis(value: &Value) -> bool {
    value.downcast::<Singleton>().is_some_and(|s| s.name == "Ellipsis")
}

impl PyObject for Singleton {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| if self.name == "Ellipsis" { t.ellipsis.clone() } else { t.not_implemented.clone() })
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.name.to_string())
    }
}

type NextFn = Box<dyn FnMut(&mut Interp) -> PyResult<Option<Value>>>;

/// A lazy iterator implemented by a Rust closure: `<enumerate object at 0x...>`.
pub struct NativeIterator {
    name: &'static str,
    next: RefCell<Option<NextFn>>,
}

impl NativeIterator {
    /// An iterator value named like the Python type it stands for.
    pub fn value(name: &'static str, next: impl FnMut(&mut Interp) -> PyResult<Option<Value>> + 'static) -> Value {
        Value::object(NativeIterator { name, next: RefCell::new(Some(Box::new(next))) })
    }
}

thread_local! {
    static ITERATOR_TYPES: RefCell<Vec<Rc<TypeObject>>> = const { RefCell::new(Vec::new()) };
}

fn iterator_type(name: &'static str) -> Rc<TypeObject> {
    ITERATOR_TYPES.with(|types| {
        if let Some(t) = types.borrow().iter().find(|t| t.name == name) {
            return t.clone();
        }
        let t = TypeObject::new(name, "builtins", vec![builtin(|b| b.object.clone())], None);
        types.borrow_mut().push(t.clone());
        t
    })
}

impl PyObject for NativeIterator {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        iterator_type(self.name)
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("<{} object at {}>", self.name, address(this)))
    }

    fn has_custom_repr(&self) -> bool {
        // IPython shows its default `<name at 0x...>` for these iterators.
        false
    }

    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Ok(this.clone())
    }

    fn next(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<Value>> {
        // Take the closure out while it runs, so a re-entrant next() sees an exhausted
        // iterator (as CPython's "generator already executing" would refuse) instead
        // of a double borrow.
        let Some(mut next) = self.next.borrow_mut().take() else { return Ok(None) };
        let result = next(vm);
        if matches!(result, Ok(Some(_))) {
            *self.next.borrow_mut() = Some(next);
        }
        result
    }

    fn is_iterator(&self) -> bool {
        true
    }
}
