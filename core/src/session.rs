//! `Session`: the one door the front ends use. A front end hands it cells; outputs come
//! back through an [`OutputSink`] as they happen and as an [`ExecuteOutcome`] at the end.
//!
//! A `Session` lives on the HDF5 owner thread (it holds HDF5 handles), so it is created
//! inside [`crate::hdf5::run`] with the [`Library`] token and never leaves that thread.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::eval::compile::compile_cell;
use crate::eval::{Frame, Interp};
use crate::hdf5::Library;
use crate::render::traceback::{CellSources, ChainKind, ExceptionReport, SyntaxDetails};
use crate::value::{Exc, ExcKind, Value};

/// A MIME bundle: MIME type to content (`text/plain`, `text/html`, `image/png` as
/// base64, ...).
pub type MimeBundle = BTreeMap<String, String>;

/// Which standard stream a text chunk belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamName {
    /// `stdout`.
    Stdout,
    /// `stderr`.
    Stderr,
}

impl StreamName {
    /// `"stdout"` or `"stderr"`, as Jupyter names them.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamName::Stdout => "stdout",
            StreamName::Stderr => "stderr",
        }
    }
}

/// Why `input()` got no line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The front end cannot ask for input (Jupyter's `allow_stdin` false): the session
    /// raises IPython's `StdinNotImplementedError`.
    NotAllowed,
    /// The user interrupted: the session raises `KeyboardInterrupt`.
    Interrupted,
    /// End of input (Ctrl-D in a terminal): the session raises `EOFError`.
    EndOfInput,
}

/// Where a running cell's outputs go, as they happen.
pub trait OutputSink {
    /// Text written to stdout or stderr (`print`, `!cmd` output, warnings).
    fn stream(&mut self, name: StreamName, text: &str);
    /// A `display(...)` call's bundle; `display_id` and `update` as in
    /// `display(obj, display_id=..., update=...)`.
    fn display(&mut self, bundle: MimeBundle, display_id: Option<&str>, update: bool);
    /// `clear_output(wait=...)`.
    fn clear_output(&mut self, wait: bool);
    /// `input(prompt)`: a line from the user, without its newline.
    fn input(&mut self, prompt: &str, password: bool) -> Result<String, InputError>;
}

/// How a cell is run (Jupyter's `execute_request` flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecuteOptions {
    /// Run without outputs and without counting (Jupyter's `silent`).
    pub silent: bool,
    /// Record in history and advance the execution count.
    pub store_history: bool,
}

impl Default for ExecuteOptions {
    fn default() -> Self {
        ExecuteOptions { silent: false, store_history: true }
    }
}

/// An uncaught exception, as IPython reports it to a notebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorReport {
    /// The exception class name, e.g. `KeyError`.
    pub ename: String,
    /// `str()` of the exception.
    pub evalue: String,
    /// IPython's traceback entries (with ANSI colours), one string per entry.
    pub traceback: Vec<String>,
}

/// What the user asked the front end to do after the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitRequest {
    /// `exit()` / `quit()`: close everything and stop.
    Exit,
    /// `exit(keep_kernel=True)`-like requests are not distinguished; reserved.
    KeepKernel,
}

/// A pager payload (`obj?`): Jupyter's `{"source": "page", "data": ..., "start": 0}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePayload {
    /// The text to page, by MIME type.
    pub data: MimeBundle,
    /// Line to start at.
    pub start: usize,
}

/// The result of running one cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExecuteOutcome {
    /// The cell's execution count (`In [n]`).
    pub execution_count: u64,
    /// The `Out [n]` value, when the last statement was an expression whose value is not
    /// None and not silenced with `;`.
    pub result: Option<MimeBundle>,
    /// The uncaught exception, if the cell failed.
    pub error: Option<ErrorReport>,
    /// Pages to show (`obj?`).
    pub pages: Vec<PagePayload>,
    /// Set when the cell called `exit()`/`quit()`.
    pub exit: Option<ExitRequest>,
}

