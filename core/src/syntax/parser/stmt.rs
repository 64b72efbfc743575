//! Statements: simple statements, compound statements and blocks, IPython line
//! forms, and CPython's errors for them.

use super::expr::{mk, span};
use super::targets::{invalid_target, TargetContext};
use super::{Fail, PResult, Parser};
use crate::syntax::ast::{
    Alias, BinOp, ClassDef, Constant, ExceptHandler, Expr, ExprKind, FunctionDef, MagicCall, Pos, ShellCommand,
    Stmt, StmtKind, UnaryOp, WithItem,
};
use crate::syntax::interpolate::var_expand_parts;
use crate::syntax::token::{EscapeKind, Keyword, Op, Token, TokenKind};

fn stmt(kind: StmtKind, start: Pos, end: Pos) -> Stmt {
    Stmt { kind, span: span(start, end) }
}

fn aug_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEqual => BinOp::Add,
        Op::MinusEqual => BinOp::Sub,
        Op::StarEqual => BinOp::Mul,
        Op::AtEqual => BinOp::MatMul,
        Op::SlashEqual => BinOp::Div,
        Op::DoubleSlashEqual => BinOp::FloorDiv,
        Op::PercentEqual => BinOp::Mod,
        Op::DoubleStarEqual => BinOp::Pow,
        Op::LShiftEqual => BinOp::LShift,
        Op::RShiftEqual => BinOp::RShift,
        Op::VBarEqual => BinOp::BitOr,
        Op::CircumflexEqual => BinOp::BitXor,
        Op::AmperEqual => BinOp::BitAnd,
        _ => return None,
    })
}

/// A shell command node for `!cmd` text.
pub(crate) fn shell_command(content: &str, capture: bool) -> ShellCommand {
    ShellCommand { parts: var_expand_parts(content), raw: content.to_string(), capture }
}

/// A line magic node for `%name args` text (after the `%`).
pub(crate) fn magic_call(content: &str) -> MagicCall {
    let (name, args) = match content.split_once(' ') {
        Some((n, a)) => (n.to_string(), a.to_string()),
        None => (content.to_string(), String::new()),
    };
    MagicCall { name, args }
}

/// The leftmost atom an expression's source starts with.
fn leftmost(e: &Expr) -> &Expr {
    let mut cur = e;
    loop {
        let next = match &cur.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::Call { func, .. } => func,
            ExprKind::Compare { left, .. } => left,
            _ => return cur,
        };
        if next.span.start != cur.span.start {
            return cur;
        }
        cur = next;
    }
}

