//! Requests answered the same way on shell and control: kernel_info, complete,
//! inspect, is_complete, history, comm_info, comm_open, connect, interrupt, shutdown,
//! and the unsupported debug/usage requests. Execute is the shell's own
//! ([`crate::shell`]).

use serde_json::{Map, Value};
use zeromq::{RouterSendHalf, SocketSend, ZmqMessage};

use h5lab_core::session::Completeness;

use crate::kernel::Kernel;
use crate::messages::{
    bundle_to_json, to_value, CodeAtCursor, CommClose, CommInfoReply, CommOpen, CompleteReply, ConnectReply,
    ErrorContent, HistoryReply, HistoryRequest, InspectReply, IsCompleteReply, IsCompleteRequest, Request,
    ShutdownRequest, StatusOnly,
};

/// Sends `content` as the reply to `request` (same identities, request as parent).
pub async fn send_reply(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request, msg_type: &str, content: Value) {
    let frames = kernel.codec.encode(&request.identities, msg_type, &request.raw_header, &Value::Object(Map::new()), &content);
    match ZmqMessage::try_from(frames) {
        Ok(message) => {
            if let Err(e) = socket.send(message).await {
                crate::warn!("cannot send {msg_type}: {e}");
            }
        }
        Err(e) => crate::warn!("cannot send {msg_type}: {e}"),
    }
}

/// Replies to `request` with an error content.
pub async fn send_error(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request, error: ErrorContent) {
    crate::warn!("{} failed: {}: {}", request.msg_type(), error.ename, error.evalue);
    send_reply(kernel, socket, request, &request.reply_type(), to_value(&error)).await;
}

/// Whether a request needs the session (and so may wait behind a running cell).
pub fn needs_session(msg_type: &str) -> bool {
    matches!(msg_type, "complete_request" | "inspect_request" | "is_complete_request")
}

/// Handles every request type but execute. Busy/idle are the caller's.
pub async fn handle(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    let reply = request.reply_type();
    let content: Result<Option<Value>, ErrorContent> = match request.msg_type() {
        "kernel_info_request" => Ok(Some(to_value(&kernel.info))),
        "complete_request" => complete(kernel, request).await.map(Some),
        "inspect_request" => inspect(kernel, request).await.map(Some),
        "is_complete_request" => is_complete(kernel, request).await.map(Some),
        "history_request" => history(kernel, request).map(Some),
        "comm_info_request" => Ok(Some(to_value(&CommInfoReply { status: "ok", comms: Map::new() }))),
        "comm_open" => {
            comm_open(kernel, request);
            Ok(None)
        }
        "comm_msg" | "comm_close" => Ok(None),
        "connect_request" => {
            let c = &kernel.connection;
            Ok(Some(to_value(&ConnectReply {
                status: "ok",
                shell_port: c.shell_port,
                iopub_port: c.iopub_port,
                stdin_port: c.stdin_port,
                hb_port: c.hb_port,
                control_port: c.control_port,
            })))
        }
        "interrupt_request" => {
            kernel.executor.interrupt();
            Ok(Some(to_value(&StatusOnly { status: "ok" })))
        }
        "shutdown_request" => {
            let restart = request.parse::<ShutdownRequest>().map(|r| r.restart.unwrap_or(false)).unwrap_or(false);
            let content = kernel.shutdown(&request.raw_header, restart).await;
            // Reply before the kernel exits; `idle` follows from the caller.
            send_reply(kernel, socket, request, &reply, content).await;
            return;
        }
        "debug_request" => Ok(Some(debug_unsupported(request))),
        "usage_request" => Err(ErrorContent::new("NotImplementedError", "usage_request is not supported by h5lab")),
        "execute_request" => Err(ErrorContent::new("NotImplementedError", "execute_request is only served on the shell channel")),
        other => {
            crate::warn!("unknown message type {other:?}: no reply");
            Ok(None)
        }
    };
    match content {
        Ok(Some(content)) => send_reply(kernel, socket, request, &reply, content).await,
        Ok(None) => {}
        Err(error) => send_error(kernel, socket, request, error).await,
    }
}

fn bad_request(e: impl std::fmt::Display) -> ErrorContent {
    ErrorContent::new("ValueError", e.to_string())
}

fn gone(e: impl std::fmt::Display) -> ErrorContent {
    ErrorContent::new("RuntimeError", e.to_string())
}

