//! Diagnostics on stderr (Jupyter servers collect a kernel's stderr in their log).
//! `H5LAB_KERNEL_DEBUG=1` adds a line per message received.

use std::sync::OnceLock;

/// Whether per-message debug lines are wanted (`H5LAB_KERNEL_DEBUG` set and not `0`).
pub fn debug_enabled() -> bool {
    static DEBUG: OnceLock<bool> = OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("H5LAB_KERNEL_DEBUG").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// Writes a line to stderr, prefixed with the program's name.
#[macro_export]
macro_rules! warn {
    ($($arg:tt)*) => {
        eprintln!("[h5lab-kernel] {}", format_args!($($arg)*))
    };
}

/// Writes a line to stderr when debugging is on.
#[macro_export]
macro_rules! debug {
    ($($arg:tt)*) => {
        if $crate::log::debug_enabled() {
            eprintln!("[h5lab-kernel] {}", format_args!($($arg)*))
        }
    };
}
