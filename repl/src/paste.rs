//! A pasted multi-line entry, shown as IPython shows it. The line editor shows the
//! lines of a bracketed paste without prompts; once the entry is accepted it is
//! redrawn in place with `   ...: ` before each continuation line, so the terminal
//! reads like IPython's (and like `replay`'s transcripts).

use std::io::Write;
use unicode_width::UnicodeWidthChar;

use crate::output::{terminal_size, Prompts};

/// The editor's tab stop (rustyline's default).
const TAB_STOP: usize = 8;

/// How many terminal rows the editor used for `prompt` followed by `text` on a
/// terminal `cols` wide, counted as the editor lays them out (a line that exactly
/// fills the width moves the cursor to the next row).
pub fn rows_used(prompt: &str, text: &str, cols: usize) -> usize {
    let cols = cols.max(1);
    let (mut row, mut col) = (0usize, 0usize);
    for c in prompt.chars().chain(text.chars()) {
        if c == '\n' {
            row += 1;
            col = 0;
            continue;
        }
        let width = if c == '\t' { TAB_STOP - col % TAB_STOP } else { c.width().unwrap_or(0) };
        col += width;
        if col > cols {
            row += 1;
            col = width;
        }
    }
    if col == cols {
        row += 1;
    }
    row + 1
}

/// Redraws an accepted entry that holds several lines (a paste) with IPython's
/// prompts: `In [n]: ` (or `   ...: ` when it was typed at a continuation prompt)
/// before the first line and `   ...: ` before the others. Does nothing for one line,
/// or when the entry no longer fits on the screen (the cursor cannot reach its top).
pub fn redraw(n: u64, at_continuation: bool, text: &str, color: bool) {
    if !text.contains('\n') {
        return;
    }
    let Some((rows, cols)) = terminal_size() else { return };
    let plain = Prompts { color: false };
    let first_prompt = if at_continuation { plain.continuation(n) } else { plain.input(n) };
    let used = rows_used(&first_prompt, text, cols);
    if used >= rows {
        return;
    }
    let prompts = Prompts { color };
    let mut out = format!("\x1b[{used}A\r\x1b[J");
    for (i, line) in text.split('\n').enumerate() {
        let prompt = if i == 0 && !at_continuation { prompts.input(n) } else { prompts.continuation(n) };
        let line = if color { crate::highlight::highlight(line) } else { line.to_string() };
        out.push_str(&format!("{prompt}{line}\n"));
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_editors_layout() {
        assert_eq!(rows_used("In [1]: ", "x = 1", 80), 1);
        assert_eq!(rows_used("In [1]: ", "a\nb", 80), 2);
        assert_eq!(rows_used("In [1]: ", "a\n", 80), 2);
        // 8 + 12 columns on a 10-column terminal: two full rows, the cursor on a third.
        assert_eq!(rows_used("In [1]: ", "x".repeat(12).as_str(), 10), 3);
        assert_eq!(rows_used("In [1]: ", "x".repeat(11).as_str(), 10), 2);
        assert_eq!(rows_used("", "\tx", 80), 1);
        assert_eq!(rows_used("", "漢字", 3), 2);
    }
}
