//! One data element as text, as HDF5's tools render it (`h5tools_str_sprint`): numbers
//! with C's formats, strings quoted with C-style escapes, compounds over several lines,
//! arrays in brackets, sequences in parentheses, enums by name, opaque bytes in hex.

use crate::hdf5::datatype::{ByteOrder, ReferenceKind, StrPad, TypeDescription};
use crate::hdf5::vardata::{memory_size, Detached};
use crate::render::cfmt::{f16_to_f64, push_g, push_int, x87_to_f64};

use super::layout::{Format, INDENT, OPTIONAL_LINE_BREAK};

/// Turns a reference's raw bytes into its text (`DATASET 1400 /x`, ...).
pub trait ReferenceText {
    /// The text for one reference of `kind`.
    fn reference_text(&self, kind: ReferenceKind, raw: &[u8]) -> Vec<u8>;
}

/// What rendering an element needs besides the element.
pub struct ValueCtx<'a> {
    /// The output format.
    pub fmt: &'a Format,
    /// Where variable-length parts of the elements live.
    pub heap: &'a Detached,
    /// How references are shown.
    pub refs: Option<&'a dyn ReferenceText>,
    /// The context's indentation level (compound members and array rows indent by it).
    pub indent_level: usize,
    /// HDF5's `is_next_arry_elmt`: set after an array, it breaks the line before the
    /// next element of an enclosing array.
    next_array_element: bool,
}

impl<'a> ValueCtx<'a> {
    /// A context for elements at `indent_level`.
    pub fn new(fmt: &'a Format, heap: &'a Detached, refs: Option<&'a dyn ReferenceText>, indent_level: usize) -> Self {
        ValueCtx { fmt, heap, refs, indent_level, next_array_element: false }
    }
}

fn indent(out: &mut Vec<u8>, level: usize) {
    for _ in 0..level {
        out.extend_from_slice(INDENT);
    }
}

fn int_value(bytes: &[u8], size: usize, signed: bool, order: ByteOrder) -> i128 {
    let mut wide = [0u8; 16];
    let n = size.min(16).min(bytes.len());
    if order == ByteOrder::Big {
        for (i, b) in bytes[..n].iter().rev().enumerate() {
            wide[i] = *b;
        }
    } else {
        wide[..n].copy_from_slice(&bytes[..n]);
    }
    if signed && n > 0 && wide[n - 1] & 0x80 != 0 {
        for b in &mut wide[n..] {
            *b = 0xff;
        }
    }
    i128::from_le_bytes(wide)
}

/// The value of a float element of `size` bytes (native order) as a double.
pub fn float_value(bytes: &[u8], size: usize) -> Option<f64> {
    match size {
        2 => Some(f16_to_f64(u16::from_le_bytes([*bytes.first()?, *bytes.get(1)?]))),
        4 => Some(f32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as f64),
        8 => Some(f64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)),
        16 => Some(x87_to_f64(bytes)),
        _ => None,
    }
}

fn push_hex(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if bytes.len() == 1 {
        out.extend_from_slice(b"0x");
        out.push(HEX[(bytes[0] >> 4) as usize]);
        out.push(HEX[(bytes[0] & 15) as usize]);
        return;
    }
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(b':');
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
}

/// One character of a string (`h5tools_print_char`).
pub fn push_char(out: &mut Vec<u8>, fmt: &Format, ch: u8) {
    let escape = fmt.do_escape;
    match ch {
        b'"' => out.extend_from_slice(if escape { b"\\\"" } else { b"\"" }),
        b'\\' => out.extend_from_slice(if escape { b"\\\\" } else { b"\\" }),
        0x08 => out.extend_from_slice(if escape { b"\\b" } else { b"\x08" }),
        0x0c => out.extend_from_slice(if escape { b"\\f" } else { b"\x0c" }),
        b'\n' => out.extend_from_slice(if escape { b"\\n" } else { b"\n           " }),
        b'\r' => out.extend_from_slice(if escape { b"\\r" } else { b"\r           " }),
        b'\t' => out.extend_from_slice(if escape { b"\\t" } else { b"\t" }),
        0x20..=0x7e => out.push(ch),
        _ => {
            // `printf("\\%03o", ch)` with a signed char: high bytes sign-extend.
            let wide = ch as i8 as i32 as u32;
            out.extend_from_slice(format!("\\{:03o}", wide).as_bytes());
        }
    }
}

fn push_string(out: &mut Vec<u8>, fmt: &Format, s: &[u8], pad: StrPad) {
    let mut quote: u8 = 0;
    let mut i = 0;
    while i < s.len() && (s[i] != 0 || pad != StrPad::NullTerm) {
        let mut j = 1;
        if fmt.str_repeat > 0 {
            while i + j < s.len() && s[i] == s[i + j] {
                j += 1;
            }
        }
        if fmt.str_repeat > 0 && j > fmt.str_repeat {
            if quote != 0 {
                out.push(quote);
            }
            quote = b'\'';
            if i > 0 {
                out.push(b' ');
            }
            out.push(quote);
        } else if quote == 0 {
            quote = b'"';
            if i > 0 {
                out.push(b' ');
            }
            out.push(quote);
        }
        push_char(out, fmt, s[i]);
        if fmt.str_repeat > 0 && j > fmt.str_repeat {
            out.push(quote);
            out.extend_from_slice(format!(" repeats {} times", j - 1).as_bytes());
            quote = 0;
            i += j - 1;
        }
        i += 1;
    }
    if quote != 0 {
        out.push(quote);
    }
    if i == 0 {
        out.extend_from_slice(b"\"\"");
    }
}

