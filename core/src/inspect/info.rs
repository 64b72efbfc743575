//! IPython's object information page (`obj?`, `obj??`, inspect requests): the fields
//! `oinspect.Inspector.info` collects and the layout `_make_info_unformatted` and
//! `format_mime` give them — `Signature:`/`Docstring:`/`File:`/`Type:` for functions
//! and classes, `Type:`/`String form:`/`Length:`/`Docstring:` for other objects.

use std::rc::Rc;

use super::docs::{self, DocEntry};
use super::resolve::Namespace;
use super::signature::{function_params, render_signature, split_signature};
use crate::eval::function::Function;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::render::ansi::{painted, Style};
use crate::value::function::{BuiltinFunction, NativeMethod};
use crate::value::types::{as_type, type_of, TypeObject};
use crate::value::Value;

/// IPython shows at most this many characters of `str(obj)` in `obj?` (snipped in the
/// middle beyond).
const STRING_MAX: usize = 200;

/// The page for `obj?` (`detail` 0) or `obj??` (1): IPython's `text/plain`, with its
/// ANSI colours when `color`.
pub fn info_text(vm: &mut Interp, value: &Value, oname: &str, namespace: Namespace, detail: u8, color: bool) -> String {
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let code = |text: &str| code_text(text, color);
    let doc = docstring(vm, value);
    let ds = doc.clone().unwrap_or_else(|| "<no docstring>".to_string());
    let function = value.downcast::<Function>();
    let source = if detail > 0 { function.and_then(|f| function_source(vm, f)) } else { None };
    let file = function.map(|f| cell_file_name(vm, f.code.cell));
    let show_docstring = !(source.is_some() && function.is_some_and(|f| source_has_docstring(f, &ds)));

    if let Some(class) = as_type(value) {
        let entry = doc_entry_of_type(&class);
        if let Some(params) = init_params(&class, entry) {
            fields.push(("Init signature", code(&render_signature(oname, &params))));
        }
        if show_docstring {
            fields.push(("Docstring", ds));
        }
        if let Some(init_doc) = entry.and_then(|e| e.init_doc.clone()) {
            fields.push(("Init docstring", init_doc));
        }
        fields.push(("Type", type_of(value).name.clone()));
        fields.push(("Subclasses", subclasses(vm, &class).join(", ")));
    } else if is_simple_callable(value) {
        if let Some(params) = callable_params(vm, value) {
            fields.push(("Signature", code(&render_signature(oname, &params))));
        }
        if show_docstring {
            fields.push(("Docstring", ds));
        }
        if let Some(source) = &source {
            fields.push(("Source", code(source)));
        }
        if let Some(file) = file {
            fields.push(("File", file));
        }
        fields.push(("Type", type_of(value).name.clone()));
    } else {
        if vm.is_callable(value) {
            if let Some(params) = callable_params(vm, value) {
                fields.push(("Signature", code(&render_signature(oname, &params))));
            }
            if let Some(params) = own_call_signature(value) {
                fields.push(("Call signature", code(&render_signature(oname, &params))));
            }
        }
        fields.push(("Type", type_of(value).name.clone()));
        if let Ok(text) = vm.str(value) {
            fields.push(("String form", snip_string_form(&text, detail)));
        }
        if namespace == Namespace::Builtin {
            fields.push(("Namespace", "Python builtin".to_string()));
        }
        if let Ok(n) = vm.len(value) {
            fields.push(("Length", n.to_string()));
        }
        fields.push(("Docstring", ds));
    }
    format_fields(&fields, color)
}

/// IPython's `format_mime` for `text/plain`: each header (red, with a colon) padded to
/// the longest, then the body on the same line, or on the next ones when it has
/// several lines.
fn format_fields(fields: &[(&str, String)], color: bool) -> String {
    let width = fields.iter().map(|(h, _)| h.chars().count()).max().unwrap_or(0);
    let lines: Vec<String> = fields
        .iter()
        .map(|(head, body)| {
            let body = body.trim_matches('\n');
            let delim = if body.contains('\n') { "\n" } else { " " };
            let pad = " ".repeat(width - head.chars().count());
            format!("{}{pad}{delim}{body}", painted(Style::Red, &format!("{head}:"), color))
        })
        .collect();
    lines.join("\n")
}

