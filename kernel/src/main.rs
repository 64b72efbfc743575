//! `h5lab-kernel`: the Jupyter kernel front end of h5lab.
//!
//! `h5lab-kernel --connection-file FILE` serves Jupyter's messaging protocol 5.3 over
//! ZeroMQ; `h5lab-kernel install` writes the kernelspec. See [`cli`] for the flags.

mod cli;
mod codec;
mod connection;
mod control;
mod executor;
mod guard;
mod handlers;
mod heartbeat;
mod history;
mod install;
mod iopub;
mod kernel;
mod log;
mod messages;
mod shell;
mod stdin;
mod wire;

use std::process::ExitCode;
use std::time::Duration;

use cli::Command;
use connection::ConnectionInfo;
use kernel::Ending;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        Err(e) => {
            eprintln!("h5lab-kernel: {e}\n\n{}", cli::help());
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            print!("{}", cli::help());
            ExitCode::SUCCESS
        }
        Command::Version => {
            let (major, minor, release) = h5lab_core::hdf5::run(h5lab_core::hdf5::library_version);
            println!("h5lab-kernel {} (HDF5 {major}.{minor}.{release})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Install { location, name, display_name } => {
            match install::install(&location, &name, display_name.as_deref(), &install::process_env) {
                Ok(dir) => {
                    println!("Installed kernelspec {name} in {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Uninstall { location, name } => match install::uninstall(&location, &name, &install::process_env) {
            Ok(dir) => {
                println!("Removed kernelspec {name} from {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        Command::Kernel { connection_file } => match ConnectionInfo::load(&connection_file) {
            Ok(info) => run_kernel(info),
            Err(e) => fail(&format!("{}: {e}", connection_file.display())),
        },
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("h5lab-kernel: {message}");
    ExitCode::FAILURE
}

/// Serves until shutdown. The sockets run on a single-threaded tokio runtime (they only
/// move bytes and wait; a second worker added cross-thread wake-ups to every message
/// and a malloc arena); cells run on the HDF5 owner thread.
fn run_kernel(info: ConnectionInfo) -> ExitCode {
    limit_malloc_arenas();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return fail(&format!("cannot start the async runtime: {e}")),
    };
    let ending = runtime.block_on(kernel::serve(info));
    runtime.shutdown_timeout(Duration::from_millis(100));
    match ending {
        Ok(Ending::Clean) => ExitCode::SUCCESS,
        Ok(Ending::SessionStuck) => {
            // The owner thread is still inside HDF5: running HDF5's exit handlers on
            // this thread now would race it. Leave without them.
            // SAFETY: _exit ends the process at once; nothing runs after it.
            unsafe { libc::_exit(1) }
        }
        Err(e) => fail(&e),
    }
}

/// glibc gives each thread that allocates its own malloc arena (64 MiB reserved, the
/// pages it touched resident and rarely returned). The kernel's threads take turns
/// (the socket thread waits while a cell runs and the other way round), so one shared
/// arena costs no contention and keeps idle memory down.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator tunable; it is called before any other
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
