//! `PyObject`: the data model every non-builtin value implements (modules, functions,
//! exceptions, iterators, NumPy arrays, h5py objects, ...).
//!
//! Each hook mirrors a Python special method and has a default that behaves as
//! `object` does (raising the TypeError or AttributeError CPython raises), so an
//! implementation only writes what its type supports.

use std::any::Any;
use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::types::TypeObject;
use super::Value;
use crate::eval::Interp;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// Arguments of a call: positional values and keyword pairs, in call order.
#[derive(Default, Clone, Debug)]
pub struct Args {
    /// Positional arguments (after `*` unpacking).
    pub positional: Vec<Value>,
    /// Keyword arguments (after `**` unpacking), in order.
    pub keywords: Vec<(Rc<str>, Value)>,
}

impl Args {
    /// Positional arguments only.
    pub fn positional(values: Vec<Value>) -> Args {
        Args { positional: values, keywords: Vec::new() }
    }

    /// No arguments.
    pub fn none() -> Args {
        Args::default()
    }
}

/// The Python data model for values outside the builtin enum variants.
pub trait PyObject: Any {
    /// Access for downcasting.
    fn as_any(&self) -> &dyn Any;

    /// The object's class.
    fn class(&self) -> Rc<TypeObject>;

    /// `type(x).__name__`, shortcut for messages.
    fn type_name(&self) -> String {
        self.class().name.clone()
    }

