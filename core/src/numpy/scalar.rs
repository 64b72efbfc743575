//! NumPy scalars (`np.int8(5)`, `np.float64(0.5)`, `np.True_`, `np.str_('a')` ...):
//! what indexing a single element gives, with their `repr` and `str`.

use half::f16;
use num_complex::{Complex32, Complex64};

use super::dtype::{py_bytes_repr, py_str_repr, DType, Kind};
use super::format::pyfloat;
use super::num::{Num, NumVal};

/// A NumPy scalar. Object-dtype elements are not scalars: indexing an object array
/// gives the [`super::PyValue`] itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    /// `np.bool`
    Bool(bool),
    /// `np.int8`
    I8(i8),
    /// `np.int16`
    I16(i16),
    /// `np.int32`
    I32(i32),
    /// `np.int64`
    I64(i64),
    /// `np.uint8`
    U8(u8),
    /// `np.uint16`
    U16(u16),
    /// `np.uint32`
    U32(u32),
    /// `np.uint64`
    U64(u64),
    /// `np.float16`
    F16(f16),
    /// `np.float32`
    F32(f32),
    /// `np.float64`
    F64(f64),
    /// `np.complex64`
    C64(Complex32),
    /// `np.complex128`
    C128(Complex64),
    /// `np.bytes_`
    Bytes(Vec<u8>),
    /// `np.str_`
    Str(String),
    /// `np.void`: raw record bytes and their (structured or void) dtype.
    Void(Vec<u8>, DType),
}

/// Runs `$body` with `$v` bound to the value of a numeric scalar.
macro_rules! scalar_numeric {
    ($s:expr, $v:ident => $body:expr, _ => $other:expr) => {
        match $s {
            Scalar::Bool($v) => $body,
            Scalar::I8($v) => $body,
            Scalar::I16($v) => $body,
            Scalar::I32($v) => $body,
            Scalar::I64($v) => $body,
            Scalar::U8($v) => $body,
            Scalar::U16($v) => $body,
            Scalar::U32($v) => $body,
            Scalar::U64($v) => $body,
            Scalar::F16($v) => $body,
            Scalar::F32($v) => $body,
            Scalar::F64($v) => $body,
            Scalar::C64($v) => $body,
            Scalar::C128($v) => $body,
            _ => $other,
        }
    };
}

