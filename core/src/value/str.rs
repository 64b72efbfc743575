//! `str`: Python's repr, indexing by code point, and the methods.

use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::function::{bind, check_arity, no_keywords, NativeMethod};
use super::object::Args;
use super::types::{expected, type_of};
use super::{int, Value};
use crate::eval::Interp;

/// Python's `repr(str)`: single quotes unless the text has `'` and no `"`; escapes for
/// backslash, the quote, `\t \n \r`, and non-printable characters.
pub fn repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for one character (Unicode categories Cc, Cf, Cs, Co,
/// Cn, Zl, Zp and Zs other than space are not printable). The tables cover the
/// characters met in practice; unassigned code points are treated as printable.
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    let not_printable: &[(u32, u32)] = &[
        (0x00A0, 0x00A0),
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200F),
        (0x2028, 0x202F),
        (0x205F, 0x2064),
        (0x2066, 0x206F),
        (0x3000, 0x3000),
        (0xD800, 0xF8FF),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        (0xF0000, 0x10FFFF),
    ];
    !not_printable.iter().any(|&(lo, hi)| u >= lo && u <= hi)
}

/// Number of code points (`len(s)`).
pub fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// `s[i]` for a normalised index.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    if text.is_ascii() {
        text.as_bytes().get(i).map(|&b| b as char)
    } else {
        text.chars().nth(i)
    }
}

/// The code points at the given positions, as a new string (slicing).
pub fn select(text: &str, positions: &[usize]) -> String {
    if text.is_ascii() {
        return positions.iter().map(|&i| text.as_bytes()[i] as char).collect();
    }
    let chars: Vec<char> = text.chars().collect();
    positions.iter().filter_map(|&i| chars.get(i)).collect()
}

fn arg_str(value: &Value, what: &str) -> PyResult<Rc<str>> {
    match value {
        Value::Str(s) => Ok(s.clone()),
        other => Err(expected(what, other)),
    }
}

fn opt_chars(args: &Args, method: &str) -> PyResult<Option<Rc<str>>> {
    check_arity(method, args, 0, 1)?;
    match args.positional.first() {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Exc::type_error(format!("{method} arg must be None or str, not {}", type_of(other).name))),
    }
}

/// The names of str's methods (for `dir` and completion).
pub const METHODS: &[&str] = &[
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format",
    "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
    "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower",
    "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
    "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
    "title", "translate", "upper", "zfill",
];

/// `s.name` for a str: a bound method, or None.
pub fn getattr(this: &Value, name: &str) -> Option<Value> {
    METHODS.contains(&name).then(|| NativeMethod::value(this, name, call_method))
}

fn fill_char(value: Option<&Value>, method: &str) -> PyResult<char> {
    match value {
        None => Ok(' '),
        Some(Value::Str(s)) if char_len(s) == 1 => Ok(s.chars().next().unwrap_or(' ')),
        Some(Value::Str(_)) => Err(Exc::type_error(format!("{method}() argument 2 must be a unicode character, not str"))),
        Some(other) => Err(Exc::type_error(format!("{method}() argument 2 must be a unicode character, not {}", type_of(other).name))),
    }
}

fn width_arg(vm: &mut Interp, value: &Value) -> PyResult<i64> {
    vm.index_value(value, "'str' object cannot be interpreted as an integer")
}

