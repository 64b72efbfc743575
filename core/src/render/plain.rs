//! CPython 3.11's own traceback text (`traceback.print_exception`), for scripts run
//! outside the notebook (`h5lab run script.py`).

use super::anchors::caret_anchors;
use super::source_block::cached_lines;
use super::traceback::{CellSources, ChainKind, ColumnSpan, ExceptionReport, TracebackEntry};

const RECURSIVE_CUTOFF: usize = 3;

/// The whole text, earliest exception of the chain first, ending in a newline.
pub fn format_exception(report: &ExceptionReport, sources: &dyn CellSources) -> String {
    let mut out = String::new();
    if let Some((earlier, kind)) = &report.earlier {
        out.push_str(&format_exception(earlier, sources));
        out.push_str(match kind {
            ChainKind::Cause => "\nThe above exception was the direct cause of the following exception:\n\n",
            ChainKind::Context => "\nDuring handling of the above exception, another exception occurred:\n\n",
        });
    }
    if !report.frames.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&format_stack(&report.frames, sources));
    }
    if let Some(d) = &report.syntax {
        out.push_str(&syntax_lines(report, d));
    } else if report.evalue.is_empty() {
        out.push_str(&format!("{}\n", report.ename));
    } else {
        out.push_str(&format!("{}: {}\n", report.ename, report.evalue));
    }
    out
}

