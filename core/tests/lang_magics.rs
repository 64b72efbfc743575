//! Magics whose output varies between runs (timings) are checked for IPython's format;
//! `%h5errors` shows the HDF5 error stack behind the last exception.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::cells::{run_cell, Output};
use h5lab_core::session::{Session, SessionOptions};
use h5lab_core::value::{Exc, Value};

fn with_session<R: Send + 'static>(f: impl FnOnce(&mut Session, &h5lab_core::hdf5::Library) -> R + Send + 'static) -> R {
    h5lab_core::hdf5::run(move |lib| {
        let dir = tempfile::Builder::new().prefix("cells-").tempdir_in("/tmp").expect("temporary directory");
        let options = SessionOptions { cwd: dir.path().to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        f(&mut session, lib)
    })
}

fn stdout(outputs: &[Output]) -> String {
    outputs
        .iter()
        .filter_map(|o| match o {
            Output::Stream { name, text } if name == "stdout" => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// IPython's `_format_time` output: a number of at most 3 significant digits and a
/// unit.
fn is_time(text: &str) -> bool {
    let Some((number, unit)) = text.split_once(' ') else { return false };
    let digits = number.chars().filter(char::is_ascii_digit).count();
    number.parse::<f64>().is_ok() && digits <= 4 && ["s", "ms", "μs", "ns"].contains(&unit)
}

#[test]
fn time_prints_cpu_and_wall_times_and_returns_the_value() {
    with_session(|session, _| {
        let outputs = run_cell(session, "%time sum(range(1000))");
        let text = stdout(&outputs);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        let cpu = lines[0].strip_prefix("CPU times: user ").expect("CPU line");
        let (user, rest) = cpu.split_once(", sys: ").expect("sys");
        let (sys, total) = rest.split_once(", total: ").expect("total");
        assert!(is_time(user) && is_time(sys) && is_time(total), "{text}");
        assert!(is_time(lines[1].strip_prefix("Wall time: ").expect("wall")), "{text}");
        assert!(matches!(outputs.last(), Some(Output::Data { kind: "execute_result", text_plain: Some(t), .. }) if t == "499500"));
        let outputs = run_cell(session, "%%time\nx = 1\nx + 1");
        assert!(stdout(&outputs).starts_with("CPU times: user "));
        assert!(matches!(outputs.last(), Some(Output::Data { text_plain: Some(t), .. }) if t == "2"));
    });
}

#[test]
fn timeit_prints_mean_and_deviation_per_loop() {
    with_session(|session, _| {
        let text = stdout(&run_cell(session, "%timeit -n 10 -r 3 sum(range(100))"));
        let line = text.trim_end();
        let (times, tail) = line.split_once(" per loop ").expect("per loop");
        assert_eq!(tail, "(mean ± std. dev. of 3 runs, 10 loops each)");
        let (mean, std) = times.split_once(" ± ").expect("±");
        assert!(is_time(mean) && is_time(std), "{line}");
        let text = stdout(&run_cell(session, "%%timeit -n 5 -r 1\ny = 2"));
        assert!(text.trim_end().ends_with("(mean ± std. dev. of 1 run, 5 loops each)"), "{text}");
        let text = stdout(&run_cell(session, "%timeit -r 1 pass"));
        assert!(text.contains(" loops each)") && text.contains(","), "{text}");
    });
}

#[test]
fn h5errors_shows_the_stack_of_the_last_hdf5_exception() {
    with_session(|session, lib| {
        let text = stdout(&run_cell(session, "%h5errors"));
        assert!(text.starts_with("No HDF5 error stack"), "{text}");
        let error = match h5lab_core::hdf5::file::File::open(lib, "no-such-file.h5", 0, None) {
            Err(e) => e,
            Ok(_) => panic!("opening a missing file fails"),
        };
        let raising = h5lab_core::value::function::BuiltinFunction::value("fail", move |_vm, _args| {
            Err(Exc::from_hdf5(error.clone()))
        });
        session.interp().set_global("fail", raising);
        let outputs = run_cell(session, "fail()");
        assert!(matches!(outputs.last(), Some(Output::Error { ename, .. }) if ename == "FileNotFoundError"));
        let text = stdout(&run_cell(session, "%h5errors"));
        assert!(text.starts_with("HDF5-DIAG: Error detected in HDF5 ("), "{text}");
        assert!(text.contains("#000: ") && text.contains("H5Fopen"), "{text}");
        assert!(text.contains("major: ") && text.contains("minor: "), "{text}");
        // %tb shows the same exception again.
        let outputs = run_cell(session, "%tb");
        assert!(matches!(outputs.last(), Some(Output::Error { ename, .. }) if ename == "FileNotFoundError"));
        let _ = Value::None;
    });
}
