//! The seed tutorial (h5py's low-level API): typed into the REPL, and replayed from
//! examples/low-level-api.ipynb — the outputs the oracle recorded, cell by cell.
//! h5lab needs no Python for either: the oracle recorded the expected texts.

mod support;

use serde_json::Value as Json;
use support::{normalized, terminal_text, Repl};

/// Multi-line cells are pasted (bracketed paste), as one pastes a notebook cell, and
/// must show with IPython's continuation prompts.
#[test]
fn the_low_level_tutorial_typed_in_the_repl() {
    let golden: Json =
        serde_json::from_str(&std::fs::read_to_string(support::core_golden("h5py/low_level_api.json")).expect("golden")).expect("JSON");
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    let mut failures = Vec::new();
    for (i, cell) in golden.as_array().expect("cells").iter().enumerate() {
        let n = i as u64 + 1;
        let source = cell["source"].as_str().expect("source");
        if source.contains('\n') {
            // Pasted (bracketed paste), as one would paste a notebook cell.
            repl.type_keys(&format!("\x1b[200~{source}\x1b[201~"));
            repl.enter("");
        } else {
            repl.enter(source);
        }
        repl.wait_for(&format!("In [{}]: ", n + 1));
        let expected = terminal_text(cell["outputs"].as_array().expect("outputs"), n);
        let shown = normalized(&repl.output_of(n));
        if shown != expected {
            failures.push(format!("cell {n} ({source:?}):\n--- expected\n{expected}\n--- shown\n{shown}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(matches!(repl.ctrl_d(), expectrl::WaitStatus::Exited(_, 0)));
}

#[test]
fn the_low_level_tutorial_notebook_replays_with_every_cell_matching() {
    let out = std::process::Command::new(support::h5lab())
        .args(["replay", "--check", "--in-temp"])
        .arg(support::example("low-level-api.ipynb"))
        .output()
        .expect("run h5lab");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.ends_with("19 of 19 cells match\n"), "{text}");
}

/// `make run`'s session: `h5lab -i examples/low-level-api.py` shows each cell as typed
/// with the oracle's outputs, then waits at the next prompt with the tutorial's objects.
#[test]
fn the_tutorial_runs_first_with_dash_i_and_the_session_goes_on() {
    let golden: Json =
        serde_json::from_str(&std::fs::read_to_string(support::core_golden("h5py/low_level_api.json")).expect("golden")).expect("JSON");
    let cells = golden.as_array().expect("cells");
    let dir = tempfile::tempdir().expect("temporary directory");
    let script = support::example("low-level-api.py");
    let mut repl = Repl::start_with(dir.path(), &["-i", script.to_str().expect("UTF-8 path")]);
    let next = cells.len() as u64 + 1;
    repl.wait_for(&format!("In [{next}]: "));
    let mut failures = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let n = i as u64 + 1;
        let expected = terminal_text(cell["outputs"].as_array().expect("outputs"), n);
        let shown = normalized(&repl.output_of(n));
        if shown != expected {
            failures.push(format!("cell {n}:\n--- expected\n{expected}\n--- shown\n{shown}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    repl.enter("np.arange(3) * 2");
    repl.wait_for(&format!("Out[{next}]: array([0, 2, 4])"));
    assert!(matches!(repl.ctrl_d(), expectrl::WaitStatus::Exited(_, 0)));
}
