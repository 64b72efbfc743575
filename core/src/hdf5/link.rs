//! H5L: links — hard, soft and external — and listing a group's links.

use std::ffi::{c_char, c_int, c_uint, c_void, CStr};

use hdf5_sys::h5::{hbool_t, herr_t, hsize_t};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5l::{
    H5Lcopy, H5Lcreate_external, H5Lcreate_hard, H5Lcreate_soft, H5Ldelete, H5Lexists,
    H5Lget_val, H5Lmove, H5Lunpack_elink_val,
};
use hdf5_sys::h5p::H5P_DEFAULT;

use super::datatype::CharSet;
use super::error::{check, check_bool, Result};
use super::handle::Handle;
use super::plist::PropertyList;
use super::strings::c_name;

/// Which index a group's links are listed by (`H5_index_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexType {
    /// Alphabetical by name (`H5_INDEX_NAME`).
    Name,
    /// By creation order, if the group tracks it (`H5_INDEX_CRT_ORDER`).
    CreationOrder,
}

impl IndexType {
    pub(crate) fn code(self) -> c_int {
        match self {
            IndexType::Name => 0,
            IndexType::CreationOrder => 1,
        }
    }
}

/// Direction of a listing (`H5_iter_order_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IterOrder {
    /// Increasing (`H5_ITER_INC`).
    Increasing,
    /// Decreasing (`H5_ITER_DEC`).
    Decreasing,
    /// Whatever is fastest (`H5_ITER_NATIVE`).
    Native,
}

impl IterOrder {
    pub(crate) fn code(self) -> c_int {
        match self {
            IterOrder::Increasing => 0,
            IterOrder::Decreasing => 1,
            IterOrder::Native => 2,
        }
    }
}

/// What kind of link (`H5L_type_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A hard link to an object in this file.
    Hard,
    /// A soft link: a path, resolved when followed.
    Soft,
    /// An external link: a file name and a path in it.
    External,
    /// A user-defined link class.
    UserDefined(i32),
}

impl LinkKind {
    /// The `H5L_type_t` number (h5py's `h5l.TYPE_HARD`, ...).
    pub fn code(self) -> i32 {
        match self {
            LinkKind::Hard => 0,
            LinkKind::Soft => 1,
            LinkKind::External => 64,
            LinkKind::UserDefined(code) => code,
        }
    }

    fn from_code(code: c_int) -> LinkKind {
        match code {
            0 => LinkKind::Hard,
            1 => LinkKind::Soft,
            64 => LinkKind::External,
            other => LinkKind::UserDefined(other),
        }
    }
}

/// What `H5Lget_info2` reports of a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkInfo {
    /// Hard, soft, external, ...
    pub kind: LinkKind,
    /// Creation order, when the group tracks it.
    pub creation_order: Option<i64>,
    /// Character set of the link's name.
    pub cset: CharSet,
    /// For hard links, the target's object token (its address in native files).
    pub token: [u8; 16],
    /// For soft and external links, the size of the link value.
    pub value_size: usize,
}

/// The target of a soft or external link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkValue {
    /// A soft link's path.
    Soft(Vec<u8>),
    /// An external link's file name and object path.
    External {
        /// The target file.
        file: Vec<u8>,
        /// The object path in it.
        path: Vec<u8>,
    },
    /// The raw value of any other link class.
    Other(Vec<u8>),
}

