//! Writing through h5py's complex selections (`dset[[0, 3], 2] = v`,
//! `dset[mask] = v`): no broadcasting beyond a scalar, h5py's messages otherwise.

use super::objdata::{self, Target};
use super::select::Selection;
use crate::eval::Interp;
use crate::hdf5::Dataset;
use crate::numpy::{DType, NdArray};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};

/// Writes `array` into a fancy or point selection of a dataset of `shape`: a scalar
/// fills the selection; any other value must have the selection's shape (fancy) or
/// its number of elements (points).
pub fn write_complex(vm: &mut Interp, ds: &Dataset, dtype: &DType, shape: &[u64], selection: &Selection, array: NdArray) -> PyResult<()> {
    if selection.count() == 0 {
        return Ok(());
    }
    let target = selection.array_shape();
    let array = if array.ndim() == 0 { array.broadcast_to_checked(&target).map_err(np_error)? } else { array };
    match selection {
        Selection::Points { .. } if array.size() as u64 != selection.count() => {
            return Err(Exc::type_error("Broadcasting is not supported for point-wise selections"));
        }
        Selection::Fancy { .. } if array.shape() != target.as_slice() => {
            return Err(Exc::type_error("Broadcasting is not supported for complex selections"));
        }
        _ => {}
    }
    let _ = shape;
    let space = ds.space().map_err(Exc::from_hdf5)?;
    let file_space = selection.apply(&space)?;
    let contiguous = array.ravel();
    objdata::write_flat(vm, Target::Dataset(ds, Some(&file_space)), &contiguous, dtype)
}