/// Code (a signature, a function's source) as IPython's `Inspector.format` colours it.
fn code_text(text: &str, color: bool) -> String {
    if color {
        crate::render::highlight_python(text)
    } else {
        text.to_string()
    }
}

/// `str(obj)` as shown in `obj?`: beyond 200 characters, its first and last 97 with
/// ` <...> ` between, lines stripped and re-indented (full text for `obj??`).
fn snip_string_form(text: &str, detail: u8) -> String {
    let n = text.chars().count();
    if detail > 0 || n <= STRING_MAX {
        return text.to_string();
    }
    let half = (STRING_MAX - 5) / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(n - half).collect();
    let joined = format!("{head} <...> {tail}");
    joined.split('\n').map(str::trim).collect::<Vec<_>>().join(&format!("\n{}", " ".repeat("string_form".len())))
}

/// Functions, builtin functions and methods: what IPython lays out as a callable.
fn is_simple_callable(value: &Value) -> bool {
    value.downcast::<Function>().is_some()
        || value.downcast::<BuiltinFunction>().is_some()
        || value.downcast::<NativeMethod>().is_some()
        || matches!(value, Value::Object(obj) if obj.is_routine())
}

/// `Call signature:` parameters an object declares itself.
fn own_call_signature(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Object(obj) => obj.call_signature_params(),
        _ => None,
    }
}

/// The recorded CPython entry for a value, by its qualified name.
pub fn doc_entry(value: &Value) -> Option<&'static DocEntry> {
    if let Some(f) = value.downcast::<BuiltinFunction>() {
        let module = f.module.as_deref().unwrap_or("builtins");
        return docs::lookup(&format!("{module}.{}", f.name));
    }
    if let Some(m) = value.downcast::<NativeMethod>() {
        let class = type_of(&m.receiver);
        return docs::lookup(&format!("{}.{}.{}", class.module, class.name, m.name));
    }
    if let Some(m) = value.downcast::<Module>() {
        return docs::lookup(&m.name);
    }
    if let Some(t) = as_type(value) {
        return doc_entry_of_type(&t);
    }
    None
}

fn doc_entry_of_type(class: &TypeObject) -> Option<&'static DocEntry> {
    docs::lookup(&format!("{}.{}", class.module, class.name))
}

/// `inspect.getdoc(obj)`: the object's own docstring, else the recorded one, else (for
/// instances) its class's.
pub fn docstring(vm: &mut Interp, value: &Value) -> Option<String> {
    let own = match value {
        Value::Object(obj) => obj.doc(),
        _ => None,
    };
    if let Some(doc) = own.filter(|d| !d.is_empty()) {
        return Some(cleandoc(&doc));
    }
    if let Some(entry) = doc_entry(value) {
        return entry.doc.clone();
    }
    if value.downcast::<Function>().is_some() || value.downcast::<BuiltinFunction>().is_some() || as_type(value).is_some() {
        return None;
    }
    let class = type_of(value);
    if let Some(doc) = class.doc.clone() {
        return Some(cleandoc(&doc));
    }
    let _ = vm;
    doc_entry_of_type(&class).and_then(|e| e.doc.clone())
}

/// The parameters of a callable, when known.
pub fn callable_params(vm: &mut Interp, value: &Value) -> Option<Vec<String>> {
    if let Some(f) = value.downcast::<Function>() {
        return function_params(vm, f).ok();
    }
    if let Some(params) = match value {
        Value::Object(obj) => obj.signature_params(),
        _ => None,
    } {
        return Some(params);
    }
    if let Some(f) = value.downcast::<BuiltinFunction>() {
        if let Some(sig) = &f.help.signature {
            return Some(split_signature(sig));
        }
    }
    if let Some(t) = as_type(value) {
        return init_params(&t, doc_entry_of_type(&t));
    }
    doc_entry(value).and_then(|e| e.signature.clone())
}

