//! The one error type of the NumPy layer: a Python exception class name and NumPy's
//! exact message.

use std::fmt;

/// A Python exception raised by NumPy: `class` is the exception's class name
/// (`"ValueError"`, `"IndexError"`, `"TypeError"`, `"OverflowError"`,
/// `"ZeroDivisionError"`, `"MemoryError"`, `"NotImplementedError"`,
/// `"AxisError"` — which Python code also catches as ValueError and IndexError),
/// `message` is NumPy 2.4's text, byte for byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NpError {
    /// The Python exception class name.
    pub class: &'static str,
    /// The exception's message (what `str(exc)` shows).
    pub message: String,
}

/// The result type of every fallible NumPy operation.
pub type NpResult<T> = Result<T, NpError>;

impl NpError {
    /// An error of the given Python class.
    pub fn new(class: &'static str, message: impl Into<String>) -> Self {
        NpError { class, message: message.into() }
    }
    /// `ValueError(message)`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new("ValueError", message)
    }
    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new("TypeError", message)
    }
    /// `IndexError(message)`.
    pub fn index(message: impl Into<String>) -> Self {
        Self::new("IndexError", message)
    }
    /// `OverflowError(message)`.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new("OverflowError", message)
    }
    /// `numpy.exceptions.AxisError(message)` (a subclass of ValueError and IndexError).
    pub fn axis(axis: isize, ndim: usize) -> Self {
        Self::new(
            "AxisError",
            format!("axis {axis} is out of bounds for array of dimension {ndim}"),
        )
    }
    /// `MemoryError` for an allocation NumPy's allocator would fail (h5lab refuses
    /// allocations above [`super::create::MAX_ALLOCATION`] rather than trying).
    pub fn memory(shape: &[usize], dtype: &super::DType) -> Self {
        let bytes = shape.iter().fold(dtype.itemsize() as u128, |acc, &n| acc.saturating_mul(n as u128));
        Self::new(
            "MemoryError",
            format!(
                "Unable to allocate {} for an array with shape {} and data type {}",
                size_to_string(bytes),
                super::format::shape_repr(shape),
                dtype.name()
            ),
        )
    }
}

impl fmt::Display for NpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for NpError {}

/// NumPy's `_size_to_string`: a byte count with a binary unit and 3 significant digits.
pub(crate) fn size_to_string(num_bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - num_bytes.leading_zeros() as usize;
    let mut unit_i = (bit_length.saturating_sub(1)).max(1) / 10;
    let mut n_units = num_bytes as f64 / (1u128 << (unit_i * 10)) as f64;
    if n_units.round() == 1024.0 {
        unit_i += 1;
        n_units /= 1024.0;
    }
    if unit_i >= UNITS.len() {
        let new_i = UNITS.len() - 1;
        n_units *= (1u128 << ((unit_i - new_i) * 10)) as f64;
        unit_i = new_i;
    }
    if unit_i == 0 {
        format!("{n_units:.0} {}", UNITS[unit_i])
    } else if n_units.round() < 1000.0 {
        // Python's `#.3g`: three significant digits, trailing zeros kept.
        let decimals = if n_units >= 99.95 { 0 } else if n_units >= 9.995 { 1 } else { 2 };
        let text = format!("{n_units:.decimals$}");
        let text = if decimals == 0 { format!("{text}.") } else { text };
        format!("{text} {}", UNITS[unit_i])
    } else {
        format!("{n_units:.0}. {}", UNITS[unit_i])
    }
}
