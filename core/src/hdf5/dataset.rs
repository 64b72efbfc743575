//! H5D: creating, opening, reading and writing datasets; storage and chunk queries.

use std::ffi::{c_uint, c_void};

use hdf5_sys::h5d::{
    H5Dcreate2, H5Dcreate_anon, H5Dget_access_plist, H5Dget_chunk_info,
    H5Dget_create_plist, H5Dget_num_chunks, H5Dget_offset, H5Dget_space, H5Dget_storage_size,
    H5Dget_type, H5Dopen2, H5Dread, H5Dset_extent, H5Dwrite, H5Dwrite_chunk,
};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5s::H5S_ALL;

use super::dataspace::Dataspace;
use super::datatype::Datatype;
use super::error::{check, H5Error, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::owner::Library;
use super::plist::PropertyList;
use super::strings::c_name;
use super::transfer::{check_fixed_buffer, read_vlen_strings, write_vlen_strings};

unsafe extern "C" {
    fn H5Dget_chunk_storage_size(dset: hid_t, offset: *const u64, nbytes: *mut u64) -> hdf5_sys::h5::herr_t;
}

/// "No address": what `H5Dget_offset` returns for unallocated or chunked data.
pub const UNDEFINED_ADDRESS: u64 = u64::MAX;

/// One chunk as `H5Dget_chunk_info` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkInfo {
    /// Logical offset of the chunk's first element.
    pub offset: Vec<u64>,
    /// Bit mask of filters skipped for this chunk.
    pub filter_mask: u32,
    /// Address in the file.
    pub address: u64,
    /// Stored (possibly compressed) size in bytes.
    pub size: u64,
}

fn plist_id(plist: Option<&PropertyList>) -> hid_t {
    plist.map_or(H5P_DEFAULT, |p| p.handle().id())
}

fn space_id(space: Option<&Dataspace>) -> hid_t {
    space.map_or(H5S_ALL, |s| s.handle().id())
}

/// An open dataset identifier.
#[derive(Debug, Clone)]
pub struct Dataset {
    handle: Handle,
}

