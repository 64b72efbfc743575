//! Statements: assignment, control flow, exceptions, imports, definitions.

use std::rc::Rc;

use super::call::{Accumulator, Frame};
use super::function::Function;
use super::ir::{Handler, MakeFunction, StmtKind, Stmt, Target, Var};
use super::Interp;
use crate::syntax::ast::BinOp;
use crate::value::exception::{exception_class, Exc, ExcKind, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// How a block ended.
pub(crate) enum Flow {
    /// Ran to the end.
    Normal,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return value`.
    Return(Value),
}

impl Interp {
    /// Runs statements in order.
    ///
    /// An interrupt is checked as the block starts: every loop iteration and every
    /// call runs a block, so a running cell notices one promptly.
    pub(crate) fn exec_block(&mut self, frame: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        if let Err(e) = self.check_interrupt() {
            if let Some(first) = body.first() {
                e.note_line(first.line);
            }
            return Err(e);
        }
        let caller_at = self.statement_at;
        let cell = frame.code.as_ref().map_or(self.current_cell, |c| c.cell);
        for stmt in body {
            self.close_abandoned_generators();
            self.statement_at = (cell, stmt.line);
            match self.exec_stmt(frame, stmt) {
                Ok(Flow::Normal) => {}
                Ok(flow) => {
                    self.statement_at = caller_at;
                    return Ok(flow);
                }
                Err(e) => {
                    e.note_line(stmt.line);
                    self.statement_at = caller_at;
                    return Err(e);
                }
            }
        }
        self.statement_at = caller_at;
        Ok(Flow::Normal)
    }

    fn exec_stmt(&mut self, frame: &mut Frame, stmt: &Stmt) -> PyResult<Flow> {
        match &stmt.kind {
            StmtKind::Expr(expr, display) => {
                let value = self.eval(frame, expr)?;
                if *display {
                    self.display_value = Some(value);
                }
            }
            StmtKind::Assign(targets, value) => {
                let value = self.eval(frame, value)?;
                match targets.as_slice() {
                    [Target::Var(var, _)] => self.store(frame, *var, value),
                    [target] => self.assign(frame, target, value)?,
                    _ => {
                        for target in targets {
                            self.assign(frame, target, value.clone())?;
                        }
                    }
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(frame, target, *op, value)?,
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.delete(frame, target)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return(value) => {
                let value = match value {
                    Some(v) => self.eval(frame, v)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(value));
            }
            StmtKind::Raise(exc, cause) => return Err(self.raise(frame, exc.as_ref(), cause.as_ref())?),
            StmtKind::Assert(test, message) => {
                let ok = self.eval(frame, test)?;
                if !self.truthy(&ok)? {
                    let exc = match message {
                        Some(m) => {
                            let m = self.eval(frame, m)?;
                            Exc::with_args(exception_class(ExcKind::AssertionError), vec![m])
                        }
                        None => Exc::bare(ExcKind::AssertionError),
                    };
                    return Err(exc);
                }
            }
            StmtKind::Import(names) => {
                for name in names {
                    let module = self.import_module(&name.module)?;
                    let bound = if name.has_alias {
                        module
                    } else {
                        let top = name.module.split('.').next().unwrap_or_default();
                        self.import_module(top)?
                    };
                    self.store(frame, name.var, bound);
                }
            }
            StmtKind::ImportFrom(module, level, names) => {
                if *level > 0 {
                    return Err(Exc::new(ExcKind::ImportError, "attempted relative import with no known parent package"));
                }
                let m = self.import_module(module)?;
                if names.is_empty() {
                    for (name, value) in self.module_public_names(&m)? {
                        self.set_global(&name, value);
                    }
                }
                for (name, var, _) in names {
                    let value = match self.getattr_opt(&m, name)? {
                        Some(v) => v,
                        None => match self.import_module(&format!("{module}.{name}")) {
                            Ok(v) => v,
                            Err(_) => {
                                return Err(Exc::new(
                                    ExcKind::ImportError,
                                    format!("cannot import name '{name}' from '{module}' (unknown location)"),
                                ))
                            }
                        },
                    };
                    self.store(frame, *var, value);
                }
            }
            StmtKind::If(test, body, orelse) => {
                let branch = if self.eval_condition(frame, test)? { body } else { orelse };
                return self.exec_block(frame, branch);
            }
            StmtKind::While(test, body, orelse) => {
                loop {
                    if !self.eval_condition(frame, test)? {
                        return self.exec_block(frame, orelse);
                    }
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            StmtKind::For(target, iterable, body, orelse) => {
                let source = self.eval(frame, iterable)?;
                let mut iter = self.iterate(&source)?;
                loop {
                    let Some(item) = iter.next(self)? else {
                        return self.exec_block(frame, orelse);
                    };
                    match target {
                        Target::Var(var, _) => self.store(frame, *var, item),
                        _ => self.assign(frame, target, item)?,
                    }
                    match self.exec_block(frame, body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            StmtKind::With(items, body) => return self.with(frame, items, body),
            StmtKind::Try(body, handlers, orelse, finalbody) => return self.try_stmt(frame, body, handlers, orelse, finalbody),
            StmtKind::Def(make, decorators, var, _) => {
                let mut decorator_values = Vec::with_capacity(decorators.len());
                for d in decorators {
                    decorator_values.push(self.eval(frame, d)?);
                }
                let mut function = self.make_function(frame, make)?;
                for d in decorator_values.iter().rev() {
                    function = self.call(d, Args::positional(vec![function]))?;
                }
                self.store(frame, *var, function);
            }
            StmtKind::Emit(elements) if elements.len() == 1 => {
                let value = self.eval(frame, &elements[0])?;
                match frame.accumulator.as_mut() {
                    Some(Accumulator::List(items)) | Some(Accumulator::Set(items)) => items.push(value),
                    // A generator expression's element: yielded.
                    _ if frame.yielder.is_some() => {
                        self.yield_value(frame, value)?;
                    }
                    _ => {}
                }
            }
            StmtKind::Emit(elements) => {
                let mut values = Vec::with_capacity(elements.len());
                for e in elements {
                    values.push(self.eval(frame, e)?);
                }
                match frame.accumulator.as_mut() {
                    Some(Accumulator::List(items)) | Some(Accumulator::Set(items)) => items.extend(values),
                    Some(Accumulator::Dict(pairs)) => {
                        let mut it = values.into_iter();
                        if let (Some(k), Some(v)) = (it.next(), it.next()) {
                            pairs.push((k, v));
                        }
                    }
                    None => {}
                }
            }
            StmtKind::Shell(call) => self.run_shell_statement(frame, call)?,
            StmtKind::Magic(call) => {
                let result = self.run_line_magic(&call.name, &call.args)?;
                if let Some(value) = result {
                    if !value.is_none() {
                        self.display_value = Some(value);
                    }
                }
            }
            StmtKind::CellMagic(name, line, body) => self.run_cell_magic(name, line, body)?,
            StmtKind::Help(target, detail) => self.help(frame, target, *detail)?,
            StmtKind::Unsupported(what) => return Err(Exc::not_implemented(*what)),
        }
        Ok(Flow::Normal)
    }

    /// The value of a local or global variable holding a small int, read without
    /// cloning a value (None for anything else).
    #[inline]
    fn peek_int(&self, frame: &Frame, var: Var) -> Option<i64> {
        let value = match var {
            Var::Local(i) => frame.locals.get(i as usize)?.as_ref()?,
            Var::Global(sym) => self.peek_global(sym)?,
            Var::Cell(_) => return None,
        };
        match value {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Stores into a resolved variable.
    #[inline]
    pub(crate) fn store(&mut self, frame: &mut Frame, var: Var, value: Value) {
        match var {
            Var::Local(i) => frame.locals[i as usize] = Some(value),
            Var::Cell(i) => *frame.cells[i as usize].borrow_mut() = Some(value),
            Var::Global(sym) => self.store_global(sym, value),
        }
    }

    /// Assigns to a target (names, attributes, items, unpacking).
    pub(crate) fn assign(&mut self, frame: &mut Frame, target: &Target, value: Value) -> PyResult<()> {
        match target {
            Target::Var(var, _) => {
                self.store(frame, *var, value);
                Ok(())
            }
            Target::Attribute(obj, name) => {
                let obj = self.eval(frame, obj)?;
                self.setattr(&obj, name, value)
            }
            Target::Subscript(obj, index) => {
                let obj = self.eval(frame, obj)?;
                let key = self.eval(frame, index)?;
                self.setitem(&obj, &key, value)
            }
            Target::Unpack(targets, star, _) => {
                let items = self.unpack(&value, targets.len(), *star)?;
                for (t, v) in targets.iter().zip(items) {
                    self.assign(frame, t, v)?;
                }
                Ok(())
            }
        }
    }

    /// Splits a value into `count` parts for unpacking (the starred part as a list).
    fn unpack(&mut self, value: &Value, count: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match self.collect(value) {
            Ok(items) => items,
            Err(e) if e.is(ExcKind::TypeError) && e.message().is_some_and(|m| m.ends_with("is not iterable")) => {
                return Err(Exc::type_error(format!("cannot unpack non-iterable {} object", type_of(value).name)))
            }
            Err(e) => return Err(e),
        };
        match star {
            None => {
                if items.len() > count {
                    return Err(Exc::value_error(format!("too many values to unpack (expected {count})")));
                }
                if items.len() < count {
                    return Err(Exc::value_error(format!("not enough values to unpack (expected {count}, got {})", items.len())));
                }
                Ok(items)
            }
            Some(s) => {
                let fixed = count - 1;
                if items.len() < fixed {
                    return Err(Exc::value_error(format!(
                        "not enough values to unpack (expected at least {fixed}, got {})",
                        items.len()
                    )));
                }
                let after = fixed - s;
                let mut out: Vec<Value> = items[..s].to_vec();
                out.push(Value::list(items[s..items.len() - after].to_vec()));
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }

    fn aug_assign(&mut self, frame: &mut Frame, target: &Target, op: BinOp, value: &super::ir::Expr) -> PyResult<()> {
        match target {
            Target::Var(var, name) => {
                let current = match self.peek_int(frame, *var) {
                    Some(x) => {
                        if let Some(r) = self.leaf_int(frame, value).and_then(|y| super::expr::int_binary(op, x, y)) {
                            self.store(frame, *var, Value::Int(r));
                            return Ok(());
                        }
                        Value::Int(x)
                    }
                    None => self.load_var(frame, *var, name)?,
                };
                let rhs = self.eval(frame, value)?;
                let result = match super::expr::small_int_binary(op, &current, &rhs) {
                    Some(v) => v,
                    None => self.inplace_op(op, &current, &rhs)?,
                };
                self.store(frame, *var, result);
            }
            Target::Attribute(obj, name) => {
                let obj = self.eval(frame, obj)?;
                let current = self.getattr(&obj, name)?;
                let rhs = self.eval(frame, value)?;
                let result = self.inplace_op(op, &current, &rhs)?;
                self.setattr(&obj, name, result)?;
            }
            Target::Subscript(obj, index) => {
                let obj = self.eval(frame, obj)?;
                let key = self.eval(frame, index)?;
                let current = self.getitem(&obj, &key)?;
                let rhs = self.eval(frame, value)?;
                let result = self.inplace_op(op, &current, &rhs)?;
                self.setitem(&obj, &key, result)?;
            }
            Target::Unpack(..) => return Err(Exc::new(ExcKind::SyntaxError, "'tuple' is an illegal expression for augmented assignment")),
        }
        Ok(())
    }

    fn delete(&mut self, frame: &mut Frame, target: &Target) -> PyResult<()> {
        match target {
            Target::Var(var, name) => {
                let existed = match var {
                    Var::Local(i) => frame.locals[*i as usize].take().is_some(),
                    Var::Cell(i) => frame.cells[*i as usize].borrow_mut().take().is_some(),
                    Var::Global(sym) => self.globals.get_mut(*sym as usize).and_then(Option::take).is_some(),
                };
                if !existed {
                    return Err(match var {
                        Var::Global(_) => Exc::name_error(name),
                        _ => unbound_local(name),
                    });
                }
                Ok(())
            }
            Target::Attribute(obj, name) => {
                let obj = self.eval(frame, obj)?;
                match &obj {
                    Value::Object(o) => o.clone().delattr(self, &obj, name),
                    _ => Err(self.attribute_error(&obj, name)),
                }
            }
            Target::Subscript(obj, index) => {
                let obj = self.eval(frame, obj)?;
                let key = self.eval(frame, index)?;
                self.delitem(&obj, &key)
            }
            Target::Unpack(targets, _, _) => {
                for t in targets {
                    self.delete(frame, t)?;
                }
                Ok(())
            }
        }
    }

    fn raise(&mut self, frame: &mut Frame, exc: Option<&super::ir::Expr>, cause: Option<&super::ir::Expr>) -> PyResult<Exc> {
        let Some(exc) = exc else {
            return Ok(match self.handling.last() {
                Some(current) => current.clone(),
                None => Exc::new(ExcKind::RuntimeError, "No active exception to reraise"),
            });
        };
        let value = self.eval(frame, exc)?;
        let exc = self.to_exception(&value)?;
        exc.reraise_explicitly();
        if let Some(current) = self.handling.last() {
            exc.set_context(&current.clone());
        }
        if let Some(cause) = cause {
            let cause_value = self.eval(frame, cause)?;
            let cause_exc = if cause_value.is_none() { None } else { Some(self.to_exception(&cause_value)?) };
            *exc.0.cause.borrow_mut() = cause_exc;
            exc.0.suppress_context.set(true);
        }
        Ok(exc)
    }

    fn with(&mut self, frame: &mut Frame, items: &[(super::ir::Expr, Option<Target>)], body: &[Stmt]) -> PyResult<Flow> {
        let Some(((context, target), rest)) = items.split_first() else {
            return self.exec_block(frame, body);
        };
        let manager = self.eval(frame, context)?;
        let Value::Object(obj) = &manager else {
            return Err(Exc::type_error(format!(
                "'{}' object does not support the context manager protocol",
                type_of(&manager).name
            )));
        };
        let obj = obj.clone();
        if !obj.is_context_manager() {
            return Err(Exc::type_error(format!(
                "'{}' object does not support the context manager protocol",
                type_of(&manager).name
            )));
        }
        let entered = obj.enter(self, &manager)?;
        if let Some(t) = target {
            if let Err(e) = self.assign(frame, t, entered) {
                obj.exit(self, &manager, Some(&e))?;
                return Err(e);
            }
        }
        let result = if rest.is_empty() { self.exec_block(frame, body) } else { self.with(frame, rest, body) };
        match result {
            Ok(flow) => {
                obj.exit(self, &manager, None)?;
                Ok(flow)
            }
            Err(e) => {
                if obj.exit(self, &manager, Some(&e))? {
                    Ok(Flow::Normal)
                } else {
                    Err(e)
                }
            }
        }
    }

    fn try_stmt(&mut self, frame: &mut Frame, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt], finalbody: &[Stmt]) -> PyResult<Flow> {
        let outcome = match self.exec_block(frame, body) {
            Ok(Flow::Normal) => self.exec_block(frame, orelse),
            Ok(flow) => Ok(flow),
            Err(exc) if handlers.is_empty() => Err(exc),
            Err(exc) => self.handle(frame, exc, handlers),
        };
        if finalbody.is_empty() {
            return outcome;
        }
        if let Err(exc) = &outcome {
            self.catch_in_frame(frame, exc);
        }
        match self.exec_block(frame, finalbody) {
            Ok(Flow::Normal) => {
                if let Err(exc) = &outcome {
                    // Re-raised at the end of the finally block.
                    exc.0.pending_line.set(Some(final_line(finalbody)));
                }
                outcome
            }
            Ok(flow) => Ok(flow),
            Err(e) => {
                if let Err(previous) = outcome {
                    if !e.0.suppress_context.get() {
                        e.set_context(&previous);
                    }
                }
                Err(e)
            }
        }
    }

    fn handle(&mut self, frame: &mut Frame, exc: Exc, handlers: &[Handler]) -> PyResult<Flow> {
        self.catch_in_frame(frame, &exc);
        if let Some(outer) = self.handling.last() {
            exc.set_context(&outer.clone());
        }
        for handler in handlers {
            let matches = match &handler.class {
                None => true,
                Some(class) => {
                    let class = self.eval(frame, class)?;
                    self.exception_matches(&exc, &class)?
                }
            };
            if !matches {
                continue;
            }
            if let Some((var, _)) = &handler.name {
                self.store(frame, *var, exc.to_value());
            }
            self.handling.push(exc.clone());
            let result = self.exec_block(frame, &handler.body);
            self.handling.pop();
            if let Some((var, name)) = &handler.name {
                let _ = self.delete(frame, &Target::Var(*var, name.clone()));
            }
            return match result {
                Err(new) => {
                    new.set_context(&exc);
                    Err(new)
                }
                ok => ok,
            };
        }
        // Re-raised by the last `except` clause that did not match.
        if let Some(last) = handlers.last() {
            exc.0.pending_line.set(Some(last.line));
        }
        Err(exc)
    }

    /// Records the current frame's traceback entry for an exception caught in it (by
    /// `except` or `finally`).
    fn catch_in_frame(&mut self, frame: &Frame, exc: &Exc) {
        match &frame.code {
            Some(code) => exc.enter_frame(frame.id, code.cell, code.first_line, Some(super::call::function_frame(code))),
            None => exc.enter_frame(frame.id, self.current_cell, 1, None),
        }
    }

    /// Makes a function value from a `def` or `lambda`.
    pub(crate) fn make_function(&mut self, frame: &mut Frame, make: &Rc<MakeFunction>) -> PyResult<Value> {
        let mut defaults = Vec::with_capacity(make.defaults.len());
        for d in &make.defaults {
            defaults.push(self.eval(frame, d)?);
        }
        let mut kw_defaults = Vec::with_capacity(make.kw_defaults.len());
        for (k, d) in &make.kw_defaults {
            kw_defaults.push((k.clone(), self.eval(frame, d)?));
        }
        let closure = self.capture(frame, &make.captures);
        Ok(Value::object(Function {
            code: make.code.clone(),
            defaults,
            kw_defaults,
            closure,
            doc: std::cell::RefCell::new(make.code.doc.clone()),
            attributes: std::cell::RefCell::new(Vec::new()),
        }))
    }

    pub(crate) fn capture(&self, frame: &Frame, captures: &[Var]) -> Vec<super::function::Cell> {
        captures
            .iter()
            .map(|var| match var {
                Var::Cell(i) => frame.cells[*i as usize].clone(),
                _ => Rc::new(std::cell::RefCell::new(None)),
            })
            .collect()
    }
}

/// The line of the last instruction CPython compiles for a block: where a frame is
/// left when an exception is re-raised at the block's end (`f_lineno`).
pub(crate) fn final_line(body: &[Stmt]) -> u32 {
    let Some(last) = body.last() else { return 0 };
    match &last.kind {
        StmtKind::If(_, then, orelse) => final_line(if orelse.is_empty() { then } else { orelse }).max(last.line),
        StmtKind::For(_, _, _, orelse) | StmtKind::While(_, _, orelse) if !orelse.is_empty() => final_line(orelse),
        StmtKind::Try(body, handlers, orelse, finalbody) => {
            if !finalbody.is_empty() {
                final_line(finalbody)
            } else if let Some(h) = handlers.last() {
                final_line(&h.body)
            } else if !orelse.is_empty() {
                final_line(orelse)
            } else {
                final_line(body)
            }
        }
        _ => last.line,
    }
}

/// UnboundLocalError for a local read before assignment.
pub(crate) fn unbound_local(name: &str) -> Exc {
    Exc::new(ExcKind::UnboundLocalError, format!("cannot access local variable '{name}' where it is not associated with a value"))
}
