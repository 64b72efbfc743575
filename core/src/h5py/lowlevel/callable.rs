//! h5py's callables as Cython makes them: module functions and methods read off a class
//! are `cython_function_or_method` objects (`<cyfunction open at 0x...>`), methods read
//! off an instance are bound `method`s (`<bound method DatasetID.get_storage_size of
//! <h5py.h5d.DatasetID object at 0x...>>`). Each carries h5py's signature and docstring
//! from the recorded API, plus the HDF5 C function it wraps, for `obj?`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::api::{ClassEntry, FnEntry};
use crate::eval::Interp;
use crate::inspect::info::cleandoc;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// The body of a low-level module function.
pub type FunctionBody = fn(&mut Interp, Args) -> PyResult<Value>;

/// What calling a [`CyFunction`] does.
#[derive(Clone)]
enum Body {
    /// A module function implemented in Rust.
    Function(FunctionBody),
    /// A method read off its class: the first argument is the instance.
    Unbound(&'static ClassEntry, String),
    /// A function h5lab does not implement (raises NotImplementedError).
    Missing,
}

/// A Cython function: a module function, or a method read off its class.
pub struct CyFunction {
    module: String,
    qualname: String,
    entry: Option<&'static FnEntry>,
    body: Body,
}

thread_local! {
    static CYFUNCTION_TYPE: Rc<TypeObject> = TypeObject::new(
        "cython_function_or_method",
        "_cython_3_2_4",
        vec![builtin(|t| t.object.clone())],
        None,
    );
}

impl CyFunction {
    /// A module function of `module` (`h5py.h5d`); `body` `None` for one h5lab lacks.
    pub fn function(module: &str, name: &str, entry: Option<&'static FnEntry>, body: Option<FunctionBody>) -> Value {
        Value::object(CyFunction {
            module: module.to_string(),
            qualname: name.to_string(),
            entry,
            body: body.map_or(Body::Missing, Body::Function),
        })
    }

    /// A method of `class` read off the class itself (`h5py.h5d.DatasetID.read`).
    pub fn unbound(class: &'static ClassEntry, name: &str, entry: &'static FnEntry) -> Value {
        Value::object(CyFunction {
            module: class.module.clone(),
            qualname: format!("{}.{name}", class.name),
            entry: Some(entry),
            body: Body::Unbound(class, name.to_string()),
        })
    }

    fn name(&self) -> &str {
        self.qualname.rsplit('.').next().unwrap_or(&self.qualname)
    }
}

/// The docstring `obj?` shows: h5py's, cleaned as `inspect.getdoc` cleans it, then a
/// line naming the HDF5 C function behind it.
pub fn help_doc(entry: Option<&FnEntry>) -> Option<String> {
    let entry = entry?;
    let doc = entry.doc.as_deref().map(cleandoc);
    match (&doc, &entry.c) {
        (Some(d), Some(c)) => Some(format!("{d}\n\nHDF5 C API: {c}")),
        (None, Some(c)) => Some(format!("HDF5 C API: {c}")),
        _ => doc,
    }
}

impl PyObject for CyFunction {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        CYFUNCTION_TYPE.with(Rc::clone)
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(format!("<cyfunction {} at {}>", self.qualname, crate::value::object::address(this)))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(self.name())),
            "__qualname__" => Some(Value::str(&self.qualname)),
            "__module__" => Some(Value::str(&self.module)),
            "__doc__" => Some(self.entry.and_then(|e| e.doc.as_deref()).map_or(Value::None, Value::str)),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, mut args: Args) -> PyResult<Value> {
        match &self.body {
            Body::Function(f) => f(vm, args),
            Body::Missing => Err(Exc::not_implemented(format!("{}.{} is not implemented in h5lab", self.module, self.qualname))),
            Body::Unbound(class, name) => {
                if args.positional.is_empty() {
                    return Err(Exc::type_error(format!("{name}() needs an argument")));
                }
                let receiver = args.positional.remove(0);
                super::dispatch::call_method(vm, &receiver, class, name, args)
            }
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn doc(&self) -> Option<String> {
        help_doc(self.entry)
    }

    fn signature_params(&self) -> Option<Vec<String>> {
        self.entry.and_then(|e| e.params.clone())
    }

    fn call_signature_params(&self) -> Option<Vec<String>> {
        Some(vec!["*args".into(), "**kwargs".into()])
    }
}

/// A method bound to an instance.
pub struct BoundMethod {
    /// The instance (an identifier, a link proxy, ...).
    pub receiver: Value,
    /// The class that defines the method.
    pub class: &'static ClassEntry,
    /// The method's name.
    pub name: String,
    /// Its recorded signature and docstring.
    pub entry: &'static FnEntry,
}

impl BoundMethod {
    /// `receiver.name`, defined by `class`.
    pub fn value(receiver: &Value, class: &'static ClassEntry, name: &str, entry: &'static FnEntry) -> Value {
        Value::object(BoundMethod { receiver: receiver.clone(), class, name: name.to_string(), entry })
    }
}

impl PyObject for BoundMethod {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.method.clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let receiver = vm.repr(&self.receiver)?;
        Ok(format!("<bound method {}.{} of {receiver}>", self.class.name, self.name))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&self.name)),
            "__qualname__" => Some(Value::str(format!("{}.{}", self.class.name, self.name))),
            "__module__" => Some(Value::str(&self.class.module)),
            "__self__" => Some(self.receiver.clone()),
            "__func__" => Some(CyFunction::unbound(self.class, &self.name, self.entry)),
            "__doc__" => Some(self.entry.doc.as_deref().map_or(Value::None, Value::str)),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        super::dispatch::call_method(vm, &self.receiver, self.class, &self.name, args)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn doc(&self) -> Option<String> {
        help_doc(Some(self.entry))
    }

    fn signature_params(&self) -> Option<Vec<String>> {
        // A bound method's signature drops `self`.
        self.entry.params.as_ref().map(|p| p.iter().skip(1).cloned().collect())
    }

    fn is_routine(&self) -> bool {
        true
    }

    fn same_object(&self, other: &dyn PyObject) -> bool {
        other.as_any().downcast_ref::<BoundMethod>().is_some_and(|o| {
            o.name == self.name && o.class.qualname == self.class.qualname && o.receiver.is(&self.receiver)
        })
    }
}

/// A property read off its class: `<attribute 'shape' of 'h5py.h5d.DatasetID' objects>`.
pub struct GetSetDescriptor {
    class: &'static ClassEntry,
    name: String,
    doc: Option<String>,
}

thread_local! {
    static GETSET_TYPE: RefCell<Option<Rc<TypeObject>>> = const { RefCell::new(None) };
}

impl GetSetDescriptor {
    /// The descriptor of property `name` of `class`.
    pub fn value(class: &'static ClassEntry, name: &str, doc: Option<String>) -> Value {
        Value::object(GetSetDescriptor { class, name: name.to_string(), doc })
    }
}

impl PyObject for GetSetDescriptor {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        GETSET_TYPE.with(|t| {
            t.borrow_mut()
                .get_or_insert_with(|| {
                    TypeObject::new("getset_descriptor", "builtins", vec![builtin(|b| b.object.clone())], None)
                })
                .clone()
        })
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<attribute '{}' of '{}' objects>", self.name, self.class.qualname))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&self.name)),
            "__doc__" => Some(self.doc.as_deref().map_or(Value::None, Value::str)),
            _ => None,
        })
    }

    fn doc(&self) -> Option<String> {
        self.doc.clone()
    }
}
