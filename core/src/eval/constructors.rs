//! What calling the builtin types does: `int('12')`, `list(x)`, `dict(a=1)`, `range(3)`,
//! ... and the dict views `d.keys()`, `d.values()`, `d.items()`.

use std::any::Any;
use std::rc::Rc;

use super::Interp;
use crate::value::dict::Key;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, check_arity, no_keywords};
use crate::value::iter::{Range, Slice};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, type_of, TypeObject};
use crate::value::{bytes, complex, float, int, Dict, Set, Value};

/// A set (or frozenset) value from members.
pub fn make_set(items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let mut keys = Vec::with_capacity(items.len());
    let mut seen = std::collections::HashSet::new();
    for item in items {
        let key = Key::new(item)?;
        if seen.insert(key.clone()) {
            keys.push(key);
        }
    }
    Ok(Value::object(Set::new(keys, frozen)))
}

/// `object()`.
pub fn object(_vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    check_arity("object", &args, 0, 0)?;
    Ok(Value::object(PlainObject))
}

/// An instance of `object`.
pub struct PlainObject;

impl PyObject for PlainObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.object.clone())
    }

    fn has_custom_repr(&self) -> bool {
        false
    }
}

/// `type(x)` (one argument).
pub fn type_(_vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    match args.positional.len() {
        1 => Ok(Value::Object(type_of(&args.positional[0]))),
        3 => Err(Exc::not_implemented("type(name, bases, dict): class creation")),
        _ => Err(Exc::type_error("type() takes 1 or 3 arguments")),
    }
}

/// `NoneType()`.
pub fn none_type(_vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    check_arity("NoneType", &args, 0, 0)?;
    Ok(Value::None)
}

/// `bool(x)`.
pub fn bool_(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("bool", &args)?;
    check_arity("bool", &args, 0, 1)?;
    Ok(Value::Bool(match args.positional.first() {
        Some(v) => vm.truthy(v)?,
        None => false,
    }))
}

/// `int(x)`, `int(text, base)`.
pub fn int(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("int", args, &["x", "base"], 0)?;
    let Some(x) = &slots[0] else { return Ok(Value::Int(0)) };
    match (x, &slots[1]) {
        (Value::Str(s), base) => {
            let base = int_base(vm, base.as_ref())?;
            int::parse_int(s, base as u32)
        }
        (Value::Bytes(b), base) => {
            let base = int_base(vm, base.as_ref())?;
            let text = String::from_utf8_lossy(b);
            int::parse_int(&text, base as u32).map_err(|_| {
                Exc::value_error(format!("invalid literal for int() with base {base}: {}", bytes::repr(b)))
            })
        }
        (_, Some(_)) => Err(Exc::type_error("int() can't convert non-string with explicit base")),
        (other, None) => vm.to_int(other),
    }
}

