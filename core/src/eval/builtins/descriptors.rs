//! Methods looked up on the builtin types themselves: `str.lower` and `list.append`
//! (method descriptors, called with the receiver first), and the class methods
//! `dict.fromkeys`, `int.from_bytes`, `bytes.fromhex`, `float.fromhex`,
//! `str.maketrans`.

use std::any::Any;
use std::rc::Rc;

use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, check_arity, BuiltinFunction, Help};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, isinstance, type_of, TypeObject};
use crate::value::{Dict, Value};

/// `list.append`: a method of a builtin type, unbound.
pub struct MethodDescriptor {
    /// The type it belongs to.
    pub class: Rc<TypeObject>,
    /// The method's name.
    pub name: Rc<str>,
}

thread_local! {
    static DESCRIPTOR_TYPE: Rc<TypeObject> =
        TypeObject::new("method_descriptor", "builtins", vec![builtin(|t| t.object.clone())], None);
}

impl PyObject for MethodDescriptor {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        DESCRIPTOR_TYPE.with(Rc::clone)
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<method '{}' of '{}' objects>", self.name, self.class.name))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&*self.name)),
            "__qualname__" => Some(Value::str(format!("{}.{}", self.class.name, self.name))),
            "__objclass__" => Some(Value::Object(self.class.clone())),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        let mut args = args;
        if args.positional.is_empty() {
            return Err(Exc::type_error(format!(
                "unbound method {}.{}() needs an argument",
                self.class.name, self.name
            )));
        }
        let receiver = args.positional.remove(0);
        if !isinstance(&receiver, &self.class) {
            return Err(Exc::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                self.name,
                self.class.name,
                type_of(&receiver).name
            )));
        }
        let method = vm.getattr(&receiver, &self.name)?;
        vm.call(&method, args)
    }

    fn is_callable(&self) -> bool {
        true
    }
}

/// An instance of a builtin type whose attributes tell which methods the type has.
fn sample(class: &TypeObject) -> Option<Value> {
    if class.module != "builtins" {
        return None;
    }
    Some(match class.name.as_str() {
        "str" => Value::str(""),
        "bytes" => Value::bytes([]),
        "list" => Value::list(Vec::new()),
        "tuple" => Value::tuple(Vec::new()),
        "dict" => Value::Dict(Rc::new(Dict::new())),
        "int" => Value::Int(0),
        "bool" => Value::Bool(false),
        "float" => Value::Float(0.0),
        "set" => crate::eval::constructors::make_set(Vec::new(), false).ok()?,
        "frozenset" => crate::eval::constructors::make_set(Vec::new(), true).ok()?,
        _ => return None,
    })
}

/// `Type.name` for a builtin type: its class methods, then its methods as
/// descriptors; `None` when the type has no such method.
pub fn class_attribute(vm: &mut Interp, class: &Rc<TypeObject>, name: &str) -> PyResult<Option<Value>> {
    if let Some(f) = class_method(class, name) {
        return Ok(Some(f));
    }
    let Some(instance) = sample(class) else { return Ok(None) };
    if name.starts_with('_') || matches!(name, "real" | "imag" | "numerator" | "denominator") {
        return Ok(None);
    }
    Ok(vm.getattr_opt(&instance, name)?.map(|_| {
        Value::object(MethodDescriptor { class: class.clone(), name: Rc::from(name) })
    }))
}

fn class_method(class: &Rc<TypeObject>, name: &str) -> Option<Value> {
    if class.module != "builtins" {
        return None;
    }
    let qualname = format!("{}.{name}", class.name);
    let help = || Help { signature: crate::value::signatures::lookup(&qualname).and_then(|(s, _)| s.map(str::to_string)), doc: None };
    let function = |f: fn(&mut Interp, Args) -> PyResult<Value>| {
        BuiltinFunction::with_help(&qualname, None, help(), f)
    };
    Some(match (class.name.as_str(), name) {
        ("dict", "fromkeys") => function(dict_fromkeys),
        ("int", "from_bytes") => function(int_from_bytes),
        ("bytes", "fromhex") => function(bytes_fromhex),
        ("float", "fromhex") => function(float_fromhex),
        ("str", "maketrans") => function(str_maketrans),
        _ => return None,
    })
}