/// Calls str method `name` on `this`.
pub fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Value::Str(s) = this else { return Err(Exc::type_error("descriptor requires a 'str' object")) };
    let s: &str = s;
    if !matches!(name, "split" | "rsplit" | "splitlines" | "format" | "encode" | "replace" | "expandtabs") {
        no_keywords(name, &args)?;
    }
    Ok(match name {
        "upper" => Value::str(s.to_uppercase()),
        "lower" => Value::str(s.to_lowercase()),
        "casefold" => Value::str(s.to_lowercase()),
        "swapcase" => Value::str(s.chars().flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() }).collect::<String>()),
        "capitalize" => {
            let mut chars = s.chars();
            Value::str(match chars.next() {
                Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect::<String>(),
                None => String::new(),
            })
        }
        "title" => Value::str(title(s)),
        "strip" | "lstrip" | "rstrip" => {
            let chars = opt_chars(&args, name)?;
            let pred = |c: char| match &chars {
                Some(set) => set.contains(c),
                None => c.is_whitespace(),
            };
            Value::str(match name {
                "strip" => s.trim_matches(pred),
                "lstrip" => s.trim_start_matches(pred),
                _ => s.trim_end_matches(pred),
            })
        }
        "split" | "rsplit" => {
            let slots = bind(name, args, &["sep", "maxsplit"], 0)?;
            let sep = match &slots[0] {
                None | Some(Value::None) => None,
                Some(v) => Some(arg_str(v, "must be str or None")?),
            };
            let maxsplit = match &slots[1] {
                None => -1,
                Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
            };
            Value::list(split(s, sep.as_deref(), maxsplit, name == "rsplit")?.into_iter().map(Value::str).collect())
        }
        "splitlines" => {
            let slots = bind(name, args, &["keepends"], 0)?;
            let keep = match &slots[0] {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            Value::list(splitlines(s, keep).into_iter().map(Value::str).collect())
        }
        "join" => {
            check_arity(name, &args, 1, 1)?;
            let items = vm.collect(&args.positional[0])?;
            let mut total = s.len() * items.len().saturating_sub(1);
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::Str(p) => total += p.len(),
                    other => {
                        return Err(Exc::type_error(format!(
                            "sequence item {i}: expected str instance, {} found",
                            type_of(other).name
                        )))
                    }
                }
            }
            let mut joined = String::with_capacity(total);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    joined.push_str(s);
                }
                if let Value::Str(p) = item {
                    joined.push_str(p);
                }
            }
            Value::str(joined)
        }
        "replace" => {
            check_arity(name, &args, 2, 3)?;
            let old = arg_str(&args.positional[0], "replace() argument 1 must be str")?;
            let new = arg_str(&args.positional[1], "replace() argument 2 must be str")?;
            let count = match args.positional.get(2) {
                Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
                None => -1,
            };
            Value::str(replace(s, &old, &new, count))
        }
        "startswith" | "endswith" => {
            check_arity(name, &args, 1, 3)?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = range_args(vm, &args.positional[1..], chars.len())?;
            let window: String = chars[start..end.max(start)].iter().collect();
            let test = |p: &str| if name == "startswith" { window.starts_with(p) } else { window.ends_with(p) };
            match &args.positional[0] {
                Value::Str(p) => Value::Bool(start <= end && test(p)),
                Value::Tuple(options) => {
                    let mut hit = false;
                    for o in options.iter() {
                        hit |= start <= end && test(&arg_str(o, &format!("tuple for {name} must only contain str"))?);
                    }
                    Value::Bool(hit)
                }
                other => {
                    return Err(Exc::type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {}",
                        type_of(other).name
                    )))
                }
            }
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            check_arity(name, &args, 1, 3)?;
            let needle = arg_str(&args.positional[0], "must be str")?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = range_args(vm, &args.positional[1..], chars.len())?;
            let hay: String = chars[start..end.max(start)].iter().collect();
            if name == "count" {
                return Ok(Value::Int(if start > end { 0 } else if needle.is_empty() { char_len(&hay) as i64 + 1 } else { hay.matches(&*needle).count() as i64 }));
            }
            let found = if start > end { None } else if name.starts_with('r') { hay.rfind(&*needle) } else { hay.find(&*needle) };
            match found {
                Some(byte) => Value::Int((start + char_len(&hay[..byte])) as i64),
                None if name.ends_with("index") => return Err(Exc::value_error("substring not found")),
                None => Value::Int(-1),
            }
        }
        "center" | "ljust" | "rjust" => {
            check_arity(name, &args, 1, 2)?;
            let width = width_arg(vm, &args.positional[0])?;
            let fill = fill_char(args.positional.get(1), name)?;
            let len = char_len(s) as i64;
            if width <= len {
                return Ok(this.clone());
            }
            let pad = (width - len) as usize;
            let (left, right) = match name {
                "ljust" => (0, pad),
                "rjust" => (pad, 0),
                _ => {
                    let left = pad / 2 + (pad & width as usize & 1);
                    (left, pad - left)
                }
            };
            let fill_str = fill.to_string();
            Value::str(format!("{}{s}{}", fill_str.repeat(left), fill_str.repeat(right)))
        }
        "zfill" => {
            check_arity(name, &args, 1, 1)?;
            let width = width_arg(vm, &args.positional[0])?;
            let len = char_len(s) as i64;
            if width <= len {
                return Ok(this.clone());
            }
            let zeros = "0".repeat((width - len) as usize);
            Value::str(match s.chars().next() {
                Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &s[1..]),
                _ => format!("{zeros}{s}"),
            })
        }
        "partition" | "rpartition" => {
            check_arity(name, &args, 1, 1)?;
            let sep = arg_str(&args.positional[0], "must be str")?;
            if sep.is_empty() {
                return Err(Exc::value_error("empty separator"));
            }
            let found = if name == "partition" { s.find(&*sep) } else { s.rfind(&*sep) };
            let parts = match found {
                Some(i) => [&s[..i], &sep[..], &s[i + sep.len()..]],
                None if name == "partition" => [s, "", ""],
                None => ["", "", s],
            };
            Value::tuple(parts.iter().map(Value::str).collect())
        }
        "removeprefix" | "removesuffix" => {
            check_arity(name, &args, 1, 1)?;
            let affix = arg_str(&args.positional[0], &format!("{name}() argument must be str"))?;
            Value::str(if name == "removeprefix" { s.strip_prefix(&*affix).unwrap_or(s) } else { s.strip_suffix(&*affix).unwrap_or(s) })
        }
        "expandtabs" => {
            let slots = bind(name, args, &["tabsize"], 0)?;
            let size = match &slots[0] {
                Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
                None => 8,
            };
            Value::str(expandtabs(s, size))
        }
        "encode" => {
            let slots = bind(name, args, &["encoding", "errors"], 0)?;
            let encoding = match &slots[0] {
                Some(v) => arg_str(v, "encode() argument 'encoding' must be str")?.to_lowercase(),
                None => "utf-8".into(),
            };
            super::bytes::encode(s, &encoding)?
        }
        "format" => super::format::str_format(vm, s, args)?,
        "format_map" => {
            check_arity(name, &args, 1, 1)?;
            super::format::str_format_map(vm, s, &args.positional[0])?
        }
        "isdigit" | "isdecimal" | "isnumeric" => Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_numeric())),
        "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
        "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "isascii" => Value::Bool(s.is_ascii()),
        "isprintable" => Value::Bool(s.chars().all(is_printable)),
        "isidentifier" => Value::Bool(is_identifier(s)),
        "isupper" => Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)),
        "islower" => Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)),
        "istitle" => Value::Bool(!s.is_empty() && title(s) == s && s.chars().any(char::is_alphabetic)),
        "maketrans" => crate::eval::builtins::descriptors::str_maketrans(vm, args)?,
        "translate" => {
            check_arity(name, &args, 1, 1)?;
            Value::str(translate(vm, s, &args.positional[0])?)
        }
        _ => return Err(Exc::not_implemented(format!("str.{name}"))),
    })
}

