//! Moving element data between HDF5 and Rust buffers safely: fixed-size data as bytes,
//! variable-length strings as owned byte strings (HDF5's allocations reclaimed).

use std::ffi::{c_char, c_void, CStr, CString};

use hdf5_sys::h5::herr_t;
use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5t::H5Treclaim;

use super::dataspace::Dataspace;
use super::datatype::{Datatype, TypeDescription};
use super::error::{check, ExceptionClass, H5Error, Result};
use super::owner::Library;

/// Whether data of this type holds pointers HDF5 allocates (variable-length strings or
/// sequences, anywhere in the type).
pub fn has_variable_parts(desc: &TypeDescription) -> bool {
    match desc {
        TypeDescription::String { size: None, .. } | TypeDescription::VarLen(_) => true,
        TypeDescription::Compound { members, .. } => members.iter().any(|m| has_variable_parts(&m.ty)),
        TypeDescription::Array { base, .. } | TypeDescription::Enum { base, .. } => has_variable_parts(base),
        _ => false,
    }
}

/// Checks that `buf` is exactly `count` elements of a fixed-size memory type.
pub(crate) fn check_fixed_buffer(mem_type: &Datatype, count: u64, buf_len: usize) -> Result<()> {
    if has_variable_parts(&mem_type.describe()?) {
        return Err(H5Error::new(
            ExceptionClass::TypeError,
            "variable-length data needs the string or sequence transfer functions",
        ));
    }
    let expected = count.checked_mul(mem_type.size()? as u64);
    if expected != Some(buf_len as u64) {
        return Err(H5Error::new(
            ExceptionClass::ValueError,
            format!("buffer of {buf_len} bytes does not hold {count} elements of {} bytes", mem_type.size()?),
        ));
    }
    Ok(())
}

/// Reads `count` variable-length strings through `read`, which fills a buffer of
/// `count` C string pointers; copies them out (a null pointer is `None`) and lets HDF5
/// free its allocations.
pub(crate) fn read_vlen_strings(
    lib: &Library,
    mem_type: &Datatype,
    count: usize,
    read: impl FnOnce(*mut c_void) -> herr_t,
    operation: &str,
) -> Result<Vec<Option<Vec<u8>>>> {
    let mut pointers: Vec<*mut c_char> = vec![std::ptr::null_mut(); count];
    check(read(pointers.as_mut_ptr().cast()), operation)?;
    let strings = pointers
        .iter()
        // SAFETY: HDF5 filled each slot with null or a NUL-terminated string.
        .map(|&p| (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()))
        .collect();
    reclaim(lib, mem_type, count, pointers.as_mut_ptr().cast())?;
    Ok(strings)
}

/// Writes variable-length strings through `write`, which receives a buffer of C string
/// pointers; embedded NULs are refused (HDF5 would cut the string there).
pub(crate) fn write_vlen_strings(
    strings: &[&[u8]],
    write: impl FnOnce(*const c_void) -> herr_t,
    operation: &str,
) -> Result<()> {
    let owned = strings
        .iter()
        .map(|s| CString::new(*s))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| H5Error::new(ExceptionClass::ValueError, "embedded null character"))?;
    let pointers: Vec<*const c_char> = owned.iter().map(|s| s.as_ptr()).collect();
    check(write(pointers.as_ptr().cast()), operation)
}

/// Frees what HDF5 allocated inside `count` elements of `mem_type` at `buf`.
fn reclaim(lib: &Library, mem_type: &Datatype, count: usize, buf: *mut c_void) -> Result<()> {
    let space = Dataspace::simple(lib, &[count as u64], None)?;
    // SAFETY: `buf` holds `count` elements of `mem_type` as filled by HDF5.
    check(unsafe { H5Treclaim(mem_type.id(), space.id(), H5P_DEFAULT, buf) }, "H5Treclaim")
}
