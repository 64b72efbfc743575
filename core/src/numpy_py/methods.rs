//! The methods of `np.ndarray` (`reshape`, `astype`, `sum(axis=...)`, `sort`, ...),
//! and the reductions shared with the module functions (`np.sum(a, axis=...)`).

use super::convert::{
    axes_arg, axis_arg, dtype_opt, flag, from_py_value, given, int_arg, required, signed_shape, to_array, to_dtype,
    to_py_value,
};
use super::errors::np_error;
use super::{array_value, as_array};
use crate::eval::Interp;
use crate::numpy::array::to_python_scalar;
use crate::numpy::reduce::{self, Reduction};
use crate::numpy::{DType, IndexItem, Kind, NdArray, NpResult, PyValue};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::bind;
use crate::value::object::Args;
use crate::value::Value;

/// The method names of arrays.
pub const METHODS: &[&str] = &[
    "__abs__", "__round__", "all", "any", "argmax", "argmin", "argsort", "astype", "clip", "conj", "conjugate", "copy",
    "cumprod", "cumsum", "diagonal", "dot", "fill", "flatten", "item", "max", "mean", "min", "nonzero", "prod", "ravel",
    "reshape", "round", "sort", "squeeze", "std", "sum", "swapaxes", "tobytes", "tolist", "trace", "transpose", "var",
    "view",
];

/// Whether `name` is an array method.
pub fn is_method(name: &str) -> bool {
    METHODS.contains(&name)
}

fn reduction(name: &str) -> Option<(Reduction, &'static [&'static str])> {
    const SUM: &[&str] = &["axis", "dtype", "out", "keepdims", "initial", "where"];
    const MEAN: &[&str] = &["axis", "dtype", "out", "keepdims", "where"];
    const STD: &[&str] = &["axis", "dtype", "out", "ddof", "keepdims", "where", "mean", "correction"];
    const MIN: &[&str] = &["axis", "out", "keepdims", "initial", "where"];
    const ARG: &[&str] = &["axis", "out", "keepdims"];
    const ANY: &[&str] = &["axis", "out", "keepdims", "where"];
    Some(match name {
        "sum" => (Reduction::Sum, SUM),
        "prod" => (Reduction::Prod, SUM),
        "mean" => (Reduction::Mean, MEAN),
        "std" => (Reduction::Std, STD),
        "var" => (Reduction::Var, STD),
        "min" | "amin" => (Reduction::Min, MIN),
        "max" | "amax" => (Reduction::Max, MIN),
        "argmin" => (Reduction::ArgMin, ARG),
        "argmax" => (Reduction::ArgMax, ARG),
        "any" => (Reduction::Any, ANY),
        "all" => (Reduction::All, ANY),
        _ => return None,
    })
}

/// Whether `name` is one of the reductions [`reduce_call`] knows.
pub fn is_reduction(name: &str) -> bool {
    reduction(name).is_some()
}

fn unsupported_argument(function: &str, argument: &str) -> Exc {
    Exc::not_implemented(format!("numpy.{function}() with {argument}="))
}

/// `a.sum(axis=..., keepdims=..., ddof=..., dtype=...)` and the other reductions.
pub fn reduce_call(vm: &mut Interp, array: &NdArray, name: &str, args: Args) -> PyResult<Value> {
    let Some((r, params)) = reduction(name) else { return Err(Exc::not_implemented(format!("numpy.ndarray.{name}"))) };
    let slots = bind(name, args, params, 0)?;
    let slot = |p: &str| params.iter().position(|q| *q == p).and_then(|i| slots[i].clone());
    for unsupported in ["out", "initial", "where", "mean", "correction"] {
        if given(&slot(unsupported)).is_some() {
            return Err(unsupported_argument(name, unsupported));
        }
    }
    let axes = axes_arg(vm, &slot("axis"))?;
    let keepdims = flag(vm, &slot("keepdims"), false)?;
    let ddof = super::convert::float_or(vm, &slot("ddof"), 0.0)?;
    let dtype = dtype_opt(vm, &slot("dtype"))?;
    let source = match &dtype {
        Some(d) if matches!(r, Reduction::Sum | Reduction::Prod) || d.is_float() || d.is_complex() => {
            array.astype(d).map_err(np_error)?
        }
        _ => array.clone(),
    };
    let result = reduce::reduce(&source, r, axes.as_deref(), keepdims, ddof).map_err(np_error)?;
    let result = match (dtype, result) {
        (Some(d), PyValue::Array(a)) if matches!(r, Reduction::Sum | Reduction::Prod) && a.dtype() != &d => {
            PyValue::Array(a.astype(&d).map_err(np_error)?)
        }
        (Some(d), PyValue::Scalar(s)) if matches!(r, Reduction::Sum | Reduction::Prod) && s.dtype() != d => {
            crate::numpy::ops::make_scalar(&d, &PyValue::Scalar(s)).map_err(np_error)?
        }
        (_, other) => other,
    };
    Ok(from_py_value(result))
}

