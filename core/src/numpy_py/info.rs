//! Type information: `np.iinfo`, `np.finfo`, `np.issubdtype`, `np.result_type`,
//! `np.promote_types`, `np.can_cast`.

use std::any::Any;
use std::rc::Rc;

use num_bigint::BigInt;

use super::convert::{required, to_dtype, usize_value};
use super::dtype_value;
use super::errors::np_error;
use super::types::{abstract_class, scalar_class, scalar_type_of_class};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::cast::int_bounds;
use crate::numpy::promote::{can_cast, promote_types, result_type, Casting, Operand};
use crate::numpy::{DType, Kind, Scalar, ScalarType};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::bind;
use crate::value::object::{Args, PyObject};
use crate::value::types::{as_type, builtin, TypeObject};
use crate::value::Value;

/// `np.iinfo(int type)`.
pub struct IInfo {
    dtype: DType,
}

/// `np.finfo(float type)`.
pub struct FInfo {
    dtype: DType,
}

fn info_class(name: &'static str) -> Rc<TypeObject> {
    thread_local! {
        static CLASSES: std::cell::RefCell<Vec<Rc<TypeObject>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CLASSES.with(|c| {
        if let Some(t) = c.borrow().iter().find(|t| t.name == name) {
            return t.clone();
        }
        let t = TypeObject::new(name, "numpy", vec![builtin(|t| t.object.clone())], None);
        c.borrow_mut().push(t.clone());
        t
    })
}

impl IInfo {
    fn bounds(&self) -> (BigInt, BigInt) {
        let (lo, hi) = int_bounds(&self.dtype);
        (BigInt::from(lo), BigInt::from(hi))
    }
}

impl PyObject for IInfo {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        info_class("iinfo")
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let (lo, hi) = self.bounds();
        Ok(format!("iinfo(min={lo}, max={hi}, dtype={})", self.dtype.name()))
    }

    fn str(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let (lo, hi) = self.bounds();
        let rule = "-".repeat(63);
        Ok(format!("Machine parameters for {}\n{rule}\nmin = {lo}\nmax = {hi}\n{rule}\n", self.dtype.name()))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        let (lo, hi) = self.bounds();
        Ok(Some(match name {
            "min" => Value::from_bigint(lo),
            "max" => Value::from_bigint(hi),
            "bits" => usize_value(self.dtype.itemsize() * 8),
            "kind" => Value::str(self.dtype.kind_char().to_string()),
            "dtype" => dtype_value(self.dtype.clone()),
            _ => return Ok(None),
        }))
    }
}

/// (resolution, precision, eps, epsneg, max, tiny, min/max as finfo prints them).
fn float_params(d: &DType) -> (f64, i64, f64, f64, f64, f64, &'static str) {
    match d.kind() {
        Kind::Float16 => (1e-3, 3, 0.0009765625, 0.00048828125, 65504.0, 6.103515625e-05, "6.55040e+04"),
        Kind::Float32 => (1e-6, 6, 1.1920928955078125e-07, 5.960464477539063e-08, 3.4028234663852886e+38, 1.1754943508222875e-38, "3.4028235e+38"),
        _ => (1e-15, 15, f64::EPSILON, f64::EPSILON / 2.0, f64::MAX, f64::MIN_POSITIVE, "1.7976931348623157e+308"),
    }
}

impl FInfo {
    fn scalar(&self, x: f64) -> Value {
        let s = match self.dtype.kind() {
            Kind::Float16 => Scalar::F16(crate::numpy::num::f64_to_f16(x)),
            Kind::Float32 => Scalar::F32(x as f32),
            _ => Scalar::F64(x),
        };
        super::scalar_value(s)
    }
}

impl PyObject for FInfo {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        info_class("finfo")
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let (resolution, ..) = float_params(&self.dtype);
        let max = float_params(&self.dtype).6;
        let res = crate::value::float::repr(resolution);
        Ok(format!("finfo(resolution={res}, min=-{max}, max={max}, dtype={})", self.dtype.name()))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        let (resolution, precision, eps, epsneg, max, tiny, _) = float_params(&self.dtype);
        Ok(Some(match name {
            "eps" => self.scalar(eps),
            "epsneg" => self.scalar(epsneg),
            "max" => self.scalar(max),
            "min" => self.scalar(-max),
            "tiny" | "smallest_normal" => self.scalar(tiny),
            "resolution" => self.scalar(resolution),
            "precision" => Value::Int(precision),
            "bits" => usize_value(self.dtype.itemsize() * 8),
            "dtype" => dtype_value(self.dtype.clone()),
            _ => return Ok(None),
        }))
    }
}

