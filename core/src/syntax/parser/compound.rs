//! Compound statements (`if`, `while`, `for`, `with`, `try`, `def`, `class`,
//! decorators) and their blocks, with CPython's "expected ':'" and "expected an
//! indented block after ..." errors.

use super::expr::{mk, span};
use super::stmt::stmt;
use super::targets::TargetContext;
use super::{Fail, PResult, Parser};
use crate::syntax::ast::{ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Pos, Stmt, StmtKind, WithItem};
use crate::syntax::token::{Keyword, Op, TokenKind};

impl<'s> Parser<'s> {
    /// The end of a compound statement just parsed: the end of its last token
    /// before the closing DEDENT (CPython's `end_lineno`/`end_col_offset`).
    pub(super) fn compound_end(&self) -> Pos {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            match self.tokens[i].kind {
                TokenKind::Dedent | TokenKind::Newline | TokenKind::Indent => continue,
                _ => return self.tokens[i].end,
            }
        }
        self.prev_end()
    }

    /// After a compound statement header's `:`: an indented block or statements on
    /// the same line. `what` names the statement for the IndentationError.
    pub(super) fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !matches!(self.peek().kind, TokenKind::Newline) {
            return self.simple_stmts();
        }
        self.bump();
        if !matches!(self.peek().kind, TokenKind::Indent) {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.indentation_error_at_token(
                &tok,
                format!("expected an indented block after {} on line {}", what, line),
            ));
        }
        self.bump();
        let mut body = Vec::new();
        loop {
            match self.peek().kind {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndMarker => break,
                _ => body.extend(self.statement()?),
            }
        }
        Ok(body)
    }

    /// Expects the `:` of a header: `forced` headers (def, try, else, finally) say
    /// "expected ':'" at any other token, the others only at the end of the line.
    pub(super) fn header_colon(&mut self, forced: bool) -> PResult<()> {
        if self.at_op(Op::Colon) {
            self.bump();
            return Ok(());
        }
        self.check_error_token()?;
        let tok = self.peek().clone();
        if forced || matches!(tok.kind, TokenKind::Newline) {
            return Err(self.error_known_at_token(&tok, "expected ':'"));
        }
        Err(self.generic())
    }

    pub(super) fn if_stmt(&mut self, kw_kind: Keyword) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.header_colon(false)?;
        let what = if kw_kind == Keyword::If { "'if' statement" } else { "'elif' statement" };
        let body = self.block(what, kw.start.line)?;
        let mut orelse = Vec::new();
        if self.at_kw(Keyword::Elif) {
            orelse.push(self.if_stmt(Keyword::Elif)?);
        } else if self.at_kw(Keyword::Else) {
            orelse = self.else_block()?;
        }
        let end = self.compound_end();
        Ok(stmt(StmtKind::If { test, body, orelse }, kw.start, end))
    }

    pub(super) fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let kw = self.bump();
        self.header_colon(true)?;
        self.block("'else' statement", kw.start.line)
    }

    pub(super) fn while_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.header_colon(false)?;
        let body = self.block("'while' statement", kw.start.line)?;
        let orelse = if self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let end = self.compound_end();
        Ok(stmt(StmtKind::While { test, body, orelse }, kw.start, end))
    }

    pub(super) fn for_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let target = self.target_list(TargetContext::For)?;
        if !self.at_kw(Keyword::In) {
            return Err(self.generic());
        }
        self.bump();
        let iter = self.star_expressions()?;
        self.header_colon(true)?;
        let body = self.block("'for' statement", kw.start.line)?;
        let orelse = if self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let end = self.compound_end();
        Ok(stmt(StmtKind::For { target, iter, body, orelse }, kw.start, end))
    }

    pub(super) fn with_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let mut items = Vec::new();
        // `with (a as b, c):` — parenthesized items.
        let save = self.pos;
        let mut parsed = false;
        if self.at_op(Op::LPar) {
            self.bump();
            let attempt = self.with_items(Some(Op::RPar));
            match attempt {
                Ok(its) if self.at_op(Op::RPar) && self.peek_at(1).is_op(Op::Colon) => {
                    self.bump();
                    items = its;
                    parsed = true;
                }
                Err(f @ Fail::Special(_)) => return Err(f),
                _ => self.pos = save,
            }
        }
        if !parsed {
            items = self.with_items(None)?;
        }
        self.header_colon(false)?;
        let body = self.block("'with' statement", kw.start.line)?;
        let end = self.compound_end();
        Ok(stmt(StmtKind::With { items, body }, kw.start, end))
    }

    pub(super) fn with_items(&mut self, close: Option<Op>) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let mut target = None;
            if self.eat_kw(Keyword::As) {
                let t = self.target_list_single()?;
                let next = self.peek().clone();
                let at_end = matches!(next.kind, TokenKind::Newline);
                if at_end || next.is_op(Op::Comma) || next.is_op(Op::RPar) || next.is_op(Op::Colon) {
                    self.check_target(&t, TargetContext::Assign)?;
                } else {
                    return Err(self.generic());
                }
                target = Some(t);
            }
            items.push(WithItem { context, target });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if let Some(c) = close {
                if self.at_op(c) {
                    break;
                }
            }
        }
        Ok(items)
    }

    pub(super) fn target_list_single(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Starred(Box::new(value)), star.start, end));
        }
        self.expression()
    }

    pub(super) fn try_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        self.header_colon(true)?;
        let body = self.block("'try' statement", kw.start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw(Keyword::Except) {
            handlers.push(self.except_clause()?);
        }
        let orelse = if !handlers.is_empty() && self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let mut finalbody = Vec::new();
        if self.at_kw(Keyword::Finally) {
            let fkw = self.bump();
            self.header_colon(true)?;
            finalbody = self.block("'finally' statement", fkw.start.line)?;
        } else if handlers.is_empty() {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.error_at_token(&tok, "expected 'except' or 'finally' block"));
        }
        let end = self.compound_end();
        Ok(stmt(StmtKind::Try { body, handlers, orelse, finalbody }, kw.start, end))
    }

    pub(super) fn except_clause(&mut self) -> PResult<ExceptHandler> {
        let kw = self.bump();
        let mut class = None;
        let mut name = None;
        if !self.at_op(Op::Colon) {
            if matches!(self.peek().kind, TokenKind::Newline) {
                let tok = self.peek().clone();
                return Err(self.error_known_at_token(&tok, "expected ':'"));
            }
            let c = self.expression()?;
            if self.at_op(Op::Comma) {
                let save = self.pos;
                self.bump();
                let rest = self.expression();
                let ok_shape = rest.is_ok() && (self.at_op(Op::Colon) || self.at_kw(Keyword::As));
                if ok_shape {
                    let end = self.prev_end();
                    return Err(self.special_from(c.span.start, end, "multiple exception types must be parenthesized"));
                }
                self.pos = save;
            }
            class = Some(c);
            if self.eat_kw(Keyword::As) {
                name = Some(self.expect_name()?.0);
            }
        }
        self.header_colon(false)?;
        let body = self.block("'except' statement", kw.start.line)?;
        let end = self.compound_end();
        Ok(ExceptHandler { class, name, body, span: span(kw.start, end) })
    }

    pub(super) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.at_op(Op::At) {
            self.bump();
            decorators.push(self.named_expression()?);
            if !matches!(self.peek().kind, TokenKind::Newline) {
                return Err(self.generic());
            }
            self.bump();
        }
        let tok = self.peek().clone();
        match tok.kind {
            TokenKind::Keyword(Keyword::Def) => self.def_stmt(decorators, None),
            TokenKind::Keyword(Keyword::Class) => self.class_stmt(decorators),
            TokenKind::Keyword(Keyword::Async) if self.peek_at(1).is_kw(Keyword::Def) => {
                self.bump();
                self.def_stmt(decorators, Some(tok.start))
            }
            _ => Err(self.generic()),
        }
    }

    pub(super) fn def_stmt(&mut self, decorators: Vec<Expr>, async_start: Option<Pos>) -> PResult<Stmt> {
        let kw = self.bump();
        let (name, name_span) = self.expect_name()?;
        if !self.at_op(Op::LPar) {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.error_known_at_token(&tok, "expected '('"));
        }
        self.bump();
        let params = self.parameters(false)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::Arrow) { Some(self.expression()?) } else { None };
        self.header_colon(true)?;
        let body = self.block("function definition", kw.start.line)?;
        let end = self.compound_end();
        let def = FunctionDef { name, params, body, decorators, returns, name_span };
        Ok(stmt(StmtKind::FunctionDef(Box::new(def)), async_start.unwrap_or(kw.start), end))
    }

    pub(super) fn class_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let kw = self.bump();
        let (name, _) = self.expect_name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat_op(Op::LPar) {
            let args = self.call_arguments()?;
            if let [crate::syntax::ast::Arg::Positional(Expr { kind: ExprKind::GeneratorExp { elt, .. }, span })] =
                args.as_slice()
            {
                if !self.is_parenthesized_span(*span) {
                    // `class C(x for x in y)`: CPython fails at the `for`.
                    let at = self.tokens_after(elt.span.end);
                    return Err(self.error_known_at_token(&at, "invalid syntax"));
                }
            }
            for arg in args {
                match arg {
                    crate::syntax::ast::Arg::Positional(e) => bases.push(e),
                    crate::syntax::ast::Arg::Starred(e) => {
                        let sp = e.span;
                        bases.push(Expr { kind: ExprKind::Starred(Box::new(e)), span: sp });
                    }
                    crate::syntax::ast::Arg::Keyword(k) => keywords.push(k),
                    crate::syntax::ast::Arg::DoubleStarred(e) => {
                        keywords.push(crate::syntax::ast::Keyword { name: String::new(), span: e.span, value: e })
                    }
                }
            }
            self.expect_op(Op::RPar)?;
        }
        self.header_colon(false)?;
        let body = self.block("class definition", kw.start.line)?;
        let end = self.compound_end();
        let class = ClassDef { name, bases, keywords, body, decorators };
        Ok(stmt(StmtKind::ClassDef(Box::new(class)), kw.start, end))
    }
}
