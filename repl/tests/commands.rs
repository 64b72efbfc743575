//! The non-interactive commands: `replay` (and `--check`), `execute`, `run`, `-c`,
//! `--version`, `--help`.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value as Json;

fn h5lab(args: &[&str], cwd: &Path) -> Output {
    Command::new(support::h5lab()).args(args).current_dir(cwd).env_remove("NO_COLOR").output().expect("run h5lab")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary directory holding a copy of examples/`name`.
fn copy_example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(support::example(name), dir.path().join(name)).expect("copy the example");
    dir
}

#[test]
fn replay_check_of_basics_says_every_cell_matches() {
    let dir = copy_example("basics.ipynb");
    let out = h5lab(&["replay", "basics.ipynb", "--check"], dir.path());
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", stderr(&out));
    assert!(text.ends_with("14 of 14 cells match\n"), "{text}");
    // The transcript shows each cell and what it printed, as a terminal would.
    assert!(text.contains("In [1]: x = 6 * 7\n   ...: x\nOut[1]: 42\n"), "{text}");
    assert!(text.contains("In [13]: 1 / 0\n----"), "{text}");
}

#[test]
fn replay_check_names_the_cell_whose_recorded_output_differs() {
    let dir = copy_example("basics.ipynb");
    let path = dir.path().join("basics.ipynb");
    let mut nb: Json = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
    let cells = nb["cells"].as_array_mut().expect("cells");
    let cell = cells.iter_mut().find(|c| c["source"].to_string().contains("def area")).expect("the area cell");
    cell["outputs"][0]["data"]["text/plain"] = Json::from(vec!["(6, 16)"]);
    std::fs::write(&path, serde_json::to_string(&nb).expect("JSON")).expect("write");
    let out = h5lab(&["replay", "basics.ipynb", "--check", "--in-temp"], dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("--- cell 5: def area(width, height=2):\n-(6, 16)\n+(6, 15)\n"), "{text}");
    assert!(text.ends_with("13 of 14 cells match\n"), "{text}");
    // --in-temp left the notebook's directory alone.
    let names: Vec<String> = std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["basics.ipynb"]);
}

#[test]
fn replay_of_a_cells_file_uses_the_json_beside_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for name in ["basics.cells.py", "basics.json"] {
        std::fs::copy(support::example(name), dir.path().join(name)).expect("copy");
    }
    let out = h5lab(&["replay", "basics.cells.py", "--check", "--no-color"], dir.path());
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("14 of 14 cells match\n"));
}

#[test]
fn replay_stops_on_error_when_asked() {
    let dir = copy_example("basics.ipynb");
    let out = h5lab(&["replay", "basics.ipynb", "--stop-on-error"], dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("KeyError: 'medium'"), "{text}");
    assert!(!text.contains("In [7]:"), "{text}");
}