/// Whether a cell is ready to run (Jupyter's `is_complete_request`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completeness {
    /// Ready to run.
    Complete,
    /// Needs more lines; `indent` is what to offer at the start of the next one.
    Incomplete {
        /// Whitespace for the next line.
        indent: String,
    },
    /// Will never parse.
    Invalid,
}

/// Completions for a cursor position; positions are in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completion {
    /// Candidate texts that replace `cursor_start..cursor_end`.
    pub matches: Vec<String>,
    /// Start of the replaced range.
    pub cursor_start: usize,
    /// End of the replaced range.
    pub cursor_end: usize,
    /// IPython's type of each match (`function`, `class`, `instance`, `keyword`,
    /// `module`, `magic`, `path`, `dict key`, `param`), parallel to `matches`.
    pub types: Vec<String>,
}

/// How a session is set up.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Working directory for files, `!cmd` and `%cd`.
    pub cwd: PathBuf,
    /// Raised by the front end to interrupt the running cell (KeyboardInterrupt at the
    /// next statement or loop iteration); the session lowers it when it has acted on it.
    pub interrupt: Arc<AtomicBool>,
    /// Whether tracebacks and other styled output carry ANSI colours.
    pub color: bool,
}

/// An interactive session: its namespace, history and open files.
pub struct Session {
    options: SessionOptions,
    interp: Interp,
    execution_count: u64,
    /// `In`: the cells' sources by execution count (index 0 is empty, as IPython's).
    inputs: Vec<String>,
    /// The current cell and the three before it, newest first (`_i00`, `_i`, `_ii`,
    /// `_iii`).
    input_history: [String; 4],
    /// The last uncaught exception, for [`Session::plain_traceback`].
    last_exception: Option<ExceptionReport>,
}

impl Session {
    /// A fresh session on the HDF5 owner thread.
    pub fn new(lib: &Library, options: SessionOptions) -> Session {
        let interp = Interp::new(lib, options.cwd.clone(), options.interrupt.clone(), options.color);
        let mut session =
            Session { options, interp, execution_count: 0, inputs: vec![String::new()], input_history: Default::default(), last_exception: None };
        session.interp.init_user_namespace();
        for name in ["_", "__", "___"] {
            session.interp.set_global(name, Value::str(""));
        }
        session
    }

    /// The options the session was made with.
    pub fn options(&self) -> &SessionOptions {
        &self.options
    }

    /// The number of the last stored cell (IPython's `execution_count` before a run).
    pub fn execution_count(&self) -> u64 {
        self.execution_count
    }

    /// The source of input cell `n`.
    pub fn input(&self, n: u64) -> Option<&str> {
        self.inputs.get(n as usize).map(String::as_str)
    }

