//! IPython's line forms as the lexer sees them: escaped lines (`!cmd`, `%magic`,
//! `?obj`, autocall), help-end lines (`obj?`), and `x = !cmd` / `x = %magic`.

use super::{is_potential_identifier_start, Lexer};
use crate::syntax::ast::Pos;
use crate::syntax::ipython::{help_end_target, last_token_is_question};
use crate::syntax::token::{EscapeKind, Op, Token, TokenKind};

impl<'s> Lexer<'s> {
    /// The raw extent of the physical line starting at the cursor, extended over
    /// lines ending in a backslash (IPython's `find_end_of_continued_line`): returns
    /// the end byte (before the final newline) and the assembled text.
    pub(super) fn continued_line_extent(&self) -> (usize, String) {
        let mut parts: Vec<&str> = Vec::new();
        let mut start = self.i;
        loop {
            let rest = &self.src[start..];
            let line_end = rest.find('\n').map(|e| start + e).unwrap_or(self.src.len());
            let line = &self.src[start..line_end];
            parts.push(line);
            if line.ends_with('\\') && line_end < self.src.len() {
                start = line_end + 1;
                continue;
            }
            let mut assembled: Vec<String> = Vec::new();
            let last = parts.len() - 1;
            for (k, p) in parts.iter().enumerate() {
                let trimmed = p.trim_end();
                if k < last {
                    let mut s = trimmed.to_string();
                    s.pop();
                    assembled.push(s);
                } else {
                    assembled.push(trimmed.to_string());
                }
            }
            return (line_end, assembled.join(" "));
        }
    }

    /// Moves the cursor to byte `end` (within the text).
    pub(super) fn advance_to(&mut self, end: usize) {
        while self.i < end {
            if self.bump().is_none() {
                break;
            }
        }
    }

    /// A logical line starting with an IPython escape character.
    pub(super) fn escape_line(&mut self) {
        let start = self.pos();
        let (end, assembled) = self.continued_line_extent();
        let raw = &self.src[self.i..end];
        if last_token_is_question(raw) {
            if let Some((target, detail)) = help_end_target(raw) {
                self.advance_to(end);
                self.push(TokenKind::Help { target, detail }, start);
                return;
            }
        }
        let (kind, len) = if assembled.starts_with("!!") {
            (EscapeKind::ShellCapture, 2)
        } else if assembled.starts_with("??") {
            (EscapeKind::Help2, 2)
        } else {
            let kind = match assembled.chars().next() {
                Some('!') => EscapeKind::Shell,
                Some('?') => EscapeKind::Help,
                Some('%') => EscapeKind::Magic,
                Some(',') => EscapeKind::Quote,
                Some(';') => EscapeKind::Quote2,
                _ => EscapeKind::Paren,
            };
            (kind, 1)
        };
        if kind == EscapeKind::Paren && assembled[1..].split(' ').next().unwrap_or("").is_empty() {
            // IPython refuses `/` without a callable name; the line stays Python.
            return;
        }
        let content = assembled[len..].to_string();
        self.advance_to(end);
        self.push(TokenKind::Escape { kind, content }, start);
    }

    /// IPython's HelpEnd: a logical line whose last token is `?` becomes a help
    /// request when its text ends in a dotted name and `?`/`??`.
    pub(super) fn check_help_end(&mut self) {
        if !self.ipython {
            return;
        }
        let Some(last) = self.tokens.last() else { return };
        if !last.is_op(Op::Question) || self.tokens.len() <= self.line_first_token {
            return;
        }
        let Some(first) = self.tokens.get(self.line_first_token) else { return };
        let start = first.start;
        let text = &self.src[start.offset as usize..last.end.offset as usize];
        if let Some((target, detail)) = help_end_target(text) {
            let end = last.end;
            self.tokens.truncate(self.line_first_token);
            self.tokens.push(Token { kind: TokenKind::Help { target, detail }, start, end, level: 0 });
        }
    }

    /// IPython's `x = !cmd` and `x = %magic args` (the first `=` of the logical line,
    /// outside brackets).
    pub(super) fn assignment_escape(&mut self, eq_pos: Pos) {
        let mut k = 0;
        while matches!(self.peek_at(k), Some(' ' | '\t' | '\x0c')) {
            k += 1;
        }
        let c = self.peek_at(k);
        let after = self.peek_at(k + 1);
        let is_shell = c == Some('!') && after != Some('=') && {
            let line_before = &self.src[self.source.line_start(eq_pos.line)..eq_pos.offset as usize];
            !line_before.trim().is_empty()
        };
        let is_magic = c == Some('%') && after != Some('=') && {
            let mut j = k + 1;
            while matches!(self.peek_at(j), Some(' ' | '\t' | '\x0c')) {
                j += 1;
            }
            matches!(self.peek_at(j), Some(ch) if is_potential_identifier_start(ch))
        };
        if !is_shell && !is_magic {
            return;
        }
        // A trailing `?` on the line makes it a help request instead (IPython tries
        // HelpEnd first: it starts earlier on the line).
        for _ in 0..k {
            self.bump();
        }
        let rhs_start = self.pos();
        let (end, assembled) = self.continued_line_extent();
        if let Some(first) = self.tokens.get(self.line_first_token) {
            let line_text = &self.src[first.start.offset as usize..end];
            if last_token_is_question(line_text) {
                if let Some((target, detail)) = help_end_target(line_text) {
                    let start = first.start;
                    self.advance_to(end);
                    self.tokens.truncate(self.line_first_token);
                    self.push(TokenKind::Help { target, detail }, start);
                    return;
                }
            }
        }
        self.advance_to(end);
        let kind = if is_shell {
            TokenKind::AssignShell(assembled[1..].to_string())
        } else {
            let rest = &assembled[1..];
            let (name, args) = match rest.split_once(' ') {
                Some((n, a)) => (n.to_string(), a.to_string()),
                None => (rest.to_string(), String::new()),
            };
            TokenKind::AssignMagic { name, args }
        };
        self.push(kind, rhs_start);
    }
}
