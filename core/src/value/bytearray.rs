//! `bytearray`: a mutable sequence of bytes. The basics: construction as `bytes(...)`
//! accepts, repr, len, indexing and slicing, item assignment, iteration, `in`, `==`,
//! `+`, and the methods `append`, `extend`, `pop`, `clear`, `copy`; the read-only
//! bytes methods that return no bytes (`decode`, `hex`, `find`, `count`,
//! `startswith`, ...) run on a snapshot.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::exception::{Exc, ExcKind, PyResult};
use super::function::{check_arity, no_keywords, NativeMethod};
use super::iter::{NativeIterator, Slice};
use super::list::normalize_index;
use super::object::{Args, PyObject};
use super::types::{builtin, type_of, TypeObject};
use super::Value;
use crate::eval::Interp;
use crate::syntax::ast::{BinOp, CmpOp};

/// A bytearray's storage.
pub struct ByteArray {
    data: RefCell<Vec<u8>>,
}

/// The mutating methods, implemented here.
const OWN_METHODS: &[&str] = &["append", "clear", "copy", "extend", "pop"];

/// Methods of bytes that read the data and return no bytes object.
const READ_METHODS: &[&str] =
    &["count", "decode", "endswith", "find", "hex", "index", "isalnum", "isalpha", "isdigit", "islower", "isspace", "isupper", "rfind", "rindex", "startswith"];

impl ByteArray {
    /// A bytearray value holding `data`.
    pub fn value(data: Vec<u8>) -> Value {
        Value::object(ByteArray { data: RefCell::new(data) })
    }

    /// A copy of the bytes.
    pub fn snapshot(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }
}

/// The bytes of a bytes or bytearray value (for `+`, `==`, `in`, `extend`).
fn bytes_like(value: &Value) -> Option<Vec<u8>> {
    match value {
        Value::Bytes(b) => Some(b.to_vec()),
        other => other.downcast::<ByteArray>().map(ByteArray::snapshot),
    }
}

/// A value stored as a byte: an int in `range(0, 256)`.
fn to_byte(vm: &mut Interp, value: &Value) -> PyResult<u8> {
    let i = vm.index_value(value, "")?;
    u8::try_from(i).map_err(|_| Exc::value_error("byte must be in range(0, 256)"))
}

impl PyObject for ByteArray {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.bytearray.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("bytearray({})", super::bytes::repr(&self.data.borrow())))
    }

    fn str(&self, vm: &mut Interp, this: &Value) -> PyResult<String> {
        self.repr(vm, this)
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok((OWN_METHODS.contains(&name) || READ_METHODS.contains(&name)).then(|| NativeMethod::value(this, name, call_method)))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = OWN_METHODS.iter().chain(READ_METHODS).map(|s| s.to_string()).collect();
        names.sort();
        names
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.data.borrow().len()))
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let len = self.data.borrow().len();
        if let Some(slice) = key.downcast::<Slice>() {
            let positions = slice.positions(vm, len)?;
            let data = self.data.borrow();
            return Ok(ByteArray::value(positions.into_iter().map(|p| data[p]).collect()));
        }
        let i = vm.index_value(key, "bytearray indices must be integers or slices, not")?;
        match normalize_index(i, len) {
            Some(p) => Ok(Value::Int(self.data.borrow()[p] as i64)),
            None => Err(Exc::new(ExcKind::IndexError, "bytearray index out of range")),
        }
    }

    fn setitem(&self, vm: &mut Interp, _this: &Value, key: &Value, value: Value) -> PyResult<()> {
        if key.downcast::<Slice>().is_some() {
            return Err(Exc::not_implemented("bytearray slice assignment"));
        }
        let i = vm.index_value(key, "bytearray indices must be integers or slices, not")?;
        let len = self.data.borrow().len();
        let Some(p) = normalize_index(i, len) else {
            return Err(Exc::new(ExcKind::IndexError, "bytearray index out of range"));
        };
        let byte = to_byte(vm, &value)?;
        self.data.borrow_mut()[p] = byte;
        Ok(())
    }

    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        let this = this.clone();
        let mut position = 0;
        Ok(NativeIterator::value("bytearray_iterator", move |_vm| {
            let Some(ba) = this.downcast::<ByteArray>() else { return Ok(None) };
            let byte = ba.data.borrow().get(position).copied();
            position += 1;
            Ok(byte.map(|b| Value::Int(b as i64)))
        }))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        let data = self.data.borrow().clone();
        if let Some(needle) = bytes_like(item) {
            return Ok(Some(needle.is_empty() || data.windows(needle.len()).any(|w| w == needle.as_slice())));
        }
        let byte = to_byte(vm, item)?;
        Ok(Some(data.contains(&byte)))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        None
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(!self.data.borrow().is_empty()))
    }

    fn binary_op(&self, _vm: &mut Interp, _this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let Some(other) = bytes_like(other).filter(|_| op == BinOp::Add) else { return Ok(None) };
        let mine = self.snapshot();
        Ok(Some(if reflected {
            // bytes + bytearray is bytes.
            Value::bytes([other, mine].concat())
        } else {
            ByteArray::value([mine, other].concat())
        }))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(other) = bytes_like(other) else { return Ok(None) };
        let mine = self.data.borrow();
        let ordering = mine.as_slice().cmp(other.as_slice());
        Ok(match op {
            CmpOp::Eq => Some(Value::Bool(ordering.is_eq())),
            CmpOp::NotEq => Some(Value::Bool(!ordering.is_eq())),
            CmpOp::Lt => Some(Value::Bool(ordering.is_lt())),
            CmpOp::LtE => Some(Value::Bool(ordering.is_le())),
            CmpOp::Gt => Some(Value::Bool(ordering.is_gt())),
            CmpOp::GtE => Some(Value::Bool(ordering.is_ge())),
            _ => None,
        })
    }
}