    /// `repr(x)`. The default is `object.__repr__`: `<module.Class object at 0x...>`.
    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(default_repr(&self.class(), this))
    }

    /// `str(x)`; defaults to `repr`.
    fn str(&self, vm: &mut Interp, this: &Value) -> PyResult<String> {
        self.repr(vm, this)
    }

    /// Whether the object has its own `__repr__` (else IPython's pretty printer shows
    /// `<module.Class at 0x...>` for it).
    fn has_custom_repr(&self) -> bool {
        true
    }

    /// Extra MIME representations for rich front ends (`text/html`, ...).
    fn mime_bundle(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Vec<(String, String)>> {
        Ok(Vec::new())
    }

    /// `getattr(x, name)`; `Ok(None)` means "no such attribute" (the caller raises
    /// AttributeError with CPython's text).
    fn getattr(&self, _vm: &mut Interp, _this: &Value, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `setattr(x, name, value)`.
    fn setattr(&self, _vm: &mut Interp, this: &Value, name: &str, _value: Value) -> PyResult<()> {
        Err(Exc::attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_display_name(this)
        )))
    }

    /// `delattr(x, name)`.
    fn delattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<()> {
        Err(Exc::attribute_error(format!("'{}' object has no attribute '{name}'", type_display_name(this))))
    }

    /// Attribute names for `dir()` and completion.
    fn dir(&self) -> Vec<String> {
        Vec::new()
    }

    /// `x(*args, **kwargs)`.
    fn call(&self, _vm: &mut Interp, this: &Value, _args: Args) -> PyResult<Value> {
        Err(Exc::type_error(format!("'{}' object is not callable", type_display_name(this))))
    }

    /// Whether the object is callable (`callable(x)`).
    fn is_callable(&self) -> bool {
        false
    }

    /// `x[key]`.
    fn getitem(&self, _vm: &mut Interp, this: &Value, _key: &Value) -> PyResult<Value> {
        Err(Exc::type_error(format!("'{}' object is not subscriptable", type_display_name(this))))
    }

    /// `x[key] = value`.
    fn setitem(&self, _vm: &mut Interp, this: &Value, _key: &Value, _value: Value) -> PyResult<()> {
        Err(Exc::type_error(format!(
            "'{}' object does not support item assignment",
            type_display_name(this)
        )))
    }

    /// `del x[key]`.
    fn delitem(&self, _vm: &mut Interp, this: &Value, _key: &Value) -> PyResult<()> {
        Err(Exc::type_error(format!("'{}' object does not support item deletion", type_display_name(this))))
    }

    /// `iter(x)`: an iterator object.
    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Err(Exc::type_error(format!("'{}' object is not iterable", type_display_name(this))))
    }

    /// `next(x)` for iterators: `Ok(None)` when exhausted.
    fn next(&self, _vm: &mut Interp, this: &Value) -> PyResult<Option<Value>> {
        Err(Exc::type_error(format!("'{}' object is not an iterator", type_display_name(this))))
    }

    /// Whether `next` is supported (`__next__` exists).
    fn is_iterator(&self) -> bool {
        false
    }

    /// `len(x)`; `None` if the type has no length.
    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(None)
    }

    /// `item in x`; `None` to fall back to iteration.
    fn contains(&self, _vm: &mut Interp, _this: &Value, _item: &Value) -> PyResult<Option<bool>> {
        Ok(None)
    }

    /// `bool(x)`; `None` to fall back to `len` and then to True.
    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(None)
    }

    /// `x op other` (or `other op x` when `reflected`): `Ok(None)` is NotImplemented.
    fn binary_op(&self, _vm: &mut Interp, _this: &Value, _op: BinOp, _other: &Value, _reflected: bool) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `x op= other`: `Ok(None)` falls back to `binary_op`.
    fn inplace_op(&self, _vm: &mut Interp, _this: &Value, _op: BinOp, _other: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `op x`: `Ok(None)` means unsupported.
    fn unary_op(&self, _vm: &mut Interp, _this: &Value, _op: UnaryOp) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// Rich comparison `x op other`: `Ok(None)` is NotImplemented (identity is used
    /// for `==`/`!=` then).
    fn compare(&self, _vm: &mut Interp, _this: &Value, _op: CmpOp, _other: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }

    /// `hash(x)`; `None` means unhashable. The default hashes by identity.
    fn hash(&self, this: &Value) -> Option<i64> {
        Some((this.identity() >> 4) as i64)
    }

    /// `with x:` entry: the value bound by `as`.
    fn enter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Err(Exc::type_error(format!(
            "'{}' object does not support the context manager protocol",
            type_display_name(this)
        )))
    }

    /// `with` exit; returns true to suppress the exception.
    fn exit(&self, _vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        Ok(false)
    }

    /// Whether `with` is supported.
    fn is_context_manager(&self) -> bool {
        false
    }

    /// `int(x)` / `operator.index(x)` for int-like objects (NumPy integer scalars).
    fn as_index(&self) -> Option<Value> {
        None
    }

    /// `float(x)` for float-like objects (NumPy float scalars).
    fn as_float(&self) -> Option<f64> {
        None
    }

    /// `int(x)` through the object's own `__int__`, which may raise (NumPy arrays:
    /// only 0-d ones convert); `None` falls back to [`PyObject::as_index`] and
    /// [`PyObject::as_float`].
    fn int_value(&self, _vm: &mut Interp, _this: &Value) -> Option<PyResult<Value>> {
        None
    }

    /// `float(x)` through the object's own `__float__`, which may raise; `None` falls
    /// back to [`PyObject::as_float`] and [`PyObject::as_index`].
    fn float_value(&self, _vm: &mut Interp, _this: &Value) -> Option<PyResult<f64>> {
        None
    }

    /// Identity beyond `Rc` sharing: two handles of one underlying object (h5py ids).
    fn same_object(&self, _other: &dyn PyObject) -> bool {
        false
    }

    /// Docstring for `obj?` help.
    fn doc(&self) -> Option<String> {
        None
    }

    /// Whether two distinct objects are the same dict key or set member: `==` for
    /// objects whose equality needs no Python code (h5py's identifiers of one HDF5
    /// object). Identity (`is`) is [`PyObject::same_object`].
    fn key_equals(&self, _other: &dyn PyObject) -> bool {
        false
    }

    /// The TypeError text of `hash(x)` for an unhashable object whose class raises its
    /// own (h5py's `Property lists are unhashable`); `None` for CPython's default.
    fn unhashable_error(&self) -> Option<String> {
        None
    }

    /// The parameters `obj?` shows in `Signature:`, for objects that carry their own
    /// (h5py's Cython functions), each as `inspect.signature` renders it.
    fn signature_params(&self) -> Option<Vec<String>> {
        None
    }

    /// Whether IPython lays the object out as a routine (a function, method or
    /// builtin: `Signature`/`Docstring`/`Type`) rather than as a general object.
    fn is_routine(&self) -> bool {
        false
    }

    /// The parameters of `Call signature:`, for callables IPython lays out as general
    /// objects (a Cython function's `__call__`: `*args, **kwargs`).
    fn call_signature_params(&self) -> Option<Vec<String>> {
        None
    }

    /// The keys offered when completing `x['...` (IPython's
    /// `_ipython_key_completions_`), e.g. an h5py group's member names.
    fn completion_keys(&self, _vm: &mut Interp) -> Vec<String> {
        Vec::new()
    }
}

/// `type(x).__name__` for any value, for error messages.
pub fn type_display_name(value: &Value) -> String {
    super::types::type_of(value).message_name()
}

/// `object.__repr__`: `<module.Qualname object at 0x7f...>`.
pub fn default_repr(class: &TypeObject, this: &Value) -> String {
    format!("<{} object at {}>", class.qualified_name(), address(this))
}

/// A stable, CPython-looking address for a value (`0x7f...`), as shown in default
/// reprs: 12 hex digits, like a 64-bit Linux heap address.
pub fn address(value: &Value) -> String {
    format!("0x{:012x}", 0x7f00_0000_0000usize | (value.identity() & 0x00ff_ffff_ffff))
}
