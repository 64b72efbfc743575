//! Expressions: CPython's precedence levels from `star_expressions` down to atoms.

use num_bigint::BigInt;

use super::{Fail, PResult, Parser};
use crate::syntax::ast::{BinOp, BoolOp, CmpOp, Constant, Expr, ExprKind, Pos, Span, UnaryOp};
use crate::syntax::token::{Keyword, Op, Token, TokenKind};
use crate::syntax::visit::expr_height;

pub(crate) fn span(start: Pos, end: Pos) -> Span {
    Span { start, end }
}

pub(crate) fn mk(kind: ExprKind, start: Pos, end: Pos) -> Expr {
    Expr { kind, span: span(start, end) }
}

/// Binary operator precedence for the Pratt loop (higher binds tighter).
fn binary_op(tok: &Token) -> Option<(BinOp, u8)> {
    let TokenKind::Op(op) = tok.kind else { return None };
    Some(match op {
        Op::VBar => (BinOp::BitOr, 1),
        Op::Circumflex => (BinOp::BitXor, 2),
        Op::Amper => (BinOp::BitAnd, 3),
        Op::LShift => (BinOp::LShift, 4),
        Op::RShift => (BinOp::RShift, 4),
        Op::Plus => (BinOp::Add, 5),
        Op::Minus => (BinOp::Sub, 5),
        Op::Star => (BinOp::Mul, 6),
        Op::Slash => (BinOp::Div, 6),
        Op::DoubleSlash => (BinOp::FloorDiv, 6),
        Op::Percent => (BinOp::Mod, 6),
        Op::At => (BinOp::MatMul, 6),
        _ => return None,
    })
}

/// Whether a token can begin an expression (for CPython's "forgot a comma" rule).
pub(crate) fn starts_expression(tok: &Token) -> bool {
    match &tok.kind {
        TokenKind::Name(_)
        | TokenKind::Int(_)
        | TokenKind::BigInt(_)
        | TokenKind::Float(_)
        | TokenKind::Imaginary(_)
        | TokenKind::String(_) => true,
        TokenKind::Keyword(k) => {
            matches!(
                k,
                Keyword::None | Keyword::True | Keyword::False | Keyword::Lambda | Keyword::Not | Keyword::Await
            )
        }
        TokenKind::Op(op) => {
            matches!(op, Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis)
        }
        _ => false,
    }
}

