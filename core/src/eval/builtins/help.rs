//! `help(obj)`: pydoc's plain-text help, as IPython's kernel prints it to stdout, for
//! user functions and builtin functions. Other objects (classes, modules, instances,
//! topics given as strings) raise NotImplementedError naming what is missing.

use crate::eval::function::Function;
use crate::eval::Interp;
use crate::inspect::info::{cleandoc, doc_entry};
use crate::inspect::signature::function_params;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::BuiltinFunction;
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// `help(obj)`.
pub fn help(vm: &mut Interp, args: Args) -> PyResult<Value> {
    // `help` is site's `_Helper` instance: its `__call__` checks the arguments.
    if let Some((key, _)) = args.keywords.first() {
        return Err(Exc::type_error(format!("Helper.__call__() got an unexpected keyword argument '{key}'")));
    }
    if args.positional.len() > 1 {
        return Err(Exc::type_error(format!(
            "Helper.__call__() takes from 1 to 2 positional arguments but {} were given",
            args.positional.len() + 1
        )));
    }
    if args.positional.is_empty() {
        return Err(Exc::not_implemented("help() without an argument (interactive help)"));
    }
    let text = help_text(vm, &args.positional[0])?;
    vm.write_stdout(&text);
    Ok(Value::None)
}

/// The text `help(value)` prints.
fn help_text(vm: &mut Interp, value: &Value) -> PyResult<String> {
    let (header, declaration, doc) = if let Some(f) = value.downcast::<Function>() {
        if &*f.code.name == "<lambda>" {
            return Err(Exc::not_implemented("help() of a lambda"));
        }
        let params = function_params(vm, f)?;
        let doc = f.doc.borrow().as_deref().map(cleandoc);
        let name = &f.code.name;
        (format!("function {name} in module __main__"), format!("{name}({})", params.join(", ")), doc)
    } else if let Some(f) = value.downcast::<BuiltinFunction>().filter(|f| f.module.is_none()) {
        let entry = doc_entry(value);
        let declaration = match entry.and_then(|e| e.signature.as_ref()) {
            Some(params) => format!("{}({})", f.name, params.join(", ")),
            None => format!("{}(...)", f.name),
        };
        (format!("built-in function {} in module builtins", f.name), declaration, entry.and_then(|e| e.doc.clone()))
    } else {
        return Err(Exc::not_implemented(format!("help() of {} objects", type_of(value).name)));
    };
    let mut text = format!("Help on {header}:\n\n{declaration}\n");
    if let Some(doc) = doc.as_deref().map(pydoc_getdoc).filter(|d| !d.is_empty()) {
        let indented: Vec<String> = doc.split('\n').map(|line| format!("    {line}")).collect();
        text.push_str(indented.join("\n").trim_end());
        text.push('\n');
    }
    text.push('\n');
    Ok(text)
}

/// pydoc's `getdoc` on a cleaned docstring: trailing whitespace and one leading blank
/// line dropped.
fn pydoc_getdoc(doc: &str) -> String {
    let trimmed = doc.trim_end();
    let without_blank = match trimmed.find('\n') {
        Some(i) if trimmed[..i].trim_start_matches(' ').is_empty() => &trimmed[i + 1..],
        _ => trimmed,
    };
    without_blank.to_string()
}
