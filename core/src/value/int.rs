//! Python ints: unbounded, with an i64 fast path that overflows into BigInt, and the
//! numeric tower's binary operations between bools, ints and floats.

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::exception::{Exc, ExcKind, PyResult};
use super::float;
use super::Value;
use crate::syntax::ast::BinOp;

/// CPython 3.11's default limit on int <-> str conversion (`sys.set_int_max_str_digits`).
pub const MAX_STR_DIGITS: usize = 4300;

/// The value as a BigInt if it is an int or a bool.
pub fn to_bigint(value: &Value) -> Option<BigInt> {
    match value {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

/// The value as an i64 if it is an int (or bool) that fits.
pub fn to_i64(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => b.to_i64(),
        _ => None,
    }
}

/// Whether the value is an int or a bool.
pub fn is_int(value: &Value) -> bool {
    matches!(value, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// `repr(int)`, refusing more than 4300 digits as CPython 3.11 does.
pub fn repr_bigint(n: &BigInt) -> PyResult<String> {
    let text = n.to_string();
    let digits = text.trim_start_matches('-').len();
    if digits > MAX_STR_DIGITS {
        return Err(Exc::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(text)
}

/// `float(int)`: exact when representable, correctly rounded otherwise, and
/// OverflowError beyond the float range.
pub fn bigint_to_f64(n: &BigInt) -> PyResult<f64> {
    match n.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(Exc::overflow("int too large to convert to float")),
    }
}

fn int_to_f64(value: &Value) -> PyResult<f64> {
    match value {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => bigint_to_f64(b),
        Value::Float(x) => Ok(*x),
        _ => Err(Exc::type_error("must be real number")),
    }
}

/// Decimal digits of an i64, formatted on the stack.
pub struct SmallDecimal {
    buf: [u8; 20],
    start: usize,
}

impl SmallDecimal {
    /// The text.
    pub fn as_str(&self) -> &str {
        // SAFETY: `format_i64` writes only ASCII digits and '-' from `start` on.
        unsafe { std::str::from_utf8_unchecked(&self.buf[self.start..]) }
    }
}

/// `str(i)` for an i64 without a heap allocation.
pub fn format_i64(value: i64) -> SmallDecimal {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = value.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    SmallDecimal { buf, start: i }
}

/// The numeric binary operators between bools, ints and floats: `None` when the
/// operands are not both of those (the caller tries other types, then raises).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let numeric = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_));
    if !numeric(a) || !numeric(b) {
        return None;
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::MatMul) {
            return None;
        }
        let (x, y) = match (int_to_f64(a), int_to_f64(b)) {
            (Ok(x), Ok(y)) => (x, y),
            (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
        };
        return Some(float::binary(op, x, y));
    }
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        if let Some(result) = small_binary(op, x, y) {
            return Some(result);
        }
    }
    let (Some(x), Some(y)) = (to_bigint(a), to_bigint(b)) else { return None };
    Some(big_binary(op, &x, &y))
}

fn small(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// i64 fast path; `None` when the result needs a BigInt (or the op is not handled).
fn small_binary(op: BinOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    let int = |v: Option<i64>| v.map(|v| Ok(Value::Int(v)));
    match op {
        BinOp::Add => int(x.checked_add(y)),
        BinOp::Sub => int(x.checked_sub(y)),
        BinOp::Mul => int(x.checked_mul(y)),
        BinOp::FloorDiv => {
            if y == 0 {
                return Some(Err(Exc::zero_division("integer division or modulo by zero")));
            }
            int(floor_div(x, y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Some(Err(Exc::zero_division("integer modulo by zero")));
            }
            int(floor_mod(x, y))
        }
        BinOp::Div => Some(true_div_i64(x, y)),
        BinOp::BitAnd => int(Some(x & y)),
        BinOp::BitOr => int(Some(x | y)),
        BinOp::BitXor => int(Some(x ^ y)),
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(Exc::value_error("negative shift count")));
            }
            if y < 63 && x.unsigned_abs().leading_zeros() as i64 > y + 1 {
                int(Some(x << y))
            } else if x == 0 {
                int(Some(0))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(Exc::value_error("negative shift count")));
            }
            int(Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }))
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Some(Err(Exc::zero_division("0.0 cannot be raised to a negative power")));
                }
                return Some(float::binary(BinOp::Pow, x as f64, y as f64));
            }
            let exp = u32::try_from(y).ok()?;
            int(x.checked_pow(exp))
        }
        BinOp::MatMul => None,
    }
}

fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    Some(if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q })
}

fn floor_mod(x: i64, y: i64) -> Option<i64> {
    let r = x.checked_rem(y)?;
    Some(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
}

fn true_div_i64(x: i64, y: i64) -> PyResult<Value> {
    if y == 0 {
        return Err(Exc::zero_division("division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if x.abs() <= EXACT && y.abs() <= EXACT {
        return Ok(Value::Float(x as f64 / y as f64));
    }
    big_true_div(&BigInt::from(x), &BigInt::from(y))
}

/// Correctly rounded int / int, as CPython computes it.
fn big_true_div(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(Exc::zero_division("division by zero"));
    }
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let (a, b) = (x.abs(), y.abs());
    // Scale so the quotient has 55+ significant bits, then round half to even once.
    let shift = 55i64 + b.bits() as i64 - a.bits() as i64;
    let (num, den) = if shift >= 0 { (&a << shift as usize, b.clone()) } else { (a.clone(), &b << (-shift) as usize) };
    let (q, r) = (&num / &den, &num % &den);
    let mut q = q.to_u128().unwrap_or(0);
    if !r.is_zero() {
        q |= 1; // sticky bit for correct rounding
    }
    let magnitude = (q as f64) * 2f64.powi(-(shift as i32));
    if !magnitude.is_finite() {
        return Err(Exc::overflow("integer division result too large for a float"));
    }
    Ok(Value::Float(if negative { -magnitude } else { magnitude }))
}

fn big_binary(op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => Value::from_bigint(x + y),
        BinOp::Sub => Value::from_bigint(x - y),
        BinOp::Mul => Value::from_bigint(x * y),
        BinOp::FloorDiv | BinOp::Mod => {
            if y.is_zero() {
                return Err(Exc::zero_division(if op == BinOp::Mod {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                }));
            }
            let (q, r) = big_divmod(x, y);
            Value::from_bigint(if op == BinOp::Mod { r } else { q })
        }
        BinOp::Div => return big_true_div(x, y),
        BinOp::BitAnd => Value::from_bigint(x & y),
        BinOp::BitOr => Value::from_bigint(x | y),
        BinOp::BitXor => Value::from_bigint(x ^ y),
        BinOp::LShift | BinOp::RShift => {
            if y.is_negative() {
                return Err(Exc::value_error("negative shift count"));
            }
            let Some(shift) = y.to_usize().filter(|s| *s <= 1 << 32) else {
                if op == BinOp::RShift {
                    return Ok(Value::Int(if x.is_negative() { -1 } else { 0 }));
                }
                return Err(Exc::overflow("too many digits in integer"));
            };
            if op == BinOp::LShift {
                Value::from_bigint(x << shift)
            } else {
                Value::from_bigint(x >> shift)
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Err(Exc::zero_division("0.0 cannot be raised to a negative power"));
                }
                return float::binary(BinOp::Pow, bigint_to_f64(x)?, bigint_to_f64(y)?);
            }
            let Some(exp) = y.to_u32() else {
                if x.is_zero() || x.is_one() {
                    return Ok(Value::from_bigint(x.clone()));
                }
                return Err(Exc::new(ExcKind::MemoryError, ""));
            };
            if x.bits().saturating_mul(exp as u64) > 64 * 1024 * 1024 * 8 {
                return Err(Exc::new(ExcKind::MemoryError, ""));
            }
            Value::from_bigint(x.pow(exp))
        }
        BinOp::MatMul => {
            return Err(Exc::type_error("unsupported operand type(s) for @: 'int' and 'int'"));
        }
    })
}

