//! The interpreter: runs the evaluator's tree against values.
//!
//! [`Interp`] holds the session's global namespace (interned names → values), the
//! builtins, imported modules, the interrupt flag and where output goes. Its methods
//! are the object protocol every part of h5lab uses (`repr`, `getattr`, `call`,
//! iteration, comparison, arithmetic) so native objects and user code meet in one
//! place.

pub mod builtins;
mod call;
pub mod compile;
pub mod constructors;
mod exec;
mod expr;
pub mod function;
mod help;
mod magics;
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
    /// Exceptions being handled (innermost last): context of new ones, bare `raise`.
    pub(crate) handling: Vec<Exc>,
    /// The input cell being run.
    pub(crate) current_cell: u64,
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
            handling: Vec::new(),
            current_cell: 0,
            cwd,
            color,
            exit_requested: false,
            pages: Vec::new(),
            display_value: None,
            extensions: RefCell::new(HashMap::new()),
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
        f(guard.0)
    }

    /// The current output sink, if a cell is running.
    pub(crate) fn sink(&mut self) -> Option<&mut dyn OutputSink> {
        // SAFETY: see `with_sink`: the pointer is valid while it is set.
        self.sink.map(|mut p| unsafe { p.as_mut() })
    }

    /// Writes to the stdout stream.
    pub fn write_stdout(&mut self, text: &str) {
        if let Some(sink) = self.sink() {
            sink.stream(StreamName::Stdout, text);
        }
    }

    /// Writes to the stderr stream.
    pub fn write_stderr(&mut self, text: &str) {
        if let Some(sink) = self.sink() {
            sink.stream(StreamName::Stderr, text);
        }
    }

    /// Sends a display bundle (`display(obj)`).
    pub fn display(&mut self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        if let Some(sink) = self.sink() {
            sink.display(bundle, display_id, update);
        }
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

    pub(crate) fn store_global(&mut self, sym: Sym, value: Value) {
        let index = sym as usize;
        if index >= self.globals.len() {
            self.globals.resize(index + 1, None);
        }
        self.globals[index] = Some(value);
    }

    pub(crate) fn load_global(&self, sym: Sym) -> Option<Value> {
        let index = sym as usize;
        if let Some(Some(v)) = self.globals.get(index) {
            return Some(v.clone());
        }
        self.builtins.get(index).cloned().flatten()
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
