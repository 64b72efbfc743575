//! The NumPy corpus: every `golden/numpy/*.cells.py` (creation, indexing, assignment,
//! arithmetic, promotion, reductions, scalars, dtypes, printing, random, errors ...)
//! runs through a fresh `Session` in a fresh `cells-*` temporary directory, and each
//! cell's outputs must equal what the oracle (IPython 9 + NumPy 2.4.6) recorded beside
//! it, compared as `oracle/compare.py` compares.
//!
//! Record a file's expected outputs with
//! `$ORACLE_PYTHON oracle/run_cells.py X.cells.py X` (then delete `X.ipynb`).
//! `NUMPY_GOLDEN=name` runs only the files whose name contains `name`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::cells::{compare, run_cells_json, split_cells};
use h5lab_core::session::{Session, SessionOptions};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/numpy");
    let filter = std::env::var("NUMPY_GOLDEN").unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("golden/numpy exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".cells.py"))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(filter.as_str())))
        .collect();
    files.sort();
    files
}

/// Runs one cells file; the number of cells and the report of those that differ.
fn run_file(path: &Path) -> (usize, Vec<String>) {
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
        run_cells_json(&mut session, &cells)
    });
    let (count, diffs) = compare(&expected, &actual);
    (count, diffs.iter().map(|d| d.report()).collect())
}

#[test]
fn every_numpy_cell_renders_as_the_oracle_does() {
    let mut total = 0;
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for path in corpus() {
        let (count, diffs) = run_file(&path);
        total += count;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        summary.push(format!("{name}: {} of {count}", count - diffs.len()));
        for d in diffs {
            failures.push(format!("{name}\n{d}"));
        }
    }
    eprintln!("{}", summary.join("\n"));
    assert!(total >= 400, "the corpus has {total} cells; it should keep at least 400");
    assert!(failures.is_empty(), "{} of {total} cells differ:\n{}", failures.len(), failures.join("\n"));
}
