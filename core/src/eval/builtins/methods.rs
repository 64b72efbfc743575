//! Methods and attributes of list, tuple, dict, int and float values.

use std::rc::Rc;

use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, check_arity, no_keywords, MethodFn, NativeMethod};
use crate::value::iter::NativeIterator;
use crate::value::list::{normalize_index, sort_values};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::{int, Dict, Value};

const LIST: &[&str] = &["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"];
const TUPLE: &[&str] = &["count", "index"];
const DICT: &[&str] = &["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"];
const INT: &[&str] = &["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "imag", "numerator", "real", "to_bytes"];
const FLOAT: &[&str] = &["as_integer_ratio", "conjugate", "hex", "imag", "is_integer", "real"];

/// The method names of a builtin value (for `dir`).
pub fn method_names(value: &Value) -> &'static [&'static str] {
    match value {
        Value::List(_) => LIST,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT,
        Value::Float(_) => FLOAT,
        _ => &[],
    }
}

/// The dispatcher of a method of a list, tuple, dict, str or bytes value, so a call
/// `value.name(...)` can run it without making the bound method object.
pub fn method_fn(value: &Value, name: &str) -> Option<MethodFn> {
    match value {
        Value::List(_) => LIST.contains(&name).then_some(call as MethodFn),
        Value::Dict(_) => DICT.contains(&name).then_some(call as MethodFn),
        Value::Tuple(_) => TUPLE.contains(&name).then_some(call as MethodFn),
        Value::Str(_) => crate::value::str::METHODS.contains(&name).then_some(crate::value::str::call_method as MethodFn),
        Value::Bytes(_) => crate::value::bytes::METHODS.contains(&name).then_some(crate::value::bytes::call_method as MethodFn),
        _ => None,
    }
}

/// Attribute lookup on list, tuple, dict, int, bool and float values.
pub fn getattr(_vm: &mut Interp, value: &Value, name: &str) -> PyResult<Option<Value>> {
    match (value, name) {
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => return Ok(Some(to_plain_int(value))),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => return Ok(Some(Value::Int(0))),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => return Ok(Some(Value::Int(1))),
        (Value::Float(x), "real") => return Ok(Some(Value::Float(*x))),
        (Value::Float(_), "imag") => return Ok(Some(Value::Float(0.0))),
        _ => {}
    }
    Ok(method_names(value).contains(&name).then(|| NativeMethod::value(value, name, call)))
}

fn to_plain_int(value: &Value) -> Value {
    match value {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    }
}

fn call(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    match this {
        Value::List(_) => list_method(vm, this, name, args),
        Value::Tuple(items) => sequence_search(vm, items, name, args, "tuple"),
        Value::Dict(d) => dict_method(vm, d, name, args),
        Value::Float(x) => float_method(*x, name, args),
        _ => int_method(vm, this, name, args),
    }
}

