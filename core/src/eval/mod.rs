//! The interpreter: runs the evaluator's tree against values.
//!
//! [`Interp`] holds the session's global namespace (interned names → values), the
//! builtins, imported modules, the interrupt flag and where output goes. Its methods
//! are the object protocol every part of h5lab uses (`repr`, `getattr`, `call`,
//! iteration, comparison, arithmetic) so native objects and user code meet in one
//! place.

pub mod builtins;
mod call;
pub(crate) use call::missing_error;
pub mod compile;
pub mod constructors;
mod exec;
mod expr;
pub mod function;
pub(crate) mod generator;
mod help;
mod magics;
mod magics_exec;
mod magics_ns;
mod shell;
pub mod slist;
pub mod ir;
pub mod modules;
pub mod names;
mod ops;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::hdf5::Library;
use crate::session::{MimeBundle, OutputSink, PagePayload, StreamName};
use crate::value::{Exc, ExcKind, PyResult, Value};
pub use call::Frame;
use ir::Sym;
use names::Names;

/// CPython's default recursion limit.
pub const RECURSION_LIMIT: usize = 1000;

/// The frames IPython's kernel has on the stack below a cell's code: a cell's
/// functions may nest `recursion limit - IPYTHON_FRAMES` deep, as in IPython.
pub const IPYTHON_FRAMES: usize = 26;

/// How long stream text may wait in the buffer (ipykernel's `flush_interval`).
const STREAM_FLUSH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(200);

/// Stream text written but not yet sent.
#[derive(Default)]
struct PendingStreams {
    stdout: String,
    stderr: String,
    /// When the oldest unsent text was written.
    since: Option<std::time::Instant>,
}

/// The interpreter state of one session.
pub struct Interp {
    pub(crate) names: Names,
    pub(crate) globals: Vec<Option<Value>>,
    pub(crate) builtins: Vec<Option<Value>>,
    /// Imported modules by name (`sys.modules`).
    pub(crate) modules: HashMap<String, Value>,
    /// Raised by the front end to interrupt.
    pub(crate) interrupt: Arc<AtomicBool>,
    sink: Option<NonNull<dyn OutputSink>>,
    /// Python call depth, for RecursionError.
    pub(crate) depth: usize,
    /// The directory before the last `%cd` (`%cd -`).
    pub(crate) previous_dir: Option<PathBuf>,
    /// The last uncaught exception (`%tb`, `%h5errors`).
    pub last_exception: Option<Exc>,
    /// Set by `%tb`: the exception raised is the last one, shown again as it was.
    pub replaying_traceback: bool,
    /// `sys.getrecursionlimit()`.
    pub(crate) recursion_limit: usize,
    /// The lowest stack address deep recursion may reach before RecursionError (0:
    /// unknown), whatever the recursion limit says.
    stack_limit: usize,
    /// The last frame id handed out.
    frame_ids: u64,
    /// Exceptions being handled (innermost last): context of new ones, bare `raise`.
    pub(crate) handling: Vec<Exc>,
    /// The input cell being run.
    pub(crate) current_cell: u64,
    /// The statement running in the innermost frame: (its cell, its line), where a
    /// warning says it happened.
    pub(crate) statement_at: (u64, u32),
    /// Working directory (`%cd`, relative paths, `!cmd`).
    pub(crate) cwd: PathBuf,
    /// Whether styled output carries ANSI colours.
    pub(crate) color: bool,
    /// `exit()`/`quit()` was called.
    pub(crate) exit_requested: bool,
    /// Pages from `obj?` in the running cell.
    pub(crate) pages: Vec<PagePayload>,
    /// The value of the cell's last expression statement (IPython's Out).
    pub(crate) display_value: Option<Value>,
    /// Stream text not yet sent.
    streams: PendingStreams,
    /// Per-module state of native modules (NumPy print options, h5py's registry...).
    pub(crate) extensions: RefCell<HashMap<&'static str, Rc<dyn std::any::Any>>>,
    lib: Library,
}

