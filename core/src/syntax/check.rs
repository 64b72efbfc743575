//! The checks CPython makes after parsing, when it builds the symbol table and
//! compiles (`'return' outside function`, `'break' outside loop`, `keyword argument
//! repeated`, starred targets, `nonlocal` at module level, ...). CPython reports
//! them with no source text; h5lab fills in the line.

use super::ast::Span;
use super::ast::{Arg, Expr, ExprKind, FStringPart, Parameters, Stmt, StmtKind};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::source::SourceText;
use super::visit::for_each_child;

fn err(source: &SourceText, span: Span, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        msg,
        (span.start.line, span.start.col + 1),
        (span.end.line, span.end.col + 1),
        source.line_with_newline(span.start.line),
    )
}

/// Runs CPython's symbol-table and compiler checks on `stmts` (a module body or
/// one top-level statement, as IPython compiles them one at a time).
pub fn compile_check(stmts: &[Stmt], source: &SourceText) -> Result<(), SyntaxError> {
    let mut sym = SymtableCheck { source, error: None };
    sym.block(stmts, Scope::Module);
    if let Some(e) = sym.error {
        return Err(e);
    }
    let mut comp = CompilerCheck { source, error: None };
    comp.block(stmts, Ctx { in_function: false, in_loop: false });
    match comp.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Function,
    Class,
}

struct SymtableCheck<'s> {
    source: &'s SourceText,
    error: Option<SyntaxError>,
}

impl SymtableCheck<'_> {
    fn fail(&mut self, span: Span, msg: String) {
        if self.error.is_none() {
            self.error = Some(err(self.source, span, msg));
        }
    }

    fn block(&mut self, stmts: &[Stmt], scope: Scope) {
        let mut assigned: Vec<String> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        for s in stmts {
            self.stmt(s, scope, &mut assigned, &mut used);
            if self.error.is_some() {
                return;
            }
        }
    }

    fn stmt(&mut self, s: &Stmt, scope: Scope, assigned: &mut Vec<String>, used: &mut Vec<String>) {
        match &s.kind {
            StmtKind::Nonlocal(names) => {
                if scope == Scope::Module {
                    self.fail(s.span, "nonlocal declaration not allowed at module level".into());
                    return;
                }
                self.declared(s, names, "nonlocal", assigned, used);
            }
            StmtKind::Global(names) => self.declared(s, names, "global", assigned, used),
            StmtKind::FunctionDef(f) => {
                assigned.push(f.name.clone());
                if let Some((dup, span)) = duplicate_param(&f.params) {
                    self.fail(span, format!("duplicate argument '{}' in function definition", dup));
                    return;
                }
                self.function_body(&f.params, &f.body);
            }
            StmtKind::ClassDef(c) => {
                assigned.push(c.name.clone());
                self.block(&c.body, Scope::Class);
            }
            _ => {
                collect_names(s, assigned, used);
                for_each_block(s, &mut |b| self.block_same_scope(b, scope, assigned, used));
            }
        }
    }

    fn function_body(&mut self, params: &Parameters, body: &[Stmt]) {
        let names: Vec<String> = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .map(|p| p.name.clone())
            .collect();
        let mut globals = Vec::new();
        find_declarations(body, &mut globals);
        for (name, span, what) in globals {
            if names.contains(&name) {
                self.fail(span, format!("name '{}' is parameter and {}", name, what));
                return;
            }
        }
        self.block(body, Scope::Function);
    }

    fn block_same_scope(&mut self, stmts: &[Stmt], scope: Scope, assigned: &mut Vec<String>, used: &mut Vec<String>) {
        for s in stmts {
            if self.error.is_some() {
                return;
            }
            self.stmt(s, scope, assigned, used);
        }
    }

    fn declared(&mut self, s: &Stmt, names: &[String], what: &str, assigned: &[String], used: &[String]) {
        for n in names {
            if assigned.contains(n) {
                self.fail(s.span, format!("name '{}' is assigned to before {} declaration", n, what));
                return;
            }
            if used.contains(n) {
                self.fail(s.span, format!("name '{}' is used prior to {} declaration", n, what));
                return;
            }
        }
    }
}

