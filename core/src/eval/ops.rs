//! The object protocol on [`Interp`]: conversions to text, truth, attribute and item
//! access, iteration, arithmetic and comparison — dispatching on the builtin value
//! kinds and falling back to [`PyObject`] hooks.

use std::cmp::Ordering;
use std::rc::Rc;

use super::{Interp, IPYTHON_FRAMES};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::dict::{hash_value, numbers_equal};
use crate::value::exception::{as_exception, Exc, ExcKind, PyResult};
use crate::value::object::Args;
use crate::value::types::{as_type, type_of};
use crate::value::{bytes, complex, float, format, int, str as pystr, List, Value};

/// An iteration in progress (`for`, `list(x)`, unpacking).
pub enum PyIter {
    /// Over a range, without allocating.
    Range { next: i64, left: usize, step: i64 },
    /// Over a fixed sequence.
    Items { items: Rc<[Value]>, index: usize },
    /// Over a list, live (appends during iteration are seen, as in Python).
    List { list: Rc<List>, index: usize },
    /// Over the characters of a str.
    Chars { text: Rc<str>, byte: usize },
    /// Over the bytes of a bytes object (as ints).
    Bytes { data: Rc<[u8]>, index: usize },
    /// Over an iterator object.
    Object(Value),
}

impl PyIter {
    /// The next item, or None when exhausted.
    #[inline]
    pub fn next(&mut self, vm: &mut Interp) -> PyResult<Option<Value>> {
        match self {
            PyIter::Range { next, left, step } => {
                if *left == 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(v)))
            }
            PyIter::Items { items, index } => {
                let v = items.get(*index).cloned();
                *index += 1;
                Ok(v)
            }
            PyIter::List { list, index } => {
                let v = list.get(*index);
                *index += 1;
                Ok(v)
            }
            PyIter::Chars { text, byte } => match text[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Ok(Some(Value::str(c.to_string())))
                }
                None => Ok(None),
            },
            PyIter::Bytes { data, index } => {
                let v = data.get(*index).map(|&b| Value::Int(b as i64));
                *index += 1;
                Ok(v)
            }
            PyIter::Object(iterator) => match iterator {
                Value::Object(obj) => {
                    let obj = obj.clone();
                    obj.next(vm, iterator)
                }
                _ => Ok(None),
            },
        }
    }
}

