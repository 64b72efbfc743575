//! Whole messages to and from frames: the kernel's own session id and headers on the
//! way out, signature check and lenient JSON parsing on the way in.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use serde_json::{Map, Value};

use crate::messages::{iso8601_now, Header, Request, PROTOCOL_VERSION};
use crate::wire::{self, ReplayGuard, Signer, WireError};

/// Why incoming frames were dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// Framing or signature.
    Wire(WireError),
    /// Signed, but the header is not a JSON object with a `msg_type`.
    Header(String),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Wire(e) => write!(f, "{e}"),
            Rejected::Header(e) => write!(f, "unreadable header: {e}"),
        }
    }
}

/// The kernel's side of a Jupyter session: its id, its user name, the signer.
#[derive(Debug)]
pub struct Codec {
    signer: Signer,
    session: String,
    username: String,
    replays: ReplayGuard,
    /// `{session}_{pid}_`, the start of every msg_id.
    id_prefix: String,
    /// Messages sent so far, for their ids.
    sent: AtomicU64,
}

impl Codec {
    /// A codec for the connection key, with a fresh session id.
    pub fn new(key: &[u8]) -> Codec {
        let username = std::env::var("USER").ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "kernel".into());
        let session = uuid::Uuid::new_v4().to_string();
        Codec {
            signer: Signer::new(key),
            id_prefix: format!("{session}_{}_", std::process::id()),
            session,
            username,
            replays: ReplayGuard::default(),
            sent: AtomicU64::new(0),
        }
    }

    /// The kernel's session id (new on each start).
    pub fn session(&self) -> &str {
        &self.session
    }

    /// A header for a message the kernel sends. Its msg_id is unique as jupyter_client
    /// (7 and later) makes its own: the session id, the process id and a counter —
    /// no random number (a getrandom system call) per message.
    pub fn header(&self, msg_type: &str) -> Header {
        let n = self.sent.fetch_add(1, Ordering::Relaxed);
        Header {
            msg_id: format!("{}{n}", self.id_prefix),
            session: self.session.clone(),
            username: self.username.clone(),
            date: iso8601_now(),
            msg_type: msg_type.to_string(),
            version: PROTOCOL_VERSION.to_string(),
        }
    }

    /// Frames for a message with the given parent header, metadata and content.
    pub fn encode(&self, identities: &[Bytes], msg_type: &str, parent: &Value, metadata: &Value, content: &Value) -> Vec<Bytes> {
        let header = serde_json::to_vec(&self.header(msg_type)).unwrap_or_else(|_| b"{}".to_vec());
        let json = |v: &Value| serde_json::to_vec(v).unwrap_or_else(|_| b"{}".to_vec());
        wire::join(&self.signer, identities, header, json(parent), json(metadata), json(content), &[])
    }

    /// A signed request from frames. The content is kept even when it is not JSON
    /// (as `null`), so that a handler can answer it with an error reply.
    pub fn decode(&self, frames: Vec<Bytes>) -> Result<Request, Rejected> {
        let raw = wire::split(frames, &self.signer, Some(&self.replays)).map_err(Rejected::Wire)?;
        let header_value: Value = serde_json::from_slice(&raw.header).map_err(|e| Rejected::Header(e.to_string()))?;
        if !header_value.is_object() {
            return Err(Rejected::Header("not a JSON object".into()));
        }
        let header: Header = serde_json::from_value(header_value.clone()).map_err(|e| Rejected::Header(e.to_string()))?;
        let metadata = serde_json::from_slice(&raw.metadata).unwrap_or_else(|_| Value::Object(Map::new()));
        let content = serde_json::from_slice(&raw.content).unwrap_or(Value::Null);
        Ok(Request {
            identities: raw.identities,
            header,
            raw_header: Arc::new(header_value),
            metadata,
            content,
            received: std::time::Instant::now(),
            buffers: raw.buffers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn frames(codec: &Codec, header: &str, content: &str) -> Vec<Bytes> {
        wire::join(
            &codec.signer,
            &[Bytes::from_static(b"id")],
            header.as_bytes().to_vec(),
            b"{}".to_vec(),
            b"{}".to_vec(),
            content.as_bytes().to_vec(),
            &[],
        )
    }

    #[test]
    fn headers_are_5_3_with_the_kernel_session() {
        let codec = Codec::new(b"k");
        let h = codec.header("status");
        assert_eq!(h.version, "5.3");
        assert_eq!(h.session, codec.session());
        assert_ne!(codec.header("status").msg_id, h.msg_id);
    }

    #[test]
    fn encoded_messages_decode() {
        let codec = Codec::new(b"k");
        let frames = codec.encode(&[Bytes::from_static(b"id")], "execute_request", &json!({}), &json!({}), &json!({"code": "1"}));
        let r = codec.decode(frames).expect("valid");
        assert_eq!(r.msg_type(), "execute_request");
        assert_eq!(r.content, json!({"code": "1"}));
        assert_eq!(r.raw_header["session"], json!(codec.session()));
    }

    #[test]
    fn bad_json_content_is_kept_as_null_but_bad_headers_are_rejected() {
        let codec = Codec::new(b"k");
        let r = codec.decode(frames(&codec, r#"{"msg_type":"execute_request"}"#, "{not json")).expect("signed");
        assert_eq!(r.content, Value::Null);
        assert_eq!(r.identities, vec![Bytes::from_static(b"id")]);
        assert!(matches!(codec.decode(frames(&codec, "[1]", "{}")), Err(Rejected::Header(_))));
        assert!(matches!(codec.decode(frames(&codec, r#"{"msg_id":"x"}"#, "{}")), Err(Rejected::Header(_))));
        assert!(matches!(codec.decode(frames(&codec, "\u{0}", "{}")), Err(Rejected::Header(_))));
    }
}
