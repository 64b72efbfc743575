//! The parser: recursive descent for statements, precedence climbing for binary
//! operators, with CPython 3.11's error messages and positions for the common
//! mistakes (its grammar's `invalid_*` rules), checked against `compile()`.

mod args;
mod compound;
mod displays;
mod expr;
mod stmt;
mod targets;

use std::collections::HashSet;

use super::ast::{Expr, Module, Pos, Span};
use super::error::{SyntaxError, SyntaxErrorKind, END_OFFSET_MINUS_ONE};
use super::source::SourceText;
use super::token::{Keyword, Op, Token, TokenKind};

pub(crate) use targets::expr_name;

/// How deep expressions (and the parser's recursion) may nest.
pub const MAX_NESTING: u32 = 1000;

/// Why parsing stopped.
#[derive(Debug, Clone)]
pub(crate) enum Fail {
    /// No rule matched: "invalid syntax" at the furthest token read.
    Generic,
    /// A specific message (CPython's `invalid_*` rules and parser actions).
    Special(Box<SyntaxError>),
    /// The parser reached a token the tokenizer could not make.
    Tokenizer(Box<SyntaxError>),
}

pub(crate) type PResult<T> = Result<T, Fail>;

/// A span from two positions.
pub(crate) fn span_of(start: Pos, end: Pos) -> Span {
    Span { start, end }
}

pub(crate) struct Parser<'s> {
    tokens: Vec<Token>,
    pos: usize,
    furthest: usize,
    source: &'s SourceText,
    depth: u32,
    /// Spans (start, end offsets) of expressions written in parentheses.
    parenthesized: HashSet<(u32, u32)>,
}

