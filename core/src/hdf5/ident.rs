//! H5I: what an identifier is, its path name, its file.

use std::ffi::c_int;

use hdf5_sys::h5i::{hid_t, H5Iget_file_id, H5Iget_name};

use super::error::Result;
use super::handle::Handle;
use super::strings::{read_bytes, read_string};

/// The kind of object an identifier refers to (H5I_type_t).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdType {
    /// Not a valid identifier (H5I_BADID).
    Bad,
    /// A file (H5I_FILE).
    File,
    /// A group (H5I_GROUP).
    Group,
    /// A datatype, committed or transient (H5I_DATATYPE).
    Datatype,
    /// A dataspace (H5I_DATASPACE).
    Dataspace,
    /// A dataset (H5I_DATASET).
    Dataset,
    /// A map object (H5I_MAP).
    Map,
    /// An attribute (H5I_ATTR).
    Attribute,
    /// A property list class (H5I_GENPROP_CLS).
    PropertyListClass,
    /// A property list (H5I_GENPROP_LST).
    PropertyList,
    /// Anything else HDF5 registers (drivers, connectors, error objects, ...).
    Other(i32),
}

impl IdType {
    /// The H5I_type_t number (h5py's `h5i.FILE`, `h5i.GROUP`, ... constants).
    pub fn code(self) -> i32 {
        match self {
            IdType::Bad => -1,
            IdType::File => 1,
            IdType::Group => 2,
            IdType::Datatype => 3,
            IdType::Dataspace => 4,
            IdType::Dataset => 5,
            IdType::Map => 6,
            IdType::Attribute => 7,
            IdType::PropertyListClass => 10,
            IdType::PropertyList => 11,
            IdType::Other(code) => code,
        }
    }

    fn from_code(code: c_int) -> IdType {
        match code {
            1 => IdType::File,
            2 => IdType::Group,
            3 => IdType::Datatype,
            4 => IdType::Dataspace,
            5 => IdType::Dataset,
            6 => IdType::Map,
            7 => IdType::Attribute,
            10 => IdType::PropertyListClass,
            11 => IdType::PropertyList,
            c if c < 0 => IdType::Bad,
            other => IdType::Other(other),
        }
    }
}

// H5Iget_type returns a C enum; read it as an int so a value this build does not know
// cannot become an invalid Rust enum.
unsafe extern "C" {
    #[link_name = "H5Iget_type"]
    fn H5Iget_type_as_int(id: hid_t) -> c_int;
}

/// The kind of object `id` refers to; `IdType::Bad` for anything invalid.
pub(crate) fn id_type(id: hid_t) -> IdType {
    // SAFETY: H5Iget_type accepts any value and returns H5I_BADID for bad ones.
    let code = unsafe { H5Iget_type_as_int(id) };
    // H5Iget_type pushes an error for a bad id; do not leave it for the next reader.
    if code < 0 {
        unsafe { hdf5_sys::h5e::H5Eclear2(hdf5_sys::h5e::H5E_DEFAULT) };
    }
    IdType::from_code(code)
}

/// The path through which the object was opened (`H5Iget_name`), e.g. `/links/data`;
/// `None` for objects without one (anonymous datasets, transient types).
pub fn object_name(handle: &Handle) -> Result<Option<String>> {
    let name = read_string("H5Iget_name", |buf, size| unsafe { H5Iget_name(handle.id(), buf, size) })?;
    Ok(if name.is_empty() { None } else { Some(name) })
}

/// [`object_name`] as the raw bytes HDF5 stores (names need not be UTF-8).
pub fn object_name_bytes(handle: &Handle) -> Result<Option<Vec<u8>>> {
    let name = read_bytes("H5Iget_name", |buf, size| unsafe { H5Iget_name(handle.id(), buf, size) })?;
    Ok(if name.is_empty() { None } else { Some(name) })
}

/// A new reference to the file an object lives in (`H5Iget_file_id`).
pub fn file_of(handle: &Handle) -> Result<Handle> {
    // SAFETY: H5Iget_file_id checks its argument.
    Handle::from_result(unsafe { H5Iget_file_id(handle.id()) }, "H5Iget_file_id")
}
