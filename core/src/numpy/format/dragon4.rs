//! NumPy's Dragon4 float formatting (`numpy/_core/src/multiarray/dragon4.c`),
//! transcribed: shortest-unique or exact digits of float16/32/64 values with
//! precision cutoffs, trimming and padding, positional and scientific.

use num_bigint::BigUint;
use num_traits::{One, Zero};

/// A float decomposed as NumPy's Dragon4 sees it.
#[derive(Clone, Copy, Debug)]
pub struct FloatBits {
    /// The integer mantissa (with the implicit bit for normal numbers).
    pub mantissa: u64,
    /// The binary exponent: value = mantissa * 2^exponent.
    pub exponent: i32,
    /// The index of the mantissa's highest set bit.
    pub mantissa_bit: u32,
    /// Whether the lower margin is half the upper one (power-of-two mantissa).
    pub unequal_margins: bool,
    /// The sign bit.
    pub negative: bool,
    /// NaN or infinity (not formatted by Dragon4 itself).
    pub non_finite: bool,
}

impl FloatBits {
    fn from_parts(bits: u64, mant_bits: u32, exp_bits: u32) -> FloatBits {
        let mant_mask = (1u64 << mant_bits) - 1;
        let exp_mask = (1u64 << exp_bits) - 1;
        let bias = (1i32 << (exp_bits - 1)) - 1;
        let float_mantissa = bits & mant_mask;
        let float_exponent = ((bits >> mant_bits) & exp_mask) as i32;
        let negative = (bits >> (mant_bits + exp_bits)) & 1 == 1;
        if float_exponent as u64 == exp_mask {
            return FloatBits {
                mantissa: float_mantissa,
                exponent: 0,
                mantissa_bit: 0,
                unequal_margins: false,
                negative,
                non_finite: true,
            };
        }
        if float_exponent != 0 {
            FloatBits {
                mantissa: (1u64 << mant_bits) | float_mantissa,
                exponent: float_exponent - bias - mant_bits as i32,
                mantissa_bit: mant_bits,
                unequal_margins: float_exponent != 1 && float_mantissa == 0,
                negative,
                non_finite: false,
            }
        } else {
            FloatBits {
                mantissa: float_mantissa,
                exponent: 1 - bias - mant_bits as i32,
                mantissa_bit: if float_mantissa == 0 { 0 } else { 63 - float_mantissa.leading_zeros() },
                unequal_margins: false,
                negative,
                non_finite: false,
            }
        }
    }
    /// The decomposition of a float64.
    pub fn from_f64(x: f64) -> FloatBits {
        Self::from_parts(x.to_bits(), 52, 11)
    }
    /// The decomposition of a float32.
    pub fn from_f32(x: f32) -> FloatBits {
        Self::from_parts(x.to_bits() as u64, 23, 8)
    }
    /// The decomposition of a float16.
    pub fn from_f16(x: half::f16) -> FloatBits {
        Self::from_parts(x.to_bits() as u64, 10, 5)
    }
}

/// How trailing digits are trimmed (`trim=` of `format_float_positional`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trim {
    /// `'k'`: keep trailing zeros and the decimal point.
    None,
    /// `'.'`: trim trailing zeros, keep the decimal point.
    Zeros,
    /// `'0'`: trim all but one zero after the point.
    LeaveOneZero,
    /// `'-'`: trim trailing zeros and the decimal point.
    DptZeros,
}

/// The options of one Dragon4 formatting call (`-1` means "not given" for the
/// integers, as in NumPy).
#[derive(Clone, Copy, Debug)]
pub struct Dragon4Options {
    /// Shortest unique digits (true) or exact digits (false).
    pub unique: bool,
    /// Maximum digits after the point (positional, fractional) or after the first
    /// digit (scientific); -1 for none.
    pub precision: i32,
    /// Minimum digits, -1 for none.
    pub min_digits: i32,
    /// Trimming of trailing zeros.
    pub trim: Trim,
    /// Show `+` on non-negative values.
    pub sign: bool,
    /// Pad with spaces to this many characters left of the point; -1 for none.
    pub pad_left: i32,
    /// Pad with spaces to this many characters right of the point; -1 for none.
    pub pad_right: i32,
    /// Minimum exponent digits (scientific); -1 for the default 2.
    pub exp_digits: i32,
}

impl Default for Dragon4Options {
    fn default() -> Self {
        Dragon4Options {
            unique: true,
            precision: -1,
            min_digits: -1,
            trim: Trim::None,
            sign: false,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        }
    }
}

const BUFFER_SIZE: i32 = 16384;

