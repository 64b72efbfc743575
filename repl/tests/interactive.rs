//! The interactive session driven through a pseudo-terminal: what typed cells show
//! (the oracle's texts), completion, multi-line cells, Ctrl-C, Ctrl-D, `exit`, help,
//! history.

mod support;

use std::time::Duration;

use expectrl::WaitStatus;
use serde_json::Value as Json;
use support::{normalized, terminal_text, Repl};

/// Types a cell: its first line, then each continuation line without the indentation
/// the session offers, then the blank line that ends a block.
fn type_cell(repl: &mut Repl, source: &str) {
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            repl.enter(line);
        } else {
            repl.enter(line.trim_start());
        }
    }
    if lines.len() > 1 {
        repl.enter("");
    }
}

#[test]
fn typed_cells_show_the_oracles_texts() {
    let golden: Json = serde_json::from_str(&std::fs::read_to_string(support::golden("typed.json")).expect("golden")).expect("JSON");
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    let mut failures = Vec::new();
    for (i, cell) in golden.as_array().expect("cells").iter().enumerate() {
        let n = i as u64 + 1;
        type_cell(&mut repl, cell["source"].as_str().expect("source"));
        repl.wait_for(&format!("In [{}]: ", n + 1));
        let expected = terminal_text(cell["outputs"].as_array().expect("outputs"), n);
        let shown = normalized(&repl.output_of(n));
        if shown != expected {
            failures.push(format!("cell {n}:\n--- expected\n{expected}\n--- shown\n{shown}"));
        }
    }
    assert!(failures.is_empty(), "{}\n\nscreen:\n{}", failures.join("\n"), repl.screen.text());
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn tab_completes_a_name_and_an_attribute() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.type_keys("isinst\t");
    repl.wait_for("In [1]: isinstance");
    repl.enter("(1, int)");
    repl.wait_for("Out[1]: True");
    repl.enter("import os");
    repl.wait_for("In [3]: ");
    repl.type_keys("os.path.jo\t");
    repl.wait_for("In [3]: os.path.join");
    repl.enter("('a', 'b')");
    repl.wait_for("Out[3]: 'a/b'");
    // Several candidates: the second Tab lists them.
    repl.enter("alpha_one = 1; alpha_two = 2");
    repl.type_keys("alp\t\t");
    repl.wait_until(|t| t.lines().any(|l| l.starts_with("alpha_one  alpha_two")), "the candidates listed");
    repl.ctrl_c();
    std::thread::sleep(Duration::from_millis(300));
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn multi_line_cells_use_continuation_prompts_and_auto_indent() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("for i in range(3):");
    repl.wait_for("   ...:     ");
    repl.enter("print(i * 10)");
    repl.enter("");
    repl.wait_for("In [2]: ");
    assert_eq!(repl.output_of(1), "0\n10\n20");
    let screen = repl.screen.text();
    assert!(screen.contains("In [1]: for i in range(3):\n   ...:     print(i * 10)\n   ...:"), "{screen}");
    repl.enter("def greet(name, punct='!'):");
    repl.wait_for("   ...:     ");
    repl.enter("return 'hello ' + name + punct");
    repl.enter("");
    repl.wait_for("In [3]: ");
    repl.enter("greet('h5')");
    repl.wait_for("Out[3]: 'hello h5!'");
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn ctrl_c_interrupts_a_running_cell_and_the_session_goes_on() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("n = 41");
    repl.wait_for("In [2]: ");
    repl.enter("while True: pass");
    std::thread::sleep(Duration::from_millis(500));
    repl.ctrl_c();
    repl.wait_for("In [3]: ");
    let shown = repl.output_of(2);
    assert!(shown.contains("KeyboardInterrupt                         Traceback (most recent call last)"), "{shown}");
    assert!(shown.ends_with("KeyboardInterrupt:"), "{shown}");
    repl.enter("n + 1");
    repl.wait_for("Out[3]: 42");
    // Ctrl-C at the prompt drops the line typed so far.
    repl.type_keys("this is not code");
    repl.ctrl_c();
    repl.wait_until(|t| t.matches("In [4]:").count() == 2, "a fresh prompt");
    repl.enter("n");
    repl.wait_for("Out[4]: 41");
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn ctrl_d_and_exit_leave_cleanly() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
    let mut repl = Repl::start(dir.path());
    repl.enter("exit");
    assert!(matches!(repl.exit_status(), WaitStatus::Exited(_, 0)));
    let mut repl = Repl::start(dir.path());
    repl.enter("print('bye'); quit()");
    repl.wait_for("bye");
    assert!(matches!(repl.exit_status(), WaitStatus::Exited(_, 0)));
}

#[test]
fn help_is_printed_and_history_is_kept() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("len?");
    repl.wait_for("In [2]: ");
    assert_eq!(
        repl.output_of(1),
        "Signature: len(obj, /)\nDocstring: Return the number of items in a container.\nType:      builtin_function_or_method"
    );
    repl.enter("for i in range(2):");
    repl.enter("pass");
    repl.enter("");
    repl.wait_for("In [3]: ");
    let history = repl.history.path().join("history");
    let status = repl.ctrl_d();
    assert!(matches!(status, WaitStatus::Exited(_, 0)));
    let saved = std::fs::read_to_string(history).expect("history file");
    assert!(saved.contains("len?"), "{saved}");
    assert!(saved.contains("for i in range(2):\\n    pass"), "{saved}");
}

#[test]
fn input_reads_a_line_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("name = input('name? ')");
    repl.wait_for("name? ");
    repl.enter("h5");
    repl.wait_for("In [2]: ");
    repl.enter("name");
    repl.wait_for("Out[2]: 'h5'");
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn tab_completes_an_hdf5_path_inside_the_brackets() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("import h5py; f = h5py.File('paths.h5', 'w'); _ = f.create_group('links'); _ = f.create_dataset('data', data=[1, 2])");
    repl.wait_for("In [2]: ");
    repl.type_keys("f['/li\t");
    repl.wait_for("In [2]: f['/links");
    repl.enter("']");
    repl.wait_for("Out[2]: <HDF5 group \"/links\" (0 members)>");
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
}

#[test]
fn ctrl_d_closes_the_files_written_so_h5py_reads_them() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut repl = Repl::start(dir.path());
    repl.enter("import h5py, numpy as np; f = h5py.File('kept.h5', 'w')");
    repl.wait_for("In [2]: ");
    repl.enter("f['x'] = np.arange(6).reshape(2, 3); f['g/y'] = 'text'");
    repl.wait_for("In [3]: ");
    assert!(matches!(repl.ctrl_d(), WaitStatus::Exited(_, 0)));
    let Some(python) = support::test_python() else { return };
    let read = std::process::Command::new(python)
        .current_dir(dir.path())
        .args(["-c", "import h5py; f = h5py.File('kept.h5', 'r'); print(f['x'][()].tolist(), f['g/y'][()])"])
        .output()
        .expect("python");
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    assert_eq!(String::from_utf8_lossy(&read.stdout), "[[0, 1, 2], [3, 4, 5]] b'text'\n");
}
