//! Moving data of any h5py dtype between NumPy arrays and datasets or attributes:
//! fixed-size data as raw bytes (HDF5 converts to and from the memory type h5py would
//! make), variable-length strings as `bytes` (datasets) or `str` (attributes) in
//! object arrays, variable-length sequences as arrays in object arrays, and object and
//! region references as `h5py.Reference` objects.

use super::refs::{self, Reference};
use crate::eval::Interp;
use crate::h5py::types::hdf5_type_of;
use crate::hdf5::datatype::{ReferenceKind, TypeDescription};
use crate::hdf5::{Attribute, Dataset, Dataspace, Datatype};
use crate::numpy::storage::Buffer;
use crate::numpy::{DType, Kind, Metadata, NdArray, PyValue};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;

/// Where the data lives: a dataset (all of it, or a file selection) or an attribute.
#[derive(Clone, Copy)]
pub enum Target<'a> {
    /// A dataset and, optionally, the selection of a copy of its dataspace.
    Dataset(&'a Dataset, Option<&'a Dataspace>),
    /// An attribute (always all of it).
    Attribute(&'a Attribute),
}

/// Whether elements of a dtype are Python objects in NumPy (strings, sequences,
/// references).
pub fn is_object(dtype: &DType) -> bool {
    matches!(dtype.kind(), Kind::Object)
}

fn memory_type(vm: &Interp, desc: &TypeDescription) -> PyResult<Datatype> {
    Datatype::from_description(vm.lib(), desc).map_err(Exc::from_hdf5)
}

fn mem_space(vm: &Interp, count: usize, target: Target<'_>) -> PyResult<Option<Dataspace>> {
    match target {
        Target::Dataset(_, Some(_)) => {
            Ok(Some(Dataspace::simple(vm.lib(), &[count as u64], None).map_err(Exc::from_hdf5)?))
        }
        _ => Ok(None),
    }
}

fn read_raw(vm: &Interp, target: Target<'_>, mem: &Datatype, count: usize, size: usize) -> PyResult<Vec<u8>> {
    let mut raw = vec![0u8; count * size];
    if count == 0 {
        return Ok(raw);
    }
    match target {
        Target::Dataset(ds, file) => {
            let space = mem_space(vm, count, target)?;
            ds.read_raw(mem, space.as_ref(), file, &mut raw)
        }
        Target::Attribute(a) => a.read_raw(mem, &mut raw),
    }
    .map_err(Exc::from_hdf5)?;
    Ok(raw)
}

/// Reads `count` elements as a flat array of `dtype`; `text` makes variable-length
/// strings `str` (h5py's attributes) instead of `bytes` (its datasets).
pub fn read_flat(vm: &mut Interp, target: Target<'_>, dtype: &DType, count: usize, text: bool) -> PyResult<NdArray> {
    if !is_object(dtype) {
        if let Kind::Struct(layout) = dtype.kind() {
            if layout.fields.iter().any(|f| is_object(&f.dtype)) {
                return Err(Exc::not_implemented("reading compound data with variable-length or reference fields"));
            }
        }
        let mem = memory_type(vm, &hdf5_type_of(dtype)?)?;
        let raw = read_raw(vm, target, &mem, count, dtype.itemsize())?;
        return crate::numpy::create::frombuffer(&raw, dtype, count as i64, 0).map_err(np_error);
    }
    let values: Vec<PyValue> = match dtype.metadata() {
        Some(Metadata::VlenStr | Metadata::VlenBytes) => {
            let mem = memory_type(vm, &hdf5_type_of(dtype)?)?;
            let strings = match target {
                Target::Dataset(ds, file) => {
                    let space = mem_space(vm, count, target)?;
                    ds.read_strings(vm.lib(), &mem, space.as_ref(), file)
                }
                Target::Attribute(a) => a.read_strings(vm.lib(), &mem),
            }
            .map_err(Exc::from_hdf5)?;
            strings
                .into_iter()
                .map(|s| {
                    let s = s.unwrap_or_default();
                    if text {
                        PyValue::Str(String::from_utf8_lossy(&s).into_owned())
                    } else {
                        PyValue::Bytes(s)
                    }
                })
                .collect()
        }
        Some(Metadata::Vlen(base)) => read_sequences(vm, target, base, count)?,
        Some(Metadata::ObjectRef) => read_refs(vm, target, ReferenceKind::Object, count)?,
        Some(Metadata::RegionRef) => read_refs(vm, target, ReferenceKind::Region, count)?,
        _ => return Err(Exc::type_error(format!("Object dtype {} has no native HDF5 equivalent", dtype.repr()))),
    };
    Ok(NdArray::from_buffer(Buffer::Object(values.into()), vec![count], dtype.clone()))
}

