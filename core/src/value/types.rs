//! Type objects: `type(x)`, `isinstance`, class attributes, and the builtin types.
//!
//! Types are values too (`int`, `KeyError`, `h5py.Dataset`). Each is a [`TypeObject`]
//! with a name, a module, bases (for `isinstance` and `except` matching), an optional
//! constructor (calling the type) and class attributes. The builtin types live in a
//! per-thread registry: everything runs on the HDF5 owner thread.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::object::{Args, PyObject};
use super::Value;
use crate::eval::Interp;

/// What calling a type does: receives the type itself, so one function can construct
/// several classes (all exception classes share one).
pub type Constructor = fn(&mut Interp, &Rc<TypeObject>, Args) -> PyResult<Value>;

/// A class.
pub struct TypeObject {
    /// `__name__`, e.g. `DatasetID`.
    pub name: String,
    /// `__module__`, e.g. `h5py.h5d` (`builtins` for builtin types).
    pub module: String,
    /// Direct base classes, in order.
    pub bases: Vec<Rc<TypeObject>>,
    /// What calling the type does; `None` means it cannot be instantiated from Python.
    pub constructor: Option<Constructor>,
    /// Class attributes (methods callable on the class, constants), in definition order.
    pub attributes: RefCell<Vec<(String, Value)>>,
    /// Docstring.
    pub doc: Option<String>,
    /// Whether CPython would know this class by its C `tp_name` (`numpy.ndarray`,
    /// `h5py.h5d.DatasetID`): error messages then name it `module.name`.
    pub extension: std::cell::Cell<bool>,
}

impl TypeObject {
    /// A new class.
    pub fn new(name: &str, module: &str, bases: Vec<Rc<TypeObject>>, constructor: Option<Constructor>) -> Rc<TypeObject> {
        Rc::new(TypeObject {
            name: name.to_string(),
            module: module.to_string(),
            bases,
            constructor,
            attributes: RefCell::new(Vec::new()),
            doc: None,
            extension: std::cell::Cell::new(false),
        })
    }

    /// A class of a C extension (see [`TypeObject::extension`]).
    pub fn new_extension(name: &str, module: &str, bases: Vec<Rc<TypeObject>>, constructor: Option<Constructor>) -> Rc<TypeObject> {
        let t = TypeObject::new(name, module, bases, constructor);
        t.extension.set(true);
        t
    }

    /// The name error messages use: `tp_name` (`numpy.ndarray`) for extension
    /// classes, `__name__` otherwise.
    pub fn message_name(&self) -> String {
        if self.extension.get() {
            self.qualified_name()
        } else {
            self.name.clone()
        }
    }

    /// `module.name`, or just `name` for builtins (as `repr` of the class shows it).
    pub fn qualified_name(&self) -> String {
        if self.module == "builtins" {
            self.name.clone()
        } else {
            format!("{}.{}", self.module, self.name)
        }
    }

    /// Whether this class is `other` or derives from it.
    pub fn is_subclass(&self, other: &TypeObject) -> bool {
        std::ptr::eq(self, other) || self.bases.iter().any(|b| b.is_subclass(other))
    }

    /// The method resolution order (depth-first, left to right, duplicates removed —
    /// enough for the single-inheritance hierarchies h5lab defines).
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<TypeObject>> {
        let mut out: Vec<Rc<TypeObject>> = vec![self.clone()];
        for base in &self.bases {
            for t in base.mro() {
                if !out.iter().any(|o| Rc::ptr_eq(o, &t)) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// Sets a class attribute.
    pub fn set_attribute(&self, name: &str, value: Value) {
        let mut attrs = self.attributes.borrow_mut();
        match attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => attrs.push((name.to_string(), value)),
        }
    }

    /// A class attribute, searched along the bases.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some((_, v)) = self.attributes.borrow().iter().find(|(n, _)| n == name) {
            return Some(v.clone());
        }
        self.bases.iter().find_map(|b| b.lookup(name))
    }
}

impl PyObject for TypeObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.type_.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<class '{}'>", self.qualified_name()))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str(&self.name)),
            "__module__" => Some(Value::str(&self.module)),
            "__doc__" => Some(self.doc.as_deref().map_or(Value::None, Value::str)),
            "__bases__" => Some(Value::tuple(self.bases.iter().map(|b| Value::Object(b.clone())).collect())),
            "__mro__" => as_type(this).map(|me| Value::tuple(me.mro().into_iter().map(|t| Value::Object(t)).collect())),
            _ => self.lookup(name),
        })
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = self.attributes.borrow().iter().map(|(n, _)| n.clone()).collect();
        for base in &self.bases {
            names.extend(base.dir());
        }
        names.sort();
        names.dedup();
        names
    }

    fn call(&self, vm: &mut Interp, this: &Value, args: Args) -> PyResult<Value> {
        let Some(me) = as_type(this) else {
            return Err(Exc::new(super::exception::ExcKind::SystemError, "type call on a value that is not a type"));
        };
        match self.constructor {
            Some(construct) => construct(vm, &me, args),
            None => Err(Exc::type_error(format!("cannot create '{}' instances", self.qualified_name()))),
        }
    }

    fn is_callable(&self) -> bool {
        true
    }

    fn hash(&self, this: &Value) -> Option<i64> {
        Some((this.identity() >> 4) as i64)
    }

    fn doc(&self) -> Option<String> {
        self.doc.clone()
    }
}

