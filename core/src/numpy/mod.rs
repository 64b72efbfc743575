//! NumPy as a pure Rust library: dtypes, N-dimensional arrays over the `ndarray`
//! crate with views that share memory, NumPy's indexing, broadcasting, NEP 50 type
//! promotion, ufuncs and reductions, and NumPy 2.4's `repr`/`str` byte for byte.
//!
//! Nothing here depends on the interpreter: Python values come in and go out as
//! [`PyValue`], unknown objects as [`PyObjectLike`] trait objects, errors as
//! [`NpError`] (a Python exception class name and NumPy's message), and printing
//! takes the session's [`PrintOptions`] explicitly.

pub mod dtype;
pub mod error;
pub mod format;
pub mod num;
pub mod scalar;
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
pub mod create;
pub mod fields;
pub mod index;
pub mod kernels;
pub mod ops;
pub mod reduce;
pub mod options;
pub mod promote;
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
