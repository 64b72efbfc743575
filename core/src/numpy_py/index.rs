//! Python subscripts (`a[1, ::2, ..., None]`, masks, index lists) as the library's
//! index items.

use super::convert::{as_array, to_array};
use crate::eval::Interp;
use crate::numpy::{DType, IndexItem};
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::{is_ellipsis, Slice};
use crate::value::{int, Value};

fn bound(vm: &mut Interp, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        other => vm.index_value(other, "slice indices must be integers or None or have an __index__ method").map(Some),
    }
}

fn index_type_error() -> Exc {
    Exc::index_error(
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    )
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
        // An empty list indexes nothing (an empty integer index, as NumPy reads it).
        Value::List(l) if l.len() == 0 => Ok(IndexItem::Array(to_array(vm, key, Some(&DType::int64()))?)),
        Value::List(_) | Value::Bool(_) => Ok(IndexItem::Array(to_array(vm, key, None)?)),
        Value::Object(obj) => match obj.as_index() {
            Some(i) => Ok(IndexItem::Int(vm.index_value(&i, "")?)),
            None => Err(index_type_error()),
        },
        _ => Err(index_type_error()),
    }
}

/// The index items of a subscript (a tuple subscript gives one item per element).
pub fn index_items(vm: &mut Interp, key: &Value) -> PyResult<Vec<IndexItem>> {
    match key {
        Value::Tuple(items) => items.iter().map(|k| item(vm, k)).collect(),
        other => Ok(vec![item(vm, other)?]),
    }
}
