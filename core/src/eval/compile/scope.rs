//! Scope analysis: for every function-like scope of a cell (def, lambda, comprehension)
//! which names are its locals, which of those inner scopes capture (cells), which it
//! takes from enclosing functions (free), and which are globals — Python's rules.
//!
//! Scopes are numbered in pre-order of the tree; lowering walks the tree in the same
//! order and takes them back by number.

use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;

use crate::syntax::ast::*;

/// What kind of scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The cell itself (module level): every name is global.
    Module,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A comprehension.
    Comprehension,
}

/// How a name resolves in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// A plain local.
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// A module-level name.
    Global,
}

/// One scope's facts.
#[derive(Debug)]
pub struct Scope {
    /// Kind.
    pub kind: ScopeKind,
    /// Parent scope number.
    pub parent: Option<usize>,
    /// Parameter names, in slot order.
    pub params: Vec<String>,
    /// Names bound in the scope (parameters first), in order of first binding.
    pub bound: IndexSet<String>,
    /// `global` declarations.
    pub globals: HashSet<String>,
    /// `nonlocal` declarations.
    pub nonlocals: HashSet<String>,
    /// Where each name was first declared `nonlocal` (for "no binding" errors).
    pub nonlocal_spans: HashMap<String, Span>,
    /// Names loaded.
    pub used: IndexSet<String>,
    /// Locals captured by inner scopes.
    pub cells: IndexSet<String>,
    /// Names taken from enclosing scopes.
    pub frees: IndexSet<String>,
    /// Whether the body contains `yield`.
    pub is_generator: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            params: Vec::new(),
            bound: IndexSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            nonlocal_spans: HashMap::new(),
            used: IndexSet::new(),
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            is_generator: false,
        }
    }

    /// How `name` resolves here (after [`analyze`]).
    pub fn resolve(&self, name: &str) -> Resolution {
        if self.kind == ScopeKind::Module || self.globals.contains(name) {
            return Resolution::Global;
        }
        if self.frees.contains(name) {
            return Resolution::Free;
        }
        if self.bound.contains(name) {
            return if self.cells.contains(name) { Resolution::Cell } else { Resolution::Local };
        }
        Resolution::Global
    }
}

/// A `nonlocal` naming nothing: CPython's SyntaxError text and the line.
#[derive(Debug, Clone)]
pub struct ScopeError {
    /// The message.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// Analyses a cell: the scopes in pre-order (scope 0 is the cell).
pub fn analyze(module: &Module) -> Result<Vec<Scope>, ScopeError> {
    let mut builder = Builder { scopes: vec![Scope::new(ScopeKind::Module, None)], current: 0, error: None };
    builder.stmts(&module.body);
    if let Some(error) = builder.error {
        return Err(error);
    }
    let mut scopes = builder.scopes;
    resolve_all(&mut scopes)?;
    Ok(scopes)
}

struct Builder {
    scopes: Vec<Scope>,
    current: usize,
    error: Option<ScopeError>,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn bind(&mut self, name: &str) {
        self.scope().bound.insert(name.to_string());
    }

    fn use_name(&mut self, name: &str) {
        self.scope().used.insert(name.to_string());
    }

    fn enter(&mut self, kind: ScopeKind) -> usize {
        let parent = self.current;
        self.scopes.push(Scope::new(kind, Some(parent)));
        self.current = self.scopes.len() - 1;
        parent
    }

    fn params(&mut self, params: &Parameters) {
        let names = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        for p in names {
            self.scope().params.push(p.name.clone());
            self.bind(&p.name);
        }
    }

    fn param_defaults(&mut self, params: &Parameters) {
        for p in params.posonly.iter().chain(&params.args).chain(&params.kwonly) {
            if let Some(default) = &p.default {
                self.expr(default);
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn target(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Name(name) => self.bind(name),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|t| self.target(t)),
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            _ => self.expr(target),
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr { value, .. } => self.expr(value),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                targets.iter().for_each(|t| self.target(t));
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(name) = &target.kind {
                    self.use_name(name);
                }
                self.target(target);
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                self.expr(annotation);
                if value.is_some() {
                    self.target(target);
                }
            }
            StmtKind::Delete(targets) => targets.iter().for_each(|t| self.target(t)),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause).for_each(|e| self.expr(e));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.scope().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().kind == ScopeKind::Module && self.error.is_none() {
                    self.error = Some(ScopeError { message: "nonlocal declaration not allowed at module level".into(), span: stmt.span });
                }
                for n in names {
                    self.scope().nonlocals.insert(n.clone());
                    self.scope().nonlocal_spans.entry(n.clone()).or_insert(stmt.span);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or_default().to_string());
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name != "*" {
                        self.bind(a.asname.as_deref().unwrap_or(&a.name));
                    }
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context);
                    if let Some(t) = &item.target {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(c) = &h.class {
                        self.expr(c);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::FunctionDef(def) => {
                def.decorators.iter().for_each(|d| self.expr(d));
                self.param_defaults(&def.params);
                self.bind(&def.name);
                let parent = self.enter(ScopeKind::Function);
                self.params(&def.params);
                self.stmts(&def.body);
                self.current = parent;
            }
            StmtKind::ClassDef(class) => {
                class.decorators.iter().chain(&class.bases).for_each(|e| self.expr(e));
                class.keywords.iter().for_each(|k| self.expr(&k.value));
                self.bind(&class.name);
            }
            StmtKind::Shell(cmd) => self.shell(cmd),
            StmtKind::Magic(_) | StmtKind::CellMagic { .. } | StmtKind::Help { .. } => {}
        }
    }

