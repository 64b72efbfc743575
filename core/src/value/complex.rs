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
            if c == 0.0 && d == 0.0 {
                return Err(Exc::zero_division("complex division by zero"));
            }
            let denom = c * c + d * d;
            value((a * c + b * d) / denom, (b * c - a * d) / denom)
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

/// `(a+bj) ** (c+dj)`.
pub fn pow_value(a: f64, b: f64, c: f64, d: f64) -> PyResult<Value> {
    if c == 0.0 && d == 0.0 {
        return Ok(value(1.0, 0.0));
    }
    if a == 0.0 && b == 0.0 {
        if d != 0.0 || c < 0.0 {
            return Err(Exc::zero_division("0.0 to a negative or complex power"));
        }
        return Ok(value(0.0, 0.0));
    }
    let modulus = a.hypot(b);
    let arg = b.atan2(a);
    let mut len = modulus.powf(c);
    let mut phase = arg * c;
    if d != 0.0 {
        len /= (arg * d).exp();
        phase += d * modulus.ln();
    }
    Ok(value(len * phase.cos(), len * phase.sin()))
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