/// `a.cumsum(axis)` / `a.cumprod(axis)` (and `np.cumsum(a, axis)`).
pub fn cumulative_call(vm: &mut Interp, array: &NdArray, name: &str, args: Args) -> PyResult<Value> {
    let slots = bind(name, args, &["axis", "dtype", "out"], 0)?;
    if given(&slots[2]).is_some() {
        return Err(unsupported_argument(name, "out"));
    }
    let axis = axis_arg(vm, &slots[0])?;
    let source = match dtype_opt(vm, &slots[1])? {
        Some(d) => array.astype(&d).map_err(np_error)?,
        None => array.clone(),
    };
    let r = if name == "cumprod" { Reduction::Prod } else { Reduction::Sum };
    Ok(array_value(reduce::cumulative(&source, r, axis).map_err(np_error)?))
}

/// `a.real` / `a.imag` (copies for complex arrays; `imag` of a real array is zeros).
pub fn real_imag(a: &NdArray, imag: bool) -> PyResult<Value> {
    if !a.dtype().is_complex() {
        if !imag {
            return Ok(array_value(a.clone()));
        }
        return Ok(array_value(crate::numpy::create::zeros(a.shape(), a.dtype()).map_err(np_error)?));
    }
    let part = if matches!(a.dtype().kind(), Kind::Complex64) { DType::new(Kind::Float32) } else { DType::float64() };
    let nums = a.to_num_vec::<num_complex::Complex64>().unwrap_or_default();
    let values: Vec<f64> = nums.iter().map(|z| if imag { z.im } else { z.re }).collect();
    let out = crate::numpy::create::from_f64(&values).reshape(&a.shape().iter().map(|&n| n as isize).collect::<Vec<_>>());
    Ok(array_value(out.and_then(|x| x.astype(&part)).map_err(np_error)?))
}

/// `a.conj()`: the complex conjugate (a copy of real arrays).
pub fn conjugate(a: &NdArray) -> NpResult<NdArray> {
    if !a.dtype().is_complex() {
        return Ok(a.copy());
    }
    let nums = a.to_num_vec::<num_complex::Complex64>().unwrap_or_default();
    let vals: Vec<crate::numpy::num::NumVal> = nums.iter().map(|z| crate::numpy::num::NumVal::Complex(z.conj())).collect();
    let buf = crate::numpy::cast::num_buffer(&vals, a.dtype());
    Ok(NdArray::from_buffer(buf, a.shape().to_vec(), a.dtype().clone()))
}

/// `a.diagonal(offset)` of a 2-d array (a copy).
pub fn diagonal(a: &NdArray, offset: i64) -> PyResult<NdArray> {
    if a.ndim() != 2 {
        return Err(Exc::not_implemented("numpy.diagonal of arrays that are not 2-d"));
    }
    let (n, m) = (a.shape()[0] as i64, a.shape()[1] as i64);
    let (r0, c0) = if offset >= 0 { (0, offset) } else { (-offset, 0) };
    let len = (n - r0).min(m - c0).max(0);
    let rows: Vec<i64> = (0..len).map(|i| r0 + i).collect();
    let cols: Vec<i64> = (0..len).map(|i| c0 + i).collect();
    let index = [
        IndexItem::Array(crate::numpy::create::from_i64(&rows)),
        IndexItem::Array(crate::numpy::create::from_i64(&cols)),
    ];
    a.getitem_array(&index).map_err(np_error)
}

