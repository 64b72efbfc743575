//! Callables implemented in Rust: builtin functions (`len`, `h5py.h5g.open`) and
//! methods bound to a receiver (`"abc".upper`, `dset.id.get_storage_size`).

use std::any::Any;
use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::object::{address, Args, PyObject};
use super::types::{builtin, type_of, TypeObject};
use super::Value;
use crate::eval::Interp;

/// The body of a builtin function.
pub type NativeFn = Rc<dyn Fn(&mut Interp, Args) -> PyResult<Value>>;

/// The body of a method: receives the receiver, the method name, and the arguments.
pub type MethodFn = fn(&mut Interp, &Value, &str, Args) -> PyResult<Value>;

/// Help text for `obj?`: a signature line and a docstring.
#[derive(Debug, Clone, Default)]
pub struct Help {
    /// `f(a, b=1)` as `inspect.signature` would show it.
    pub signature: Option<String>,
    /// The docstring.
    pub doc: Option<String>,
}

/// A builtin function: `<built-in function len>`.
pub struct BuiltinFunction {
    /// `__name__`.
    pub name: String,
    /// `__module__` (`None` for builtins shown without one).
    pub module: Option<String>,
    /// The body.
    pub func: NativeFn,
    /// Help for `obj?`.
    pub help: Help,
}

impl BuiltinFunction {
    /// A builtin function value.
    pub fn value(name: &str, func: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static) -> Value {
        Value::object(BuiltinFunction { name: name.to_string(), module: None, func: Rc::new(func), help: Help::default() })
    }

    /// A builtin function value with help text.
    pub fn with_help(
        name: &str,
        module: Option<&str>,
        help: Help,
        func: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static,
    ) -> Value {
        Value::object(BuiltinFunction {
            name: name.to_string(),
            module: module.map(str::to_string),
            func: Rc::new(func),
            help,
        })
    }
}

impl BuiltinFunction {
    /// The name builtin tables know it by: `len`, `math.sqrt`, `posixpath.join`.
    fn table_name(&self) -> String {
        match &self.module {
            Some(m) if m != "builtins" => format!("{m}.{}", self.name),
            _ => self.name.clone(),
        }
    }

    /// Its text signature (`(obj, /)`), if it has one.
    pub fn signature(&self) -> Option<String> {
        self.help.signature.clone().or_else(|| {
            super::signatures::lookup(&self.table_name()).and_then(|(s, _)| s.map(str::to_string))
        })
    }

    /// Its docstring.
    pub fn docstring(&self) -> Option<String> {
        self.help.doc.clone().or_else(|| {
            super::signatures::lookup(&self.table_name()).and_then(|(_, d)| d.map(str::to_string))
        })
    }
}

impl PyObject for BuiltinFunction {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.builtin_function.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<built-in function {}>", self.name))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str(&self.name)),
            "__module__" => Some(self.module.as_deref().map_or(Value::None, Value::str)),
            "__doc__" => Some(self.docstring().map_or(Value::None, Value::str)),
            "__text_signature__" => Some(self.signature().map_or(Value::None, Value::str)),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, _this: &Value, args: Args) -> PyResult<Value> {
        (self.func)(vm, args)
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn doc(&self) -> Option<String> {
        self.docstring()
    }
}

/// A method of a native object bound to its receiver:
/// `<built-in method upper of str object at 0x...>`.
pub struct NativeMethod {
    /// The object the method was looked up on.
    pub receiver: Value,
    /// The method's name.
    pub name: Rc<str>,
    /// The type's method dispatcher.
    pub call: MethodFn,
}

impl NativeMethod {
    /// A bound method value.
    pub fn value(receiver: &Value, name: &str, call: MethodFn) -> Value {
        Value::object(NativeMethod { receiver: receiver.clone(), name: Rc::from(name), call })
    }
}

impl PyObject for NativeMethod {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.builtin_function.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!(
            "<built-in method {} of {} object at {}>",
            self.name,
            type_of(&self.receiver).qualified_name(),
            address(&self.receiver)
        ))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str(&*self.name)),
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
}

/// Checks a builtin's positional argument count, with CPython's wording:
/// `len() takes exactly one argument (2 given)`-style messages are the caller's; this
/// one produces `name() takes from min to max positional arguments but n were given`.
pub fn check_arity(name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.positional.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let message = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(Exc::type_error(message))
}

/// Refuses keyword arguments, as most builtins do.
pub fn no_keywords(name: &str, args: &Args) -> PyResult<()> {
    if args.keywords.is_empty() {
        Ok(())
    } else {
        Err(Exc::type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Binds arguments to named parameters (positional or keyword), for builtins that
/// accept keywords. `required` parameters come first. Returns one slot per parameter.
pub fn bind(name: &str, args: Args, params: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let mut slots: Vec<Option<Value>> = vec![None; params.len()];
    if args.positional.len() > params.len() {
        return Err(Exc::type_error(format!(
            "{name}() takes at most {} argument{} ({} given)",
            params.len(),
            if params.len() == 1 { "" } else { "s" },
            args.positional.len()
        )));
    }
    for (slot, value) in slots.iter_mut().zip(args.positional) {
        *slot = Some(value);
    }
    for (key, value) in args.keywords {
        let Some(index) = params.iter().position(|p| **p == *key) else {
            return Err(Exc::type_error(format!("{name}() got an unexpected keyword argument '{key}'")));
        };
        if slots[index].is_some() {
            return Err(Exc::type_error(format!("argument for {name}() given by name ('{key}') and position ({})", index + 1)));
        }
        slots[index] = Some(value);
    }
    if let Some(missing) = slots[..required].iter().position(Option::is_none) {
        return Err(Exc::type_error(format!(
            "{name}() missing required argument '{}' (pos {})",
            params[missing],
            missing + 1
        )));
    }
    Ok(slots)
}
