//! Ufuncs: binary operators with broadcasting and NEP 50 promotion, in-place
//! operators with `same_kind` output casting, unary operators and elementwise math
//! functions. Results of all-0-d operands are NumPy scalars, as in NumPy.

use half::f16;
use num_bigint::BigInt;
use num_complex::{Complex32, Complex64};
use num_traits::ToPrimitive;

use super::array::NdArray;
use super::broadcast::broadcast_shapes;
use super::cast::check_int_bounds;
use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::kernels::{Arith, BinOp};
use super::num::{Num, NumVal};
use super::promote::{can_cast, result_type, Casting, Operand};
use super::scalar::Scalar;
use super::storage::Buffer;
use super::value::PyValue;

/// An operand of a ufunc.
#[derive(Clone, Debug)]
pub enum Arg {
    /// An array.
    Array(NdArray),
    /// A NumPy scalar (strongly typed, like a 0-d array).
    Scalar(Scalar),
    /// A Python value: ints, floats and complex are "weak" (NEP 50); lists become
    /// arrays.
    Py(PyValue),
}

impl Arg {
    /// The operand as an array and its promotion role.
    fn prepare(&self) -> NpResult<(NdArray, Operand, bool)> {
        Ok(match self {
            Arg::Array(a) => (a.clone(), Operand::DType(a.dtype().clone()), a.ndim() == 0),
            Arg::Scalar(s) => (NdArray::from_scalar(s), Operand::DType(s.dtype()), true),
            Arg::Py(PyValue::Scalar(s)) => (NdArray::from_scalar(s), Operand::DType(s.dtype()), true),
            Arg::Py(PyValue::Array(a)) => (a.clone(), Operand::DType(a.dtype().clone()), a.ndim() == 0),
            Arg::Py(v @ PyValue::Int(_)) => (super::create::array(v, Some(&DType::object()))?, Operand::PyInt, true),
            Arg::Py(PyValue::Float(f)) => (super::create::from_f64(&[*f]).reshape(&[])?, Operand::PyFloat, true),
            Arg::Py(v @ PyValue::Complex(_)) => (super::create::array(v, None)?, Operand::PyComplex, true),
            Arg::Py(v @ PyValue::Bool(_)) => (super::create::array(v, None)?, Operand::PyBool, true),
            Arg::Py(v) => {
                let a = super::create::array(v, None)?;
                let scalar = a.ndim() == 0;
                (a.clone(), Operand::DType(a.dtype().clone()), scalar)
            }
        })
    }
}

fn dtype_repr_for_error(d: &DType) -> String {
    d.repr()
}

fn no_loop(op: BinOp, a: &DType, b: &DType) -> NpError {
    NpError::new(
        "UFuncTypeError",
        format!(
            "ufunc '{}' did not contain a loop with signature matching types ({}, {}) -> None",
            op.ufunc_name(),
            dtype_repr_for_error(a),
            dtype_repr_for_error(b)
        ),
    )
}

/// The loop dtype a binary op computes in, given the promoted dtype.
fn loop_dtype(op: BinOp, rt: &DType) -> NpResult<DType> {
    let k = rt.kind_char();
    Ok(match op {
        BinOp::TrueDiv if k == 'b' || k == 'i' || k == 'u' => DType::float64(),
        BinOp::FloorDiv | BinOp::Mod | BinOp::Pow | BinOp::LShift | BinOp::RShift if k == 'b' => DType::new(Kind::Int8),
        BinOp::FloorDiv | BinOp::Mod if k == 'c' => return Err(not_supported(op)),
        _ if op.is_bitwise() && (k == 'f' || k == 'c') => return Err(not_supported(op)),
        _ => rt.clone(),
    })
}

fn not_supported(op: BinOp) -> NpError {
    NpError::type_error(format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        op.ufunc_name()
    ))
}

