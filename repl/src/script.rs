//! Running code without prompts: `h5lab run FILE.py [ARGS]` (the file as one cell, as
//! `python3 FILE.py` runs it: what it prints, no `Out`, CPython's traceback on stderr
//! and status 1 on an uncaught exception) and `h5lab -c CODE` (one cell, shown as
//! IPython shows it).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use h5lab_core::session::InputError;

use crate::output::{self, Prompts};
use crate::worker::{Event, Worker};

/// Answers `input()` from stdin (no line editing: scripts may be fed from a pipe).
fn input_line(prompt: &str) -> Result<String, InputError> {
    use std::io::{BufRead, Write};
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => Err(InputError::EndOfInput),
        Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_string()),
    }
}

fn on_event(event: Event) {
    match event {
        Event::Stream(name, text) => output::stream(name, &text),
        Event::Display(bundle) => output::display(&bundle),
        Event::ClearOutput | Event::Done(_) => {}
        Event::Input { prompt, answer, .. } => {
            let _ = answer.send(input_line(&prompt));
        }
    }
}

/// Installs the SIGINT handler so Ctrl-C raises KeyboardInterrupt in the code.
fn interruptible(worker: &Worker) {
    let (running, interrupt) = worker.interrupt_flags();
    let _ = h5lab_core::interrupt::install_sigint_handler(running, interrupt);
}

/// `h5lab run FILE [ARGS]`.
pub fn run(file: &Path, args: &[String], color: bool) -> ExitCode {
    let code = match std::fs::read_to_string(file) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("h5lab: can't open file '{}': [Errno {}] {}", file.display(), e.raw_os_error().unwrap_or(0), plain_io_error(&e));
            return ExitCode::from(2);
        }
    };
    let path: PathBuf = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let worker = Worker::start(cwd, color);
    interruptible(&worker);
    let mut argv = vec![file.to_string_lossy().into_owned()];
    argv.extend(args.iter().cloned());
    worker.set_argv(argv);
    let finished = worker.execute(&code, Some(&path.to_string_lossy()), &mut on_event);
    worker.stop();
    let Some(finished) = finished else { return ExitCode::FAILURE };
    match &finished.outcome.error {
        None => ExitCode::SUCCESS,
        Some(error) if error.ename == "SystemExit" => system_exit_status(&error.evalue),
        Some(error) => {
            let text = finished.plain_traceback.clone().unwrap_or_else(|| format!("{}: {}\n", error.ename, error.evalue));
            output::stream(h5lab_core::session::StreamName::Stderr, &text);
            ExitCode::FAILURE
        }
    }
}

/// `sys.exit(arg)`: status 0 for no argument or None, the number for an int, 1 (with
/// the message on stderr) for anything else.
fn system_exit_status(evalue: &str) -> ExitCode {
    if evalue.is_empty() || evalue == "None" {
        return ExitCode::SUCCESS;
    }
    match evalue.parse::<i64>() {
        Ok(n) => ExitCode::from((n & 0xff) as u8),
        Err(_) => {
            eprintln!("{evalue}");
            ExitCode::FAILURE
        }
    }
}

/// The strerror text of an I/O error, without Rust's ` (os error N)` suffix.
fn plain_io_error(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// `h5lab -c CODE`: one cell with IPython's display (`Out[1]: ...`, tracebacks on
/// stdout), status 1 when it raises.
pub fn code(code: &str, color: bool) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let worker = Worker::start(cwd, color);
    interruptible(&worker);
    let finished = worker.execute(code, None, &mut on_event);
    worker.stop();
    let Some(finished) = finished else { return ExitCode::FAILURE };
    output::outcome(&finished.outcome, Prompts { color }, false);
    if finished.outcome.error.is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