impl Interp {
    /// `repr(x)`.
    pub fn repr(&mut self, value: &Value) -> PyResult<String> {
        Ok(match value {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => int::repr_bigint(b)?,
            Value::Float(x) => float::repr(*x),
            Value::Str(s) => pystr::repr(s),
            Value::Bytes(b) => bytes::repr(b),
            Value::Tuple(items) => {
                if items.len() == 1 {
                    format!("({},)", self.repr_guarded(value, &items[0])?)
                } else {
                    let parts = self.repr_all(value, items)?;
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(list) => {
                let items = list.snapshot();
                format!("[{}]", self.repr_all(value, &items)?.join(", "))
            }
            Value::Dict(dict) => {
                if self.repr_depth_exceeded(value) {
                    return Ok("{...}".into());
                }
                let mut parts = Vec::new();
                for (k, v) in dict.items() {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr_guarded(value, &v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Object(obj) => {
                self.enter_call()?;
                let result = obj.clone().repr(self, value);
                self.leave_call();
                result?
            }
        })
    }

    fn repr_all(&mut self, container: &Value, items: &[Value]) -> PyResult<Vec<String>> {
        items.iter().map(|v| self.repr_guarded(container, v)).collect()
    }

    /// Repr of an item, printing `[...]`/`{...}` for a container that contains itself.
    fn repr_guarded(&mut self, container: &Value, item: &Value) -> PyResult<String> {
        if item.is(container) {
            return Ok(match item {
                Value::List(_) => "[...]".into(),
                Value::Dict(_) => "{...}".into(),
                _ => "...".into(),
            });
        }
        self.enter_call()?;
        let result = self.repr(item);
        self.leave_call();
        result
    }

    fn repr_depth_exceeded(&self, _value: &Value) -> bool {
        false
    }

    /// `str(x)`.
    pub fn str(&mut self, value: &Value) -> PyResult<String> {
        match value {
            Value::Str(s) => Ok(s.to_string()),
            Value::Object(obj) => obj.clone().str(self, value),
            other => self.repr(other),
        }
    }

    /// `bool(x)`.
    pub fn truthy(&mut self, value: &Value) -> PyResult<bool> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Object(obj) => {
                let obj = obj.clone();
                if let Some(b) = obj.bool(self, value)? {
                    return Ok(b);
                }
                match obj.len(self, value)? {
                    Some(n) => n != 0,
                    None => true,
                }
            }
        })
    }

    /// `getattr(x, name)`, raising AttributeError with CPython's text.
    pub fn getattr(&mut self, value: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(value, name)? {
            return Ok(v);
        }
        Err(self.attribute_error(value, name))
    }

    /// `getattr(x, name, None)`-like: `Ok(None)` when there is no such attribute.
    pub fn getattr_opt(&mut self, value: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Object(type_of(value))));
        }
        Ok(match value {
            Value::Str(_) => pystr::getattr(value, name),
            Value::Bytes(_) => bytes::getattr(value, name),
            Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => {
                super::builtins::methods::getattr(self, value, name)?
            }
            Value::None => None,
            Value::Object(obj) => {
                let obj = obj.clone();
                match obj.getattr(self, value, name)? {
                    Some(v) => Some(v),
                    None => match name {
                        "__doc__" => Some(obj.doc().map_or(Value::None, Value::str)),
                        _ => match as_type(value) {
                            Some(class) => super::builtins::descriptors::class_attribute(self, &class, name)?,
                            None => None,
                        },
                    },
                }
            }
        })
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn attribute_error(&self, value: &Value, name: &str) -> Exc {
        if let Some(t) = as_type(value) {
            return Exc::attribute_error(format!("type object '{}' has no attribute '{name}'", t.name));
        }
        if let Some(module) = value.downcast::<super::modules::Module>() {
            return Exc::attribute_error(format!("module '{}' has no attribute '{name}'", module.name));
        }
        Exc::attribute_error(format!("'{}' object has no attribute '{name}'", type_of(value).message_name()))
    }

    /// `setattr(x, name, v)`.
    pub fn setattr(&mut self, target: &Value, name: &str, value: Value) -> PyResult<()> {
        match target {
            Value::Object(obj) => obj.clone().setattr(self, target, name, value),
            other => {
                let has = self.getattr_opt(other, name)?.is_some();
                Err(Exc::attribute_error(if has {
                    format!("'{}' object attribute '{name}' is read-only", type_of(other).name)
                } else {
                    format!("'{}' object has no attribute '{name}'", type_of(other).name)
                }))
            }
        }
    }

    /// `callable(x)`.
    pub fn is_callable(&self, value: &Value) -> bool {
        matches!(value, Value::Object(obj) if obj.is_callable())
    }

