//! Helpers for the `h5lab` binary's tests: driving the interactive session through a
//! pseudo-terminal and reading back what the screen shows, and the pinned Python test
//! environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use expectrl::{ControlCode, Session, WaitStatus};
use serde_json::Value as Json;

/// The built binary.
pub fn h5lab() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_h5lab"))
}

/// A file under repl/tests/golden.
pub fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

/// A file under the workspace's core/tests/golden (the oracle's recordings).
pub fn core_golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/golden").join(name)
}

/// What IPython's terminal shows for a cell's recorded outputs (the oracle's JSON),
/// addresses and the working directory masked as compare.py masks them, lines without
/// trailing blanks. Traceback frames inside the reference's library files
/// ("File .../h5py/...") are dropped, as compare.py drops them: h5lab has none.
pub fn terminal_text(outputs: &[Json], count: u64) -> String {
    let mut text = String::new();
    for o in outputs {
        let piece = match o["type"].as_str().unwrap_or("") {
            "stream" => o["text"].as_str().unwrap_or("").replace("\r\n", "\n"),
            "display_data" => o["text/plain"].as_str().unwrap_or("").to_string(),
            "execute_result" => {
                let plain = o["text/plain"].as_str().unwrap_or("");
                let separator = if plain.contains('\n') { "\n" } else { "" };
                format!("Out[{count}]: {separator}{plain}")
            }
            "error" => o["traceback"]
                .as_array()
                .map(|t| t.iter().filter_map(Json::as_str).filter(|e| !e.starts_with("File ")).collect::<Vec<_>>().join("\n"))
                .unwrap_or_default(),
            _ => String::new(),
        };
        text.push_str(&piece);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    normalized(&text)
}

/// Screen or recorded text as compared: compare.py's masks, no trailing blanks.
pub fn normalized(text: &str) -> String {
    let text = h5lab_core::cells::normalize(text);
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_end().to_string()
}

/// A file under the workspace's examples/.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name)
}

/// The pinned test environment's Python, or `None` (skip) when it is not provisioned —
/// a failure when `H5LAB_REQUIRE_PYTHON` is set.
pub fn test_python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("H5LAB_TEST_PYTHON").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/test-venv/bin/python")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("H5LAB_REQUIRE_PYTHON").is_none(),
            "H5LAB_REQUIRE_PYTHON is set but the test venv is missing: run `make test` (scripts/provision test-venv)"
        );
        eprintln!("skipped: no Python test environment (run scripts/provision test-venv)");
    }
    found
}

/// A screen: what a terminal shows after the bytes written to it, for the escapes a
/// line editor uses (cursor moves, erasing, colours ignored). Rows grow without limit
/// (scrollback included).
#[derive(Default)]
pub struct Screen {
    rows: Vec<Vec<char>>,
    row: usize,
    col: usize,
    pending: Vec<u8>,
}

impl Screen {
    fn cell(&mut self) -> &mut Vec<char> {
        while self.rows.len() <= self.row {
            self.rows.push(Vec::new());
        }
        &mut self.rows[self.row]
    }

    fn put(&mut self, c: char) {
        let col = self.col;
        let line = self.cell();
        while line.len() < col {
            line.push(' ');
        }
        if col < line.len() {
            line[col] = c;
        } else {
            line.push(c);
        }
        self.col += 1;
    }

    fn csi(&mut self, params: &str, action: char) {
        let numbers: Vec<usize> = params.trim_start_matches('?').split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let n = numbers.first().copied().unwrap_or(0).max(1);
        match action {
            'A' => self.row = self.row.saturating_sub(n),
            'B' => self.row += n,
            'C' => self.col += n,
            'D' => self.col = self.col.saturating_sub(n),
            'G' => self.col = n - 1,
            'K' => {
                let col = self.col;
                let mode = numbers.first().copied().unwrap_or(0);
                let line = self.cell();
                match mode {
                    0 => line.truncate(col),
                    1 => line.iter_mut().take(col + 1).for_each(|c| *c = ' '),
                    _ => line.clear(),
                }
            }
            'J' => {
                let col = self.col;
                self.cell().truncate(col);
                let keep = self.row + 1;
                self.rows.truncate(keep);
            }
            _ => {}
        }
    }

