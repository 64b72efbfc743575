//! `warnings`: the filters (`filterwarnings`, `simplefilter`, `resetwarnings`,
//! `catch_warnings`) and how a warning reaches the notebook's stderr, as CPython's
//! default `showwarning` writes it: `<file>:<line>: <Category>: <message>` and the
//! source line. Native code (NumPy's floating-point errors) warns through [`warn`].

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use super::Module;
use crate::eval::Interp;
use crate::value::exception::{exception_class, Exc, ExcKind, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{as_type, builtin, TypeObject};
use crate::value::Value;

const ACTIONS: [&str; 7] = ["error", "ignore", "always", "all", "default", "module", "once"];

/// One entry of `warnings.filters`.
#[derive(Clone)]
struct Filter {
    action: String,
    /// Lower-cased literal prefix the message must start with ('' matches all).
    message: String,
    category: Rc<TypeObject>,
    lineno: u32,
}

/// A warning already shown: message, category name, and where (cell, line).
type Shown = (String, String, u64, u32);

/// The session's warning state.
#[derive(Default)]
struct WarningsState {
    filters: RefCell<Vec<Filter>>,
    /// Warnings already shown (`default`, `module` and `once` actions): IPython
    /// changes the filters as each cell runs, which empties CPython's registries, so
    /// this holds the running cell's only.
    registry: RefCell<(u64, HashSet<Shown>)>,
}

impl WarningsState {
    fn filters_changed(&self) {
        self.registry.borrow_mut().1.clear();
    }
}

fn state(vm: &Interp) -> Rc<WarningsState> {
    vm.extension("warnings", WarningsState::default)
}

/// Issues a warning of `category` from the running statement, as `warnings.warn`
/// with stacklevel 1 in the innermost Python frame does.
pub fn warn(vm: &mut Interp, category: ExcKind, message: &str) -> PyResult<()> {
    let st = state(vm);
    let class = exception_class(category);
    let (cell, line) = vm.statement_at;
    let action = st
        .filters
        .borrow()
        .iter()
        .find(|f| class.is_subclass(&f.category) && (f.lineno == 0 || f.lineno == line) && message.to_lowercase().starts_with(&f.message))
        .map_or_else(|| "default".to_string(), |f| f.action.clone());
    let name = class.name.to_string();
    let first_time = match action.as_str() {
        "ignore" => return Ok(()),
        "error" => return Err(Exc::new(category, message)),
        "always" | "all" => true,
        _ => {
            let mut registry = st.registry.borrow_mut();
            if registry.0 != vm.current_cell {
                *registry = (vm.current_cell, HashSet::new());
            }
            let at = match action.as_str() {
                "module" => (0, 0),
                "once" => (u64::MAX, 0),
                _ => (cell, line),
            };
            registry.1.insert((message.to_string(), name.clone(), at.0, at.1))
        }
    };
    if first_time {
        let file = crate::inspect::info::cell_file_name(vm, cell);
        let mut text = format!("{file}:{line}: {name}: {message}\n");
        let source = crate::inspect::cell_source(vm, cell).unwrap_or_default();
        if let Some(code) = source.split('\n').nth((line as usize).wrapping_sub(1)).map(str::trim).filter(|c| !c.is_empty()) {
            text.push_str(&format!("  {code}\n"));
        }
        vm.write_stderr(&text);
    }
    Ok(())
}

/// The builtin warning class `category` names (`warn(..., RuntimeWarning)`).
fn warning_kind(category: &Value) -> PyResult<ExcKind> {
    let class = as_type(category).filter(|c| c.is_subclass(&exception_class(ExcKind::Warning)));
    let Some(class) = class else {
        return Err(Exc::type_error(format!("category must be a Warning subclass, not '{}'", crate::value::exception::class_name(category))));
    };
    ExcKind::from_name(&class.name)
        .filter(|k| Rc::ptr_eq(&exception_class(*k), &class))
        .ok_or_else(|| Exc::not_implemented("warnings.warn() with a user-defined Warning class"))
}

/// A parameter by position or keyword.
fn param<'a>(args: &'a Args, index: usize, name: &str) -> Option<&'a Value> {
    args.positional.get(index).or_else(|| args.keywords.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

/// Adds a filter from `filterwarnings`/`simplefilter` arguments.
fn add_filter(vm: &mut Interp, args: &Args, with_message: bool) -> PyResult<()> {
    let shift = usize::from(with_message);
    let action = match param(args, 0, "action") {
        Some(v) => vm.str(v)?,
        None => return Err(Exc::type_error("filterwarnings() missing 1 required positional argument: 'action'")),
    };
    if !ACTIONS.contains(&action.as_str()) {
        return Err(Exc::new(ExcKind::AssertionError, format!("invalid action: '{action}'")));
    }
    let message = match param(args, 1, "message").filter(|_| with_message) {
        Some(v) => vm.str(v)?,
        None => String::new(),
    };
    if message.chars().any(|c| "\\.^$*+?{}[]|()".contains(c)) {
        return Err(Exc::not_implemented("warnings filters with a regular expression as message"));
    }
    if param(args, 2 + shift, "module").filter(|_| with_message).is_some_and(|v| !v.is_none()) {
        return Err(Exc::not_implemented("warnings filters by module"));
    }
    let category = match param(args, 1 + shift, "category") {
        Some(v) => as_type(v).ok_or_else(|| Exc::new(ExcKind::AssertionError, "category must be a class"))?,
        None => exception_class(ExcKind::Warning),
    };
    let lineno_index = if with_message { 4 } else { 2 };
    let lineno = match param(args, lineno_index, "lineno") {
        Some(Value::Int(n)) => u32::try_from(*n).map_err(|_| Exc::value_error("lineno must be an int >= 0"))?,
        Some(_) => return Err(Exc::type_error("lineno must be an int")),
        None => 0,
    };
    let append = match param(args, lineno_index + 1, "append") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let filter = Filter { action, message: message.to_lowercase(), category, lineno };
    let st = state(vm);
    let mut filters = st.filters.borrow_mut();
    filters.retain(|f| f.action != filter.action || f.message != filter.message || !Rc::ptr_eq(&f.category, &filter.category) || f.lineno != filter.lineno);
    if append {
        filters.push(filter);
    } else {
        filters.insert(0, filter);
    }
    drop(filters);
    st.filters_changed();
    Ok(())
}

/// `with warnings.catch_warnings():` — the filters are restored on exit.
struct CatchWarnings {
    action: Option<Args>,
    saved: RefCell<Vec<Vec<Filter>>>,
}

impl PyObject for CatchWarnings {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        thread_local! {
            static CLASS: Rc<TypeObject> = TypeObject::new("catch_warnings", "warnings", vec![builtin(|t| t.object.clone())], None);
        }
        CLASS.with(Rc::clone)
    }

    fn enter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let st = state(vm);
        self.saved.borrow_mut().push(st.filters.borrow().clone());
        st.filters_changed();
        if let Some(args) = &self.action {
            add_filter(vm, args, false)?;
        }
        Ok(Value::None)
    }

    fn exit(&self, vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        if let Some(previous) = self.saved.borrow_mut().pop() {
            let st = state(vm);
            *st.filters.borrow_mut() = previous;
            st.filters_changed();
        }
        Ok(false)
    }

    fn is_context_manager(&self) -> bool {
        true
    }
}

