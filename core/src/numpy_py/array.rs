//! `np.ndarray` as a Python object: attributes (`shape` settable), the sequence
//! protocols (`len`, iteration, `in`, truth), subscripts, conversions (`int()`,
//! `float()`, `operator.index`) and printing. Methods live in `methods.rs`, operators
//! in `operators.rs`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::convert::{dtype_opt, from_py_value, shape_arg, shape_tuple, signed_shape, to_py_value, usize_value};
use super::errors::np_error;
use super::index::index_items;
use super::operators;
use super::{dtype_value, print_options};
use crate::eval::Interp;
use crate::numpy::{IndexItem, NdArray, PyValue};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// An array object. The array sits in a cell because `a.shape = (2, 3)` changes the
/// object in place; views made from it share its buffer.
pub struct ArrayObject {
    array: RefCell<NdArray>,
}

impl ArrayObject {
    /// An array object for `array`.
    pub fn new(array: NdArray) -> ArrayObject {
        ArrayObject { array: RefCell::new(array) }
    }

    /// The array (a cheap handle: views share the buffer).
    pub fn array(&self) -> NdArray {
        self.array.borrow().clone()
    }
}

/// `np.ndarray(shape, dtype=float)` (zero-filled).
pub fn construct_ndarray(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("ndarray", args, &["shape", "dtype", "buffer", "offset", "strides", "order"], 1)?;
    let shape = shape_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let dtype = dtype_opt(vm, &slots[1])?.unwrap_or_else(crate::numpy::DType::float64);
    Ok(super::array_value(crate::numpy::create::zeros(&shape, &dtype).map_err(np_error)?))
}

/// The attribute names of arrays (besides methods), for `dir()`.
const ATTRIBUTES: &[&str] = &["T", "dtype", "imag", "itemsize", "nbytes", "ndim", "real", "shape", "size", "strides"];

/// The element of a 0-d array as a Python scalar (for `int()`/`float()`), or the
/// TypeError NumPy 2 raises for arrays with dimensions.
fn scalar_for_conversion(a: &NdArray) -> PyResult<Value> {
    if a.ndim() != 0 {
        return Err(Exc::type_error("only 0-dimensional arrays can be converted to Python scalars"));
    }
    Ok(from_py_value(a.item().map_err(np_error)?))
}

impl PyObject for ArrayObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        super::types::ndarray_type()
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.array.borrow().repr(&print_options(vm)))
    }

    fn str(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.array.borrow().str(&print_options(vm)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let a = self.array();
        Ok(Some(match name {
            "shape" => shape_tuple(a.shape()),
            "dtype" => dtype_value(a.dtype().clone()),
            "ndim" => usize_value(a.ndim()),
            "size" => usize_value(a.size()),
            "nbytes" => usize_value(a.nbytes()),
            "itemsize" => usize_value(a.itemsize()),
            "T" => super::array_value(a.t()),
            "strides" => Value::tuple(a.strides().into_iter().map(|s| Value::Int(s as i64)).collect()),
            "real" | "imag" => super::methods::real_imag(&a, name == "imag")?,
            "flat" => super::array_value(a.ravel()),
            "base" => Value::None,
            _ if super::methods::is_method(name) => NativeMethod::value(this, name, super::methods::call),
            _ => return Ok(None),
        }))
    }

    fn setattr(&self, vm: &mut Interp, this: &Value, name: &str, value: Value) -> PyResult<()> {
        match name {
            "shape" => {
                let dims: Vec<Value> = match &value {
                    Value::Tuple(_) | Value::List(_) => vm.collect(&value)?,
                    other => vec![other.clone()],
                };
                let shape = signed_shape(vm, &dims)?;
                let mut a = self.array.borrow_mut();
                a.set_shape(&shape).map_err(np_error)
            }
            _ if ATTRIBUTES.contains(&name) || super::methods::is_method(name) => Err(Exc::attribute_error(format!(
                "attribute '{name}' of 'numpy.ndarray' objects is not writable"
            ))),
            _ => Err(Exc::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                crate::value::object::type_display_name(this)
            ))),
        }
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = super::methods::METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(ATTRIBUTES.iter().map(|s| s.to_string()));
        names.sort();
        names
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        self.array.borrow().len().map(Some).map_err(np_error)
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        self.array.borrow().truthy().map(Some).map_err(np_error)
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let a = self.array();
        if let Value::Str(field) = key {
            if a.dtype().is_struct() {
                return Ok(super::array_value(a.field(field).map_err(np_error)?));
            }
        }
        let items = index_items(vm, key)?;
        Ok(from_py_value(a.getitem(&items).map_err(np_error)?))
    }

    fn setitem(&self, vm: &mut Interp, _this: &Value, key: &Value, value: Value) -> PyResult<()> {
        let a = self.array();
        let value = to_py_value(vm, &value)?;
        if let Value::Str(field) = key {
            if a.dtype().is_struct() {
                return a.set_field(field, &value).map_err(np_error);
            }
        }
        let items = index_items(vm, key)?;
        a.setitem(&items, &value).map_err(np_error)
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let a = self.array();
        let n = a.len().map_err(|_| Exc::type_error("iteration over a 0-d array"))?;
        let mut i = 0usize;
        Ok(crate::value::iter::NativeIterator::value("iterator", move |_vm| {
            if i >= n {
                return Ok(None);
            }
            let item = a.getitem(&[IndexItem::Int(i as i64)]).map_err(np_error)?;
            i += 1;
            Ok(Some(from_py_value(item)))
        }))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        let a = self.array();
        let eq = operators::binary(vm, crate::numpy::BinOp::Eq, &super::array_value(a), item)?;
        let any = match super::as_array(&eq) {
            Some(m) => crate::numpy::reduce::reduce(&m, crate::numpy::reduce::Reduction::Any, None, false, 0.0).map_err(np_error)?,
            None => to_py_value(vm, &eq)?,
        };
        Ok(Some(any.truthy().unwrap_or(false)))
    }

    fn binary_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        operators::binary_op(vm, this, op, other, reflected)
    }

    fn inplace_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value) -> PyResult<Option<Value>> {
        operators::inplace_op(vm, &self.array(), this, op, other)
    }

    fn unary_op(&self, vm: &mut Interp, this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        operators::unary_op(vm, this, op)
    }

    fn compare(&self, vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        operators::compare(vm, this, op, other)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        None
    }

    fn as_index(&self) -> Option<Value> {
        let a = self.array.borrow();
        if a.ndim() != 0 || !(a.dtype().is_integer()) {
            return None;
        }
        match crate::numpy::array::to_python_scalar(a.item().ok()?) {
            PyValue::Int(i) => Some(Value::from_bigint(i)),
            _ => None,
        }
    }

    fn int_value(&self, vm: &mut Interp, _this: &Value) -> Option<PyResult<Value>> {
        let a = self.array();
        Some(scalar_for_conversion(&a).and_then(|v| vm.to_int(&v)))
    }

    fn float_value(&self, vm: &mut Interp, _this: &Value) -> Option<PyResult<f64>> {
        let a = self.array();
        Some(scalar_for_conversion(&a).and_then(|v| vm.to_float(&v)))
    }
}
