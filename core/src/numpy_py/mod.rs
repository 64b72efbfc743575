//! NumPy for Python code: the `numpy` module, and the objects that carry the Rust
//! library's arrays, dtypes and scalars into the interpreter.
//!
//! The files, by what they hold:
//! - [`convert`]: interpreter values ⇄ the library's [`PyValue`], argument helpers
//!   (shapes, axes, dtypes, ints);
//! - `array` (the `ndarray` object and its protocols), `methods` (its methods),
//!   `operators` (Python operators on arrays and scalars), `index` (subscripts);
//! - `scalar` (NumPy scalars), `dtype` (`np.dtype` objects), `types` (the scalar type
//!   classes `np.int8`... and their hierarchy);
//! - module functions: `creation`, `reductions`, `ufuncs`, `printing`, `random`,
//!   `info` (`iinfo`/`finfo`, `issubdtype`);
//! - `errors`: NumPy's exception classes and `numpy.exceptions`; `warnings`: the
//!   RuntimeWarnings of floating-point errors and `np.errstate`; `fp_errors`: which
//!   errors an operation had (the processor's flags, read once per operation, and
//!   the integer cases no flag shows).

pub mod array;
pub mod convert;
mod creation;
pub mod dtype;
mod errors;
mod fp_errors;
mod index;
mod info;
mod methods;
mod operators;
mod printing;
mod random;
mod reductions;
mod scalar;
mod types;
mod ufuncs;
pub mod warnings;

use std::cell::RefCell;
use std::rc::Rc;

pub use array::ArrayObject;
pub use convert::{array_value, as_array, from_py_value, int_arg, scalar_value, to_array, to_dtype, to_py_value, Held, HeldValue};
pub use dtype::{dtype_value, DTypeObject};
pub use errors::np_error;
pub use scalar::ScalarObject;
pub use types::scalar_type_value;

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::random::RandomState;
use crate::numpy::PrintOptions;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;

/// The session's NumPy state.
#[derive(Default)]
pub struct NumpyState {
    /// `np.set_printoptions(...)`.
    pub print_options: RefCell<PrintOptions>,
    /// `np.set_printoptions(legacy=...)`: `Some` makes scalars print as before NumPy 2.
    pub legacy: RefCell<Option<String>>,
    /// The global legacy generator of `np.random.seed`/`rand`/... (seeded on first use).
    pub random_state: RefCell<Option<RandomState>>,
    /// `np.seterr`/`np.errstate`: what floating-point errors do.
    pub errstate: RefCell<warnings::ErrState>,
}

/// The session's NumPy state (created on first use).
pub fn state(vm: &Interp) -> Rc<NumpyState> {
    vm.extension("numpy", NumpyState::default)
}

/// The print options in force.
pub fn print_options(vm: &Interp) -> PrintOptions {
    state(vm).print_options.borrow().clone()
}

const DOC: &str = "NumPy\n=====\n\nProvides\n  1. An array object of arbitrary homogeneous items\n  2. Fast mathematical operations over arrays";

/// NumPy 2's error for the aliases it removed (`np.float_`, ...).
fn removed_alias(name: &str) -> Option<Exc> {
    let replacement = match name {
        "float_" => "`np.float64`",
        "complex_" => "`np.complex128`",
        "unicode_" => "`np.str_`",
        "string_" => "`np.bytes_`",
        "Inf" | "Infinity" | "infty" | "PINF" => "`np.inf`",
        "NaN" | "NAN" => "`np.nan`",
        "NINF" => "`-np.inf`",
        "longfloat" => "`np.longdouble`",
        "singlecomplex" => "`np.complex64`",
        "cfloat" => "`np.complex128`",
        "longcomplex" | "clongfloat" => "`np.clongdouble`",
        _ => return None,
    };
    Some(Exc::attribute_error(format!("`np.{name}` was removed in the NumPy 2.0 release. Use {replacement} instead.")))
}

/// Builds the `numpy` module.
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("numpy", Some(DOC));
    m.missing.set(Some(removed_alias));
    types::install(&m);
    creation::install(&m);
    reductions::install(&m);
    ufuncs::install(&m);
    printing::install(&m);
    info::install(&m);
    warnings::install(&m);
    m.set("random", random::module(vm)?);
    m.set("exceptions", errors::module());
    m.set("__version__", Value::str("2.4.6"));
    m.set("nan", Value::Float(f64::NAN));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("euler_gamma", Value::Float(0.577_215_664_901_532_9));
    m.set("newaxis", Value::None);
    m.set("ndarray", Value::Object(types::ndarray_type()));
    m.set("dtype", Value::Object(types::dtype_type()));
    Ok(Value::object(m))
}
