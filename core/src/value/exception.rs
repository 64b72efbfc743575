//! Exceptions: the builtin class hierarchy (CPython 3.11's), exception objects with
//! their traceback, cause and context, and [`Exc`], the error type of every fallible
//! operation in the interpreter.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::object::{Args, PyObject};
use super::types::{builtin, type_of, TypeObject};
use super::Value;
use crate::eval::Interp;
use crate::hdf5::H5Error;
pub use crate::render::traceback::{FunctionFrame, SyntaxDetails, TracebackEntry};

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, Exc>;

macro_rules! exception_kinds {
    ($( $kind:ident : $parent:ident ),* $(,)?) => {
        /// The builtin exception classes (and the few of IPython, NumPy and h5py that
        /// tutorials meet), each with its parent in CPython 3.11's hierarchy.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum ExcKind {
            BaseException,
            $( $kind, )*
        }

        impl ExcKind {
            /// Every kind, parents before children.
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $( ExcKind::$kind, )*];

            /// The parent class.
            pub fn parent(self) -> Option<ExcKind> {
                match self {
                    ExcKind::BaseException => None,
                    $( ExcKind::$kind => Some(ExcKind::$parent), )*
                }
            }

            /// The class name.
            pub fn name(self) -> &'static str {
                match self {
                    ExcKind::BaseException => "BaseException",
                    $( ExcKind::$kind => stringify!($kind), )*
                }
            }
        }
    };
}

exception_kinds! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StdinNotImplementedError: NotImplementedError,
    UsageError: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    FutureWarning: Warning,
}

impl ExcKind {
    /// The module the class lives in (as its repr and tracebacks name it).
    pub fn module(self) -> &'static str {
        match self {
            ExcKind::StdinNotImplementedError | ExcKind::UsageError => "IPython.core.error",
            _ => "builtins",
        }
    }

    /// The kind whose class name is `name`.
    pub fn from_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

thread_local! {
    static CLASSES: Vec<Rc<TypeObject>> = make_classes();
}

fn make_classes() -> Vec<Rc<TypeObject>> {
    let mut classes: Vec<Rc<TypeObject>> = Vec::with_capacity(ExcKind::ALL.len());
    for &kind in ExcKind::ALL {
        let bases = match kind.parent() {
            Some(parent) => {
                let index = ExcKind::ALL.iter().position(|k| *k == parent).unwrap_or(0);
                vec![classes[index].clone()]
            }
            None => vec![builtin(|t| t.object.clone())],
        };
        classes.push(TypeObject::new(kind.name(), kind.module(), bases, Some(construct_exception)));
    }
    classes
}

/// The class object of a builtin exception kind.
pub fn exception_class(kind: ExcKind) -> Rc<TypeObject> {
    let index = ExcKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    CLASSES.with(|c| c[index].clone())
}

/// Whether a class is an exception class (derives from BaseException).
pub fn is_exception_class(class: &TypeObject) -> bool {
    class.is_subclass(&exception_class(ExcKind::BaseException))
}

/// Calling an exception class: `KeyError('x')`, `OSError(2, 'msg')`.
fn construct_exception(_vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(Exc::type_error(format!("{}() takes no keyword arguments", class.name)));
    }
    // `OSError(errno, strerror)` builds the subclass of the errno (FileNotFoundError...).
    let mut class = class.clone();
    if Rc::ptr_eq(&class, &exception_class(ExcKind::OSError)) && (2..=5).contains(&args.positional.len()) {
        if let Value::Int(errno) = args.positional[0] {
            class = exception_class(errno_kind(errno as i32));
        }
    }
    Ok(Value::Object(Exc::with_args(class, args.positional).0))
}

