//! The IOPub channel: one task owns the socket (XPUB, see below) and publishes, in
//! order, what every other part of the kernel hands it (status, execute_input,
//! streams, displays, results, errors). Stream chunks of the same stream and cell
//! that are queued together go out as one message, as ipykernel's buffered streams do.
//!
//! The socket is the `zeromq` crate's XPUB, not its PUB: to a SUB peer they are the
//! same, but PUB reserves a 100 000-message fan-out queue up front (3.9 MiB resident
//! from the start) and hands every message through two more tasks. XPUB writes to the
//! subscribers directly; it learns their subscriptions when it is read, so this task
//! reads it whenever nothing is waiting to be published.

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};
use tokio::sync::{mpsc, oneshot};
use zeromq::{SocketRecv, SocketSend, XPubSocket, ZmqMessage};

use crate::codec::Codec;
use crate::messages::{to_value, Parent, Status, Stream};

/// One thing to publish.
#[derive(Debug)]
enum Event {
    /// A message with its parent header.
    Publish { msg_type: String, parent: Parent, content: Value },
    /// Answered once everything queued before it has been handed to the socket.
    Flush(oneshot::Sender<()>),
}

/// A handle for publishing on IOPub; cheap to clone, usable from any thread.
#[derive(Debug, Clone)]
pub struct Iopub {
    events: mpsc::UnboundedSender<Event>,
}

/// The receiving end, for [`run`].
pub struct IopubQueue(mpsc::UnboundedReceiver<Event>);

impl Iopub {
    /// A handle and the queue that [`run`] drains.
    pub fn channel() -> (Iopub, IopubQueue) {
        let (events, queue) = mpsc::unbounded_channel();
        (Iopub { events }, IopubQueue(queue))
    }

    /// Publishes `content` as `msg_type` with `parent` as parent header.
    pub fn send<T: Serialize>(&self, parent: &Parent, msg_type: &str, content: &T) {
        self.send_value(parent, msg_type, to_value(content));
    }

    /// Publishes a content already in JSON.
    pub fn send_value(&self, parent: &Parent, msg_type: &str, content: Value) {
        let event = Event::Publish { msg_type: msg_type.to_string(), parent: parent.clone(), content };
        // The queue only closes when the kernel is exiting: nothing left to tell.
        let _ = self.events.send(event);
    }

    /// `status: busy|idle|starting`.
    pub fn status(&self, parent: &Parent, state: &'static str) {
        self.send(parent, "status", &Status { execution_state: state });
    }

    /// A stream chunk.
    pub fn stream(&self, parent: &Parent, name: &str, text: &str) {
        self.send(parent, "stream", &Stream { name: name.to_string(), text: text.to_string() });
    }

    /// Blocks (on a thread outside the async runtime) until everything queued so far
    /// has been handed to the socket.
    pub fn flush_blocking(&self) {
        let (done, wait) = oneshot::channel();
        if self.events.send(Event::Flush(done)).is_ok() {
            let _ = wait.blocking_recv();
        }
    }

    /// Waits until everything queued so far has been handed to the socket.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.events.send(Event::Flush(done)).is_ok() {
            let _ = wait.await;
        }
    }
}

/// An empty parent header (for `status: starting`).
pub fn no_parent() -> Parent {
    Arc::new(Value::Object(Map::new()))
}

/// Publishes queued events until every [`Iopub`] handle is gone.
pub async fn run(mut socket: XPubSocket, codec: Arc<Codec>, IopubQueue(mut queue): IopubQueue) {
    let empty = Value::Object(Map::new());
    let mut pending: Option<Event> = None;
    loop {
        let event = match pending.take() {
            Some(event) => event,
            None => match next_event(&mut socket, &mut queue).await {
                Some(event) => event,
                None => return,
            },
        };
        match event {
            Event::Flush(done) => {
                let _ = done.send(());
            }
            Event::Publish { msg_type, parent, mut content } => {
                if msg_type == "stream" {
                    pending = merge_following_streams(&mut queue, &parent, &mut content);
                }
                let topic = match (msg_type.as_str(), content.get("name").and_then(Value::as_str)) {
                    ("stream", Some(name)) => format!("stream.{name}"),
                    _ => format!("kernel.{}.{msg_type}", codec.session()),
                };
                let frames = codec.encode(&[bytes::Bytes::from(topic.into_bytes())], &msg_type, &parent, &empty, &content);
                match ZmqMessage::try_from(frames) {
                    Ok(message) => {
                        if let Err(e) = socket.send(message).await {
                            crate::warn!("iopub: cannot publish {msg_type}: {e}");
                        }
                    }
                    Err(e) => crate::warn!("iopub: cannot publish {msg_type}: {e}"),
                }
            }
        }
    }
}

/// The next event to publish; meanwhile, reads the subscriptions (and unsubscriptions)
/// that peers send, which the XPUB socket records as it reads them. `None` once every
/// handle is gone.
async fn next_event(socket: &mut XPubSocket, queue: &mut mpsc::UnboundedReceiver<Event>) -> Option<Event> {
    loop {
        tokio::select! {
            biased;
            event = queue.recv() => return event,
            subscription = socket.recv() => {
                if let Err(e) = subscription {
                    crate::debug!("iopub: a subscriber left: {e}");
                    // No peer at all makes recv fail at once: wait for an event then.
                    if matches!(e, zeromq::ZmqError::NoMessage) {
                        return queue.recv().await;
                    }
                }
            }
        }
    }
}

/// Appends to `content` the text of stream events already queued right behind it for
/// the same stream and parent; returns the first event that did not fit.
fn merge_following_streams(queue: &mut mpsc::UnboundedReceiver<Event>, parent: &Parent, content: &mut Value) -> Option<Event> {
    let name = content.get("name").and_then(Value::as_str).map(str::to_string)?;
    let mut text = content.get("text").and_then(Value::as_str).map(str::to_string)?;
    let mut leftover = None;
    while let Ok(next) = queue.try_recv() {
        match &next {
            Event::Publish { msg_type, parent: p, content: c }
                if msg_type == "stream"
                    && (Arc::ptr_eq(p, parent) || p == parent)
                    && c.get("name").and_then(Value::as_str) == Some(name.as_str()) =>
            {
                if let Some(more) = c.get("text").and_then(Value::as_str) {
                    text.push_str(more);
                }
            }
            _ => {
                leftover = Some(next);
                break;
            }
        }
    }
    content["text"] = Value::String(text);
    leftover
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn queued_chunks_of_one_stream_merge_and_order_is_kept() {
        let (iopub, IopubQueue(mut queue)) = Iopub::channel();
        let parent = Arc::new(json!({"msg_id": "a"}));
        iopub.stream(&parent, "stdout", "b");
        iopub.stream(&parent, "stdout", "c");
        iopub.stream(&parent, "stderr", "d");
        let Ok(Event::Publish { mut content, .. }) = queue.try_recv() else { panic!("queued") };
        let rest = merge_following_streams(&mut queue, &parent, &mut content);
        assert_eq!(content["text"], json!("bc"));
        match rest {
            Some(Event::Publish { content, .. }) => assert_eq!(content["text"], json!("d")),
            other => panic!("unexpected {other:?}"),
        }
    }
}
