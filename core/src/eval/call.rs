//! Frames and calls of user functions: binding arguments to parameters with CPython's
//! error messages, closures, recursion depth, and traceback entries on the way out.

use std::cell::RefCell;
use std::rc::Rc;

use super::exec::Flow;
use super::function::{Cell, Function};
use super::ir::{ComprehensionKind, FunctionCode};
use super::Interp;
use crate::render::traceback::FunctionFrame;
use crate::value::object::Args;
use crate::value::{Dict, Exc, ExcKind, PyResult, Value};

/// What a comprehension frame accumulates.
pub(crate) enum Accumulator {
    /// `[...]`.
    List(Vec<Value>),
    /// `{...}`.
    Set(Vec<Value>),
    /// `{k: v}`.
    Dict(Vec<(Value, Value)>),
}

/// The variables of one running function (the cell's own code runs without one:
/// its names are all globals).
pub struct Frame {
    /// Local slots (None = unbound).
    pub locals: Vec<Option<Value>>,
    /// Cell variables, then free variables.
    pub cells: Vec<Cell>,
    /// The code running (None at module level).
    pub code: Option<Rc<FunctionCode>>,
    /// For comprehension code: what it is building.
    pub(crate) accumulator: Option<Accumulator>,
    /// Unique among the session's frames: which traceback entries belong to it.
    pub id: u64,
    /// In a generator's body: the coroutine handle `yield` suspends through.
    pub(crate) yielder: Option<*const super::generator::GenYielder>,
    /// The dict `locals()` returns in a function: one per frame, refreshed at each
    /// call (CPython's `f_locals`).
    pub(crate) locals_dict: Option<Rc<Dict>>,
}

impl Frame {
    /// The frame of cell-level code.
    pub fn module(id: u64) -> Frame {
        Frame { locals: Vec::new(), cells: Vec::new(), code: None, accumulator: None, id, yielder: None, locals_dict: None }
    }
}

impl Interp {
    /// Calls a user function.
    pub(crate) fn call_function(&mut self, function: &Function, args: Args) -> PyResult<Value> {
        let locals = self.bind_arguments(function, args)?;
        self.run_function(function, locals)
    }

    /// Runs a user function whose parameters are bound in `locals` (its local slots).
    pub(crate) fn run_function(&mut self, function: &Function, locals: Vec<Option<Value>>) -> PyResult<Value> {
        let code = &function.code;
        let mut frame = Frame {
            locals,
            cells: Vec::with_capacity(code.cellvars.len() + code.freevars.len()),
            code: Some(code.clone()),
            accumulator: None,
            id: self.new_frame_id(),
            yielder: None,
            locals_dict: None,
        };
        for (_, param_slot) in &code.cellvars {
            let initial = param_slot.and_then(|slot| frame.locals[slot as usize].take());
            frame.cells.push(Rc::new(RefCell::new(initial)));
        }
        frame.cells.extend(function.closure.iter().cloned());
        if code.is_generator {
            return Ok(self.make_generator(code.clone(), frame));
        }
        self.run_frame(&mut frame, code).map(|flow| match flow {
            Flow::Return(v) => v,
            _ => Value::None,
        })
    }

    /// Runs a frame's body with recursion accounting; an exception leaving it gets the
    /// frame's traceback entry.
    pub(crate) fn run_frame(&mut self, frame: &mut Frame, code: &Rc<FunctionCode>) -> PyResult<Flow> {
        self.enter_call()?;
        let result = self.exec_block(frame, &code.body);
        self.leave_call();
        result.map_err(|e| {
            e.leave_frame(frame.id, code.cell, code.first_line, Some(function_frame(code)));
            e
        })
    }

    /// Runs a comprehension's code over the outermost iterable.
    pub(crate) fn run_comprehension(
        &mut self,
        code: &Rc<FunctionCode>,
        closure: Vec<Cell>,
        kind: ComprehensionKind,
        outer: Value,
    ) -> PyResult<Value> {
        let mut locals: Vec<Option<Value>> = vec![None; code.n_locals];
        if let Some(slot) = locals.first_mut() {
            *slot = Some(outer);
        }
        let mut frame = Frame {
            locals,
            cells: Vec::new(),
            code: Some(code.clone()),
            id: self.new_frame_id(),
            accumulator: match kind {
                ComprehensionKind::List => Some(Accumulator::List(Vec::new())),
                ComprehensionKind::Generator => None,
                ComprehensionKind::Set => Some(Accumulator::Set(Vec::new())),
                ComprehensionKind::Dict => Some(Accumulator::Dict(Vec::new())),
            },
            yielder: None,
            locals_dict: None,
        };
        for (_, param_slot) in &code.cellvars {
            let initial = param_slot.and_then(|slot| frame.locals[slot as usize].take());
            frame.cells.push(Rc::new(RefCell::new(initial)));
        }
        frame.cells.extend(closure);
        if kind == ComprehensionKind::Generator {
            return Ok(self.make_generator(code.clone(), frame));
        }
        self.run_frame(&mut frame, code)?;
        Ok(match frame.accumulator.take() {
            Some(Accumulator::List(items)) => Value::list(items),
            Some(Accumulator::Set(items)) => super::constructors::make_set(items, false)?,
            Some(Accumulator::Dict(pairs)) => Value::Dict(Rc::new(Dict::from_pairs(pairs)?)),
            None => Value::None,
        })
    }