/// An exception object.
pub struct PyException {
    /// Its class.
    pub class: Rc<TypeObject>,
    /// `e.args`.
    pub args: RefCell<Vec<Value>>,
    /// Frames it passed through, innermost first (reversed when shown).
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// The frame (see `Frame::id`) of each traceback entry.
    pub traceback_frames: RefCell<Vec<u64>>,
    /// `raise ... from cause`.
    pub cause: RefCell<Option<Exc>>,
    /// The exception being handled when this one was raised.
    pub context: RefCell<Option<Exc>>,
    /// `raise ... from None`, or an explicit cause, hides the context.
    pub suppress_context: Cell<bool>,
    /// The line where the exception currently is in the frame being unwound (the
    /// innermost node that failed, then the line of a re-raise): the entry's line if
    /// the frame has none yet, and the frame's last line (`f_lineno`) when it leaves.
    pub pending_line: Cell<Option<u32>>,
    /// The frame whose entry was recorded when the exception was caught there (by an
    /// `except` or a `finally`), so leaving that frame later adds no second entry.
    pub entered_frame: Cell<Option<u64>>,
    /// SyntaxError position.
    pub syntax: RefCell<Option<SyntaxDetails>>,
    /// The HDF5 error stack behind an h5py exception (`%h5errors`).
    pub hdf5: RefCell<Option<H5Error>>,
    /// `StopIteration.value`, `SystemExit.code`.
    pub value: RefCell<Value>,
}

/// A raised exception (shared: the same object is re-raised, chained and bound by
/// `except ... as e`).
#[derive(Clone)]
pub struct Exc(pub Rc<PyException>);

impl std::fmt::Debug for Exc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({:?})", self.0.class.name, self.0.args.borrow())
    }
}

impl Exc {
    /// An exception of `class` with `args`.
    pub fn with_args(class: Rc<TypeObject>, args: Vec<Value>) -> Exc {
        let value = args.first().cloned().unwrap_or(Value::None);
        Exc(Rc::new(PyException {
            class,
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            traceback_frames: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            pending_line: Cell::new(None),
            entered_frame: Cell::new(None),
            syntax: RefCell::new(None),
            hdf5: RefCell::new(None),
            value: RefCell::new(value),
        }))
    }

    /// A builtin exception with one message argument.
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Exc {
        Exc::with_args(exception_class(kind), vec![Value::str(message.into())])
    }