    fn shell(&mut self, cmd: &ShellCommand) {
        for part in &cmd.parts {
            if let ShellPart::Interpolated { expr, .. } = part {
                self.expr(expr);
            }
        }
    }

    fn comprehension(&mut self, generators: &[Comprehension], elements: &[&Expr]) {
        // The outermost iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        let parent = self.enter(ScopeKind::Comprehension);
        self.scope().params.push(".0".into());
        self.bind(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            g.ifs.iter().for_each(|c| self.expr(c));
        }
        elements.iter().for_each(|e| self.expr(e));
        self.current = parent;
    }

    fn expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Name(name) => self.use_name(name),
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => items.iter().for_each(|e| self.expr(e)),
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(inner) | ExprKind::Await(inner) | ExprKind::YieldFrom(inner) => {
                if matches!(expr.kind, ExprKind::YieldFrom(_)) {
                    self.scope().is_generator = true;
                }
                self.expr(inner)
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                lower.iter().chain(upper).chain(step).for_each(|e| self.expr(e));
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Positional(e) | Arg::Starred(e) | Arg::DoubleStarred(e) => self.expr(e),
                        Arg::Keyword(k) => self.expr(&k.value),
                    }
                }
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::BoolOp { values, .. } => values.iter().for_each(|e| self.expr(e)),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                comparators.iter().for_each(|e| self.expr(e));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params);
                let parent = self.enter(ScopeKind::Lambda);
                self.params(params);
                self.expr(body);
                self.current = parent;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => self.comprehension(generators, &[elt]),
            ExprKind::DictComp { key, value, generators } => self.comprehension(generators, &[key, value]),
            ExprKind::Yield(value) => {
                self.scope().is_generator = true;
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                // A walrus in a comprehension binds in the nearest enclosing
                // non-comprehension scope.
                let mut owner = self.current;
                while self.scopes[owner].kind == ScopeKind::Comprehension {
                    let Some(parent) = self.scopes[owner].parent else { break };
                    self.scopes[owner].nonlocals.insert(target.clone());
                    owner = parent;
                }
                if owner != self.current && self.scopes[owner].kind == ScopeKind::Module {
                    // At module level the comprehension's "nonlocal" is a global.
                    let mut s = self.current;
                    while s != owner {
                        self.scopes[s].nonlocals.remove(target);
                        self.scopes[s].globals.insert(target.clone());
                        s = self.scopes[s].parent.unwrap_or(owner);
                    }
                }
                self.scopes[owner].bound.insert(target.clone());
            }
            ExprKind::Shell(cmd) => self.shell(cmd),
            ExprKind::Magic(_) => {}
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        for part in parts {
            if let FStringPart::Formatted { expr, format_spec, .. } = part {
                self.expr(expr);
                if let Some(spec) = format_spec {
                    self.fstring(spec);
                }
            }
        }
    }
}

/// Decides cells and frees: every name a scope uses or declares nonlocal that is not
/// its own local resolves outwards through enclosing function scopes.
fn resolve_all(scopes: &mut [Scope]) -> Result<(), ScopeError> {
    let mut captures: Vec<(usize, String)> = Vec::new();
    for index in 0..scopes.len() {
        if scopes[index].kind == ScopeKind::Module {
            continue;
        }
        let mut wanted: Vec<String> = scopes[index].used.iter().cloned().collect();
        wanted.extend(scopes[index].nonlocals.iter().cloned());
        for name in wanted {
            let scope = &scopes[index];
            let own = scope.bound.contains(&name) && !scope.nonlocals.contains(&name);
            if own || scope.globals.contains(&name) {
                continue;
            }
            let mut parent = scope.parent;
            while let Some(p) = parent {
                let ps = &scopes[p];
                if ps.kind == ScopeKind::Module {
                    break;
                }
                if ps.globals.contains(&name) {
                    break;
                }
                if ps.bound.contains(&name) && !ps.nonlocals.contains(&name) {
                    captures.push((index, name.clone()));
                    break;
                }
                parent = ps.parent;
            }
            if parent.is_none_or(|p| scopes[p].kind == ScopeKind::Module) && scopes[index].nonlocals.contains(&name) {
                let span = scopes[index].nonlocal_spans.get(&name).copied().unwrap_or_default();
                return Err(ScopeError { message: format!("no binding for nonlocal '{name}' found"), span });
            }
        }
    }
    // Mark the defining scope's cell and every scope in between as taking it freely.
    for (index, name) in captures {
        let mut s = index;
        loop {
            scopes[s].frees.insert(name.clone());
            let Some(p) = scopes[s].parent else { break };
            let ps = &scopes[p];
            if ps.bound.contains(&name) && !ps.nonlocals.contains(&name) {
                scopes[p].cells.insert(name.clone());
                break;
            }
            s = p;
        }
    }
    Ok(())
}
