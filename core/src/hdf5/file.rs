//! H5F: creating, opening, flushing and closing files, and what they report.

use std::ffi::c_uint;

use hdf5_sys::h5f::{
    H5F_scope_t, H5Fclose, H5Fcreate, H5Fflush, H5Fget_access_plist, H5Fget_create_plist,
    H5Fget_filesize, H5Fget_freespace, H5Fget_intent, H5Fget_name, H5Fget_obj_count,
    H5Fget_obj_ids, H5Fis_accessible, H5Fopen, H5Freopen,
};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;

use super::error::{check, H5Error, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::owner::Library;
use super::plist::PropertyList;
use super::strings::{c_name, read_string};

/// File access and creation flags (`H5F_ACC_*`), as h5py's `h5f.ACC_*` constants.
pub mod access {
    use std::ffi::c_uint;
    /// Open read-only.
    pub const RDONLY: c_uint = hdf5_sys::h5f::H5F_ACC_RDONLY;
    /// Open read-write.
    pub const RDWR: c_uint = hdf5_sys::h5f::H5F_ACC_RDWR;
    /// Create, truncating an existing file.
    pub const TRUNC: c_uint = hdf5_sys::h5f::H5F_ACC_TRUNC;
    /// Create, failing if the file exists.
    pub const EXCL: c_uint = hdf5_sys::h5f::H5F_ACC_EXCL;
    /// Single-writer/multiple-reader: open for writing.
    pub const SWMR_WRITE: c_uint = hdf5_sys::h5f::H5F_ACC_SWMR_WRITE;
    /// Single-writer/multiple-reader: open for reading.
    pub const SWMR_READ: c_uint = hdf5_sys::h5f::H5F_ACC_SWMR_READ;
}

/// Which open objects `H5Fget_obj_count`/`H5Fget_obj_ids` count (`H5F_OBJ_*`).
pub mod objects {
    use std::ffi::c_uint;
    /// File identifiers.
    pub const FILE: c_uint = hdf5_sys::h5f::H5F_OBJ_FILE;
    /// Dataset identifiers.
    pub const DATASET: c_uint = hdf5_sys::h5f::H5F_OBJ_DATASET;
    /// Group identifiers.
    pub const GROUP: c_uint = hdf5_sys::h5f::H5F_OBJ_GROUP;
    /// Committed datatype identifiers.
    pub const DATATYPE: c_uint = hdf5_sys::h5f::H5F_OBJ_DATATYPE;
    /// Attribute identifiers.
    pub const ATTR: c_uint = hdf5_sys::h5f::H5F_OBJ_ATTR;
    /// All of the above.
    pub const ALL: c_uint = hdf5_sys::h5f::H5F_OBJ_ALL;
    /// Only identifiers opened through this file identifier.
    pub const LOCAL: c_uint = hdf5_sys::h5f::H5F_OBJ_LOCAL;
}

/// Whether a flush covers only this file or every file mounted with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlushScope {
    /// `H5F_SCOPE_LOCAL`.
    Local,
    /// `H5F_SCOPE_GLOBAL`.
    Global,
}

/// An open HDF5 file identifier.
#[derive(Debug, Clone)]
pub struct File {
    handle: Handle,
}

fn plist_id(plist: Option<&PropertyList>) -> hid_t {
    plist.map_or(H5P_DEFAULT, |p| p.handle().id())
}

impl File {
    /// Creates a file (`H5Fcreate`); `flags` is `access::TRUNC` or `access::EXCL`.
    pub fn create(
        _lib: &Library,
        path: impl AsRef<[u8]>,
        flags: c_uint,
        fcpl: Option<&PropertyList>,
        fapl: Option<&PropertyList>,
    ) -> Result<File> {
        let name = c_name(path.as_ref())?;
        // SAFETY: valid C string and property list ids (or H5P_DEFAULT).
        let id = unsafe { H5Fcreate(name.as_ptr(), flags, plist_id(fcpl), plist_id(fapl)) };
        Ok(File { handle: Handle::from_result(id, "H5Fcreate")? })
    }

