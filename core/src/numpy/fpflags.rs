//! The processor's floating-point exception flags, as NumPy reads them after a ufunc
//! loop: cleared before an operation, tested once after it (no per-element cost).

use std::os::raw::c_int;

extern "C" {
    fn feclearexcept(excepts: c_int) -> c_int;
    fn fetestexcept(excepts: c_int) -> c_int;
}

#[cfg(target_arch = "x86_64")]
mod bits {
    pub const INVALID: i32 = 0x01;
    pub const DIVIDE: i32 = 0x04;
    pub const OVERFLOW: i32 = 0x08;
    pub const UNDERFLOW: i32 = 0x10;
}

#[cfg(not(target_arch = "x86_64"))]
mod bits {
    pub const INVALID: i32 = 0x01;
    pub const DIVIDE: i32 = 0x02;
    pub const OVERFLOW: i32 = 0x04;
    pub const UNDERFLOW: i32 = 0x08;
}

const ALL: c_int = bits::INVALID | bits::DIVIDE | bits::OVERFLOW | bits::UNDERFLOW;

/// Which floating-point errors an operation raised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FpErrors {
    /// Division by zero (a finite number over zero, `log(0)`).
    pub divide: bool,
    /// A finite result too large to represent.
    pub over: bool,
    /// A result too small to represent in full precision.
    pub under: bool,
    /// An invalid operation (`0/0`, `inf - inf`, `sqrt(-1)`).
    pub invalid: bool,
}

impl FpErrors {
    /// Whether any error was raised.
    pub fn any(&self) -> bool {
        self.divide || self.over || self.under || self.invalid
    }
}

/// Clears the flags before an operation.
pub fn clear() {
    // SAFETY: C99 <fenv.h> functions from the C library; they only touch this
    // thread's floating-point status register.
    unsafe {
        feclearexcept(ALL);
    }
}

/// The flags raised since [`clear`].
pub fn test() -> FpErrors {
    // SAFETY: see `clear`.
    let raised = unsafe { fetestexcept(ALL) };
    FpErrors {
        divide: raised & bits::DIVIDE != 0,
        over: raised & bits::OVERFLOW != 0,
        under: raised & bits::UNDERFLOW != 0,
        invalid: raised & bits::INVALID != 0,
    }
}

/// Raises the invalid flag, as the processor's own float-to-integer conversion does
/// for NaN and out-of-range values (for code that emulates that conversion).
#[cold]
pub fn raise_invalid() {
    let (zero, also_zero) = (std::hint::black_box(0.0f64), std::hint::black_box(0.0f64));
    std::hint::black_box(zero / also_zero);
}

/// Runs `f`, returning its result and the floating-point errors it raised.
pub fn watch<R>(f: impl FnOnce() -> R) -> (R, FpErrors) {
    clear();
    let result = std::hint::black_box(f());
    (result, test())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_follow_the_operation() {
        let zero = std::hint::black_box(0.0f64);
        let (x, e) = watch(|| 1.0 / zero);
        assert!(x.is_infinite() && e.divide && !e.invalid);
        let (_, e) = watch(|| zero / zero);
        assert!(e.invalid && !e.divide);
        let (_, e) = watch(|| std::hint::black_box(1e308f64) * 10.0);
        assert!(e.over);
        let (_, e) = watch(|| 1.0 + zero);
        assert!(!e.any());
        let (_, e) = watch(raise_invalid);
        assert!(e.invalid && !e.divide);
    }
}
