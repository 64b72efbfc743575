//! NumPy scalars (`np.int8(5)`, `np.float64(0.5)`, `np.True_`) as Python values:
//! reprs, arithmetic through the library's ufuncs, conversions, hashing equal to the
//! Python numbers they equal, and their methods (`item`, `astype`, `is_integer` ...).

use std::any::Any;
use std::rc::Rc;

use super::convert::{dtype_opt, from_py_value, given, int_arg, scalar_of, usize_value};
use super::errors::np_error;
use super::operators;
use super::print_options;
use crate::eval::Interp;
use crate::numpy::array::to_python_scalar;
use crate::numpy::ops;
use crate::numpy::{NdArray, PyValue, Scalar, ScalarType};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// A NumPy scalar.
pub struct ScalarObject {
    /// The scalar.
    pub scalar: Scalar,
}

const METHODS: &[&str] = &[
    "__abs__", "__round__", "all", "any", "as_integer_ratio", "astype", "conj", "conjugate", "copy", "is_integer", "item",
    "max", "mean", "min", "reshape", "sum", "tolist",
];

impl ScalarObject {
    fn is_integer_type(&self) -> bool {
        self.scalar.dtype().is_integer()
    }

    fn as_array(&self) -> NdArray {
        NdArray::from_scalar(&self.scalar)
    }
}

/// `round(x, ndigits)` of a NumPy scalar: a Python int without `ndigits`, a scalar of
/// the same type with it.
fn round(vm: &mut Interp, me: &ScalarObject, ndigits: Option<&Value>) -> PyResult<Value> {
    let a = me.as_array();
    match ndigits {
        None => {
            let rounded = crate::numpy::ops::round(&a, 0).map_err(np_error)?;
            let v = from_py_value(to_python_scalar(rounded.item().map_err(np_error)?));
            vm.to_int(&v)
        }
        Some(d) => {
            let d = int_arg(vm, d, "'float' object cannot be interpreted as an integer")?;
            let rounded = crate::numpy::ops::round(&a, d).map_err(np_error)?;
            scalar_of(&rounded)
        }
    }
}

fn method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<ScalarObject>() else { return Ok(Value::None) };
    let s = &me.scalar;
    match name {
        "item" | "tolist" => Ok(from_py_value(to_python_scalar(PyValue::Scalar(s.clone())))),
        "__abs__" => Ok(from_py_value(ops::unary(ops::UnaryOp::Abs, &ops::Arg::Scalar(s.clone())).map_err(np_error)?)),
        "__round__" => {
            let slots = bind("__round__", args, &["ndigits"], 0)?;
            round(vm, me, given(&slots[0]))
        }
        "astype" => {
            let slots = bind("astype", args, &["dtype", "order", "casting", "subok", "copy"], 1)?;
            let dtype = dtype_opt(vm, &slots[0])?.unwrap_or_else(crate::numpy::DType::float64);
            scalar_of(&me.as_array().astype(&dtype).map_err(np_error)?)
        }
        "copy" => Ok(this.clone()),
        "conj" | "conjugate" => {
            let a = me.as_array();
            scalar_of(&super::methods::conjugate(&a).map_err(np_error)?)
        }
        "is_integer" => {
            let x = ops::scalar_to_float(s).map_err(np_error)?;
            Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
        }
        "as_integer_ratio" => {
            let x = ops::scalar_to_float(s).map_err(np_error)?;
            vm.call_method(&Value::Float(x), "as_integer_ratio", Args::none())
        }
        "reshape" | "sum" | "mean" | "min" | "max" | "all" | "any" => {
            super::methods::call(vm, &super::array_value(me.as_array()), name, args)
        }
        _ => Err(Exc::not_implemented(format!("numpy.{}.{name}", self::type_name(s)))),
    }
}

fn type_name(s: &Scalar) -> &'static str {
    ScalarType::of(&s.dtype()).name()
}

