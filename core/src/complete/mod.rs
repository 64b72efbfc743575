//! Tab completion as IPython's kernel gives it (`IPCompleter.completions` with Jedi,
//! then ipykernel's rectification): names, keywords and builtins; attributes after
//! `.`; a mapping's keys in `x[` and `x['`; keyword parameters inside a call; file
//! names inside strings and `!cmd` lines; magics; module names after `import`.
//!
//! Ordering follows IPython: what Jedi would find (names, attributes, parameters,
//! keywords) first, sorted as Jedi sorts — public before `_private` before `__dunder`,
//! then case-insensitively — then the other matchers' results (magics, paths, keys)
//! sorted by IPython's `completions_sorting_key`. Positions are code points.

mod scan;
pub mod sources;

use crate::eval::Interp;
use crate::inspect::resolve::{parse_object_path, resolve_path};
use crate::session::Completion;
use crate::value::Value;
pub use crate::inspect::resolve::{is_identifier_char, is_identifier_start};

/// Which of IPython's result groups a candidate belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// What Jedi finds: sorted first, by Jedi's key.
    Jedi,
    /// IPython's own matchers: sorted after, by `completions_sorting_key`.
    Other,
}

/// One completion before rectification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The text replacing `start..cursor`.
    pub text: String,
    /// Where the replaced text starts (code points).
    pub start: usize,
    /// IPython's type (`function`, `class`, `instance`, `keyword`, `path`, ...).
    pub kind: &'static str,
    /// The result group.
    pub group: Group,
}

impl Candidate {
    /// A candidate.
    pub fn new(text: String, start: usize, kind: &'static str, group: Group) -> Candidate {
        Candidate { text, start, kind, group }
    }
}

/// IPython's splitter delimiters (`IPCompleter.splitter`): a token never spans them.
const DELIMS: &str = " \t\n`!@#$^&*()=+[{]}\\|;:'\",<>?";

/// Completions for `code` with the cursor at `cursor` (code points).
pub fn complete(vm: &mut Interp, code: &str, cursor: usize) -> Completion {
    let chars: Vec<char> = code.chars().collect();
    let cursor = cursor.min(chars.len());
    let before = &chars[..cursor];
    let candidates = candidates(vm, before);
    rectify(&chars, cursor, candidates)
}

/// The names a cell's own `import` statements bind (Jedi reads them without running
/// the cell): bound name, module, and the attribute for `from m import a`.
fn cell_imports(code: &str) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    for statement in code.split(['\n', ';']).map(str::trim) {
        if let Some(rest) = statement.strip_prefix("import ") {
            for part in rest.split(',') {
                let words: Vec<&str> = part.split_whitespace().collect();
                match words.as_slice() {
                    [module] => {
                        let root = module.split('.').next().unwrap_or(module);
                        out.push((root.to_string(), root.to_string(), None));
                    }
                    [module, "as", alias] => out.push((alias.to_string(), module.to_string(), None)),
                    _ => {}
                }
            }
        } else if let Some(rest) = statement.strip_prefix("from ") {
            let Some((module, names)) = rest.split_once(" import ") else { continue };
            for part in names.trim_matches(|c| c == '(' || c == ')' || c == ' ').split(',') {
                let words: Vec<&str> = part.split_whitespace().collect();
                match words.as_slice() {
                    [name] => out.push((name.to_string(), module.trim().to_string(), Some(name.to_string()))),
                    [name, "as", alias] => out.push((alias.to_string(), module.trim().to_string(), Some(name.to_string()))),
                    _ => {}
                }
            }
        }
    }
    out
}