/// The `Rc<TypeObject>` inside an object value, if it is a type.
pub fn downcast_type(obj: &Rc<dyn PyObject>) -> Option<Rc<TypeObject>> {
    if obj.as_any().is::<TypeObject>() {
        let any: Rc<dyn Any> = obj.clone().into_any_rc();
        any.downcast::<TypeObject>().ok()
    } else {
        None
    }
}

/// Upcasting an `Rc<dyn PyObject>` to `Rc<dyn Any>` (for `Rc::downcast`).
pub trait IntoAnyRc {
    /// The same allocation as `Rc<dyn Any>`.
    fn into_any_rc(self) -> Rc<dyn Any>;
}

impl IntoAnyRc for Rc<dyn PyObject> {
    fn into_any_rc(self) -> Rc<dyn Any> {
        self
    }
}

/// The builtin types, created once per thread.
pub struct BuiltinTypes {
    /// `type`.
    pub type_: Rc<TypeObject>,
    /// `object`.
    pub object: Rc<TypeObject>,
    /// `NoneType`.
    pub none: Rc<TypeObject>,
    /// `bool`.
    pub bool_: Rc<TypeObject>,
    /// `int`.
    pub int: Rc<TypeObject>,
    /// `float`.
    pub float: Rc<TypeObject>,
    /// `complex`.
    pub complex: Rc<TypeObject>,
    /// `str`.
    pub str_: Rc<TypeObject>,
    /// `bytes`.
    pub bytes: Rc<TypeObject>,
    /// `bytearray`.
    pub bytearray: Rc<TypeObject>,
    /// `tuple`.
    pub tuple: Rc<TypeObject>,
    /// `list`.
    pub list: Rc<TypeObject>,
    /// `dict`.
    pub dict: Rc<TypeObject>,
    /// `set`.
    pub set: Rc<TypeObject>,
    /// `frozenset`.
    pub frozenset: Rc<TypeObject>,
    /// `range`.
    pub range: Rc<TypeObject>,
    /// `slice`.
    pub slice: Rc<TypeObject>,
    /// `function`.
    pub function: Rc<TypeObject>,
    /// `builtin_function_or_method`.
    pub builtin_function: Rc<TypeObject>,
    /// `method`.
    pub method: Rc<TypeObject>,
    /// `generator`.
    pub generator: Rc<TypeObject>,
    /// `module`.
    pub module: Rc<TypeObject>,
    /// `ellipsis`.
    pub ellipsis: Rc<TypeObject>,
    /// `NotImplementedType`.
    pub not_implemented: Rc<TypeObject>,
}

thread_local! {
    static BUILTINS: BuiltinTypes = make_builtin_types();
}

/// Runs `f` with the builtin types of this thread.
pub fn builtin<R>(f: impl FnOnce(&BuiltinTypes) -> R) -> R {
    BUILTINS.with(f)
}

fn make_builtin_types() -> BuiltinTypes {
    use crate::eval::constructors as c;
    let object = TypeObject::new("object", "builtins", vec![], Some(c::object));
    let ty = |name: &str, ctor: Option<Constructor>| TypeObject::new(name, "builtins", vec![object.clone()], ctor);
    let int = ty("int", Some(c::int));
    BuiltinTypes {
        type_: ty("type", Some(c::type_)),
        none: ty("NoneType", Some(c::none_type)),
        bool_: TypeObject::new("bool", "builtins", vec![int.clone()], Some(c::bool_)),
        float: ty("float", Some(c::float)),
        complex: ty("complex", Some(c::complex)),
        str_: ty("str", Some(c::str_)),
        bytes: ty("bytes", Some(c::bytes)),
        bytearray: ty("bytearray", Some(super::bytearray::construct)),
        tuple: ty("tuple", Some(c::tuple)),
        list: ty("list", Some(c::list)),
        dict: ty("dict", Some(c::dict)),
        set: ty("set", Some(c::set)),
        frozenset: ty("frozenset", Some(c::frozenset)),
        range: ty("range", Some(c::range)),
        slice: ty("slice", Some(c::slice)),
        function: ty("function", None),
        builtin_function: ty("builtin_function_or_method", None),
        method: ty("method", None),
        generator: ty("generator", None),
        module: ty("module", None),
        ellipsis: ty("ellipsis", None),
        not_implemented: ty("NotImplementedType", None),
        int,
        object,
    }
}

/// `type(value)`.
pub fn type_of(value: &Value) -> Rc<TypeObject> {
    match value {
        Value::None => builtin(|t| t.none.clone()),
        Value::Bool(_) => builtin(|t| t.bool_.clone()),
        Value::Int(_) | Value::BigInt(_) => builtin(|t| t.int.clone()),
        Value::Float(_) => builtin(|t| t.float.clone()),
        Value::Str(_) => builtin(|t| t.str_.clone()),
        Value::Bytes(_) => builtin(|t| t.bytes.clone()),
        Value::Tuple(_) => builtin(|t| t.tuple.clone()),
        Value::List(_) => builtin(|t| t.list.clone()),
        Value::Dict(_) => builtin(|t| t.dict.clone()),
        Value::Object(obj) => obj.class(),
    }
}

/// `isinstance(value, class)` for one class.
pub fn isinstance(value: &Value, class: &TypeObject) -> bool {
    type_of(value).is_subclass(class)
}

/// The class held by a value, if the value is a type object.
pub fn as_type(value: &Value) -> Option<Rc<TypeObject>> {
    match value {
        Value::Object(obj) => downcast_type(obj),
        _ => None,
    }
}

/// The type error for an argument of the wrong type, CPython's most common wording.
pub fn expected(what: &str, got: &Value) -> Exc {
    Exc::type_error(format!("{what}, not {}", type_of(got).name))
}