impl Dataset {
    /// Creates a dataset `loc/name` (`H5Dcreate2`).
    pub fn create(
        loc: &Handle,
        name: impl AsRef<[u8]>,
        datatype: &Datatype,
        space: &Dataspace,
        lcpl: Option<&PropertyList>,
        dcpl: Option<&PropertyList>,
        dapl: Option<&PropertyList>,
    ) -> Result<Dataset> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid ids and C string.
        let id = unsafe {
            H5Dcreate2(
                loc.id(),
                name.as_ptr(),
                datatype.handle().id(),
                space.handle().id(),
                plist_id(lcpl),
                plist_id(dcpl),
                plist_id(dapl),
            )
        };
        Ok(Dataset { handle: Handle::from_result(id, "H5Dcreate2")? })
    }

    /// Creates a dataset not linked anywhere yet (`H5Dcreate_anon`).
    pub fn create_anonymous(
        loc: &Handle,
        datatype: &Datatype,
        space: &Dataspace,
        dcpl: Option<&PropertyList>,
        dapl: Option<&PropertyList>,
    ) -> Result<Dataset> {
        // SAFETY: valid ids.
        let id = unsafe {
            H5Dcreate_anon(loc.id(), datatype.handle().id(), space.handle().id(), plist_id(dcpl), plist_id(dapl))
        };
        Ok(Dataset { handle: Handle::from_result(id, "H5Dcreate_anon")? })
    }

    /// Opens the dataset `loc/name` (`H5Dopen2`).
    pub fn open(loc: &Handle, name: impl AsRef<[u8]>, dapl: Option<&PropertyList>) -> Result<Dataset> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid id and C string.
        let id = unsafe { H5Dopen2(loc.id(), name.as_ptr(), plist_id(dapl)) };
        Ok(Dataset { handle: Handle::from_result(id, "H5Dopen2")? })
    }

    /// Wraps a handle that refers to a dataset; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<Dataset> {
        (handle.id_type() == IdType::Dataset).then_some(Dataset { handle })
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> Dataset {
        Dataset { handle }
    }

    /// The dataset identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    fn id(&self) -> hid_t {
        self.handle.id()
    }

    /// A copy of the dataset's dataspace (`H5Dget_space`).
    pub fn space(&self) -> Result<Dataspace> {
        // SAFETY: plain call.
        Dataspace::from_result(unsafe { H5Dget_space(self.id()) }, "H5Dget_space")
    }

    /// Writes the dataset's cached data to the file (`H5Dflush`).
    pub fn flush(&self) -> Result<()> {
        // SAFETY: plain call.
        crate::hdf5::error::check(unsafe { hdf5_sys::h5d::H5Dflush(self.id()) }, "H5Dflush")
    }

    /// Rereads the dataset's metadata from the file (`H5Drefresh`; SWMR readers).
    pub fn refresh(&self) -> Result<()> {
        // SAFETY: plain call.
        crate::hdf5::error::check(unsafe { hdf5_sys::h5d::H5Drefresh(self.id()) }, "H5Drefresh")
    }

    /// A copy of the dataset's datatype (`H5Dget_type`).
    pub fn datatype(&self) -> Result<Datatype> {
        // SAFETY: plain call.
        Datatype::from_result(unsafe { H5Dget_type(self.id()) }, "H5Dget_type")
    }

    /// The creation property list (`H5Dget_create_plist`).
    pub fn create_plist(&self) -> Result<PropertyList> {
        // SAFETY: plain call.
        PropertyList::from_result(unsafe { H5Dget_create_plist(self.id()) }, "H5Dget_create_plist")
    }

    /// The access property list (`H5Dget_access_plist`).
    pub fn access_plist(&self) -> Result<PropertyList> {
        // SAFETY: plain call.
        PropertyList::from_result(unsafe { H5Dget_access_plist(self.id()) }, "H5Dget_access_plist")
    }

    /// Bytes allocated in the file for the raw data (`H5Dget_storage_size`).
    pub fn storage_size(&self) -> Result<u64> {
        // HDF5 returns 0 both for "nothing allocated" and for failure; tell them apart
        // by whether the id is a dataset.
        if self.handle.id_type() != IdType::Dataset {
            // Let HDF5 report the bad identifier in its own words.
            // SAFETY: plain call; it fails and pushes the error.
            unsafe { H5Dget_storage_size(self.id()) };
            return Err(H5Error::from_stack("H5Dget_storage_size"));
        }
        // SAFETY: plain call on a valid dataset.
        Ok(unsafe { H5Dget_storage_size(self.id()) })
    }

    /// File address of contiguous raw data, [`UNDEFINED_ADDRESS`] otherwise (`H5Dget_offset`).
    pub fn offset(&self) -> Result<u64> {
        // SAFETY: plain call.
        Ok(unsafe { H5Dget_offset(self.id()) })
    }

    /// Changes the current dimensions of a chunked dataset (`H5Dset_extent`).
    pub fn set_extent(&self, dims: &[u64]) -> Result<()> {
        let rank = self.space()?.rank()?;
        if dims.len() != rank {
            return Err(H5Error::new(
                super::error::ExceptionClass::TypeError,
                format!("New shape length ({}) must match dataset rank ({rank})", dims.len()),
            ));
        }
        // SAFETY: `dims` holds `rank` values.
        check(unsafe { H5Dset_extent(self.id(), dims.as_ptr()) }, "H5Dset_extent")
    }

    fn selected(&self, mem_space: Option<&Dataspace>, file_space: Option<&Dataspace>) -> Result<u64> {
        match (mem_space, file_space) {
            (Some(mem), _) => mem.selected_count(),
            (None, Some(file)) => file.selected_count(),
            (None, None) => self.space()?.element_count(),
        }
    }

    /// Checks a fixed-size buffer holds what HDF5 addresses: the selected elements sit
    /// at their positions in the memory space's extent (a memory space may select part
    /// of itself, as h5py's low level allows).
    fn check_buffer(&self, mem_type: &Datatype, mem_space: Option<&Dataspace>, file_space: Option<&Dataspace>, len: usize) -> Result<()> {
        let count = match (mem_space, file_space) {
            // A selection outside its extent: H5Dread/H5Dwrite refuse it before any
            // transfer ("selection + offset not within extent"), whatever the buffer.
            (Some(mem), _) if !mem.selection_is_valid().unwrap_or(true) => return Ok(()),
            (Some(mem), _) => mem.element_count()?,
            (None, Some(file)) => file.selected_count()?,
            (None, None) => self.space()?.element_count()?,
        };
        check_fixed_buffer(mem_type, count, len)
    }

    /// Reads the selected elements as `mem_type` into `buf` (`H5Dread`). The memory type
    /// must be of fixed size and `buf` exactly as long as the selection.
    pub fn read_raw(
        &self,
        mem_type: &Datatype,
        mem_space: Option<&Dataspace>,
        file_space: Option<&Dataspace>,
        buf: &mut [u8],
    ) -> Result<()> {
        self.check_buffer(mem_type, mem_space, file_space, buf.len())?;
        // SAFETY: the buffer holds exactly the selected elements of `mem_type`.
        let status = unsafe {
            H5Dread(
                self.id(),
                mem_type.handle().id(),
                space_id(mem_space),
                space_id(file_space),
                H5P_DEFAULT,
                buf.as_mut_ptr().cast::<c_void>(),
            )
        };
        check(status, "H5Dread")
    }

    /// Writes the selected elements from `buf`, as `mem_type` (`H5Dwrite`).
    pub fn write_raw(
        &self,
        mem_type: &Datatype,
        mem_space: Option<&Dataspace>,
        file_space: Option<&Dataspace>,
        buf: &[u8],
    ) -> Result<()> {
        self.check_buffer(mem_type, mem_space, file_space, buf.len())?;
        // SAFETY: the buffer holds exactly the selected elements of `mem_type`.
        let status = unsafe {
            H5Dwrite(
                self.id(),
                mem_type.handle().id(),
                space_id(mem_space),
                space_id(file_space),
                H5P_DEFAULT,
                buf.as_ptr().cast::<c_void>(),
            )
        };
        check(status, "H5Dwrite")
    }

    /// Reads the selected elements as variable-length strings (`mem_type` must be a
    /// variable-length string type); a null string is `None`.
    pub fn read_strings(
        &self,
        lib: &Library,
        mem_type: &Datatype,
        mem_space: Option<&Dataspace>,
        file_space: Option<&Dataspace>,
    ) -> Result<Vec<Option<Vec<u8>>>> {
        let count = self.selected(mem_space, file_space)? as usize;
        read_vlen_strings(
            lib,
            mem_type,
            count,
            // SAFETY: the buffer holds `count` string pointers.
            |buf| unsafe {
                H5Dread(self.id(), mem_type.handle().id(), space_id(mem_space), space_id(file_space), H5P_DEFAULT, buf)
            },
            "H5Dread",
        )
    }

    /// Writes variable-length strings into the selected elements.
    pub fn write_strings(
        &self,
        mem_type: &Datatype,
        mem_space: Option<&Dataspace>,
        file_space: Option<&Dataspace>,
        strings: &[&[u8]],
    ) -> Result<()> {
        let count = self.selected(mem_space, file_space)?;
        if count != strings.len() as u64 {
            return Err(H5Error::new(
                super::error::ExceptionClass::ValueError,
                format!("{} strings for a selection of {count} elements", strings.len()),
            ));
        }
        write_vlen_strings(
            strings,
            // SAFETY: the buffer holds `count` string pointers.
            |buf| unsafe {
                H5Dwrite(self.id(), mem_type.handle().id(), space_id(mem_space), space_id(file_space), H5P_DEFAULT, buf)
            },
            "H5Dwrite",
        )
    }

    /// Number of allocated chunks (in the selection of `file_space`, or all)
    /// (`H5Dget_num_chunks`).
    pub fn chunk_count(&self, file_space: Option<&Dataspace>) -> Result<u64> {
        let mut n = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Dget_num_chunks(self.id(), space_id(file_space), &mut n) }, "H5Dget_num_chunks")?;
        Ok(n)
    }

    /// The `index`-th allocated chunk (`H5Dget_chunk_info`).
    pub fn chunk_info(&self, index: u64, file_space: Option<&Dataspace>) -> Result<ChunkInfo> {
        let rank = self.space()?.rank()?;
        let mut offset = vec![0u64; rank.max(1)];
        let (mut mask, mut address, mut size): (c_uint, u64, u64) = (0, 0, 0);
        // SAFETY: the offset buffer holds `rank` values; other out-pointers are valid.
        let status = unsafe {
            H5Dget_chunk_info(
                self.id(),
                space_id(file_space),
                index,
                offset.as_mut_ptr(),
                &mut mask,
                &mut address,
                &mut size,
            )
        };
        check(status, "H5Dget_chunk_info")?;
        offset.truncate(rank);
        Ok(ChunkInfo { offset, filter_mask: mask, address, size })
    }

    /// The chunk holding the element at `offset` (`H5Dget_chunk_info_by_coord`).
    pub fn chunk_info_by_coord(&self, offset: &[u64]) -> Result<ChunkInfo> {
        self.check_offset_rank(offset)?;
        let (mut mask, mut address, mut size): (c_uint, u64, u64) = (0, 0, 0);
        // SAFETY: the offset holds `rank` values; other out-pointers are valid.
        let status = unsafe {
            hdf5_sys::h5d::H5Dget_chunk_info_by_coord(self.id(), offset.as_ptr(), &mut mask, &mut address, &mut size)
        };
        check(status, "H5Dget_chunk_info_by_coord")?;
        Ok(ChunkInfo { offset: offset.to_vec(), filter_mask: mask, address, size })
    }

    /// Whether space for the raw data is allocated: 0 not, 1 partly, 2 fully
    /// (`H5Dget_space_status`).
    pub fn space_status(&self) -> Result<i32> {
        let mut status = hdf5_sys::h5d::H5D_space_status_t::H5D_SPACE_STATUS_ERROR;
        // SAFETY: valid out-pointer.
        check(unsafe { hdf5_sys::h5d::H5Dget_space_status(self.id(), &mut status) }, "H5Dget_space_status")?;
        Ok(status as i32)
    }

    fn check_offset_rank(&self, offset: &[u64]) -> Result<()> {
        let rank = self.space()?.rank()?;
        if offset.len() != rank {
            return Err(H5Error::new(
                super::error::ExceptionClass::TypeError,
                format!("offset length ({}) must match dataset rank ({rank})", offset.len()),
            ));
        }
        Ok(())
    }

    /// The stored bytes of the chunk at a logical offset, with its filter mask.
    pub fn read_chunk(&self, offset: &[u64]) -> Result<(u32, Vec<u8>)> {
        self.check_offset_rank(offset)?;
        let mut size = 0u64;
        // SAFETY: `offset` holds `rank` values.
        check(
            unsafe { H5Dget_chunk_storage_size(self.id(), offset.as_ptr(), &mut size) },
            "H5Dget_chunk_storage_size",
        )?;
        let mut buf = vec![0u8; size as usize];
        let mut filters: u32 = 0;
        #[cfg(hdf5_2)]
        // SAFETY: the buffer holds `size` bytes, as `buf_size` tells HDF5.
        let status = unsafe {
            let mut buf_size = buf.len();
            hdf5_sys::h5d::H5Dread_chunk2(
                self.id(),
                H5P_DEFAULT,
                offset.as_ptr(),
                &mut filters,
                buf.as_mut_ptr().cast(),
                &mut buf_size,
            )
        };
        #[cfg(not(hdf5_2))]
        // SAFETY: the buffer holds the chunk's stored size.
        let status = unsafe {
            hdf5_sys::h5d::H5Dread_chunk1(self.id(), H5P_DEFAULT, offset.as_ptr(), &mut filters, buf.as_mut_ptr().cast())
        };
        check(status, "H5Dread_chunk")?;
        Ok((filters, buf))
    }

    /// Writes already-filtered bytes as the chunk at a logical offset (`H5Dwrite_chunk`).
    pub fn write_chunk(&self, offset: &[u64], filter_mask: u32, data: &[u8]) -> Result<()> {
        self.check_offset_rank(offset)?;
        // SAFETY: `offset` holds `rank` values and `data` its length.
        let status = unsafe {
            H5Dwrite_chunk(self.id(), H5P_DEFAULT, filter_mask, offset.as_ptr(), data.len(), data.as_ptr().cast())
        };
        check(status, "H5Dwrite_chunk")
    }
}
