//! `np.dtype` objects and the scalar type classes (`np.int8`, `np.float64`, ...) with
//! NumPy's class hierarchy (`np.integer`, `np.floating`, ...).

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;

use super::{np_error, scalar_value, to_dtype, to_py_value};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{DType, ScalarType};
use crate::syntax::ast::CmpOp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// A dtype as a Python value.
pub struct DTypeObject {
    /// The dtype.
    pub dtype: DType,
}

/// A dtype value.
pub fn dtype_value(dtype: DType) -> Value {
    Value::object(DTypeObject { dtype })
}

struct Classes {
    dtype: Rc<TypeObject>,
    ndarray: Rc<TypeObject>,
    abstract_: HashMap<&'static str, Rc<TypeObject>>,
    scalars: Vec<(ScalarType, Rc<TypeObject>)>,
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
    let class = |name: &'static str, bases: Vec<Rc<TypeObject>>| TypeObject::new(name, "numpy", bases, None);
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
                ScalarType::Bytes => vec![character.clone(), builtin(|t| t.bytes.clone())],
                ScalarType::Str => vec![character.clone(), builtin(|t| t.str_.clone())],
                ScalarType::Object => vec![generic.clone()],
                ScalarType::Void => vec![flexible.clone()],
            };
            (st, TypeObject::new(st.name(), "numpy", bases, Some(construct_scalar)))
        })
        .collect();
    Classes {
        dtype: TypeObject::new("dtype", "numpy", vec![object.clone()], Some(construct_dtype)),
        ndarray: TypeObject::new("ndarray", "numpy", vec![object], Some(super::array::construct_ndarray)),
        abstract_,
        scalars,
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

fn construct_dtype(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    check_arity("dtype", &args, 1, 3)?;
    Ok(dtype_value(to_dtype(vm, &args.positional[0])?))
}

fn construct_scalar(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let Some(st) = scalar_type_of_class(class) else { return Err(Exc::type_error(format!("cannot create '{}' instances", class.qualified_name()))) };
    check_arity(st.name(), &args, 0, 1)?;
    let dtype = st.dtype();
    let value = match args.positional.first() {
        Some(v) => to_py_value(vm, v)?,
        None => crate::numpy::PyValue::Int(0.into()),
    };
    let made = crate::numpy::ops::make_scalar(&dtype, &value).map_err(np_error)?;
    Ok(super::from_py_value(made))
}

/// Registers the dtype class, the scalar classes and their aliases in `numpy`.
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
        ("longlong", ScalarType::Int64),
        ("ubyte", ScalarType::UInt8),
        ("ushort", ScalarType::UInt16),
        ("uintc", ScalarType::UInt32),
        ("uint", ScalarType::UInt64),
        ("uintp", ScalarType::UInt64),
        ("half", ScalarType::Float16),
        ("single", ScalarType::Float32),
        ("double", ScalarType::Float64),
        ("float_", ScalarType::Float64),
        ("csingle", ScalarType::Complex64),
        ("cdouble", ScalarType::Complex128),
        ("complex_", ScalarType::Complex128),
    ] {
        m.set(alias, scalar_type_value(st));
    }
}

impl PyObject for DTypeObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        dtype_type()
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.dtype.repr())
    }

    fn str(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.dtype.to_str())
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        let d = &self.dtype;
        Ok(Some(match name {
            "name" => Value::str(d.name()),
            "str" => Value::str(d.type_str()),
            "char" => Value::str(d.char().to_string()),
            "kind" => Value::str(d.kind_char().to_string()),
            "itemsize" => Value::Int(d.itemsize() as i64),
            "byteorder" => Value::str(d.byteorder().to_string()),
            "type" => scalar_type_value(ScalarType::of(d)),
            "names" => match d.names() {
                Some(names) => Value::tuple(names.into_iter().map(Value::str).collect()),
                None => Value::None,
            },
            "ndim" => Value::Int(0),
            "shape" => Value::tuple(Vec::new()),
            _ => return Ok(None),
        }))
    }

    fn dir(&self) -> Vec<String> {
        ["byteorder", "char", "itemsize", "kind", "name", "names", "ndim", "shape", "str", "type"].iter().map(|s| s.to_string()).collect()
    }

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let equal = match to_dtype(vm, other) {
            Ok(d) => d == self.dtype,
            Err(_) => false,
        };
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        let text = self.dtype.type_str();
        Some(text.bytes().fold(17i64, |h, b| h.wrapping_mul(31).wrapping_add(b as i64)))
    }
}

/// A NumPy scalar of `dtype` made from a library value (for `np.int8(5)`-style calls
/// from Rust).
pub fn make_scalar_value(dtype: &DType, value: crate::numpy::PyValue) -> PyResult<Value> {
    let made = crate::numpy::ops::make_scalar(dtype, &value).map_err(np_error)?;
    Ok(match made {
        crate::numpy::PyValue::Scalar(s) => scalar_value(s),
        other => super::from_py_value(other),
    })
}
