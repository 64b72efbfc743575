//! String formatting: the format-spec mini-language (`format(x, spec)`, f-strings),
//! `str.format`, and printf-style `%` formatting.

use super::exception::{Exc, PyResult};
use super::object::Args;
use super::types::type_of;
use super::{float, int, Value};
use crate::eval::Interp;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

/// Parses a format spec.
pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            s.sign = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().map_err(|_| Exc::value_error("Too many decimal digits in format string"))?;
    }
    if let Some(&c) = chars.get(i) {
        if c == ',' || c == '_' {
            s.grouping = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err(Exc::value_error("Format specifier missing precision"));
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().map_err(|_| Exc::value_error("Too many decimal digits in format string"))?);
    }
    if let Some(&c) = chars.get(i) {
        s.kind = Some(c);
        i += 1;
    }
    if i < chars.len() {
        return Err(Exc::value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Interp, value: &Value, spec: &str) -> PyResult<String> {
    match value {
        Value::Str(s) => format_str(s, &parse_spec(spec)?),
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True".into() } else { "False".into() }),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => format_int(value, &parse_spec(spec)?),
        Value::Float(x) => format_float(*x, &parse_spec(spec)?),
        _ if spec.is_empty() => vm.str(value),
        Value::Object(obj) => {
            if let Some(x) = obj.as_float() {
                return format_float(x, &parse_spec(spec)?);
            }
            if let Some(i) = obj.as_index() {
                return format_value(vm, &i, spec);
            }
            Err(Exc::type_error(format!("unsupported format string passed to {}.__format__", type_of(value).name)))
        }
        _ => Err(Exc::type_error(format!("unsupported format string passed to {}.__format__", type_of(value).name))),
    }
}

fn pad(body: &str, spec: &Spec, default_align: char) -> String {
    let len = body.chars().count();
    if spec.width <= len {
        return body.to_string();
    }
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && spec.fill.is_none() { '=' } else { default_align });
    let total = spec.width - len;
    let fill_str = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{body}{}", fill_str(total)),
        '^' => format!("{}{body}{}", fill_str(total / 2), fill_str(total - total / 2)),
        '=' => {
            let sign_len = body.chars().take_while(|c| matches!(c, '+' | '-' | ' ')).count();
            let prefix_len = sign_len + if body[sign_len..].starts_with("0x") || body[sign_len..].starts_with("0X") || body[sign_len..].starts_with("0b") || body[sign_len..].starts_with("0o") { 2 } else { 0 };
            format!("{}{}{}", &body[..prefix_len], fill_str(total), &body[prefix_len..])
        }
        _ => format!("{}{body}", fill_str(total)),
    }
}

fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    if let Some(kind) = spec.kind.filter(|k| *k != 's') {
        return Err(Exc::value_error(format!("Unknown format code '{kind}' for object of type 'str'")));
    }
    if spec.sign.is_some() {
        return Err(Exc::value_error("Sign not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(Exc::value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&body, spec, '<'))
}

fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
            out.push(separator);
        }
        out.push(*c);
    }
    out
}

fn sign_prefix(negative: bool, spec: &Spec) -> &'static str {
    match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_int(value: &Value, spec: &Spec) -> PyResult<String> {
    let n = int::to_bigint(value).unwrap_or_default();
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(int::bigint_to_f64(&n)?, spec);
    }
    if spec.precision.is_some() {
        return Err(Exc::value_error("Precision not allowed in integer format specifier"));
    }
    let negative = n.sign() == num_bigint::Sign::Minus;
    let magnitude = if negative { -n.clone() } else { n.clone() };
    let (digits, prefix) = match kind {
        'd' | 'n' => (magnitude.to_string(), ""),
        'b' => (magnitude.to_str_radix(2), "0b"),
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            let code = int::to_i64(value).and_then(|c| u32::try_from(c).ok()).and_then(char::from_u32);
            let c = code.ok_or_else(|| Exc::overflow("%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), spec, '<'));
        }
        other => {
            return Err(Exc::value_error(format!(
                "Unknown format code '{other}' for object of type '{}'",
                type_of(value).name
            )))
        }
    };
    let digits = match spec.grouping {
        Some(sep) => group_digits(&digits, sep, if matches!(kind, 'd' | 'n') { 3 } else { 4 }),
        None => digits,
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let body = format!("{}{prefix}{digits}", sign_prefix(negative, spec));
    Ok(pad(&body, spec, '>'))
}

/// `format(x, 'e')`-style exponent text: `1.5e+03`.
fn exp_text(x: f64, precision: usize, upper: bool) -> String {
    let text = format!("{:.*e}", precision, x);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs())
}

