//! CPython 3.11's plain traceback text (`h5lab run script.py`), byte for byte: each
//! script in golden/render/plain.golden.json (written by record_plain.py) failed under
//! `python3`; its stderr must equal `render_plain_traceback` of the exception's data
//! (frames, code names, the failing instruction's columns, the chain, SyntaxError
//! details) as CPython itself reported them.

use std::path::Path;

use h5lab_core::render::render_plain_traceback;
use h5lab_core::render::traceback::{
    CellSources, ChainKind, ColumnSpan, ExceptionReport, FunctionFrame, SyntaxDetails, TracebackEntry,
};
use serde_json::Value;

/// One script, as cell 1.
struct Script {
    path: String,
    source: String,
}

impl CellSources for Script {
    fn cell_source(&self, cell: u64) -> Option<&str> {
        (cell == 1).then_some(self.source.as_str())
    }
    fn cell_filename(&self, cell: u64) -> Option<String> {
        (cell == 1).then(|| self.path.clone())
    }
}

fn num(v: &Value) -> u32 {
    v.as_u64().unwrap_or_default() as u32
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn entry(frame: &Value) -> TracebackEntry {
    let line = num(&frame["line"]);
    let mut entry = if frame["module"].as_bool().unwrap_or(false) {
        TracebackEntry::module(1, line)
    } else {
        let first_line = num(&frame["first_line"]);
        let function = FunctionFrame {
            name: text(&frame["qualname"]),
            signature: String::new(),
            first_line,
            last_line: line,
        };
        TracebackEntry::in_function(1, line, function)
    };
    if let Some(cols) = frame["columns"].as_array() {
        entry.columns =
            Some(ColumnSpan { end_line: num(&cols[0]), start: num(&cols[1]), end: num(&cols[2]) });
    }
    entry
}

fn report(data: &Value) -> ExceptionReport {
    let syntax = data.get("syntax").map(|s| SyntaxDetails {
        filename: text(&s["filename"]),
        lineno: num(&s["lineno"]),
        offset: num(&s["offset"]),
        end_offset: num(&s["end_offset"]),
        text: text(&s["text"]),
        cell: 1,
    });
    let earlier = data.get("earlier").map(|e| {
        let kind = if e["kind"] == "cause" { ChainKind::Cause } else { ChainKind::Context };
        (Box::new(report(&e["report"])), kind)
    });
    ExceptionReport {
        ename: text(&data["ename"]),
        evalue: text(&data["evalue"]),
        frames: data["frames"].as_array().into_iter().flatten().map(entry).collect(),
        earlier,
        syntax,
    }
}

#[test]
fn every_recorded_script_traceback_matches_cpython() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/render/plain.golden.json");
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("golden")).expect("json");
    let cases = cases.as_array().expect("a list");
    for case in cases {
        let script = Script { path: text(&case["path"]), source: text(&case["source"]) };
        let actual = render_plain_traceback(&report(&case["report"]), &script);
        assert_eq!(actual, text(&case["stderr"]), "script {}", case["name"]);
    }
    assert_eq!(cases.len(), 31);
}
