//! The running kernel: what every channel shares, the binding of the five sockets, and
//! the ways it ends (shutdown_request, `exit()`, SIGTERM).
//!
//! Tasks (tokio, one thread): heartbeat echo, shell reader + serial shell handler,
//! control, iopub publisher, stdin sender + receiver, signals. Cells run on the HDF5
//! owner thread ([`crate::executor`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::watch;
use zeromq::{RepSocket, RouterSocket, Socket, XPubSocket};

use crate::codec::Codec;
use crate::connection::{Channel, ConnectionInfo};
use crate::executor::Executor;
use crate::history::History;
use crate::iopub::{self, Iopub};
use crate::messages::{to_value, Parent, CodemirrorMode, HelpLink, KernelInfoReply, LanguageInfo, ShutdownReply, PROTOCOL_VERSION};
use crate::{control, guard, heartbeat, shell, stdin};

/// The Python version whose behaviour h5lab's dialect follows.
pub const PYTHON_VERSION: &str = "3.11.7";

/// How long a shutdown waits for the session to close its files.
const CLOSE_LIMIT: Duration = Duration::from_millis(1800);

/// How the kernel ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Files closed, session dropped: exit normally.
    Clean,
    /// The session did not answer in time (a cell stuck inside one long call): exit
    /// without running HDF5's exit handlers concurrently with it.
    SessionStuck,
}

/// What the channels share.
pub struct Kernel {
    /// Signing and headers.
    pub codec: Arc<Codec>,
    /// Publishing.
    pub iopub: Iopub,
    /// The session on the owner thread.
    pub executor: Executor,
    /// Stored cells.
    pub history: Mutex<History>,
    /// The connection file.
    pub connection: ConnectionInfo,
    /// The kernel_info_reply content.
    pub info: KernelInfoReply,
    ending: watch::Sender<Option<Ending>>,
    shutting_down: AtomicBool,
    stopped: Mutex<Option<Ending>>,
}

impl Kernel {
    /// Closes every file and stops the session; the `shutdown_reply` content, also
    /// broadcast on IOPub as ipykernel does. The kernel exits once the caller has
    /// replied and published `idle` ([`Kernel::finish_if_stopped`]). A restart is the
    /// client's to do: it starts a fresh process, hence a fresh Session.
    pub async fn shutdown(&self, parent: &Parent, restart: bool) -> Value {
        let content = to_value(&ShutdownReply { status: "ok", restart });
        let ending = self.stop().await;
        if let Ok(mut pending) = self.stopped.lock() {
            *pending = Some(ending);
        }
        self.iopub.send_value(parent, "shutdown_reply", content.clone());
        content
    }

    /// After a request's `idle`: ends the kernel if that request stopped it.
    pub fn finish_if_stopped(&self) {
        let ending = self.stopped.lock().ok().and_then(|mut p| p.take());
        if let Some(ending) = ending {
            self.finish(ending);
        }
    }

    /// Stops the session (once); how it went.
    pub async fn stop(&self) -> Ending {
        self.shutting_down.store(true, Ordering::SeqCst);
        if self.executor.shutdown(CLOSE_LIMIT).await {
            Ending::Clean
        } else {
            crate::warn!("the session did not stop within {CLOSE_LIMIT:?}; exiting anyway");
            Ending::SessionStuck
        }
    }

    /// Tells `serve` to return (after IOPub drains).
    pub fn finish(&self, ending: Ending) {
        let _ = self.ending.send(Some(ending));
    }

    /// Whether a shutdown has begun.
    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }
}

