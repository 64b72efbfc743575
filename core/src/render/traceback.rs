//! IPython's traceback display, from plain data: the renderer knows nothing about the
//! interpreter, only what an exception report holds and the sources of the cells.

pub use crate::value::exception::{FunctionFrame, SyntaxDetails, TracebackEntry};

/// How one exception of a chain led to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainKind {
    /// `raise ... from earlier`: "The above exception was the direct cause of the
    /// following exception:".
    Cause,
    /// Raised while handling `earlier`: "During handling of the above exception,
    /// another exception occurred:".
    Context,
}

/// One exception to display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionReport {
    /// Class name, e.g. `KeyError`.
    pub ename: String,
    /// `str()` of the exception.
    pub evalue: String,
    /// Frames, outermost first (the cell's frame, then the functions it called).
    pub frames: Vec<TracebackEntry>,
    /// The exception this one was raised from or while handling, shown first.
    pub earlier: Option<(Box<ExceptionReport>, ChainKind)>,
    /// For SyntaxError and its subclasses: where the error is.
    pub syntax: Option<SyntaxDetails>,
}

/// Where the renderer finds the text of input cells (by execution count).
pub trait CellSources {
    /// The source of cell `n` (`In[n]`), if known.
    fn cell_source(&self, cell: u64) -> Option<&str>;
}
