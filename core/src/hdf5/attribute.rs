//! H5A: attributes — create, open by name or index, read, write, list, rename, delete.

use std::ffi::{c_char, c_int, c_void, CStr};

use hdf5_sys::h5::{hbool_t, herr_t, hsize_t};
use hdf5_sys::h5a::{
    H5Acreate2, H5Adelete, H5Adelete_by_idx, H5Aexists, H5Aget_name, H5Aget_space,
    H5Aget_storage_size, H5Aget_type, H5Aopen_by_idx, H5Aopen_by_name, H5Aread, H5Arename, H5Awrite,
};
use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;

use super::dataspace::Dataspace;
use super::datatype::{CharSet, Datatype};
use super::error::{check, check_bool, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::link::{IndexType, IterOrder};
use super::owner::Library;
use super::plist::PropertyList;
use super::strings::{c_name, read_string};
use super::transfer::{check_fixed_buffer, read_vlen_strings, write_vlen_strings};

/// What `H5Aget_info` reports of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttributeInfo {
    /// Creation order, when the object tracks it.
    pub creation_order: Option<u32>,
    /// Character set of the name.
    pub cset: CharSet,
    /// Size of the stored data in bytes.
    pub data_size: u64,
}

#[repr(C)]
struct RawAttributeInfo {
    corder_valid: hbool_t,
    corder: u32,
    cset: c_int,
    data_size: hsize_t,
}

type RawOperator = unsafe extern "C" fn(hid_t, *const c_char, *const RawAttributeInfo, *mut c_void) -> herr_t;

unsafe extern "C" {
    #[link_name = "H5Aiterate2"]
    fn iterate2(
        obj: hid_t,
        index: c_int,
        order: c_int,
        idx: *mut hsize_t,
        op: Option<RawOperator>,
        data: *mut c_void,
    ) -> herr_t;
    #[link_name = "H5Aget_info"]
    fn get_info(attr: hid_t, info: *mut RawAttributeInfo) -> herr_t;
}

impl AttributeInfo {
    fn from_raw(raw: &RawAttributeInfo) -> AttributeInfo {
        AttributeInfo {
            creation_order: (raw.corder_valid != 0).then_some(raw.corder),
            cset: if raw.cset == 1 { CharSet::Utf8 } else { CharSet::Ascii },
            data_size: raw.data_size,
        }
    }
}

/// An open attribute identifier.
#[derive(Debug, Clone)]
pub struct Attribute {
    handle: Handle,
}

impl Attribute {
    /// Creates an attribute on an object (`H5Acreate2`).
    pub fn create(
        object: &Handle,
        name: impl AsRef<[u8]>,
        datatype: &Datatype,
        space: &Dataspace,
        acpl: Option<&PropertyList>,
    ) -> Result<Attribute> {
        let name = c_name(name.as_ref())?;
        let acpl = acpl.map_or(H5P_DEFAULT, |p| p.handle().id());
        // SAFETY: valid ids and C string.
        let id = unsafe {
            H5Acreate2(object.id(), name.as_ptr(), datatype.handle().id(), space.handle().id(), acpl, H5P_DEFAULT)
        };
        Ok(Attribute { handle: Handle::from_result(id, "H5Acreate2")? })
    }

    /// Opens an attribute of `object` by name, as h5py's `h5a.open` does
    /// (`H5Aopen_by_name` on `"."`).
    pub fn open(object: &Handle, name: impl AsRef<[u8]>) -> Result<Attribute> {
        Attribute::open_by_name(object, b".", name)
    }

    /// Opens attribute `name` of the object at `object/obj_name` (`H5Aopen_by_name`).
    pub fn open_by_name(object: &Handle, obj_name: impl AsRef<[u8]>, name: impl AsRef<[u8]>) -> Result<Attribute> {
        let (obj_name, name) = (c_name(obj_name.as_ref())?, c_name(name.as_ref())?);
        // SAFETY: valid id and C strings.
        let id = unsafe { H5Aopen_by_name(object.id(), obj_name.as_ptr(), name.as_ptr(), H5P_DEFAULT, H5P_DEFAULT) };
        Ok(Attribute { handle: Handle::from_result(id, "H5Aopen_by_name")? })
    }