fn read_refs(vm: &mut Interp, target: Target<'_>, kind: ReferenceKind, count: usize) -> PyResult<Vec<PyValue>> {
    let mem = memory_type(vm, &TypeDescription::Reference(kind))?;
    let size = refs::size(kind);
    let raw = read_raw(vm, target, &mem, count, size)?;
    raw.chunks_exact(size)
        .map(|chunk| crate::numpy_py::to_py_value(vm, &Reference::value(kind, chunk.to_vec())))
        .collect()
}

fn read_sequences(vm: &mut Interp, target: Target<'_>, base: &DType, count: usize) -> PyResult<Vec<PyValue>> {
    if is_object(base) {
        return Err(Exc::not_implemented("reading nested variable-length data"));
    }
    let base_desc = hdf5_type_of(base)?;
    let mem = memory_type(vm, &TypeDescription::VarLen(Box::new(base_desc)))?;
    if count == 0 {
        return Ok(Vec::new());
    }
    let detached = match target {
        Target::Dataset(ds, file) => ds.read_detached(vm.lib(), &mem, file),
        Target::Attribute(a) => a.read_detached(vm.lib(), &mem),
    }
    .map_err(Exc::from_hdf5)?;
    let mut out = Vec::with_capacity(count);
    for slot in detached.bytes.chunks_exact(16) {
        let (n, bytes) = detached.sequence_at(slot).map_err(Exc::from_hdf5)?;
        let array = if n == 0 {
            NdArray::zeros(&[0], base).map_err(np_error)?
        } else {
            crate::numpy::create::frombuffer(bytes, base, n as i64, 0).map_err(np_error)?
        };
        out.push(PyValue::Array(array));
    }
    Ok(out)
}

/// Writes a whole array (C order) into the target, whose stored dtype is
/// `file_dtype`. Object data is converted as h5py converts it; other arrays travel
/// in their own dtype's memory type and HDF5 converts them.
pub fn write_flat(vm: &mut Interp, target: Target<'_>, array: &NdArray, file_dtype: &DType) -> PyResult<()> {
    let count = array.size();
    let space = mem_space(vm, count, target)?;
    if is_object(file_dtype) || is_object(array.dtype()) {
        let items = array.ravel().values();
        return match file_dtype.metadata() {
            Some(Metadata::VlenStr | Metadata::VlenBytes) => write_strings(vm, target, space.as_ref(), &items, file_dtype),
            Some(Metadata::Vlen(base)) => write_sequences(vm, target, space.as_ref(), &items, base),
            Some(Metadata::ObjectRef) => write_refs(vm, target, space.as_ref(), &items, ReferenceKind::Object),
            Some(Metadata::RegionRef) => write_refs(vm, target, space.as_ref(), &items, ReferenceKind::Region),
            _ => Err(Exc::type_error(format!("Object dtype {} has no native HDF5 equivalent", array.dtype().repr()))),
        };
    }
    let mem = memory_type(vm, &hdf5_type_of(array.dtype())?)?;
    let bytes = array.tobytes().map_err(np_error)?;
    match target {
        Target::Dataset(ds, file) => ds.write_raw(&mem, space.as_ref(), file, &bytes),
        Target::Attribute(a) => a.write_raw(&mem, &bytes),
    }
    .map_err(Exc::from_hdf5)
}

