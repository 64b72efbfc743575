//! HDF5's error stack, read after a failed call and turned into the exception h5py raises.
//!
//! h5py (`_errors.pyx`) walks the stack twice: the outermost frame (the API function the
//! user called) gives the exception class, from its minor code (and a few exact
//! major/minor pairs), and the message's first half, `bytes.capitalize()`d; the innermost
//! frame (where HDF5 noticed the problem) gives the part in parentheses. Since h5py 3.x an
//! OSError whose innermost text carries `errno = N` is raised as `OSError(N, message)`,
//! which Python turns into FileNotFoundError, PermissionError, ... by the errno.

use std::ffi::{c_char, c_uint, c_void, CStr};
use std::fmt;

use hdf5_sys::h5e::{
    H5E_error2_t, H5Eclear2, H5Eget_msg, H5Ewalk2, H5E_DEFAULT, H5E_WALK_UPWARD,
};
use hdf5_sys::h5i::hid_t;

/// The Python exception classes an HDF5 failure can become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionClass {
    /// `KeyError` (object not found, can't open object).
    KeyError,
    /// `ValueError` (bad values, existing names, bad ids).
    ValueError,
    /// `TypeError` (bad types, no conversion path).
    TypeError,
    /// `OSError` (file-level failures); an errno makes it a subclass.
    OSError,
    /// `RuntimeError` (everything h5py's tables do not name).
    RuntimeError,
    /// `NotImplementedError` (unsupported features).
    NotImplementedError,
}

/// One frame of HDF5's error stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorFrame {
    /// The C function that pushed the frame, e.g. `H5Dopen2`.
    pub function: String,
    /// HDF5 source file and line.
    pub file: String,
    /// Line in `file`.
    pub line: u32,
    /// The frame's description, e.g. `unable to open dataset`.
    pub description: String,
    /// Text of the major code, e.g. `Dataset`.
    pub major: String,
    /// Text of the minor code, e.g. `Can't open object`.
    pub minor: String,
    major_id: hid_t,
    minor_id: hid_t,
}

/// A failed HDF5 operation: the whole error stack (outermost frame first) and the
/// Python exception h5py would raise for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct H5Error {
    class: ExceptionClass,
    message: String,
    errno: Option<i32>,
    frames: Vec<ErrorFrame>,
}

/// Result of an HDF5 operation.
pub type Result<T> = std::result::Result<T, H5Error>;

impl H5Error {
    /// An error raised by h5lab itself (no HDF5 stack), with h5py's class and text.
    pub fn new(class: ExceptionClass, message: impl Into<String>) -> H5Error {
        H5Error { class, message: message.into(), errno: None, frames: Vec::new() }
    }

    /// Reads (and clears) the current thread's HDF5 error stack after a failed call.
    /// With an empty stack the failure becomes a RuntimeError naming `operation`.
    pub(crate) fn from_stack(operation: &str) -> H5Error {
        let frames = read_error_stack();
        // SAFETY: clearing the default stack is always allowed.
        unsafe { H5Eclear2(H5E_DEFAULT) };
        H5Error::from_frames(frames, operation)
    }

    fn from_frames(frames: Vec<ErrorFrame>, operation: &str) -> H5Error {
        let (Some(outer), Some(inner)) = (frames.first(), frames.last()) else {
            return H5Error::new(
                ExceptionClass::RuntimeError,
                format!("Unspecified error in {operation} (return value <0)"),
            );
        };
        let class = classify(outer.major_id, outer.minor_id);
        let message = format!(
            "{} ({})",
            capitalize_ascii(&outer.description),
            inner.description
        );
        let errno = match class {
            ExceptionClass::OSError => errno_in(&inner.description),
            _ => None,
        };
        H5Error { class, message, errno, frames }
    }

    /// The exception's base class by h5py's tables.
    pub fn class(&self) -> ExceptionClass {
        self.class
    }

    /// The message h5py passes to the exception: `"<Outer> (<inner>)"`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The errno of an OSError whose innermost frame reported one.
    pub fn errno(&self) -> Option<i32> {
        self.errno
    }

    /// The error stack, outermost (API) frame first; empty for h5lab's own errors.
    pub fn frames(&self) -> &[ErrorFrame] {
        &self.frames
    }

