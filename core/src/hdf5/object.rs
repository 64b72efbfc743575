//! H5O: opening any object, what it is, copying it, comments.

use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void, CStr};

use hdf5_sys::h5::herr_t;
use hdf5_sys::h5i::hid_t;
#[allow(deprecated)] // comments are deprecated in favour of attributes, but h5py offers them
use hdf5_sys::h5o::H5Oset_comment;
use hdf5_sys::h5o::{H5Ocopy, H5Oexists_by_name, H5Oget_comment, H5Olink, H5Oopen};
use hdf5_sys::h5p::H5P_DEFAULT;

use super::error::{check, check_bool, Result};
use super::handle::Handle;
use super::link::{IndexType, IterOrder};
use super::plist::PropertyList;
use super::strings::{c_name, read_string};

/// What kind of object lives at an address (`H5O_type_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectType {
    /// A group.
    Group,
    /// A dataset.
    Dataset,
    /// A committed datatype.
    NamedDatatype,
    /// A map (not in native files).
    Map,
    /// Anything else.
    Unknown,
}

impl ObjectType {
    /// The `H5O_type_t` number (h5py's `h5o.TYPE_GROUP`, ...).
    pub fn code(self) -> i32 {
        match self {
            ObjectType::Group => 0,
            ObjectType::Dataset => 1,
            ObjectType::NamedDatatype => 2,
            ObjectType::Map => 3,
            ObjectType::Unknown => -1,
        }
    }
}

/// What `H5Oget_info3` reports of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectInfo {
    /// The file's number (equal for objects of one open file).
    pub fileno: u64,
    /// The object's token (its address in native files).
    pub token: [u8; 16],
    /// Group, dataset, committed datatype.
    pub kind: ObjectType,
    /// Number of hard links to the object.
    pub ref_count: u32,
    /// Access time (seconds since the epoch; 0 when not tracked).
    pub atime: i64,
    /// Modification time.
    pub mtime: i64,
    /// Metadata change time.
    pub ctime: i64,
    /// Birth time.
    pub btime: i64,
    /// Number of attributes.
    pub attribute_count: u64,
}

impl ObjectInfo {
    /// The object's address, read from its token as HDF5's native format stores it.
    pub fn address(&self) -> u64 {
        u64::from_le_bytes(self.token[..8].try_into().unwrap_or([0; 8]))
    }
}

#[repr(C)]
struct RawObjectInfo {
    fileno: c_ulong,
    token: [u8; 16],
    kind: c_int,
    rc: c_uint,
    atime: libc::time_t,
    mtime: libc::time_t,
    ctime: libc::time_t,
    btime: libc::time_t,
    num_attrs: u64,
}

/// H5O_token_t, passed by value.
#[repr(C)]
struct RawToken {
    data: [u8; 16],
}

type RawVisit = unsafe extern "C" fn(hid_t, *const c_char, *const RawObjectInfo, *mut c_void) -> herr_t;

unsafe extern "C" {
    #[link_name = "H5Oget_info3"]
    fn get_info3(obj: hid_t, info: *mut RawObjectInfo, fields: c_uint) -> herr_t;
    #[link_name = "H5Oget_info_by_name3"]
    fn get_info_by_name3(
        loc: hid_t,
        name: *const c_char,
        info: *mut RawObjectInfo,
        fields: c_uint,
        lapl: hid_t,
    ) -> herr_t;
    #[link_name = "H5Oopen_by_token"]
    fn open_by_token_raw(loc: hid_t, token: RawToken) -> hid_t;
    #[link_name = "H5Ovisit3"]
    fn visit3(
        obj: hid_t,
        index: c_int,
        order: c_int,
        op: Option<RawVisit>,
        data: *mut c_void,
        fields: c_uint,
    ) -> herr_t;
}

const INFO_BASIC: c_uint = 0x0001;
const INFO_ALL: c_uint = INFO_BASIC | 0x0002 | 0x0004; // BASIC | TIME | NUM_ATTRS