fn write_strings(vm: &mut Interp, target: Target<'_>, space: Option<&Dataspace>, items: &[PyValue], dtype: &DType) -> PyResult<()> {
    let mut owned: Vec<Vec<u8>> = Vec::with_capacity(items.len());
    for item in items {
        owned.push(match item {
            PyValue::Str(s) => s.as_bytes().to_vec(),
            PyValue::Bytes(b) => b.clone(),
            PyValue::Scalar(crate::numpy::Scalar::Bytes(b)) => b.clone(),
            PyValue::Scalar(crate::numpy::Scalar::Str(s)) => s.as_bytes().to_vec(),
            other => {
                let type_name = match other {
                    PyValue::Int(_) => "int".to_string(),
                    PyValue::Float(_) => "float".to_string(),
                    PyValue::None => "NoneType".to_string(),
                    _ => "object".to_string(),
                };
                return Err(Exc::type_error(format!("Can't implicitly convert non-string objects to strings (got {type_name})")));
            }
        });
    }
    let refs: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
    let mem = memory_type(vm, &hdf5_type_of(dtype)?)?;
    match target {
        Target::Dataset(ds, file) => ds.write_strings(&mem, space, file, &refs),
        Target::Attribute(a) => a.write_strings(&mem, &refs),
    }
    .map_err(Exc::from_hdf5)
}

fn write_sequences(vm: &mut Interp, target: Target<'_>, space: Option<&Dataspace>, items: &[PyValue], base: &DType) -> PyResult<()> {
    if is_object(base) {
        return Err(Exc::not_implemented("writing nested variable-length data"));
    }
    let mut owned: Vec<(usize, Vec<u8>)> = Vec::with_capacity(items.len());
    for item in items {
        let array = crate::numpy::create::asarray(item, Some(base)).map_err(np_error)?;
        let array = array.ravel();
        owned.push((array.size(), array.tobytes().map_err(np_error)?));
    }
    let sequences: Vec<(usize, &[u8])> = owned.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let mem = memory_type(vm, &TypeDescription::VarLen(Box::new(hdf5_type_of(base)?)))?;
    match target {
        Target::Dataset(ds, file) => ds.write_sequences(&mem, space, file, &sequences),
        Target::Attribute(a) => a.write_sequences(&mem, &sequences),
    }
    .map_err(Exc::from_hdf5)
}

fn write_refs(vm: &mut Interp, target: Target<'_>, space: Option<&Dataspace>, items: &[PyValue], kind: ReferenceKind) -> PyResult<()> {
    let size = refs::size(kind);
    let mut bytes = Vec::with_capacity(items.len() * size);
    for item in items {
        let value = crate::numpy_py::from_py_value(item.clone());
        match value.downcast::<Reference>() {
            Some(r) if r.kind == kind => bytes.extend_from_slice(&r.raw),
            Some(_) => return Err(Exc::type_error("Can't convert between object and region references")),
            None if value.is_none() => bytes.extend(std::iter::repeat_n(0u8, size)),
            None => {
                return Err(Exc::type_error(format!(
                    "Can't convert element to reference (got {})",
                    crate::value::types::type_of(&value).name
                )))
            }
        }
    }
    let mem = memory_type(vm, &TypeDescription::Reference(kind))?;
    match target {
        Target::Dataset(ds, file) => ds.write_raw(&mem, space, file, &bytes),
        Target::Attribute(a) => a.write_raw(&mem, &bytes),
    }
    .map_err(Exc::from_hdf5)
}

/// `arr[()]` of a 0-d array: the NumPy scalar, or the object for object data.
pub fn element(array: NdArray) -> PyResult<Value> {
    let item = array.getitem(&[]).map_err(np_error)?;
    Ok(crate::numpy_py::from_py_value(item))
}