fn apply_binary<T: Arith>(op: BinOp, a: &NdArray, b: &NdArray) -> NpResult<Buffer> {
    let av = a.to_vec::<T>().unwrap_or_default();
    let bv = b.to_vec::<T>().unwrap_or_default();
    if op.is_comparison() {
        Ok(Buffer::Bool(av.iter().zip(&bv).map(|(&x, &y)| T::compare(op, x, y)).collect()))
    } else if matches!(op, BinOp::Maximum | BinOp::Minimum) {
        // NaN (the only value unequal to itself) wins, as in NumPy.
        let test = if op == BinOp::Maximum { BinOp::Ge } else { BinOp::Le };
        let pick = |x: T, y: T| {
            #[allow(clippy::eq_op)]
            let x_nan = x != x;
            if x_nan || T::compare(test, x, y) {
                x
            } else {
                y
            }
        };
        Ok(T::into_buffer(av.iter().zip(&bv).map(|(&x, &y)| pick(x, y)).collect()))
    } else {
        let out: NpResult<Vec<T>> = av.iter().zip(&bv).map(|(&x, &y)| T::binary(op, x, y)).collect();
        Ok(T::into_buffer(out?))
    }
}

fn dispatch_binary(op: BinOp, dtype: &DType, a: &NdArray, b: &NdArray) -> NpResult<Buffer> {
    match dtype.kind() {
        Kind::Bool => apply_binary::<bool>(op, a, b),
        Kind::Int8 => apply_binary::<i8>(op, a, b),
        Kind::Int16 => apply_binary::<i16>(op, a, b),
        Kind::Int32 => apply_binary::<i32>(op, a, b),
        Kind::Int64 => apply_binary::<i64>(op, a, b),
        Kind::UInt8 => apply_binary::<u8>(op, a, b),
        Kind::UInt16 => apply_binary::<u16>(op, a, b),
        Kind::UInt32 => apply_binary::<u32>(op, a, b),
        Kind::UInt64 => apply_binary::<u64>(op, a, b),
        Kind::Float16 => apply_binary::<f16>(op, a, b),
        Kind::Float32 => apply_binary::<f32>(op, a, b),
        Kind::Float64 => apply_binary::<f64>(op, a, b),
        Kind::Complex64 => apply_binary::<Complex32>(op, a, b),
        Kind::Complex128 => apply_binary::<Complex64>(op, a, b),
        _ => Err(not_supported(op)),
    }
}

/// Wraps a ufunc result: a NumPy scalar when every operand was 0-d.
fn finish(a: NdArray, scalar: bool) -> PyValue {
    if scalar && a.ndim() == 0 {
        a.values().into_iter().next().unwrap_or(PyValue::None)
    } else {
        PyValue::Array(a)
    }
}

fn is_text(d: &DType) -> bool {
    matches!(d.kind(), Kind::Str(_) | Kind::Bytes(_))
}

/// String comparisons and concatenation (NumPy 2's string ufuncs).
fn text_binary(op: BinOp, a: &NdArray, b: &NdArray, scalar: bool) -> NpResult<PyValue> {
    let (da, db) = (a.dtype().clone(), b.dtype().clone());
    let both_same = matches!((da.kind(), db.kind()), (Kind::Str(_), Kind::Str(_)) | (Kind::Bytes(_), Kind::Bytes(_)));
    if !both_same || !(op.is_comparison() || op == BinOp::Add) {
        return Err(no_loop(op, &da, &db));
    }
    let shape = broadcast_shapes(&[a.shape(), b.shape()])?;
    let (ba, bb) = (a.broadcast_to(&shape), b.broadcast_to(&shape));
    let (Some(ba), Some(bb)) = (ba, bb) else { return Err(no_loop(op, &da, &db)) };
    let key = |v: &PyValue| -> Vec<u32> {
        match v {
            PyValue::Scalar(Scalar::Str(s)) => s.chars().map(|c| c as u32).collect(),
            PyValue::Scalar(Scalar::Bytes(b)) => b.iter().map(|&c| c as u32).collect(),
            _ => vec![],
        }
    };
    let (va, vb) = (ba.values(), bb.values());
    if op == BinOp::Add {
        let out: Vec<PyValue> = va
            .iter()
            .zip(&vb)
            .map(|(x, y)| match (x, y) {
                (PyValue::Scalar(Scalar::Str(p)), PyValue::Scalar(Scalar::Str(q))) => PyValue::Str(format!("{p}{q}")),
                (PyValue::Scalar(Scalar::Bytes(p)), PyValue::Scalar(Scalar::Bytes(q))) => {
                    PyValue::Bytes([p.as_slice(), q.as_slice()].concat())
                }
                _ => PyValue::None,
            })
            .collect();
        let n = super::cast::text_len(&da) + super::cast::text_len(&db);
        let dtype = if matches!(da.kind(), Kind::Str(_)) { DType::new(Kind::Str(n)) } else { DType::new(Kind::Bytes(n)) };
        let buf = super::cast::values_to_buffer(&out, &dtype)?;
        return Ok(finish(NdArray::from_buffer(buf, shape, dtype), scalar));
    }
    let out: Vec<bool> = va
        .iter()
        .zip(&vb)
        .map(|(x, y)| {
            let o = key(x).cmp(&key(y));
            use std::cmp::Ordering::*;
            match op {
                BinOp::Eq => o == Equal,
                BinOp::Ne => o != Equal,
                BinOp::Lt => o == Less,
                BinOp::Le => o != Greater,
                BinOp::Gt => o == Greater,
                _ => o != Less,
            }
        })
        .collect();
    Ok(finish(NdArray::from_buffer(Buffer::Bool(out.into()), shape, DType::bool()), scalar))
}

