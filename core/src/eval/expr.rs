//! Expressions.

use std::rc::Rc;

use super::call::Frame;
use super::exec::unbound_local;
use super::function::Function;
use super::ir::{CallArg, Expr, ExprKind, FPart, Var};
use super::Interp;
use crate::syntax::ast::{BoolOp, CmpOp};
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::format::{ascii_repr, format_value};
use crate::value::iter::Slice;
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::{Dict, Value};

impl Interp {
    /// Evaluates an expression; an error records the node's line for the traceback.
    #[inline(always)]
    pub(crate) fn eval(&mut self, frame: &mut Frame, expr: &Expr) -> PyResult<Value> {
        // The leaves loops evaluate most, without a call.
        match &expr.kind {
            ExprKind::Const(v) => return Ok(v.clone()),
            ExprKind::Load(Var::Local(i), _) => {
                if let Some(Some(v)) = frame.locals.get(*i as usize) {
                    return Ok(v.clone());
                }
            }
            ExprKind::Load(Var::Global(sym), _) => {
                if let Some(v) = self.load_global(*sym) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        self.eval_slow(frame, expr)
    }

    #[inline(never)]
    fn eval_slow(&mut self, frame: &mut Frame, expr: &Expr) -> PyResult<Value> {
        if let ExprKind::Binary(op, left, right) = &expr.kind {
            // Arithmetic on small ints, without entering the big dispatcher.
            if let (Some(x), Some(y)) = (self.leaf_int(frame, left), self.leaf_int(frame, right)) {
                if let Some(r) = int_binary(*op, x, y) {
                    return Ok(Value::Int(r));
                }
            }
            let a = self.eval(frame, left)?;
            let b = self.eval(frame, right)?;
            if let Some(v) = small_int_binary(*op, &a, &b) {
                return Ok(v);
            }
            return self.binary_op(*op, &a, &b).inspect_err(|e| e.note_line(expr.line));
        }
        if let ExprKind::Call(callee, args) = &expr.kind {
            // Calls, also without entering the big dispatcher.
            return self.eval_call(frame, callee, args).inspect_err(|e| e.note_line(expr.line));
        }
        match self.eval_inner(frame, expr) {
            Ok(v) => Ok(v),
            Err(e) => {
                e.note_line(expr.line);
                Err(e)
            }
        }
    }

    /// Loads a variable.
    pub(crate) fn load_var(&mut self, frame: &Frame, var: Var, name: &str) -> PyResult<Value> {
        match var {
            Var::Local(i) => match &frame.locals[i as usize] {
                Some(v) => Ok(v.clone()),
                None => Err(unbound_local(name)),
            },
            Var::Cell(i) => match &*frame.cells[i as usize].borrow() {
                Some(v) => Ok(v.clone()),
                None => {
                    let is_free = frame.code.as_ref().is_some_and(|c| (i as usize) >= c.cellvars.len());
                    Err(if is_free {
                        Exc::new(
                            ExcKind::NameError,
                            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                        )
                    } else {
                        unbound_local(name)
                    })
                }
            },
            Var::Global(sym) => self.load_global(sym).ok_or_else(|| Exc::name_error(name)),
        }
    }

    fn eval_inner(&mut self, frame: &mut Frame, expr: &Expr) -> PyResult<Value> {
        Ok(match &expr.kind {
            ExprKind::Const(v) => v.clone(),
            ExprKind::Load(var, name) => return self.load_var(frame, *var, name),
            ExprKind::Binary(op, left, right) => {
                let a = self.eval(frame, left)?;
                let b = self.eval(frame, right)?;
                return self.binary_op(*op, &a, &b);
            }
            ExprKind::Attribute(obj, name) => {
                let obj = self.eval(frame, obj)?;
                return self.getattr(&obj, name);
            }
            ExprKind::Subscript(obj, index) => {
                let obj = self.eval(frame, obj)?;
                let key = self.eval(frame, index)?;
                return self.getitem(&obj, &key);
            }
            ExprKind::Call(func, args) => return self.eval_call(frame, func, args),
            ExprKind::Compare(left, rest) => return self.eval_compare(frame, left, rest),
            ExprKind::Unary(op, operand) => {
                let v = self.eval(frame, operand)?;
                return self.unary_op(*op, &v);
            }
            ExprKind::Bool(op, values) => {
                let mut last = Value::None;
                for (i, e) in values.iter().enumerate() {
                    last = self.eval(frame, e)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let truth = self.truthy(&last)?;
                    if (*op == BoolOp::And && !truth) || (*op == BoolOp::Or && truth) {
                        break;
                    }
                }
                last
            }
            ExprKind::IfExp(test, body, orelse) => {
                if self.eval_condition(frame, test)? {
                    return self.eval(frame, body);
                }
                return self.eval(frame, orelse);
            }
            ExprKind::FString(parts) => Value::str(self.fstring(frame, parts)?),
            ExprKind::List(items) => Value::list(self.eval_items(frame, items)?),
            ExprKind::Tuple(items) => Value::tuple(self.eval_items(frame, items)?),
            ExprKind::Set(items) => {
                let values = self.eval_items(frame, items)?;
                super::constructors::make_set(values, false)?
            }
            ExprKind::Dict(pairs) => {
                let dict = Dict::new();
                for (key, value) in pairs {
                    match key {
                        Some(k) => {
                            let k = self.eval(frame, k)?;
                            let v = self.eval(frame, value)?;
                            dict.set(k, v)?;
                        }
                        None => {
                            let mapping = self.eval(frame, value)?;
                            for (k, v) in self.mapping_items(&mapping)? {
                                dict.set(k, v)?;
                            }
                        }
                    }
                }
                Value::Dict(Rc::new(dict))
            }
            ExprKind::Starred(_) => return Err(Exc::new(ExcKind::SyntaxError, "can't use starred expression here")),
            ExprKind::Slice(lower, upper, step) => {
                let mut part = |e: &Option<Box<Expr>>| -> PyResult<Value> {
                    match e {
                        Some(e) => self.eval(frame, e),
                        None => Ok(Value::None),
                    }
                };
                let (start, stop, step) = (part(lower)?, part(upper)?, part(step)?);
                Value::object(Slice { start, stop, step })
            }
            ExprKind::Function(make) => return self.make_function(frame, make),
            ExprKind::Comprehension(comp, outer) => {
                let source = self.eval(frame, outer)?;
                // iter() of the outermost iterable happens in the enclosing scope.
                let iterator = match &source {
                    Value::Object(_) => source.clone(),
                    other => {
                        self.iterate(other)?;
                        other.clone()
                    }
                };
                let closure = self.capture(frame, &comp.captures);
                return self.run_comprehension(&comp.code, closure, comp.kind, iterator);
            }
            ExprKind::Walrus(var, _, value) => {
                let v = self.eval(frame, value)?;
                self.store(frame, *var, v.clone());
                v
            }
            ExprKind::Yield(value) => {
                let v = match value {
                    Some(v) => self.eval(frame, v)?,
                    None => Value::None,
                };
                return self.yield_value(frame, v);
            }
            ExprKind::YieldFrom(iterable) => {
                let iterable = self.eval(frame, iterable)?;
                return self.yield_from(frame, iterable);
            }
            ExprKind::Shell(call) => return self.run_shell_capture(frame, call),
            ExprKind::Magic(call) => return Ok(self.run_line_magic(&call.name, &call.args)?.unwrap_or(Value::None)),
            ExprKind::Unsupported(what) => return Err(Exc::not_implemented(*what)),
        })
    }

    fn eval_items(&mut self, frame: &mut Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.eval(frame, inner)?;
                out.extend(self.collect(&v).map_err(|e| starred_error(e, &v))?);
            } else {
                out.push(self.eval(frame, item)?);
            }
        }
        Ok(out)
    }

