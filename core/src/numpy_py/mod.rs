//! NumPy for Python code: the `numpy` module, and the objects that carry the Rust
//! library's arrays, dtypes and scalars into the interpreter.
//!
//! Conversions between interpreter values and the library's [`PyValue`] live here,
//! as does the mapping of the library's errors to Python exceptions and the session's
//! print options (`np.set_printoptions`).

pub mod array;
pub mod dtype;
mod functions;
mod index;
mod scalar;

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

pub use array::ArrayObject;
pub use dtype::{dtype_value, scalar_type_value, DTypeObject};
pub use scalar::ScalarObject;

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{DType, DTypeSpec, NdArray, NpError, PrintOptions, PyObjectLike, PyType, PyValue, Scalar};
use crate::value::exception::{exception_class, Exc, ExcKind, PyResult};
use crate::value::types::{as_type, builtin, type_of, TypeObject};
use crate::value::{complex, int, Value};

/// The session's NumPy state.
#[derive(Default)]
pub struct NumpyState {
    /// `np.set_printoptions(...)`.
    pub print_options: RefCell<PrintOptions>,
}

/// The session's NumPy state (created on first use).
pub fn state(vm: &Interp) -> Rc<NumpyState> {
    vm.extension("numpy", NumpyState::default)
}

/// The print options in force.
pub fn print_options(vm: &Interp) -> PrintOptions {
    state(vm).print_options.borrow().clone()
}

thread_local! {
    static EXCEPTION_TYPES: RefCell<Vec<Rc<TypeObject>>> = const { RefCell::new(Vec::new()) };
}

fn numpy_exception_class(name: &str, module: &str, bases: Vec<Rc<TypeObject>>) -> Rc<TypeObject> {
    EXCEPTION_TYPES.with(|types| {
        if let Some(t) = types.borrow().iter().find(|t| t.name == name) {
            return t.clone();
        }
        let t = TypeObject::new(name, module, bases, None);
        types.borrow_mut().push(t.clone());
        t
    })
}

/// The Python exception for a NumPy library error (its class by name; NumPy's own
/// classes for `AxisError` and the ufunc casting/loop errors).
pub fn np_error(error: NpError) -> Exc {
    let message = error.message.clone();
    let class = match error.class {
        "AxisError" => numpy_exception_class(
            "AxisError",
            "numpy.exceptions",
            vec![exception_class(ExcKind::ValueError), exception_class(ExcKind::IndexError)],
        ),
        "UFuncTypeError" => numpy_exception_class("UFuncTypeError", "numpy._core._exceptions", vec![exception_class(ExcKind::TypeError)]),
        "ComplexWarning" => numpy_exception_class("ComplexWarning", "numpy.exceptions", vec![exception_class(ExcKind::RuntimeWarning)]),
        other => exception_class(ExcKind::from_name(other).unwrap_or(ExcKind::ValueError)),
    };
    Exc::with_args(class, vec![Value::str(message)])
}

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

/// An interpreter value as the NumPy library's [`PyValue`].
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
                return Ok(PyValue::Array(a.array.clone()));
            }
            if let Some(s) = obj.as_any().downcast_ref::<ScalarObject>() {
                return Ok(PyValue::Scalar(s.scalar.clone()));
            }
            if let Some(c) = obj.as_any().downcast_ref::<complex::Complex>() {
                return Ok(PyValue::Complex(num_complex::Complex64::new(c.re, c.im)));
            }
            let repr = vm.repr(value)?;
            let str = vm.str(value)?;
            PyValue::Object(Rc::new(Held { repr, str, value: HeldValue(value.clone()) }))
        }
        Value::Dict(_) => {
            let repr = vm.repr(value)?;
            PyValue::Object(Rc::new(Held { str: repr.clone(), repr, value: HeldValue(value.clone()) }))
        }
    })
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
    Value::object(ArrayObject { array })
}

/// A NumPy scalar as a Python value.
pub fn scalar_value(scalar: Scalar) -> Value {
    Value::object(ScalarObject { scalar })
}

/// The array behind a value, if it is one.
pub fn as_array(value: &Value) -> Option<NdArray> {
    value.downcast::<ArrayObject>().map(|a| a.array.clone())
}

