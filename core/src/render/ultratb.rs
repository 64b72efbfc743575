//! IPython 9's `VerboseTB` (xmode "Context", theme "neutral") for frames of cell code.
//!
//! Cells are not files on disk, so IPython formats every cell frame on its "fast path"
//! (`_simple_format_traceback_lines`), not with stack_data: the listed lines are
//! `inspect.getsourcelines(frame)` (see [`super::source_block`]), cut to a window of
//! `context` lines before the current line and `context - 1` after it (context 4 for
//! the exception shown, 2 for the earlier exceptions of a chain), each coloured on its
//! own by `PyColorize` (see [`super::highlight`]).

use super::ansi::{paint, painted, Style};
use super::highlight::highlight;
use super::source_block::{cached_lines, function_block, NO_SOURCE};
use super::traceback::{CellSources, ChainKind, ExceptionReport, TracebackEntry};

/// Width of the dashes line and of the header (`min(75, terminal columns)`; a kernel's
/// terminal is 80 columns wide).
const WIDTH: usize = 75;
/// Line numbers are right-aligned in this many columns (`INDENT_SIZE - 1`).
const NUMBERS_WIDTH: usize = 7;
/// Context for the exception shown (`context=5` → 5 - 1).
const CONTEXT_MAIN: i64 = 4;
/// Context for earlier exceptions of a chain (`lines_of_context=3` → 3 - 1).
const CONTEXT_CHAINED: i64 = 2;

const DIRECT_CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n";
const DURING_HANDLING: &str = "\nDuring handling of the above exception, another exception occurred:\n";

/// The `traceback` list for `report` (see [`super::traceback::render_traceback`]).
pub fn structured_traceback(report: &ExceptionReport, sources: &dyn CellSources, color: bool) -> Vec<String> {
    // IPython collects [shown, message, earlier, message, earliest] and reverses it.
    let mut parts: Vec<Vec<String>> = vec![exception_as_a_whole(report, sources, CONTEXT_MAIN, color)];
    let mut current = report;
    while let Some((earlier, kind)) = &current.earlier {
        parts.push(vec![match kind {
            ChainKind::Cause => DIRECT_CAUSE.to_string(),
            ChainKind::Context => DURING_HANDLING.to_string(),
        }]);
        parts.push(exception_as_a_whole(earlier, sources, CONTEXT_CHAINED, color));
        current = earlier;
    }
    let mut out = vec![painted(Style::Red, &"-".repeat(WIDTH), color)];
    out.extend(parts.into_iter().rev().flatten());
    out
}

/// Header, one entry per frame, and the `ename: evalue` line of one exception.
fn exception_as_a_whole(
    report: &ExceptionReport,
    sources: &dyn CellSources,
    context: i64,
    color: bool,
) -> Vec<String> {
    let mut out = vec![header(&report.ename, color)];
    out.extend(report.frames.iter().map(|frame| format_frame(frame, sources, context, color)));
    let mut last = painted(Style::Red, &report.ename, color);
    last.push_str(": ");
    last.push_str(&report.evalue);
    out.push(last);
    out
}

/// `KeyError<pad>Traceback (most recent call last)`, right-aligned to column 75.
fn header(ename: &str, color: bool) -> String {
    let mut out = painted(Style::Red, ename, color);
    let title = "Traceback (most recent call last)";
    let width = WIDTH.saturating_sub(ename.chars().count());
    let pad = width.saturating_sub(title.len());
    out.extend(std::iter::repeat_n(' ', pad));
    out.push_str(title);
    out
}

/// IPython's arrow for a number of `pad` columns' room: `---->` shrinking to `>`.
fn make_arrow(pad: i64) -> String {
    match pad {
        p if p >= 2 => format!("{}> ", "-".repeat((p - 2) as usize)),
        1 => ">".to_string(),
        _ => String::new(),
    }
}

/// Python's `seq[start:stop]` bounds for a sequence of `len` items.
fn py_slice(len: usize, start: i64, stop: i64) -> std::ops::Range<usize> {
    let len_i = len as i64;
    let clamp = |i: i64| if i < 0 { (i + len_i).max(0) } else { i.min(len_i) } as usize;
    let (a, b) = (clamp(start), clamp(stop));
    a..b.max(a)
}

/// One frame: `Cell In[n], line k[, in f(x)]` and its numbered lines.
fn format_frame(frame: &TracebackEntry, sources: &dyn CellSources, context: i64, color: bool) -> String {
    let mut out = String::new();
    paint(&mut out, Style::Cyan, "Cell", color);
    paint(&mut out, Style::Cyan, " ", color);
    paint(&mut out, Style::Green, &format!("In[{}]", frame.cell), color);
    paint(&mut out, Style::Green, &format!(", line {}", frame.shown_line()), color);
    if let Some(function) = &frame.function {
        out.push_str(", in ");
        paint(&mut out, Style::Cyan, &function.name, color);
        paint(&mut out, Style::Blue, &function.signature, color);
    }
    out.push('\n');

    let cell_lines = sources.cell_source(frame.cell).map(cached_lines);
    let (raw_lines, first_line) = match (&frame.function, &cell_lines) {
        (None, Some(lines)) if !lines.is_empty() => (lines.clone(), 1),
        (Some(function), Some(lines)) => {
            let block = function_block(lines, function.first_line);
            (block.unwrap_or_else(|| vec![NO_SOURCE.to_string()]), function.first_line)
        }
        (None, _) => (vec![NO_SOURCE.to_string()], 1),
        (Some(function), None) => (vec![NO_SOURCE.to_string()], function.first_line),
    };

    let current = i64::from(frame.shown_line());
    let mut index = current - i64::from(first_line);
    let (start, stop) = if index >= context {
        let start = (index - context).max(0);
        let stop = index + context;
        index = context;
        (start, stop)
    } else {
        (0, index + context)
    };
    let shown = &raw_lines[py_slice(raw_lines.len(), start, stop)];
    for (offset, line) in shown.iter().enumerate() {
        let number = current - index + offset as i64;
        let text = if color { highlight(line).unwrap_or_else(|| line.clone()) } else { line.clone() };
        if number == current {
            let pad = NUMBERS_WIDTH as i64 - number.to_string().len() as i64;
            paint(&mut out, Style::Green, &make_arrow(pad), color);
            paint(&mut out, Style::Green, &number.to_string(), color);
        } else {
            paint(&mut out, Style::Green, &format!("{number:>NUMBERS_WIDTH$}"), color);
        }
        out.push(' ');
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_shrink_with_the_number() {
        assert_eq!(make_arrow(6), "----> ");
        assert_eq!(make_arrow(5), "---> ");
        assert_eq!(make_arrow(3), "-> ");
        assert_eq!(make_arrow(2), "> ");
        assert_eq!(make_arrow(1), ">");
        assert_eq!(make_arrow(0), "");
    }

    #[test]
    fn slices_like_python() {
        assert_eq!(py_slice(10, 2, 8), 2..8);
        assert_eq!(py_slice(3, 0, 7), 0..3);
        assert_eq!(py_slice(5, 0, -1), 0..4);
        assert_eq!(py_slice(5, 4, 2), 4..4);
    }

    #[test]
    fn header_right_aligns_to_75() {
        let h = header("KeyError", false);
        assert_eq!(h.chars().count(), 75);
        assert!(h.ends_with(" Traceback (most recent call last)"));
        let long = "E".repeat(60);
        assert_eq!(header(&long, false), format!("{long}Traceback (most recent call last)"));
    }
}