/// The core digit generator: returns the digits and the exponent of the first one.
fn dragon4(
    bits: &FloatBits,
    unique: bool,
    total_length: bool,
    cutoff_max: i32,
    cutoff_min: i32,
) -> (Vec<u8>, i32) {
    let mantissa = BigUint::from(bits.mantissa);
    if mantissa.is_zero() {
        return (vec![b'0'], 0);
    }
    let exponent = bits.exponent;
    let is_even = bits.mantissa % 2 == 0;
    let mut scaled_value;
    let mut scale;
    let mut margin_low;
    let mut margin_high: Option<BigUint>;
    if bits.unequal_margins {
        if exponent > 0 {
            scaled_value = (&mantissa << (exponent as usize)) << 2usize;
            scale = BigUint::from(4u32);
            margin_low = BigUint::one() << (exponent as usize);
            margin_high = Some(BigUint::one() << ((exponent + 1) as usize));
        } else {
            scaled_value = &mantissa << 2usize;
            scale = BigUint::one() << ((-exponent + 2) as usize);
            margin_low = BigUint::one();
            margin_high = Some(BigUint::from(2u32));
        }
    } else {
        if exponent > 0 {
            scaled_value = (&mantissa << (exponent as usize)) << 1usize;
            scale = BigUint::from(2u32);
            margin_low = BigUint::one() << (exponent as usize);
        } else {
            scaled_value = &mantissa << 1usize;
            scale = BigUint::one() << ((-exponent + 1) as usize);
            margin_low = BigUint::one();
        }
        margin_high = None;
    }
    let mut digit_exponent =
        ((bits.mantissa_bit as i32 + exponent) as f64 * std::f64::consts::LOG10_2 - 0.69).ceil() as i32;
    if cutoff_max >= 0 && !total_length && digit_exponent <= -cutoff_max {
        digit_exponent = -cutoff_max + 1;
    }
    let ten = BigUint::from(10u32);
    if digit_exponent > 0 {
        scale *= ten.pow(digit_exponent as u32);
    } else if digit_exponent < 0 {
        let pow10 = ten.pow((-digit_exponent) as u32);
        scaled_value *= &pow10;
        margin_low *= &pow10;
        if margin_high.is_some() {
            margin_high = Some(&margin_low << 1usize);
        }
    }
    if scaled_value >= scale {
        digit_exponent += 1;
    } else {
        scaled_value *= 10u32;
        margin_low *= 10u32;
        if margin_high.is_some() {
            margin_high = Some(&margin_low << 1usize);
        }
    }
    let mut cutoff_max_exponent = digit_exponent - BUFFER_SIZE;
    if cutoff_max >= 0 {
        let desired = if total_length { digit_exponent - cutoff_max } else { -cutoff_max };
        if desired > cutoff_max_exponent {
            cutoff_max_exponent = desired;
        }
    }
    let mut cutoff_min_exponent = digit_exponent;
    if cutoff_min >= 0 {
        let desired = if total_length { digit_exponent - cutoff_min } else { -cutoff_min };
        if desired < cutoff_min_exponent {
            cutoff_min_exponent = desired;
        }
    }
    let mut out_exponent = digit_exponent - 1;
    let mut digits: Vec<u8> = Vec::with_capacity(20);
    let mut low;
    let mut high;
    let mut output_digit;
    if unique {
        loop {
            digit_exponent -= 1;
            let q = &scaled_value / &scale;
            scaled_value -= &q * &scale;
            output_digit = q.iter_u32_digits().next().unwrap_or(0);
            let mh = margin_high.as_ref().unwrap_or(&margin_low);
            let value_high = &scaled_value + mh;
            if is_even {
                low = scaled_value <= margin_low;
                high = value_high >= scale;
            } else {
                low = scaled_value < margin_low;
                high = value_high > scale;
            }
            if ((low || high) && digit_exponent <= cutoff_min_exponent) || digit_exponent == cutoff_max_exponent {
                break;
            }
            digits.push(b'0' + output_digit as u8);
            scaled_value *= 10u32;
            margin_low *= 10u32;
            if margin_high.is_some() {
                margin_high = Some(&margin_low << 1usize);
            }
        }
    } else {
        low = false;
        high = false;
        loop {
            digit_exponent -= 1;
            let q = &scaled_value / &scale;
            scaled_value -= &q * &scale;
            output_digit = q.iter_u32_digits().next().unwrap_or(0);
            if scaled_value.is_zero() || digit_exponent == cutoff_max_exponent {
                break;
            }
            digits.push(b'0' + output_digit as u8);
            scaled_value *= 10u32;
        }
    }
    let mut round_down = low;
    if low == high {
        scaled_value <<= 1usize;
        round_down = match scaled_value.cmp(&scale) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => output_digit & 1 == 0,
        };
    }
    if round_down {
        digits.push(b'0' + output_digit as u8);
    } else if output_digit == 9 {
        loop {
            match digits.pop() {
                None => {
                    digits.push(b'1');
                    out_exponent += 1;
                    break;
                }
                Some(b'9') => continue,
                Some(d) => {
                    digits.push(d + 1);
                    break;
                }
            }
        }
    } else {
        digits.push(b'0' + output_digit as u8 + 1);
    }
    (digits, out_exponent)
}

