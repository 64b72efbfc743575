//! Reading data of any memory type — variable-length strings and sequences included —
//! into buffers that hold no pointers.
//!
//! HDF5 fills variable-length slots with pointers to memory it allocated. [`Detached`]
//! copies what they point to into a side table (its `heap`) and stores, in each slot,
//! an index into that table instead; HDF5's allocations are reclaimed at once. So the
//! bytes can be walked by safe code, with any layout mistake an error, never a wild
//! read.
//!
//! Slot layouts (in native memory):
//! - variable-length string (`char *`, 8 bytes): little-endian `u64` heap index + 1, or
//!   0 for a NULL string; the heap item is [`HeapItem::Str`];
//! - variable-length sequence (`hvl_t`, 16 bytes): the element count (`usize`) stays
//!   in the first 8 bytes, the next 8 hold the heap index + 1 (0 when empty or NULL) of
//!   a [`HeapItem::Seq`] with the elements' bytes (themselves detached).

use std::ffi::{c_char, c_void, CStr};

use hdf5_sys::h5a::H5Aread;
use hdf5_sys::h5d::H5Dread;
use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5t::H5Treclaim;

use super::attribute::Attribute;
use super::dataset::Dataset;
use super::dataspace::Dataspace;
use super::datatype::{Datatype, ReferenceKind, TypeDescription};
use super::error::{check, ExceptionClass, H5Error, Result};
use super::owner::Library;
use super::transfer::has_variable_parts;

/// What a variable-length slot points to, copied out of HDF5's memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeapItem {
    /// The bytes of a variable-length string (without its NUL).
    Str(Vec<u8>),
    /// The elements of a variable-length sequence, detached like the outer buffer.
    Seq(Vec<u8>),
}

/// Elements read from a dataset or attribute, pointer-free (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detached {
    /// The elements, `count * mem_size` bytes.
    pub bytes: Vec<u8>,
    /// What the variable-length slots in `bytes` (and in heap items) refer to.
    pub heap: Vec<HeapItem>,
}

impl Detached {
    /// The variable-length string in an 8-byte slot: `None` for NULL, an error for a
    /// slot that does not hold a string index.
    pub fn string_at(&self, slot: &[u8]) -> Result<Option<&[u8]>> {
        match self.heap_index(slot)? {
            None => Ok(None),
            Some(i) => match self.heap.get(i) {
                Some(HeapItem::Str(s)) => Ok(Some(s)),
                _ => Err(layout_error()),
            },
        }
    }

    /// The elements of the variable-length sequence in a 16-byte slot: (count, bytes).
    pub fn sequence_at(&self, slot: &[u8]) -> Result<(usize, &[u8])> {
        let count = read_u64(slot, 0)? as usize;
        match self.heap_index(slot.get(8..).ok_or_else(layout_error)?)? {
            None => Ok((0, &[])),
            Some(i) => match self.heap.get(i) {
                Some(HeapItem::Seq(bytes)) => Ok((count, bytes)),
                _ => Err(layout_error()),
            },
        }
    }

    fn heap_index(&self, slot: &[u8]) -> Result<Option<usize>> {
        let raw = read_u64(slot, 0)?;
        Ok(if raw == 0 { None } else { Some(raw as usize - 1) })
    }
}

fn read_u64(bytes: &[u8], at: usize) -> Result<u64> {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_le_bytes)
        .ok_or_else(layout_error)
}

fn layout_error() -> H5Error {
    H5Error::new(ExceptionClass::RuntimeError, "variable-length slot does not match its type")
}

/// Size in bytes of one element of a native memory type described by `desc`.
pub fn memory_size(desc: &TypeDescription) -> usize {
    match desc {
        TypeDescription::Integer { size, .. }
        | TypeDescription::Float { size, .. }
        | TypeDescription::Bitfield { size, .. }
        | TypeDescription::Opaque { size, .. }
        | TypeDescription::Compound { size, .. }
        | TypeDescription::Complex { size, .. }
        | TypeDescription::Time { size } => *size,
        TypeDescription::String { size: Some(size), .. } => *size,
        TypeDescription::String { size: None, .. } => std::mem::size_of::<*const c_char>(),
        TypeDescription::Reference(ReferenceKind::Object) => 8,
        TypeDescription::Reference(ReferenceKind::Region) => 12,
        TypeDescription::Reference(ReferenceKind::Standard) => 64,
        TypeDescription::Enum { base, .. } => memory_size(base),
        TypeDescription::VarLen(_) => 16,
        TypeDescription::Array { base, dims } => memory_size(base) * dims.iter().product::<u64>() as usize,
    }
}

