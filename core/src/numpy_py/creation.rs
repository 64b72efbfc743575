//! Array creation and joining: `array`, `asarray`, `arange`, `linspace`, `zeros`,
//! `ones`, `empty`, `full`, the `*_like` forms, `eye`, `identity`, `frombuffer`,
//! `concatenate`, `stack`, `vstack`, `hstack`, and `copy`/`shares_memory`.

use super::convert::{
    array_list, array_value, as_array, axis_arg, dtype_opt, flag, given, int_arg, required, shape_arg, to_array,
    to_py_value, to_shaped_dtype,
};
use super::errors::np_error;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{create, DType, NdArray, PyValue};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::bind;
use crate::value::Value;

/// A `shape` and `dtype` pair, a subarray dtype's shape appended to the shape.
fn shape_and_dtype(vm: &mut Interp, shape: &Value, dtype: &Option<Value>) -> PyResult<(Vec<usize>, DType)> {
    let mut shape = shape_arg(vm, shape)?;
    let dtype = match given(dtype) {
        Some(d) => {
            let shaped = to_shaped_dtype(vm, d)?;
            shape.extend(shaped.shape);
            shaped.dtype
        }
        None => DType::float64(),
    };
    Ok((shape, dtype))
}

/// Adds leading axes until the array has `ndmin` dimensions.
fn with_ndmin(a: NdArray, ndmin: usize) -> PyResult<NdArray> {
    if a.ndim() >= ndmin {
        return Ok(a);
    }
    let mut shape: Vec<isize> = vec![1; ndmin - a.ndim()];
    shape.extend(a.shape().iter().map(|&n| n as isize));
    a.reshape(&shape).map_err(np_error)
}

fn array(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("array", args, &["object", "dtype", "copy", "order", "subok", "ndmin", "like"], 1)?;
    let object = required(&slots[0]);
    let dtype = dtype_opt(vm, &slots[1])?;
    let copy = match &slots[2] {
        Some(Value::None) => false,
        other => flag(vm, other, true)?,
    };
    let ndmin = match given(&slots[5]) {
        Some(v) => int_arg(vm, v, "an integer is required")?.max(0) as usize,
        None => 0,
    };
    if !copy && ndmin == 0 {
        if let Some(a) = as_array(&object) {
            if dtype.as_ref().is_none_or(|d| d == a.dtype()) {
                return Ok(object);
            }
        }
    }
    let py = to_py_value(vm, &object)?;
    let a = create::array(&py, dtype.as_ref()).map_err(np_error)?;
    Ok(array_value(with_ndmin(a, ndmin)?))
}

fn asarray(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("asarray", args, &["a", "dtype", "order", "device", "copy", "like"], 1)?;
    let object = required(&slots[0]);
    let dtype = dtype_opt(vm, &slots[1])?;
    if let Some(a) = as_array(&object) {
        if dtype.as_ref().is_none_or(|d| d == a.dtype()) {
            return Ok(object);
        }
    }
    Ok(array_value(to_array(vm, &object, dtype.as_ref())?))
}

fn arange(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("arange", args, &["start", "stop", "step", "dtype", "device", "like"], 0)?;
    let dtype = dtype_opt(vm, &slots[3])?;
    let mut part = |v: &Option<Value>| -> PyResult<Option<PyValue>> {
        match given(v) {
            None => Ok(None),
            Some(v) => to_py_value(vm, v).map(Some),
        }
    };
    let Some(start) = part(&slots[0])? else {
        return Err(Exc::type_error("arange() requires stop to be specified."));
    };
    let stop = part(&slots[1])?;
    let step = part(&slots[2])?;
    Ok(array_value(create::arange(&start, stop.as_ref(), step.as_ref(), dtype.as_ref()).map_err(np_error)?))
}

