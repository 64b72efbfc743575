//! NumPy's exception classes (`numpy.exceptions.AxisError`, the ufunc
//! `UFuncTypeError`s, `DTypePromotionError`, `ComplexWarning`) and the mapping of the
//! library's [`NpError`] to Python exceptions.

use std::cell::RefCell;
use std::rc::Rc;

use crate::eval::modules::Module;
use crate::numpy::NpError;
use crate::value::exception::{exception_class, Exc, ExcKind};
use crate::value::types::TypeObject;
use crate::value::Value;

thread_local! {
    static EXCEPTION_TYPES: RefCell<Vec<Rc<TypeObject>>> = const { RefCell::new(Vec::new()) };
}

/// One of NumPy's exception classes by name (made once per thread).
pub fn numpy_exception_class(name: &str) -> Rc<TypeObject> {
    EXCEPTION_TYPES.with(|types| {
        if let Some(t) = types.borrow().iter().find(|t| t.name == name) {
            return t.clone();
        }
        let (module, bases) = match name {
            "AxisError" => ("numpy.exceptions", vec![exception_class(ExcKind::ValueError), exception_class(ExcKind::IndexError)]),
            "UFuncTypeError" => ("numpy._core._exceptions", vec![exception_class(ExcKind::TypeError)]),
            "DTypePromotionError" => ("numpy.exceptions", vec![exception_class(ExcKind::TypeError)]),
            "ComplexWarning" => ("numpy.exceptions", vec![exception_class(ExcKind::RuntimeWarning)]),
            "VisibleDeprecationWarning" => ("numpy.exceptions", vec![exception_class(ExcKind::UserWarning)]),
            _ => ("numpy.exceptions", vec![exception_class(ExcKind::Exception)]),
        };
        let t = TypeObject::new(name, module, bases, Some(construct_exception));
        types.borrow_mut().push(t.clone());
        t
    })
}

fn construct_exception(
    _vm: &mut crate::eval::Interp,
    class: &Rc<TypeObject>,
    args: crate::value::object::Args,
) -> crate::value::exception::PyResult<Value> {
    Ok(Exc::with_args(class.clone(), args.positional).to_value())
}

/// The Python exception for a NumPy library error (its class by name; NumPy's own
/// classes for `AxisError`, the ufunc loop/casting errors and promotion errors).
pub fn np_error(error: NpError) -> Exc {
    let message = error.message.clone();
    let class = match error.class {
        "AxisError" | "UFuncTypeError" | "DTypePromotionError" | "ComplexWarning" => numpy_exception_class(error.class),
        other => exception_class(ExcKind::from_name(other).unwrap_or(ExcKind::ValueError)),
    };
    Exc::with_args(class, vec![Value::str(message)])
}

/// The `numpy.exceptions` module.
pub fn module() -> Value {
    let m = Module::new("numpy.exceptions", Some("Exceptions and Warnings"));
    for name in ["AxisError", "ComplexWarning", "DTypePromotionError", "VisibleDeprecationWarning"] {
        m.set(name, Value::Object(numpy_exception_class(name)));
    }
    Value::object(m)
}