    /// A builtin exception with no arguments (`KeyboardInterrupt`, `StopIteration`).
    pub fn bare(kind: ExcKind) -> Exc {
        Exc::with_args(exception_class(kind), Vec::new())
    }

    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::TypeError, message)
    }

    /// `ValueError(message)`.
    pub fn value_error(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::ValueError, message)
    }

    /// `AttributeError(message)`.
    pub fn attribute_error(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::AttributeError, message)
    }

    /// `IndexError(message)`.
    pub fn index_error(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::IndexError, message)
    }

    /// `KeyError(key)`: its str is the repr of the key.
    pub fn key_error(key: Value) -> Exc {
        Exc::with_args(exception_class(ExcKind::KeyError), vec![key])
    }

    /// `NameError: name 'x' is not defined`.
    pub fn name_error(name: &str) -> Exc {
        Exc::new(ExcKind::NameError, format!("name '{name}' is not defined"))
    }

    /// `ZeroDivisionError(message)`.
    pub fn zero_division(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::ZeroDivisionError, message)
    }

    /// `OverflowError(message)`.
    pub fn overflow(message: impl Into<String>) -> Exc {
        Exc::new(ExcKind::OverflowError, message)
    }

    /// `NotImplementedError(name)`: what an unimplemented function raises.
    pub fn not_implemented(what: impl Into<String>) -> Exc {
        Exc::new(ExcKind::NotImplementedError, what)
    }

    /// `OSError(errno, message)`, which Python turns into FileNotFoundError & co.
    pub fn os_error(errno: i32, message: impl Into<String>) -> Exc {
        let kind = errno_kind(errno);
        Exc::with_args(exception_class(kind), vec![Value::Int(errno.into()), Value::str(message.into())])
    }

    /// Adds the file name argument of an OSError (`[Errno 2] ...: 'name'`).
    pub fn with_filename(self, path: &str) -> Exc {
        self.0.args.borrow_mut().push(Value::str(path));
        self
    }

    /// The exception h5py raises for an HDF5 failure (the stack kept for `%h5errors`).
    pub fn from_hdf5(error: H5Error) -> Exc {
        let exc = match error.errno() {
            Some(errno) => Exc::os_error(errno, error.message()),
            None => {
                let kind = ExcKind::from_name(error.python_class_name()).unwrap_or(ExcKind::RuntimeError);
                Exc::new(kind, error.message())
            }
        };
        *exc.0.hdf5.borrow_mut() = Some(error);
        exc
    }

    /// The class.
    pub fn class(&self) -> &Rc<TypeObject> {
        &self.0.class
    }

    /// The class name (`ename`).
    pub fn name(&self) -> String {
        self.0.class.name.clone()
    }

    /// Whether this exception is of `kind` or a subclass.
    pub fn is(&self, kind: ExcKind) -> bool {
        self.0.class.is_subclass(&exception_class(kind))
    }

    /// The exception as a Python value (for `except ... as e`).
    pub fn to_value(&self) -> Value {
        Value::Object(self.0.clone())
    }

    /// The first argument, if it is a str (most messages).
    pub fn message(&self) -> Option<String> {
        match self.0.args.borrow().first() {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    /// Records the line of a failing node if none is pending for this frame yet.
    pub fn note_line(&self, line: u32) {
        if self.0.pending_line.get().is_none() {
            self.0.pending_line.set(Some(line));
        }
    }

    /// Records the entry of frame `frame` as the exception arrives in it (CPython adds
    /// it when the exception is raised in, or propagates into, a frame): when it is
    /// caught there by `except` or `finally`. The line is the pending one (or
    /// `fallback_line`); afterwards the exception has no pending line in the frame.
    pub fn enter_frame(&self, frame: u64, cell: u64, fallback_line: u32, function: Option<FunctionFrame>) {
        if self.0.entered_frame.get() != Some(frame) {
            let line = self.0.pending_line.get().unwrap_or(fallback_line);
            self.push_entry(frame, TracebackEntry { cell, line, frame_line: None, function, columns: None });
            self.0.entered_frame.set(Some(frame));
        }
        self.0.pending_line.set(None);
    }

    /// The exception leaves frame `frame` (its caller sees it next): the frame's entry
    /// is added unless it was recorded on arrival, and every entry of the frame — in
    /// this exception and in those chained to it — shows the line where it left
    /// (IPython shows each frame at its `f_lineno`).
    pub fn leave_frame(&self, frame: u64, cell: u64, fallback_line: u32, function: Option<FunctionFrame>) {
        let pending = self.0.pending_line.take();
        if self.0.entered_frame.get() != Some(frame) {
            let line = pending.unwrap_or(fallback_line);
            self.push_entry(frame, TracebackEntry { cell, line, frame_line: None, function, columns: None });
        }
        self.0.entered_frame.set(None);
        if let Some(exit_line) = pending {
            self.set_frame_line(frame, exit_line);
        }
    }

    /// A `raise exc` statement: a new raise of a (possibly already raised) exception
    /// adds a fresh entry for the current frame.
    pub fn reraise_explicitly(&self) {
        self.0.entered_frame.set(None);
        self.0.pending_line.set(None);
    }

    fn push_entry(&self, frame: u64, entry: TracebackEntry) {
        self.0.traceback.borrow_mut().push(entry);
        self.0.traceback_frames.borrow_mut().push(frame);
    }

    /// Marks every entry of `frame` here and in the cause/context chain as shown at
    /// `line`.
    fn set_frame_line(&self, frame: u64, line: u32) {
        let mut current = Some(self.clone());
        for _ in 0..64 {
            let Some(exc) = current else { break };
            {
                let frames = exc.0.traceback_frames.borrow();
                let mut entries = exc.0.traceback.borrow_mut();
                for (entry, id) in entries.iter_mut().zip(frames.iter()) {
                    if *id == frame {
                        entry.frame_line = if entry.line == line { None } else { Some(line) };
                    }
                }
            }
            let next = exc.0.cause.borrow().clone().or_else(|| exc.0.context.borrow().clone());
            current = next;
        }
    }

    /// Sets `context` as the exception this one was raised while handling, unless one
    /// is set already; cycles are cut as CPython cuts them.
    pub fn set_context(&self, context: &Exc) {
        if Rc::ptr_eq(&self.0, &context.0) || self.0.context.borrow().is_some() {
            return;
        }
        // If `self` is already somewhere in `context`'s chain, cut it out there.
        let mut current = context.clone();
        for _ in 0..1000 {
            let next = current.0.context.borrow().clone();
            match next {
                Some(n) if Rc::ptr_eq(&n.0, &self.0) => {
                    *current.0.context.borrow_mut() = None;
                    break;
                }
                Some(n) => current = n,
                None => break,
            }
        }
        *self.0.context.borrow_mut() = Some(context.clone());
    }

    /// `str(e)` as Python computes it.
    pub fn str(&self, vm: &mut Interp) -> PyResult<String> {
        let args = self.0.args.borrow().clone();
        if self.is(ExcKind::OSError) && args.len() >= 2 {
            if let (Value::Int(errno), Value::Str(text)) = (&args[0], &args[1]) {
                return Ok(match args.get(2) {
                    Some(name @ Value::Str(_)) => format!("[Errno {errno}] {text}: {}", vm.repr(name)?),
                    _ => format!("[Errno {errno}] {text}"),
                });
            }
        }
        if let Some(details) = self.0.syntax.borrow().as_ref() {
            let message = match args.first() {
                Some(v) => vm.str(v)?,
                None => String::new(),
            };
            return Ok(format!("{message} ({}, line {})", details.filename, details.lineno));
        }
        match args.len() {
            0 => Ok(String::new()),
            1 if self.is(ExcKind::KeyError) => vm.repr(&args[0]),
            1 => vm.str(&args[0]),
            _ => vm.repr(&Value::tuple(args)),
        }
    }
}

/// The OSError subclass CPython's `OSError(errno, ...)` constructs for an errno.
pub fn errno_kind(errno: i32) -> ExcKind {
    match errno {
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::EEXIST => ExcKind::FileExistsError,
        libc::EACCES | libc::EPERM => ExcKind::PermissionError,
        libc::EISDIR => ExcKind::IsADirectoryError,
        libc::ENOTDIR => ExcKind::NotADirectoryError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ECONNABORTED => ExcKind::ConnectionAbortedError,
        libc::ECONNREFUSED => ExcKind::ConnectionRefusedError,
        libc::ECONNRESET => ExcKind::ConnectionResetError,
        _ => ExcKind::OSError,
    }
}

impl PyObject for PyException {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        self.class.clone()
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let args = self.args.borrow().clone();
        let inner = match args.len() {
            1 => vm.repr(&args[0])?,
            _ => {
                let tuple = vm.repr(&Value::tuple(args.clone()))?;
                tuple.trim_start_matches('(').trim_end_matches(')').trim_end_matches(',').to_string()
            }
        };
        Ok(format!("{}({inner})", self.class.name))
    }

    fn str(&self, vm: &mut Interp, this: &Value) -> PyResult<String> {
        match this {
            Value::Object(obj) => match downcast_exception(obj) {
                Some(exc) => exc.str(vm),
                None => Ok(String::new()),
            },
            _ => Ok(String::new()),
        }
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        let args = self.args.borrow();
        Ok(match name {
            "args" => Some(Value::tuple(args.clone())),
            "errno" if self.class.is_subclass(&exception_class(ExcKind::OSError)) => {
                Some(if args.len() >= 2 { args[0].clone() } else { Value::None })
            }
            "strerror" if self.class.is_subclass(&exception_class(ExcKind::OSError)) => {
                Some(if args.len() >= 2 { args[1].clone() } else { Value::None })
            }
            "filename" if self.class.is_subclass(&exception_class(ExcKind::OSError)) => {
                Some(args.get(2).cloned().unwrap_or(Value::None))
            }
            "value" | "code" => Some(self.value.borrow().clone()),
            "__cause__" => Some(self.cause.borrow().as_ref().map_or(Value::None, Exc::to_value)),
            "__context__" => Some(self.context.borrow().as_ref().map_or(Value::None, Exc::to_value)),
            "msg" => self.syntax.borrow().as_ref().map(|_| args.first().cloned().unwrap_or(Value::None)),
            "lineno" => self.syntax.borrow().as_ref().map(|d| Value::Int(d.lineno.into())),
            "offset" => self.syntax.borrow().as_ref().map(|d| Value::Int(d.offset.into())),
            "text" => self.syntax.borrow().as_ref().map(|d| Value::str(&d.text)),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        vec!["args".into(), "with_traceback".into(), "add_note".into()]
    }
}

/// The exception behind an object value, as an [`Exc`] sharing it.
pub fn downcast_exception(obj: &Rc<dyn PyObject>) -> Option<Exc> {
    use super::types::IntoAnyRc;
    if !obj.as_any().is::<PyException>() {
        return None;
    }
    obj.clone().into_any_rc().downcast::<PyException>().ok().map(Exc)
}

/// The exception a value is, if it is an exception instance.
pub fn as_exception(value: &Value) -> Option<Exc> {
    match value {
        Value::Object(obj) => downcast_exception(obj),
        _ => None,
    }
}

/// The class name of any value's type (used in messages).
pub fn class_name(value: &Value) -> String {
    type_of(value).name.clone()
}