/// `a op b` for arrays, NumPy scalars and Python numbers (at least one operand should
/// be an array or NumPy scalar; two Python numbers follow Python's rules instead).
pub fn binary(op: BinOp, a: &Arg, b: &Arg) -> NpResult<PyValue> {
    if op == BinOp::Pow {
        if let Some(v) = fast_scalar_power(a, b)? {
            return Ok(v);
        }
    }
    let (aa, oa, sa) = a.prepare()?;
    let (bb, ob, sb) = b.prepare()?;
    let scalar = sa && sb;
    let real_object = |a: &NdArray, o: &Operand| {
        matches!(a.dtype().kind(), Kind::Struct(_) | Kind::Void(_))
            || (matches!(a.dtype().kind(), Kind::Object) && matches!(o, Operand::DType(_)))
    };
    if real_object(&aa, &oa) || real_object(&bb, &ob) {
        return object_binary(op, &aa, &bb, scalar);
    }
    if is_text(aa.dtype()) || is_text(bb.dtype()) {
        let class_error = || {
            NpError::new(
                "UFuncTypeError",
                format!(
                    "ufunc '{}' did not contain a loop with signature matching types (<class 'numpy.dtypes.{}'>, <class 'numpy.dtypes.{}'>) -> None",
                    op.ufunc_name(),
                    weak_dtype(&aa, &oa).class_name(),
                    weak_dtype(&bb, &ob).class_name()
                ),
            )
        };
        if is_text(aa.dtype()) && is_text(bb.dtype()) {
            let same = std::mem::discriminant(aa.dtype().kind()) == std::mem::discriminant(bb.dtype().kind());
            if !same && op.is_comparison() && op != BinOp::Eq && op != BinOp::Ne {
                return Err(class_error());
            }
            return text_binary(op, &aa, &bb, scalar);
        }
        let integer = |a: &NdArray, o: &Operand| matches!(o, Operand::PyInt) || matches!(a.dtype().kind_char(), 'i' | 'u');
        if op == BinOp::Mul && (integer(&aa, &oa) || integer(&bb, &ob)) {
            return Err(NpError::type_error(
                "The 'out' kwarg is necessary when using the string multiply ufunc directly. Use numpy.strings.multiply to multiply strings without specifying 'out'.",
            ));
        }
        if op.is_comparison() && op != BinOp::Eq && op != BinOp::Ne {
            return Err(class_error());
        }
        if op == BinOp::Eq || op == BinOp::Ne {
            // Comparing strings with numbers: elementwise False/True.
            let shape = broadcast_shapes(&[aa.shape(), bb.shape()])?;
            let n: usize = shape.iter().product();
            let buf = Buffer::Bool(vec![op == BinOp::Ne; n].into());
            return Ok(finish(NdArray::from_buffer(buf, shape, DType::bool()), scalar));
        }
        let da = weak_dtype(&aa, &oa);
        let db = weak_dtype(&bb, &ob);
        return Err(no_loop(op, &da, &db));
    }
    let rt = result_type(&[oa.clone(), ob.clone()])?;
    let mut loop_dt = loop_dtype(op, &rt)?;
    // Python ints must fit the result type (comparisons compute exactly instead).
    for (arr, o) in [(&aa, &oa), (&bb, &ob)] {
        if *o == Operand::PyInt {
            let v = py_int_of(arr);
            if loop_dt.is_integer() {
                if op.is_comparison() {
                    if check_int_bounds(&v, &loop_dt).is_err() {
                        loop_dt = DType::float64();
                    }
                } else {
                    check_int_bounds(&v, &loop_dt)?;
                }
            }
        }
    }
    let shape = broadcast_shapes(&[aa.shape(), bb.shape()])?;
    let out_dtype = if op.is_comparison() { DType::bool() } else { loop_dt.clone() };
    if let Some(buf) = super::chunked::binary(op, &loop_dt, &aa, &bb, &shape) {
        return Ok(finish(NdArray::from_buffer(buf?, shape, out_dtype), scalar));
    }
    let to_loop = |x: &NdArray| if x.dtype().kind() == loop_dt.kind() { Ok(x.clone()) } else { x.astype(&loop_dt) };
    let (ca, cb) = (to_loop(&aa)?, to_loop(&bb)?);
    let buf = match super::fast::binary(op, &loop_dt, &ca, &cb, &shape) {
        Some(buf) => buf?,
        None => {
            let ca = ca.broadcast_to(&shape).ok_or_else(|| NpError::value("broadcast"))?;
            let cb = cb.broadcast_to(&shape).ok_or_else(|| NpError::value("broadcast"))?;
            dispatch_binary(op, &loop_dt, &ca, &cb)?
        }
    };
    Ok(finish(NdArray::from_buffer(buf, shape, out_dtype), scalar))
}

