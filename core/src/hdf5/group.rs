//! H5G: creating, opening and describing groups.

use std::ffi::{c_char, c_int};

use hdf5_sys::h5::{hbool_t, herr_t, hsize_t};
use hdf5_sys::h5g::{H5Gcreate2, H5Gcreate_anon, H5Gopen2};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;

use super::error::{check, Result};
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
