//! File creation and access properties: format bounds, drivers, close degree, layout
//! of the file itself.

use std::ffi::c_int;

use hdf5_sys::h5f::H5F_close_degree_t;
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::{
    H5Pget_alignment, H5Pget_cache, H5Pget_driver, H5Pget_fapl_core, H5Pget_fclose_degree,
    H5Pget_userblock, H5Pset_alignment, H5Pset_cache, H5Pset_fapl_core, H5Pset_fapl_sec2,
    H5Pset_fclose_degree, H5Pset_userblock,
};

use super::PropertyList;
use crate::hdf5::error::{check, H5Error, Result};

/// A file-format version bound (`H5F_libver_t`), as h5py's `libver` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LibVersion {
    /// The earliest format that can store each object (`H5F_LIBVER_EARLIEST`).
    Earliest,
    /// HDF5 1.8 (`H5F_LIBVER_V18`).
    V18,
    /// HDF5 1.10 (`H5F_LIBVER_V110`).
    V110,
    /// HDF5 1.12 (`H5F_LIBVER_V112`).
    V112,
    /// HDF5 1.14 (`H5F_LIBVER_V114`).
    V114,
    /// HDF5 2.0 (`H5F_LIBVER_V200`).
    V200,
}

impl LibVersion {
    /// The newest bound the linked library knows (`H5F_LIBVER_LATEST`).
    pub fn latest() -> LibVersion {
        if cfg!(hdf5_2) {
            LibVersion::V200
        } else {
            LibVersion::V112
        }
    }

    /// The `H5F_libver_t` number.
    pub fn code(self) -> i32 {
        match self {
            LibVersion::Earliest => 0,
            LibVersion::V18 => 1,
            LibVersion::V110 => 2,
            LibVersion::V112 => 3,
            LibVersion::V114 => 4,
            LibVersion::V200 => 5,
        }
    }

    /// The bound of an `H5F_libver_t` number.
    pub fn from_code(code: c_int) -> Option<LibVersion> {
        Some(match code {
            0 => LibVersion::Earliest,
            1 => LibVersion::V18,
            2 => LibVersion::V110,
            3 => LibVersion::V112,
            4 => LibVersion::V114,
            5 => LibVersion::V200,
            _ => return None,
        })
    }
}

/// How closing a file treats objects still open in it (`H5F_close_degree_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseDegree {
    /// The driver's default.
    Default,
    /// The file stays open until its objects are closed.
    Weak,
    /// Closing fails while objects are open.
    Semi,
    /// Closing the file closes its objects.
    Strong,
}

// H5F_libver_t's members depend on the library version; pass the numbers instead.
unsafe extern "C" {
    #[link_name = "H5Pset_libver_bounds"]
    fn set_libver_bounds(plist: hid_t, low: c_int, high: c_int) -> c_int;
    #[link_name = "H5Pget_libver_bounds"]
    fn get_libver_bounds(plist: hid_t, low: *mut c_int, high: *mut c_int) -> c_int;
}

impl PropertyList {
    /// Sets the file-format bounds (`H5Pset_libver_bounds`).
    pub fn set_libver_bounds(&self, low: LibVersion, high: LibVersion) -> Result<()> {
        // SAFETY: plain call with enum numbers the library validates.
        check(unsafe { set_libver_bounds(self.id(), low.code(), high.code()) }, "H5Pset_libver_bounds")
    }

    /// The file-format bounds (`H5Pget_libver_bounds`).
    pub fn libver_bounds(&self) -> Result<(LibVersion, LibVersion)> {
        let (mut low, mut high) = (-1, -1);
        // SAFETY: valid out-pointers.
        check(unsafe { get_libver_bounds(self.id(), &mut low, &mut high) }, "H5Pget_libver_bounds")?;
        match (LibVersion::from_code(low), LibVersion::from_code(high)) {
            (Some(low), Some(high)) => Ok((low, high)),
            _ => Err(H5Error::from_stack("H5Pget_libver_bounds")),
        }
    }

    /// Sets how closing the file treats its open objects (`H5Pset_fclose_degree`).
    pub fn set_close_degree(&self, degree: CloseDegree) -> Result<()> {
        let raw = match degree {
            CloseDegree::Default => H5F_close_degree_t::H5F_CLOSE_DEFAULT,
            CloseDegree::Weak => H5F_close_degree_t::H5F_CLOSE_WEAK,
            CloseDegree::Semi => H5F_close_degree_t::H5F_CLOSE_SEMI,
            CloseDegree::Strong => H5F_close_degree_t::H5F_CLOSE_STRONG,
        };
        // SAFETY: plain call.
        check(unsafe { H5Pset_fclose_degree(self.id(), raw) }, "H5Pset_fclose_degree")
    }

