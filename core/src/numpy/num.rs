//! The numeric element types and the casts between them, with NumPy's (C's, on
//! x86-64) conversion results, out-of-range float-to-int casts included.

use std::fmt::Debug;

use half::f16;
use num_complex::{Complex32, Complex64};

use super::dtype::{DType, Kind};
use super::scalar::Scalar;
use super::storage::Elem;

/// A numeric value in a type wide enough for any element: the common currency of
/// casts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumVal {
    /// A bool.
    Bool(bool),
    /// Any integer (int64 and uint64 both fit).
    Int(i128),
    /// Any real float (float16 and float32 widen exactly).
    Float(f64),
    /// Any complex.
    Complex(Complex64),
}

impl NumVal {
    /// As float64 (complex: the real part).
    pub fn as_f64(self) -> f64 {
        match self {
            NumVal::Bool(b) => b as u8 as f64,
            // Through i64 when it fits: the same rounding, without the slow i128 path.
            NumVal::Int(i) => match i64::try_from(i) {
                Ok(small) => small as f64,
                Err(_) => i as f64,
            },
            NumVal::Float(f) => f,
            NumVal::Complex(c) => c.re,
        }
    }
    /// As complex128.
    pub fn as_c128(self) -> Complex64 {
        match self {
            NumVal::Complex(c) => c,
            v => Complex64::new(v.as_f64(), 0.0),
        }
    }
    /// Truthiness (`nan` is true).
    pub fn truthy(self) -> bool {
        match self {
            NumVal::Bool(b) => b,
            NumVal::Int(i) => i != 0,
            NumVal::Float(f) => f != 0.0,
            NumVal::Complex(c) => c.re != 0.0 || c.im != 0.0,
        }
    }
    /// As an integer by C-cast rules to int64 (floats truncate; nan and
    /// out-of-range give i64::MIN).
    pub fn as_i64(self) -> i64 {
        match self {
            NumVal::Bool(b) => b as i64,
            NumVal::Int(i) => i as i64,
            NumVal::Float(f) => cvt_i64(f),
            NumVal::Complex(c) => cvt_i64(c.re),
        }
    }
}

/// 2^63 as a float.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

fn cvt_i64(f: f64) -> i64 {
    if f.is_nan() || !(-TWO_63..TWO_63).contains(&f) {
        super::fpflags::raise_invalid();
        i64::MIN
    } else {
        f as i64
    }
}

fn cvt_i32(f: f64) -> i32 {
    if f.is_nan() || f >= 2_147_483_648.0 || f <= -2_147_483_649.0 {
        super::fpflags::raise_invalid();
        i32::MIN
    } else {
        f as i32
    }
}

fn cvt_u32(f: f64) -> u32 {
    if (2_147_483_648.0..4_294_967_296.0).contains(&f) {
        (cvt_i32(f - 2_147_483_648.0) as u32) ^ 0x8000_0000
    } else if f > -4_294_967_296.0 {
        cvt_i64(f) as u32
    } else {
        0x8000_0000
    }
}

fn cvt_u64(f: f64) -> u64 {
    if f >= TWO_63 {
        (cvt_i64(f - TWO_63) as u64) ^ (1u64 << 63)
    } else {
        cvt_i64(f) as u64
    }
}

/// A numeric element type (bool, integers, floats, complex).
pub trait Num: Elem + Copy + Debug + Default + PartialEq {
    /// The dtype kind of this element type.
    fn kind() -> Kind;
    /// Widens to a [`NumVal`].
    fn to_num(self) -> NumVal;
    /// Converts from a [`NumVal`] as NumPy's `astype(casting='unsafe')` does.
    fn from_num(v: NumVal) -> Self;
    /// The NumPy scalar holding this value.
    fn to_scalar(self) -> Scalar;
    /// The dtype of this element type.
    fn dtype() -> DType {
        DType::new(Self::kind())
    }
}

macro_rules! impl_num_int {
    ($t:ty, $kind:ident, $scalar:ident, $from_float:expr) => {
        impl Num for $t {
            fn kind() -> Kind {
                Kind::$kind
            }
            #[inline]
            fn to_num(self) -> NumVal {
                NumVal::Int(self as i128)
            }
            #[inline]
            fn from_num(v: NumVal) -> Self {
                let from_float: fn(f64) -> $t = $from_float;
                match v {
                    NumVal::Bool(b) => b as $t,
                    NumVal::Int(i) => i as $t,
                    NumVal::Float(f) => from_float(f),
                    NumVal::Complex(c) => from_float(c.re),
                }
            }
            fn to_scalar(self) -> Scalar {
                Scalar::$scalar(self)
            }
        }
    };
}

impl_num_int!(i8, Int8, I8, |f| cvt_i32(f) as i8);
impl_num_int!(i16, Int16, I16, |f| cvt_i32(f) as i16);
impl_num_int!(i32, Int32, I32, cvt_i32);
impl_num_int!(i64, Int64, I64, cvt_i64);
impl_num_int!(u8, UInt8, U8, |f| cvt_i32(f) as u8);
impl_num_int!(u16, UInt16, U16, |f| cvt_i32(f) as u16);
impl_num_int!(u32, UInt32, U32, cvt_u32);
impl_num_int!(u64, UInt64, U64, cvt_u64);

