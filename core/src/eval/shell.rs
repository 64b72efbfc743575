//! IPython's `!cmd` forms as ipykernel runs them:
//!
//! - `!cmd`: through a pseudo-terminal (output streamed as it comes, stdout and stderr
//!   merged, CRLF line ends), `_exit_code` set; a trailing `&` raises IPython's
//!   `OSError: Background processes not supported.`
//! - `x = !cmd` and `!!cmd`: the output lines (stderr merged) as an `SList`.
//! - `$name` / `{expr}` are expanded as IPython's `var_expand` does: if any fails, the
//!   command runs as written.
//! - `h5dump ...` / `h5ls ...` as a plain invocation (no pipes, redirections, `;`,
//!   substitutions) run h5lab's built-in tools instead of the shell.

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
use super::slist::slist;
use super::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::Value;

impl Interp {
    /// The command line of a `!cmd` with `$name`/`{expr}` substituted; the command as
    /// written when any substitution fails (IPython's `var_expand`).
    fn expand(&mut self, frame: &mut Frame, call: &ShellCall) -> String {
        let mut out = String::new();
        for piece in &call.parts {
            match piece {
                ShellPiece::Literal(text) => out.push_str(text),
                ShellPiece::Expr(expr, _) => match self.eval(frame, expr).and_then(|v| self.str(&v)) {
                    Ok(text) => out.push_str(&text),
                    Err(_) => return call.raw.to_string(),
                },
            }
        }
        out
    }

    /// `!cmd` as a statement: output streamed to stdout; `_exit_code` set.
    pub(crate) fn run_shell_statement(&mut self, frame: &mut Frame, call: &Rc<ShellCall>) -> PyResult<()> {
        if call.capture {
            let lines = self.run_shell_capture(frame, call)?;
            self.display_value = Some(lines);
            return Ok(());
        }
        let command = self.expand(frame, call);
        if command.trim_end().ends_with('&') {
            return Err(Exc::new(ExcKind::OSError, "Background processes not supported."));
        }
        let code = match builtin_tool(&command) {
            Some((tool, args)) => {
                let (out, err, code) = self.run_builtin_tool(tool, &args);
                self.write_stdout(&crlf(&out));
                self.write_stdout(&crlf(&err));
                code
            }
            None => self.run_in_pty(&command)?,
        };
        self.set_global("_exit_code", Value::Int(code as i64));
        Ok(())
    }

    /// `x = !cmd` / `!!cmd`: the output lines (stdout and stderr) as an SList.
    pub(crate) fn run_shell_capture(&mut self, frame: &mut Frame, call: &Rc<ShellCall>) -> PyResult<Value> {
        let command = self.expand(frame, call);
        let mut text_out = String::new();
        let text = match builtin_tool(&command) {
            Some((tool, args)) => {
                let (out, err, code) = self.run_builtin_tool(tool, &args);
                self.set_global("_exit_code", Value::Int(code as i64));
                out + &err
            }
            None => {
                self.flush_streams();
                let code = self.run_merged(&command, &mut text_out)?;
                self.set_global("_exit_code", Value::Int(code as i64));
                std::mem::take(&mut text_out)
            }
        };
        Ok(slist(text.lines().map(Value::str).collect()))
    }