fn candidates(vm: &mut Interp, before: &[char]) -> Vec<Candidate> {
    let cursor = before.len();
    let line_start = before.iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
    let line: String = before[line_start..].iter().collect();
    let mut out = Vec::new();
    let trimmed = line.trim_start();
    if trimmed.starts_with('!') {
        let token = last_word(&line, |c| c.is_whitespace() || c == '!');
        sources::paths(&vm.cwd.clone(), &token, cursor - token.chars().count(), &mut out);
        return out;
    }
    if let Some(magic) = trimmed.strip_prefix('%') {
        if !magic.contains(char::is_whitespace) {
            let token = trimmed.to_string();
            sources::magics(&token, cursor - token.chars().count(), &mut out);
            return out;
        }
        let token = last_word(&line, char::is_whitespace);
        sources::paths(&vm.cwd.clone(), &token, cursor - token.chars().count(), &mut out);
        return out;
    }
    let state = scan::scan(before);
    if state.comment {
        return out;
    }
    if let Some(open) = state.string {
        let content: String = before[open.content_start..].iter().collect();
        if let Some(receiver) = subscript_receiver(vm, before, open.start, &state.brackets) {
            sources::keys(vm, &receiver, Some(open.bytes), &content, open.content_start, &mut out);
            if !out.is_empty() {
                return out;
            }
        }
        let token = last_word(&content, |c| DELIMS.contains(c));
        let start = cursor - token.chars().count();
        sources::paths(&vm.cwd.clone(), &token, start, &mut out);
        sources::magics(&token, start, &mut out);
        return out;
    }
    let token: String = {
        let n = before.iter().rev().take_while(|c| is_identifier_char(**c)).count();
        before[cursor - n..].iter().collect()
    };
    let start = cursor - token.chars().count();
    if token.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return out;
    }
    let prev = before[..start].iter().rposition(|c| *c != ' ' && *c != '\t');
    // `x[` with nothing typed: the keys' reprs.
    if token.is_empty() {
        if let Some(p) = prev.filter(|&p| before[p] == '[') {
            if let Some(receiver) = subscript_receiver(vm, before, p + 1, &state.brackets) {
                sources::keys(vm, &receiver, None, "", cursor, &mut out);
                if !out.is_empty() {
                    return out;
                }
            }
        }
    }
    // `expr.partial`: attributes.
    if start > 0 && before[start - 1] == '.' {
        if let Some(value) = receiver_value(vm, before, start - 1) {
            sources::attributes(vm, &value, &token, start, &mut out);
        }
        return out;
    }
    // `import x`, `from x import y`.
    let statement: String = line.trim_start().to_string();
    if let Some(rest) = statement.strip_prefix("import ") {
        if !rest.contains([',', ' ']) || rest.trim_end() == token {
            sources::modules(vm, &token, start, &mut out);
            return out;
        }
    }
    if let Some(rest) = statement.strip_prefix("from ") {
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.len() <= 1 && !rest.ends_with(' ') {
            sources::modules(vm, &token, start, &mut out);
            return out;
        }
        if words.get(1) == Some(&"import") {
            if let Ok(module) = vm.import_module(words[0]) {
                sources::attributes(vm, &module, &token, start, &mut out);
            }
            return out;
        }
    }
    // Inside a call, at an argument's start: the callee's keyword parameters (alone
    // when no positional argument can follow).
    let mut names_allowed = true;
    if let Some(&('(', open)) = state.brackets.last() {
        let at_argument = prev.is_some_and(|p| before[p] == '(' || before[p] == ',');
        if at_argument {
            if let Some(callee) = receiver_value(vm, before, open) {
                let so_far = call_so_far(&before[open + 1..start]);
                names_allowed = sources::keyword_arguments(vm, &callee, &so_far, &token, start, &mut out);
            }
        }
    }
    let position = position(before, line_start, start, prev, !state.brackets.is_empty());
    if names_allowed {
        sources::keywords(position, &token, start, &mut out);
        if position != sources::Position::Infix {
            sources::names(vm, &token, start, &mut out);
        }
    }
    sources::magics(&token, start, &mut out);
    out
}

/// Which keywords fit where the word starting at `start` is typed.
fn position(before: &[char], line_start: usize, start: usize, prev: Option<usize>, in_brackets: bool) -> sources::Position {
    use sources::Position;
    let Some(p) = prev.filter(|&p| p >= line_start) else { return Position::Statement };
    let c = before[p];
    if (c == ':' || c == ';') && !in_brackets {
        return Position::Statement;
    }
    let spaced = p + 1 < start;
    let operand_end = is_identifier_char(c) || matches!(c, ')' | ']' | '}' | '\'' | '"');
    if spaced && operand_end {
        let word_start = before[..=p].iter().rposition(|c| !is_identifier_char(*c)).map_or(0, |i| i + 1);
        let word: String = before[word_start..=p].iter().collect();
        if !crate::inspect::KEYWORDS.contains(&word.as_str()) || matches!(word.as_str(), "True" | "False" | "None") {
            return Position::Infix;
        }
    }
    Position::Expression
}