    /// How closing the file treats its open objects (`H5Pget_fclose_degree`).
    pub fn close_degree(&self) -> Result<CloseDegree> {
        let mut raw = H5F_close_degree_t::H5F_CLOSE_DEFAULT;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_fclose_degree(self.id(), &mut raw) }, "H5Pget_fclose_degree")?;
        Ok(match raw {
            H5F_close_degree_t::H5F_CLOSE_WEAK => CloseDegree::Weak,
            H5F_close_degree_t::H5F_CLOSE_SEMI => CloseDegree::Semi,
            H5F_close_degree_t::H5F_CLOSE_STRONG => CloseDegree::Strong,
            H5F_close_degree_t::H5F_CLOSE_DEFAULT => CloseDegree::Default,
        })
    }

    /// Uses the in-memory `core` driver (`H5Pset_fapl_core`).
    pub fn set_core_driver(&self, increment: usize, backing_store: bool) -> Result<()> {
        // SAFETY: plain call.
        let status = unsafe { H5Pset_fapl_core(self.id(), increment, backing_store.into()) };
        check(status, "H5Pset_fapl_core")
    }

    /// The `core` driver's (increment, backing_store) (`H5Pget_fapl_core`).
    pub fn core_driver(&self) -> Result<(usize, bool)> {
        let (mut increment, mut backing) = (0, 0);
        // SAFETY: valid out-pointers.
        let status = unsafe { H5Pget_fapl_core(self.id(), &mut increment, &mut backing) };
        check(status, "H5Pget_fapl_core")?;
        Ok((increment, backing != 0))
    }

    /// Uses the default POSIX `sec2` driver (`H5Pset_fapl_sec2`).
    pub fn set_sec2_driver(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_fapl_sec2(self.id()) }, "H5Pset_fapl_sec2")
    }

    /// The name of the file driver set on the list: `"sec2"`, `"core"` or `None` for
    /// another driver (`H5Pget_driver`).
    pub fn driver_name(&self) -> Result<Option<&'static str>> {
        // SAFETY: plain call.
        let id = unsafe { H5Pget_driver(self.id()) };
        if id < 0 {
            return Err(H5Error::from_stack("H5Pget_driver"));
        }
        // The driver ids are library globals, valid while HDF5 is open.
        let (sec2, core) = (*hdf5_sys::h5fd::H5FD_SEC2, *hdf5_sys::h5fd::H5FD_CORE);
        Ok(if id == sec2 {
            Some("sec2")
        } else if id == core {
            Some("core")
        } else {
            None
        })
    }

    /// Sets object alignment in the file (`H5Pset_alignment`).
    pub fn set_alignment(&self, threshold: u64, alignment: u64) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_alignment(self.id(), threshold, alignment) }, "H5Pset_alignment")
    }

    /// Object alignment: (threshold, alignment) (`H5Pget_alignment`).
    pub fn alignment(&self) -> Result<(u64, u64)> {
        let (mut threshold, mut alignment) = (0, 0);
        // SAFETY: valid out-pointers.
        let status = unsafe { H5Pget_alignment(self.id(), &mut threshold, &mut alignment) };
        check(status, "H5Pget_alignment")?;
        Ok((threshold, alignment))
    }

    /// Sets the user block size of a file creation list (`H5Pset_userblock`).
    pub fn set_userblock(&self, size: u64) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_userblock(self.id(), size) }, "H5Pset_userblock")
    }

    /// The user block size (`H5Pget_userblock`).
    pub fn userblock(&self) -> Result<u64> {
        let mut size = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_userblock(self.id(), &mut size) }, "H5Pget_userblock")?;
        Ok(size)
    }

    /// Sets the raw-data chunk cache of a file access list (`H5Pset_cache`).
    pub fn set_cache(&self, slots: usize, bytes: usize, w0: f64) -> Result<()> {
        // SAFETY: plain call (the metadata cache element count is ignored by HDF5).
        check(unsafe { H5Pset_cache(self.id(), 0, slots, bytes, w0) }, "H5Pset_cache")
    }

    /// The file access list's cache: (mdc elements, slots, bytes, w0) (`H5Pget_cache`).
    pub fn cache(&self) -> Result<(i32, usize, usize, f64)> {
        let (mut mdc, mut slots, mut bytes, mut w0) = (0, 0, 0, 0.0);
        // SAFETY: valid out-pointers.
        let status = unsafe { H5Pget_cache(self.id(), &mut mdc, &mut slots, &mut bytes, &mut w0) };
        check(status, "H5Pget_cache")?;
        Ok((mdc, slots, bytes, w0))
    }
}

