//! What h5py's Python-level methods look like from outside: bound methods
//! (`<bound method Group.create_group of <HDF5 group "/" (0 members)>>`) and the
//! generators its `__iter__`/`__reversed__` return
//! (`<generator object Group.__iter__ at 0x...>`).

use std::any::Any;
use std::rc::Rc;

use crate::eval::Interp;
use crate::value::exception::PyResult;
use crate::value::function::MethodFn;
use crate::value::object::{address, Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// A Python method bound to a high-level object.
pub struct BoundMethod {
    receiver: Value,
    name: Rc<str>,
    qualname: String,
    call: MethodFn,
}

/// A bound method `receiver.name`, shown as `<bound method {qualname} of ...>`;
/// calling it runs `call(vm, receiver, name, args)`.
pub fn bound(receiver: &Value, name: &str, qualname: String, call: MethodFn) -> Value {
    Value::object(BoundMethod { receiver: receiver.clone(), name: Rc::from(name), qualname, call })
}

impl PyObject for BoundMethod {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.method.clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<bound method {} of {}>", self.qualname, vm.repr(&self.receiver)?))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&*self.name)),
            "__qualname__" => Some(Value::str(&self.qualname)),
            "__self__" => Some(self.receiver.clone()),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        (self.call)(vm, &self.receiver, &self.name, args)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        Some((self.receiver.identity() >> 4) as i64 ^ self.name.len() as i64)
    }
}

/// A generator with a name (`Group.__iter__`), wrapping any iterator.
pub struct NamedGenerator {
    qualname: &'static str,
    inner: Value,
}

thread_local! {
    static GENERATOR: Rc<TypeObject> = TypeObject::new("generator", "builtins", vec![builtin(|t| t.object.clone())], None);
}

/// A generator value named `qualname` that yields what `inner` (an iterator) yields.
pub fn generator(qualname: &'static str, inner: Value) -> Value {
    Value::object(NamedGenerator { qualname, inner })
}

impl PyObject for NamedGenerator {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        GENERATOR.with(|g| g.clone())
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("<generator object {} at {}>", self.qualname, address(this)))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Ok(this.clone())
    }

    fn next(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<Value>> {
        match &self.inner {
            Value::Object(o) => o.next(vm, &self.inner),
            _ => Ok(None),
        }
    }

    fn is_iterator(&self) -> bool {
        true
    }
}
