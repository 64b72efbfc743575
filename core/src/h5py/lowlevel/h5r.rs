//! `h5py.h5r`: references. Its functions are not implemented in h5lab yet (they raise
//! NotImplementedError naming themselves); the `OBJECT`/`DATASET_REGION` constants and
//! the `Reference` classes come from the recorded API.

use super::callable::FunctionBody;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[];
