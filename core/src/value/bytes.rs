//! `bytes`: repr, encoding from str, decoding, and the common methods.

use super::exception::{Exc, ExcKind, PyResult};
use super::function::{bind, check_arity, NativeMethod};
use super::object::Args;
use super::types::type_of;
use super::Value;
use crate::eval::Interp;

/// Python's `repr(bytes)`: `b'...'` with `\xNN` escapes for non-printable bytes.
pub fn repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `str.encode(encoding)` for the encodings tutorials use.
pub fn encode(text: &str, encoding: &str) -> PyResult<Value> {
    match normalize_encoding(encoding).as_str() {
        "utf8" => Ok(Value::bytes(text.as_bytes())),
        "ascii" => {
            if let Some((i, c)) = text.char_indices().find(|(_, c)| !c.is_ascii()) {
                let position = text[..i].chars().count();
                return Err(Exc::new(
                    ExcKind::UnicodeEncodeError,
                    format!("'ascii' codec can't encode character '\\x{:02x}' in position {position}: ordinal not in range(128)", c as u32),
                ));
            }
            Ok(Value::bytes(text.as_bytes()))
        }
        "latin1" => {
            let mut out = Vec::with_capacity(text.len());
            for (position, c) in text.chars().enumerate() {
                if (c as u32) > 0xff {
                    return Err(Exc::new(
                        ExcKind::UnicodeEncodeError,
                        format!("'latin-1' codec can't encode character '\\u{:04x}' in position {position}: ordinal not in range(256)", c as u32),
                    ));
                }
                out.push(c as u8);
            }
            Ok(Value::bytes(out))
        }
        _ => Err(Exc::new(ExcKind::LookupError, format!("unknown encoding: {encoding}"))),
    }
}

fn normalize_encoding(encoding: &str) -> String {
    let e: String = encoding.to_lowercase().chars().filter(|c| *c != '-' && *c != '_').collect();
    match e.as_str() {
        "utf8" | "u8" | "utf" => "utf8".into(),
        "ascii" | "usascii" => "ascii".into(),
        "latin1" | "iso88591" | "l1" => "latin1".into(),
        _ => e,
    }
}

/// `bytes.decode(encoding)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    match normalize_encoding(encoding).as_str() {
        "utf8" => match std::str::from_utf8(data) {
            Ok(text) => Ok(Value::str(text)),
            Err(_) if errors == "replace" => Ok(Value::str(String::from_utf8_lossy(data))),
            Err(e) => {
                let start = e.valid_up_to();
                let byte = data.get(start).copied().unwrap_or(0);
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if !(0xc2..=0xf4).contains(&byte) => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                let end = start + e.error_len().unwrap_or(data.len() - start);
                let what = if end - start > 1 {
                    format!("bytes in position {start}-{}", end - 1)
                } else {
                    format!("byte 0x{byte:02x} in position {start}")
                };
                Err(Exc::new(ExcKind::UnicodeDecodeError, format!("'utf-8' codec can't decode {what}: {reason}")))
            }
        },
        "ascii" => match data.iter().position(|b| !b.is_ascii()) {
            Some(i) if errors != "replace" => Err(Exc::new(
                ExcKind::UnicodeDecodeError,
                format!("'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)", data[i]),
            )),
            _ => Ok(Value::str(data.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{fffd}' }).collect::<String>())),
        },
        "latin1" => Ok(Value::str(data.iter().map(|&b| b as char).collect::<String>())),
        _ => Err(Exc::new(ExcKind::LookupError, format!("unknown encoding: {encoding}"))),
    }
}

/// The names of bytes' methods.
pub const METHODS: &[&str] = &[
    "count", "decode", "endswith", "find", "hex", "index", "isalnum", "isalpha", "isdigit", "islower",
    "isspace", "isupper", "join", "lower", "lstrip", "replace", "rfind", "rstrip", "split", "startswith",
    "strip", "upper",
];

/// `b.name` for bytes: a bound method, or None.
pub fn getattr(this: &Value, name: &str) -> Option<Value> {
    METHODS.contains(&name).then(|| NativeMethod::value(this, name, call_method))
}

fn bytes_arg(value: &Value, method: &str) -> PyResult<Vec<u8>> {
    match value {
        Value::Bytes(b) => Ok(b.to_vec()),
        other => Err(Exc::type_error(format!(
            "a bytes-like object is required, not '{}'{}",
            type_of(other).name,
            if method.is_empty() { "" } else { "" }
        ))),
    }
}

