//! The kernel under Jupyter's own tools (tests/python/notebooks.py): nbclient and
//! `jupyter nbconvert --execute` run examples/*.ipynb and show the outputs the oracle
//! recorded in them (compare.py's rules); papermill injects parameters of every kind
//! and the notebook runs as with ipykernel; `jupyter console` scripted on stdin shows
//! what it shows with ipykernel.

mod support;

use serde_json::Value as Json;
use support::Jupyter;

/// Runs notebooks.py with arguments; its JSON.
fn notebooks(jupyter: &Jupyter, args: &[&str]) -> Json {
    let out = jupyter.run_script("notebooks.py", args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("notebooks.py {args:?} printed no JSON ({e}):\n{out}"))
}

/// Asserts that `actual` shows what `expected` shows, cell by cell (compare.py's rules),
/// for `count` cells.
fn assert_same_cells(result: &Json, count: usize, what: &str) {
    let (total, diffs) = h5lab_core::cells::compare(&result["expected"], &result["actual"]);
    assert!(diffs.is_empty(), "{what}:\n{}", diffs.iter().map(|d| d.report()).collect::<String>());
    assert_eq!(result["actual"].as_array().map(Vec::len), Some(count), "{what}: cells run");
    assert_eq!(total, count, "{what}: cells compared");
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name);
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn nbclient_runs_the_examples_as_the_oracle_recorded_them() {
    let Some(jupyter) = Jupyter::new() else { return };
    for (notebook, cells) in [("low-level-api.ipynb", 19), ("basics.ipynb", 14)] {
        let result = notebooks(&jupyter, &["nbclient", &example(notebook)]);
        assert_same_cells(&result, cells, &format!("nbclient {notebook}"));
    }
}

#[test]
fn nbconvert_execute_runs_the_examples_as_the_oracle_recorded_them() {
    let Some(jupyter) = Jupyter::new() else { return };
    for (notebook, cells) in [("low-level-api.ipynb", 19), ("basics.ipynb", 14)] {
        let result = notebooks(&jupyter, &["nbconvert", &example(notebook)]);
        assert_same_cells(&result, cells, &format!("jupyter nbconvert --execute {notebook}"));
    }
}

#[test]
fn papermill_parameters_parse_and_run_as_with_ipykernel() {
    let Some(jupyter) = Jupyter::new() else { return };
    let result = notebooks(&jupyter, &["papermill"]);
    // The parameters cell, papermill's injected one, and three that use the values.
    assert_same_cells(&result, 5, "papermill");
    let printed = result["actual"][2]["outputs"][0]["text"].as_str().unwrap_or("");
    assert!(printed.starts_with("int 7\nfloat 0.25\nstr 'it\\'s \"quoted\" \\\\ and\\ttabbed'\nbool True\nNoneType None\n"), "{printed}");
}

#[test]
fn jupyter_console_scripted_shows_what_it_shows_with_ipykernel() {
    let Some(jupyter) = Jupyter::new() else { return };
    let result = notebooks(&jupyter, &["console"]);
    let (expected, actual) = (&result["expected"], &result["actual"]);
    assert_eq!(actual["status"], 0, "jupyter console's exit status: {actual}");
    assert_eq!(actual["file_reads_back"], true, "the file the session wrote");
    let transcript = actual["transcript"].as_str().unwrap_or("");
    assert!(transcript.contains("In [12]: Out[12]: (['d', 'g'], array([1.5, 2.5]))"), "{transcript}");
    assert_eq!(actual["transcript"], expected["transcript"], "stdout:\n{transcript}");
    assert_eq!(actual["stderr"], expected["stderr"]);
}