impl PropertyList {
    /// The byte sizes of file addresses and lengths (`H5Pget_sizes`).
    pub fn sizes(&self) -> Result<(usize, usize)> {
        let (mut addr, mut len) = (0, 0);
        // SAFETY: valid out-pointers.
        check(unsafe { hdf5_sys::h5p::H5Pget_sizes(self.id(), &mut addr, &mut len) }, "H5Pget_sizes")?;
        Ok((addr, len))
    }
}

impl PropertyList {
    /// File locking on open (`H5Pset_file_locking`); `ignore_when_disabled` lets the
    /// open go on where the file system has no locks.
    pub fn set_file_locking(&self, use_locking: bool, ignore_when_disabled: bool) -> Result<()> {
        // SAFETY: plain call.
        check(
            unsafe { hdf5_sys::h5p::H5Pset_file_locking(self.id(), use_locking as _, ignore_when_disabled as _) },
            "H5Pset_file_locking",
        )
    }

    /// The file space strategy of a new file (`H5Pset_file_space_strategy`):
    /// 0 free-space managers and aggregators, 1 paged, 2 aggregators, 3 none.
    pub fn set_file_space_strategy(&self, strategy: u32, persist: bool, threshold: u64) -> Result<()> {
        use hdf5_sys::h5f::H5F_fspace_strategy_t::*;
        let strategy = match strategy {
            1 => H5F_FSPACE_STRATEGY_PAGE,
            2 => H5F_FSPACE_STRATEGY_AGGR,
            3 => H5F_FSPACE_STRATEGY_NONE,
            _ => H5F_FSPACE_STRATEGY_FSM_AGGR,
        };
        // SAFETY: plain call.
        check(
            unsafe { hdf5_sys::h5p::H5Pset_file_space_strategy(self.id(), strategy, persist as _, threshold) },
            "H5Pset_file_space_strategy",
        )
    }

    /// The file space page size of a paged file (`H5Pset_file_space_page_size`).
    pub fn set_file_space_page_size(&self, size: u64) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_file_space_page_size(self.id(), size) }, "H5Pset_file_space_page_size")
    }

    /// The page buffer of a paged file (`H5Pset_page_buffer_size`).
    pub fn set_page_buffer_size(&self, size: usize, min_meta_percent: u32, min_raw_percent: u32) -> Result<()> {
        // SAFETY: plain call.
        check(
            unsafe { hdf5_sys::h5p::H5Pset_page_buffer_size(self.id(), size, min_meta_percent, min_raw_percent) },
            "H5Pset_page_buffer_size",
        )
    }

    /// Sets the minimum metadata block size (`H5Pset_meta_block_size`).
    pub fn set_meta_block_size(&self, size: u64) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_meta_block_size(self.id(), size) }, "H5Pset_meta_block_size")
    }

    /// The minimum metadata block size (`H5Pget_meta_block_size`).
    pub fn meta_block_size(&self) -> Result<u64> {
        let mut size = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { hdf5_sys::h5p::H5Pget_meta_block_size(self.id(), &mut size) }, "H5Pget_meta_block_size")?;
        Ok(size)
    }

    /// Sets the data sieve buffer size (`H5Pset_sieve_buf_size`).
    pub fn set_sieve_buf_size(&self, size: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_sieve_buf_size(self.id(), size) }, "H5Pset_sieve_buf_size")
    }

    /// The data sieve buffer size (`H5Pget_sieve_buf_size`).
    pub fn sieve_buf_size(&self) -> Result<usize> {
        let mut size = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { hdf5_sys::h5p::H5Pget_sieve_buf_size(self.id(), &mut size) }, "H5Pget_sieve_buf_size")?;
        Ok(size)
    }
}

// The strategy enum is read as a plain int.
unsafe extern "C" {
    #[link_name = "H5Pget_file_space_strategy"]
    fn get_file_space_strategy_raw(plist: hid_t, strategy: *mut c_int, persist: *mut u8, threshold: *mut u64) -> c_int;
}

impl PropertyList {
    /// The file space strategy, persistence and threshold (`H5Pget_file_space_strategy`).
    pub fn file_space_strategy(&self) -> Result<(i32, bool, u64)> {
        let (mut strategy, mut persist, mut threshold) = (0, 0u8, 0u64);
        // SAFETY: valid out-pointers.
        let status = unsafe { get_file_space_strategy_raw(self.id(), &mut strategy, &mut persist, &mut threshold) };
        check(status, "H5Pget_file_space_strategy")?;
        Ok((strategy, persist != 0, threshold))
    }

    /// The file space page size (`H5Pget_file_space_page_size`).
    pub fn file_space_page_size(&self) -> Result<u64> {
        let mut size = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { hdf5_sys::h5p::H5Pget_file_space_page_size(self.id(), &mut size) }, "H5Pget_file_space_page_size")?;
        Ok(size)
    }
}
