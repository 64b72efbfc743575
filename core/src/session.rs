//! `Session`: the one door the front ends use. A front end hands it cells; outputs come
//! back through an [`OutputSink`] as they happen and as an [`ExecuteOutcome`] at the end.
//!
//! A `Session` lives on the HDF5 owner thread (it holds HDF5 handles), so it is created
//! inside [`crate::hdf5::run`] with the [`Library`] token and never leaves that thread.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::hdf5::Library;

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
    execution_count: u64,
    _not_send: std::marker::PhantomData<*mut ()>,
}

impl Session {
    /// A fresh session on the HDF5 owner thread.
    pub fn new(_lib: &Library, options: SessionOptions) -> Session {
        Session { options, execution_count: 0, _not_send: std::marker::PhantomData }
    }

    /// The options the session was made with.
    pub fn options(&self) -> &SessionOptions {
        &self.options
    }

    /// The count the next stored cell will get, minus one (IPython's `execution_count`).
    pub fn execution_count(&self) -> u64 {
        self.execution_count
    }

    /// Runs a cell. Not implemented yet: every cell raises NotImplementedError.
    pub fn execute(&mut self, _code: &str, options: ExecuteOptions, _sink: &mut dyn OutputSink) -> ExecuteOutcome {
        if options.store_history && !options.silent {
            self.execution_count += 1;
        }
        let evalue = "Session.execute".to_string();
        ExecuteOutcome {
            execution_count: self.execution_count,
            error: Some(ErrorReport {
                ename: "NotImplementedError".into(),
                evalue: evalue.clone(),
                traceback: vec![format!("NotImplementedError: {evalue}")],
            }),
            ..ExecuteOutcome::default()
        }
    }

    /// Whether `code` is ready to run (the parser decides; until it is wired in, only
    /// blank input is complete).
    pub fn is_complete(&self, code: &str) -> Completeness {
        if code.trim().is_empty() {
            Completeness::Complete
        } else {
            Completeness::Invalid
        }
    }

    /// Completions at `cursor` (code points). Not implemented yet: none.
    pub fn complete(&self, _code: &str, cursor: usize) -> Completion {
        Completion { matches: Vec::new(), cursor_start: cursor, cursor_end: cursor }
    }

    /// Help for the name at `cursor` (`detail` 0 or 1). Not implemented yet: none.
    pub fn inspect(&self, _code: &str, _cursor: usize, _detail: u8) -> Option<MimeBundle> {
        None
    }

    /// Closes every open HDF5 file (shutdown, restart, exit).
    pub fn close_all_files(&mut self) {}
}