fn linspace(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("linspace", args, &["start", "stop", "num", "endpoint", "retstep", "dtype", "axis", "device"], 2)?;
    let start = vm.to_float(&required(&slots[0]))?;
    let stop = vm.to_float(&required(&slots[1]))?;
    let num = match &slots[2] {
        Some(v) => int_arg(vm, v, &format!("'{}' object cannot be interpreted as an integer", crate::value::types::type_of(v).name))?,
        None => 50,
    };
    let endpoint = flag(vm, &slots[3], true)?;
    let retstep = flag(vm, &slots[4], false)?;
    let dtype = dtype_opt(vm, &slots[5])?;
    let a = array_value(create::linspace(start, stop, num, endpoint, dtype.as_ref()).map_err(np_error)?);
    if !retstep {
        return Ok(a);
    }
    let div = if endpoint { num - 1 } else { num };
    let step = if div > 0 { (stop - start) / div as f64 } else { f64::NAN };
    Ok(Value::tuple(vec![a, super::scalar_value(crate::numpy::Scalar::F64(step))]))
}

fn filled(vm: &mut Interp, name: &'static str, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind(name, args, &["shape", "dtype", "order", "device", "like"], 1)?;
    let (shape, dtype) = shape_and_dtype(vm, &required(&slots[0]), &slots[1])?;
    let a = if name == "ones" { create::ones(&shape, &dtype) } else { create::zeros(&shape, &dtype) };
    Ok(array_value(a.map_err(np_error)?))
}

fn full(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("full", args, &["shape", "fill_value", "dtype", "order", "device", "like"], 2)?;
    let shape = shape_arg(vm, &required(&slots[0]))?;
    let value = to_py_value(vm, &required(&slots[1]))?;
    let dtype = dtype_opt(vm, &slots[2])?;
    Ok(array_value(create::full(&shape, &value, dtype.as_ref()).map_err(np_error)?))
}

fn like(vm: &mut Interp, name: &'static str, args: crate::value::object::Args) -> PyResult<Value> {
    let full = name == "full_like";
    let params: &[&str] = if full {
        &["a", "fill_value", "dtype", "order", "subok", "shape", "device"]
    } else {
        &["a", "dtype", "order", "subok", "shape", "device"]
    };
    let slots = bind(name, args, params, if full { 2 } else { 1 })?;
    let a = to_array(vm, &required(&slots[0]), None)?;
    let at = |p: &str| slots[params.iter().position(|q| *q == p).unwrap_or(0)].clone();
    let dtype = dtype_opt(vm, &at("dtype"))?;
    let template = match given(&at("shape")) {
        Some(s) => {
            let shape = shape_arg(vm, s)?;
            create::zeros(&shape, a.dtype()).map_err(np_error)?
        }
        None => a,
    };
    let value = match name {
        "ones_like" => Some(PyValue::int(1)),
        "full_like" => Some(to_py_value(vm, &required(&slots[1]))?),
        _ => None,
    };
    Ok(array_value(create::full_like(&template, value.as_ref(), dtype.as_ref()).map_err(np_error)?))
}

fn size_arg(vm: &mut Interp, v: &Value) -> PyResult<usize> {
    let n = int_arg(vm, v, &format!("'{}' object cannot be interpreted as an integer", crate::value::types::type_of(v).name))?;
    usize::try_from(n).map_err(|_| Exc::value_error("negative dimensions are not allowed"))
}

fn eye(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("eye", args, &["N", "M", "k", "dtype", "order", "device", "like"], 1)?;
    let n = size_arg(vm, &required(&slots[0]))?;
    let m = match given(&slots[1]) {
        Some(v) => Some(size_arg(vm, v)?),
        None => None,
    };
    let k = match given(&slots[2]) {
        Some(v) => int_arg(vm, v, "an integer is required")?,
        None => 0,
    };
    let dtype = dtype_opt(vm, &slots[3])?.unwrap_or_else(DType::float64);
    Ok(array_value(create::eye(n, m, k, &dtype).map_err(np_error)?))
}

