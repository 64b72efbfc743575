//! H5DS: dimension scales, from HDF5's high-level library (`hdf5_hl`), as h5py's
//! `h5ds` module calls it — make a dataset a scale, attach it to a dimension of another
//! dataset, label dimensions, list the scales of a dimension.
//!
//! hdf5-metno-sys builds and links `hdf5_hl` (its `hl` feature) but has no bindings
//! for it, so the few functions are declared here.

use std::ffi::{c_char, c_int, c_uint, c_void};

use hdf5_sys::h5::herr_t;
use hdf5_sys::h5i::hid_t;

use super::error::{check, check_bool, check_count, H5Error, Result};
use super::handle::Handle;
use super::strings::{c_name, read_bytes};

type RawVisitor = unsafe extern "C" fn(hid_t, c_uint, hid_t, *mut c_void) -> herr_t;

unsafe extern "C" {
    fn H5DSattach_scale(did: hid_t, dsid: hid_t, idx: c_uint) -> herr_t;
    fn H5DSdetach_scale(did: hid_t, dsid: hid_t, idx: c_uint) -> herr_t;
    fn H5DSset_scale(dsid: hid_t, dimname: *const c_char) -> herr_t;
    fn H5DSget_num_scales(did: hid_t, dim: c_uint) -> c_int;
    fn H5DSset_label(did: hid_t, idx: c_uint, label: *const c_char) -> herr_t;
    fn H5DSget_label(did: hid_t, idx: c_uint, label: *mut c_char, size: usize) -> isize;
    fn H5DSget_scale_name(did: hid_t, name: *mut c_char, size: usize) -> isize;
    fn H5DSis_scale(did: hid_t) -> c_int;
    fn H5DSis_attached(did: hid_t, dsid: hid_t, idx: c_uint) -> c_int;
    fn H5DSiterate_scales(did: hid_t, dim: c_uint, idx: *mut c_int, visitor: Option<RawVisitor>, data: *mut c_void) -> herr_t;
}

/// Makes `scale` a dimension scale named `name` (`H5DSset_scale`; `b""` for no name).
pub fn set_scale(scale: &Handle, name: &[u8]) -> Result<()> {
    let name = c_name(name)?;
    // SAFETY: a valid C string; HDF5 checks the id.
    check(unsafe { H5DSset_scale(scale.id(), name.as_ptr()) }, "H5DSset_scale")
}

/// Whether `dataset` is a dimension scale (`H5DSis_scale`).
pub fn is_scale(dataset: &Handle) -> Result<bool> {
    // SAFETY: plain call.
    check_bool(unsafe { H5DSis_scale(dataset.id()) }, "H5DSis_scale")
}

/// Attaches `scale` to dimension `dim` of `dataset` (`H5DSattach_scale`).
pub fn attach_scale(dataset: &Handle, scale: &Handle, dim: u32) -> Result<()> {
    // SAFETY: plain call.
    check(unsafe { H5DSattach_scale(dataset.id(), scale.id(), dim) }, "H5DSattach_scale")
}

/// Detaches `scale` from dimension `dim` of `dataset` (`H5DSdetach_scale`).
pub fn detach_scale(dataset: &Handle, scale: &Handle, dim: u32) -> Result<()> {
    // SAFETY: plain call.
    check(unsafe { H5DSdetach_scale(dataset.id(), scale.id(), dim) }, "H5DSdetach_scale")
}

/// Whether `scale` is attached to dimension `dim` of `dataset` (`H5DSis_attached`).
pub fn is_attached(dataset: &Handle, scale: &Handle, dim: u32) -> Result<bool> {
    // SAFETY: plain call.
    check_bool(unsafe { H5DSis_attached(dataset.id(), scale.id(), dim) }, "H5DSis_attached")
}

/// Labels dimension `dim` of `dataset` (`H5DSset_label`).
pub fn set_label(dataset: &Handle, dim: u32, label: &[u8]) -> Result<()> {
    let label = c_name(label)?;
    // SAFETY: a valid C string; HDF5 checks the id.
    check(unsafe { H5DSset_label(dataset.id(), dim, label.as_ptr()) }, "H5DSset_label")
}

/// The label of dimension `dim` of `dataset`, `b""` when it has none (`H5DSget_label`).
pub fn get_label(dataset: &Handle, dim: u32) -> Result<Vec<u8>> {
    // SAFETY: `read_bytes` passes a null buffer of size 0 or a buffer of `size` bytes.
    read_bytes("H5DSget_label", |buf, size| unsafe { H5DSget_label(dataset.id(), dim, buf, size) })
}

/// The name given to `scale` by [`set_scale`], `b""` when it has none
/// (`H5DSget_scale_name`).
pub fn get_scale_name(scale: &Handle) -> Result<Vec<u8>> {
    // SAFETY: `read_bytes` passes a null buffer of size 0 or a buffer of `size` bytes.
    read_bytes("H5DSget_scale_name", |buf, size| unsafe { H5DSget_scale_name(scale.id(), buf, size) })
}

/// How many scales are attached to dimension `dim` of `dataset` (`H5DSget_num_scales`).
pub fn get_num_scales(dataset: &Handle, dim: u32) -> Result<u64> {
    // SAFETY: plain call.
    check_count(unsafe { H5DSget_num_scales(dataset.id(), dim) }, "H5DSget_num_scales")
}

unsafe extern "C" fn collect_scale(_dataset: hid_t, _dim: c_uint, scale: hid_t, data: *mut c_void) -> herr_t {
    // SAFETY: `data` is the Vec given to `scales`, alive for the whole call.
    let scales = unsafe { &mut *(data as *mut Vec<Result<Handle>>) };
    // HDF5 closes `scale` after the visitor returns: keep a reference of our own.
    scales.push(Handle::share(scale));
    0
}

/// The scales attached to dimension `dim` of `dataset`, from the `start`-th on, each an
/// open dataset (`H5DSiterate_scales`). HDF5 fails (rather than yielding nothing) for a
/// dimension without scales, as h5py's `h5ds.iterate` does.
pub fn scales(dataset: &Handle, dim: u32, start: i32) -> Result<Vec<Handle>> {
    let mut found: Vec<Result<Handle>> = Vec::new();
    let mut index: c_int = start;
    // SAFETY: the visitor only pushes into `found`, which outlives the call.
    let status = unsafe {
        H5DSiterate_scales(dataset.id(), dim, &mut index, Some(collect_scale), &mut found as *mut _ as *mut c_void)
    };
    check(status, "H5DSiterate_scales")?;
    found.into_iter().collect::<std::result::Result<Vec<Handle>, H5Error>>()
}
