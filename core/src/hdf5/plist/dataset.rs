//! Dataset creation and access properties: layout, chunks, filters, fill values.

use std::ffi::{c_char, c_int, c_uint};

use hdf5_sys::h5d::{H5D_alloc_time_t, H5D_fill_time_t, H5D_fill_value_t, H5D_layout_t};
use hdf5_sys::h5p::{
    H5Pall_filters_avail, H5Pfill_value_defined, H5Pget_alloc_time, H5Pget_chunk,
    H5Pget_chunk_cache, H5Pget_fill_time, H5Pget_fill_value, H5Pget_filter2, H5Pget_layout,
    H5Pget_nfilters, H5Premove_filter, H5Pset_alloc_time, H5Pset_chunk, H5Pset_chunk_cache,
    H5Pset_deflate, H5Pset_fill_time, H5Pset_fill_value, H5Pset_filter, H5Pset_fletcher32,
    H5Pset_layout, H5Pset_nbit, H5Pset_shuffle,
};

use super::PropertyList;
use crate::hdf5::datatype::Datatype;
use crate::hdf5::error::{check, check_bool, check_count, ExceptionClass, H5Error, Result};

/// How a dataset's raw data is stored (`H5D_layout_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// In the object header (`H5D_COMPACT`).
    Compact,
    /// One contiguous block (`H5D_CONTIGUOUS`).
    Contiguous,
    /// In chunks, indexed (`H5D_CHUNKED`).
    Chunked,
    /// Mapped from other datasets (`H5D_VIRTUAL`).
    Virtual,
}

impl Layout {
    /// The `H5D_layout_t` number (h5py's `h5d.COMPACT`, ...).
    pub fn code(self) -> i32 {
        match self {
            Layout::Compact => 0,
            Layout::Contiguous => 1,
            Layout::Chunked => 2,
            Layout::Virtual => 3,
        }
    }
}

/// When space for raw data is allocated (`H5D_alloc_time_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocTime {
    /// The layout's default.
    Default,
    /// At creation.
    Early,
    /// At first write.
    Late,
    /// Chunk by chunk, as written.
    Incremental,
}

/// When the fill value is written (`H5D_fill_time_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillTime {
    /// On allocation.
    Alloc,
    /// Never.
    Never,
    /// On allocation, if a fill value was set.
    IfSet,
}

/// Whether a fill value is defined and by whom (`H5D_fill_value_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillValueStatus {
    /// No fill value.
    Undefined,
    /// The library's default (zeros).
    Default,
    /// Set by the user.
    UserDefined,
}

/// One filter in a dataset's pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// Filter identifier (1 deflate, 2 shuffle, 3 fletcher32, 4 szip, 5 nbit,
    /// 6 scale-offset, 32000 lzf, ...).
    pub id: i32,
    /// Flags (`H5Z_FLAG_OPTIONAL`, ...).
    pub flags: u32,
    /// The client data values (e.g. the gzip level).
    pub values: Vec<u32>,
    /// The filter's name as stored.
    pub name: String,
}

impl PropertyList {
    /// Sets the chunk shape (and the chunked layout) (`H5Pset_chunk`).
    pub fn set_chunk(&self, dims: &[u64]) -> Result<()> {
        // SAFETY: `dims` holds `ndims` values.
        check(unsafe { H5Pset_chunk(self.id(), dims.len() as c_int, dims.as_ptr()) }, "H5Pset_chunk")
    }

    /// The chunk shape (`H5Pget_chunk`); fails for a list without a chunked layout.
    pub fn chunk(&self) -> Result<Vec<u64>> {
        let mut dims = [0u64; 32];
        // SAFETY: the buffer holds 32 (H5S_MAX_RANK) values.
        let n = unsafe { H5Pget_chunk(self.id(), dims.len() as c_int, dims.as_mut_ptr()) };
        let n = check_count(n, "H5Pget_chunk")? as usize;
        Ok(dims[..n].to_vec())
    }

    /// Sets the storage layout (`H5Pset_layout`).
    pub fn set_layout(&self, layout: Layout) -> Result<()> {
        let raw = match layout {
            Layout::Compact => H5D_layout_t::H5D_COMPACT,
            Layout::Contiguous => H5D_layout_t::H5D_CONTIGUOUS,
            Layout::Chunked => H5D_layout_t::H5D_CHUNKED,
            Layout::Virtual => H5D_layout_t::H5D_VIRTUAL,
        };
        // SAFETY: plain call.
        check(unsafe { H5Pset_layout(self.id(), raw) }, "H5Pset_layout")
    }

