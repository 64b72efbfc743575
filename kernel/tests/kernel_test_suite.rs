//! jupyter_kernel_test's suite (tests/python/test_h5lab_kernel.py) against the real
//! kernel: a quick subset, and the full suite with every sample attribute set.

mod support;

use support::{expect_success, Jupyter};

fn unittest(jupyter: &Jupyter, tests: &[&str]) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    // The kernel runs in the temporary world (samples write files such as
    // display.h5); the test module is found through PYTHONPATH.
    let out = jupyter
        .python_command()
        .env("PYTHONPATH", &dir)
        .args(["-m", "unittest", "-v"])
        .args(tests)
        .output()
        .expect("start python");
    expect_success(&out, &format!("unittest {}", tests.join(" ")));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// kernel_info (validated against the message schemas); error (exactly one output, the
/// error); history tail/range/search (n, unique); iopub_welcome (skipped: protocol 5.3).
#[test]
fn kernel_test_suite_parts_without_the_interpreter() {
    let Some(jupyter) = Jupyter::new() else { return };
    let log = unittest(
        &jupyter,
        &[
            "test_h5lab_kernel.H5labKernelTests.test_kernel_info",
            "test_h5lab_kernel.H5labKernelTests.test_error",
            "test_h5lab_kernel.H5labKernelTests.test_history",
            "test_h5lab_kernel.H5labIopubWelcome.test_recv_iopub_welcome_msg",
        ],
    );
    for test in ["test_kernel_info", "test_error", "test_history"] {
        assert!(log.lines().any(|l| l.starts_with(test) && l.ends_with("ok")), "{test} did not pass:\n{log}");
    }
}

/// Every sample: stdout, stderr, completion, is_complete, pager, error, execute_result,
/// display_data, history, inspect, clear_output.
#[test]
fn kernel_test_suite_full() {
    let Some(jupyter) = Jupyter::new() else { return };
    let log = unittest(&jupyter, &["test_h5lab_kernel"]);
    assert!(!log.contains("skipped 'No "), "a sample attribute is unset:\n{log}");
}
