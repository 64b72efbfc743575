//! Interop of h5lab's h5py high level with real h5py (the pinned test environment).
//! `interop/hl_writer.py` makes a file with every object kind, dtype, link kind,
//! attribute kind and filter; `interop/hl_dumper.py` prints everything h5py sees in it
//! (values, dtypes, shapes, chunks, filters, fill values, links, attributes,
//! dereferenced references).
//!
//! - h5lab writes, h5py reads: the dump real h5py makes of h5lab's file equals the dump
//!   it makes of the file real h5py writes from the same script.
//! - h5py writes, h5lab reads: the dumper run by h5lab prints what it prints in Python.
//!
//! Skipped (with a note) when the test environment's Python is not provisioned.

mod support;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::cells::{run_cell, Output};
use h5lab_core::session::{Session, SessionOptions};
use support::{run_python, test_python};

const WRITER: &str = include_str!("interop/hl_writer.py");
const DUMPER: &str = include_str!("interop/hl_dumper.py");

/// Runs `code` as one cell in a fresh h5lab session working in `dir`; its stdout, or a
/// panic with the error it raised.
fn run_in_h5lab(dir: &Path, code: &'static str) -> String {
    let dir = dir.to_path_buf();
    h5lab_core::hdf5::run(move |lib| {
        let options = SessionOptions { cwd: dir, interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        let outputs = run_cell(&mut session, code);
        session.close_all_files();
        let mut stdout = String::new();
        for output in outputs {
            match output {
                Output::Stream { name, text } if name == "stdout" => stdout.push_str(&text),
                Output::Error { ename, evalue, traceback } => {
                    panic!("h5lab raised {ename}: {evalue}\n{}\n--- stdout so far\n{stdout}", traceback.join("\n"))
                }
                _ => {}
            }
        }
        stdout
    })
}

/// Line-by-line difference report of two dumps (empty when equal).
fn differences(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut report = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied().unwrap_or("<missing>"), a.get(i).copied().unwrap_or("<missing>"));
        if x != y {
            report.push_str(&format!("line {}:\n  h5py : {x}\n  h5lab: {y}\n", i + 1));
        }
    }
    report
}

#[test]
fn file_written_by_h5lab_reads_in_h5py_as_h5pys_own() {
    let Some(python) = test_python() else { return };
    let ours = tempfile::tempdir().unwrap();
    assert_eq!(run_in_h5lab(ours.path(), WRITER).trim(), "written");
    let theirs = tempfile::tempdir().unwrap();
    assert_eq!(run_python(&python, theirs.path(), WRITER).trim(), "written");
    let expected = run_python(&python, theirs.path(), DUMPER);
    let actual = run_python(&python, ours.path(), DUMPER);
    assert!(expected.lines().count() > 100, "the dump is too short to prove anything:\n{expected}");
    let diff = differences(&expected, &actual);
    assert!(diff.is_empty(), "h5py reads h5lab's file differently:\n{diff}");
}

#[test]
fn file_written_by_h5py_reads_in_h5lab_as_in_h5py() {
    let Some(python) = test_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run_python(&python, dir.path(), WRITER).trim(), "written");
    let expected = run_python(&python, dir.path(), DUMPER);
    let actual = run_in_h5lab(dir.path(), DUMPER);
    let diff = differences(&expected, &actual);
    assert!(diff.is_empty(), "h5lab reads h5py's file differently:\n{diff}");
}
