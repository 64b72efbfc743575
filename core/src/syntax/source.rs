//! The cell text with a line table: positions to line texts, the pieces CPython puts
//! on a `SyntaxError`.

use super::ast::Pos;

/// A cell's (cleaned-up, newline-normalised) source with its line starts.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    /// Index the lines of `text`.
    pub fn new(text: String) -> SourceText {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        SourceText { text, line_starts }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many lines there are (a final line without newline counts; an empty text
    /// has one empty line).
    pub fn line_count(&self) -> u32 {
        let n = self.line_starts.len();
        // A text ending in '\n' has an empty last "line" that is not a line.
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            (n - 1) as u32
        } else {
            n as u32
        }
    }

    /// Line `lineno` (1-based) without its newline; empty past the end.
    pub fn line(&self, lineno: u32) -> &str {
        let idx = (lineno as usize).wrapping_sub(1);
        let Some(&start) = self.line_starts.get(idx) else { return "" };
        let end = self.line_starts.get(idx + 1).map(|e| e - 1).unwrap_or(self.text.len());
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// Line `lineno` with a newline appended (CPython's parser-side error text: its
    /// input always ends in a newline).
    pub fn line_with_newline(&self, lineno: u32) -> String {
        let mut s = self.line(lineno).to_string();
        s.push('\n');
        s
    }

    /// The byte offset where line `lineno` starts.
    pub fn line_start(&self, lineno: u32) -> usize {
        let idx = (lineno as usize).wrapping_sub(1);
        self.line_starts.get(idx).copied().unwrap_or(self.text.len())
    }

    /// The position of byte `offset` (clamped to the text, moved back to a char
    /// boundary).
    pub fn pos_at(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_idx];
        let col = self.text[start..offset].chars().count();
        Pos { line: line_idx as u32 + 1, col: col as u32, offset: offset as u32 }
    }

    /// The end position of the text.
    pub fn end_pos(&self) -> Pos {
        self.pos_at(self.text.len())
    }
}