fn init_params(_class: &TypeObject, entry: Option<&DocEntry>) -> Option<Vec<String>> {
    entry.and_then(|e| e.init_signature.clone())
}

/// The names of the classes that derive directly from `class`, among the builtins and
/// the user's globals (IPython lists `type.__subclasses__`).
fn subclasses(vm: &Interp, class: &Rc<TypeObject>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut candidates: Vec<Value> = vm.builtin_names().iter().filter_map(|n| vm.get_builtin(n)).collect();
    candidates.extend(vm.global_names().iter().filter_map(|n| vm.get_global(n)));
    for candidate in candidates {
        if let Some(t) = as_type(&candidate) {
            if t.bases.iter().any(|b| Rc::ptr_eq(b, class)) && !names.contains(&t.name) {
                names.push(t.name.clone());
            }
        }
    }
    if names.len() >= 10 {
        names.truncate(10);
        names.push("...".into());
    }
    names
}

/// `inspect.cleandoc`: tabs expanded, the first line's leading space and the common
/// indentation of the others removed, blank lines at both ends dropped.
pub fn cleandoc(doc: &str) -> String {
    let expanded = crate::render::highlight::expand_tabs(doc);
    let lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim_start().is_empty())
        .map(|l| l.chars().count() - l.trim_start().chars().count())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    if let Some(first) = lines.first() {
        out.push(first.trim_start().to_string());
    }
    for line in lines.iter().skip(1) {
        out.push(line.chars().skip(margin).collect());
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    out.join("\n")
}

/// A user function's source lines (its `def` to the end of its body), right-stripped.
fn function_source(vm: &Interp, f: &Function) -> Option<String> {
    let source = super::cell_source(vm, f.code.cell)?;
    let first = f.code.first_line.max(1) as usize;
    let last = (f.code.last_line as usize).max(first);
    let lines: Vec<&str> = source.split('\n').skip(first - 1).take(last + 1 - first).collect();
    let text = lines.join("\n");
    let text = text.trim_end();
    (!text.is_empty()).then(|| text.to_string())
}

/// Whether the function's source shows its docstring `ds` already (IPython then leaves
/// the `Docstring:` field out): the docstring written in the `def` is still `__doc__`.
fn source_has_docstring(f: &Function, ds: &str) -> bool {
    f.code.doc.as_deref().is_some_and(|written| cleandoc(written) == ds)
}

/// Where IPython's kernel says a cell's functions live: `<tmp>/ipykernel_<pid>/<hash>.py`.
pub(crate) fn cell_file_name(vm: &Interp, cell: u64) -> String {
    let name = match super::cell_source(vm, cell) {
        Some(source) => crate::session::cell_filename(&source),
        None => format!("{cell}.py"),
    };
    let dir = std::env::temp_dir().join(format!("ipykernel_{}", std::process::id()));
    dir.join(name).to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleandoc_dedents_like_inspect() {
        assert_eq!(cleandoc("Multi\n    line doc.\n\n       indented more\n    "), "Multi\nline doc.\n\n   indented more");
        assert_eq!(cleandoc("  One line.  "), "One line.  ");
        assert_eq!(cleandoc("\n    First\n    Second\n"), "First\nSecond");
    }

    #[test]
    fn fields_pad_to_the_longest_header() {
        let fields = vec![("Signature", "len(obj, /)".to_string()), ("Type", "builtin_function_or_method".to_string())];
        assert_eq!(format_fields(&fields, false), "Signature: len(obj, /)\nType:      builtin_function_or_method");
        let fields = vec![("Docstring", "a\nb".to_string())];
        assert_eq!(format_fields(&fields, true), "\x1b[31mDocstring:\x1b[39m\na\nb");
    }

    #[test]
    fn long_string_forms_are_snipped() {
        let text = format!("{}{}", "x".repeat(300), "y".repeat(10));
        let snipped = snip_string_form(&text, 0);
        assert_eq!(snipped, format!("{} <...> {}{}", "x".repeat(97), "x".repeat(87), "y".repeat(10)));
        assert_eq!(snip_string_form(&text, 1), text);
    }
}
