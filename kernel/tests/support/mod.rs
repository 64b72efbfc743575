//! Helpers for the kernel's integration tests: the pinned Python test environment, a
//! kernelspec installed into a temporary prefix, and Python scripts run against it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built kernel binary.
pub fn kernel_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_h5lab-kernel"))
}

/// The pinned test environment's Python (jupyter_client, jupyter_kernel_test, pyzmq),
/// or `None` when it is not provisioned — which fails the test when
/// `H5LAB_REQUIRE_PYTHON` is set (as `make test` and CI set it) and skips it otherwise.
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

/// A private Jupyter world: the kernelspec installed with `h5lab-kernel install
/// --prefix` into a temporary directory, and Jupyter's data/runtime/config dirs there
/// too, so tests neither read nor write the user's.
pub struct Jupyter {
    /// The temporary root.
    pub dir: tempfile::TempDir,
    /// The test Python.
    pub python: PathBuf,
}

impl Jupyter {
    /// Installs the kernelspec; `None` when there is no test Python (skip).
    pub fn new() -> Option<Jupyter> {
        let python = test_python()?;
        let dir = tempfile::tempdir().expect("temporary directory");
        let out = Command::new(kernel_binary())
            .args(["install", "--prefix"])
            .arg(dir.path().join("prefix"))
            .output()
            .expect("run h5lab-kernel install");
        assert!(out.status.success(), "install failed: {}", String::from_utf8_lossy(&out.stderr));
        for sub in ["runtime", "data", "config"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        Some(Jupyter { dir, python })
    }

    /// A command running the test Python with this world's Jupyter environment.
    pub fn python_command(&self) -> Command {
        let mut cmd = Command::new(&self.python);
        cmd.env("JUPYTER_PATH", self.dir.path().join("prefix/share/jupyter"))
            .env("JUPYTER_DATA_DIR", self.dir.path().join("data"))
            .env("JUPYTER_RUNTIME_DIR", self.dir.path().join("runtime"))
            .env("JUPYTER_CONFIG_DIR", self.dir.path().join("config"))
            .env("JUPYTER_PLATFORM_DIRS", "1")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .current_dir(self.dir.path());
        cmd
    }

    /// Runs a script from kernel/tests/python with arguments; its output, or a panic
    /// that shows it.
    pub fn run_script(&self, script: &str, args: &[&str]) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python").join(script);
        let out = self.python_command().arg(path).args(args).output().expect("start python");
        expect_success(&out, &format!("{script} {}", args.join(" ")));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// Panics with stdout and stderr unless the process succeeded.
pub fn expect_success(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs one check of tests/python/checks.py against a fresh kernel.
pub fn run_check(name: &str) {
    let Some(jupyter) = Jupyter::new() else { return };
    let out = jupyter.run_script("checks.py", &[name]);
    assert!(out.contains(&format!("ok {name}")), "unexpected output: {out}");
}
