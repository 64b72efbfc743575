//! `is_complete` against IPython 9's `check_complete` answers recorded in
//! `golden/is_complete.json` (regenerate with the oracle venv:
//! `python core/tests/golden/make_complete_golden.py`).

use h5lab_core::session::Completeness;
use h5lab_core::syntax::is_complete;
use serde_json::Value;

fn describe(c: &Completeness) -> (String, Option<String>) {
    match c {
        Completeness::Complete => ("complete".into(), None),
        Completeness::Incomplete { indent } => ("incomplete".into(), Some(indent.clone())),
        Completeness::Invalid => ("invalid".into(), None),
    }
}

#[test]
fn is_complete_matches_ipython_check_complete() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("golden/is_complete.json")).expect("valid JSON");
    assert!(cases.len() >= 100);
    let mut failures = Vec::new();
    for case in &cases {
        let src = case["src"].as_str().unwrap_or("");
        let want_status = case["status"].as_str().unwrap_or("");
        let want_indent = case["indent"].as_str().map(str::to_string);
        let (status, indent) = describe(&is_complete(src));
        // ipykernel sends no indent for complete/invalid cells.
        let want_indent = if want_status == "incomplete" { Some(want_indent.unwrap_or_default()) } else { None };
        if status != want_status || indent != want_indent {
            failures.push(format!("{:?}: want {} {:?}, got {} {:?}", src, want_status, want_indent, status, indent));
        }
    }
    if !failures.is_empty() {
        panic!("{} of {} cells differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
    }
}