/// `s.translate(table)`: each character looked up by its code point; a missing key
/// keeps it, None deletes it, an int or str replaces it.
fn translate(vm: &mut Interp, s: &str, table: &Value) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(&r),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => return Err(Exc::value_error("character mapping must be in range(0x110000)")),
            },
            Ok(_) => return Err(Exc::type_error("character mapping must return integer, None or str")),
            Err(e) if e.is(super::exception::ExcKind::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Python identifiers (ASCII letters, digits, underscore, and Unicode letters).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    out
}

fn range_args(vm: &mut Interp, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let bound = |vm: &mut Interp, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => vm.index_value(v, "slice indices must be integers or None or have an __index__ method"),
        }
    };
    let clamp = |v: i64| -> usize {
        let v = if v < 0 { v + len as i64 } else { v };
        v.clamp(0, len as i64) as usize
    };
    let start = bound(vm, args.first(), 0)?;
    let end = bound(vm, args.get(1), len as i64)?;
    Ok((clamp(start), clamp(end)))
}

/// `str.split` / `str.rsplit`.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64, from_right: bool) -> PyResult<Vec<String>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some("") => Err(Exc::value_error("empty separator")),
        Some(sep) => {
            let parts: Vec<String> = if from_right {
                let mut v: Vec<String> = s.rsplitn(limit.saturating_add(1), sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                s.splitn(limit.saturating_add(1), sep).map(String::from).collect()
            };
            Ok(parts)
        }
        None => {
            let mut parts = Vec::new();
            if from_right {
                let mut rest = s.trim_end();
                while !rest.is_empty() {
                    if parts.len() == limit {
                        parts.push(rest.to_string());
                        break;
                    }
                    match rest.rfind(char::is_whitespace) {
                        Some(i) => {
                            let ws = rest[i..].chars().next().map_or(1, char::len_utf8);
                            parts.push(rest[i + ws..].to_string());
                            rest = rest[..i].trim_end();
                        }
                        None => {
                            parts.push(rest.to_string());
                            break;
                        }
                    }
                }
                parts.reverse();
            } else {
                let mut rest = s.trim_start();
                while !rest.is_empty() {
                    if parts.len() == limit {
                        parts.push(rest.to_string());
                        break;
                    }
                    match rest.find(char::is_whitespace) {
                        Some(i) => {
                            parts.push(rest[..i].to_string());
                            rest = rest[i..].trim_start();
                        }
                        None => {
                            parts.push(rest.to_string());
                            break;
                        }
                    }
                }
            }
            Ok(parts)
        }
    }
}

/// `str.splitlines`: splits on every Unicode line boundary Python knows.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = chars.peek() {
                    chars.next();
                    end = j + 1;
                }
            }
            lines.push(if keepends { s[start..end].to_string() } else { s[start..i].to_string() });
            start = end;
        }
    }
    if start < s.len() {
        lines.push(s[start..].to_string());
    }
    lines
}

fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new);
            for c in s.chars() {
                out.push(c);
                out.push_str(new);
            }
            return out;
        }
        return s.replace(old, new);
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, count as usize)
}

fn expandtabs(s: &str, size: i64) -> String {
    let mut out = String::new();
    let mut column = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let spaces = size - column % size;
                    out.push_str(&" ".repeat(spaces as usize));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// `int * str` and `str * int`.
pub fn repeat(s: &str, times: &Value) -> Option<Value> {
    let n = int::to_i64(times)?;
    Some(Value::str(if n <= 0 { String::new() } else { s.repeat(n as usize) }))
}