/// `global`/`nonlocal` declarations of a function body (not nested scopes).
fn find_declarations(stmts: &[Stmt], out: &mut Vec<(String, Span, &'static str)>) {
    for s in stmts {
        match &s.kind {
            StmtKind::Global(names) => out.extend(names.iter().map(|n| (n.clone(), s.span, "global"))),
            StmtKind::Nonlocal(names) => out.extend(names.iter().map(|n| (n.clone(), s.span, "nonlocal"))),
            StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
            _ => for_each_block(s, &mut |b| find_declarations(b, out)),
        }
    }
}

fn duplicate_param(p: &Parameters) -> Option<(String, Span)> {
    let all: Vec<&super::ast::Param> =
        p.posonly.iter().chain(&p.args).chain(&p.vararg).chain(&p.kwonly).chain(&p.kwarg).collect();
    for (i, q) in all.iter().enumerate() {
        if all[..i].iter().any(|o| o.name == q.name) {
            let end = q.annotation.as_ref().map(|a| a.span.end).unwrap_or(q.span.end);
            return Some((q.name.clone(), Span { start: q.span.start, end }));
        }
    }
    None
}

/// Names a simple statement assigns and uses (not descending into blocks).
fn collect_names(s: &Stmt, assigned: &mut Vec<String>, used: &mut Vec<String>) {
    let mut targets: Vec<&Expr> = Vec::new();
    let mut values: Vec<&Expr> = Vec::new();
    match &s.kind {
        StmtKind::Assign { targets: t, value } => {
            targets.extend(t);
            values.push(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            targets.push(target);
            values.push(value);
        }
        StmtKind::AnnAssign { target, annotation, value } => {
            targets.push(target);
            values.push(annotation);
            values.extend(value);
        }
        StmtKind::For { target, iter, .. } => {
            targets.push(target);
            values.push(iter);
        }
        StmtKind::Expr { value, .. } => values.push(value),
        StmtKind::If { test, .. } | StmtKind::While { test, .. } => values.push(test),
        StmtKind::Return(Some(v)) => values.push(v),
        StmtKind::Import(aliases) => {
            for a in aliases {
                let n = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                assigned.push(n);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                assigned.push(a.asname.clone().unwrap_or_else(|| a.name.clone()));
            }
        }
        _ => {}
    }
    for t in targets {
        target_names(t, assigned);
    }
    for v in values {
        load_names(v, used);
    }
}

fn target_names(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| target_names(i, out)),
        ExprKind::Starred(v) => target_names(v, out),
        _ => {}
    }
}

fn load_names(e: &Expr, out: &mut Vec<String>) {
    if let ExprKind::Name(n) = &e.kind {
        out.push(n.clone());
    }
    if matches!(
        e.kind,
        ExprKind::Lambda { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. }
    ) {
        return;
    }
    for_each_child(e, &mut |c| load_names(c, out));
}

/// Calls `f` on each nested statement block of a compound statement.
fn for_each_block<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a [Stmt])) {
    match &s.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => {
            f(body);
            f(orelse);
        }
        StmtKind::With { body, .. } => f(body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            f(body);
            for h in handlers {
                f(&h.body);
            }
            f(orelse);
            f(finalbody);
        }
        _ => {}
    }
}

#[derive(Clone, Copy)]
struct Ctx {
    in_function: bool,
    in_loop: bool,
}

struct CompilerCheck<'s> {
    source: &'s SourceText,
    error: Option<SyntaxError>,
}