// H5L_info2_t with its enum members as ints, so no value HDF5 writes is invalid here.
#[repr(C)]
#[derive(Clone, Copy)]
union RawLinkTarget {
    token: [u8; 16],
    val_size: usize,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct RawLinkInfo {
    kind: c_int,
    corder_valid: hbool_t,
    corder: i64,
    cset: c_int,
    target: RawLinkTarget,
}

type RawIterate = unsafe extern "C" fn(hid_t, *const c_char, *const RawLinkInfo, *mut c_void) -> herr_t;

unsafe extern "C" {
    #[link_name = "H5Lget_info2"]
    fn get_info2(loc: hid_t, name: *const c_char, info: *mut RawLinkInfo, lapl: hid_t) -> herr_t;
    #[link_name = "H5Literate2"]
    fn iterate2(
        group: hid_t,
        index: c_int,
        order: c_int,
        idx: *mut hsize_t,
        op: Option<RawIterate>,
        data: *mut c_void,
    ) -> herr_t;
    #[link_name = "H5Lvisit2"]
    fn visit2(group: hid_t, index: c_int, order: c_int, op: Option<RawIterate>, data: *mut c_void) -> herr_t;
}

impl LinkInfo {
    fn from_raw(raw: &RawLinkInfo) -> LinkInfo {
        let kind = LinkKind::from_code(raw.kind);
        // SAFETY: both union members are plain bytes; the kind says which is meaningful.
        let (token, value_size) = unsafe {
            match kind {
                LinkKind::Hard => (raw.target.token, 0),
                _ => ([0; 16], raw.target.val_size),
            }
        };
        LinkInfo {
            kind,
            creation_order: (raw.corder_valid != 0).then_some(raw.corder),
            cset: if raw.cset == 1 { CharSet::Utf8 } else { CharSet::Ascii },
            token,
            value_size,
        }
    }
}

fn lcpl_id(lcpl: Option<&PropertyList>) -> hid_t {
    lcpl.map_or(H5P_DEFAULT, |p| p.handle().id())
}

/// Creates a hard link `link_loc/link_name` to the object at `target_loc/target_name`
/// (`H5Lcreate_hard`).
pub fn create_hard(
    target_loc: &Handle,
    target_name: impl AsRef<[u8]>,
    link_loc: &Handle,
    link_name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let (target, name) = (c_name(target_name.as_ref())?, c_name(link_name.as_ref())?);
    // SAFETY: valid ids and C strings.
    let status = unsafe {
        H5Lcreate_hard(target_loc.id(), target.as_ptr(), link_loc.id(), name.as_ptr(), lcpl_id(lcpl), H5P_DEFAULT)
    };
    check(status, "H5Lcreate_hard")
}

/// Creates a soft link `link_loc/link_name` holding `target_path` (`H5Lcreate_soft`).
pub fn create_soft(
    target_path: impl AsRef<[u8]>,
    link_loc: &Handle,
    link_name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let (target, name) = (c_name(target_path.as_ref())?, c_name(link_name.as_ref())?);
    // SAFETY: valid id and C strings.
    let status =
        unsafe { H5Lcreate_soft(target.as_ptr(), link_loc.id(), name.as_ptr(), lcpl_id(lcpl), H5P_DEFAULT) };
    check(status, "H5Lcreate_soft")
}

/// Creates an external link `link_loc/link_name` to `object_path` in `file_name`
/// (`H5Lcreate_external`).
pub fn create_external(
    file_name: impl AsRef<[u8]>,
    object_path: impl AsRef<[u8]>,
    link_loc: &Handle,
    link_name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let file = c_name(file_name.as_ref())?;
    let path = c_name(object_path.as_ref())?;
    let name = c_name(link_name.as_ref())?;
    // SAFETY: valid id and C strings.
    let status = unsafe {
        H5Lcreate_external(file.as_ptr(), path.as_ptr(), link_loc.id(), name.as_ptr(), lcpl_id(lcpl), H5P_DEFAULT)
    };
    check(status, "H5Lcreate_external")
}

/// Whether a link of that name exists in the group (`H5Lexists`). Every component of a
/// path before the last must exist, as HDF5 requires.
pub fn exists(loc: &Handle, name: impl AsRef<[u8]>, lapl: Option<&PropertyList>) -> Result<bool> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    check_bool(unsafe { H5Lexists(loc.id(), name.as_ptr(), lcpl_id(lapl)) }, "H5Lexists")
}

/// Information about a link (`H5Lget_info2`).
pub fn info(loc: &Handle, name: impl AsRef<[u8]>, lapl: Option<&PropertyList>) -> Result<LinkInfo> {
    let name = c_name(name.as_ref())?;
    let mut raw = RawLinkInfo { kind: -1, corder_valid: 0, corder: 0, cset: 0, target: RawLinkTarget { val_size: 0 } };
    // SAFETY: valid id, C string and out-pointer of H5L_info2_t's layout.
    check(unsafe { get_info2(loc.id(), name.as_ptr(), &mut raw, lcpl_id(lapl)) }, "H5Lget_info2")?;
    Ok(LinkInfo::from_raw(&raw))
}