/// `a.clip(min, max)` (and `np.clip`): `np.minimum(np.maximum(a, min), max)`.
pub fn clip(vm: &mut Interp, a: &Value, low: Option<&Value>, high: Option<&Value>) -> PyResult<Value> {
    if low.is_none() && high.is_none() {
        return Err(Exc::value_error("One of max or min must be given"));
    }
    let mut out = a.clone();
    if let Some(low) = low {
        out = super::operators::binary(vm, crate::numpy::BinOp::Maximum, &out, low)?;
    }
    if let Some(high) = high {
        out = super::operators::binary(vm, crate::numpy::BinOp::Minimum, &out, high)?;
    }
    Ok(out)
}

fn view(vm: &mut Interp, a: &NdArray, dtype: Option<&Value>) -> PyResult<Value> {
    let Some(dtype) = dtype else { return Ok(array_value(a.clone())) };
    let dtype = to_dtype(vm, dtype)?;
    if &dtype == a.dtype() {
        return Ok(array_value(a.clone()));
    }
    // A view with another dtype reinterprets the bytes (h5lab copies them: writes
    // through the new array do not reach the old one).
    let last = a.shape().last().copied().unwrap_or(1) * a.itemsize();
    if a.ndim() == 0 || last % dtype.itemsize().max(1) != 0 {
        return Err(Exc::value_error(
            "When changing to a smaller dtype, its size must be a divisor of the size of original dtype",
        ));
    }
    let bytes = a.tobytes().map_err(np_error)?;
    let flat = crate::numpy::create::frombuffer(&bytes, &dtype, -1, 0).map_err(np_error)?;
    let mut shape: Vec<isize> = a.shape().iter().map(|&n| n as isize).collect();
    if let Some(l) = shape.last_mut() {
        *l = (last / dtype.itemsize().max(1)) as isize;
    }
    Ok(array_value(flat.reshape(&shape).map_err(np_error)?))
}

fn item(vm: &mut Interp, a: &NdArray, args: &[Value]) -> PyResult<Value> {
    let value = match args {
        [] => a.item().map_err(np_error)?,
        [single] if !matches!(single, Value::Tuple(_)) => {
            let i = int_arg(vm, single, "an integer is required")?;
            a.item_at(i as isize).map_err(np_error)?
        }
        many => {
            let items: Vec<Value> = match many {
                [Value::Tuple(t)] => t.to_vec(),
                _ => many.to_vec(),
            };
            if items.len() != a.ndim() {
                return Err(Exc::value_error("incorrect number of indices for array"));
            }
            let mut index = Vec::new();
            for v in &items {
                index.push(IndexItem::Int(int_arg(vm, v, "an integer is required")?));
            }
            a.getitem(&index).map_err(np_error)?
        }
    };
    Ok(from_py_value(to_python_scalar(value)))
}