    /// Opens the `n`-th attribute in the given index and order (`H5Aopen_by_idx`).
    pub fn open_by_index(object: &Handle, n: u64, index: IndexType, order: IterOrder) -> Result<Attribute> {
        let here = c_name(b".")?;
        // SAFETY: valid id and C string; the enums are passed by their numbers.
        let id = unsafe {
            H5Aopen_by_idx(
                object.id(),
                here.as_ptr(),
                std::mem::transmute::<c_int, hdf5_sys::h5::H5_index_t>(index.code()),
                std::mem::transmute::<c_int, hdf5_sys::h5::H5_iter_order_t>(order.code()),
                n,
                H5P_DEFAULT,
                H5P_DEFAULT,
            )
        };
        Ok(Attribute { handle: Handle::from_result(id, "H5Aopen_by_idx")? })
    }

    /// Wraps a handle that refers to an attribute; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<Attribute> {
        (handle.id_type() == IdType::Attribute).then_some(Attribute { handle })
    }

    /// The attribute identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    fn id(&self) -> hid_t {
        self.handle.id()
    }

    /// The attribute's name (`H5Aget_name`).
    pub fn name(&self) -> Result<String> {
        read_string("H5Aget_name", |buf, size| unsafe { H5Aget_name(self.id(), size, buf) })
    }

    /// A copy of the dataspace (`H5Aget_space`).
    pub fn space(&self) -> Result<Dataspace> {
        // SAFETY: plain call.
        Dataspace::from_result(unsafe { H5Aget_space(self.id()) }, "H5Aget_space")
    }

    /// A copy of the datatype (`H5Aget_type`).
    pub fn datatype(&self) -> Result<Datatype> {
        // SAFETY: plain call.
        Datatype::from_result(unsafe { H5Aget_type(self.id()) }, "H5Aget_type")
    }

    /// Bytes of stored data (`H5Aget_storage_size`).
    pub fn storage_size(&self) -> u64 {
        // SAFETY: plain call.
        unsafe { H5Aget_storage_size(self.id()) }
    }

    /// Creation order, name encoding and data size (`H5Aget_info`).
    pub fn info(&self) -> Result<AttributeInfo> {
        let mut raw = RawAttributeInfo { corder_valid: 0, corder: 0, cset: 0, data_size: 0 };
        // SAFETY: valid out-pointer of H5A_info_t's layout.
        check(unsafe { get_info(self.id(), &mut raw) }, "H5Aget_info")?;
        Ok(AttributeInfo::from_raw(&raw))
    }

    /// Reads all elements as `mem_type` into `buf` (`H5Aread`); fixed-size types only.
    pub fn read_raw(&self, mem_type: &Datatype, buf: &mut [u8]) -> Result<()> {
        check_fixed_buffer(mem_type, self.space()?.element_count()?, buf.len())?;
        // SAFETY: the buffer holds every element of `mem_type`.
        check(unsafe { H5Aread(self.id(), mem_type.handle().id(), buf.as_mut_ptr().cast()) }, "H5Aread")
    }

    /// Writes all elements from `buf`, as `mem_type` (`H5Awrite`).
    pub fn write_raw(&self, mem_type: &Datatype, buf: &[u8]) -> Result<()> {
        check_fixed_buffer(mem_type, self.space()?.element_count()?, buf.len())?;
        // SAFETY: the buffer holds every element of `mem_type`.
        check(unsafe { H5Awrite(self.id(), mem_type.handle().id(), buf.as_ptr().cast()) }, "H5Awrite")
    }

    /// Reads all elements as variable-length strings.
    pub fn read_strings(&self, lib: &Library, mem_type: &Datatype) -> Result<Vec<Option<Vec<u8>>>> {
        let count = self.space()?.element_count()? as usize;
        read_vlen_strings(
            lib,
            mem_type,
            count,
            // SAFETY: the buffer holds `count` string pointers.
            |buf| unsafe { H5Aread(self.id(), mem_type.handle().id(), buf) },
            "H5Aread",
        )
    }

    /// Writes variable-length strings, one per element.
    pub fn write_strings(&self, mem_type: &Datatype, strings: &[&[u8]]) -> Result<()> {
        let count = self.space()?.element_count()?;
        if count != strings.len() as u64 {
            return Err(super::error::H5Error::new(
                super::error::ExceptionClass::ValueError,
                format!("{} strings for an attribute of {count} elements", strings.len()),
            ));
        }
        write_vlen_strings(
            strings,
            // SAFETY: the buffer holds `count` string pointers.
            |buf| unsafe { H5Awrite(self.id(), mem_type.handle().id(), buf) },
            "H5Awrite",
        )
    }
}