/// Copies what the pointers in `src` (elements of `desc`, as HDF5 filled them) point to
/// into `heap`, writing indices into the same places of `dst`.
///
/// # Safety
/// `src` must hold elements of `desc` exactly as HDF5 filled them (valid pointers).
unsafe fn detach(desc: &TypeDescription, src: &[u8], dst: &mut [u8], heap: &mut Vec<HeapItem>) -> Result<()> {
    match desc {
        TypeDescription::String { size: None, .. } => {
            let ptr = read_u64(src, 0)? as usize as *const c_char;
            let index = if ptr.is_null() {
                0
            } else {
                // SAFETY: HDF5 stored a NUL-terminated string here.
                heap.push(HeapItem::Str(unsafe { CStr::from_ptr(ptr) }.to_bytes().to_vec()));
                heap.len() as u64
            };
            dst.get_mut(0..8).ok_or_else(layout_error)?.copy_from_slice(&index.to_le_bytes());
        }
        TypeDescription::VarLen(base) => {
            let count = read_u64(src, 0)? as usize;
            let ptr = read_u64(src, 8)? as usize as *const u8;
            let index = if ptr.is_null() || count == 0 {
                0
            } else {
                let size = memory_size(base);
                let total = count.checked_mul(size).ok_or_else(layout_error)?;
                // SAFETY: HDF5 allocated `count` elements of the base type here.
                let elements = unsafe { std::slice::from_raw_parts(ptr, total) };
                let mut copy = elements.to_vec();
                if has_variable_parts(base) {
                    for i in 0..count {
                        let range = i * size..(i + 1) * size;
                        // SAFETY: each element is as HDF5 filled it.
                        unsafe { detach(base, &elements[range.clone()], &mut copy[range], heap)? };
                    }
                }
                heap.push(HeapItem::Seq(copy));
                heap.len() as u64
            };
            dst.get_mut(8..16).ok_or_else(layout_error)?.copy_from_slice(&index.to_le_bytes());
        }
        TypeDescription::Compound { members, .. } => {
            for member in members.iter().filter(|m| has_variable_parts(&m.ty)) {
                let end = member.offset + memory_size(&member.ty);
                let (s, d) = (src.get(member.offset..end), dst.get_mut(member.offset..end));
                match (s, d) {
                    // SAFETY: the member's bytes are as HDF5 filled them.
                    (Some(s), Some(d)) => unsafe { detach(&member.ty, s, d, heap)? },
                    _ => return Err(layout_error()),
                }
            }
        }
        TypeDescription::Array { base, dims } if has_variable_parts(base) => {
            let size = memory_size(base);
            for i in 0..dims.iter().product::<u64>() as usize {
                let range = i * size..(i + 1) * size;
                match (src.get(range.clone()), dst.get_mut(range)) {
                    // SAFETY: each element is as HDF5 filled it.
                    (Some(s), Some(d)) => unsafe { detach(base, s, d, heap)? },
                    _ => return Err(layout_error()),
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Reads `count` elements through `read` (which fills a buffer of `count` elements of
/// `mem_type`) and detaches them.
fn read_detached(
    lib: &Library,
    mem_type: &Datatype,
    count: usize,
    read: impl FnOnce(*mut c_void) -> i32,
    operation: &str,
) -> Result<Detached> {
    let desc = mem_type.describe()?;
    let size = mem_type.size()?;
    let total = count.checked_mul(size).ok_or_else(|| H5Error::new(ExceptionClass::ValueError, "too much data"))?;
    let mut raw = vec![0u8; total];
    check(read(raw.as_mut_ptr().cast()), operation)?;
    if !has_variable_parts(&desc) {
        return Ok(Detached { bytes: raw, heap: Vec::new() });
    }
    let mut bytes = raw.clone();
    let mut heap = Vec::new();
    let mut outcome = Ok(());
    for i in 0..count {
        let range = i * size..(i + 1) * size;
        // SAFETY: `raw` was just filled by HDF5 with `count` elements of `mem_type`.
        outcome = unsafe { detach(&desc, &raw[range.clone()], &mut bytes[range], &mut heap) };
        if outcome.is_err() {
            break;
        }
    }
    let space = Dataspace::simple(lib, &[count as u64], None)?;
    // SAFETY: `raw` holds `count` elements of `mem_type` as filled by HDF5.
    check(unsafe { H5Treclaim(mem_type.id(), space.id(), H5P_DEFAULT, raw.as_mut_ptr().cast()) }, "H5Treclaim")?;
    outcome?;
    Ok(Detached { bytes, heap })
}

impl Dataset {
    /// Reads the selected elements (all, or `file_space`'s selection) as `mem_type`,
    /// variable-length parts detached.
    pub fn read_detached(
        &self,
        lib: &Library,
        mem_type: &Datatype,
        file_space: Option<&Dataspace>,
    ) -> Result<Detached> {
        let count = match file_space {
            Some(space) => space.selected_count()?,
            None => self.space()?.element_count()?,
        } as usize;
        if count == 0 {
            return Ok(Detached::default());
        }
        let mem_space = Dataspace::simple(lib, &[count as u64], None)?;
        let file_id = file_space.map_or(hdf5_sys::h5s::H5S_ALL, |s| s.id());
        let id = self.handle().id();
        read_detached(
            lib,
            mem_type,
            count,
            // SAFETY: the buffer holds `count` elements of `mem_type`, the memory space's size.
            |buf| unsafe { H5Dread(id, mem_type.id(), mem_space.id(), file_id, H5P_DEFAULT, buf) },
            "H5Dread",
        )
    }
}

impl Attribute {
    /// Reads every element as `mem_type`, variable-length parts detached.
    pub fn read_detached(&self, lib: &Library, mem_type: &Datatype) -> Result<Detached> {
        let count = self.space()?.element_count()? as usize;
        if count == 0 {
            return Ok(Detached::default());
        }
        let id = self.handle().id();
        read_detached(
            lib,
            mem_type,
            count,
            // SAFETY: the buffer holds every element of `mem_type`.
            |buf| unsafe { H5Aread(id, mem_type.id(), buf) },
            "H5Aread",
        )
    }
}
