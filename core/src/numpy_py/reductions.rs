//! Module functions over whole arrays: the reductions (`np.sum(a, axis=...)` ...),
//! their NaN-ignoring forms, cumulative sums, sorting, `unique`, `where`, `nonzero`,
//! `count_nonzero`, `median`, `average`, comparisons of whole arrays (`allclose`,
//! `isclose`, `array_equal`), and the array methods offered as functions
//! (`np.reshape`, `np.transpose`, `np.clip`, `np.dot` ...).

use super::convert::{
    array_value, as_array, axes_arg, axis_arg, flag, float_or, from_py_value, given, required, shape_tuple, to_array,
    usize_value,
};
use super::errors::np_error;
use super::methods::{self, cumulative_call, reduce_call};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::ops::{self, Arg, UnaryOp};
use crate::numpy::promote::{result_type, Operand};
use crate::numpy::reduce::{self, Reduction};
use crate::numpy::{BinOp, DType, NdArray, PyValue};
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::bind;
use crate::value::object::Args;
use crate::value::Value;

/// Splits `(a, *rest)`: the array argument (positional or `a=`) and the others.
fn split_array(vm: &mut Interp, name: &str, mut args: Args) -> PyResult<(Value, NdArray, Args)> {
    let value = if !args.positional.is_empty() {
        args.positional.remove(0)
    } else if let Some(i) = args.keywords.iter().position(|(k, _)| &**k == "a") {
        args.keywords.remove(i).1
    } else {
        return Err(Exc::type_error(format!("{name}() missing 1 required positional argument: 'a'")));
    };
    let array = to_array(vm, &value, None)?;
    Ok((value, array, args))
}

fn to_array_arg(vm: &mut Interp, value: &Value) -> PyResult<NdArray> {
    to_array(vm, value, None)
}

fn unary_array(op: UnaryOp, a: &NdArray) -> PyResult<NdArray> {
    match ops::unary(op, &Arg::Array(a.clone())).map_err(np_error)? {
        PyValue::Array(x) => Ok(x),
        PyValue::Scalar(s) => Ok(NdArray::from_scalar(&s)),
        other => crate::numpy::create::array(&other, None).map_err(np_error),
    }
}

fn binary_array(op: BinOp, a: &Arg, b: &Arg) -> PyResult<NdArray> {
    match ops::binary(op, a, b).map_err(np_error)? {
        PyValue::Array(x) => Ok(x),
        PyValue::Scalar(s) => Ok(NdArray::from_scalar(&s)),
        other => crate::numpy::create::array(&other, None).map_err(np_error),
    }
}