fn strip_zeros(text: &str) -> String {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    };
    let mantissa = if mantissa.contains('.') { mantissa.trim_end_matches('0').trim_end_matches('.') } else { mantissa };
    format!("{mantissa}{exponent}")
}

/// `%g` / `{:g}` formatting of a finite, non-negative value.
fn general(x: f64, precision: usize, upper: bool, alternate: bool, at_least_one_decimal: bool) -> String {
    let p = precision.max(1);
    if x == 0.0 {
        let mut t = if alternate { format!("{:.*}", p - 1, 0.0) } else { "0".to_string() };
        if at_least_one_decimal && !t.contains('.') {
            t.push_str(".0");
        }
        return t;
    }
    let sci = exp_text(x, p - 1, upper);
    let exponent: i32 = sci[sci.find(['e', 'E']).map_or(0, |i| i + 1)..].parse().unwrap_or(0);
    let text = if exponent >= -4 && exponent < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exponent).max(0) as usize, x)
    } else {
        sci
    };
    let mut text = if alternate { text } else { strip_zeros(&text) };
    if at_least_one_decimal && !text.contains('.') && !text.contains(['e', 'E']) {
        text.push_str(".0");
    }
    text
}

fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let kind = spec.kind;
    if let Some(k) = kind {
        if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(Exc::value_error(format!("Unknown format code '{k}' for object of type 'float'")));
        }
    }
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let negative = x.is_sign_negative() && !(spec.no_neg_zero && (x == 0.0 || format!("{:.*}", spec.precision.unwrap_or(6), x.abs()).trim_start_matches(['0', '.']).is_empty()));
    let magnitude = x.abs();
    let body = if magnitude.is_nan() || magnitude.is_infinite() {
        let word = if magnitude.is_nan() { "nan" } else { "inf" };
        let word = if upper { word.to_uppercase() } else { word.to_string() };
        if kind == Some('%') { format!("{word}%") } else { word }
    } else {
        match kind {
            Some('f' | 'F') => format!("{:.*}", spec.precision.unwrap_or(6), magnitude),
            Some('e' | 'E') => exp_text(magnitude, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G' | 'n') => general(magnitude, spec.precision.unwrap_or(6), upper, spec.alternate, false),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), magnitude * 100.0),
            _ => match spec.precision {
                Some(p) => general(magnitude, p, false, spec.alternate, true),
                None => float::repr(magnitude),
            },
        }
    };
    let body = match spec.grouping {
        Some(sep) if magnitude.is_finite() => {
            let end = body.find(['.', 'e', 'E', '%']).unwrap_or(body.len());
            format!("{}{}", group_digits(&body[..end], sep, 3), &body[end..])
        }
        _ => body,
    };
    let body = if spec.alternate && !body.contains('.') && matches!(kind, Some('f' | 'F' | 'e' | 'E')) {
        match body.find(['e', 'E']) {
            Some(i) => format!("{}.{}", &body[..i], &body[i..]),
            None => format!("{body}."),
        }
    } else {
        body
    };
    Ok(pad(&format!("{}{body}", sign_prefix(negative, spec)), spec, '>'))
}