fn sequence_search(vm: &mut Interp, items: &[Value], name: &str, args: Args, kind: &str) -> PyResult<Value> {
    no_keywords(name, &args)?;
    match name {
        "count" => {
            check_arity("count", &args, 1, 1)?;
            let mut n = 0;
            for v in items {
                if v.is(&args.positional[0]) || vm.eq(v, &args.positional[0])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
        _ => {
            check_arity("index", &args, 1, 3)?;
            let len = items.len() as i64;
            let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
            let start = match args.positional.get(1) {
                Some(v) => clamp(vm.index_value(v, "slice indices must be integers or have an __index__ method")?),
                None => 0,
            };
            let stop = match args.positional.get(2) {
                Some(v) => clamp(vm.index_value(v, "slice indices must be integers or have an __index__ method")?),
                None => len,
            };
            for i in start..stop {
                let v = &items[i as usize];
                if v.is(&args.positional[0]) || vm.eq(v, &args.positional[0])? {
                    return Ok(Value::Int(i));
                }
            }
            Err(Exc::value_error(if kind == "list" {
                format!("{} is not in list", vm.repr(&args.positional[0])?)
            } else {
                "tuple.index(x): x not in tuple".into()
            }))
        }
    }
}

fn list_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Value::List(list) = this else { return Ok(Value::None) };
    if name != "sort" {
        no_keywords(name, &args)?;
    }
    Ok(match name {
        "append" => {
            check_arity("list.append", &args, 1, 1)?;
            if let Some(item) = args.positional.into_iter().next() {
                list.push(item);
            }
            Value::None
        }
        "extend" => {
            check_arity("list.extend", &args, 1, 1)?;
            let items = vm.collect(&args.positional[0])?;
            list.with_items(|v| v.extend(items));
            Value::None
        }
        "insert" => {
            check_arity("insert", &args, 2, 2)?;
            let i = vm.index_value(&args.positional[0], "'str' object cannot be interpreted as an integer")?;
            let value = args.positional[1].clone();
            list.with_items(|v| {
                let len = v.len() as i64;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                v.insert(at as usize, value);
            });
            Value::None
        }
        "pop" => {
            check_arity("pop", &args, 0, 1)?;
            let i = match args.positional.first() {
                Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
                None => -1,
            };
            if list.is_empty() {
                return Err(Exc::index_error("pop from empty list"));
            }
            let len = list.len();
            let Some(at) = normalize_index(i, len) else { return Err(Exc::index_error("pop index out of range")) };
            list.with_items(|v| v.remove(at))
        }
        "remove" => {
            check_arity("list.remove", &args, 1, 1)?;
            let items = list.snapshot();
            for (i, v) in items.iter().enumerate() {
                if v.is(&args.positional[0]) || vm.eq(v, &args.positional[0])? {
                    list.with_items(|v| {
                        if i < v.len() {
                            v.remove(i);
                        }
                    });
                    return Ok(Value::None);
                }
            }
            return Err(Exc::value_error("list.remove(x): x not in list"));
        }
        "clear" => {
            list.with_items(Vec::clear);
            Value::None
        }
        "copy" => Value::list(list.snapshot()),
        "reverse" => {
            list.with_items(|v| v.reverse());
            Value::None
        }
        "sort" => {
            if !args.positional.is_empty() {
                return Err(Exc::type_error("sort() takes no positional arguments"));
            }
            let slots = bind("sort", args, &["key", "reverse"], 0)?;
            let key = slots[0].clone().filter(|k| !k.is_none());
            let reverse = match &slots[1] {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            let items = list.with_items(std::mem::take);
            let sorted = sort_values(vm, items.clone(), key.as_ref(), reverse);
            match sorted {
                Ok(sorted) => list.with_items(|v| *v = sorted),
                Err(e) => {
                    list.with_items(|v| *v = items);
                    return Err(e);
                }
            }
            Value::None
        }
        "count" | "index" => return sequence_search(vm, &list.snapshot(), name, args, "list"),
        _ => return Err(Exc::not_implemented(format!("list.{name}"))),
    })
}

fn dict_method(vm: &mut Interp, d: &Rc<Dict>, name: &str, args: Args) -> PyResult<Value> {
    if name != "update" {
        no_keywords(name, &args)?;
    }
    Ok(match name {
        "keys" | "values" | "items" => {
            let view = super::super::constructors::DictView::new(d.clone(), name);
            Value::object(view)
        }
        "get" => {
            check_arity("get", &args, 1, 2)?;
            d.get(&args.positional[0])?.unwrap_or_else(|| args.positional.get(1).cloned().unwrap_or(Value::None))
        }
        "pop" => {
            check_arity("pop", &args, 1, 2)?;
            match d.remove(&args.positional[0])? {
                Some(v) => v,
                None => match args.positional.get(1) {
                    Some(default) => default.clone(),
                    None => return Err(Exc::key_error(args.positional[0].clone())),
                },
            }
        }
        "popitem" => match d.pop_last() {
            Some((k, v)) => Value::tuple(vec![k, v]),
            None => return Err(Exc::key_error(Value::str("popitem(): dictionary is empty"))),
        },
        "setdefault" => {
            check_arity("setdefault", &args, 1, 2)?;
            match d.get(&args.positional[0])? {
                Some(v) => v,
                None => {
                    let default = args.positional.get(1).cloned().unwrap_or(Value::None);
                    d.set(args.positional[0].clone(), default.clone())?;
                    default
                }
            }
        }
        "update" => {
            check_arity("update", &args, 0, 1)?;
            if let Some(source) = args.positional.first() {
                let pairs = match source {
                    Value::Dict(other) => other.items(),
                    other => match vm.getattr_opt(other, "keys")? {
                        Some(_) => vm.mapping_items(other)?,
                        None => pairs_from_iterable(vm, other)?,
                    },
                };
                for (k, v) in pairs {
                    d.set(k, v)?;
                }
            }
            for (k, v) in args.keywords {
                d.set(Value::Str(k), v)?;
            }
            Value::None
        }
        "clear" => {
            d.clear();
            Value::None
        }
        "copy" => Value::Dict(Rc::new(Dict::from_pairs(d.items())?)),
        "fromkeys" => {
            check_arity("fromkeys", &args, 1, 2)?;
            let value = args.positional.get(1).cloned().unwrap_or(Value::None);
            let keys = vm.collect(&args.positional[0])?;
            Value::Dict(Rc::new(Dict::from_pairs(keys.into_iter().map(|k| (k, value.clone())).collect())?))
        }
        _ => return Err(Exc::not_implemented(format!("dict.{name}"))),
    })
}

/// The pairs of an iterable of 2-sequences (`dict([(k, v), ...])`).
pub fn pairs_from_iterable(vm: &mut Interp, source: &Value) -> PyResult<Vec<(Value, Value)>> {
    let mut out = Vec::new();
    let mut iter = vm.iterate(source)?;
    let mut i = 0;
    while let Some(item) = iter.next(vm)? {
        let parts = vm.collect(&item).map_err(|_| {
            Exc::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
        })?;
        if parts.len() != 2 {
            return Err(Exc::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                parts.len()
            )));
        }
        let mut it = parts.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            out.push((k, v));
        }
        i += 1;
    }
    Ok(out)
}