/// Whether an object has an attribute of that name (`H5Aexists`).
pub fn exists(object: &Handle, name: impl AsRef<[u8]>) -> Result<bool> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    check_bool(unsafe { H5Aexists(object.id(), name.as_ptr()) }, "H5Aexists")
}

/// Whether the object at `object/obj_name` has attribute `name` (`H5Aexists_by_name`).
pub fn exists_by_name(object: &Handle, obj_name: impl AsRef<[u8]>, name: impl AsRef<[u8]>) -> Result<bool> {
    let (obj_name, name) = (c_name(obj_name.as_ref())?, c_name(name.as_ref())?);
    // SAFETY: valid id and C strings.
    let status = unsafe { hdf5_sys::h5a::H5Aexists_by_name(object.id(), obj_name.as_ptr(), name.as_ptr(), H5P_DEFAULT) };
    check_bool(status, "H5Aexists_by_name")
}

/// Deletes an attribute by name (`H5Adelete`).
pub fn delete(object: &Handle, name: impl AsRef<[u8]>) -> Result<()> {
    let name = c_name(name.as_ref())?;
    // SAFETY: valid id and C string.
    check(unsafe { H5Adelete(object.id(), name.as_ptr()) }, "H5Adelete")
}

/// Deletes the `n`-th attribute in the given index and order (`H5Adelete_by_idx`).
pub fn delete_by_index(object: &Handle, n: u64, index: IndexType, order: IterOrder) -> Result<()> {
    let here = c_name(b".")?;
    // SAFETY: valid id and C string; the enums are passed by their numbers.
    let status = unsafe {
        H5Adelete_by_idx(
            object.id(),
            here.as_ptr(),
            std::mem::transmute::<c_int, hdf5_sys::h5::H5_index_t>(index.code()),
            std::mem::transmute::<c_int, hdf5_sys::h5::H5_iter_order_t>(order.code()),
            n,
            H5P_DEFAULT,
        )
    };
    check(status, "H5Adelete_by_idx")
}

/// Renames an attribute (`H5Arename`).
pub fn rename(object: &Handle, old: impl AsRef<[u8]>, new: impl AsRef<[u8]>) -> Result<()> {
    let (old, new) = (c_name(old.as_ref())?, c_name(new.as_ref())?);
    // SAFETY: valid id and C strings.
    check(unsafe { H5Arename(object.id(), old.as_ptr(), new.as_ptr()) }, "H5Arename")
}

unsafe extern "C" fn collect_attribute(
    _obj: hid_t,
    name: *const c_char,
    info: *const RawAttributeInfo,
    data: *mut c_void,
) -> herr_t {
    // SAFETY: HDF5 passes a valid name and info; `data` is the Vec given to the call.
    let (names, name, info) =
        unsafe { (&mut *(data as *mut Vec<(Vec<u8>, AttributeInfo)>), CStr::from_ptr(name), &*info) };
    names.push((name.to_bytes().to_vec(), AttributeInfo::from_raw(info)));
    0
}

/// The attributes of an object, in the index and order asked for (`H5Aiterate2`).
pub fn list(object: &Handle, index: IndexType, order: IterOrder) -> Result<Vec<(Vec<u8>, AttributeInfo)>> {
    let mut names: Vec<(Vec<u8>, AttributeInfo)> = Vec::new();
    let mut position: hsize_t = 0;
    // SAFETY: the callback only pushes into `names`, which outlives the call.
    let status = unsafe {
        iterate2(
            object.id(),
            index.code(),
            order.code(),
            &mut position,
            Some(collect_attribute),
            &mut names as *mut _ as *mut c_void,
        )
    };
    check(status, "H5Aiterate2")?;
    Ok(names)
}

/// Number of attributes of an object (from `H5Oget_info3`).
pub fn count(object: &Handle) -> Result<u64> {
    Ok(super::object::info(object)?.attribute_count)
}

/// The names of the attributes of the object at `loc/path`, by name.
pub fn names_at(loc: &Handle, path: impl AsRef<[u8]>) -> Result<Vec<String>> {
    let obj = super::object::open(loc, path, None)?;
    Ok(list(&obj, IndexType::Name, IterOrder::Increasing)?
        .into_iter()
        .map(|(name, _)| String::from_utf8_lossy(&name).into_owned())
        .collect())
}