impl<'s> Parser<'s> {
    /// `star_expressions`: an expression, or a tuple of them (with `*x` items).
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_star_expression() {
                break;
            }
            items.push(self.star_expression()?);
        }
        let end = self.prev_end();
        Ok(mk(ExprKind::Tuple(items), start, end))
    }

    fn starts_star_expression(&mut self) -> bool {
        let tok = self.peek();
        starts_expression(tok) || tok.is_op(Op::Star)
    }

    /// `star_expressions`, or a `yield` expression.
    pub(crate) fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Yield) {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Starred(Box::new(value)), star.start, end));
        }
        self.expression()
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression (display items).
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Starred(Box::new(value)), star.start, end));
        }
        self.named_expression()
    }

    /// `yield [star_expressions]` or `yield from expression`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        if self.eat_kw(Keyword::From) {
            let value = self.expression()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::YieldFrom(Box::new(value)), kw.start, end));
        }
        if self.starts_star_expression() {
            let value = self.star_expressions()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Yield(Some(Box::new(value))), kw.start, end));
        }
        Ok(mk(ExprKind::Yield(None), kw.start, kw.end))
    }

    /// `named_expression`: `NAME := expression` or an expression, with CPython's
    /// errors for `=` where `==` or `:=` was meant.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if let TokenKind::Name(name) = self.peek().kind.clone() {
            if self.peek_at(1).is_op(Op::ColonEqual) {
                let tok = self.bump();
                self.bump();
                let value = self.expression()?;
                let end = self.prev_end();
                return Ok(mk(ExprKind::NamedExpr { target: name, value: Box::new(value) }, tok.start, end));
            }
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return Err(
                self.special(e.span, format!("cannot use assignment expressions with {}", super::expr_name(&e)))
            );
        }
        if self.at_op(Op::Equal) {
            self.invalid_named_expression(&e)?;
        }
        Ok(e)
    }

    /// CPython's `invalid_named_expression` for `e = ...` where an expression was
    /// expected. Returns Ok when the rule does not apply.
    pub(crate) fn invalid_named_expression(&mut self, e: &Expr) -> PResult<()> {
        let save = self.pos;
        let is_name = matches!(e.kind, ExprKind::Name(_));
        let excluded = self.is_parenthesized(e) && matches!(e.kind, ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. })
            || matches!(e.kind, ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::ListComp { .. })
            || matches!(e.kind, ExprKind::Constant(Constant::Bool(_) | Constant::None));
        let bitwise_level = !matches!(
            e.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::Starred(_)
                | ExprKind::NamedExpr { .. }
                | ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
        ) || self.is_parenthesized(e);
        if !(is_name || (!excluded && bitwise_level)) {
            return Ok(());
        }
        self.bump(); // '='
        let rhs = match self.bitwise_or() {
            Ok(r) => r,
            Err(Fail::Generic) => {
                self.pos = save;
                return Ok(());
            }
            Err(f) => return Err(f),
        };
        if self.at_op(Op::Equal) || self.at_op(Op::ColonEqual) {
            self.pos = save;
            return Ok(());
        }
        if is_name {
            return Err(self.special_from(
                e.span.start,
                rhs.span.end,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        Err(self.special(
            e.span,
            format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", super::expr_name(e)),
        ))
    }

    /// `expression`: conditional expressions and lambdas over `disjunction`.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Lambda) {
            return self.lambda();
        }
        let start = self.peek().start;
        let body = self.disjunction()?;
        if self.at_kw(Keyword::If) {
            self.bump();
            let test = self.disjunction()?;
            if !self.at_kw(Keyword::Else) {
                if self.at_op(Op::Colon) {
                    return Err(self.generic());
                }
                return Err(self.special_from(body.span.start, test.span.end, "expected 'else' after 'if' expression"));
            }
            self.bump();
            let orelse = self.expression()?;
            let end = self.prev_end();
            return Ok(mk(
                ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) },
                start,
                end,
            ));
        }
        self.check_adjacent_expression(&body)?;
        Ok(body)
    }

    /// CPython's `invalid_legacy_expression` (`print x`) and the "Perhaps you forgot a
    /// comma?" rule for two expressions side by side inside brackets.
    fn check_adjacent_expression(&mut self, a: &Expr) -> PResult<()> {
        if !starts_expression(self.peek()) {
            return Ok(());
        }
        let save = self.pos;
        if let ExprKind::Name(n) = &a.kind {
            if (n == "print" || n == "exec") && !self.at_op(Op::LPar) {
                let b = self.star_expressions();
                match b {
                    Ok(b) => {
                        return Err(self.special_from(
                            a.span.start,
                            b.span.end,
                            format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", n, n),
                        ));
                    }
                    Err(Fail::Generic) => {
                        self.pos = save;
                        return Ok(());
                    }
                    Err(f) => return Err(f),
                }
            }
        }
        let prev_level = if self.pos > 0 { self.tokens[self.pos - 1].level } else { 0 };
        if prev_level == 0 {
            return Ok(());
        }
        // `!(NAME STRING | SOFT_KEYWORD)` before the first expression.
        let first = &self.tokens[self.token_index_at(a.span.start)];
        if let TokenKind::Name(n) = &first.kind {
            if matches!(n.as_str(), "match" | "case" | "_") {
                return Ok(());
            }
            let next_i = self.token_index_at(a.span.start) + 1;
            if matches!(self.tokens.get(next_i).map(|t| &t.kind), Some(TokenKind::String(_))) {
                return Ok(());
            }
        }
        let b = self.expression();
        match b {
            Ok(b) => Err(self.special_from(a.span.start, b.span.end, "invalid syntax. Perhaps you forgot a comma?")),
            Err(Fail::Generic) => {
                self.pos = save;
                Ok(())
            }
            Err(f) => Err(f),
        }
    }

    fn token_index_at(&self, pos: Pos) -> usize {
        self.tokens.partition_point(|t| t.start.offset < pos.offset).min(self.tokens.len() - 1)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let params = self.parameters(true)?;
        if !self.at_op(Op::Colon) {
            return Err(self.generic());
        }
        self.bump();
        let body = self.expression()?;
        let end = self.prev_end();
        Ok(mk(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, kw.start, end))
    }

    /// `disjunction`: `a or b or c`.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let first = self.conjunction()?;
        if !self.at_kw(Keyword::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Keyword::Or) {
            values.push(self.conjunction()?);
        }
        let end = self.prev_end();
        Ok(mk(ExprKind::BoolOp { op: BoolOp::Or, values }, start, end))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let first = self.inversion()?;
        if !self.at_kw(Keyword::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Keyword::And) {
            values.push(self.inversion()?);
        }
        let end = self.prev_end();
        Ok(mk(ExprKind::BoolOp { op: BoolOp::And, values }, start, end))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Not) {
            let kw = self.bump();
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) }, kw.start, end));
        }
        self.comparison()
    }

    fn compare_op(&mut self) -> Option<CmpOp> {
        let tok = self.peek().clone();
        let op = match tok.kind {
            TokenKind::Op(Op::EqEqual) => CmpOp::Eq,
            TokenKind::Op(Op::NotEqual) => CmpOp::NotEq,
            TokenKind::Op(Op::Less) => CmpOp::Lt,
            TokenKind::Op(Op::LessEqual) => CmpOp::LtE,
            TokenKind::Op(Op::Greater) => CmpOp::Gt,
            TokenKind::Op(Op::GreaterEqual) => CmpOp::GtE,
            TokenKind::Keyword(Keyword::In) => CmpOp::In,
            TokenKind::Keyword(Keyword::Is) => {
                if self.peek_at(1).is_kw(Keyword::Not) {
                    self.bump();
                    self.bump();
                    return Some(CmpOp::IsNot);
                }
                CmpOp::Is
            }
            TokenKind::Keyword(Keyword::Not) => {
                if self.peek_at(1).is_kw(Keyword::In) {
                    self.bump();
                    self.bump();
                    return Some(CmpOp::NotIn);
                }
                return None;
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let end = self.prev_end();
        Ok(mk(ExprKind::Compare { left: Box::new(left), ops, comparators }, start, end))
    }

    /// `bitwise_or` and everything tighter: the binary operators by precedence.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.peek().start;
        let mut left = self.factor()?;
        let mut height: Option<u32> = None;
        while let Some((op, prec)) = binary_op(self.peek()) {
            if prec < min_prec {
                break;
            }
            self.bump();
            self.enter()?;
            let right = self.binary(prec + 1);
            self.leave();
            let right = right?;
            let h = height.unwrap_or_else(|| expr_height(&left)).max(expr_height(&right)) + 1;
            self.check_height(h)?;
            height = Some(h);
            let end = self.prev_end();
            left = mk(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, start, end);
        }
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~` over `power`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek().kind {
            TokenKind::Op(Op::Minus) => UnaryOp::Neg,
            TokenKind::Op(Op::Plus) => UnaryOp::Pos,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let tok = self.bump();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        let end = self.prev_end();
        Ok(mk(ExprKind::UnaryOp { op, operand: Box::new(operand) }, tok.start, end))
    }

    /// `power`: `await_primary ** factor` (right-associative, tighter than a unary
    /// minus on its left).
    fn power(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let base = self.await_primary()?;
        if !self.at_op(Op::DoubleStar) {
            return Ok(base);
        }
        self.bump();
        self.enter()?;
        let exp = self.factor();
        self.leave();
        let exp = exp?;
        let end = self.prev_end();
        Ok(mk(ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(exp) }, start, end))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Await) {
            let kw = self.bump();
            let value = self.primary()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Await(Box::new(value)), kw.start, end));
        }
        self.primary()
    }

    /// `primary`: an atom followed by `.name`, `(args)` and `[index]` trailers.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let primary_start = self.peek().start;
        let mut e = self.atom()?;
        let mut height: Option<u32> = None;
        loop {
            let tok = self.peek().clone();
            let start = primary_start;
            let child_height;
            e = match tok.kind {
                TokenKind::Op(Op::Dot) => {
                    self.bump();
                    let name_tok = self.peek().clone();
                    let TokenKind::Name(attr) = name_tok.kind else {
                        return Err(self.generic());
                    };
                    self.bump();
                    child_height = 0;
                    mk(ExprKind::Attribute { value: Box::new(e), attr }, start, name_tok.end)
                }
                TokenKind::Op(Op::LPar) => {
                    self.bump();
                    let open = tok.start;
                    let mut args = self.call_arguments()?;
                    let close = self.expect_op(Op::RPar)?;
                    if let [crate::syntax::ast::Arg::Positional(g)] = args.as_mut_slice() {
                        if matches!(g.kind, ExprKind::GeneratorExp { .. }) && !self.is_parenthesized(g) {
                            // CPython: `f(x for x in y)` — the generator is the parentheses.
                            g.span = span(open, close.end);
                        }
                    }
                    child_height = args.iter().map(arg_height).max().unwrap_or(0);
                    mk(ExprKind::Call { func: Box::new(e), args }, start, close.end)
                }
                TokenKind::Op(Op::LSqb) => {
                    self.bump();
                    let index = self.slices()?;
                    let close = self.expect_op(Op::RSqb)?;
                    child_height = expr_height(&index);
                    mk(ExprKind::Subscript { value: Box::new(e), index: Box::new(index) }, start, close.end)
                }
                _ => break,
            };
            let base = match height {
                Some(h) => h,
                None => match &e.kind {
                    ExprKind::Attribute { value, .. }
                    | ExprKind::Call { func: value, .. }
                    | ExprKind::Subscript { value, .. } => expr_height(value),
                    _ => 0,
                },
            };
            let h = base.max(child_height) + 1;
            self.check_height(h)?;
            height = Some(h);
        }
        Ok(e)
    }

    /// The inside of `[...]` after a primary: a slice, an expression, or a tuple.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.peek().start;
        let first = self.slice_item()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                let sp = first.span;
                return Ok(Expr { kind: ExprKind::Tuple(vec![first]), span: sp });
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            items.push(self.slice_item()?);
        }
        let end = self.prev_end();
        Ok(mk(ExprKind::Tuple(items), start, end))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.star_expression();
        }
        let start = self.peek().start;
        let lower = if self.at_op(Op::Colon) { None } else { Some(self.named_expression()?) };
        if !self.at_op(Op::Colon) {
            return lower.ok_or_else(|| self.generic());
        }
        self.bump();
        let upper = if self.at_op(Op::Colon) || self.at_op(Op::Comma) || self.at_op(Op::RSqb) {
            None
        } else {
            Some(self.expression()?)
        };
        let mut step = None;
        if self.eat_op(Op::Colon) && !(self.at_op(Op::Comma) || self.at_op(Op::RSqb)) {
            step = Some(self.expression()?);
        }
        let end = self.prev_end();
        Ok(mk(
            ExprKind::Slice { lower: lower.map(Box::new), upper: upper.map(Box::new), step: step.map(Box::new) },
            start,
            end,
        ))
    }

    /// Atoms: names, literals, strings, and bracketed displays.
    fn atom(&mut self) -> PResult<Expr> {
        let tok = self.peek().clone();
        let (s, e) = (tok.start, tok.end);
        let kind = match tok.kind {
            TokenKind::Name(n) => ExprKind::Name(n),
            TokenKind::Keyword(Keyword::True) => ExprKind::Constant(Constant::Bool(true)),
            TokenKind::Keyword(Keyword::False) => ExprKind::Constant(Constant::Bool(false)),
            TokenKind::Keyword(Keyword::None) => ExprKind::Constant(Constant::None),
            TokenKind::Int(v) => ExprKind::Constant(Constant::Int(v)),
            TokenKind::BigInt(ref v) => ExprKind::Constant(Constant::BigInt(BigInt::clone(v))),
            TokenKind::Float(v) => ExprKind::Constant(Constant::Float(v)),
            TokenKind::Imaginary(v) => ExprKind::Constant(Constant::Imaginary(v)),
            TokenKind::Op(Op::Ellipsis) => ExprKind::Constant(Constant::Ellipsis),
            TokenKind::String(_) => return self.strings(),
            TokenKind::Op(Op::LPar) => return self.paren_atom(),
            TokenKind::Op(Op::LSqb) => return self.list_atom(),
            TokenKind::Op(Op::LBrace) => return self.brace_atom(),
            _ => return Err(self.generic()),
        };
        self.bump();
        Ok(mk(kind, s, e))
    }
}

fn arg_height(a: &crate::syntax::ast::Arg) -> u32 {
    use crate::syntax::ast::Arg;
    match a {
        Arg::Positional(v) | Arg::Starred(v) | Arg::DoubleStarred(v) => expr_height(v),
        Arg::Keyword(k) => expr_height(&k.value),
    }
}