/// NumPy's `fast_scalar_power`: `array ** 2` is `np.square` (any numeric dtype, so
/// a bool array gives int8), and for float/complex arrays `** -1` is
/// `np.reciprocal` and `** 0.5` is `np.sqrt`.
fn fast_scalar_power(a: &Arg, b: &Arg) -> NpResult<Option<PyValue>> {
    let Arg::Array(arr) = a else { return Ok(None) };
    if !arr.is_numeric() {
        return Ok(None);
    }
    let inexact = arr.dtype().is_float() || arr.dtype().is_complex();
    let scalar = arr.ndim() == 0;
    match b {
        Arg::Py(PyValue::Int(i)) if *i == BigInt::from(2) => {
            let base = if matches!(arr.dtype().kind(), Kind::Bool) { arr.astype(&DType::new(Kind::Int8))? } else { arr.clone() };
            let d = base.dtype().clone();
            let buf = dispatch_binary(BinOp::Mul, &d, &base, &base)?;
            Ok(Some(finish(NdArray::from_buffer(buf, base.shape().to_vec(), d), scalar)))
        }
        Arg::Py(PyValue::Int(i)) if *i == BigInt::from(-1) && inexact => {
            let d = arr.dtype().clone();
            let one = NdArray::from_buffer(super::cast::num_buffer(&[NumVal::Int(1)], &d), vec![], d.clone());
            let ones = one.broadcast_to(arr.shape()).ok_or_else(|| NpError::value("broadcast"))?;
            let buf = dispatch_binary(BinOp::TrueDiv, &d, &ones, arr)?;
            Ok(Some(finish(NdArray::from_buffer(buf, arr.shape().to_vec(), DType::new(d.kind().clone())), scalar)))
        }
        Arg::Py(PyValue::Float(f)) if *f == 0.5 && inexact => unary(UnaryOp::Sqrt, a).map(Some),
        _ => Ok(None),
    }
}

