//! Magics that run code: `%time`/`%%time`, `%timeit`/`%%timeit` (IPython's output
//! formats; the numbers are this machine's), `%%capture`, `%%writefile`, `%%bash`.

use std::any::Any;
use std::io::Read;
use std::rc::Rc;
use std::time::{Duration, Instant};

use super::ir::{Stmt, StmtKind};
use super::magics::usage_error;
use super::{Frame, Interp};
use crate::cells::RecordingSink;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::NativeMethod;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// IPython's `_format_time`: `1.23 ms`, `456 ns`, `2min 3s`.
pub fn format_time(seconds: f64, precision: usize) -> String {
    if seconds >= 60.0 {
        let mut parts = Vec::new();
        let mut left = seconds;
        for (suffix, length) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
            let value = (left / length).trunc();
            if value > 0.0 {
                left %= length;
                parts.push(format!("{value}{suffix}"));
            }
            if left < 1.0 {
                break;
            }
        }
        return parts.join(" ");
    }
    let units = ["s", "ms", "μs", "ns"];
    let scaling = [1.0, 1e3, 1e6, 1e9];
    let order = if seconds > 0.0 { (-(seconds.log10().floor() as i64).div_euclid(3)).clamp(0, 3) as usize } else { 3 };
    format!("{} {}", format_g(seconds * scaling[order], precision), units[order])
}

/// C's `%.*g`.
fn format_g(x: f64, precision: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let p = precision.max(1);
    let scientific = format!("{:.*e}", p - 1, x);
    let exponent: i64 = scientific.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    let strip = |t: String| -> String {
        if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t
        }
    };
    if exponent >= -4 && exponent < p as i64 {
        strip(format!("{:.*}", (p as i64 - 1 - exponent).max(0) as usize, x))
    } else {
        let (mantissa, _) = scientific.split_once('e').unwrap_or((&scientific, ""));
        format!("{}e{}{:02}", strip(mantissa.to_string()), if exponent < 0 { '-' } else { '+' }, exponent.abs())
    }
}

