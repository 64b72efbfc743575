//! H5P: property lists — creating them by class, copying, comparing; the setters and
//! getters of each class live in the submodules.

mod dataset;
mod file;
mod link;

pub use dataset::{filter_available, filter_info, AllocTime, FillTime, FillValueStatus, Filter, Layout};
pub use file::{CloseDegree, LibVersion};
pub use link::crt_order;

use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::{H5Pcopy, H5Pcreate, H5Pequal, H5Pget_class, H5Pisa_class};

use super::error::{check_bool, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::owner::Library;

/// The property list classes h5py exposes (`h5p.FILE_CREATE`, `h5p.DATASET_CREATE`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlistClass {
    /// File creation (`H5P_FILE_CREATE`).
    FileCreate,
    /// File access (`H5P_FILE_ACCESS`).
    FileAccess,
    /// Dataset creation (`H5P_DATASET_CREATE`).
    DatasetCreate,
    /// Dataset access (`H5P_DATASET_ACCESS`).
    DatasetAccess,
    /// Dataset transfer (`H5P_DATASET_XFER`).
    DatasetTransfer,
    /// Group creation (`H5P_GROUP_CREATE`).
    GroupCreate,
    /// Group access (`H5P_GROUP_ACCESS`).
    GroupAccess,
    /// Datatype creation (`H5P_DATATYPE_CREATE`).
    DatatypeCreate,
    /// Datatype access (`H5P_DATATYPE_ACCESS`).
    DatatypeAccess,
    /// Attribute creation (`H5P_ATTRIBUTE_CREATE`).
    AttributeCreate,
    /// Object copy (`H5P_OBJECT_COPY`).
    ObjectCopy,
    /// Link creation (`H5P_LINK_CREATE`).
    LinkCreate,
    /// Link access (`H5P_LINK_ACCESS`).
    LinkAccess,
    /// Object creation (`H5P_OBJECT_CREATE`), the parent of group and dataset creation.
    ObjectCreate,
    /// File mount (`H5P_FILE_MOUNT`).
    FileMount,
}

impl PlistClass {
    /// Every class, in the order `class_id` lists them.
    pub const ALL: [PlistClass; 15] = [
        PlistClass::FileCreate,
        PlistClass::FileAccess,
        PlistClass::DatasetCreate,
        PlistClass::DatasetAccess,
        PlistClass::DatasetTransfer,
        PlistClass::GroupCreate,
        PlistClass::GroupAccess,
        PlistClass::DatatypeCreate,
        PlistClass::DatatypeAccess,
        PlistClass::AttributeCreate,
        PlistClass::ObjectCopy,
        PlistClass::LinkCreate,
        PlistClass::LinkAccess,
        PlistClass::ObjectCreate,
        PlistClass::FileMount,
    ];

    /// The library's class identifier (valid once HDF5 is open, i.e. on the owner thread).
    pub fn class_id(self, _lib: &Library) -> hid_t {
        self.raw_class_id()
    }

    /// The class identifier, for callers that already hold a handle (which proves HDF5
    /// is open on this thread).
    fn raw_class_id(self) -> hid_t {
        use hdf5_sys::h5p as p;
        *match self {
            PlistClass::FileCreate => p::H5P_CLS_FILE_CREATE,
            PlistClass::FileAccess => p::H5P_CLS_FILE_ACCESS,
            PlistClass::DatasetCreate => p::H5P_CLS_DATASET_CREATE,
            PlistClass::DatasetAccess => p::H5P_CLS_DATASET_ACCESS,
            PlistClass::DatasetTransfer => p::H5P_CLS_DATASET_XFER,
            PlistClass::GroupCreate => p::H5P_CLS_GROUP_CREATE,
            PlistClass::GroupAccess => p::H5P_CLS_GROUP_ACCESS,
            PlistClass::DatatypeCreate => p::H5P_CLS_DATATYPE_CREATE,
            PlistClass::DatatypeAccess => p::H5P_CLS_DATATYPE_ACCESS,
            PlistClass::AttributeCreate => p::H5P_CLS_ATTRIBUTE_CREATE,
            PlistClass::ObjectCopy => p::H5P_CLS_OBJECT_COPY,
            PlistClass::LinkCreate => p::H5P_CLS_LINK_CREATE,
            PlistClass::LinkAccess => p::H5P_CLS_LINK_ACCESS,
            PlistClass::ObjectCreate => p::H5P_CLS_OBJECT_CREATE,
            PlistClass::FileMount => p::H5P_CLS_FILE_MOUNT,
        }
    }
}

