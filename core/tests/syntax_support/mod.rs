//! Test support for the syntax tests: renders h5lab's AST the way CPython 3.11's
//! `ast.dump(ast.parse(src))` prints its own, so trees can be compared as text.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};

use h5lab_core::syntax::ast::*;

thread_local! {
    static POSITIONS: Cell<bool> = const { Cell::new(false) };
    static LINE_STARTS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// `ast.dump(tree, include_attributes=True)` of a module parsed from `source` (the
/// cleaned cell text): positions with byte columns, as CPython reports them.
pub fn dump_module_with_positions(m: &Module, source: &str) -> String {
    let mut starts = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            starts.push(i as u32 + 1);
        }
    }
    LINE_STARTS.with(|l| *l.borrow_mut() = starts);
    POSITIONS.with(|p| p.set(true));
    let out = dump_module(m);
    POSITIONS.with(|p| p.set(false));
    out
}

fn byte_col(p: Pos) -> u32 {
    LINE_STARTS.with(|l| {
        let l = l.borrow();
        let start = l.get(p.line as usize - 1).copied().unwrap_or(0);
        p.offset - start
    })
}

/// Appends CPython's position attributes to a rendered node when enabled.
fn with_pos(s: String, span: Span) -> String {
    if !POSITIONS.with(|p| p.get()) {
        return s;
    }
    let attrs = format!(
        "lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
        span.start.line,
        byte_col(span.start),
        span.end.line,
        byte_col(span.end)
    );
    let body = s.strip_suffix(')').unwrap_or(&s);
    if body.ends_with('(') {
        format!("{}{})", body, attrs)
    } else {
        format!("{}, {})", body, attrs)
    }
}

/// A span moved `n` characters (and bytes) to the left on its first line.
fn back(span: Span, n: u32) -> Span {
    let mut s = span;
    s.start.col = s.start.col.saturating_sub(n);
    s.start.offset = s.start.offset.saturating_sub(n);
    s
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Load,
    Store,
    Del,
}

fn ctx_str(c: Ctx) -> &'static str {
    match c {
        Ctx::Load => "Load()",
        Ctx::Store => "Store()",
        Ctx::Del => "Del()",
    }
}

/// `ast.dump` of a module.
pub fn dump_module(m: &Module) -> String {
    format!("Module(body={}, type_ignores=[])", stmts(&m.body))
}

fn list(items: Vec<String>) -> String {
    format!("[{}]", items.join(", "))
}

fn stmts(s: &[Stmt]) -> String {
    list(s.iter().map(stmt).collect())
}

fn stmt(s: &Stmt) -> String {
    with_pos(stmt_inner(s), s.span)
}

