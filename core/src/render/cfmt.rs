//! C `printf` number formatting, byte for byte as glibc prints it: `%g` (HDF5's tools'
//! default for floats), and user formats such as `%.3f` (h5dump's `-m`).

use std::io::Write as _;

/// Appends `v` as C's `%g` (precision 6) would print it.
pub fn push_g(out: &mut Vec<u8>, v: f64) {
    push_general(out, v, 6, false, false);
}

/// `%g`-style formatting with a precision, `#` (keep zeros) and upper case options.
fn push_general(out: &mut Vec<u8>, v: f64, precision: usize, alternate: bool, upper: bool) {
    if let Some(special) = special(v, upper) {
        out.extend_from_slice(special.as_bytes());
        return;
    }
    let p = precision.max(1);
    if v == 0.0 {
        if v.is_sign_negative() {
            out.push(b'-');
        }
        out.push(b'0');
        if alternate && p > 1 {
            out.push(b'.');
            out.extend(std::iter::repeat_n(b'0', p - 1));
        }
        return;
    }
    let sci = format!("{:.*e}", p - 1, v);
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let x: i32 = exponent.parse().unwrap_or(0);
    if x >= -4 && x < p as i32 {
        let fixed = format!("{:.*}", (p as i32 - 1 - x).max(0) as usize, v);
        out.extend_from_slice(if alternate { fixed.as_bytes() } else { strip_zeros(&fixed).as_bytes() });
    } else {
        let m = if alternate { mantissa } else { strip_zeros(mantissa) };
        out.extend_from_slice(m.as_bytes());
        push_exponent(out, x, upper);
    }
}

fn special(v: f64, upper: bool) -> Option<&'static str> {
    if v.is_nan() {
        Some(match (v.is_sign_negative(), upper) {
            (false, false) => "nan",
            (true, false) => "-nan",
            (false, true) => "NAN",
            (true, true) => "-NAN",
        })
    } else if v.is_infinite() {
        Some(match (v < 0.0, upper) {
            (false, false) => "inf",
            (true, false) => "-inf",
            (false, true) => "INF",
            (true, true) => "-INF",
        })
    } else {
        None
    }
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

fn push_exponent(out: &mut Vec<u8>, x: i32, upper: bool) {
    out.push(if upper { b'E' } else { b'e' });
    out.push(if x < 0 { b'-' } else { b'+' });
    let _ = write!(out, "{:02}", x.unsigned_abs());
}

/// A parsed single-conversion C float format (`%[flags][width][.precision]conv`) with
/// literal text around it, as h5dump's `-m` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloatFormat {
    before: Vec<u8>,
    after: Vec<u8>,
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    conv: u8,
}

impl FloatFormat {
    /// Parses a format with exactly one float conversion (`e E f F g G`); `%%` is a
    /// literal percent. Anything else is `None` (HDF5's tools would pass it to `printf`
    /// unchecked; h5lab refuses to guess).
    pub fn parse(fmt: &str) -> Option<FloatFormat> {
        let bytes = fmt.as_bytes();
        let mut before = Vec::new();
        let mut i = 0;
        let mut spec = None;
        let mut after = Vec::new();
        while i < bytes.len() {
            if bytes[i] == b'%' {
                if bytes.get(i + 1) == Some(&b'%') {
                    if spec.is_none() { before.push(b'%') } else { after.push(b'%') }
                    i += 2;
                    continue;
                }
                if spec.is_some() {
                    return None;
                }
                let mut f = FloatFormat {
                    before: Vec::new(),
                    after: Vec::new(),
                    left: false,
                    plus: false,
                    space: false,
                    alternate: false,
                    zero: false,
                    width: 0,
                    precision: None,
                    conv: b'g',
                };
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'-' => f.left = true,
                        b'+' => f.plus = true,
                        b' ' => f.space = true,
                        b'#' => f.alternate = true,
                        b'0' => f.zero = true,
                        _ => break,
                    }
                    i += 1;
                }
                while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
                    f.width = f.width.saturating_mul(10).saturating_add((c - b'0') as usize).min(4096);
                    i += 1;
                }
                if bytes.get(i) == Some(&b'.') {
                    i += 1;
                    let mut p = 0usize;
                    while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
                        p = p.saturating_mul(10).saturating_add((c - b'0') as usize).min(4096);
                        i += 1;
                    }
                    f.precision = Some(p);
                }
                // Length modifiers (`l`, `L`) change nothing for doubles here.
                while matches!(bytes.get(i), Some(b'l' | b'L')) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&c @ (b'e' | b'E' | b'f' | b'F' | b'g' | b'G')) => f.conv = c,
                    _ => return None,
                }
                i += 1;
                spec = Some(f);
                continue;
            }
            if spec.is_none() { before.push(bytes[i]) } else { after.push(bytes[i]) }
            i += 1;
        }
        let mut f = spec?;
        f.before = before;
        f.after = after;
        Some(f)
    }

    /// Appends `v` formatted.
    pub fn push(&self, out: &mut Vec<u8>, v: f64) {
        out.extend_from_slice(&self.before);
        let mut body = Vec::new();
        let upper = self.conv.is_ascii_uppercase();
        let negative = v.is_sign_negative() && !v.is_nan() || (v.is_nan() && v.is_sign_negative());
        let magnitude = v.abs();
        let finite = magnitude.is_finite();
        match self.conv.to_ascii_lowercase() {
            b'f' if finite => {
                let p = self.precision.unwrap_or(6);
                body.extend_from_slice(format!("{:.*}", p, magnitude).as_bytes());
                if self.alternate && p == 0 {
                    body.push(b'.');
                }
            }
            b'e' if finite => {
                let p = self.precision.unwrap_or(6);
                let sci = format!("{:.*e}", p, magnitude);
                let (m, e) = sci.split_once('e').unwrap_or((&sci, "0"));
                body.extend_from_slice(m.as_bytes());
                if self.alternate && p == 0 {
                    body.push(b'.');
                }
                push_exponent(&mut body, e.parse().unwrap_or(0), upper);
            }
            b'g' if finite => {
                let p = self.precision.unwrap_or(6);
                push_general(&mut body, magnitude, if p == 0 { 1 } else { p }, self.alternate, upper);
            }
            _ => {
                let text = if magnitude.is_nan() { "nan" } else { "inf" };
                body.extend_from_slice(if upper { text.to_ascii_uppercase() } else { text.to_string() }.as_bytes());
            }
        }
        let sign: &[u8] = if negative {
            b"-"
        } else if self.plus {
            b"+"
        } else if self.space {
            b" "
        } else {
            b""
        };
        let len = sign.len() + body.len();
        let pad = self.width.saturating_sub(len);
        if self.left {
            out.extend_from_slice(sign);
            out.extend_from_slice(&body);
            out.extend(std::iter::repeat_n(b' ', pad));
        } else if self.zero && finite {
            out.extend_from_slice(sign);
            out.extend(std::iter::repeat_n(b'0', pad));
            out.extend_from_slice(&body);
        } else {
            out.extend(std::iter::repeat_n(b' ', pad));
            out.extend_from_slice(sign);
            out.extend_from_slice(&body);
        }
        out.extend_from_slice(&self.after);
    }
}

