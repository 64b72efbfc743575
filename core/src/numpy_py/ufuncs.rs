//! The ufunc objects of the `numpy` module (`np.sqrt`, `np.add`, `np.isnan` ...):
//! `<ufunc 'sqrt'>`, callable on arrays, NumPy scalars and Python numbers (Python
//! operands are weak, NEP 50; all-scalar calls give NumPy scalars).

use std::any::Any;
use std::rc::Rc;

use super::convert::{from_py_value, given};
use super::errors::np_error;
use super::operators::{binary, to_arg};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::ops::{self, UnaryOp};
use crate::numpy::{BinOp, DType};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// What a ufunc computes.
#[derive(Clone, Copy)]
enum Kernel {
    Unary(UnaryOp),
    Binary(BinOp),
    /// `logical_and/or/xor`: the operands as bools, then the bitwise operator.
    Logical(BinOp),
    /// `logical_not`.
    LogicalNot,
}

/// A NumPy ufunc.
pub struct Ufunc {
    name: &'static str,
    kernel: Kernel,
}

fn ufunc_class() -> Rc<TypeObject> {
    thread_local! {
        static CLASS: Rc<TypeObject> = TypeObject::new_extension("ufunc", "numpy", vec![builtin(|t| t.object.clone())], None);
    }
    CLASS.with(Rc::clone)
}

fn as_bool(vm: &mut Interp, v: &Value) -> PyResult<Value> {
    let a = super::to_array(vm, v, None)?;
    let b = a.astype(&DType::bool()).map_err(np_error)?;
    if b.ndim() == 0 && super::as_array(v).is_none() {
        return Ok(from_py_value(b.item().map_err(np_error)?));
    }
    Ok(super::array_value(b))
}

impl Ufunc {
    fn nin(&self) -> usize {
        match self.kernel {
            Kernel::Unary(_) | Kernel::LogicalNot => 1,
            _ => 2,
        }
    }

    fn apply(&self, vm: &mut Interp, operands: &[Value]) -> PyResult<Value> {
        match (self.kernel, operands) {
            (Kernel::Unary(op), [x]) => {
                let arg = python_number_arg(x).map_or_else(|| to_arg(vm, x), Ok)?;
                super::operators::unary(vm, op, &arg, self.name)
            }
            (Kernel::Binary(op), [x, y]) => binary(vm, op, x, y),
            (Kernel::Logical(op), [x, y]) => {
                let (p, q) = (as_bool(vm, x)?, as_bool(vm, y)?);
                binary(vm, op, &p, &q)
            }
            (Kernel::LogicalNot, [x]) => {
                let p = as_bool(vm, x)?;
                let arg = to_arg(vm, &p)?;
                Ok(from_py_value(ops::unary(UnaryOp::Invert, &arg).map_err(np_error)?))
            }
            _ => Err(Exc::type_error(format!(
                "{}() takes from {} to {} positional arguments but {} were given",
                self.name,
                self.nin(),
                self.nin() + 1,
                operands.len()
            ))),
        }
    }
}

impl PyObject for Ufunc {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        ufunc_class()
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<ufunc '{}'>", self.name))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(self.name)),
            "nin" => Some(Value::Int(self.nin() as i64)),
            "nout" => Some(Value::Int(1)),
            "nargs" => Some(Value::Int(self.nin() as i64 + 1)),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        for (key, value) in &args.keywords {
            match &**key {
                "out" | "where" | "dtype" | "casting" | "order" | "subok" | "signature" if given(&Some(value.clone())).is_some() => {
                    return Err(Exc::not_implemented(format!("numpy.{}() with {key}=", self.name)));
                }
                "out" | "where" | "dtype" | "casting" | "order" | "subok" | "signature" => {}
                other => {
                    return Err(Exc::type_error(format!("{}() got an unexpected keyword argument '{other}'", self.name)));
                }
            }
        }
        let result = self.apply(vm, &args.positional)?;
        // Python-scalar-only calls still give NumPy scalars (np.sqrt(2) is np.float64).
        if let Some(v) = python_number_result(&result) {
            return Ok(v);
        }
        Ok(result)
    }

    fn is_callable(&self) -> bool {
        true
    }
}

