//! Python operators on arrays and NumPy scalars (`+ - * / // % ** @ & | ^ << >>`,
//! unary `- + ~`, comparisons, in-place forms, reflected forms with Python numbers),
//! mapped to the library's ufuncs with NEP 50 promotion of weak Python scalars.

use super::convert::{from_py_value, to_py_value};
use super::errors::np_error;
use super::fp_errors;
use super::scalar::ScalarObject;
use super::{as_array, ArrayObject};
use crate::eval::Interp;
use crate::numpy::ops::{self, Arg};
use crate::numpy::fpflags;
use crate::numpy::{NdArray, PyValue};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::exception::PyResult;
use crate::value::Value;

/// The library's operator for a Python binary operator (`@` has none: it is matmul).
pub fn np_binop(op: BinOp) -> Option<crate::numpy::BinOp> {
    use crate::numpy::BinOp as N;
    Some(match op {
        BinOp::Add => N::Add,
        BinOp::Sub => N::Sub,
        BinOp::Mul => N::Mul,
        BinOp::Div => N::TrueDiv,
        BinOp::FloorDiv => N::FloorDiv,
        BinOp::Mod => N::Mod,
        BinOp::Pow => N::Pow,
        BinOp::BitAnd => N::BitAnd,
        BinOp::BitOr => N::BitOr,
        BinOp::BitXor => N::BitXor,
        BinOp::LShift => N::LShift,
        BinOp::RShift => N::RShift,
        BinOp::MatMul => return None,
    })
}

/// The library's comparison operator for a Python one (`is`/`in` have none).
pub fn np_cmpop(op: CmpOp) -> Option<crate::numpy::BinOp> {
    use crate::numpy::BinOp as N;
    Some(match op {
        CmpOp::Eq => N::Eq,
        CmpOp::NotEq => N::Ne,
        CmpOp::Lt => N::Lt,
        CmpOp::LtE => N::Le,
        CmpOp::Gt => N::Gt,
        CmpOp::GtE => N::Ge,
        _ => return None,
    })
}

/// An operand for the library's ufuncs from any Python value.
pub fn to_arg(vm: &mut Interp, value: &Value) -> PyResult<Arg> {
    if let Some(a) = as_array(value) {
        return Ok(Arg::Array(a));
    }
    if let Some(s) = value.downcast::<ScalarObject>() {
        return Ok(Arg::Scalar(s.scalar.clone()));
    }
    Ok(Arg::Py(to_py_value(vm, value)?))
}

/// Whether a value can take part in NumPy arithmetic (numbers, strings, sequences,
/// arrays, scalars); other values leave the operator to Python (NotImplemented).
pub fn is_operand(value: &Value) -> bool {
    matches!(
        value,
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
    ) || value.downcast::<ScalarObject>().is_some()
        || value.downcast::<ArrayObject>().is_some()
        || value.downcast::<crate::value::complex::Complex>().is_some()
}

/// `a op b` through the library, for arrays and scalars. Equality with values NumPy
/// cannot compare elementwise is all False (`!=`: all True), as NumPy answers.
pub fn binary(vm: &mut Interp, op: crate::numpy::BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    binary_reporting(vm, op, a, b, false)
}

/// `a op b`, reporting floating-point errors as the ufunc does, or (`operator`) as
/// the Python operator does: NumPy's scalar arithmetic for scalars ("encountered in
/// scalar divide"), `reciprocal` for `a ** -1`.
fn binary_reporting(vm: &mut Interp, op: crate::numpy::BinOp, a: &Value, b: &Value, operator: bool) -> PyResult<Value> {
    let scalar = operator && as_array(a).is_none() && as_array(b).is_none();
    let (x, y) = (to_arg(vm, a)?, to_arg(vm, b)?);
    let (result, mut errors) = fpflags::watch(|| ops::binary(op, &x, &y));
    match result {
        Ok(v) => {
            errors = fp_errors::binary_errors(op, &x, &y, &v, errors, scalar);
            if errors.any() {
                let name = fp_errors::binary_ufunc_name(op, &x, &y, operator);
                let name = if scalar { format!("scalar {name}") } else { name.to_string() };
                super::warnings::report(vm, errors, &name)?;
            }
            Ok(from_py_value(v))
        }
        Err(e) if e.class == "UFuncTypeError" && matches!(op, crate::numpy::BinOp::Eq | crate::numpy::BinOp::Ne) => {
            Ok(constant_comparison(&x, &y, op == crate::numpy::BinOp::Ne))
        }
        Err(e) => Err(np_error(e)),
    }
}

