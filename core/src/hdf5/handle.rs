//! `Handle`: one reference to an HDF5 identifier, released when dropped.

use std::marker::PhantomData;

use hdf5_sys::h5i::{hid_t, H5Idec_ref, H5Iget_ref, H5Iinc_ref, H5Iis_valid};

use super::error::{H5Error, Result};
use super::ident::{id_type, IdType};

/// An owned reference to an HDF5 identifier (file, group, dataset, datatype, ...).
///
/// Dropping it releases the reference; cloning takes another. An identifier that HDF5
/// has already closed (a file closed with its objects, say) is never released again,
/// and using it is an HDF5 error, not undefined behaviour. `Handle` is `!Send`: it
/// never leaves the HDF5 owner thread.
#[derive(Debug)]
pub struct Handle {
    id: hid_t,
    _not_send: PhantomData<*mut ()>,
}

impl Handle {
    /// Takes ownership of an identifier an HDF5 call just returned, or reads the error
    /// stack if the call failed (`id < 0`).
    pub(crate) fn from_result(id: hid_t, operation: &str) -> Result<Handle> {
        if id < 0 {
            Err(H5Error::from_stack(operation))
        } else {
            Ok(Handle { id, _not_send: PhantomData })
        }
    }

    /// Takes another reference to an identifier owned elsewhere (e.g. a library-owned
    /// predefined type must not be wrapped this way; only real, closeable ids).
    pub(crate) fn share(id: hid_t) -> Result<Handle> {
        // SAFETY: H5Iinc_ref checks the id; a failure reads the stack.
        if unsafe { H5Iinc_ref(id) } < 0 {
            return Err(H5Error::from_stack("H5Iinc_ref"));
        }
        Ok(Handle { id, _not_send: PhantomData })
    }

    /// A handle that refers to nothing (what a closed object keeps).
    pub(crate) fn invalid() -> Handle {
        Handle { id: hdf5_sys::h5i::H5I_INVALID_HID, _not_send: PhantomData }
    }

    /// The identifier 0: what h5py's closed identifier objects hold and pass to HDF5
    /// (HDF5 then reports the bad identifier itself). Never released.
    pub fn null() -> Handle {
        Handle { id: 0, _not_send: PhantomData }
    }

    /// The raw identifier, for passing to HDF5 calls.
    pub fn id(&self) -> hid_t {
        self.id
    }

    /// Whether HDF5 still knows the identifier (false once it has been closed).
    pub fn is_valid(&self) -> bool {
        // SAFETY: H5Iis_valid accepts any value.
        unsafe { H5Iis_valid(self.id) > 0 }
    }

    /// What kind of object the identifier refers to.
    pub fn id_type(&self) -> IdType {
        id_type(self.id)
    }

    /// HDF5's reference count for the identifier (0 once closed).
    pub fn ref_count(&self) -> i32 {
        if !self.is_valid() {
            return 0;
        }
        // SAFETY: the id is valid.
        unsafe { H5Iget_ref(self.id) }
    }

    /// Releases this reference now (a later drop does nothing). Releasing an already
    /// closed identifier is a no-op, as it is for h5py's `ObjectID.close()`.
    pub fn close(&mut self) -> Result<()> {
        if self.is_valid() {
            // SAFETY: the id is valid and this handle owns one reference to it.
            if unsafe { H5Idec_ref(self.id) } < 0 {
                return Err(H5Error::from_stack("H5Idec_ref"));
            }
        }
        self.id = hdf5_sys::h5i::H5I_INVALID_HID;
        Ok(())
    }
}

impl Clone for Handle {
    fn clone(&self) -> Handle {
        if self.is_valid() {
            // SAFETY: the id is valid.
            unsafe { H5Iinc_ref(self.id) };
            Handle { id: self.id, _not_send: PhantomData }
        } else {
            Handle::invalid()
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // A failure to release is not actionable during drop; HDF5's stack is cleared
        // by the next API call.
        let _ = self.close();
    }
}