/// `1234567` → `1,234,567`.
fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// User and system CPU time of this process, in seconds.
fn cpu_times() -> (f64, f64) {
    // SAFETY: getrusage fills a zeroed rusage for this process.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

impl Interp {
    /// Compiles magic text as module-level statements (results not displayed).
    fn compile_magic_code(&mut self, source: &str) -> PyResult<Vec<Stmt>> {
        let module = crate::syntax::parse_cell(source).map_err(|e| Exc::new(ExcKind::SyntaxError, e.msg.clone()))?;
        let mut body = crate::eval::compile::compile_cell(&module, &mut self.names, self.current_cell)
            .map_err(|e| Exc::new(ExcKind::SyntaxError, e.message.clone()))?;
        for stmt in &mut body {
            if let StmtKind::Expr(_, display) = &mut stmt.kind {
                *display = false;
            }
        }
        Ok(body)
    }

    /// Runs statements; the value of the last one when it is an expression.
    fn run_for_value(&mut self, body: &[Stmt]) -> PyResult<Option<Value>> {
        let id = self.new_frame_id();
        let mut frame = Frame::module(id);
        let Some((last, rest)) = body.split_last() else { return Ok(None) };
        self.exec_block(&mut frame, rest)?;
        match &last.kind {
            StmtKind::Expr(expr, _) => self.eval(&mut frame, expr).map(Some),
            _ => self.exec_block(&mut frame, std::slice::from_ref(last)).map(|_| None),
        }
    }

    /// `%time stmt` / `%%time` (then `cell` is the body): runs once and prints CPU and
    /// wall times; the value of a final expression is returned.
    pub(crate) fn magic_time(&mut self, code: &str, cell_line: Option<&str>) -> PyResult<Option<Value>> {
        let _ = cell_line;
        let body = self.compile_magic_code(code)?;
        let (user0, sys0) = cpu_times();
        let wall = Instant::now();
        let result = self.run_for_value(&body);
        let elapsed = wall.elapsed().as_secs_f64();
        let (user1, sys1) = cpu_times();
        let (user, sys) = (user1 - user0, sys1 - sys0);
        self.write_stdout(&format!(
            "CPU times: user {}, sys: {}, total: {}\nWall time: {}\n",
            format_time(user, 3),
            format_time(sys, 3),
            format_time(user + sys, 3),
            format_time(elapsed, 3)
        ));
        result
    }

    /// `%timeit [-n N] [-r R] [-q] [-o] stmt` / `%%timeit [options] [setup]` + body.
    pub(crate) fn magic_timeit(&mut self, line: &str, cell: Option<&str>) -> PyResult<()> {
        let mut words = line.split_whitespace().peekable();
        let (mut number, mut repeat, mut quiet) = (0u64, 7u64, false);
        let mut rest = Vec::new();
        while let Some(w) = words.next() {
            match w {
                "-n" | "-r" => {
                    let value = words.next().and_then(|v| v.parse::<u64>().ok()).ok_or_else(|| usage_error(format!("option {w} requires a number")))?;
                    if w == "-n" {
                        number = value;
                    } else {
                        repeat = value.max(1);
                    }
                }
                "-q" => quiet = true,
                "-o" | "-c" | "-t" => {}
                _ => {
                    rest.push(w);
                    rest.extend(words.by_ref());
                }
            }
        }
        let rest_text = line.find(rest.first().copied().unwrap_or("\u{0}")).map_or("", |i| &line[i..]);
        let (setup, stmt) = match cell {
            Some(body) => (rest_text.to_string(), body.to_string()),
            None => (String::new(), rest_text.to_string()),
        };
        let setup = self.compile_magic_code(&setup)?;
        let stmt = self.compile_magic_code(&stmt)?;
        let id = self.new_frame_id();
        let mut frame = Frame::module(id);
        self.exec_block(&mut frame, &setup)?;
        let mut time = |vm: &mut Interp, n: u64| -> PyResult<f64> {
            let start = Instant::now();
            for _ in 0..n {
                vm.exec_block(&mut frame, &stmt)?;
            }
            Ok(start.elapsed().as_secs_f64())
        };
        if number == 0 {
            for index in 0..10 {
                number = 10u64.pow(index);
                if time(self, number)? >= 0.2 {
                    break;
                }
            }
        }
        let mut runs = Vec::new();
        for _ in 0..repeat {
            runs.push(time(self, number)?);
        }
        if quiet {
            return Ok(());
        }
        let timings: Vec<f64> = runs.iter().map(|t| t / number as f64).collect();
        let mean = timings.iter().sum::<f64>() / timings.len() as f64;
        let std = (timings.iter().map(|t| (t - mean) * (t - mean)).sum::<f64>() / timings.len() as f64).sqrt();
        let (best, worst) = timings.iter().fold((f64::MAX, 0f64), |(b, w), &t| (b.min(t), w.max(t)));
        let mut text = String::new();
        if worst > 4.0 * best && best > 0.0 && worst > 1e-6 {
            text.push_str(&format!(
                "The slowest run took {:.2} times longer than the fastest. This could mean that an intermediate result is being cached.\n",
                worst / best
            ));
        }
        text.push_str(&format!(
            "{} ± {} per loop (mean ± std. dev. of {repeat} run{}, {} loop{} each)\n",
            format_time(mean, 3),
            format_time(std, 3),
            if repeat == 1 { "" } else { "s" },
            group_thousands(&number.to_string()),
            if number == 1 { "" } else { "s" },
        ));
        self.write_stdout(&text);
        Ok(())
    }

    /// `%%capture [name]`: runs the body with its outputs captured (into a
    /// `CapturedIO` bound to `name`).
    pub(crate) fn magic_capture(&mut self, line: &str, body: &str) -> PyResult<()> {
        let code = self.compile_magic_code(body)?;
        self.flush_streams();
        let mut sink = RecordingSink::default();
        let result = self.with_sink(&mut sink, |vm| {
            let id = vm.new_frame_id();
            vm.exec_block(&mut Frame::module(id), &code)
        });
        let (mut stdout, mut stderr) = (String::new(), String::new());
        for output in &sink.outputs {
            if let crate::cells::Output::Stream { name, text } = output {
                if name == "stdout" {
                    stdout.push_str(text);
                } else {
                    stderr.push_str(text);
                }
            }
        }
        if let Some(name) = line.split_whitespace().find(|w| !w.starts_with('-')) {
            self.set_global(name, Value::object(CapturedIo { stdout, stderr }));
        }
        result.map(|_| ())
    }

    /// `%%writefile [-a] name`: writes the body to a file.
    pub(crate) fn magic_writefile(&mut self, line: &str, body: &str) -> PyResult<()> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let append = words.iter().any(|w| *w == "-a" || *w == "--append");
        let Some(name) = words.iter().find(|w| !w.starts_with('-')) else {
            return Err(usage_error("the following arguments are required: filename"));
        };
        let path = self.cwd.join(name);
        let exists = path.exists();
        let verb = match (append, exists) {
            (true, _) => "Appending to",
            (false, true) => "Overwriting",
            (false, false) => "Writing",
        };
        self.write_stdout(&format!("{verb} {name}\n"));
        let mut text = body.to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let result = if append {
            use std::io::Write;
            std::fs::OpenOptions::new().append(true).create(true).open(&path).and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(&path, text)
        };
        result.map_err(|e| super::modules::os_io_error(&e, name))
    }

    /// `%%bash` / `%%sh`: the body run by that shell, its stdout and stderr as the
    /// cell's streams.
    pub(crate) fn magic_script(&mut self, shell: &str, body: &str) -> PyResult<()> {
        self.flush_streams();
        let os_error = |e: std::io::Error| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string());
        let mut child = std::process::Command::new(shell)
            .current_dir(&self.cwd)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(os_error)?;
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            let _ = stdin.write_all(body.as_bytes());
        }
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        loop {
            if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = child.kill();
                let _ = child.wait();
                self.check_interrupt()?;
            }
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut text = String::new();
        if let Some(out) = stdout.as_mut() {
            let _ = out.read_to_string(&mut text);
            self.write_stdout(&text);
        }
        text.clear();
        if let Some(err) = stderr.as_mut() {
            let _ = err.read_to_string(&mut text);
            self.write_stderr(&text);
        }
        Ok(())
    }
}