impl Interp {
    /// A fresh interpreter (on the HDF5 owner thread).
    pub fn new(lib: &Library, cwd: PathBuf, interrupt: Arc<AtomicBool>, color: bool) -> Interp {
        let mut interp = Interp {
            names: Names::default(),
            globals: Vec::new(),
            builtins: Vec::new(),
            modules: HashMap::new(),
            interrupt,
            sink: None,
            depth: 0,
            frame_ids: 0,
            previous_dir: None,
            last_exception: None,
            replaying_traceback: false,
            recursion_limit: RECURSION_LIMIT,
            stack_limit: stack_limit(),
            handling: Vec::new(),
            current_cell: 0,
            statement_at: (0, 0),
            cwd,
            color,
            exit_requested: false,
            pages: Vec::new(),
            display_value: None,
            extensions: RefCell::new(HashMap::new()),
            streams: PendingStreams::default(),
            lib: lib.token(),
        };
        builtins::install(&mut interp);
        interp
    }

    /// The HDF5 library token (the interpreter lives on the owner thread).
    pub fn lib(&self) -> &Library {
        &self.lib
    }

    /// Runs `f` with output going to `sink`.
    pub fn with_sink<R>(&mut self, sink: &mut dyn OutputSink, f: impl FnOnce(&mut Interp) -> R) -> R {
        // SAFETY: the pointer is only dereferenced while `f` runs, during which `sink`
        // is exclusively borrowed by this call; the guard clears it afterwards, also on
        // unwinding.
        let ptr: NonNull<dyn OutputSink> = NonNull::from(sink);
        let ptr: NonNull<dyn OutputSink> = unsafe { std::mem::transmute::<NonNull<dyn OutputSink + '_>, NonNull<dyn OutputSink + 'static>>(ptr) };
        let previous = self.sink.replace(ptr);
        struct Restore<'a>(&'a mut Interp, Option<NonNull<dyn OutputSink>>);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.0.sink = self.1;
            }
        }
        let guard = Restore(self, previous);
        let result = f(guard.0);
        guard.0.flush_streams();
        result
    }

    /// The current output sink, if a cell is running.
    pub(crate) fn sink(&mut self) -> Option<&mut dyn OutputSink> {
        // SAFETY: see `with_sink`: the pointer is valid while it is set.
        self.sink.map(|mut p| unsafe { p.as_mut() })
    }

    /// Writes to the stdout stream. Like ipykernel's streams, text is buffered and
    /// sent at the latest 200 ms after it was written, at a display, and when the cell
    /// ends — stdout before stderr.
    pub fn write_stdout(&mut self, text: &str) {
        self.streams.stdout.push_str(text);
        self.after_write();
    }

    /// Writes to the stderr stream (buffered as stdout is).
    pub fn write_stderr(&mut self, text: &str) {
        self.streams.stderr.push_str(text);
        self.after_write();
    }

    fn after_write(&mut self) {
        match self.streams.since {
            None => self.streams.since = Some(std::time::Instant::now()),
            Some(t) if t.elapsed() >= STREAM_FLUSH_INTERVAL => self.flush_streams(),
            Some(_) => {}
        }
    }

    /// Sends buffered stream text to the sink: stdout, then stderr.
    pub fn flush_streams(&mut self) {
        self.streams.since = None;
        let stdout = std::mem::take(&mut self.streams.stdout);
        let stderr = std::mem::take(&mut self.streams.stderr);
        if let Some(sink) = self.sink() {
            if !stdout.is_empty() {
                sink.stream(StreamName::Stdout, &stdout);
            }
            if !stderr.is_empty() {
                sink.stream(StreamName::Stderr, &stderr);
            }
        }
    }

    /// Sends a display bundle (`display(obj)`).
    pub fn display(&mut self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        self.flush_streams();
        if let Some(sink) = self.sink() {
            sink.display(bundle, display_id, update);
        }
    }

    /// `clear_output(wait)`.
    pub fn clear_output(&mut self, wait: bool) {
        self.flush_streams();
        if let Some(sink) = self.sink() {
            sink.clear_output(wait);
        }
    }

    /// Whether the native stack is close to its end (deep recursion through user code,
    /// nested reprs or comparisons): the caller raises RecursionError.
    #[inline]
    pub(crate) fn stack_exhausted(&self) -> bool {
        let marker = 0u8;
        let here = std::ptr::addr_of!(marker) as usize;
        here < self.stack_limit
    }

    /// A fresh frame id.
    pub fn new_frame_id(&mut self) -> u64 {
        self.frame_ids += 1;
        self.frame_ids
    }

    /// Raises KeyboardInterrupt if the front end asked for an interrupt.
    #[inline]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if self.interrupt.load(Ordering::Relaxed) {
            self.interrupt.store(false, Ordering::Relaxed);
            return Err(Exc::bare(ExcKind::KeyboardInterrupt));
        }
        Ok(())
    }

    /// A global's value.
    pub fn get_global(&self, name: &str) -> Option<Value> {
        let sym = self.names.lookup(name)?;
        self.globals.get(sym as usize).cloned().flatten()
    }

    /// Sets a global.
    pub fn set_global(&mut self, name: &str, value: Value) {
        let sym = self.names.intern(name);
        self.store_global(sym, value);
    }

    /// Deletes a global; whether it existed.
    pub fn delete_global(&mut self, name: &str) -> bool {
        match self.names.lookup(name) {
            Some(sym) => self.globals.get_mut(sym as usize).and_then(Option::take).is_some(),
            None => false,
        }
    }

    /// The names of the globals that are set, in interning order.
    pub fn global_names(&self) -> Vec<String> {
        self.globals
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .map(|(i, _)| self.names.name(i as Sym).to_string())
            .collect()
    }

    #[inline]
    pub(crate) fn store_global(&mut self, sym: Sym, value: Value) {
        match self.globals.get_mut(sym as usize) {
            Some(slot) => *slot = Some(value),
            None => self.store_new_global(sym, value),
        }
    }

    #[cold]
    fn store_new_global(&mut self, sym: Sym, value: Value) {
        self.globals.resize(sym as usize + 1, None);
        self.globals[sym as usize] = Some(value);
    }

    #[inline]
    pub(crate) fn load_global(&self, sym: Sym) -> Option<Value> {
        match self.globals.get(sym as usize) {
            Some(Some(v)) => Some(v.clone()),
            _ => self.load_builtin(sym),
        }
    }

    /// A global's value without a clone (None: unset, or only a builtin).
    #[inline]
    pub(crate) fn peek_global(&self, sym: Sym) -> Option<&Value> {
        self.globals.get(sym as usize).and_then(Option::as_ref)
    }

    #[inline(never)]
    fn load_builtin(&self, sym: Sym) -> Option<Value> {
        self.builtins.get(sym as usize).cloned().flatten()
    }

    /// Registers a builtin name.
    pub(crate) fn set_builtin(&mut self, name: &str, value: Value) {
        let sym = self.names.intern(name) as usize;
        if sym >= self.builtins.len() {
            self.builtins.resize(sym + 1, None);
        }
        self.builtins[sym] = Some(value);
    }

    /// A builtin's value.
    pub fn get_builtin(&self, name: &str) -> Option<Value> {
        let sym = self.names.lookup(name)?;
        self.builtins.get(sym as usize).cloned().flatten()
    }

    /// The names of the builtins.
    pub fn builtin_names(&self) -> Vec<String> {
        self.builtins
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some())
            .map(|(i, _)| self.names.name(i as Sym).to_string())
            .collect()
    }

    /// State of a native module, created on first use.
    pub fn extension<T: 'static>(&self, key: &'static str, make: impl FnOnce() -> T) -> Rc<T> {
        let mut map = self.extensions.borrow_mut();
        if let Some(existing) = map.get(key) {
            if let Ok(typed) = existing.clone().downcast::<T>() {
                return typed;
            }
        }
        let value: Rc<T> = Rc::new(make());
        map.insert(key, value.clone());
        value
    }
}

/// The stack address below which the interpreter stops recursing: the current thread's
/// stack end plus a safety margin (an eighth of the stack, at least 256 KiB and at most
/// 4 MiB). 0 when the stack's extent is unknown.
fn stack_limit() -> usize {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; the attribute
    // object is destroyed after use.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return 0;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if !ok || addr.is_null() {
            return 0;
        }
        let margin = (size / 8).clamp(256 * 1024, 4 * 1024 * 1024);
        addr as usize + margin
    }
}
