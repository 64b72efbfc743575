//! Benchmark (not a test): h5lab's evaluator against CPython on small loops.
//!
//!   cargo run --release -p h5lab-core --example bench_interp [python3 [CASE]]
//!
//! With CASE, only the cases whose name contains it run (for profiling one loop);
//! `-` as the python skips CPython.
//!
//! Each run of a case is in a fresh session (as CPython's runs each get a fresh
//! namespace, so neither side pays for freeing the previous run's data); the time is
//! the best of three runs of the cell, measured around `Session::execute`. CPython
//! runs the same code with `exec` under `time.perf_counter`, best of three.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Instant;

use h5lab_core::session::{ExecuteOptions, Session, SessionOptions};

const CASES: &[(&str, &str)] = &[
    ("for-loop sum", "s = 0\nfor i in range(10**6):\n    s += i"),
    ("while loop", "i = 0\nwhile i < 10**6:\n    i += 1"),
    ("function calls", "def f(x):\n    return x + 1\ns = 0\nfor i in range(300000):\n    s = f(s)"),
    ("list appends", "l = []\nfor i in range(500000):\n    l.append(i)"),
    ("dict updates", "d = {}\nfor i in range(300000):\n    d[i % 1000] = i"),
    ("string building", "parts = []\nfor i in range(200000):\n    parts.append(str(i))\ns = ''.join(parts)"),
    ("list comprehension", "l = [i * 2 for i in range(500000)]"),
    ("nested function loop", "def g():\n    t = 0\n    for i in range(10**6):\n        t += i\n    return t\ng()"),
];

fn h5lab_seconds(code: &'static str) -> f64 {
    h5lab_core::hdf5::run(move |lib| {
        let mut best = f64::MAX;
        for _ in 0..3 {
            let options =
                SessionOptions { cwd: std::env::temp_dir(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
            let mut session = Session::new(lib, options);
            let mut sink = h5lab_core::cells::RecordingSink::default();
            let start = Instant::now();
            let outcome = session.execute(code, ExecuteOptions::default(), &mut sink);
            best = best.min(start.elapsed().as_secs_f64());
            if let Some(e) = outcome.error {
                eprintln!("h5lab error in {code:?}: {} {}", e.ename, e.evalue);
            }
        }
        best
    })
}

fn python_seconds(python: &str, code: &str) -> Option<f64> {
    let script = format!(
        "import time\ncode = {code:?}\nbest = 1e9\nfor _ in range(3):\n    ns = {{}}\n    t = time.perf_counter()\n    exec(code, ns)\n    best = min(best, time.perf_counter() - t)\nprint(best)"
    );
    let out = std::process::Command::new(python).arg("-c").arg(script).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn main() {
    let python = std::env::args().nth(1).unwrap_or_else(|| "python3".into());
    println!("{:<22} {:>10} {:>10} {:>8}", "case", "CPython(s)", "h5lab(s)", "ratio");
    let only = std::env::args().nth(2).unwrap_or_default();
    for (name, code) in CASES.iter().filter(|(name, _)| name.contains(only.as_str())) {
        let ours = h5lab_seconds(code);
        let theirs = if python == "-" { None } else { python_seconds(&python, code) };
        match theirs {
            Some(theirs) => println!("{name:<22} {theirs:>10.3} {ours:>10.3} {:>7.2}x", ours / theirs),
            None => println!("{name:<22} {:>10} {ours:>10.3}", "-"),
        }
    }
}