impl CompilerCheck<'_> {
    fn fail(&mut self, span: Span, msg: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(err(self.source, span, msg));
        }
    }

    fn block(&mut self, stmts: &[Stmt], ctx: Ctx) {
        for s in stmts {
            if self.error.is_some() {
                return;
            }
            self.stmt(s, ctx);
        }
    }

    fn stmt(&mut self, s: &Stmt, ctx: Ctx) {
        if self.error.is_none() {
            if let Some(msg) = debug_statement_error(s) {
                self.fail(s.span, msg);
                return;
            }
        }
        match &s.kind {
            StmtKind::Return(v) => {
                if !ctx.in_function {
                    self.fail(s.span, "'return' outside function");
                    return;
                }
                if let Some(v) = v {
                    self.value(v, ctx);
                }
            }
            StmtKind::Break if !ctx.in_loop => self.fail(s.span, "'break' outside loop"),
            StmtKind::Continue if !ctx.in_loop => self.fail(s.span, "'continue' not properly in loop"),
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d, ctx);
                }
                self.params(&f.params, ctx);
                if let Some(r) = &f.returns {
                    self.expr(r, ctx);
                }
                self.block(&f.body, Ctx { in_function: true, in_loop: false });
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d, ctx);
                }
                for b in &c.bases {
                    self.expr(b, ctx);
                }
                self.block(&c.body, Ctx { in_function: false, in_loop: false });
            }
            StmtKind::Expr { value, .. } => self.value(value, ctx),
            StmtKind::Assign { targets, value } => {
                self.value(value, ctx);
                for t in targets {
                    self.assign_target(t, ctx);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                if matches!(&target.kind, ExprKind::Name(n) if n == "__debug__") {
                    self.fail(target.span, "cannot assign to __debug__");
                    return;
                }
                self.value(value, ctx);
                self.expr(target, ctx);
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.value(v, ctx);
                }
                self.expr(target, ctx);
                self.expr(annotation, ctx);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.value(iter, ctx);
                self.assign_target(target, ctx);
                self.block(body, Ctx { in_loop: true, ..ctx });
                self.block(orelse, ctx);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx);
                self.block(body, Ctx { in_loop: true, ..ctx });
                self.block(orelse, ctx);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx);
                self.block(body, ctx);
                self.block(orelse, ctx);
            }
            StmtKind::With { items, body } => {
                for i in items {
                    self.expr(&i.context, ctx);
                    if let Some(t) = &i.target {
                        self.assign_target(t, ctx);
                    }
                }
                self.block(body, ctx);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                // CPython's compiler order: body, else, the handlers, finally.
                self.block(body, ctx);
                self.block(orelse, ctx);
                for (i, h) in handlers.iter().enumerate() {
                    if h.class.is_none() && i + 1 < handlers.len() {
                        self.fail(h.span, "default 'except:' must be last");
                        return;
                    }
                    if let Some(c) = &h.class {
                        self.expr(c, ctx);
                    }
                    self.block(&h.body, ctx);
                }
                self.block(finalbody, ctx);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e, ctx);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx);
                if let Some(m) = msg {
                    self.expr(m, ctx);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.del_target(t, ctx);
                }
            }
            _ => {}
        }
    }

    fn params(&mut self, p: &Parameters, ctx: Ctx) {
        super::visit::for_each_param_child(p, &mut |e| self.expr(e, ctx));
    }

    /// A value position: a bare starred expression is not allowed.
    fn value(&mut self, e: &Expr, ctx: Ctx) {
        if let ExprKind::Starred(_) = e.kind {
            self.fail(e.span, "can't use starred expression here");
            return;
        }
        self.expr(e, ctx);
    }

    fn assign_target(&mut self, t: &Expr, ctx: Ctx) {
        match &t.kind {
            ExprKind::Starred(_) => self.fail(t.span, "starred assignment target must be in a list or tuple"),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars = items.iter().filter(|i| matches!(i.kind, ExprKind::Starred(_))).count();
                if stars > 1 {
                    self.fail(t.span, "multiple starred expressions in assignment");
                    return;
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(v) => self.assign_target_inner(v, ctx),
                        _ => self.assign_target(i, ctx),
                    }
                }
            }
            ExprKind::Name(n) if n == "__debug__" => self.fail(t.span, "cannot assign to __debug__"),
            ExprKind::Attribute { attr, .. } if attr == "__debug__" => self.fail(t.span, "cannot assign to __debug__"),
            _ => self.expr(t, ctx),
        }
    }

    fn del_target(&mut self, t: &Expr, ctx: Ctx) {
        match &t.kind {
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| self.del_target(i, ctx)),
            ExprKind::Name(n) if n == "__debug__" => self.fail(t.span, "cannot delete __debug__"),
            ExprKind::Attribute { attr, .. } if attr == "__debug__" => self.fail(t.span, "cannot delete __debug__"),
            _ => self.expr(t, ctx),
        }
    }

    fn assign_target_inner(&mut self, t: &Expr, ctx: Ctx) {
        match &t.kind {
            ExprKind::Starred(_) => self.fail(t.span, "starred assignment target must be in a list or tuple"),
            _ => self.assign_target(t, ctx),
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        if self.error.is_some() {
            return;
        }
        match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) if !ctx.in_function => {
                self.fail(e.span, "'yield' outside function");
                return;
            }
            ExprKind::Call { args, .. } => {
                let mut seen: Vec<&str> = Vec::new();
                for a in args {
                    if let Arg::Keyword(k) = a {
                        if k.name == "__debug__" {
                            self.fail(e.span, "cannot assign to __debug__");
                            return;
                        }
                        if seen.contains(&k.name.as_str()) {
                            self.fail(k.span, format!("keyword argument repeated: {}", k.name));
                            return;
                        }
                        seen.push(&k.name);
                    }
                }
            }
            ExprKind::Lambda { params, body } => {
                if params_mention_debug(params) {
                    self.fail(e.span, "cannot assign to __debug__");
                    return;
                }
                self.params(params, ctx);
                self.expr(body, Ctx { in_function: true, in_loop: false });
                return;
            }
            ExprKind::Starred(v) => {
                // Allowed in calls, displays and targets: those visit their items
                // through `expr`, so only check the value here.
                self.expr(v, ctx);
                return;
            }
            ExprKind::FString(parts) => {
                self.fstring(parts, ctx);
                return;
            }
            ExprKind::NamedExpr { target, .. } if target == "__debug__" => {
                let mut name_span = e.span;
                name_span.end = e.span.start;
                name_span.end.col += 9;
                name_span.end.offset += 9;
                self.fail(name_span, "cannot assign to __debug__");
                return;
            }
            _ => {}
        }
        for_each_child(e, &mut |c| self.expr(c, ctx));
    }

    fn fstring(&mut self, parts: &[FStringPart], ctx: Ctx) {
        for p in parts {
            if let FStringPart::Formatted { expr, format_spec, .. } = p {
                self.expr(expr, ctx);
                if let Some(spec) = format_spec {
                    self.fstring(spec, ctx);
                }
            }
        }
    }
}

fn params_mention_debug(p: &Parameters) -> bool {
    p.posonly.iter().chain(&p.args).chain(&p.vararg).chain(&p.kwonly).chain(&p.kwarg).any(|a| a.name == "__debug__")
}

/// CPython's `forbidden_name` errors reported at the whole statement.
fn debug_statement_error(s: &Stmt) -> Option<&'static str> {
    let assign = Some("cannot assign to __debug__");
    match &s.kind {
        StmtKind::FunctionDef(f) if f.name == "__debug__" || params_mention_debug(&f.params) => assign,
        StmtKind::ClassDef(c) if c.name == "__debug__" => assign,
        StmtKind::AnnAssign { target, .. } if matches!(&target.kind, ExprKind::Name(n) if n == "__debug__") => assign,
        StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
            let hit = names.iter().any(|a| {
                let bound = a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap_or(""));
                bound == "__debug__"
            });
            if hit {
                assign
            } else {
                None
            }
        }
        _ => None,
    }
}
