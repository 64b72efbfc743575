//! The one thread that makes every HDF5 call.
//!
//! The bundled HDF5 is built without its thread-safety lock, so two threads must never
//! be inside the library at once. h5lab makes that impossible to get wrong in safe code:
//!
//! - every way into HDF5 needs a [`Library`] token (opening a file, creating a dataspace
//!   or a property list, ...), or a handle made from one;
//! - a `Library` exists only on the owner thread, lent to closures passed to [`run`];
//! - the token and every handle are `!Send`: they cannot leave the owner thread.
//!
//! The owner thread is started on first use, initialises HDF5 once (and silences its
//! automatic error printing), then runs jobs one after another until the process exits.
//! A front end runs its whole `Session` as one long job; tests run short ones.

use std::any::Any;
use std::marker::PhantomData;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::thread::{self, ThreadId};

/// Proof that the current thread is HDF5's owner thread. Zero-sized, `!Send`, not
/// constructible outside this module: it is only ever lent out by [`run`].
pub struct Library {
    _not_send: PhantomData<*mut ()>,
}

impl Library {
    /// The token for code already running on the owner thread (inside a job).
    fn on_owner_thread() -> Library {
        Library { _not_send: PhantomData }
    }

    /// Another token for the same thread: holding one proves this is the owner thread,
    /// so long-lived owner-thread state (a session) may keep its own.
    pub fn token(&self) -> Library {
        Library::on_owner_thread()
    }
}

type Job = Box<dyn FnOnce(&Library) + Send>;

struct Owner {
    jobs: mpsc::Sender<Job>,
    thread: ThreadId,
}

static OWNER: OnceLock<Owner> = OnceLock::new();

fn owner() -> &'static Owner {
    OWNER.get_or_init(|| {
        let (jobs, queue) = mpsc::channel::<Job>();
        let handle = thread::Builder::new()
            .name("hdf5-owner".into())
            // The interpreter recurses on the owner thread: give it room (deep user
            // recursion is cut by a RecursionError long before this is exhausted).
            .stack_size(256 << 20)
            .spawn(move || {
                super::library_init::initialise();
                let lib = Library::on_owner_thread();
                for job in queue {
                    job(&lib);
                }
            })
            .expect("failed to start the HDF5 owner thread");
        Owner { jobs, thread: handle.thread().id() }
    })
}

/// True when called on the HDF5 owner thread.
pub fn is_owner_thread() -> bool {
    OWNER.get().is_some_and(|o| o.thread == thread::current().id())
}

/// Runs `f` on the HDF5 owner thread with the library token and returns its result,
/// blocking the caller until it is done. Called from the owner thread itself (from
/// inside a job), `f` runs at once. A panic in `f` is carried back to the caller; the
/// owner thread survives it.
pub fn run<R, F>(f: F) -> R
where
    R: Send + 'static,
    F: FnOnce(&Library) -> R + Send + 'static,
{
    if is_owner_thread() {
        return f(&Library::on_owner_thread());
    }
    let (done, result) = mpsc::sync_channel::<Result<R, Box<dyn Any + Send>>>(1);
    let job: Job = Box::new(move |lib| {
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| f(lib)));
        let _ = done.send(outcome);
    });
    if owner().jobs.send(job).is_err() {
        panic!("the HDF5 owner thread has stopped");
    }
    match result.recv() {
        Ok(Ok(value)) => value,
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!("the HDF5 owner thread has stopped"),
    }
}