impl PyObject for ScalarObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        super::types::scalar_class(ScalarType::of(&self.scalar.dtype()))
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        if super::state(vm).legacy.borrow().is_some() {
            return Ok(self.scalar.str_with(&print_options(vm)));
        }
        Ok(self.scalar.repr_with(&print_options(vm)))
    }

    fn str(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.scalar.str_with(&print_options(vm)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let dtype = self.scalar.dtype();
        Ok(Some(match name {
            "dtype" => super::dtype_value(dtype),
            "itemsize" | "nbytes" => usize_value(dtype.itemsize()),
            "ndim" => Value::Int(0),
            "shape" | "strides" => Value::tuple(Vec::new()),
            "size" => Value::Int(1),
            "T" => this.clone(),
            "real" | "imag" => {
                let part = super::methods::real_imag(&self.as_array(), name == "imag")?;
                match super::as_array(&part) {
                    Some(a) => scalar_of(&a)?,
                    None => part,
                }
            }
            _ if METHODS.contains(&name) => NativeMethod::value(this, name, method),
            _ => return Ok(None),
        }))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(["T", "dtype", "imag", "itemsize", "nbytes", "ndim", "real", "shape", "size", "strides"].map(String::from));
        names
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.scalar.truthy()))
    }

    fn getitem(&self, _vm: &mut Interp, this: &Value, key: &Value) -> PyResult<Value> {
        match key {
            Value::Tuple(t) if t.is_empty() => Ok(this.clone()),
            k if crate::value::iter::is_ellipsis(k) => Ok(super::array_value(self.as_array())),
            Value::Str(field) if matches!(self.scalar, Scalar::Void(..)) => {
                Ok(from_py_value(crate::numpy::fields::void_field(&self.scalar, Some(field), None).map_err(np_error)?))
            }
            Value::Int(i) if matches!(self.scalar, Scalar::Void(..)) => {
                Ok(from_py_value(crate::numpy::fields::void_field(&self.scalar, None, Some(*i as isize)).map_err(np_error)?))
            }
            _ => Err(Exc::index_error("invalid index to scalar variable.")),
        }
    }

    fn binary_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        if op == BinOp::Mul && matches!(other, Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)) {
            // Sequence repetition through `__index__`, as Python does it.
            if !self.is_integer_type() {
                return Err(Exc::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    crate::value::object::type_display_name(this)
                )));
            }
            let n = self.as_index().unwrap_or(Value::Int(0));
            return vm.binary_op(op, other, &n).map(Some);
        }
        operators::binary_op(vm, this, op, other, reflected)
    }

    fn unary_op(&self, vm: &mut Interp, this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        if op == UnaryOp::Not {
            return Ok(Some(Value::Bool(!self.scalar.truthy())));
        }
        operators::unary_op(vm, this, op)
    }

    fn compare(&self, vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        operators::compare(vm, this, op, other)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        match &self.scalar {
            Scalar::Str(s) => return crate::value::dict::hash_value(&Value::str(s)).ok(),
            Scalar::Bytes(b) => return crate::value::dict::hash_value(&Value::bytes(b)).ok(),
            _ => {}
        }
        match ops::scalar_to_int(&self.scalar) {
            Ok(i) if !self.scalar.dtype().is_float() && !self.scalar.dtype().is_complex() => {
                Some(crate::value::int::hash_int(&Value::from_bigint(i)))
            }
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

    fn int_value(&self, vm: &mut Interp, this: &Value) -> Option<PyResult<Value>> {
        match &self.scalar {
            Scalar::Str(s) => Some(vm.to_int(&Value::str(s)).or_else(|_| crate::value::int::parse_int(s.trim(), 10))),
            Scalar::F16(_) | Scalar::F32(_) | Scalar::F64(_) => {
                Some(ops::scalar_to_int(&self.scalar).map(Value::from_bigint).map_err(np_error))
            }
            Scalar::C64(_) | Scalar::C128(_) => Some(Err(Exc::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                crate::value::object::type_display_name(this)
            )))),
            _ => None,
        }
    }

    fn float_value(&self, _vm: &mut Interp, _this: &Value) -> Option<PyResult<f64>> {
        match &self.scalar {
            Scalar::Str(_) | Scalar::C64(_) | Scalar::C128(_) => Some(ops::scalar_to_float(&self.scalar).map_err(np_error)),
            _ => None,
        }
    }
}
