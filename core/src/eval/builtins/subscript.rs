//! `x[key]`, `x[key] = v` and `del x[key]` for the builtin containers, and the
//! dispatch to objects.

use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::Slice;
use crate::value::list::normalize_index;
use crate::value::types::type_of;
use crate::value::{str as pystr, Value};

/// `container[key]`.
pub fn getitem(vm: &mut Interp, container: &Value, key: &Value) -> PyResult<Value> {
    match container {
        Value::List(list) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let items = list.snapshot();
                let positions = slice.positions(vm, items.len())?;
                return Ok(Value::list(positions.into_iter().map(|i| items[i].clone()).collect()));
            }
            let i = vm.index_value(key, "list indices must be integers or slices, not")?;
            normalize_index(i, list.len())
                .and_then(|i| list.get(i))
                .ok_or_else(|| Exc::index_error("list index out of range"))
        }
        Value::Tuple(items) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let positions = slice.positions(vm, items.len())?;
                return Ok(Value::tuple(positions.into_iter().map(|i| items[i].clone()).collect()));
            }
            let i = vm.index_value(key, "tuple indices must be integers or slices, not")?;
            normalize_index(i, items.len()).map(|i| items[i].clone()).ok_or_else(|| Exc::index_error("tuple index out of range"))
        }
        Value::Str(s) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let positions = slice.positions(vm, pystr::char_len(s))?;
                return Ok(Value::str(pystr::select(s, &positions)));
            }
            let i = vm.index_value(key, "string indices must be integers, not")?;
            normalize_index(i, pystr::char_len(s))
                .and_then(|i| pystr::char_at(s, i))
                .map(|c| Value::str(c.to_string()))
                .ok_or_else(|| Exc::index_error("string index out of range"))
        }
        Value::Bytes(b) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let positions = slice.positions(vm, b.len())?;
                return Ok(Value::bytes(positions.into_iter().map(|i| b[i]).collect::<Vec<u8>>()));
            }
            let i = vm.index_value(key, "byte indices must be integers or slices, not")?;
            normalize_index(i, b.len()).map(|i| Value::Int(b[i] as i64)).ok_or_else(|| Exc::index_error("index out of range"))
        }
        Value::Dict(d) => d.get(key)?.ok_or_else(|| Exc::key_error(key.clone())),
        Value::Object(obj) => obj.clone().getitem(vm, container, key),
        other => Err(Exc::type_error(format!("'{}' object is not subscriptable", type_of(other).name))),
    }
}

/// `container[key] = value`.
pub fn setitem(vm: &mut Interp, container: &Value, key: &Value, value: Value) -> PyResult<()> {
    match container {
        Value::List(list) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let new_items = vm.collect(&value).map_err(|_| Exc::type_error("can only assign an iterable"))?;
                let len = list.len();
                let (start, stop, step) = slice.resolve(vm, len)?;
                if step == 1 {
                    let stop = stop.max(start);
                    list.with_items(|v| {
                        v.splice(start as usize..stop as usize, new_items);
                    });
                    return Ok(());
                }
                let positions = slice.positions(vm, len)?;
                if positions.len() != new_items.len() {
                    return Err(Exc::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        positions.len()
                    )));
                }
                list.with_items(|v| {
                    for (p, item) in positions.into_iter().zip(new_items) {
                        v[p] = item;
                    }
                });
                return Ok(());
            }
            let i = vm.index_value(key, "list indices must be integers or slices, not")?;
            let len = list.len();
            let Some(i) = normalize_index(i, len) else { return Err(Exc::index_error("list assignment index out of range")) };
            list.with_items(|v| v[i] = value);
            Ok(())
        }
        Value::Dict(d) => d.set(key.clone(), value),
        Value::Object(obj) => obj.clone().setitem(vm, container, key, value),
        other => Err(Exc::type_error(format!("'{}' object does not support item assignment", type_of(other).name))),
    }
}

/// `del container[key]`.
pub fn delitem(vm: &mut Interp, container: &Value, key: &Value) -> PyResult<()> {
    match container {
        Value::List(list) => {
            if let Some(slice) = key.downcast::<Slice>() {
                let mut positions = slice.positions(vm, list.len())?;
                positions.sort_unstable();
                list.with_items(|v| {
                    for p in positions.into_iter().rev() {
                        v.remove(p);
                    }
                });
                return Ok(());
            }
            let i = vm.index_value(key, "list indices must be integers or slices, not")?;
            let Some(i) = normalize_index(i, list.len()) else { return Err(Exc::index_error("list assignment index out of range")) };
            list.with_items(|v| v.remove(i));
            Ok(())
        }
        Value::Dict(d) => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(Exc::key_error(key.clone())),
        },
        Value::Object(obj) => obj.clone().delitem(vm, container, key),
        other => Err(Exc::type_error(format!("'{}' object doesn't support item deletion", type_of(other).name))),
    }
}
