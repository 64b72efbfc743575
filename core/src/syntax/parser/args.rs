//! Call arguments and `def`/`lambda` parameter lists, with CPython's ordering errors.

use super::expr::{mk, span};
use super::{Fail, PResult, Parser};
use crate::syntax::ast::{Arg, Expr, ExprKind, Keyword as KeywordArg, Param, Parameters};
use crate::syntax::token::{Keyword, Op, TokenKind};

impl<'s> Parser<'s> {
    /// The arguments of a call, up to (not including) the `)`.
    pub(crate) fn call_arguments(&mut self) -> PResult<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        while !self.at_op(Op::RPar) {
            let tok = self.peek().clone();
            if tok.is_op(Op::Star) {
                if seen_double_star {
                    return Err(
                        self.error_at_token(&tok, "iterable argument unpacking follows keyword argument unpacking")
                    );
                }
                self.bump();
                let value = self.expression()?;
                if self.at_op(Op::Equal) {
                    let eq = self.peek().clone();
                    return Err(self.special_from(tok.start, eq.end, "cannot assign to iterable argument unpacking"));
                }
                args.push(Arg::Starred(value));
            } else if tok.is_op(Op::DoubleStar) {
                self.bump();
                let value = self.expression()?;
                seen_double_star = true;
                args.push(Arg::DoubleStarred(value));
            } else if let Some(kw) = self.keyword_argument()? {
                seen_keyword = true;
                args.push(Arg::Keyword(kw));
            } else {
                let value = self.call_positional()?;
                if self.at_kw(Keyword::For) || self.at_kw(Keyword::Async) {
                    let generators = self.comprehension_clauses()?;
                    let last = generators.last().map(|g| g.ifs.last().unwrap_or(&g.iter).span.end);
                    let end = last.unwrap_or(value.span.end);
                    let lone = args.is_empty() && self.at_op(Op::RPar);
                    if !lone {
                        return Err(self.special_from(
                            value.span.start,
                            end,
                            "Generator expression must be parenthesized",
                        ));
                    }
                    let start = value.span.start;
                    let genexp = mk(ExprKind::GeneratorExp { elt: Box::new(value), generators }, start, end);
                    args.push(Arg::Positional(genexp));
                    continue;
                }
                if seen_keyword || seen_double_star {
                    // CPython parses the rest of the arguments, then reports at the
                    // token after them.
                    self.skip_remaining_arguments()?;
                    let next = self.peek().clone();
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return Err(self.error_at_token(&next, msg));
                }
                args.push(Arg::Positional(value));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(args)
    }

    fn skip_remaining_arguments(&mut self) -> PResult<()> {
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            if self.eat_op(Op::Star) || self.eat_op(Op::DoubleStar) {
                self.expression()?;
            } else if self.keyword_argument()?.is_none() {
                self.call_positional()?;
            }
        }
        Ok(())
    }

    fn call_positional(&mut self) -> PResult<Expr> {
        let e = self.named_expression_in_call()?;
        Ok(e)
    }

