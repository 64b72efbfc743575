//! Array creation: `np.array` from Python values with NumPy's dtype inference,
//! `zeros/ones/empty/full` (and `*_like`), `arange`, `linspace`, `eye`, `identity`,
//! `frombuffer`, and the allocation guard.

use super::dtype::DType;
use super::error::{NpError, NpResult};

/// The largest allocation h5lab attempts (bytes); larger requests fail with NumPy's
/// MemoryError text instead of exhausting the machine.
pub const MAX_ALLOCATION: u128 = 1 << 34;

/// Refuses shapes whose allocation NumPy would refuse (ValueError "array is too big")
/// or that exceed [`MAX_ALLOCATION`] (MemoryError).
pub fn check_allocation(shape: &[usize], dtype: &DType) -> NpResult<()> {
    let mut elements: u128 = 1;
    let mut overflow = false;
    for &n in shape {
        match elements.checked_mul(n as u128) {
            Some(v) if v <= i64::MAX as u128 => elements = v,
            _ => overflow = true,
        }
    }
    let bytes = elements.saturating_mul(dtype.itemsize().max(1) as u128);
    if overflow || bytes > i64::MAX as u128 {
        if shape.contains(&0) {
            return Ok(());
        }
        return Err(NpError::value(
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        ));
    }
    if bytes > MAX_ALLOCATION {
        return Err(NpError::memory(shape, dtype));
    }
    Ok(())
}
