//! Writing through h5py's complex selections (`dset[[0, 3], 2] = v`,
//! `dset[mask] = v`): no broadcasting beyond a scalar, h5py's messages otherwise.

use super::objdata::{self, Target};
use super::select::Selection;
use crate::eval::Interp;
use crate::hdf5::Dataset;
use crate::numpy::storage::Buffer;
use crate::numpy::{DType, Metadata, NdArray, PyValue};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;

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
    write_selection(vm, ds, dtype, selection, &array)
}

/// Writes an array of the selection's size into a selection of the dataset (object
/// data converted as h5py converts it).
pub fn write_selection(vm: &mut Interp, ds: &Dataset, dtype: &DType, selection: &Selection, array: &NdArray) -> PyResult<()> {
    let space = ds.space().map_err(Exc::from_hdf5)?;
    let file_space = selection.apply(&space)?;
    objdata::write_flat(vm, Target::Dataset(ds, Some(&file_space)), &array.ravel(), dtype)
}

/// The array h5py writes for a value assigned into a dataset of `dtype`: lists take
/// the dataset's dtype; a variable-length sequence dataset wraps a row (or the rows
/// of a 2-D value) as its elements; integers into an enum dataset travel as the
/// enum (h5py registers int-to-enum conversions).
pub fn value_array(vm: &mut Interp, value: &Value, dtype: &DType) -> PyResult<NdArray> {
    if let Some(Metadata::Vlen(base)) = dtype.metadata() {
        if let Ok(rows) = crate::numpy_py::to_array(vm, value, Some(base)) {
            if rows.dtype() == base {
                return Ok(vlen_elements(&rows, dtype));
            }
        }
    }
    let array = match crate::numpy_py::as_array(value) {
        Some(a) if !objdata::is_object(dtype) => a,
        _ => crate::numpy_py::to_array(vm, value, Some(dtype))?,
    };
    Ok(for_file_dtype(array, dtype)?)
}

/// `tmp[...] = [rows]`: an object array whose elements are the last-axis rows.
fn vlen_elements(rows: &NdArray, dtype: &DType) -> NdArray {
    if rows.ndim() <= 1 {
        return NdArray::from_buffer(Buffer::Object(vec![PyValue::Array(rows.clone())].into()), vec![1], dtype.clone());
    }
    let shape = rows.shape();
    let (outer, last) = (&shape[..shape.len() - 1], shape[shape.len() - 1]);
    let count: usize = outer.iter().product();
    let base = rows.dtype().clone();
    let bytes = rows.tobytes().unwrap_or_default();
    let row_bytes = last * base.itemsize();
    let items: Vec<PyValue> = (0..count)
        .map(|i| {
            let row = &bytes[(i * row_bytes).min(bytes.len())..((i + 1) * row_bytes).min(bytes.len())];
            match crate::numpy::create::frombuffer(row, &base, last as i64, 0) {
                Ok(a) if last > 0 => PyValue::Array(a),
                _ => PyValue::Array(NdArray::zeros(&[0], &base).unwrap_or_else(|_| rows.clone())),
            }
        })
        .collect();
    NdArray::from_buffer(Buffer::Object(items.into()), outer.to_vec(), dtype.clone())
}

/// Integer data headed for an enum dataset, as the enum dtype itself.
pub fn for_file_dtype(array: NdArray, dtype: &DType) -> PyResult<NdArray> {
    if let Some(Metadata::Enum(_)) = dtype.metadata() {
        if array.dtype().is_integer() && array.dtype().metadata().is_none() {
            let base = dtype.clone().with_metadata(None);
            return Ok(array.astype(&base).map_err(np_error)?.with_dtype(dtype.clone()));
        }
    }
    Ok(array)
}