/// The arguments written between a call's `(` and the argument being typed.
fn call_so_far(args: &[char]) -> sources::CallSoFar {
    let mut so_far = sources::CallSoFar::default();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut current = String::new();
    for &c in args {
        if let Some(q) = quote {
            current.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                current.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => {
                let arg = std::mem::take(&mut current);
                match keyword_of(&arg) {
                    Some(name) => so_far.keywords.push(name),
                    None => so_far.positional += 1,
                }
            }
            _ => current.push(c),
        }
    }
    so_far
}

/// The name of a `name=value` argument.
fn keyword_of(arg: &str) -> Option<String> {
    let (name, rest) = arg.split_once('=')?;
    let name = name.trim();
    (!rest.starts_with('=') && !name.is_empty() && name.chars().all(is_identifier_char)).then(|| name.to_string())
}

/// The text after the last character matching `is_delim`.
fn last_word(text: &str, is_delim: impl Fn(char) -> bool) -> String {
    match text.char_indices().rev().find(|(_, c)| is_delim(*c)) {
        Some((i, c)) => text[i + c.len_utf8()..].to_string(),
        None => text.to_string(),
    }
}

/// The object subscripted by the `[` just before `at` (skipping spaces), if the
/// bracket is the innermost open one and the object resolves.
fn subscript_receiver(vm: &mut Interp, before: &[char], at: usize, brackets: &[(char, usize)]) -> Option<Value> {
    let bracket = before[..at].iter().rposition(|c| *c != ' ' && *c != '\t')?;
    if before[bracket] != '[' || brackets.last() != Some(&('[', bracket)) {
        return None;
    }
    receiver_value(vm, before, bracket)
}

/// The value of the object expression that ends just before index `end` (`a.b['k']`,
/// or a string literal); no calls are made.
fn receiver_value(vm: &mut Interp, before: &[char], end: usize) -> Option<Value> {
    let start = receiver_start(before, end)?;
    let text: String = before[start..end].iter().collect();
    if let Some(first) = text.chars().next() {
        if first == '\'' || first == '"' {
            let inner: String = text.chars().skip(1).take(text.chars().count().saturating_sub(2)).collect();
            return Some(Value::str(inner));
        }
    }
    let path = parse_object_path(&text)?;
    if let Some(found) = resolve_path(vm, &path) {
        return Some(found.value);
    }
    // A name the cell itself imports (not run yet): import the module to look inside.
    if crate::inspect::resolve::lookup_name(vm, &path.root).is_some() {
        return None;
    }
    let code: String = before.iter().collect();
    let (_, module, attr) = cell_imports(&code).into_iter().rev().find(|(name, _, _)| *name == path.root)?;
    let mut value = vm.import_module(&module).ok()?;
    if let Some(attr) = attr {
        value = vm.getattr_opt(&value, &attr).ok().flatten()?;
    }
    for step in &path.steps {
        value = match step {
            crate::inspect::resolve::Step::Attr(name) => vm.getattr_opt(&value, name).ok().flatten()?,
            crate::inspect::resolve::Step::Item(_) => return None,
        };
    }
    Some(value)
}

/// Walks back from `end` over an object expression: names joined by dots and
/// subscripts (`[...]`), or one string literal.
fn receiver_start(before: &[char], end: usize) -> Option<usize> {
    let mut i = end;
    if i > 0 && matches!(before[i - 1], '\'' | '"') {
        let quote = before[i - 1];
        let open = before[..i - 1].iter().rposition(|c| *c == quote)?;
        return Some(open);
    }
    loop {
        // Subscripts after a name: `x['a'][0]`.
        while i > 0 && before[i - 1] == ']' {
            i = matching_open(before, i - 1)?;
        }
        let name_end = i;
        while i > 0 && is_identifier_char(before[i - 1]) {
            i -= 1;
        }
        if i == name_end || !is_identifier_start(before[i]) {
            return None;
        }
        if i > 0 && before[i - 1] == '.' {
            i -= 1;
            continue;
        }
        return Some(i);
    }
}

