//! The heartbeat: a REP socket that echoes every message, in its own task so it
//! answers whatever the rest of the kernel is doing.

use zeromq::{RepSocket, SocketRecv, SocketSend};

/// Echoes until the kernel exits.
pub async fn run(mut socket: RepSocket) {
    loop {
        match socket.recv().await {
            Ok(message) => {
                if let Err(e) = socket.send(message).await {
                    crate::debug!("heartbeat: cannot echo: {e}");
                }
            }
            Err(e) => {
                crate::debug!("heartbeat: receive failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
        }
    }
}
