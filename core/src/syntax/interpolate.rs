//! IPython's `var_expand` for `!cmd` lines and magic arguments: `{expr}` fields as
//! `string.Formatter` finds them and `$name` / `$a.b` as IPython's `DollarFormatter`
//! finds them (`$$name` gives a literal `$name`).
//!
//! IPython formats the whole command at once and, if anything fails (a malformed
//! brace, a field that does not evaluate), runs the command unchanged. Here a
//! malformed command or a field that does not parse gives a single literal piece;
//! a field that fails to *evaluate* is the interpreter's to handle the same way
//! (use [`ShellCommand::raw`](super::ast::ShellCommand::raw)).

use super::ast::{Arg, Expr, ExprKind, ShellPart};

/// One chunk of `string.Formatter.parse`: literal text and an optional field.
struct FormatChunk {
    literal: String,
    /// `(field text, conversion, raw source of the whole `{...}`)`.
    field: Option<(String, Option<char>, String)>,
}

/// Python's `Formatter.parse` (`_string.formatter_parser`); `None` where Python
/// raises `ValueError`.
fn formatter_parse(text: &str) -> Option<Vec<FormatChunk>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut literal = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                literal.push('{');
                i += 2;
                continue;
            }
            // A field: up to the matching '}', counting nested braces.
            let start = i;
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return None; // "expected '}' before end of string"
            }
            let inner: String = chars[i + 1..j].iter().collect();
            let raw: String = chars[start..=j].iter().collect();
            let (name, conversion, spec) = split_field(&inner)?;
            let field = match spec {
                Some(spec) if !spec.is_empty() => format!("{}:{}", name, spec),
                _ => name,
            };
            out.push(FormatChunk { literal: std::mem::take(&mut literal), field: Some((field, conversion, raw)) });
            i = j + 1;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                literal.push('}');
                i += 2;
                continue;
            }
            return None; // "Single '}' encountered in format string"
        }
        literal.push(c);
        i += 1;
    }
    if !literal.is_empty() {
        out.push(FormatChunk { literal, field: None });
    }
    Some(out)
}

/// Splits a field into name, conversion and spec as `parse_field` does.
fn split_field(inner: &str) -> Option<(String, Option<char>, Option<String>)> {
    let chars: Vec<char> = inner.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' => return None,
            '[' => {
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
                if i < chars.len() {
                    i += 1;
                }
                continue;
            }
            ':' | '!' => break,
            _ => i += 1,
        }
    }
    let name: String = chars[..i.min(chars.len())].iter().collect();
    if i >= chars.len() {
        return Some((name, None, None));
    }
    if chars[i] == '!' {
        let conv = *chars.get(i + 1)?;
        match chars.get(i + 2) {
            None => return Some((name, Some(conv), None)),
            Some(':') => {
                let spec: String = chars[i + 3..].iter().collect();
                return Some((name, Some(conv), Some(spec)));
            }
            Some(_) => return None, // "expected ':' after conversion specifier"
        }
    }
    let spec: String = chars[i + 1..].iter().collect();
    Some((name, None, Some(spec)))
}

fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The `$name` pieces of one literal chunk (IPython's
/// `_dollar_pattern_ignore_single_quote`): `(text, Some(field))` pairs, then the rest.
fn dollar_split(literal: &str) -> Vec<(String, Option<String>)> {
    let chars: Vec<char> = literal.chars().collect();
    let mut out = Vec::new();
    let mut txt = String::new();
    let mut pending = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '$' {
            pending.push(chars[i]);
            i += 1;
            continue;
        }
        // `\$(\$?[\w\.]+)` with an even number of single quotes after the match.
        let mut j = i + 1;
        let double = chars.get(j) == Some(&'$');
        if double {
            j += 1;
        }
        let name_start = j;
        while j < chars.len() && (is_word(chars[j]) || chars[j] == '.') {
            j += 1;
        }
        let quotes_after = chars[j..].iter().filter(|&&c| c == '\'').count();
        if j == name_start || quotes_after % 2 != 0 {
            pending.push('$');
            i += 1;
            continue;
        }
        let field: String = chars[i + 1..j].iter().collect();
        if double {
            // `$$name` is a literal `$name`.
            txt.push_str(&pending);
            txt.push_str(&field);
        } else {
            out.push((format!("{}{}", txt, pending), Some(field)));
            txt.clear();
        }
        pending.clear();
        i = j;
    }
    out.push((format!("{}{}", txt, pending), None));
    out
}

fn push_literal(parts: &mut Vec<ShellPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(ShellPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(text);
    } else {
        parts.push(ShellPart::Literal(text.to_string()));
    }
}

/// Wraps `e` in `repr(e)` / `ascii(e)` / `str(e)` for a `!r`/`!a`/`!s` conversion.
fn converted(e: Expr, conversion: Option<char>) -> Expr {
    let func = match conversion {
        Some('r') => "repr",
        Some('a') => "ascii",
        Some('s') => "str",
        _ => return e,
    };
    let span = e.span;
    Expr {
        kind: ExprKind::Call {
            func: Box::new(Expr { kind: ExprKind::Name(func.to_string()), span }),
            args: vec![Arg::Positional(e)],
        },
        span,
    }
}

/// Splits a `!cmd` line or magic argument string into literal text and
/// interpolations, as IPython's `var_expand` would substitute them. A malformed
/// command (or a field that is not an expression) is one literal piece: IPython
/// then runs it unchanged.
pub fn var_expand_parts(text: &str) -> Vec<ShellPart> {
    let whole = || vec![ShellPart::Literal(text.to_string())];
    if text.is_empty() {
        return Vec::new();
    }
    let Some(chunks) = formatter_parse(text) else { return whole() };
    let mut parts = Vec::new();
    for chunk in chunks {
        for (lit, field) in dollar_split(&chunk.literal) {
            push_literal(&mut parts, &lit);
            if let Some(field) = field {
                let Ok(expr) = super::parse_expression_text_inner(&field) else { return whole() };
                parts.push(ShellPart::Interpolated { expr, raw: format!("${}", field) });
            }
        }
        if let Some((field, conversion, raw)) = chunk.field {
            if matches!(conversion, Some(c) if !matches!(c, 'r' | 's' | 'a')) {
                return whole();
            }
            let Ok(expr) = super::parse_expression_text_inner(&field) else { return whole() };
            parts.push(ShellPart::Interpolated { expr: converted(expr, conversion), raw });
        }
    }
    parts
}