    /// The interpreter (for front ends that need direct access, e.g. completion).
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.interp
    }

    /// Runs a cell.
    pub fn execute(&mut self, code: &str, options: ExecuteOptions, sink: &mut dyn OutputSink) -> ExecuteOutcome {
        if options.silent {
            let mut quiet = SilentSink;
            let count = self.execution_count;
            let _ = self.run(code, count, &mut quiet);
            crate::hdf5::file::flush_writable(self.interp.lib());
            return ExecuteOutcome { execution_count: count, ..ExecuteOutcome::default() };
        }
        let count = if options.store_history { self.execution_count + 1 } else { self.execution_count };
        if options.store_history {
            self.execution_count = count;
            let text = transformed_text(code);
            self.inputs.push(text.clone());
            // IPython's history keeps cells without their trailing newlines.
            self.record_input(text.trim_end_matches('\n'), code.trim_end_matches('\n'));
        }
        crate::inspect::record_cell(&self.interp, count, code);
        let (result, error) = self.run(code, count, sink);
        let mut outcome = ExecuteOutcome { execution_count: count, error, ..ExecuteOutcome::default() };
        if let Some(value) = result {
            match self.interp.with_sink(sink, |vm| vm.mime_bundle(&value)) {
                Ok(bundle) => {
                    outcome.result = Some(bundle);
                    if options.store_history {
                        self.record_output(count, value);
                    }
                }
                Err(exc) => outcome.error = Some(self.report(&exc)),
            }
        }
        outcome.pages = std::mem::take(&mut self.interp.pages);
        if std::mem::take(&mut self.interp.exit_requested) {
            outcome.exit = Some(ExitRequest::Exit);
        }
        // A process killed between cells must leave readable files behind.
        crate::hdf5::file::flush_writable(self.interp.lib());
        outcome
    }

    /// Parses, compiles and runs a cell: the value to show as Out, or the error.
    fn run(&mut self, code: &str, count: u64, sink: &mut dyn OutputSink) -> (Option<Value>, Option<ErrorReport>) {
        let _ = std::env::set_current_dir(&self.interp.cwd);
        if let Some((line, column, text)) = crate::syntax::tokenize_unindent_error(code) {
            let exc = Exc::new(ExcKind::IndentationError, "unindent does not match any outer indentation level");
            *exc.0.syntax.borrow_mut() = Some(SyntaxDetails {
                filename: "<tokenize>".to_string(),
                lineno: line as u32,
                offset: column as u32,
                end_offset: 0,
                text,
                cell: count,
            });
            self.interp.last_exception = Some(exc.clone());
            return (None, Some(self.report(&exc)));
        }
        let module = match crate::syntax::parse_cell_allowing_incomplete(code) {
            Ok(module) => module,
            Err(error) => {
                let exc = syntax_exception(&error, code, count);
                self.interp.last_exception = Some(exc.clone());
                return (None, Some(self.report(&exc)));
            }
        };
        let body = match compile_cell(&module, &mut self.interp.names, count) {
            Ok(body) => body,
            Err(error) => {
                let exc = Exc::new(ExcKind::SyntaxError, error.message.clone());
                *exc.0.syntax.borrow_mut() = Some(SyntaxDetails {
                    filename: cell_filename(code),
                    lineno: error.span.start.line.max(1),
                    offset: error.span.start.col + 1,
                    end_offset: error.span.end.col + 1,
                    text: code.lines().nth(error.span.start.line.saturating_sub(1) as usize).unwrap_or("").to_string(),
                    cell: count,
                });
                self.interp.last_exception = Some(exc.clone());
                return (None, Some(self.report(&exc)));
            }
        };
        self.interp.current_cell = count;
        self.interp.display_value = None;
        let frame_id = self.interp.new_frame_id();
        let result = self.interp.with_sink(sink, |vm| {
            let mut frame = Frame::module(frame_id);
            vm.exec_block(&mut frame, &body)
        });
        self.interp.depth = 0;
        self.interp.handling.clear();
        match result {
            Ok(_) => (self.interp.display_value.take().filter(|v| !v.is_none()), None),
            Err(exc) if exc.is(ExcKind::UsageError) => {
                // IPython shows a UsageError as a line on stderr, without a traceback.
                let message = exc.str(&mut self.interp).unwrap_or_default();
                sink.stream(crate::session::StreamName::Stderr, &format!("UsageError: {message}\n"));
                (None, None)
            }
            Err(exc) if std::mem::take(&mut self.interp.replaying_traceback) => (None, Some(self.report(&exc))),
            Err(exc) => {
                exc.leave_frame(frame_id, count, 1, None);
                self.interp.last_exception = Some(exc.clone());
                (None, Some(self.report(&exc)))
            }
        }
    }

    /// IPython's history variables: `In` (cells as transformed), `_iN` and
    /// `_i`/`_ii`/`_iii` (as typed; while a cell runs, `_i` is the cell before it).
    fn record_input(&mut self, transformed: &str, code: &str) {
        if let Some(Value::List(list)) = self.interp.get_global("In") {
            list.push(Value::str(transformed));
        }
        let history = &mut self.input_history;
        history.rotate_right(1);
        history[0] = code.to_string();
        let names = ["_i", "_ii", "_iii"];
        for (name, text) in names.iter().zip(history[1..].iter()) {
            self.interp.set_global(name, Value::str(text));
        }
        self.interp.set_global(&format!("_i{}", self.execution_count), Value::str(code));
    }

    fn record_output(&mut self, count: u64, value: Value) {
        if let Some(Value::Dict(out)) = self.interp.get_global("Out") {
            let _ = out.set(Value::Int(count as i64), value.clone());
        }
        let previous = [self.interp.get_global("_"), self.interp.get_global("__")];
        if let Some(v) = previous[1].clone() {
            self.interp.set_global("___", v);
        }
        if let Some(v) = previous[0].clone() {
            self.interp.set_global("__", v);
        }
        self.interp.set_global("_", value.clone());
        self.interp.set_global(&format!("_{count}"), value);
    }

    /// The notebook error report of an exception.
    fn report(&mut self, exc: &Exc) -> ErrorReport {
        let report = self.exception_report(exc, None, 0);
        let sources = SessionSources(&self.inputs);
        let traceback = crate::render::render_traceback(&report, &sources, self.options.color);
        let error = ErrorReport { ename: report.ename.clone(), evalue: report.evalue.clone(), traceback };
        self.last_exception = Some(report);
        error
    }

    /// The last uncaught exception as CPython itself prints it for a script
    /// (`Traceback (most recent call last):` / `  File "<filename>", line k, in f`),
    /// every cell's frames named `filename` — for `h5lab run`, which runs a script as
    /// one cell.
    pub fn plain_traceback(&self, filename: &str) -> Option<String> {
        struct Script<'a>(&'a [String], &'a str);
        impl CellSources for Script<'_> {
            fn cell_source(&self, cell: u64) -> Option<&str> {
                self.0.get(cell as usize).map(String::as_str)
            }
            fn cell_filename(&self, _cell: u64) -> Option<String> {
                Some(self.1.to_string())
            }
        }
        let report = self.last_exception.as_ref()?;
        Some(crate::render::render_plain_traceback(report, &Script(&self.inputs, filename)))
    }

    /// The report of `exc`; `later` is the exception raised from or while handling it
    /// (its frames tell where a still-running frame stands when it is shown).
    fn exception_report(&mut self, exc: &Exc, later: Option<&Exc>, depth: usize) -> ExceptionReport {
        let evalue = match exc.str(&mut self.interp) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut frames = exc.0.traceback.borrow().clone();
        frames.reverse();
        let _ = later;
        let earlier = if depth > 10 {
            None
        } else if let Some(cause) = exc.0.cause.borrow().clone() {
            Some((Box::new(self.exception_report(&cause, Some(exc), depth + 1)), ChainKind::Cause))
        } else if exc.0.suppress_context.get() {
            None
        } else {
            exc.0.context.borrow().clone().map(|c| (Box::new(self.exception_report(&c, Some(exc), depth + 1)), ChainKind::Context))
        };
        ExceptionReport { ename: exc.name(), evalue, frames, earlier, syntax: exc.0.syntax.borrow().clone() }
    }

    /// Whether `code` is ready to run (the parser decides).
    pub fn is_complete(&self, code: &str) -> Completeness {
        crate::syntax::is_complete(code)
    }

    /// Completions at `cursor` (code points), as IPython's kernel gives them.
    pub fn complete(&mut self, code: &str, cursor: usize) -> Completion {
        crate::complete::complete(&mut self.interp, code, cursor)
    }

    /// IPython's help page for the name at `cursor` (`detail` 0 or 1), as an inspect
    /// reply's bundle; `None` when nothing is found.
    pub fn inspect(&mut self, code: &str, cursor: usize, detail: u8) -> Option<MimeBundle> {
        crate::inspect::inspect(&mut self.interp, code, cursor, detail)
    }

    /// Closes every open HDF5 file and every object in them (shutdown, restart, exit);
    /// h5py objects still referenced by the session then show as closed.
    pub fn close_all_files(&mut self) {
        crate::hdf5::file::close_all(self.interp.lib());
    }
}

