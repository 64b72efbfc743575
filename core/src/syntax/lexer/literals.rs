//! Names, string literals and numbers: CPython's prefix rules, unterminated-string
//! errors and numeric literal checks (`verify_end_of_number`, leading zeros, digit
//! separators).

use num_bigint::BigInt;

use super::{is_id_continue, is_id_start, is_potential_identifier_char, is_printable, Lexer};
use crate::syntax::ast::Pos;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::{Keyword, StringToken, TokenKind};

impl<'s> Lexer<'s> {
    pub(super) fn name_or_string(&mut self, start: Pos) {
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

    pub(super) fn string(&mut self, start: Pos, raw: bool, bytes: bool, fstring: bool, unicode: bool) {
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

    pub(super) fn unterminated_string(&mut self, start: Pos, first_line: u32, first_line_start: usize, quote_len: u8) {
        // CPython reports from the string's start, "detected at" the current line.
        let detected =
            if self.peek().is_none() && self.src.ends_with('\n') && self.line > 1 { self.line - 1 } else { self.line };
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

    pub(super) fn digits(&mut self, radix: u32) -> bool {
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
    pub(super) fn verify_end_of_number(&mut self, kind: &str) -> bool {
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

    pub(super) fn number(&mut self, start: Pos) {
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

    pub(super) fn finish_number(&mut self, start: Pos, text_start: usize, is_float: bool, is_imag: bool) {
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