fn dict_fromkeys(vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("fromkeys", &args, 1, 2)?;
    let value = args.positional.get(1).cloned().unwrap_or(Value::None);
    let dict = Dict::new();
    for key in vm.collect(&args.positional[0])? {
        dict.set(key, value.clone())?;
    }
    Ok(Value::Dict(Rc::new(dict)))
}

fn int_from_bytes(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("from_bytes", args, &["bytes", "byteorder", "signed"], 1)?;
    let data = match &slots[0] {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(other) => {
            let items = vm.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let n = vm.index_value(&item, "'list' object cannot be interpreted as an integer")?;
                out.push(u8::try_from(n).map_err(|_| Exc::value_error("bytes must be in range(0, 256)"))?);
            }
            out
        }
        None => Vec::new(),
    };
    let little = match &slots[1] {
        None => false,
        Some(Value::Str(s)) if &**s == "big" => false,
        Some(Value::Str(s)) if &**s == "little" => true,
        Some(Value::Str(_)) => return Err(Exc::value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => {
            return Err(Exc::type_error(format!(
                "from_bytes() argument 'byteorder' must be str, not {}",
                type_of(other).name
            )))
        }
    };
    let signed = match &slots[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = if little {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data)
    } else {
        num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data)
    };
    let top_bit_set = if little { data.last() } else { data.first() }.is_some_and(|b| b & 0x80 != 0);
    let n = if signed && top_bit_set { n - (num_bigint::BigInt::from(1) << (8 * data.len())) } else { n };
    Ok(Value::from_bigint(n))
}

fn bytes_fromhex(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("fromhex", &args, 1, 1)?;
    let Value::Str(text) = &args.positional[0] else {
        return Err(Exc::type_error(format!(
            "fromhex() argument must be str, not {}",
            type_of(&args.positional[0]).name
        )));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let high = chars[i].to_digit(16);
        let low = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (high, low) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let at = if high.is_some() { i + 1 } else { i };
                return Err(Exc::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {at}"
                )));
            }
        }
        i += 2;
    }
    Ok(Value::bytes(out))
}

fn float_fromhex(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("fromhex", &args, 1, 1)?;
    let Value::Str(text) = &args.positional[0] else {
        return Err(Exc::type_error("must be str"));
    };
    crate::value::float::from_hex(text).map(Value::Float).ok_or_else(|| {
        Exc::value_error("invalid hexadecimal floating-point string")
    })
}

pub(crate) fn str_maketrans(vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("maketrans", &args, 1, 3)?;
    let table = Dict::new();
    match args.positional.as_slice() {
        [mapping] => {
            let Value::Dict(d) = mapping else {
                return Err(Exc::type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in d.items() {
                let key = match &k {
                    Value::Str(s) if s.chars().count() == 1 => Value::Int(s.chars().next().map_or(0, |c| c as i64)),
                    Value::Str(_) => return Err(Exc::value_error("string keys in translate table must be of length 1")),
                    Value::Int(_) => k.clone(),
                    _ => return Err(Exc::type_error("keys in translate table must be strings or integers")),
                };
                table.set(key, v)?;
            }
        }
        [from, to, rest @ ..] => {
            let (Value::Str(from), Value::Str(to)) = (from, to) else {
                return Err(Exc::type_error("maketrans() argument must be str"));
            };
            if from.chars().count() != to.chars().count() {
                return Err(Exc::value_error("the first two maketrans arguments must have equal length"));
            }
            for (a, b) in from.chars().zip(to.chars()) {
                table.set(Value::Int(a as i64), Value::Int(b as i64))?;
            }
            if let Some(Value::Str(delete)) = rest.first() {
                for c in delete.chars() {
                    table.set(Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {}
    }
    let _ = vm;
    Ok(Value::Dict(Rc::new(table)))
}
