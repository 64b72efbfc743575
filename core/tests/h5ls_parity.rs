//! h5lab's built-in h5ls against HDF5's own (Debian's 1.10.8), byte for byte, on the
//! same corpus as the h5dump parity test: default listing, `-r`, `-f`, `-d`, paths
//! `file.h5/group` and `file.h5/dataset`, and errors.
//!
//! Not compared (known gaps of the built-in h5ls, reported, not hidden): `-v`, `-S -d`,
//! and `-d` of reference and never-written datasets.

mod support;

use support::tools::{first_difference, reference_tool, run_builtin, run_reference};
use support::{run_python, test_python};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn h5ls_matches_hdf5_h5ls_on_the_corpus() {
    let Some(tool) = reference_tool("h5ls") else { return };
    let Some(python) = test_python() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    run_python(&python, dir.path(), include_str!("support/h5corpus.py"));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list corpus")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".h5"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} files", files.len());
    let no_data = ["refs.h5", "regionrefs.h5", "fill.h5"];
    let mut cases = Vec::new();
    for f in &files {
        for set in [&[][..], &["-r"], &["-f"], &["-r", "-f"], &["-rf"]] {
            let mut a = args(set);
            a.push(f.clone());
            cases.push(a);
        }
        if !no_data.contains(&f.as_str()) {
            cases.push(args(&["-d", f]));
            cases.push(args(&["-r", "-d", f]));
            cases.push(args(&["-d", "-w", "40", f]));
            cases.push(args(&["-d", "-l", f]));
        }
    }
    for extra in [
        &["groups.h5/g1"][..],
        &["-r", "groups.h5/g1"],
        &["hardlinks.h5/a"],
        &["-d", "ints.h5/matrix"],
        &["mixed.h5/a/b/c"],
        &["mixed.h5/nope"],
        &["nope.h5"],
        &["dataset.h5", "link.h5"],
        &[],
        &["-Q", "dataset.h5"],
    ] {
        cases.push(args(extra));
    }
    let mut failures = Vec::new();
    for case in &cases {
        let ours = run_builtin("h5ls", dir.path(), case);
        let expected = run_reference(&tool, dir.path(), case);
        if expected != ours {
            let what = if expected.stdout != ours.stdout {
                format!("stdout: {}", first_difference(&expected.stdout, &ours.stdout))
            } else if expected.stderr != ours.stderr {
                format!("stderr: {}", first_difference(&expected.stderr, &ours.stderr))
            } else {
                format!("status: expected {}, got {}", expected.status, ours.status)
            };
            failures.push(format!("h5ls {}\n  {what}", case.join(" ")));
        }
    }
    eprintln!("h5ls parity: {} files, {} command lines compared", files.len(), cases.len());
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