fn int_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let n = int::to_bigint(this).unwrap_or_default();
    Ok(match name {
        "bit_length" => Value::Int(n.bits() as i64),
        "bit_count" => Value::Int(n.magnitude().count_ones() as i64),
        "conjugate" => to_plain_int(this),
        "as_integer_ratio" => Value::tuple(vec![to_plain_int(this), Value::Int(1)]),
        "to_bytes" => {
            let slots = bind("to_bytes", args, &["length", "byteorder", "signed"], 0)?;
            let length = match &slots[0] {
                Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
                None => 1,
            };
            let little = matches!(&slots[1], Some(Value::Str(s)) if &**s == "little");
            let signed = match &slots[2] {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            if !signed && n.sign() == num_bigint::Sign::Minus {
                return Err(Exc::overflow("can't convert negative int to unsigned"));
            }
            let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
            let fill = if signed && n.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
            if bytes.len() > length as usize && !(n == num_bigint::BigInt::from(0) && length == 0) {
                return Err(Exc::overflow("int too big to convert"));
            }
            bytes.resize(length.max(0) as usize, fill);
            if !little {
                bytes.reverse();
            }
            Value::bytes(bytes)
        }
        _ => return Err(Exc::not_implemented(format!("int.{name}"))),
    })
}

fn float_method(x: f64, name: &str, args: Args) -> PyResult<Value> {
    check_arity(name, &args, 0, 0)?;
    Ok(match name {
        "is_integer" => Value::Bool(x.is_finite() && x.fract() == 0.0),
        "conjugate" => Value::Float(x),
        "hex" => Value::str(float_hex(x)),
        "as_integer_ratio" => {
            if x.is_infinite() {
                return Err(Exc::overflow("cannot convert Infinity to integer ratio"));
            }
            if x.is_nan() {
                return Err(Exc::value_error("cannot convert NaN to integer ratio"));
            }
            let bits = x.to_bits();
            let exponent = ((bits >> 52) & 0x7ff) as i64;
            let mut mantissa = (bits & ((1 << 52) - 1)) as i64;
            let mut e = if exponent == 0 { -1074 } else { mantissa |= 1 << 52; exponent - 1075 };
            while mantissa != 0 && mantissa % 2 == 0 && e < 0 {
                mantissa /= 2;
                e += 1;
            }
            let sign = if x < 0.0 { -1 } else { 1 };
            let (num, den) = if e >= 0 {
                (num_bigint::BigInt::from(mantissa * sign) << e as usize, num_bigint::BigInt::from(1))
            } else {
                (num_bigint::BigInt::from(mantissa * sign), num_bigint::BigInt::from(1) << (-e) as usize)
            };
            Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)])
        }
        _ => return Err(Exc::not_implemented(format!("float.{name}"))),
    })
}

fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1 << 52) - 1);
    let (lead, e) = if exponent == 0 { (0, -1022) } else { (1, exponent - 1023) };
    let digits = format!("{mantissa:013x}");
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    format!("{sign}0x{lead}.{digits}p{}{}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// A view of dict keys/values/items iterated lazily over a snapshot.
pub fn dict_view_iter(vm: &mut Interp, d: &Rc<Dict>, kind: &str) -> PyResult<Value> {
    let items: Vec<Value> = match kind {
        "keys" => d.keys(),
        "values" => d.values(),
        _ => d.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    };
    let mut iter = vm.iterate(&Value::list(items))?;
    let name = match kind {
        "keys" => "dict_keyiterator",
        "values" => "dict_valueiterator",
        _ => "dict_itemiterator",
    };
    Ok(NativeIterator::value(name, move |vm| iter.next(vm)))
}

/// The TypeError for calling a method with a wrong receiver type.
pub fn receiver_error(name: &str, value: &Value) -> Exc {
    Exc::type_error(format!("descriptor '{name}' requires a different object, not '{}'", type_of(value).name))
}
