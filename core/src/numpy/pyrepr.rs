//! Python's `repr` of str and bytes values, as NumPy's printing uses it.

/// Python's `repr` of a str (quotes chosen as Python chooses them, escapes included).
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unprintable(c) => {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable` for characters outside ASCII:
/// C1 controls, surrogates, private-use, unassigned-looking and separator code points
/// other than the plain space are escaped.
fn is_unprintable(c: char) -> bool {
    let v = c as u32;
    (0x80..=0xa0).contains(&v)
        || v == 0xad
        || (0x2028..=0x2029).contains(&v)
        || (0x200b..=0x200f).contains(&v)
        || (0x202a..=0x202e).contains(&v)
        || (0x2060..=0x2064).contains(&v)
        || v == 0xfeff
        || (0xe000..=0xf8ff).contains(&v)
        || (0xfff9..=0xfffb).contains(&v)
        || (0xf0000..).contains(&v)
        || v == 0x2000 || (0x2001..=0x200a).contains(&v) || v == 0x3000 || v == 0x1680 || v == 0x205f || v == 0x202f
}

/// Python's `repr` of a bytes value (`b'...'`).
pub fn py_bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}