fn identity(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("identity", args, &["n", "dtype", "like"], 1)?;
    let n = size_arg(vm, &required(&slots[0]))?;
    let dtype = dtype_opt(vm, &slots[1])?.unwrap_or_else(DType::float64);
    Ok(array_value(create::identity(n, &dtype).map_err(np_error)?))
}

fn frombuffer(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("frombuffer", args, &["buffer", "dtype", "count", "offset", "like"], 1)?;
    let data = match required(&slots[0]) {
        Value::Bytes(b) => b.to_vec(),
        other => {
            let name = crate::value::types::type_of(&other).name.clone();
            return Err(Exc::type_error(format!("a bytes-like object is required, not '{name}'")));
        }
    };
    let dtype = dtype_opt(vm, &slots[1])?.unwrap_or_else(DType::float64);
    let count = match given(&slots[2]) {
        Some(v) => int_arg(vm, v, "an integer is required")?,
        None => -1,
    };
    let offset = match given(&slots[3]) {
        Some(v) => int_arg(vm, v, "an integer is required")?,
        None => 0,
    };
    let offset = usize::try_from(offset)
        .map_err(|_| Exc::value_error("offset must be non-negative and no greater than buffer length (0)"))?;
    Ok(array_value(create::frombuffer(&data, &dtype, count, offset).map_err(np_error)?))
}

fn joined(vm: &mut Interp, name: &'static str, args: crate::value::object::Args) -> PyResult<Value> {
    let params: &[&str] = match name {
        "concatenate" => &["arrays", "axis", "out", "dtype", "casting"],
        "stack" => &["arrays", "axis", "out", "dtype", "casting"],
        _ => &["tup", "dtype", "casting"],
    };
    let slots = bind(name, args, params, 1)?;
    let arrays = array_list(vm, &required(&slots[0]))?;
    let out = match name {
        "concatenate" => {
            let axis = match &slots[1] {
                None => Some(0),
                Some(_) => axis_arg(vm, &slots[1])?,
            };
            create::concatenate(&arrays, axis)
        }
        "stack" => {
            let axis = axis_arg(vm, &slots[1])?.unwrap_or(0);
            create::stack(&arrays, axis)
        }
        "vstack" => create::vstack(&arrays),
        _ => create::hstack(&arrays),
    };
    Ok(array_value(out.map_err(np_error)?))
}

fn shares_memory(vm: &mut Interp, args: crate::value::object::Args) -> PyResult<Value> {
    let slots = bind("shares_memory", args, &["a", "b", "max_work"], 2)?;
    let (a, b) = (required(&slots[0]), required(&slots[1]));
    match (as_array(&a), as_array(&b)) {
        (Some(x), Some(y)) => Ok(Value::Bool(x.shares_memory(&y))),
        _ => {
            let _ = (to_array(vm, &a, None)?, to_array(vm, &b, None)?);
            Ok(Value::Bool(false))
        }
    }
}

/// Registers the creation and joining functions.
pub fn install(m: &Module) {
    m.function("array", array);
    m.function("asarray", asarray);
    m.function("arange", arange);
    m.function("linspace", linspace);
    for name in ["zeros", "ones", "empty"] {
        m.function(name, move |vm, args| filled(vm, name, args));
    }
    m.function("full", full);
    for name in ["zeros_like", "ones_like", "empty_like", "full_like"] {
        m.function(name, move |vm, args| like(vm, name, args));
    }
    m.function("eye", eye);
    m.function("identity", identity);
    m.function("frombuffer", frombuffer);
    for name in ["concatenate", "stack", "vstack", "hstack"] {
        m.function(name, move |vm, args| joined(vm, name, args));
    }
    m.function("copy", |vm, args| {
        let slots = bind("copy", args, &["a", "order", "subok"], 1)?;
        Ok(array_value(to_array(vm, &required(&slots[0]), None)?.copy()))
    });
    m.function("shares_memory", shares_memory);
    m.function("may_share_memory", shares_memory);
}
