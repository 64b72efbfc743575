//! IPython's magics: `%name args` line magics and `%%name line` cell magics, with
//! IPython's output. The `!cmd` forms are in [`super::shell`], `%time`/`%timeit` and
//! the capturing cell magics in [`super::magics_exec`], `%who`/`%whos`/`%reset` in
//! [`super::magics_ns`].

use super::call::Frame;
use super::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::Value;

/// IPython's default shell aliases (`%ls`, `%mkdir`, ...) and the commands they run.
const ALIASES: &[(&str, &str)] = &[
    ("cat", "cat"),
    ("cp", "cp"),
    ("ldir", "ls -F -o --color | grep /$"),
    ("lf", "ls -F -o --color | grep ^-"),
    ("lk", "ls -F -o --color | grep ^l"),
    ("ll", "ls -F -o --color"),
    ("ls", "ls -F --color"),
    ("lx", "ls -F -o --color | grep ^-..x"),
    ("mkdir", "mkdir"),
    ("mv", "mv"),
    ("rm", "rm"),
    ("rmdir", "rmdir"),
];

impl Interp {
    /// `%name args`; `Ok(Some(v))` is the magic's value (shown as Out when last).
    pub(crate) fn run_line_magic(&mut self, name: &str, args: &str) -> PyResult<Option<Value>> {
        match name {
            "pwd" => Ok(Some(Value::str(self.cwd.to_string_lossy()))),
            "cd" => self.magic_cd(args.trim()).map(|_| None),
            "env" => self.magic_env(args.trim()),
            "who" => self.magic_who(args).map(|_| None),
            "who_ls" => self.who_ls(args).map(|names| Some(Value::list(names.into_iter().map(Value::str).collect()))),
            "whos" => self.magic_whos(args).map(|_| None),
            "reset" => self.magic_reset(args).map(|_| None),
            "time" => self.magic_time(args, None),
            "timeit" => self.magic_timeit(args, None).map(|_| None),
            "tb" => self.magic_tb(),
            "h5errors" => self.magic_h5errors().map(|_| None),
            _ => match ALIASES.iter().find(|(alias, _)| *alias == name) {
                Some((_, command)) => {
                    let line = if args.trim().is_empty() { command.to_string() } else { format!("{command} {}", args.trim()) };
                    self.run_in_pty(&line)?;
                    Ok(None)
                }
                None => Err(usage_error(format!("Line magic function `%{name}` not found."))),
            },
        }
    }

    /// `%%name line` with the cell body.
    pub(crate) fn run_cell_magic(&mut self, name: &str, line: &str, body: &str) -> PyResult<()> {
        match name {
            "time" => {
                if let Some(value) = self.magic_time(body, Some(line))? {
                    self.display_value = Some(value);
                }
                Ok(())
            }
            "timeit" => self.magic_timeit(line, Some(body)),
            "capture" => self.magic_capture(line, body),
            "writefile" => self.magic_writefile(line, body),
            "bash" | "sh" => self.magic_script(name, body),
            _ => Err(usage_error(format!("Cell magic `%%{name}` not found."))),
        }
    }

    /// `%cd [dir | - | ~]`: prints the new directory (or the error and the current
    /// one), as IPython does.
    fn magic_cd(&mut self, target: &str) -> PyResult<()> {
        let home = std::env::var("HOME").unwrap_or_else(|_| "/".into());
        let dest = match target {
            "" | "~" => std::path::PathBuf::from(&home),
            "-" => match self.previous_dir.clone() {
                Some(previous) => previous,
                None => return Err(usage_error("cd -: No previous directory to change to.")),
            },
            t => match t.strip_prefix("~/") {
                Some(rest) => std::path::PathBuf::from(&home).join(rest),
                None => self.cwd.join(t),
            },
        };
        match std::fs::canonicalize(&dest) {
            Ok(path) if path.is_dir() => {
                self.previous_dir = Some(self.cwd.clone());
                self.cwd = path.clone();
                let _ = std::env::set_current_dir(&path);
                self.write_stdout(&format!("{}\n", path.display()));
            }
            Ok(_) => {
                self.write_stdout(&format!("[Errno 20] Not a directory: '{target}'\n{}\n", self.cwd.display()));
            }
            Err(_) => {
                self.write_stdout(&format!("[Errno 2] No such file or directory: '{target}'\n{}\n", self.cwd.display()));
            }
        }
        Ok(())
    }

    /// `%env`, `%env NAME`, `%env NAME=value` / `%env NAME value`.
    fn magic_env(&mut self, args: &str) -> PyResult<Option<Value>> {
        let environ = self.import_module("os").and_then(|os| self.getattr(&os, "environ"))?;
        let Value::Dict(environ) = environ else { return Ok(None) };
        if args.is_empty() {
            return Ok(Some(Value::Dict(environ)));
        }
        let assignment = args.split_once('=').or_else(|| args.split_once(char::is_whitespace));
        match assignment {
            Some((name, value)) => {
                let (name, value) = (name.trim(), value.trim());
                environ.set(Value::str(name), Value::str(value))?;
                std::env::set_var(name, value);
                self.write_stdout(&format!("env: {name}={value}\n"));
                Ok(None)
            }
            None => match environ.get(&Value::str(args))? {
                Some(v) => Ok(Some(v)),
                None => Err(usage_error(format!("Environment does not have key: {args}"))),
            },
        }
    }

    /// `%tb`: the last uncaught exception's traceback, shown again.
    fn magic_tb(&mut self) -> PyResult<Option<Value>> {
        match self.last_exception.clone() {
            Some(exc) => {
                self.replaying_traceback = true;
                Err(exc)
            }
            None => {
                self.write_stdout("No traceback available to show.\n");
                Ok(None)
            }
        }
    }

    /// `%h5errors`: the HDF5 error stack behind the last uncaught exception (or the
    /// exceptions it chains to), as HDF5 prints it.
    fn magic_h5errors(&mut self) -> PyResult<()> {
        let mut current = self.last_exception.clone();
        let mut found = None;
        for _ in 0..64 {
            let Some(exc) = current else { break };
            if let Some(error) = exc.0.hdf5.borrow().clone() {
                found = Some(error);
                break;
            }
            current = exc.0.cause.borrow().clone().or_else(|| exc.0.context.borrow().clone());
        }
        match found {
            Some(error) if !error.frames().is_empty() => {
                let (major, minor, release) = crate::hdf5::library_version(self.lib());
                self.write_stdout(&format!(
                    "HDF5-DIAG: Error detected in HDF5 ({major}.{minor}.{release}):\n{}",
                    error.stack_report()
                ));
            }
            Some(error) => self.write_stdout(&format!("No HDF5 error stack: {} was raised by h5lab itself.\n", error)),
            None => self.write_stdout("No HDF5 error stack to show: the last exception did not come from HDF5.\n"),
        }
        Ok(())
    }

    /// `obj?` / `obj??`.
    pub(crate) fn help(&mut self, _frame: &mut Frame, target: &str, detail: u8) -> PyResult<()> {
        self.show_help(target, detail)
    }
}

/// IPython's `UsageError`: shown as `UsageError: message` on stderr, no traceback.
pub(crate) fn usage_error(message: impl Into<String>) -> Exc {
    Exc::new(ExcKind::UsageError, message)
}
