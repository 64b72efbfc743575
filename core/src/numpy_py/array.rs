//! `np.ndarray` as a Python object: attributes, methods, indexing, operators, printing.

use std::any::Any;
use std::rc::Rc;

use super::index::index_items;
use super::scalar::{binary, is_operand, np_binop, np_cmpop, to_arg};
use super::{array_value, dtype_value, from_py_value, int_arg, np_error, print_options, to_dtype, to_py_value};
use crate::eval::Interp;
use crate::numpy::ops;
use crate::numpy::reduce::{self, Reduction};
use crate::numpy::NdArray;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// An array.
pub struct ArrayObject {
    /// The array (a view shares its buffer with its base).
    pub array: NdArray,
}

/// `np.ndarray(shape, dtype)`.
pub fn construct_ndarray(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("ndarray", args, &["shape", "dtype"], 1)?;
    let shape = shape_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let dtype = match &slots[1] {
        Some(d) => to_dtype(vm, d)?,
        None => crate::numpy::DType::float64(),
    };
    Ok(array_value(crate::numpy::create::zeros(&shape, &dtype).map_err(np_error)?))
}

/// A shape argument: an int or a sequence of ints.
pub fn shape_arg(vm: &mut Interp, value: &Value) -> PyResult<Vec<usize>> {
    let dims: Vec<Value> = match value {
        Value::Tuple(_) | Value::List(_) => vm.collect(value)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::with_capacity(dims.len());
    for d in dims {
        let n = int_arg(vm, &d, "'float' object cannot be interpreted as an integer")?;
        if n < 0 {
            return Err(Exc::value_error("negative dimensions are not allowed"));
        }
        out.push(n as usize);
    }
    Ok(out)
}

fn shape_tuple(shape: &[usize]) -> Value {
    Value::tuple(shape.iter().map(|&n| Value::Int(n as i64)).collect())
}

const METHODS: &[&str] = &[
    "all", "any", "argmax", "argmin", "astype", "copy", "cumsum", "fill", "flatten", "item", "max", "mean", "min",
    "prod", "ravel", "reshape", "std", "sum", "tobytes", "tolist", "transpose", "var",
];

fn reduction(name: &str) -> Option<Reduction> {
    Some(match name {
        "sum" => Reduction::Sum,
        "prod" => Reduction::Prod,
        "mean" => Reduction::Mean,
        "std" => Reduction::Std,
        "var" => Reduction::Var,
        "min" => Reduction::Min,
        "max" => Reduction::Max,
        "argmin" => Reduction::ArgMin,
        "argmax" => Reduction::ArgMax,
        "any" => Reduction::Any,
        "all" => Reduction::All,
        _ => return None,
    })
}

/// `np.sum(a, axis=...)`-style reductions shared by methods and module functions.
pub fn reduce_call(vm: &mut Interp, array: &NdArray, name: &str, args: Args) -> PyResult<Value> {
    let Some(r) = reduction(name) else { return Err(Exc::not_implemented(format!("numpy.ndarray.{name}"))) };
    let slots = bind(name, args, &["axis", "dtype", "out", "keepdims", "ddof"], 0)?;
    let axes: Option<Vec<isize>> = match &slots[0] {
        None | Some(Value::None) => None,
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let mut out = Vec::new();
            for a in vm.collect(v)? {
                out.push(int_arg(vm, &a, "'tuple' object cannot be interpreted as an integer")? as isize);
            }
            Some(out)
        }
        Some(v) => Some(vec![int_arg(vm, v, "an integer is required")? as isize]),
    };
    let keepdims = match &slots[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let ddof = match &slots[4] {
        Some(v) => vm.to_float(v)?,
        None => 0.0,
    };
    let result = reduce::reduce(array, r, axes.as_deref(), keepdims, ddof).map_err(np_error)?;
    Ok(from_py_value(result))
}

fn method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<ArrayObject>() else { return Ok(Value::None) };
    let a = &me.array;
    if reduction(name).is_some() {
        return reduce_call(vm, a, name, args);
    }
    Ok(match name {
        "reshape" => {
            let dims: Vec<Value> = match args.positional.as_slice() {
                [single @ (Value::Tuple(_) | Value::List(_))] => vm.collect(single)?,
                many => many.to_vec(),
            };
            let mut shape = Vec::with_capacity(dims.len());
            for d in dims {
                shape.push(int_arg(vm, &d, "'float' object cannot be interpreted as an integer")? as isize);
            }
            array_value(a.reshape(&shape).map_err(np_error)?)
        }
        "astype" => {
            let slots = bind("astype", args, &["dtype", "order", "casting", "subok", "copy"], 1)?;
            let dtype = to_dtype(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
            array_value(a.astype(&dtype).map_err(np_error)?)
        }
        "copy" => array_value(a.copy()),
        "ravel" => array_value(a.ravel()),
        "flatten" => array_value(a.flatten()),
        "transpose" => array_value(a.t()),
        "tolist" => from_py_value(a.tolist()),
        "tobytes" => Value::bytes(a.tobytes().map_err(np_error)?),
        "item" => match args.positional.first() {
            None => super::scalar::scalar_or_value(crate::numpy::array::to_python_scalar(a.item().map_err(np_error)?)),
            Some(i) => {
                let i = int_arg(vm, i, "an integer is required")?;
                from_py_value(crate::numpy::array::to_python_scalar(a.item_at(i as isize).map_err(np_error)?))
            }
        },
        "fill" => {
            let v = args.positional.first().cloned().unwrap_or(Value::None);
            let v = to_py_value(vm, &v)?;
            a.fill(&v).map_err(np_error)?;
            Value::None
        }
        "cumsum" => {
            let slots = bind("cumsum", args, &["axis"], 0)?;
            let axis = match &slots[0] {
                None | Some(Value::None) => None,
                Some(v) => Some(int_arg(vm, v, "an integer is required")? as isize),
            };
            array_value(reduce::cumulative(a, Reduction::Sum, axis).map_err(np_error)?)
        }
        _ => return Err(Exc::not_implemented(format!("numpy.ndarray.{name}"))),
    })
}

impl PyObject for ArrayObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        super::dtype::ndarray_type()
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.array.repr(&print_options(vm)))
    }

    fn str(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(self.array.str(&print_options(vm)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let a = &self.array;
        Ok(Some(match name {
            "shape" => shape_tuple(a.shape()),
            "dtype" => dtype_value(a.dtype().clone()),
            "ndim" => Value::Int(a.ndim() as i64),
            "size" => Value::Int(a.size() as i64),
            "nbytes" => Value::Int(a.nbytes() as i64),
            "itemsize" => Value::Int(a.itemsize() as i64),
            "T" => array_value(a.t()),
            "strides" => Value::tuple(a.strides().into_iter().map(|s| Value::Int(s as i64 * a.itemsize() as i64)).collect()),
            _ if METHODS.contains(&name) => NativeMethod::value(this, name, method),
            _ => return Ok(None),
        }))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(["T", "dtype", "itemsize", "nbytes", "ndim", "shape", "size", "strides"].iter().map(|s| s.to_string()));
        names
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        self.array.len().map(Some).map_err(np_error)
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        self.array.truthy().map(Some).map_err(np_error)
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Str(field) = key {
            return Ok(array_value(self.array.field(field).map_err(np_error)?));
        }
        let items = index_items(vm, key)?;
        Ok(from_py_value(self.array.getitem(&items).map_err(np_error)?))
    }

    fn setitem(&self, vm: &mut Interp, _this: &Value, key: &Value, value: Value) -> PyResult<()> {
        let value = to_py_value(vm, &value)?;
        if let Value::Str(field) = key {
            return self.array.set_field(field, &value).map_err(np_error);
        }
        let items = index_items(vm, key)?;
        self.array.setitem(&items, &value).map_err(np_error)
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let items: Vec<Value> = self.array.iter_axis0().map_err(np_error)?.into_iter().map(from_py_value).collect();
        let mut iter = vm.iterate(&Value::list(items))?;
        Ok(crate::value::iter::NativeIterator::value("iterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        let item = to_py_value(vm, item)?;
        Ok(Some(self.array.contains(&item)))
    }

    fn binary_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let Some(np_op) = np_binop(op) else { return Ok(None) };
        if !is_operand(other) {
            return Ok(None);
        }
        let (a, b) = if reflected { (other, this) } else { (this, other) };
        binary(vm, np_op, a, b).map(Some)
    }

    fn inplace_op(&self, vm: &mut Interp, this: &Value, op: BinOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(np_op) = np_binop(op) else { return Ok(None) };
        let arg = to_arg(vm, other)?;
        ops::binary_inplace(np_op, &self.array, &arg).map_err(np_error)?;
        Ok(Some(this.clone()))
    }

    fn unary_op(&self, vm: &mut Interp, this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        let np_op = match op {
            UnaryOp::Neg => ops::UnaryOp::Neg,
            UnaryOp::Pos => ops::UnaryOp::Pos,
            UnaryOp::Invert => ops::UnaryOp::Invert,
            UnaryOp::Not => return Ok(None),
        };
        let arg = to_arg(vm, this)?;
        Ok(Some(from_py_value(ops::unary(np_op, &arg).map_err(np_error)?)))
    }

    fn compare(&self, vm: &mut Interp, this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(np_op) = np_cmpop(op) else { return Ok(None) };
        if !is_operand(other) {
            return Ok(None);
        }
        binary(vm, np_op, this, other).map(Some)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        None
    }
}
