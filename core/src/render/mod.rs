//! Rendering: what the notebook shows — tracebacks, highlighted code, reprs.

pub mod traceback;