/// `template.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Interp, template: &str, args: Args) -> PyResult<Value> {
    let mut auto = 0usize;
    let mut manual = false;
    let text = render_template(vm, template, &mut |vm, field: &str| {
        let (head, rest) = split_field(field);
        let base = if head.is_empty() {
            if manual {
                return Err(Exc::value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            auto += 1;
            args.positional.get(auto - 1).cloned().ok_or_else(|| Exc::index_error(format!("Replacement index {} out of range for positional args tuple", auto - 1)))?
        } else if let Ok(index) = head.parse::<usize>() {
            if auto > 0 {
                return Err(Exc::value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            manual = true;
            args.positional.get(index).cloned().ok_or_else(|| Exc::index_error(format!("Replacement index {index} out of range for positional args tuple")))?
        } else {
            args.keywords.iter().find(|(k, _)| &**k == head).map(|(_, v)| v.clone()).ok_or_else(|| Exc::key_error(Value::str(head)))?
        };
        resolve_field_path(vm, base, rest)
    })?;
    Ok(Value::str(text))
}

/// `template.format_map(mapping)`.
pub fn str_format_map(vm: &mut Interp, template: &str, mapping: &Value) -> PyResult<Value> {
    let mapping = mapping.clone();
    let text = render_template(vm, template, &mut |vm, field: &str| {
        let (head, rest) = split_field(field);
        let base = vm.getitem(&mapping, &Value::str(head))?;
        resolve_field_path(vm, base, rest)
    })?;
    Ok(Value::str(text))
}

fn split_field(field: &str) -> (&str, &str) {
    match field.find(['.', '[']) {
        Some(i) => (&field[..i], &field[i..]),
        None => (field, ""),
    }
}

fn resolve_field_path(vm: &mut Interp, mut value: Value, mut rest: &str) -> PyResult<Value> {
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            value = vm.getattr(&value, &after[..end])?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']').ok_or_else(|| Exc::value_error("Missing ']' in format string"))?;
            let key = &after[..end];
            let key_value = key.parse::<i64>().map(Value::Int).unwrap_or_else(|_| Value::str(key));
            value = vm.getitem(&value, &key_value)?;
            rest = &after[end + 1..];
        } else {
            return Err(Exc::value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

type FieldLookup<'a> = dyn FnMut(&mut Interp, &str) -> PyResult<Value> + 'a;

fn render_template(vm: &mut Interp, template: &str, lookup: &mut FieldLookup) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = template.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => {
                out.push('{');
                i += 2;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                out.push('}');
                i += 2;
            }
            '}' => return Err(Exc::value_error("Single '}' encountered in format string")),
            '{' => {
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() && depth > 0 {
                    match chars[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth > 0 {
                    return Err(Exc::value_error("expected '}' before end of string"));
                }
                let inner: String = chars[i + 1..j - 1].iter().collect();
                let (field, conversion, spec) = split_replacement(&inner)?;
                let value = lookup(vm, &field)?;
                let value = match conversion {
                    Some('r') => Value::str(vm.repr(&value)?),
                    Some('s') => Value::str(vm.str(&value)?),
                    Some('a') => Value::str(ascii_repr(&vm.repr(&value)?)),
                    Some(other) => return Err(Exc::value_error(format!("Unknown conversion specifier {other}"))),
                    None => value,
                };
                let spec = render_template(vm, &spec, lookup)?;
                out.push_str(&format_value(vm, &value, &spec)?);
                i = j;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn split_replacement(inner: &str) -> PyResult<(String, Option<char>, String)> {
    let mut bracket = 0;
    let mut field_end = inner.len();
    for (i, c) in inner.char_indices() {
        match c {
            '[' => bracket += 1,
            ']' => bracket -= 1,
            '!' | ':' if bracket == 0 => {
                field_end = i;
                break;
            }
            _ => {}
        }
    }
    let field = inner[..field_end].to_string();
    let rest = &inner[field_end..];
    let (conversion, spec) = if let Some(after) = rest.strip_prefix('!') {
        let mut chars = after.chars();
        let conv = chars.next().ok_or_else(|| Exc::value_error("end of string while looking for conversion specifier"))?;
        let remaining = chars.as_str();
        let spec = match remaining.strip_prefix(':') {
            Some(spec) => spec.to_string(),
            None if remaining.is_empty() => String::new(),
            None => return Err(Exc::value_error("expected ':' after conversion specifier")),
        };
        (Some(conv), spec)
    } else {
        (None, rest.strip_prefix(':').unwrap_or("").to_string())
    };
    Ok((field, conversion, spec))
}

/// `ascii(x)`: the repr with non-ASCII characters escaped.
pub fn ascii_repr(repr: &str) -> String {
    let mut out = String::new();
    for c in repr.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            u @ 0x80..=0xff => out.push_str(&format!("\\x{u:02x}")),
            u @ 0x100..=0xffff => out.push_str(&format!("\\u{u:04x}")),
            u => out.push_str(&format!("\\U{u:08x}")),
        }
    }
    out
}

/// `template % values`.
pub fn percent_format(vm: &mut Interp, template: &str, values: &Value) -> PyResult<Value> {
    let positional: Vec<Value> = match values {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    let mapping = matches!(values, Value::Dict(_)).then(|| values.clone());
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut next = 0usize;
    let mut i = 0;
    let mut take = |vm: &mut Interp, key: Option<&str>| -> PyResult<Value> {
        if let Some(key) = key {
            let Some(m) = &mapping else { return Err(Exc::type_error("format requires a mapping")) };
            return vm.getitem(m, &Value::str(key));
        }
        next += 1;
        positional.get(next - 1).cloned().ok_or_else(|| Exc::type_error("not enough arguments for format string"))
    };
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..].iter().position(|&c| c == ')').ok_or_else(|| Exc::value_error("incomplete format key"))?;
            key = Some(chars[i + 1..i + end].iter().collect::<String>());
            i += end + 1;
        }
        let mut spec = Spec::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => spec.sign = spec.sign.or(Some(' ')),
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = String::new();
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit() || **c == '*') {
            if c == '*' {
                let value = take(vm, None)?;
                width = vm.str(&value)?;
            } else {
                width.push(c);
            }
            i += 1;
        }
        spec.width = width.parse().unwrap_or(0);
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                p.push(c);
                i += 1;
            }
            spec.precision = Some(p.parse().unwrap_or(0));
        }
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let Some(&conv) = chars.get(i) else { return Err(Exc::value_error("incomplete format")) };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = take(vm, key.as_deref())?;
        let text = match conv {
            's' => pad_percent(&vm.str(&value)?, &spec),
            'r' => pad_percent(&vm.repr(&value)?, &spec),
            'a' => pad_percent(&ascii_repr(&vm.repr(&value)?), &spec),
            'd' | 'i' | 'u' => {
                let n = vm.to_int(&value).map_err(|_| Exc::type_error(format!("%{conv} format: a real number is required, not {}", type_of(&value).name)))?;
                format_int(&n, &Spec { kind: Some('d'), precision: None, ..spec })?
            }
            'x' | 'X' | 'o' => {
                let n = vm.to_int(&value).map_err(|_| Exc::type_error(format!("%{conv} format: an integer is required, not {}", type_of(&value).name)))?;
                format_int(&n, &Spec { kind: Some(conv), precision: None, ..spec })?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = vm.to_float(&value).map_err(|_| Exc::type_error(format!("must be real number, not {}", type_of(&value).name)))?;
                format_float(x, &Spec { kind: Some(conv), precision: Some(spec.precision.unwrap_or(6)), ..spec })?
            }
            'c' => match &value {
                Value::Str(s) if s.chars().count() == 1 => pad_percent(s, &spec),
                other => format_int(other, &Spec { kind: Some('c'), ..spec })?,
            },
            other => {
                return Err(Exc::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&text);
    }
    if mapping.is_none() && next < positional.len() {
        return Err(Exc::type_error("not all arguments converted during string formatting"));
    }
    Ok(Value::str(out))
}

fn pad_percent(text: &str, spec: &Spec) -> String {
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    pad(&body, &Spec { zero: false, ..spec.clone() }, '>')
}