fn stmt_inner(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr { value, .. } => format!("Expr(value={})", expr(value, Ctx::Load)),
        StmtKind::Assign { targets, value } => format!(
            "Assign(targets={}, value={})",
            list(targets.iter().map(|t| expr(t, Ctx::Store)).collect()),
            expr(value, Ctx::Load)
        ),
        StmtKind::AugAssign { target, op, value } => format!(
            "AugAssign(target={}, op={}, value={})",
            expr(target, Ctx::Store),
            binop(*op),
            expr(value, Ctx::Load)
        ),
        StmtKind::AnnAssign { target, annotation, value } => {
            let simple = matches!(target.kind, ExprKind::Name(_)) as i32;
            let mut s =
                format!("AnnAssign(target={}, annotation={}", expr(target, Ctx::Store), expr(annotation, Ctx::Load));
            if let Some(v) = value {
                s.push_str(&format!(", value={}", expr(v, Ctx::Load)));
            }
            s.push_str(&format!(", simple={})", simple));
            s
        }
        StmtKind::Delete(t) => format!("Delete(targets={})", list(t.iter().map(|t| expr(t, Ctx::Del)).collect())),
        StmtKind::Pass => "Pass()".into(),
        StmtKind::Break => "Break()".into(),
        StmtKind::Continue => "Continue()".into(),
        StmtKind::Return(v) => match v {
            Some(v) => format!("Return(value={})", expr(v, Ctx::Load)),
            None => "Return()".into(),
        },
        StmtKind::Raise { exc, cause } => {
            let mut parts = Vec::new();
            if let Some(e) = exc {
                parts.push(format!("exc={}", expr(e, Ctx::Load)));
            }
            if let Some(c) = cause {
                parts.push(format!("cause={}", expr(c, Ctx::Load)));
            }
            format!("Raise({})", parts.join(", "))
        }
        StmtKind::Assert { test, msg } => match msg {
            Some(m) => format!("Assert(test={}, msg={})", expr(test, Ctx::Load), expr(m, Ctx::Load)),
            None => format!("Assert(test={})", expr(test, Ctx::Load)),
        },
        StmtKind::Global(n) => format!("Global(names={})", list(n.iter().map(|x| py_str(x)).collect())),
        StmtKind::Nonlocal(n) => format!("Nonlocal(names={})", list(n.iter().map(|x| py_str(x)).collect())),
        StmtKind::Import(a) => format!("Import(names={})", list(a.iter().map(alias).collect())),
        StmtKind::ImportFrom { module, names, level } => {
            let m = module.as_ref().map(|m| format!("module={}, ", py_str(m))).unwrap_or_default();
            format!("ImportFrom({}names={}, level={})", m, list(names.iter().map(alias).collect()), level)
        }
        StmtKind::If { test, body, orelse } => {
            format!("If(test={}, body={}, orelse={})", expr(test, Ctx::Load), stmts(body), stmts(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("While(test={}, body={}, orelse={})", expr(test, Ctx::Load), stmts(body), stmts(orelse))
        }
        StmtKind::For { target, iter, body, orelse } => format!(
            "For(target={}, iter={}, body={}, orelse={})",
            expr(target, Ctx::Store),
            expr(iter, Ctx::Load),
            stmts(body),
            stmts(orelse)
        ),
        StmtKind::With { items, body } => format!(
            "With(items={}, body={})",
            list(
                items
                    .iter()
                    .map(|i| match &i.target {
                        Some(t) => format!(
                            "withitem(context_expr={}, optional_vars={})",
                            expr(&i.context, Ctx::Load),
                            expr(t, Ctx::Store)
                        ),
                        None => format!("withitem(context_expr={})", expr(&i.context, Ctx::Load)),
                    })
                    .collect()
            ),
            stmts(body)
        ),
        StmtKind::Try { body, handlers, orelse, finalbody } => format!(
            "Try(body={}, handlers={}, orelse={}, finalbody={})",
            stmts(body),
            list(
                handlers
                    .iter()
                    .map(|h| {
                        let mut parts = Vec::new();
                        if let Some(c) = &h.class {
                            parts.push(format!("type={}", expr(c, Ctx::Load)));
                        }
                        if let Some(n) = &h.name {
                            parts.push(format!("name={}", py_str(n)));
                        }
                        parts.push(format!("body={}", stmts(&h.body)));
                        with_pos(format!("ExceptHandler({})", parts.join(", ")), h.span)
                    })
                    .collect()
            ),
            stmts(orelse),
            stmts(finalbody)
        ),
        StmtKind::FunctionDef(f) => {
            let mut s = format!(
                "FunctionDef(name={}, args={}, body={}, decorator_list={}",
                py_str(&f.name),
                arguments(&f.params),
                stmts(&f.body),
                list(f.decorators.iter().map(|d| expr(d, Ctx::Load)).collect())
            );
            if let Some(r) = &f.returns {
                s.push_str(&format!(", returns={}", expr(r, Ctx::Load)));
            }
            s.push(')');
            s
        }
        StmtKind::ClassDef(c) => format!(
            "ClassDef(name={}, bases={}, keywords={}, body={}, decorator_list={})",
            py_str(&c.name),
            list(c.bases.iter().map(|b| expr(b, Ctx::Load)).collect()),
            list(c.keywords.iter().map(keyword).collect()),
            stmts(&c.body),
            list(c.decorators.iter().map(|d| expr(d, Ctx::Load)).collect())
        ),
        other => format!("<IPython {:?}>", other),
    }
}

fn alias(a: &Alias) -> String {
    with_pos(alias_inner(a), a.span)
}

fn alias_inner(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("alias(name={}, asname={})", py_str(&a.name), py_str(n)),
        None => format!("alias(name={})", py_str(&a.name)),
    }
}