    /// Opens an existing file (`H5Fopen`); `flags` is `access::RDONLY` or `access::RDWR`,
    /// optionally with a SWMR flag.
    pub fn open(
        _lib: &Library,
        path: impl AsRef<[u8]>,
        flags: c_uint,
        fapl: Option<&PropertyList>,
    ) -> Result<File> {
        let name = c_name(path.as_ref())?;
        // SAFETY: valid C string and property list id.
        let id = unsafe { H5Fopen(name.as_ptr(), flags, plist_id(fapl)) };
        Ok(File { handle: Handle::from_result(id, "H5Fopen")? })
    }

    /// Whether `path` is an HDF5 file HDF5 can open (`H5Fis_accessible`).
    pub fn is_accessible(
        _lib: &Library,
        path: impl AsRef<[u8]>,
        fapl: Option<&PropertyList>,
    ) -> Result<bool> {
        let name = c_name(path.as_ref())?;
        // SAFETY: valid C string and property list id.
        let answer = unsafe { H5Fis_accessible(name.as_ptr(), plist_id(fapl)) };
        if answer < 0 {
            return Err(H5Error::from_stack("H5Fis_accessible"));
        }
        Ok(answer > 0)
    }

    /// Wraps a handle that refers to a file; `None` if it refers to something else.
    pub fn from_handle(handle: Handle) -> Option<File> {
        (handle.id_type() == IdType::File).then_some(File { handle })
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> File {
        File { handle }
    }

    /// The file identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// A new identifier for the same file (`H5Freopen`), sharing its open state.
    pub fn reopen(&self) -> Result<File> {
        // SAFETY: H5Freopen checks its argument.
        let id = unsafe { H5Freopen(self.handle.id()) };
        Ok(File { handle: Handle::from_result(id, "H5Freopen")? })
    }

    /// Closes this file identifier (`H5Fclose`). The file itself closes when its last
    /// identifier and, under the weak close degree, its last object are closed.
    pub fn close(&mut self) -> Result<()> {
        if self.handle.is_valid() {
            // SAFETY: the id is a valid file id owned by this handle.
            if unsafe { H5Fclose(self.handle.id()) } < 0 {
                return Err(H5Error::from_stack("H5Fclose"));
            }
        }
        // The reference is gone: make the handle forget it without releasing again.
        let _ = std::mem::replace(&mut self.handle, Handle::invalid());
        Ok(())
    }

    /// Closes every identifier open in this file — objects first, then the file
    /// identifiers — however many references each has, as h5py's `File.close` does
    /// (`H5Fget_obj_ids` with `H5F_OBJ_LOCAL`, then `H5Idec_ref` until invalid).
    /// Handles that still hold those identifiers see them as invalid afterwards.
    pub fn close_with_objects(&mut self) -> Result<()> {
        for kinds in [objects::LOCAL | (objects::ALL & !objects::FILE), objects::LOCAL | objects::FILE] {
            for id in object_ids(self.handle.id(), kinds)? {
                force_close(id)?;
            }
        }
        let _ = std::mem::replace(&mut self.handle, Handle::invalid());
        Ok(())
    }

    /// Writes everything buffered for the file to disk (`H5Fflush`).
    pub fn flush(&self, scope: FlushScope) -> Result<()> {
        flush_object(&self.handle, scope)
    }

    /// Size of the file in bytes (`H5Fget_filesize`).
    pub fn size(&self) -> Result<u64> {
        let mut size = 0;
        // SAFETY: valid out-pointer.
        if unsafe { H5Fget_filesize(self.handle.id(), &mut size) } < 0 {
            return Err(H5Error::from_stack("H5Fget_filesize"));
        }
        Ok(size)
    }

    /// Free space in the file in bytes (`H5Fget_freespace`).
    pub fn freespace(&self) -> Result<u64> {
        // SAFETY: H5Fget_freespace checks its argument.
        let free = unsafe { H5Fget_freespace(self.handle.id()) };
        if free < 0 {
            return Err(H5Error::from_stack("H5Fget_freespace"));
        }
        Ok(free as u64)
    }

    /// The name the file was opened with (`H5Fget_name`).
    pub fn name(&self) -> Result<String> {
        file_name(&self.handle)
    }

    /// The access flags the file was opened with (`H5Fget_intent`).
    pub fn intent(&self) -> Result<c_uint> {
        let mut intent = 0;
        // SAFETY: valid out-pointer.
        if unsafe { H5Fget_intent(self.handle.id(), &mut intent) } < 0 {
            return Err(H5Error::from_stack("H5Fget_intent"));
        }
        Ok(intent)
    }

    /// How many identifiers of the given kinds are open in the file (`H5Fget_obj_count`).
    pub fn object_count(&self, kinds: c_uint) -> Result<usize> {
        object_count(self.handle.id(), kinds)
    }

    /// The identifiers of the given kinds open in the file (`H5Fget_obj_ids`), each as
    /// a new reference.
    pub fn open_objects(&self, kinds: c_uint) -> Result<Vec<Handle>> {
        object_ids(self.handle.id(), kinds)?.into_iter().map(Handle::share).collect()
    }

    /// The file creation property list (`H5Fget_create_plist`).
    pub fn create_plist(&self) -> Result<PropertyList> {
        // SAFETY: H5Fget_create_plist checks its argument.
        PropertyList::from_result(unsafe { H5Fget_create_plist(self.handle.id()) }, "H5Fget_create_plist")
    }

    /// The file access property list (`H5Fget_access_plist`).
    pub fn access_plist(&self) -> Result<PropertyList> {
        // SAFETY: H5Fget_access_plist checks its argument.
        PropertyList::from_result(unsafe { H5Fget_access_plist(self.handle.id()) }, "H5Fget_access_plist")
    }
}

/// The name of the file any object lives in (`H5Fget_name`).
pub fn file_name(object: &Handle) -> Result<String> {
    read_string("H5Fget_name", |buf, size| unsafe { H5Fget_name(object.id(), buf, size) })
}

/// Flushes the file any object lives in (`H5Fflush`).
pub fn flush_object(object: &Handle, scope: FlushScope) -> Result<()> {
    let scope = match scope {
        FlushScope::Local => H5F_scope_t::H5F_SCOPE_LOCAL,
        FlushScope::Global => H5F_scope_t::H5F_SCOPE_GLOBAL,
    };
    // SAFETY: H5Fflush checks its argument.
    if unsafe { H5Fflush(object.id(), scope) } < 0 {
        return Err(H5Error::from_stack("H5Fflush"));
    }
    Ok(())
}

/// Open identifiers of the given kinds in one file, or in every file with
/// `H5F_OBJ_ALL` as the id (`H5Fget_obj_count`).
pub fn object_count(file_id: hid_t, kinds: c_uint) -> Result<usize> {
    // SAFETY: H5Fget_obj_count checks its arguments.
    let n = unsafe { H5Fget_obj_count(file_id, kinds) };
    if n < 0 {
        return Err(H5Error::from_stack("H5Fget_obj_count"));
    }
    Ok(n as usize)
}

/// The raw identifiers of the given kinds open in one file, or in every file with
/// `H5F_OBJ_ALL` as the id (`H5Fget_obj_ids`).
fn object_ids(file_id: hid_t, kinds: c_uint) -> Result<Vec<hid_t>> {
    let count = object_count(file_id, kinds)?;
    let mut ids: Vec<hid_t> = vec![0; count];
    // SAFETY: the buffer holds `count` ids.
    let n = unsafe { H5Fget_obj_ids(file_id, kinds, count, ids.as_mut_ptr()) };
    if n < 0 {
        return Err(H5Error::from_stack("H5Fget_obj_ids"));
    }
    ids.truncate(n as usize);
    Ok(ids)
}

/// Releases every reference to `id` until HDF5 closes it.
fn force_close(id: hid_t) -> Result<()> {
    // SAFETY: H5Iis_valid accepts any value; each decrement releases one reference of a
    // valid id.
    while unsafe { hdf5_sys::h5i::H5Iis_valid(id) } > 0 {
        if unsafe { hdf5_sys::h5i::H5Idec_ref(id) } < 0 {
            return Err(H5Error::from_stack("H5Idec_ref"));
        }
    }
    Ok(())
}

/// Every file identifier open in the library, each as a new reference.
pub fn open_files(_lib: &Library) -> Result<Vec<File>> {
    let ids = object_ids(hdf5_sys::h5f::H5F_OBJ_ALL as hid_t, objects::FILE)?;
    Ok(ids.into_iter().filter_map(|id| Handle::share(id).ok()).map(|handle| File { handle }).collect())
}

/// Flushes every file open for writing (what a session does after each cell, so a
/// killed process loses nothing). Failures are ignored: a file that cannot be flushed
/// now reports its error on the next real operation.
pub fn flush_writable(lib: &Library) {
    for file in open_files(lib).unwrap_or_default() {
        if file.intent().is_ok_and(|i| i & access::RDWR != 0) {
            let _ = file.flush(FlushScope::Local);
        }
    }
}

/// Closes every open file and every object in them (session shutdown).
pub fn close_all(lib: &Library) {
    for mut file in open_files(lib).unwrap_or_default() {
        let _ = file.close_with_objects();
    }
    // Objects whose file identifiers were all closed earlier keep their files open
    // (weak close degree): release those too.
    for id in object_ids(hdf5_sys::h5f::H5F_OBJ_ALL as hid_t, objects::ALL).unwrap_or_default() {
        let _ = force_close(id);
    }
}

/// The identifiers of the given kinds open in one file, or in every file with
/// `H5F_OBJ_ALL` as `file_id` (`H5Fget_obj_ids`), each as a new reference.
pub fn open_ids(file_id: hid_t, kinds: c_uint) -> Result<Vec<Handle>> {
    object_ids(file_id, kinds)?.into_iter().map(Handle::share).collect()
}

/// The file descriptor the sec2 driver holds for an open file (`H5Fget_vfd_handle`).
pub fn vfd_handle(file: &Handle) -> Result<i32> {
    // SAFETY: H5Fget_access_plist checks its argument; the list is closed by its handle.
    let fapl = PropertyList::from_result(unsafe { H5Fget_access_plist(file.id()) }, "H5Fget_access_plist")?;
    let mut handle: *mut std::ffi::c_void = std::ptr::null_mut();
    // SAFETY: valid ids and out-pointer; for sec2 HDF5 stores a pointer to its int fd.
    check(unsafe { hdf5_sys::h5f::H5Fget_vfd_handle(file.id(), fapl.handle().id(), &mut handle) }, "H5Fget_vfd_handle")?;
    if handle.is_null() {
        return Err(H5Error::new(super::error::ExceptionClass::RuntimeError, "no file handle"));
    }
    // SAFETY: the sec2 and core drivers hand back a pointer to their `int` descriptor.
    Ok(unsafe { *(handle as *const i32) })
}

/// The metadata cache hit rate (`H5Fget_mdc_hit_rate`).
pub fn mdc_hit_rate(file: &Handle) -> Result<f64> {
    let mut rate = 0.0;
    // SAFETY: valid out-pointer.
    check(unsafe { hdf5_sys::h5f::H5Fget_mdc_hit_rate(file.id(), &mut rate) }, "H5Fget_mdc_hit_rate")?;
    Ok(rate)
}

/// The metadata cache's (max size, min clean size, current size, entries)
/// (`H5Fget_mdc_size`).
pub fn mdc_size(file: &Handle) -> Result<(usize, usize, usize, i32)> {
    let (mut max, mut min_clean, mut cur, mut n) = (0usize, 0usize, 0usize, 0i32);
    // SAFETY: valid out-pointers.
    let status = unsafe { hdf5_sys::h5f::H5Fget_mdc_size(file.id(), &mut max, &mut min_clean, &mut cur, &mut n) };
    check(status, "H5Fget_mdc_size")?;
    Ok((max, min_clean, cur, n))
}

/// Resets the metadata cache hit-rate statistics (`H5Freset_mdc_hit_rate_stats`).
pub fn reset_mdc_hit_rate_stats(file: &Handle) -> Result<()> {
    // SAFETY: plain call.
    check(unsafe { hdf5_sys::h5f::H5Freset_mdc_hit_rate_stats(file.id()) }, "H5Freset_mdc_hit_rate_stats")
}

/// Open identifiers of the given kinds across every open file: a leak check.
pub fn open_object_count(_lib: &Library, kinds: c_uint) -> Result<usize> {
    object_count(hdf5_sys::h5f::H5F_OBJ_ALL as hid_t, kinds)
}

/// What h5dump's `-B` reports of a file: format versions and creation properties
/// (`H5Fget_info2` and the file creation property list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Superblock {
    /// Superblock version.
    pub super_version: u32,
    /// Free-space manager version.
    pub freelist_version: u32,
    /// Shared object header message version.
    pub sohm_version: u32,
    /// Bytes per file address.
    pub offset_size: usize,
    /// Bytes per object length.
    pub length_size: usize,
    /// Symbol table B-tree internal node 'K'.
    pub sym_internal_k: u32,
    /// Symbol table B-tree leaf 'K'.
    pub sym_leaf_k: u32,
    /// Chunked storage B-tree internal 'K'.
    pub istore_k: u32,
    /// File space strategy (`H5F_fspace_strategy_t` number).
    pub fs_strategy: i32,
    /// Whether free space is persisted.
    pub fs_persist: bool,
    /// Free-space section threshold.
    pub fs_threshold: u64,
    /// File space page size.
    pub page_size: u64,
    /// User block size.
    pub userblock: u64,
}