    /// The storage layout (`H5Pget_layout`).
    pub fn layout(&self) -> Result<Layout> {
        // SAFETY: plain call.
        match unsafe { H5Pget_layout(self.id()) } {
            H5D_layout_t::H5D_COMPACT => Ok(Layout::Compact),
            H5D_layout_t::H5D_CONTIGUOUS => Ok(Layout::Contiguous),
            H5D_layout_t::H5D_CHUNKED => Ok(Layout::Chunked),
            H5D_layout_t::H5D_VIRTUAL => Ok(Layout::Virtual),
            _ => Err(H5Error::from_stack("H5Pget_layout")),
        }
    }

    /// Adds the gzip (deflate) filter at `level` 0–9 (`H5Pset_deflate`).
    pub fn set_deflate(&self, level: u32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_deflate(self.id(), level) }, "H5Pset_deflate")
    }

    /// Adds the shuffle filter (`H5Pset_shuffle`).
    pub fn set_shuffle(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_shuffle(self.id()) }, "H5Pset_shuffle")
    }

    /// Adds the Fletcher-32 checksum filter (`H5Pset_fletcher32`).
    pub fn set_fletcher32(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_fletcher32(self.id()) }, "H5Pset_fletcher32")
    }

    /// Adds the N-bit filter (`H5Pset_nbit`).
    pub fn set_nbit(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_nbit(self.id()) }, "H5Pset_nbit")
    }

    /// Adds the scale-offset filter (`H5Pset_scaleoffset`): integer data with
    /// `factor` minimum bits (0: let HDF5 compute them), or float data kept to
    /// `factor` decimal digits (D-scaling).
    pub fn set_scaleoffset(&self, integer: bool, factor: i32) -> Result<()> {
        use hdf5_sys::h5z::H5Z_SO_scale_type_t::{H5Z_SO_FLOAT_DSCALE, H5Z_SO_INT};
        let kind = if integer { H5Z_SO_INT } else { H5Z_SO_FLOAT_DSCALE };
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_scaleoffset(self.id(), kind, factor) }, "H5Pset_scaleoffset")
    }

    /// Stores raw data in an external file: `size` bytes from `offset`
    /// (`H5Pset_external`; `u64::MAX` is unlimited).
    pub fn add_external(&self, name: &[u8], offset: i64, size: u64) -> Result<()> {
        let name = crate::hdf5::strings::c_name(name)?;
        // SAFETY: a valid C string.
        check(unsafe { hdf5_sys::h5p::H5Pset_external(self.id(), name.as_ptr(), offset as _, size) }, "H5Pset_external")
    }

    /// Adds any filter by id with its client values (`H5Pset_filter`).
    pub fn set_filter(&self, id: i32, flags: u32, values: &[u32]) -> Result<()> {
        // SAFETY: `values` holds `cd_nelmts` values.
        let status = unsafe { H5Pset_filter(self.id(), id, flags, values.len(), values.as_ptr()) };
        check(status, "H5Pset_filter")
    }

    /// Removes a filter from the pipeline (`H5Premove_filter`). HDF5 2.2's removal of
    /// a filter that is not last leaves a pipeline that crashes a later `H5Pcopy`
    /// (`free(): invalid pointer`), so the pipeline is emptied and rebuilt without it.
    pub fn remove_filter(&self, id: i32) -> Result<()> {
        let filters = self.filters()?;
        if !filters.iter().any(|f| f.id == id) || filters.last().is_some_and(|f| f.id == id) {
            // SAFETY: plain call (HDF5 reports a filter that is not there).
            return check(unsafe { H5Premove_filter(self.id(), id) }, "H5Premove_filter");
        }
        // SAFETY: plain call; H5Z_FILTER_ALL (0) removes every filter.
        check(unsafe { H5Premove_filter(self.id(), 0) }, "H5Premove_filter")?;
        for f in filters.iter().filter(|f| f.id != id) {
            self.set_filter(f.id, f.flags, &f.values)?;
        }
        Ok(())
    }

    /// Number of filters in the pipeline (`H5Pget_nfilters`).
    pub fn filter_count(&self) -> Result<usize> {
        // SAFETY: plain call.
        Ok(check_count(unsafe { H5Pget_nfilters(self.id()) }, "H5Pget_nfilters")? as usize)
    }

    /// The filter at `index` in the pipeline (`H5Pget_filter2`).
    pub fn filter(&self, index: usize) -> Result<Filter> {
        let mut flags: c_uint = 0;
        let mut values = [0 as c_uint; 32];
        let mut n_values = values.len();
        let mut name = [0 as c_char; 257];
        let mut config: c_uint = 0;
        // SAFETY: every out-buffer is as large as the sizes passed.
        let id = unsafe {
            H5Pget_filter2(
                self.id(),
                index as c_uint,
                &mut flags,
                &mut n_values,
                values.as_mut_ptr(),
                name.len() - 1,
                name.as_mut_ptr(),
                &mut config,
            )
        };
        if id < 0 {
            return Err(H5Error::from_stack("H5Pget_filter2"));
        }
        // SAFETY: HDF5 NUL-terminates within the given size; the last byte stays 0.
        let name = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) }.to_string_lossy().into_owned();
        Ok(Filter { id, flags, values: values[..n_values.min(values.len())].to_vec(), name })
    }

    /// Every filter in the pipeline, in order.
    pub fn filters(&self) -> Result<Vec<Filter>> {
        (0..self.filter_count()?).map(|i| self.filter(i)).collect()
    }

    /// Whether every filter in the pipeline is available (`H5Pall_filters_avail`).
    pub fn all_filters_available(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Pall_filters_avail(self.id()) }, "H5Pall_filters_avail")
    }

    /// Sets the fill value from its bytes in `datatype` (`H5Pset_fill_value`).
    pub fn set_fill_value(&self, datatype: &Datatype, value: &[u8]) -> Result<()> {
        if value.len() != datatype.size()? {
            return Err(H5Error::new(
                ExceptionClass::ValueError,
                format!("fill value has {} bytes, its type {}", value.len(), datatype.size()?),
            ));
        }
        // SAFETY: the buffer holds one element of `datatype`.
        let status =
            unsafe { H5Pset_fill_value(self.id(), datatype.id(), value.as_ptr().cast()) };
        check(status, "H5Pset_fill_value")
    }

    /// The fill value as bytes of `datatype` (`H5Pget_fill_value`); `datatype` must be
    /// of fixed size.
    pub fn fill_value(&self, datatype: &Datatype) -> Result<Vec<u8>> {
        let mut value = vec![0u8; datatype.size()?];
        // SAFETY: the buffer holds one element of `datatype`.
        let status =
            unsafe { H5Pget_fill_value(self.id(), datatype.id(), value.as_mut_ptr().cast()) };
        check(status, "H5Pget_fill_value")?;
        Ok(value)
    }

    /// Whether a fill value is defined (`H5Pfill_value_defined`).
    pub fn fill_value_status(&self) -> Result<FillValueStatus> {
        let mut status = H5D_fill_value_t::H5D_FILL_VALUE_ERROR;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pfill_value_defined(self.id(), &mut status) }, "H5Pfill_value_defined")?;
        Ok(match status {
            H5D_fill_value_t::H5D_FILL_VALUE_UNDEFINED => FillValueStatus::Undefined,
            H5D_fill_value_t::H5D_FILL_VALUE_USER_DEFINED => FillValueStatus::UserDefined,
            _ => FillValueStatus::Default,
        })
    }

    /// Sets when space is allocated (`H5Pset_alloc_time`).
    pub fn set_alloc_time(&self, time: AllocTime) -> Result<()> {
        let raw = match time {
            AllocTime::Default => H5D_alloc_time_t::H5D_ALLOC_TIME_DEFAULT,
            AllocTime::Early => H5D_alloc_time_t::H5D_ALLOC_TIME_EARLY,
            AllocTime::Late => H5D_alloc_time_t::H5D_ALLOC_TIME_LATE,
            AllocTime::Incremental => H5D_alloc_time_t::H5D_ALLOC_TIME_INCR,
        };
        // SAFETY: plain call.
        check(unsafe { H5Pset_alloc_time(self.id(), raw) }, "H5Pset_alloc_time")
    }

    /// When space is allocated (`H5Pget_alloc_time`).
    pub fn alloc_time(&self) -> Result<AllocTime> {
        let mut raw = H5D_alloc_time_t::H5D_ALLOC_TIME_ERROR;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_alloc_time(self.id(), &mut raw) }, "H5Pget_alloc_time")?;
        Ok(match raw {
            H5D_alloc_time_t::H5D_ALLOC_TIME_EARLY => AllocTime::Early,
            H5D_alloc_time_t::H5D_ALLOC_TIME_LATE => AllocTime::Late,
            H5D_alloc_time_t::H5D_ALLOC_TIME_INCR => AllocTime::Incremental,
            _ => AllocTime::Default,
        })
    }

    /// Sets when the fill value is written (`H5Pset_fill_time`).
    pub fn set_fill_time(&self, time: FillTime) -> Result<()> {
        let raw = match time {
            FillTime::Alloc => H5D_fill_time_t::H5D_FILL_TIME_ALLOC,
            FillTime::Never => H5D_fill_time_t::H5D_FILL_TIME_NEVER,
            FillTime::IfSet => H5D_fill_time_t::H5D_FILL_TIME_IFSET,
        };
        // SAFETY: plain call.
        check(unsafe { H5Pset_fill_time(self.id(), raw) }, "H5Pset_fill_time")
    }

    /// When the fill value is written (`H5Pget_fill_time`).
    pub fn fill_time(&self) -> Result<FillTime> {
        let mut raw = H5D_fill_time_t::H5D_FILL_TIME_ERROR;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_fill_time(self.id(), &mut raw) }, "H5Pget_fill_time")?;
        Ok(match raw {
            H5D_fill_time_t::H5D_FILL_TIME_ALLOC => FillTime::Alloc,
            H5D_fill_time_t::H5D_FILL_TIME_NEVER => FillTime::Never,
            _ => FillTime::IfSet,
        })
    }

    /// Sets a dataset access list's chunk cache (`H5Pset_chunk_cache`).
    pub fn set_chunk_cache(&self, slots: usize, bytes: usize, w0: f64) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_chunk_cache(self.id(), slots, bytes, w0) }, "H5Pset_chunk_cache")
    }

    /// A dataset access list's chunk cache: (slots, bytes, w0) (`H5Pget_chunk_cache`).
    pub fn chunk_cache(&self) -> Result<(usize, usize, f64)> {
        let (mut slots, mut bytes, mut w0) = (0, 0, 0.0);
        // SAFETY: valid out-pointers.
        let status = unsafe { H5Pget_chunk_cache(self.id(), &mut slots, &mut bytes, &mut w0) };
        check(status, "H5Pget_chunk_cache")?;
        Ok((slots, bytes, w0))
    }

    /// The external files of a contiguous dataset: (name, offset, size) each
    /// (`H5Pget_external_count`, `H5Pget_external`).
    pub fn external_files(&self) -> Result<Vec<(String, i64, u64)>> {
        // SAFETY: plain call.
        let n = check_count(unsafe { hdf5_sys::h5p::H5Pget_external_count(self.id()) }, "H5Pget_external_count")?;
        let mut files = Vec::new();
        for i in 0..n as c_uint {
            let mut name = [0 as c_char; 257];
            let (mut offset, mut size): (libc::off_t, u64) = (0, 0);
            // SAFETY: the name buffer holds 256 bytes plus a NUL that stays 0.
            let status = unsafe {
                hdf5_sys::h5p::H5Pget_external(self.id(), i, name.len() - 1, name.as_mut_ptr(), &mut offset, &mut size)
            };
            check(status, "H5Pget_external")?;
            // SAFETY: NUL-terminated within the buffer.
            let name = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) }.to_string_lossy().into_owned();
            files.push((name, offset as i64, size));
        }
        Ok(files)
    }

    /// The directory that relative external storage file names are resolved against
    /// (`H5Pset_efile_prefix`, a dataset access property).
    pub fn set_efile_prefix(&self, prefix: impl AsRef<[u8]>) -> Result<()> {
        let prefix = crate::hdf5::strings::c_name(prefix.as_ref())?;
        // SAFETY: valid C string.
        check(unsafe { hdf5_sys::h5p::H5Pset_efile_prefix(self.id(), prefix.as_ptr()) }, "H5Pset_efile_prefix")
    }
}

/// Whether filter `id` is available in this library (`H5Zfilter_avail`).
pub fn filter_available(id: i32) -> Result<bool> {
    // SAFETY: H5Zfilter_avail takes any filter number.
    check_bool(unsafe { hdf5_sys::h5z::H5Zfilter_avail(id) }, "H5Zfilter_avail")
}

/// The configuration flags of filter `id` (`H5Zget_filter_info`): encoding and
/// decoding enabled.
pub fn filter_info(id: i32) -> Result<u32> {
    let mut flags = 0;
    // SAFETY: valid out-pointer.
    check(unsafe { hdf5_sys::h5z::H5Zget_filter_info(id, &mut flags) }, "H5Zget_filter_info")?;
    Ok(flags)
}
