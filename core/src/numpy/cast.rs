//! Conversions into a dtype: Python values into elements (`np.array(..., dtype=)`,
//! item assignment) and arrays into other dtypes (`astype`), with NumPy's errors.

use half::f16;
use num_bigint::BigInt;
use num_complex::{Complex32, Complex64};
use num_traits::ToPrimitive;

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::num::{Num, NumVal};
use super::scalar::Scalar;
use super::storage::Buffer;
use super::value::PyValue;

/// The string length NumPy gives a number type when it becomes `U`/`S` (int64: 21,
/// float64: 32, bool: 5, ...).
pub fn text_len(dtype: &DType) -> usize {
    match dtype.kind() {
        Kind::Bool => 5,
        Kind::Int8 => 4,
        Kind::UInt8 => 3,
        Kind::Int16 => 6,
        Kind::UInt16 => 5,
        Kind::Int32 => 11,
        Kind::UInt32 => 10,
        Kind::Int64 => 21,
        Kind::UInt64 => 20,
        Kind::Float16 | Kind::Float32 | Kind::Float64 => 32,
        Kind::Complex64 | Kind::Complex128 => 64,
        Kind::Bytes(n) | Kind::Str(n) => *n,
        _ => 0,
    }
}

fn type_name(v: &PyValue) -> &'static str {
    match v {
        PyValue::None => "NoneType",
        PyValue::Bool(_) => "bool",
        PyValue::Int(_) => "int",
        PyValue::Float(_) => "float",
        PyValue::Complex(_) => "complex",
        PyValue::Str(_) => "str",
        PyValue::Bytes(_) => "bytes",
        PyValue::List(_) => "list",
        PyValue::Tuple(_) => "tuple",
        PyValue::Scalar(_) => "numpy.generic",
        PyValue::Array(_) => "numpy.ndarray",
        PyValue::Object(_) => "object",
    }
}

/// The text a value becomes in a `U`/`S` array (`str(value)`).
pub fn value_text(v: &PyValue) -> String {
    match v {
        PyValue::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        PyValue::Scalar(Scalar::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        other => other.str(),
    }
}

/// Parses a Python int literal as `int(text)` does.
fn parse_int(text: &str, shown: &str) -> NpResult<NumVal> {
    let t = text.trim().replace('_', "");
    t.parse::<BigInt>()
        .ok()
        .and_then(|b| b.to_i128())
        .map(NumVal::Int)
        .ok_or_else(|| NpError::value(format!("invalid literal for int() with base 10: {shown}")))
}

fn parse_float(text: &str, shown: &str) -> NpResult<f64> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.replace('_', "");
    let v = match t.as_str() {
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        _ => t.parse::<f64>().ok(),
    };
    v.ok_or_else(|| NpError::value(format!("could not convert string to float: {shown}")))
}