/// The methods of a bytearray.
fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(ba) = this.downcast::<ByteArray>() else { return Err(Exc::type_error("descriptor requires a 'bytearray' object")) };
    if READ_METHODS.contains(&name) {
        return super::bytes::call_method(vm, &Value::bytes(ba.snapshot()), name, args);
    }
    no_keywords(name, &args)?;
    match name {
        "append" => {
            check_arity("append", &args, 1, 1)?;
            let byte = to_byte(vm, &args.positional[0])?;
            ba.data.borrow_mut().push(byte);
            Ok(Value::None)
        }
        "extend" => {
            check_arity("extend", &args, 1, 1)?;
            let more = match bytes_like(&args.positional[0]) {
                Some(b) => b,
                None => {
                    let items = vm.collect(&args.positional[0])?;
                    items.iter().map(|v| to_byte(vm, v)).collect::<PyResult<Vec<u8>>>()?
                }
            };
            ba.data.borrow_mut().extend(more);
            Ok(Value::None)
        }
        "pop" => {
            check_arity("pop", &args, 0, 1)?;
            let len = ba.data.borrow().len();
            if len == 0 {
                return Err(Exc::new(ExcKind::IndexError, "pop from empty bytearray"));
            }
            let i = match args.positional.first() {
                Some(v) => vm.index_value(v, "")?,
                None => -1,
            };
            let Some(p) = normalize_index(i, len) else { return Err(Exc::new(ExcKind::IndexError, "pop index out of range")) };
            Ok(Value::Int(ba.data.borrow_mut().remove(p) as i64))
        }
        "clear" => {
            check_arity("clear", &args, 0, 0)?;
            ba.data.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => {
            check_arity("copy", &args, 0, 0)?;
            Ok(ByteArray::value(ba.snapshot()))
        }
        _ => Err(Exc::attribute_error(format!("'bytearray' object has no attribute '{name}'"))),
    }
}

/// `bytearray(...)`: what `bytes(...)` accepts, as a bytearray.
pub fn construct(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    match crate::eval::constructors::bytes(vm, class, args)? {
        Value::Bytes(b) => Ok(ByteArray::value(b.to_vec())),
        other => Err(Exc::type_error(format!("cannot convert '{}' object to bytearray", type_of(&other).name))),
    }
}
