//! The tokenizer: CPython 3.11's rules (INDENT/DEDENT, implicit joining inside
//! brackets, backslash continuations, string prefixes, numeric literals) and its error
//! messages, plus IPython's line forms (`!cmd`, `%magic`, `obj?`, `x = !cmd`), which
//! IPython recognises from the tokens of each logical line.
//!
//! The lexer runs to the end or to its first error, which becomes a final
//! [`TokenKind::Error`] token: the parser reports it only if it gets that far, so an
//! earlier syntax error wins, as in CPython whose parser pulls tokens lazily.

use num_bigint::BigInt;

use super::ast::Pos;
use super::error::{SyntaxError, SyntaxErrorKind, END_OFFSET_MINUS_ONE};
use super::ipython::{help_end_target, last_token_is_question};
use super::source::SourceText;
use super::token::{EscapeKind, Keyword, Op, StringToken, Token, TokenKind};

/// CPython's MAXLEVEL: brackets nested deeper are "too many nested parentheses".
const MAX_PAREN_LEVEL: usize = 200;
/// CPython's MAXINDENT.
const MAX_INDENT: usize = 100;

/// The tokens of a source, ending with `EndMarker` or an `Error` token.
pub fn tokenize(source: &SourceText, ipython: bool) -> Vec<Token> {
    let mut lexer = Lexer::new(source, ipython);
    lexer.run();
    lexer.tokens
}

/// Whether `c` may be part of a name (CPython's `is_potential_identifier_char`).
pub(crate) fn is_potential_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

fn is_potential_identifier_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 128
}

/// Unicode identifier check (an approximation of XID_Start / XID_Continue).
fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || matches!(c as u32, 0x300..=0x36F | 0x200C | 0x200D | 0xB7)
}

/// Python's `str.isprintable` for one character, approximately.
pub(crate) fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xE000..=0xF8FF)
}

struct Lexer<'s> {
    source: &'s SourceText,
    src: &'s str,
    /// Byte index of the next character.
    i: usize,
    line: u32,
    col: u32,
    line_start: usize,
    indents: Vec<(u32, u32)>,
    parens: Vec<(char, Pos)>,
    tokens: Vec<Token>,
    at_line_start: bool,
    /// Index of the first token of the current logical line (after INDENT/DEDENT).
    line_first_token: usize,
    /// An `=` at bracket level 0 was already seen on this logical line.
    seen_assign: bool,
    ipython: bool,
    failed: bool,
}

impl<'s> Lexer<'s> {
    fn new(source: &'s SourceText, ipython: bool) -> Lexer<'s> {
        Lexer {
            source,
            src: source.text(),
            i: 0,
            line: 1,
            col: 0,
            line_start: 0,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            tokens: Vec::new(),
            at_line_start: true,
            line_first_token: 0,
            seen_assign: false,
            ipython,
            failed: false,
        }
    }

    fn pos(&self) -> Pos {
        Pos { line: self.line, col: self.col, offset: self.i as u32 }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.i..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.i..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 0;
            self.line_start = self.i;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, kind: TokenKind, start: Pos) {
        let end = self.pos();
        self.tokens.push(Token { kind, start, end, level: self.parens.len() as u32 });
    }

    /// The current line's text without newline (the tokenizer's error text).
    fn current_line_text(&self) -> String {
        let rest = &self.src[self.line_start..];
        rest.split('\n').next().unwrap_or("").to_string()
    }

    /// A tokenizer `syntaxerror()`: the column is the current position (1-based
    /// offset = characters before the cursor), the text the current line.
    fn error_here(&mut self, msg: impl Into<String>) {
        let col = self.col;
        self.error_at_cols(msg, col, col);
    }

    fn error_at_cols(&mut self, msg: impl Into<String>, offset: u32, end_offset: u32) {
        let text = self.current_line_text();
        let err = SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            msg,
            (self.line, offset),
            (self.line, end_offset),
            text,
        );
        self.fail(err);
    }

    fn fail(&mut self, err: SyntaxError) {
        let pos = self.pos();
        self.tokens.push(Token { kind: TokenKind::Error(Box::new(err)), start: pos, end: pos, level: 0 });
        self.failed = true;
    }