impl Num for bool {
    fn kind() -> Kind {
        Kind::Bool
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Bool(self)
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        v.truthy()
    }
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self)
    }
}

impl Num for f64 {
    fn kind() -> Kind {
        Kind::Float64
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Float(self)
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        v.as_f64()
    }
    fn to_scalar(self) -> Scalar {
        Scalar::F64(self)
    }
}

impl Num for f32 {
    fn kind() -> Kind {
        Kind::Float32
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Float(self as f64)
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        match v {
            NumVal::Int(i) => match i64::try_from(i) {
                Ok(small) => small as f32,
                Err(_) => i as f32,
            },
            v => v.as_f64() as f32,
        }
    }
    fn to_scalar(self) -> Scalar {
        Scalar::F32(self)
    }
}

impl Num for f16 {
    fn kind() -> Kind {
        Kind::Float16
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Float(self.to_f64())
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        f64_to_f16(v.as_f64())
    }
    fn to_scalar(self) -> Scalar {
        Scalar::F16(self)
    }
}

impl Num for Complex64 {
    fn kind() -> Kind {
        Kind::Complex128
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Complex(self)
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        v.as_c128()
    }
    fn to_scalar(self) -> Scalar {
        Scalar::C128(self)
    }
}

impl Num for Complex32 {
    fn kind() -> Kind {
        Kind::Complex64
    }
    #[inline]
    fn to_num(self) -> NumVal {
        NumVal::Complex(Complex64::new(self.re as f64, self.im as f64))
    }
    #[inline]
    fn from_num(v: NumVal) -> Self {
        match v {
            NumVal::Int(i) => Complex32::new(i as f32, 0.0),
            v => {
                let c = v.as_c128();
                Complex32::new(c.re as f32, c.im as f32)
            }
        }
    }
    fn to_scalar(self) -> Scalar {
        Scalar::C64(self)
    }
}

/// float64 to float16 with one correct rounding (half-to-even), as NumPy's
/// `npy_double_to_half` (the `half` crate's `from_f64` rounds twice, via float32).
pub fn f64_to_f16(x: f64) -> f16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let man = bits & 0x000f_ffff_ffff_ffff;
    if exp == 0x7ff {
        return f16::from_bits(if man != 0 { sign | 0x7e00 | ((man >> 42) as u16 & 0x3ff) } else { sign | 0x7c00 });
    }
    if exp == 0 {
        // Zero or a float64 subnormal: far below float16's range.
        return f16::from_bits(sign);
    }
    let e = exp - 1023;
    if e > 15 {
        return f16::from_bits(sign | 0x7c00);
    }
    let m = (1u64 << 52) | man;
    let shift: u32 = if e >= -14 { 42 } else { (42 + (-14 - e)) as u32 };
    if shift >= 64 {
        return f16::from_bits(sign);
    }
    let mut q = m >> shift;
    let rem = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && q & 1 == 1) {
        q += 1;
    }
    if e >= -14 {
        let mut biased = (e + 15) as u16;
        if q == 1 << 11 {
            q >>= 1;
            biased += 1;
        }
        if biased >= 31 {
            return f16::from_bits(sign | 0x7c00);
        }
        f16::from_bits(sign | (biased << 10) | (q as u16 & 0x3ff))
    } else {
        f16::from_bits(sign | q as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every float16 value, the midpoints between neighbours and points just off
    /// them convert as exact rounding says (checked against the exact f64 values).
    #[test]
    fn f64_to_f16_rounds_once() {
        for b in 0u16..0x7c00 {
            let x = f16::from_bits(b).to_f64();
            assert_eq!(f64_to_f16(x).to_bits(), b);
            assert_eq!(f64_to_f16(-x).to_bits(), b | 0x8000);
            let next = f16::from_bits(b + 1).to_f64();
            let mid = (x + next) / 2.0;
            let even = if b & 1 == 0 { b } else { b + 1 };
            if b + 1 < 0x7c00 {
                assert_eq!(f64_to_f16(mid).to_bits(), even, "midpoint above {b:#x}");
                assert_eq!(f64_to_f16(mid * (1.0 + 1e-15)).to_bits(), b + 1);
                assert_eq!(f64_to_f16(mid * (1.0 - 1e-15)).to_bits(), b);
            }
        }
        // half's from_f32 (used by the float16 kernels) rounds once too.
        let mut x = 1u32;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let f = f32::from_bits(x);
            if f.is_finite() {
                assert_eq!(f16::from_f32(f).to_bits(), f64_to_f16(f as f64).to_bits(), "{f:e}");
            }
        }
        assert_eq!(f64_to_f16(65520.0).to_bits(), 0x7c00);
        assert_eq!(f64_to_f16(65519.99).to_bits(), 0x7bff);
        assert!(f64_to_f16(f64::NAN).is_nan());
    }
}
