//! The stdin channel: `input()` in a cell sends an `input_request` to the client that
//! sent the execute request (same routing identities, on the stdin ROUTER) and waits
//! for its `input_reply`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc as std_mpsc, Arc};
use std::time::Duration;

use bytes::Bytes;
use h5lab_core::session::InputError;
use serde_json::{Map, Value};
use tokio::sync::mpsc;
use zeromq::{RouterRecvHalf, RouterSendHalf, SocketRecv, SocketSend, ZmqMessage};

use crate::codec::Codec;
use crate::messages::{to_value, InputReply, InputRequest, Parent};

/// One `input()` prompt to send.
#[derive(Debug)]
pub struct Prompt {
    /// The execute request's routing identities.
    pub identities: Vec<Bytes>,
    /// The execute request's header.
    pub parent: Parent,
    /// The prompt text.
    pub prompt: String,
    /// Hide the typing.
    pub password: bool,
}

/// Sends prompts to the stdin task (used by the owner thread).
#[derive(Debug, Clone)]
pub struct Prompts(mpsc::UnboundedSender<Prompt>);

/// The stdin task's queue of prompts.
pub struct PromptQueue(mpsc::UnboundedReceiver<Prompt>);

/// The owner thread's end of the replies.
pub struct Answers(std_mpsc::Receiver<String>);

/// The stdin task's end of the replies.
#[derive(Clone)]
pub struct AnswerSender(std_mpsc::Sender<String>);

/// The four ends: prompts go from the owner thread to the stdin task, answers back.
pub fn channel() -> (Prompts, PromptQueue, Answers, AnswerSender) {
    let (prompts, queue) = mpsc::unbounded_channel();
    let (answer_tx, answers) = std_mpsc::channel();
    (Prompts(prompts), PromptQueue(queue), Answers(answers), AnswerSender(answer_tx))
}

impl Prompts {
    /// Asks the client for a line and blocks (on the owner thread) until it answers, the
    /// cell is interrupted, or the kernel is stopping.
    pub fn ask(&self, answers: &Answers, prompt: Prompt, interrupt: &AtomicBool, stopping: &AtomicBool) -> Result<String, InputError> {
        // Replies to earlier prompts that nobody waited for are stale.
        while answers.0.try_recv().is_ok() {}
        if self.0.send(prompt).is_err() {
            return Err(InputError::EndOfInput);
        }
        loop {
            if interrupt.load(Ordering::SeqCst) || stopping.load(Ordering::SeqCst) {
                return Err(InputError::Interrupted);
            }
            match answers.0.recv_timeout(Duration::from_millis(20)) {
                Ok(line) => return Ok(line),
                Err(std_mpsc::RecvTimeoutError::Timeout) => continue,
                Err(std_mpsc::RecvTimeoutError::Disconnected) => return Err(InputError::EndOfInput),
            }
        }
    }
}

/// Sends queued prompts as `input_request`s.
pub async fn send_prompts(mut socket: RouterSendHalf, codec: Arc<Codec>, PromptQueue(mut queue): PromptQueue) {
    let metadata = Value::Object(Map::new());
    while let Some(p) = queue.recv().await {
        let content = to_value(&InputRequest { prompt: p.prompt, password: p.password });
        let frames = codec.encode(&p.identities, "input_request", &p.parent, &metadata, &content);
        match ZmqMessage::try_from(frames) {
            Ok(message) => {
                if let Err(e) = socket.send(message).await {
                    crate::warn!("stdin: cannot send input_request: {e}");
                }
            }
            Err(e) => crate::warn!("stdin: {e}"),
        }
    }
}

/// Receives `input_reply`s and hands their values to the waiting cell.
pub async fn receive_answers(mut socket: RouterRecvHalf, codec: Arc<Codec>, answers: AnswerSender) {
    loop {
        let message = match socket.recv().await {
            Ok(m) => m,
            Err(e) => {
                crate::warn!("stdin: receive failed: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let request = match codec.decode(message.into_vec()) {
            Ok(r) => r,
            Err(e) => {
                crate::warn!("stdin: dropped a message: {e}");
                continue;
            }
        };
        if request.msg_type() != "input_reply" {
            crate::warn!("stdin: ignored a {} message", request.msg_type());
            continue;
        }
        match request.parse::<InputReply>() {
            Ok(reply) => {
                let _ = answers.0.send(reply.value);
            }
            Err(e) => crate::warn!("stdin: {e}"),
        }
    }
}