/// Calls array method `name` on `this`.
pub fn call(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(a) = as_array(this) else { return Ok(Value::None) };
    if is_reduction(name) {
        return reduce_call(vm, &a, name, args);
    }
    Ok(match name {
        "reshape" => {
            let mut args = args;
            args.keywords.retain(|(k, _)| &**k != "order");
            if let Some((k, _)) = args.keywords.first() {
                return Err(Exc::type_error(format!("reshape() got an unexpected keyword argument '{k}'")));
            }
            if args.positional.is_empty() {
                return Err(Exc::type_error("reshape() takes exactly 1 argument (0 given)"));
            }
            let shape = signed_shape(vm, &args.positional)?;
            array_value(a.reshape(&shape).map_err(np_error)?)
        }
        "astype" => {
            let slots = bind("astype", args, &["dtype", "order", "casting", "subok", "copy"], 1)?;
            let dtype = to_dtype(vm, &required(&slots[0]))?;
            let (cast, errors) = crate::numpy::fpflags::watch(|| a.astype(&dtype));
            let cast = cast.map_err(np_error)?;
            // To bool is a comparison with zero: NumPy's cast never reports.
            if dtype.kind() != &crate::numpy::Kind::Bool {
                super::warnings::report(vm, errors, "cast")?;
            }
            array_value(cast)
        }
        "copy" => array_value(a.copy()),
        "ravel" => array_value(a.ravel()),
        "flatten" => array_value(a.flatten()),
        "transpose" => {
            let axes = signed_shape(vm, &args.positional)?;
            array_value(a.transpose(&axes).map_err(np_error)?)
        }
        "swapaxes" => {
            let slots = bind("swapaxes", args, &["axis1", "axis2"], 2)?;
            let x = int_arg(vm, &required(&slots[0]), "an integer is required")?;
            let y = int_arg(vm, &required(&slots[1]), "an integer is required")?;
            array_value(a.swapaxes(x as isize, y as isize).map_err(np_error)?)
        }
        "squeeze" => {
            let slots = bind("squeeze", args, &["axis"], 0)?;
            match axes_arg(vm, &slots[0])? {
                None => array_value(a.squeeze()),
                Some(axes) => {
                    let mut drop = Vec::new();
                    for ax in axes {
                        let ax = crate::numpy::array::normalize_axis(ax, a.ndim()).map_err(np_error)?;
                        if a.shape()[ax] != 1 {
                            return Err(Exc::value_error("cannot select an axis to squeeze out which has size not equal to one"));
                        }
                        drop.push(ax);
                    }
                    let shape: Vec<isize> =
                        a.shape().iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, &n)| n as isize).collect();
                    array_value(a.reshape(&shape).map_err(np_error)?)
                }
            }
        }
        "tolist" => from_py_value(a.tolist()),
        "tobytes" => Value::bytes(a.tobytes().map_err(np_error)?),
        "item" => item(vm, &a, &args.positional)?,
        "fill" => {
            let slots = bind("fill", args, &["value"], 1)?;
            let v = to_py_value(vm, &required(&slots[0]))?;
            a.fill(&v).map_err(np_error)?;
            Value::None
        }
        "cumsum" | "cumprod" => cumulative_call(vm, &a, name, args)?,
        "sort" => {
            let slots = bind("sort", args, &["axis", "kind", "order"], 0)?;
            let axis = match &slots[0] {
                None => -1,
                Some(v) => int_arg(vm, v, "an integer is required")? as isize,
            };
            a.sort_inplace(axis).map_err(np_error)?;
            Value::None
        }
        "argsort" => {
            let slots = bind("argsort", args, &["axis", "kind", "order", "stable"], 0)?;
            let axis = match &slots[0] {
                None => Some(-1),
                Some(_) => axis_arg(vm, &slots[0])?,
            };
            array_value(reduce::argsort(&a, axis).map_err(np_error)?)
        }
        "round" | "__round__" => {
            let slots = bind(name, args, &["decimals", "out"], 0)?;
            let decimals = match given(&slots[0]) {
                Some(v) => int_arg(vm, v, "'float' object cannot be interpreted as an integer")?,
                None => 0,
            };
            array_value(crate::numpy::ops::round(&a, decimals).map_err(np_error)?)
        }
        "__abs__" => {
            from_py_value(crate::numpy::ops::unary(crate::numpy::UnaryOp::Abs, &crate::numpy::Arg::Array(a)).map_err(np_error)?)
        }
        "clip" => {
            let slots = bind("clip", args, &["min", "max", "out"], 0)?;
            clip(vm, this, given(&slots[0]), given(&slots[1]))?
        }
        "conj" | "conjugate" => array_value(conjugate(&a).map_err(np_error)?),
        "nonzero" => Value::tuple(crate::numpy::index::nonzero(&a).into_iter().map(array_value).collect()),
        "diagonal" => {
            let slots = bind("diagonal", args, &["offset", "axis1", "axis2"], 0)?;
            let offset = match given(&slots[0]) {
                Some(v) => int_arg(vm, v, "an integer is required")?,
                None => 0,
            };
            array_value(diagonal(&a, offset)?)
        }
        "trace" => {
            let slots = bind("trace", args, &["offset", "axis1", "axis2", "dtype", "out"], 0)?;
            let offset = match given(&slots[0]) {
                Some(v) => int_arg(vm, v, "an integer is required")?,
                None => 0,
            };
            let d = diagonal(&a, offset)?;
            from_py_value(reduce::reduce(&d, Reduction::Sum, None, false, 0.0).map_err(np_error)?)
        }
        "dot" => {
            let slots = bind("dot", args, &["b", "out"], 1)?;
            let other = to_array(vm, &required(&slots[0]), None)?;
            let r = crate::numpy::linalg::dot(&crate::numpy::Arg::Array(a), &crate::numpy::Arg::Array(other));
            from_py_value(r.map_err(np_error)?)
        }
        "view" => {
            let slots = bind("view", args, &["dtype", "type"], 0)?;
            view(vm, &a, given(&slots[0]))?
        }
        _ => return Err(Exc::not_implemented(format!("numpy.ndarray.{name}"))),
    })
}
