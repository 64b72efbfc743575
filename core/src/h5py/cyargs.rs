//! Argument handling with the messages of h5py's Cython low-level functions
//! (`open() takes exactly 2 positional arguments (1 given)`, `expected bytes, str
//! found`, `Argument 'loc' has incorrect type (...)`).

use std::rc::Rc;

use super::ids::ObjectId;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// Binds a low-level call's arguments: `required` names first, then `optional`; keyword
/// arguments by name. One slot per name.
pub fn bind(function: &str, args: Args, required: &[&str], optional: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let total = required.len() + optional.len();
    let given = args.positional.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if given > total {
        let kind = if optional.is_empty() { "exactly" } else { "at most" };
        return Err(Exc::type_error(format!(
            "{function}() takes {kind} {total} positional argument{} ({given} given)",
            plural(total)
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; total];
    for (slot, value) in slots.iter_mut().zip(args.positional) {
        *slot = Some(value);
    }
    let names: Vec<&str> = required.iter().chain(optional).copied().collect();
    for (key, value) in args.keywords {
        match names.iter().position(|n| **n == *key) {
            Some(i) if slots[i].is_none() => slots[i] = Some(value),
            Some(_) => return Err(Exc::type_error(format!("{function}() got multiple values for keyword argument '{key}'"))),
            None => return Err(Exc::type_error(format!("{function}() got an unexpected keyword argument '{key}'"))),
        }
    }
    let have = slots[..required.len()].iter().filter(|s| s.is_some()).count();
    if have < required.len() {
        let kind = if optional.is_empty() { "exactly" } else { "at least" };
        return Err(Exc::type_error(format!(
            "{function}() takes {kind} {} positional argument{} ({given} given)",
            required.len(),
            plural(required.len())
        )));
    }
    Ok(slots)
}

/// A `char*` argument: bytes only.
pub fn bytes(value: &Value) -> PyResult<Rc<[u8]>> {
    match value {
        Value::Bytes(b) => Ok(b.clone()),
        other => Err(Exc::type_error(format!("expected bytes, {} found", type_of(other).name))),
    }
}

/// An `ObjectID` argument.
pub fn object_id<'a>(value: &'a Value, name: &str) -> PyResult<&'a ObjectId> {
    value.downcast::<ObjectId>().ok_or_else(|| {
        Exc::type_error(format!(
            "Argument '{name}' has incorrect type (expected h5py._objects.ObjectID, got {})",
            type_of(value).name
        ))
    })
}

/// An optional `ObjectID` argument (None allowed).
pub fn optional_id<'a>(value: &'a Option<Value>, name: &str) -> PyResult<Option<&'a ObjectId>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) => object_id(v, name).map(Some),
    }
}
