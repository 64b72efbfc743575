//! Moving data between datasets and NumPy arrays: the memory type is the HDF5 type h5py
//! makes for the array's dtype, so HDF5 converts between it and the file's type
//! exactly as it does for h5py. Variable-length strings travel as Python `bytes`/`str`
//! objects (h5py returns `bytes` in object arrays).

use super::blocks::{spaces, transfer};
use super::select::Hyperslab;
use crate::eval::Interp;
use crate::h5py::types::hdf5_type_of;
use crate::hdf5::{Dataset, Datatype};
use crate::numpy::plain::is_plain;
use crate::numpy::storage::Buffer;
use crate::numpy::{DType, Kind, Metadata, NdArray, NpError, PyValue};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, ExcKind, PyResult};

/// Whether a dtype holds variable-length strings (h5py's `string_dtype()` tags).
fn vlen_string(dtype: &DType) -> bool {
    matches!(dtype.metadata(), Some(Metadata::VlenStr | Metadata::VlenBytes))
}

/// The memory type for a dtype.
pub fn memory_type(vm: &Interp, dtype: &DType) -> PyResult<Datatype> {
    Datatype::from_description(vm.lib(), &hdf5_type_of(dtype)?).map_err(Exc::from_hdf5)
}

/// Reads a hyperslab (or everything) of `ds` as an array of `dtype` shaped `shape`.
///
/// A request larger than NumPy would allocate fails with NumPy's MemoryError before
/// anything is read. Numeric dtypes are read straight into the new array's buffer
/// (one `H5Dread`, or one per block of a large selection: see `blocks.rs`), in native
/// byte order (HDF5 swaps for big-endian dtypes; the dtype still says big-endian, as
/// the storage is always native).
pub fn read(vm: &mut Interp, ds: &Dataset, dtype: &DType, slab: Option<&Hyperslab>, shape: &[usize]) -> PyResult<NdArray> {
    crate::numpy::create::check_allocation(shape, dtype).map_err(np_error)?;
    let count: usize = shape.iter().product();
    if is_plain(dtype) {
        let mut buffer = Buffer::try_zeroed_plain(dtype, count).map_err(|_| np_error(NpError::memory(shape, dtype)))?;
        let mem_type = memory_type(vm, &native(dtype)?)?;
        let bytes = buffer.as_bytes_mut().ok_or_else(|| Exc::new(ExcKind::SystemError, "numeric buffer without bytes"))?;
        let total = bytes.len();
        transfer(vm, ds, slab, dtype.itemsize(), total, &mut |file, mem, range| {
            ds.read_raw(&mem_type, mem, file, &mut bytes[range])
        })?;
        let buffer = if matches!(dtype.kind(), Kind::Bool) { buffer.into_bool() } else { buffer };
        return Ok(NdArray::from_buffer(buffer, shape.to_vec(), dtype.clone()));
    }
    let (file_space, mem_space) = spaces(vm, ds, slab)?;
    let flat = if vlen_string(dtype) {
        let mem_type = memory_type(vm, dtype)?;
        let strings = ds.read_strings(vm.lib(), &mem_type, mem_space.as_ref(), file_space.as_ref()).map_err(Exc::from_hdf5)?;
        let n = strings.len();
        let values: Vec<PyValue> = strings.into_iter().map(|s| PyValue::Bytes(s.unwrap_or_default())).collect();
        NdArray::from_buffer(Buffer::Object(values.into()), vec![n], dtype.clone())
    } else if matches!(dtype.kind(), Kind::Object) {
        return Err(Exc::not_implemented("reading h5py object data other than strings (vlen arrays, references)"));
    } else {
        let mem_type = memory_type(vm, dtype)?;
        let mut raw = vec![0u8; count * dtype.itemsize()];
        ds.read_raw(&mem_type, mem_space.as_ref(), file_space.as_ref(), &mut raw).map_err(Exc::from_hdf5)?;
        crate::numpy::create::frombuffer(&raw, dtype, -1, 0).map_err(np_error)?
    };
    let dims: Vec<isize> = shape.iter().map(|&n| n as isize).collect();
    flat.reshape(&dims).map_err(np_error)
}

/// A plain dtype in native byte order: the memory type of a numeric buffer.
fn native(dtype: &DType) -> PyResult<DType> {
    dtype.clone().with_byteorder('=').map_err(np_error)
}

/// The raw bytes of an array's elements in its dtype's layout (C order).
pub fn array_bytes(array: &NdArray) -> PyResult<Vec<u8>> {
    array.tobytes().map_err(np_error)
}

/// The bytes of an array's first element converted to `dtype` (for fill values).
pub fn element_bytes(array: &NdArray, dtype: &DType) -> PyResult<Vec<u8>> {
    let converted = array.astype(dtype).map_err(np_error)?;
    let bytes = array_bytes(&converted)?;
    Ok(bytes[..dtype.itemsize().min(bytes.len())].to_vec())
}

/// Writes `array` (already of the selection's size) into a hyperslab of `ds`, letting
/// HDF5 convert from the array's dtype.
pub fn write(vm: &mut Interp, ds: &Dataset, array: &NdArray, slab: Option<&Hyperslab>) -> PyResult<()> {
    let dtype = array.dtype().clone();
    if is_plain(&dtype) {
        // Straight from the array's buffer when C-contiguous, else from one C-order
        // copy of the selection; native order either way (HDF5 converts).
        let mem_type = memory_type(vm, &native(&dtype)?)?;
        let copy;
        let array = if array.contiguous_range().is_some() {
            array
        } else {
            copy = array.copy();
            &copy
        };
        let bytes = array.plain_bytes().ok_or_else(|| Exc::new(ExcKind::SystemError, "numeric array without bytes"))?;
        return transfer(vm, ds, slab, dtype.itemsize(), bytes.len(), &mut |file, mem, range| {
            ds.write_raw(&mem_type, mem, file, &bytes[range])
        });
    }
    let (file_space, mem_space) = spaces(vm, ds, slab)?;
    if vlen_string(&dtype) || matches!(dtype.kind(), Kind::Object) {
        let file_dtype = crate::h5py::types::dtype_of(&ds.datatype().and_then(|t| t.describe()).map_err(Exc::from_hdf5)?)?;
        if !vlen_string(&file_dtype) {
            return Err(Exc::not_implemented("writing h5py object data other than strings (vlen arrays, references)"));
        }
        let mem_type = memory_type(vm, &file_dtype)?;
        let PyValue::List(items) = array.ravel().tolist() else {
            return Err(Exc::type_error("Can't write object data"));
        };
        let mut owned: Vec<Vec<u8>> = Vec::with_capacity(items.len());
        for item in items.iter() {
            owned.push(match item {
                PyValue::Str(s) => s.as_bytes().to_vec(),
                PyValue::Bytes(b) => b.to_vec(),
                other => {
                    return Err(Exc::type_error(format!(
                        "Can't implicitly convert non-string objects to strings (got {})",
                        other.repr()
                    )))
                }
            });
        }
        let refs: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
        return ds.write_strings(&mem_type, mem_space.as_ref(), file_space.as_ref(), &refs).map_err(Exc::from_hdf5);
    }
    let mem_type = memory_type(vm, &dtype)?;
    let bytes = array_bytes(array)?;
    ds.write_raw(&mem_type, mem_space.as_ref(), file_space.as_ref(), &bytes).map_err(Exc::from_hdf5)
}

/// Writes a whole array into a new dataset.
pub fn write_all(vm: &mut Interp, ds: &Dataset, array: &NdArray) -> PyResult<()> {
    if array.size() == 0 {
        return Ok(());
    }
    write(vm, ds, array, None)
}
