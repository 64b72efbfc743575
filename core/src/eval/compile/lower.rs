//! Lowering: the AST of a cell to the evaluator's tree, with names resolved by the
//! scope analysis. Sub-trees are visited in exactly the order `scope::analyze` visits
//! them, so scope numbers line up.

use std::collections::HashMap;
use std::rc::Rc;

use num_traits::Zero;

use super::scope::{Resolution, Scope};
use crate::eval::ir::{self, Var};
use crate::eval::names::Names;
use crate::syntax::ast::{self, Arg, ExprKind as E, StmtKind as S};
use crate::value::{complex, Value};

struct Ctx {
    scope: usize,
    locals: HashMap<String, u32>,
    cells: HashMap<String, u32>,
    qualname: String,
}

/// Lowers a cell's AST.
pub struct Lowerer<'a> {
    scopes: &'a [Scope],
    next_scope: usize,
    stack: Vec<Ctx>,
    names: &'a mut Names,
    cell: u64,
}

fn line(span: &ast::Span) -> u32 {
    span.start.line
}

/// The last line a node occupies (a span ending at column 0 ends on the line before).
fn last_line_of(span: &ast::Span) -> u32 {
    if span.end.col == 0 && span.end.line > span.start.line {
        span.end.line - 1
    } else {
        span.end.line
    }
}

