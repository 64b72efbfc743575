//! What a cell shows in a terminal, as IPython's terminal shows it: streams as they
//! come, `display()` as its text, `Out[n]: ` before the result (on its own line when
//! the text has several), the traceback on stdout, pages printed or paged.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

use h5lab_core::session::{ExecuteOutcome, MimeBundle, StreamName};
use nu_ansi_term::Color;

/// Whether output carries ANSI colours: stdout is a terminal, NO_COLOR is unset and
/// `--no-color` was not given.
pub fn color_wanted(no_color_flag: bool) -> bool {
    !no_color_flag && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// IPython's prompts (green `In [n]: `, red `Out[n]: `, green `   ...: `).
#[derive(Debug, Clone, Copy)]
pub struct Prompts {
    /// With colours.
    pub color: bool,
}

impl Prompts {
    /// `In [n]: `.
    pub fn input(self, n: u64) -> String {
        if !self.color {
            return format!("In [{n}]: ");
        }
        format!("{}{}{}", Color::Green.paint("In ["), Color::LightGreen.bold().paint(n.to_string()), Color::Green.paint("]: "))
    }

    /// `   ...: `, as wide as `In [n]: `.
    pub fn continuation(self, n: u64) -> String {
        let width = format!("In [{n}]: ").chars().count();
        let text = format!("{}...: ", " ".repeat(width - 5));
        if self.color {
            Color::Green.paint(text).to_string()
        } else {
            text
        }
    }

    /// `Out[n]: `.
    pub fn output(self, n: u64) -> String {
        if !self.color {
            return format!("Out[{n}]: ");
        }
        format!("{}{}{}", Color::Red.paint("Out["), Color::LightRed.bold().paint(n.to_string()), Color::Red.paint("]: "))
    }
}

/// Writes a stream chunk where it belongs and flushes it (output shows as it comes).
pub fn stream(name: StreamName, text: &str) {
    match name {
        StreamName::Stdout => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
        StreamName::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        }
    }
}

/// A `display()`: its text, as IPython's terminal prints it.
pub fn display(bundle: &MimeBundle) {
    if let Some(text) = bundle.get("text/plain") {
        stream(StreamName::Stdout, &format!("{text}\n"));
    }
}

/// The result and the error of a finished cell, then its pages.
pub fn outcome(outcome: &ExecuteOutcome, prompts: Prompts, pager: bool) {
    if let Some(result) = &outcome.result {
        let text = result.get("text/plain").map(String::as_str).unwrap_or("");
        let separator = if text.contains('\n') { "\n" } else { "" };
        stream(StreamName::Stdout, &format!("{}{separator}{text}\n", prompts.output(outcome.execution_count)));
    }
    if let Some(error) = &outcome.error {
        stream(StreamName::Stdout, &format!("{}\n", error.traceback.join("\n")));
    }
    for page in &outcome.pages {
        if let Some(text) = page.data.get("text/plain") {
            show_page(text, pager);
        }
    }
}

/// Prints a page, through `$PAGER` (or `less -R`) when it is taller than the terminal.
pub fn show_page(text: &str, pager: bool) {
    let lines = text.lines().count();
    if pager && std::io::stdout().is_terminal() && lines + 2 > terminal_rows() {
        let command = std::env::var("PAGER").unwrap_or_else(|_| "less -R".into());
        let mut words = command.split_whitespace();
        if let Some(program) = words.next() {
            if let Ok(mut child) = Command::new(program).args(words).stdin(Stdio::piped()).spawn() {
                if let Some(mut input) = child.stdin.take() {
                    let _ = input.write_all(text.as_bytes());
                    let _ = input.write_all(b"\n");
                }
                if child.wait().is_ok() {
                    return;
                }
            }
        }
    }
    stream(StreamName::Stdout, &format!("{text}\n"));
}

/// The terminal's height in rows (24 when unknown).
fn terminal_rows() -> usize {
    terminal_size().map_or(24, |(rows, _)| rows)
}

/// The size of the terminal on stdout, rows and columns (`None` when it is not one).
pub fn terminal_size() -> Option<(usize, usize)> {
    // SAFETY: TIOCGWINSZ fills a winsize; a zeroed one is valid to pass.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_row > 0 && size.ws_col > 0).then_some((size.ws_row as usize, size.ws_col as usize))
}
