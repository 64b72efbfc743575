//! Where completions come from: the namespace (globals, builtins, keywords), an
//! object's attributes, a mapping's keys, a callable's keyword parameters, the magics,
//! module names and the file system.

use std::path::{Path, PathBuf};

use super::{Candidate, Group};
use crate::eval::function::Function;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::value::function::{BuiltinFunction, NativeMethod};
use crate::value::types::as_type;
use crate::value::Value;

/// The line magics h5lab offers (DESIGN.md, "Built-in tools").
pub const LINE_MAGICS: &[&str] = &["cd", "h5errors", "h5tree", "ls", "pwd", "reset", "tb", "time", "timeit", "who", "whos"];

/// The modules `import` can find (checked against the interpreter before offering).
pub const MODULES: &[&str] = &["IPython", "h5py", "math", "numpy", "os", "sys", "time"];

/// IPython's completion type of a value (`_jupyter_types_experimental`).
pub fn kind_of(value: &Value) -> &'static str {
    if value.downcast::<Function>().is_some() || value.downcast::<BuiltinFunction>().is_some() || value.downcast::<NativeMethod>().is_some() {
        "function"
    } else if as_type(value).is_some() {
        "class"
    } else if value.downcast::<Module>().is_some() {
        "module"
    } else {
        "instance"
    }
}

/// Where in the grammar a word is being typed: it decides which keywords Jedi offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// At the start of a statement: statement keywords, expression keywords, names.
    Statement,
    /// Where an expression starts: expression keywords and names.
    Expression,
    /// After a complete operand and a space: only the infix keywords.
    Infix,
}

/// Keywords that start a statement (besides the expression keywords).
const STATEMENT_KEYWORDS: &[&str] = &[
    "assert", "async", "break", "class", "continue", "def", "del", "for", "from", "global", "if", "import", "nonlocal",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Keywords that start an expression.
const EXPRESSION_KEYWORDS: &[&str] = &["False", "None", "True", "await", "lambda", "not"];

/// Keywords that follow an operand.
const INFIX_KEYWORDS: &[&str] = &["and", "else", "if", "in", "is", "not", "or"];

/// The keywords Jedi offers at a position.
pub fn keywords(position: Position, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    let lists: &[&[&str]] = match position {
        Position::Statement => &[STATEMENT_KEYWORDS, EXPRESSION_KEYWORDS],
        Position::Expression => &[EXPRESSION_KEYWORDS],
        Position::Infix => &[INFIX_KEYWORDS],
    };
    for keyword in lists.iter().flat_map(|l| l.iter()) {
        if keyword.starts_with(prefix) {
            out.push(Candidate::new(keyword.to_string(), start, "keyword", Group::Jedi));
        }
    }
}

/// Builtins Jedi types as `statement` (names its stubs assign rather than define).
const STATEMENT_BUILTINS: &[&str] = &[
    "copyright", "credits", "ellipsis", "Ellipsis", "EnvironmentError", "help", "IOError", "license", "NotImplemented",
    "WindowsError",
];

/// The type IPython's kernel reports for a builtin: CPython's class-ness (h5lab makes
/// some of CPython's classes, such as `reversed`, plain functions) and Jedi's quirks.
fn builtin_kind(name: &str, value: &Value) -> &'static str {
    if STATEMENT_BUILTINS.contains(&name) {
        return "statement";
    }
    match crate::inspect::docs::lookup(&format!("builtins.{name}")) {
        Some(entry) if entry.is_class => "class",
        _ => kind_of(value),
    }
}

/// Global names and builtins starting with `prefix`.
pub fn names(vm: &Interp, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    let mut seen = std::collections::HashSet::new();
    for name in vm.global_names() {
        if name.starts_with(prefix) && seen.insert(name.clone()) {
            let kind = vm.get_global(&name).map_or("instance", |v| kind_of(&v));
            out.push(Candidate::new(name, start, kind, Group::Jedi));
        }
    }
    for name in vm.builtin_names() {
        if name.starts_with(prefix) && seen.insert(name.clone()) {
            let kind = vm.get_builtin(&name).map_or("instance", |v| builtin_kind(&name, &v));
            out.push(Candidate::new(name, start, kind, Group::Jedi));
        }
    }
}

/// The attributes of `value` starting with `prefix` (private ones only when the prefix
/// asks for them, as Jedi does).
pub fn attributes(vm: &mut Interp, value: &Value, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    for name in vm.dir(value) {
        if !name.starts_with(prefix) || (name.starts_with('_') && !prefix.starts_with('_')) {
            continue;
        }
        let kind = match vm.getattr_opt(value, &name) {
            Ok(Some(v)) => kind_of(&v),
            _ => "instance",
        };
        out.push(Candidate::new(name, start, kind, Group::Jedi));
    }
}