fn empty_raw() -> RawObjectInfo {
    RawObjectInfo { fileno: 0, token: [0; 16], kind: -1, rc: 0, atime: 0, mtime: 0, ctime: 0, btime: 0, num_attrs: 0 }
}

impl ObjectInfo {
    fn from_raw(raw: &RawObjectInfo) -> ObjectInfo {
        ObjectInfo {
            fileno: raw.fileno as u64,
            token: raw.token,
            kind: match raw.kind {
                0 => ObjectType::Group,
                1 => ObjectType::Dataset,
                2 => ObjectType::NamedDatatype,
                3 => ObjectType::Map,
                _ => ObjectType::Unknown,
            },
            ref_count: raw.rc,
            atime: raw.atime as i64,
            mtime: raw.mtime as i64,
            ctime: raw.ctime as i64,
            btime: raw.btime as i64,
            attribute_count: raw.num_attrs,
        }
    }
}

/// Opens whatever object `loc/name` is — group, dataset or committed type (`H5Oopen`).
pub fn open(loc: &Handle, name: impl AsRef<[u8]>, lapl: Option<&PropertyList>) -> Result<Handle> {
    let name = c_name(name.as_ref())?;
    let lapl = lapl.map_or(H5P_DEFAULT, |p| p.handle().id());
    // SAFETY: valid id and C string.
    Handle::from_result(unsafe { H5Oopen(loc.id(), name.as_ptr(), lapl) }, "H5Oopen")
}

/// Links an open (possibly anonymous) object into a group as `loc/name` (`H5Olink`).
pub fn link(
    object: &Handle,
    loc: &Handle,
    name: impl AsRef<[u8]>,
    lcpl: Option<&PropertyList>,
    lapl: Option<&PropertyList>,
) -> Result<()> {
    let name = c_name(name.as_ref())?;
    let id = |p: Option<&PropertyList>| p.map_or(H5P_DEFAULT, |p| p.handle().id());
    // SAFETY: valid ids and C string.
    check(unsafe { H5Olink(object.id(), loc.id(), name.as_ptr(), id(lcpl), id(lapl)) }, "H5Olink")
}

/// Opens the object with the given token in `loc`'s file (`H5Oopen_by_token`).
pub fn open_by_token(loc: &Handle, token: [u8; 16]) -> Result<Handle> {
    // SAFETY: the token is passed by value.
    Handle::from_result(unsafe { open_by_token_raw(loc.id(), RawToken { data: token }) }, "H5Oopen_by_token")
}

/// Information about an open object (`H5Oget_info3`).
pub fn info(object: &Handle) -> Result<ObjectInfo> {
    let mut raw = empty_raw();
    // SAFETY: valid out-pointer of H5O_info2_t's layout.
    check(unsafe { get_info3(object.id(), &mut raw, INFO_ALL) }, "H5Oget_info3")?;
    Ok(ObjectInfo::from_raw(&raw))
}

/// Information about the object at `loc/name` (`H5Oget_info_by_name3`).
pub fn info_by_name(loc: &Handle, name: impl AsRef<[u8]>, lapl: Option<&PropertyList>) -> Result<ObjectInfo> {
    let name = c_name(name.as_ref())?;
    let lapl = lapl.map_or(H5P_DEFAULT, |p| p.handle().id());
    let mut raw = empty_raw();
    // SAFETY: valid C string and out-pointer.
    let status = unsafe { get_info_by_name3(loc.id(), name.as_ptr(), &mut raw, INFO_ALL, lapl) };
    check(status, "H5Oget_info_by_name3")?;
    Ok(ObjectInfo::from_raw(&raw))
}

/// Whether `loc/name` resolves to an object (`H5Oexists_by_name`).
pub fn exists_by_name(loc: &Handle, name: impl AsRef<[u8]>) -> Result<bool> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    check_bool(unsafe { H5Oexists_by_name(loc.id(), name.as_ptr(), H5P_DEFAULT) }, "H5Oexists_by_name")
}