/// The `base` argument of `int(text, base)`: 10 when absent, else 0 or 2..=36.
fn int_base(vm: &mut Interp, base: Option<&Value>) -> PyResult<i64> {
    let base = match base {
        Some(b) => vm.index_value(b, "'str' object cannot be interpreted as an integer")?,
        None => 10,
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(Exc::value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    Ok(base)
}

/// `float(x)`.
pub fn float(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("float", &args)?;
    check_arity("float", &args, 0, 1)?;
    if let Some(v @ Value::Object(obj)) = args.positional.first() {
        if let Some(result) = obj.clone().float_value(vm, v) {
            return result.map(Value::Float);
        }
    }
    Ok(Value::Float(match args.positional.first() {
        None => 0.0,
        Some(Value::Str(s)) => float::parse(s)?,
        Some(Value::Bytes(b)) => float::parse(&String::from_utf8_lossy(b))?,
        Some(v) => vm.to_float(v).map_err(|_| {
            Exc::type_error(format!("float() argument must be a string or a real number, not '{}'", type_of(v).name))
        })?,
    }))
}

/// `complex(re, im)`, `complex("1+2j")`.
pub fn complex(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("complex", args, &["real", "imag"], 0)?;
    if let Some(Value::Str(text)) = &slots[0] {
        if slots[1].is_some() {
            return Err(Exc::type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = complex::parse(text).ok_or_else(|| Exc::value_error("complex() arg is a malformed string"))?;
        return Ok(complex::value(re, im));
    }
    if let Some(v @ Value::Str(_)) = &slots[1] {
        return Err(Exc::type_error(format!("complex() second arg must be a number, not {}", type_of(v).name)));
    }
    // CPython: real part minus the imaginary part of a complex `imag`; imaginary part
    // `imag` (its real part) plus the imaginary part of a complex `real`.
    let part = |vm: &mut Interp, v: &Option<Value>, which: &str| -> PyResult<Option<(f64, f64, bool)>> {
        match v {
            None => Ok(None),
            Some(v) => match v.downcast::<complex::Complex>() {
                Some(c) => Ok(Some((c.re, c.im, true))),
                None => match vm.to_float(v) {
                    Ok(x) => Ok(Some((x, 0.0, false))),
                    Err(_) => Err(Exc::type_error(format!(
                        "complex() {which} must be a number, not {}",
                        type_of(v).name
                    ))),
                },
            },
        }
    };
    let real = part(vm, &slots[0], "first argument")?;
    let imag = part(vm, &slots[1], "second argument")?;
    let (mut re, mut im) = match real {
        Some((a, b, _)) => (a, if imag.is_none() { b } else { 0.0 }),
        None => (0.0, 0.0),
    };
    if let Some((c, d, imag_is_complex)) = imag {
        im = c;
        if imag_is_complex {
            re -= d;
        }
        if let Some((_, b, true)) = real {
            im += b;
        }
    }
    Ok(complex::value(re, im))
}

/// `str(x)`, `str(b, encoding)`.
pub fn str_(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    if let ([value], true) = (args.positional.as_slice(), args.keywords.is_empty()) {
        return Ok(match value {
            Value::Str(_) => value.clone(),
            Value::Int(i) => Value::str(crate::value::int::format_i64(*i).as_str()),
            other => Value::str(vm.str(other)?),
        });
    }
    let slots = bind("str", args, &["object", "encoding", "errors"], 0)?;
    match (&slots[0], &slots[1]) {
        (None, _) => Ok(Value::str("")),
        (Some(Value::Bytes(b)), Some(enc)) => {
            let enc = vm.str(enc)?;
            let errors = match &slots[2] {
                Some(e) => vm.str(e)?,
                None => "strict".into(),
            };
            bytes::decode(b, &enc, &errors)
        }
        (Some(v), _) => Ok(Value::str(vm.str(v)?)),
    }
}

/// `bytes(x)`.
pub fn bytes(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("bytes", args, &["source", "encoding", "errors"], 0)?;
    match (&slots[0], &slots[1]) {
        (None, _) => Ok(Value::bytes([])),
        (Some(Value::Str(s)), Some(enc)) => {
            let enc = vm.str(enc)?;
            bytes::encode(s, &enc)
        }
        (Some(Value::Str(_)), None) => Err(Exc::type_error("string argument without an encoding")),
        (Some(Value::Bytes(b)), _) => Ok(Value::Bytes(b.clone())),
        (Some(Value::Int(n)), _) => {
            if *n < 0 {
                return Err(Exc::value_error("negative count"));
            }
            Ok(Value::bytes(vec![0u8; *n as usize]))
        }
        (Some(v), _) => {
            let items = vm.collect(v).map_err(|_| Exc::type_error(format!("cannot convert '{}' object to bytes", type_of(v).name)))?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let b = vm.index_value(&item, "'str' object cannot be interpreted as an integer")?;
                if !(0..256).contains(&b) {
                    return Err(Exc::value_error("bytes must be in range(0, 256)"));
                }
                out.push(b as u8);
            }
            Ok(Value::bytes(out))
        }
    }
}

/// `tuple(iterable)`.
pub fn tuple(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("tuple", &args)?;
    check_arity("tuple", &args, 0, 1)?;
    Ok(match args.positional.first() {
        Some(v @ Value::Tuple(_)) => v.clone(),
        Some(v) => Value::tuple(vm.collect(v)?),
        None => Value::tuple(Vec::new()),
    })
}

/// `list(iterable)`.
pub fn list(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("list", &args)?;
    check_arity("list", &args, 0, 1)?;
    Ok(Value::list(match args.positional.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    }))
}

/// `dict(mapping_or_pairs, **kwargs)`.
pub fn dict(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    if args.positional.len() > 1 {
        return Err(Exc::type_error(format!("dict expected at most 1 argument, got {}", args.positional.len())));
    }
    let dict = Dict::new();
    if let Some(source) = args.positional.first() {
        let pairs = match source {
            Value::Dict(d) => d.items(),
            other => match vm.getattr_opt(other, "keys")? {
                Some(_) => vm.mapping_items(other)?,
                None => super::builtins::methods::pairs_from_iterable(vm, other)?,
            },
        };
        for (k, v) in pairs {
            dict.set(k, v)?;
        }
    }
    for (k, v) in args.keywords {
        dict.set(Value::Str(k), v)?;
    }
    Ok(Value::Dict(Rc::new(dict)))
}

/// `set(iterable)`.
pub fn set(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("set", &args)?;
    check_arity("set", &args, 0, 1)?;
    let items = match args.positional.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    make_set(items, false)
}

/// `frozenset(iterable)`.
pub fn frozenset(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("frozenset", &args)?;
    check_arity("frozenset", &args, 0, 1)?;
    let items = match args.positional.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    make_set(items, true)
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn range(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("range", &args)?;
    let n = args.positional.len();
    if n == 0 {
        return Err(Exc::type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(Exc::type_error(format!("range expected at most 3 arguments, got {n}")));
    }
    let mut ints = Vec::with_capacity(n);
    for v in &args.positional {
        ints.push(match v {
            Value::BigInt(_) => return Err(Exc::overflow("Python int too large to convert to C ssize_t")),
            other => vm.index_value(other, "'float' object cannot be interpreted as an integer")?,
        });
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return Err(Exc::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::object(Range { start, stop, step }))
}

/// `slice(stop)`, `slice(start, stop[, step])`.
pub fn slice(_vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    no_keywords("slice", &args)?;
    check_arity("slice", &args, 1, 3)?;
    let p = &args.positional;
    Ok(match p.len() {
        1 => Value::object(Slice { start: Value::None, stop: p[0].clone(), step: Value::None }),
        2 => Value::object(Slice { start: p[0].clone(), stop: p[1].clone(), step: Value::None }),
        _ => Value::object(Slice { start: p[0].clone(), stop: p[1].clone(), step: p[2].clone() }),
    })
}

/// `d.keys()`, `d.values()`, `d.items()`.
pub struct DictView {
    dict: Rc<Dict>,
    kind: &'static str,
}

impl DictView {
    /// A view of one kind (`keys`, `values`, `items`).
    pub fn new(dict: Rc<Dict>, kind: &str) -> DictView {
        let kind = match kind {
            "keys" => "keys",
            "values" => "values",
            _ => "items",
        };
        DictView { dict, kind }
    }

    fn items(&self) -> Vec<Value> {
        match self.kind {
            "keys" => self.dict.keys(),
            "values" => self.dict.values(),
            _ => self.dict.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    }
}

thread_local! {
    static VIEW_TYPES: [Rc<TypeObject>; 3] = {
        let object = builtin(|t| t.object.clone());
        [
            TypeObject::new("dict_keys", "builtins", vec![object.clone()], None),
            TypeObject::new("dict_values", "builtins", vec![object.clone()], None),
            TypeObject::new("dict_items", "builtins", vec![object], None),
        ]
    };
}

impl PyObject for DictView {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        let index = match self.kind {
            "keys" => 0,
            "values" => 1,
            _ => 2,
        };
        VIEW_TYPES.with(|t| t[index].clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let list = Value::list(self.items());
        Ok(format!("dict_{}({})", self.kind, vm.repr(&list)?))
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.dict.len()))
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        super::builtins::methods::dict_view_iter(vm, &self.dict, self.kind)
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        if self.kind == "keys" {
            return Ok(Some(self.dict.get(item)?.is_some()));
        }
        for v in self.items() {
            if vm.eq(&v, item)? {
                return Ok(Some(true));
            }
        }
        Ok(Some(false))
    }
}
