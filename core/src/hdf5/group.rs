//! H5G: creating, opening and describing groups.

use std::ffi::{c_char, c_int};

use hdf5_sys::h5::{hbool_t, herr_t, hsize_t};
use hdf5_sys::h5g::{H5Gcreate2, H5Gcreate_anon, H5Gopen2};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;

use super::error::{check, H5Error, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::link::{self, IndexType, IterOrder};
use super::plist::PropertyList;
use super::strings::c_name;

/// How a group stores its links (`H5G_storage_type_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupStorage {
    /// The original symbol table (B-tree and local heap).
    SymbolTable,
    /// Links in the object header.
    Compact,
    /// Links in a fractal heap.
    Dense,
    /// Anything else.
    Unknown,
}

/// What `H5Gget_info` reports of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupInfo {
    /// How the links are stored.
    pub storage: GroupStorage,
    /// Number of links.
    pub links: u64,
    /// The highest creation order value used.
    pub max_creation_order: i64,
    /// Whether a file is mounted on the group.
    pub mounted: bool,
}

#[repr(C)]
struct RawGroupInfo {
    storage_type: c_int,
    nlinks: hsize_t,
    max_corder: i64,
    mounted: hbool_t,
}

unsafe extern "C" {
    #[link_name = "H5Gget_info"]
    fn get_info(group: hid_t, info: *mut RawGroupInfo) -> herr_t;
    #[link_name = "H5Gget_info_by_name"]
    fn get_info_by_name(loc: hid_t, name: *const c_char, info: *mut RawGroupInfo, lapl: hid_t) -> herr_t;
}

impl GroupInfo {
    fn from_raw(raw: &RawGroupInfo) -> GroupInfo {
        GroupInfo {
            storage: match raw.storage_type {
                0 => GroupStorage::SymbolTable,
                1 => GroupStorage::Compact,
                2 => GroupStorage::Dense,
                _ => GroupStorage::Unknown,
            },
            links: raw.nlinks,
            max_creation_order: raw.max_corder,
            mounted: raw.mounted != 0,
        }
    }
}

fn plist_id(plist: Option<&PropertyList>) -> hid_t {
    plist.map_or(H5P_DEFAULT, |p| p.handle().id())
}

/// An open group identifier (a file's root group works as a location too).
#[derive(Debug, Clone)]
pub struct Group {
    handle: Handle,
}

impl Group {
    /// Creates a group `loc/name` (`H5Gcreate2`).
    pub fn create(
        loc: &Handle,
        name: impl AsRef<[u8]>,
        lcpl: Option<&PropertyList>,
        gcpl: Option<&PropertyList>,
    ) -> Result<Group> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid id and C string.
        let id = unsafe { H5Gcreate2(loc.id(), name.as_ptr(), plist_id(lcpl), plist_id(gcpl), H5P_DEFAULT) };
        Ok(Group { handle: Handle::from_result(id, "H5Gcreate2")? })
    }

    /// Creates a group not linked anywhere yet (`H5Gcreate_anon`).
    pub fn create_anonymous(loc: &Handle, gcpl: Option<&PropertyList>) -> Result<Group> {
        // SAFETY: valid id.
        let id = unsafe { H5Gcreate_anon(loc.id(), plist_id(gcpl), H5P_DEFAULT) };
        Ok(Group { handle: Handle::from_result(id, "H5Gcreate_anon")? })
    }

    /// Opens the group `loc/name` (`H5Gopen2`).
    pub fn open(loc: &Handle, name: impl AsRef<[u8]>) -> Result<Group> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid id and C string.
        let id = unsafe { H5Gopen2(loc.id(), name.as_ptr(), H5P_DEFAULT) };
        Ok(Group { handle: Handle::from_result(id, "H5Gopen2")? })
    }

    /// Wraps a handle that refers to a group; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<Group> {
        (handle.id_type() == IdType::Group).then_some(Group { handle })
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> Group {
        Group { handle }
    }

    /// The group identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Storage, link count and creation-order state (`H5Gget_info`).
    pub fn info(&self) -> Result<GroupInfo> {
        info(&self.handle)
    }

    /// The group creation property list (`H5Gget_create_plist`).
    pub fn create_plist(&self) -> Result<PropertyList> {
        // SAFETY: plain call.
        PropertyList::from_result(unsafe { hdf5_sys::h5g::H5Gget_create_plist(self.handle.id()) }, "H5Gget_create_plist")
    }

    /// The names of the group's links, by name or creation order.
    pub fn member_names(&self, index: IndexType, order: IterOrder) -> Result<Vec<Vec<u8>>> {
        Ok(link::list(&self.handle, index, order)?.into_iter().map(|(name, _)| name).collect())
    }
}