    /// `x(*args, **kwargs)`.
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        match func {
            Value::Object(obj) => {
                if let Some(f) = obj.as_any().downcast_ref::<super::function::Function>() {
                    return self.call_function(f, args);
                }
                obj.clone().call(self, func, args)
            }
            other => Err(Exc::type_error(format!("'{}' object is not callable", type_of(other).name))),
        }
    }

    /// Calls a method by name: `x.name(*args)`.
    pub fn call_method(&mut self, value: &Value, name: &str, args: Args) -> PyResult<Value> {
        let method = self.getattr(value, name)?;
        self.call(&method, args)
    }

    /// An index for sequences: ints, bools and objects with `__index__`; TypeError
    /// `<what> <type>` otherwise.
    pub fn index_value(&mut self, value: &Value, what: &str) -> PyResult<i64> {
        match value {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(Exc::new(ExcKind::IndexError, "cannot fit 'int' into an index-sized integer")),
            Value::Object(obj) => match obj.as_index() {
                Some(v) => self.index_value(&v, what),
                None => Err(self.index_type_error(value, what)),
            },
            _ => Err(self.index_type_error(value, what)),
        }
    }

    fn index_type_error(&self, value: &Value, what: &str) -> Exc {
        if what.ends_with("not") {
            Exc::type_error(format!("{what} {}", type_of(value).name))
        } else {
            Exc::type_error(format!("'{}' object cannot be interpreted as an integer", type_of(value).name))
        }
    }

    /// `operator.index(x)`: an int (of any size) from ints, bools and int-like objects.
    pub fn to_index(&mut self, value: &Value) -> PyResult<Value> {
        match value {
            Value::Int(_) | Value::BigInt(_) => Ok(value.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Object(obj) => obj.as_index().ok_or_else(|| self.index_type_error(value, "")),
            _ => Err(self.index_type_error(value, "")),
        }
    }

    /// `int(x)` for numbers (truncating floats).
    pub fn to_int(&mut self, value: &Value) -> PyResult<Value> {
        if let Value::Object(obj) = value {
            if let Some(result) = obj.clone().int_value(self, value) {
                return result;
            }
        }
        match value {
            Value::Int(_) | Value::BigInt(_) => Ok(value.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(x) => int::from_f64(*x),
            Value::Object(obj) => match (obj.as_index(), obj.as_float()) {
                (Some(i), _) => Ok(i),
                (None, Some(x)) => int::from_f64(x),
                _ => Err(Exc::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    type_of(value).name
                ))),
            },
            _ => Err(Exc::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_of(value).name
            ))),
        }
    }

    /// `float(x)` for numbers.
    pub fn to_float(&mut self, value: &Value) -> PyResult<f64> {
        if let Value::Object(obj) = value {
            if let Some(result) = obj.clone().float_value(self, value) {
                return result;
            }
        }
        match value {
            Value::Float(x) => Ok(*x),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => int::bigint_to_f64(b),
            Value::Object(obj) => match (obj.as_float(), obj.as_index()) {
                (Some(x), _) => Ok(x),
                (None, Some(i)) => self.to_float(&i),
                _ => Err(Exc::type_error(format!("must be real number, not {}", type_of(value).name))),
            },
            _ => Err(Exc::type_error(format!("must be real number, not {}", type_of(value).name))),
        }
    }

    /// `len(x)`.
    pub fn len(&mut self, value: &Value) -> PyResult<usize> {
        let n = match value {
            Value::Str(s) => Some(pystr::char_len(s)),
            Value::Bytes(b) => Some(b.len()),
            Value::Tuple(t) => Some(t.len()),
            Value::List(l) => Some(l.len()),
            Value::Dict(d) => Some(d.len()),
            Value::Object(obj) => obj.clone().len(self, value)?,
            _ => None,
        };
        n.ok_or_else(|| Exc::type_error(format!("object of type '{}' has no len()", type_of(value).name)))
    }

    /// Starts iterating `value`.
    pub fn iterate(&mut self, value: &Value) -> PyResult<PyIter> {
        Ok(match value {
            Value::Tuple(items) => PyIter::Items { items: items.clone(), index: 0 },
            Value::List(list) => PyIter::List { list: list.clone(), index: 0 },
            Value::Str(text) => PyIter::Chars { text: text.clone(), byte: 0 },
            Value::Bytes(data) => PyIter::Bytes { data: data.clone(), index: 0 },
            Value::Dict(dict) => PyIter::Items { items: Rc::from(dict.keys()), index: 0 },
            Value::Object(obj) => {
                if let Some(range) = obj.as_any().downcast_ref::<crate::value::iter::Range>() {
                    return Ok(PyIter::Range { next: range.start, left: range.len(), step: range.step });
                }
                let iterator = obj.clone().iter(self, value)?;
                PyIter::Object(iterator)
            }
            other => return Err(Exc::type_error(format!("'{}' object is not iterable", type_of(other).name))),
        })
    }

    /// `list(iterable)` as a Vec.
    pub fn collect(&mut self, value: &Value) -> PyResult<Vec<Value>> {
        match value {
            Value::Tuple(items) => return Ok(items.to_vec()),
            Value::List(list) => return Ok(list.snapshot()),
            _ => {}
        }
        let mut iter = self.iterate(value)?;
        let mut out = Vec::new();
        while let Some(v) = iter.next(self)? {
            out.push(v);
        }
        Ok(out)
    }

    /// `x[key]`.
    pub fn getitem(&mut self, container: &Value, key: &Value) -> PyResult<Value> {
        super::builtins::subscript::getitem(self, container, key)
    }

    /// `x[key] = v`.
    pub fn setitem(&mut self, container: &Value, key: &Value, value: Value) -> PyResult<()> {
        super::builtins::subscript::setitem(self, container, key, value)
    }

    /// `del x[key]`.
    pub fn delitem(&mut self, container: &Value, key: &Value) -> PyResult<()> {
        super::builtins::subscript::delitem(self, container, key)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(needle) => Ok(s.contains(&**needle)),
                other => Err(Exc::type_error(format!("'in <string>' requires string as left operand, not {}", type_of(other).name))),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(needle) => Ok(needle.is_empty() || b.windows(needle.len()).any(|w| w == &needle[..])),
                Value::Int(i) => Ok(b.contains(&(*i as u8)) && (0..256).contains(i)),
                other => Err(Exc::type_error(format!("a bytes-like object is required, not '{}'", type_of(other).name))),
            },
            Value::Dict(d) => Ok(d.get(item)?.is_some()),
            Value::Object(obj) => {
                let obj = obj.clone();
                if let Some(answer) = obj.contains(self, container, item)? {
                    return Ok(answer);
                }
                let mut iter = self.iterate(container).map_err(|_| {
                    Exc::type_error(format!("argument of type '{}' is not iterable", type_of(container).name))
                })?;
                while let Some(v) = iter.next(self)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(_) | Value::List(_) => {
                let mut iter = self.iterate(container)?;
                while let Some(v) = iter.next(self)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => Err(Exc::type_error(format!("argument of type '{}' is not iterable", type_of(other).name))),
        }
    }

    /// `hash(x)`.
    pub fn hash(&mut self, value: &Value) -> PyResult<i64> {
        hash_value(value)
    }

    /// `a op b`.
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(result) = int::binary(op, a, b) {
            return result;
        }
        if let Some(result) = self.sequence_binary(op, a, b)? {
            return Ok(result);
        }
        if let Value::Object(obj) = a {
            if let Some(v) = obj.clone().binary_op(self, a, op, b, false)? {
                return Ok(v);
            }
        }
        if let Value::Object(obj) = b {
            if let Some(v) = obj.clone().binary_op(self, b, op, a, true)? {
                return Ok(v);
            }
        }
        if let (Some(x), Some(y)) = (complex::parts(a), complex::parts(b)) {
            return complex::binary(op, x, y);
        }
        Err(binary_type_error(op, a, b))
    }

    /// `a op= b`.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(list)) => {
                let items = self.collect(b)?;
                list.with_items(|v| v.extend(items));
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(list)) => {
                let n = self.index_value(b, "can't multiply sequence by non-int of type")?;
                list.with_items(|v| {
                    let copy = v.clone();
                    v.clear();
                    for _ in 0..n.max(0) {
                        v.extend(copy.iter().cloned());
                    }
                });
                return Ok(a.clone());
            }
            (_, Value::Object(obj)) => {
                if let Some(v) = obj.clone().inplace_op(self, a, op, b)? {
                    return Ok(v);
                }
            }
            _ => {}
        }
        self.binary_op(op, a, b).map_err(|e| {
            if e.is(ExcKind::TypeError) && e.message().is_some_and(|m| m.starts_with("unsupported operand")) {
                Exc::type_error(format!(
                    "unsupported operand type(s) for {}=: '{}' and '{}'",
                    op.symbol(),
                    type_of(a).name,
                    type_of(b).name
                ))
            } else {
                e
            }
        })
    }

    fn sequence_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Some(Value::str(s))
            }
            (BinOp::Add, Value::Str(_), other) if !matches!(other, Value::Object(_)) => {
                return Err(Exc::type_error(format!("can only concatenate str (not \"{}\") to str", type_of(other).name)))
            }
            (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s)) if int::is_int(n) => pystr::repeat(s, n),
            (BinOp::Mod, Value::Str(s), values) => Some(format::percent_format(self, s, values)?),
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => Some(Value::bytes([&x[..], &y[..]].concat())),
            (BinOp::Mul, Value::Bytes(b), n) | (BinOp::Mul, n, Value::Bytes(b)) if int::is_int(n) => {
                let times = int::to_i64(n).unwrap_or(0).max(0) as usize;
                Some(Value::bytes(b.repeat(times)))
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut items = x.snapshot();
                items.extend(y.snapshot());
                Some(Value::list(items))
            }
            (BinOp::Add, Value::List(_), other) if !matches!(other, Value::Object(_)) => {
                return Err(Exc::type_error(format!("can only concatenate list (not \"{}\") to list", type_of(other).name)))
            }
            (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l)) if int::is_int(n) => {
                let times = int::to_i64(n).unwrap_or(0).max(0) as usize;
                let items = l.snapshot();
                Some(Value::list(items.iter().cloned().cycle().take(items.len() * times).collect()))
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => Some(Value::tuple(x.iter().chain(y.iter()).cloned().collect())),
            (BinOp::Add, Value::Tuple(_), other) if !matches!(other, Value::Object(_)) => {
                return Err(Exc::type_error(format!("can only concatenate tuple (not \"{}\") to tuple", type_of(other).name)))
            }
            (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t)) if int::is_int(n) => {
                let times = int::to_i64(n).unwrap_or(0).max(0) as usize;
                Some(Value::tuple(t.iter().cloned().cycle().take(t.len() * times).collect()))
            }
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), other)
            | (BinOp::Mul, other, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if !matches!(other, Value::Object(_)) =>
            {
                return Err(Exc::type_error(format!("can't multiply sequence by non-int of type '{}'", type_of(other).name)))
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let merged = crate::value::Dict::from_pairs(x.items())?;
                for (k, v) in y.items() {
                    merged.set(k, v)?;
                }
                Some(Value::Dict(Rc::new(merged)))
            }
            _ => None,
        })
    }

    /// `op x`.
    pub fn unary_op(&mut self, op: UnaryOp, value: &Value) -> PyResult<Value> {
        match (op, value) {
            (UnaryOp::Not, v) => return Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Value::Int(i)) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
                })
            }
            (UnaryOp::Neg, Value::BigInt(b)) => return Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Neg, Value::Float(x)) => return Ok(Value::Float(-x)),
            (UnaryOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => return Ok(value.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => return Ok(Value::from_bigint(!(**b).clone())),
            (_, Value::Object(obj)) => {
                if let Some(v) = obj.clone().unary_op(self, value, op)? {
                    return Ok(v);
                }
            }
            _ => {}
        }
        let symbol = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        Err(Exc::type_error(format!("bad operand type for unary {symbol}: '{}'", type_of(value).name)))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let result = self.compare(CmpOp::Eq, a, b)?;
        match result {
            Value::Bool(x) => Ok(x),
            other => self.truthy(&other),
        }
    }

    /// `a < b` as a bool (sorting, min, max).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let result = self.compare(CmpOp::Lt, a, b)?;
        match result {
            Value::Bool(x) => Ok(x),
            other => self.truthy(&other),
        }
    }

    /// `a op b` for comparison operators (`in` and `is` included).
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        // Sequences are equal item by item; only ordering compares the first
        // difference (`(None, 4) == (20, 4)` is False, not a TypeError).
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let items = match (a, b) {
                (Value::Tuple(x), Value::Tuple(y)) => Some((x.to_vec(), y.to_vec())),
                (Value::List(x), Value::List(y)) => Some((x.snapshot(), y.snapshot())),
                _ => None,
            };
            if let Some((x, y)) = items {
                let equal = self.sequence_equal(&x, &y)?;
                return Ok(Value::Bool(equal == (op == CmpOp::Eq)));
            }
        }
        if let Some(ordering) = self.builtin_ordering(a, b)? {
            return Ok(Value::Bool(match ordering {
                None => op == CmpOp::NotEq,
                Some(o) => match op {
                    CmpOp::Eq => o == Ordering::Equal,
                    CmpOp::NotEq => o != Ordering::Equal,
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    CmpOp::GtE => o != Ordering::Less,
                    _ => false,
                },
            }));
        }
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            if let Some(equal) = self.builtin_equal(a, b)? {
                return Ok(Value::Bool(equal == (op == CmpOp::Eq)));
            }
        }
        if let Value::Object(obj) = a {
            if let Some(v) = obj.clone().compare(self, a, op, b)? {
                return Ok(v);
            }
        }
        if let Value::Object(obj) = b {
            let reflected = match op {
                CmpOp::Lt => CmpOp::Gt,
                CmpOp::LtE => CmpOp::GtE,
                CmpOp::Gt => CmpOp::Lt,
                CmpOp::GtE => CmpOp::LtE,
                other => other,
            };
            if let Some(v) = obj.clone().compare(self, b, reflected, a)? {
                return Ok(v);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => Err(Exc::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_of(a).name,
                type_of(b).name
            ))),
        }
    }

    /// Ordering of builtin values that have one: `Some(None)` means "unordered but
    /// comparable" (NaN), `None` means "not handled here".
    fn builtin_ordering(&mut self, a: &Value, b: &Value) -> PyResult<Option<Option<Ordering>>> {
        use Value::*;
        Ok(match (a, b) {
            (Int(x), Int(y)) => Some(Some(x.cmp(y))),
            (Float(x), Float(y)) => Some(x.partial_cmp(y)),
            (Float(x), n) if int::is_int(n) => Some(int::compare_int_float(n, *x).map(Ordering::reverse)),
            (n, Float(x)) if int::is_int(n) => Some(int::compare_int_float(n, *x)),
            (x, y) if int::is_int(x) && int::is_int(y) => Some(int::to_bigint(x).partial_cmp(&int::to_bigint(y))),
            (Str(x), Str(y)) => Some(Some(x.cmp(y))),
            (Bytes(x), Bytes(y)) => Some(Some(x.cmp(y))),
            (Tuple(x), Tuple(y)) => Some(self.sequence_ordering(x, y)?),
            (List(x), List(y)) => Some(self.sequence_ordering(&x.snapshot(), &y.snapshot())?),
            _ => Option::None,
        })
    }

    fn sequence_ordering(&mut self, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
        self.enter_call().map_err(|_| Exc::new(ExcKind::RecursionError, "maximum recursion depth exceeded in comparison"))?;
        let result = self.sequence_ordering_inner(x, y);
        self.leave_call();
        result
    }

    fn sequence_equal(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        self.enter_call().map_err(|_| Exc::new(ExcKind::RecursionError, "maximum recursion depth exceeded in comparison"))?;
        let mut result = Ok(true);
        for (p, q) in x.iter().zip(y) {
            if p.is(q) {
                continue;
            }
            match self.eq(p, q) {
                Ok(true) => {}
                other => {
                    result = other;
                    break;
                }
            }
        }
        self.leave_call();
        result
    }

    fn sequence_ordering_inner(&mut self, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
        for (p, q) in x.iter().zip(y) {
            if p.is(q) || self.eq(p, q)? {
                continue;
            }
            return Ok(if self.less_than(p, q)? { Some(Ordering::Less) } else { Some(Ordering::Greater) });
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    fn builtin_equal(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        Ok(match (a, b) {
            (None, None) => Some(true),
            (Dict(x), Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(Some(false));
                }
                self.enter_call().map_err(|_| Exc::new(ExcKind::RecursionError, "maximum recursion depth exceeded in comparison"))?;
                let mut equal = Ok(true);
                for (k, v) in x.items() {
                    match y.get(&k) {
                        Ok(Some(w)) if v.is(&w) => {}
                        Ok(Some(w)) => match self.eq(&v, &w) {
                            Ok(true) => {}
                            other => {
                                equal = other;
                                break;
                            }
                        },
                        Ok(Option::None) => {
                            equal = Ok(false);
                            break;
                        }
                        Err(e) => {
                            equal = Err(e);
                            break;
                        }
                    }
                }
                self.leave_call();
                Some(equal?)
            }
            (Object(_), _) | (_, Object(_)) => {
                if let (Some(p), Some(q)) = (complex::parts(a), complex::parts(b)) {
                    if a.downcast::<complex::Complex>().is_some() || b.downcast::<complex::Complex>().is_some() {
                        return Ok(Some(p == q));
                    }
                }
                if let (Some(x), Some(y)) = (a.downcast::<crate::value::Set>(), b.downcast::<crate::value::Set>()) {
                    return Ok(Some(x.same_members(y)));
                }
                Option::None
            }
            (x, y) if is_builtin_number(x) && is_builtin_number(y) => Some(numbers_equal(x, y)),
            _ => Some(false),
        })
    }

    /// The exception an `except` clause's class expression matches, if any.
    pub(crate) fn exception_matches(&mut self, exc: &Exc, class: &Value) -> PyResult<bool> {
        match class {
            Value::Tuple(options) => {
                for option in options.iter() {
                    if self.exception_matches(exc, option)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => match as_type(other) {
                Some(t) if crate::value::exception::is_exception_class(&t) => Ok(exc.class().is_subclass(&t)),
                _ => Err(Exc::type_error("catching classes that do not inherit from BaseException is not allowed")),
            },
        }
    }

    /// Turns a raised value into an exception: an instance, or a class to instantiate.
    pub(crate) fn to_exception(&mut self, value: &Value) -> PyResult<Exc> {
        if let Some(exc) = as_exception(value) {
            return Ok(exc);
        }
        if let Some(t) = as_type(value) {
            if crate::value::exception::is_exception_class(&t) {
                let instance = self.call(value, Args::none())?;
                if let Some(exc) = as_exception(&instance) {
                    return Ok(exc);
                }
            }
        }
        Err(Exc::type_error("exceptions must derive from BaseException"))
    }

    /// Enters a nested call for the recursion limit.
    pub(crate) fn enter_call(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth + IPYTHON_FRAMES > self.recursion_limit || self.stack_exhausted() {
            self.depth -= 1;
            return Err(Exc::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Leaves a nested call.
    pub(crate) fn leave_call(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

fn is_builtin_number(v: &Value) -> bool {
    matches!(v, Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_))
}

fn binary_type_error(op: BinOp, a: &Value, b: &Value) -> Exc {
    let symbol = if op == BinOp::Pow { "** or pow()" } else { op.symbol() };
    Exc::type_error(format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        type_of(a).name,
        type_of(b).name
    ))
}
