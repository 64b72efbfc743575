//! Argument handling with the messages of h5py's Cython low-level functions
//! (`open() takes exactly 2 positional arguments (1 given)`, `expected bytes, str
//! found`, `Argument 'loc' has incorrect type (...)`, `an integer is required`,
//! `can't convert negative value to hsize_t`).

use std::rc::Rc;

use super::ids::ObjectId;
use super::lowlevel::classes::class_object;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// Binds a low-level call's arguments: `required` names first, then `optional`; keyword
/// arguments by name. One slot per name.
pub fn bind(function: &str, args: Args, required: &[&str], optional: &[&str]) -> PyResult<Vec<Option<Value>>> {
    bind_kw(function, args, required, optional, &[])
}

/// Like [`bind`], with keyword-only parameters (after `*` in the signature) last.
pub fn bind_kw(
    function: &str,
    args: Args,
    required: &[&str],
    optional: &[&str],
    keyword_only: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let positional = required.len() + optional.len();
    let given = args.positional.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if given > positional {
        let kind = if optional.is_empty() { "exactly" } else { "at most" };
        return Err(Exc::type_error(format!(
            "{function}() takes {kind} {positional} positional argument{} ({given} given)",
            plural(positional)
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; positional + keyword_only.len()];
    for (slot, value) in slots.iter_mut().zip(args.positional) {
        *slot = Some(value);
    }
    let names: Vec<&str> = required.iter().chain(optional).chain(keyword_only).copied().collect();
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

/// The value of a bound slot that must be there (a required parameter).
pub fn req(slots: &[Option<Value>], i: usize) -> &Value {
    slots[i].as_ref().unwrap_or(&Value::None)
}

/// The value of an optional slot, treating an explicit `None` as absent.
pub fn opt(slots: &[Option<Value>], i: usize) -> Option<&Value> {
    match &slots[i] {
        None | Some(Value::None) => None,
        Some(v) => Some(v),
    }
}

/// A `char*` argument: bytes only, read as C reads it (up to a NUL byte).
pub fn bytes(value: &Value) -> PyResult<Rc<[u8]>> {
    match value {
        Value::Bytes(b) => Ok(match b.iter().position(|&c| c == 0) {
            Some(end) => Rc::from(&b[..end]),
            None => b.clone(),
        }),
        other => Err(Exc::type_error(format!("expected bytes, {} found", type_of(other).name))),
    }
}

/// An optional `char*` argument with a default (`obj_name=b'.'`).
pub fn bytes_or(slot: &Option<Value>, default: &[u8]) -> PyResult<Rc<[u8]>> {
    match slot {
        None => Ok(Rc::from(default)),
        Some(v) => bytes(v),
    }
}

fn incorrect_type(name: &str, expected: &str, got: &Value) -> Exc {
    Exc::type_error(format!(
        "Argument '{name}' has incorrect type (expected {expected}, got {})",
        type_of(got).qualified_name()
    ))
}

/// An `ObjectID` argument.
pub fn object_id<'a>(value: &'a Value, name: &str) -> PyResult<&'a ObjectId> {
    typed_id(value, name, "h5py._objects.ObjectID")
}

/// An optional `ObjectID` argument (None allowed).
pub fn optional_id<'a>(value: &'a Option<Value>, name: &str) -> PyResult<Option<&'a ObjectId>> {
    optional_typed(value, name, "h5py._objects.ObjectID")
}

/// An argument of an h5py identifier class (`h5py.h5t.TypeID`), None refused (Cython's
/// `not None`).
pub fn typed_id<'a>(value: &'a Value, name: &str, class: &str) -> PyResult<&'a ObjectId> {
    match value.downcast::<ObjectId>() {
        Some(id) if type_of(value).is_subclass(&class_object(class)) => Ok(id),
        _ => Err(incorrect_type(name, class, value)),
    }
}

/// An optional argument of an h5py identifier class (None allowed).
pub fn optional_typed<'a>(value: &'a Option<Value>, name: &str, class: &str) -> PyResult<Option<&'a ObjectId>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) => typed_id(v, name, class).map(Some),
    }
}