/// `np.asarray(value, dtype)`.
pub fn to_array(vm: &mut Interp, value: &Value, dtype: Option<&DType>) -> PyResult<NdArray> {
    if let (Some(a), None) = (as_array(value), dtype) {
        return Ok(a);
    }
    let py = to_py_value(vm, value)?;
    crate::numpy::create::asarray(&py, dtype).map_err(np_error)
}

/// `np.dtype(value)`: from a dtype, a scalar type (`np.int8`), a Python type, a string,
/// or a list of fields.
pub fn to_dtype(vm: &mut Interp, value: &Value) -> PyResult<DType> {
    let spec = dtype_spec(vm, value)?;
    DType::from_spec(&spec).map_err(np_error)
}

fn dtype_spec(vm: &mut Interp, value: &Value) -> PyResult<DTypeSpec> {
    if let Some(d) = value.downcast::<DTypeObject>() {
        return Ok(DTypeSpec::DType(d.dtype.clone()));
    }
    if let Some(t) = as_type(value) {
        if let Some(st) = dtype::scalar_type_of_class(&t) {
            return Ok(DTypeSpec::DType(st.dtype()));
        }
        let py = builtin(|b| {
            if Rc::ptr_eq(&t, &b.int) {
                Some(PyType::Int)
            } else if Rc::ptr_eq(&t, &b.float) {
                Some(PyType::Float)
            } else if Rc::ptr_eq(&t, &b.bool_) {
                Some(PyType::Bool)
            } else if Rc::ptr_eq(&t, &b.complex) {
                Some(PyType::Complex)
            } else if Rc::ptr_eq(&t, &b.str_) {
                Some(PyType::Str)
            } else if Rc::ptr_eq(&t, &b.bytes) {
                Some(PyType::Bytes)
            } else if Rc::ptr_eq(&t, &b.object) {
                Some(PyType::Object)
            } else {
                None
            }
        });
        if let Some(py) = py {
            return Ok(DTypeSpec::PyType(py));
        }
    }
    match value {
        Value::Str(s) => Ok(DTypeSpec::Str(s.to_string())),
        Value::None => Ok(DTypeSpec::DType(DType::float64())),
        Value::List(_) => {
            let mut fields = Vec::new();
            for item in vm.collect(value)? {
                let parts = vm.collect(&item)?;
                let (name, spec, shape) = match parts.as_slice() {
                    [name, spec] => (vm.str(name)?, dtype_spec(vm, spec)?, Vec::new()),
                    [name, spec, shape] => {
                        let dims = match shape {
                            Value::Tuple(_) | Value::List(_) => vm.collect(shape)?,
                            other => vec![other.clone()],
                        };
                        let mut out = Vec::new();
                        for d in dims {
                            out.push(vm.index_value(&d, "'str' object cannot be interpreted as an integer")? as usize);
                        }
                        (vm.str(name)?, dtype_spec(vm, spec)?, out)
                    }
                    _ => return Err(Exc::type_error("data type not understood")),
                };
                fields.push((name, spec, shape));
            }
            Ok(DTypeSpec::List(fields))
        }
        other => Err(Exc::type_error(format!("Cannot interpret '{}' as a data type", vm_repr_or_type(vm, other)))),
    }
}

fn vm_repr_or_type(vm: &mut Interp, value: &Value) -> String {
    vm.repr(value).unwrap_or_else(|_| type_of(value).name.clone())
}

/// An int argument (Python int, bool, or NumPy integer scalar).
pub fn int_arg(vm: &mut Interp, value: &Value, what: &str) -> PyResult<i64> {
    if let Some(i) = int::to_i64(value) {
        return Ok(i);
    }
    vm.index_value(value, what)
}

/// Builds the `numpy` module.
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("numpy", Some("NumPy\n=====\n\nProvides\n  1. An array object of arbitrary homogeneous items\n  2. Fast mathematical operations over arrays"));
    dtype::install(&m);
    functions::install(&m, vm);
    m.set("__version__", Value::str("2.4.6"));
    m.set("nan", Value::Float(f64::NAN));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("newaxis", Value::None);
    m.set("ndarray", Value::Object(dtype::ndarray_type()));
    m.set("dtype", Value::Object(dtype::dtype_type()));
    Ok(Value::object(m))
}