struct SessionSources<'a>(&'a [String]);

impl CellSources for SessionSources<'_> {
    fn cell_source(&self, cell: u64) -> Option<&str> {
        self.0.get(cell as usize).map(String::as_str)
    }
}

/// The cell as IPython keeps it in `In[n]` and shows it in tracebacks: cleaned up, its
/// escapes (`!cmd`, `%magic`, `obj?`) rewritten into calls.
fn transformed_text(code: &str) -> String {
    let cleaned = crate::syntax::cleaned_source(code);
    match crate::syntax::parse_cell_syntax(code) {
        Ok(module) => crate::syntax::transformed::ipython_transformed(&cleaned, &module),
        Err(_) => cleaned,
    }
}

/// A sink that drops everything (silent execution).
struct SilentSink;

impl OutputSink for SilentSink {
    fn stream(&mut self, _name: StreamName, _text: &str) {}
    fn display(&mut self, _bundle: MimeBundle, _display_id: Option<&str>, _update: bool) {}
    fn clear_output(&mut self, _wait: bool) {}
    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, InputError> {
        Err(InputError::NotAllowed)
    }
}

/// The name IPython's kernel compiles a cell under: murmur2 of its UTF-8 text with
/// ipykernel's seed, as `<hash>.py` (shown in SyntaxError messages).
pub fn cell_filename(code: &str) -> String {
    format!("{}.py", murmur2_x86(code.as_bytes(), 0xC70F_6907))
}

