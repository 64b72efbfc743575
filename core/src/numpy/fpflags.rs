//! The processor's floating-point exception flags, as NumPy reads them after a ufunc
//! loop: cleared before an operation, tested once after it (no per-element cost).

#[cfg(target_arch = "x86_64")]
mod status {
    //! x86-64: the SSE status register MXCSR, read and written directly (Rust's float
    //! code and the C library's math all use SSE): a few cycles, where the C library's
    //! `fenv` calls also save and restore the x87 environment.
    use std::arch::asm;

    pub const INVALID: u32 = 0x01;
    pub const DIVIDE: u32 = 0x04;
    pub const OVERFLOW: u32 = 0x08;
    pub const UNDERFLOW: u32 = 0x10;
    const ALL: u32 = INVALID | DIVIDE | OVERFLOW | UNDERFLOW;

    fn read() -> u32 {
        let mut csr: u32 = 0;
        // SAFETY: stores MXCSR into a local.
        unsafe { asm!("stmxcsr [{}]", in(reg) &mut csr, options(nostack, preserves_flags)) };
        csr
    }

    pub fn clear() {
        let csr = read();
        if csr & ALL != 0 {
            let cleared = csr & !ALL;
            // SAFETY: loads MXCSR with only its exception flags changed (cleared).
            unsafe { asm!("ldmxcsr [{}]", in(reg) &cleared, options(nostack, preserves_flags)) };
        }
    }

    pub fn test() -> u32 {
        read() & ALL
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod status {
    //! Elsewhere: C99 `<fenv.h>` from the C library (aarch64's FE_* values).
    use std::os::raw::c_int;

    extern "C" {
        fn feclearexcept(excepts: c_int) -> c_int;
        fn fetestexcept(excepts: c_int) -> c_int;
    }

    pub const INVALID: u32 = 0x01;
    pub const DIVIDE: u32 = 0x02;
    pub const OVERFLOW: u32 = 0x04;
    pub const UNDERFLOW: u32 = 0x08;
    const ALL: c_int = (INVALID | DIVIDE | OVERFLOW | UNDERFLOW) as c_int;

    pub fn clear() {
        // SAFETY: only touches this thread's floating-point status.
        unsafe {
            feclearexcept(ALL);
        }
    }

    pub fn test() -> u32 {
        // SAFETY: see `clear`.
        (unsafe { fetestexcept(ALL) }) as u32
    }
}

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
    status::clear();
}

/// The flags raised since [`clear`].
pub fn test() -> FpErrors {
    let raised = status::test();
    FpErrors {
        divide: raised & status::DIVIDE != 0,
        over: raised & status::OVERFLOW != 0,
        under: raised & status::UNDERFLOW != 0,
        invalid: raised & status::INVALID != 0,
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
