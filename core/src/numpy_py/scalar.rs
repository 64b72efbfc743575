//! NumPy scalars (`np.int8(5)`, `np.float64(0.5)`) as Python values.

use std::any::Any;
use std::rc::Rc;

use super::{from_py_value, np_error, print_options, to_py_value};
use crate::eval::Interp;
use crate::numpy::ops::{self, Arg};
use crate::numpy::{PyValue, Scalar, ScalarType};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::exception::PyResult;
use crate::value::object::PyObject;
use crate::value::types::TypeObject;
use crate::value::Value;

/// A NumPy scalar.
pub struct ScalarObject {
    /// The scalar.
    pub scalar: Scalar,
}

/// The library's operator for a Python binary operator.
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

/// The library's comparison operator for a Python one.
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
    if let Some(a) = super::as_array(value) {
        return Ok(Arg::Array(a));
    }
    if let Some(s) = value.downcast::<ScalarObject>() {
        return Ok(Arg::Scalar(s.scalar.clone()));
    }
    Ok(Arg::Py(to_py_value(vm, value)?))
}

/// Whether a value can take part in NumPy arithmetic (numbers, arrays, scalars, lists).
pub fn is_operand(value: &Value) -> bool {
    matches!(value, Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::List(_) | Value::Tuple(_))
        || value.downcast::<ScalarObject>().is_some()
        || value.downcast::<super::ArrayObject>().is_some()
        || value.downcast::<crate::value::complex::Complex>().is_some()
}

/// `a op b` through the library, for arrays and scalars.
pub fn binary(vm: &mut Interp, op: crate::numpy::BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (to_arg(vm, a)?, to_arg(vm, b)?);
    Ok(from_py_value(ops::binary(op, &x, &y).map_err(np_error)?))
}

impl PyObject for ScalarObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        super::dtype::scalar_class(ScalarType::of(&self.scalar.dtype()))
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.scalar.repr_with(&print_options(vm)))
    }

    fn str(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.scalar.str_with(&print_options(vm)))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "dtype" => Some(super::dtype_value(self.scalar.dtype())),
            "itemsize" => Some(Value::Int(self.scalar.dtype().itemsize() as i64)),
            "ndim" => Some(Value::Int(0)),
            "shape" => Some(Value::tuple(Vec::new())),
            "size" => Some(Value::Int(1)),
            _ => None,
        })
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.scalar.truthy()))
    }

    fn binary_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let Some(np_op) = np_binop(op) else { return Ok(None) };
        if !is_operand(other) {
            return Ok(None);
        }
        let (a, b) = if reflected { (other, this) } else { (this, other) };
        binary(vm, np_op, a, b).map(Some)
    }

    fn unary_op(&self, vm: &mut Interp, this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        let np_op = match op {
            UnaryOp::Neg => ops::UnaryOp::Neg,
            UnaryOp::Pos => ops::UnaryOp::Pos,
            UnaryOp::Invert => ops::UnaryOp::Invert,
            UnaryOp::Not => return Ok(Some(Value::Bool(!self.scalar.truthy()))),
        };
        let arg = to_arg(vm, this)?;
        Ok(Some(from_py_value(ops::unary(np_op, &arg).map_err(np_error)?)))
    }

    fn compare(&self, vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(np_op) = np_cmpop(op) else { return Ok(None) };
        if !is_operand(other) {
            return Ok(None);
        }
        binary(vm, np_op, this, other).map(Some)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        match ops::scalar_to_int(&self.scalar) {
            Ok(i) if !self.scalar.dtype().is_float() => Some(crate::value::int::hash_int(&Value::from_bigint(i))),
            _ => ops::scalar_to_float(&self.scalar).ok().map(crate::value::float::hash),
        }
    }

    fn as_index(&self) -> Option<Value> {
        let d = self.scalar.dtype();
        if d.is_integer() || matches!(self.scalar, Scalar::Bool(_)) {
            return ops::scalar_to_int(&self.scalar).ok().map(Value::from_bigint);
        }
        None
    }

    fn as_float(&self) -> Option<f64> {
        if self.scalar.dtype().is_float() {
            return ops::scalar_to_float(&self.scalar).ok();
        }
        None
    }
}

/// A library value as an interpreter value, keeping NumPy scalars (not converting them
/// to Python numbers).
pub fn scalar_or_value(v: PyValue) -> Value {
    from_py_value(v)
}