/// A Python value as the number it stores in a numeric array of `dtype`, with the
/// conversion errors Python's `int()`/`float()` and NumPy raise.
fn value_number(v: &PyValue, dtype: &DType, from_array: bool) -> NpResult<NumVal> {
    let target_int = dtype.is_integer();
    let target_bool = matches!(dtype.kind(), Kind::Bool);
    let shown_str = |s: &str| {
        if from_array {
            format!("np.str_({})", super::dtype::py_str_repr(s))
        } else {
            super::dtype::py_str_repr(s)
        }
    };
    match v {
        PyValue::Bool(b) => Ok(NumVal::Bool(*b)),
        PyValue::Int(i) => {
            if target_int {
                check_int_bounds(i, dtype)?;
            }
            Ok(match i.to_i128() {
                Some(x) => NumVal::Int(x),
                None => NumVal::Float(i.to_f64().unwrap_or(f64::INFINITY)),
            })
        }
        PyValue::Float(f) => {
            if target_int && !from_array {
                if f.is_nan() {
                    return Err(NpError::value("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(NpError::overflow("cannot convert float infinity to integer"));
                }
            }
            Ok(NumVal::Float(*f))
        }
        PyValue::Complex(c) => {
            if dtype.is_complex() || target_bool {
                Ok(NumVal::Complex(*c))
            } else if target_int {
                Err(NpError::type_error(
                    "int() argument must be a string, a bytes-like object or a real number, not 'complex'",
                ))
            } else {
                Err(NpError::type_error("float() argument must be a string or a real number, not 'complex'"))
            }
        }
        PyValue::Scalar(s) => match s {
            Scalar::Str(t) => text_number(t, &shown_str(t), dtype),
            Scalar::Bytes(b) => {
                let t = String::from_utf8_lossy(b).into_owned();
                text_number(&t, &super::dtype::py_bytes_repr(b), dtype)
            }
            s => {
                let n = s.as_num().ok_or_else(|| NpError::type_error("a structured value cannot be stored in a number"))?;
                if target_int && !from_array {
                    // NumPy converts scalars through a Python int here.
                    let i = super::ops::scalar_to_int(s)?;
                    check_int_bounds(&i, dtype)?;
                }
                Ok(n)
            }
        },
        PyValue::Str(t) => text_number(t, &shown_str(t), dtype),
        PyValue::Bytes(b) => {
            let t = String::from_utf8_lossy(b).into_owned();
            text_number(&t, &super::dtype::py_bytes_repr(b), dtype)
        }
        PyValue::None if !target_int && !target_bool => Ok(NumVal::Float(f64::NAN)),
        PyValue::None if target_bool => Ok(NumVal::Bool(false)),
        PyValue::Array(a) if a.size() == 1 => {
            let item = a.values().into_iter().next().unwrap_or(PyValue::None);
            value_number(&item, dtype, true)
        }
        PyValue::List(_) | PyValue::Tuple(_) | PyValue::Array(_) => {
            Err(NpError::value("setting an array element with a sequence."))
        }
        other => {
            if target_bool {
                if let Some(b) = other.truthy() {
                    return Ok(NumVal::Bool(b));
                }
            }
            let name = type_name(other);
            if target_int {
                Err(NpError::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{name}'"
                )))
            } else {
                Err(NpError::type_error(format!(
                    "float() argument must be a string or a real number, not '{name}'"
                )))
            }
        }
    }
}

fn text_number(t: &str, shown: &str, dtype: &DType) -> NpResult<NumVal> {
    if dtype.is_integer() {
        parse_int(t, shown)
    } else if matches!(dtype.kind(), Kind::Bool) {
        Ok(NumVal::Bool(!t.is_empty()))
    } else {
        parse_float(t, shown).map(NumVal::Float)
    }
}

/// The integer bounds of an integer dtype.
pub fn int_bounds(dtype: &DType) -> (i128, i128) {
    match dtype.kind() {
        Kind::Int8 => (i8::MIN as i128, i8::MAX as i128),
        Kind::Int16 => (i16::MIN as i128, i16::MAX as i128),
        Kind::Int32 => (i32::MIN as i128, i32::MAX as i128),
        Kind::Int64 => (i64::MIN as i128, i64::MAX as i128),
        Kind::UInt8 => (0, u8::MAX as i128),
        Kind::UInt16 => (0, u16::MAX as i128),
        Kind::UInt32 => (0, u32::MAX as i128),
        Kind::UInt64 => (0, u64::MAX as i128),
        Kind::Bool => (0, 1),
        _ => (i128::MIN, i128::MAX),
    }
}

/// NumPy 2's OverflowError for a Python int that does not fit an integer dtype.
pub fn check_int_bounds(i: &BigInt, dtype: &DType) -> NpResult<()> {
    let (lo, hi) = int_bounds(dtype);
    let v = i.to_i128();
    if v.is_some_and(|v| v >= lo && v <= hi) {
        return Ok(());
    }
    if i.to_i64().is_none() {
        return Err(NpError::overflow("Python int too large to convert to C long"));
    }
    Err(NpError::overflow(format!("Python integer {i} out of bounds for {}", dtype.name())))
}

fn nums_to_buffer<T: Num>(len: usize, num: impl Fn(usize) -> NumVal) -> Buffer {
    T::into_buffer(super::fast::collect_big(len, (0..len).map(|i| T::from_num(num(i)))))
}

/// A numeric buffer of `dtype` holding `nums` converted by C-cast rules.
pub fn num_buffer(nums: &[NumVal], dtype: &DType) -> Buffer {
    num_buffer_from(nums.len(), dtype, |i| nums[i])
}