/// `np.format_float_positional` on a decomposed finite float.
pub fn positional(bits: &FloatBits, opt: &Dragon4Options) -> String {
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    let has_sign = if bits.negative {
        buf.push(b'-');
        1
    } else if opt.sign {
        buf.push(b'+');
        1
    } else {
        0
    };
    let (digits, print_exponent) = dragon4(bits, opt.unique, false, opt.precision, opt.min_digits);
    let num_digits = digits.len() as i32;
    let num_whole_digits;
    let mut num_fraction_digits = 0i32;
    if print_exponent >= 0 {
        num_whole_digits = print_exponent + 1;
        if num_digits <= num_whole_digits {
            buf.extend_from_slice(&digits);
            for _ in 0..(num_whole_digits - num_digits) {
                buf.push(b'0');
            }
        } else {
            num_fraction_digits = num_digits - num_whole_digits;
            buf.extend_from_slice(&digits[..num_whole_digits as usize]);
            buf.push(b'.');
            buf.extend_from_slice(&digits[num_whole_digits as usize..]);
        }
    } else {
        let zeros = -(print_exponent + 1);
        buf.extend_from_slice(b"0.");
        for _ in 0..zeros {
            buf.push(b'0');
        }
        buf.extend_from_slice(&digits);
        num_fraction_digits = num_digits + zeros;
        num_whole_digits = 1;
    }
    if opt.trim != Trim::DptZeros && num_fraction_digits == 0 {
        buf.push(b'.');
    }
    let add_digits = if opt.unique { opt.min_digits } else { opt.precision };
    let desired_fraction_digits = add_digits.max(0);
    if opt.trim == Trim::LeaveOneZero {
        if num_fraction_digits == 0 {
            buf.push(b'0');
            num_fraction_digits += 1;
        }
    } else if opt.trim == Trim::None && desired_fraction_digits > num_fraction_digits {
        for _ in 0..(desired_fraction_digits - num_fraction_digits) {
            buf.push(b'0');
        }
        num_fraction_digits = desired_fraction_digits;
    }
    if opt.precision >= 0 && opt.trim != Trim::None && num_fraction_digits > 0 {
        while buf.last() == Some(&b'0') {
            buf.pop();
            num_fraction_digits -= 1;
        }
        if buf.last() == Some(&b'.') {
            if opt.trim == Trim::LeaveOneZero {
                buf.push(b'0');
                num_fraction_digits += 1;
            } else if opt.trim == Trim::DptZeros {
                buf.pop();
            }
        }
    }
    if opt.pad_right >= num_fraction_digits {
        let count = opt.pad_right - num_fraction_digits;
        if opt.trim == Trim::DptZeros && num_fraction_digits == 0 {
            buf.push(b' ');
        }
        for _ in 0..count {
            buf.push(b' ');
        }
    }
    let mut out = String::with_capacity(buf.len() + 8);
    if opt.pad_left > num_whole_digits + has_sign {
        for _ in 0..(opt.pad_left - num_whole_digits - has_sign) {
            out.push(' ');
        }
    }
    out.push_str(std::str::from_utf8(&buf).unwrap_or(""));
    out
}

/// `np.format_float_scientific` on a decomposed finite float.
pub fn scientific(bits: &FloatBits, opt: &Dragon4Options) -> String {
    let mut out = String::with_capacity(32);
    let sign = if bits.negative {
        Some('-')
    } else if opt.sign {
        Some('+')
    } else {
        None
    };
    let left_chars = 1 + sign.is_some() as i32;
    if opt.pad_left > left_chars {
        for _ in 0..(opt.pad_left - left_chars) {
            out.push(' ');
        }
    }
    if let Some(s) = sign {
        out.push(s);
    }
    let (digits, print_exponent) = dragon4(
        bits,
        opt.unique,
        true,
        if opt.precision < 0 { -1 } else { opt.precision + 1 },
        if opt.min_digits < 0 { -1 } else { opt.min_digits + 1 },
    );
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    buf.push(digits[0]);
    let mut num_fraction_digits = digits.len() as i32 - 1;
    if num_fraction_digits > 0 {
        buf.push(b'.');
        buf.extend_from_slice(&digits[1..]);
    }
    if opt.trim != Trim::DptZeros && num_fraction_digits == 0 {
        buf.push(b'.');
    }
    let add_digits = (if opt.unique { opt.min_digits } else { opt.precision }).max(0);
    if opt.trim == Trim::LeaveOneZero {
        if num_fraction_digits == 0 {
            buf.push(b'0');
            num_fraction_digits += 1;
        }
    } else if opt.trim == Trim::None && add_digits > num_fraction_digits {
        for _ in 0..(add_digits - num_fraction_digits) {
            buf.push(b'0');
        }
        num_fraction_digits = add_digits;
    }
    if opt.precision >= 0 && opt.trim != Trim::None && num_fraction_digits > 0 {
        while buf.last() == Some(&b'0') {
            buf.pop();
        }
        if opt.trim == Trim::LeaveOneZero && buf.last() == Some(&b'.') {
            buf.push(b'0');
        }
    }
    out.push_str(std::str::from_utf8(&buf).unwrap_or(""));
    let exp_digits = if opt.exp_digits < 0 { 2 } else { opt.exp_digits.min(5) } as usize;
    out.push('e');
    out.push(if print_exponent >= 0 { '+' } else { '-' });
    out.push_str(&format!("{:0width$}", print_exponent.unsigned_abs(), width = exp_digits));
    out
}
