//! Bracketed displays: parenthesized expressions and tuples, lists, sets, dicts,
//! and comprehensions, with CPython's errors for starred items and unpacking.

use super::expr::mk;
use super::{Fail, PResult, Parser};
use crate::syntax::ast::{Comprehension, Expr, ExprKind};
use crate::syntax::token::{Keyword, Op, Token};

impl<'s> Parser<'s> {
    pub(super) fn paren_atom(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at_op(Op::RPar) {
            let close = self.bump();
            return Ok(mk(ExprKind::Tuple(Vec::new()), open.start, close.end));
        }
        if self.at_kw(Keyword::Yield) {
            let y = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            self.mark_parenthesized(&y);
            return Ok(y);
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.bump();
            let _value = self.expression()?;
            if self.at_op(Op::RPar) {
                return Err(self.special(star.span(), "cannot use double starred expression here"));
            }
            return Err(self.generic());
        }
        let first = self.star_named_expression()?;
        if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.special(first.span, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension_clauses()?;
            let close = self.expect_op(Op::RPar)?;
            let e = mk(ExprKind::GeneratorExp { elt: Box::new(first), generators }, open.start, close.end);
            self.mark_parenthesized(&e);
            return Ok(e);
        }
        if self.at_op(Op::RPar) {
            let close = self.bump();
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.special(first.span, "cannot use starred expression here"));
            }
            let _ = close;
            self.mark_parenthesized(&first);
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.generic());
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        let close = self.expect_op(Op::RPar)?;
        let e = mk(ExprKind::Tuple(items), open.start, close.end);
        self.mark_parenthesized(&e);
        Ok(e)
    }

    pub(super) fn list_atom(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at_op(Op::RSqb) {
            let close = self.bump();
            return Ok(mk(ExprKind::List(Vec::new()), open.start, close.end));
        }
        let first = self.star_named_expression()?;
        if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.special(first.span, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension_clauses()?;
            let close = self.expect_op(Op::RSqb)?;
            return Ok(mk(ExprKind::ListComp { elt: Box::new(first), generators }, open.start, close.end));
        }
        let items = self.display_items(first, Op::RSqb)?;
        let close = self.expect_op(Op::RSqb)?;
        Ok(mk(ExprKind::List(items), open.start, close.end))
    }

    /// The items of a list or set display after the first, with CPython's error for
    /// `[a, b for ...]`.
    pub(super) fn display_items(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        if (self.at_kw(Keyword::For) || self.at_kw(Keyword::Async)) && items.len() > 1 {
            let start = items[0].span.start;
            let end = items.last().map(|i| i.span.end).unwrap_or(start);
            return Err(self.special_from(start, end, "did you forget parentheses around the comprehension target?"));
        }
        Ok(items)
    }

    pub(super) fn brace_atom(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at_op(Op::RBrace) {
            let close = self.bump();
            return Ok(mk(ExprKind::Dict(Vec::new()), open.start, close.end));
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
                return Err(self.special(star.span(), "dict unpacking cannot be used in dict comprehension"));
            }
            return self.dict_rest(open, None, value);
        }
        let first = self.star_named_expression()?;
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            let value = self.dict_value()?;
            if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
                let generators = self.comprehension_clauses()?;
                let close = self.expect_op(Op::RBrace)?;
                return Ok(mk(
                    ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators },
                    open.start,
                    close.end,
                ));
            }
            return self.dict_rest(open, Some(first), value);
        }
        if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.special(first.span, "iterable unpacking cannot be used in comprehension"));
            }
            let generators = self.comprehension_clauses()?;
            let close = self.expect_op(Op::RBrace)?;
            return Ok(mk(ExprKind::SetComp { elt: Box::new(first), generators }, open.start, close.end));
        }
        let items = self.display_items(first, Op::RBrace)?;
        let close = self.expect_op(Op::RBrace)?;
        Ok(mk(ExprKind::Set(items), open.start, close.end))
    }

    /// The `: value` of a dict display entry, at its colon, with CPython's errors for a
    /// missing or starred value.
    fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.bump();
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            return Err(self.error_at_token(&colon, "expression expected after dictionary key and ':'"));
        }
        if self.at_op(Op::Star) {
            let star = self.peek().clone();
            let _ = self.star_expression()?;
            let end = self.prev_end();
            return Err(self.special_from(star.start, end, "cannot use a starred expression in a dictionary value"));
        }
        self.expression()
    }

    pub(super) fn dict_rest(&mut self, open: Token, first_key: Option<Expr>, first_value: Expr) -> PResult<Expr> {
        let mut pairs = vec![(first_key, first_value)];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                let value = self.bitwise_or()?;
                pairs.push((None, value));
                continue;
            }
            let key = self.expression()?;
            if !self.at_op(Op::Colon) {
                if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                    let mut err = self.error_at_span(key.span, "':' expected after dictionary key");
                    err.offset = key.span.end.col;
                    err.end_lineno = key.span.end.line;
                    err.end_offset = 0;
                    return Err(Fail::Special(Box::new(err)));
                }
                return Err(self.generic());
            }
            let value = self.dict_value()?;
            pairs.push((Some(key), value));
        }
        let close = self.expect_op(Op::RBrace)?;
        Ok(mk(ExprKind::Dict(pairs), open.start, close.end))
    }

    /// `for target in iter if cond ...` clauses of a comprehension.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            if self.at_kw(Keyword::Async) && self.peek_at(1).is_kw(Keyword::For) {
                self.bump();
            }
            if !self.eat_kw(Keyword::For) {
                break;
            }
            let target = self.target_list(super::targets::TargetContext::For)?;
            if !self.at_kw(Keyword::In) {
                return Err(self.generic());
            }
            self.bump();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Keyword::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension { target, iter, ifs });
        }
        Ok(generators)
    }
}
