//! IPython's display of a SyntaxError raised while compiling a cell (`SyntaxTB`, a
//! `ListTB` without frames): one string holding the location, the offending line, the
//! caret line and `SyntaxError: msg`.

use super::ansi::{paint, Style};
use super::pytokenize::py_isspace;
use super::traceback::{ExceptionReport, SyntaxDetails};

/// The single-entry `traceback` list for a SyntaxError (see
/// [`super::traceback::render_syntax_error`]).
pub fn syntax_traceback(report: &ExceptionReport, color: bool) -> Vec<String> {
    let mut out = String::new();
    let msg = match &report.syntax {
        Some(details) => {
            location_and_caret(&mut out, details, color);
            message_of(&report.evalue, details)
        }
        None => report.evalue.clone(),
    };
    paint(&mut out, Style::Red, &report.ename, color);
    if msg.is_empty() {
        out.push('\n');
    } else {
        paint(&mut out, Style::Red, ":", color);
        out.push(' ');
        out.push_str(&msg);
        out.push('\n');
    }
    vec![out]
}

/// `  Cell In[n], line k` (or `  File <tokenize>:k`), the stripped line, the caret.
fn location_and_caret(out: &mut String, d: &SyntaxDetails, color: bool) {
    out.push_str("  ");
    if d.filename.starts_with('<') {
        // Not one of the kernel's cell files: `File name:line`.
        paint(out, Style::Cyan, "File ", color);
        let place = if d.lineno > 0 { format!("{}:{}", d.filename, d.lineno) } else { d.filename.clone() };
        paint(out, Style::Green, &place, color);
    } else {
        paint(out, Style::Cyan, "Cell", color);
        paint(out, Style::Cyan, " ", color);
        paint(out, Style::Green, &format!("In[{}]", d.cell), color);
        if d.lineno > 0 {
            paint(out, Style::Green, &format!(", line {}", d.lineno), color);
        }
    }
    out.push('\n');

    // IPython reads the line from the cell's cache, where every line ends in "\n".
    let mut text: Vec<char> = d.text.chars().collect();
    if !text.is_empty() && text.last() != Some(&'\n') {
        text.push('\n');
    }
    let indent = text.iter().take_while(|c| py_isspace(**c)).count();
    paint(out, Style::Red, "    ", color);
    let stripped: String = text.iter().collect();
    paint(out, Style::Red, stripped.trim_matches(py_isspace), color);
    out.push('\n');

    // The caret sits under column `offset` (1-based); the text before it keeps its
    // whitespace characters (tabs) and turns everything else into spaces. Python's
    // slice `textline[i:offset - 1]`, negative ends counted from the back.
    let len = text.len() as i64;
    let stop = i64::from(d.offset) - 1;
    let stop = if stop < 0 { (stop + len).max(0) } else { stop.min(len) } as usize;
    let mut caret = String::from("    ");
    caret.extend(text.get(indent..stop.max(indent)).unwrap_or(&[]).iter().map(|&c| {
        if py_isspace(c) {
            c
        } else {
            ' '
        }
    }));
    caret.push('^');
    paint(out, Style::Plain, &caret, color);
    out.push('\n');
}

/// The exception's `msg`: `str(exc)` without the ` (file, line k)` CPython appends.
fn message_of(evalue: &str, d: &SyntaxDetails) -> String {
    let base = d.filename.rsplit(['/', '\\']).next().unwrap_or(&d.filename);
    let suffixes =
        [format!(" ({base}, line {})", d.lineno), format!(" ({base})"), format!(" (line {})", d.lineno)];
    suffixes.iter().find_map(|s| evalue.strip_suffix(s.as_str())).unwrap_or(evalue).to_string()
}