/// Builds `warnings`.
pub fn module(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("warnings", Some("Python part of the warnings subsystem."));
    m.function("filterwarnings", |vm, args| add_filter(vm, &args, true).map(|_| Value::None));
    m.function("simplefilter", |vm, args| add_filter(vm, &args, false).map(|_| Value::None));
    m.function("warn", |vm, args| {
        let message = match param(&args, 0, "message") {
            Some(v) => vm.str(v)?,
            None => return Err(Exc::type_error("warn() missing required argument 'message' (pos 1)")),
        };
        let kind = match param(&args, 1, "category").filter(|v| !v.is_none()) {
            None => ExcKind::UserWarning,
            Some(v) => warning_kind(v)?,
        };
        if param(&args, 2, "stacklevel").is_some_and(|v| !matches!(v, Value::Int(1))) {
            return Err(Exc::not_implemented("warnings.warn() with a stacklevel other than 1"));
        }
        warn(vm, kind, &message)?;
        Ok(Value::None)
    });
    m.function("resetwarnings", |vm, _args| {
        let st = state(vm);
        st.filters.borrow_mut().clear();
        st.filters_changed();
        Ok(Value::None)
    });
    m.function("catch_warnings", |vm, args| {
        if param(&args, usize::MAX, "record").map(|v| vm.truthy(v)).transpose()?.unwrap_or(false) {
            return Err(Exc::not_implemented("warnings.catch_warnings(record=True)"));
        }
        let action = param(&args, usize::MAX, "action").filter(|v| !v.is_none()).cloned();
        let action = action.map(|a| {
            let mut keywords = vec![(Rc::from("action"), a)];
            keywords.extend(args.keywords.iter().filter(|(k, _)| matches!(&**k, "category" | "lineno" | "append")).cloned());
            Args { positional: Vec::new(), keywords }
        });
        Ok(Value::object(CatchWarnings { action, saved: RefCell::new(Vec::new()) }))
    });
    Ok(Value::object(m))
}
