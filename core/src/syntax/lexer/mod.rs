//! The tokenizer: CPython 3.11's rules (INDENT/DEDENT, implicit joining inside
//! brackets, backslash continuations, string prefixes, numeric literals) and its error
//! messages, plus IPython's line forms (`!cmd`, `%magic`, `obj?`, `x = !cmd`), which
//! IPython recognises from the tokens of each logical line.
//!
//! The lexer runs to the end or to its first error, which becomes a final
//! [`TokenKind::Error`] token: the parser reports it only if it gets that far, so an
//! earlier syntax error wins, as in CPython whose parser pulls tokens lazily.

mod ipython_forms;
mod literals;

use super::ast::Pos;
use super::error::{SyntaxError, SyntaxErrorKind, END_OFFSET_MINUS_ONE};
use super::source::SourceText;
use super::token::{Op, Token, TokenKind};

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
    c == '_'
        || c.is_alphanumeric()
        || matches!(
            c as u32,
            0x300..=0x36F | 0x200C | 0x200D | 0xB7 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF
        )
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
        let err =
            SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, (self.line, offset), (self.line, end_offset), text);
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
}
