//! Python values as the NumPy layer sees them: the input of `np.array(...)`, the
//! output of `tolist()`/`item()`, and the elements of object arrays. Values the
//! library does not know are opaque objects behind [`PyObjectLike`], a trait the
//! interpreter implements.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use num_complex::Complex64;

use super::array::NdArray;
use super::dtype::{py_bytes_repr, py_str_repr};
use super::format::pyfloat;
use super::scalar::Scalar;

/// An interpreter value the NumPy layer holds without understanding it (in object
/// arrays). The interpreter implements this for its own value type.
pub trait PyObjectLike: fmt::Debug {
    /// Python's `repr(obj)`.
    fn repr(&self) -> String;
    /// Python's `str(obj)`.
    fn str(&self) -> String {
        self.repr()
    }
    /// Whether the object is a Python list (object arrays print lists as `list([...])`).
    fn is_list(&self) -> bool {
        false
    }
    /// Python's `obj == other`, when the object can answer it.
    fn py_eq(&self, _other: &PyValue) -> Option<bool> {
        None
    }
    /// Python's `bool(obj)`, when the object can answer it.
    fn truthy(&self) -> Option<bool> {
        None
    }
    /// The object as `Any`, so the interpreter can get its own value back.
    fn as_any(&self) -> &dyn Any;
}

/// A shared opaque object.
pub type ObjRef = Rc<dyn PyObjectLike>;

/// A Python value: what `np.array()` takes, what `tolist()` returns, and what object
/// arrays hold.
#[derive(Clone, Debug)]
pub enum PyValue {
    /// `None`.
    None,
    /// A Python bool.
    Bool(bool),
    /// A Python int (unbounded).
    Int(BigInt),
    /// A Python float.
    Float(f64),
    /// A Python complex.
    Complex(Complex64),
    /// A Python str.
    Str(String),
    /// A Python bytes.
    Bytes(Vec<u8>),
    /// A Python list.
    List(Vec<PyValue>),
    /// A Python tuple.
    Tuple(Vec<PyValue>),
    /// A NumPy scalar (`np.int8(5)`).
    Scalar(Scalar),
    /// A NumPy array.
    Array(NdArray),
    /// Anything else.
    Object(ObjRef),
}

impl PyValue {
    /// A Python int from an i64.
    pub fn int(i: i64) -> PyValue {
        PyValue::Int(BigInt::from(i))
    }
    /// Python's `repr(value)`.
    pub fn repr(&self) -> String {
        match self {
            PyValue::None => "None".into(),
            PyValue::Bool(true) => "True".into(),
            PyValue::Bool(false) => "False".into(),
            PyValue::Int(i) => i.to_string(),
            PyValue::Float(f) => pyfloat::repr(*f),
            PyValue::Complex(c) => pyfloat::complex_repr(c.re, c.im),
            PyValue::Str(s) => py_str_repr(s),
            PyValue::Bytes(b) => py_bytes_repr(b),
            PyValue::List(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.repr()).collect();
                format!("[{}]", parts.join(", "))
            }
            PyValue::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.repr()).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            PyValue::Scalar(s) => s.repr(),
            PyValue::Array(a) => a.repr(&Default::default()),
            PyValue::Object(o) => o.repr(),
        }
    }
    /// Python's `str(value)`.
    pub fn str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            PyValue::Scalar(s) => s.str(),
            PyValue::Array(a) => a.str(&Default::default()),
            PyValue::Object(o) => o.str(),
            _ => self.repr(),
        }
    }
    /// Python's `bool(value)` where it is known without the interpreter.
    pub fn truthy(&self) -> Option<bool> {
        Some(match self {
            PyValue::None => false,
            PyValue::Bool(b) => *b,
            PyValue::Int(i) => i.sign() != num_bigint::Sign::NoSign,
            PyValue::Float(f) => *f != 0.0,
            PyValue::Complex(c) => c.re != 0.0 || c.im != 0.0,
            PyValue::Str(s) => !s.is_empty(),
            PyValue::Bytes(b) => !b.is_empty(),
            PyValue::List(v) | PyValue::Tuple(v) => !v.is_empty(),
            PyValue::Scalar(s) => s.truthy(),
            PyValue::Array(_) => return None,
            PyValue::Object(o) => return o.truthy(),
        })
    }
    /// Whether this is a Python list (for the `list([...])` element format).
    pub fn is_list(&self) -> bool {
        match self {
            PyValue::List(_) => true,
            PyValue::Object(o) => o.is_list(),
            _ => false,
        }
    }
    /// Python's `==` for values the library understands (numbers, strings, bytes,
    /// sequences); `None` when it cannot tell.
    pub fn py_eq(&self, other: &PyValue) -> Option<bool> {
        use PyValue as V;
        let norm = |v: &PyValue| match v {
            V::Scalar(Scalar::Str(s)) => Some(V::Str(s.clone())),
            V::Scalar(Scalar::Bytes(b)) => Some(V::Bytes(b.clone())),
            _ => None,
        };
        if let Some(a) = norm(self) {
            return a.py_eq(other);
        }
        if let Some(b) = norm(other) {
            return self.py_eq(&b);
        }
        Some(match (self, other) {
            (V::None, V::None) => true,
            (V::Str(a), V::Str(b)) => a == b,
            (V::Bytes(a), V::Bytes(b)) => a == b,
            (V::List(a), V::List(b)) | (V::Tuple(a), V::Tuple(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                for (x, y) in a.iter().zip(b) {
                    if !x.py_eq(y)? {
                        return Some(false);
                    }
                }
                true
            }
            (V::Object(o), x) | (x, V::Object(o)) => return o.py_eq(x),
            (a, b) => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => super::scalar::num_eq(x, y),
                (None, None) => return None,
                _ => false,
            },
        })
    }
    /// The value as a number, if it is a bool, int, float, complex or numeric scalar.
    pub fn as_number(&self) -> Option<super::num::NumVal> {
        use super::num::NumVal;
        match self {
            PyValue::Bool(b) => Some(NumVal::Bool(*b)),
            PyValue::Int(i) => {
                let v: Option<i128> = num_traits::ToPrimitive::to_i128(i);
                Some(match v {
                    Some(v) => NumVal::Int(v),
                    None => NumVal::Float(num_traits::ToPrimitive::to_f64(i).unwrap_or(f64::INFINITY)),
                })
            }
            PyValue::Float(f) => Some(NumVal::Float(*f)),
            PyValue::Complex(c) => Some(NumVal::Complex(*c)),
            PyValue::Scalar(s) => s.as_num(),
            _ => None,
        }
    }
}
