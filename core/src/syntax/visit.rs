//! Walking expression trees: the children of a node and a tree's height.

use super::ast::{Arg, Expr, ExprKind, FStringPart, Parameters};

/// Calls `f` on each direct sub-expression of `e` (in source order).
pub fn for_each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Shell(_) | ExprKind::Magic(_) => {}
        ExprKind::FString(parts) => for_each_fstring_child(parts, f),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => items.iter().for_each(f),
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                if let Some(k) = k {
                    f(k);
                }
                f(v);
            }
        }
        ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => f(v),
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                f(part);
            }
        }
        ExprKind::Call { func, args } => {
            f(func);
            for a in args {
                match a {
                    Arg::Positional(v) | Arg::Starred(v) | Arg::DoubleStarred(v) => f(v),
                    Arg::Keyword(k) => f(&k.value),
                }
            }
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::Compare { left, comparators, .. } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(body);
            f(test);
            f(orelse);
        }
        ExprKind::Lambda { params, body } => {
            for_each_param_child(params, f);
            f(body);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::DictComp { key, value, generators } => {
            f(key);
            f(value);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                f(v);
            }
        }
        ExprKind::NamedExpr { value, .. } => f(value),
    }
}

fn for_each_fstring_child<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for p in parts {
        if let FStringPart::Formatted { expr, format_spec, .. } = p {
            f(expr);
            if let Some(spec) = format_spec {
                for_each_fstring_child(spec, f);
            }
        }
    }
}

/// Calls `f` on the defaults and annotations of a parameter list.
pub fn for_each_param_child<'a>(params: &'a Parameters, f: &mut dyn FnMut(&'a Expr)) {
    let all =
        params.posonly.iter().chain(&params.args).chain(&params.vararg).chain(&params.kwonly).chain(&params.kwarg);
    for p in all {
        if let Some(a) = &p.annotation {
            f(a);
        }
        if let Some(d) = &p.default {
            f(d);
        }
    }
}

/// The height of an expression tree (a leaf is 1). Recursive: only call it on trees
/// the parser has already bounded.
pub fn expr_height(e: &Expr) -> u32 {
    let mut h = 0;
    for_each_child(e, &mut |c| h = h.max(expr_height(c)));
    h + 1
}
