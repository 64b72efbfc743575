//! Moving data between datasets and NumPy arrays: the memory type is the HDF5 type h5py
//! makes for the array's dtype, so HDF5 converts between it and the file's type
//! exactly as it does for h5py. Variable-length strings travel as Python `bytes`/`str`
//! objects (h5py returns `bytes` in object arrays).

use super::select::Hyperslab;
use crate::eval::Interp;
use crate::h5py::types::hdf5_type_of;
use crate::hdf5::dataspace::SelectOp;
use crate::hdf5::{Dataset, Dataspace, Datatype};
use crate::numpy::storage::Buffer;
use crate::numpy::{DType, Kind, Metadata, NdArray, PyValue};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};

/// Whether a dtype holds variable-length strings (h5py's `string_dtype()` tags).
fn vlen_string(dtype: &DType) -> bool {
    matches!(dtype.metadata(), Some(Metadata::VlenStr | Metadata::VlenBytes))
}

/// The memory type for a dtype.
pub fn memory_type(vm: &Interp, dtype: &DType) -> PyResult<Datatype> {
    Datatype::from_description(vm.lib(), &hdf5_type_of(dtype)?).map_err(Exc::from_hdf5)
}

/// The file and memory dataspaces of a hyperslab of `ds` (None: everything).
fn spaces(vm: &Interp, ds: &Dataset, slab: Option<&Hyperslab>) -> PyResult<(Option<Dataspace>, Option<Dataspace>)> {
    let Some(slab) = slab else { return Ok((None, None)) };
    let file_space = ds.space().map_err(Exc::from_hdf5)?;
    file_space
        .select_hyperslab(SelectOp::Set, &slab.start, Some(&slab.step), &slab.count, None)
        .map_err(Exc::from_hdf5)?;
    let mem_space = Dataspace::simple(vm.lib(), &[slab.size()], None).map_err(Exc::from_hdf5)?;
    Ok((Some(file_space), Some(mem_space)))
}

/// Reads a hyperslab (or everything) of `ds` as an array of `dtype` shaped `shape`.
pub fn read(vm: &mut Interp, ds: &Dataset, dtype: &DType, slab: Option<&Hyperslab>, shape: &[usize]) -> PyResult<NdArray> {
    let count: usize = shape.iter().product();
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
    let (file_space, mem_space) = spaces(vm, ds, slab)?;
    let dtype = array.dtype().clone();
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