    /// The name of the Python class raised: an OSError with an errno becomes the
    /// subclass Python's `OSError(errno, msg)` constructor picks.
    pub fn python_class_name(&self) -> &'static str {
        match self.class {
            ExceptionClass::KeyError => "KeyError",
            ExceptionClass::ValueError => "ValueError",
            ExceptionClass::TypeError => "TypeError",
            ExceptionClass::RuntimeError => "RuntimeError",
            ExceptionClass::NotImplementedError => "NotImplementedError",
            ExceptionClass::OSError => self.errno.map_or("OSError", oserror_subclass),
        }
    }

    /// What `str(exception)` prints for it: `[Errno N] message` for an OSError with an
    /// errno, the message itself otherwise. (KeyError's str is the repr of its
    /// argument; that quoting belongs to the value layer.)
    pub fn python_str(&self) -> String {
        match self.errno {
            Some(errno) => format!("[Errno {errno}] {}", self.message),
            None => self.message.clone(),
        }
    }

    /// The stack as HDF5's `H5Eprint` lays it out, for `%h5errors`.
    pub fn stack_report(&self) -> String {
        let mut out = String::new();
        for (n, frame) in self.frames.iter().enumerate() {
            out.push_str(&format!(
                "  #{n:03}: {} line {} in {}(): {}\n    major: {}\n    minor: {}\n",
                frame.file, frame.line, frame.function, frame.description, frame.major, frame.minor
            ));
        }
        out
    }
}

impl fmt::Display for H5Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.python_class_name(), self.python_str())
    }
}

impl std::error::Error for H5Error {}

/// Checks an `herr_t`: negative means failure, read from the error stack.
pub(crate) fn check(status: i32, operation: &str) -> Result<()> {
    if status < 0 {
        Err(H5Error::from_stack(operation))
    } else {
        Ok(())
    }
}

/// Checks an `htri_t`: negative is failure, zero false, positive true.
pub(crate) fn check_bool(status: i32, operation: &str) -> Result<bool> {
    if status < 0 {
        Err(H5Error::from_stack(operation))
    } else {
        Ok(status > 0)
    }
}

/// Checks a count or size (`ssize_t`, `int`, `hssize_t`): negative is failure.
pub(crate) fn check_count<T: Into<i64>>(value: T, operation: &str) -> Result<u64> {
    let value = value.into();
    if value < 0 {
        Err(H5Error::from_stack(operation))
    } else {
        Ok(value as u64)
    }
}

/// Python's `bytes.capitalize()`: first byte upper-cased, the rest lower-cased (ASCII).
fn capitalize_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The `N` of the first `errno = N` in an HDF5 description (h5py's regex
/// `errno\s*=\s*(\d+)`; the sec2 driver's open failures carry one).
fn errno_in(description: &str) -> Option<i32> {
    let mut rest = description;
    while let Some(at) = rest.find("errno") {
        let after = rest[at + "errno".len()..].trim_start();
        if let Some(value) = after.strip_prefix('=') {
            let digits: String = value.trim_start().chars().take_while(char::is_ascii_digit).collect();
            if let Ok(errno) = digits.parse() {
                return Some(errno);
            }
        }
        rest = &rest[at + "errno".len()..];
    }
    None
}

/// The OSError subclass CPython's `OSError(errno, ...)` constructs for an errno.
fn oserror_subclass(errno: i32) -> &'static str {
    match errno {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::EINTR => "InterruptedError",
        libc::ETIMEDOUT => "TimeoutError",
        libc::ECHILD => "ChildProcessError",
        libc::ESRCH => "ProcessLookupError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        _ => "OSError",
    }
}

