//! The interpreter under stress: interrupts (a busy loop, `time.sleep`, a long `!cmd`)
//! stop within 100 ms of the front end raising the flag and the next cell works; deep
//! recursion and deep nesting end in CPython's exceptions, not in a crashed process;
//! random programs and mutated corpus cells never panic.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use h5lab_core::cells::split_cells;
use h5lab_core::session::{ExecuteOptions, ExecuteOutcome, Session, SessionOptions};
use proptest::prelude::*;

/// Runs `f` with a fresh session in a fresh directory on the HDF5 owner thread.
fn with_session<R: Send + 'static>(f: impl FnOnce(&mut Session, Arc<AtomicBool>) -> R + Send + 'static) -> R {
    h5lab_core::hdf5::run(move |lib| {
        let dir = tempfile::Builder::new().prefix("cells-").tempdir_in("/tmp").expect("temporary directory");
        let interrupt = Arc::new(AtomicBool::new(false));
        let options = SessionOptions { cwd: dir.path().to_path_buf(), interrupt: interrupt.clone(), color: false };
        let mut session = Session::new(lib, options);
        f(&mut session, interrupt)
    })
}

fn run(session: &mut Session, code: &str) -> ExecuteOutcome {
    let mut sink = h5lab_core::cells::RecordingSink::default();
    session.execute(code, ExecuteOptions::default(), &mut sink)
}

fn ename(outcome: &ExecuteOutcome) -> Option<String> {
    outcome.error.as_ref().map(|e| e.ename.clone())
}

/// Raises the interrupt flag after `delay` from another thread; the instant it did.
fn interrupt_after(flag: &Arc<AtomicBool>, delay: Duration) -> std::thread::JoinHandle<Instant> {
    let flag = flag.clone();
    std::thread::spawn(move || {
        std::thread::sleep(delay);
        flag.store(true, Ordering::SeqCst);
        Instant::now()
    })
}

fn assert_interrupted_promptly(code: &'static str) {
    with_session(move |session, flag| {
        let raiser = interrupt_after(&flag, Duration::from_millis(300));
        let outcome = run(session, code);
        let stopped = Instant::now();
        let raised = raiser.join().expect("interrupting thread");
        assert_eq!(ename(&outcome).as_deref(), Some("KeyboardInterrupt"), "{code}");
        let latency = stopped.duration_since(raised);
        assert!(latency < Duration::from_millis(100), "{code}: stopped {latency:?} after the interrupt");
        let next = run(session, "1 + 1");
        assert!(next.error.is_none(), "the next cell runs");
        assert_eq!(next.result.and_then(|b| b.get("text/plain").cloned()).as_deref(), Some("2"));
    });
}

#[test]
fn interrupt_stops_a_busy_loop() {
    assert_interrupted_promptly("while True:\n    pass");
}

#[test]
fn interrupt_stops_a_busy_loop_in_a_function() {
    assert_interrupted_promptly("def spin():\n    n = 0\n    while True:\n        n += 1\nspin()");
}

#[test]
fn interrupt_stops_time_sleep() {
    assert_interrupted_promptly("import time\ntime.sleep(10)");
}

#[test]
fn interrupt_stops_a_shell_command() {
    assert_interrupted_promptly("!sleep 10");
}

#[test]
fn interrupt_stops_a_captured_shell_command() {
    assert_interrupted_promptly("x = !sleep 10");
}

#[test]
fn interrupt_stops_an_endless_generator_consumed_by_a_builtin() {
    assert_interrupted_promptly("def naturals():\n    n = 0\n    while True:\n        yield n\n        n += 1\nsum(naturals())");
}

#[test]
fn interrupt_stops_a_busy_loop_inside_a_generator_body() {
    assert_interrupted_promptly("def g():\n    while True:\n        pass\n    yield 1\nnext(g())");
}

#[test]
fn interrupt_stops_a_generator_expression_over_a_long_range() {
    assert_interrupted_promptly("sum(x for x in range(10**12))");
}

