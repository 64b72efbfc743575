//! A guard in front of every ZeroMQ socket: it owns the public ports (as the
//! connection file names them) and forwards each connection's bytes to the socket,
//! which listens on a Unix socket in a private (0700) directory.
//!
//! Why: the `zeromq` crate reserves memory for a frame as soon as it reads the frame's
//! length, and a 64-bit length from a stray or hostile peer (`\xff...` then garbage)
//! makes that allocation fail, which aborts the process. libzmq closes such a
//! connection instead; the guard does the same, reading the ZMTP 3 framing of what
//! peers send and dropping a connection whose greeting is wrong or whose frame claims
//! more than [`MAX_FRAME`] bytes. What the kernel sends back is copied untouched.

use std::io;
use std::path::{Path, PathBuf};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, UnixListener, UnixStream};
use tokio::task::JoinHandle;

/// The largest frame a peer may send (1 GiB; libzmq's default is unlimited, but a
/// notebook never sends anything near this).
pub const MAX_FRAME: u64 = 1 << 30;

/// The length of a ZMTP 3 greeting.
const GREETING: usize = 64;

/// Where the guarded ZeroMQ sockets listen: a fresh 0700 directory, removed on drop.
pub struct PrivateDir(PathBuf);

impl PrivateDir {
    /// Creates the directory under the system's temporary directory.
    pub fn create() -> io::Result<PrivateDir> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let name = format!("h5lab-kernel-{}-{}", std::process::id(), &id[..12]);
        let dir = std::env::temp_dir().join(name);
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(&dir)?;
        Ok(PrivateDir(dir))
    }

    /// The internal socket path for a channel.
    pub fn socket(&self, channel: &str) -> PathBuf {
        self.0.join(channel)
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A public listener, as the connection file asks.
pub enum Public {
    /// `tcp://ip:port`.
    Tcp(TcpListener),
    /// `ipc://path`.
    Ipc(UnixListener, PathBuf),
}

impl Public {
    /// Binds the public address of a channel (`transport` tcp or ipc).
    pub async fn bind(transport: &str, ip: &str, port: u16) -> io::Result<Public> {
        if transport == "ipc" {
            let path = PathBuf::from(format!("{ip}-{port}"));
            // A stale socket file from an earlier kernel would make bind fail.
            if path.exists() {
                let _ = std::fs::remove_file(&path);
            }
            Ok(Public::Ipc(UnixListener::bind(&path)?, path))
        } else {
            let host = if ip == "*" { "0.0.0.0" } else { ip.trim_start_matches('[').trim_end_matches(']') };
            Ok(Public::Tcp(TcpListener::bind((host, port)).await?))
        }
    }
}

impl Drop for Public {
    fn drop(&mut self) {
        if let Public::Ipc(_, path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Accepts public connections forever, forwarding each to `internal`.
pub fn serve(public: Public, internal: PathBuf, channel: &'static str) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let accepted = match &public {
                Public::Tcp(l) => l.accept().await.map(|(s, _)| {
                    let _ = s.set_nodelay(true);
                    let (r, w) = s.into_split();
                    (Box::new(r) as Box<dyn AsyncRead + Send + Unpin>, Box::new(w) as Box<dyn AsyncWrite + Send + Unpin>)
                }),
                Public::Ipc(l, _) => l.accept().await.map(|(s, _)| {
                    let (r, w) = s.into_split();
                    (Box::new(r) as Box<dyn AsyncRead + Send + Unpin>, Box::new(w) as Box<dyn AsyncWrite + Send + Unpin>)
                }),
            };
            match accepted {
                Ok((read, write)) => {
                    let internal = internal.clone();
                    tokio::spawn(async move { forward(read, write, &internal, channel).await });
                }
                Err(e) => {
                    crate::warn!("{channel}: accept failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            }
        }
    })
}

async fn forward(
    peer_read: Box<dyn AsyncRead + Send + Unpin>,
    mut peer_write: Box<dyn AsyncWrite + Send + Unpin>,
    internal: &Path,
    channel: &'static str,
) {
    let inner = match UnixStream::connect(internal).await {
        Ok(s) => s,
        Err(e) => {
            crate::warn!("{channel}: cannot reach the socket: {e}");
            return;
        }
    };
    let (inner_read, mut inner_write) = inner.into_split();
    let inbound = checked_copy(peer_read, &mut inner_write, channel);
    let outbound = async {
        let mut inner_read = inner_read;
        let _ = tokio::io::copy(&mut inner_read, &mut peer_write).await;
    };
    // Whichever direction ends first ends the connection (both halves are dropped).
    tokio::select! {
        _ = inbound => {}
        _ = outbound => {}
    }
}

async fn checked_copy<W: AsyncWrite + Unpin>(mut from: Box<dyn AsyncRead + Send + Unpin>, to: &mut W, channel: &str) {
    let mut buf = vec![0u8; 64 * 1024];
    let mut scanner = Scanner::default();
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if let Err(why) = scanner.feed(&buf[..n]) {
            crate::warn!("{channel}: dropped a connection: {why}");
            return;
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

/// Follows the ZMTP 3 framing of a byte stream.
#[derive(Debug, Default)]
pub struct Scanner {
    state: State,
}

#[derive(Debug, Default)]
enum State {
    /// Expecting the greeting's first byte (0xFF).
    #[default]
    Greeting0,
    /// Inside the greeting, this many bytes read.
    Greeting(usize),
    /// Expecting a frame's flags byte.
    Flags,
    /// Reading a long (8-byte) length: bytes so far.
    LongLength(u8, [u8; 8]),
    /// Expecting a short (1-byte) length.
    ShortLength,
    /// Skipping a frame body: bytes left.
    Body(u64),
}

impl Scanner {
    /// Advances over `bytes`; an error when the stream is not ZMTP 3 or a frame is
    /// too long.
    pub fn feed(&mut self, mut bytes: &[u8]) -> Result<(), String> {
        while !bytes.is_empty() {
            match &mut self.state {
                State::Greeting0 => {
                    if bytes[0] != 0xff {
                        return Err("not a ZMTP greeting".into());
                    }
                    self.state = State::Greeting(1);
                    bytes = &bytes[1..];
                }
                State::Greeting(read) => {
                    let take = (GREETING - *read).min(bytes.len());
                    if *read < 10 && *read + take >= 10 && bytes[9 - *read] & 1 != 1 {
                        // Byte 9 of the signature is 0x7F (ZMTP 3 and 2 set its low bit).
                        return Err("not a ZMTP 3 greeting".into());
                    }
                    *read += take;
                    bytes = &bytes[take..];
                    if *read == GREETING {
                        self.state = State::Flags;
                    }
                }
                State::Flags => {
                    let flags = bytes[0];
                    if flags & !0b111 != 0 {
                        return Err(format!("bad frame flags {flags:#x}"));
                    }
                    self.state = if flags & 0b10 != 0 { State::LongLength(0, [0; 8]) } else { State::ShortLength };
                    bytes = &bytes[1..];
                }
                State::ShortLength => {
                    self.state = body(u64::from(bytes[0]));
                    bytes = &bytes[1..];
                }
                State::LongLength(have, buf) => {
                    let take = (8 - *have as usize).min(bytes.len());
                    buf[*have as usize..*have as usize + take].copy_from_slice(&bytes[..take]);
                    *have += take as u8;
                    bytes = &bytes[take..];
                    if *have == 8 {
                        let len = u64::from_be_bytes(*buf);
                        if len > MAX_FRAME {
                            return Err(format!("a frame of {len} bytes (limit {MAX_FRAME})"));
                        }
                        self.state = body(len);
                    }
                }
                State::Body(left) => {
                    let take = (*left).min(bytes.len() as u64);
                    *left -= take;
                    bytes = &bytes[take as usize..];
                    if *left == 0 {
                        self.state = State::Flags;
                    }
                }
            }
        }
        Ok(())
    }
}

fn body(len: u64) -> State {
    if len == 0 {
        State::Flags
    } else {
        State::Body(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn greeting() -> Vec<u8> {
        let mut g = vec![0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0];
        g.extend(b"NULL");
        g.resize(GREETING, 0);
        g
    }

    #[test]
    fn frames_split_anywhere_are_followed() {
        let mut stream = greeting();
        stream.extend([0x04, 5]);
        stream.extend(b"READY");
        stream.extend([0x03, 0, 0, 0, 0, 0, 0, 1, 0]);
        stream.extend(vec![7u8; 256]);
        stream.extend([0x00, 0]);
        for chunk in [1, 3, 7, 64, 1000] {
            let mut s = Scanner::default();
            for piece in stream.chunks(chunk) {
                s.feed(piece).expect("valid");
            }
            assert!(matches!(s.state, State::Flags), "chunk {chunk}: {:?}", s.state);
        }
    }

    #[test]
    fn huge_frames_and_non_zmtp_streams_are_refused() {
        let mut huge = greeting();
        huge.extend([0x02, 0x61, 0x41, 0x7a, 0, 0, 0, 0, 0]);
        assert!(Scanner::default().feed(&huge).is_err());
        assert!(Scanner::default().feed(b"GET / HTTP/1.1\r\n").is_err());
        let mut bad = greeting();
        bad[9] = 0x00;
        assert!(Scanner::default().feed(&bad).is_err());
        let mut flags = greeting();
        flags.push(0xf0);
        assert!(Scanner::default().feed(&flags).is_err());
    }
}
