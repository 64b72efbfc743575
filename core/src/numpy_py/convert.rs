//! Interpreter values ⇄ the NumPy library's [`PyValue`], and the argument helpers
//! every numpy function uses (shapes, axes, dtypes, ints, flags).

use std::rc::Rc;

use num_bigint::BigInt;

use super::array::ArrayObject;
use super::dtype::DTypeObject;
use super::errors::np_error;
use super::scalar::ScalarObject;
use crate::eval::Interp;
use crate::numpy::{DType, DTypeSpec, NdArray, PyObjectLike, PyType, PyValue, Scalar};
use crate::value::exception::{Exc, PyResult};
use crate::value::types::{as_type, builtin, type_of};
use crate::value::{complex, int, Value};

/// An interpreter value held inside an object array.
#[derive(Debug)]
pub struct Held {
    repr: String,
    str: String,
    /// The value.
    pub value: HeldValue,
}

/// The value inside [`Held`] (kept behind a wrapper: `Value` is not `Debug`-printable
/// in a useful way).
pub struct HeldValue(pub Value);

impl std::fmt::Debug for HeldValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl PyObjectLike for Held {
    fn repr(&self) -> String {
        self.repr.clone()
    }

    fn str(&self) -> String {
        self.str.clone()
    }

    fn is_list(&self) -> bool {
        matches!(self.value.0, Value::List(_))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// An interpreter value as the NumPy library's [`PyValue`]. Iterables that are not
/// sequences (`range`, generators) stay opaque objects, as NumPy keeps them.
pub fn to_py_value(vm: &mut Interp, value: &Value) -> PyResult<PyValue> {
    Ok(match value {
        Value::None => PyValue::None,
        Value::Bool(b) => PyValue::Bool(*b),
        Value::Int(i) => PyValue::Int(BigInt::from(*i)),
        Value::BigInt(b) => PyValue::Int((**b).clone()),
        Value::Float(x) => PyValue::Float(*x),
        Value::Str(s) => PyValue::Str(s.to_string()),
        Value::Bytes(b) => PyValue::Bytes(b.to_vec()),
        Value::List(list) => {
            let items = list.snapshot();
            PyValue::List(items.iter().map(|v| to_py_value(vm, v)).collect::<PyResult<_>>()?)
        }
        Value::Tuple(items) => PyValue::Tuple(items.iter().map(|v| to_py_value(vm, v)).collect::<PyResult<_>>()?),
        Value::Object(obj) => {
            if let Some(a) = obj.as_any().downcast_ref::<ArrayObject>() {
                return Ok(PyValue::Array(a.array()));
            }
            if let Some(s) = obj.as_any().downcast_ref::<ScalarObject>() {
                return Ok(PyValue::Scalar(s.scalar.clone()));
            }
            if let Some(c) = obj.as_any().downcast_ref::<complex::Complex>() {
                return Ok(PyValue::Complex(num_complex::Complex64::new(c.re, c.im)));
            }
            if obj.as_any().is::<crate::value::iter::Range>() {
                // A range is a sequence: NumPy reads its items.
                let items = vm.collect(value)?;
                return Ok(PyValue::List(items.iter().map(|v| to_py_value(vm, v)).collect::<PyResult<_>>()?));
            }
            // The array protocol: objects with `__array__()` (h5py datasets) give
            // their data.
            if let Some(method) = vm.getattr_opt(value, "__array__").ok().flatten() {
                let array = vm.call(&method, crate::value::object::Args::positional(vec![]))?;
                if let Some(a) = as_array(&array) {
                    return Ok(PyValue::Array(a));
                }
            }
            held(vm, value)?
        }
        Value::Dict(_) => held(vm, value)?,
    })
}

fn held(vm: &mut Interp, value: &Value) -> PyResult<PyValue> {
    let repr = vm.repr(value)?;
    let str = match value {
        Value::Dict(_) => repr.clone(),
        _ => vm.str(value)?,
    };
    Ok(PyValue::Object(Rc::new(Held { repr, str, value: HeldValue(value.clone()) })))
}

/// The only element of a size-1 array as a NumPy scalar (`.item()` gives the Python
/// value instead).
pub fn scalar_of(a: &NdArray) -> PyResult<Value> {
    if a.size() != 1 {
        return Err(Exc::value_error("can only convert an array of size 1 to a Python scalar"));
    }
    Ok(from_py_value(a.values().into_iter().next().unwrap_or(PyValue::None)))
}

/// The library's [`PyValue`] as an interpreter value.
pub fn from_py_value(value: PyValue) -> Value {
    match value {
        PyValue::None => Value::None,
        PyValue::Bool(b) => Value::Bool(b),
        PyValue::Int(i) => Value::from_bigint(i),
        PyValue::Float(x) => Value::Float(x),
        PyValue::Complex(c) => complex::value(c.re, c.im),
        PyValue::Str(s) => Value::str(s),
        PyValue::Bytes(b) => Value::bytes(b),
        PyValue::List(items) => Value::list(items.into_iter().map(from_py_value).collect()),
        PyValue::Tuple(items) => Value::tuple(items.into_iter().map(from_py_value).collect()),
        PyValue::Scalar(s) => scalar_value(s),
        PyValue::Array(a) => array_value(a),
        PyValue::Object(obj) => match obj.as_any().downcast_ref::<Held>() {
            Some(held) => held.value.0.clone(),
            None => Value::str(obj.repr()),
        },
    }
}

/// An array as a Python value.
pub fn array_value(array: NdArray) -> Value {
    Value::object(ArrayObject::new(array))
}

/// A NumPy scalar as a Python value.
pub fn scalar_value(scalar: Scalar) -> Value {
    Value::object(ScalarObject { scalar })
}

/// The array behind a value, if it is one.
pub fn as_array(value: &Value) -> Option<NdArray> {
    value.downcast::<ArrayObject>().map(ArrayObject::array)
}

/// `np.asarray(value, dtype)`.
pub fn to_array(vm: &mut Interp, value: &Value, dtype: Option<&DType>) -> PyResult<NdArray> {
    if let (Some(a), None) = (as_array(value), dtype) {
        return Ok(a);
    }
    let py = to_py_value(vm, value)?;
    crate::numpy::create::asarray(&py, dtype).map_err(np_error)
}

/// A dtype with an optional subarray shape (`np.dtype(('i4', (2, 3)))`): arrays made
/// with it gain the shape as trailing axes.
pub struct ShapedDType {
    /// The element type.
    pub dtype: DType,
    /// The subarray shape (empty for a plain dtype).
    pub shape: Vec<usize>,
}

/// `np.dtype(value)`: from a dtype, a scalar type (`np.int8`), a Python type, a string,
/// a list of fields or a `{'names':..., 'formats':...}` dict.
pub fn to_dtype(vm: &mut Interp, value: &Value) -> PyResult<DType> {
    Ok(to_shaped_dtype(vm, value)?.dtype)
}

/// [`to_dtype`], keeping a subarray shape.
pub fn to_shaped_dtype(vm: &mut Interp, value: &Value) -> PyResult<ShapedDType> {
    if let Some(d) = value.downcast::<DTypeObject>() {
        return Ok(ShapedDType { dtype: d.dtype.clone(), shape: d.shape.clone() });
    }
    if let Value::Str(s) = value {
        if s.starts_with('a') && s[1..].bytes().all(|b| b.is_ascii_digit()) && !s[1..].is_empty() {
            // NumPy 2 still parses 'a3' as 'S3' but warns; h5lab keeps quiet.
            return Ok(ShapedDType { dtype: DType::parse(&format!("S{}", &s[1..])).map_err(np_error)?, shape: Vec::new() });
        }
    }
    match dtype_spec(vm, value)? {
        DTypeSpec::Subarray(base, shape) => {
            let dtype = DType::from_spec(&base).map_err(np_error)?;
            Ok(ShapedDType { dtype, shape })
        }
        spec => Ok(ShapedDType { dtype: DType::from_spec(&spec).map_err(np_error)?, shape: Vec::new() }),
    }
}

fn python_type(t: &Rc<crate::value::TypeObject>) -> Option<PyType> {
    builtin(|b| {
        let table = [
            (&b.int, PyType::Int),
            (&b.float, PyType::Float),
            (&b.bool_, PyType::Bool),
            (&b.complex, PyType::Complex),
            (&b.str_, PyType::Str),
            (&b.bytes, PyType::Bytes),
            (&b.object, PyType::Object),
        ];
        table.iter().find(|(class, _)| Rc::ptr_eq(t, class)).map(|(_, py)| *py)
    })
}

fn dims_of(vm: &mut Interp, shape: &Value) -> PyResult<Vec<usize>> {
    let dims = match shape {
        Value::Tuple(_) | Value::List(_) => vm.collect(shape)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::new();
    for d in dims {
        let n = vm.index_value(&d, "'str' object cannot be interpreted as an integer")?;
        out.push(usize::try_from(n).map_err(|_| Exc::value_error("negative dimensions are not allowed"))?);
    }
    Ok(out)
}

fn dtype_spec(vm: &mut Interp, value: &Value) -> PyResult<DTypeSpec> {
    if let Some(d) = value.downcast::<DTypeObject>() {
        if !d.shape.is_empty() {
            return Ok(DTypeSpec::Subarray(Box::new(DTypeSpec::DType(d.dtype.clone())), d.shape.clone()));
        }
        return Ok(DTypeSpec::DType(d.dtype.clone()));
    }
    if let Some(t) = as_type(value) {
        if let Some(st) = super::types::scalar_type_of_class(&t) {
            return Ok(DTypeSpec::DType(st.dtype()));
        }
        if let Some(py) = python_type(&t) {
            return Ok(DTypeSpec::PyType(py));
        }
    }
    match value {
        Value::Str(s) => Ok(DTypeSpec::Str(s.to_string())),
        Value::None => Ok(DTypeSpec::DType(DType::float64())),
        Value::Tuple(items) if items.len() == 2 => {
            let base = dtype_spec(vm, &items[0])?;
            let shape = dims_of(vm, &items[1])?;
            Ok(if shape.is_empty() { base } else { DTypeSpec::Subarray(Box::new(base), shape) })
        }
        Value::List(_) => {
            let mut fields = Vec::new();
            for item in vm.collect(value)? {
                let parts = vm.collect(&item)?;
                let (name, spec, shape) = match parts.as_slice() {
                    [name, spec] => (vm.str(name)?, dtype_spec(vm, spec)?, Vec::new()),
                    [name, spec, shape] => (vm.str(name)?, dtype_spec(vm, spec)?, dims_of(vm, shape)?),
                    _ => return Err(Exc::type_error("data type not understood")),
                };
                fields.push((name, spec, shape));
            }
            Ok(DTypeSpec::List(fields))
        }
        Value::Dict(d) => {
            let get = |key: &str| d.items().into_iter().find(|(k, _)| matches!(k, Value::Str(s) if &**s == key)).map(|(_, v)| v);
            let (Some(names), Some(formats)) = (get("names"), get("formats")) else {
                return Err(Exc::type_error(format!("Cannot interpret '{}' as a data type", repr_or_type(vm, value))));
            };
            let mut name_list = Vec::new();
            for n in vm.collect(&names)? {
                name_list.push(vm.str(&n)?);
            }
            let mut format_list = Vec::new();
            for f in vm.collect(&formats)? {
                format_list.push(dtype_spec(vm, &f)?);
            }
            let offsets = match get("offsets") {
                Some(o) => Some(dims_of(vm, &o)?),
                None => None,
            };
            let itemsize = match get("itemsize") {
                Some(i) => Some(vm.index_value(&i, "an integer is required")?.max(0) as usize),
                None => None,
            };
            Ok(DTypeSpec::Dict { names: name_list, formats: format_list, offsets, itemsize })
        }
        other => Err(Exc::type_error(format!("Cannot interpret '{}' as a data type", repr_or_type(vm, other)))),
    }
}

fn repr_or_type(vm: &mut Interp, value: &Value) -> String {
    vm.repr(value).unwrap_or_else(|_| type_of(value).name.clone())
}

/// An int argument (Python int, bool, or NumPy integer scalar); `what` is the
/// TypeError text for other values.
pub fn int_arg(vm: &mut Interp, value: &Value, what: &str) -> PyResult<i64> {
    if let Some(i) = int::to_i64(value) {
        return Ok(i);
    }
    vm.index_value(value, what)
}

/// A shape argument: an int or a sequence of ints, as `np.zeros` takes it.
pub fn shape_arg(vm: &mut Interp, value: &Value) -> PyResult<Vec<usize>> {
    let dims: Vec<Value> = match value {
        Value::Tuple(_) | Value::List(_) => vm.collect(value)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::with_capacity(dims.len());
    for d in dims {
        let n = match &d {
            Value::Float(_) | Value::Str(_) | Value::None => {
                let text = vm.repr(&d)?;
                return Err(Exc::type_error(format!("expected a sequence of integers or a single integer, got '{text}'")));
            }
            _ => vm.index_value(&d, "'float' object cannot be interpreted as an integer")?,
        };
        if n < 0 {
            return Err(Exc::value_error("negative dimensions are not allowed"));
        }
        out.push(n as usize);
    }
    Ok(out)
}

/// A shape given as a tuple, a list or varargs (`reshape(2, 3)`, `reshape((2, 3))`),
/// `-1` allowed.
pub fn signed_shape(vm: &mut Interp, dims: &[Value]) -> PyResult<Vec<isize>> {
    let dims: Vec<Value> = match dims {
        [single @ (Value::Tuple(_) | Value::List(_))] => vm.collect(single)?,
        many => many.to_vec(),
    };
    let mut shape = Vec::with_capacity(dims.len());
    for d in dims {
        let what = format!("'{}' object cannot be interpreted as an integer", type_of(&d).name);
        shape.push(int_arg(vm, &d, &what)? as isize);
    }
    Ok(shape)
}

/// The value in an optional argument slot, with `None` meaning absent.
pub fn given(slot: &Option<Value>) -> Option<&Value> {
    slot.as_ref().filter(|v| !v.is_none())
}

/// An `axis=` argument: `None`, an int or a tuple of ints.
pub fn axes_arg(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Option<Vec<isize>>> {
    match given(slot) {
        None => Ok(None),
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let mut out = Vec::new();
            for a in vm.collect(v)? {
                let what = format!("'{}' object cannot be interpreted as an integer", type_of(&a).name);
                out.push(int_arg(vm, &a, &what)? as isize);
            }
            Ok(Some(out))
        }
        Some(v) => {
            let what = format!("'{}' object cannot be interpreted as an integer", type_of(v).name);
            Ok(Some(vec![int_arg(vm, v, &what)? as isize]))
        }
    }
}

/// A single `axis=` argument (`None` → `None`).
pub fn axis_arg(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Option<isize>> {
    match given(slot) {
        None => Ok(None),
        Some(v) => {
            let what = format!("'{}' object cannot be interpreted as an integer", type_of(v).name);
            Ok(Some(int_arg(vm, v, &what)? as isize))
        }
    }
}

/// A boolean flag argument with a default.
pub fn flag(vm: &mut Interp, slot: &Option<Value>, default: bool) -> PyResult<bool> {
    match slot {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// A float argument with a default.
pub fn float_or(vm: &mut Interp, slot: &Option<Value>, default: f64) -> PyResult<f64> {
    match given(slot) {
        Some(v) => vm.to_float(v),
        None => Ok(default),
    }
}

/// An optional `dtype=` argument.
pub fn dtype_opt(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Option<DType>> {
    match given(slot) {
        None => Ok(None),
        Some(v) => to_dtype(vm, v).map(Some),
    }
}

/// The required argument in a bound slot (present when `bind` said it is required).
pub fn required(slot: &Option<Value>) -> Value {
    slot.clone().unwrap_or(Value::None)
}

/// A sequence of arrays (`np.concatenate([a, b])`): each item made an array.
pub fn array_list(vm: &mut Interp, value: &Value) -> PyResult<Vec<NdArray>> {
    if let Some(a) = as_array(value) {
        return Ok(a.iter_axis0().map_err(np_error)?.into_iter().filter_map(|v| match v {
            PyValue::Array(a) => Some(a),
            PyValue::Scalar(s) => Some(NdArray::from_scalar(&s)),
            _ => None,
        }).collect());
    }
    let items = vm.collect(value)?;
    items.iter().map(|v| to_array(vm, v, None)).collect()
}

/// A value that is either an array operand or a Python scalar, as an array.
pub fn array_of(vm: &mut Interp, value: &Value) -> PyResult<NdArray> {
    to_array(vm, value, None)
}

/// `Value::Int` from a usize.
pub fn usize_value(n: usize) -> Value {
    Value::Int(n as i64)
}

/// A shape as a Python tuple.
pub fn shape_tuple(shape: &[usize]) -> Value {
    Value::tuple(shape.iter().map(|&n| usize_value(n)).collect())
}
