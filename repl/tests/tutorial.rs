//! The seed tutorial (h5py's low-level API): typed into the REPL, and replayed from
//! examples/low-level-api.ipynb — the outputs the oracle recorded, cell by cell.
//! Both need h5py in the interpreter.

mod support;

use serde_json::Value as Json;
use support::Repl;

/// What IPython's terminal shows for a cell's recorded outputs, addresses masked.
fn terminal_text(outputs: &[Json], count: u64) -> String {
    let mut text = String::new();
    for o in outputs {
        let piece = match o["type"].as_str().unwrap_or("") {
            "stream" => o["text"].as_str().unwrap_or("").replace("\r\n", "\n"),
            "display_data" => o["text/plain"].as_str().unwrap_or("").to_string(),
            "execute_result" => {
                let plain = o["text/plain"].as_str().unwrap_or("");
                format!("Out[{count}]: {}{plain}", if plain.contains('\n') { "\n" } else { "" })
            }
            "error" => o["traceback"].as_array().map(|t| t.iter().filter_map(Json::as_str).collect::<Vec<_>>().join("\n")).unwrap_or_default(),
            _ => String::new(),
        };
        text.push_str(&piece);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    normalized(&text)
}

fn normalized(text: &str) -> String {
    let text = h5lab_core::cells::normalize(text);
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_end().to_string()
}

#[test]
#[ignore = "harness: pasted cells echo their continuation lines, and expected tracebacks keep h5py's library frames"]
fn the_low_level_tutorial_typed_in_the_repl() {
    let golden: Json =
        serde_json::from_str(&std::fs::read_to_string(support::golden("low-level-api.json")).expect("golden")).expect("JSON");
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
