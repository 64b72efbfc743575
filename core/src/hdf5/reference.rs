//! H5R: following the original (1.8-style) object and dataset-region references that
//! h5py writes (`h5py.ref_dtype`, `h5py.regionref_dtype`, dimension-scale lists).

use std::ffi::c_void;

use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5r::{H5R_type_t, H5Rdereference2, H5Rget_name, H5Rget_region};

use super::dataspace::Dataspace;
use super::datatype::ReferenceKind;
use super::error::{ExceptionClass, H5Error, Result};
use super::handle::Handle;
use super::strings::read_string;

fn raw_kind(kind: ReferenceKind) -> Result<H5R_type_t> {
    match kind {
        ReferenceKind::Object => Ok(H5R_type_t::H5R_OBJECT1),
        ReferenceKind::Region => Ok(H5R_type_t::H5R_DATASET_REGION1),
        ReferenceKind::Standard => {
            Err(H5Error::new(ExceptionClass::NotImplementedError, "only original-style references are supported"))
        }
    }
}

fn check_len(kind: ReferenceKind, raw: &[u8]) -> Result<()> {
    let needed = match kind {
        ReferenceKind::Object => 8,
        ReferenceKind::Region => 12,
        ReferenceKind::Standard => 64,
    };
    if raw.len() < needed {
        return Err(H5Error::new(ExceptionClass::ValueError, "reference buffer too short"));
    }
    Ok(())
}

/// Opens the object a reference points to (`H5Rdereference2`); `container` is any
/// object of the file the reference was read from.
pub fn dereference(container: &Handle, kind: ReferenceKind, raw: &[u8]) -> Result<Handle> {
    check_len(kind, raw)?;
    let ty = raw_kind(kind)?;
    // SAFETY: `raw` holds a whole reference of that kind.
    let id = unsafe { H5Rdereference2(container.id(), H5P_DEFAULT, ty, raw.as_ptr() as *const c_void) };
    Handle::from_result(id, "H5Rdereference2")
}

/// A path of the object a reference points to (`H5Rget_name`).
pub fn referenced_name(container: &Handle, kind: ReferenceKind, raw: &[u8]) -> Result<String> {
    check_len(kind, raw)?;
    let ty = raw_kind(kind)?;
    read_string("H5Rget_name", |buf, size| unsafe {
        H5Rget_name(container.id(), ty, raw.as_ptr() as *const c_void, buf, size)
    })
}

/// The selection a dataset-region reference holds, as a dataspace of the referenced
/// dataset (`H5Rget_region`).
pub fn region(container: &Handle, raw: &[u8]) -> Result<Dataspace> {
    check_len(ReferenceKind::Region, raw)?;
    // SAFETY: `raw` holds a whole region reference.
    let id = unsafe { H5Rget_region(container.id(), H5R_type_t::H5R_DATASET_REGION1, raw.as_ptr() as *const c_void) };
    Dataspace::from_result(id, "H5Rget_region")
}

/// Creates an original-style object reference to `name` relative to `loc`
/// (`H5Rcreate` with `H5R_OBJECT1`): the object's address, 8 bytes.
pub fn create_object(loc: &Handle, name: &[u8]) -> Result<[u8; 8]> {
    let name = super::strings::c_name(name)?;
    let mut raw = [0u8; 8];
    // SAFETY: an object reference is 8 bytes; valid id and C string.
    let status = unsafe {
        hdf5_sys::h5r::H5Rcreate(raw.as_mut_ptr().cast(), loc.id(), name.as_ptr(), H5R_type_t::H5R_OBJECT1, -1)
    };
    super::error::check(status, "H5Rcreate")?;
    Ok(raw)
}

/// Creates an original-style dataset-region reference to the dataset `name` relative
/// to `loc`, holding the selection of `space` (`H5Rcreate` with
/// `H5R_DATASET_REGION1`): 12 bytes.
pub fn create_region(loc: &Handle, name: &[u8], space: &Dataspace) -> Result<[u8; 12]> {
    let name = super::strings::c_name(name)?;
    let mut raw = [0u8; 12];
    // SAFETY: a region reference is 12 bytes; valid ids and C string.
    let status = unsafe {
        hdf5_sys::h5r::H5Rcreate(
            raw.as_mut_ptr().cast(),
            loc.id(),
            name.as_ptr(),
            H5R_type_t::H5R_DATASET_REGION1,
            space.handle().id(),
        )
    };
    super::error::check(status, "H5Rcreate")?;
    Ok(raw)
}
