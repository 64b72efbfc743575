//! Shortest round-trip float text as Python and NumPy scalars show it:
//! `repr(0.1)`, `np.float32(0.1)`, `(1+2j)`.

use super::dragon4::{positional, scientific, Dragon4Options, FloatBits, Trim};

/// Python's `repr(float)` (also `str(np.float64(x))`): shortest round-trip digits,
/// positional for 1e-4 <= |x| < 1e16 (`1.0`, `0.0001`), scientific otherwise
/// (`1e+16`, `1e-05`).
pub fn repr(x: f64) -> String {
    typed_repr(FloatBits::from_f64(x), 16)
}

/// The `str` of a NumPy float scalar of any width: positional when
/// 1e-4 <= |x| < 10^`max_exp` (float16: 3, float32: 6, float64: 16), else scientific.
pub fn typed_repr(bits: FloatBits, max_exp: i32) -> String {
    either(bits, max_exp, Trim::LeaveOneZero, Trim::DptZeros, false)
}

fn non_finite(bits: &FloatBits, sign: bool) -> String {
    let text = if bits.mantissa != 0 {
        "nan"
    } else if bits.negative {
        "-inf"
    } else {
        "inf"
    };
    if sign && !text.starts_with('-') {
        format!("+{text}")
    } else {
        text.to_string()
    }
}

fn abs_value(bits: &FloatBits) -> f64 {
    let half = bits.exponent / 2;
    bits.mantissa as f64 * 2f64.powi(half) * 2f64.powi(bits.exponent - half)
}

fn either(bits: FloatBits, max_exp: i32, trim_pos: Trim, trim_sci: Trim, sign: bool) -> String {
    if bits.non_finite {
        return non_finite(&bits, sign);
    }
    let abs = abs_value(&bits);
    let opt = Dragon4Options { sign, ..Default::default() };
    if abs == 0.0 || (1e-4..10f64.powi(max_exp)).contains(&abs) {
        positional(&bits, &Dragon4Options { trim: trim_pos, ..opt })
    } else {
        scientific(&bits, &Dragon4Options { trim: trim_sci, ..opt })
    }
}

/// Python's `repr(complex)` (and `str(np.complex128)`): `(1+2j)`, `2j`, `(-0+0j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    complex_repr_typed(FloatBits::from_f64(re), FloatBits::from_f64(im), 16)
}

/// The `str` of a complex scalar whose parts are decomposed floats of the given
/// width (`max_exp` as in [`typed_repr`]).
pub fn complex_repr_typed(re: FloatBits, im: FloatBits, max_exp: i32) -> String {
    let re_zero = !re.non_finite && re.mantissa == 0;
    if re_zero && !re.negative {
        let i = either(im, max_exp, Trim::DptZeros, Trim::DptZeros, false);
        return format!("{i}j");
    }
    let r = either(re, max_exp, Trim::DptZeros, Trim::DptZeros, false);
    let i = either(im, max_exp, Trim::DptZeros, Trim::DptZeros, true);
    format!("({r}{i}j)")
}
