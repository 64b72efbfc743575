//! IPython's traceback display, byte for byte with its colours: every error the oracle
//! (IPython 9.18 kernel) recorded from the cells in golden/render/*.cells.py, rebuilt
//! here by hand as an `ExceptionReport` (frames, lines, function names and first lines
//! read off the recorded output) and rendered. The golden files are written by
//! `golden/render/record.py`; library frames (h5py's) are left out of the comparison.

use std::collections::HashMap;
use std::path::Path;

use h5lab_core::render::traceback::{
    CellSources, ChainKind, ExceptionReport, FunctionFrame, SyntaxDetails, TracebackEntry,
};
use h5lab_core::render::{highlight_python, render_syntax_error, render_traceback, strip_ansi};
use serde_json::Value;

// ---------------------------------------------------------------------------------
// The recorded cells and outputs.

struct Golden {
    cells: Vec<Value>,
}

impl Golden {
    fn load(name: &str) -> Golden {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/render")
            .join(format!("{name}.golden.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let cells =
            serde_json::from_str::<Value>(&text).expect("golden json").as_array().expect("a list").clone();
        Golden { cells }
    }

    /// The cell's source as IPython ran it (`overrides` hold IPython's transformations).
    fn sources(&self, overrides: &[(u64, &str)]) -> Sources {
        let mut map: HashMap<u64, String> = self
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| (i as u64 + 1, c["source"].as_str().unwrap_or_default().to_string()))
            .collect();
        for (cell, text) in overrides {
            map.insert(*cell, text.to_string());
        }
        Sources(map)
    }

    /// The one error output of cell `n`: (evalue, traceback).
    fn error(&self, n: u64) -> (String, Vec<String>) {
        let errors = self.cells[n as usize - 1]["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), 1, "cell {n} has one error output");
        let e = &errors[0];
        let tb = e["traceback"]
            .as_array()
            .expect("traceback")
            .iter()
            .map(|t| t.as_str().unwrap_or_default().to_string());
        (e["evalue"].as_str().unwrap_or_default().to_string(), tb.collect())
    }
}

struct Sources(HashMap<u64, String>);

impl CellSources for Sources {
    fn cell_source(&self, cell: u64) -> Option<&str> {
        self.0.get(&cell).map(String::as_str)
    }
}

// ---------------------------------------------------------------------------------
// Building reports by hand.

/// A frame of cell-level code.
fn m(cell: u64, line: u32) -> TracebackEntry {
    TracebackEntry::module(cell, line)
}

/// A function frame; `first` is the code's first line (`co_firstlineno`).
fn f(cell: u64, line: u32, name: &str, signature: &str, first: u32) -> TracebackEntry {
    let function =
        FunctionFrame { name: name.into(), signature: signature.into(), first_line: first, last_line: line };
    TracebackEntry::in_function(cell, line, function)
}

/// The frame is now at `frame_line` (the frame of an earlier exception that caught it).
fn now_at(mut entry: TracebackEntry, frame_line: u32) -> TracebackEntry {
    entry.frame_line = Some(frame_line);
    entry
}

fn exc(ename: &str, evalue: &str, frames: Vec<TracebackEntry>) -> ExceptionReport {
    ExceptionReport { ename: ename.into(), evalue: evalue.into(), frames, earlier: None, syntax: None }
}

fn chained(mut later: ExceptionReport, kind: ChainKind, earlier: ExceptionReport) -> ExceptionReport {
    later.earlier = Some((Box::new(earlier), kind));
    later
}

/// A traceback case: the shown exception's evalue is the recorded one.
struct Case {
    cell: u64,
    ename: &'static str,
    frames: Vec<TracebackEntry>,
    earlier: Option<(ExceptionReport, ChainKind)>,
}

fn case(cell: u64, ename: &'static str, frames: Vec<TracebackEntry>) -> Case {
    Case { cell, ename, frames, earlier: None }
}

fn with(mut c: Case, kind: ChainKind, earlier: ExceptionReport) -> Case {
    c.earlier = Some((earlier, kind));
    c
}

/// Library frames (h5py's `.py`/`.pyx`) are not h5lab's: drop them from the expected.
fn without_library_frames(tb: Vec<String>) -> Vec<String> {
    tb.into_iter().filter(|t| !t.starts_with("\x1b[36mFile \x1b[39m") && !t.starts_with("File ")).collect()
}

fn assert_same(what: &str, actual: &[String], expected: &[String]) {
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(a, e, "{what}: entry {i} differs\n actual:   {a:?}\n expected: {e:?}");
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "{what}: entry counts differ\n actual: {actual:#?}\n expected: {expected:#?}"
    );
}

/// Renders every case of a golden file and compares; returns how many passed.
fn check_file(name: &str, overrides: &[(u64, &str)], color: bool, cases: Vec<Case>) -> usize {
    let golden = Golden::load(name);
    let sources = golden.sources(overrides);
    let n = cases.len();
    for c in cases {
        let (evalue, recorded) = golden.error(c.cell);
        let mut report = exc(c.ename, &evalue, c.frames);
        if let Some((earlier, kind)) = c.earlier {
            report = chained(report, kind, earlier);
        }
        let actual = render_traceback(&report, &sources, color);
        let what = format!("{name} cell {}", c.cell);
        assert_same(&what, &actual, &without_library_frames(recorded));
        // IPython's nocolor theme shows lines as written; where that is what the
        // coloured lines show too (no tabs, no trailing blanks), it is the same text.
        let as_written = |cell: &u64| {
            sources.cell_source(*cell).is_some_and(|s| !s.contains('\t') && s.lines().all(|l| l.trim_end() == l))
        };
        if color && report_cells(&report).iter().all(as_written) {
            let plain = render_traceback(&report, &sources, false);
            let stripped: Vec<String> = actual.iter().map(|s| strip_ansi(s)).collect();
            assert_eq!(plain, stripped, "{what}: nocolor");
        }
    }
    n
}

/// The cells a report's frames (earlier exceptions included) come from.
fn report_cells(report: &ExceptionReport) -> Vec<u64> {
    let mut cells: Vec<u64> = report.frames.iter().map(|f| f.cell).collect();
    if let Some((earlier, _)) = &report.earlier {
        cells.extend(report_cells(earlier));
    }
    cells
}

// ---------------------------------------------------------------------------------
// The cases.

#[test]
fn cell_and_function_frames() {
    let transformed_43 =
        "get_ipython().system('echo shell')\nx = 5\nget_ipython().run_line_magic('time', 'y = 1')\n1 / 0";
    let cases = vec![
        case(1, "ZeroDivisionError", vec![m(1, 1)]),
        case(2, "KeyError", vec![m(2, 13)]),
        case(3, "ValueError", vec![m(3, 1)]),
        case(4, "IndexError", vec![m(4, 9)]),
        case(5, "NameError", vec![m(5, 3)]),
        case(6, "ZeroDivisionError", vec![m(6, 4), f(6, 2, "divide", "(x, y)", 1)]),
        case(8, "KeyError", vec![m(8, 4), f(7, 3, "lookup", "(table, key, default)", 1)]),
        case(
            9,
            "IndexError",
            vec![
                m(9, 9),
                f(9, 7, "top", "()", 6),
                f(9, 4, "outer", "(n)", 1),
                f(9, 3, "outer.<locals>.inner", "(m)", 2),
            ],
        ),
        case(
            10,
            "TypeError",
            vec![
                m(10, 10),
                f(10, 3, "shout.<locals>.wrapper", "(*args, **kwargs)", 2),
                f(10, 8, "greet", "(name, punct)", 6),
            ],
        ),
        case(
            11,
            "RuntimeError",
            vec![
                m(11, 14),
                f(11, 5, "repeat.<locals>.deco.<locals>.run", "(*a)", 3),
                f(10, 3, "shout.<locals>.wrapper", "(*args, **kwargs)", 2),
                f(11, 12, "boom", "(x)", 9),
            ],
        ),
        case(12, "ZeroDivisionError", vec![m(12, 2), f(12, 1, "<lambda>", "(x)", 1)]),
        case(13, "TypeError", vec![m(13, 2), f(13, 2, "<lambda>", "(w)", 2)]),
        case(14, "ZeroDivisionError", vec![m(14, 2), f(14, 2, "<listcomp>", "(.0)", 2)]),
        case(
            15,
            "ZeroDivisionError",
            vec![
                m(15, 8),
                f(15, 2, "invert_all", "(seq)", 1),
                f(15, 3, "invert_all.<locals>.<listcomp>", "(.0)", 2),
            ],
        ),
        case(16, "TypeError", vec![m(16, 2), f(16, 2, "<genexpr>", "(.0)", 2)]),
        case(
            17,
            "TypeError",
            vec![
                m(17, 4),
                f(17, 2, "squares", "(pairs)", 1),
                f(17, 2, "squares.<locals>.<dictcomp>", "(.0)", 2),
            ],
        ),
        case(18, "StopIteration", vec![m(18, 5)]),
        case(19, "ZeroDivisionError", vec![m(19, 2)]),
        case(
            20,
            "ValueError",
            vec![
                m(20, 6),
                f(20, 4, "fact", "(n)", 1),
                f(20, 4, "fact", "(n)", 1),
                f(20, 4, "fact", "(n)", 1),
                f(20, 3, "fact", "(n)", 1),
            ],
        ),
        case(21, "ZeroDivisionError", vec![m(21, 5), f(21, 3, "gen", "(n)", 1)]),
        case(22, "KeyError", vec![m(22, 4), f(22, 2, "add", "(*args, **kwargs)", 1)]),
        case(23, "FileNotFoundError", vec![m(23, 1)]),
        case(24, "ZeroDivisionError", vec![m(24, 1)]),
        case(25, "NameError", vec![m(25, 3)]),
        case(26, "ValueError", vec![m(26, 1)]),
        case(27, "ZeroDivisionError", vec![m(27, 3)]),
        case(28, "AssertionError", vec![m(28, 4), f(28, 2, "check", "(x)", 1)]),
        case(29, "AssertionError", vec![m(29, 1)]),
        case(30, "AttributeError", vec![m(30, 1)]),
        case(31, "TypeError", vec![m(31, 1)]),
        case(32, "TypeError", vec![m(32, 1)]),
        case(33, "StopIteration", vec![m(33, 1)]),
        case(34, "KeyboardInterrupt", vec![m(34, 1)]),
        case(35, "ValueError", vec![m(35, 1)]),
        case(36, "Exception", vec![m(36, 1)]),
        case(37, "ValueError", vec![m(37, 1)]),
        case(38, "ValueError", vec![m(38, 1)]),
        case(39, "KeyError", vec![m(39, 1)]),
        case(40, "KeyError", vec![m(40, 1)]),
        case(41, "RuntimeError", vec![m(41, 1)]),
        case(42, "RuntimeError", vec![m(42, 1)]),
        case(43, "ZeroDivisionError", vec![m(43, 4)]),
        case(44, "KeyError", vec![m(44, 3)]),
        case(46, "IndexError", vec![m(46, 1), f(45, 15, "third", "(x)", 14), f(45, 12, "second", "(x)", 4)]),
        case(47, "ZeroDivisionError", vec![m(47, 1), f(47, 2, "<lambda>", "(p)", 2)]),
        case(48, "ZeroDivisionError", vec![m(48, 100)]),
        case(49, "ZeroDivisionError", vec![m(49, 1000)]),
        case(50, "ZeroDivisionError", vec![m(50, 10)]),
    ];
    assert_eq!(check_file("tb_frames", &[(43, transformed_43)], true, cases), 48);
}

#[test]
fn chained_exceptions() {
    use ChainKind::{Cause, Context};
    let cases = vec![
        case(1, "ZeroDivisionError", vec![m(1, 4)]),
        with(case(2, "ValueError", vec![m(2, 4)]), Cause, exc("KeyError", "'k'", vec![now_at(m(2, 2), 4)])),
        with(
            case(3, "NameError", vec![m(3, 4)]),
            Context,
            exc("IndexError", "list index out of range", vec![now_at(m(3, 2), 4)]),
        ),
        case(4, "ValueError", vec![m(4, 4)]),
        with(
            case(5, "RuntimeError", vec![m(5, 10), f(5, 8, "load", "(text)", 4)]),
            Cause,
            exc(
                "ValueError",
                "invalid literal for int() with base 10: 'abc'",
                vec![now_at(f(5, 6, "load", "(text)", 4), 8), f(5, 2, "parse", "(text)", 1)],
            ),
        ),
        with(
            case(6, "RuntimeError", vec![m(6, 7)]),
            Cause,
            chained(
                exc("KeyError", "'inner'", vec![now_at(m(6, 5), 7)]),
                Cause,
                exc("ZeroDivisionError", "division by zero", vec![now_at(m(6, 3), 7)]),
            ),
        ),
        with(case(7, "ValueError", vec![m(7, 1)]), Cause, exc("KeyError", "'never raised'", vec![])),
        with(
            case(8, "TypeError", vec![m(8, 14)]),
            Context,
            exc("KeyError", "'missing'", vec![now_at(m(8, 7), 14)]),
        ),
        case(9, "RuntimeError", vec![m(9, 9)]),
        with(
            case(10, "OSError", vec![m(10, 7), f(10, 2, "cleanup", "()", 1)]),
            Context,
            exc("IndexError", "list index out of range", vec![now_at(m(10, 5), 7)]),
        ),
        with(
            case(11, "SystemError", vec![m(11, 4)]),
            Context,
            exc("KeyboardInterrupt", "", vec![now_at(m(11, 2), 4)]),
        ),
        with(
            case(12, "ValueError", vec![m(12, 5)]),
            Cause,
            exc("ZeroDivisionError", "division by zero", vec![now_at(m(12, 3), 5)]),
        ),
    ];
    assert_eq!(check_file("tb_chains", &[], true, cases), 12);
}

#[test]
fn highlighted_context_lines() {
    let cases = vec![
        case(1, "ZeroDivisionError", vec![m(1, 7)]),
        case(2, "FileNotFoundError", vec![m(2, 7)]),
        case(3, "ZeroDivisionError", vec![m(3, 16), f(3, 14, "kw", "()", 1)]),
        case(4, "NameError", vec![m(4, 2)]),
        case(5, "NameError", vec![m(5, 5)]),
        case(6, "ZeroDivisionError", vec![m(6, 6), f(6, 4, "documented", "(a)", 1)]),
        case(7, "TypeError", vec![m(7, 8), f(7, 6, "multi_doc", "(a)", 1)]),
        case(8, "ZeroDivisionError", vec![m(8, 4)]),
        case(9, "ZeroDivisionError", vec![m(9, 6), f(9, 3, "tabbed", "(x)", 1)]),
        case(10, "KeyError", vec![m(10, 4)]),
        case(11, "KeyError", vec![m(11, 1)]),
        case(12, "TypeError", vec![m(12, 1)]),
        case(13, "AttributeError", vec![m(13, 4)]),
        case(14, "IndexError", vec![m(14, 4)]),
        case(15, "KeyError", vec![m(15, 3)]),
        case(16, "ZeroDivisionError", vec![m(16, 5)]),
        case(17, "AttributeError", vec![m(17, 3)]),
        case(18, "KeyError", vec![m(18, 4)]),
    ];
    assert_eq!(check_file("tb_highlight", &[], true, cases), 18);
}

#[test]
fn nocolor_theme_keeps_lines_as_written() {
    let cases = vec![
        case(2, "ZeroDivisionError", vec![m(2, 6), f(2, 3, "tabbed", "(x)", 1)]),
        case(3, "TypeError", vec![m(3, 2)]),
        with(
            case(4, "ValueError", vec![m(4, 4)]),
            ChainKind::Cause,
            exc("KeyError", "'k'", vec![now_at(m(4, 2), 4)]),
        ),
        case(6, "KeyboardInterrupt", vec![m(6, 1)]),
    ];
    assert_eq!(check_file("nocolor", &[], false, cases), 4);
    let golden = Golden::load("nocolor");
    let (evalue, recorded) = golden.error(5);
    let report = syntax(&golden, 5, "SyntaxError", &evalue, 1, 5);
    assert_eq!(render_syntax_error(&report, false), recorded);
}

/// A SyntaxError report for `cell` of `golden`: the file name comes from the recorded
/// evalue, the line from the cell (IPython reads it from its cache of the cell).
fn syntax(
    golden: &Golden,
    cell: u64,
    ename: &str,
    evalue: &str,
    lineno: u32,
    offset: u32,
) -> ExceptionReport {
    let source = golden.cells[cell as usize - 1]["source"].as_str().unwrap_or_default().to_string();
    syntax_in(&source, cell, ename, evalue, lineno, offset)
}

fn syntax_in(
    source: &str,
    cell: u64,
    ename: &str,
    evalue: &str,
    lineno: u32,
    offset: u32,
) -> ExceptionReport {
    let name = evalue
        .rsplit_once(" (")
        .map(|(_, rest)| rest.split(", line").next().unwrap_or_default())
        .unwrap_or_default();
    let filename =
        if name.starts_with('<') { name.to_string() } else { format!("/tmp/ipykernel_4096/{name}") };
    let text = source.lines().nth(lineno as usize - 1).unwrap_or_default().to_string() + "\n";
    let details = SyntaxDetails { filename, lineno, offset, end_offset: 0, text, cell };
    ExceptionReport {
        ename: ename.into(),
        evalue: evalue.into(),
        frames: vec![],
        earlier: None,
        syntax: Some(details),
    }
}

#[test]
fn syntax_errors() {
    let golden = Golden::load("syntax_errors");
    // (cell, ename, line, offset) as CPython 3.11 / IPython report them.
    let cases: [(u64, &str, u32, u32); 25] = [
        (1, "SyntaxError", 1, 5),
        (2, "SyntaxError", 1, 11),
        (3, "SyntaxError", 1, 5),
        (4, "SyntaxError", 3, 7),
        (5, "SyntaxError", 1, 8),
        (6, "SyntaxError", 1, 1),
        (7, "IndentationError", 3, 3),
        (9, "IndentationError", 2, 1),
        (10, "SyntaxError", 2, 5),
        (11, "TabError", 3, 1),
        (12, "SyntaxError", 2, 1),
        (13, "SyntaxError", 1, 2),
        (14, "SyntaxError", 2, 8),
        (15, "SyntaxError", 1, 5),
        (16, "SyntaxError", 1, 7),
        (17, "SyntaxError", 1, 20),
        (18, "SyntaxError", 1, 13),
        (19, "SyntaxError", 1, 5),
        (20, "SyntaxError", 1, 7),
        (21, "SyntaxError", 1, 5),
        (22, "SyntaxError", 2, 9),
        (23, "SyntaxError", 2, 10),
        (25, "SyntaxError", 3, 6),
        (26, "SyntaxError", 1, 1),
        (27, "SyntaxError", 1, 1),
    ];
    for (cell, ename, lineno, offset) in cases {
        let (evalue, recorded) = golden.error(cell);
        // IPython dedents a cell whose lines all start indented (cell 10).
        let report = if cell == 10 {
            syntax_in("y = 5\nz = = 6", cell, ename, &evalue, lineno, offset)
        } else {
            syntax(&golden, cell, ename, &evalue, lineno, offset)
        };
        assert_same(&format!("syntax_errors cell {cell}"), &render_syntax_error(&report, true), &recorded);
        // render_traceback hands SyntaxErrors over too.
        assert_eq!(render_traceback(&report, &golden.sources(&[]), true), recorded);
    }
    // Cell 24 is valid at the top level (IPython awaits it) and fails at run time.
    let n = check_file("syntax_errors", &[], true, vec![case(24, "TypeError", vec![m(24, 3)])]);
    assert_eq!(cases.len() + n, 26);
}

// ---------------------------------------------------------------------------------
// The highlighter on its own.

/// Every code line of every recorded cell or function frame (comprehension frames
/// excepted: IPython numbers their lines off by the walk up to the `def`) equals
/// `highlight_python` of the cell's line.
#[test]
fn highlighter_matches_every_recorded_context_line() {
    let mut checked = 0;
    for name in ["tb_frames", "tb_chains", "tb_highlight", "syntax_errors"] {
        let golden = Golden::load(name);
        let overrides: &[(u64, &str)] = if name == "tb_frames" {
            &[(43, "get_ipython().system('echo shell')\nx = 5\nget_ipython().run_line_magic('time', 'y = 1')\n1 / 0")]
        } else {
            &[]
        };
        let sources = golden.sources(overrides);
        for cell in &golden.cells {
            for error in cell["errors"].as_array().into_iter().flatten() {
                for entry in error["traceback"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if !entry.starts_with("\x1b[36mCell\x1b[39m") {
                        continue;
                    }
                    let mut pieces = entry.split('\n');
                    let header = strip_ansi(pieces.next().unwrap_or_default());
                    if header.contains("comp>") || header.contains("<genexpr>") {
                        continue;
                    }
                    let Some(cell_no) = header
                        .strip_prefix("Cell In[")
                        .and_then(|r| r.split(']').next())
                        .and_then(|n| n.parse::<u64>().ok())
                    else {
                        panic!("header {header:?}")
                    };
                    let lines: Vec<&str> = sources.cell_source(cell_no).unwrap_or_default().lines().collect();
                    for piece in pieces.filter(|p| !p.is_empty()) {
                        let (prefix, code) = piece.split_once("\x1b[39m ").expect("a numbered line");
                        let number: usize = strip_ansi(prefix)
                            .trim_start_matches(['-', '>', ' '])
                            .parse()
                            .unwrap_or_else(|_| panic!("number in {prefix:?}"));
                        let source_line = format!("{}\n", lines[number - 1]);
                        assert_eq!(
                            highlight_python(&source_line),
                            format!("{code}\n"),
                            "{name} In[{cell_no}] line {number}"
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} lines checked");
}

/// Tricky lines run through IPython's `PyColorize.Parser` directly.
#[test]
fn highlighter_matches_pycolorize_on_tricky_lines() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/render/highlight.golden.json");
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("golden")).expect("json");
    for c in cases.as_array().expect("a list") {
        let source = c["source"].as_str().unwrap_or_default();
        let expected = c["highlighted"].as_str().unwrap_or_default();
        assert_eq!(highlight_python(source), expected, "source {source:?}");
    }
}

/// Missing cells or lines never panic: IPython's "Could not get source" line stands in.
#[test]
fn missing_sources_degrade_gracefully() {
    let sources = Sources(HashMap::from([(1, "x = 1".to_string())]));
    let report =
        exc("KeyError", "'k'", vec![m(2, 3), f(1, 40, "g", "()", 30), m(1, 9), f(1, 1, "h", "(a)", 0)]);
    for color in [true, false] {
        let tb = render_traceback(&report, &sources, color);
        assert_eq!(tb.len(), 7);
        assert!(strip_ansi(&tb[2]).contains("Could not get source"));
    }
    let bad = ExceptionReport {
        syntax: Some(SyntaxDetails {
            filename: "x.py".into(),
            lineno: 0,
            offset: 99,
            end_offset: 0,
            text: String::new(),
            cell: 1,
        }),
        ..exc("SyntaxError", "", vec![])
    };
    assert_eq!(
        render_syntax_error(&bad, false),
        vec!["  Cell In[1]\n    \n    ^\nSyntaxError\n".to_string()]
    );
}

/// Arbitrary text, lines and columns never make the renderers panic.
#[test]
fn arbitrary_input_never_panics() {
    use h5lab_core::render::render_plain_traceback;
    use h5lab_core::render::traceback::ColumnSpan;
    const ALPHABET: &[&str] = &[
        "a", "1", " ", "\t", "\n", "\r", "'", "\"", "'''", "\"\"\"", "\\", "(", ")", "[", "]", "{", "}", "#",
        "def ", "lambda ", "@", "f'", "rb\"", "é", "日", "0x", ".", "e", "j", "_", ":", "=", "\x0c", "    ",
        "if x:\n", "async ", "$", "?", "\u{2028}", "return", "/",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n.max(1)
    };
    for _ in 0..3000 {
        let len = next(40) as usize;
        let text: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len() as u64) as usize]).collect();
        let _ = highlight_python(&text);
        let sources = Sources(HashMap::from([(1, text.clone())]));
        let line = next(12) as u32;
        let mut frame = f(1, line, "g", "()", next(12) as u32);
        frame.columns = Some(ColumnSpan {
            end_line: line + next(2) as u32,
            start: next(50) as u32,
            end: next(50) as u32,
        });
        let mut module = m(1, next(12) as u32);
        module.columns = frame.columns;
        module.frame_line = Some(next(14) as u32);
        let report = chained(
            exc("ValueError", "x", vec![module.clone(), frame.clone()]),
            ChainKind::Context,
            exc("KeyError", "", vec![frame, module]),
        );
        let _ = render_traceback(&report, &sources, next(2) == 0);
        let _ = render_plain_traceback(&report, &sources);
        let first = text.lines().next().unwrap_or_default().to_string();
        let details = SyntaxDetails {
            filename: if next(2) == 0 { "<tokenize>".into() } else { "/x/1.py".into() },
            lineno: next(4) as u32,
            offset: next(60) as u32,
            end_offset: next(60) as u32,
            text: first,
            cell: 1,
        };
        let syntax =
            ExceptionReport { syntax: Some(details), ..exc("SyntaxError", "bad (1.py, line 1)", vec![]) };
        let _ = render_syntax_error(&syntax, true);
        let _ = render_plain_traceback(&syntax, &sources);
    }
}
