//! Object help as IPython gives it: `obj?` / `obj??` pages and Jupyter's inspect
//! requests (the name at the cursor, as `IPython.utils.tokenutil.token_at_cursor`
//! finds it), with the texts `oinspect` lays out.
//!
//! Signatures and docstrings come from the objects themselves (user functions, types
//! and functions that carry help) and, for CPython's builtins, from [`docs`].

pub mod docs;
pub mod info;
pub mod resolve;
pub mod signature;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::eval::Interp;
use crate::render::pytokenize::{tokenize, Flow, Kind, Token};
use crate::session::MimeBundle;
use resolve::{lookup_name, resolve, Namespace};

/// Python's hard keywords (never inspected as names).
pub const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The raw sources of the session's cells, for the `File:` and `Source:` of the
/// functions they define.
#[derive(Default)]
struct CellSources(RefCell<HashMap<u64, String>>);

/// Remembers the source of cell `count` (the session calls this before running it).
pub fn record_cell(vm: &Interp, count: u64, code: &str) {
    let cells = vm.extension("h5lab.inspect.cells", CellSources::default);
    cells.0.borrow_mut().insert(count, code.to_string());
}

/// The source of cell `count`, if recorded.
pub(crate) fn cell_source(vm: &Interp, count: u64) -> Option<String> {
    let cells = vm.extension("h5lab.inspect.cells", CellSources::default);
    let source = cells.0.borrow().get(&count).cloned();
    source
}

/// Jupyter's inspect request: IPython's page for the name at `cursor` (code points),
/// `None` when there is none or it is not found.
pub fn inspect(vm: &mut Interp, code: &str, cursor: usize, detail: u8) -> Option<MimeBundle> {
    let name = token_at_cursor(code, cursor);
    if name.is_empty() {
        return None;
    }
    let text = object_page(vm, &name, detail)?;
    Some(MimeBundle::from([("text/plain".to_string(), text)]))
}

/// The `obj?` page of an object expression (`x`, `os.path.join`, `f['data']`), or
/// `None` when it does not resolve.
pub fn object_page(vm: &mut Interp, name: &str, detail: u8) -> Option<String> {
    let found = resolve(vm, name)?;
    let color = vm.color;
    Some(info::info_text(vm, &found.value, name.trim(), found.namespace, detail, color))
}

/// IPython's `%psearch` for `*pattern*?`: the names in the user's namespace and the
/// builtins matching a shell-style wildcard pattern (no leading underscore unless the
/// pattern has one), sorted, one per line.
pub fn search_page(vm: &Interp, pattern: &str) -> String {
    let show_all = pattern.starts_with('_');
    let mut names: Vec<String> = vm.global_names();
    names.extend(vm.builtin_names());
    names.retain(|n| (show_all || !n.starts_with('_')) && wildcard_match(pattern, n) && lookup_name(vm, n).is_some());
    names.sort();
    names.dedup();
    names.join("\n")
}

/// `fnmatch`-style matching with `*` and `?` (IPython's psearch wildcards).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Whether the first name of an object expression is a builtin (for `Namespace:`).
pub fn namespace_of(vm: &Interp, name: &str) -> Option<Namespace> {
    let root = resolve::parse_object_path(name)?.root;
    lookup_name(vm, &root).map(|f| f.namespace)
}

/// IPython's `token_at_cursor`: the name under the cursor, dotted names joined; inside a
/// call's parentheses the callee; the left side of `=` never.
pub fn token_at_cursor(cell: &str, cursor: usize) -> String {
    let mut tokens: Vec<Token> = Vec::new();
    let _ = tokenize(cell.split_inclusive('\n'), &mut |t| {
        tokens.push(t);
        Flow::Continue
    });
    // Offsets (in code points) of each row's start; rows are 1-based.
    let mut offsets = vec![0usize, 0usize];
    for line in cell.split_inclusive('\n') {
        let last = offsets[offsets.len() - 1];
        offsets.push(last + line.chars().count());
    }
    let offset = |row: usize| offsets.get(row).copied().unwrap_or_else(|| offsets[offsets.len() - 1]);

    let mut names: Vec<String> = Vec::new();
    let mut call_names: Vec<String> = Vec::new();
    let mut closing_call_name: Option<String> = None;
    let mut most_recent_outer_name: Option<String> = None;
    let mut intersects = false;
    let mut cur_is_name = false;
    for (i, tok) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let next = tokens.get(i + 1);
        closing_call_name = None;
        if offset(tok.start.0) + tok.start.1 > cursor {
            break;
        }
        cur_is_name = tok.kind == Kind::Name && !KEYWORDS.contains(&tok.text.as_str());
        if cur_is_name {
            match (names.last_mut(), prev) {
                (Some(last), Some(p)) if p.kind == Kind::Op && p.text == "." => *last = format!("{last}.{}", tok.text),
                _ => names.push(tok.text.clone()),
            }
            if next.is_some_and(|n| n.kind == Kind::Op && n.text == "=") {
                names.pop();
                cur_is_name = false;
            }
            if call_names.is_empty() {
                most_recent_outer_name = names.last().cloned();
            }
        } else if tok.kind == Kind::Op {
            if tok.text == "(" {
                if let Some(last) = names.last() {
                    call_names.push(last.clone());
                }
            } else if tok.text == ")" {
                closing_call_name = call_names.pop();
            }
        }
        if offset(tok.end.0) + tok.end.1 > cursor {
            intersects = offset(tok.start.0) + tok.start.1 <= cursor;
            break;
        }
    }
    if cur_is_name && intersects {
        names.last().cloned().unwrap_or_default()
    } else if let Some(name) = closing_call_name {
        name
    } else if let Some(name) = call_names.last() {
        name.clone()
    } else if let Some(name) = most_recent_outer_name {
        name
    } else {
        names.last().cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_at_cursor_as_ipython() {
        assert_eq!(token_at_cursor("len", 3), "len");
        assert_eq!(token_at_cursor("len(", 4), "len");
        assert_eq!(token_at_cursor("print(myvar.append)", 15), "myvar.append");
        assert_eq!(token_at_cursor("print(myvar.append)", 19), "print");
        assert_eq!(token_at_cursor("x = os.path.join(a, b)", 2), "");
        assert_eq!(token_at_cursor("x = os.path.join(a, b)", 8), "os.path");
        assert_eq!(token_at_cursor("f(x)\ng", 3), "f");
        assert_eq!(token_at_cursor("é = len(", 8), "len");
        assert_eq!(token_at_cursor("f(a, b=1)", 5), "f");
        assert_eq!(token_at_cursor("", 0), "");
        assert_eq!(token_at_cursor("a = 1\nb.c", 9), "b.c");
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*int*", "print"));
        assert!(wildcard_match("*int*", "int"));
        assert!(!wildcard_match("*int*", "len"));
        assert!(wildcard_match("l?n", "len"));
    }
}
