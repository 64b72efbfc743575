//! The interactive session: IPython's prompts, line editing (rustyline) with syntax
//! colouring, Tab completion from the session, hints from history, multi-line cells
//! decided by the parser's `is_complete` (continuation prompt `   ...: `, auto-indent),
//! persistent history, Ctrl-C and Ctrl-D.
//!
//! Cells run on the HDF5 owner thread ([`Worker`]) while this thread keeps the
//! terminal; a SIGINT during a cell raises KeyboardInterrupt in it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use h5lab_core::session::{Completeness, InputError};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, CompletionType, ConditionalEventHandler, Config, Context, Editor, Event, EventContext, EventHandler, Helper,
    KeyCode, KeyEvent, Modifiers, RepeatCount,
};

use crate::output::{self, Prompts};
use crate::worker::{Event as CellEvent, Worker};

/// The line editor's helper: completion, hints, colouring.
struct ReplHelper {
    worker: Rc<Worker>,
    /// The lines of the cell entered so far (completion sees them as context).
    cell_so_far: Rc<RefCell<String>>,
    hinter: HistoryHinter,
    color: bool,
}

impl Helper for ReplHelper {}

impl Validator for ReplHelper {}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = self.cell_so_far.borrow().clone();
        let prefix_chars = before.chars().count();
        let code = format!("{before}{line}");
        let cursor = prefix_chars + line[..pos].chars().count();
        let completion = self.worker.complete(&code, cursor);
        let Some(start_in_line) = completion.cursor_start.checked_sub(prefix_chars) else { return Ok((pos, Vec::new())) };
        let start = line.char_indices().nth(start_in_line).map_or(line.len(), |(i, _)| i);
        let pairs = completion.matches.into_iter().map(|m| Pair { display: m.clone(), replacement: m }).collect();
        Ok((start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        // Suggestions from history while typing at the end of the line (IPython's
        // auto-suggestions); only single-line entries, as a suggestion is one line.
        self.hinter.hint(line, pos, ctx).filter(|h| !h.contains('\n'))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(crate::highlight::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(&'s self, prompt: &'p str, _default: bool) -> Cow<'b, str> {
        if !self.color {
            return Cow::Borrowed(prompt);
        }
        let prompts = Prompts { color: true };
        if let Some(n) = prompt.strip_prefix("In [").and_then(|r| r.strip_suffix("]: ")).and_then(|n| n.parse().ok()) {
            return Cow::Owned(prompts.input(n));
        }
        if prompt.trim_start().starts_with("...:") {
            return Cow::Owned(nu_ansi_term::Color::Green.paint(prompt).to_string());
        }
        Cow::Borrowed(prompt)
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(nu_ansi_term::Color::DarkGray.paint(hint).to_string())
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Tab at the start of a line (or after blanks only) indents by four spaces, as in
/// IPython; elsewhere it completes.
struct TabIndents;

impl ConditionalEventHandler for TabIndents {
    fn handle(&self, _evt: &Event, _n: RepeatCount, _positive: bool, ctx: &EventContext) -> Option<Cmd> {
        let before = &ctx.line()[..ctx.pos()];
        before.chars().all(|c| c == ' ' || c == '\t').then(|| Cmd::Insert(1, "    ".into()))
    }
}

/// Where history is kept: `$H5LAB_HISTORY`, else `$XDG_DATA_HOME/h5lab/history`, else
/// `~/.local/share/h5lab/history`.
pub fn history_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("H5LAB_HISTORY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let data = match std::env::var_os("XDG_DATA_HOME").filter(|p| !p.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(data.join("h5lab").join("history"))
}

/// The banner: versions and where to start.
fn banner() -> String {
    let (major, minor, release) = h5lab_core::hdf5::run(h5lab_core::hdf5::library_version);
    format!(
        "h5lab {} (HDF5 {major}.{minor}.{release}) -- the h5py/NumPy dialect of Python, without Python.\n\
         Type 'obj?' for help on an object, Tab to complete, Ctrl-D or 'exit' to leave.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs the interactive session in `cwd` until Ctrl-D or `exit`, after showing the
/// cells of `startup` run as if typed (`-i FILE`); every open file is closed.
pub fn run(cwd: PathBuf, color: bool, startup: Option<&Path>) -> ExitCode {
    // Before the session takes the HDF5 owner thread for good.
    let banner = banner();
    let worker = Worker::start(cwd, color);
    let (running, interrupt) = worker.interrupt_flags();
    let worker = Rc::new(worker);
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .history_ignore_dups(true)
        .map(|b| b.color_mode(if color { rustyline::ColorMode::Enabled } else { rustyline::ColorMode::Disabled }))
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor: Editor<ReplHelper, FileHistory> = match Editor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            eprintln!("h5lab: cannot start the line editor: {e}");
            return ExitCode::FAILURE;
        }
    };
    // After the editor: rustyline puts its own SIGINT handler in place for its whole
    // life (and restores the previous one when dropped); a running cell needs ours.
    if let Err(e) = h5lab_core::interrupt::install_sigint_handler(running, interrupt) {
        eprintln!("h5lab: {e}");
    }
    let cell_so_far = Rc::new(RefCell::new(String::new()));
    editor.set_helper(Some(ReplHelper { worker: worker.clone(), cell_so_far: cell_so_far.clone(), hinter: HistoryHinter::new(), color }));
    editor.bind_sequence(KeyEvent(KeyCode::Tab, Modifiers::NONE), EventHandler::Conditional(Box::new(TabIndents)));
    let history = history_path();
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.load_history(path);
    }

    let prompts = Prompts { color };
    print!("{banner}");
    let mut next = 1u64;
    let startup_cells = match startup.map(startup_cells).transpose() {
        Ok(cells) => cells.unwrap_or_default(),
        Err(message) => {
            eprintln!("h5lab: {message}");
            return ExitCode::from(2);
        }
    };
    let mut over = false;
    for cell in startup_cells {
        crate::replay::show_source(&cell, next, prompts);
        match run_cell(&worker, &mut editor, &cell, prompts) {
            Some(count) => next = count + 1,
            None => {
                over = true;
                break;
            }
        }
    }
    while !over {
        println!();
        cell_so_far.borrow_mut().clear();
        let Some(cell) = read_cell(&mut editor, &cell_so_far, next) else { break };
        // The blank line that ended a block is not part of the cell.
        let cell = cell.trim_end().to_string();
        if cell.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(cell.as_str());
        if let Some(path) = &history {
            let _ = editor.append_history(path);
        }
        if matches!(cell.trim(), "exit" | "quit") {
            break;
        }
        match run_cell(&worker, &mut editor, &cell, prompts) {
            Some(count) => next = count + 1,
            None => break,
        }
    }
    drop(editor);
    match Rc::try_unwrap(worker) {
        Ok(worker) => worker.stop(),
        Err(worker) => worker.close_all_files(),
    }
    ExitCode::SUCCESS
}

/// The code cells of `-i FILE`: a notebook's, or a `.py` file's `# %%` cells (a plain
/// script is one cell).
fn startup_cells(path: &Path) -> Result<Vec<String>, String> {
    let notebook = crate::notebook::Notebook::read(path)?;
    Ok(notebook.code_cells().into_iter().map(|c| c.source).filter(|s| !s.trim().is_empty()).collect())
}

/// Runs a cell on the worker, showing its outputs as they come, then `Out[n]` or the
/// traceback. The cell's execution count, or `None` when the session is over (an
/// `exit()` in the cell, or the session stopped).
fn run_cell(worker: &Worker, editor: &mut Editor<ReplHelper, FileHistory>, cell: &str, prompts: Prompts) -> Option<u64> {
    let finished = worker.execute(cell, None, &mut |event| match event {
        CellEvent::Stream(name, text) => output::stream(name, &text),
        CellEvent::Display(bundle) => output::display(&bundle),
        CellEvent::ClearOutput => {}
        CellEvent::Input { prompt, password, answer } => {
            let _ = answer.send(read_input(editor, &prompt, password));
        }
        CellEvent::Done(_) => {}
    });
    let Some(finished) = finished else {
        eprintln!("h5lab: the session stopped");
        return None;
    };
    output::outcome(&finished.outcome, prompts, true);
    finished.outcome.exit.is_none().then_some(finished.outcome.execution_count)
}

/// Reads one cell: its first line at `In [n]: `, then continuation lines at `   ...: `
/// (pre-indented) while the parser says it is incomplete. `None` at Ctrl-D on an empty
/// first line; Ctrl-C abandons the cell (an empty one is returned).
fn read_cell(editor: &mut Editor<ReplHelper, FileHistory>, so_far: &Rc<RefCell<String>>, n: u64) -> Option<String> {
    let first = match read_line(editor, n, false, "") {
        Ok(line) => line,
        Err(ReadlineError::Interrupted) => return Some(String::new()),
        Err(_) => return None,
    };
    let mut cell = first;
    while let Completeness::Incomplete { indent } = h5lab_core::syntax::is_complete(&cell) {
        *so_far.borrow_mut() = format!("{cell}\n");
        match read_line(editor, n, true, &indent) {
            Ok(line) => {
                cell.push('\n');
                cell.push_str(&line);
            }
            Err(ReadlineError::Interrupted) => return Some(String::new()),
            Err(_) => return Some(String::new()),
        }
    }
    Some(cell)
}

/// A line from the editor at `In [n]: ` or, `at_continuation`, at `   ...: `. When
/// stdin is not a terminal the editor neither shows the prompt nor offers the
/// indentation: the prompt is printed here, as IPython does. A pasted entry of several
/// lines is redrawn with continuation prompts once accepted ([`crate::paste`]).
fn read_line(editor: &mut Editor<ReplHelper, FileHistory>, n: u64, at_continuation: bool, indent: &str) -> rustyline::Result<String> {
    use std::io::{IsTerminal, Write};
    let plain = Prompts { color: false };
    let prompt = if at_continuation { plain.continuation(n) } else { plain.input(n) };
    if !std::io::stdin().is_terminal() {
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        return editor.readline("");
    }
    let line = editor.readline_with_initial(&prompt, (indent, ""))?;
    let color = editor.helper().is_some_and(|h| h.color);
    crate::paste::redraw(n, at_continuation, &line, color);
    Ok(line)
}

/// `input(prompt)` during a cell: a line from the terminal.
fn read_input(editor: &mut Editor<ReplHelper, FileHistory>, prompt: &str, password: bool) -> Result<String, InputError> {
    if password {
        return read_password(prompt);
    }
    match editor.readline(prompt) {
        Ok(line) => Ok(line),
        Err(ReadlineError::Interrupted) => Err(InputError::Interrupted),
        Err(_) => Err(InputError::EndOfInput),
    }
}

/// A line read with the terminal's echo off (`getpass`).
fn read_password(prompt: &str) -> Result<String, InputError> {
    use std::io::{BufRead, Write};
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    // SAFETY: termios is plain data; tcgetattr fills it, tcsetattr restores it.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    let is_tty = unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut saved) } == 0;
    if is_tty {
        let mut quiet = saved;
        quiet.c_lflag &= !libc::ECHO;
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &quiet) };
    }
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if is_tty {
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &saved) };
        println!();
    }
    match read {
        Ok(0) => Err(InputError::EndOfInput),
        Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_string()),
        Err(_) => Err(InputError::EndOfInput),
    }
}