impl<'a> Lowerer<'a> {
    /// A lowerer for a cell whose scopes were analysed into `scopes`.
    pub fn new(scopes: &'a [Scope], names: &'a mut Names, cell: u64) -> Lowerer<'a> {
        Lowerer {
            scopes,
            next_scope: 1,
            stack: vec![Ctx { scope: 0, locals: HashMap::new(), cells: HashMap::new(), qualname: String::new() }],
            names,
            cell,
        }
    }

    /// Lowers the cell body; the last statement, if an expression without `;`, is
    /// marked for display.
    pub fn module(&mut self, module: &ast::Module) -> Vec<ir::Stmt> {
        let mut body = self.stmts(&module.body);
        if let (Some(last), Some(ast_last)) = (body.last_mut(), module.body.last()) {
            if let (ir::StmtKind::Expr(_, display), S::Expr { suppress_out, .. }) = (&mut last.kind, &ast_last.kind) {
                *display = !suppress_out;
            }
        }
        body
    }

    fn ctx(&self) -> &Ctx {
        &self.stack[self.stack.len() - 1]
    }

    fn var(&mut self, name: &str) -> Var {
        let ctx = self.ctx();
        match self.scopes[ctx.scope].resolve(name) {
            Resolution::Global => Var::Global(self.names.intern(name)),
            Resolution::Local => match ctx.locals.get(name) {
                Some(&slot) => Var::Local(slot),
                None => Var::Global(self.names.intern(name)),
            },
            Resolution::Cell | Resolution::Free => match ctx.cells.get(name) {
                Some(&i) => Var::Cell(i),
                None => Var::Global(self.names.intern(name)),
            },
        }
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Vec<ir::Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> ir::Stmt {
        let kind = match &stmt.kind {
            S::Expr { value, .. } => ir::StmtKind::Expr(self.expr(value), false),
            S::Assign { targets, value } => {
                let value = self.expr(value);
                let targets = targets.iter().map(|t| self.target(t)).collect();
                ir::StmtKind::Assign(targets, value)
            }
            S::AugAssign { target, op, value } => {
                let value = self.expr(value);
                ir::StmtKind::AugAssign(self.target(target), *op, value)
            }
            S::AnnAssign { target, annotation, value } => {
                let value = value.as_ref().map(|v| self.expr(v));
                let _ = self.expr(annotation);
                match value {
                    Some(v) => ir::StmtKind::Assign(vec![self.target(target)], v),
                    None => ir::StmtKind::Pass,
                }
            }
            S::Delete(targets) => ir::StmtKind::Delete(targets.iter().map(|t| self.target(t)).collect()),
            S::Pass | S::Global(_) | S::Nonlocal(_) => ir::StmtKind::Pass,
            S::Break => ir::StmtKind::Break,
            S::Continue => ir::StmtKind::Continue,
            S::Return(value) => ir::StmtKind::Return(value.as_ref().map(|v| self.expr(v))),
            S::Raise { exc, cause } => {
                let exc = exc.as_ref().map(|e| self.expr(e));
                let cause = cause.as_ref().map(|e| self.expr(e));
                ir::StmtKind::Raise(exc, cause)
            }
            S::Assert { test, msg } => {
                let test = self.expr(test);
                ir::StmtKind::Assert(test, msg.as_ref().map(|m| self.expr(m)))
            }
            S::Import(aliases) => ir::StmtKind::Import(
                aliases
                    .iter()
                    .map(|a| {
                        let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or_default().to_string());
                        ir::ImportName {
                            module: Rc::from(a.name.as_str()),
                            has_alias: a.asname.is_some(),
                            var: self.var(&bound),
                            name: Rc::from(bound.as_str()),
                        }
                    })
                    .collect(),
            ),
            S::ImportFrom { module, names, level } => {
                let bindings = names
                    .iter()
                    .filter(|a| a.name != "*")
                    .map(|a| {
                        let bound = a.asname.as_deref().unwrap_or(&a.name);
                        (Rc::from(a.name.as_str()), self.var(bound), Rc::from(bound))
                    })
                    .collect();
                ir::StmtKind::ImportFrom(Rc::from(module.as_deref().unwrap_or("")), *level, bindings)
            }
            S::If { test, body, orelse } => {
                let test = self.expr(test);
                ir::StmtKind::If(test, self.stmts(body), self.stmts(orelse))
            }
            S::While { test, body, orelse } => {
                let test = self.expr(test);
                ir::StmtKind::While(test, self.stmts(body), self.stmts(orelse))
            }
            S::For { target, iter, body, orelse } => {
                let iter = self.expr(iter);
                let target = self.target(target);
                ir::StmtKind::For(target, iter, self.stmts(body), self.stmts(orelse))
            }
            S::With { items, body } => {
                let items = items
                    .iter()
                    .map(|item| {
                        let context = self.expr(&item.context);
                        (context, item.target.as_ref().map(|t| self.target(t)))
                    })
                    .collect();
                ir::StmtKind::With(items, self.stmts(body))
            }
            S::Try { body, handlers, orelse, finalbody } => {
                let body = self.stmts(body);
                let handlers = handlers
                    .iter()
                    .map(|h| {
                        let class = h.class.as_ref().map(|c| self.expr(c));
                        let name = h.name.as_ref().map(|n| (self.var(n), Rc::from(n.as_str())));
                        ir::Handler { class, name, body: self.stmts(&h.body), line: line(&h.span) }
                    })
                    .collect();
                ir::StmtKind::Try(body, handlers, self.stmts(orelse), self.stmts(finalbody))
            }
            S::FunctionDef(def) => {
                let decorators: Vec<ir::Expr> = def.decorators.iter().map(|d| self.expr(d)).collect();
                let last_line = def.body.last().map_or(stmt.span.end.line, |s| last_line_of(&s.span));
                // co_firstlineno: the first decorator's line for a decorated function.
                let first_line = def.decorators.first().map_or(line(&def.name_span), |d| line(&d.span));
                let make = self.function(&def.name, &def.params, FunctionBody::Block(&def.body), first_line, last_line);
                let var = self.var(&def.name);
                ir::StmtKind::Def(make, decorators, var, Rc::from(def.name.as_str()))
            }
            S::ClassDef(class) => {
                for e in class.decorators.iter().chain(&class.bases) {
                    let _ = self.expr(e);
                }
                for k in &class.keywords {
                    let _ = self.expr(&k.value);
                }
                ir::StmtKind::Unsupported("class definitions")
            }
            S::Shell(cmd) => ir::StmtKind::Shell(Rc::new(self.shell(cmd))),
            S::Magic(call) => ir::StmtKind::Magic(Rc::new(ir::MagicCall { name: Rc::from(call.name.as_str()), args: Rc::from(call.args.as_str()) })),
            S::CellMagic { name, line, body } => {
                ir::StmtKind::CellMagic(Rc::from(name.as_str()), Rc::from(line.as_str()), Rc::from(body.as_str()))
            }
            S::Help { target, detail } => ir::StmtKind::Help(Rc::from(target.as_str()), *detail),
        };
        ir::Stmt { kind, line: line(&stmt.span) }
    }

    fn shell(&mut self, cmd: &ast::ShellCommand) -> ir::ShellCall {
        let parts = cmd
            .parts
            .iter()
            .map(|p| match p {
                ast::ShellPart::Literal(text) => ir::ShellPiece::Literal(Rc::from(text.as_str())),
                ast::ShellPart::Interpolated { expr, raw } => ir::ShellPiece::Expr(self.expr(expr), Rc::from(raw.as_str())),
            })
            .collect();
        ir::ShellCall { parts, raw: Rc::from(cmd.raw.as_str()), capture: cmd.capture }
    }

    fn target(&mut self, target: &ast::Expr) -> ir::Target {
        match &target.kind {
            E::Name(name) => ir::Target::Var(self.var(name), Rc::from(name.as_str())),
            E::Tuple(items) | E::List(items) => {
                let star = items.iter().position(|t| matches!(t.kind, E::Starred(_)));
                let targets = items.iter().map(|t| self.target(t)).collect();
                ir::Target::Unpack(targets, star, line(&target.span))
            }
            E::Starred(inner) => self.target(inner),
            E::Attribute { value, attr } => ir::Target::Attribute(self.expr(value), Rc::from(attr.as_str())),
            E::Subscript { value, index } => {
                let value = self.expr(value);
                ir::Target::Subscript(value, self.expr(index))
            }
            // Not a valid target (the parser refuses these); evaluate for effects.
            _ => ir::Target::Var(Var::Global(self.names.intern("_")), Rc::from("_")),
        }
    }

    fn params_defaults(&mut self, params: &ast::Parameters) -> (Vec<ir::Expr>, Vec<(Rc<str>, ir::Expr)>) {
        let mut defaults = Vec::new();
        for p in params.posonly.iter().chain(&params.args) {
            if let Some(d) = &p.default {
                defaults.push(self.expr(d));
            }
        }
        let mut kw_defaults = Vec::new();
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                kw_defaults.push((Rc::from(p.name.as_str()), self.expr(d)));
            }
        }
        (defaults, kw_defaults)
    }

    /// Enters the next scope (a function, lambda or comprehension) with its slots.
    fn enter(&mut self, name: &str) -> usize {
        let index = self.next_scope;
        self.next_scope += 1;
        let scope = &self.scopes[index];
        let mut locals = HashMap::new();
        for p in &scope.params {
            let slot = locals.len() as u32;
            locals.insert(p.clone(), slot);
        }
        for name in &scope.bound {
            if !locals.contains_key(name) && scope.resolve(name) == Resolution::Local {
                let slot = locals.len() as u32;
                locals.insert(name.clone(), slot);
            }
        }
        let mut cells = HashMap::new();
        for name in scope.cells.iter().chain(&scope.frees) {
            let i = cells.len() as u32;
            cells.entry(name.clone()).or_insert(i);
        }
        let parent_qual = &self.ctx().qualname;
        let kind = scope.kind;
        let qualname = if parent_qual.is_empty() {
            name.to_string()
        } else {
            format!("{parent_qual}.<locals>.{name}")
        };
        let _ = kind;
        self.stack.push(Ctx { scope: index, locals, cells, qualname });
        index
    }

    fn leave(&mut self) -> Ctx {
        self.stack.pop().unwrap_or(Ctx { scope: 0, locals: HashMap::new(), cells: HashMap::new(), qualname: String::new() })
    }

    /// The code object of the scope being left, and where its free variables come
    /// from in the enclosing scope.
    fn finish_code(
        &mut self,
        ctx: Ctx,
        name: &str,
        params: ir::Params,
        body: Vec<ir::Stmt>,
        first_line: u32,
        last_line: u32,
        doc: Option<Rc<str>>,
    ) -> (Rc<ir::FunctionCode>, Vec<Var>) {
        let scope = &self.scopes[ctx.scope];
        let mut local_names: Vec<(u32, Rc<str>)> = ctx.locals.iter().map(|(n, s)| (*s, Rc::from(n.as_str()))).collect();
        local_names.sort_by_key(|(s, _)| *s);
        let cellvars = scope
            .cells
            .iter()
            .map(|n| (Rc::from(n.as_str()), ctx.locals.get(n).copied().filter(|_| scope.params.contains(n))))
            .collect();
        let freevars: Vec<Rc<str>> = scope.frees.iter().map(|n| Rc::from(n.as_str())).collect();
        let captures = scope.frees.iter().cloned().collect::<Vec<_>>().iter().map(|n| self.var(n)).collect();
        let signature = signature_text(&params);
        let code = ir::FunctionCode {
            name: Rc::from(name),
            qualname: Rc::from(ctx.qualname.as_str()),
            params,
            n_locals: ctx.locals.len(),
            local_names: local_names.into_iter().map(|(_, n)| n).collect(),
            cellvars,
            freevars,
            body,
            cell: self.cell,
            first_line,
            last_line,
            doc,
            is_generator: scope.is_generator,
            signature: Rc::from(signature.as_str()),
        };
        (Rc::new(code), captures)
    }

    fn function(
        &mut self,
        name: &str,
        params: &ast::Parameters,
        body: FunctionBody,
        first_line: u32,
        last_line: u32,
    ) -> Rc<ir::MakeFunction> {
        let (defaults, kw_defaults) = self.params_defaults(params);
        self.enter(name);
        let ir_params = lower_params(params);
        let (body, doc) = match body {
            FunctionBody::Block(stmts) => {
                let doc = match stmts.first().map(|s| &s.kind) {
                    Some(S::Expr { value: ast::Expr { kind: E::Constant(ast::Constant::Str(text)), .. }, .. }) => Some(Rc::from(text.as_str())),
                    _ => None,
                };
                (self.stmts(stmts), doc)
            }
            FunctionBody::Expr(expr) => {
                let e = self.expr(expr);
                let line = e.line;
                (vec![ir::Stmt { kind: ir::StmtKind::Return(Some(e)), line }], None)
            }
        };
        let ctx = self.leave();
        let (code, captures) = self.finish_code(ctx, name, ir_params, body, first_line, last_line, doc);
        Rc::new(ir::MakeFunction { code, defaults, kw_defaults, captures })
    }

    fn comprehension(
        &mut self,
        kind: ir::ComprehensionKind,
        generators: &[ast::Comprehension],
        elements: &[&ast::Expr],
        span: &ast::Span,
    ) -> ir::ExprKind {
        let Some(first) = generators.first() else { return ir::ExprKind::Unsupported("empty comprehension") };
        let outer_iter = self.expr(&first.iter);
        let name = match kind {
            ir::ComprehensionKind::List => "<listcomp>",
            ir::ComprehensionKind::Set => "<setcomp>",
            ir::ComprehensionKind::Dict => "<dictcomp>",
            ir::ComprehensionKind::Generator => "<genexpr>",
        };
        self.enter(name);
        // The body: nested for/if statements around an Emit of the element(s).
        let mut loops: Vec<(ir::Target, Option<ir::Expr>, Vec<ir::Expr>)> = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let iter = if i > 0 { Some(self.expr(&g.iter)) } else { None };
            let target = self.target(&g.target);
            let ifs = g.ifs.iter().map(|c| self.expr(c)).collect();
            loops.push((target, iter, ifs));
        }
        let elements: Vec<ir::Expr> = elements.iter().map(|e| self.expr(e)).collect();
        let first_line = line(span);
        let source = ir::Expr { kind: ir::ExprKind::Load(Var::Local(0), Rc::from(".0")), line: first_line };
        let mut body = vec![ir::Stmt { kind: ir::StmtKind::Emit(elements), line: first_line }];
        for (i, (target, iter, ifs)) in loops.into_iter().enumerate().rev() {
            for cond in ifs.into_iter().rev() {
                let l = cond.line;
                body = vec![ir::Stmt { kind: ir::StmtKind::If(cond, body, Vec::new()), line: l }];
            }
            let iter = if i == 0 { source.clone() } else { iter.unwrap_or_else(|| source.clone()) };
            let l = iter.line;
            body = vec![ir::Stmt { kind: ir::StmtKind::For(target, iter, body, Vec::new()), line: l }];
        }
        let ctx = self.leave();
        let params = ir::Params { names: vec![Rc::from(".0")], posonly: 0, positional: 1, vararg: None, kwarg: None };
        let (code, captures) = self.finish_code(ctx, name, params, body, first_line, span.end.line, None);
        ir::ExprKind::Comprehension(Rc::new(ir::Comprehension { code, captures, kind }), Box::new(outer_iter))
    }

    fn expr(&mut self, expr: &ast::Expr) -> ir::Expr {
        let l = line(&expr.span);
        let kind = match &expr.kind {
            E::Name(name) => ir::ExprKind::Load(self.var(name), Rc::from(name.as_str())),
            E::Constant(c) => ir::ExprKind::Const(constant(c)),
            E::FString(parts) => ir::ExprKind::FString(self.fstring(parts)),
            E::List(items) => ir::ExprKind::List(items.iter().map(|e| self.expr(e)).collect()),
            E::Tuple(items) => ir::ExprKind::Tuple(items.iter().map(|e| self.expr(e)).collect()),
            E::Set(items) => ir::ExprKind::Set(items.iter().map(|e| self.expr(e)).collect()),
            E::Dict(pairs) => ir::ExprKind::Dict(
                pairs
                    .iter()
                    .map(|(k, v)| {
                        let k = k.as_ref().map(|k| self.expr(k));
                        (k, self.expr(v))
                    })
                    .collect(),
            ),
            E::Starred(inner) => ir::ExprKind::Starred(Box::new(self.expr(inner))),
            E::Attribute { value, attr } => ir::ExprKind::Attribute(Box::new(self.expr(value)), Rc::from(attr.as_str())),
            E::Subscript { value, index } => {
                let value = self.expr(value);
                ir::ExprKind::Subscript(Box::new(value), Box::new(self.expr(index)))
            }
            E::Slice { lower, upper, step } => {
                let lower = lower.as_ref().map(|e| Box::new(self.expr(e)));
                let upper = upper.as_ref().map(|e| Box::new(self.expr(e)));
                let step = step.as_ref().map(|e| Box::new(self.expr(e)));
                ir::ExprKind::Slice(lower, upper, step)
            }
            E::Call { func, args } => {
                let func = self.expr(func);
                let args = args
                    .iter()
                    .map(|a| match a {
                        Arg::Positional(e) => ir::CallArg::Positional(self.expr(e)),
                        Arg::Starred(e) => match &e.kind {
                            // The parser keeps the `*` node around the value.
                            E::Starred(inner) => ir::CallArg::Star(self.expr(inner)),
                            _ => ir::CallArg::Star(self.expr(e)),
                        },
                        Arg::Keyword(k) => ir::CallArg::Keyword(Rc::from(k.name.as_str()), self.expr(&k.value)),
                        Arg::DoubleStarred(e) => ir::CallArg::DoubleStar(self.expr(e)),
                    })
                    .collect();
                ir::ExprKind::Call(Box::new(func), args)
            }
            E::UnaryOp { op, operand } => ir::ExprKind::Unary(*op, Box::new(self.expr(operand))),
            E::BinOp { left, op, right } => {
                let left = self.expr(left);
                let right = self.expr(right);
                // Constant folding, as CPython's compiler does for `10**6`: only results
                // that are small ints or floats (errors are left to run time).
                if let (ir::ExprKind::Const(a), ir::ExprKind::Const(b)) = (&left.kind, &right.kind) {
                    let small_pow = *op != ast::BinOp::Pow || matches!(b, Value::Int(e) if (0..=64).contains(e));
                    if small_pow {
                        if let Some(Ok(v @ (Value::Int(_) | Value::Float(_)))) = crate::value::int::binary(*op, a, b) {
                            return ir::Expr { kind: ir::ExprKind::Const(v), line: l };
                        }
                    }
                }
                ir::ExprKind::Binary(*op, Box::new(left), Box::new(right))
            }
            E::BoolOp { op, values } => ir::ExprKind::Bool(*op, values.iter().map(|e| self.expr(e)).collect()),
            E::Compare { left, ops, comparators } => {
                let left = self.expr(left);
                let rest = ops.iter().zip(comparators).map(|(op, c)| (*op, self.expr(c))).collect();
                ir::ExprKind::Compare(Box::new(left), rest)
            }
            E::IfExp { test, body, orelse } => {
                let test = self.expr(test);
                let body = self.expr(body);
                ir::ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(self.expr(orelse)))
            }
            E::Lambda { params, body } => {
                ir::ExprKind::Function(self.function("<lambda>", params, FunctionBody::Expr(body), l, expr.span.end.line))
            }
            E::ListComp { elt, generators } => self.comprehension(ir::ComprehensionKind::List, generators, &[elt], &expr.span),
            E::SetComp { elt, generators } => self.comprehension(ir::ComprehensionKind::Set, generators, &[elt], &expr.span),
            E::GeneratorExp { elt, generators } => {
                self.comprehension(ir::ComprehensionKind::Generator, generators, &[elt], &expr.span)
            }
            E::DictComp { key, value, generators } => {
                self.comprehension(ir::ComprehensionKind::Dict, generators, &[key, value], &expr.span)
            }
            E::Yield(value) => ir::ExprKind::Yield(value.as_ref().map(|v| Box::new(self.expr(v)))),
            E::YieldFrom(value) => ir::ExprKind::YieldFrom(Box::new(self.expr(value))),
            E::Await(value) => {
                let _ = self.expr(value);
                ir::ExprKind::Unsupported("await")
            }
            E::NamedExpr { target, value } => {
                let value = self.expr(value);
                ir::ExprKind::Walrus(self.var(target), Rc::from(target.as_str()), Box::new(value))
            }
            E::Shell(cmd) => ir::ExprKind::Shell(Rc::new(self.shell(cmd))),
            E::Magic(call) => ir::ExprKind::Magic(Rc::new(ir::MagicCall { name: Rc::from(call.name.as_str()), args: Rc::from(call.args.as_str()) })),
        };
        ir::Expr { kind, line: l }
    }

    fn fstring(&mut self, parts: &[ast::FStringPart]) -> Vec<ir::FPart> {
        parts
            .iter()
            .map(|p| match p {
                ast::FStringPart::Literal(text) => ir::FPart::Literal(Rc::from(text.as_str())),
                ast::FStringPart::Formatted { expr, conversion, format_spec, debug_text } => {
                    let expr = self.expr(expr);
                    let spec = format_spec.as_ref().map(|s| self.fstring(s));
                    ir::FPart::Field { expr, conversion: *conversion, spec, debug: debug_text.as_deref().map(Rc::from) }
                }
            })
            .collect()
    }
}

