//! Shared by the golden-cell tests: run every `*.cells.py` of a corpus directory through
//! a fresh `Session` in a fresh `cells-*` temporary directory (as the oracle's
//! `run_cells.py` does) and compare each cell's outputs with the oracle's JSON beside
//! it, as `oracle/compare.py` compares.
//!
//! Record a file's expected outputs with
//! `$ORACLE_PYTHON oracle/run_cells.py X.cells.py X` (then delete `X.ipynb`).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::cells::{compare, run_cells_json, split_cells};
use h5lab_core::session::{Session, SessionOptions};

/// The cells files of `tests/golden/<corpus>`, filtered by the environment variable
/// `filter_var` (a substring of the file name) when it is set.
pub fn corpus(corpus: &str, filter_var: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(corpus);
    let filter = std::env::var(filter_var).unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".cells.py"))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(filter.as_str())))
        .collect();
    files.sort();
    files
}

/// Runs one cells file; the number of cells and the report of those that differ.
pub fn run_file(path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).expect("cells file");
    let expected_path = PathBuf::from(path.to_string_lossy().replace(".cells.py", ".json"));
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected json")).expect("json");
    let cells = split_cells(&text);
    let actual = h5lab_core::hdf5::run(move |lib| {
        let dir = tempfile::Builder::new().prefix("cells-").tempdir_in("/tmp").expect("temporary directory");
        let options =
            SessionOptions { cwd: dir.path().to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: true };
        let mut session = Session::new(lib, options);
        let outputs = run_cells_json(&mut session, &cells);
        session.close_all_files();
        outputs
    });
    let (count, diffs) = compare(&expected, &actual);
    (count, diffs.iter().map(|d| d.report()).collect())
}

/// Runs a whole corpus and fails with every differing cell's report.
pub fn check_corpus(corpus_name: &str, filter_var: &str) {
    let mut total = 0;
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for path in corpus(corpus_name, filter_var) {
        let (count, diffs) = run_file(&path);
        total += count;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        summary.push(format!("{name}: {} of {count}", count - diffs.len()));
        for d in diffs {
            failures.push(format!("{name}\n{d}"));
        }
    }
    eprintln!("{}", summary.join("\n"));
    assert!(total > 0, "no cells in golden/{corpus_name}");
    assert!(failures.is_empty(), "{} of {total} cells differ:\n{}", failures.len(), failures.join("\n"));
}