    fn run(&mut self) {
        if let Some(nul) = self.src.find('\0') {
            let pos = self.source.pos_at(nul);
            let err = SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "source code string cannot contain null bytes",
                (pos.line, 0),
                (pos.line, 0),
                String::new(),
            );
            self.fail(err);
            return;
        }
        while !self.failed {
            if self.at_line_start && self.parens.is_empty() {
                if !self.line_start_indentation() {
                    break;
                }
                continue;
            }
            self.skip_blanks();
            let Some(c) = self.peek() else { break };
            self.token(c);
        }
        if !self.failed {
            self.end_of_input();
        }
    }

    fn skip_blanks(&mut self) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\x0c' {
                self.bump();
            } else {
                break;
            }
        }
    }

    /// Handles indentation at the start of a line. Returns false at end of input.
    fn line_start_indentation(&mut self) -> bool {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let line_begin = self.pos();
        loop {
            match self.peek() {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.bump();
        }
        let Some(c) = self.peek() else {
            return false;
        };
        if c == '#' || c == '\n' {
            // A blank or comment-only line: no tokens, no indentation change.
            while let Some(c) = self.peek() {
                if c == '\n' {
                    break;
                }
                self.bump();
            }
            self.bump();
            return true;
        }
        if c == '\\' && self.peek_at(1) == Some('\n') {
            // Indentation followed by a continuation: CPython takes the level from
            // the whitespace before the first backslash.
            self.bump();
            self.bump();
            if self.peek().is_none() {
                self.eof_in_continuation();
                return false;
            }
            self.skip_blanks();
        }
        let (cur_col, cur_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == cur_col {
            if altcol != cur_alt {
                self.tab_error();
                return false;
            }
        } else if col > cur_col {
            if self.indents.len() >= MAX_INDENT {
                let text = self.current_line_text();
                let err = SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    (self.line, 1),
                    (self.line, 0),
                    text,
                );
                self.fail(err);
                return false;
            }
            if altcol <= cur_alt {
                self.tab_error();
                return false;
            }
            self.indents.push((col, altcol));
            let end = self.pos();
            self.tokens.push(Token { kind: TokenKind::Indent, start: line_begin, end, level: 0 });
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents.last().map(|x| x.0).unwrap_or(0) {
                self.indents.pop();
                dedents += 1;
            }
            let (new_col, new_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != new_col {
                let line_len = self.current_line_text().chars().count() as u32;
                let text = format!("{}\n", self.current_line_text());
                let err = SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    (self.line, line_len + 1),
                    (self.line, END_OFFSET_MINUS_ONE),
                    text,
                );
                self.fail(err);
                return false;
            }
            if altcol != new_alt {
                self.tab_error();
                return false;
            }
            let at = self.pos();
            for _ in 0..dedents {
                self.tokens.push(Token { kind: TokenKind::Dedent, start: at, end: at, level: 0 });
            }
        }
        self.at_line_start = false;
        self.line_first_token = self.tokens.len();
        self.seen_assign = false;
        if self.ipython && matches!(c, '!' | '?' | '%' | ',' | ';' | '/') {
            self.escape_line();
        }
        true
    }

    fn tab_error(&mut self) {
        let text = format!("{}\n", self.current_line_text());
        let err = SyntaxError::new(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            (self.line, 1),
            (self.line, 0),
            text,
        );
        self.fail(err);
    }

    /// A backslash continuation at the end of the input: CPython reports the
    /// continued line, from its end.
    fn eof_in_continuation(&mut self) {
        let line = self.line.saturating_sub(1).max(1);
        let text = self.source.line(line).to_string();
        let len = text.chars().count() as u32;
        let err = SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            "unexpected EOF while parsing",
            (line, len + 1),
            (line, END_OFFSET_MINUS_ONE),
            format!("{}\n", text),
        );
        self.fail(err);
    }

    /// The raw extent of the physical line starting at the cursor, extended over
    /// lines ending in a backslash (IPython's `find_end_of_continued_line`): returns
    /// the end byte (before the final newline) and the assembled text.
    fn continued_line_extent(&self) -> (usize, String) {
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
    fn advance_to(&mut self, end: usize) {
        while self.i < end {
            if self.bump().is_none() {
                break;
            }
        }
    }

    /// A logical line starting with an IPython escape character.
    fn escape_line(&mut self) {
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

    fn token(&mut self, c: char) {
        let start = self.pos();
        match c {
            '#' => {
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.bump();
                }
            }
            '\n' => {
                if !self.parens.is_empty() {
                    self.bump();
                    return;
                }
                self.end_logical_line(start);
                self.bump();
                self.at_line_start = true;
            }
            '\\' => {
                self.bump();
                if self.peek() != Some('\n') {
                    let text = format!("{}\n", self.current_line_text());
                    let col = self.col + 1;
                    let err = SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        "unexpected character after line continuation character",
                        (self.line, col),
                        (self.line, 0),
                        text,
                    );
                    self.fail(err);
                    return;
                }
                self.bump();
                if self.peek().is_none() {
                    self.eof_in_continuation();
                }
            }
            '0'..='9' => self.number(start),
            '.' if matches!(self.peek_at(1), Some('0'..='9')) => self.number(start),
            '"' | '\'' => self.string(start, false, false, false, false),
            c if is_potential_identifier_start(c) => self.name_or_string(start),
            _ => self.operator(start, c),
        }
    }

    /// The end of a logical line: turn a trailing `?` into help, then NEWLINE.
    fn end_logical_line(&mut self, newline_pos: Pos) {
        self.check_help_end();
        let at = newline_pos;
        self.tokens.push(Token { kind: TokenKind::Newline, start: at, end: at, level: 0 });
    }

    /// IPython's HelpEnd: a logical line whose last token is `?` becomes a help
    /// request when its text ends in a dotted name and `?`/`??`.
    fn check_help_end(&mut self) {
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

    fn end_of_input(&mut self) {
        if let Some(&(ch, pos)) = self.parens.last() {
            let _ = ch;
            let err = SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                format!("'{}' was never closed", ch),
                (pos.line, pos.col + 1),
                (pos.line, 0),
                // Filled in by the parser (it knows how far the tokenizer read).
                String::new(),
            );
            let eof = self.pos();
            self.tokens.push(Token { kind: TokenKind::Error(Box::new(err)), start: eof, end: eof, level: 0 });
            self.failed = true;
            return;
        }
        let end = self.pos();
        if !self.at_line_start {
            self.check_help_end();
            self.tokens.push(Token { kind: TokenKind::Newline, start: end, end, level: 0 });
        }
        // CPython puts DEDENT/ENDMARKER after the last line.
        let eof = if self.src.ends_with('\n') || self.src.is_empty() {
            end
        } else {
            Pos { line: end.line + 1, col: 0, offset: end.offset }
        };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token { kind: TokenKind::Dedent, start: eof, end: eof, level: 0 });
        }
        self.tokens.push(Token { kind: TokenKind::EndMarker, start: eof, end: eof, level: 0 });
    }

    fn name_or_string(&mut self, start: Pos) {
        // String prefixes (CPython's combinations, any case).
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut k = 0;
        while let Some(c) = self.peek_at(k) {
            let lc = c.to_ascii_lowercase();
            if !(saw_b || saw_u || saw_f) && lc == 'b' {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && lc == 'u' {
                saw_u = true;
            } else if !(saw_r || saw_u) && lc == 'r' {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && lc == 'f' {
                saw_f = true;
            } else {
                break;
            }
            k += 1;
            if matches!(self.peek_at(k), Some('"') | Some('\'')) {
                for _ in 0..k {
                    self.bump();
                }
                self.string(start, saw_r, saw_b, saw_f, saw_u);
                return;
            }
        }
        let name_start = self.i;
        while let Some(c) = self.peek() {
            if is_potential_identifier_char(c) {
                self.bump();
            } else {
                break;
            }
        }
        let name = &self.src[name_start..self.i];
        if !name.is_ascii() {
            // CPython's verify_identifier: report the first character that cannot be
            // in an identifier.
            let mut bad: Option<(usize, char)> = None;
            for (idx, c) in name.chars().enumerate() {
                let ok = if idx == 0 { is_id_start(c) } else { is_id_continue(c) };
                if !ok {
                    bad = Some((idx, c));
                    break;
                }
            }
            if let Some((idx, c)) = bad {
                let col = start.col + idx as u32 + 1;
                let msg = if is_printable(c) {
                    format!("invalid character '{}' (U+{:04X})", c, c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                self.error_at_cols(msg, col, col);
                return;
            }
        }
        let kind = match Keyword::from_name(name) {
            Some(kw) => TokenKind::Keyword(kw),
            None => TokenKind::Name(name.to_string()),
        };
        self.push(kind, start);
    }

    fn string(&mut self, start: Pos, raw: bool, bytes: bool, fstring: bool, unicode: bool) {
        let Some(quote) = self.bump() else { return };
        let mut quote_len = 1u8;
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            self.bump();
            self.bump();
            quote_len = 3;
        }
        let body_start = self.pos();
        let first_line_start = self.line_start;
        let first_line = self.line;
        loop {
            let Some(c) = self.peek() else {
                self.unterminated_string(start, first_line, first_line_start, quote_len);
                return;
            };
            if c == '\n' && quote_len == 1 {
                self.unterminated_string(start, first_line, first_line_start, quote_len);
                return;
            }
            if c == quote {
                if quote_len == 1 {
                    break;
                }
                if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                    break;
                }
                self.bump();
                continue;
            }
            self.bump();
            if c == '\\' {
                match self.peek() {
                    Some(_) => {
                        self.bump();
                    }
                    None => {
                        self.unterminated_string(start, first_line, first_line_start, quote_len);
                        return;
                    }
                }
            }
        }
        let body = self.src[body_start.offset as usize..self.i].to_string();
        for _ in 0..quote_len {
            self.bump();
        }
        let tok = StringToken { raw, bytes, fstring, unicode, quote_len, quote, body, body_start };
        self.push(TokenKind::String(Box::new(tok)), start);
    }

    fn unterminated_string(&mut self, start: Pos, first_line: u32, first_line_start: usize, quote_len: u8) {
        // CPython reports from the string's start, "detected at" the current line.
        let detected = if self.peek().is_none() && self.src.ends_with('\n') && self.line > 1 {
            self.line - 1
        } else {
            self.line
        };
        let text = self.src[first_line_start..].split('\n').next().unwrap_or("").to_string();
        let msg = if quote_len == 3 {
            format!("unterminated triple-quoted string literal (detected at line {})", detected)
        } else {
            format!("unterminated string literal (detected at line {})", detected)
        };
        let col = start.col + 1;
        let err = SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, (first_line, col), (first_line, col), text);
        self.fail(err);
    }

    fn digits(&mut self, radix: u32) -> bool {
        // Returns false after reporting "invalid decimal literal" for a bad '_'.
        loop {
            while matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                self.bump();
            }
            if self.peek() != Some('_') {
                return true;
            }
            self.bump();
            if !matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                self.error_here("invalid decimal literal");
                return false;
            }
        }
    }

    /// CPython's `verify_end_of_number`: a letter right after a number is an error,
    /// except the keywords that may follow one (a warning in 3.11).
    fn verify_end_of_number(&mut self, kind: &str) -> bool {
        let Some(c) = self.peek() else { return true };
        let rest = &self.src[self.i..];
        let keyword_follows = match c {
            'a' => rest.starts_with("and"),
            'e' => rest.starts_with("else"),
            'f' => rest.starts_with("for"),
            'i' => matches!(self.peek_at(1), Some('f' | 'n' | 's')),
            'o' => rest.starts_with("or"),
            'n' => rest.starts_with("not"),
            _ => false,
        };
        if keyword_follows {
            return true;
        }
        if is_potential_identifier_char(c) {
            self.error_here(format!("invalid {} literal", kind));
            return false;
        }
        true
    }

    fn number(&mut self, start: Pos) {
        let text_start = self.i;
        let first = self.peek().unwrap_or('0');
        let second = self.peek_at(1).map(|c| c.to_ascii_lowercase());
        if first == '0' && matches!(second, Some('x') | Some('o') | Some('b')) {
            self.bump();
            self.bump();
            let (radix, name) = match second {
                Some('x') => (16, "hexadecimal"),
                Some('o') => (8, "octal"),
                _ => (2, "binary"),
            };
            loop {
                if self.peek() == Some('_') {
                    self.bump();
                }
                match self.peek() {
                    Some(c) if c.is_digit(radix) => {}
                    Some(c) if radix != 16 && c.is_ascii_digit() => {
                        self.bump();
                        self.error_here(format!("invalid digit '{}' in {} literal", c, name));
                        return;
                    }
                    _ => {
                        self.error_here(format!("invalid {} literal", name));
                        return;
                    }
                }
                while matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                    self.bump();
                }
                if self.peek() != Some('_') {
                    break;
                }
            }
            if radix != 16 {
                if let Some(c) = self.peek() {
                    if c.is_ascii_digit() {
                        self.bump();
                        self.error_here(format!("invalid digit '{}' in {} literal", c, name));
                        return;
                    }
                }
            }
            if !self.verify_end_of_number(name) {
                return;
            }
            let digits: String = self.src[text_start + 2..self.i].chars().filter(|&c| c != '_').collect();
            let kind = int_token(&digits, radix);
            self.push(kind, start);
            return;
        }
        let mut is_float = false;
        let mut is_imag = false;
        if first == '.' {
            // ".5"
            is_float = true;
            self.bump();
            if !self.digits(10) {
                return;
            }
        } else {
            let int_start = self.i;
            if !self.digits(10) {
                return;
            }
            let int_text = &self.src[int_start..self.i];
            let leading_zero_nonzero = int_text.starts_with('0') && int_text.chars().any(|c| c != '0' && c != '_');
            if self.peek() == Some('.') {
                is_float = true;
                self.bump();
                if matches!(self.peek(), Some('0'..='9')) && !self.digits(10) {
                    return;
                }
            } else if leading_zero_nonzero && !matches!(self.peek(), Some('e' | 'E' | 'j' | 'J')) {
                // Old-style octal: the range covers the leading zeros.
                let zeros = int_text.chars().take_while(|&c| c == '0' || c == '_').count() as u32;
                let from = start.col + 1;
                let to = start.col + zeros + 1;
                self.error_at_cols(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    from,
                    to,
                );
                return;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let e_pos = (self.i, self.line, self.col);
            self.bump();
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
                if !matches!(self.peek(), Some('0'..='9')) {
                    self.error_here("invalid decimal literal");
                    return;
                }
            } else if !matches!(self.peek(), Some('0'..='9')) {
                // "1e" followed by something that is not an exponent: back up to the 'e'.
                self.i = e_pos.0;
                self.line = e_pos.1;
                self.col = e_pos.2;
                if !self.verify_end_of_number("decimal") {
                    return;
                }
                self.finish_number(start, text_start, is_float, false);
                return;
            }
            is_float = true;
            if !self.digits(10) {
                return;
            }
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            is_imag = true;
            if !self.verify_end_of_number("imaginary") {
                return;
            }
        } else if !self.verify_end_of_number("decimal") {
            return;
        }
        self.finish_number(start, text_start, is_float, is_imag);
    }

    fn finish_number(&mut self, start: Pos, text_start: usize, is_float: bool, is_imag: bool) {
        let text: String = self.src[text_start..self.i].chars().filter(|&c| c != '_').collect();
        let kind = if is_imag {
            let body = &text[..text.len() - 1];
            TokenKind::Imaginary(body.parse::<f64>().unwrap_or(f64::INFINITY))
        } else if is_float {
            TokenKind::Float(text.parse::<f64>().unwrap_or(f64::INFINITY))
        } else {
            int_token(&text, 10)
        };
        self.push(kind, start);
    }

    fn operator(&mut self, start: Pos, c: char) {
        let rest = &self.src[self.i..];
        const THREE: [(&str, Op); 5] = [
            ("**=", Op::DoubleStarEqual),
            ("//=", Op::DoubleSlashEqual),
            (">>=", Op::RShiftEqual),
            ("<<=", Op::LShiftEqual),
            ("...", Op::Ellipsis),
        ];
        const TWO: [(&str, Op); 21] = [
            ("!=", Op::NotEqual),
            ("%=", Op::PercentEqual),
            ("&=", Op::AmperEqual),
            ("**", Op::DoubleStar),
            ("*=", Op::StarEqual),
            ("+=", Op::PlusEqual),
            ("-=", Op::MinusEqual),
            ("->", Op::Arrow),
            ("//", Op::DoubleSlash),
            ("/=", Op::SlashEqual),
            (":=", Op::ColonEqual),
            ("<<", Op::LShift),
            ("<=", Op::LessEqual),
            ("<>", Op::NotEqual),
            ("==", Op::EqEqual),
            (">=", Op::GreaterEqual),
            (">>", Op::RShift),
            ("@=", Op::AtEqual),
            ("^=", Op::CircumflexEqual),
            ("|=", Op::VBarEqual),
            ("!!", Op::Bang),
        ];
        let mut found: Option<(usize, Op)> = None;
        for (s, op) in THREE {
            if rest.starts_with(s) {
                found = Some((3, op));
                break;
            }
        }
        if found.is_none() {
            for (s, op) in TWO {
                if s == "<>" || s == "!!" {
                    continue;
                }
                if rest.starts_with(s) {
                    found = Some((2, op));
                    break;
                }
            }
        }
        if found.is_none() {
            let op = match c {
                '(' => Op::LPar,
                ')' => Op::RPar,
                '[' => Op::LSqb,
                ']' => Op::RSqb,
                '{' => Op::LBrace,
                '}' => Op::RBrace,
                ',' => Op::Comma,
                ':' => Op::Colon,
                ';' => Op::Semi,
                '.' => Op::Dot,
                '+' => Op::Plus,
                '-' => Op::Minus,
                '*' => Op::Star,
                '/' => Op::Slash,
                '%' => Op::Percent,
                '@' => Op::At,
                '&' => Op::Amper,
                '|' => Op::VBar,
                '^' => Op::Circumflex,
                '~' => Op::Tilde,
                '<' => Op::Less,
                '>' => Op::Greater,
                '=' => Op::Equal,
                '!' => Op::Bang,
                '?' => Op::Question,
                '$' => Op::Dollar,
                '`' => Op::Backtick,
                _ => {
                    self.bump();
                    let col = self.col;
                    let msg = if is_printable(c) {
                        format!("invalid character '{}' (U+{:04X})", c, c as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", c as u32)
                    };
                    self.error_at_cols(msg, col, col);
                    return;
                }
            };
            found = Some((1, op));
        }
        let Some((len, op)) = found else { return };
        for _ in 0..len {
            self.bump();
        }
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    self.error_here("too many nested parentheses");
                    return;
                }
                self.parens.push((c, start));
            }
            Op::RPar | Op::RSqb | Op::RBrace => match self.parens.pop() {
                None => {
                    self.error_here(format!("unmatched '{}'", c));
                    return;
                }
                Some((open, open_pos)) => {
                    let matching = matches!((open, c), ('(', ')') | ('[', ']') | ('{', '}'));
                    if !matching {
                        let msg = if open_pos.line != self.line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c, open, open_pos.line
                            )
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c, open)
                        };
                        self.error_here(msg);
                        return;
                    }
                }
            },
            _ => {}
        }
        self.push(TokenKind::Op(op), start);
        if op == Op::Equal && self.parens.is_empty() && !self.seen_assign {
            self.seen_assign = true;
            if self.ipython {
                self.assignment_escape(start);
            }
        }
    }

    /// IPython's `x = !cmd` and `x = %magic args` (the first `=` of the logical line,
    /// outside brackets).
    fn assignment_escape(&mut self, eq_pos: Pos) {
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

fn int_token(digits: &str, radix: u32) -> TokenKind {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => TokenKind::Int(v),
        Err(_) => match BigInt::parse_bytes(digits.as_bytes(), radix) {
            Some(b) => TokenKind::BigInt(b),
            None => TokenKind::Int(0),
        },
    }
}