/// `H5Gget_info` for any location: a group, or a file (its root group).
pub fn info(loc: &Handle) -> Result<GroupInfo> {
    let mut raw = RawGroupInfo { storage_type: -1, nlinks: 0, max_corder: 0, mounted: 0 };
    // SAFETY: valid out-pointer of H5G_info_t's layout.
    check(unsafe { get_info(loc.id(), &mut raw) }, "H5Gget_info")?;
    Ok(GroupInfo::from_raw(&raw))
}

/// Removes the link `loc/name` as h5py's `GroupID.unlink` does (`H5Gunlink`, the 1.6 API
/// h5py still calls, whose error text differs from `H5Ldelete`'s).
pub fn unlink(loc: &Handle, name: impl AsRef<[u8]>) -> Result<()> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    #[allow(deprecated)]
    let status = unsafe { hdf5_sys::h5g::H5Gunlink(loc.id(), name.as_ptr()) };
    check(status, "H5Gunlink")
}

/// `H5Gget_info_by_name`: the group at `loc/name`.
pub fn info_by_name(loc: &Handle, name: impl AsRef<[u8]>) -> Result<GroupInfo> {
    let name = c_name(name.as_ref())?;
    let mut raw = RawGroupInfo { storage_type: -1, nlinks: 0, max_corder: 0, mounted: 0 };
    // SAFETY: valid C string and out-pointer.
    check(unsafe { get_info_by_name(loc.id(), name.as_ptr(), &mut raw, H5P_DEFAULT) }, "H5Gget_info_by_name")?;
    Ok(GroupInfo::from_raw(&raw))
}

/// What the 1.6-era `H5Gget_objinfo` reports (h5py's `GroupStat`, and its identity of
/// an object: file and object numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjStat {
    /// File number pair.
    pub fileno: [u64; 2],
    /// Object number pair (the object's address).
    pub objno: [u64; 2],
    /// Hard links to the object.
    pub nlink: u32,
    /// `H5G_obj_t`: group 0, dataset 1, type 2, link 3, user-defined link 4.
    pub kind: i32,
    /// Modification time (seconds since the epoch).
    pub mtime: i64,
    /// Length of a soft link's value.
    pub linklen: usize,
}

#[repr(C)]
struct RawObjStat {
    fileno: [std::ffi::c_ulong; 2],
    objno: [std::ffi::c_ulong; 2],
    nlink: std::ffi::c_uint,
    kind: c_int,
    mtime: libc::time_t,
    linklen: usize,
    ohdr_size: hsize_t,
    ohdr_free: hsize_t,
    ohdr_nmesgs: std::ffi::c_uint,
    ohdr_nchunks: std::ffi::c_uint,
}

unsafe extern "C" {
    #[link_name = "H5Gget_objinfo"]
    fn get_objinfo(loc: hid_t, name: *const c_char, follow: hbool_t, stat: *mut RawObjStat) -> herr_t;
    #[link_name = "H5Gget_objtype_by_idx"]
    fn get_objtype_by_idx(loc: hid_t, idx: hsize_t) -> c_int;
    #[link_name = "H5Glink2"]
    fn link2(cur_loc: hid_t, cur_name: *const c_char, kind: c_int, new_loc: hid_t, new_name: *const c_char) -> herr_t;
}

/// `H5Gget_objinfo` of `loc/name`, following a soft link at the end when `follow`.
pub fn objinfo(loc: &Handle, name: &[u8], follow: bool) -> Result<ObjStat> {
    let name = c_name(name)?;
    let mut raw = RawObjStat {
        fileno: [0; 2],
        objno: [0; 2],
        nlink: 0,
        kind: -1,
        mtime: 0,
        linklen: 0,
        ohdr_size: 0,
        ohdr_free: 0,
        ohdr_nmesgs: 0,
        ohdr_nchunks: 0,
    };
    // SAFETY: valid C string; the out-pointer has H5G_stat_t's layout.
    check(unsafe { get_objinfo(loc.id(), name.as_ptr(), follow as hbool_t, &mut raw) }, "H5Gget_objinfo")?;
    Ok(ObjStat {
        fileno: [raw.fileno[0] as u64, raw.fileno[1] as u64],
        objno: [raw.objno[0] as u64, raw.objno[1] as u64],
        nlink: raw.nlink,
        kind: raw.kind,
        mtime: raw.mtime as i64,
        linklen: raw.linklen,
    })
}

