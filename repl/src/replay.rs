//! `h5lab replay` and `h5lab execute`: a notebook's code cells run in order in its
//! directory, shown like a terminal transcript, compared with the recorded outputs
//! (`--check`, compare.py's rules), or written back into the notebook (`execute`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use h5lab_core::session::{ExecuteOutcome, StreamName};
use serde_json::{json, Value as Json};

use crate::notebook::{self, Notebook};
use crate::output::{self, Prompts};
use crate::worker::{Event, Worker};

/// One cell's run: its outcome and its outputs as a notebook records them.
pub struct CellRun {
    /// The outcome.
    pub outcome: ExecuteOutcome,
    /// nbformat outputs (`stream`, `display_data`, `execute_result`, `error`).
    pub outputs: Vec<Json>,
    /// nbclient's timing metadata.
    pub timing: Json,
}

/// Runs one cell, printing its outputs as they come when `show` is given.
pub fn run_cell(worker: &Worker, code: &str, show: Option<Prompts>) -> Option<CellRun> {
    let busy = timestamp(SystemTime::now());
    let mut outputs: Vec<Json> = Vec::new();
    let finished = worker.execute(code, None, &mut |event| match event {
        Event::Stream(name, text) => {
            if show.is_some() {
                output::stream(name, &text);
            }
            let name = name.as_str();
            if let Some(last) = outputs.last_mut() {
                if last["output_type"] == "stream" && last["name"] == name {
                    let merged = format!("{}{text}", last["text"].as_str().unwrap_or(""));
                    last["text"] = Json::String(merged);
                    return;
                }
            }
            outputs.push(json!({"output_type": "stream", "name": name, "text": text}));
        }
        Event::Display(bundle) => {
            if show.is_some() {
                output::display(&bundle);
            }
            outputs.push(json!({"output_type": "display_data", "data": notebook::bundle_data(&bundle), "metadata": {}}));
        }
        Event::ClearOutput => outputs.clear(),
        Event::Input { answer, .. } => {
            // Like nbclient (allow_stdin false): input() is refused.
            let _ = answer.send(Err(h5lab_core::session::InputError::NotAllowed));
        }
        Event::Done(_) => {}
    })?;
    let idle = timestamp(SystemTime::now());
    let outcome = finished.outcome;
    if let Some(result) = notebook::result_output(&outcome) {
        outputs.push(result);
    }
    if let Some(error) = &outcome.error {
        outputs.push(notebook::error_output(error));
    }
    if let Some(prompts) = show {
        output::outcome(&outcome, prompts, false);
    }
    let timing = json!({
        "iopub.execute_input": busy,
        "iopub.status.busy": busy,
        "iopub.status.idle": idle,
        "shell.execute_reply": idle,
    });
    Some(CellRun { outcome, outputs, timing })
}

/// A cell's source as a terminal transcript shows it: `In [n]: ` and `   ...: `.
pub fn show_source(source: &str, n: u64, prompts: Prompts) {
    let mut text = String::from("\n");
    for (i, line) in source.split('\n').enumerate() {
        let prompt = if i == 0 { prompts.input(n) } else { prompts.continuation(n) };
        let line = if prompts.color { crate::highlight::highlight(line) } else { line.to_string() };
        text.push_str(&format!("{prompt}{line}\n"));
    }
    output::stream(StreamName::Stdout, &text);
}