/// MurmurHash2 (32-bit, x86), as ipykernel's `compiler.murmur2_x86`.
pub fn murmur2_x86(data: &[u8], seed: u32) -> u32 {
    const M: u32 = 0x5BD1_E995;
    let length = data.len() as u32;
    let mut h = seed ^ length;
    let chunks = data.chunks_exact(4);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut k = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> 24;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }
    if !tail.is_empty() {
        let mut k = 0u32;
        if tail.len() == 3 {
            k = (tail[2] as u32) << 16;
        }
        if tail.len() >= 2 {
            k |= (tail[1] as u32) << 8;
        }
        k |= tail[0] as u32;
        h ^= k;
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h
}

/// The SyntaxError (or IndentationError/TabError) exception for a parse failure.
fn syntax_exception(error: &crate::syntax::SyntaxError, code: &str, cell: u64) -> Exc {
    use crate::syntax::SyntaxErrorKind;
    let kind = match error.kind {
        SyntaxErrorKind::SyntaxError => ExcKind::SyntaxError,
        SyntaxErrorKind::IndentationError => ExcKind::IndentationError,
        SyntaxErrorKind::TabError => ExcKind::TabError,
        // CPython's compiler gives up on too deep nesting with a RecursionError: an
        // ordinary exception, not a positioned syntax error.
        SyntaxErrorKind::RecursionError => return Exc::new(ExcKind::RecursionError, error.msg.clone()),
    };
    let exc = Exc::new(kind, error.msg.clone());
    *exc.0.syntax.borrow_mut() = Some(SyntaxDetails {
        filename: cell_filename(code),
        lineno: error.lineno,
        offset: error.offset,
        end_offset: error.end_offset,
        text: error.text.clone(),
        cell,
    });
    exc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_file_name_is_ipykernels() {
        // The oracle showed `incomplete input (3956648022.py, line 1)` for this cell.
        assert_eq!(cell_filename("x = (1,"), "3956648022.py");
        assert_eq!(cell_filename("a b"), "210263012.py");
    }
}