/// A Python number as the NumPy scalar a ufunc converts it to (`np.sqrt(2)` computes
/// on `np.int64(2)`).
fn python_number_arg(v: &Value) -> Option<ops::Arg> {
    let scalar = match v {
        Value::Bool(b) => crate::numpy::Scalar::Bool(*b),
        Value::Int(i) => crate::numpy::Scalar::I64(*i),
        Value::Float(x) => crate::numpy::Scalar::F64(*x),
        other => {
            let (re, im) = crate::value::complex::parts(other).filter(|_| other.downcast::<crate::value::complex::Complex>().is_some())?;
            crate::numpy::Scalar::C128(num_complex::Complex64::new(re, im))
        }
    };
    Some(ops::Arg::Scalar(scalar))
}

/// A result that came back as a plain Python number (both operands were Python
/// numbers) as the NumPy scalar NumPy gives.
fn python_number_result(v: &Value) -> Option<Value> {
    let scalar = match v {
        Value::Bool(b) => crate::numpy::Scalar::Bool(*b),
        Value::Float(x) => crate::numpy::Scalar::F64(*x),
        Value::Int(i) => crate::numpy::Scalar::I64(*i),
        _ => return None,
    };
    Some(super::scalar_value(scalar))
}

/// Registers the ufuncs.
pub fn install(m: &Module) {
    let unary = [
        ("sqrt", UnaryOp::Sqrt),
        ("exp", UnaryOp::Exp),
        ("log", UnaryOp::Log),
        ("log10", UnaryOp::Log10),
        ("sin", UnaryOp::Sin),
        ("cos", UnaryOp::Cos),
        ("tan", UnaryOp::Tan),
        ("absolute", UnaryOp::Abs),
        ("floor", UnaryOp::Floor),
        ("ceil", UnaryOp::Ceil),
        ("trunc", UnaryOp::Trunc),
        ("isnan", UnaryOp::IsNan),
        ("isfinite", UnaryOp::IsFinite),
        ("isinf", UnaryOp::IsInf),
        ("negative", UnaryOp::Neg),
        ("positive", UnaryOp::Pos),
        ("invert", UnaryOp::Invert),
    ];
    for (name, op) in unary {
        m.set(name, Value::object(Ufunc { name, kernel: Kernel::Unary(op) }));
    }
    m.set("abs", Value::object(Ufunc { name: "absolute", kernel: Kernel::Unary(UnaryOp::Abs) }));
    m.set("bitwise_not", Value::object(Ufunc { name: "invert", kernel: Kernel::Unary(UnaryOp::Invert) }));
    let binary_ops = [
        ("add", BinOp::Add),
        ("subtract", BinOp::Sub),
        ("multiply", BinOp::Mul),
        ("divide", BinOp::TrueDiv),
        ("floor_divide", BinOp::FloorDiv),
        ("remainder", BinOp::Mod),
        ("power", BinOp::Pow),
        ("maximum", BinOp::Maximum),
        ("minimum", BinOp::Minimum),
        ("bitwise_and", BinOp::BitAnd),
        ("bitwise_or", BinOp::BitOr),
        ("bitwise_xor", BinOp::BitXor),
        ("left_shift", BinOp::LShift),
        ("right_shift", BinOp::RShift),
        ("equal", BinOp::Eq),
        ("not_equal", BinOp::Ne),
        ("less", BinOp::Lt),
        ("less_equal", BinOp::Le),
        ("greater", BinOp::Gt),
        ("greater_equal", BinOp::Ge),
    ];
    for (name, op) in binary_ops {
        m.set(name, Value::object(Ufunc { name, kernel: Kernel::Binary(op) }));
    }
    for (alias, name, op) in [("true_divide", "divide", BinOp::TrueDiv), ("mod", "remainder", BinOp::Mod)] {
        m.set(alias, Value::object(Ufunc { name, kernel: Kernel::Binary(op) }));
    }
    for (name, op) in [("logical_and", BinOp::BitAnd), ("logical_or", BinOp::BitOr), ("logical_xor", BinOp::BitXor)] {
        m.set(name, Value::object(Ufunc { name, kernel: Kernel::Logical(op) }));
    }
    m.set("logical_not", Value::object(Ufunc { name: "logical_not", kernel: Kernel::LogicalNot }));
}
