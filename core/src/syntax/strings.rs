//! Decoding string and bytes literal bodies (escape sequences), with CPython's
//! `(unicode error)` / `(value error)` messages.

/// Why a literal body could not be decoded: CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The full message, e.g. `(unicode error) 'unicodeescape' codec can't decode
    /// bytes in position 0-2: truncated \xXX escape`.
    pub msg: String,
}

fn unicode_error(start: usize, end: usize, reason: &str) -> DecodeError {
    let range = if end > start + 1 { format!("position {}-{}", start, end - 1) } else { format!("position {}", start) };
    DecodeError { msg: format!("(unicode error) 'unicodeescape' codec can't decode bytes in {}: {}", range, reason) }
}

/// Decodes a `str` literal body (not raw).
pub fn decode_str(body: &str) -> Result<String, DecodeError> {
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let chars: Vec<char> = body.chars().collect();
    // CPython measures positions in a buffer where each non-ASCII character became a
    // 10-byte `\U` escape.
    let mut byte_pos = Vec::with_capacity(chars.len() + 1);
    let mut b = 0usize;
    for &c in &chars {
        byte_pos.push(b);
        b += if c.is_ascii() { 1 } else { 10 };
    }
    byte_pos.push(b);
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = byte_pos[i];
        let Some(&e) = chars.get(i + 1) else {
            // Only an f-string chunk before a `{` can end in a lone backslash; CPython
            // keeps it.
            out.push('\\');
            break;
        };
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                let mut n = 1;
                while n < 3 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (len, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..len {
                    match chars.get(i + k).and_then(|c| if c.is_ascii_hexdigit() { c.to_digit(16) } else { None }) {
                        Some(d) => v = v * 16 + d,
                        None => {
                            return Err(unicode_error(start, byte_pos[i + k], what));
                        }
                    }
                }
                i += len;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v < 0x110000 => out.push('\u{fffd}'),
                    None => return Err(unicode_error(start, byte_pos[i], "illegal Unicode character")),
                }
            }
            'N' => {
                if chars.get(i) != Some(&'{') {
                    return Err(unicode_error(start, byte_pos[i], "malformed \\N character escape"));
                }
                let Some(close) = chars[i..].iter().position(|&c| c == '}') else {
                    return Err(unicode_error(start, byte_pos[chars.len()], "malformed \\N character escape"));
                };
                let name: String = chars[i + 1..i + close].iter().collect();
                let end = byte_pos[i + close + 1];
                if name.is_empty() {
                    return Err(unicode_error(start, end, "malformed \\N character escape"));
                }
                match char_by_name(&name) {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_error(start, end, "unknown Unicode character name")),
                }
                i += close + 1;
            }
            other => {
                // Unknown escapes stay as they are (a DeprecationWarning in 3.11).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes a bytes literal body (not raw); the body must be ASCII (checked by the
/// caller).
pub fn decode_bytes(body: &str) -> Result<Vec<u8>, DecodeError> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = bytes.get(i + 1) else {
            return Err(DecodeError { msg: "(value error) Trailing \\ in string".to_string() });
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = |b: Option<&u8>| b.and_then(|c| (*c as char).to_digit(16));
                match (hex(bytes.get(i)), hex(bytes.get(i + 1))) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(DecodeError {
                            msg: format!("(value error) invalid \\x escape at position {}", start),
                        })
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// The character a Unicode name (or alias) stands for, as `\N{...}` accepts it.
fn char_by_name(name: &str) -> Option<char> {
    unicode_names2::character(name)
}
