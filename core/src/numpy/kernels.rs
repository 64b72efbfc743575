//! Element kernels of the arithmetic ufuncs, one generic trait implemented for the
//! integer, float and complex element types with NumPy's semantics (wrapping
//! integers, Python-style floor division and remainder, IEEE floats).

#![allow(unused_comparisons)]

use half::f16;
use num_complex::{Complex32, Complex64};

use super::error::{NpError, NpResult};
use super::num::Num;

/// The binary operators NumPy arrays support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+` (`np.add`)
    Add,
    /// `-` (`np.subtract`)
    Sub,
    /// `*` (`np.multiply`)
    Mul,
    /// `/` (`np.true_divide`)
    TrueDiv,
    /// `//` (`np.floor_divide`)
    FloorDiv,
    /// `%` (`np.remainder`)
    Mod,
    /// `**` (`np.power`)
    Pow,
    /// `&` (`np.bitwise_and`)
    BitAnd,
    /// `|` (`np.bitwise_or`)
    BitOr,
    /// `^` (`np.bitwise_xor`)
    BitXor,
    /// `<<` (`np.left_shift`)
    LShift,
    /// `>>` (`np.right_shift`)
    RShift,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `np.maximum` (NaN propagates)
    Maximum,
    /// `np.minimum` (NaN propagates)
    Minimum,
}

impl BinOp {
    /// The ufunc's name (`'add'`, `'floor_divide'` ...).
    pub fn ufunc_name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "subtract",
            BinOp::Mul => "multiply",
            BinOp::TrueDiv => "divide",
            BinOp::FloorDiv => "floor_divide",
            BinOp::Mod => "remainder",
            BinOp::Pow => "power",
            BinOp::BitAnd => "bitwise_and",
            BinOp::BitOr => "bitwise_or",
            BinOp::BitXor => "bitwise_xor",
            BinOp::LShift => "left_shift",
            BinOp::RShift => "right_shift",
            BinOp::Eq => "equal",
            BinOp::Ne => "not_equal",
            BinOp::Lt => "less",
            BinOp::Le => "less_equal",
            BinOp::Gt => "greater",
            BinOp::Ge => "greater_equal",
            BinOp::Maximum => "maximum",
            BinOp::Minimum => "minimum",
        }
    }
    /// Whether the operator is a comparison (bool result).
    pub fn is_comparison(self) -> bool {
        matches!(self, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
    }
    /// Whether the operator is bitwise or a shift (integers and bools only).
    pub fn is_bitwise(self) -> bool {
        matches!(self, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift)
    }
}

/// A numeric element type with arithmetic kernels.
pub trait Arith: Num {
    /// `a op b` for the arithmetic and bitwise operators (not comparisons).
    fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self>;
    /// `a op b` for comparisons.
    fn compare(op: BinOp, a: Self, b: Self) -> bool;
    /// `-a`.
    fn neg(a: Self) -> Self;
    /// `abs(a)` in the same type (complex: not used).
    fn abs(a: Self) -> Self;
    /// `~a` (integers only).
    fn invert(a: Self) -> Self;
}

fn not_supported(op: BinOp) -> NpError {
    NpError::type_error(format!(
        "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        op.ufunc_name()
    ))
}

macro_rules! impl_arith_int {
    ($t:ty, $bits:expr, $signed:expr) => {
        impl Arith for $t {
            #[inline(always)]
            fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self> {
                Ok(match op {
                    BinOp::Add => a.wrapping_add(b),
                    BinOp::Sub => a.wrapping_sub(b),
                    BinOp::Mul => a.wrapping_mul(b),
                    BinOp::FloorDiv => {
                        if b == 0 {
                            0
                        } else {
                            let q = a.wrapping_div(b);
                            if $signed && (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
                                q.wrapping_sub(1)
                            } else {
                                q
                            }
                        }
                    }
                    BinOp::Mod => {
                        if b == 0 {
                            0
                        } else {
                            let r = a.wrapping_rem(b);
                            if $signed && r != 0 && ((r < 0) != (b < 0)) {
                                r.wrapping_add(b)
                            } else {
                                r
                            }
                        }
                    }
                    BinOp::Pow => {
                        #[allow(unused_comparisons)]
                        if b < 0 {
                            return Err(NpError::value("Integers to negative integer powers are not allowed."));
                        }
                        let mut result: Self = 1;
                        let mut base = a;
                        let mut e = b as u128;
                        while e > 0 {
                            if e & 1 == 1 {
                                result = result.wrapping_mul(base);
                            }
                            base = base.wrapping_mul(base);
                            e >>= 1;
                        }
                        result
                    }
                    BinOp::BitAnd => a & b,
                    BinOp::BitOr => a | b,
                    BinOp::BitXor => a ^ b,
                    BinOp::LShift => {
                        #[allow(unused_comparisons)]
                        if b < 0 || (b as u128) >= $bits {
                            0
                        } else {
                            a.wrapping_shl(b as u32)
                        }
                    }
                    BinOp::RShift => {
                        #[allow(unused_comparisons)]
                        if b < 0 || (b as u128) >= $bits {
                            #[allow(unused_comparisons)]
                            if a < 0 {
                                (0 as Self).wrapping_sub(1)
                            } else {
                                0
                            }
                        } else {
                            a.wrapping_shr(b as u32)
                        }
                    }
                    BinOp::TrueDiv => return Err(not_supported(op)),
                    _ => return Err(not_supported(op)),
                })
            }
            #[inline(always)]
            fn compare(op: BinOp, a: Self, b: Self) -> bool {
                cmp(op, a.partial_cmp(&b))
            }
            fn neg(a: Self) -> Self {
                (0 as Self).wrapping_sub(a)
            }
            fn abs(a: Self) -> Self {
                #[allow(unused_comparisons)]
                if a < 0 {
                    (0 as Self).wrapping_sub(a)
                } else {
                    a
                }
            }
            fn invert(a: Self) -> Self {
                !a
            }
        }
    };
}

