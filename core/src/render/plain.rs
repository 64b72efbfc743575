//! CPython 3.11's own traceback text (`traceback.print_exception`), for scripts run
//! outside the notebook (`h5lab run script.py`).

use super::anchors::caret_anchors;
use super::pytokenize::py_isspace;
use super::source_block::cached_lines;
use super::traceback::{CellSources, ChainKind, ExceptionReport, TracebackEntry};

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
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
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

/// `StackSummary.format_frame_summary`.
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
    let stripped = line.trim_matches(py_isspace);
    if stripped.is_empty() {
        return row;
    }
    row.push_str(&format!("    {stripped}\n"));
    let Some(cols) = frame.columns else {
        return row;
    };
    let chars: Vec<char> = line.chars().collect();
    let stripped_len = stripped.chars().count();
    let stripped_characters = chars.len() as i64 - stripped_len as i64;
    let start = (cols.start as usize).min(chars.len());
    let (end, anchors) = if cols.end_line == frame.line {
        let end = (cols.end as usize).clamp(start, chars.len());
        let segment: String = chars[start..end].iter().collect();
        (end, caret_anchors(&segment))
    } else {
        (line.trim_end_matches(py_isspace).chars().count().max(start), None)
    };
    let anchored = anchors.is_some_and(|(l, r)| r > l);
    if end - start >= stripped_len && !anchored {
        return row;
    }
    let segment = &chars[start..end];
    let dp_start = display_width(&chars, start) as i64 + 1;
    let dp_end = display_width(&chars, end) as i64 + 1;
    row.push_str("    ");
    row.push_str(&" ".repeat((dp_start - stripped_characters).max(0) as usize));
    match anchors {
        Some((left, right)) => {
            let dp_left = display_width(segment, left) as i64;
            let dp_right = display_width(segment, right) as i64;
            row.push_str(&"~".repeat(dp_left.max(0) as usize));
            row.push_str(&"^".repeat((dp_right - dp_left).max(0) as usize));
            row.push_str(&"~".repeat((dp_end - dp_start - dp_right).max(0) as usize));
        }
        None => row.push_str(&"^".repeat((dp_end - dp_start).max(0) as usize)),
    }
    row.push('\n');
    row
}

/// `_display_width`: East Asian wide and fullwidth characters count twice.
fn display_width(chars: &[char], offset: usize) -> usize {
    chars.iter().take(offset).map(|&c| if is_wide(c) { 2 } else { 1 }).sum()
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

/// A SyntaxError's lines in CPython's format (`  File "…", line k`, the line, the
/// carets, `SyntaxError: msg`).
fn syntax_lines(report: &ExceptionReport, d: &super::traceback::SyntaxDetails) -> String {
    let mut out = format!("  File \"{}\", line {}\n", d.filename, d.lineno);
    let text = d.text.trim_end_matches(['\n', '\r']);
    let chars: Vec<char> = text.chars().collect();
    let indent = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    let shown: String = chars[indent..].iter().collect();
    out.push_str(&format!("    {shown}\n"));
    if d.offset > 0 {
        let caret_col = (d.offset as usize - 1).saturating_sub(indent);
        out.push_str(&format!("    {}^\n", " ".repeat(caret_col)));
    }
    let base = d.filename.rsplit(['/', '\\']).next().unwrap_or(&d.filename);
    let suffix = format!(" ({base}, line {})", d.lineno);
    let msg = report.evalue.strip_suffix(suffix.as_str()).unwrap_or(&report.evalue);
    out.push_str(&format!("{}: {}\n", report.ename, msg));
    out
}