/// The target of a soft or external link (`H5Lget_val`, `H5Lunpack_elink_val`).
pub fn value(loc: &Handle, name: impl AsRef<[u8]>, lapl: Option<&PropertyList>) -> Result<LinkValue> {
    let link = info(loc, name.as_ref(), lapl)?;
    let cname = c_name(name.as_ref())?;
    let mut buf = vec![0u8; link.value_size.max(1)];
    // SAFETY: the buffer holds `value_size` bytes.
    let status = unsafe { H5Lget_val(loc.id(), cname.as_ptr(), buf.as_mut_ptr().cast(), buf.len(), lcpl_id(lapl)) };
    check(status, "H5Lget_val")?;
    match link.kind {
        LinkKind::Soft => Ok(LinkValue::Soft(until_nul(&buf))),
        LinkKind::External => {
            let (mut file, mut path): (*const c_char, *const c_char) = (std::ptr::null(), std::ptr::null());
            let mut flags: c_uint = 0;
            // SAFETY: the buffer holds the packed value; the out-pointers point into it.
            let status =
                unsafe { H5Lunpack_elink_val(buf.as_ptr().cast(), buf.len(), &mut flags, &mut file, &mut path) };
            check(status, "H5Lunpack_elink_val")?;
            // SAFETY: both point at NUL-terminated strings inside `buf`.
            let (file, path) = unsafe { (CStr::from_ptr(file).to_bytes().to_vec(), CStr::from_ptr(path).to_bytes().to_vec()) };
            Ok(LinkValue::External { file, path })
        }
        _ => Ok(LinkValue::Other(buf)),
    }
}

fn until_nul(buf: &[u8]) -> Vec<u8> {
    buf.iter().take_while(|&&b| b != 0).copied().collect()
}

/// Removes a link (`H5Ldelete`).
pub fn delete(loc: &Handle, name: impl AsRef<[u8]>) -> Result<()> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    check(unsafe { H5Ldelete(loc.id(), name.as_ptr(), H5P_DEFAULT) }, "H5Ldelete")
}

/// Renames or moves a link (`H5Lmove`).
pub fn move_link(
    src_loc: &Handle,
    src_name: impl AsRef<[u8]>,
    dst_loc: &Handle,
    dst_name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let (src, dst) = (c_name(src_name.as_ref())?, c_name(dst_name.as_ref())?);
    // SAFETY: valid ids and C strings.
    let status =
        unsafe { H5Lmove(src_loc.id(), src.as_ptr(), dst_loc.id(), dst.as_ptr(), lcpl_id(lcpl), H5P_DEFAULT) };
    check(status, "H5Lmove")
}

/// Copies a link (`H5Lcopy`).
pub fn copy_link(
    src_loc: &Handle,
    src_name: impl AsRef<[u8]>,
    dst_loc: &Handle,
    dst_name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let (src, dst) = (c_name(src_name.as_ref())?, c_name(dst_name.as_ref())?);
    // SAFETY: valid ids and C strings.
    let status =
        unsafe { H5Lcopy(src_loc.id(), src.as_ptr(), dst_loc.id(), dst.as_ptr(), lcpl_id(lcpl), H5P_DEFAULT) };
    check(status, "H5Lcopy")
}

unsafe extern "C" fn collect_link(
    _group: hid_t,
    name: *const c_char,
    info: *const RawLinkInfo,
    data: *mut c_void,
) -> herr_t {
    // SAFETY: HDF5 passes a valid name and info; `data` is the Vec given to the call.
    let (links, name, info) = unsafe { (&mut *(data as *mut Vec<(Vec<u8>, LinkInfo)>), CStr::from_ptr(name), &*info) };
    links.push((name.to_bytes().to_vec(), LinkInfo::from_raw(info)));
    0
}

/// The links of a group, in the index and order asked for (`H5Literate2`).
pub fn list(group: &Handle, index: IndexType, order: IterOrder) -> Result<Vec<(Vec<u8>, LinkInfo)>> {
    let mut links: Vec<(Vec<u8>, LinkInfo)> = Vec::new();
    let mut position: hsize_t = 0;
    // SAFETY: the callback only pushes into `links`, which outlives the call.
    let status = unsafe {
        iterate2(
            group.id(),
            index.code(),
            order.code(),
            &mut position,
            Some(collect_link),
            &mut links as *mut _ as *mut c_void,
        )
    };
    check(status, "H5Literate2")?;
    Ok(links)
}

/// Every link below a group, recursively, as paths relative to it (`H5Lvisit2`).
pub fn visit(group: &Handle, index: IndexType, order: IterOrder) -> Result<Vec<(Vec<u8>, LinkInfo)>> {
    let mut links: Vec<(Vec<u8>, LinkInfo)> = Vec::new();
    // SAFETY: the callback only pushes into `links`, which outlives the call.
    let status = unsafe {
        visit2(group.id(), index.code(), order.code(), Some(collect_link), &mut links as *mut _ as *mut c_void)
    };
    check(status, "H5Lvisit2")?;
    Ok(links)
}
