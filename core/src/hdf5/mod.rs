//! Safe handles over HDF5's C API, one module per interface.
//!
//! Every call into HDF5 happens on one owner thread ([`owner`]); every identifier is a
//! [`Handle`] that is released when dropped; every failure is an [`H5Error`] that knows
//! which Python exception h5py would raise for it.

pub mod attribute;
pub mod dataset;
pub mod dataspace;
pub mod datatype;
#[cfg(feature = "bundled-hdf5")]
pub mod dimscale;
pub mod error;
pub mod file;
pub mod group;
mod handle;
pub mod ident;
mod library_init;
pub mod link;
pub mod lzf;
pub mod object;
pub mod owner;
pub mod plist;
pub mod reference;
mod strings;
pub mod transfer;
pub mod typeinfo;
pub mod vardata;
pub mod vlen_write;

pub use attribute::Attribute;
pub use dataset::Dataset;
pub use dataspace::Dataspace;
pub use datatype::{Datatype, TypeDescription};
pub use error::{ExceptionClass, H5Error, Result};
pub use file::File;
pub use group::Group;
pub use handle::Handle;
pub use library_init::library_version;
pub use owner::{run, Library};
pub use plist::PropertyList;
