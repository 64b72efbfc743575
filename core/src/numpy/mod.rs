//! NumPy as a pure Rust library: dtypes, N-dimensional arrays over the `ndarray`
//! crate with views that share memory, NumPy's indexing, broadcasting, NEP 50 type
//! promotion, ufuncs and reductions, `random.default_rng`, and NumPy 2.4's
//! `repr`/`str` byte for byte.
//!
//! Nothing here depends on the interpreter: Python values come in and go out as
//! [`PyValue`], unknown objects as [`PyObjectLike`] trait objects, errors as
//! [`NpError`] (a Python exception class name and NumPy's message), and printing
//! takes the session's [`PrintOptions`] explicitly (no global state).
//!
//! # How the interpreter uses it
//!
//! ```rust,ignore
//! use h5lab_core::numpy::{self as np, create, ops, reduce, IndexItem, PyValue};
//! // np.array([[1, 2], [3, 4]], dtype='i1')
//! let a = create::array(&py_list, Some(&np::DType::parse("i1")?))?;
//! // a[0, ::-1]  (basic indexes give views sharing memory; a full integer index
//! // gives the element: a NumPy scalar, or the object of an object array)
//! let v: PyValue = a.getitem(&[IndexItem::Int(0), IndexItem::Slice(None, None, Some(-1))])?;
//! a.setitem(&[IndexItem::Int(1)], &PyValue::int(7))?;        // a[1] = 7
//! let s = ops::binary(np::BinOp::Add, &ops::Arg::Array(a.clone()), &ops::Arg::Py(PyValue::int(1)))?;
//! ops::binary_inplace(np::BinOp::Mul, &a, &ops::Arg::Py(PyValue::Float(1.5)))?; // a *= 1.5 -> UFuncTypeError
//! let total = reduce::reduce(&a, reduce::Reduction::Sum, Some(&[0]), false, 0.0)?;
//! println!("{}", a.repr(&session.print_options));
//! ```
//!
//! - Values: [`PyValue`] is what `np.array` takes, what `tolist()`/`item()` return,
//!   and what object arrays hold; `PyValue::Scalar` is a NumPy scalar
//!   ([`Scalar`], `repr` `np.int8(5)`), `PyValue::Array` an array, and
//!   `PyValue::Object` wraps any interpreter value through [`PyObjectLike`]
//!   (`repr`/`str`/`==`/truthiness hooks).
//! - Arrays: [`NdArray`] (shape, dtype, strides, views, `reshape`, `astype`,
//!   `copy`, `tolist`, `fill`, `getitem`/`setitem`, `field`/`set_field`, `repr`/`str`);
//!   creation in [`create`]; operators in [`ops`] (operands are [`ops::Arg`]: arrays,
//!   NumPy scalars, or weak Python numbers); reductions, sorting, `where`,
//!   `allclose` in [`reduce`]; promotion in [`promote`].
//! - dtypes: [`DType`] (parse, attributes, `str`/`repr`, h5py [`Metadata`]),
//!   [`ScalarType`] for `np.int8`-style type objects, [`PyType`] for `int`/`float`/...
//! - Random numbers: [`random::default_rng`] gives a [`random::Generator`] (PCG64);
//!   the session also owns a [`random::RandomState`] for `np.random.seed`/`rand`/
//!   `randn`/`randint`/... (MT19937). Both draw NumPy's exact numbers.
//! - Print options: the session owns a [`PrintOptions`]; `np.set_printoptions(k=v)` is
//!   [`PrintOptions::set`], `np.get_printoptions()` is [`PrintOptions::items`].
//! - Errors: every fallible call returns [`NpResult`]; [`NpError::class`] is the
//!   Python exception to raise (`"IndexError"`, `"UFuncTypeError"`, `"AxisError"` ...).

#![warn(missing_docs)]
#![allow(clippy::clone_on_copy, clippy::same_item_push, clippy::assign_op_pattern)]

pub mod dtype;
pub mod error;
pub mod format;
pub mod num;
pub mod scalar;
pub mod scalar_type;
pub mod storage;
pub mod value;

pub use dtype::{DType, DTypeSpec, Kind, Metadata, PyType, ScalarType};
pub use error::{NpError, NpResult};
pub use scalar::Scalar;
pub use value::{ObjRef, PyObjectLike, PyValue};
pub mod array;
pub mod broadcast;
pub mod bytes;
pub mod cast;
pub mod chunked;
pub mod create;
pub mod fast;
pub mod fields;
pub mod fpflags;
pub mod index;
pub mod kernels;
pub mod linalg;
pub mod ops;
pub mod plain;
pub mod reduce;
pub mod options;
pub mod promote;
pub mod pyrepr;
pub mod random;

pub use array::NdArray;
pub use index::IndexItem;
pub use kernels::BinOp;
pub use ops::{Arg, UnaryOp};
pub use promote::{Casting, Operand};
pub use options::{FloatMode, PrintOptions};

/// `np.nan`.
pub const NAN: f64 = f64::NAN;
/// `np.inf`.
pub const INF: f64 = f64::INFINITY;
/// `np.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `np.e`.
pub const E: f64 = std::f64::consts::E;