#[test]
fn recursion_in_and_through_generators_is_a_recursion_error() {
    with_session(|session, _| {
        // A generator body recursing without end meets the limit on its own stack.
        let outcome = run(session, "def f(n):\n    return f(n + 1)\ndef g():\n    yield f(0)\nnext(g())");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        // With a raised limit, the native guard of the generator's stack stops it.
        let outcome = run(session, "import sys\nsys.setrecursionlimit(10**7)\ndef h(n):\n    return [h(n + 1)]\ndef g():\n    yield h(0)\nnext(g())");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        let outcome = run(session, "sys.setrecursionlimit(1000)");
        assert!(outcome.error.is_none());
        // Generators delegating to generators without end.
        let outcome = run(session, "def d(n):\n    yield from d(n + 1)\nnext(d(0))");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        // A deep but bounded delegation chain works.
        let outcome = run(session, "def c(n):\n    if n:\n        yield from c(n - 1)\n    yield n\nlen(list(c(500)))");
        assert!(outcome.error.is_none(), "{:?}", outcome.error);
        // Many live, suspended generators.
        let outcome = run(session, "gs = [iter(x for x in range(3)) for _ in range(20000)]\n[next(g) for g in gs][-1]");
        assert!(outcome.error.is_none(), "{:?}", outcome.error);
        let outcome = run(session, "del gs");
        assert!(outcome.error.is_none());
    });
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    with_session(|session, _| {
        let outcome = run(session, "def f(n):\n    return f(n + 1)\nf(0)");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        // A raised limit meets the native stack guard instead of overflowing.
        let outcome = run(session, "import sys\nsys.setrecursionlimit(10**7)\ndef g(n):\n    return [g(n + 1)]\ng(0)");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        let outcome = run(session, "def h(n):\n    return h(n + 1) if n < 50 else n\nh(0)");
        assert!(outcome.error.is_none());
    });
}

#[test]
fn deep_data_and_deep_syntax_end_in_python_exceptions() {
    with_session(|session, _| {
        let outcome = run(session, "import sys\nsys.setrecursionlimit(10**7)\nl = []\nfor i in range(200000):\n    l = [l]\nrepr(l)");
        assert_eq!(ename(&outcome).as_deref(), Some("RecursionError"));
        let outcome = run(session, "m = []\nfor i in range(200000):\n    m = [m]\nl == m");
        assert!(matches!(ename(&outcome).as_deref(), Some("RecursionError") | None));
        let nested = format!("x = {}1{}", "(".repeat(300), ")".repeat(300));
        let outcome = run(session, &nested);
        assert_eq!(ename(&outcome).as_deref(), Some("SyntaxError"));
        let nested = format!("x = {}1", "-".repeat(100_000));
        let outcome = run(session, &nested);
        assert!(outcome.error.is_some() || outcome.result.is_none());
        let deep_blocks: String = (0..120).map(|i| format!("{}if True:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(120) + "pass";
        let outcome = run(session, &deep_blocks);
        assert!(matches!(ename(&outcome).as_deref(), Some("IndentationError") | Some("SyntaxError") | Some("RecursionError") | None));
    });
}

// ---------------------------------------------------------------------------------
// No panics: random programs and mutated corpus cells.

/// The corpus cells (all golden files).
fn corpus_cells() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/lang");
    let mut cells = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for path in files {
        if path.to_string_lossy().ends_with(".cells.py") {
            let text = std::fs::read_to_string(&path).expect("cells");
            // Shell commands and magics are skipped: they touch the machine.
            cells.extend(split_cells(&text).into_iter().filter(|c| !c.contains('!') && !c.contains('%')));
        }
    }
    cells
}

fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (-5i64..300).prop_map(|n| n.to_string()),
        Just("0.5".to_string()),
        Just("1e308".to_string()),
        Just("'ab'".to_string()),
        Just("b'x'".to_string()),
        Just("None".to_string()),
        Just("True".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("()".to_string()),
        Just("x".to_string()),
        Just("y".to_string()),
        Just("f".to_string()),
        Just("undefined".to_string()),
        Just("len".to_string()),
        Just("range(4)".to_string()),
        Just("1j".to_string()),
    ];
    leaf.prop_recursive(4, 48, 4, |inner| {
        prop_oneof![
            (inner.clone(), prop::sample::select(vec!["+", "-", "*", "/", "//", "%", "**", "<", "==", "and", "or", "&", "|", "<<", ">>", "in", "is"]), inner.clone())
                .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            (prop::sample::select(vec!["-", "not ", "~"]), inner.clone()).prop_map(|(op, a)| format!("({op}{a})")),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|items| format!("({},)", items.join(", "))),
            (inner.clone(), inner.clone()).prop_map(|(k, v)| format!("{{{k}: {v}}}")),
            (inner.clone(), inner.clone()).prop_map(|(a, i)| format!("{a}[{i}]")),
            (inner.clone(), inner.clone()).prop_map(|(a, i)| format!("{a}[{i}:]")),
            (inner.clone(), prop::sample::select(vec!["append", "upper", "keys", "real", "split", "pop", "x"])).prop_map(|(a, m)| format!("{a}.{m}")),
            (inner.clone(), prop::collection::vec(inner.clone(), 0..3)).prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            (prop::sample::select(vec!["len", "str", "repr", "int", "float", "list", "sorted", "sum", "max", "abs", "hash", "iter", "next", "dict", "set", "tuple", "bool", "round", "divmod", "pow"]), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            (inner.clone(), inner.clone(), inner.clone()).prop_map(|(a, b, c)| format!("({a} if {b} else {c})")),
            (inner.clone(), inner.clone()).prop_map(|(e, s)| format!("[{e} for x in {s}]")),
            inner.clone().prop_map(|e| format!("f'{{{e}}}'")),
            (inner.clone(), prop::sample::select(vec!["", ":>5", ":.3f", ":x", "!r", ":,"])).prop_map(|(e, s)| format!("f'{{{e}{s}}}'")),
            inner.clone().prop_map(|e| format!("'%s %d' % {e}")),
            inner.clone().prop_map(|e| format!("(lambda x: {e})")),
        ]
    })
}

fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        expression(),
        expression().prop_map(|e| format!("x = {e}")),
        expression().prop_map(|e| format!("y = {e}")),
        expression().prop_map(|e| format!("x += {e}")),
        expression().prop_map(|e| format!("x[0] = {e}")),
        expression().prop_map(|_| "del x".to_string()),
        expression().prop_map(|e| format!("a, *b = {e}")),
        expression().prop_map(|e| format!("for x in {e}:\n    y = x\n    break")),
        expression().prop_map(|e| format!("if {e}:\n    pass\nelse:\n    x = 1")),
        expression().prop_map(|e| format!("try:\n    x = {e}\nexcept Exception as err:\n    y = err\nfinally:\n    pass")),
        expression().prop_map(|e| format!("def f(a, b=1, *c, d=2, **e):\n    return {e}\nx = f(1)")),
        expression().prop_map(|e| format!("def f(n):\n    return f(n - 1) if n else {e}\nf(50)")),
        expression().prop_map(|e| format!("with {e} as w:\n    pass")),
        expression().prop_map(|e| format!("assert {e}, 'msg'")),
        expression().prop_map(|e| format!("raise {e}")),
        expression().prop_map(|e| format!("print({e}, sep='', end='')")),
        expression().prop_map(|e| format!("while {e}:\n    break")),
        expression().prop_map(|e| format!("{e};")),
        expression().prop_map(|e| format!("import math\nmath.sqrt({e})")),
    ]
}

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(statement(), 1..5).prop_map(|s| s.join("\n"))
}

/// A corpus cell with a few characters deleted, duplicated or replaced.
fn mutated_cell() -> impl Strategy<Value = String> {
    let cells = corpus_cells();
    (prop::sample::select(cells), prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, prop::sample::select(vec!['(', ')', ':', '\n', ' ', '"', '\'', '[', '{', '*', '=', '\\', 'é', '\t', '0'])), 1..4))
        .prop_map(|(cell, edits)| {
            let mut chars: Vec<char> = cell.chars().collect();
            for (at, kind, c) in edits {
                if chars.is_empty() {
                    chars.push(c);
                    continue;
                }
                let i = at.index(chars.len());
                match kind {
                    0 => {
                        chars.remove(i);
                    }
                    1 => chars.insert(i, c),
                    2 => chars[i] = c,
                    _ => {
                        let end = (i + 5).min(chars.len());
                        let span: Vec<char> = chars[i..end].to_vec();
                        chars.splice(i..i, span);
                    }
                }
            }
            chars.into_iter().collect()
        })
}

/// Runs programs in one session, each stopped by an interrupt after 2 s at most; a
/// panic anywhere fails the test (it reaches the caller through `hdf5::run`).
fn run_without_panic(programs: Vec<String>) {
    with_session(move |session, flag| {
        for code in programs {
            let done = Arc::new(AtomicBool::new(false));
            let (watch_flag, watch_done) = (flag.clone(), done.clone());
            let watchdog = std::thread::spawn(move || {
                let start = Instant::now();
                while !watch_done.load(Ordering::SeqCst) {
                    if start.elapsed() > Duration::from_secs(2) {
                        watch_flag.store(true, Ordering::SeqCst);
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            });
            let outcome = run(session, &code);
            done.store(true, Ordering::SeqCst);
            let _ = watchdog.join();
            flag.store(false, Ordering::SeqCst);
            if let Some(error) = &outcome.error {
                assert!(!error.ename.is_empty(), "an error without a class: {code}");
                assert!(!error.traceback.is_empty(), "an error without a traceback: {code}");
            }
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn random_programs_never_panic(programs in prop::collection::vec(program(), 4)) {
        run_without_panic(programs);
    }

    #[test]
    fn mutated_corpus_cells_never_panic(cells in prop::collection::vec(mutated_cell(), 8)) {
        run_without_panic(cells);
    }
}
