//! One-time start of the HDF5 library on the owner thread.

use hdf5_sys::h5::{H5get_libversion, H5open};
use hdf5_sys::h5e::{H5Eset_auto2, H5E_DEFAULT};

/// Opens the library and turns off HDF5's automatic printing of error stacks to
/// stderr (h5lab reads the stack itself and turns it into an exception).
pub(super) fn initialise() {
    // SAFETY: called once, on the owner thread, before any other HDF5 call.
    unsafe {
        H5open();
        H5Eset_auto2(H5E_DEFAULT, None, std::ptr::null_mut());
    }
}

/// The linked HDF5's version, `(major, minor, release)`.
pub fn library_version(_lib: &super::Library) -> (u32, u32, u32) {
    let (mut major, mut minor, mut release) = (0, 0, 0);
    // SAFETY: three valid out-pointers.
    unsafe { H5get_libversion(&mut major, &mut minor, &mut release) };
    (major, minor, release)
}