impl<'s> Parser<'s> {
    pub(crate) fn new(tokens: Vec<Token>, source: &'s SourceText) -> Parser<'s> {
        Parser { tokens, pos: 0, furthest: 0, source, depth: 0, parenthesized: HashSet::new() }
    }

    pub(crate) fn with_depth(tokens: Vec<Token>, source: &'s SourceText, depth: u32) -> Parser<'s> {
        let mut p = Parser::new(tokens, source);
        p.depth = depth;
        p
    }

    pub(crate) fn depth_for_subparse(&self) -> u32 {
        self.depth
    }

    pub(crate) fn source(&self) -> &'s SourceText {
        self.source
    }

    // ----- token access -------------------------------------------------------

    fn index(&mut self, k: usize) -> usize {
        let last = self.tokens.len().saturating_sub(1);
        let i = (self.pos + k).min(last);
        if i > self.furthest {
            self.furthest = i;
        }
        i
    }

    /// The current token (recording how far the parser has looked).
    pub(crate) fn peek(&mut self) -> &Token {
        let i = self.index(0);
        &self.tokens[i]
    }

    /// The token `k` places ahead.
    pub(crate) fn peek_at(&mut self, k: usize) -> &Token {
        let i = self.index(k);
        &self.tokens[i]
    }

    /// Consumes and returns the current token (never moves past the last one).
    pub(crate) fn bump(&mut self) -> Token {
        let i = self.index(0);
        let tok = self.tokens[i].clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        tok
    }

    /// The end of the previously consumed token.
    pub(crate) fn prev_end(&self) -> Pos {
        if self.pos == 0 {
            return Pos { line: 1, col: 0, offset: 0 };
        }
        self.tokens[self.pos - 1].end
    }

    pub(crate) fn at_op(&mut self, op: Op) -> bool {
        self.peek().is_op(op)
    }

    pub(crate) fn at_kw(&mut self, kw: Keyword) -> bool {
        self.peek().is_kw(kw)
    }

    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    pub(crate) fn eat_kw(&mut self, kw: Keyword) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes `op` or fails (generic "invalid syntax" at the furthest token).
    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            Err(self.generic())
        }
    }

    pub(crate) fn expect_kw(&mut self, kw: Keyword) -> PResult<Token> {
        if self.at_kw(kw) {
            Ok(self.bump())
        } else {
            Err(self.generic())
        }
    }

    /// A generic failure, or the tokenizer's error when the current token is one.
    pub(crate) fn generic(&mut self) -> Fail {
        if let TokenKind::Error(e) = &self.peek().kind {
            return Fail::Tokenizer(e.clone());
        }
        Fail::Generic
    }

    /// Fails if the current token is a tokenizer error.
    pub(crate) fn check_error_token(&mut self) -> PResult<()> {
        if let TokenKind::Error(e) = &self.peek().kind {
            return Err(Fail::Tokenizer(e.clone()));
        }
        Ok(())
    }

    pub(crate) fn expect_name(&mut self) -> PResult<(String, Span)> {
        let tok = self.peek().clone();
        let sp = tok.span();
        match tok.kind {
            TokenKind::Name(n) => {
                self.bump();
                Ok((n, sp))
            }
            _ => Err(self.generic()),
        }
    }

    // ----- nesting ------------------------------------------------------------

    pub(crate) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    pub(crate) fn recursion_error(&mut self) -> Fail {
        let tok = self.peek().clone();
        let mut err = self.error_at_span(tok.span(), "maximum recursion depth exceeded during compilation");
        err.kind = SyntaxErrorKind::RecursionError;
        Fail::Special(Box::new(err))
    }

    /// Checks that a loop-built expression is not deeper than the limit allows.
    pub(crate) fn check_height(&mut self, height: u32) -> PResult<()> {
        if height + self.depth > MAX_NESTING {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    // ----- errors -------------------------------------------------------------

    /// A `SyntaxError` covering `span` (text filled in by [`Parser::finish_error`]).
    pub(crate) fn error_at_span(&self, span: Span, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            msg,
            (span.start.line, span.start.col + 1),
            (span.end.line, span.end.col + 1),
            String::new(),
        )
    }

    pub(crate) fn special(&self, span: Span, msg: impl Into<String>) -> Fail {
        Fail::Special(Box::new(self.error_at_span(span, msg)))
    }

    pub(crate) fn special_from(&self, start: Pos, end: Pos, msg: impl Into<String>) -> Fail {
        self.special(Span { start, end }, msg)
    }

    /// An IndentationError at a token, positioned as CPython's `_PyPegen_raise_error`
    /// does for the last token read.
    pub(crate) fn indentation_error_at_token(&mut self, tok: &Token, msg: impl Into<String>) -> Fail {
        let (line, offset, end_line, end_offset) = self.token_error_range(tok);
        Fail::Special(Box::new(SyntaxError::new(
            SyntaxErrorKind::IndentationError,
            msg,
            (line, offset),
            (end_line, end_offset),
            String::new(),
        )))
    }

    /// CPython's `RAISE_SYNTAX_ERROR(msg)`: at the last token read.
    pub(crate) fn error_at_furthest(&mut self, msg: impl Into<String>) -> Fail {
        let i = self.furthest.min(self.tokens.len() - 1);
        let tok = self.tokens[i].clone();
        self.error_at_token(&tok, msg)
    }

    /// CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token, msg)`: the token's own
    /// columns (INDENT/DEDENT/ENDMARKER have none: 0 and 0).
    pub(crate) fn error_known_at_token(&mut self, tok: &Token, msg: impl Into<String>) -> Fail {
        let (line, offset, end_line, end_offset) = self.token_known_range(tok);
        Fail::Special(Box::new(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            msg,
            (line, offset),
            (end_line, end_offset),
            String::new(),
        )))
    }

    fn token_known_range(&self, tok: &Token) -> (u32, u32, u32, u32) {
        if self.is_eof_token(tok) {
            let last = self.last_line();
            return (last, 0, last, 0);
        }
        match tok.kind {
            TokenKind::Indent | TokenKind::Dedent => (tok.end.line, 0, tok.end.line, 0),
            _ => (tok.start.line, tok.start.col + 1, tok.end.line, tok.end.col + 1),
        }
    }

    /// A SyntaxError at a token, positioned like CPython's errors at the last token.
    pub(crate) fn error_at_token(&mut self, tok: &Token, msg: impl Into<String>) -> Fail {
        let (line, offset, end_line, end_offset) = self.token_error_range(tok);
        Fail::Special(Box::new(SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            msg,
            (line, offset),
            (end_line, end_offset),
            String::new(),
        )))
    }

    fn is_eof_token(&self, tok: &Token) -> bool {
        matches!(tok.kind, TokenKind::EndMarker)
            || (matches!(tok.kind, TokenKind::Dedent) && tok.start.offset as usize >= self.source.text().len())
    }

    /// CPython's location of an error reported at a token: INDENT/DEDENT/ENDMARKER have
    /// no columns and report the tokenizer's cursor with an end of -1.
    pub(crate) fn token_error_range(&self, tok: &Token) -> (u32, u32, u32, u32) {
        if self.is_eof_token(tok) {
            let last = self.last_line();
            let len = self.source.line(last).chars().count() as u32;
            return (last, len + 1, last, END_OFFSET_MINUS_ONE);
        }
        match tok.kind {
            TokenKind::Indent | TokenKind::Dedent => (tok.end.line, tok.end.col, tok.end.line, END_OFFSET_MINUS_ONE),
            _ => (tok.start.line, tok.start.col + 1, tok.end.line, tok.end.col + 1),
        }
    }

    fn last_line(&self) -> u32 {
        self.source.line_count().max(1)
    }

    /// The line the tokenizer was on when the parser stopped.
    fn tokenizer_line(&self) -> u32 {
        let i = self.furthest.min(self.tokens.len().saturating_sub(1));
        let tok = &self.tokens[i];
        let line = if matches!(tok.kind, TokenKind::String(_)) { tok.end.line } else { tok.start.line };
        line.min(self.last_line())
    }

    /// Turns a failure into the error CPython reports, applying its precedence rules:
    /// a later tokenizer error (one CPython raises with `syntaxerror()`) replaces a
    /// parser error; an unclosed bracket does if the error is on a later line.
    pub(crate) fn finish_error(&mut self, fail: Fail) -> SyntaxError {
        let furthest_tok = self.tokens[self.furthest.min(self.tokens.len() - 1)].clone();
        let mut err = match fail {
            Fail::Tokenizer(e) => {
                let mut e = *e;
                if e.text.is_empty() && e.msg.ends_with("was never closed") {
                    e.text = self.text_for_line(e.lineno);
                }
                return e;
            }
            Fail::Special(e) => *e,
            Fail::Generic => {
                if let TokenKind::Error(e) = &furthest_tok.kind {
                    return self.finish_error(Fail::Tokenizer(e.clone()));
                }
                match furthest_tok.kind {
                    TokenKind::Indent => {
                        let (l, o, el, eo) = self.token_error_range(&furthest_tok);
                        let mut e = SyntaxError::new(
                            SyntaxErrorKind::IndentationError,
                            "unexpected indent",
                            (l, o),
                            (el, eo),
                            String::new(),
                        );
                        e.text = self.text_for_line(e.lineno);
                        return e;
                    }
                    TokenKind::Dedent if !self.is_eof_token(&furthest_tok) => {
                        let (l, o, el, eo) = self.token_error_range(&furthest_tok);
                        let mut e = SyntaxError::new(
                            SyntaxErrorKind::IndentationError,
                            "unexpected unindent",
                            (l, o),
                            (el, eo),
                            String::new(),
                        );
                        e.text = self.text_for_line(e.lineno);
                        return e;
                    }
                    _ => {}
                }
                let (l, o, el, eo) = self.token_known_range(&furthest_tok);
                SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", (l, o), (el, eo), String::new())
            }
        };
        if err.kind != SyntaxErrorKind::RecursionError {
            if let Some(last) = self.tokens.last() {
                if let TokenKind::Error(tok_err) = &last.kind {
                    if tok_err.msg.ends_with("was never closed") {
                        if self.tokenizer_line() > tok_err.lineno {
                            return self.finish_error(Fail::Tokenizer(tok_err.clone()));
                        }
                    } else if overrides_parser_errors(tok_err) {
                        return (**tok_err).clone();
                    }
                }
            }
        }
        if err.text.is_empty() {
            err.text = self.text_for_line(err.lineno);
        }
        err
    }

    /// The error text CPython attaches for a parser error on `lineno`: the line with
    /// its newline when the tokenizer is still on it, without otherwise.
    fn text_for_line(&self, lineno: u32) -> String {
        let tok_line = self.tokenizer_line();
        if lineno >= tok_line {
            // The tokenizer's buffer starts where a multi-line string ending on its
            // current line began.
            let upto = self.furthest.min(self.tokens.len() - 1);
            let first = self.tokens[..=upto]
                .iter()
                .rev()
                .take_while(|t| t.end.line >= tok_line)
                .filter(|t| matches!(t.kind, TokenKind::String(_)) && t.end.line == tok_line)
                .map(|t| t.start.line)
                .min()
                .unwrap_or(lineno);
            if first < lineno {
                let mut s = String::new();
                for l in first..=lineno {
                    s.push_str(self.source.line(l));
                    s.push('\n');
                }
                return s;
            }
            self.source.line_with_newline(lineno)
        } else {
            self.source.line(lineno).to_string()
        }
    }

    /// Parses a module; also returns the index of the furthest token read (for
    /// CPython's "incomplete input" test).
    pub(crate) fn parse_module_with_furthest(mut self) -> (Result<Module, SyntaxError>, usize) {
        let result = self.file();
        let furthest = self.furthest;
        let result = match result {
            Ok(m) => Ok(m),
            Err(f) => Err(self.finish_error(f)),
        };
        (result, furthest)
    }

    /// An `eval()` expression: `star_expressions` then the end.
    pub(crate) fn parse_eval_expression(&mut self) -> Result<Expr, SyntaxError> {
        let r = self.eval_input();
        r.map_err(|f| self.finish_error(f))
    }

    fn eval_input(&mut self) -> PResult<Expr> {
        let e = self.star_expressions()?;
        while matches!(self.peek().kind, TokenKind::Newline) {
            self.bump();
        }
        if !matches!(self.peek().kind, TokenKind::EndMarker) {
            return Err(self.generic());
        }
        Ok(e)
    }

    /// An f-string field: `(text)` as `star_expressions`.
    pub(crate) fn parse_fstring_field(&mut self) -> Result<Expr, SyntaxError> {
        let r = self.eval_input();
        r.map_err(|f| self.finish_error(f))
    }

    fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match &self.peek().kind {
                TokenKind::EndMarker => break,
                TokenKind::Newline => {
                    self.bump();
                }
                _ => {
                    let stmts = self.statement()?;
                    body.extend(stmts);
                }
            }
        }
        Ok(Module { body })
    }

    pub(crate) fn mark_parenthesized(&mut self, e: &Expr) {
        self.parenthesized.insert((e.span.start.offset, e.span.end.offset));
    }

    pub(crate) fn is_parenthesized_span(&self, span: Span) -> bool {
        self.parenthesized.contains(&(span.start.offset, span.end.offset))
    }

    /// The first token starting at or after `pos`.
    pub(crate) fn tokens_after(&self, pos: Pos) -> Token {
        let i = self.tokens.partition_point(|t| t.start.offset < pos.offset).min(self.tokens.len() - 1);
        self.tokens[i].clone()
    }

    pub(crate) fn is_parenthesized(&self, e: &Expr) -> bool {
        self.parenthesized.contains(&(e.span.start.offset, e.span.end.offset))
    }
}

/// Tokenizer errors CPython raises with an exception (and so let win over a parser
/// error found earlier), as opposed to the ones it signals through `tok->done`.
fn overrides_parser_errors(err: &SyntaxError) -> bool {
    !(err.kind == SyntaxErrorKind::TabError
        || err.kind == SyntaxErrorKind::IndentationError
        || err.msg == "unexpected EOF while parsing"
        || err.msg == "unexpected character after line continuation character")
}