fn keyword(k: &Keyword) -> String {
    with_pos(keyword_inner(k), k.span)
}

fn keyword_inner(k: &Keyword) -> String {
    if k.name.is_empty() {
        format!("keyword(value={})", expr(&k.value, Ctx::Load))
    } else {
        format!("keyword(arg={}, value={})", py_str(&k.name), expr(&k.value, Ctx::Load))
    }
}

fn arg(p: &Param) -> String {
    let mut span = p.span;
    if let Some(a) = &p.annotation {
        span.end = a.span.end;
    }
    with_pos(arg_inner(p), span)
}

fn arg_inner(p: &Param) -> String {
    match &p.annotation {
        Some(a) => format!("arg(arg={}, annotation={})", py_str(&p.name), expr(a, Ctx::Load)),
        None => format!("arg(arg={})", py_str(&p.name)),
    }
}

fn arguments(p: &Parameters) -> String {
    let mut s = format!(
        "arguments(posonlyargs={}, args={}",
        list(p.posonly.iter().map(arg).collect()),
        list(p.args.iter().map(arg).collect())
    );
    if let Some(v) = &p.vararg {
        s.push_str(&format!(", vararg={}", arg(v)));
    }
    s.push_str(&format!(", kwonlyargs={}", list(p.kwonly.iter().map(arg).collect())));
    s.push_str(&format!(
        ", kw_defaults={}",
        list(
            p.kwonly
                .iter()
                .map(|k| k.default.as_ref().map(|d| expr(d, Ctx::Load)).unwrap_or_else(|| "None".into()))
                .collect()
        )
    ));
    if let Some(k) = &p.kwarg {
        s.push_str(&format!(", kwarg={}", arg(k)));
    }
    let defaults: Vec<String> =
        p.posonly.iter().chain(&p.args).filter_map(|a| a.default.as_ref()).map(|d| expr(d, Ctx::Load)).collect();
    s.push_str(&format!(", defaults={})", list(defaults)));
    s
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "Add()",
        BinOp::Sub => "Sub()",
        BinOp::Mul => "Mult()",
        BinOp::MatMul => "MatMult()",
        BinOp::Div => "Div()",
        BinOp::FloorDiv => "FloorDiv()",
        BinOp::Mod => "Mod()",
        BinOp::Pow => "Pow()",
        BinOp::LShift => "LShift()",
        BinOp::RShift => "RShift()",
        BinOp::BitOr => "BitOr()",
        BinOp::BitXor => "BitXor()",
        BinOp::BitAnd => "BitAnd()",
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

fn comps(gens: &[Comprehension]) -> String {
    list(
        gens.iter()
            .map(|g| {
                format!(
                    "comprehension(target={}, iter={}, ifs={}, is_async=0)",
                    expr(&g.target, Ctx::Store),
                    expr(&g.iter, Ctx::Load),
                    list(g.ifs.iter().map(|i| expr(i, Ctx::Load)).collect())
                )
            })
            .collect(),
    )
}

fn expr(e: &Expr, ctx: Ctx) -> String {
    with_pos(expr_inner(e, ctx), e.span)
}

fn expr_inner(e: &Expr, ctx: Ctx) -> String {
    match &e.kind {
        ExprKind::Name(n) => format!("Name(id={}, ctx={})", py_str(n), ctx_str(ctx)),
        ExprKind::Constant(c) => format!("Constant(value={})", constant(c)),
        ExprKind::FString(parts) => joined(parts),
        ExprKind::List(items) => {
            format!("List(elts={}, ctx={})", list(items.iter().map(|i| expr(i, ctx)).collect()), ctx_str(ctx))
        }
        ExprKind::Tuple(items) => {
            format!("Tuple(elts={}, ctx={})", list(items.iter().map(|i| expr(i, ctx)).collect()), ctx_str(ctx))
        }
        ExprKind::Set(items) => format!("Set(elts={})", list(items.iter().map(|i| expr(i, Ctx::Load)).collect())),
        ExprKind::Dict(pairs) => format!(
            "Dict(keys={}, values={})",
            list(
                pairs
                    .iter()
                    .map(|(k, _)| k.as_ref().map(|k| expr(k, Ctx::Load)).unwrap_or_else(|| "None".into()))
                    .collect()
            ),
            list(pairs.iter().map(|(_, v)| expr(v, Ctx::Load)).collect())
        ),
        ExprKind::Starred(v) => format!("Starred(value={}, ctx={})", expr(v, ctx), ctx_str(ctx)),
        ExprKind::Attribute { value, attr } => {
            format!("Attribute(value={}, attr={}, ctx={})", expr(value, Ctx::Load), py_str(attr), ctx_str(ctx))
        }
        ExprKind::Subscript { value, index } => format!(
            "Subscript(value={}, slice={}, ctx={})",
            expr(value, Ctx::Load),
            expr(index, Ctx::Load),
            ctx_str(ctx)
        ),
        ExprKind::Slice { lower, upper, step } => {
            let mut parts = Vec::new();
            if let Some(l) = lower {
                parts.push(format!("lower={}", expr(l, Ctx::Load)));
            }
            if let Some(u) = upper {
                parts.push(format!("upper={}", expr(u, Ctx::Load)));
            }
            if let Some(s) = step {
                parts.push(format!("step={}", expr(s, Ctx::Load)));
            }
            format!("Slice({})", parts.join(", "))
        }
        ExprKind::Call { func, args } => {
            let mut pos = Vec::new();
            let mut kws = Vec::new();
            for a in args {
                match a {
                    Arg::Positional(v) => pos.push(expr(v, Ctx::Load)),
                    Arg::Starred(v) => {
                        pos.push(with_pos(format!("Starred(value={}, ctx=Load())", expr(v, Ctx::Load)), back(v.span, 1)))
                    }
                    Arg::Keyword(k) => kws.push(keyword(k)),
                    Arg::DoubleStarred(v) => kws.push(with_pos(format!("keyword(value={})", expr(v, Ctx::Load)), back(v.span, 2))),
                }
            }
            format!("Call(func={}, args={}, keywords={})", expr(func, Ctx::Load), list(pos), list(kws))
        }
        ExprKind::UnaryOp { op, operand } => {
            let o = match op {
                UnaryOp::Not => "Not()",
                UnaryOp::Neg => "USub()",
                UnaryOp::Pos => "UAdd()",
                UnaryOp::Invert => "Invert()",
            };
            format!("UnaryOp(op={}, operand={})", o, expr(operand, Ctx::Load))
        }
        ExprKind::BinOp { left, op, right } => {
            format!("BinOp(left={}, op={}, right={})", expr(left, Ctx::Load), binop(*op), expr(right, Ctx::Load))
        }
        ExprKind::BoolOp { op, values } => format!(
            "BoolOp(op={}, values={})",
            if *op == BoolOp::And { "And()" } else { "Or()" },
            list(values.iter().map(|v| expr(v, Ctx::Load)).collect())
        ),
        ExprKind::Compare { left, ops, comparators } => format!(
            "Compare(left={}, ops={}, comparators={})",
            expr(left, Ctx::Load),
            list(ops.iter().map(|o| cmpop(*o).to_string()).collect()),
            list(comparators.iter().map(|c| expr(c, Ctx::Load)).collect())
        ),
        ExprKind::IfExp { test, body, orelse } => format!(
            "IfExp(test={}, body={}, orelse={})",
            expr(test, Ctx::Load),
            expr(body, Ctx::Load),
            expr(orelse, Ctx::Load)
        ),
        ExprKind::Lambda { params, body } => {
            format!("Lambda(args={}, body={})", arguments(params), expr(body, Ctx::Load))
        }
        ExprKind::ListComp { elt, generators } => {
            format!("ListComp(elt={}, generators={})", expr(elt, Ctx::Load), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("SetComp(elt={}, generators={})", expr(elt, Ctx::Load), comps(generators))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("GeneratorExp(elt={}, generators={})", expr(elt, Ctx::Load), comps(generators))
        }
        ExprKind::DictComp { key, value, generators } => format!(
            "DictComp(key={}, value={}, generators={})",
            expr(key, Ctx::Load),
            expr(value, Ctx::Load),
            comps(generators)
        ),
        ExprKind::Yield(v) => match v {
            Some(v) => format!("Yield(value={})", expr(v, Ctx::Load)),
            None => "Yield()".into(),
        },
        ExprKind::YieldFrom(v) => format!("YieldFrom(value={})", expr(v, Ctx::Load)),
        ExprKind::Await(v) => format!("Await(value={})", expr(v, Ctx::Load)),
        ExprKind::NamedExpr { target, value } => {
            let mut name_span = e.span;
            name_span.end = name_span.start;
            name_span.end.col += target.chars().count() as u32;
            name_span.end.offset += target.len() as u32;
            format!(
                "NamedExpr(target={}, value={})",
                with_pos(format!("Name(id={}, ctx=Store())", py_str(target)), name_span),
                expr(value, Ctx::Load)
            )
        }
        ExprKind::Shell(c) => format!("<Shell {:?}>", c.raw),
        ExprKind::Magic(m) => format!("<Magic {:?}>", m.name),
    }
}

fn joined(parts: &[FStringPart]) -> String {
    let mut values: Vec<String> = Vec::new();
    let mut pending = String::new();
    for p in parts {
        match p {
            FStringPart::Literal(t) => pending.push_str(t),
            FStringPart::Formatted { expr: e, conversion, format_spec, debug_text } => {
                if let Some(d) = debug_text {
                    pending.push_str(d);
                }
                if !pending.is_empty() {
                    values.push(format!("Constant(value={})", py_str(&pending)));
                    pending.clear();
                }
                let conv = match conversion {
                    Some(c) => *c as i32,
                    None if debug_text.is_some() && format_spec.is_none() => 'r' as i32,
                    None => -1,
                };
                let mut s = format!("FormattedValue(value={}, conversion={}", expr(e, Ctx::Load), conv);
                if let Some(spec) = format_spec {
                    s.push_str(&format!(", format_spec={}", joined(spec)));
                }
                s.push(')');
                values.push(s);
            }
        }
    }
    if !pending.is_empty() {
        values.push(format!("Constant(value={})", py_str(&pending)));
    }
    format!("JoinedStr(values={})", list(values))
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => py_float(*f),
        Constant::Imaginary(f) => {
            let s = py_float(*f);
            let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
            format!("{}j", s)
        }
        Constant::Str(s) => py_str(s),
        Constant::Bytes(b) => py_bytes(b),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

/// Python's `repr(float)`.
pub fn py_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sci = format!("{:e}", f); // shortest digits: "1.5e300", "-1e-5"
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let point = exp + 1; // digits before the decimal point
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point >= n {
            format!("{}{}.0", digits, "0".repeat((point - n) as usize))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        };
        format!("{}{}", sign, s)
    } else {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        format!("{}{}e{}{:02}", sign, m, if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Python's `repr(str)`.
pub fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x100 && !py_printable(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 && !py_printable(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if !py_printable(c) => out.push_str(&format!("\\U{:08x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn py_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character (close enough for the corpus).
fn py_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let u = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || matches!(u, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
        || (0xFDD0..=0xFDEF).contains(&u)
        || (u & 0xFFFE) == 0xFFFE
        || (0xE000..=0xF8FF).contains(&u)
        || (0xF0000..).contains(&u))
}
