//! Python subscripts (`a[1, ::2, ..., None]`) as the library's index items.

use super::{as_array, np_error, to_array};
use crate::eval::Interp;
use crate::numpy::IndexItem;
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::{is_ellipsis, Slice};
use crate::value::types::type_of;
use crate::value::{int, Value};

fn bound(vm: &mut Interp, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        other => vm.index_value(other, "slice indices must be integers or None or have an __index__ method").map(Some),
    }
}

fn item(vm: &mut Interp, key: &Value) -> PyResult<IndexItem> {
    if let Some(i) = int::to_i64(key).filter(|_| !matches!(key, Value::Bool(_))) {
        return Ok(IndexItem::Int(i));
    }
    if let Some(s) = key.downcast::<Slice>() {
        return Ok(IndexItem::Slice(bound(vm, &s.start)?, bound(vm, &s.stop)?, bound(vm, &s.step)?));
    }
    if is_ellipsis(key) {
        return Ok(IndexItem::Ellipsis);
    }
    if key.is_none() {
        return Ok(IndexItem::NewAxis);
    }
    if let Some(a) = as_array(key) {
        return Ok(IndexItem::Array(a));
    }
    match key {
        Value::List(_) | Value::Bool(_) => Ok(IndexItem::Array(to_array(vm, key, None)?)),
        Value::Object(obj) => match obj.as_index() {
            Some(i) => Ok(IndexItem::Int(vm.index_value(&i, "")?)),
            None => Err(index_type_error(key)),
        },
        _ => Err(index_type_error(key)),
    }
}

fn index_type_error(key: &Value) -> Exc {
    let _ = type_of(key);
    Exc::index_error(
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    )
}

/// The index items of a subscript (a tuple subscript gives one item per element).
pub fn index_items(vm: &mut Interp, key: &Value) -> PyResult<Vec<IndexItem>> {
    match key {
        Value::Tuple(items) => items.iter().map(|k| item(vm, k)).collect(),
        other => Ok(vec![item(vm, other)?]),
    }
}

/// Keeps the library's error type out of callers that only index.
pub fn map_err(e: crate::numpy::NpError) -> Exc {
    np_error(e)
}
