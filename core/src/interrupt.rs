//! SIGINT as a KeyboardInterrupt for the running cell.
//!
//! The handler runs at delivery, in whichever thread the kernel picks, and does one
//! thing: if a cell is running, it raises the session's interrupt flag (checked at the
//! next statement or loop iteration). A SIGINT that arrives while no cell runs is
//! dropped, so it can never leak into the next cell — which a handler that is only
//! scheduled later (an async task) cannot promise.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

struct Flags {
    running: Arc<AtomicBool>,
    interrupt: Arc<AtomicBool>,
}

static FLAGS: OnceLock<Flags> = OnceLock::new();

extern "C" fn on_sigint(_signal: libc::c_int) {
    // Only atomic loads and stores: async-signal-safe.
    if let Some(flags) = FLAGS.get() {
        if flags.running.load(Ordering::SeqCst) {
            flags.interrupt.store(true, Ordering::SeqCst);
        }
    }
}

/// Installs the process's SIGINT handler: while `running` is set, a SIGINT sets
/// `interrupt`. Once per process; a second call fails.
pub fn install_sigint_handler(running: Arc<AtomicBool>, interrupt: Arc<AtomicBool>) -> std::io::Result<()> {
    if FLAGS.set(Flags { running, interrupt }).is_err() {
        return Err(std::io::Error::other("the SIGINT handler is already installed"));
    }
    // SAFETY: a zeroed sigaction is valid; the handler only touches atomics.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        if libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}
