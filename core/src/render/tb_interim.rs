//! A plain traceback layout used until the full IPython renderer (colours, highlighting,
//! chained-exception details) is wired in: the same entries, without ANSI styling.

use super::traceback::{CellSources, ChainKind, ExceptionReport};

/// IPython's traceback entries for a report, uncoloured.
pub fn render(report: &ExceptionReport, sources: &dyn CellSources, _color: bool) -> Vec<String> {
    if let Some(syntax) = &report.syntax {
        let text = syntax.text.trim_end_matches('\n');
        let caret = " ".repeat(syntax.offset.saturating_sub(1) as usize + 4) + "^";
        let message = report.evalue.rsplit_once(" (").map_or(report.evalue.as_str(), |(m, _)| m);
        return vec![format!(
            "  Cell In[{}], line {}\n    {}\n{caret}\n{}: {message}\n",
            syntax.cell, syntax.lineno, text, report.ename
        )];
    }
    let mut out = Vec::new();
    if let Some((earlier, kind)) = &report.earlier {
        out.extend(render(earlier, sources, false));
        out.push(match kind {
            ChainKind::Cause => "\nThe above exception was the direct cause of the following exception:\n".into(),
            ChainKind::Context => "\nDuring handling of the above exception, another exception occurred:\n".into(),
        });
        out.push(header(&report.ename));
    } else {
        out.push("-".repeat(75));
        out.push(header(&report.ename));
    }
    for frame in &report.frames {
        let source = sources.cell_source(frame.cell).unwrap_or("");
        let lines: Vec<&str> = source.lines().collect();
        let (lo, hi) = match &frame.function {
            Some(f) => (f.first_line, f.last_line),
            None => (1, lines.len() as u32),
        };
        let first = frame.line.saturating_sub(4).max(lo).max(1);
        let last = (frame.line + 3).min(hi).min(lines.len() as u32);
        let mut text = format!("Cell In[{}], line {}", frame.cell, frame.line);
        if let Some(f) = &frame.function {
            text.push_str(&format!(", in {}{}", f.name, f.signature));
        }
        text.push('\n');
        for n in first..=last {
            let code = lines.get(n as usize - 1).copied().unwrap_or("");
            if n == frame.line {
                let number = n.to_string();
                let arrow = "-".repeat(6usize.saturating_sub(number.len() + 1).max(1)) + ">";
                text.push_str(&format!("{arrow} {number} {code}\n"));
            } else {
                text.push_str(&format!("{n:7} {code}\n"));
            }
        }
        out.push(text);
    }
    out.push(if report.evalue.is_empty() { report.ename.clone() } else { format!("{}: {}", report.ename, report.evalue) });
    out
}

fn header(ename: &str) -> String {
    let tail = "Traceback (most recent call last)";
    let width = 75usize.saturating_sub(ename.chars().count());
    format!("{ename}{tail:>width$}")
}