/// Copies an object, possibly between files (`H5Ocopy`).
pub fn copy(
    src_loc: &Handle,
    src_name: impl AsRef<[u8]>,
    dst_loc: &Handle,
    dst_name: impl AsRef<[u8]>,
    ocpypl: Option<&PropertyList>,
    lcpl: Option<&PropertyList>,
) -> Result<()> {
    let (src, dst) = (c_name(src_name.as_ref())?, c_name(dst_name.as_ref())?);
    let ocpypl = ocpypl.map_or(H5P_DEFAULT, |p| p.handle().id());
    let lcpl = lcpl.map_or(H5P_DEFAULT, |p| p.handle().id());
    // SAFETY: valid ids and C strings.
    let status = unsafe { H5Ocopy(src_loc.id(), src.as_ptr(), dst_loc.id(), dst.as_ptr(), ocpypl, lcpl) };
    check(status, "H5Ocopy")
}

/// Sets (or with `None` removes) an object's comment (`H5Oset_comment`).
pub fn set_comment(object: &Handle, comment: Option<&[u8]>) -> Result<()> {
    let comment = comment.map(c_name).transpose()?;
    let ptr = comment.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: valid id; the comment is a C string or null.
    #[allow(deprecated)]
    check(unsafe { H5Oset_comment(object.id(), ptr) }, "H5Oset_comment")
}

/// An object's comment, empty if it has none (`H5Oget_comment`).
pub fn comment(object: &Handle) -> Result<String> {
    read_string("H5Oget_comment", |buf, size| unsafe { H5Oget_comment(object.id(), buf, size) })
}

unsafe extern "C" fn collect_object(
    _obj: hid_t,
    name: *const c_char,
    info: *const RawObjectInfo,
    data: *mut c_void,
) -> herr_t {
    // SAFETY: HDF5 passes a valid name and info; `data` is the Vec given to the call.
    let (objects, name, info) =
        unsafe { (&mut *(data as *mut Vec<(Vec<u8>, ObjectInfo)>), CStr::from_ptr(name), &*info) };
    objects.push((name.to_bytes().to_vec(), ObjectInfo::from_raw(info)));
    0
}

/// Every object reachable from `object` (itself first, as `.`), each once, with its
/// path relative to it (`H5Ovisit3`).
pub fn visit(object: &Handle, index: IndexType, order: IterOrder) -> Result<Vec<(Vec<u8>, ObjectInfo)>> {
    visit_fields(object, index, order, INFO_ALL)
}

/// Like [`visit`], but HDF5 reads only each object's basic information (file number,
/// token, type, link count): times and attribute counts are left 0. Much cheaper on
/// files with many objects (no attribute or time messages are decoded).
pub fn visit_basic(object: &Handle, index: IndexType, order: IterOrder) -> Result<Vec<(Vec<u8>, ObjectInfo)>> {
    visit_fields(object, index, order, INFO_BASIC)
}

fn visit_fields(object: &Handle, index: IndexType, order: IterOrder, fields: c_uint) -> Result<Vec<(Vec<u8>, ObjectInfo)>> {
    let mut objects: Vec<(Vec<u8>, ObjectInfo)> = Vec::new();
    // SAFETY: the callback only pushes into `objects`, which outlives the call.
    let status = unsafe {
        visit3(
            object.id(),
            index.code(),
            order.code(),
            Some(collect_object),
            &mut objects as *mut _ as *mut c_void,
            fields,
        )
    };
    check(status, "H5Ovisit3")?;
    Ok(objects)
}

/// What h5py's `h5o.get_info` reports: HDF5's deprecated `H5O_info1_t`, which h5py
/// 3.16 still reads (through `H5Oget_info1`/`H5Oget_info_by_name1`, so its errors are
/// theirs: "Can't get deprecated info for object").
#[derive(Debug, Clone, Copy)]
pub struct ObjectInfoV1 {
    /// The file's number.
    pub fileno: u64,
    /// The object header's address.
    pub addr: u64,
    /// `H5O_type_t` number.
    pub kind: i32,
    /// Hard link count.
    pub rc: u32,
    /// Access, modification, change and birth times.
    pub times: [i64; 4],
    /// Number of attributes.
    pub num_attrs: u64,
    /// Header version, messages, chunks, flags.
    pub hdr: (u32, u32, u32, u32),
    /// Header space: total, meta, mesg, free.
    pub hdr_space: [u64; 4],
    /// Header message flags: present, shared.
    pub hdr_mesg: [u64; 2],
    /// B-tree and heap sizes of the object's and the attributes' indexes.
    pub meta_size: [(u64, u64); 2],
}