/// `StackSummary.format`: frames, with runs of more than three identical ones folded.
fn format_stack(frames: &[TracebackEntry], sources: &dyn CellSources) -> String {
    let mut out = String::new();
    let mut last: Option<(u64, u32, String)> = None;
    let mut count = 0;
    let repeated = |out: &mut String, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    for frame in frames {
        let key = (frame.cell, frame.line, code_name(frame).to_string());
        if last.as_ref() != Some(&key) {
            repeated(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            out.push_str(&format_frame(frame, sources));
        }
    }
    repeated(&mut out, count);
    out
}

/// `co_name`: the last part of the qualified name, `<module>` for cell-level code.
fn code_name(frame: &TracebackEntry) -> &str {
    match &frame.function {
        Some(f) => f.name.rsplit('.').next().unwrap_or(&f.name),
        None => "<module>",
    }
}

fn file_name(sources: &dyn CellSources, cell: u64) -> String {
    sources.cell_filename(cell).unwrap_or_else(|| format!("<cell {cell}>"))
}

/// One frame as traceback.c's `tb_displayline` prints it: the location, the line
/// without its leading blanks (trailing ones kept), and the markers.
fn format_frame(frame: &TracebackEntry, sources: &dyn CellSources) -> String {
    let mut row = format!(
        "  File \"{}\", line {}, in {}\n",
        file_name(sources, frame.cell),
        frame.line,
        code_name(frame)
    );
    let lines = sources.cell_source(frame.cell).map(cached_lines).unwrap_or_default();
    let Some(line) = (frame.line as usize).checked_sub(1).and_then(|i| lines.get(i)) else {
        return row;
    };
    let line: Vec<char> = line.trim_end_matches(['\n', '\r']).chars().collect();
    let truncation = line.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    if truncation == line.len() {
        return row;
    }
    row.push_str("    ");
    row.extend(&line[truncation..]);
    row.push('\n');
    if let Some(cols) = frame.columns {
        row.push_str(&markers(&line, truncation, frame.line, cols));
    }
    row
}

/// The marker line (empty when the failing expression is the whole line and has no
/// anchors): one mark per character, as wide as the character is on a terminal.
fn markers(line: &[char], truncation: usize, lineno: u32, cols: ColumnSpan) -> String {
    let start = cols.start as usize;
    let (end, anchors) = if cols.end_line == lineno {
        let end = (cols.end as usize).max(start);
        let segment: String = line.get(start..end.min(line.len())).unwrap_or(&[]).iter().collect();
        (end, caret_anchors(&segment).map(|(l, r)| (l + start, r + start)))
    } else {
        // traceback.c scans the UTF-8 bytes backwards from the character count.
        let text: String = line.iter().collect();
        let bytes = text.as_bytes();
        let mut i = line.len();
        while i > 0 && matches!(bytes.get(i - 1), Some(b' ' | b'\t' | 0x0c)) {
            i -= 1;
        }
        (i, None)
    };
    if end - start.min(end) == line.len() - truncation && anchors.is_none() {
        return String::new();
    }
    let mut out = String::from("    ");
    for position in truncation + 1..=end {
        let width = line.get(position - 1).map_or(1, |&c| if is_wide(c) { 2 } else { 1 });
        let mark = match anchors {
            _ if position <= start => ' ',
            Some((left, right)) if left < position && position <= right => '^',
            Some(_) => '~',
            None => '^',
        };
        out.extend(std::iter::repeat_n(mark, width));
    }
    out.push('\n');
    out
}

/// East Asian Width W or F (the main blocks).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x231A..=0x231B | 0x2329..=0x232A | 0x23E9..=0x23EC | 0x23F0 | 0x23F3
        | 0x25FD..=0x25FE | 0x2614..=0x2615 | 0x2648..=0x2653 | 0x267F | 0x2693 | 0x26A1
        | 0x26AA..=0x26AB | 0x26BD..=0x26BE | 0x26C4..=0x26C5 | 0x26CE | 0x26D4 | 0x26EA
        | 0x26F2..=0x26F3 | 0x26F5 | 0x26FA | 0x26FD | 0x2705 | 0x270A..=0x270B | 0x2728
        | 0x274C | 0x274E | 0x2753..=0x2755 | 0x2757 | 0x2795..=0x2797 | 0x27B0 | 0x27BF
        | 0x2B1B..=0x2B1C | 0x2B50 | 0x2B55 | 0x2E80..=0x303E | 0x3041..=0x33FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19 | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F004 | 0x1F0CF | 0x1F18E | 0x1F191..=0x1F19A
        | 0x1F200..=0x1F2FF | 0x1F300..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F7E0..=0x1F7EB
        | 0x1F90C..=0x1F9FF | 0x1FA70..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// A SyntaxError's lines as CPython's C printer writes them (`print_error_text`):
/// `  File "…", line k`, the line without its leading blanks, the carets placed by
/// UTF-8 byte offsets (one caret, or `offset..end_offset`), `SyntaxError: msg`.
fn syntax_lines(report: &ExceptionReport, d: &super::traceback::SyntaxDetails) -> String {
    let mut out = format!("  File \"{}\", line {}\n", d.filename, d.lineno);
    if !d.text.is_empty() {
        let byte_offset = |column: u32| -> i64 {
            let chars = (column as i64 - 1).max(-1);
            if chars < 0 {
                return -1;
            }
            d.text.chars().take(chars as usize).map(char::len_utf8).sum::<usize>() as i64
        };
        let blanks = d.text.bytes().take_while(|b| matches!(b, b' ' | b'\t' | 0x0c)).count();
        let text = &d.text[blanks..];
        let len = text.strip_suffix('\n').unwrap_or(text).len() as i64;
        let start = (byte_offset(d.offset) - blanks as i64).min(len);
        let end = byte_offset(d.end_offset) - blanks as i64;
        out.push_str("    ");
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push('\n');
        }
        if start >= 0 {
            let carets = if d.end_offset > d.offset && end > start { end - start } else { 1 };
            out.push_str(&format!("    {}{}\n", " ".repeat(start as usize), "^".repeat(carets as usize)));
        }
    }
    let base = d.filename.rsplit(['/', '\\']).next().unwrap_or(&d.filename);
    let suffix = format!(" ({base}, line {})", d.lineno);
    let msg = report.evalue.strip_suffix(suffix.as_str()).unwrap_or(&report.evalue);
    out.push_str(&format!("{}: {}\n", report.ename, msg));
    out
}