impl<'s> Parser<'s> {
    /// One statement (a line of simple statements gives several).
    pub(crate) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let tok = self.peek().clone();
        match &tok.kind {
            TokenKind::Keyword(kw) => match kw {
                Keyword::If => return Ok(vec![self.if_stmt(Keyword::If)?]),
                Keyword::While => return Ok(vec![self.while_stmt()?]),
                Keyword::For => return Ok(vec![self.for_stmt()?]),
                Keyword::Try => return Ok(vec![self.try_stmt()?]),
                Keyword::With => return Ok(vec![self.with_stmt()?]),
                Keyword::Def => return Ok(vec![self.def_stmt(Vec::new(), None)?]),
                Keyword::Class => return Ok(vec![self.class_stmt(Vec::new())?]),
                Keyword::Async => {
                    let next = self.peek_at(1).clone();
                    if next.is_kw(Keyword::Def) {
                        self.bump();
                        return Ok(vec![self.def_stmt(Vec::new(), Some(tok.start))?]);
                    }
                    if next.is_kw(Keyword::For) {
                        self.bump();
                        return Ok(vec![self.for_stmt()?]);
                    }
                    if next.is_kw(Keyword::With) {
                        self.bump();
                        return Ok(vec![self.with_stmt()?]);
                    }
                    return Err(self.generic());
                }
                _ => {}
            },
            TokenKind::Op(Op::At) => return Ok(vec![self.decorated()?]),
            TokenKind::Indent => return Err(self.generic()),
            _ => {}
        }
        self.simple_stmts()
    }

    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        loop {
            out.push(self.simple_stmt()?);
            if self.eat_op(Op::Semi) {
                if matches!(self.peek().kind, TokenKind::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !matches!(self.peek().kind, TokenKind::Newline) {
            return Err(self.generic());
        }
        self.bump();
        Ok(out)
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.peek().clone();
        let start = tok.start;
        match tok.kind {
            TokenKind::Keyword(kw) => match kw {
                Keyword::Pass => {
                    self.bump();
                    return Ok(stmt(StmtKind::Pass, start, tok.end));
                }
                Keyword::Break => {
                    self.bump();
                    return Ok(stmt(StmtKind::Break, start, tok.end));
                }
                Keyword::Continue => {
                    self.bump();
                    return Ok(stmt(StmtKind::Continue, start, tok.end));
                }
                Keyword::Return => {
                    self.bump();
                    let value = if self.starts_value() { Some(self.star_expressions()?) } else { None };
                    let end = self.prev_end();
                    return Ok(stmt(StmtKind::Return(value), start, end));
                }
                Keyword::Raise => return self.raise_stmt(),
                Keyword::Global | Keyword::Nonlocal => {
                    self.bump();
                    let mut names = vec![self.expect_name()?.0];
                    while self.eat_op(Op::Comma) {
                        names.push(self.expect_name()?.0);
                    }
                    let end = self.prev_end();
                    let kind = if kw == Keyword::Global { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) };
                    return Ok(stmt(kind, start, end));
                }
                Keyword::Del => return self.del_stmt(),
                Keyword::Assert => {
                    self.bump();
                    let test = self.expression()?;
                    let msg = if self.eat_op(Op::Comma) { Some(self.expression()?) } else { None };
                    let end = self.prev_end();
                    return Ok(stmt(StmtKind::Assert { test, msg }, start, end));
                }
                Keyword::Import => return self.import_stmt(),
                Keyword::From => return self.from_import_stmt(),
                _ => {}
            },
            TokenKind::Escape { kind, ref content } => {
                self.bump();
                return self.escape_stmt(kind, content, &tok);
            }
            TokenKind::Help { ref target, detail } => {
                self.bump();
                return Ok(stmt(StmtKind::Help { target: target.clone(), detail }, start, tok.end));
            }
            _ => {}
        }
        self.expr_or_assign_stmt()
    }

    fn starts_value(&mut self) -> bool {
        let tok = self.peek().clone();
        super::expr::starts_expression(&tok) || tok.is_op(Op::Star) || tok.is_kw(Keyword::Yield)
    }

    fn escape_stmt(&mut self, kind: EscapeKind, content: &str, tok: &Token) -> PResult<Stmt> {
        let (start, end) = (tok.start, tok.end);
        let k = match kind {
            EscapeKind::Shell => StmtKind::Shell(shell_command(content, false)),
            EscapeKind::ShellCapture => StmtKind::Shell(shell_command(content, true)),
            EscapeKind::Magic => StmtKind::Magic(magic_call(content)),
            EscapeKind::Help | EscapeKind::Help2 => StmtKind::Help {
                target: content.trim().to_string(),
                detail: if kind == EscapeKind::Help2 { 2 } else { 1 },
            },
            EscapeKind::Quote | EscapeKind::Quote2 | EscapeKind::Paren => {
                let (name, args) = content.split_once(' ').unwrap_or((content, ""));
                let code = match kind {
                    EscapeKind::Quote => format!("{}(\"{}\")", name, args.split_whitespace().collect::<Vec<_>>().join("\", \"")),
                    EscapeKind::Quote2 => format!("{}(\"{}\")", name, args),
                    _ => format!("{}({})", name, args.split_whitespace().collect::<Vec<_>>().join(", ")),
                };
                let value = self.parse_autocall(&code, tok)?;
                return Ok(stmt(StmtKind::Expr { value, suppress_out: false }, start, end));
            }
        };
        Ok(stmt(k, start, end))
    }

    fn parse_autocall(&mut self, code: &str, tok: &Token) -> PResult<Expr> {
        match crate::syntax::parse_expression_text(code) {
            Ok(mut e) => {
                e.span = tok.span();
                Ok(e)
            }
            Err(mut err) => {
                err.lineno = tok.start.line;
                err.end_lineno = tok.start.line;
                err.text = format!("{}\n", code);
                Err(Fail::Special(Box::new(err)))
            }
        }
    }

    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let mut exc = None;
        let mut cause = None;
        if self.starts_value() {
            exc = Some(self.expression()?);
            if self.eat_kw(Keyword::From) {
                cause = Some(self.expression()?);
            }
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::Raise { exc, cause }, kw.start, end))
    }

    fn del_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let targets_expr = self.star_expressions()?;
        if !matches!(self.peek().kind, TokenKind::Newline) && !self.at_op(Op::Semi) {
            return Err(self.generic());
        }
        self.check_target(&targets_expr, TargetContext::Del)?;
        let targets = match targets_expr.kind {
            ExprKind::Tuple(items) if !self.is_parenthesized(&targets_expr) => items,
            _ => vec![targets_expr],
        };
        let end = self.prev_end();
        Ok(stmt(StmtKind::Delete(targets), kw.start, end))
    }

    fn dotted_name(&mut self) -> PResult<(String, Pos)> {
        let (mut name, _) = self.expect_name()?;
        while self.at_op(Op::Dot) {
            self.bump();
            let (part, _) = self.expect_name()?;
            name.push('.');
            name.push_str(&part);
        }
        Ok((name, self.prev_end()))
    }

    fn import_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.peek().start;
            let (name, mut end) = self.dotted_name()?;
            let mut asname = None;
            if self.eat_kw(Keyword::As) {
                let (n, sp) = self.expect_name()?;
                asname = Some(n);
                end = sp.end;
            }
            names.push(Alias { name, asname, span: span(start, end) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::Import(names), kw.start, end))
    }

    fn from_import_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw(Keyword::Import) { None } else { Some(self.dotted_name()?.0) };
        self.expect_kw(Keyword::Import)?;
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let star = self.bump();
            names.push(Alias { name: "*".to_string(), asname: None, span: star.span() });
        } else {
            let paren = self.eat_op(Op::LPar);
            loop {
                let (name, sp) = self.expect_name()?;
                let mut end = sp.end;
                let mut asname = None;
                if self.eat_kw(Keyword::As) {
                    let (n, s2) = self.expect_name()?;
                    asname = Some(n);
                    end = s2.end;
                }
                names.push(Alias { name, asname, span: span(sp.start, end) });
                if !self.at_op(Op::Comma) {
                    break;
                }
                let comma = self.bump();
                if paren && self.at_op(Op::RPar) {
                    break;
                }
                if !paren && matches!(self.peek().kind, TokenKind::Newline) {
                    let _ = comma;
                    let nl = self.peek().clone();
                    return Err(self.error_at_token(&nl, "trailing comma not allowed without surrounding parentheses"));
                }
            }
            if paren {
                self.expect_op(Op::RPar)?;
            }
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::ImportFrom { module, names, level }, kw.start, end))
    }

    /// Expression statements and the assignment forms.
    fn expr_or_assign_stmt(&mut self) -> PResult<Stmt> {
        let start = self.peek().start;
        let first = self.star_expressions_or_yield()?;
        let tok = self.peek().clone();
        match tok.kind {
            TokenKind::Op(Op::Colon) => self.ann_assign(first),
            TokenKind::Op(Op::Equal) => self.assignment(first),
            TokenKind::Op(op) if aug_op(op).is_some() => {
                let op = aug_op(op).unwrap_or(BinOp::Add);
                if !matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }) {
                    return Err(self.special(
                        first.span,
                        format!("'{}' is an illegal expression for augmented assignment", super::expr_name(&first)),
                    ));
                }
                self.bump();
                let value = self.star_expressions_or_yield()?;
                let end = value.span.end;
                Ok(stmt(StmtKind::AugAssign { target: first, op, value }, start, end))
            }
            _ => {
                let end = first.span.end;
                Ok(stmt(StmtKind::Expr { value: first, suppress_out: false }, start, end))
            }
        }
    }

    fn ann_assign(&mut self, target: Expr) -> PResult<Stmt> {
        let start = target.span.start;
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(items) => {
                let sp = if self.is_parenthesized(&target) { target.span } else { items.first().map_or(target.span, |i| i.span) };
                return Err(self.special(sp, "only single target (not tuple) can be annotated"));
            }
            ExprKind::List(_) => {
                return Err(self.special(target.span, "only single target (not list) can be annotated"));
            }
            _ => return Err(self.special(target.span, "illegal target for annotation")),
        }
        self.bump();
        let annotation = self.expression()?;
        let mut value = None;
        if self.eat_op(Op::Equal) {
            value = Some(self.star_expressions_or_yield()?);
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::AnnAssign { target, annotation, value }, start, end))
    }

    fn assignment(&mut self, first: Expr) -> PResult<Stmt> {
        let start = first.span.start;
        let mut exprs = vec![first];
        let mut special_value: Option<Expr> = None;
        while self.at_op(Op::Equal) {
            self.bump();
            let tok = self.peek().clone();
            match tok.kind {
                TokenKind::AssignShell(ref cmd) => {
                    self.bump();
                    special_value = Some(mk(ExprKind::Shell(shell_command(cmd, true)), tok.start, tok.end));
                    break;
                }
                TokenKind::AssignMagic { ref name, ref args } => {
                    self.bump();
                    let call = MagicCall { name: name.clone(), args: args.clone() };
                    special_value = Some(mk(ExprKind::Magic(call), tok.start, tok.end));
                    break;
                }
                _ => {}
            }
            if !self.starts_value() {
                // A target list may be followed by a bad value: CPython reports the
                // invalid targets first.
                self.check_assignment_targets(&exprs, false)?;
                return Err(self.generic());
            }
            exprs.push(self.star_expressions_or_yield()?);
        }
        let value = match special_value {
            Some(v) => v,
            None => match exprs.pop() {
                Some(v) => v,
                None => return Err(self.generic()),
            },
        };
        self.check_assignment_targets(&exprs, true)?;
        let end = value.span.end;
        Ok(stmt(StmtKind::Assign { targets: exprs, value }, start, end))
    }

    /// CPython's `invalid_assignment` errors for `targets = ...`.
    fn check_assignment_targets(&mut self, targets: &[Expr], _complete: bool) -> PResult<()> {
        let Some(first_bad) = targets.iter().position(|t| {
            matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) || invalid_target(t, TargetContext::Assign).is_some()
        }) else {
            return Ok(());
        };
        // `invalid_named_expression` on the expression right before the first '='.
        let first = &targets[0];
        let before_eq = match &first.kind {
            ExprKind::Tuple(items) if !self.is_parenthesized(first) => items.last(),
            _ => Some(first),
        };
        if let Some(e) = before_eq {
            if let Some(err) = self.here_error(e, targets.get(1)) {
                return Err(err);
            }
        }
        let bad = &targets[first_bad];
        if matches!(bad.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Err(self.special(bad.span, "assignment to yield expression not possible"));
        }
        self.check_target(bad, TargetContext::Assign)
    }

    /// The "cannot assign to X here. Maybe you meant '==' instead of '='?" and
    /// "Maybe you meant '==' or ':='" errors for `e = rhs`.
    fn here_error(&mut self, e: &Expr, next_target: Option<&Expr>) -> Option<Fail> {
        if matches!(e.kind, ExprKind::Starred(_)) {
            return None;
        }
        // The right side must start with a bitwise_or not followed by '=' or ':='.
        let save = self.pos;
        let eq_index = self.tokens[..].partition_point(|t| t.start.offset < e.span.end.offset);
        let mut i = eq_index;
        while i < self.tokens.len() && !self.tokens[i].is_op(Op::Equal) {
            i += 1;
        }
        if i >= self.tokens.len() {
            return None;
        }
        self.pos = i + 1;
        let rhs = self.bitwise_or();
        let followed_ok = !(self.at_op(Op::Equal) || self.at_op(Op::ColonEqual));
        self.pos = save;
        let rhs = rhs.ok()?;
        let _ = next_target;
        if !followed_ok {
            return None;
        }
        if let ExprKind::Name(_) = e.kind {
            return Some(self.special_from(
                e.span.start,
                rhs.span.end,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        let lm = leftmost(e);
        let excluded = matches!(lm.kind, ExprKind::List(_) | ExprKind::Constant(Constant::Bool(_) | Constant::None))
            || (self.is_parenthesized(lm) && matches!(lm.kind, ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }))
            || matches!(lm.kind, ExprKind::Tuple(ref t) if t.is_empty());
        let bitwise_level = self.is_parenthesized(e)
            || !matches!(
                e.kind,
                ExprKind::Compare { .. }
                    | ExprKind::BoolOp { .. }
                    | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
                    | ExprKind::IfExp { .. }
                    | ExprKind::Lambda { .. }
                    | ExprKind::NamedExpr { .. }
                    | ExprKind::Yield(_)
                    | ExprKind::YieldFrom(_)
                    | ExprKind::Tuple(_)
            );
        if excluded || !bitwise_level {
            return None;
        }
        Some(self.special(
            e.span,
            format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", super::expr_name(e)),
        ))
    }

    // ----- compound statements ------------------------------------------------

    /// After a compound statement header's `:`: an indented block or statements on
    /// the same line. `what` names the statement for the IndentationError.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !matches!(self.peek().kind, TokenKind::Newline) {
            return self.simple_stmts();
        }
        self.bump();
        if !matches!(self.peek().kind, TokenKind::Indent) {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.indentation_error_at_token(
                &tok,
                format!("expected an indented block after {} on line {}", what, line),
            ));
        }
        self.bump();
        let mut body = Vec::new();
        loop {
            match self.peek().kind {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndMarker => break,
                _ => body.extend(self.statement()?),
            }
        }
        Ok(body)
    }

    /// Expects the `:` of a header: `forced` headers (def, try, else, finally) say
    /// "expected ':'" at any other token, the others only at the end of the line.
    fn header_colon(&mut self, forced: bool) -> PResult<()> {
        if self.at_op(Op::Colon) {
            self.bump();
            return Ok(());
        }
        self.check_error_token()?;
        let tok = self.peek().clone();
        if forced || matches!(tok.kind, TokenKind::Newline) {
            return Err(self.error_known_at_token(&tok, "expected ':'"));
        }
        Err(self.generic())
    }

    fn if_stmt(&mut self, kw_kind: Keyword) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.header_colon(false)?;
        let what = if kw_kind == Keyword::If { "'if' statement" } else { "'elif' statement" };
        let body = self.block(what, kw.start.line)?;
        let mut orelse = Vec::new();
        if self.at_kw(Keyword::Elif) {
            orelse.push(self.if_stmt(Keyword::Elif)?);
        } else if self.at_kw(Keyword::Else) {
            orelse = self.else_block()?;
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::If { test, body, orelse }, kw.start, end))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let kw = self.bump();
        self.header_colon(true)?;
        self.block("'else' statement", kw.start.line)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let test = self.named_expression()?;
        self.header_colon(false)?;
        let body = self.block("'while' statement", kw.start.line)?;
        let orelse = if self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let end = self.prev_end();
        Ok(stmt(StmtKind::While { test, body, orelse }, kw.start, end))
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let target = self.target_list(TargetContext::For)?;
        if !self.at_kw(Keyword::In) {
            return Err(self.generic());
        }
        self.bump();
        let iter = self.star_expressions()?;
        self.header_colon(true)?;
        let body = self.block("'for' statement", kw.start.line)?;
        let orelse = if self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let end = self.prev_end();
        Ok(stmt(StmtKind::For { target, iter, body, orelse }, kw.start, end))
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let mut items = Vec::new();
        // `with (a as b, c):` — parenthesized items.
        let save = self.pos;
        let mut parsed = false;
        if self.at_op(Op::LPar) {
            self.bump();
            let attempt = self.with_items(Some(Op::RPar));
            match attempt {
                Ok(its) if self.at_op(Op::RPar) && self.peek_at(1).is_op(Op::Colon) => {
                    self.bump();
                    items = its;
                    parsed = true;
                }
                Err(f @ Fail::Special(_)) => return Err(f),
                _ => self.pos = save,
            }
        }
        if !parsed {
            items = self.with_items(None)?;
        }
        self.header_colon(false)?;
        let body = self.block("'with' statement", kw.start.line)?;
        let end = self.prev_end();
        Ok(stmt(StmtKind::With { items, body }, kw.start, end))
    }

    fn with_items(&mut self, close: Option<Op>) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let mut target = None;
            if self.eat_kw(Keyword::As) {
                let t = self.target_list_single()?;
                let next = self.peek().clone();
                if next.is_op(Op::Comma) || next.is_op(Op::RPar) || next.is_op(Op::Colon) {
                    self.check_target(&t, TargetContext::Assign)?;
                } else {
                    return Err(self.generic());
                }
                target = Some(t);
            }
            items.push(WithItem { context, target });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if let Some(c) = close {
                if self.at_op(c) {
                    break;
                }
            }
        }
        Ok(items)
    }

    fn target_list_single(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let value = self.bitwise_or()?;
            let end = value.span.end;
            return Ok(mk(ExprKind::Starred(Box::new(value)), star.start, end));
        }
        self.expression()
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        self.header_colon(true)?;
        let body = self.block("'try' statement", kw.start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw(Keyword::Except) {
            handlers.push(self.except_clause()?);
        }
        let orelse = if !handlers.is_empty() && self.at_kw(Keyword::Else) { self.else_block()? } else { Vec::new() };
        let mut finalbody = Vec::new();
        if self.at_kw(Keyword::Finally) {
            let fkw = self.bump();
            self.header_colon(true)?;
            finalbody = self.block("'finally' statement", fkw.start.line)?;
        } else if handlers.is_empty() {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.error_at_token(&tok, "expected 'except' or 'finally' block"));
        }
        let end = self.prev_end();
        Ok(stmt(StmtKind::Try { body, handlers, orelse, finalbody }, kw.start, end))
    }

    fn except_clause(&mut self) -> PResult<ExceptHandler> {
        let kw = self.bump();
        let mut class = None;
        let mut name = None;
        if !self.at_op(Op::Colon) {
            if matches!(self.peek().kind, TokenKind::Newline) {
                let tok = self.peek().clone();
                return Err(self.error_known_at_token(&tok, "expected ':'"));
            }
            let c = self.expression()?;
            if self.at_op(Op::Comma) {
                let save = self.pos;
                self.bump();
                let rest = self.expression();
                let ok_shape = rest.is_ok() && (self.at_op(Op::Colon) || self.at_kw(Keyword::As));
                if ok_shape {
                    let end = self.prev_end();
                    return Err(self.special_from(c.span.start, end, "multiple exception types must be parenthesized"));
                }
                self.pos = save;
            }
            class = Some(c);
            if self.eat_kw(Keyword::As) {
                name = Some(self.expect_name()?.0);
            }
        }
        self.header_colon(false)?;
        let body = self.block("'except' statement", kw.start.line)?;
        let end = self.prev_end();
        Ok(ExceptHandler { class, name, body, span: span(kw.start, end) })
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.at_op(Op::At) {
            self.bump();
            decorators.push(self.named_expression()?);
            if !matches!(self.peek().kind, TokenKind::Newline) {
                return Err(self.generic());
            }
            self.bump();
        }
        let tok = self.peek().clone();
        match tok.kind {
            TokenKind::Keyword(Keyword::Def) => self.def_stmt(decorators, None),
            TokenKind::Keyword(Keyword::Class) => self.class_stmt(decorators),
            TokenKind::Keyword(Keyword::Async) if self.peek_at(1).is_kw(Keyword::Def) => {
                self.bump();
                self.def_stmt(decorators, Some(tok.start))
            }
            _ => Err(self.generic()),
        }
    }

    fn def_stmt(&mut self, decorators: Vec<Expr>, async_start: Option<Pos>) -> PResult<Stmt> {
        let kw = self.bump();
        let (name, name_span) = self.expect_name()?;
        if !self.at_op(Op::LPar) {
            self.check_error_token()?;
            let tok = self.peek().clone();
            return Err(self.error_known_at_token(&tok, "expected '('"));
        }
        self.bump();
        let params = self.parameters(false)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::Arrow) { Some(self.expression()?) } else { None };
        self.header_colon(true)?;
        let body = self.block("function definition", kw.start.line)?;
        let end = self.prev_end();
        let def = FunctionDef { name, params, body, decorators, returns, name_span };
        Ok(stmt(StmtKind::FunctionDef(Box::new(def)), async_start.unwrap_or(kw.start), end))
    }

    fn class_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let kw = self.bump();
        let (name, _) = self.expect_name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.eat_op(Op::LPar) {
            for arg in self.call_arguments()? {
                match arg {
                    crate::syntax::ast::Arg::Positional(e) => bases.push(e),
                    crate::syntax::ast::Arg::Starred(e) => bases.push(e),
                    crate::syntax::ast::Arg::Keyword(k) => keywords.push(k),
                    crate::syntax::ast::Arg::DoubleStarred(e) => keywords.push(crate::syntax::ast::Keyword {
                        name: String::new(),
                        span: e.span,
                        value: e,
                    }),
                }
            }
            self.expect_op(Op::RPar)?;
        }
        self.header_colon(false)?;
        let body = self.block("class definition", kw.start.line)?;
        let end = self.prev_end();
        let class = ClassDef { name, bases, keywords, body, decorators };
        Ok(stmt(StmtKind::ClassDef(Box::new(class)), kw.start, end))
    }
}