/// Changes "funny" characters of an enum member name into C escapes (`h5tools_escape`).
pub fn push_escaped_name(out: &mut Vec<u8>, name: &[u8]) {
    for &c in name {
        match c {
            b'\'' => out.extend_from_slice(b"\\'"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'?' => out.extend_from_slice(b"\\?"),
            0x07 => out.extend_from_slice(b"\\a"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x0b => out.extend_from_slice(b"\\v"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\{:03o}", c).as_bytes()),
        }
    }
}

/// Appends the text of one element of memory type `ty` at `bytes`.
pub fn sprint(out: &mut Vec<u8>, ty: &TypeDescription, bytes: &[u8], vc: &mut ValueCtx) {
    match ty {
        TypeDescription::Integer { size, signed, order } => {
            if *size == 1 && vc.fmt.ascii {
                push_char(out, vc.fmt, bytes.first().copied().unwrap_or(0));
            } else {
                push_int(out, int_value(bytes, *size, *signed, *order));
            }
        }
        TypeDescription::Float { size, .. } => match float_value(bytes, *size) {
            Some(v) => match (*size, &vc.fmt.float_fmt, &vc.fmt.double_fmt) {
                (2 | 4, Some(f), _) | (8, _, Some(f)) => f.push(out, v),
                _ => push_g(out, v),
            },
            None => push_hex(out, bytes),
        },
        TypeDescription::String { size, pad, .. } => match size {
            Some(n) => push_string(out, vc.fmt, &bytes[..(*n).min(bytes.len())], *pad),
            None => match vc.heap.string_at(bytes) {
                Ok(Some(s)) => push_string(out, vc.fmt, s, *pad),
                _ => out.extend_from_slice(b"NULL"),
            },
        },
        TypeDescription::Compound { members, .. } => {
            out.extend_from_slice(vc.fmt.cmpd_pre);
            vc.indent_level += 1;
            for (j, member) in members.iter().enumerate() {
                out.extend_from_slice(if j > 0 { vc.fmt.cmpd_sep } else { vc.fmt.cmpd_end });
                if vc.fmt.arr_linebreak {
                    indent(out, vc.indent_level);
                }
                if vc.fmt.cmpd_name_eq {
                    out.extend_from_slice(member.name.as_bytes());
                    out.push(b'=');
                }
                let end = member.offset + memory_size(&member.ty);
                let field = bytes.get(member.offset..end).unwrap_or(&[]);
                sprint(out, &member.ty, field, vc);
            }
            vc.indent_level -= 1;
            if vc.fmt.arr_linebreak {
                out.extend_from_slice(vc.fmt.cmpd_end);
                indent(out, vc.indent_level);
            }
            out.extend_from_slice(vc.fmt.cmpd_suf);
        }
        TypeDescription::Enum { base, members } => {
            let (size, signed, order) = match base.as_ref() {
                TypeDescription::Integer { size, signed, order } => (*size, *signed, *order),
                _ => (bytes.len(), false, ByteOrder::Little),
            };
            let value = int_value(bytes, size, signed, order);
            match members.iter().find(|(_, v)| *v == value) {
                Some((name, _)) => push_escaped_name(out, name.as_bytes()),
                None => push_hex(out, &bytes[..size.min(bytes.len())]),
            }
        }
        TypeDescription::Reference(kind) => {
            if bytes.iter().all(|&b| b == 0) {
                out.extend_from_slice(b"NULL");
            } else if let Some(refs) = vc.refs {
                out.extend_from_slice(&refs.reference_text(*kind, bytes));
            }
        }
        TypeDescription::Array { base, dims } => {
            let size = memory_size(base);
            let count = dims.iter().product::<u64>() as usize;
            let last = dims.last().copied().unwrap_or(1).max(1) as usize;
            out.extend_from_slice(vc.fmt.arr_pre);
            vc.indent_level += 1;
            for i in 0..count {
                if i > 0 {
                    out.extend_from_slice(vc.fmt.arr_sep);
                }
                if vc.fmt.arr_linebreak && i > 0 && i % last == 0 {
                    out.push(b'\n');
                    indent(out, vc.indent_level);
                } else if i > 0 && vc.fmt.arr_space {
                    if vc.next_array_element {
                        vc.next_array_element = false;
                        out.extend_from_slice(b"\n ");
                        indent(out, vc.indent_level);
                    } else {
                        out.push(b' ');
                    }
                }
                vc.next_array_element = false;
                let element = bytes.get(i * size..(i + 1) * size).unwrap_or(&[]);
                sprint(out, base, element, vc);
            }
            vc.indent_level -= 1;
            out.extend_from_slice(vc.fmt.arr_suf);
            vc.next_array_element = true;
        }
        TypeDescription::VarLen(base) => {
            out.push(b'(');
            let size = memory_size(base);
            if let Ok((count, elements)) = vc.heap.sequence_at(bytes) {
                for i in 0..count {
                    if i > 0 {
                        out.extend_from_slice(vc.fmt.vlen_sep);
                    }
                    vc.indent_level += 1;
                    let element = elements.get(i * size..(i + 1) * size).unwrap_or(&[]);
                    sprint(out, base, element, vc);
                    vc.indent_level -= 1;
                }
            }
            out.push(b')');
        }
        TypeDescription::Complex { size, .. } => {
            let half = size / 2;
            let re = float_value(bytes, half).unwrap_or(f64::NAN);
            let im = float_value(bytes.get(half..).unwrap_or(&[]), half).unwrap_or(f64::NAN);
            push_g(out, re);
            if !(im.is_sign_negative() || im.is_nan() && im.is_sign_negative()) {
                out.push(b'+');
            }
            push_g(out, im);
            out.push(b'i');
        }
        TypeDescription::Bitfield { .. } | TypeDescription::Opaque { .. } | TypeDescription::Time { .. } => {
            push_hex(out, bytes)
        }
    }
    let _ = OPTIONAL_LINE_BREAK;
}
