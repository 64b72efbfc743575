//! Rendering: what the notebook shows — tracebacks, highlighted code, reprs.
//!
//! Tracebacks are IPython 9's (`traceback` module: [`render_traceback`],
//! [`render_syntax_error`]) or CPython's plain text ([`render_plain_traceback`]);
//! [`highlight_python`] is the code colouring those tracebacks use, and [`strip_ansi`]
//! takes colours off again.

mod anchors;
pub mod ansi;
pub mod highlight;
mod plain;
mod pytokenize;
mod source_block;
mod syntax_error;
pub mod traceback;
mod ultratb;

pub use ansi::strip_ansi;
pub use highlight::highlight_python;
pub use traceback::{render_plain_traceback, render_syntax_error, render_traceback};
