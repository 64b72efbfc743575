//! The golden syntax corpus: every snippet of `golden/syntax_cases.txt` parsed by
//! h5lab and compared with CPython 3.11's verdict recorded in
//! `golden/syntax_cases.json` (regenerate with
//! `python3 core/tests/golden/make_syntax_golden.py`): errors field by field, valid
//! trees through an `ast.dump`-format rendering of h5lab's AST.

mod syntax_support;

use h5lab_core::syntax::{cleaned_source, parse_cell, SyntaxError};
use serde_json::Value;

fn expected_error_line(case: &Value, err: &SyntaxError) -> Vec<String> {
    let mut diffs = Vec::new();
    let class = case["class"].as_str().unwrap_or("");
    if err.kind.name() != class {
        diffs.push(format!("class: want {} got {}", class, err.kind.name()));
    }
    let msg = case["msg"].as_str().unwrap_or("");
    if err.msg != msg {
        diffs.push(format!("msg: want {:?} got {:?}", msg, err.msg));
    }
    let num = |k: &str| case[k].as_i64();
    let got = [
        ("lineno", Some(i64::from(err.lineno))),
        ("offset", Some(i64::from(err.offset))),
        ("end_lineno", Some(i64::from(err.end_lineno))),
        ("end_offset", Some(err.end_offset_i64())),
    ];
    for (k, g) in got {
        let want = num(k);
        if want.is_some() && want != g {
            diffs.push(format!("{}: want {:?} got {:?}", k, want, g));
        }
    }
    if let Some(text) = case["text"].as_str() {
        if err.text != text {
            diffs.push(format!("text: want {:?} got {:?}", text, err.text));
        }
    }
    diffs
}

#[test]
fn golden_corpus_matches_cpython_3_11() {
    let data = include_str!("golden/syntax_cases.json");
    let cases: Vec<Value> = serde_json::from_str(data).expect("valid JSON");
    assert!(cases.len() >= 200, "corpus too small: {}", cases.len());
    compare_cases(&cases);
}

/// Cells with IPython syntax, cleanups and errors, against what IPython 9 compiles
/// after `transform_cell` (`golden/ipython_cells.json`, made by
/// `make_ipython_syntax_golden.py` with the oracle venv). Trees are not compared
/// (IPython's are `get_ipython()` calls), only acceptance and errors.
#[test]
fn ipython_cells_match_ipython_9() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("golden/ipython_cells.json")).expect("valid JSON");
    compare_cases(&cases);
}

fn compare_cases(cases: &[Value]) {
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let src = case["src"].as_str().unwrap_or("");
        let result = parse_cell(src);
        let ok = case["ok"].as_bool().unwrap_or(false);
        match (ok, result) {
            (true, Ok(module)) => {
                let Some(want) = case["dump"].as_str() else { continue };
                let got = syntax_support::dump_module(&module);
                if got != want {
                    failures.push(format!("{}: AST differs\n  want {}\n  got  {}", name, want, got));
                } else if let Some(want) = case["dump_pos"].as_str() {
                    let got = syntax_support::dump_module_with_positions(&module, &cleaned_source(src));
                    if got != want {
                        let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
                        let from = at.saturating_sub(60);
                        failures.push(format!(
                            "{}: positions differ\n  want ...{}\n  got  ...{}",
                            name,
                            want.chars().skip(from).take(160).collect::<String>(),
                            got.chars().skip(from).take(160).collect::<String>()
                        ));
                    }
                }
            }
            (true, Err(e)) => failures.push(format!("{}: CPython accepts, h5lab says {:?}", name, e)),
            (false, Ok(_)) => {
                failures.push(format!("{}: CPython says {} {:?}, h5lab accepts", name, case["class"], case["msg"]))
            }
            (false, Err(e)) => {
                if case["class"].as_str() == Some("RecursionError") || case["class"].as_str() == Some("MemoryError") {
                    continue;
                }
                let diffs = expected_error_line(case, &e);
                if !diffs.is_empty() {
                    failures.push(format!("{}: {}", name, diffs.join("; ")));
                }
            }
        }
    }
    if !failures.is_empty() {
        panic!("{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
    }
}

/// Development aid: compares a corpus JSON made by `make_syntax_golden.py`'s
/// format at `$H5LAB_SYNTAX_EXTRA` and lists the differences without failing
/// (`cargo test --test syntax_golden -- --ignored --nocapture`).
#[test]
#[ignore]
fn extra_corpus_report() {
    let Ok(path) = std::env::var("H5LAB_SYNTAX_EXTRA") else { return };
    let data = std::fs::read_to_string(path).expect("readable corpus");
    let cases: Vec<Value> = serde_json::from_str(&data).expect("valid JSON");
    let mut bad = 0;
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let src = case["src"].as_str().unwrap_or("");
        let ok = case["ok"].as_bool().unwrap_or(false);
        let line = match (ok, parse_cell(src)) {
            (true, Ok(module)) => {
                let Some(want) = case["dump"].as_str() else { continue };
                let mut got = syntax_support::dump_module(&module);
                let mut want = want.to_string();
                if got == want {
                    let Some(want_pos) = case["dump_pos"].as_str() else { continue };
                    got = syntax_support::dump_module_with_positions(&module, &cleaned_source(src));
                    want = want_pos.to_string();
                    if got == want {
                        continue;
                    }
                }
                let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
                let from = at.saturating_sub(80);
                format!(
                    "AST differs at char {}:\n  want ...{}\n  got  ...{}",
                    at,
                    want.chars().skip(from).take(200).collect::<String>(),
                    got.chars().skip(from).take(200).collect::<String>()
                )
            }
            (true, Err(e)) => format!("accepts by CPython, h5lab: {} {:?}", e.msg, (e.lineno, e.offset)),
            (false, Ok(_)) => format!("h5lab accepts; CPython: {:?}", case["msg"]),
            (false, Err(e)) => {
                if matches!(case["class"].as_str(), Some("RecursionError" | "MemoryError")) {
                    continue;
                }
                let d = expected_error_line(case, &e);
                if d.is_empty() {
                    continue;
                }
                d.join("; ")
            }
        };
        bad += 1;
        println!("{}: {:?}\n    {}", name, src, line);
    }
    println!("{} of {} differ", bad, cases.len());
}