    /// A positional argument: `NAME := value` or an expression; `expr = value` is
    /// CPython's "expression cannot contain assignment".
    fn named_expression_in_call(&mut self) -> PResult<Expr> {
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
            let eq = self.peek().clone();
            return Err(self.special_from(
                e.span.start,
                eq.end,
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            ));
        }
        Ok(e)
    }

    /// `NAME = value` (or CPython's errors for `True = ...` and `x = a for ...`).
    fn keyword_argument(&mut self) -> PResult<Option<KeywordArg>> {
        let tok = self.peek().clone();
        if !self.peek_at(1).is_op(Op::Equal) {
            return Ok(None);
        }
        let name = match &tok.kind {
            TokenKind::Name(n) => n.clone(),
            TokenKind::Keyword(k @ (Keyword::True | Keyword::False | Keyword::None)) => {
                let eq = self.peek_at(1).clone();
                return Err(self.special_from(tok.start, eq.end, format!("cannot assign to {}", k.as_str())));
            }
            _ => return Ok(None),
        };
        self.bump();
        let eq = self.bump();
        let value = self.expression()?;
        if self.at_kw(Keyword::For) {
            return Err(self.special_from(
                tok.start,
                eq.end,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        let end = self.prev_end();
        Ok(Some(KeywordArg { name, value, span: span(tok.start, end) }))
    }

    /// A `def` (until `)`) or `lambda` (until `:`) parameter list.
    pub(crate) fn parameters(&mut self, lambda: bool) -> PResult<Parameters> {
        let close = if lambda { Op::Colon } else { Op::RPar };
        let mut params = Parameters::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        let mut any = false;
        while !self.at_op(close) {
            let tok = self.peek().clone();
            if tok.is_op(Op::Slash) {
                if !any {
                    if self.peek_at(1).is_op(Op::Comma) {
                        return Err(self.error_at_token(&tok, "at least one argument must precede /"));
                    }
                    return Err(self.generic());
                }
                if seen_slash {
                    return Err(self.error_at_token(&tok, "/ may appear only once"));
                }
                if seen_star {
                    return Err(self.error_at_token(&tok, "/ must be ahead of *"));
                }
                self.bump();
                if self.at_op(Op::Star) {
                    let star = self.peek().clone();
                    return Err(self.error_known_at_token(&star, "expected comma between / and *"));
                }
                seen_slash = true;
                params.posonly = std::mem::take(&mut params.args);
            } else if tok.is_op(Op::Star) {
                if seen_star {
                    return Err(self.error_at_token(&tok, "* argument may appear only once"));
                }
                self.bump();
                seen_star = true;
                let next = self.peek().clone();
                if next.is_op(close)
                    || next.is_op(Op::Comma) && {
                        let after = self.peek_at(1).clone();
                        after.is_op(close) || after.is_op(Op::DoubleStar)
                    }
                {
                    return Err(self.error_at_token(&tok, "named arguments must follow bare *"));
                }
                if matches!(next.kind, TokenKind::Name(_)) {
                    let p = self.param(lambda)?;
                    if self.at_op(Op::Equal) {
                        let eq = self.peek().clone();
                        return Err(self.error_at_token(&eq, "var-positional argument cannot have default value"));
                    }
                    params.vararg = Some(p);
                } else if !next.is_op(Op::Comma) {
                    return Err(self.generic());
                }
            } else if tok.is_op(Op::DoubleStar) {
                self.bump();
                let p = self.param(lambda)?;
                if self.at_op(Op::Equal) {
                    let eq = self.peek().clone();
                    return Err(self.error_at_token(&eq, "var-keyword argument cannot have default value"));
                }
                params.kwarg = Some(p);
                if self.eat_op(Op::Comma) {
                    let after = self.peek().clone();
                    if matches!(after.kind, TokenKind::Name(_)) {
                        let p = self.param(lambda)?;
                        return Err(self.special(p_span(&p), "arguments cannot follow var-keyword argument"));
                    }
                    if after.is_op(Op::Star) || after.is_op(Op::DoubleStar) || after.is_op(Op::Slash) {
                        return Err(self.error_at_token(&after, "arguments cannot follow var-keyword argument"));
                    }
                }
                if !self.at_op(close) {
                    return Err(self.generic());
                }
                break;
            } else if matches!(tok.kind, TokenKind::Name(_)) {
                let mut p = self.param(lambda)?;
                if self.at_op(Op::Equal) {
                    let eq = self.bump();
                    if self.at_op(Op::Comma) || self.at_op(close) {
                        return Err(self.error_known_at_token(&eq, "expected default value expression"));
                    }
                    p.default = Some(self.expression()?);
                    if !seen_star {
                        seen_default = true;
                    }
                } else if seen_default && !seen_star {
                    let sp = p_span(&p);
                    return Err(self.special(sp, "non-default argument follows default argument"));
                }
                if seen_star {
                    params.kwonly.push(p);
                } else {
                    params.args.push(p);
                }
            } else if tok.is_op(Op::LPar) {
                return Err(self.parenthesized_params_error(lambda));
            } else {
                return Err(self.generic());
            }
            any = true;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(params)
    }

    fn parenthesized_params_error(&mut self, lambda: bool) -> Fail {
        let open = self.peek().clone();
        let save = self.pos;
        self.bump();
        let mut ok = false;
        while let TokenKind::Name(_) = self.peek().kind {
            self.bump();
            ok = true;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if ok && self.at_op(Op::RPar) {
            let close = self.peek().clone();
            let msg = if lambda {
                "Lambda expression parameters cannot be parenthesized"
            } else {
                "Function parameters cannot be parenthesized"
            };
            return self.special_from(open.start, close.end, msg);
        }
        self.pos = save;
        self.generic()
    }

    /// One parameter name with its annotation (not for lambdas).
    fn param(&mut self, lambda: bool) -> PResult<Param> {
        let (name, name_span) = self.expect_name()?;
        let mut annotation = None;
        if !lambda && self.eat_op(Op::Colon) {
            annotation = Some(self.expression()?);
        }
        Ok(Param { name, annotation, default: None, span: name_span })
    }
}

/// A parameter's extent for errors: its name and annotation (CPython's `arg` node).
fn p_span(p: &Param) -> crate::syntax::ast::Span {
    let end = p.annotation.as_ref().map(|a: &Expr| a.span.end).unwrap_or(p.span.end);
    span(p.span.start, end)
}