/// What `%%capture name` binds: the captured streams.
pub struct CapturedIo {
    stdout: String,
    stderr: String,
}

thread_local! {
    static CAPTURED_TYPE: Rc<TypeObject> =
        TypeObject::new("CapturedIO", "IPython.utils.capture", vec![builtin(|t| t.object.clone())], None);
}

fn captured_method(vm: &mut Interp, this: &Value, _name: &str, _args: Args) -> PyResult<Value> {
    if let Some(c) = this.downcast::<CapturedIo>() {
        let (out, err) = (c.stdout.clone(), c.stderr.clone());
        vm.write_stdout(&out);
        vm.write_stderr(&err);
    }
    Ok(Value::None)
}

impl PyObject for CapturedIo {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        CAPTURED_TYPE.with(Rc::clone)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "stdout" => Some(Value::str(&self.stdout)),
            "stderr" => Some(Value::str(&self.stderr)),
            "outputs" => Some(Value::list(Vec::new())),
            "show" => Some(NativeMethod::value(this, name, captured_method)),
            _ => None,
        })
    }

    fn call(&self, vm: &mut Interp, this: &Value, args: Args) -> PyResult<Value> {
        captured_method(vm, this, "show", args)
    }

    fn is_callable(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::format_time;

    #[test]
    fn times_read_as_ipython_writes_them() {
        assert_eq!(format_time(5.01e-6, 3), "5.01 μs");
        assert_eq!(format_time(0.0, 3), "0 ns");
        assert_eq!(format_time(2e-6, 3), "2 μs");
        assert_eq!(format_time(0.0123, 3), "12.3 ms");
        assert_eq!(format_time(1.5, 3), "1.5 s");
        assert_eq!(format_time(125.0, 3), "2min 5s");
        assert_eq!(format_time(2.9e-7, 3), "290 ns");
    }
}
