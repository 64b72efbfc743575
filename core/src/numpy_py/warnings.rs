//! Floating-point error handling settings: `np.seterr`, `np.geterr` and the
//! `np.errstate` context manager. (h5lab computes the same values NumPy does for
//! divisions by zero, overflows and invalid operations; it does not print NumPy's
//! RuntimeWarnings for them.)

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::state;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
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
