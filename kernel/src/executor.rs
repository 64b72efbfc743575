//! The bridge to the HDF5 owner thread, where the [`Session`] lives.
//!
//! A dedicated std thread runs one long job on the owner thread
//! ([`h5lab_core::hdf5::run`]): it creates the Session and serves [`Job`]s from a
//! channel until told to shut down. The async side sends a job with a oneshot for the
//! answer and awaits it, so the sockets stay responsive while a cell runs. Outputs
//! stream to IOPub from the owner thread as the cell produces them; `input()` goes
//! through the stdin channel.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc as std_mpsc, Arc};
use std::time::Duration;

use bytes::Bytes;
use h5lab_core::hdf5::Library;
use h5lab_core::session::{
    Completeness, Completion, ErrorReport, ExecuteOptions, ExecuteOutcome, InputError, MimeBundle, OutputSink, Session,
    SessionOptions, StreamName,
};
use serde_json::{Map, Value};
use tokio::sync::oneshot;

use crate::iopub::Iopub;
use crate::messages::{bundle_to_json, ClearOutput, DisplayData, ExecuteInput, Parent};
use crate::stdin::{Answers, Prompt, Prompts};

/// An execute request as the owner thread needs it.
#[derive(Debug)]
pub struct Cell {
    /// The code.
    pub code: String,
    /// silent / store_history.
    pub options: ExecuteOptions,
    /// Whether `input()` may ask the client.
    pub allow_stdin: bool,
    /// The request's header (parent of every output).
    pub parent: Parent,
    /// The request's routing identities (for `input_request`).
    pub identities: Vec<Bytes>,
}

/// Work for the owner thread.
enum Job {
    Execute(Cell, oneshot::Sender<ExecuteOutcome>),
    Complete(String, usize, oneshot::Sender<Completion>),
    Inspect(String, usize, u8, oneshot::Sender<Option<MimeBundle>>),
    IsComplete(String, oneshot::Sender<Completeness>),
    Shutdown(oneshot::Sender<()>),
}

/// The owner thread has stopped (shut down, or died).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExecutorGone;

impl std::fmt::Display for ExecutorGone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the interpreter has stopped")
    }
}

/// The async side's handle on the session.
#[derive(Clone)]
pub struct Executor {
    jobs: std_mpsc::Sender<Job>,
    interrupt: Arc<AtomicBool>,
    running: Arc<AtomicBool>,
    stopping: Arc<AtomicBool>,
}

/// What the session thread needs besides the jobs.
struct Context {
    iopub: Iopub,
    prompts: Prompts,
    answers: Answers,
    interrupt: Arc<AtomicBool>,
    running: Arc<AtomicBool>,
    stopping: Arc<AtomicBool>,
}

impl Executor {
    /// Starts the session on the owner thread (through a dedicated std thread that
    /// waits for the long job). `running` is set while a cell runs; raising
    /// `interrupt` then raises KeyboardInterrupt in it (the SIGINT handler shares both).
    pub fn start(
        iopub: Iopub,
        prompts: Prompts,
        answers: Answers,
        running: Arc<AtomicBool>,
        interrupt: Arc<AtomicBool>,
    ) -> std::io::Result<Executor> {
        let (jobs, queue) = std_mpsc::channel();
        let stopping = Arc::new(AtomicBool::new(false));
        let context = Context {
            iopub,
            prompts,
            answers,
            interrupt: interrupt.clone(),
            running: running.clone(),
            stopping: stopping.clone(),
        };
        std::thread::Builder::new().name("h5lab-session".into()).spawn(move || {
            let served = catch_unwind(AssertUnwindSafe(|| h5lab_core::hdf5::run(move |lib| serve(lib, queue, context))));
            if served.is_err() {
                crate::warn!("the session thread stopped after a panic");
            }
        })?;
        Ok(Executor { jobs, interrupt, running, stopping })
    }

    async fn ask<R>(&self, make: impl FnOnce(oneshot::Sender<R>) -> Job) -> Result<R, ExecutorGone> {
        let (done, answer) = oneshot::channel();
        self.jobs.send(make(done)).map_err(|_| ExecutorGone)?;
        answer.await.map_err(|_| ExecutorGone)
    }

    /// Runs a cell.
    pub async fn execute(&self, cell: Cell) -> Result<ExecuteOutcome, ExecutorGone> {
        self.ask(|done| Job::Execute(cell, done)).await
    }

    /// Completions at a cursor (code points).
    pub async fn complete(&self, code: String, cursor: usize) -> Result<Completion, ExecutorGone> {
        self.ask(|done| Job::Complete(code, cursor, done)).await
    }

    /// Help for the name at a cursor.
    pub async fn inspect(&self, code: String, cursor: usize, detail: u8) -> Result<Option<MimeBundle>, ExecutorGone> {
        self.ask(|done| Job::Inspect(code, cursor, detail, done)).await
    }

    /// Whether code is ready to run.
    pub async fn is_complete(&self, code: String) -> Result<Completeness, ExecutorGone> {
        self.ask(|done| Job::IsComplete(code, done)).await
    }

    /// Interrupts the running cell (KeyboardInterrupt at its next statement); does
    /// nothing when no cell runs, so that no later cell inherits the interrupt.
    pub fn interrupt(&self) {
        if self.running.load(Ordering::SeqCst) {
            self.interrupt.store(true, Ordering::SeqCst);
        }
    }

