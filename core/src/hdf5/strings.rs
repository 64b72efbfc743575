//! Reading the strings HDF5 hands back through "call once for the size, again for the
//! text" functions (H5Iget_name, H5Fget_name, H5Lget_name_by_idx, ...).

use std::ffi::{c_char, CString};

use super::error::{ExceptionClass, H5Error, Result};

/// Calls `get(buf, size)` twice, first to learn the length, then to fill the buffer,
/// and returns the text (invalid UTF-8 is replaced, as h5py's surrogateescape would
/// show it). A negative return reads the HDF5 error stack.
pub(crate) fn read_string(operation: &str, get: impl FnMut(*mut c_char, usize) -> isize) -> Result<String> {
    let buf = read_bytes(operation, get)?;
    Ok(String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Like [`read_string`], keeping the bytes as they are.
pub(crate) fn read_bytes(operation: &str, mut get: impl FnMut(*mut c_char, usize) -> isize) -> Result<Vec<u8>> {
    let len = get(std::ptr::null_mut(), 0);
    if len < 0 {
        return Err(H5Error::from_stack(operation));
    }
    let mut buf = vec![0u8; len as usize + 1];
    let written = get(buf.as_mut_ptr() as *mut c_char, buf.len());
    if written < 0 {
        return Err(H5Error::from_stack(operation));
    }
    buf.truncate(written.min(len) as usize);
    Ok(buf)
}

/// A name or path as the C string HDF5 wants; an embedded NUL is h5py's ValueError.
pub(crate) fn c_name(name: &[u8]) -> Result<CString> {
    CString::new(name).map_err(|_| H5Error::new(ExceptionClass::ValueError, "embedded null character"))
}