/// h5py's `_minor_table` and `_exact_table` (h5py 3.16, as built for HDF5 >= 1.13):
/// the class for the outermost frame's codes.
fn classify(major: hid_t, minor: hid_t) -> ExceptionClass {
    use hdf5_sys::h5e as e;
    use ExceptionClass::*;
    let exact: &[(hid_t, hid_t, ExceptionClass)] = &[
        (*e::H5E_CACHE, *e::H5E_BADVALUE, OSError),
        (*e::H5E_RESOURCE, *e::H5E_CANTINIT, OSError),
        (*e::H5E_INTERNAL, *e::H5E_SYSERRSTR, OSError),
        (*e::H5E_DATATYPE, *e::H5E_CANTINIT, TypeError),
        (*e::H5E_DATASET, *e::H5E_CANTINIT, ValueError),
        (*e::H5E_ARGS, *e::H5E_CANTINIT, TypeError),
        (*e::H5E_ARGS, *e::H5E_BADTYPE, ValueError),
        (*e::H5E_REFERENCE, *e::H5E_CANTINIT, ValueError),
        (*e::H5E_FILE, *e::H5E_CANTCONVERT, ValueError),
        (*e::H5E_DATASET, *e::H5E_CANTCREATE, ValueError),
        #[cfg(hdf5_1_14)]
        (*e::H5E_SYM, *e::H5E_CANTCREATE, ValueError),
        #[cfg(not(hdf5_1_14))]
        (*e::H5E_SYM, *e::H5E_CANTINIT, ValueError),
    ];
    if let Some(&(_, _, class)) = exact.iter().find(|(ma, mi, _)| *ma == major && *mi == minor) {
        return class;
    }
    let by_minor: &[(hid_t, ExceptionClass)] = &[
        (*e::H5E_SEEKERROR, OSError),
        (*e::H5E_READERROR, OSError),
        (*e::H5E_WRITEERROR, OSError),
        (*e::H5E_CLOSEERROR, OSError),
        (*e::H5E_OVERFLOW, OSError),
        (*e::H5E_FCNTL, OSError),
        (*e::H5E_FILEEXISTS, OSError),
        (*e::H5E_FILEOPEN, OSError),
        (*e::H5E_CANTCREATE, OSError),
        (*e::H5E_CANTOPENFILE, OSError),
        (*e::H5E_CANTCLOSEFILE, OSError),
        (*e::H5E_NOTHDF5, OSError),
        (*e::H5E_BADFILE, ValueError),
        (*e::H5E_TRUNCATED, OSError),
        (*e::H5E_MOUNT, OSError),
        (*e::H5E_NOFILTER, OSError),
        (*e::H5E_CALLBACK, OSError),
        (*e::H5E_CANAPPLY, OSError),
        (*e::H5E_SETLOCAL, OSError),
        (*e::H5E_NOENCODER, OSError),
        #[cfg(hdf5_1_14)]
        (*e::H5E_BADID, ValueError),
        #[cfg(not(hdf5_1_14))]
        (*e::H5E_BADATOM, ValueError),
        (*e::H5E_BADGROUP, ValueError),
        (*e::H5E_BADSELECT, ValueError),
        (*e::H5E_UNINITIALIZED, ValueError),
        (*e::H5E_UNSUPPORTED, NotImplementedError),
        (*e::H5E_NOTFOUND, KeyError),
        (*e::H5E_CANTINSERT, ValueError),
        (*e::H5E_BADTYPE, TypeError),
        (*e::H5E_BADRANGE, ValueError),
        (*e::H5E_BADVALUE, ValueError),
        (*e::H5E_EXISTS, ValueError),
        (*e::H5E_ALREADYEXISTS, ValueError),
        (*e::H5E_CANTCONVERT, TypeError),
        (*e::H5E_CANTDELETE, KeyError),
        (*e::H5E_CANTOPENOBJ, KeyError),
        (*e::H5E_CANTMOVE, ValueError),
    ];
    by_minor
        .iter()
        .find(|(code, _)| *code == minor)
        .map_or(RuntimeError, |&(_, class)| class)
}

/// Walks the default error stack from the innermost frame outwards and returns the
/// frames outermost first.
fn read_error_stack() -> Vec<ErrorFrame> {
    unsafe extern "C" fn collect(_n: c_uint, desc: *const H5E_error2_t, data: *mut c_void) -> i32 {
        // SAFETY: HDF5 passes a valid frame; `data` is the Vec handed to H5Ewalk2 below.
        let (frames, desc) = unsafe { (&mut *(data as *mut Vec<ErrorFrame>), &*desc) };
        frames.push(ErrorFrame {
            function: c_text(desc.func_name),
            file: c_text(desc.file_name),
            line: desc.line,
            description: c_text(desc.desc),
            // Texts are looked up after the walk: no API calls inside its callback.
            major: String::new(),
            minor: String::new(),
            major_id: desc.maj_num,
            minor_id: desc.min_num,
        });
        0
    }
    let mut frames: Vec<ErrorFrame> = Vec::new();
    // SAFETY: the callback only touches `frames`, which outlives the walk.
    unsafe {
        H5Ewalk2(
            H5E_DEFAULT,
            H5E_WALK_UPWARD,
            Some(collect),
            &mut frames as *mut Vec<ErrorFrame> as *mut c_void,
        );
    }
    frames.reverse();
    for frame in &mut frames {
        frame.major = message_text(frame.major_id);
        frame.minor = message_text(frame.minor_id);
    }
    frames
}

fn c_text(ptr: *const c_char) -> String {
    if ptr.is_null() {
        return String::new();
    }
    // SAFETY: HDF5 hands out NUL-terminated strings that live as long as the frame.
    unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned()
}

fn message_text(id: hid_t) -> String {
    let mut buf = [0 as c_char; 256];
    // SAFETY: the buffer is large enough for `size` bytes including the NUL.
    let n = unsafe { H5Eget_msg(id, std::ptr::null_mut(), buf.as_mut_ptr(), buf.len()) };
    if n <= 0 {
        return String::new();
    }
    c_text(buf.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalize_is_bytes_capitalize() {
        assert_eq!(capitalize_ascii("unable to open H5Dataset"), "Unable to open h5dataset");
        assert_eq!(capitalize_ascii(""), "");
    }

    #[test]
    fn errno_is_read_from_sec2_text() {
        let text = "unable to open file: name = 'x.h5', errno = 2, error message = 'No such file'";
        assert_eq!(errno_in(text), Some(2));
        assert_eq!(errno_in("can't open file"), None);
        assert_eq!(oserror_subclass(libc::ENOENT), "FileNotFoundError");
        assert_eq!(oserror_subclass(libc::EACCES), "PermissionError");
        assert_eq!(oserror_subclass(12345), "OSError");
    }
}