    /// Feeds output bytes.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        let text = match std::str::from_utf8(&self.pending) {
            Ok(t) => t.to_string(),
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                let t = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
                self.pending.drain(..valid);
                self.apply(&t);
                return;
            }
            Err(_) => String::from_utf8_lossy(&self.pending).into_owned(),
        };
        self.pending.clear();
        self.apply(&text);
    }

    fn apply(&mut self, text: &str) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\x1b' => match chars.next() {
                    Some('[') => {
                        let mut params = String::new();
                        for d in chars.by_ref() {
                            if ('\x40'..='\x7e').contains(&d) {
                                self.csi(&params, d);
                                break;
                            }
                            params.push(d);
                        }
                    }
                    Some(']') => {
                        while let Some(d) = chars.next() {
                            if d == '\x07' || (d == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                                break;
                            }
                        }
                    }
                    _ => {}
                },
                '\r' => self.col = 0,
                '\n' => {
                    self.row += 1;
                    self.cell();
                }
                '\x08' => self.col = self.col.saturating_sub(1),
                '\t' => self.col = (self.col / 8 + 1) * 8,
                '\x07' => {}
                c if (c as u32) < 0x20 => {}
                c => self.put(c),
            }
        }
    }

    /// The screen's text: rows without trailing blanks, joined by newlines.
    pub fn text(&self) -> String {
        self.rows.iter().map(|r| r.iter().collect::<String>().trim_end().to_string()).collect::<Vec<_>>().join("\n")
    }
}

/// An interactive `h5lab` in a pseudo-terminal, with what its screen shows.
pub struct Repl {
    pub session: Session,
    pub screen: Screen,
    pub history: tempfile::TempDir,
}

impl Repl {
    /// Starts `h5lab` (a wide terminal, history in a temporary directory) in `cwd`.
    pub fn start(cwd: &Path) -> Repl {
        let mut repl = Repl::start_with(cwd, &[]);
        repl.wait_for("In [1]: ");
        repl
    }

    /// Starts `h5lab ARGS...` as [`Repl::start`] does, without waiting for a prompt.
    pub fn start_with(cwd: &Path, args: &[&str]) -> Repl {
        let history = tempfile::tempdir().expect("temporary directory");
        let mut command = std::process::Command::new(h5lab());
        command
            .args(args)
            .current_dir(cwd)
            .env("TERM", "xterm")
            .env("H5LAB_HISTORY", history.path().join("history"))
            .env_remove("NO_COLOR");
        let mut session = Session::spawn(command).expect("spawn h5lab in a pty");
        let _ = session.get_process_mut().set_window_size(200, 50);
        Repl { session, screen: Screen::default(), history }
    }

    /// Reads what is available into the screen.
    pub fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.feed(&buf[..n]);
        }
    }

    /// Waits (30 s at most: tests run side by side) until the screen's text contains
    /// `needle`; panics with the screen otherwise.
    /// (The screen keeps no trailing blanks, so neither does the needle.)
    pub fn wait_for(&mut self, needle: &str) {
        let needle = needle.trim_end();
        self.wait_until(|text| text.contains(needle), needle);
    }

    /// Waits until `check` holds for the screen's text.
    pub fn wait_until(&mut self, check: impl Fn(&str) -> bool, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            self.pump();
            if check(&self.screen.text()) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what:?}; the screen shows:\n{}", self.screen.text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types text (keys, no Enter).
    pub fn type_keys(&mut self, text: &str) {
        self.session.send(text).expect("type");
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Types a line and Enter, then lets the editor settle.
    pub fn enter(&mut self, line: &str) {
        self.session.send(format!("{line}\r")).expect("type a line");
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Sends Ctrl-C.
    pub fn ctrl_c(&mut self) {
        self.session.send(ControlCode::EndOfText).expect("Ctrl-C");
    }

    /// Sends Ctrl-D and waits for the exit status.
    pub fn ctrl_d(&mut self) -> WaitStatus {
        self.session.send(ControlCode::EndOfTransmission).expect("Ctrl-D");
        self.exit_status()
    }

    /// Waits for the process to end (30 s at most).
    pub fn exit_status(&mut self) -> WaitStatus {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            self.pump();
            if let Ok(status) = self.session.get_process().status() {
                if !matches!(status, WaitStatus::StillAlive) {
                    return status;
                }
            }
            assert!(Instant::now() < deadline, "h5lab did not exit; the screen shows:\n{}", self.screen.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The screen lines after the last line starting with `In [n]:` and its
    /// continuation lines, up to the next prompt (the blank line before it dropped).
    pub fn output_of(&self, n: u64) -> String {
        let text = self.screen.text();
        let lines: Vec<&str> = text.lines().collect();
        let prompt = format!("In [{n}]: ");
        let Some(start) = lines.iter().rposition(|l| l.starts_with(&prompt) || l.trim_end() == prompt.trim_end()) else {
            return String::new();
        };
        let mut i = start + 1;
        while i < lines.len() && lines[i].trim_start().starts_with("...:") {
            i += 1;
        }
        let mut end = lines[i..].iter().position(|l| l.starts_with("In [")).map_or(lines.len(), |p| p + i);
        while end > i && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        lines[i..end].join("\n")
    }
}