impl Scalar {
    /// The scalar's dtype (`np.bytes_(b'ab')` is `S2`, `np.str_('ab')` is `<U2`).
    pub fn dtype(&self) -> DType {
        match self {
            Scalar::Bytes(b) => DType::new(Kind::Bytes(b.len())),
            Scalar::Str(s) => DType::new(Kind::Str(s.chars().count())),
            Scalar::Void(_, d) => d.clone(),
            s => scalar_numeric!(s, v => num_dtype(v), _ => DType::object()),
        }
    }
    /// The value as a number, for numeric scalars.
    pub fn as_num(&self) -> Option<NumVal> {
        scalar_numeric!(self, v => Some(v.to_num()), _ => None)
    }
    /// The numeric scalar of dtype `dtype` holding `v` converted by C-cast rules;
    /// `None` for non-numeric dtypes.
    pub fn from_num(v: NumVal, dtype: &DType) -> Option<Scalar> {
        Some(match dtype.kind() {
            Kind::Bool => Scalar::Bool(bool::from_num(v)),
            Kind::Int8 => Scalar::I8(i8::from_num(v)),
            Kind::Int16 => Scalar::I16(i16::from_num(v)),
            Kind::Int32 => Scalar::I32(i32::from_num(v)),
            Kind::Int64 => Scalar::I64(i64::from_num(v)),
            Kind::UInt8 => Scalar::U8(u8::from_num(v)),
            Kind::UInt16 => Scalar::U16(u16::from_num(v)),
            Kind::UInt32 => Scalar::U32(u32::from_num(v)),
            Kind::UInt64 => Scalar::U64(u64::from_num(v)),
            Kind::Float16 => Scalar::F16(f16::from_num(v)),
            Kind::Float32 => Scalar::F32(f32::from_num(v)),
            Kind::Float64 => Scalar::F64(f64::from_num(v)),
            Kind::Complex64 => Scalar::C64(Complex32::from_num(v)),
            Kind::Complex128 => Scalar::C128(Complex64::from_num(v)),
            _ => return None,
        })
    }
    /// `bool(scalar)`.
    pub fn truthy(&self) -> bool {
        match self {
            Scalar::Bytes(b) => !b.is_empty(),
            Scalar::Str(s) => !s.is_empty(),
            Scalar::Void(..) => true,
            s => s.as_num().map(|n| n.truthy()).unwrap_or(true),
        }
    }
    /// `str(scalar)`: `5`, `0.5`, `True`, `(1+2j)`, `ab`, `b'ab'`.
    pub fn str(&self) -> String {
        match self {
            Scalar::Bool(b) => if *b { "True" } else { "False" }.into(),
            Scalar::F16(x) => pyfloat::typed_repr(super::format::dragon4::FloatBits::from_f16(*x), 3),
            Scalar::F32(x) => pyfloat::typed_repr(super::format::dragon4::FloatBits::from_f32(*x), 6),
            Scalar::F64(x) => pyfloat::repr(*x),
            Scalar::C64(c) => pyfloat::complex_repr_typed(
                super::format::dragon4::FloatBits::from_f32(c.re),
                super::format::dragon4::FloatBits::from_f32(c.im),
                6,
            ),
            Scalar::C128(c) => pyfloat::complex_repr(c.re, c.im),
            Scalar::Bytes(b) => py_bytes_repr(b),
            Scalar::Str(s) => s.clone(),
            Scalar::Void(..) => super::format::void_scalar_str(self, &Default::default()),
            s => scalar_numeric!(s, v => int_text(v.to_num()), _ => String::new()),
        }
    }
    /// `str(scalar)` under the session's print options (only structured scalars
    /// depend on them).
    pub fn str_with(&self, opts: &super::options::PrintOptions) -> String {
        match self {
            Scalar::Void(..) => super::format::void_scalar_str(self, opts),
            s => s.str(),
        }
    }
    /// `repr(scalar)` under the session's print options.
    pub fn repr_with(&self, opts: &super::options::PrintOptions) -> String {
        match self {
            Scalar::Void(..) => super::format::void_scalar_repr(self, opts),
            s => s.repr(),
        }
    }
    /// `repr(scalar)`: `np.int8(5)`, `np.float64(0.5)`, `np.True_`, `np.str_('a')`.
    pub fn repr(&self) -> String {
        match self {
            Scalar::Bool(true) => "np.True_".into(),
            Scalar::Bool(false) => "np.False_".into(),
            Scalar::Bytes(b) => format!("np.bytes_({})", py_bytes_repr(b)),
            Scalar::Str(s) => format!("np.str_({})", py_str_repr(s)),
            Scalar::Void(..) => super::format::void_scalar_repr(self, &Default::default()),
            Scalar::C64(_) | Scalar::C128(_) => {
                let s = self.str();
                let inner = s.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(&s);
                format!("np.{}({inner})", self.dtype().name())
            }
            s => format!("np.{}({})", s.dtype().name(), s.str()),
        }
    }
}

fn num_dtype<T: Num>(_: &T) -> DType {
    T::dtype()
}

fn int_text(v: NumVal) -> String {
    match v {
        NumVal::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

/// Python's `==` between two numbers of any kind (exact for integers against floats).
pub fn num_eq(a: NumVal, b: NumVal) -> bool {
    match (a, b) {
        (NumVal::Complex(_), _) | (_, NumVal::Complex(_)) => a.as_c128() == b.as_c128(),
        (NumVal::Float(x), NumVal::Int(i)) | (NumVal::Int(i), NumVal::Float(x)) => {
            x.is_finite() && x.fract() == 0.0 && (x as i128) == i && (i as f64) == x
        }
        (NumVal::Float(x), y) | (y, NumVal::Float(x)) => x == y.as_f64(),
        (x, y) => x.as_i64() as i128 == y.as_i64() as i128 && int_of(x) == int_of(y),
    }
}

fn int_of(v: NumVal) -> i128 {
    match v {
        NumVal::Bool(b) => b as i128,
        NumVal::Int(i) => i,
        _ => 0,
    }
}
