//! What CPython says about its builtins: signatures and docstrings of the builtin
//! functions, types and their methods, and of the native modules' functions, recorded
//! from the oracle's CPython + IPython by `scripts/gen_help_docs.py` into `docs.json`.
//!
//! h5lab's own builtins carry no docstrings of their own; `obj?` and keyword-argument
//! completion look them up here by qualified name (`builtins.len`, `builtins.list`,
//! `builtins.list.append` for the method of a list, `os.path.join`, `os.path`). Objects
//! that carry their own help (h5py and NumPy functions with a [`Help`], user
//! functions, types with a `doc`) take precedence.
//!
//! [`Help`]: crate::value::function::Help

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value as Json;

/// One recorded object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEntry {
    /// `type(obj).__name__` in CPython.
    pub type_name: String,
    /// The parameters as IPython's `_render_signature` joins them (`"obj"`, `"/"`,
    /// `"key=None"`, `"*args"`), for callables that are not classes.
    pub signature: Option<Vec<String>>,
    /// A class's constructor parameters (`Init signature`).
    pub init_signature: Option<Vec<String>>,
    /// `inspect.getdoc(obj)`.
    pub doc: Option<String>,
    /// A class's `__init__` docstring when it is not `object.__init__`'s.
    pub init_doc: Option<String>,
    /// Whether the object is a class.
    pub is_class: bool,
}

const DOCS_JSON: &str = include_str!("docs.json");

fn table() -> &'static HashMap<String, DocEntry> {
    static TABLE: OnceLock<HashMap<String, DocEntry>> = OnceLock::new();
    TABLE.get_or_init(|| parse(DOCS_JSON))
}

fn strings(value: Option<&Json>) -> Option<Vec<String>> {
    value?.as_array().map(|items| items.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
}

fn text(value: Option<&Json>) -> Option<String> {
    value?.as_str().map(str::to_string)
}

fn parse(json: &str) -> HashMap<String, DocEntry> {
    let Ok(Json::Object(map)) = serde_json::from_str::<Json>(json) else { return HashMap::new() };
    map.into_iter()
        .map(|(name, e)| {
            let entry = DocEntry {
                type_name: text(e.get("type")).unwrap_or_default(),
                signature: strings(e.get("sig")),
                init_signature: strings(e.get("init_sig")),
                doc: text(e.get("doc")),
                init_doc: text(e.get("init_doc")),
                is_class: e.get("class").and_then(Json::as_bool).unwrap_or(false),
            };
            (name, entry)
        })
        .collect()
}

/// The recorded entry for a qualified name (`builtins.len`, `os.path.join`).
pub fn lookup(qualified: &str) -> Option<&'static DocEntry> {
    table().get(qualified)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_knows_len() {
        let len = lookup("builtins.len").expect("len is recorded");
        assert_eq!(len.signature.as_deref(), Some(&["obj".to_string(), "/".to_string()][..]));
        assert_eq!(len.doc.as_deref(), Some("Return the number of items in a container."));
        assert_eq!(len.type_name, "builtin_function_or_method");
        let list = lookup("builtins.list").expect("list is recorded");
        assert!(list.is_class);
        assert_eq!(list.init_signature.as_deref(), Some(&["iterable=()".to_string(), "/".to_string()][..]));
        assert!(lookup("builtins.list.append").is_some());
        assert!(lookup("os.path").is_some());
    }
}