fn weak_dtype(a: &NdArray, o: &Operand) -> DType {
    match o {
        Operand::PyInt => DType::int64(),
        Operand::PyFloat => DType::float64(),
        Operand::PyComplex => DType::complex128(),
        _ => a.dtype().clone(),
    }
}

fn py_int_of(a: &NdArray) -> BigInt {
    match a.values().into_iter().next() {
        Some(PyValue::Int(i)) => i,
        _ => BigInt::from(0),
    }
}

/// Object arrays: equality through the values' own `==`; other operators need the
/// interpreter.
fn object_binary(op: BinOp, a: &NdArray, b: &NdArray, scalar: bool) -> NpResult<PyValue> {
    let shape = broadcast_shapes(&[a.shape(), b.shape()])?;
    if op == BinOp::Eq || op == BinOp::Ne {
        let (Some(ba), Some(bb)) = (a.broadcast_to(&shape), b.broadcast_to(&shape)) else {
            return Err(NpError::value("broadcast"));
        };
        let out: Vec<bool> = ba
            .values()
            .iter()
            .zip(bb.values().iter())
            .map(|(x, y)| x.py_eq(y).unwrap_or(false) == (op == BinOp::Eq))
            .collect();
        return Ok(finish(NdArray::from_buffer(Buffer::Bool(out.into()), shape, DType::bool()), scalar));
    }
    Err(no_loop(op, a.dtype(), b.dtype()))
}

/// `a op= b`: computes `a op b` and writes it into `a` (sharing memory), refusing
/// results that cannot be cast to `a`'s dtype with the `same_kind` rule.
pub fn binary_inplace(op: BinOp, a: &NdArray, b: &Arg) -> NpResult<()> {
    let result = binary(op, &Arg::Array(a.clone()), b)?;
    let r = match result {
        PyValue::Array(r) => r,
        PyValue::Scalar(s) => NdArray::from_scalar(&s),
        other => super::create::array(&other, None)?,
    };
    if !can_cast(r.dtype(), a.dtype(), Casting::SameKind) {
        return Err(NpError::new(
            "UFuncTypeError",
            format!(
                "Cannot cast ufunc '{}' output from {} to {} with casting rule 'same_kind'",
                op.ufunc_name(),
                r.dtype().repr(),
                a.dtype().repr()
            ),
        ));
    }
    if r.broadcast_to(a.shape()).is_none() {
        return Err(NpError::value(format!(
            "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
            super::broadcast::compact_shape(a.shape()),
            super::broadcast::compact_shape(r.shape())
        )));
    }
    a.assign(&r)
}

/// Unary operators and elementwise math functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-a` (`np.negative`)
    Neg,
    /// `+a` (`np.positive`)
    Pos,
    /// `~a` (`np.invert`)
    Invert,
    /// `abs(a)` / `np.abs`
    Abs,
    /// `np.sqrt`
    Sqrt,
    /// `np.exp`
    Exp,
    /// `np.log`
    Log,
    /// `np.log10`
    Log10,
    /// `np.sin`
    Sin,
    /// `np.cos`
    Cos,
    /// `np.tan`
    Tan,
    /// `np.floor`
    Floor,
    /// `np.ceil`
    Ceil,
    /// `np.trunc`
    Trunc,
    /// `np.isnan`
    IsNan,
    /// `np.isfinite`
    IsFinite,
    /// `np.isinf`
    IsInf,
}

impl UnaryOp {
    fn name(self) -> &'static str {
        match self {
            UnaryOp::Neg => "negative",
            UnaryOp::Pos => "positive",
            UnaryOp::Invert => "invert",
            UnaryOp::Abs => "absolute",
            UnaryOp::Sqrt => "sqrt",
            UnaryOp::Exp => "exp",
            UnaryOp::Log => "log",
            UnaryOp::Log10 => "log10",
            UnaryOp::Sin => "sin",
            UnaryOp::Cos => "cos",
            UnaryOp::Tan => "tan",
            UnaryOp::Floor => "floor",
            UnaryOp::Ceil => "ceil",
            UnaryOp::Trunc => "trunc",
            UnaryOp::IsNan => "isnan",
            UnaryOp::IsFinite => "isfinite",
            UnaryOp::IsInf => "isinf",
        }
    }
}

