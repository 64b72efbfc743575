//! h5lab's core: the h5py/NumPy dialect of Python, interpreted over HDF5's C API.
//!
//! Nothing here knows about terminals or sockets; the front ends (`h5lab`, the REPL, and
//! `h5lab-kernel`, the Jupyter kernel) hand cells to a [`session::Session`] and ship
//! what comes back.

pub mod cells;
pub mod complete;
pub mod eval;
pub mod extensions;
pub mod h5py;
pub mod hdf5;
pub mod inspect;
pub mod interrupt;
pub mod numpy;
pub mod numpy_py;
pub mod render;
pub mod session;
pub mod syntax;
pub mod value;
