//! Code run from strings and namespaces as dicts: `eval`, `exec`, `globals`,
//! `locals`, `vars`.
//!
//! `eval`/`exec` run in the session's namespace (the module level, as in a cell).
//! A globals dict given to `eval` is laid over the session's names while it runs.

use std::rc::Rc;

use crate::eval::Frame;
use crate::eval::ir::StmtKind;
use crate::eval::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::check_arity;
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::{Dict, Value};

/// The statements of `source`, compiled for the module level.
fn compile(vm: &mut Interp, source: &Value, function: &str) -> PyResult<Vec<crate::eval::ir::Stmt>> {
    let text = match source {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(Exc::type_error(format!(
                "{function}() arg 1 must be a string, bytes or code object, not {}",
                type_of(other).name
            )))
        }
    };
    let module = crate::syntax::parse_cell(text.trim_start_matches([' ', '\t']))
        .map_err(|e| Exc::new(ExcKind::SyntaxError, e.msg.clone()))?;
    crate::eval::compile::compile_cell(&module, &mut vm.names, vm.current_cell)
        .map_err(|e| Exc::new(ExcKind::SyntaxError, e.message.clone()))
}

/// Runs `f` with the entries of a globals dict bound as session globals, then puts
/// back what they hid.
fn with_globals<R>(vm: &mut Interp, globals: Option<&Value>, f: impl FnOnce(&mut Interp) -> PyResult<R>) -> PyResult<R> {
    let Some(globals) = globals.filter(|g| !g.is_none()) else { return f(vm) };
    let Value::Dict(dict) = globals else {
        return Err(Exc::type_error(format!("globals must be a dict, not {}", type_of(globals).name)));
    };
    let mut saved = Vec::new();
    for (k, v) in dict.items() {
        let Value::Str(name) = k else { continue };
        saved.push((name.clone(), vm.get_global(&name)));
        vm.set_global(&name, v);
    }
    let result = f(vm);
    for (name, previous) in saved {
        match previous {
            Some(v) => vm.set_global(&name, v),
            None => {
                vm.delete_global(&name);
            }
        }
    }
    result
}

/// `eval(source, globals=None, locals=None)`.
pub fn eval(vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("eval", &args, 1, 3)?;
    let body = compile(vm, &args.positional[0], "eval")?;
    let [stmt] = body.as_slice() else { return Err(Exc::new(ExcKind::SyntaxError, "invalid syntax")) };
    let StmtKind::Expr(expr, _) = &stmt.kind else { return Err(Exc::new(ExcKind::SyntaxError, "invalid syntax")) };
    let id = vm.new_frame_id();
    with_globals(vm, args.positional.get(1), |vm| vm.eval(&mut Frame::module(id), expr))
}

/// `exec(source, globals=None, locals=None)`.
pub fn exec(vm: &mut Interp, args: Args) -> PyResult<Value> {
    check_arity("exec", &args, 1, 3)?;
    let mut body = compile(vm, &args.positional[0], "exec")?;
    for stmt in &mut body {
        if let StmtKind::Expr(_, display) = &mut stmt.kind {
            *display = false;
        }
    }
    let id = vm.new_frame_id();
    with_globals(vm, args.positional.get(1), |vm| vm.exec_block(&mut Frame::module(id), &body).map(|_| Value::None))
}

/// `globals()`: the session's names as a new dict.
pub fn globals(vm: &mut Interp, _args: Args) -> PyResult<Value> {
    let dict = Dict::new();
    for name in vm.global_names() {
        if let Some(v) = vm.get_global(&name) {
            dict.set(Value::str(&name), v)?;
        }
    }
    Ok(Value::Dict(Rc::new(dict)))
}

impl Interp {
    /// `locals()` in a function frame: its bound locals and cells by name.
    pub(crate) fn frame_locals(&mut self, frame: &mut Frame) -> PyResult<Value> {
        let Some(code) = &frame.code else { return globals(self, Args::none()) };
        // As CPython's `PyFrame_FastToLocals`: the frame's one dict, its bound names
        // set (existing keys keep their place), unbound ones removed.
        let dict = frame.locals_dict.get_or_insert_with(|| Rc::new(Dict::new())).clone();
        for (name, value) in code.local_names.iter().zip(&frame.locals) {
            match value {
                Some(v) => dict.set(Value::str(&**name), v.clone())?,
                None => {
                    dict.remove(&Value::str(&**name))?;
                }
            }
        }
        let cell_names = code.cellvars.iter().map(|(n, _)| n).chain(code.freevars.iter());
        for (name, cell) in cell_names.zip(&frame.cells) {
            match cell.borrow().as_ref() {
                Some(v) => dict.set(Value::str(&**name), v.clone())?,
                None => {
                    dict.remove(&Value::str(&**name))?;
                }
            }
        }
        Ok(Value::Dict(dict))
    }
}