/// kernel_info's content.
pub fn kernel_info(hdf5_version: (u32, u32, u32)) -> KernelInfoReply {
    let version = env!("CARGO_PKG_VERSION");
    let (major, minor, release) = hdf5_version;
    KernelInfoReply {
        status: "ok",
        protocol_version: PROTOCOL_VERSION.into(),
        implementation: "h5lab".into(),
        implementation_version: version.into(),
        language_info: LanguageInfo {
            name: "python".into(),
            version: PYTHON_VERSION.into(),
            mimetype: "text/x-python".into(),
            file_extension: ".py".into(),
            pygments_lexer: "ipython3".into(),
            codemirror_mode: CodemirrorMode { name: "ipython".into(), version: 3 },
            nbconvert_exporter: "python".into(),
        },
        banner: format!(
            "h5lab {version} (HDF5 {major}.{minor}.{release}): explore HDF5 files in the h5py/NumPy dialect of Python\n\
             Python {PYTHON_VERSION} semantics; h5py, numpy, os and sys are importable.\n"
        ),
        debugger: false,
        help_links: vec![
            HelpLink { text: "h5py".into(), url: "https://docs.h5py.org/en/stable/".into() },
            HelpLink { text: "HDF5".into(), url: "https://support.hdfgroup.org/documentation/hdf5/latest/".into() },
            HelpLink { text: "NumPy".into(), url: "https://numpy.org/doc/stable/".into() },
        ],
    }
}

/// Binds the sockets, starts the session and serves until a shutdown; how it ended.
pub async fn serve(connection: ConnectionInfo) -> Result<Ending, String> {
    // Signal handlers first: a client may interrupt (SIGINT) a kernel that is still
    // starting, and SIGINT's default action would kill it.
    let (running, interrupt) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let signals = Signals::install(running.clone(), interrupt.clone())?;
    // The public ports first, so that clients connect at once. They are the guard's;
    // the ZeroMQ sockets listen privately behind it.
    let private = guard::PrivateDir::create().map_err(|e| format!("cannot create the sockets' directory: {e}"))?;
    let mut guards = Vec::new();
    let mut expose = async |channel: Channel, name: &'static str| -> Result<String, String> {
        let public = guard::Public::bind(&connection.transport, &connection.ip, connection.port(channel))
            .await
            .map_err(|e| format!("cannot bind {name} on {}: {e}", connection.endpoint(channel)))?;
        let internal = private.socket(name);
        guards.push((public, internal.clone(), name));
        Ok(format!("ipc://{}", internal.display()))
    };
    let shell_at = expose(Channel::Shell, "shell").await?;
    let control_at = expose(Channel::Control, "control").await?;
    let stdin_at = expose(Channel::Stdin, "stdin").await?;
    let iopub_at = expose(Channel::Iopub, "iopub").await?;
    let hb_at = expose(Channel::Heartbeat, "hb").await?;
    // The public ports are listening (a client connecting now is accepted, not refused
    // and retried 100 ms later): start HDF5 and the session.
    let hdf5_version = tokio::task::spawn_blocking(|| h5lab_core::hdf5::run(h5lab_core::hdf5::library_version))
        .await
        .map_err(|e| format!("cannot initialise HDF5: {e}"))?;
    let codec = Arc::new(Codec::new(connection.key.as_bytes()));
    let (iopub_handle, iopub_queue) = Iopub::channel();
    let (prompts, prompt_queue, answers, answer_sender) = stdin::channel();
    let executor = Executor::start(iopub_handle.clone(), prompts, answers, running, interrupt).map_err(|e| format!("cannot start the session thread: {e}"))?;
    let bind_err = |name: &str, e: zeromq::ZmqError| format!("cannot bind the {name} socket: {e}");
    let mut shell_socket = RouterSocket::new();
    shell_socket.bind(&shell_at).await.map_err(|e| bind_err("shell", e))?;
    let mut control_socket = RouterSocket::new();
    control_socket.bind(&control_at).await.map_err(|e| bind_err("control", e))?;
    let mut stdin_socket = RouterSocket::new();
    stdin_socket.bind(&stdin_at).await.map_err(|e| bind_err("stdin", e))?;
    let mut iopub_socket = XPubSocket::new();
    iopub_socket.bind(&iopub_at).await.map_err(|e| bind_err("iopub", e))?;
    let mut hb_socket = RepSocket::new();
    hb_socket.bind(&hb_at).await.map_err(|e| bind_err("heartbeat", e))?;

    let (ending, mut ended) = watch::channel(None);
    let kernel = Arc::new(Kernel {
        codec: codec.clone(),
        iopub: iopub_handle.clone(),
        executor,
        history: Mutex::new(History::default()),
        connection,
        info: kernel_info(hdf5_version),
        ending,
        shutting_down: AtomicBool::new(false),
        stopped: Mutex::new(None),
    });

    let mut tasks = Vec::new();
    for (public, internal, name) in guards {
        tasks.push(guard::serve(public, internal, name));
    }
    tasks.push(tokio::spawn(iopub::run(iopub_socket, codec.clone(), iopub_queue)));
    tasks.push(tokio::spawn(heartbeat::run(hb_socket)));
    let (stdin_send, stdin_recv) = stdin_socket.split();
    tasks.push(tokio::spawn(stdin::send_prompts(stdin_send, codec.clone(), prompt_queue)));
    tasks.push(tokio::spawn(stdin::receive_answers(stdin_recv, codec.clone(), answer_sender)));
    let (shell_send, shell_recv) = shell_socket.split();
    tasks.extend(shell::start(kernel.clone(), shell_recv, shell_send));
    let (control_send, control_recv) = control_socket.split();
    tasks.push(tokio::spawn(control::run(kernel.clone(), control_recv, control_send)));
    tasks.push(tokio::spawn(signals.serve(kernel.clone())));
    if std::env::var_os("JPY_PARENT_PID").is_some() {
        tasks.push(tokio::spawn(watch_parent(kernel.clone())));
    }

    iopub_handle.status(&iopub::no_parent(), "starting");

    let how = loop {
        if let Some(how) = *ended.borrow_and_update() {
            break how;
        }
        if ended.changed().await.is_err() {
            break Ending::Clean;
        }
    };
    // Let what is queued (shutdown_reply, idle) reach the sockets' writers, then give
    // the writers a moment to put it on the wire.
    let _ = tokio::time::timeout(Duration::from_millis(500), iopub_handle.flush()).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    for task in tasks {
        task.abort();
    }
    drop(private);
    Ok(how)
}