fn arg_shape(a: &Arg) -> Option<Vec<usize>> {
    match a {
        Arg::Array(a) | Arg::Py(PyValue::Array(a)) => Some(a.shape().to_vec()),
        _ => None,
    }
}

/// The all-False (or all-True) answer of `==` (`!=`) between incomparable operands.
fn constant_comparison(x: &Arg, y: &Arg, value: bool) -> Value {
    let shape = match (arg_shape(x), arg_shape(y)) {
        (Some(a), Some(b)) => crate::numpy::broadcast::broadcast_shape_of(&[&a, &b]).unwrap_or(a),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return super::scalar_value(crate::numpy::Scalar::Bool(value)),
    };
    match crate::numpy::create::full(&shape, &PyValue::Bool(value), Some(&crate::numpy::DType::bool())) {
        Ok(a) => super::array_value(a),
        Err(_) => Value::Bool(value),
    }
}

/// `x op y` when `x` (`this`) is an array or a NumPy scalar (`reflected`: `y op x`).
pub fn binary_op(vm: &mut Interp, this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
    if !is_operand(other) {
        return Ok(None);
    }
    let (a, b) = if reflected { (other, this) } else { (this, other) };
    match np_binop(op) {
        Some(np_op) => binary_reporting(vm, np_op, a, b, true).map(Some),
        None => {
            let (x, y) = (to_arg(vm, a)?, to_arg(vm, b)?);
            Ok(Some(from_py_value(crate::numpy::linalg::matmul(&x, &y).map_err(np_error)?)))
        }
    }
}

/// `a op= b` for an array `a` (written in place; the same object comes back).
pub fn inplace_op(vm: &mut Interp, array: &NdArray, this: &Value, op: BinOp, other: &Value) -> PyResult<Option<Value>> {
    let Some(np_op) = np_binop(op) else { return Ok(None) };
    if !is_operand(other) {
        return Ok(None);
    }
    let arg = to_arg(vm, other)?;
    let (result, errors) = fpflags::watch(|| ops::binary_inplace(np_op, array, &arg));
    result.map_err(np_error)?;
    let target = Arg::Array(array.clone());
    let errors = fp_errors::binary_errors(np_op, &target, &arg, &PyValue::Array(array.clone()), errors, false);
    super::warnings::report(vm, errors, fp_errors::binary_ufunc_name(np_op, &target, &arg, true))?;
    Ok(Some(this.clone()))
}

/// `-x`, `+x`, `~x` for arrays and scalars (`not x` is left to truthiness).
pub fn unary_op(vm: &mut Interp, this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
    let np_op = match op {
        UnaryOp::Neg => ops::UnaryOp::Neg,
        UnaryOp::Pos => ops::UnaryOp::Pos,
        UnaryOp::Invert => ops::UnaryOp::Invert,
        UnaryOp::Not => return Ok(None),
    };
    let arg = to_arg(vm, this)?;
    let (result, errors) = fpflags::watch(|| ops::unary(np_op, &arg));
    let result = result.map_err(np_error)?;
    let mut errors = fp_errors::unary_errors(np_op, errors);
    let scalar = !matches!(arg, Arg::Array(_));
    errors.over |= scalar && matches!(np_op, ops::UnaryOp::Neg) && fp_errors::negation_overflow(&arg, &result);
    super::warnings::report(vm, errors, if scalar { "scalar negative" } else { "negative" })?;
    Ok(Some(from_py_value(result)))
}

/// The ufunc `op` on `arg`, reporting its floating-point errors as ufunc `name`.
pub fn unary(vm: &mut Interp, op: ops::UnaryOp, arg: &Arg, name: &str) -> PyResult<Value> {
    let (result, errors) = fpflags::watch(|| ops::unary(op, arg));
    let value = from_py_value(result.map_err(np_error)?);
    super::warnings::report(vm, fp_errors::unary_errors(op, errors), name)?;
    Ok(value)
}

/// Rich comparisons; equality with anything (None, dicts, other objects) answers
/// elementwise, ordering with non-operands is NotImplemented.
pub fn compare(vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
    let Some(np_op) = np_cmpop(op) else { return Ok(None) };
    if !is_operand(other) {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            let x = to_arg(vm, this)?;
            return Ok(Some(constant_comparison(&x, &Arg::Py(PyValue::None), op == CmpOp::NotEq)));
        }
        return Ok(None);
    }
    binary(vm, np_op, this, other).map(Some)
}