/// `np.nansum`/`nanmean`/`nanmax`/`nanmin`: NaNs replaced by the reduction's identity,
/// lanes of NaN only giving NaN for max/min.
fn nan_reduction(vm: &mut Interp, name: &str, args: Args) -> PyResult<Value> {
    let (_, a, rest) = split_array(vm, name, args)?;
    let slots = bind(name, rest, &["axis", "dtype", "out", "keepdims"], 0)?;
    let axes = axes_arg(vm, &slots[0])?;
    let keepdims = flag(vm, &slots[3], false)?;
    if !(a.dtype().is_float() || a.dtype().is_complex()) {
        let base = name.trim_start_matches("nan");
        let r = match base {
            "sum" => Reduction::Sum,
            "mean" => Reduction::Mean,
            "max" => Reduction::Max,
            _ => Reduction::Min,
        };
        return Ok(from_py_value(reduce::reduce(&a, r, axes.as_deref(), keepdims, 0.0).map_err(np_error)?));
    }
    let nan = unary_array(UnaryOp::IsNan, &a)?;
    let fill = match name {
        "nanmax" => f64::NEG_INFINITY,
        "nanmin" => f64::INFINITY,
        _ => 0.0,
    };
    let filled = reduce::where_(&nan, &NdArray::from_scalar(&crate::numpy::Scalar::F64(fill)).astype(a.dtype()).map_err(np_error)?, &a)
        .map_err(np_error)?;
    let valid = binary_array(BinOp::Eq, &Arg::Array(nan), &Arg::Py(PyValue::Bool(false)))?;
    let count = reduce::reduce(&valid, Reduction::Sum, axes.as_deref(), keepdims, 0.0).map_err(np_error)?;
    let r = match name {
        "nanmax" => Reduction::Max,
        "nanmin" => Reduction::Min,
        _ => Reduction::Sum,
    };
    let total = reduce::reduce(&filled, r, axes.as_deref(), keepdims, 0.0).map_err(np_error)?;
    let as_arg = |v: PyValue| match v {
        PyValue::Array(x) => Arg::Array(x),
        PyValue::Scalar(s) => Arg::Scalar(s),
        other => Arg::Py(other),
    };
    let message = match name {
        "nanmean" => Some("Mean of empty slice"),
        "nanmax" | "nanmin" => Some("All-NaN slice encountered"),
        _ => None,
    };
    if let Some(message) = message.filter(|_| has_zero(&count)) {
        crate::eval::modules::warnings::warn(vm, ExcKind::RuntimeWarning, message)?;
    }
    let result = match name {
        "nansum" => total,
        "nanmean" => ops::binary(BinOp::TrueDiv, &as_arg(total), &as_arg(count)).map_err(np_error)?,
        _ => {
            // All-NaN lanes give NaN.
            let empty = ops::binary(BinOp::Eq, &as_arg(count), &Arg::Py(PyValue::int(0))).map_err(np_error)?;
            let empty = crate::numpy::create::asarray(&empty, None).map_err(np_error)?;
            let t = crate::numpy::create::asarray(&total, None).map_err(np_error)?;
            let nan_value = NdArray::from_scalar(&crate::numpy::Scalar::F64(f64::NAN)).astype(t.dtype()).map_err(np_error)?;
            let out = reduce::where_(&empty, &nan_value, &t).map_err(np_error)?;
            if out.ndim() == 0 {
                out.values().into_iter().next().unwrap_or(PyValue::None)
            } else {
                PyValue::Array(out)
            }
        }
    };
    Ok(from_py_value(result))
}

/// Whether a count (a NumPy scalar or array of them) has a zero: a lane with nothing.
fn has_zero(count: &PyValue) -> bool {
    let zero = |v: &PyValue| match v {
        PyValue::Scalar(s) => !s.truthy(),
        PyValue::Int(n) => *n == 0.into(),
        _ => false,
    };
    match count {
        PyValue::Array(a) => a.values().iter().any(zero),
        other => zero(other),
    }
}

fn sort(vm: &mut Interp, name: &str, args: Args) -> PyResult<Value> {
    let (_, a, rest) = split_array(vm, name, args)?;
    let slots = bind(name, rest, &["axis", "kind", "order", "stable"], 0)?;
    let axis = match &slots[0] {
        None => Some(-1),
        Some(_) => axis_arg(vm, &slots[0])?,
    };
    let out = if name == "sort" { reduce::sort(&a, axis) } else { reduce::argsort(&a, axis) };
    Ok(array_value(out.map_err(np_error)?))
}

fn unique(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, a, rest) = split_array(vm, "unique", args)?;
    let slots = bind("unique", rest, &["return_index", "return_inverse", "return_counts", "axis", "equal_nan", "sorted"], 0)?;
    for (i, what) in [(0, "return_index"), (1, "return_inverse")] {
        if flag(vm, &slots[i], false)? {
            return Err(Exc::not_implemented(format!("numpy.unique() with {what}=True")));
        }
    }
    if given(&slots[3]).is_some() {
        return Err(Exc::not_implemented("numpy.unique() with axis="));
    }
    let values = reduce::unique(&a).map_err(np_error)?;
    if !flag(vm, &slots[2], false)? {
        return Ok(array_value(values));
    }
    // Counts: how many sorted elements fall on each distinct value.
    let sorted = reduce::sort(&a, None).map_err(np_error)?;
    let mut counts = Vec::new();
    let distinct = values.values();
    let all = sorted.values();
    let mut j = 0;
    for v in &distinct {
        let mut n = 0;
        while j < all.len() && (all[j].py_eq(v).unwrap_or(false) || is_nan_value(&all[j]) && is_nan_value(v)) {
            n += 1;
            j += 1;
        }
        counts.push(n);
    }
    Ok(Value::tuple(vec![array_value(values), array_value(crate::numpy::create::from_i64(&counts))]))
}

