//! `h5py.Empty`: what h5py gives for data of a null dataspace (a dtype and no shape),
//! and what makes one when stored (`f.attrs['x'] = h5py.Empty('f4')`).

use std::any::Any;
use std::rc::Rc;

use crate::eval::Interp;
use crate::h5py::pyargs::method;
use crate::numpy::DType;
use crate::numpy_py::dtype::dtype_value;
use crate::syntax::ast::CmpOp;
use crate::value::exception::PyResult;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// An `Empty(dtype)` value.
pub struct Empty {
    /// Its dtype.
    pub dtype: DType,
}

thread_local! {
    static CLASS: Rc<TypeObject> = TypeObject::new("Empty", "h5py._hl.base", vec![builtin(|t| t.object.clone())], Some(construct));
}

/// The `h5py.Empty` class.
pub fn class() -> Rc<TypeObject> {
    CLASS.with(|c| c.clone())
}

/// An `Empty` of `dtype`.
pub fn value(dtype: DType) -> Value {
    Value::object(Empty { dtype })
}

fn construct(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let b = method("Empty.__init__", args, &["dtype"], 1)?;
    let dtype = crate::numpy_py::to_dtype(vm, b.req(0))?;
    Ok(value(dtype))
}

impl PyObject for Empty {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class()
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("Empty(dtype={})", self.dtype.repr()))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "dtype" => Some(dtype_value(self.dtype.clone())),
            "shape" | "size" => Some(Value::None),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        vec!["dtype".into(), "shape".into(), "size".into()]
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let equal = other.downcast::<Empty>().is_some_and(|o| o.dtype == self.dtype);
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        // h5py's Empty defines __eq__ without __hash__: unhashable.
        None
    }
}