/// Copies a directory tree (for `--in-temp`).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn notebook_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `h5lab replay NOTEBOOK [--check] [--stop-on-error] [--in-temp]`.
pub fn replay(path: &Path, check: bool, stop_on_error: bool, in_temp: bool, color: bool) -> ExitCode {
    let nb = match Notebook::read(path) {
        Ok(nb) => nb,
        Err(e) => {
            eprintln!("h5lab: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = notebook_dir(path);
    let temp = if in_temp {
        match tempfile::Builder::new().prefix("h5lab-replay-").tempdir() {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("h5lab: cannot make a temporary directory: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let cwd = match &temp {
        Some(t) => {
            if let Err(e) = copy_tree(&dir, t.path()) {
                eprintln!("h5lab: cannot copy {} into {}: {e}", dir.display(), t.path().display());
                return ExitCode::FAILURE;
            }
            t.path().to_path_buf()
        }
        None => std::fs::canonicalize(&dir).unwrap_or(dir),
    };
    let worker = Worker::start(cwd, color);
    let prompts = Prompts { color };
    let mut expected_cells = Vec::new();
    let mut actual_cells = Vec::new();
    let mut failed = false;
    for cell in nb.code_cells() {
        if cell.source.trim().is_empty() {
            continue;
        }
        expected_cells.push(json!({"source": cell.source, "outputs": cell.expected.clone().unwrap_or_default()}));
        if failed && stop_on_error {
            continue;
        }
        show_source(&cell.source, worker_next_count(&actual_cells), prompts);
        let Some(run) = run_cell(&worker, &cell.source, Some(prompts)) else { break };
        failed |= run.outcome.error.is_some();
        let outputs: Vec<Json> = run.outputs.iter().filter_map(notebook::oracle_output).collect();
        actual_cells.push(json!({"source": cell.source, "outputs": notebook::merge_streams(outputs)}));
    }
    worker.stop();
    if !check {
        return if failed && stop_on_error { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    }
    let (total, diffs) = h5lab_core::cells::compare(&Json::Array(expected_cells), &Json::Array(actual_cells));
    let mut report = String::from("\n");
    for diff in &diffs {
        report.push_str(&diff.report());
    }
    report.push_str(&format!("{} of {total} cells match\n", total - diffs.len()));
    output::stream(StreamName::Stdout, &report);
    if diffs.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The next execution count: one more than the cells run so far.
fn worker_next_count(done: &[Json]) -> u64 {
    done.len() as u64 + 1
}

/// `h5lab execute NOTEBOOK [-o OUT] [--inplace]`.
pub fn execute(path: &Path, output_path: Option<&Path>, inplace: bool) -> ExitCode {
    let mut nb = match Notebook::read(path) {
        Ok(nb) => nb,
        Err(e) => {
            eprintln!("h5lab: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = notebook_dir(path);
    let cwd = std::fs::canonicalize(&dir).unwrap_or(dir);
    // Notebook outputs carry IPython's colours, as a kernel's do.
    let worker = Worker::start(cwd, true);
    nb.set_language_info();
    let mut errors = 0;
    for cell in nb.code_cells() {
        if cell.source.trim().is_empty() {
            continue;
        }
        let Some(run) = run_cell(&worker, &cell.source, None) else { break };
        errors += usize::from(run.outcome.error.is_some());
        nb.set_outputs(cell.index, Some(run.outcome.execution_count), run.outputs, Some(run.timing));
    }
    worker.stop();
    let target = match (inplace, output_path) {
        (true, _) => path.to_path_buf(),
        (false, Some(out)) => out.to_path_buf(),
        (false, None) => path.with_extension("nbconvert.ipynb"),
    };
    if let Err(e) = std::fs::write(&target, nb.to_ipynb()) {
        eprintln!("h5lab: cannot write {}: {e}", target.display());
        return ExitCode::FAILURE;
    }
    if errors > 0 {
        eprintln!("h5lab: {errors} cell(s) raised an exception (their errors are in the notebook)");
    }
    eprintln!("h5lab: wrote {}", target.display());
    ExitCode::SUCCESS
}

/// nbclient's timestamp format: `%Y-%m-%dT%H:%M:%S.%fZ` in UTC.
pub fn timestamp(time: SystemTime) -> String {
    let since = time.duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_micros()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_nbclients() {
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_micros(1_700_000_000_123_456);
        assert_eq!(timestamp(t), "2023-11-14T22:13:20.123456Z");
        assert_eq!(timestamp(SystemTime::UNIX_EPOCH), "1970-01-01T00:00:00.000000Z");
    }
}
