//! IPython's traceback display, from plain data: the renderer knows nothing about the
//! interpreter, only what an exception report holds and the sources of the cells.

/// One entry of a traceback: where a frame was when the exception passed through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracebackEntry {
    /// The input cell (execution count) the frame's code comes from.
    pub cell: u64,
    /// 1-based line in that cell.
    pub line: u32,
    /// For a function frame: its name, its parameter list as IPython shows it (`(x)`),
    /// and the cell lines its definition spans.
    pub function: Option<FunctionFrame>,
}

/// The function part of a traceback entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFrame {
    /// `f`.
    pub name: String,
    /// `(x, y=2)` as shown after the name.
    pub signature: String,
    /// First line of the `def` (decorators excluded).
    pub first_line: u32,
    /// Last line of the body.
    pub last_line: u32,
}

/// Details a SyntaxError carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxDetails {
    /// The "file" name shown (`<cell>` hash name or `<tokenize>`).
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column.
    pub offset: u32,
    /// The offending line.
    pub text: String,
    /// The cell the error is in.
    pub cell: u64,
}

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