/// Decodes an IEEE binary16 value.
pub fn f16_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((bits >> 10) & 0x1f) as i32;
    let frac = (bits & 0x3ff) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 if frac == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN.copysign(sign),
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Decodes an x87 80-bit extended value (the first 10 bytes of a `long double`,
/// little-endian) to the nearest double.
pub fn x87_to_f64(bytes: &[u8]) -> f64 {
    if bytes.len() < 10 {
        return f64::NAN;
    }
    let mut m = [0u8; 8];
    m.copy_from_slice(&bytes[..8]);
    let mantissa = u64::from_le_bytes(m);
    let se = u16::from_le_bytes([bytes[8], bytes[9]]);
    let sign = if se & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (se & 0x7fff) as i32;
    if exp == 0x7fff {
        return if mantissa << 1 == 0 { sign * f64::INFINITY } else { f64::NAN.copysign(sign) };
    }
    if mantissa == 0 {
        return sign * 0.0;
    }
    // value = mantissa * 2^(exp - 16383 - 63); scale in two steps to avoid overflow.
    let e = if exp == 0 { -16382 - 63 } else { exp - 16383 - 63 };
    let base = mantissa as f64;
    let half = e / 2;
    sign * base * 2f64.powi(half) * 2f64.powi(e - half)
}

/// Appends an integer in decimal.
pub fn push_int(out: &mut Vec<u8>, v: i128) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    let negative = v < 0;
    let mut u = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if negative {
        i -= 1;
        buf[i] = b'-';
    }
    out.extend_from_slice(&buf[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(v: f64) -> String {
        let mut out = Vec::new();
        push_g(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn percent_g_matches_glibc() {
        assert_eq!(g(0.1), "0.1");
        assert_eq!(g(1e20), "1e+20");
        assert_eq!(g(-1e-5), "-1e-05");
        assert_eq!(g(1.0 / 3.0), "0.333333");
        assert_eq!(g(123456789.0), "1.23457e+08");
        assert_eq!(g(100000.0), "100000");
        assert_eq!(g(1000000.0), "1e+06");
        assert_eq!(g(0.0001), "0.0001");
        assert_eq!(g(0.00001234), "1.234e-05");
        assert_eq!(g(-0.0), "-0");
        assert_eq!(g(f64::NAN), "nan");
        assert_eq!(g(f64::NEG_INFINITY), "-inf");
        assert_eq!(g(1e300), "1e+300");
        assert_eq!(g(999999.5), "1e+06");
    }

    #[test]
    fn user_formats() {
        let f = FloatFormat::parse("%.3f").unwrap();
        let mut out = Vec::new();
        f.push(&mut out, 2.0f64.sqrt());
        assert_eq!(out, b"1.414");
        let f = FloatFormat::parse("%10.2e|").unwrap();
        let mut out = Vec::new();
        f.push(&mut out, -1234.5);
        assert_eq!(out, b" -1.23e+03|");
        assert!(FloatFormat::parse("%d").is_none());
    }
}