fn map_num<T: Num, U: Num>(a: &NdArray, f: impl Fn(T) -> U) -> Buffer {
    let out = a.with_elements(|s: &[T]| super::fast::collect_big(s.len(), s.iter().map(|&x| f(x))));
    U::into_buffer(out.unwrap_or_default())
}

#[inline(always)]
fn float_math(op: UnaryOp, x: f64) -> f64 {
    match op {
        UnaryOp::Sqrt => x.sqrt(),
        UnaryOp::Exp => x.exp(),
        UnaryOp::Log => x.ln(),
        UnaryOp::Log10 => x.log10(),
        UnaryOp::Sin => x.sin(),
        UnaryOp::Cos => x.cos(),
        UnaryOp::Tan => x.tan(),
        UnaryOp::Floor => x.floor(),
        UnaryOp::Ceil => x.ceil(),
        UnaryOp::Trunc => x.trunc(),
        _ => x,
    }
}

#[inline(always)]
fn float32_math(op: UnaryOp, x: f32) -> f32 {
    match op {
        UnaryOp::Sqrt => x.sqrt(),
        UnaryOp::Exp => x.exp(),
        UnaryOp::Log => x.ln(),
        UnaryOp::Log10 => x.log10(),
        UnaryOp::Sin => x.sin(),
        UnaryOp::Cos => x.cos(),
        UnaryOp::Tan => x.tan(),
        UnaryOp::Floor => x.floor(),
        UnaryOp::Ceil => x.ceil(),
        UnaryOp::Trunc => x.trunc(),
        _ => x,
    }
}

fn complex_math(op: UnaryOp, z: Complex64) -> Complex64 {
    match op {
        UnaryOp::Sqrt => z.sqrt(),
        UnaryOp::Exp => z.exp(),
        UnaryOp::Log => z.ln(),
        UnaryOp::Log10 => z.log10(),
        UnaryOp::Sin => z.sin(),
        UnaryOp::Cos => z.cos(),
        UnaryOp::Tan => z.tan(),
        _ => z,
    }
}

fn map_arith<T: Arith>(a: &NdArray, f: fn(T) -> T) -> Buffer {
    map_num::<T, T>(a, f)
}

fn neg_like(op: UnaryOp, a: &NdArray) -> NpResult<Buffer> {
    macro_rules! go {
        ($t:ty) => {
            match op {
                UnaryOp::Neg => map_arith::<$t>(a, <$t as Arith>::neg),
                UnaryOp::Abs => map_arith::<$t>(a, <$t as Arith>::abs),
                UnaryOp::Invert => map_arith::<$t>(a, <$t as Arith>::invert),
                _ => map_arith::<$t>(a, |x| x),
            }
        };
    }
    Ok(match a.dtype().kind() {
        Kind::Bool => go!(bool),
        Kind::Int8 => go!(i8),
        Kind::Int16 => go!(i16),
        Kind::Int32 => go!(i32),
        Kind::Int64 => go!(i64),
        Kind::UInt8 => go!(u8),
        Kind::UInt16 => go!(u16),
        Kind::UInt32 => go!(u32),
        Kind::UInt64 => go!(u64),
        Kind::Float16 => go!(f16),
        Kind::Float32 => go!(f32),
        Kind::Float64 => go!(f64),
        Kind::Complex64 => go!(Complex32),
        Kind::Complex128 => go!(Complex64),
        _ => return Err(unary_not_supported(op)),
    })
}

fn unary_not_supported(op: UnaryOp) -> NpError {
    NpError::type_error(format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        op.name()
    ))
}

/// The float type an integer input computes in for float functions (`np.sqrt` of
/// int8 is float16, of int16 float32, of wider ints float64).
fn float_loop(d: &DType) -> DType {
    match d.kind() {
        Kind::Bool | Kind::Int8 | Kind::UInt8 => DType::new(Kind::Float16),
        Kind::Int16 | Kind::UInt16 => DType::new(Kind::Float32),
        Kind::Float16 | Kind::Float32 | Kind::Float64 | Kind::Complex64 | Kind::Complex128 => {
            DType::new(d.kind().clone())
        }
        _ => DType::float64(),
    }
}

