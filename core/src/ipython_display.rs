//! `IPython.display`: the display helpers notebooks import — `display` (the builtin),
//! `clear_output(wait=False)` and `HTML(data)` — and the `IPython` package holding it.

use std::any::Any;
use std::rc::Rc;

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::value::function::{bind, BuiltinFunction, Help};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{Exc, PyResult, Value};

/// `import IPython`: the package, with `IPython.display` already imported into it.
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    let package = Module::new("IPython", Some("IPython: Productive Interactive Computing"));
    package.set("display", display_module(vm)?);
    Ok(Value::object(package))
}

/// `import IPython.display` (when the package was not imported first).
pub fn display_module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("IPython.display", Some("Public API for display tools in IPython."));
    if let Some(display) = vm.get_builtin("display") {
        m.set("display", display);
    }
    m.set(
        "clear_output",
        BuiltinFunction::with_help(
            "clear_output",
            Some("IPython.core.display_functions"),
            Help {
                signature: Some("(wait=False)".into()),
                doc: Some(
                    "Clear the output of the current cell receiving output.\n\nParameters\n----------\nwait : bool [default: false]\n    Wait to clear the output until new output is available to replace it."
                        .into(),
                ),
            },
            clear_output,
        ),
    );
    m.set("HTML", Value::Object(html_class()));
    Ok(Value::object(m))
}

fn clear_output(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("clear_output", args, &["wait"], 0)?;
    let wait = match &slots[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if let Some(sink) = vm.sink() {
        sink.clear_output(wait);
    }
    Ok(Value::None)
}

thread_local! {
    static HTML_CLASS: Rc<TypeObject> = TypeObject::new("HTML", "IPython.core.display", vec![builtin(|t| t.object.clone())], Some(new_html));
}

fn html_class() -> Rc<TypeObject> {
    HTML_CLASS.with(Rc::clone)
}

fn new_html(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("HTML", args, &["data", "url", "filename", "metadata"], 0)?;
    let data = match &slots[0] {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::None) | None => String::new(),
        Some(other) => vm.str(other)?,
    };
    if slots[1].as_ref().is_some_and(|v| !v.is_none()) || slots[2].as_ref().is_some_and(|v| !v.is_none()) {
        return Err(Exc::not_implemented("HTML(url=...) and HTML(filename=...)"));
    }
    Ok(Value::object(Html { data }))
}

/// An `IPython.display.HTML` object: shown as its HTML in a notebook.
pub struct Html {
    data: String,
}

impl PyObject for Html {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        html_class()
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok("<IPython.core.display.HTML object>".into())
    }

    fn mime_bundle(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Vec<(String, String)>> {
        Ok(vec![("text/html".into(), self.data.clone())])
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok((name == "data").then(|| Value::str(&self.data)))
    }

    fn dir(&self) -> Vec<String> {
        vec!["data".into()]
    }
}
