//! Assignment, `for`, `with` and `del` targets: parsing target lists and CPython's
//! "cannot assign to ..." / "cannot delete ..." errors.

use super::expr::mk;
use super::{PResult, Parser};
use crate::syntax::ast::{CmpOp, Constant, Expr, ExprKind};
use crate::syntax::token::Op;

/// Where a target appears (CPython's `TARGETS_TYPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetContext {
    /// `a = ...`, `with ... as a`.
    Assign,
    /// `for a in ...`.
    For,
    /// `del a`.
    Del,
}

/// CPython's `_PyPegen_get_expr_name`: what an expression is called in messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Shell(_) | ExprKind::Magic(_) => "function call",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be
/// a target, if any.
pub(crate) fn invalid_target(e: &Expr, ctx: TargetContext) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().find_map(|i| invalid_target(i, ctx)),
        ExprKind::Starred(v) => {
            if ctx == TargetContext::Del {
                Some(e)
            } else {
                invalid_target(v, ctx)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if ctx == TargetContext::For {
                if ops.first() == Some(&CmpOp::In) {
                    return invalid_target(left, ctx);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl<'s> Parser<'s> {
    /// The "cannot assign to X" / "cannot delete X" error for `e`, if it is not a
    /// valid target.
    pub(crate) fn check_target(&mut self, e: &Expr, ctx: TargetContext) -> PResult<()> {
        if let Some(bad) = invalid_target(e, ctx) {
            let verb = if ctx == TargetContext::Del { "cannot delete" } else { "cannot assign to" };
            return Err(self.special(bad.span, format!("{} {}", verb, expr_name(bad))));
        }
        Ok(())
    }

    /// A comma-separated target list (`for` targets, comprehension targets): items
    /// are parsed at `bitwise_or` level so that `in` ends them.
    pub(crate) fn target_list(&mut self, ctx: TargetContext) -> PResult<Expr> {
        let start = self.peek().start;
        let first = self.target_item()?;
        if !self.at_op(Op::Comma) {
            self.check_target(&first, ctx)?;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_target() {
                break;
            }
            items.push(self.target_item()?);
        }
        let end = self.prev_end();
        let e = mk(ExprKind::Tuple(items), start, end);
        self.check_target(&e, ctx)?;
        Ok(e)
    }

    fn starts_target(&mut self) -> bool {
        let tok = self.peek().clone();
        super::expr::starts_expression(&tok) || tok.is_op(Op::Star)
    }

    fn target_item(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            let end = self.prev_end();
            return Ok(mk(ExprKind::Starred(Box::new(value)), star.start, end));
        }
        self.bitwise_or()
    }
}