fn is_nan_value(v: &PyValue) -> bool {
    v.as_number().is_some_and(|n| n.as_f64().is_nan())
}

fn operand(vm: &mut Interp, v: &Value) -> PyResult<(NdArray, Operand)> {
    Ok(match v {
        Value::Bool(_) => (to_array_arg(vm, v)?, Operand::PyBool),
        Value::Int(_) | Value::BigInt(_) => (to_array_arg(vm, v)?, Operand::PyInt),
        Value::Float(_) => (to_array_arg(vm, v)?, Operand::PyFloat),
        other if other.downcast::<crate::value::complex::Complex>().is_some() => (to_array_arg(vm, other)?, Operand::PyComplex),
        other => {
            let a = to_array_arg(vm, other)?;
            let d = a.dtype().clone();
            (a, Operand::DType(d))
        }
    })
}

fn where_(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("where", args, &["condition", "x", "y"], 1)?;
    let cond = to_array_arg(vm, &required(&slots[0]))?;
    match (&slots[1], &slots[2]) {
        (None, None) => Ok(Value::tuple(crate::numpy::index::nonzero(&cond).into_iter().map(array_value).collect())),
        (Some(x), Some(y)) => {
            let (xa, xo) = operand(vm, x)?;
            let (ya, yo) = operand(vm, y)?;
            let text = |a: &NdArray| !a.is_numeric();
            let target = if text(&xa) || text(&ya) {
                crate::numpy::promote::promote_types(xa.dtype(), ya.dtype()).map_err(np_error)?
            } else {
                result_type(&[xo, yo]).map_err(np_error)?
            };
            let (xa, ya) = (xa.astype(&target).map_err(np_error)?, ya.astype(&target).map_err(np_error)?);
            Ok(array_value(reduce::where_(&cond, &xa, &ya).map_err(np_error)?))
        }
        _ => Err(Exc::value_error("either both or neither of x and y should be given")),
    }
}

fn closeness(vm: &mut Interp, name: &str, args: Args) -> PyResult<Value> {
    let slots = bind(name, args, &["a", "b", "rtol", "atol", "equal_nan"], 2)?;
    let a = to_array_arg(vm, &required(&slots[0]))?;
    let b = to_array_arg(vm, &required(&slots[1]))?;
    let rtol = float_or(vm, &slots[2], 1e-5)?;
    let atol = float_or(vm, &slots[3], 1e-8)?;
    let equal_nan = flag(vm, &slots[4], false)?;
    if name == "allclose" {
        return Ok(Value::Bool(reduce::allclose(&a, &b, rtol, atol, equal_nan).map_err(np_error)?));
    }
    let out = reduce::isclose(&a, &b, rtol, atol, equal_nan).map_err(np_error)?;
    if out.ndim() == 0 {
        return super::convert::scalar_of(&out);
    }
    Ok(array_value(out))
}

fn median(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, a, rest) = split_array(vm, "median", args)?;
    let slots = bind("median", rest, &["axis", "out", "overwrite_input", "keepdims"], 0)?;
    if given(&slots[0]).is_some() {
        return Err(Exc::not_implemented("numpy.median() with axis="));
    }
    let sorted = reduce::sort(&a, None).map_err(np_error)?;
    let n = sorted.size();
    if n == 0 {
        return reduce_call(vm, &sorted, "mean", Args::none());
    }
    let middle = if n % 2 == 1 {
        sorted.slice_axis(0, n / 2, 1)
    } else {
        sorted.slice_axis(0, n / 2 - 1, 2)
    };
    reduce_call(vm, &middle, "mean", Args::none())
}

fn count_nonzero(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (_, a, rest) = split_array(vm, "count_nonzero", args)?;
    let slots = bind("count_nonzero", rest, &["axis", "keepdims"], 0)?;
    let axes = axes_arg(vm, &slots[0])?;
    let keepdims = flag(vm, &slots[1], false)?;
    let truth = a.astype(&DType::bool()).map_err(np_error)?;
    let count = reduce::reduce(&truth, Reduction::Sum, axes.as_deref(), keepdims, 0.0).map_err(np_error)?;
    Ok(match (axes, count) {
        (None, PyValue::Scalar(s)) if !keepdims => super::scalar_value(s),
        (_, other) => from_py_value(other),
    })
}

