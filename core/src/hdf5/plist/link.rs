//! Link and object creation properties: intermediate groups, name encoding, creation
//! order tracking, timestamps, external-link prefixes.

use std::ffi::c_uint;

use hdf5_sys::h5p::{
    H5Pget_attr_creation_order, H5Pget_char_encoding, H5Pget_create_intermediate_group,
    H5Pget_elink_prefix, H5Pget_link_creation_order, H5Pget_obj_track_times,
    H5Pset_attr_creation_order, H5Pset_char_encoding, H5Pset_create_intermediate_group,
    H5Pset_copy_object, H5Pset_elink_prefix, H5Pset_link_creation_order, H5Pset_obj_track_times,
};
use hdf5_sys::h5t::H5T_cset_t;

use super::PropertyList;
use crate::hdf5::datatype::CharSet;
use crate::hdf5::error::{check, Result};
use crate::hdf5::strings::{c_name, read_string};

/// Creation-order flags (`H5P_CRT_ORDER_TRACKED`, `H5P_CRT_ORDER_INDEXED`).
pub mod crt_order {
    /// Track creation order.
    pub const TRACKED: u32 = 0x0001;
    /// Index by creation order (needs TRACKED).
    pub const INDEXED: u32 = 0x0002;
}

impl PropertyList {
    /// Whether link creation makes missing intermediate groups
    /// (`H5Pset_create_intermediate_group`).
    pub fn set_create_intermediate_group(&self, create: bool) -> Result<()> {
        // SAFETY: plain call.
        let status = unsafe { H5Pset_create_intermediate_group(self.id(), create as c_uint) };
        check(status, "H5Pset_create_intermediate_group")
    }

    /// See [`PropertyList::set_create_intermediate_group`].
    pub fn create_intermediate_group(&self) -> Result<bool> {
        let mut value: c_uint = 0;
        // SAFETY: valid out-pointer.
        let status = unsafe { H5Pget_create_intermediate_group(self.id(), &mut value) };
        check(status, "H5Pget_create_intermediate_group")?;
        Ok(value != 0)
    }

    /// The character set of link and attribute names (`H5Pset_char_encoding`).
    pub fn set_char_encoding(&self, cset: CharSet) -> Result<()> {
        let raw = match cset {
            CharSet::Ascii => H5T_cset_t::H5T_CSET_ASCII,
            CharSet::Utf8 => H5T_cset_t::H5T_CSET_UTF8,
        };
        // SAFETY: plain call.
        check(unsafe { H5Pset_char_encoding(self.id(), raw) }, "H5Pset_char_encoding")
    }

    /// See [`PropertyList::set_char_encoding`].
    pub fn char_encoding(&self) -> Result<CharSet> {
        let mut raw = H5T_cset_t::H5T_CSET_ASCII;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_char_encoding(self.id(), &mut raw) }, "H5Pget_char_encoding")?;
        Ok(if raw == H5T_cset_t::H5T_CSET_UTF8 { CharSet::Utf8 } else { CharSet::Ascii })
    }

    /// Tracks (and indexes) links by creation order in a group or file creation list
    /// (`H5Pset_link_creation_order`); `flags` from [`crt_order`].
    pub fn set_link_creation_order(&self, flags: u32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_link_creation_order(self.id(), flags) }, "H5Pset_link_creation_order")
    }

    /// See [`PropertyList::set_link_creation_order`].
    pub fn link_creation_order(&self) -> Result<u32> {
        let mut flags = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_link_creation_order(self.id(), &mut flags) }, "H5Pget_link_creation_order")?;
        Ok(flags)
    }

    /// Tracks (and indexes) attributes by creation order (`H5Pset_attr_creation_order`).
    pub fn set_attr_creation_order(&self, flags: u32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_attr_creation_order(self.id(), flags) }, "H5Pset_attr_creation_order")
    }

    /// See [`PropertyList::set_attr_creation_order`].
    pub fn attr_creation_order(&self) -> Result<u32> {
        let mut flags = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_attr_creation_order(self.id(), &mut flags) }, "H5Pget_attr_creation_order")?;
        Ok(flags)
    }

    /// Whether object headers record access/modification times (`H5Pset_obj_track_times`).
    pub fn set_obj_track_times(&self, track: bool) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Pset_obj_track_times(self.id(), track.into()) }, "H5Pset_obj_track_times")
    }

    /// See [`PropertyList::set_obj_track_times`].
    pub fn obj_track_times(&self) -> Result<bool> {
        let mut track = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { H5Pget_obj_track_times(self.id(), &mut track) }, "H5Pget_obj_track_times")?;
        Ok(track != 0)
    }

    /// The directory prefix for external link targets (`H5Pset_elink_prefix`).
    pub fn set_elink_prefix(&self, prefix: impl AsRef<[u8]>) -> Result<()> {
        let prefix = c_name(prefix.as_ref())?;
        // SAFETY: valid C string.
        check(unsafe { H5Pset_elink_prefix(self.id(), prefix.as_ptr()) }, "H5Pset_elink_prefix")
    }

    /// See [`PropertyList::set_elink_prefix`].
    pub fn elink_prefix(&self) -> Result<String> {
        read_string("H5Pget_elink_prefix", |buf, size| unsafe {
            H5Pget_elink_prefix(self.id(), buf, size)
        })
    }

    /// The `H5O_COPY_*` flags of an object-copy property list (`H5Pset_copy_object`).
    pub fn set_copy_object(&self, flags: u32) -> Result<()> {
        // SAFETY: valid property list id.
        check(unsafe { H5Pset_copy_object(self.handle().id(), flags as c_uint) }, "H5Pset_copy_object")
    }
}

impl PropertyList {
    /// Sets how many soft or user-defined links a path may traverse (`H5Pset_nlinks`).
    pub fn set_nlinks(&self, n: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_nlinks(self.id(), n) }, "H5Pset_nlinks")
    }

    /// How many soft or user-defined links a path may traverse (`H5Pget_nlinks`).
    pub fn nlinks(&self) -> Result<usize> {
        let mut n = 0;
        // SAFETY: valid out-pointer.
        check(unsafe { hdf5_sys::h5p::H5Pget_nlinks(self.id(), &mut n) }, "H5Pget_nlinks")?;
        Ok(n)
    }
}

impl PropertyList {
    /// Sets when attribute storage turns from compact to dense and back
    /// (`H5Pset_attr_phase_change`).
    pub fn set_attr_phase_change(&self, max_compact: u32, min_dense: u32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5p::H5Pset_attr_phase_change(self.id(), max_compact, min_dense) }, "H5Pset_attr_phase_change")
    }

    /// When attribute storage turns from compact to dense and back
    /// (`H5Pget_attr_phase_change`).
    pub fn attr_phase_change(&self) -> Result<(u32, u32)> {
        let (mut max_compact, mut min_dense) = (0, 0);
        // SAFETY: valid out-pointers.
        let status = unsafe { hdf5_sys::h5p::H5Pget_attr_phase_change(self.id(), &mut max_compact, &mut min_dense) };
        check(status, "H5Pget_attr_phase_change")?;
        Ok((max_compact, min_dense))
    }
}