/// Python's floor division and modulo for BigInts (remainder takes the divisor's sign).
pub fn big_divmod(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    let (q, r) = (x / y, x % y);
    if !r.is_zero() && (r.is_negative() != y.is_negative()) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

/// `hash(int)`: the value modulo 2**61 - 1, with -1 mapped to -2 (CPython's rule).
pub fn hash_int(value: &Value) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let reduced = match value {
        // Most ints are their own hash: no division.
        Value::Int(i) if i.unsigned_abs() < MODULUS as u64 => *i,
        Value::Int(i) => {
            let r = (i.unsigned_abs() % MODULUS as u64) as i64;
            if *i < 0 { -r } else { r }
        }
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            let r = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
            if b.is_negative() { -r } else { r }
        }
        _ => 0,
    };
    if reduced == -1 { -2 } else { reduced }
}

/// Parses `int(text, base)` with Python's rules (whitespace, sign, underscores between
/// digits, `0x`/`0o`/`0b` prefixes, base 0 meaning "from the prefix").
pub fn parse_int(text: &str, base: u32) -> PyResult<Value> {
    let invalid = || Exc::value_error(format!("invalid literal for int() with base {base}: {}", super::str::repr(text)));
    let trimmed = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &body[2..]),
        (0 | 8, Some("0o")) => (8, &body[2..]),
        (0 | 2, Some("0b")) => (2, &body[2..]),
        (0, _) => {
            if body.len() > 1 && body.starts_with('0') && body.trim_start_matches(['0', '_']).is_empty() {
                (10, body)
            } else if body.len() > 1 && body.starts_with('0') {
                return Err(invalid());
            } else {
                (10, body)
            }
        }
        (b, _) => (b, body),
    };
    let digits = digits.strip_prefix('_').filter(|_| radix != 10 || base == 0).unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(invalid());
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if radix == 10 && clean.len() > MAX_STR_DIGITS {
        return Err(Exc::value_error(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let Some(n) = BigInt::parse_bytes(clean.as_bytes(), radix) else { return Err(invalid()) };
    Ok(Value::from_bigint(if negative { -n } else { n }))
}

/// `int(x)` of a float: truncation, with CPython's errors for inf and nan.
pub fn from_f64(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(Exc::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Exc::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_bigint(float_to_bigint(t)))
    }
}

fn float_to_bigint(x: f64) -> BigInt {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let magnitude = if exponent >= 0 {
        BigInt::from(mantissa) << exponent as usize
    } else {
        // Shifting by 64 or more (zero, fractions) leaves nothing.
        BigInt::from(mantissa.checked_shr((-exponent).min(64) as u32).unwrap_or(0))
    };
    if x < 0.0 { -magnitude } else { magnitude }
}

/// Exact comparison of an int with a float (`2**53 + 1 == 2.0**53` is False).
pub fn compare_int_float(n: &Value, x: f64) -> Option<std::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let big = to_bigint(n)?;
    let floor = float_to_bigint(x.floor());
    match big.cmp(&floor) {
        std::cmp::Ordering::Equal if x.fract() != 0.0 => Some(std::cmp::Ordering::Less),
        other => Some(other),
    }
}

/// `pow(base, exp, mod)` for ints.
pub fn pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> PyResult<Value> {
    if modulus.is_zero() {
        return Err(Exc::value_error("pow() 3rd argument cannot be 0"));
    }
    let (base, exp) = if exp.is_negative() {
        let inverse = mod_inverse(base, modulus).ok_or_else(|| Exc::value_error("base is not invertible for the given modulus"))?;
        (inverse, -exp)
    } else {
        (base.clone(), exp.clone())
    };
    let result = base.modpow(&exp, &modulus.abs());
    let result = if modulus.is_negative() && !result.is_zero() { result + modulus } else { result };
    Ok(Value::from_bigint(result))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let (mut t, mut new_t) = (BigInt::zero(), BigInt::one());
    let (mut r, mut new_r) = (m.clone(), big_divmod(a, &m).1);
    while !new_r.is_zero() {
        let q = &r / &new_r;
        (t, new_t) = (new_t.clone(), t - &q * new_t);
        (r, new_r) = (new_r.clone(), r - q * new_r);
    }
    if r > BigInt::one() {
        return None;
    }
    Some(if t.is_negative() { t + m } else { t })
}
