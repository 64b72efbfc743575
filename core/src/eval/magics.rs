//! IPython's line forms: `!cmd` (run through a pseudo-terminal as IPython does, so
//! output arrives as it is produced, stdout and stderr merged, with CRLF line ends),
//! `x = !cmd`, `%magics`, and `obj?` help.

use std::ffi::c_int;
use std::fs::File;
use std::io::Read;
use std::os::fd::FromRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::time::Duration;

use super::call::Frame;
use super::ir::{ShellCall, ShellPiece};
use super::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::Value;

impl Interp {
    /// The command line of a `!cmd` with `$name`/`{expr}` substituted (the original text
    /// stays where evaluation fails, as IPython's var_expand leaves it).
    fn expand(&mut self, frame: &mut Frame, call: &ShellCall) -> String {
        let mut out = String::new();
        for piece in &call.parts {
            match piece {
                ShellPiece::Literal(text) => out.push_str(text),
                ShellPiece::Expr(expr, raw) => match self.eval(frame, expr).and_then(|v| self.str(&v)) {
                    Ok(text) => out.push_str(&text),
                    Err(_) => out.push_str(raw),
                },
            }
        }
        out
    }

    /// `!cmd` as a statement: output streamed to stdout; `_exit_code` set.
    pub(crate) fn run_shell_statement(&mut self, frame: &mut Frame, call: &Rc<ShellCall>) -> PyResult<()> {
        let command = self.expand(frame, call);
        if call.capture {
            let lines = self.run_shell_capture(frame, call)?;
            self.display_value = Some(lines);
            return Ok(());
        }
        if command.trim_end().ends_with('&') {
            return Err(Exc::not_implemented("background processes (a trailing '&' in !cmd)"));
        }
        let code = self.run_in_pty(&command)?;
        self.set_global("_exit_code", Value::Int(code as i64));
        Ok(())
    }

    /// `x = !cmd`: the output lines as a list.
    pub(crate) fn run_shell_capture(&mut self, frame: &mut Frame, call: &Rc<ShellCall>) -> PyResult<Value> {
        let command = self.expand(frame, call);
        let output = Command::new("/bin/sh")
            .arg("-c")
            .arg(&command)
            .current_dir(&self.cwd)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string()))?;
        let text = String::from_utf8_lossy(&output.stdout);
        self.set_global("_exit_code", Value::Int(output.status.code().unwrap_or(-1) as i64));
        Ok(Value::list(text.lines().map(Value::str).collect()))
    }

    /// Runs a command in a pseudo-terminal, streaming its output; the exit status.
    fn run_in_pty(&mut self, command: &str) -> PyResult<i32> {
        let (master, slave) = open_pty().map_err(|e| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string()))?;
        let shell = "/bin/sh";
        let mut cmd = Command::new(shell);
        cmd.arg("-c").arg(command).current_dir(&self.cwd);
        let stdio = |f: &File| f.try_clone().map(Stdio::from);
        let spawn = (|| -> std::io::Result<std::process::Child> {
            cmd.stdin(stdio(&slave)?).stdout(stdio(&slave)?).stderr(stdio(&slave)?);
            // SAFETY: setsid is async-signal-safe; it gives the child its own session
            // so an interrupt can signal its whole process group.
            unsafe {
                cmd.pre_exec(|| {
                    libc::setsid();
                    Ok(())
                });
            }
            cmd.spawn()
        })();
        drop(slave);
        let mut child = spawn.map_err(|e| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string()))?;
        let mut master = master;
        let mut pending: Vec<u8> = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                // SAFETY: signalling the child's process group.
                unsafe { libc::kill(-(child.id() as i32), libc::SIGINT) };
                let _ = child.wait();
                self.check_interrupt()?;
            }
            if !readable(&master, Duration::from_millis(50)) {
                if let Ok(Some(_)) = child.try_wait() {
                    // Drain what is left, then stop.
                    if !readable(&master, Duration::from_millis(0)) {
                        break;
                    }
                } else {
                    continue;
                }
            }
            match master.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    pending.extend_from_slice(&buf[..n]);
                    let valid = match std::str::from_utf8(&pending) {
                        Ok(_) => pending.len(),
                        Err(e) if e.error_len().is_none() => e.valid_up_to(),
                        Err(_) => pending.len(),
                    };
                    let text = String::from_utf8_lossy(&pending[..valid]).into_owned();
                    pending.drain(..valid);
                    if !text.is_empty() {
                        self.write_stdout(&text);
                    }
                }
                Err(e) if e.raw_os_error() == Some(libc::EIO) => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        if !pending.is_empty() {
            let text = String::from_utf8_lossy(&pending).into_owned();
            self.write_stdout(&text);
        }
        let status = child.wait().map_err(|e| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string()))?;
        Ok(status.code().unwrap_or(-1))
    }

    /// `%name args`; `Ok(Some(v))` is the magic's value (shown as Out when last).
    pub(crate) fn run_line_magic(&mut self, name: &str, args: &str) -> PyResult<Option<Value>> {
        match name {
            "pwd" => Ok(Some(Value::str(self.cwd.to_string_lossy()))),
            "cd" => {
                let target = args.trim();
                let home = std::env::var("HOME").unwrap_or_else(|_| "/".into());
                let dest = if target.is_empty() || target == "~" { std::path::PathBuf::from(home) } else { self.cwd.join(target) };
                match std::fs::canonicalize(&dest) {
                    Ok(path) if path.is_dir() => {
                        self.cwd = path.clone();
                        let _ = std::env::set_current_dir(&path);
                        self.write_stdout(&format!("{}\n", path.display()));
                        Ok(None)
                    }
                    _ => {
                        self.write_stderr(&format!("[Errno 2] No such file or directory: '{target}'\n"));
                        Ok(None)
                    }
                }
            }
            "ls" => {
                let code = self.run_in_pty(&format!("ls -F --color {args}"))?;
                let _ = code;
                Ok(None)
            }
            "who" => {
                let mut names: Vec<String> = self.global_names().into_iter().filter(|n| !n.starts_with('_')).collect();
                names.sort();
                if names.is_empty() {
                    self.write_stdout("Interactive namespace is empty.\n");
                } else {
                    self.write_stdout(&format!("{}\t\n", names.join("\t ")));
                }
                Ok(None)
            }
            _ => Err(Exc::new(ExcKind::NotImplementedError, format!("%{name}"))),
        }
    }

    /// `%%name line` with the cell body.
    pub(crate) fn run_cell_magic(&mut self, name: &str, _line: &str, _body: &str) -> PyResult<()> {
        Err(Exc::not_implemented(format!("%%{name}")))
    }

    /// `obj?` / `obj??`.
    pub(crate) fn help(&mut self, _frame: &mut Frame, target: &str, detail: u8) -> PyResult<()> {
        self.show_help(target, detail)
    }
}

fn open_pty() -> std::io::Result<(File, File)> {
    let mut master: c_int = -1;
    let mut slave: c_int = -1;
    // SAFETY: valid out-pointers; null name/termios/winsize are allowed.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: openpty returned two fresh descriptors we now own.
    Ok(unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) })
}

fn readable(file: &File, timeout: Duration) -> bool {
    use std::os::fd::AsRawFd;
    let mut fds = libc::pollfd { fd: file.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut fds, 1, timeout.as_millis() as c_int) };
    n > 0 && (fds.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR)) != 0
}