unsafe extern "C" {
    #[link_name = "H5Oget_info1"]
    fn get_info_v1(loc_id: hid_t, oinfo: *mut hdf5_sys::h5o::H5O_info1_t) -> herr_t;
    #[link_name = "H5Oget_info_by_name1"]
    fn get_info_by_name_v1(loc_id: hid_t, name: *const c_char, oinfo: *mut hdf5_sys::h5o::H5O_info1_t, lapl: hid_t) -> herr_t;
    #[link_name = "H5Oget_info_by_idx1"]
    fn get_info_by_idx_v1(
        loc_id: hid_t,
        group_name: *const c_char,
        index: c_int,
        order: c_int,
        n: u64,
        oinfo: *mut hdf5_sys::h5o::H5O_info1_t,
        lapl: hid_t,
    ) -> herr_t;
}

/// `H5Oget_info_by_idx1`: the `n`-th object of the group `loc/group_name`.
pub fn info_v1_by_idx(loc: &Handle, group_name: &[u8], index: IndexType, order: IterOrder, n: u64) -> Result<ObjectInfoV1> {
    let name = c_name(group_name)?;
    let mut raw = hdf5_sys::h5o::H5O_info1_t::default();
    // SAFETY: valid C string and out-pointer; the enums are passed by their numbers.
    let status = unsafe { get_info_by_idx_v1(loc.id(), name.as_ptr(), index.code(), order.code(), n, &mut raw, H5P_DEFAULT) };
    check(status, "H5Oget_info_by_idx1")?;
    Ok(ObjectInfoV1::from_raw(&raw))
}

/// `H5Oget_info1` of `object`, or `H5Oget_info_by_name1` of `object/name`.
pub fn info_v1(object: &Handle, name: Option<&[u8]>, lapl: Option<&PropertyList>) -> Result<ObjectInfoV1> {
    let mut raw = hdf5_sys::h5o::H5O_info1_t::default();
    match name {
        Some(name) => {
            let name = c_name(name)?;
            let lapl = lapl.map_or(H5P_DEFAULT, |p| p.handle().id());
            // SAFETY: valid C string and out-pointer.
            check(unsafe { get_info_by_name_v1(object.id(), name.as_ptr(), &mut raw, lapl) }, "H5Oget_info_by_name1")?;
        }
        // SAFETY: valid out-pointer.
        None => check(unsafe { get_info_v1(object.id(), &mut raw) }, "H5Oget_info1")?,
    }
    Ok(ObjectInfoV1::from_raw(&raw))
}

impl ObjectInfoV1 {
    fn from_raw(raw: &hdf5_sys::h5o::H5O_info1_t) -> ObjectInfoV1 {
        ObjectInfoV1 {
            fileno: raw.fileno as u64,
            addr: raw.addr,
            kind: raw.type_ as i32,
            rc: raw.rc,
            times: [raw.atime as i64, raw.mtime as i64, raw.ctime as i64, raw.btime as i64],
            num_attrs: raw.num_attrs,
            hdr: (raw.hdr.version, raw.hdr.nmesgs, raw.hdr.nchunks, raw.hdr.flags),
            hdr_space: [raw.hdr.space.total, raw.hdr.space.meta, raw.hdr.space.mesg, raw.hdr.space.free],
            hdr_mesg: [raw.hdr.mesg.present, raw.hdr.mesg.shared],
            meta_size: [
                (raw.meta_size.obj.index_size, raw.meta_size.obj.heap_size),
                (raw.meta_size.attr.index_size, raw.meta_size.attr.heap_size),
            ],
        }
    }
}
