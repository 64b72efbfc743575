//! The session on the HDF5 owner thread, driven from the main thread (which owns the
//! terminal). Requests go over a channel; while a cell runs, its outputs come back as
//! [`Event`]s as they happen, and `input()` asks the main thread for a line.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

use h5lab_core::session::{
    Completion, ExecuteOptions, ExecuteOutcome, InputError, MimeBundle, OutputSink, Session, SessionOptions, StreamName,
};

/// What a running cell produces, in order.
pub enum Event {
    /// Text on stdout or stderr.
    Stream(StreamName, String),
    /// A `display()` bundle.
    Display(MimeBundle),
    /// `clear_output()`.
    ClearOutput,
    /// `input(prompt)`: answer on the sender.
    Input { prompt: String, password: bool, answer: Sender<Result<String, InputError>> },
    /// The cell is done.
    Done(Box<Finished>),
}

/// A finished cell.
pub struct Finished {
    /// The outcome.
    pub outcome: ExecuteOutcome,
    /// CPython's own traceback text of the error, frames named after the script (for
    /// `h5lab run`), when asked for.
    pub plain_traceback: Option<String>,
}

enum Request {
    Execute { code: String, options: ExecuteOptions, script: Option<String>, events: Sender<Event> },
    Complete { code: String, cursor: usize, answer: Sender<Completion> },
    SetArgv { argv: Vec<String>, answer: Sender<()> },
    CloseAll { answer: Sender<()> },
}

/// The main thread's handle on the session.
pub struct Worker {
    requests: Sender<Request>,
    running: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Worker {
    /// Starts a session in `cwd` on the owner thread. It keeps that thread until it
    /// stops: ask HDF5 anything else (`hdf5::run`) before starting it.
    pub fn start(cwd: PathBuf, color: bool) -> Worker {
        let (requests, queue) = channel::<Request>();
        let running = Arc::new(AtomicBool::new(false));
        let interrupt = Arc::new(AtomicBool::new(false));
        let (run, int) = (running.clone(), interrupt.clone());
        let thread = std::thread::spawn(move || {
            h5lab_core::hdf5::run(move |lib| {
                let options = SessionOptions { cwd, interrupt: int.clone(), color };
                let mut session = Session::new(lib, options);
                serve(&mut session, queue, &run, &int);
                session.close_all_files();
            })
        });
        Worker { requests, running, interrupt, thread: Some(thread) }
    }

    /// The flags a SIGINT handler needs: set while a cell runs, and the interrupt.
    pub fn interrupt_flags(&self) -> (Arc<AtomicBool>, Arc<AtomicBool>) {
        (self.running.clone(), self.interrupt.clone())
    }

    /// Runs a cell, handing its events to `on_event` as they come; the outcome.
    pub fn execute(&self, code: &str, script: Option<&str>, on_event: &mut dyn FnMut(Event)) -> Option<Finished> {
        let (events, receiver) = channel();
        let request = Request::Execute { code: code.to_string(), options: ExecuteOptions::default(), script: script.map(str::to_string), events };
        self.requests.send(request).ok()?;
        for event in receiver {
            match event {
                Event::Done(finished) => return Some(*finished),
                other => on_event(other),
            }
        }
        None
    }

    /// Completions at a cursor (code points).
    pub fn complete(&self, code: &str, cursor: usize) -> Completion {
        let (answer, receiver) = channel();
        if self.requests.send(Request::Complete { code: code.to_string(), cursor, answer }).is_err() {
            return Completion::default();
        }
        receiver.recv().unwrap_or_default()
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&self, argv: Vec<String>) {
        let (answer, receiver) = channel();
        if self.requests.send(Request::SetArgv { argv, answer }).is_ok() {
            let _ = receiver.recv();
        }
    }

    /// Closes every open HDF5 file.
    pub fn close_all_files(&self) {
        let (answer, receiver) = channel();
        if self.requests.send(Request::CloseAll { answer }).is_ok() {
            let _ = receiver.recv();
        }
    }

    /// Closes every file and stops the session.
    pub fn stop(mut self) {
        self.close_all_files();
        let (requests, _) = channel();
        drop(std::mem::replace(&mut self.requests, requests));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(session: &mut Session, queue: Receiver<Request>, running: &AtomicBool, interrupt: &AtomicBool) {
    for request in queue {
        match request {
            Request::Execute { code, options, script, events } => {
                interrupt.store(false, Ordering::SeqCst);
                running.store(true, Ordering::SeqCst);
                let mut sink = ChannelSink { events: &events };
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.execute(&code, options, &mut sink)));
                running.store(false, Ordering::SeqCst);
                interrupt.store(false, Ordering::SeqCst);
                let outcome = outcome.unwrap_or_else(|payload| internal_error(session.execution_count(), &payload));
                let plain_traceback = match (&script, &outcome.error) {
                    (Some(name), Some(_)) => session.plain_traceback(name),
                    _ => None,
                };
                let _ = events.send(Event::Done(Box::new(Finished { outcome, plain_traceback })));
            }
            Request::Complete { code, cursor, answer } => {
                let completion = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.complete(&code, cursor)))
                    .unwrap_or_default();
                let _ = answer.send(completion);
            }
            Request::SetArgv { argv, answer } => {
                let interp = session.interp();
                if let Ok(sys) = interp.import_module("sys") {
                    let list = h5lab_core::value::Value::list(argv.iter().map(h5lab_core::value::Value::str).collect());
                    let _ = interp.setattr(&sys, "argv", list);
                }
                let _ = answer.send(());
            }
            Request::CloseAll { answer } => {
                session.close_all_files();
                let _ = answer.send(());
            }
        }
    }
}

/// An interpreter panic, reported as an error instead of killing the session.
fn internal_error(count: u64, payload: &Box<dyn std::any::Any + Send>) -> ExecuteOutcome {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into());
    let evalue = format!("h5lab internal error: {what}");
    ExecuteOutcome {
        execution_count: count,
        error: Some(h5lab_core::session::ErrorReport {
            ename: "SystemError".into(),
            evalue: evalue.clone(),
            traceback: vec![format!("SystemError: {evalue}")],
        }),
        ..ExecuteOutcome::default()
    }
}

struct ChannelSink<'a> {
    events: &'a Sender<Event>,
}

impl OutputSink for ChannelSink<'_> {
    fn stream(&mut self, name: StreamName, text: &str) {
        let _ = self.events.send(Event::Stream(name, text.to_string()));
    }

    fn display(&mut self, bundle: MimeBundle, _display_id: Option<&str>, _update: bool) {
        let _ = self.events.send(Event::Display(bundle));
    }

    fn clear_output(&mut self, _wait: bool) {
        let _ = self.events.send(Event::ClearOutput);
    }

    fn input(&mut self, prompt: &str, password: bool) -> Result<String, InputError> {
        let (answer, receiver) = channel();
        self.events
            .send(Event::Input { prompt: prompt.to_string(), password, answer })
            .map_err(|_| InputError::EndOfInput)?;
        receiver.recv().unwrap_or(Err(InputError::EndOfInput))
    }
}