/// Number of links in a group (`H5Gget_num_objs`).
pub fn num_objs(loc: &Handle) -> Result<u64> {
    let mut n: hsize_t = 0;
    // SAFETY: valid out-pointer.
    #[allow(deprecated)]
    check(unsafe { hdf5_sys::h5g::H5Gget_num_objs(loc.id(), &mut n) }, "H5Gget_num_objs")?;
    Ok(n)
}

/// The name of a group's `idx`-th link (`H5Gget_objname_by_idx`).
pub fn objname_by_idx(loc: &Handle, idx: u64) -> Result<Vec<u8>> {
    // SAFETY: the buffer is null with size 0, or holds `size` bytes.
    #[allow(deprecated)]
    super::strings::read_bytes("H5Gget_objname_by_idx", |buf, size| unsafe {
        hdf5_sys::h5g::H5Gget_objname_by_idx(loc.id(), idx, buf, size)
    })
}

/// The `H5G_obj_t` of a group's `idx`-th member (`H5Gget_objtype_by_idx`).
pub fn objtype_by_idx(loc: &Handle, idx: u64) -> Result<i32> {
    // SAFETY: plain call; the enum is read as an int.
    let kind = unsafe { get_objtype_by_idx(loc.id(), idx) };
    if kind < 0 {
        return Err(H5Error::from_stack("H5Gget_objtype_by_idx"));
    }
    Ok(kind)
}

// hdf5-sys declares H5Gget_linkval without its `size` parameter; this is HDF5's prototype.
unsafe extern "C" {
    #[link_name = "H5Gget_linkval"]
    fn H5Gget_linkval_sized(loc_id: hid_t, name: *const std::ffi::c_char, size: usize, buf: *mut std::ffi::c_char) -> i32;
}

/// The value of the soft link `loc/name`, `size` bytes long (`H5Gget_linkval`).
pub fn linkval(loc: &Handle, name: &[u8], size: usize) -> Result<Vec<u8>> {
    let name = c_name(name)?;
    let mut buf = vec![0u8; size + 1];
    // SAFETY: the buffer holds `size + 1` bytes.
    let status = unsafe { H5Gget_linkval_sized(loc.id(), name.as_ptr(), buf.len(), buf.as_mut_ptr().cast()) };
    check(status, "H5Gget_linkval")?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf.truncate(end);
    Ok(buf)
}

/// A hard (`kind` 0) or soft (1) link `new_loc/new_name` to `cur_name` (`H5Glink2`).
pub fn link(cur_loc: &Handle, cur_name: &[u8], kind: i32, new_loc: &Handle, new_name: &[u8]) -> Result<()> {
    let (cur, new) = (c_name(cur_name)?, c_name(new_name)?);
    // SAFETY: valid C strings; the link type is passed as the enum's int.
    check(unsafe { link2(cur_loc.id(), cur.as_ptr(), kind, new_loc.id(), new.as_ptr()) }, "H5Glink2")
}

/// Renames a link, possibly into another group (`H5Gmove2`).
pub fn move_link(src: &Handle, src_name: &[u8], dst: &Handle, dst_name: &[u8]) -> Result<()> {
    let (a, b) = (c_name(src_name)?, c_name(dst_name)?);
    // SAFETY: valid C strings.
    #[allow(deprecated)]
    check(unsafe { hdf5_sys::h5g::H5Gmove2(src.id(), a.as_ptr(), dst.id(), b.as_ptr()) }, "H5Gmove2")
}

/// Sets the comment of `loc/name` (`H5Oset_comment_by_name`).
pub fn set_comment(loc: &Handle, name: &[u8], comment: &[u8]) -> Result<()> {
    let (name, comment) = (c_name(name)?, c_name(comment)?);
    // SAFETY: valid C strings.
    #[allow(deprecated)]
    let status = unsafe { hdf5_sys::h5o::H5Oset_comment_by_name(loc.id(), name.as_ptr(), comment.as_ptr(), H5P_DEFAULT) };
    check(status, "H5Oset_comment_by_name")
}

/// The comment of `loc/name`, empty if none (`H5Oget_comment_by_name`).
pub fn comment(loc: &Handle, name: &[u8]) -> Result<Vec<u8>> {
    let name = c_name(name)?;
    // SAFETY: the buffer is null with size 0, or holds `size` bytes.
    super::strings::read_bytes("H5Oget_comment_by_name", |buf, size| unsafe {
        hdf5_sys::h5o::H5Oget_comment_by_name(loc.id(), name.as_ptr(), buf, size, H5P_DEFAULT)
    })
}
