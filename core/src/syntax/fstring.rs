//! String literal atoms: concatenation, decoding, and f-strings as CPython 3.11
//! parses them (`fstring_find_literal` / `fstring_find_expr`): the replacement
//! fields' expressions are parsed as `(expr)` with the same parser.

use super::ast::{Constant, Expr, ExprKind, FStringPart};
use super::parser::{Fail, PResult, Parser};
use super::strings::{decode_bytes, decode_str};
use super::token::{StringToken, Token, TokenKind};

/// CPython's MAXLEVEL for brackets inside a replacement field.
const MAX_FIELD_NESTING: usize = 200;

impl<'s> Parser<'s> {
    /// One or more adjacent string literal tokens as a single atom.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let mut toks: Vec<Token> = Vec::new();
        while let TokenKind::String(_) = self.peek().kind {
            toks.push(self.bump());
        }
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Err(self.generic());
        };
        let (start, end) = (first.start, last.end);
        let strs: Vec<&StringToken> = toks
            .iter()
            .filter_map(|t| match &t.kind {
                TokenKind::String(s) => Some(&**s),
                _ => None,
            })
            .collect();
        let any_bytes = strs.iter().any(|s| s.bytes);
        let all_bytes = strs.iter().all(|s| s.bytes);
        if any_bytes && !all_bytes {
            return Err(self.error_at_furthest("cannot mix bytes and nonbytes literals"));
        }
        if all_bytes {
            let mut out = Vec::new();
            for (tok, s) in toks.iter().zip(&strs) {
                if !s.body.is_ascii() {
                    return Err(self.error_known_at_token(tok, "bytes can only contain ASCII literal characters"));
                }
                if s.raw {
                    out.extend_from_slice(s.body.as_bytes());
                } else {
                    match decode_bytes(&s.body) {
                        Ok(b) => out.extend(b),
                        Err(e) => return Err(self.error_at_furthest(e.msg)),
                    }
                }
            }
            return Ok(Expr {
                kind: ExprKind::Constant(Constant::Bytes(out)),
                span: super::parser::span_of(start, end),
            });
        }
        let any_f = strs.iter().any(|s| s.fstring);
        if !any_f {
            let mut out = String::new();
            for s in &strs {
                if s.raw {
                    out.push_str(&s.body);
                } else {
                    match decode_str(&s.body) {
                        Ok(d) => out.push_str(&d),
                        Err(e) => return Err(self.error_at_furthest(e.msg)),
                    }
                }
            }
            return Ok(Expr { kind: ExprKind::Constant(Constant::Str(out)), span: super::parser::span_of(start, end) });
        }
        let mut parts: Vec<FStringPart> = Vec::new();
        for (tok, s) in toks.iter().zip(&strs) {
            if s.fstring {
                let chars: Vec<(usize, char)> = s.body.char_indices().collect();
                let mut cursor = 0;
                let body_parts = self.fstring_parse(s, tok, &chars, &mut cursor, 0)?;
                for p in body_parts {
                    push_part(&mut parts, p);
                }
            } else {
                let text = if s.raw {
                    s.body.clone()
                } else {
                    decode_str(&s.body).map_err(|e| self.error_at_furthest(e.msg))?
                };
                push_part(&mut parts, FStringPart::Literal(text));
            }
        }
        Ok(Expr { kind: ExprKind::FString(parts), span: super::parser::span_of(start, end) })
    }

    /// Parses f-string text from `chars[*cursor..]` until the end or, in a format
    /// spec (`level` 1), a closing `}`.
    fn fstring_parse(
        &mut self,
        s: &StringToken,
        tok: &Token,
        chars: &[(usize, char)],
        cursor: &mut usize,
        level: u32,
    ) -> PResult<Vec<FStringPart>> {
        let mut parts = Vec::new();
        loop {
            // Literal text.
            let mut literal = String::new();
            while let Some(&(_, c)) = chars.get(*cursor) {
                if c == '{' || c == '}' {
                    if level == 0 {
                        if chars.get(*cursor + 1).map(|x| x.1) == Some(c) {
                            literal.push(c);
                            *cursor += 2;
                            continue;
                        }
                        if c == '}' {
                            return Err(self.error_at_furthest("f-string: single '}' is not allowed"));
                        }
                    }
                    break;
                }
                literal.push(c);
                *cursor += 1;
                if c == '\\' && !s.raw {
                    if let Some(&(_, n)) = chars.get(*cursor) {
                        // Keep escapes whole; `\N{name}` braces are not a field, and an
                        // escaped brace still is one (CPython warns).
                        if n == 'N' && chars.get(*cursor + 1).map(|x| x.1) == Some('{') {
                            literal.push('N');
                            *cursor += 1;
                            while let Some(&(_, x)) = chars.get(*cursor) {
                                literal.push(x);
                                *cursor += 1;
                                if x == '}' {
                                    break;
                                }
                            }
                        } else if n != '{' && n != '}' {
                            literal.push(n);
                            *cursor += 1;
                        }
                    }
                }
            }
            if !literal.is_empty() {
                let text =
                    if s.raw { literal } else { decode_str(&literal).map_err(|e| self.error_at_furthest(e.msg))? };
                push_part(&mut parts, FStringPart::Literal(text));
            }
            match chars.get(*cursor) {
                None => return Ok(parts),
                Some(&(_, '}')) => return Ok(parts), // end of a format spec
                Some(_) => {}
            }
            let field = self.fstring_field(s, tok, chars, cursor, level)?;
            parts.push(field);
        }
    }

    /// One `{expr[=][!conv][:spec]}` replacement field; the cursor is on the `{`.
    fn fstring_field(
        &mut self,
        s: &StringToken,
        tok: &Token,
        chars: &[(usize, char)],
        cursor: &mut usize,
        level: u32,
    ) -> PResult<FStringPart> {
        if level >= 2 {
            return Err(self.error_at_furthest("f-string: expressions nested too deeply"));
        }
        let brace_index = *cursor;
        *cursor += 1;
        let expr_start = *cursor;
        let mut quote: Option<(char, bool)> = None;
        let mut stack: Vec<char> = Vec::new();
        while let Some(&(_, ch)) = chars.get(*cursor) {
            if ch == '\\' {
                return Err(self.error_at_furthest("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if triple {
                        if chars.get(*cursor + 1).map(|x| x.1) == Some(ch)
                            && chars.get(*cursor + 2).map(|x| x.1) == Some(ch)
                        {
                            *cursor += 2;
                            quote = None;
                        }
                    } else {
                        quote = None;
                    }
                }
                *cursor += 1;
                continue;
            }
            let next = chars.get(*cursor + 1).map(|x| x.1);
            match ch {
                '\'' | '"' => {
                    if next == Some(ch) && chars.get(*cursor + 2).map(|x| x.1) == Some(ch) {
                        quote = Some((ch, true));
                        *cursor += 2;
                    } else {
                        quote = Some((ch, false));
                    }
                }
                '[' | '{' | '(' => {
                    if stack.len() >= MAX_FIELD_NESTING {
                        return Err(self.error_at_furthest("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                '#' => return Err(self.error_at_furthest("f-string expression part cannot include '#'")),
                '!' | ':' | '}' | '=' | '<' | '>' if stack.is_empty() => {
                    if next == Some('=') && matches!(ch, '!' | '=' | '<' | '>') {
                        *cursor += 2;
                        continue;
                    }
                    if ch == '<' || ch == '>' {
                        *cursor += 1;
                        continue;
                    }
                    break;
                }
                ']' | '}' | ')' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.error_at_furthest(format!("f-string: unmatched '{}'", ch)));
                    };
                    if !matches!((open, ch), ('(', ')') | ('[', ']') | ('{', '}')) {
                        return Err(self.error_at_furthest(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch, open
                        )));
                    }
                }
                _ => {}
            }
            *cursor += 1;
        }
        if quote.is_some() {
            return Err(self.error_at_furthest("f-string: unterminated string"));
        }
        if let Some(open) = stack.last() {
            return Err(self.error_at_furthest(format!("f-string: unmatched '{}'", open)));
        }
        if *cursor >= chars.len() {
            return Err(self.error_at_furthest("f-string: expecting '}'"));
        }
        let byte_at = |i: usize| chars.get(i).map(|x| x.0).unwrap_or(s.body.len());
        let expr_text = &s.body[byte_at(expr_start)..byte_at(*cursor)];
        if expr_text.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c')) {
            let after = chars.get(*cursor).map(|x| x.1);
            if let Some(c @ ('!' | ':' | '=')) = after {
                return Err(self.error_at_furthest(format!("f-string: expression required before '{}'", c)));
            }
            return Err(self.error_at_furthest("f-string: empty expression not allowed"));
        }
        let newlines_before =
            s.body[..byte_at(brace_index)].matches('\n').count() as u32 + (s.body_start.line - tok.start.line);
        let expr = self.fstring_expression(expr_text, s, byte_at(expr_start), tok, newlines_before)?;
        let mut debug_text = None;
        if chars.get(*cursor).map(|x| x.1) == Some('=') {
            *cursor += 1;
            while matches!(chars.get(*cursor).map(|x| x.1), Some(c) if c.is_ascii_whitespace()) {
                *cursor += 1;
            }
            if *cursor >= chars.len() {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            }
            debug_text = Some(s.body[byte_at(expr_start)..byte_at(*cursor)].to_string());
        }
        let mut conversion = None;
        if chars.get(*cursor).map(|x| x.1) == Some('!') {
            *cursor += 1;
            let Some(&(_, conv)) = chars.get(*cursor) else {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            };
            *cursor += 1;
            if !matches!(conv, 's' | 'r' | 'a') {
                return Err(self.error_at_furthest("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(conv);
        }
        let mut format_spec = None;
        if chars.get(*cursor).map(|x| x.1) == Some(':') {
            *cursor += 1;
            if *cursor >= chars.len() {
                return Err(self.error_at_furthest("f-string: expecting '}'"));
            }
            format_spec = Some(self.fstring_parse(s, tok, chars, cursor, level + 1)?);
        }
        if chars.get(*cursor).map(|x| x.1) != Some('}') {
            return Err(self.error_at_furthest("f-string: expecting '}'"));
        }
        *cursor += 1;
        Ok(FStringPart::Formatted { expr: Box::new(expr), conversion, format_spec, debug_text })
    }

    /// Parses a replacement field's expression text as CPython does: `(text)` with
    /// the f-string grammar, errors prefixed with "f-string: ".
    fn fstring_expression(
        &mut self,
        text: &str,
        s: &StringToken,
        body_offset: usize,
        tok: &Token,
        newlines_before: u32,
    ) -> PResult<Expr> {
        let real_start = s.body_start.offset as usize + body_offset;
        let nesting = self.depth_for_subparse();
        match super::parse_fstring_expression(text, self.source(), real_start, nesting) {
            Ok(e) => Ok(e),
            Err((mut err, from_tokenizer)) => {
                if err.kind != super::SyntaxErrorKind::RecursionError && !from_tokenizer {
                    err.msg = format!("f-string: {}", err.msg);
                }
                let shift = tok.start.line + newlines_before - 1;
                err.lineno += shift;
                err.end_lineno += shift;
                Err(Fail::Special(Box::new(err)))
            }
        }
    }
}

fn push_part(parts: &mut Vec<FStringPart>, part: FStringPart) {
    if let FStringPart::Literal(text) = &part {
        if text.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
            prev.push_str(text);
            return;
        }
    }
    parts.push(part);
}