    /// The (key, value) pairs of a mapping for `**` unpacking.
    pub(crate) fn mapping_items(&mut self, mapping: &Value) -> PyResult<Vec<(Value, Value)>> {
        match mapping {
            Value::Dict(d) => Ok(d.items()),
            other => {
                let keys_method = self.getattr_opt(other, "keys")?.ok_or_else(|| {
                    Exc::type_error(format!("'{}' object is not a mapping", type_of(other).name))
                })?;
                let keys = self.call(&keys_method, Args::none())?;
                let mut pairs = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.getitem(other, &k)?;
                    pairs.push((k, v));
                }
                Ok(pairs)
            }
        }
    }

    fn eval_args(&mut self, frame: &mut Frame, args: &[CallArg], func: &Value) -> PyResult<Args> {
        let mut out = Args { positional: Vec::with_capacity(args.len()), keywords: Vec::new() };
        for arg in args {
            match arg {
                CallArg::Positional(e) => out.positional.push(self.eval(frame, e)?),
                CallArg::Star(e) => {
                    let v = self.eval(frame, e)?;
                    let items = self.collect(&v).map_err(|err| {
                        if err.is(ExcKind::TypeError) {
                            Exc::type_error(format!("Value after * must be an iterable, not {}", type_of(&v).name))
                        } else {
                            err
                        }
                    })?;
                    out.positional.extend(items);
                }
                CallArg::Keyword(name, e) => {
                    let v = self.eval(frame, e)?;
                    out.keywords.push((name.clone(), v));
                }
                CallArg::DoubleStar(e) => {
                    let v = self.eval(frame, e)?;
                    for (k, value) in self.mapping_items(&v)? {
                        let Value::Str(key) = k else { return Err(Exc::type_error("keywords must be strings")) };
                        if out.keywords.iter().any(|(existing, _)| *existing == key) {
                            return Err(Exc::type_error(format!(
                                "{} got multiple values for keyword argument '{key}'",
                                self.function_str(func)
                            )));
                        }
                        out.keywords.push((key, value));
                    }
                }
            }
        }
        Ok(out)
    }

    /// CPython's `_PyObject_FunctionStr`: `__main__.f()`, `len()`, `list.append()`.
    pub(crate) fn function_str(&mut self, func: &Value) -> String {
        let qualname = match self.getattr_opt(func, "__qualname__") {
            Ok(Some(Value::Str(q))) => q.to_string(),
            _ => return format!("{} object", type_of(func).name),
        };
        match self.getattr_opt(func, "__module__") {
            Ok(Some(Value::Str(m))) if &*m != "builtins" => format!("{m}.{qualname}()"),
            _ => format!("{qualname}()"),
        }
    }

    /// `func(args)`; `x.method(args)` on a builtin value makes no bound method object.
    fn eval_call(&mut self, frame: &mut Frame, func: &Expr, args: &[CallArg]) -> PyResult<Value> {
        if let ExprKind::Attribute(receiver, name) = &func.kind {
            if !args.iter().any(|a| matches!(a, CallArg::DoubleStar(_))) {
                let receiver = self.eval(frame, receiver)?;
                if let (Value::List(list), [CallArg::Positional(item)]) = (&receiver, args) {
                    if &**name == "append" {
                        // The commonest call of all in loops.
                        list.push(self.eval(frame, item)?);
                        return Ok(Value::None);
                    }
                }
                if let Some(method) = super::builtins::methods::method_fn(&receiver, name) {
                    let args = self.eval_args(frame, args, &Value::None)?;
                    return method(self, &receiver, name, args);
                }
                let func = self.getattr(&receiver, name).inspect_err(|e| e.note_line(func.line))?;
                let args = self.eval_args(frame, args, &func)?;
                return self.call(&func, args);
            }
        }
        let func = self.eval(frame, func)?;
        self.call_with_args(frame, &func, args)
    }

    /// Calls `func` with the arguments `args` evaluates to.
    fn call_with_args(&mut self, frame: &mut Frame, func: &Value, args: &[CallArg]) -> PyResult<Value> {
        if let Some(function) = func.downcast::<Function>() {
            if function.code.params.takes_exactly(args.len()) && args.iter().all(|a| matches!(a, CallArg::Positional(_))) {
                // A user function called with just its parameters: the arguments go
                // straight into its local slots.
                let mut locals = Vec::with_capacity(function.code.n_locals);
                for arg in args {
                    if let CallArg::Positional(e) = arg {
                        locals.push(Some(self.eval(frame, e)?));
                    }
                }
                locals.resize(function.code.n_locals, None);
                return self.run_function(function, locals);
            }
        }
        if args.is_empty() && frame.code.is_some() && is_builtin_locals(func) {
            return self.frame_locals(frame);
        }
        let args = self.eval_args(frame, args, func)?;
        self.call(func, args)
    }

    /// The int a constant or an assigned local or global holds, read without cloning
    /// a value (None for any other expression or value: the caller evaluates it).
    #[inline]
    pub(crate) fn leaf_int(&self, frame: &Frame, expr: &Expr) -> Option<i64> {
        let value = match &expr.kind {
            ExprKind::Const(v) => v,
            ExprKind::Load(Var::Local(i), _) => frame.locals.get(*i as usize)?.as_ref()?,
            ExprKind::Load(Var::Global(sym), _) => self.peek_global(*sym)?,
            _ => return None,
        };
        match value {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The truth of a condition (`if`, `while`, conditional expressions): a comparison
    /// of two ints gives it without making a bool value.
    pub(crate) fn eval_condition(&mut self, frame: &mut Frame, expr: &Expr) -> PyResult<bool> {
        if let ExprKind::Compare(left, rest) = &expr.kind {
            if let [(op, right)] = rest.as_slice() {
                if let (Some(x), Some(y)) = (self.leaf_int(frame, left), self.leaf_int(frame, right)) {
                    if let Some(t) = int_compare(*op, x, y) {
                        return Ok(t);
                    }
                }
                let a = self.eval(frame, left)?;
                let b = self.eval(frame, right)?;
                if let Some(t) = small_int_compare(*op, &a, &b) {
                    return Ok(t);
                }
                let result = self.compare(*op, &a, &b).inspect_err(|e| e.note_line(expr.line))?;
                return self.truthy(&result);
            }
        }
        let value = self.eval(frame, expr)?;
        self.truthy(&value)
    }

    fn eval_compare(&mut self, frame: &mut Frame, left: &Expr, rest: &[(CmpOp, Expr)]) -> PyResult<Value> {
        let mut a = self.eval(frame, left)?;
        if let [(op, right)] = rest {
            let b = self.eval(frame, right)?;
            if let Some(t) = small_int_compare(*op, &a, &b) {
                return Ok(Value::Bool(t));
            }
            return self.compare(*op, &a, &b);
        }
        let mut result = Value::Bool(true);
        for (i, (op, right)) in rest.iter().enumerate() {
            let b = self.eval(frame, right)?;
            result = self.compare(*op, &a, &b)?;
            if i + 1 < rest.len() {
                if !self.truthy(&result)? {
                    return Ok(result);
                }
                a = b;
            }
        }
        Ok(result)
    }

    fn fstring(&mut self, frame: &mut Frame, parts: &[FPart]) -> PyResult<String> {
        let mut out = String::new();
        for part in parts {
            match part {
                FPart::Literal(text) => out.push_str(text),
                FPart::Field { expr, conversion, spec, debug } => {
                    let value = self.eval(frame, expr)?;
                    if let Some(d) = debug {
                        out.push_str(d);
                    }
                    let conversion = conversion.or(if debug.is_some() && spec.is_none() { Some('r') } else { None });
                    let value = match conversion {
                        Some('r') => Value::str(self.repr(&value)?),
                        Some('s') => Value::str(self.str(&value)?),
                        Some('a') => Value::str(ascii_repr(&self.repr(&value)?)),
                        _ => value,
                    };
                    let spec = match spec {
                        Some(s) => self.fstring(frame, s)?,
                        None => String::new(),
                    };
                    out.push_str(&format_value(self, &value, &spec)?);
                }
            }
        }
        Ok(out)
    }
}

/// `x op y` for two small ints (`is` as `==`, as [`Value::is`] has it): `None` to take
/// the general path.
#[inline]
fn int_compare(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    match op {
        CmpOp::Lt => Some(x < y),
        CmpOp::LtE => Some(x <= y),
        CmpOp::Gt => Some(x > y),
        CmpOp::GtE => Some(x >= y),
        CmpOp::Eq | CmpOp::Is => Some(x == y),
        CmpOp::NotEq | CmpOp::IsNot => Some(x != y),
        _ => None,
    }
}

/// [`int_compare`] on values.
#[inline]
fn small_int_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else { return None };
    int_compare(op, *x, *y)
}

/// `x op y` for two small ints when the result is a small int too (the common case
/// of loops and counters): `None` to take the general path.
#[inline]
pub(crate) fn int_binary(op: crate::syntax::ast::BinOp, x: i64, y: i64) -> Option<i64> {
    use crate::syntax::ast::BinOp;
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        _ => None,
    }
}

/// [`int_binary`] on values.
#[inline]
pub(crate) fn small_int_binary(op: crate::syntax::ast::BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else { return None };
    int_binary(op, *x, *y).map(Value::Int)
}

/// Whether `func` is the builtin `locals` (which needs the calling frame).
fn is_builtin_locals(func: &Value) -> bool {
    func.downcast::<crate::value::function::BuiltinFunction>().is_some_and(|f| f.name == "locals" && f.module.is_none())
}

fn starred_error(e: Exc, value: &Value) -> Exc {
    if e.is(ExcKind::TypeError) && e.message().is_some_and(|m| m.ends_with("is not iterable")) {
        Exc::type_error(format!("Value after * must be an iterable, not {}", type_of(value).name))
    } else {
        e
    }
}
