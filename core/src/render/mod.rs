//! Rendering: what the notebook shows — tracebacks, highlighted code, reprs — and the
//! text renderings of HDF5 files (h5lab's own `h5dump` and `h5ls`).
//!
//! Tracebacks are IPython 9's (`traceback` module: [`render_traceback`],
//! [`render_syntax_error`]) or CPython's plain text ([`render_plain_traceback`]);
//! [`highlight_python`] is the code colouring those tracebacks use, and [`strip_ansi`]
//! takes colours off again. [`pretty`] is IPython's pretty printer for `Out`.

mod anchors;
pub mod ansi;
pub mod cfmt;
pub mod ddl;
pub mod h5ls;
pub mod highlight;
mod plain;
pub mod pretty;
pub(crate) mod pytokenize;
mod source_block;
mod syntax_error;
pub mod traceback;
mod ultratb;

pub use ansi::strip_ansi;
pub use highlight::highlight_python;
pub use traceback::{render_plain_traceback, render_syntax_error, render_traceback};