/// A unary operator or elementwise math function on an array or scalar.
pub fn unary(op: UnaryOp, a: &Arg) -> NpResult<PyValue> {
    let (arr, _, scalar) = a.prepare()?;
    let d = arr.dtype().clone();
    if !arr.is_numeric() {
        return Err(unary_not_supported(op));
    }
    let k = d.kind_char();
    let out = match op {
        UnaryOp::Neg if k == 'b' => {
            return Err(NpError::type_error(
                "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
            ))
        }
        UnaryOp::Invert if k == 'f' || k == 'c' => return Err(unary_not_supported(op)),
        UnaryOp::Neg | UnaryOp::Pos | UnaryOp::Invert => {
            NdArray::from_buffer(neg_like(op, &arr)?, arr.shape().to_vec(), DType::new(d.kind().clone()))
        }
        UnaryOp::Abs if k == 'c' => {
            let (buf, dt) = match d.kind() {
                Kind::Complex64 => (map_num::<Complex32, f32>(&arr, |z| z.norm()), DType::new(Kind::Float32)),
                _ => (map_num::<Complex64, f64>(&arr, |z| z.norm()), DType::float64()),
            };
            NdArray::from_buffer(buf, arr.shape().to_vec(), dt)
        }
        UnaryOp::Abs => NdArray::from_buffer(neg_like(op, &arr)?, arr.shape().to_vec(), DType::new(d.kind().clone())),
        UnaryOp::IsNan | UnaryOp::IsFinite | UnaryOp::IsInf => {
            let nums = arr.to_num_vec::<Complex64>().unwrap_or_default();
            let out: Vec<bool> = nums
                .iter()
                .map(|z| match op {
                    UnaryOp::IsNan => z.re.is_nan() || z.im.is_nan(),
                    UnaryOp::IsFinite => z.re.is_finite() && z.im.is_finite(),
                    _ => z.re.is_infinite() || z.im.is_infinite(),
                })
                .collect();
            NdArray::from_buffer(Buffer::Bool(out.into()), arr.shape().to_vec(), DType::bool())
        }
        UnaryOp::Floor | UnaryOp::Ceil | UnaryOp::Trunc if k == 'i' || k == 'u' || k == 'b' => {
            if k == 'b' {
                arr.astype(&DType::new(Kind::Float16))?
            } else {
                arr.copy()
            }
        }
        UnaryOp::Floor | UnaryOp::Ceil | UnaryOp::Trunc if k == 'c' => return Err(unary_not_supported(op)),
        _ => {
            let loop_dt = float_loop(&d);
            let c = if d.kind() == loop_dt.kind() { arr.clone() } else { arr.astype(&loop_dt)? };
            let buf = match loop_dt.kind() {
                Kind::Float16 => map_num::<f16, f16>(&c, |x| f16::from_f32(float32_math(op, x.to_f32()))),
                // The operators that compile to one instruction get loops of their
                // own (the operator is then not matched per element).
                Kind::Float32 => match op {
                    UnaryOp::Sqrt => map_num::<f32, f32>(&c, |x| float32_math(UnaryOp::Sqrt, x)),
                    UnaryOp::Floor => map_num::<f32, f32>(&c, |x| float32_math(UnaryOp::Floor, x)),
                    UnaryOp::Ceil => map_num::<f32, f32>(&c, |x| float32_math(UnaryOp::Ceil, x)),
                    _ => map_num::<f32, f32>(&c, |x| float32_math(op, x)),
                },
                Kind::Float64 => match op {
                    UnaryOp::Sqrt => map_num::<f64, f64>(&c, |x| float_math(UnaryOp::Sqrt, x)),
                    UnaryOp::Floor => map_num::<f64, f64>(&c, |x| float_math(UnaryOp::Floor, x)),
                    UnaryOp::Ceil => map_num::<f64, f64>(&c, |x| float_math(UnaryOp::Ceil, x)),
                    _ => map_num::<f64, f64>(&c, |x| float_math(op, x)),
                },
                Kind::Complex64 => map_num::<Complex32, Complex32>(&c, |z| {
                    let r = complex_math(op, Complex64::new(z.re as f64, z.im as f64));
                    Complex32::new(r.re as f32, r.im as f32)
                }),
                _ => map_num::<Complex64, Complex64>(&c, |z| complex_math(op, z)),
            };
            NdArray::from_buffer(buf, arr.shape().to_vec(), loop_dt)
        }
    };
    Ok(finish(out, scalar))
}