/// Started by a Jupyter server (`JPY_PARENT_PID` set), the kernel ends with it, as
/// ipykernel's parent poller does: when the parent process is gone (the kernel has
/// been re-parented), files are closed and the kernel exits instead of lingering.
async fn watch_parent(kernel: Arc<Kernel>) {
    // SAFETY: getppid has no preconditions and cannot fail.
    let parent = unsafe { libc::getppid() };
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        // SAFETY: as above.
        if unsafe { libc::getppid() } != parent {
            crate::warn!("the parent process {parent} is gone: closing files and exiting");
            let ending = kernel.stop().await;
            kernel.finish(ending);
            return;
        }
    }
}

/// The signals the kernel handles, installed before anything else. SIGINT is handled
/// at delivery by h5lab-core's handler (it raises the running cell's interrupt flag,
/// and drops the signal when no cell runs, so it cannot leak into the next cell).
struct Signals {
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn install(running: Arc<AtomicBool>, interrupt: Arc<AtomicBool>) -> Result<Signals, String> {
        use tokio::signal::unix::{signal, SignalKind};
        h5lab_core::interrupt::install_sigint_handler(running, interrupt)
            .map_err(|e| format!("cannot install the SIGINT handler: {e}"))?;
        let install = |kind| signal(kind).map_err(|e| format!("cannot install a signal handler: {e}"));
        Ok(Signals { term: install(SignalKind::terminate())?, hup: install(SignalKind::hangup())? })
    }

    /// SIGTERM closes the files and ends the kernel; SIGHUP is ignored (a closed terminal is no reason to
    /// lose a session).
    async fn serve(mut self, kernel: Arc<Kernel>) {
        loop {
            tokio::select! {
                _ = self.term.recv() => {
                    crate::debug!("SIGTERM: closing files and exiting");
                    let ending = kernel.stop().await;
                    kernel.finish(ending);
                    return;
                }
                _ = self.hup.recv() => {}
            }
        }
    }
}
