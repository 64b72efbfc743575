//! The shell channel: a reader task moves signed requests from the ROUTER socket into
//! a queue as they arrive; the handler task serves them one at a time, in order, each
//! between `busy` and `idle` on IOPub. After a cell fails with `stop_on_error`, the
//! execute requests sent before the failure was known are answered `aborted`.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use h5lab_core::session::{ExecuteOptions, ExecuteOutcome, ExitRequest};
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use zeromq::{RouterRecvHalf, RouterSendHalf, SocketRecv};

use crate::executor::Cell;
use crate::handlers::{self, send_error, send_reply};
use crate::kernel::Kernel;
use crate::messages::{
    bundle_to_json, parse_iso8601, to_value, ErrorContent, ErrorOutput, ExecuteReply, ExecuteRequest, ExecuteResult, Request,
};

/// Starts the shell's reader and handler tasks.
pub fn start(kernel: Arc<Kernel>, recv: RouterRecvHalf, send: RouterSendHalf) -> Vec<JoinHandle<()>> {
    let (queue_in, queue) = mpsc::unbounded_channel();
    vec![
        tokio::spawn(read_requests(kernel.clone(), recv, "shell", queue_in)),
        tokio::spawn(serve(kernel, queue, send)),
    ]
}

/// Receives from a ROUTER socket, checks and parses, and queues what is a request;
/// everything else is logged and dropped.
pub async fn read_requests(kernel: Arc<Kernel>, mut socket: RouterRecvHalf, channel: &'static str, queue: mpsc::UnboundedSender<Request>) {
    loop {
        let message = match socket.recv().await {
            Ok(message) => message,
            Err(e) => {
                crate::warn!("{channel}: receive failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        match kernel.codec.decode(message.into_vec()) {
            Ok(request) => {
                crate::debug!("{channel}: {} {}", request.msg_type(), request.header.msg_id);
                if queue.send(request).is_err() {
                    return;
                }
            }
            Err(e) => crate::warn!("{channel}: dropped a message: {e}"),
        }
    }
}

async fn serve(kernel: Arc<Kernel>, mut queue: mpsc::UnboundedReceiver<Request>, mut socket: RouterSendHalf) {
    let mut aborting: Option<Aborting> = None;
    while let Some(request) = queue.recv().await {
        if kernel.is_shutting_down() {
            return;
        }
        if request.msg_type() == "execute_request" {
            match &aborting {
                Some(a) if a.covers(&request) => {
                    kernel.iopub.status(&request.raw_header, "busy");
                    send_reply(&kernel, &mut socket, &request, "execute_reply", to_value(&ExecuteReply::Aborted {})).await;
                    kernel.iopub.status(&request.raw_header, "idle");
                    continue;
                }
                _ => aborting = None,
            }
        }
        match process(&kernel, &mut socket, &request).await {
            After::Continue => {}
            After::AbortQueued => aborting = Some(Aborting::now()),
            After::Exit => {
                let ending = kernel.stop().await;
                kernel.finish(ending);
                return;
            }
        }
    }
}

/// After a cell failed with `stop_on_error`: the execute requests the client sent
/// before it could know are aborted — those already received, and those that arrive
/// within [`Aborting::WINDOW`] but were sent (by their header's date) before the
/// failure was answered. ipykernel aborts only what is queued; "Run All" of a notebook
/// whose first cell fails at once would then run later cells that were in flight.
struct Aborting {
    replied: Instant,
    replied_at: f64,
}

impl Aborting {
    /// How long after a failure in-flight requests are still looked at.
    const WINDOW: Duration = Duration::from_secs(1);

    fn now() -> Aborting {
        let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        Aborting { replied: Instant::now(), replied_at: since_epoch.as_secs_f64() }
    }

    fn covers(&self, request: &Request) -> bool {
        if request.received <= self.replied {
            return true;
        }
        request.received.duration_since(self.replied) <= Self::WINDOW
            && parse_iso8601(&request.header.date).is_some_and(|sent| sent < self.replied_at)
    }
}

/// What the shell does after a request.
enum After {
    Continue,
    /// A cell failed with stop_on_error.
    AbortQueued,
    /// The cell called `exit()`.
    Exit,
}

async fn process(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) -> After {
    kernel.iopub.status(&request.raw_header, "busy");
    let after = if request.msg_type() == "execute_request" {
        execute(kernel, socket, request).await
    } else {
        handlers::handle(kernel, socket, request).await;
        After::Continue
    };
    kernel.iopub.status(&request.raw_header, "idle");
    kernel.finish_if_stopped();
    after
}

async fn execute(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) -> After {
    let r: ExecuteRequest = match request.parse() {
        Ok(r) => r,
        Err(e) => {
            send_error(kernel, socket, request, ErrorContent::new("ValueError", e.to_string())).await;
            return After::Continue;
        }
    };
    let (silent, store_history) = (r.silent(), r.store_history());
    let cell = Cell {
        code: autocalled_exit(&r.code).unwrap_or(&r.code).to_string(),
        options: ExecuteOptions { silent, store_history },
        allow_stdin: r.allow_stdin(),
        parent: request.raw_header.clone(),
        identities: request.identities.clone(),
    };
    let outcome = match kernel.executor.execute(cell).await {
        Ok(outcome) => outcome,
        Err(gone) => {
            send_error(kernel, socket, request, ErrorContent::new("RuntimeError", gone.to_string())).await;
            return After::Continue;
        }
    };
    let count = outcome.execution_count;
    if store_history {
        let out_text = outcome.result.as_ref().and_then(|b| b.get("text/plain").cloned());
        if let Ok(mut history) = kernel.history.lock() {
            history.record(count, &r.code, out_text);
        }
    }
    if !silent {
        if let Some(result) = &outcome.result {
            let content = ExecuteResult { execution_count: count, data: bundle_to_json(result), metadata: Map::new() };
            kernel.iopub.send(&request.raw_header, "execute_result", &content);
        }
        if let Some(error) = &outcome.error {
            let content =
                ErrorOutput { ename: error.ename.clone(), evalue: error.evalue.clone(), traceback: error.traceback.clone() };
            kernel.iopub.send(&request.raw_header, "error", &content);
        }
    }
    let reply = execute_reply(&outcome);
    send_reply(kernel, socket, request, "execute_reply", to_value(&reply)).await;
    if outcome.exit == Some(ExitRequest::Exit) {
        After::Exit
    } else if outcome.error.is_some() && r.stop_on_error() {
        After::AbortQueued
    } else {
        After::Continue
    }
}

/// IPython's autocall of `exit` and `quit` (ExitAutocall): typed alone on a line, they
/// are called — the cell asks the client to exit (jupyter console leaves at once).
fn autocalled_exit(code: &str) -> Option<&'static str> {
    match code.trim() {
        "exit" => Some("exit()"),
        "quit" => Some("quit()"),
        _ => None,
    }
}

/// The execute_reply for an outcome: pages and exit requests become payloads.
pub fn execute_reply(outcome: &ExecuteOutcome) -> ExecuteReply {
    let mut payload: Vec<Value> = outcome
        .pages
        .iter()
        .map(|page| json!({"source": "page", "data": bundle_to_json(&page.data), "start": page.start}))
        .collect();
    if let Some(exit) = outcome.exit {
        payload.push(json!({"source": "ask_exit", "keepkernel": exit == ExitRequest::KeepKernel}));
    }
    match &outcome.error {
        None => ExecuteReply::Ok { execution_count: outcome.execution_count, payload, user_expressions: Map::new() },
        Some(error) => ExecuteReply::Error {
            execution_count: outcome.execution_count,
            ename: error.ename.clone(),
            evalue: error.evalue.clone(),
            traceback: error.traceback.clone(),
            payload,
            user_expressions: Map::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use h5lab_core::session::{ErrorReport, PagePayload};

    #[test]
    fn pages_become_pager_payloads() {
        let mut data = std::collections::BTreeMap::new();
        data.insert("text/plain".to_string(), "Docstring".to_string());
        let outcome = ExecuteOutcome {
            execution_count: 4,
            pages: vec![PagePayload { data, start: 0 }],
            ..ExecuteOutcome::default()
        };
        let reply = to_value(&execute_reply(&outcome));
        assert_eq!(reply["status"], "ok");
        assert_eq!(reply["payload"], json!([{"source": "page", "data": {"text/plain": "Docstring"}, "start": 0}]));
        assert_eq!(reply["user_expressions"], json!({}));
    }

    #[test]
    fn errors_carry_ename_evalue_traceback_and_count() {
        let outcome = ExecuteOutcome {
            execution_count: 2,
            error: Some(ErrorReport { ename: "KeyError".into(), evalue: "'a'".into(), traceback: vec!["tb".into()] }),
            ..ExecuteOutcome::default()
        };
        let reply = to_value(&execute_reply(&outcome));
        assert_eq!(reply["status"], "error");
        assert_eq!((reply["ename"].clone(), reply["execution_count"].clone()), (json!("KeyError"), json!(2)));
        assert_eq!(reply["traceback"], json!(["tb"]));
    }

    #[test]
    fn bare_exit_and_quit_are_called() {
        assert_eq!(autocalled_exit("exit\n"), Some("exit()"));
        assert_eq!(autocalled_exit("  quit "), Some("quit()"));
        assert_eq!(autocalled_exit("exit = 1"), None);
        assert_eq!(autocalled_exit("print(exit)"), None);
    }

    #[test]
    fn exit_is_an_ask_exit_payload() {
        let outcome = ExecuteOutcome { execution_count: 1, exit: Some(ExitRequest::Exit), ..ExecuteOutcome::default() };
        let reply = to_value(&execute_reply(&outcome));
        assert_eq!(reply["payload"], json!([{"source": "ask_exit", "keepkernel": false}]));
    }
}