    /// Binds call arguments to a function's parameters (CPython's rules and messages).
    fn bind_arguments(&mut self, function: &Function, args: Args) -> PyResult<Vec<Option<Value>>> {
        let code = &function.code;
        let params = &code.params;
        let name = &code.qualname;
        let n_positional = params.positional;
        if args.keywords.is_empty() && params.takes_exactly(args.positional.len()) {
            // Exactly the positional parameters: the argument vector becomes the
            // locals (collected in place).
            let mut locals: Vec<Option<Value>> = args.positional.into_iter().map(Some).collect();
            locals.resize(code.n_locals, None);
            return Ok(locals);
        }
        let mut locals: Vec<Option<Value>> = vec![None; code.n_locals];
        let given = args.positional.len();
        let mut extra_positional = Vec::new();
        for (i, value) in args.positional.into_iter().enumerate() {
            if i < n_positional {
                locals[i] = Some(value);
            } else {
                extra_positional.push(value);
            }
        }
        let vararg_slot = params.names.len();
        let kwarg_slot = vararg_slot + params.vararg.is_some() as usize;
        if !extra_positional.is_empty() && params.vararg.is_none() {
            let with_defaults = function.defaults.len();
            let kw_given = args.keywords.iter().filter(|(k, _)| params.names[n_positional..].iter().any(|n| n == k)).count();
            let takes = if with_defaults > 0 {
                format!("from {} to {n_positional} positional arguments", n_positional - with_defaults)
            } else {
                format!("{n_positional} positional argument{}", if n_positional == 1 { "" } else { "s" })
            };
            let given_text = if kw_given > 0 {
                format!(
                    "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    if given == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                format!("{given} {} given", if given == 1 { "was" } else { "were" })
            };
            return Err(Exc::type_error(format!("{name}() takes {takes} but {given_text}")));
        }
        if params.vararg.is_some() {
            locals[vararg_slot] = Some(Value::tuple(extra_positional));
        }
        let kwargs = params.kwarg.is_some().then(Dict::new);
        let mut posonly_as_keyword = Vec::new();
        for (key, value) in args.keywords {
            match params.names.iter().position(|n| *n == key) {
                Some(i) if i >= params.posonly => {
                    if locals[i].is_some() {
                        return Err(Exc::type_error(format!("{name}() got multiple values for argument '{key}'")));
                    }
                    locals[i] = Some(value);
                }
                found => {
                    if let Some(kw) = &kwargs {
                        kw.set(Value::Str(key), value)?;
                    } else if found.is_some() {
                        posonly_as_keyword.push(key.to_string());
                    } else {
                        return Err(Exc::type_error(format!("{name}() got an unexpected keyword argument '{key}'")));
                    }
                }
            }
        }
        if !posonly_as_keyword.is_empty() {
            return Err(Exc::type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_keyword.join(", ")
            )));
        }
        if let Some(kw) = kwargs {
            locals[kwarg_slot] = Some(Value::Dict(Rc::new(kw)));
        }
        // Defaults, then missing-argument errors.
        let first_default = n_positional - function.defaults.len();
        for (i, default) in function.defaults.iter().enumerate() {
            let slot = first_default + i;
            if locals[slot].is_none() {
                locals[slot] = Some(default.clone());
            }
        }
        let missing: Vec<&str> = (0..n_positional).filter(|&i| locals[i].is_none()).map(|i| &*params.names[i]).collect();
        if !missing.is_empty() {
            return Err(missing_error(name, &missing, "positional"));
        }
        for i in n_positional..params.names.len() {
            if locals[i].is_none() {
                if let Some((_, v)) = function.kw_defaults.iter().find(|(k, _)| *k == params.names[i]) {
                    locals[i] = Some(v.clone());
                }
            }
        }
        let missing: Vec<&str> = (n_positional..params.names.len()).filter(|&i| locals[i].is_none()).map(|i| &*params.names[i]).collect();
        if !missing.is_empty() {
            return Err(missing_error(name, &missing, "keyword-only"));
        }
        Ok(locals)
    }
}

/// The traceback description of a function's frame.
pub(crate) fn function_frame(code: &FunctionCode) -> FunctionFrame {
    FunctionFrame {
        name: code.qualname.to_string(),
        signature: code.signature.to_string(),
        first_line: code.first_line,
        last_line: code.last_line,
    }
}

/// CPython's "missing N required ... argument(s): 'a' and 'b'" error.
pub(crate) fn missing_error(name: &str, missing: &[&str], kind: &str) -> Exc {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    Exc::new(
        ExcKind::TypeError,
        format!(
            "{name}() missing {} required {kind} argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ),
    )
}
