//! Python complex numbers.

use std::any::Any;
use std::rc::Rc;

use super::exception::{Exc, PyResult};
use super::float;
use super::object::PyObject;
use super::types::{builtin, TypeObject};
use super::Value;
use crate::eval::Interp;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// A complex value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

/// A complex value as a `Value`.
pub fn value(re: f64, im: f64) -> Value {
    Value::object(Complex { re, im })
}

/// The parts of a complex-compatible value (complex, float, int, bool).
pub fn parts(value: &Value) -> Option<(f64, f64)> {
    match value {
        Value::Object(_) => value.downcast::<Complex>().map(|c| (c.re, c.im)),
        Value::Float(x) => Some((*x, 0.0)),
        Value::Int(i) => Some((*i as f64, 0.0)),
        Value::Bool(b) => Some((*b as i64 as f64, 0.0)),
        Value::BigInt(b) => super::int::bigint_to_f64(b).ok().map(|x| (x, 0.0)),
        _ => None,
    }
}

/// A float part as complex repr shows it: like float repr, without `.0`.
fn part(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let (digits, decpt) = float::shortest_digits(x);
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}{}", float::layout(&digits, decpt, false))
}

/// `repr(complex)`.
pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let imag = part(im);
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part(re))
}

/// Complex arithmetic.
pub fn binary(op: BinOp, (a, b): (f64, f64), (c, d): (f64, f64)) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => value(a + c, b + d),
        BinOp::Sub => value(a - c, b - d),
        BinOp::Mul => value(a * c - b * d, a * d + b * c),
        BinOp::Div => {
            let (re, im) = quotient((a, b), (c, d)).ok_or_else(|| Exc::zero_division("complex division by zero"))?;
            value(re, im)
        }
        BinOp::Pow => return pow_value(a, b, c, d),
        _ => {
            return Err(Exc::type_error(format!(
                "unsupported operand type(s) for {}: 'complex' and 'complex'",
                op.symbol()
            )))
        }
    })
}

/// `_Py_c_prod`.
fn product((a, b): (f64, f64), (c, d): (f64, f64)) -> (f64, f64) {
    (a * c - b * d, a * d + b * c)
}

/// `_Py_c_quot`: Smith's scaled division, as CPython computes it; `None` when dividing
/// by zero.
fn quotient((a, b): (f64, f64), (c, d): (f64, f64)) -> Option<(f64, f64)> {
    let (abs_c, abs_d) = (c.abs(), d.abs());
    if abs_c >= abs_d {
        if abs_c == 0.0 {
            return None;
        }
        let ratio = d / c;
        let denom = c + d * ratio;
        Some(((a + b * ratio) / denom, (b - a * ratio) / denom))
    } else if abs_d >= abs_c {
        let ratio = c / d;
        let denom = c * ratio + d;
        Some(((a * ratio + b) / denom, (b * ratio - a) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `c_powu`: `x ** n` by repeated squaring.
fn power_unsigned(x: (f64, f64), n: i64) -> (f64, f64) {
    let (mut r, mut p) = ((1.0, 0.0), x);
    let mut mask = 1i64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = product(r, p);
        }
        mask <<= 1;
        p = product(p, p);
    }
    r
}

/// `(a+bj) ** (c+dj)` as CPython's `complex_pow`: small integral exponents by
/// repeated multiplication, others through polar form.
pub fn pow_value(a: f64, b: f64, c: f64, d: f64) -> PyResult<Value> {
    let zero_power = || Exc::zero_division("0.0 to a negative or complex power");
    let (re, im) = if d == 0.0 && c == c.floor() && c.abs() <= 100.0 {
        let n = c as i64;
        if n >= 0 {
            power_unsigned((a, b), n)
        } else {
            quotient((1.0, 0.0), power_unsigned((a, b), -n)).ok_or_else(zero_power)?
        }
    } else if c == 0.0 && d == 0.0 {
        (1.0, 0.0)
    } else if a == 0.0 && b == 0.0 {
        if d != 0.0 || c < 0.0 {
            return Err(zero_power());
        }
        (0.0, 0.0)
    } else {
        let modulus = a.hypot(b);
        let arg = b.atan2(a);
        let mut len = modulus.powf(c);
        let mut phase = arg * c;
        if d != 0.0 {
            len /= (arg * d).exp();
            phase += d * modulus.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if re.is_infinite() || im.is_infinite() {
        if a.is_finite() && b.is_finite() {
            return Err(Exc::overflow("complex exponentiation"));
        }
    }
    Ok(value(re, im))
}

/// `complex(text)`: CPython's parser of `"1+2j"`, `"(3-4J)"`, `" 5e1 "`, `"j"`.
pub fn parse(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    // Split into at most two signed numbers: the second starts at a sign that does
    // not follow an exponent marker.
    let bytes = s.as_bytes();
    let mut split = None;
    for i in 1..bytes.len() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let number = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => float::parse(t).ok(),
        }
    };
    match split {
        Some(i) => {
            let (re, im) = (&s[..i], &s[i..]);
            let im = im.strip_suffix(['j', 'J'])?;
            if re.ends_with(['j', 'J']) {
                return None;
            }
            Some((float::parse(re).ok()?, number(im)?))
        }
        None => match s.strip_suffix(['j', 'J']) {
            Some(im) => Some((0.0, number(im)?)),
            None => Some((float::parse(s).ok()?, 0.0)),
        },
    }
}

impl PyObject for Complex {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| t.complex.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(repr(self.re, self.im))
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "real" => Some(Value::Float(self.re)),
            "conjugate" => Some(crate::value::function::NativeMethod::value(_this, "conjugate", |_vm, this, _name, args| {
                crate::value::function::check_arity("conjugate", &args, 0, 0)?;
                let (re, im) = parts(this).unwrap_or((0.0, 0.0));
                Ok(value(re, -im))
            })),
            "imag" => Some(Value::Float(self.im)),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        vec!["conjugate".into(), "imag".into(), "real".into()]
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.re != 0.0 || self.im != 0.0))
    }

    fn binary_op(&self, _vm: &mut Interp, _this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let Some(other) = parts(other) else { return Ok(None) };
        let me = (self.re, self.im);
        let (left, right) = if reflected { (other, me) } else { (me, other) };
        binary(op, left, right).map(Some)
    }

    fn unary_op(&self, _vm: &mut Interp, _this: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        Ok(match op {
            UnaryOp::Neg => Some(value(-self.re, -self.im)),
            UnaryOp::Pos => Some(value(self.re, self.im)),
            UnaryOp::Not => Some(Value::Bool(self.re == 0.0 && self.im == 0.0)),
            UnaryOp::Invert => None,
        })
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some((re, im)) = parts(other) else { return Ok(None) };
        let equal = self.re == re && self.im == im;
        Ok(match op {
            CmpOp::Eq => Some(Value::Bool(equal)),
            CmpOp::NotEq => Some(Value::Bool(!equal)),
            _ => None,
        })
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        let h = float::hash(self.re).wrapping_add(float::hash(self.im).wrapping_mul(1000003));
        Some(if h == -1 { -2 } else { h })
    }
}
