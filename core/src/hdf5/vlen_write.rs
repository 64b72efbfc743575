//! Writing variable-length sequences: each element is an `hvl_t` (a length and a
//! pointer) that points into Rust-owned bytes for the duration of the write; HDF5
//! copies the data, so nothing it allocates outlives the call.

use std::ffi::c_void;

use hdf5_sys::h5a::H5Awrite;
use hdf5_sys::h5d::H5Dwrite;
use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5s::H5S_ALL;

use super::attribute::Attribute;
use super::dataset::Dataset;
use super::dataspace::Dataspace;
use super::datatype::{Datatype, TypeDescription};
use super::error::{check, ExceptionClass, H5Error, Result};
use super::transfer::has_variable_parts;
use super::vardata::memory_size;

/// HDF5's `hvl_t`.
#[repr(C)]
struct Hvl {
    len: usize,
    p: *const c_void,
}

/// One sequence to write: its element count and the elements' bytes (in the memory
/// type's base type).
pub type Sequence<'a> = (usize, &'a [u8]);

/// Checks that `mem_type` is a sequence of a fixed-size base and that every sequence's
/// bytes hold exactly its elements; builds the `hvl_t` slots.
fn slots(mem_type: &Datatype, sequences: &[Sequence<'_>], expected: u64) -> Result<Vec<Hvl>> {
    let TypeDescription::VarLen(base) = mem_type.describe()? else {
        return Err(H5Error::new(ExceptionClass::TypeError, "memory type is not a variable-length sequence"));
    };
    if has_variable_parts(&base) {
        return Err(H5Error::new(ExceptionClass::TypeError, "nested variable-length data can't be written"));
    }
    if expected != sequences.len() as u64 {
        return Err(H5Error::new(
            ExceptionClass::ValueError,
            format!("{} sequences for a selection of {expected} elements", sequences.len()),
        ));
    }
    let size = memory_size(&base);
    sequences
        .iter()
        .map(|(len, bytes)| {
            if len.checked_mul(size) != Some(bytes.len()) {
                return Err(H5Error::new(ExceptionClass::ValueError, "sequence bytes do not match its length"));
            }
            let p = if *len == 0 { std::ptr::null() } else { bytes.as_ptr().cast() };
            Ok(Hvl { len: *len, p })
        })
        .collect()
}

impl Dataset {
    /// Writes variable-length sequences into the selected elements (`H5Dwrite` with a
    /// sequence memory type).
    pub fn write_sequences(
        &self,
        mem_type: &Datatype,
        mem_space: Option<&Dataspace>,
        file_space: Option<&Dataspace>,
        sequences: &[Sequence<'_>],
    ) -> Result<()> {
        let expected = match (mem_space, file_space) {
            (Some(mem), _) => mem.selected_count()?,
            (None, Some(file)) => file.selected_count()?,
            (None, None) => self.space()?.element_count()?,
        };
        let slots = slots(mem_type, sequences, expected)?;
        let space = |s: Option<&Dataspace>| s.map_or(H5S_ALL, |s| s.handle().id());
        // SAFETY: `slots` holds one hvl_t per selected element, each pointing into
        // `sequences` (alive for the call) at exactly `len` base elements.
        let status = unsafe {
            H5Dwrite(
                self.handle().id(),
                mem_type.handle().id(),
                space(mem_space),
                space(file_space),
                H5P_DEFAULT,
                slots.as_ptr().cast(),
            )
        };
        check(status, "H5Dwrite")
    }
}

impl Attribute {
    /// Writes variable-length sequences, one per element (`H5Awrite`).
    pub fn write_sequences(&self, mem_type: &Datatype, sequences: &[Sequence<'_>]) -> Result<()> {
        let slots = slots(mem_type, sequences, self.space()?.element_count()?)?;
        // SAFETY: as for datasets: one valid hvl_t per element.
        check(unsafe { H5Awrite(self.handle().id(), mem_type.handle().id(), slots.as_ptr().cast()) }, "H5Awrite")
    }
}
