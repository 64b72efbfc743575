//! The `SyntaxWarning`s CPython's compiler emits (IPython's `check_complete` turns
//! them into "invalid"): `is` with a literal, an assert on a tuple, calling a
//! literal.

use super::ast::{Constant, Expr, ExprKind, Module, Stmt, StmtKind};
use super::visit::for_each_child;

/// Whether compiling `module` would emit a `SyntaxWarning`.
pub fn has_syntax_warning(module: &Module) -> bool {
    module.body.iter().any(stmt_warns)
}

fn stmt_warns(s: &Stmt) -> bool {
    let mut found = false;
    visit_stmt_exprs(s, &mut |e| found |= expr_warns(e));
    if let StmtKind::Assert { test, .. } = &s.kind {
        if matches!(&test.kind, ExprKind::Tuple(items) if !items.is_empty()) {
            found = true;
        }
    }
    found
}

fn is_plain_literal(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant(
            Constant::Int(_)
                | Constant::BigInt(_)
                | Constant::Float(_)
                | Constant::Imaginary(_)
                | Constant::Str(_)
                | Constant::Bytes(_)
        )
    )
}

fn expr_warns(e: &Expr) -> bool {
    let here = match &e.kind {
        ExprKind::Compare { left, ops, comparators } => {
            let mut prev = &**left;
            let mut warn = false;
            for (op, right) in ops.iter().zip(comparators) {
                if matches!(op, super::ast::CmpOp::Is | super::ast::CmpOp::IsNot)
                    && (is_plain_literal(prev) || is_plain_literal(right))
                {
                    warn = true;
                }
                prev = right;
            }
            warn
        }
        ExprKind::Call { func, .. } => {
            matches!(
                func.kind,
                ExprKind::Constant(_)
                    | ExprKind::FString(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::List(_)
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict(_)
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set(_)
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
            ) && !matches!(func.kind, ExprKind::Constant(Constant::None | Constant::Bool(_) | Constant::Ellipsis))
        }
        _ => false,
    };
    if here {
        return true;
    }
    let mut found = false;
    for_each_child(e, &mut |c| found |= expr_warns(c));
    found
}

/// Calls `f` on each top-level expression of a statement and its nested blocks.
pub(crate) fn visit_stmt_exprs<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    let block = |b: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)| {
        for s in b {
            visit_stmt_exprs(s, f);
        }
    };
    match &s.kind {
        StmtKind::Expr { value, .. } => f(value),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *f);
            f(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            f(target);
            f(value);
        }
        StmtKind::AnnAssign { target, annotation, value } => {
            f(target);
            f(annotation);
            if let Some(v) = value {
                f(v);
            }
        }
        StmtKind::Delete(t) => t.iter().for_each(&mut *f),
        StmtKind::Return(Some(v)) => f(v),
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                f(e);
            }
        }
        StmtKind::Assert { test, msg } => {
            f(test);
            if let Some(m) = msg {
                f(m);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            f(test);
            block(body, f);
            block(orelse, f);
        }
        StmtKind::For { target, iter, body, orelse } => {
            f(target);
            f(iter);
            block(body, f);
            block(orelse, f);
        }
        StmtKind::With { items, body } => {
            for i in items {
                f(&i.context);
                if let Some(t) = &i.target {
                    f(t);
                }
            }
            block(body, f);
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            block(body, f);
            for h in handlers {
                if let Some(c) = &h.class {
                    f(c);
                }
                block(&h.body, f);
            }
            block(orelse, f);
            block(finalbody, f);
        }
        StmtKind::FunctionDef(d) => {
            d.decorators.iter().for_each(&mut *f);
            super::visit::for_each_param_child(&d.params, f);
            if let Some(r) = &d.returns {
                f(r);
            }
            block(&d.body, f);
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().for_each(&mut *f);
            c.bases.iter().for_each(&mut *f);
            for k in &c.keywords {
                f(&k.value);
            }
            block(&c.body, f);
        }
        _ => {}
    }
}