/// The superblock and creation properties of an open file.
pub fn superblock(file: &File) -> Result<Superblock> {
    use hdf5_sys::h5f::{H5F_info2_t, H5Fget_info2};
    use hdf5_sys::h5p::{H5Pget_istore_k, H5Pget_sizes, H5Pget_sym_k, H5Pget_userblock};
    unsafe extern "C" {
        fn H5Pget_file_space_strategy(plist: hid_t, strategy: *mut std::ffi::c_int, persist: *mut hdf5_sys::h5::hbool_t, threshold: *mut u64) -> i32;
        fn H5Pget_file_space_page_size(plist: hid_t, size: *mut u64) -> i32;
    }
    let fcpl = file.create_plist()?;
    let mut info: H5F_info2_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid out-pointer of H5F_info2_t's layout.
    check(unsafe { H5Fget_info2(file.handle.id(), &mut info) }, "H5Fget_info2")?;
    let (mut off, mut len) = (0usize, 0usize);
    let (mut ik, mut lk, mut istore) = (0u32, 0u32, 0u32);
    let (mut strategy, mut persist, mut threshold, mut page) = (0, 0, 0u64, 0u64);
    let mut userblock = 0u64;
    let id = fcpl.handle().id();
    // SAFETY: valid out-pointers; failures leave zeros, as h5dump prints whatever it got.
    unsafe {
        H5Pget_sizes(id, &mut off, &mut len);
        H5Pget_sym_k(id, &mut ik, &mut lk);
        H5Pget_istore_k(id, &mut istore);
        H5Pget_file_space_strategy(id, &mut strategy, &mut persist, &mut threshold);
        H5Pget_file_space_page_size(id, &mut page);
        H5Pget_userblock(id, &mut userblock);
    }
    Ok(Superblock {
        super_version: info.super_.version,
        freelist_version: info.free.version,
        sohm_version: info.sohm.version,
        offset_size: off,
        length_size: len,
        sym_internal_k: ik,
        sym_leaf_k: lk,
        istore_k: istore,
        fs_strategy: strategy,
        fs_persist: persist != 0,
        fs_threshold: threshold,
        page_size: page,
        userblock,
    })
}
