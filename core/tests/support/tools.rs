//! Running HDF5's own command-line tools (Debian's `hdf5-tools`) and h5lab's built-in
//! ones on the same files, for the parity tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a tool printed and returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error.
    pub stderr: Vec<u8>,
    /// Exit status.
    pub status: i32,
}

/// The path of HDF5's `tool` (`h5dump`, `h5ls`), or `None` when it is not installed —
/// which fails the test when `H5LAB_REQUIRE_PYTHON` is set (CI), and skips it otherwise.
pub fn reference_tool(tool: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join(tool)).find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("H5LAB_REQUIRE_PYTHON").is_none(),
            "H5LAB_REQUIRE_PYTHON is set but HDF5's `{tool}` is not installed: \
             run `scripts/provision hdf5-tools` (Debian's hdf5-tools package)"
        );
        eprintln!("skipped: HDF5's `{tool}` is not installed (scripts/provision hdf5-tools)");
    }
    found
}

/// Runs HDF5's tool in `dir`.
pub fn run_reference(tool: &Path, dir: &Path, args: &[String]) -> Run {
    use std::os::unix::process::CommandExt;
    let name = tool.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let output =
        Command::new(tool).arg0(name).args(args).current_dir(dir).output().expect("start the reference tool");
    Run { stdout: output.stdout, stderr: output.stderr, status: output.status.code().unwrap_or(-1) }
}

/// Runs h5lab's built-in tool (`h5lab_core::render::ddl::h5dump` or `...::h5ls::h5ls`)
/// with `dir` as its working directory.
pub fn run_builtin(tool: &'static str, dir: &Path, args: &[String]) -> Run {
    let (dir, args) = (dir.to_path_buf(), args.to_vec());
    h5lab_core::hdf5::run(move |lib| {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let status = match tool {
            "h5dump" => h5lab_core::render::ddl::h5dump(lib, &args, &dir, &mut stdout, &mut stderr),
            _ => h5lab_core::render::h5ls::h5ls(lib, &args, &dir, &mut stdout, &mut stderr),
        };
        Run { stdout, stderr, status }
    })
}

/// The first difference between two outputs, as a readable excerpt.
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    for (i, (le, la)) in e.lines().zip(a.lines()).enumerate() {
        if le != la {
            return format!("line {}:\n  expected: {le:?}\n  actual:   {la:?}", i + 1);
        }
    }
    format!("lengths differ: expected {} lines, actual {} lines", e.lines().count(), a.lines().count())
}
