//! `numpy.random`: `default_rng(seed)` and its `Generator` (`random`, `integers`,
//! `normal`, `standard_normal`, `uniform`), and the legacy global generator
//! (`seed`, `random`, `random_sample`, `rand`, `randn`, `randint`, `normal`,
//! `uniform`, `standard_normal`). Both draw NumPy's exact numbers.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::convert::{from_py_value, given, required, shape_arg};
use super::errors::np_error;
use super::state;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::random::{default_rng, Generator, RandomState};
use crate::numpy::{create, PyValue};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, NativeMethod};
use crate::value::object::{address, Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{int, Value};

/// A `numpy.random.Generator`.
pub struct GeneratorObject {
    rng: RefCell<Generator>,
}

fn generator_class() -> Rc<TypeObject> {
    thread_local! {
        static CLASS: Rc<TypeObject> =
            TypeObject::new_extension("Generator", "numpy.random._generator", vec![builtin(|t| t.object.clone())], None);
    }
    CLASS.with(Rc::clone)
}

/// A `size=` argument: `None`, an int or a shape tuple.
fn size_arg(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Option<Vec<usize>>> {
    match given(slot) {
        None => Ok(None),
        Some(v) => shape_arg(vm, v).map(Some),
    }
}

/// A seed or bound: a Python int (or int-like).
fn bigint_arg(vm: &mut Interp, v: &Value) -> PyResult<BigInt> {
    let i = vm.to_index(v)?;
    int::to_bigint(&i).ok_or_else(|| Exc::type_error("an integer is required"))
}

fn float_arg(vm: &mut Interp, slot: &Option<Value>, default: f64) -> PyResult<f64> {
    match given(slot) {
        Some(v) => vm.to_float(v),
        None => Ok(default),
    }
}

/// `low + (high - low) * u` for each of `draws` (a float, or an array of `shape`).
fn scaled(draws: PyValue, low: f64, high: f64) -> PyResult<PyValue> {
    let range = high - low;
    Ok(match draws {
        PyValue::Float(u) => PyValue::Float(low + range * u),
        PyValue::Array(a) => {
            let values: Vec<f64> = a.to_vec::<f64>().unwrap_or_default().into_iter().map(|u| low + range * u).collect();
            let shape: Vec<isize> = a.shape().iter().map(|&n| n as isize).collect();
            PyValue::Array(create::from_f64(&values).reshape(&shape).map_err(np_error)?)
        }
        other => other,
    })
}

fn refuse_dtype(vm: &mut Interp, name: &str, slot: &Option<Value>, default: &str) -> PyResult<()> {
    if let Some(d) = given(slot) {
        let dtype = super::convert::to_dtype(vm, d)?;
        if dtype.name() != default {
            return Err(Exc::not_implemented(format!("numpy.random.Generator.{name}() with dtype={}", dtype.name())));
        }
    }
    Ok(())
}

fn generator_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<GeneratorObject>() else { return Ok(Value::None) };
    let result = match name {
        "random" => {
            let slots = bind("random", args, &["size", "dtype", "out"], 0)?;
            let size = size_arg(vm, &slots[0])?;
            let dtype = match given(&slots[1]) {
                Some(d) => super::convert::to_dtype(vm, d)?,
                None => crate::numpy::DType::float64(),
            };
            match dtype.name().as_str() {
                "float64" => me.rng.borrow_mut().random(size.as_deref()),
                "float32" => me.rng.borrow_mut().random_f32(size.as_deref()),
                _ => return Err(Exc::type_error(format!("Unsupported dtype {} for random", dtype.repr()))),
            }
        }
        "integers" => {
            let slots = bind("integers", args, &["low", "high", "size", "dtype", "endpoint"], 1)?;
            let low = bigint_arg(vm, &required(&slots[0]))?;
            let high = match given(&slots[1]) {
                Some(h) => Some(bigint_arg(vm, h)?),
                None => None,
            };
            let size = size_arg(vm, &slots[2])?;
            refuse_dtype(vm, name, &slots[3], "int64")?;
            let endpoint = super::convert::flag(vm, &slots[4], false)?;
            me.rng.borrow_mut().integers(&low, high.as_ref(), size.as_deref(), endpoint)
        }
        "normal" | "standard_normal" => {
            let params: &[&str] = if name == "normal" { &["loc", "scale", "size"] } else { &["size", "dtype", "out"] };
            let slots = bind(name, args, params, 0)?;
            let (loc, scale, size) = if name == "normal" {
                (float_arg(vm, &slots[0], 0.0)?, float_arg(vm, &slots[1], 1.0)?, size_arg(vm, &slots[2])?)
            } else {
                refuse_dtype(vm, name, &slots[1], "float64")?;
                (0.0, 1.0, size_arg(vm, &slots[0])?)
            };
            me.rng.borrow_mut().normal(loc, scale, size.as_deref())
        }
        "uniform" => {
            let slots = bind("uniform", args, &["low", "high", "size"], 0)?;
            let (low, high) = (float_arg(vm, &slots[0], 0.0)?, float_arg(vm, &slots[1], 1.0)?);
            let size = size_arg(vm, &slots[2])?;
            let draws = me.rng.borrow_mut().random(size.as_deref()).map_err(np_error)?;
            return Ok(from_py_value(scaled(draws, low, high)?));
        }
        _ => return Err(Exc::not_implemented(format!("numpy.random.Generator.{name}"))),
    };
    Ok(from_py_value(result.map_err(np_error)?))
}

const GENERATOR_METHODS: &[&str] = &["integers", "normal", "random", "standard_normal", "uniform"];

impl PyObject for GeneratorObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        generator_class()
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("Generator(PCG64) at {}", address(this).to_uppercase().replacen("0X", "0x", 1)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(GENERATOR_METHODS.contains(&name).then(|| NativeMethod::value(this, name, generator_method)))
    }

    fn dir(&self) -> Vec<String> {
        GENERATOR_METHODS.iter().map(|s| s.to_string()).collect()
    }
}

