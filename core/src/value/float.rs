//! Python floats: `repr` (shortest round-trip digits laid out as CPython does),
//! arithmetic with Python's floor division, modulo and power rules, parsing and hashing.

use super::exception::{Exc, PyResult};
use super::Value;
use crate::syntax::ast::BinOp;

/// The shortest decimal digits that round-trip `x` (finite, non-zero), and the decimal
/// exponent: `x = 0.d1d2d3... * 10**exponent` (CPython's `decpt`).
pub fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits in scientific form.
    let shortest = format!("{:e}", x.abs());
    // Of the digit strings of that length that round-trip, CPython takes the one
    // nearest to x (ties to even): the correctly rounded one, which Rust's exact
    // formatting with that precision gives.
    let length = shortest.split_once('e').map_or(0, |(m, _)| m.chars().filter(char::is_ascii_digit).count());
    let rounded = format!("{:.*e}", length.saturating_sub(1), x.abs());
    let text = if rounded.parse::<f64>().ok() == Some(x.abs()) { rounded } else { shortest };
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// `repr(float)` / `str(float)`: CPython's 'r' format with `.0` added to integers.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, decpt) = shortest_digits(x);
    format!("{sign}{}", layout(&digits, decpt, true))
}

/// Lays out shortest digits as CPython's repr does: fixed notation when
/// `-4 < decpt <= 16`, else `d.ddde+XX`. `add_dot_zero` appends `.0` to integers.
pub fn layout(digits: &str, decpt: i32, add_dot_zero: bool) -> String {
    if decpt > -4 && decpt <= 16 {
        let n = digits.len() as i32;
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            let zeros = "0".repeat((decpt - n) as usize);
            if add_dot_zero { format!("{digits}{zeros}.0") } else { format!("{digits}{zeros}") }
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        }
    } else {
        let exponent = decpt - 1;
        let mantissa = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.to_string() };
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    }
}

/// Float arithmetic with Python's semantics.
pub fn binary(op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    let value = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(Exc::zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(Exc::zero_division("float floor division by zero"));
            }
            divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(Exc::zero_division("float modulo"));
            }
            divmod(x, y).1
        }
        BinOp::Pow => return pow(x, y),
        _ => return Err(Exc::type_error(format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol()))),
    };
    Ok(Value::Float(value))
}

/// Python's `divmod` for floats (CPython's float_divmod).
pub fn divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `x ** y` for floats: a negative base with a fractional exponent gives a complex in
/// Python; that case is reported to the caller as `None` via a ValueError marker.
pub fn pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(Exc::zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return super::complex::pow_value(x, 0.0, y, 0.0);
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(Exc::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// `float(text)`: Python's accepted spellings (whitespace, underscores between digits,
/// `inf`, `nan`, `infinity` in any case).
pub fn parse(text: &str) -> PyResult<f64> {
    let invalid = || Exc::value_error(format!("could not convert string to float: {}", super::str::repr(text)));
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, "inf" | "infinity" | "nan") && lower.len() - unsigned.len() <= 1 {
        let v = if unsigned == "nan" { f64::NAN } else { f64::INFINITY };
        return Ok(if lower.starts_with('-') { -v } else { v });
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return Err(invalid());
    }
    let bytes = t.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let ok = i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !ok {
                return Err(invalid());
            }
        } else if !(b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')) {
            return Err(invalid());
        }
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().map_err(|_| invalid())
}

/// `float.fromhex(text)`: `[sign] ['0x'] hex-digits ['.' hex-digits] ['p' exponent]`,
/// `inf`, `nan`.
pub fn from_hex(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        let v = if lower == "nan" { f64::NAN } else { f64::INFINITY };
        return Some(if negative { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars() {
        value = value * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        value += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let v = value * 2f64.powi(exponent);
    Some(if negative { -v } else { v })
}

/// `hash(float)`: equal to the int hash for integral values (CPython's rule).
pub fn hash(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.0e18 {
        return super::int::hash_int(&Value::Int(x as i64));
    }
    const MODULUS: u64 = (1 << 61) - 1;
    let (mantissa, exponent) = frexp(x.abs());
    let mut m = mantissa;
    let mut e = exponent;
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    h = ((h << e) & MODULUS) | (h >> (61 - e));
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    if h == -1 { -2 } else { h }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// `round(x, ndigits)` with CPython's correctly rounded decimal semantics.
pub fn round(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 308 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Format with the exact decimal expansion rounded half-even at the digit, then parse.
    if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x);
        text.parse().unwrap_or(x)
    } else {
        let scale = 10f64.powi((-ndigits) as i32);
        let scaled = x / scale;
        let rounded = scaled.round_ties_even();
        rounded * scale
    }
}

/// `round(x)` to an int: half to even.
pub fn round_to_int(x: f64) -> PyResult<Value> {
    super::int::from_f64(x.round_ties_even())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        for (x, text) in [
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e22, "1e+22"),
            (123456789.0 * 1e10, "1.23456789e+18"),
            (-0.0, "-0.0"),
            (2.5, "2.5"),
            (100.0, "100.0"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(repr(x), text, "repr({x:?})");
        }
    }

    #[test]
    fn divmod_follows_the_divisor_sign() {
        assert_eq!(divmod(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(divmod(7.0, -2.0), (-4.0, -1.0));
    }

    #[test]
    fn parse_accepts_python_spellings() {
        assert_eq!(parse(" 1_0.5 ").unwrap(), 10.5);
        assert!(parse("-Infinity").unwrap().is_infinite());
        assert!(parse("1__0").is_err());
        assert!(parse("x").is_err());
    }

    #[test]
    fn hash_of_integral_float_equals_int_hash() {
        assert_eq!(hash(3.0), 3);
        assert_eq!(hash(-1.0), -2);
        assert_eq!(hash(0.5), 1152921504606846976);
    }
}
