//! Finding the object a name refers to without running code: `x`, `os.path.join`,
//! `f['data'].attrs`, `myvar[0]` — names, attributes, and subscripts by literal keys.
//! This is what `obj?`, inspect requests and attribute completion look up (IPython's
//! `_ofind` and its completer's limited evaluation do the same: no calls, no operators).

use crate::eval::Interp;
use crate::value::Value;

/// Where the first name of an object expression was found (IPython's namespaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    /// The user's globals (`Interactive`).
    Interactive,
    /// The builtins (`Python builtin`).
    Builtin,
}

/// One step of an object expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `.name`.
    Attr(String),
    /// `[literal]`.
    Item(Literal),
}

/// A literal subscript key.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `'text'` or `"text"`.
    Str(String),
    /// `b'bytes'`.
    Bytes(Vec<u8>),
    /// An integer (possibly negative).
    Int(i64),
}

impl Literal {
    fn to_value(&self) -> Value {
        match self {
            Literal::Str(s) => Value::str(s),
            Literal::Bytes(b) => Value::bytes(b),
            Literal::Int(i) => Value::Int(*i),
        }
    }
}

/// A parsed object expression: a first name and the steps after it.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectPath {
    /// The first name.
    pub root: String,
    /// Attribute and subscript steps, in order.
    pub steps: Vec<Step>,
}

/// What an object expression resolved to.
#[derive(Clone)]
pub struct Found {
    /// The object.
    pub value: Value,
    /// Where its first name was found.
    pub namespace: Namespace,
}

/// Parses `name(.attr | [literal])*`, allowing spaces around the punctuation; `None`
/// for anything else.
pub fn parse_object_path(text: &str) -> Option<ObjectPath> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut i = 0;
    let root = identifier(&chars, &mut i)?;
    let mut steps = Vec::new();
    loop {
        skip_spaces(&chars, &mut i);
        match chars.get(i) {
            None => break,
            Some('.') => {
                i += 1;
                skip_spaces(&chars, &mut i);
                steps.push(Step::Attr(identifier(&chars, &mut i)?));
            }
            Some('[') => {
                i += 1;
                skip_spaces(&chars, &mut i);
                let key = literal(&chars, &mut i)?;
                skip_spaces(&chars, &mut i);
                if chars.get(i) != Some(&']') {
                    return None;
                }
                i += 1;
                steps.push(Step::Item(key));
            }
            Some(_) => return None,
        }
    }
    Some(ObjectPath { root, steps })
}

fn skip_spaces(chars: &[char], i: &mut usize) {
    while chars.get(*i).is_some_and(|c| *c == ' ' || *c == '\t') {
        *i += 1;
    }
}

/// Whether `c` may start a Python identifier.
pub fn is_identifier_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Whether `c` may continue a Python identifier.
pub fn is_identifier_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn identifier(chars: &[char], i: &mut usize) -> Option<String> {
    let start = *i;
    if !chars.get(*i).is_some_and(|c| is_identifier_start(*c)) {
        return None;
    }
    while chars.get(*i).is_some_and(|c| is_identifier_char(*c)) {
        *i += 1;
    }
    Some(chars[start..*i].iter().collect())
}

fn literal(chars: &[char], i: &mut usize) -> Option<Literal> {
    let c = *chars.get(*i)?;
    if c == '-' || c.is_ascii_digit() {
        let start = *i;
        *i += 1;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        let text: String = chars[start..*i].iter().collect();
        return text.parse().ok().map(Literal::Int);
    }
    let bytes = matches!(c, 'b' | 'B');
    if bytes {
        *i += 1;
    }
    let quote = *chars.get(*i)?;
    if quote != '\'' && quote != '"' {
        return None;
    }
    *i += 1;
    let mut text = String::new();
    loop {
        let c = *chars.get(*i)?;
        *i += 1;
        match c {
            '\\' => {
                let e = *chars.get(*i)?;
                *i += 1;
                text.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
            c if c == quote => break,
            c => text.push(c),
        }
    }
    Some(if bytes { Literal::Bytes(text.into_bytes()) } else { Literal::Str(text) })
}

/// Looks a first name up as Python does at the top level: globals, then builtins.
pub fn lookup_name(vm: &Interp, name: &str) -> Option<Found> {
    let constant = match name {
        "None" => Some(Value::None),
        "True" => Some(Value::Bool(true)),
        "False" => Some(Value::Bool(false)),
        _ => None,
    };
    if let Some(value) = constant {
        return Some(Found { value, namespace: Namespace::Builtin });
    }
    if let Some(value) = vm.get_global(name) {
        return Some(Found { value, namespace: Namespace::Interactive });
    }
    vm.get_builtin(name).map(|value| Found { value, namespace: Namespace::Builtin })
}

/// Resolves an object path: `None` if a name or attribute is missing or a step fails.
pub fn resolve_path(vm: &mut Interp, path: &ObjectPath) -> Option<Found> {
    let mut found = lookup_name(vm, &path.root)?;
    for step in &path.steps {
        found.value = match step {
            Step::Attr(name) => vm.getattr_opt(&found.value, name).ok().flatten()?,
            Step::Item(key) => vm.getitem(&found.value, &key.to_value()).ok()?,
        };
    }
    Some(found)
}

/// Parses and resolves an object expression.
pub fn resolve(vm: &mut Interp, text: &str) -> Option<Found> {
    let path = parse_object_path(text)?;
    resolve_path(vm, &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_paths_parse() {
        let p = parse_object_path("f['data'] .attrs[0].x").expect("parses");
        assert_eq!(p.root, "f");
        assert_eq!(
            p.steps,
            vec![
                Step::Item(Literal::Str("data".into())),
                Step::Attr("attrs".into()),
                Step::Item(Literal::Int(0)),
                Step::Attr("x".into())
            ]
        );
        assert_eq!(parse_object_path("g[b\"k\"]").map(|p| p.steps), Some(vec![Step::Item(Literal::Bytes(b"k".to_vec()))]));
        assert_eq!(parse_object_path("x[-1]").map(|p| p.steps), Some(vec![Step::Item(Literal::Int(-1))]));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "1", "f()", "a + b", "x[y]", "x['a'", "a.", "'abc'.upper", "a..b"] {
            assert_eq!(parse_object_path(text), None, "{text}");
        }
    }
}
