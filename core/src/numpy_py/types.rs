//! NumPy's classes: `np.ndarray`, `np.dtype` and its per-kind subclasses
//! (`numpy.dtypes.Int32DType`), and the scalar types (`np.int8`, `np.float64`, ...)
//! with NumPy's hierarchy (`np.generic` > `np.number` > `np.integer` > ...). Calling a
//! scalar type makes a scalar (`np.int8(5)`) or, given a sequence, an array.

use std::collections::HashMap;
use std::rc::Rc;

use super::convert::{from_py_value, to_py_value};
use super::errors::np_error;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{DType, PyValue, ScalarType};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::object::Args;
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

struct Classes {
    dtype: Rc<TypeObject>,
    ndarray: Rc<TypeObject>,
    abstract_: HashMap<&'static str, Rc<TypeObject>>,
    scalars: Vec<(ScalarType, Rc<TypeObject>)>,
    dtype_classes: std::cell::RefCell<Vec<(&'static str, Rc<TypeObject>)>>,
}

thread_local! {
    static CLASSES: Classes = make_classes();
}

const SCALARS: [ScalarType; 18] = [
    ScalarType::Bool,
    ScalarType::Int8,
    ScalarType::Int16,
    ScalarType::Int32,
    ScalarType::Int64,
    ScalarType::UInt8,
    ScalarType::UInt16,
    ScalarType::UInt32,
    ScalarType::UInt64,
    ScalarType::Float16,
    ScalarType::Float32,
    ScalarType::Float64,
    ScalarType::Complex64,
    ScalarType::Complex128,
    ScalarType::Bytes,
    ScalarType::Str,
    ScalarType::Object,
    ScalarType::Void,
];

fn make_classes() -> Classes {
    let object = builtin(|t| t.object.clone());
    let class = |name: &'static str, bases: Vec<Rc<TypeObject>>| TypeObject::new_extension(name, "numpy", bases, None);
    let generic = class("generic", vec![object.clone()]);
    let number = class("number", vec![generic.clone()]);
    let integer = class("integer", vec![number.clone()]);
    let signed = class("signedinteger", vec![integer.clone()]);
    let unsigned = class("unsignedinteger", vec![integer.clone()]);
    let inexact = class("inexact", vec![number.clone()]);
    let floating = class("floating", vec![inexact.clone()]);
    let complexfloating = class("complexfloating", vec![inexact.clone()]);
    let flexible = class("flexible", vec![generic.clone()]);
    let character = class("character", vec![flexible.clone()]);
    let mut abstract_ = HashMap::new();
    for (name, t) in [
        ("generic", &generic),
        ("number", &number),
        ("integer", &integer),
        ("signedinteger", &signed),
        ("unsignedinteger", &unsigned),
        ("inexact", &inexact),
        ("floating", &floating),
        ("complexfloating", &complexfloating),
        ("flexible", &flexible),
        ("character", &character),
    ] {
        abstract_.insert(name, t.clone());
    }
    let scalars = SCALARS
        .iter()
        .map(|&st| {
            let bases = match st {
                ScalarType::Bool => vec![generic.clone()],
                ScalarType::Int8 | ScalarType::Int16 | ScalarType::Int32 | ScalarType::Int64 => vec![signed.clone()],
                ScalarType::UInt8 | ScalarType::UInt16 | ScalarType::UInt32 | ScalarType::UInt64 => vec![unsigned.clone()],
                ScalarType::Float64 => vec![floating.clone(), builtin(|t| t.float.clone())],
                ScalarType::Float16 | ScalarType::Float32 => vec![floating.clone()],
                ScalarType::Complex128 => vec![complexfloating.clone(), builtin(|t| t.complex.clone())],
                ScalarType::Complex64 => vec![complexfloating.clone()],
                ScalarType::Bytes => vec![builtin(|t| t.bytes.clone()), character.clone()],
                ScalarType::Str => vec![builtin(|t| t.str_.clone()), character.clone()],
                ScalarType::Object => vec![generic.clone()],
                ScalarType::Void => vec![flexible.clone()],
            };
            (st, TypeObject::new_extension(st.name(), "numpy", bases, Some(construct_scalar)))
        })
        .collect();
    Classes {
        dtype: TypeObject::new_extension("dtype", "numpy", vec![object.clone()], Some(super::dtype::construct_dtype)),
        ndarray: TypeObject::new_extension("ndarray", "numpy", vec![object], Some(super::array::construct_ndarray)),
        abstract_,
        scalars,
        dtype_classes: std::cell::RefCell::new(Vec::new()),
    }
}

/// The `np.dtype` class.
pub fn dtype_type() -> Rc<TypeObject> {
    CLASSES.with(|c| c.dtype.clone())
}

/// The `np.ndarray` class.
pub fn ndarray_type() -> Rc<TypeObject> {
    CLASSES.with(|c| c.ndarray.clone())
}

/// An abstract scalar class by name (`"integer"`, `"floating"`, ...).
pub fn abstract_class(name: &str) -> Option<Rc<TypeObject>> {
    CLASSES.with(|c| c.abstract_.get(name).cloned())
}

/// The class of a dtype object: `numpy.dtypes.Int32DType` & co., subclasses of
/// `np.dtype`.
pub fn dtype_class(dtype: &DType) -> Rc<TypeObject> {
    let name = dtype.class_name();
    CLASSES.with(|c| {
        if let Some((_, t)) = c.dtype_classes.borrow().iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let t = TypeObject::new_extension(name, "numpy.dtypes", vec![c.dtype.clone()], None);
        c.dtype_classes.borrow_mut().push((name, t.clone()));
        t
    })
}

/// The class of a scalar type (`np.int8`).
pub fn scalar_class(st: ScalarType) -> Rc<TypeObject> {
    CLASSES.with(|c| {
        c.scalars
            .iter()
            .find(|(s, _)| *s == st)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| c.abstract_["generic"].clone())
    })
}