/// Calls an array method with the array taken from the first argument.
fn as_method(vm: &mut Interp, name: &'static str, method: &'static str, args: Args) -> PyResult<Value> {
    let (value, a, rest) = split_array(vm, name, args)?;
    let this = if as_array(&value).is_some() { value } else { array_value(a) };
    methods::call(vm, &this, method, rest)
}

/// Registers the module's whole-array functions.
pub fn install(m: &Module) {
    for name in ["sum", "prod", "mean", "std", "var", "min", "max", "amin", "amax", "argmin", "argmax", "any", "all"] {
        m.function(name, move |vm, args| {
            let (_, a, rest) = split_array(vm, name, args)?;
            reduce_call(vm, &a, name, rest)
        });
    }
    for name in ["cumsum", "cumprod"] {
        m.function(name, move |vm, args| {
            let (_, a, rest) = split_array(vm, name, args)?;
            cumulative_call(vm, &a, name, rest)
        });
    }
    for name in ["nansum", "nanmean", "nanmax", "nanmin"] {
        m.function(name, move |vm, args| nan_reduction(vm, name, args));
    }
    for name in ["sort", "argsort"] {
        m.function(name, move |vm, args| sort(vm, name, args));
    }
    m.function("unique", unique);
    m.function("where", where_);
    m.function("nonzero", |vm, args| as_method(vm, "nonzero", "nonzero", args));
    m.function("count_nonzero", count_nonzero);
    m.function("median", median);
    m.function("average", |vm, args| {
        let (_, a, rest) = split_array(vm, "average", args)?;
        let slots = bind("average", rest, &["axis", "weights", "returned", "keepdims"], 0)?;
        if given(&slots[1]).is_some() {
            return Err(Exc::not_implemented("numpy.average() with weights="));
        }
        let mut call = Args::none();
        if let Some(axis) = slots[0].clone() {
            call.keywords.push(("axis".into(), axis));
        }
        reduce_call(vm, &a, "mean", call)
    });
    for name in ["allclose", "isclose"] {
        m.function(name, move |vm, args| closeness(vm, name, args));
    }
    m.function("array_equal", |vm, args| {
        let slots = bind("array_equal", args, &["a1", "a2", "equal_nan"], 2)?;
        let a = to_array_arg(vm, &required(&slots[0]))?;
        let b = to_array_arg(vm, &required(&slots[1]))?;
        Ok(Value::Bool(reduce::array_equal(&a, &b)))
    });
    for (name, method) in [
        ("reshape", "reshape"),
        ("ravel", "ravel"),
        ("transpose", "transpose"),
        ("squeeze", "squeeze"),
        ("swapaxes", "swapaxes"),
        ("clip", "clip"),
        ("round", "round"),
        ("around", "round"),
        ("diagonal", "diagonal"),
        ("trace", "trace"),
        ("dot", "dot"),
    ] {
        m.function(name, move |vm, args| as_method(vm, name, method, args));
    }
    m.function("matmul", |vm, args| {
        let slots = bind("matmul", args, &["x1", "x2", "out"], 2)?;
        let a = super::operators::to_arg(vm, &required(&slots[0]))?;
        let b = super::operators::to_arg(vm, &required(&slots[1]))?;
        Ok(from_py_value(crate::numpy::linalg::matmul(&a, &b).map_err(np_error)?))
    });
    m.function("shape", |vm, args| {
        let slots = bind("shape", args, &["a"], 1)?;
        Ok(shape_tuple(to_array_arg(vm, &required(&slots[0]))?.shape()))
    });
    m.function("ndim", |vm, args| {
        let slots = bind("ndim", args, &["a"], 1)?;
        Ok(usize_value(to_array_arg(vm, &required(&slots[0]))?.ndim()))
    });
    m.function("size", |vm, args| {
        let slots = bind("size", args, &["a", "axis"], 1)?;
        Ok(usize_value(to_array_arg(vm, &required(&slots[0]))?.size()))
    });
}