impl_arith_int!(i8, 8, true);
impl_arith_int!(i16, 16, true);
impl_arith_int!(i32, 32, true);
impl_arith_int!(i64, 64, true);
impl_arith_int!(u8, 8, false);
impl_arith_int!(u16, 16, false);
impl_arith_int!(u32, 32, false);
impl_arith_int!(u64, 64, false);

fn cmp(op: BinOp, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    match (op, o) {
        (BinOp::Ne, None) => true,
        (_, None) => false,
        (BinOp::Eq, Some(o)) => o == Equal,
        (BinOp::Ne, Some(o)) => o != Equal,
        (BinOp::Lt, Some(o)) => o == Less,
        (BinOp::Le, Some(o)) => o != Greater,
        (BinOp::Gt, Some(o)) => o == Greater,
        (BinOp::Ge, Some(o)) => o != Less,
        _ => false,
    }
}

/// NumPy's `npy_divmod` for doubles: (floor quotient, remainder).
pub fn divmod_f64(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn divmod_f32(a: f32, b: f32) -> (f32, f32) {
    let mut m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f32.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f32.copysign(a / b)
    };
    (floordiv, m)
}

macro_rules! impl_arith_float {
    ($t:ty, $divmod:ident) => {
        impl Arith for $t {
            #[inline(always)]
            fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self> {
                Ok(match op {
                    BinOp::Add => a + b,
                    BinOp::Sub => a - b,
                    BinOp::Mul => a * b,
                    BinOp::TrueDiv => a / b,
                    BinOp::FloorDiv => $divmod(a, b).0,
                    BinOp::Mod => {
                        if b == 0.0 {
                            a % b
                        } else {
                            $divmod(a, b).1
                        }
                    }
                    BinOp::Pow => a.powf(b),
                    _ => return Err(not_supported(op)),
                })
            }
            #[inline(always)]
            fn compare(op: BinOp, a: Self, b: Self) -> bool {
                cmp(op, a.partial_cmp(&b))
            }
            fn neg(a: Self) -> Self {
                -a
            }
            fn abs(a: Self) -> Self {
                a.abs()
            }
            fn invert(a: Self) -> Self {
                a
            }
        }
    };
}

impl_arith_float!(f64, divmod_f64);
impl_arith_float!(f32, divmod_f32);

impl Arith for f16 {
    #[inline(always)]
    fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self> {
        f32::binary(op, a.to_f32(), b.to_f32()).map(f16::from_f32)
    }
    #[inline(always)]
    fn compare(op: BinOp, a: Self, b: Self) -> bool {
        cmp(op, a.partial_cmp(&b))
    }
    fn neg(a: Self) -> Self {
        -a
    }
    fn abs(a: Self) -> Self {
        f16::from_f32(a.to_f32().abs())
    }
    fn invert(a: Self) -> Self {
        a
    }
}

fn complex_cmp<T: PartialOrd>(op: BinOp, ar: T, ai: T, br: T, bi: T) -> bool {
    // NumPy orders complex numbers lexicographically (real, then imaginary).
    let o = match ar.partial_cmp(&br) {
        Some(std::cmp::Ordering::Equal) => ai.partial_cmp(&bi),
        other => other,
    };
    match op {
        BinOp::Eq => ar == br && ai == bi,
        BinOp::Ne => !(ar == br && ai == bi),
        _ => cmp(op, o),
    }
}