/// A numeric buffer of `dtype` holding `num(0)`, ..., `num(len - 1)` converted by
/// C-cast rules, made without an intermediate list of numbers (`np.arange`).
pub fn num_buffer_from(len: usize, dtype: &DType, num: impl Fn(usize) -> NumVal) -> Buffer {
    match dtype.kind() {
        Kind::Bool => nums_to_buffer::<bool>(len, num),
        Kind::Int8 => nums_to_buffer::<i8>(len, num),
        Kind::Int16 => nums_to_buffer::<i16>(len, num),
        Kind::Int32 => nums_to_buffer::<i32>(len, num),
        Kind::Int64 => nums_to_buffer::<i64>(len, num),
        Kind::UInt8 => nums_to_buffer::<u8>(len, num),
        Kind::UInt16 => nums_to_buffer::<u16>(len, num),
        Kind::UInt32 => nums_to_buffer::<u32>(len, num),
        Kind::UInt64 => nums_to_buffer::<u64>(len, num),
        Kind::Float16 => nums_to_buffer::<f16>(len, num),
        Kind::Float32 => nums_to_buffer::<f32>(len, num),
        Kind::Float64 => nums_to_buffer::<f64>(len, num),
        Kind::Complex64 => nums_to_buffer::<Complex32>(len, num),
        Kind::Complex128 => nums_to_buffer::<Complex64>(len, num),
        _ => Buffer::zeros(dtype, len),
    }
}

/// Resolves an unsized `S`/`U` dtype to the longest text among `values`.
pub fn size_text_dtype(dtype: &DType, values: &[PyValue]) -> DType {
    let longest = || values.iter().map(|v| text_of(v, matches!(dtype.kind(), Kind::Bytes(_))).chars().count()).max().unwrap_or(0).max(1);
    match dtype.kind() {
        Kind::Str(0) => DType::new(Kind::Str(longest())).with_metadata(dtype.metadata().cloned()),
        Kind::Bytes(0) => DType::new(Kind::Bytes(longest())),
        _ => dtype.clone(),
    }
}

fn text_of(v: &PyValue, _bytes: bool) -> String {
    value_text(v)
}

/// Python values converted into a buffer of `dtype` (the dtype must be sized).
pub fn values_to_buffer(values: &[PyValue], dtype: &DType) -> NpResult<Buffer> {
    values_to_buffer_impl(values, dtype, false)
}

pub(crate) fn values_to_buffer_impl(values: &[PyValue], dtype: &DType, from_array: bool) -> NpResult<Buffer> {
    match dtype.kind() {
        Kind::Object => Ok(Buffer::Object(
            values.iter().map(|v| super::array::to_python_scalar(v.clone())).collect(),
        )),
        Kind::Str(n) => {
            let n = *n;
            Ok(Buffer::Str(
                values
                    .iter()
                    .map(|v| {
                        let t = match v {
                            PyValue::Bytes(b) | PyValue::Scalar(Scalar::Bytes(b)) => {
                                b.iter().map(|&c| c as char).collect()
                            }
                            other => value_text(other),
                        };
                        t.chars().take(n).collect::<String>().trim_end_matches('\0').to_string()
                    })
                    .collect(),
            ))
        }
        Kind::Bytes(n) => {
            let n = *n;
            let mut out = Vec::with_capacity(values.len());
            for v in values {
                let mut b = match v {
                    PyValue::Bytes(b) | PyValue::Scalar(Scalar::Bytes(b)) => b.clone(),
                    other => {
                        let t = value_text(other);
                        if let Some((pos, c)) = t.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
                            return Err(NpError::new(
                                "UnicodeEncodeError",
                                format!(
                                    "'ascii' codec can't encode character '\\x{:02x}' in position {pos}: ordinal not in range(128)",
                                    c as u32
                                ),
                            ));
                        }
                        t.into_bytes()
                    }
                };
                b.truncate(n);
                while b.last() == Some(&0) {
                    b.pop();
                }
                out.push(b);
            }
            Ok(Buffer::Bytes(out.into()))
        }
        Kind::Void(_) | Kind::Struct(_) => {
            let mut out = Vec::with_capacity(values.len());
            for v in values {
                out.push(super::create::record_from_value(v, dtype)?);
            }
            Ok(Buffer::Record(out.into()))
        }
        _ => {
            let nums: NpResult<Vec<NumVal>> = values.iter().map(|v| value_number(v, dtype, from_array)).collect();
            Ok(num_buffer(&nums?, dtype))
        }
    }
}