enum FunctionBody<'b> {
    Block(&'b [ast::Stmt]),
    Expr(&'b ast::Expr),
}

fn lower_params(params: &ast::Parameters) -> ir::Params {
    let mut names: Vec<Rc<str>> = Vec::new();
    for p in params.posonly.iter().chain(&params.args).chain(&params.kwonly) {
        names.push(Rc::from(p.name.as_str()));
    }
    ir::Params {
        names,
        posonly: params.posonly.len(),
        positional: params.posonly.len() + params.args.len(),
        vararg: params.vararg.as_ref().map(|p| Rc::from(p.name.as_str())),
        kwarg: params.kwarg.as_ref().map(|p| Rc::from(p.name.as_str())),
    }
}

/// `(a, b, *args, **kw)` as IPython prints a frame's arguments (names only; keyword-
/// only names after the positional ones, then `*args`, then `**kwargs`).
fn signature_text(params: &ir::Params) -> String {
    let mut parts: Vec<String> = params.names.iter().map(|n| n.to_string()).collect();
    if let Some(v) = &params.vararg {
        parts.push(format!("*{v}"));
    }
    if let Some(k) = &params.kwarg {
        parts.push(format!("**{k}"));
    }
    format!("({})", parts.join(", "))
}

/// A literal's value.
fn constant(c: &ast::Constant) -> Value {
    match c {
        ast::Constant::None => Value::None,
        ast::Constant::Bool(b) => Value::Bool(*b),
        ast::Constant::Int(i) => Value::Int(*i),
        ast::Constant::BigInt(b) => {
            if b.is_zero() {
                Value::Int(0)
            } else {
                Value::from_bigint(b.clone())
            }
        }
        ast::Constant::Float(x) => Value::Float(*x),
        ast::Constant::Imaginary(x) => complex::value(0.0, *x),
        ast::Constant::Str(s) => Value::str(s),
        ast::Constant::Bytes(b) => Value::bytes(b),
        ast::Constant::Ellipsis => crate::value::iter::ellipsis(),
    }
}