/// A C integer argument as Cython converts it: ints, bools, floats (truncated) and
/// int-like objects; `an integer is required` otherwise; `ctype` names the C type in
/// range errors (unsigned types refuse negatives).
pub fn c_int(vm: &mut Interp, value: &Value, ctype: &str) -> PyResult<i64> {
    let n: i128 = match value {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        Value::Float(f) => f.trunc() as i128,
        Value::BigInt(b) => match num_traits::ToPrimitive::to_i128(b.as_ref()) {
            Some(n) => n,
            None => {
                let negative = b.sign() == num_bigint::Sign::Minus;
                return Err(if negative && (ctype.starts_with('u') || ctype.ends_with("size_t")) {
                    Exc::overflow(format!("can't convert negative value to {ctype}"))
                } else {
                    Exc::overflow(too_large(ctype))
                });
            }
        },
        Value::Object(obj) => match obj.as_index() {
            Some(v) => return c_int(vm, &v, ctype),
            None => match obj.as_float() {
                Some(f) => f.trunc() as i128,
                None => return Err(Exc::type_error("an integer is required")),
            },
        },
        _ => return Err(Exc::type_error("an integer is required")),
    };
    let unsigned = ctype.starts_with("unsigned") || ctype == "hsize_t" || ctype == "size_t";
    if unsigned && n < 0 {
        return Err(Exc::overflow(format!("can't convert negative value to {ctype}")));
    }
    let (lo, hi): (i128, i128) = match ctype {
        "int" => (i32::MIN as i128, i32::MAX as i128),
        "unsigned int" => (0, u32::MAX as i128),
        _ => (i64::MIN as i128, u64::MAX as i128),
    };
    if n < lo || n > hi {
        return Err(Exc::overflow(too_large(ctype)));
    }
    Ok(n as i64)
}

fn too_large(ctype: &str) -> String {
    match ctype {
        "int" => "value too large to convert to int".to_string(),
        "unsigned int" => "value too large to convert to unsigned int".to_string(),
        "hsize_t" | "size_t" | "unsigned long" => "Python int too large to convert to C unsigned long".to_string(),
        _ => "Python int too large to convert to C long".to_string(),
    }
}

/// An optional C integer with a default.
pub fn c_int_or(vm: &mut Interp, slot: &Option<Value>, ctype: &str, default: i64) -> PyResult<i64> {
    match slot {
        None => Ok(default),
        Some(v) => c_int(vm, v, ctype),
    }
}

/// A `bint` argument: Python truth.
pub fn c_bool(vm: &mut Interp, slot: &Option<Value>, default: bool) -> PyResult<bool> {
    match slot {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

/// The items of a tuple argument; `what` is the ValueError text for anything else
/// (h5py checks `isinstance(x, tuple)` itself).
pub fn tuple_items(value: &Value, what: &str) -> PyResult<Vec<Value>> {
    match value {
        Value::Tuple(items) => Ok(items.to_vec()),
        _ => Err(Exc::value_error(what.to_string())),
    }
}

/// A tuple of `hsize_t` as h5py's `convert_tuple` reads it (`Can't convert element 0
/// (a) to hsize_t`).
pub fn hsize_tuple(vm: &mut Interp, items: &[Value]) -> PyResult<Vec<u64>> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match c_int(vm, item, "hsize_t") {
            Ok(n) => out.push(n as u64),
            Err(e) if e.is(crate::value::exception::ExcKind::TypeError) => {
                let text = vm.str(item)?;
                let outer = Exc::type_error(format!("Can't convert element {i} ({text}) to hsize_t"));
                *outer.0.context.borrow_mut() = Some(e);
                return Err(outer);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// A sized int value (`u64` results like `h5s.UNLIMITED` do not fit `i64`).
pub fn uint(n: u64) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(n.into()),
    }
}

/// A tuple of sizes.
pub fn uint_tuple(values: &[u64]) -> Value {
    Value::tuple(values.iter().map(|&n| uint(n)).collect())
}