/// The index of the `[` matching the `]` at `close`, skipping quoted text.
fn matching_open(before: &[char], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut i = close + 1;
    while i > 0 {
        i -= 1;
        let c = before[i];
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            ']' => depth += 1,
            '[' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Jedi's order: (public, `_private`, `__dunder`), then lower-cased name.
fn jedi_key(text: &str) -> (bool, bool, String, String) {
    (text.starts_with("__"), text.starts_with('_'), text.to_lowercase(), text.to_string())
}

/// IPython's `completions_sorting_key`.
fn ipython_key(text: &str) -> (i32, String, i32) {
    let mut prio1 = 0;
    if text.starts_with("__") {
        prio1 = 2;
    } else if text.starts_with('_') {
        prio1 = 1;
    }
    if text.ends_with('=') {
        prio1 = -1;
    }
    let (word, prio2) = if let Some(rest) = text.strip_prefix("%%").filter(|r| !r.contains('%')) {
        (rest, 2)
    } else if let Some(rest) = text.strip_prefix('%').filter(|r| !r.contains('%')) {
        (rest, 1)
    } else {
        (text, 0)
    };
    (prio1, word.to_string(), prio2)
}

/// Orders, deduplicates and rectifies candidates into one reply: every match replaces
/// the same range (the earliest start to the cursor), the shorter ones extended with
/// the code between (ipykernel's `_rectify_completions`).
fn rectify(chars: &[char], cursor: usize, mut candidates: Vec<Candidate>) -> Completion {
    let mut jedi: Vec<Candidate> = candidates.iter().filter(|c| c.group == Group::Jedi).cloned().collect();
    candidates.retain(|c| c.group == Group::Other);
    jedi.sort_by_key(|c| jedi_key(&c.text));
    candidates.sort_by_key(|c| ipython_key(&c.text));
    jedi.extend(candidates);
    let start = jedi.iter().map(|c| c.start).min().unwrap_or(cursor);
    let mut seen = std::collections::HashSet::new();
    let mut completion = Completion { matches: Vec::new(), cursor_start: start, cursor_end: cursor, types: Vec::new() };
    for c in jedi {
        let lead: String = chars[start..c.start.max(start)].iter().collect();
        let text = format!("{lead}{}", c.text);
        if seen.insert(text.clone()) {
            completion.matches.push(text);
            completion.types.push(c.kind.to_string());
        }
    }
    completion
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipython_sorting_key_puts_magics_by_name() {
        let mut words = vec!["%%time", "%cd", "data.h5", "%time", "alpha=", "_x"];
        words.sort_by_key(|w| ipython_key(w));
        assert_eq!(words, vec!["alpha=", "%cd", "data.h5", "%time", "%%time", "_x"]);
    }

    #[test]
    fn jedi_key_demotes_underscores_and_ignores_case() {
        let mut words = vec!["__doc__", "_i", "abs", "AbstractSet", "aiter", "_"];
        words.sort_by_key(|w| jedi_key(w));
        assert_eq!(words, vec!["abs", "AbstractSet", "aiter", "_", "_i", "__doc__"]);
    }

    #[test]
    fn imports_in_the_cell_are_read() {
        assert_eq!(
            cell_imports("import os, numpy as np\nfrom os import path as p, getcwd; x = 1"),
            vec![
                ("os".to_string(), "os".to_string(), None),
                ("np".to_string(), "numpy".to_string(), None),
                ("p".to_string(), "os".to_string(), Some("path".to_string())),
                ("getcwd".to_string(), "os".to_string(), Some("getcwd".to_string())),
            ]
        );
    }

    #[test]
    fn receivers_are_found_backwards() {
        let text: Vec<char> = "print(f['a'][0].attrs".chars().collect();
        assert_eq!(receiver_start(&text, text.len()), Some(6));
        let text: Vec<char> = "x = 'abc'".chars().collect();
        assert_eq!(receiver_start(&text, text.len()), Some(4));
        let text: Vec<char> = "(1)".chars().collect();
        assert_eq!(receiver_start(&text, text.len()), None);
    }
}
