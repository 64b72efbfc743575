//! Rendering: what the notebook shows — tracebacks, highlighted code, reprs.

pub mod pretty;
pub mod tb_interim;
pub mod traceback;
