//! Helpers shared by core's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod tools;

use h5lab_core::hdf5::{self, Library};

/// Runs `f` on the HDF5 owner thread with the process's working directory set to a
/// fresh temporary directory (HDF5 and h5py name files as they were passed, so tests
/// use relative names like the tutorial). Jobs on the owner thread run one at a time,
/// so the directory change cannot race another HDF5 test.
pub fn in_temp_dir<R: Send + 'static>(f: impl FnOnce(&Library, &Path) -> R + Send + 'static) -> R {
    hdf5::run(move |lib| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let previous = std::env::current_dir().expect("current directory");
        std::env::set_current_dir(dir.path()).expect("enter temporary directory");
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(lib, dir.path())));
        std::env::set_current_dir(previous).expect("leave temporary directory");
        match result {
            Ok(value) => value,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    })
}

/// A golden file next to the tests.
pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

/// The pinned test environment's Python (with h5py and NumPy), or `None` when it is not
/// provisioned — which fails the test when `H5LAB_REQUIRE_PYTHON` is set (as `make test`
/// and CI set it) and skips it otherwise (plain `cargo test`).
pub fn test_python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("H5LAB_TEST_PYTHON").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/test-venv/bin/python")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("H5LAB_REQUIRE_PYTHON").is_none(),
            "H5LAB_REQUIRE_PYTHON is set but the test venv is missing: run `make test` (scripts/provision test-venv)"
        );
        eprintln!("skipped: no Python test environment (run scripts/provision test-venv)");
    }
    found
}

/// Runs a Python script with the test environment's Python in `dir`, returning stdout;
/// panics with stderr when it fails.
pub fn run_python(python: &Path, dir: &Path, script: &str) -> String {
    let output = Command::new(python)
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .output()
        .expect("start python");
    assert!(
        output.status.success(),
        "python failed:\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// An output sink that drops every output (for tests that look at outcomes only).
pub struct QuietSink;

impl h5lab_core::session::OutputSink for QuietSink {
    fn stream(&mut self, _name: h5lab_core::session::StreamName, _text: &str) {}
    fn display(&mut self, _bundle: h5lab_core::session::MimeBundle, _id: Option<&str>, _update: bool) {}
    fn clear_output(&mut self, _wait: bool) {}
    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, h5lab_core::session::InputError> {
        Err(h5lab_core::session::InputError::NotAllowed)
    }
}
