//! The object model: Python values as the interpreter sees them.
//!
//! [`Value`] keeps the common immutable scalars inline (None, bool, small ints, floats)
//! and shares everything else by reference counting, as Python does: lists and dicts are
//! mutable through every alias; `is` compares identity. Types that are not built into
//! the enum — modules, functions, exceptions, iterators, NumPy arrays, h5py objects —
//! implement [`PyObject`], a trait modelled on Python's data model.

pub mod bytearray;
pub mod bytes;
pub mod complex;
pub mod dict;
pub mod drop;
pub mod exception;
pub mod float;
pub mod format;
pub mod function;
pub mod int;
pub mod iter;
pub mod list;
pub mod object;
pub mod set;
pub mod signatures;
pub mod structseq;
pub mod str;
pub mod types;

use std::rc::Rc;

use num_bigint::BigInt;

pub use dict::Dict;
pub use exception::{Exc, ExcKind, PyResult};
pub use list::List;
pub use object::PyObject;
pub use set::Set;
pub use types::TypeObject;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in i64 (the fast path).
    Int(i64),
    /// Any other int (never one that fits in i64: arithmetic normalises).
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// A str.
    Str(Rc<str>),
    /// A bytes object.
    Bytes(Rc<[u8]>),
    /// A tuple.
    Tuple(Rc<[Value]>),
    /// A list (mutable, shared).
    List(Rc<List>),
    /// A dict (mutable, shared, insertion-ordered).
    Dict(Rc<Dict>),
    /// Everything else.
    Object(Rc<dyn PyObject>),
}

impl Value {
    /// A str value.
    pub fn str(text: impl AsRef<str>) -> Value {
        Value::Str(Rc::from(text.as_ref()))
    }

    /// A bytes value.
    pub fn bytes(data: impl AsRef<[u8]>) -> Value {
        Value::Bytes(Rc::from(data.as_ref()))
    }

    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// A new list value.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }

    /// An int from a BigInt, normalised to `Int` when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        match i64::try_from(&n) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::BigInt(Rc::new(n)),
        }
    }

    /// An object value.
    pub fn object(obj: impl PyObject + 'static) -> Value {
        Value::Object(Rc::new(obj))
    }

    /// True for `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The object behind an `Object` value, downcast to a concrete Rust type.
    pub fn downcast<T: PyObject + 'static>(&self) -> Option<&T> {
        match self {
            Value::Object(obj) => obj.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    /// Python's `is`: identity for shared values, equality of the payload for the
    /// inline scalars (CPython caches small ints, True/False and None, so `is` on
    /// them behaves the same way for the values tutorials use).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Inline scalars have no identity of their own: equal payloads are "the same
            // object", which is what CPython shows for cached small ints and for the
            // constants of one cell.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b),
            (Value::Bytes(a), Value::Bytes(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b) || a.same_object(b.as_ref()),
            _ => false,
        }
    }

    /// A stable identity number for `id()` and default reprs (`0x...` addresses).
    pub fn identity(&self) -> usize {
        match self {
            Value::BigInt(v) => Rc::as_ptr(v) as usize,
            Value::Str(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Bytes(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::Tuple(v) => Rc::as_ptr(v) as *const Value as usize,
            Value::List(v) => Rc::as_ptr(v) as usize,
            Value::Dict(v) => Rc::as_ptr(v) as usize,
            Value::Object(v) => Rc::as_ptr(v) as *const u8 as usize,
            Value::None => 0x9d_0000,
            Value::Bool(b) => 0x9d_1000 + *b as usize,
            Value::Int(i) => 0x9e_0000_0000usize.wrapping_add(*i as usize).wrapping_mul(32),
            Value::Float(f) => f.to_bits() as usize,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", float::repr(*x)),
            Value::Str(s) => write!(f, "{}", str::repr(s)),
            Value::Bytes(b) => write!(f, "{}", bytes::repr(b)),
            Value::Tuple(t) => write!(f, "tuple{:?}", t.as_ref()),
            Value::List(l) => write!(f, "list{:?}", l.snapshot()),
            Value::Dict(d) => write!(f, "dict(len={})", d.len()),
            Value::Object(o) => write!(f, "<{}>", o.type_name()),
        }
    }
}