/// `np.round(a, decimals)` / `a.round(decimals)` (round half to even).
pub fn round(a: &NdArray, decimals: i64) -> NpResult<NdArray> {
    let d = a.dtype().clone();
    let k = d.kind_char();
    if k == 'b' || ((k == 'i' || k == 'u') && decimals >= 0) {
        return Ok(a.copy());
    }
    let scale = 10f64.powi(decimals.unsigned_abs() as i32);
    let r = |x: f64| {
        if decimals >= 0 {
            (x * scale).round_ties_even() / scale
        } else {
            (x / scale).round_ties_even() * scale
        }
    };
    let nums = a.to_num_vec::<Complex64>().unwrap_or_default();
    let vals: Vec<NumVal> = nums
        .iter()
        .map(|z| if k == 'c' { NumVal::Complex(Complex64::new(r(z.re), r(z.im))) } else { NumVal::Float(r(z.re)) })
        .collect();
    let vals: Vec<NumVal> = if k == 'i' || k == 'u' {
        vals.into_iter().map(|v| NumVal::Int(v.as_f64() as i128)).collect()
    } else {
        vals
    };
    Ok(NdArray::from_buffer(super::cast::num_buffer(&vals, &d), a.shape().to_vec(), d))
}

/// `int(x)` of a numeric scalar (floats truncate; NaN/inf raise as Python does).
pub fn scalar_to_int(s: &Scalar) -> NpResult<BigInt> {
    match s.as_num() {
        Some(NumVal::Bool(b)) => Ok(BigInt::from(b as u8)),
        Some(NumVal::Int(i)) => Ok(BigInt::from(i)),
        Some(NumVal::Float(f)) | Some(NumVal::Complex(Complex64 { re: f, .. })) => {
            if f.is_nan() {
                Err(NpError::value("cannot convert float NaN to integer"))
            } else if f.is_infinite() {
                Err(NpError::overflow("cannot convert float infinity to integer"))
            } else {
                Ok(num_bigint::BigInt::from(f.trunc() as i128))
            }
        }
        None => Err(NpError::type_error("int() argument must be a string, a bytes-like object or a real number")),
    }
}

/// `float(x)` of a numeric scalar.
pub fn scalar_to_float(s: &Scalar) -> NpResult<f64> {
    match s.as_num() {
        Some(v) => Ok(v.as_f64()),
        None => match s {
            Scalar::Str(t) => t.trim().parse().map_err(|_| NpError::value(format!("could not convert string to float: {}", super::dtype::py_str_repr(t)))),
            _ => Err(NpError::type_error("float() argument must be a string or a real number")),
        },
    }
}

/// `np.int8(5)`-style construction of a NumPy scalar from a Python value (Python ints
/// out of range raise OverflowError, as NumPy 2 does).
pub fn make_scalar(dtype: &DType, v: &PyValue) -> NpResult<PyValue> {
    let a = match v {
        PyValue::Scalar(s) if s.as_num().is_some() => NdArray::from_scalar(s).astype(dtype)?,
        _ => super::create::array(v, Some(dtype))?,
    };
    if a.ndim() != 0 {
        return Ok(PyValue::Array(a));
    }
    Ok(a.values().into_iter().next().unwrap_or(PyValue::None))
}

/// The value of a Python int operand as i64, if it fits.
pub fn bigint_i64(i: &BigInt) -> Option<i64> {
    i.to_i64()
}