fn find_sub(hay: &[u8], needle: &[u8], from_right: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if from_right { hay.len() } else { 0 });
    }
    let positions = 0..=hay.len().checked_sub(needle.len())?;
    if from_right {
        positions.rev().find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        positions.into_iter().find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

/// Calls bytes method `name` on `this`.
pub fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Value::Bytes(b) = this else { return Err(Exc::type_error("descriptor requires a 'bytes' object")) };
    let b: &[u8] = b;
    Ok(match name {
        "decode" => {
            let slots = bind(name, args, &["encoding", "errors"], 0)?;
            let text = |v: &Option<Value>, default: &str| match v {
                Some(Value::Str(s)) => Ok(s.to_string()),
                None => Ok(default.to_string()),
                Some(other) => Err(Exc::type_error(format!("decode() argument must be str, not {}", type_of(other).name))),
            };
            decode(b, &text(&slots[0], "utf-8")?, &text(&slots[1], "strict")?)?
        }
        "hex" => Value::str(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
        "upper" => Value::bytes(b.to_ascii_uppercase()),
        "lower" => Value::bytes(b.to_ascii_lowercase()),
        "strip" | "lstrip" | "rstrip" => {
            check_arity(name, &args, 0, 1)?;
            let set: Vec<u8> = match args.positional.first() {
                None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
                Some(v) => bytes_arg(v, name)?,
            };
            let start = if name == "rstrip" { 0 } else { b.iter().position(|c| !set.contains(c)).unwrap_or(b.len()) };
            let end = if name == "lstrip" { b.len() } else { b.iter().rposition(|c| !set.contains(c)).map_or(start, |i| i + 1) };
            Value::bytes(&b[start..end.max(start)])
        }
        "split" => {
            check_arity(name, &args, 0, 2)?;
            let parts: Vec<Value> = match args.positional.first() {
                None | Some(Value::None) => b.split(|c| c.is_ascii_whitespace()).filter(|p| !p.is_empty()).map(Value::bytes).collect(),
                Some(sep) => {
                    let sep = bytes_arg(sep, name)?;
                    if sep.is_empty() {
                        return Err(Exc::value_error("empty separator"));
                    }
                    let mut parts = Vec::new();
                    let mut rest = b;
                    while let Some(i) = find_sub(rest, &sep, false) {
                        parts.push(Value::bytes(&rest[..i]));
                        rest = &rest[i + sep.len()..];
                    }
                    parts.push(Value::bytes(rest));
                    parts
                }
            };
            Value::list(parts)
        }
        "join" => {
            check_arity(name, &args, 1, 1)?;
            let items = vm.collect(&args.positional[0])?;
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b);
                }
                match item {
                    Value::Bytes(p) => out.extend_from_slice(p),
                    other => {
                        return Err(Exc::type_error(format!(
                            "sequence item {i}: expected a bytes-like object, {} found",
                            type_of(other).name
                        )))
                    }
                }
            }
            Value::bytes(out)
        }
        "startswith" | "endswith" => {
            check_arity(name, &args, 1, 1)?;
            let test = |p: &[u8]| if name == "startswith" { b.starts_with(p) } else { b.ends_with(p) };
            match &args.positional[0] {
                Value::Tuple(options) => {
                    let mut hit = false;
                    for o in options.iter() {
                        hit |= test(&bytes_arg(o, name)?);
                    }
                    Value::Bool(hit)
                }
                other => Value::Bool(test(&bytes_arg(other, name)?)),
            }
        }
        "find" | "rfind" | "index" | "count" => {
            check_arity(name, &args, 1, 1)?;
            let needle = bytes_arg(&args.positional[0], name)?;
            if name == "count" {
                let mut n = 0;
                let mut rest = b;
                while let Some(i) = find_sub(rest, &needle, false) {
                    n += 1;
                    rest = &rest[(i + needle.len().max(1)).min(rest.len())..];
                    if needle.is_empty() && rest.is_empty() {
                        n += 1;
                        break;
                    }
                }
                return Ok(Value::Int(n));
            }
            match find_sub(b, &needle, name == "rfind") {
                Some(i) => Value::Int(i as i64),
                None if name == "index" => return Err(Exc::value_error("subsection not found")),
                None => Value::Int(-1),
            }
        }
        "replace" => {
            check_arity(name, &args, 2, 2)?;
            let (old, new) = (bytes_arg(&args.positional[0], name)?, bytes_arg(&args.positional[1], name)?);
            if old.is_empty() {
                return Ok(this.clone());
            }
            let mut out = Vec::new();
            let mut rest = b;
            while let Some(i) = find_sub(rest, &old, false) {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(&new);
                rest = &rest[i + old.len()..];
            }
            out.extend_from_slice(rest);
            Value::bytes(out)
        }
        "isdigit" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit)),
        "isalpha" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)),
        "isalnum" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)),
        "isspace" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_whitespace)),
        "isupper" => Value::Bool(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)),
        "islower" => Value::Bool(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)),
        _ => return Err(Exc::not_implemented(format!("bytes.{name}"))),
    })
}
