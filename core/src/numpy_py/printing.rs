//! Print options and array formatting functions: `set_printoptions`,
//! `get_printoptions`, the `printoptions` context manager, `array2string`,
//! `array_repr`, `array_str`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::convert::{given, int_arg, required, to_array, to_py_value};
use super::errors::np_error;
use super::{print_options, state};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{PrintOptions, PyValue};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::bind;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{Dict, Value};

/// The `legacy=` values h5lab implements: before NumPy 2, scalars printed as their
/// `str`.
const SCALAR_STR_LEGACY: &[&str] = &["1.21", "1.25"];

/// Applies `np.set_printoptions(**keywords)` to the session.
fn apply(vm: &mut Interp, keywords: &[(Rc<str>, Value)]) -> PyResult<()> {
    let st = state(vm);
    let mut options = st.print_options.borrow().clone();
    let mut legacy = st.legacy.borrow().clone();
    for (key, value) in keywords {
        if &**key == "legacy" {
            match value {
                Value::Bool(false) => legacy = None,
                Value::Str(s) if SCALAR_STR_LEGACY.contains(&&**s) => legacy = Some(s.to_string()),
                Value::Str(s) if matches!(&**s, "1.13" | "2.1" | "2.2") => {
                    return Err(Exc::not_implemented(format!("numpy.set_printoptions(legacy='{s}')")))
                }
                _ => {}
            }
            continue;
        }
        if &**key == "formatter" && !value.is_none() {
            return Err(Exc::not_implemented("numpy.set_printoptions(formatter=...)"));
        }
        let v = to_py_value(vm, value)?;
        options.set(key, &v).map_err(np_error)?;
    }
    *st.print_options.borrow_mut() = options;
    *st.legacy.borrow_mut() = legacy;
    Ok(())
}

fn get_printoptions(vm: &mut Interp) -> PyResult<Value> {
    let dict = Dict::new();
    let legacy = state(vm).legacy.borrow().clone();
    for (k, v) in print_options(vm).items() {
        let value = match (k, v.as_str()) {
            ("legacy", _) => legacy.as_deref().map_or(Value::Bool(false), Value::str),
            (_, "None") => Value::None,
            (_, "True") => Value::Bool(true),
            (_, "False") => Value::Bool(false),
            (_, text) => match text.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(text.trim_matches('\'')),
            },
        };
        dict.set(Value::str(k), value)?;
    }
    Ok(Value::Dict(Rc::new(dict)))
}

/// `with np.printoptions(**kw):` — the options apply inside the block only.
pub struct PrintOptionsContext {
    keywords: Vec<(Rc<str>, Value)>,
    saved: RefCell<Vec<(PrintOptions, Option<String>)>>,
}

impl PyObject for PrintOptionsContext {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        thread_local! {
            static CLASS: Rc<TypeObject> =
                TypeObject::new("_GeneratorContextManager", "contextlib", vec![builtin(|t| t.object.clone())], None);
        }
        CLASS.with(Rc::clone)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn enter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let st = state(vm);
        let saved = (st.print_options.borrow().clone(), st.legacy.borrow().clone());
        self.saved.borrow_mut().push(saved);
        apply(vm, &self.keywords)?;
        get_printoptions(vm)
    }

    fn exit(&self, vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        if let Some((options, legacy)) = self.saved.borrow_mut().pop() {
            let st = state(vm);
            *st.print_options.borrow_mut() = options;
            *st.legacy.borrow_mut() = legacy;
        }
        Ok(false)
    }

    fn is_context_manager(&self) -> bool {
        true
    }
}

/// The print options with `array2string`'s keyword overrides.
fn options_with(vm: &mut Interp, overrides: &[(&str, Option<Value>)]) -> PyResult<PrintOptions> {
    let mut options = print_options(vm);
    for (key, value) in overrides {
        if let Some(v) = given(value) {
            let v: PyValue = to_py_value(vm, v)?;
            options.set(key, &v).map_err(np_error)?;
        }
    }
    Ok(options)
}

fn array2string(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let params = [
        "a", "max_line_width", "precision", "suppress_small", "separator", "prefix", "style", "formatter", "threshold",
        "edgeitems", "sign", "floatmode", "suffix", "legacy",
    ];
    let slots = bind("array2string", args, &params, 1)?;
    let a = to_array(vm, &required(&slots[0]), None)?;
    if given(&slots[7]).is_some() {
        return Err(Exc::not_implemented("numpy.array2string(formatter=...)"));
    }
    let options = options_with(
        vm,
        &[
            ("linewidth", slots[1].clone()),
            ("precision", slots[2].clone()),
            ("suppress", slots[3].clone()),
            ("threshold", slots[8].clone()),
            ("edgeitems", slots[9].clone()),
            ("sign", slots[10].clone()),
            ("floatmode", slots[11].clone()),
        ],
    )?;
    let text = |vm: &mut Interp, slot: &Option<Value>, default: &str| -> PyResult<String> {
        match given(slot) {
            Some(v) => vm.str(v),
            None => Ok(default.to_string()),
        }
    };
    let separator = text(vm, &slots[4], " ")?;
    let prefix = text(vm, &slots[5], "")?;
    let suffix = text(vm, &slots[12], "")?;
    let out = crate::numpy::format::array2string(&a, &options, &separator, &prefix, suffix.chars().count());
    Ok(Value::str(out))
}

fn repr_or_str(vm: &mut Interp, name: &str, args: Args) -> PyResult<Value> {
    let slots = bind(name, args, &["arr", "max_line_width", "precision", "suppress_small"], 1)?;
    let a = to_array(vm, &required(&slots[0]), None)?;
    let options = options_with(
        vm,
        &[("linewidth", slots[1].clone()), ("precision", slots[2].clone()), ("suppress", slots[3].clone())],
    )?;
    Ok(Value::str(if name == "array_repr" { a.repr(&options) } else { a.str(&options) }))
}

/// Registers the printing functions.
pub fn install(m: &Module) {
    m.function("set_printoptions", |vm, args| {
        if let Some(v) = args.positional.first() {
            let precision = int_arg(vm, v, "precision must be an integer")?;
            apply(vm, &[(Rc::from("precision"), Value::Int(precision))])?;
        }
        apply(vm, &args.keywords)?;
        Ok(Value::None)
    });
    m.function("get_printoptions", |vm, _args| get_printoptions(vm));
    m.function("printoptions", |_vm, args| {
        if !args.positional.is_empty() {
            return Err(Exc::not_implemented("numpy.printoptions() with positional arguments"));
        }
        Ok(Value::object(PrintOptionsContext { keywords: args.keywords, saved: RefCell::new(Vec::new()) }))
    });
    m.function("array2string", array2string);
    for name in ["array_repr", "array_str"] {
        m.function(name, move |vm, args| repr_or_str(vm, name, args));
    }
}
