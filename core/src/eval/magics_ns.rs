//! The namespace magics: `%who`, `%who_ls`, `%whos` and `%reset`, with IPython's
//! output.

use std::rc::Rc;

use super::magics::usage_error;
use super::Interp;
use crate::value::exception::PyResult;
use crate::value::types::type_of;
use crate::value::{Dict, Value};

/// Names IPython puts in the user namespace itself (`user_ns_hidden`).
const HIDDEN: &[&str] = &["In", "Out", "exit", "quit", "get_ipython"];

impl Interp {
    /// The names `%who` lists: the user's variables, sorted, optionally only those
    /// whose type name is one of `args`.
    pub(crate) fn who_ls(&mut self, args: &str) -> PyResult<Vec<String>> {
        let types: Vec<&str> = args.split_whitespace().collect();
        let mut out = Vec::new();
        for name in self.global_names() {
            if name.starts_with('_') || HIDDEN.contains(&name.as_str()) {
                continue;
            }
            if !types.is_empty() {
                let Some(value) = self.get_global(&name) else { continue };
                if !types.contains(&type_of(&value).name.as_str()) {
                    continue;
                }
            }
            out.push(name);
        }
        out.sort();
        Ok(out)
    }

    /// `%who [types]`.
    pub(crate) fn magic_who(&mut self, args: &str) -> PyResult<()> {
        let names = self.who_ls(args)?;
        if names.is_empty() {
            let text = if args.trim().is_empty() { "Interactive namespace is empty.\n" } else { "No variables match your requested type.\n" };
            self.write_stdout(text);
            return Ok(());
        }
        let mut text = String::new();
        for (i, name) in names.iter().enumerate() {
            text.push_str(name);
            text.push_str("\t ");
            if (i + 1) % 9 == 0 {
                text.push('\n');
            }
        }
        text.push('\n');
        self.write_stdout(&text);
        Ok(())
    }

    /// `%whos [types]`: a table of names, types and values.
    pub(crate) fn magic_whos(&mut self, args: &str) -> PyResult<()> {
        let names = self.who_ls(args)?;
        if names.is_empty() {
            let text = if args.trim().is_empty() { "Interactive namespace is empty.\n" } else { "No variables match your requested type.\n" };
            self.write_stdout(text);
            return Ok(());
        }
        let values: Vec<Value> = names.iter().map(|n| self.get_global(n).unwrap_or(Value::None)).collect();
        let types: Vec<String> = values.iter().map(|v| type_of(v).name.clone()).collect();
        let var_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("Variable".len()) + 3;
        let type_width = types.iter().map(|t| t.chars().count()).max().unwrap_or(0).max("Type".len()) + 3;
        let mut text = format!(
            "{:<var_width$}{:<type_width$} Data/Info\n{}\n",
            "Variable",
            "Type",
            "-".repeat(var_width + type_width + "Data/Info".len() + 1)
        );
        for ((name, value), tname) in names.iter().zip(&values).zip(&types) {
            text.push_str(&format!("{name:<var_width$}{tname:<type_width$} "));
            if matches!(tname.as_str(), "dict" | "list" | "tuple") {
                text.push_str(&format!("n={}\n", self.len(value)?));
                continue;
            }
            let shown = match self.str(value) {
                Ok(s) => s.replace('\n', "\\n"),
                Err(_) => format!("<object with id {} (str() failed)>", value.identity()),
            };
            let chars: Vec<char> = shown.chars().collect();
            if chars.len() < 50 {
                text.push_str(&shown);
            } else {
                let head: String = chars[..25].iter().collect();
                let tail: String = chars[chars.len() - 25..].iter().collect();
                text.push_str(&format!("{head}<...>{tail}"));
            }
            text.push('\n');
        }
        self.write_stdout(&text);
        Ok(())
    }

    /// `%reset [-f] [-s]`: removes every name the user defined (and the output
    /// history); the session keeps counting cells.
    pub(crate) fn magic_reset(&mut self, args: &str) -> PyResult<()> {
        let words: Vec<&str> = args.split_whitespace().collect();
        let soft = words.iter().any(|w| w.starts_with('-') && w.contains('s'));
        if let Some(target) = words.iter().find(|w| !w.starts_with('-')) {
            return Err(usage_error(format!("%reset {target}: only a whole reset (-f, -s) is supported")));
        }
        if soft {
            for name in self.who_ls("")? {
                self.delete_global(&name);
            }
            return Ok(());
        }
        for name in self.global_names() {
            self.delete_global(&name);
        }
        self.init_user_namespace();
        Ok(())
    }

    /// The names IPython defines in a fresh namespace: `In`, `Out`, `_i`, `_ii`,
    /// `_iii`.
    pub fn init_user_namespace(&mut self) {
        self.set_global("In", Value::list(vec![Value::str("")]));
        self.set_global("Out", Value::Dict(Rc::new(Dict::new())));
        for name in ["_i", "_ii", "_iii"] {
            self.set_global(name, Value::str(""));
        }
    }
}
