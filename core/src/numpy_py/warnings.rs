//! Floating-point errors: `np.seterr`, `np.geterr`, the `np.errstate` context
//! manager, and what an operation's errors do under them — NumPy's RuntimeWarning
//! (`divide by zero encountered in divide`), FloatingPointError, or nothing.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::state;
use crate::numpy::fpflags::FpErrors;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{Dict, Value};

const KINDS: [&str; 4] = ["divide", "over", "under", "invalid"];
const ACTIONS: [&str; 6] = ["ignore", "warn", "raise", "call", "print", "log"];

/// What each kind of floating-point error does (`'warn'`, `'ignore'` ...).
#[derive(Clone, Debug)]
pub struct ErrState {
    /// One action per kind, in [`KINDS`] order.
    actions: [String; 4],
}

impl Default for ErrState {
    fn default() -> Self {
        ErrState { actions: ["warn".into(), "warn".into(), "ignore".into(), "warn".into()] }
    }
}

impl ErrState {
    /// Applies `seterr(all=..., divide=..., ...)` keywords.
    fn apply(&mut self, vm: &mut Interp, keywords: &[(Rc<str>, Value)]) -> PyResult<()> {
        for (key, value) in keywords {
            if value.is_none() {
                continue;
            }
            let action = vm.str(value)?;
            if !ACTIONS.contains(&action.as_str()) {
                return Err(Exc::value_error(format!("invalid action {action:?} for {key}")));
            }
            match &**key {
                "all" => self.actions.iter_mut().for_each(|a| *a = action.clone()),
                k => match KINDS.iter().position(|n| *n == k) {
                    Some(i) => self.actions[i] = action,
                    None => return Err(Exc::type_error(format!("seterr() got an unexpected keyword argument '{k}'"))),
                },
            }
        }
        Ok(())
    }

    fn as_dict(&self) -> PyResult<Value> {
        let dict = Dict::new();
        for (k, a) in KINDS.iter().zip(&self.actions) {
            dict.set(Value::str(k), Value::str(a))?;
        }
        Ok(Value::Dict(Rc::new(dict)))
    }
}

/// `with np.errstate(divide='ignore'):`.
pub struct ErrStateContext {
    keywords: Vec<(Rc<str>, Value)>,
    saved: RefCell<Vec<ErrState>>,
}

impl PyObject for ErrStateContext {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        thread_local! {
            static CLASS: Rc<TypeObject> = TypeObject::new("errstate", "numpy", vec![builtin(|t| t.object.clone())], None);
        }
        CLASS.with(Rc::clone)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn enter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let st = state(vm);
        let current = st.errstate.borrow().clone();
        let mut next = current.clone();
        next.apply(vm, &self.keywords)?;
        self.saved.borrow_mut().push(current);
        *st.errstate.borrow_mut() = next;
        Ok(Value::None)
    }

    fn exit(&self, vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        if let Some(previous) = self.saved.borrow_mut().pop() {
            *state(vm).errstate.borrow_mut() = previous;
        }
        Ok(false)
    }

    fn is_context_manager(&self) -> bool {
        true
    }
}

/// What NumPy says for each kind of error, in the order it reports them.
const MESSAGES: [(usize, &str); 4] = [(0, "divide by zero"), (1, "overflow"), (2, "underflow"), (3, "invalid value")];

/// Reports the floating-point errors of ufunc `name` (`"divide"`, `"scalar divide"`)
/// as the error state says: a RuntimeWarning, a FloatingPointError, or nothing.
pub fn report(vm: &mut Interp, errors: FpErrors, name: &str) -> PyResult<()> {
    if !errors.any() {
        return Ok(());
    }
    let raised = [errors.divide, errors.over, errors.under, errors.invalid];
    let actions = state(vm).errstate.borrow().actions.clone();
    for (kind, what) in MESSAGES {
        if !raised[kind] {
            continue;
        }
        let message = format!("{what} encountered in {name}");
        match actions[kind].as_str() {
            "ignore" => {}
            "warn" => crate::eval::modules::warnings::warn(vm, ExcKind::RuntimeWarning, &message)?,
            "raise" => return Err(Exc::new(ExcKind::FloatingPointError, message)),
            other => return Err(Exc::not_implemented(format!("np.seterr({}={other:?})", KINDS[kind]))),
        }
    }
    Ok(())
}

/// Registers `seterr`, `geterr` and `errstate`.
pub fn install(m: &Module) {
    m.function("seterr", |vm, args: Args| {
        let st = state(vm);
        let old = st.errstate.borrow().clone();
        let mut next = old.clone();
        next.apply(vm, &args.keywords)?;
        *st.errstate.borrow_mut() = next;
        old.as_dict()
    });
    m.function("geterr", |vm, _args| state(vm).errstate.borrow().as_dict());
    m.function("errstate", |_vm, args: Args| {
        Ok(Value::object(ErrStateContext { keywords: args.keywords, saved: RefCell::new(Vec::new()) }))
    });
}
