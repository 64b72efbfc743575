//! IPython's traceback display, from plain data: the renderer knows nothing about the
//! interpreter, only what an exception report holds and the sources of the cells.
//!
//! The entry points: [`render_traceback`] (IPython's `traceback` list for an uncaught
//! exception), [`render_syntax_error`] (its one-entry SyntaxError display) and
//! [`render_plain_traceback`] (CPython's own `Traceback (most recent call last):` text,
//! for scripts).

use super::{plain, syntax_error, ultratb};

/// One entry of a traceback: where a frame was when the exception passed through it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracebackEntry {
    /// The input cell (execution count) the frame's code comes from.
    pub cell: u64,
    /// 1-based line in that cell where the exception passed through the frame
    /// (`tb_lineno`). For a call spanning several lines this is the line where the
    /// failing expression starts (CPython 3.11's instruction line: `int(` for a failing
    /// `int(\n "x",\n)`, the operator's expression line for `1 / 0` inside a multi-line
    /// dict).
    pub line: u32,
    /// The line the frame is at when the traceback is displayed (`f_lineno`), when it
    /// is not `line`. IPython numbers and marks frames by this one: for an earlier
    /// exception of a chain, the frame that caught it is still running when the later
    /// exception is raised, so IPython points at the later `raise` line. `None` means
    /// `line`.
    pub frame_line: Option<u32>,
    /// For a function frame (def, lambda, comprehension, generator expression): its
    /// name and parameter list as IPython shows them, and where its code starts.
    pub function: Option<FunctionFrame>,
    /// Columns of the failing expression, for CPython's `^^^^` markers in plain
    /// tracebacks (IPython's display does not use them).
    pub columns: Option<ColumnSpan>,
}

impl TracebackEntry {
    /// A frame of cell-level code at `line` of cell `cell`.
    pub fn module(cell: u64, line: u32) -> Self {
        TracebackEntry { cell, line, frame_line: None, function: None, columns: None }
    }

    /// A function frame at `line` of cell `cell`.
    pub fn in_function(cell: u64, line: u32, function: FunctionFrame) -> Self {
        TracebackEntry { function: Some(function), ..Self::module(cell, line) }
    }

    /// The line IPython shows for this frame: `frame_line`, else `line`.
    pub fn shown_line(&self) -> u32 {
        self.frame_line.unwrap_or(self.line)
    }
}

/// The function part of a traceback entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionFrame {
    /// The code's qualified name (`co_qualname`): `f`, `outer.<locals>.inner`,
    /// `<lambda>`, `<listcomp>`, `f.<locals>.<dictcomp>`, `<genexpr>`.
    pub name: String,
    /// The parameter list IPython shows after the name: every parameter name, values
    /// and defaults left out — positional and keyword-only ones in order, then
    /// `*args`, then `**kwargs`: `(x, y)` for `def f(x, y=2)`, `(name, punct)` for
    /// `def g(name, *, punct='!')`, `(*args, **kwargs)`, `()`. Comprehensions and
    /// generator expressions have `(.0)`.
    pub signature: String,
    /// Where the code object starts (`co_firstlineno`): for a decorated `def`, the
    /// line of its first decorator; for a lambda, comprehension or generator
    /// expression, the line where it starts.
    pub first_line: u32,
    /// Last line of the body. Informational: the renderer finds the end of the block
    /// the way `inspect.getblock` does.
    pub last_line: u32,
}

/// Columns of the failing expression in its lines (0-based, in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpan {
    /// Line where the expression ends (the entry's `line` is where it starts).
    pub end_line: u32,
    /// Column where it starts, in the entry's `line`.
    pub start: u32,
    /// Column just past its end, in `end_line`.
    pub end: u32,
}