async fn complete(kernel: &Kernel, request: &Request) -> Result<Value, ErrorContent> {
    let r: CodeAtCursor = request.parse().map_err(bad_request)?;
    let cursor = r.cursor();
    let c = kernel.executor.complete(r.code, cursor).await.map_err(gone)?;
    // ipykernel's experimental completions metadata: JupyterLab shows the types.
    let typed: Vec<Value> = c
        .matches
        .iter()
        .zip(c.types.iter())
        .map(|(text, kind)| {
            serde_json::json!({"start": c.cursor_start, "end": c.cursor_end, "text": text, "type": kind, "signature": ""})
        })
        .collect();
    let mut metadata = Map::new();
    metadata.insert("_jupyter_types_experimental".into(), Value::Array(typed));
    Ok(to_value(&CompleteReply {
        status: "ok",
        matches: c.matches,
        cursor_start: c.cursor_start,
        cursor_end: c.cursor_end,
        metadata,
    }))
}

async fn inspect(kernel: &Kernel, request: &Request) -> Result<Value, ErrorContent> {
    let r: CodeAtCursor = request.parse().map_err(bad_request)?;
    let cursor = r.cursor();
    let detail = u8::from(r.detail_level.unwrap_or(0) > 0);
    let found = kernel.executor.inspect(r.code, cursor, detail).await.map_err(gone)?;
    Ok(to_value(&InspectReply {
        status: "ok",
        found: found.is_some(),
        data: found.as_ref().map(bundle_to_json).unwrap_or_default(),
        metadata: Map::new(),
    }))
}

async fn is_complete(kernel: &Kernel, request: &Request) -> Result<Value, ErrorContent> {
    let r: IsCompleteRequest = request.parse().map_err(bad_request)?;
    let reply = match kernel.executor.is_complete(r.code).await.map_err(gone)? {
        Completeness::Complete => IsCompleteReply { status: "complete", indent: None },
        Completeness::Incomplete { indent } => IsCompleteReply { status: "incomplete", indent: Some(indent) },
        Completeness::Invalid => IsCompleteReply { status: "invalid", indent: None },
    };
    Ok(to_value(&reply))
}

fn history(kernel: &Kernel, request: &Request) -> Result<Value, ErrorContent> {
    let r: HistoryRequest = request.parse().map_err(bad_request)?;
    let history = kernel.history.lock().map(|h| h.answer(&r)).unwrap_or_default();
    Ok(to_value(&HistoryReply { status: "ok", history }))
}

/// h5lab registers no comm targets: a comm_open is answered with comm_close on IOPub,
/// as ipykernel does for an unknown target.
fn comm_open(kernel: &Kernel, request: &Request) {
    match request.parse::<CommOpen>() {
        Ok(open) => {
            crate::warn!("no comm target {:?}: closing comm {}", open.target_name, open.comm_id);
            kernel.iopub.send(&request.raw_header, "comm_close", &CommClose { comm_id: open.comm_id, data: Map::new() });
        }
        Err(e) => crate::warn!("{e}"),
    }
}

/// A Debug Adapter Protocol failure response: h5lab has no debugger (kernel_info says
/// `debugger: false`), but a client that asks anyway gets an answer.
fn debug_unsupported(request: &Request) -> Value {
    let seq = request.content.get("seq").cloned().unwrap_or(Value::from(0));
    let command = request.content.get("command").cloned().unwrap_or(Value::from(""));
    serde_json::json!({
        "type": "response",
        "request_seq": seq,
        "success": false,
        "command": command,
        "message": "h5lab has no debugger",
        "body": {},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_bound_requests() {
        assert!(needs_session("complete_request"));
        assert!(!needs_session("kernel_info_request"));
        assert!(!needs_session("history_request"));
    }

    #[test]
    fn debug_reply_is_a_dap_failure() {
        let request = Request {
            identities: vec![],
            header: crate::messages::Header { msg_type: "debug_request".into(), ..Default::default() },
            raw_header: std::sync::Arc::new(Value::Null),
            metadata: Value::Null,
            content: serde_json::json!({"seq": 7, "command": "initialize"}),
            received: std::time::Instant::now(),
            buffers: vec![],
        };
        let v = debug_unsupported(&request);
        assert_eq!(v["request_seq"], 7);
        assert_eq!(v["success"], false);
        assert_eq!(v["command"], "initialize");
    }
}