/// Runs `f` on the session's legacy generator (seeded from the OS on first use).
fn with_legacy<R>(vm: &mut Interp, f: impl FnOnce(&mut RandomState) -> R) -> PyResult<R> {
    let st = state(vm);
    let mut slot = st.random_state.borrow_mut();
    if slot.is_none() {
        *slot = Some(RandomState::new(None).map_err(np_error)?);
    }
    match slot.as_mut() {
        Some(rs) => Ok(f(rs)),
        None => Err(Exc::not_implemented("numpy.random legacy state")),
    }
}

/// The shape of `rand(d0, d1, ...)` / `randn(...)` (no arguments: a single float).
fn dims(vm: &mut Interp, args: &Args) -> PyResult<Option<Vec<usize>>> {
    if args.positional.is_empty() {
        return Ok(None);
    }
    shape_arg(vm, &Value::tuple(args.positional.clone())).map(Some)
}

fn legacy(vm: &mut Interp, name: &'static str, args: Args) -> PyResult<Value> {
    let result: crate::numpy::NpResult<PyValue> = match name {
        "seed" => {
            let slots = bind("seed", args, &["seed"], 0)?;
            let seed = match given(&slots[0]) {
                Some(v) => Some(bigint_arg(vm, v)?),
                None => None,
            };
            let fresh = RandomState::new(seed.as_ref()).map_err(np_error)?;
            *state(vm).random_state.borrow_mut() = Some(fresh);
            return Ok(Value::None);
        }
        "random" | "random_sample" => {
            let slots = bind(name, args, &["size"], 0)?;
            let size = size_arg(vm, &slots[0])?;
            with_legacy(vm, |rs| rs.random(size.as_deref()))?
        }
        "rand" => {
            let size = dims(vm, &args)?;
            with_legacy(vm, |rs| rs.random(size.as_deref()))?
        }
        "randn" => {
            let size = dims(vm, &args)?;
            with_legacy(vm, |rs| rs.standard_normal(size.as_deref()))?
        }
        "standard_normal" => {
            let slots = bind(name, args, &["size"], 0)?;
            let size = size_arg(vm, &slots[0])?;
            with_legacy(vm, |rs| rs.standard_normal(size.as_deref()))?
        }
        "normal" => {
            let slots = bind("normal", args, &["loc", "scale", "size"], 0)?;
            let (loc, scale) = (float_arg(vm, &slots[0], 0.0)?, float_arg(vm, &slots[1], 1.0)?);
            let size = size_arg(vm, &slots[2])?;
            with_legacy(vm, |rs| rs.normal(loc, scale, size.as_deref()))?
        }
        "uniform" => {
            let slots = bind("uniform", args, &["low", "high", "size"], 0)?;
            let (low, high) = (float_arg(vm, &slots[0], 0.0)?, float_arg(vm, &slots[1], 1.0)?);
            let size = size_arg(vm, &slots[2])?;
            with_legacy(vm, |rs| rs.uniform(low, high, size.as_deref()))?
        }
        "randint" => {
            let slots = bind("randint", args, &["low", "high", "size", "dtype"], 1)?;
            let low = bigint_arg(vm, &required(&slots[0]))?;
            let high = match given(&slots[1]) {
                Some(h) => Some(bigint_arg(vm, h)?),
                None => None,
            };
            let size = size_arg(vm, &slots[2])?;
            if let Some(d) = given(&slots[3]) {
                let dtype = super::convert::to_dtype(vm, d)?;
                if dtype.name() != "int64" {
                    return Err(Exc::not_implemented(format!("numpy.random.randint() with dtype={}", dtype.name())));
                }
            }
            with_legacy(vm, |rs| rs.randint(&low, high.as_ref(), size.as_deref()))?
        }
        _ => return Err(Exc::not_implemented(format!("numpy.random.{name}"))),
    };
    Ok(from_py_value(result.map_err(np_error)?))
}

/// The `numpy.random` module.
pub fn module(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("numpy.random", Some("Random Number Generation"));
    m.function("default_rng", |vm, args| {
        let slots = bind("default_rng", args, &["seed"], 0)?;
        let seed = match given(&slots[0]) {
            Some(v) if v.downcast::<GeneratorObject>().is_some() => return Ok(v.clone()),
            Some(v) => Some(bigint_arg(vm, v)?),
            None => None,
        };
        let rng = default_rng(seed.as_ref()).map_err(np_error)?;
        Ok(Value::object(GeneratorObject { rng: RefCell::new(rng) }))
    });
    for name in ["seed", "random", "random_sample", "rand", "randn", "standard_normal", "normal", "uniform", "randint"] {
        m.function(name, move |vm, args| legacy(vm, name, args));
    }
    m.set("Generator", Value::Object(generator_class()));
    Ok(Value::object(m))
}