/// A property list identifier.
#[derive(Debug, Clone)]
pub struct PropertyList {
    handle: Handle,
}

impl PropertyList {
    /// A new list of the class with the library's defaults (`H5Pcreate`).
    pub fn create(lib: &Library, class: PlistClass) -> Result<PropertyList> {
        // SAFETY: a library class id.
        PropertyList::from_result(unsafe { H5Pcreate(class.class_id(lib)) }, "H5Pcreate")
    }

    pub(crate) fn from_result(id: hid_t, operation: &str) -> Result<PropertyList> {
        Ok(PropertyList { handle: Handle::from_result(id, operation)? })
    }

    /// Wraps a handle that refers to a property list; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<PropertyList> {
        (handle.id_type() == IdType::PropertyList).then_some(PropertyList { handle })
    }

    /// The property list identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    pub(crate) fn id(&self) -> hid_t {
        self.handle.id()
    }

    /// An independent copy (`H5Pcopy`).
    pub fn copy(&self) -> Result<PropertyList> {
        // SAFETY: H5Pcopy checks its argument.
        PropertyList::from_result(unsafe { H5Pcopy(self.id()) }, "H5Pcopy")
    }

    /// Whether two lists hold the same class and values (`H5Pequal`).
    pub fn equals(&self, other: &PropertyList) -> Result<bool> {
        // SAFETY: H5Pequal checks its arguments.
        check_bool(unsafe { H5Pequal(self.id(), other.id()) }, "H5Pequal")
    }

    /// The class of the list, if it is one of [`PlistClass`].
    pub fn class(&self, lib: &Library) -> Result<Option<PlistClass>> {
        // SAFETY: H5Pget_class checks its argument; the class id it returns is closed
        // by the handle.
        let class = Handle::from_result(unsafe { H5Pget_class(self.id()) }, "H5Pget_class")?;
        for candidate in PlistClass::ALL {
            // SAFETY: both are class ids.
            let same = unsafe { hdf5_sys::h5p::H5Pequal(class.id(), candidate.class_id(lib)) };
            if same > 0 {
                return Ok(Some(candidate));
            }
        }
        Ok(None)
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> PropertyList {
        PropertyList { handle }
    }

    /// The class of the list, if it is one of [`PlistClass`] (the list's handle is the
    /// proof HDF5 is open).
    pub fn class_of_list(&self) -> Result<Option<PlistClass>> {
        // SAFETY: H5Pget_class checks its argument; the class id is closed by the handle.
        let class = Handle::from_result(unsafe { H5Pget_class(self.id()) }, "H5Pget_class")?;
        Ok(class_of_class_id(&class))
    }

    /// Whether the list is of `class` or a class derived from it (`H5Pisa_class`).
    pub fn is_a(&self, lib: &Library, class: PlistClass) -> Result<bool> {
        // SAFETY: H5Pisa_class checks its arguments.
        check_bool(unsafe { H5Pisa_class(self.id(), class.class_id(lib)) }, "H5Pisa_class")
    }
}

/// Which of [`PlistClass`] a property list class identifier is.
pub fn class_of_class_id(class: &Handle) -> Option<PlistClass> {
    PlistClass::ALL.into_iter().find(|candidate| {
        // SAFETY: both are class ids.
        unsafe { H5Pequal(class.id(), candidate.raw_class_id()) > 0 }
    })
}

/// The library's class identifier of `class` as a handle of its own (h5py's
/// `h5p.FILE_CREATE`, ...): another reference to the library's id.
pub fn class_handle(lib: &Library, class: PlistClass) -> Result<Handle> {
    Handle::share(class.class_id(lib))
}

/// The class of a list as a class identifier (`H5Pget_class`).
pub fn class_of(plist: &Handle) -> Result<Handle> {
    // SAFETY: H5Pget_class checks its argument.
    Handle::from_result(unsafe { H5Pget_class(plist.id()) }, "H5Pget_class")
}
