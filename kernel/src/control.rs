//! The control channel: served apart from the shell so that interrupt, shutdown and
//! kernel_info answer while a cell runs. Requests that need the session (complete,
//! inspect, is_complete) would wait behind the running cell; they get a task of their
//! own so control never blocks.

use std::sync::Arc;

use tokio::sync::mpsc;
use zeromq::{RouterRecvHalf, RouterSendHalf};

use crate::handlers::{self, needs_session};
use crate::kernel::Kernel;
use crate::messages::Request;
use crate::shell::read_requests;

/// Serves the control channel until the kernel exits.
pub async fn run(kernel: Arc<Kernel>, recv: RouterRecvHalf, mut socket: RouterSendHalf) {
    let (queue_in, mut queue) = mpsc::unbounded_channel::<Request>();
    tokio::spawn(read_requests(kernel.clone(), recv, "control", queue_in));
    while let Some(request) = queue.recv().await {
        if needs_session(request.msg_type()) {
            let (kernel, mut socket) = (kernel.clone(), socket.clone());
            tokio::spawn(async move { serve_one(&kernel, &mut socket, &request).await });
        } else {
            serve_one(&kernel, &mut socket, &request).await;
        }
    }
}

async fn serve_one(kernel: &Kernel, socket: &mut RouterSendHalf, request: &Request) {
    kernel.iopub.status(&request.raw_header, "busy");
    handlers::handle(kernel, socket, request).await;
    kernel.iopub.status(&request.raw_header, "idle");
    kernel.finish_if_stopped();
}