    /// Runs a command with stdout and stderr into one pipe (IPython's `getoutput`);
    /// its exit status. An interrupt kills it and raises KeyboardInterrupt.
    fn run_merged(&mut self, command: &str, text: &mut String) -> PyResult<i32> {
        let os_error = |e: std::io::Error| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string());
        let mut fds = [0 as c_int; 2];
        // SAFETY: a valid two-element array for pipe().
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return Err(os_error(std::io::Error::last_os_error()));
        }
        // SAFETY: pipe() returned two fresh descriptors we now own.
        let (reader, writer) = unsafe { (File::from_raw_fd(fds[0]), File::from_raw_fd(fds[1])) };
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c").arg(command).current_dir(&self.cwd).envs(self.child_environment()).stdin(Stdio::null());
        cmd.stdout(Stdio::from(writer.try_clone().map_err(os_error)?)).stderr(Stdio::from(writer));
        // SAFETY: setsid is async-signal-safe (own process group, for interrupts).
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let mut child = cmd.spawn().map_err(os_error)?;
        drop(cmd);
        let mut reader = reader;
        let mut bytes = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                // SAFETY: signalling the child's process group.
                unsafe { libc::kill(-(child.id() as i32), libc::SIGINT) };
                let _ = child.wait();
                self.check_interrupt()?;
            }
            if !readable(&reader, Duration::from_millis(20)) {
                continue;
            }
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => bytes.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let status = child.wait().map_err(os_error)?;
        text.push_str(&String::from_utf8_lossy(&bytes));
        Ok(status.code().unwrap_or(-1))
    }

    /// Runs `h5dump`/`h5ls` in process: (stdout, stderr, exit status).
    fn run_builtin_tool(&mut self, tool: &str, args: &[String]) -> (String, String, i32) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = if tool == "h5dump" {
            crate::render::ddl::h5dump(self.lib(), args, &self.cwd, &mut out, &mut err)
        } else {
            crate::render::h5ls::h5ls(self.lib(), args, &self.cwd, &mut out, &mut err)
        };
        (String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned(), code)
    }

    /// Variables set through `os.environ` (and `%env`) reach the commands run.
    fn child_environment(&self) -> Vec<(String, String)> {
        let Some(os) = self.modules.get("os").and_then(|m| m.downcast::<super::modules::Module>()) else {
            return Vec::new();
        };
        match os.get("environ") {
            Some(Value::Dict(d)) => d
                .items()
                .into_iter()
                .filter_map(|(k, v)| match (k, v) {
                    (Value::Str(k), Value::Str(v)) => Some((k.to_string(), v.to_string())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Runs a command in a pseudo-terminal, streaming its output; the exit status.
    /// An interrupt sends SIGINT to the command's process group and raises
    /// KeyboardInterrupt.
    pub(crate) fn run_in_pty(&mut self, command: &str) -> PyResult<i32> {
        self.flush_streams();
        let os_error = |e: std::io::Error| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string());
        let (master, slave) = open_pty().map_err(os_error)?;
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c").arg(command).current_dir(&self.cwd).envs(self.child_environment());
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
        let mut child = spawn.map_err(os_error)?;
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
            if !readable(&master, Duration::from_millis(20)) {
                if let Ok(Some(_)) = child.try_wait() {
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
                        self.flush_streams();
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
        let status = child.wait().map_err(os_error)?;
        Ok(status.code().unwrap_or(-1))
    }
}

/// Text as a terminal shows it: `\n` becomes `\r\n`.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// `h5dump`/`h5ls` and their arguments when `command` invokes one of them plainly
/// (words and quotes only: no pipes, redirections, separators, substitutions, globs).
fn builtin_tool(command: &str) -> Option<(&'static str, Vec<String>)> {
    let words = split_words(command)?;
    let (first, rest) = words.split_first()?;
    let tool = match first.as_str() {
        "h5dump" => "h5dump",
        "h5ls" => "h5ls",
        _ => return None,
    };
    Some((tool, rest.to_vec()))
}

/// Shell-like word splitting with `'...'`, `"..."` and backslash escapes; `None` when
/// the line uses any other shell syntax.
fn split_words(command: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = command.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '\'' => break,
                        other => word.push(other),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next()? {
                        '"' => break,
                        '$' | '`' => return None,
                        '\\' => word.push(chars.next()?),
                        other => word.push(other),
                    }
                }
            }
            '\\' => {
                in_word = true;
                word.push(chars.next()?);
            }
            '|' | '&' | ';' | '<' | '>' | '(' | ')' | '$' | '`' | '*' | '?' | '[' | '~' | '#' | '\n' | '{' => return None,
            other => {
                in_word = true;
                word.push(other);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tool_invocations_are_recognised() {
        assert_eq!(builtin_tool("h5dump -H 'my file.h5'"), Some(("h5dump", vec!["-H".into(), "my file.h5".into()])));
        assert_eq!(builtin_tool("h5ls -r x.h5"), Some(("h5ls", vec!["-r".into(), "x.h5".into()])));
        assert_eq!(builtin_tool("h5dump x.h5 | head"), None);
        assert_eq!(builtin_tool("h5dump x.h5 > out.txt"), None);
        assert_eq!(builtin_tool("h5ls *.h5"), None);
        assert_eq!(builtin_tool("ls x.h5"), None);
        assert_eq!(builtin_tool("h5dump 'unterminated"), None);
    }

    #[test]
    fn terminal_line_ends() {
        assert_eq!(crlf("a\nb\r\n"), "a\r\nb\r\n");
    }
}
