//! Completion, inspection and `obj?` pages against the oracle's answers.
//!
//! `golden/complete_inspect.json` holds what a real IPython kernel answered
//! (scripts/oracle_complete_inspect.py over `complete_inspect.spec.json`): the same
//! setup cell runs in an h5lab Session in a directory with the same files, and every
//! answer must be the oracle's — except IPython's magics that h5lab does not have,
//! which are left out of the expected matches.

mod support;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::complete::sources::LINE_MAGICS;
use h5lab_core::session::{ExecuteOptions, OutputSink, Session, SessionOptions};
use serde_json::Value as Json;

fn golden() -> Json {
    let text = std::fs::read_to_string(support::golden_path("complete_inspect.json")).expect("golden file");
    serde_json::from_str(&text).expect("golden JSON")
}

/// The process id in IPython's `File:` lines (`/tmp/ipykernel_<pid>/...`) differs, and
/// so do a class's `Subclasses:` (IPython lists every subclass its process has loaded).
fn normalize_pid(text: &str) -> String {
    let text: String = text
        .split('\n')
        .map(|line| match line.find("Subclasses:") {
            Some(i) => format!("{}Subclasses: <...>", &line[..i]),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    h5lab_core::cells::replace_kernel_pid(&text)
}

/// A CPython builtin that h5lab's interpreter does not define (yet): the language's
/// business, not the completer's, so left out of the expected matches.
fn is_builtin_h5lab_lacks(session: &mut Session, name: &str) -> bool {
    !h5lab_core::inspect::KEYWORDS.contains(&name)
        && h5lab_core::inspect::docs::lookup(&format!("builtins.{name}")).is_some()
        && session.interp().get_builtin(name).is_none()
        && session.interp().get_global(name).is_none()
}

#[derive(Default)]
struct Collect {
    stdout: String,
}

impl OutputSink for Collect {
    fn stream(&mut self, _name: h5lab_core::session::StreamName, text: &str) {
        self.stdout.push_str(text);
    }
    fn display(&mut self, _bundle: h5lab_core::session::MimeBundle, _id: Option<&str>, _update: bool) {}
    fn clear_output(&mut self, _wait: bool) {}
    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, h5lab_core::session::InputError> {
        Err(h5lab_core::session::InputError::NotAllowed)
    }
}

/// Runs `check` with a session that has run the golden setup in a directory holding
/// the golden files.
fn with_session(check: impl FnOnce(&mut Session, &Json) + Send + 'static) {
    let golden = golden();
    support::in_temp_dir(move |lib, dir| {
        for name in golden["files"].as_array().expect("files") {
            let name = name.as_str().expect("file name");
            let path = dir.join(name);
            if name.ends_with('/') {
                std::fs::create_dir_all(path).expect("mkdir");
            } else {
                std::fs::write(path, "").expect("touch");
            }
        }
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: true };
        let mut session = Session::new(lib, options);
        let outcome = session.execute(golden["setup"].as_str().expect("setup"), ExecuteOptions::default(), &mut Collect::default());
        assert!(outcome.error.is_none(), "setup failed: {:?}", outcome.error);
        check(&mut session, &golden);
    });
}

#[test]
fn completions_are_the_oracles() {
    with_session(|session, golden| {
        let mut failures = Vec::new();
        for case in golden["complete"].as_array().expect("complete") {
            let code = case["code"].as_str().expect("code");
            let cursor = case["cursor"].as_u64().expect("cursor") as usize;
            let expected: Vec<(String, String)> = case["matches"]
                .as_array()
                .expect("matches")
                .iter()
                .zip(case["types"].as_array().expect("types"))
                .map(|(m, t)| (m.as_str().unwrap_or("").to_string(), t.as_str().unwrap_or("").to_string()))
                .filter(|(m, t)| t != "magic" || LINE_MAGICS.contains(&m.trim_start_matches('%')))
                .filter(|(m, _)| !is_builtin_h5lab_lacks(session, m))
                .collect();
            let got = session.complete(code, cursor);
            let got_pairs: Vec<(String, String)> = got.matches.iter().cloned().zip(got.types.iter().cloned()).collect();
            let expected_range = (case["cursor_start"].as_u64().unwrap_or(0) as usize, case["cursor_end"].as_u64().unwrap_or(0) as usize);
            let range_matters = !expected.is_empty();
            if got_pairs != expected || (range_matters && (got.cursor_start, got.cursor_end) != expected_range) {
                failures.push(format!(
                    "{code:?} at {cursor}:\n  expected {expected:?} {expected_range:?}\n  got      {got_pairs:?} {:?}",
                    (got.cursor_start, got.cursor_end)
                ));
            }
        }
        assert!(failures.is_empty(), "{} completion(s) differ:\n{}", failures.len(), failures.join("\n"));
    });
}

#[test]
fn inspections_are_the_oracles() {
    with_session(|session, golden| {
        let mut failures = Vec::new();
        for case in golden["inspect"].as_array().expect("inspect") {
            let code = case["code"].as_str().expect("code");
            let cursor = case["cursor"].as_u64().expect("cursor") as usize;
            let detail = case["detail"].as_u64().expect("detail") as u8;
            let expected = case["text"].as_str().map(normalize_pid);
            let got = session.inspect(code, cursor, detail).and_then(|b| b.get("text/plain").cloned()).map(|t| normalize_pid(&t));
            if got != expected {
                failures.push(format!("{code:?} at {cursor} (detail {detail}):\n  expected {expected:?}\n  got      {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{} inspection(s) differ:\n{}", failures.len(), failures.join("\n"));
    });
}

#[test]
fn help_pages_are_the_oracles() {
    with_session(|session, golden| {
        let mut failures = Vec::new();
        for case in golden["pages"].as_array().expect("pages") {
            let code = case["code"].as_str().expect("code");
            let mut sink = Collect::default();
            let outcome = session.execute(code, ExecuteOptions::default(), &mut sink);
            let pages: Vec<String> = outcome.pages.iter().filter_map(|p| p.data.get("text/plain")).map(|t| normalize_pid(t)).collect();
            let expected: Vec<String> =
                case["pages"].as_array().expect("pages").iter().filter_map(Json::as_str).map(normalize_pid).collect();
            let status = if outcome.error.is_some() { "error" } else { "ok" };
            if pages != expected || sink.stdout != case["stdout"].as_str().unwrap_or("") || status != case["status"] {
                failures.push(format!(
                    "{code:?}:\n  expected {expected:?} {:?} {}\n  got      {pages:?} {:?} {status} {:?}",
                    case["stdout"], case["status"], sink.stdout, outcome.error
                ));
            }
        }
        assert!(failures.is_empty(), "{} page(s) differ:\n{}", failures.len(), failures.join("\n"));
    });
}

#[test]
fn pages_have_no_colours_without_color() {
    support::in_temp_dir(|lib, dir| {
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        let outcome = session.execute("len?", ExecuteOptions::default(), &mut Collect::default());
        let text = outcome.pages[0].data["text/plain"].clone();
        assert_eq!(text, "Signature: len(obj, /)\nDocstring: Return the number of items in a container.\nType:      builtin_function_or_method");
    });
}

#[test]
fn import_completion_offers_h5labs_modules() {
    support::in_temp_dir(|lib, dir| {
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        let c = session.complete("import o", 8);
        assert_eq!(c.matches, vec!["os"]);
        assert_eq!((c.cursor_start, c.cursor_end), (7, 8));
        let c = session.complete("import m", 8);
        assert_eq!(c.matches, vec!["math"]);
    });
}

/// h5lab's addition to IPython (whose completer offers the file system's `/lib` there):
/// a key holding `/` inside `f['...` completes HDF5 paths from the live file.
#[test]
fn hdf5_paths_complete_inside_the_brackets() {
    support::in_temp_dir(|lib, dir| {
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        let setup = "import h5py\nf = h5py.File('p.h5', 'w')\nf.create_group('links/sub')\nf['links/data'] = 1\nf['lines'] = 2\nd = {'a/b': 1}";
        let outcome = session.execute(setup, ExecuteOptions::default(), &mut Collect::default());
        assert!(outcome.error.is_none(), "{:?}", outcome.error);
        let at_end = |session: &mut Session, code: &str| {
            let c = session.complete(code, code.chars().count());
            (c.matches, c.cursor_start, c.cursor_end)
        };
        assert_eq!(at_end(&mut session, "f['/li"), (vec!["/lines".to_string(), "/links".to_string()], 3, 6));
        assert_eq!(at_end(&mut session, "f['/lin"), (vec!["/lines".to_string(), "/links".to_string()], 3, 7));
        assert_eq!(at_end(&mut session, "f['links/"), (vec!["links/data".to_string(), "links/sub".to_string()], 3, 9));
        assert_eq!(at_end(&mut session, "f['/links/s"), (vec!["/links/sub".to_string()], 3, 11));
        assert_eq!(at_end(&mut session, "f['links']['s"), (vec!["sub".to_string()], 12, 13));
        assert_eq!(at_end(&mut session, "f['/nowhere/x"), (Vec::new(), 13, 13));
        assert_eq!(at_end(&mut session, "d['a/"), (vec!["a/b".to_string()], 3, 5));
    });
}

/// Completion and inspection answer (possibly nothing) at every cursor position of odd
/// code, and never panic.
#[test]
fn odd_code_at_every_cursor_never_panics() {
    with_session(|session, _golden| {
        let codes = [
            "", "(", ")", "[", "]", "'", "\"\"\"", "x[", "x['", "d[']'][", "f(a, b=(1, [2, 'x,'], {",
            "é = ß.ü(", "a.b.c.", "..", "1.", "0x", "%", "%%", "!", "!!", "?", "??x", "x?", "#", "# é\nx.",
            "'\\", "b'\\", "f'{x", "r'''\n\n", "lambda x: x.", "import ", "from ", "from . import ", "import os.",
            "myvar[0][", "d['alpha'][", "sorted(key=", "print(*", "\t\tx", "x = (\n  myv", "\u{1F600}.", "𝔘.x",
        ];
        for code in codes {
            let n = code.chars().count();
            for cursor in 0..=n + 2 {
                let c = session.complete(code, cursor);
                assert!(c.cursor_start <= c.cursor_end && c.cursor_end <= n.max(cursor), "{code:?} at {cursor}: {c:?}");
                assert_eq!(c.matches.len(), c.types.len());
                let _ = session.inspect(code, cursor, 0);
                let _ = session.inspect(code, cursor, 1);
            }
        }
    });
}