fn iinfo(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("iinfo", args, &["int_type"], 1)?;
    let arg = required(&slots[0]);
    let dtype = match super::as_array(&arg) {
        Some(a) => a.dtype().clone(),
        None => to_dtype(vm, &arg)?,
    };
    if !dtype.is_integer() {
        return Err(Exc::value_error(format!("Invalid integer data type '{}'.", dtype.kind_char())));
    }
    Ok(Value::object(IInfo { dtype: DType::new(dtype.kind().clone()) }))
}

fn finfo(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("finfo", args, &["dtype"], 1)?;
    let arg = required(&slots[0]);
    let dtype = to_dtype(vm, &arg)?;
    let dtype = match dtype.kind() {
        Kind::Float16 | Kind::Float32 | Kind::Float64 => DType::new(dtype.kind().clone()),
        Kind::Complex64 => DType::new(Kind::Float32),
        Kind::Complex128 => DType::float64(),
        _ => {
            let class = scalar_class(ScalarType::of(&dtype)).qualified_name();
            return Err(Exc::value_error(format!("data type <class '{class}'> not inexact")));
        }
    };
    Ok(Value::object(FInfo { dtype }))
}

/// The scalar class a dtype-like value stands for (abstract classes as themselves).
fn class_of(vm: &mut Interp, v: &Value) -> PyResult<Rc<TypeObject>> {
    if let Some(t) = as_type(v) {
        if scalar_type_of_class(&t).is_some() || ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating", "complexfloating", "flexible", "character"].iter().any(|n| abstract_class(n).is_some_and(|a| Rc::ptr_eq(&a, &t))) {
            return Ok(t);
        }
    }
    Ok(scalar_class(ScalarType::of(&to_dtype(vm, v)?)))
}

fn issubdtype(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("issubdtype", args, &["arg1", "arg2"], 2)?;
    let a = class_of(vm, &required(&slots[0]))?;
    let b = class_of(vm, &required(&slots[1]))?;
    Ok(Value::Bool(a.is_subclass(&b)))
}

/// A `result_type` operand: arrays and dtypes are strong, Python numbers weak.
fn operand(vm: &mut Interp, v: &Value) -> PyResult<Operand> {
    Ok(match v {
        Value::Bool(_) => Operand::PyBool,
        Value::Int(_) | Value::BigInt(_) => Operand::PyInt,
        Value::Float(_) => Operand::PyFloat,
        other if other.downcast::<crate::value::complex::Complex>().is_some() => Operand::PyComplex,
        other => match (super::as_array(other), other.downcast::<super::ScalarObject>()) {
            (Some(a), _) => Operand::DType(a.dtype().clone()),
            (_, Some(s)) => Operand::DType(s.scalar.dtype()),
            _ => Operand::DType(to_dtype(vm, other)?),
        },
    })
}

fn casting_arg(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Casting> {
    let Some(v) = slot else { return Ok(Casting::Safe) };
    Ok(match vm.str(v)?.as_str() {
        "no" => Casting::No,
        "equiv" => Casting::Equiv,
        "safe" => Casting::Safe,
        "same_kind" => Casting::SameKind,
        "unsafe" => Casting::Unsafe,
        _ => return Err(Exc::value_error("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")),
    })
}

/// Registers the type information functions.
pub fn install(m: &Module) {
    m.function("iinfo", iinfo);
    m.function("finfo", finfo);
    m.function("issubdtype", issubdtype);
    m.function("result_type", |vm, args| {
        if args.positional.is_empty() {
            return Err(Exc::value_error("at least one array or dtype is required"));
        }
        let mut operands = Vec::new();
        for v in &args.positional {
            operands.push(operand(vm, v)?);
        }
        Ok(dtype_value(result_type(&operands).map_err(np_error)?))
    });
    m.function("promote_types", |vm, args| {
        let slots = bind("promote_types", args, &["type1", "type2"], 2)?;
        let a = to_dtype(vm, &required(&slots[0]))?;
        let b = to_dtype(vm, &required(&slots[1]))?;
        Ok(dtype_value(promote_types(&a, &b).map_err(np_error)?))
    });
    m.function("can_cast", |vm, args| {
        let slots = bind("can_cast", args, &["from_", "to", "casting"], 2)?;
        let from = match operand(vm, &required(&slots[0]))? {
            Operand::DType(d) => d,
            _ => {
                return Err(Exc::type_error(
                    "can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.",
                ))
            }
        };
        let to = to_dtype(vm, &required(&slots[1]))?;
        let casting = casting_arg(vm, &slots[2])?;
        Ok(Value::Bool(can_cast(&from, &to, casting)))
    });
}