/// The keys of a mapping for `x[` (their reprs) or `x['` (their text), when the
/// object offers any: a dict's str/bytes/int keys, or what `completion_keys` gives.
pub fn keys(vm: &mut Interp, value: &Value, quoted: Option<bool>, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    if matches!(value, Value::Object(_)) && quoted == Some(false) && prefix.contains('/') {
        hdf5_paths(vm, value, prefix, start, out);
        return;
    }
    let mut keys: Vec<Value> = match value {
        Value::Dict(d) => d.keys(),
        Value::Object(obj) => obj.clone().completion_keys(vm).into_iter().map(Value::str).collect(),
        _ => return,
    };
    keys.retain(|k| matches!(k, Value::Str(_) | Value::Bytes(_) | Value::Int(_)));
    for key in keys {
        let text = match (&key, quoted) {
            (Value::Str(s), Some(false)) => s.to_string(),
            (Value::Bytes(b), Some(true)) => String::from_utf8_lossy(b).into_owned(),
            (_, None) => match vm.repr(&key) {
                Ok(r) => r,
                Err(_) => continue,
            },
            _ => continue,
        };
        if text.starts_with(prefix) {
            out.push(Candidate::new(text, start, "dict key", Group::Other));
        }
    }
}

/// HDF5 paths inside `f['...` when the key typed so far holds a `/` (`'/li'`,
/// `'links/s'`): the members of the group the path names up to its last `/`, looked
/// up in the live file, each offered with that group's path before it. Only for
/// objects that offer keys (h5py groups); nothing when the group does not exist.
fn hdf5_paths(vm: &mut Interp, value: &Value, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    let Some(slash) = prefix.rfind('/') else { return };
    let (parent, leaf) = (&prefix[..=slash], &prefix[slash + 1..]);
    let group = if parent.trim_end_matches('/').is_empty() && !parent.is_empty() { "/" } else { parent.trim_end_matches('/') };
    let Ok(Value::Object(found)) = vm.getitem(value, &Value::str(group)) else { return };
    let mut names = found.clone().completion_keys(vm);
    names.sort();
    for name in names.into_iter().filter(|n| n.starts_with(leaf)) {
        out.push(Candidate::new(format!("{parent}{name}"), start, "dict key", Group::Other));
    }
}

/// The arguments already written in a call, before the one being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallSoFar {
    /// How many positional arguments come before.
    pub positional: usize,
    /// The keyword arguments given so far.
    pub keywords: Vec<String>,
}

/// `name=` for the keyword parameters of `callee` starting with `prefix` and not
/// given yet. Returns whether another positional argument may still be passed (when
/// not, Jedi offers the parameters alone); `true` when the signature is unknown.
pub fn keyword_arguments(vm: &mut Interp, callee: &Value, so_far: &CallSoFar, prefix: &str, start: usize, out: &mut Vec<Candidate>) -> bool {
    let Some(params) = crate::inspect::info::callable_params(vm, callee) else { return true };
    for name in crate::inspect::signature::keyword_names(&params) {
        if name.starts_with(prefix) && !so_far.keywords.contains(&name) {
            out.push(Candidate::new(format!("{name}="), start, "param", Group::Jedi));
        }
    }
    let star = params.iter().position(|p| p == "*" || (p.starts_with('*') && !p.starts_with("**")));
    let varargs = star.is_some_and(|i| params[i] != "*");
    let capacity = params[..star.unwrap_or(params.len())].iter().filter(|p| *p != "/" && !p.starts_with("**")).count();
    so_far.keywords.is_empty() && (varargs || so_far.positional < capacity)
}

/// The magics for a token: `%name`/`%%name` when it starts with `%`, and by their bare
/// names otherwise (IPython's automagic offers them for any word).
pub fn magics(token: &str, start: usize, out: &mut Vec<Candidate>) {
    let bare = token.trim_start_matches('%');
    if token.starts_with("%%") {
        return;
    }
    for name in LINE_MAGICS {
        if name.starts_with(bare) {
            out.push(Candidate::new(format!("%{name}"), start, "magic", Group::Other));
        }
    }
}

/// The importable modules starting with `prefix`.
pub fn modules(vm: &mut Interp, prefix: &str, start: usize, out: &mut Vec<Candidate>) {
    for name in MODULES {
        if name.starts_with(prefix) && vm.import_module(name).is_ok() {
            out.push(Candidate::new(name.to_string(), start, "module", Group::Jedi));
        }
    }
}

/// File and directory names for a path token, relative to `cwd` (`~` expanded);
/// directories end with `/` (once a name is typed). Hidden entries only when the name typed starts with `.`.
pub fn paths(cwd: &Path, token: &str, start: usize, out: &mut Vec<Candidate>) {
    let (dir_part, name_part) = match token.rfind('/') {
        Some(i) => (&token[..=i], &token[i + 1..]),
        None => ("", token),
    };
    let dir: PathBuf = if let Some(rest) = dir_part.strip_prefix("~/") {
        match std::env::var_os("HOME") {
            Some(home) => Path::new(&home).join(rest),
            None => return,
        }
    } else if dir_part.is_empty() {
        cwd.to_path_buf()
    } else {
        cwd.join(dir_part)
    };
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(name_part) || (name.starts_with('.') && !name_part.starts_with('.')) {
            continue;
        }
        // IPython marks directories only once something is typed (an empty token is
        // a bare `glob('*')`).
        let is_dir = !token.is_empty() && entry.path().is_dir();
        let text = format!("{dir_part}{name}{}", if is_dir { "/" } else { "" });
        out.push(Candidate::new(text, start, "path", Group::Other));
    }
}