/// NumPy's complex division (Smith's method, as `npy_cdiv` computes it).
macro_rules! smith_div {
    ($a:expr, $b:expr, $t:ty) => {{
        let (in1r, in1i, in2r, in2i) = ($a.re, $a.im, $b.re, $b.im);
        let (in2r_abs, in2i_abs) = (in2r.abs(), in2i.abs());
        if in2r_abs >= in2i_abs {
            if in2r_abs == 0.0 && in2i_abs == 0.0 {
                <$t>::new(in1r / in2r_abs, in1i / in2r_abs)
            } else {
                let rat = in2i / in2r;
                let scl = 1.0 / (in2r + in2i * rat);
                <$t>::new((in1r + in1i * rat) * scl, (in1i - in1r * rat) * scl)
            }
        } else {
            let rat = in2r / in2i;
            let scl = 1.0 / (in2i + in2r * rat);
            <$t>::new((in1r * rat + in1i) * scl, (in1i * rat - in1r) * scl)
        }
    }};
}

/// NumPy's `npy_cpow`: exact small integer powers by repeated multiplication,
/// `exp(b * log(a))` otherwise.
macro_rules! complex_pow {
    ($a:expr, $b:expr, $t:ty) => {{
        let (a, b) = ($a, $b);
        let one = <$t>::new(1.0, 0.0);
        if b.re == 0.0 && b.im == 0.0 {
            one
        } else if a.re == 0.0 && a.im == 0.0 {
            if b.re > 0.0 {
                <$t>::new(0.0, 0.0)
            } else {
                <$t>::new(f64::NAN as _, f64::NAN as _)
            }
        } else if b.im == 0.0 && b.re == b.re.trunc() && (b.re as i64).abs() < 100 {
            let n = b.re as i64;
            match n {
                1 => a,
                2 => a * a,
                3 => a * (a * a),
                _ => {
                    let mut m = n.abs();
                    let mut aa = one;
                    let mut p = a;
                    let mut mask = 1i64;
                    loop {
                        if m & mask != 0 {
                            aa = aa * p;
                        }
                        mask <<= 1;
                        if m < mask || mask <= 0 {
                            break;
                        }
                        p = p * p;
                    }
                    m = 0;
                    let _ = m;
                    if b.re < 0.0 {
                        smith_div!(one, aa, $t)
                    } else {
                        aa
                    }
                }
            }
        } else {
            let z = b * a.ln();
            // C99's cexp: a zero imaginary part stays exact (no inf * 0).
            if z.im == 0.0 {
                <$t>::new(z.re.exp(), z.im)
            } else {
                z.exp()
            }
        }
    }};
}

macro_rules! impl_arith_complex {
    ($t:ty) => {
        impl Arith for $t {
            #[inline(always)]
            fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self> {
                Ok(match op {
                    BinOp::Add => a + b,
                    BinOp::Sub => a - b,
                    // NumPy's SIMD loop: fmaddsub(a_rr, b_ri, a_ii * b_ir).
                    BinOp::Mul => <$t>::new(a.re.mul_add(b.re, -(a.im * b.im)), a.re.mul_add(b.im, a.im * b.re)),
                    BinOp::TrueDiv => smith_div!(a, b, $t),
                    BinOp::Pow => complex_pow!(a, b, $t),
                    _ => return Err(not_supported(op)),
                })
            }
            #[inline(always)]
            fn compare(op: BinOp, a: Self, b: Self) -> bool {
                complex_cmp(op, a.re, a.im, b.re, b.im)
            }
            fn neg(a: Self) -> Self {
                -a
            }
            fn abs(a: Self) -> Self {
                a
            }
            fn invert(a: Self) -> Self {
                a
            }
        }
    };
}

impl_arith_complex!(Complex64);
impl_arith_complex!(Complex32);

impl Arith for bool {
    #[inline(always)]
    fn binary(op: BinOp, a: Self, b: Self) -> NpResult<Self> {
        Ok(match op {
            BinOp::Add | BinOp::BitOr => a | b,
            BinOp::Mul | BinOp::BitAnd => a & b,
            BinOp::BitXor => a ^ b,
            BinOp::Sub => {
                return Err(NpError::type_error(
                    "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
                ))
            }
            _ => return Err(not_supported(op)),
        })
    }
    #[inline(always)]
    fn compare(op: BinOp, a: Self, b: Self) -> bool {
        cmp(op, a.partial_cmp(&b))
    }
    fn neg(a: Self) -> Self {
        a
    }
    fn abs(a: Self) -> Self {
        a
    }
    fn invert(a: Self) -> Self {
        !a
    }
}