    /// Stops the session: interrupts the running cell, refuses queued cells, closes
    /// every HDF5 file and drops the Session. True when that finished within `limit`.
    pub async fn shutdown(&self, limit: Duration) -> bool {
        self.stopping.store(true, Ordering::SeqCst);
        if self.running.load(Ordering::SeqCst) {
            self.interrupt.store(true, Ordering::SeqCst);
        }
        let (done, answer) = oneshot::channel();
        if self.jobs.send(Job::Shutdown(done)).is_err() {
            return true; // already stopped
        }
        matches!(tokio::time::timeout(limit, answer).await, Ok(Ok(())) | Ok(Err(_)))
    }
}

/// The session's life on the owner thread.
fn serve(lib: &Library, queue: std_mpsc::Receiver<Job>, context: Context) {
    let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    let options = SessionOptions { cwd, interrupt: context.interrupt.clone(), color: true };
    let mut session = Session::new(lib, options);
    while let Ok(job) = queue.recv() {
        match job {
            Job::Execute(cell, done) => {
                let outcome = run_cell(&mut session, &context, cell);
                let _ = done.send(outcome);
            }
            Job::Complete(code, cursor, done) => {
                let answer = guarded(|| session.complete(&code, cursor))
                    .unwrap_or(Completion { cursor_start: cursor, cursor_end: cursor, ..Completion::default() });
                let _ = done.send(answer);
            }
            Job::Inspect(code, cursor, detail, done) => {
                let _ = done.send(guarded(|| session.inspect(&code, cursor, detail)).flatten());
            }
            Job::IsComplete(code, done) => {
                let _ = done.send(guarded(|| session.is_complete(&code)).unwrap_or(Completeness::Invalid));
            }
            Job::Shutdown(done) => {
                if guarded(|| session.close_all_files()).is_none() {
                    crate::warn!("closing the HDF5 files panicked");
                }
                drop(session);
                let _ = done.send(());
                return;
            }
        }
    }
    // Every handle is gone without a shutdown (the kernel is exiting): still close.
    let _ = guarded(|| session.close_all_files());
}

/// Runs `f`, turning a panic (an interpreter bug) into `None` so the kernel survives.
fn guarded<R>(f: impl FnOnce() -> R) -> Option<R> {
    catch_unwind(AssertUnwindSafe(f)).ok()
}

fn run_cell(session: &mut Session, context: &Context, cell: Cell) -> ExecuteOutcome {
    if context.stopping.load(Ordering::SeqCst) {
        return internal_error(session.execution_count(), "KeyboardInterrupt", "", "the kernel is shutting down");
    }
    if !cell.options.silent {
        let input = ExecuteInput { code: cell.code.clone(), execution_count: session.execution_count() + 1 };
        context.iopub.send(&cell.parent, "execute_input", &input);
    }
    context.interrupt.store(false, Ordering::SeqCst);
    context.running.store(true, Ordering::SeqCst);
    let mut sink = KernelSink { context, cell: &cell };
    let outcome = catch_unwind(AssertUnwindSafe(|| session.execute(&cell.code, cell.options, &mut sink)));
    context.running.store(false, Ordering::SeqCst);
    context.interrupt.store(false, Ordering::SeqCst);
    match outcome {
        Ok(outcome) => outcome,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".into());
            internal_error(session.execution_count(), "SystemError", &format!("h5lab internal error: {what}"), "")
        }
    }
}

fn internal_error(count: u64, ename: &str, evalue: &str, note: &str) -> ExecuteOutcome {
    let text = if note.is_empty() { format!("{ename}: {evalue}") } else { format!("{ename}: {note}") };
    ExecuteOutcome {
        execution_count: count,
        error: Some(ErrorReport { ename: ename.into(), evalue: evalue.into(), traceback: vec![text] }),
        ..ExecuteOutcome::default()
    }
}

/// Where a running cell's outputs go: IOPub, with the execute request as parent.
struct KernelSink<'a> {
    context: &'a Context,
    cell: &'a Cell,
}

impl OutputSink for KernelSink<'_> {
    fn stream(&mut self, name: StreamName, text: &str) {
        if !self.cell.options.silent && !text.is_empty() {
            self.context.iopub.stream(&self.cell.parent, name.as_str(), text);
        }
    }

    fn display(&mut self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        if self.cell.options.silent {
            return;
        }
        let mut transient = Map::new();
        if let Some(id) = display_id {
            transient.insert("display_id".into(), Value::String(id.to_string()));
        }
        let content = DisplayData { data: bundle_to_json(&bundle), metadata: Map::new(), transient };
        let msg_type = if update && display_id.is_some() { "update_display_data" } else { "display_data" };
        self.context.iopub.send(&self.cell.parent, msg_type, &content);
    }

    fn clear_output(&mut self, wait: bool) {
        if !self.cell.options.silent {
            self.context.iopub.send(&self.cell.parent, "clear_output", &ClearOutput { wait });
        }
    }

    fn input(&mut self, prompt: &str, password: bool) -> Result<String, InputError> {
        if !self.cell.allow_stdin {
            return Err(InputError::NotAllowed);
        }
        // What the cell printed before asking goes out first (as ipykernel flushes
        // stdout before an input_request).
        self.context.iopub.flush_blocking();
        let prompt = Prompt {
            identities: self.cell.identities.clone(),
            parent: self.cell.parent.clone(),
            prompt: prompt.to_string(),
            password,
        };
        self.context.prompts.ask(&self.context.answers, prompt, &self.context.interrupt, &self.context.stopping)
    }
}
