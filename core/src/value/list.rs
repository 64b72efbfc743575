//! `list` (shared and mutable) and the sequence helpers lists and tuples share:
//! index normalisation, slicing, a stable merge sort whose comparisons may raise.

use std::cell::RefCell;

use super::exception::{Exc, PyResult};
use super::object::Args;
use super::Value;
use crate::eval::Interp;

/// A list's storage.
#[derive(Default)]
pub struct List {
    items: RefCell<Vec<Value>>,
}

impl Drop for List {
    fn drop(&mut self) {
        super::drop::drop_items(std::mem::take(self.items.get_mut()));
    }
}

impl List {
    /// A list of these items.
    pub fn new(items: Vec<Value>) -> List {
        List { items: RefCell::new(items) }
    }

    /// A copy of the items (lists may change while they are being used).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// Item `i`, if in range.
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// Appends.
    pub fn push(&self, value: Value) {
        self.items.borrow_mut().push(value);
    }

    /// Mutable access to the items (no Python code may run while it is held).
    pub fn with_items<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        f(&mut self.items.borrow_mut())
    }
}

/// A Python index (negative counts from the end) as a position in `0..len`, or None.
pub fn normalize_index(index: i64, len: usize) -> Option<usize> {
    let i = if index < 0 { index + len as i64 } else { index };
    (i >= 0 && (i as usize) < len).then_some(i as usize)
}

/// The positions a slice `start:stop:step` selects in a sequence of `len` items
/// (CPython's PySlice_AdjustIndices).
pub fn slice_indices(start: Option<i64>, stop: Option<i64>, step: Option<i64>, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = adjust_slice(start, stop, step, len)?;
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// CPython's slice adjustment: (start, stop, step) clamped to a sequence of `len`.
pub fn adjust_slice(start: Option<i64>, stop: Option<i64>, step: Option<i64>, len: usize) -> PyResult<(i64, i64, i64)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Exc::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v + len;
                if v < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    v
                }
            }
            Some(v) if v >= len => {
                if step < 0 { len - 1 } else { len }
            }
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 { (clamp(start, 0), clamp(stop, len)) } else { (clamp(start, len - 1), clamp(stop, -1)) };
    Ok((start, stop, step))
}

/// A stable merge sort whose comparison may raise (Python code, NaNs, mixed types):
/// never panics, stops at the first error.
pub fn merge_sort(items: Vec<Value>, less: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>) -> PyResult<Vec<Value>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut items = items;
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(items, less)?;
    let right = merge_sort(right, less)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                // Take from the right only when it is strictly less: stability.
                if less(b, a)? {
                    out.extend(r.next());
                } else {
                    out.extend(l.next());
                }
            }
            (Some(_), None) => out.extend(l.by_ref()),
            (None, Some(_)) => out.extend(r.by_ref()),
            (None, None) => break,
        }
    }
    Ok(out)
}

/// Sorts values as `sorted(values, key=key, reverse=reverse)` does.
pub fn sort_values(vm: &mut Interp, values: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let keyed: Vec<Value> = match key {
        Some(key) => {
            let mut pairs = Vec::with_capacity(values.len());
            for v in values {
                let k = vm.call(key, Args::positional(vec![v.clone()]))?;
                pairs.push(Value::tuple(vec![k, v]));
            }
            pairs
        }
        None => values,
    };
    let mut less = |a: &Value, b: &Value| -> PyResult<bool> {
        let (a, b) = match key {
            Some(_) => (tuple_first(a), tuple_first(b)),
            None => (a.clone(), b.clone()),
        };
        // reverse keeps stability: compare the other way round.
        if reverse { vm.less_than(&b, &a) } else { vm.less_than(&a, &b) }
    };
    let sorted = merge_sort(keyed, &mut less)?;
    Ok(match key {
        Some(_) => sorted.iter().map(tuple_second).collect(),
        None => sorted,
    })
}

fn tuple_first(v: &Value) -> Value {
    match v {
        Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    }
}

fn tuple_second(v: &Value) -> Value {
    match v {
        Value::Tuple(t) => t.get(1).cloned().unwrap_or(Value::None),
        other => other.clone(),
    }
}