/// `np.int8` & co. as values.
pub fn scalar_type_value(st: ScalarType) -> Value {
    Value::Object(scalar_class(st))
}

/// The scalar type a class stands for, if it is one of NumPy's scalar classes.
pub fn scalar_type_of_class(class: &Rc<TypeObject>) -> Option<ScalarType> {
    CLASSES.with(|c| c.scalars.iter().find(|(_, t)| Rc::ptr_eq(t, class)).map(|(s, _)| *s))
}

/// Calling a scalar type: `np.int8(5)`, `np.float64('1.5')`, `np.int8([1, 2])` (an
/// array), `np.float64()` (zero).
fn construct_scalar(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let Some(st) = scalar_type_of_class(class) else {
        return Err(Exc::type_error(format!("cannot create '{}' instances", class.qualified_name())));
    };
    check_arity(st.name(), &args, 0, 1)?;
    let dtype = st.dtype();
    let value = match args.positional.first() {
        Some(Value::None) if dtype.is_integer() => {
            return Err(Exc::type_error(
                "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
            ))
        }
        Some(Value::None) if dtype.is_float() || dtype.is_complex() => PyValue::Float(f64::NAN),
        Some(v) => to_py_value(vm, v)?,
        None => match st {
            ScalarType::Str => PyValue::Str(String::new()),
            ScalarType::Bytes => PyValue::Bytes(Vec::new()),
            ScalarType::Object => PyValue::None,
            ScalarType::Bool => PyValue::Bool(false),
            _ => PyValue::Int(0.into()),
        },
    };
    if st == ScalarType::Object {
        return Ok(args.positional.first().cloned().unwrap_or(Value::None));
    }
    let value = match (&value, st) {
        (PyValue::Str(s), ScalarType::Str) => return Ok(super::scalar_value(crate::numpy::Scalar::Str(s.clone()))),
        (PyValue::Bytes(b), ScalarType::Bytes) => return Ok(super::scalar_value(crate::numpy::Scalar::Bytes(b.clone()))),
        (PyValue::Str(s), ScalarType::Bytes) => PyValue::Bytes(s.as_bytes().to_vec()),
        (PyValue::Str(s), ScalarType::Bool) => PyValue::Bool(!s.is_empty()),
        (PyValue::Bytes(_), ScalarType::Str) => {
            let text = vm.str(&args.positional[0])?;
            return Ok(super::scalar_value(crate::numpy::Scalar::Str(text)));
        }
        (PyValue::Int(_) | PyValue::Float(_) | PyValue::Bool(_) | PyValue::Scalar(_) | PyValue::Complex(_), ScalarType::Str) => {
            let text = vm.str(&args.positional[0])?;
            return Ok(super::scalar_value(crate::numpy::Scalar::Str(text)));
        }
        (PyValue::Str(s), _) if dtype.is_integer() => {
            // `int(text)`: Python's parser and its ValueError.
            let i = crate::value::int::parse_int(s.trim(), 10).map_err(|_| {
                Exc::value_error(format!("invalid literal for int() with base 10: {}", crate::value::str::repr(s)))
            })?;
            to_py_value(vm, &i)?
        }
        (PyValue::Str(s), _) if dtype.is_float() => PyValue::Float(crate::value::float::parse(s)?),
        _ => value,
    };
    let made = crate::numpy::ops::make_scalar(&dtype, &value).map_err(np_error)?;
    Ok(from_py_value(made))
}

/// Registers the classes, the scalar types and their aliases in `numpy`.
pub fn install(m: &Module) {
    CLASSES.with(|c| {
        for (name, t) in &c.abstract_ {
            m.set(name, Value::Object(t.clone()));
        }
        for (st, t) in &c.scalars {
            m.set(st.name(), Value::Object(t.clone()));
        }
    });
    for (alias, st) in [
        ("bool_", ScalarType::Bool),
        ("byte", ScalarType::Int8),
        ("short", ScalarType::Int16),
        ("intc", ScalarType::Int32),
        ("int_", ScalarType::Int64),
        ("intp", ScalarType::Int64),
        ("long", ScalarType::Int64),
        ("longlong", ScalarType::Int64),
        ("ubyte", ScalarType::UInt8),
        ("ushort", ScalarType::UInt16),
        ("uintc", ScalarType::UInt32),
        ("uint", ScalarType::UInt64),
        ("uintp", ScalarType::UInt64),
        ("ulong", ScalarType::UInt64),
        ("ulonglong", ScalarType::UInt64),
        ("half", ScalarType::Float16),
        ("single", ScalarType::Float32),
        ("double", ScalarType::Float64),
        ("csingle", ScalarType::Complex64),
        ("cdouble", ScalarType::Complex128),
    ] {
        m.set(alias, scalar_type_value(st));
    }
}