/// Details a SyntaxError carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxDetails {
    /// The exception's `filename`: the cell's file name (anything not starting with
    /// `<`, shown as `Cell In[cell], line k`) or a pseudo-file such as `<tokenize>`
    /// (IPython's own tokenizer's IndentationError, shown as `File <tokenize>:k`).
    pub filename: String,
    /// 1-based line (0 when unknown).
    pub lineno: u32,
    /// The exception's `offset`: 1-based column of the caret for the compiler's
    /// errors; `tokenize`'s IndentationError carries the 0-based column of the line's
    /// first non-blank character, which puts the caret under it.
    pub offset: u32,
    /// The exception's `end_offset` (1-based column just past the error, 0 when
    /// unknown): CPython's plain display underlines `offset..end_offset` with `^`;
    /// IPython shows one caret and ignores it.
    pub end_offset: u32,
    /// The offending line as the cell holds it (IPython reads it from the cell).
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
    /// `str()` of the exception (`""` for `KeyboardInterrupt`; for a SyntaxError
    /// CPython's `msg (file, line k)`).
    pub evalue: String,
    /// Frames, outermost first: for the exception shown, the cell's frame and then the
    /// functions it called; for an earlier exception of a chain, from the frame that
    /// caught it down to where it was raised (empty if it was never raised).
    pub frames: Vec<TracebackEntry>,
    /// The exception this one was raised from or while handling, shown first.
    pub earlier: Option<(Box<ExceptionReport>, ChainKind)>,
    /// For SyntaxError and its subclasses: where the error is.
    pub syntax: Option<SyntaxDetails>,
}

/// Where the renderer finds the text of input cells (by execution count).
pub trait CellSources {
    /// The source of cell `n` (`In[n]`), if known — the code as IPython runs it (its
    /// transformations applied: `!cmd` as `get_ipython().system('cmd')`, magics as
    /// `get_ipython().run_line_magic(...)`, common leading indentation removed).
    fn cell_source(&self, cell: u64) -> Option<&str>;

    /// The file name plain tracebacks show for cell `n` (a script's path), if any.
    fn cell_filename(&self, _cell: u64) -> Option<String> {
        None
    }
}

/// The strings IPython 9's `VerboseTB` puts in an error output's `traceback` list for
/// an exception raised by cell code: the red dashes line; per exception of the chain
/// (earliest first) the `ename … Traceback (most recent call last)` header, one entry
/// per frame (`Cell In[n], line k[, in f(x)]` and its numbered context lines) and the
/// `ename: evalue` line, chained exceptions joined by IPython's "The above exception
/// was the direct cause…"/"During handling…" entries. A report with `syntax` details
/// renders as [`render_syntax_error`]. With `color` false, IPython's `nocolor` theme:
/// no escapes, code lines exactly as in the cell (tabs and trailing spaces kept).
/// Missing cells or lines degrade to IPython's "Could not get source" line.
pub fn render_traceback(report: &ExceptionReport, sources: &dyn CellSources, color: bool) -> Vec<String> {
    if report.syntax.is_some() {
        return render_syntax_error(report, color);
    }
    ultratb::structured_traceback(report, sources, color)
}

/// IPython's display of a SyntaxError (or IndentationError, TabError) found while
/// compiling a cell: a single string with `  Cell In[n], line k` (or `  File
/// <tokenize>:k`), the offending line in red, the caret line and `SyntaxError: msg`.
/// The message is `evalue` without CPython's ` (file, line k)` suffix.
pub fn render_syntax_error(report: &ExceptionReport, color: bool) -> Vec<String> {
    syntax_error::syntax_traceback(report, color)
}

/// CPython 3.11's own traceback text (`Traceback (most recent call last):`, `  File
/// "…", line k, in f`, the stripped source line, `^^^^`/`~~^~~` markers when
/// `columns` are known, `ename: evalue`), chained exceptions included, ending in a
/// newline — what `python3 script.py` prints on stderr.
pub fn render_plain_traceback(report: &ExceptionReport, sources: &dyn CellSources) -> String {
    plain::format_exception(report, sources)
}