/// The oracle-shaped outputs of an executed notebook's code cells.
fn recorded(nb: &Json) -> Json {
    let strip = h5lab_core::render::strip_ansi;
    let joined = |v: &Json| match v {
        Json::Array(lines) => lines.iter().filter_map(Json::as_str).collect::<String>(),
        Json::String(s) => s.clone(),
        _ => String::new(),
    };
    let cells: Vec<Json> = nb["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter(|c| c["cell_type"] == "code")
        .map(|c| {
            let outputs: Vec<Json> = c["outputs"]
                .as_array()
                .expect("outputs")
                .iter()
                .map(|o| match o["output_type"].as_str().unwrap_or("") {
                    "stream" => serde_json::json!({"type": "stream", "name": o["name"], "text": joined(&o["text"])}),
                    "error" => serde_json::json!({"type": "error", "ename": o["ename"], "evalue": o["evalue"],
                        "traceback": o["traceback"].as_array().expect("traceback").iter().map(|t| strip(t.as_str().unwrap_or(""))).collect::<Vec<_>>()}),
                    kind => {
                        let mut mimes: Vec<&String> = o["data"].as_object().expect("data").keys().collect();
                        mimes.sort();
                        serde_json::json!({"type": kind, "text/plain": joined(&o["data"]["text/plain"]), "mimes": mimes})
                    }
                })
                .collect();
            serde_json::json!({"source": joined(&c["source"]), "outputs": outputs})
        })
        .collect();
    Json::Array(cells)
}

#[test]
fn execute_writes_the_notebook_nbclient_writes() {
    let dir = copy_example("basics.ipynb");
    let out = h5lab(&["execute", "basics.ipynb", "-o", "out.ipynb"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(dir.path().join("out.ipynb")).expect("written notebook");
    let nb: Json = serde_json::from_str(&written).expect("JSON");
    assert_eq!((nb["nbformat"].as_u64(), nb["nbformat_minor"].as_u64()), (Some(4), Some(5)));
    // Outputs as the oracle recorded them (compare.py's rules)...
    let oracle: Json = serde_json::from_str(&std::fs::read_to_string(support::example("basics.json")).expect("oracle")).expect("JSON");
    let (total, diffs) = h5lab_core::cells::compare(&oracle, &recorded(&nb));
    assert!(diffs.is_empty(), "{}", diffs.iter().map(|d| d.report()).collect::<String>());
    assert_eq!(total, 14);
    // ...and the very bytes nbclient wrote with the oracle's kernel, timings aside.
    let without_timing = |text: &str| text.lines().filter(|l| !l.contains("\"iopub.") && !l.contains("\"shell.execute_reply\"")).collect::<Vec<_>>().join("\n");
    let original = std::fs::read_to_string(support::example("basics.ipynb")).expect("oracle notebook");
    assert_eq!(without_timing(&written), without_timing(&original));
    assert_nbformat_validates(&dir.path().join("out.ipynb"));
}

/// Jupyter's own validator (nbformat, in the test environment) accepts the notebook
/// as nbformat 4.5.
fn assert_nbformat_validates(path: &Path) {
    let Some(python) = support::test_python() else { return };
    let check = Command::new(python)
        .args(["-c", "import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat_minor)"])
        .arg(path)
        .output()
        .expect("python");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), "5");
}

/// The seed tutorial: every output the oracle recorded in the notebook (h5lab adds
/// text/html beside h5py objects' text/plain, which compare.py does not compare).
#[test]
fn execute_of_the_low_level_tutorial_gives_the_oracles_outputs() {
    let dir = copy_example("low-level-api.ipynb");
    let out = h5lab(&["execute", "low-level-api.ipynb", "-o", "out.ipynb"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Json = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.ipynb")).expect("written")).expect("JSON");
    let original: Json =
        serde_json::from_str(&std::fs::read_to_string(support::example("low-level-api.ipynb")).expect("oracle")).expect("JSON");
    let (total, diffs) = h5lab_core::cells::compare(&recorded(&original), &recorded(&written));
    assert!(diffs.is_empty(), "{}", diffs.iter().map(|d| d.report()).collect::<String>());
    assert_eq!(total, 19);
    let counts: Vec<u64> =
        written["cells"].as_array().expect("cells").iter().filter_map(|c| c["execution_count"].as_u64()).collect();
    assert_eq!(counts, (1..=19).collect::<Vec<u64>>());
    assert_nbformat_validates(&dir.path().join("out.ipynb"));
}

#[test]
fn execute_inplace_rewrites_the_notebook() {
    let dir = copy_example("basics.ipynb");
    let out = h5lab(&["execute", "basics.ipynb", "--inplace"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let nb: Json = serde_json::from_str(&std::fs::read_to_string(dir.path().join("basics.ipynb")).expect("read")).expect("JSON");
    assert_eq!(nb["cells"][0]["execution_count"], 1);
}

#[test]
fn run_prints_what_the_script_prints_and_fails_with_pythons_traceback() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("ok.py"), "import sys\nprint('args', sys.argv[1:])\nx = 2\nx * 21\n").expect("write");
    let out = h5lab(&["run", "ok.py", "a", "--b"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "args ['a', '--b']\n");
    std::fs::write(dir.path().join("bad.py"), "# %%\ndef f(x):\n    return {}[x]\n\n# %%\nprint('before')\nf('k')\n").expect("write");
    let out = h5lab(&["run", "bad.py"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "before\n");
    let path = std::fs::canonicalize(dir.path().join("bad.py")).expect("path");
    let path = path.display();
    // CPython 3.11's text. Its `~~^^^` marker line needs the failing expression's
    // columns, which the interpreter does not report yet: compared without it.
    let cpython = format!(
        "Traceback (most recent call last):\n  File \"{path}\", line 7, in <module>\n    f('k')\n  File \"{path}\", line 3, in f\n    return {{}}[x]\n           ~~^^^\nKeyError: 'k'\n"
    );
    let without_markers = |t: &str| t.lines().filter(|l| !l.trim().chars().all(|c| c == '~' || c == '^') || l.trim().is_empty()).collect::<Vec<_>>().join("\n");
    assert_eq!(without_markers(&stderr(&out)), without_markers(&cpython));
    std::fs::write(dir.path().join("exit.py"), "import sys\nsys.exit(3)\n").expect("write");
    assert_eq!(h5lab(&["run", "exit.py"], dir.path()).status.code(), Some(3));
    assert_eq!(h5lab(&["run", "missing.py"], dir.path()).status.code(), Some(2));
}

#[test]
fn dash_c_runs_one_cell() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = h5lab(&["-c", "print('hi'); [1] * 3"], dir.path());
    assert!(out.status.success());
    assert_eq!(stdout(&out), "hi\nOut[1]: [1, 1, 1]\n");
    let out = h5lab(&["-c", "1/0"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).ends_with("----> 1 1/0\n\nZeroDivisionError: division by zero\n"), "{}", stdout(&out));
    assert!(!stdout(&out).contains('\x1b'), "no colours when stdout is not a terminal");
}

#[test]
fn version_and_help() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = h5lab(&["--version"], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).starts_with(&format!("h5lab {} (HDF5 2.", env!("CARGO_PKG_VERSION"))), "{}", stdout(&out));
    let out = h5lab(&["--help"], dir.path());
    assert!(out.status.success());
    for word in ["h5lab run FILE.py", "h5lab replay", "--check", "--stop-on-error", "--in-temp", "h5lab execute", "--inplace", "-c, --code"] {
        assert!(stdout(&out).contains(word), "{word} missing from --help");
    }
    let out = h5lab(&["--bogus"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown option '--bogus'"));
}

/// With stdin a pipe the session prints its prompts itself, in the layout of
/// `ipython --simple-prompt` fed the same lines (checked against IPython 9.18).
#[test]
fn piped_input_shows_ipythons_simple_prompt_layout() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut child = Command::new(support::h5lab())
        .current_dir(dir.path())
        .env("H5LAB_HISTORY", dir.path().join("history"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run h5lab");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"1+1\nprint(\"x\")\nfor i in range(2):\n    print(i)\n\nx = 5\nlen?\n1/0\nexit\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let text = stdout(&out);
    let session = &text[text.find("\nIn [1]").expect("first prompt")..];
    assert_eq!(
        session,
        "\nIn [1]: Out[1]: 2\n\nIn [2]: x\n\nIn [3]:    ...:    ...: 0\n1\n\nIn [4]: \n\
         In [5]: Signature: len(obj, /)\nDocstring: Return the number of items in a container.\nType:      builtin_function_or_method\n\n\
         In [6]: ---------------------------------------------------------------------------\n\
         ZeroDivisionError                         Traceback (most recent call last)\nCell In[6], line 1\n----> 1 1/0\n\n\
         ZeroDivisionError: division by zero\n\nIn [7]: "
    );
}