impl NdArray {
    /// `a.astype(dtype, casting=...)`: refuses casts the rule does not allow, with
    /// NumPy's TypeError.
    pub fn astype_with(&self, dtype: &DType, casting: super::promote::Casting) -> NpResult<NdArray> {
        if !super::promote::can_cast(self.dtype(), dtype, casting) {
            let rule = match casting {
                super::promote::Casting::No => "no",
                super::promote::Casting::Equiv => "equiv",
                super::promote::Casting::Safe => "safe",
                super::promote::Casting::SameKind => "same_kind",
                super::promote::Casting::Unsafe => "unsafe",
            };
            return Err(NpError::type_error(format!(
                "Cannot cast array data from {} to {} according to the rule '{rule}'",
                self.dtype().repr(),
                dtype.repr()
            )));
        }
        self.astype(dtype)
    }
    /// `a.astype(dtype)` (unsafe casting, as NumPy's default): always a copy.
    pub fn astype(&self, dtype: &DType) -> NpResult<NdArray> {
        let shape = self.shape().to_vec();
        if (self.dtype().is_struct() || dtype.is_struct()) && self.dtype() != dtype && !matches!(dtype.kind(), Kind::Object) {
            return Err(NpError::type_error(format!(
                "Cannot cast array data from {} to {} according to the rule 'unsafe'",
                self.dtype().repr(),
                dtype.repr()
            )));
        }
        if self.is_numeric() && dtype_is_numeric(dtype) {
            let buf = self.buffer();
            let out = crate::np_dispatch_numeric!(&*buf, v => convert_from(self, v.as_slice().unwrap_or(&[]), dtype), _ => Buffer::zeros(dtype, 0));
            return Ok(NdArray::from_buffer(out, shape, dtype.clone()));
        }
        if self.dtype().kind() == dtype.kind() && !matches!(dtype.kind(), Kind::Str(0) | Kind::Bytes(0)) {
            let c = self.copy();
            return Ok(c.with_dtype(dtype.clone()));
        }
        let values = self.values();
        let dtype = match dtype.kind() {
            Kind::Str(0) | Kind::Bytes(0) if self.is_numeric() => {
                let n = text_len(self.dtype());
                if matches!(dtype.kind(), Kind::Str(_)) {
                    DType::new(Kind::Str(n))
                } else {
                    DType::new(Kind::Bytes(n))
                }
            }
            Kind::Str(0) | Kind::Bytes(0) => {
                let n = match self.dtype().kind() {
                    Kind::Str(n) | Kind::Bytes(n) => *n,
                    _ => 0,
                };
                if n > 0 {
                    if matches!(dtype.kind(), Kind::Str(_)) {
                        DType::new(Kind::Str(n))
                    } else {
                        DType::new(Kind::Bytes(n))
                    }
                } else {
                    size_text_dtype(dtype, &values)
                }
            }
            _ => dtype.clone(),
        };
        let buffer = values_to_buffer_impl(&values, &dtype, true)?;
        Ok(NdArray::from_buffer(buffer, shape, dtype))
    }
}

/// The elements of `a` (whose buffer holds `src`) converted to `U` by C-cast rules.
fn convert_to<T: Num, U: Num>(a: &NdArray, src: &[T]) -> Buffer {
    let mut out: Vec<U> = super::fast::big_vec(a.size());
    match a.contiguous_range() {
        Some(range) => out.extend(src[range].iter().map(|&x| U::from_num(x.to_num()))),
        None => a.for_each_offset(|p| out.push(U::from_num(src[p].to_num()))),
    }
    U::into_buffer(out)
}

/// The elements of `a` converted to the numeric `dtype`.
fn convert_from<T: Num>(a: &NdArray, src: &[T], dtype: &DType) -> Buffer {
    match dtype.kind() {
        Kind::Bool => convert_to::<T, bool>(a, src),
        Kind::Int8 => convert_to::<T, i8>(a, src),
        Kind::Int16 => convert_to::<T, i16>(a, src),
        Kind::Int32 => convert_to::<T, i32>(a, src),
        Kind::Int64 => convert_to::<T, i64>(a, src),
        Kind::UInt8 => convert_to::<T, u8>(a, src),
        Kind::UInt16 => convert_to::<T, u16>(a, src),
        Kind::UInt32 => convert_to::<T, u32>(a, src),
        Kind::UInt64 => convert_to::<T, u64>(a, src),
        Kind::Float16 => convert_to::<T, f16>(a, src),
        Kind::Float32 => convert_to::<T, f32>(a, src),
        Kind::Float64 => convert_to::<T, f64>(a, src),
        Kind::Complex64 => convert_to::<T, Complex32>(a, src),
        Kind::Complex128 => convert_to::<T, Complex64>(a, src),
        _ => Buffer::zeros(dtype, 0),
    }
}

/// Whether a dtype is bool, integer, float or complex.
pub fn dtype_is_numeric(dtype: &DType) -> bool {
    dtype.is_numeric()
}
