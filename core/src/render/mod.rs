//! Rendering: what the notebook shows — tracebacks, highlighted code, reprs — and the
//! text renderings of HDF5 files (h5lab's own `h5dump` and `h5ls`).

pub mod cfmt;
pub mod ddl;
pub mod h5ls;
pub mod pretty;
pub mod tb_interim;
pub mod traceback;
