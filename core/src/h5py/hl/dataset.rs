//! `h5py.Dataset`: its properties (shape, dtype, chunks, filters, fill value), reading
//! and writing through selections as h5py does, `len`, iteration and the repr.

use std::rc::Rc;

use super::select::{self, Hyperslab};
use super::{HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::method;
use crate::h5py::types::dtype_of;
use crate::hdf5::dataspace::SpaceClass;
use crate::hdf5::plist::Layout;
use crate::hdf5::Dataset;
use crate::numpy::{DType, NdArray};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::NativeMethod;
use crate::value::iter::NativeIterator;
use crate::value::object::Args;
use crate::value::types::TypeObject;
use crate::value::Value;

/// Dataset attributes and methods (for `dir` and completion).
pub const ATTRIBUTES: &[&str] = &[
    "asstr",
    "astype",
    "chunks",
    "compression",
    "compression_opts",
    "dims",
    "dtype",
    "external",
    "fields",
    "fillvalue",
    "filter_ids",
    "filter_names",
    "fletcher32",
    "flush",
    "is_scale",
    "is_virtual",
    "iter_chunks",
    "len",
    "maxshape",
    "nbytes",
    "ndim",
    "read_direct",
    "refresh",
    "resize",
    "scaleoffset",
    "shape",
    "shuffle",
    "size",
    "write_direct",
];

/// `h5py.Dataset(dsid)`.
pub fn construct(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let b = method("Dataset.__init__", args, &["bind", "readonly"], 1)?;
    match b.req(0).downcast::<ObjectId>() {
        Some(id) if id.kind == IdKind::Dataset => Ok(HlObject::value(HlKind::Dataset, b.req(0).clone())),
        _ => Err(Exc::value_error(format!("{} is not a DatasetID", vm.str(b.req(0))?))),
    }
}

/// The HDF5 dataset behind the object (possibly closed: HDF5 reports that on use).
pub fn handle(obj: &HlObject) -> Dataset {
    Dataset::from_handle(obj.handle()).unwrap_or_else(|| Dataset::from_handle_unchecked(obj.handle()))
}

/// `dset.shape` as numbers (empty for scalar and null dataspaces).
pub fn shape(obj: &HlObject) -> PyResult<Vec<u64>> {
    handle(obj).space().and_then(|s| s.dims()).map_err(Exc::from_hdf5)
}

/// Whether the dataset has a null dataspace (h5py's `_is_empty`).
pub fn is_null(obj: &HlObject) -> PyResult<bool> {
    Ok(handle(obj).space().and_then(|s| s.class()).map_err(Exc::from_hdf5)? == SpaceClass::Null)
}

/// `dset.dtype`.
pub fn dtype(obj: &HlObject) -> PyResult<DType> {
    let desc = handle(obj).datatype().and_then(|t| t.describe()).map_err(Exc::from_hdf5)?;
    dtype_of(&desc)
}

fn ints(values: &[u64]) -> Value {
    Value::tuple(values.iter().map(|&n| Value::Int(n as i64)).collect())
}

/// `repr(dset)`.
pub fn repr(vm: &mut Interp, obj: &HlObject) -> PyResult<String> {
    if !obj.is_open() {
        return Ok("<Closed HDF5 dataset>".into());
    }
    let name = match obj.shown_name(true)? {
        None => "(anonymous)".to_string(),
        Some(base) => format!("\"{base}\""),
    };
    let shape = if is_null(obj)? { "None".to_string() } else { vm.repr(&ints(&shape(obj)?))? };
    Ok(format!("<HDF5 dataset {name}: shape {shape}, type \"{}\">", dtype(obj)?.type_str()))
}

/// `len(dset)`: the first axis; scalar datasets have none.
pub fn len(_vm: &mut Interp, obj: &HlObject, _this: &Value) -> PyResult<usize> {
    match shape(obj)?.first() {
        Some(&n) => Ok(n as usize),
        None => Err(Exc::type_error("Attempt to take len() of scalar dataset")),
    }
}

/// `iter(dset)`: `dset[0]`, `dset[1]`, ... (rows).
pub fn iter(vm: &mut Interp, obj: &HlObject, this: &Value) -> PyResult<Value> {
    let shape = shape(obj)?;
    let this = this.clone();
    let mut i = 0u64;
    let _ = vm;
    Ok(NativeIterator::value("generator", move |vm| {
        let Some(&n) = shape.first() else { return Err(Exc::type_error("Can't iterate over a scalar dataset")) };
        if i >= n {
            return Ok(None);
        }
        i += 1;
        vm.getitem(&this, &Value::Int(i as i64 - 1)).map(Some)
    }))
}

/// Reads a selection (`dsread::getitem`).
pub fn getitem(vm: &mut Interp, obj: &HlObject, _this: &Value, key: &Value) -> PyResult<Value> {
    super::dsread::getitem(vm, obj, key, None)
}

/// `arr[()]` of a 0-d array: the NumPy scalar (or the object itself for object data).
fn element(array: NdArray) -> PyResult<Value> {
    let item = array.getitem(&[]).map_err(np_error)?;
    Ok(crate::numpy_py::from_py_value(item))
}

/// Writes into a selection, converting lists with the dataset's dtype and letting
/// HDF5 convert arrays; a value smaller than the selection is broadcast.
pub fn setitem(vm: &mut Interp, obj: &HlObject, this: &Value, key: &Value, value: Value) -> PyResult<()> {
    let items = select::key_items(key);
    if items.iter().any(|v| matches!(v, Value::Str(_))) {
        return super::dswrite::write_field(vm, obj, this, &items, value);
    }
    let dtype = dtype(obj)?;
    let ds = handle(obj);
    let shape = shape(obj)?;
    let array = super::dswrite::value_array(vm, &value, &dtype)?;
    let slab = if shape.is_empty() {
        match items.as_slice() {
            [] => Hyperslab::all(&[]),
            [e] if crate::value::iter::is_ellipsis(e) => Hyperslab::all(&[]),
            _ => return Err(Exc::value_error("Illegal slicing argument for scalar dataspace")),
        }
    } else {
        match select::select_any(vm, &shape, &items)? {
            select::Selection::Simple(slab) => slab,
            complex => return super::dswrite::write_complex(vm, &ds, &dtype, &shape, &complex, array),
        }
    };
    let target: Vec<usize> = slab.array_shape.clone();
    let array = broadcast_to(&array, &target)?;
    if slab.size() == 0 && !shape.is_empty() {
        return Ok(());
    }
    if super::objdata::is_object(&dtype) {
        return super::dswrite::write_selection(vm, &ds, &dtype, &select::Selection::Simple(slab), &array);
    }
    let region = (!shape.is_empty() && !slab.is_all(&shape)).then_some(&slab);
    super::data::write(vm, &ds, &array, region)
}

/// Broadcasts a value to a selection's shape as h5py does (leading axes may be added;
/// a size-1 axis repeats), or fails with `Can't broadcast (2,) -> (4,)`.
pub fn broadcast_to(array: &NdArray, target: &[usize]) -> PyResult<NdArray> {
    let source = array.shape().to_vec();
    if source == target {
        return Ok(array.clone());
    }
    let squeeze = |s: &[usize]| s.iter().copied().filter(|&n| n != 1).collect::<Vec<_>>();
    let flat_target: usize = target.iter().product();
    if array.size() == flat_target && squeeze(&source) == squeeze(target) {
        let dims: Vec<isize> = target.iter().map(|&n| n as isize).collect();
        return array.reshape(&dims).map_err(np_error);
    }
    let fits = source.len() <= target.len()
        && source.iter().rev().zip(target.iter().rev()).all(|(&s, &t)| s == t || s == 1);
    if !fits {
        return Err(Exc::type_error(format!(
            "Can't broadcast {} -> {}",
            crate::numpy::format::shape_repr(&source),
            crate::numpy::format::shape_repr(target)
        )));
    }
    array.broadcast_to_checked(target).map_err(np_error)
}

/// Dataset attributes; `None` for unknown names.
pub fn getattr(vm: &mut Interp, obj: &HlObject, this: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "shape" => {
            if is_null(obj)? {
                Value::None
            } else {
                ints(&shape(obj)?)
            }
        }
        "dtype" => crate::numpy_py::dtype::dtype_value(dtype(obj)?),
        "ndim" => Value::Int(shape(obj)?.len() as i64),
        "size" => {
            if is_null(obj)? {
                Value::None
            } else {
                Value::Int(shape(obj)?.iter().product::<u64>() as i64)
            }
        }
        "nbytes" => {
            let n: u64 = if is_null(obj)? { 0 } else { shape(obj)?.iter().product() };
            Value::Int((n as usize * dtype(obj)?.itemsize()) as i64)
        }
        "chunks" => {
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            match dcpl.layout().map_err(Exc::from_hdf5)? {
                Layout::Chunked => ints(&dcpl.chunk().map_err(Exc::from_hdf5)?),
                _ => Value::None,
            }
        }
        "maxshape" => {
            let space = handle(obj).space().map_err(Exc::from_hdf5)?;
            if space.class().map_err(Exc::from_hdf5)? == SpaceClass::Null {
                Value::None
            } else {
                let max = space.maxdims().map_err(Exc::from_hdf5)?;
                Value::tuple(max.iter().map(|&m| if m == u64::MAX { Value::None } else { Value::Int(m as i64) }).collect())
            }
        }
        "compression" | "compression_opts" | "shuffle" | "fletcher32" | "scaleoffset" => filter_property(obj, name)?,
        "fillvalue" => {
            let dt = dtype(obj)?;
            // h5py's `get_fill_value` into an object array: b'' for variable-length
            // strings (their default fill is a null string), None for other object data.
            match dt.metadata() {
                Some(crate::numpy::Metadata::VlenStr | crate::numpy::Metadata::VlenBytes) => return Ok(Some(Value::bytes(Vec::new()))),
                _ if super::objdata::is_object(&dt) => return Ok(Some(Value::None)),
                _ => {}
            }
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            let mem = super::data::memory_type(vm, &dt)?;
            let bytes = dcpl.fill_value(&mem).map_err(Exc::from_hdf5)?;
            let array = crate::numpy::create::frombuffer(&bytes, &dt, 1, 0).map_err(np_error)?;
            element(array.reshape(&[]).map_err(np_error)?)?
        }
        "is_virtual" => {
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            Value::Bool(dcpl.layout().map_err(Exc::from_hdf5)? == Layout::Virtual)
        }
        "is_scale" => Value::Bool(is_scale(vm, obj)?),
        "filter_ids" | "filter_names" => {
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            let filters = dcpl.filters().map_err(Exc::from_hdf5)?;
            Value::tuple(
                filters
                    .into_iter()
                    .map(|f| if name == "filter_ids" { Value::Int(f.id as i64) } else { Value::str(f.name) })
                    .collect(),
            )
        }
        #[cfg(feature = "bundled-hdf5")]
        "dims" => super::dims::manager(obj.id.clone()),
        #[cfg(not(feature = "bundled-hdf5"))]
        "dims" => return Err(Exc::not_implemented("h5py.Dataset.dims (dimension scales need the bundled HDF5's hdf5_hl)")),
        "external" => {
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            let files = dcpl.external_files().map_err(Exc::from_hdf5)?;
            if files.is_empty() {
                Value::None
            } else {
                Value::list(
                    files
                        .into_iter()
                        .map(|(name, offset, size)| Value::tuple(vec![Value::str(name), Value::Int(offset), Value::from_bigint(num_bigint::BigInt::from(size))]))
                        .collect(),
                )
            }
        }
        _ if super::dsmethods::METHODS.contains(&name) => NativeMethod::value(this, name, super::dsmethods::call),
        _ => return Ok(None),
    }))
}

/// `h5ds.is_scale` (`H5DSis_scale`).
#[cfg(feature = "bundled-hdf5")]
fn is_scale(_vm: &mut Interp, obj: &HlObject) -> PyResult<bool> {
    crate::hdf5::dimscale::is_scale(&obj.handle()).map_err(Exc::from_hdf5)
}

/// `h5ds.is_scale` without hdf5_hl: whether the dataset's `CLASS` attribute says
/// `DIMENSION_SCALE`.
#[cfg(not(feature = "bundled-hdf5"))]
fn is_scale(vm: &mut Interp, obj: &HlObject) -> PyResult<bool> {
    if !crate::hdf5::attribute::exists(&obj.handle(), b"CLASS").map_err(Exc::from_hdf5)? {
        return Ok(false);
    }
    let value = vm.getitem(&super::attrs::manager(obj.id.clone()), &Value::str("CLASS"))?;
    Ok(match &value {
        Value::Bytes(b) => &**b == b"DIMENSION_SCALE",
        Value::Str(s) => &**s == "DIMENSION_SCALE",
        other => vm.str(other)? == "b'DIMENSION_SCALE'",
    })
}

fn filter_property(obj: &HlObject, name: &str) -> PyResult<Value> {
    let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
    let filters = dcpl.filters().map_err(Exc::from_hdf5)?;
    let find = |id: i32| filters.iter().find(|f| f.id == id);
    Ok(match name {
        "compression" => match (find(1), find(crate::hdf5::lzf::FILTER_LZF)) {
            (Some(_), _) => Value::str("gzip"),
            (None, Some(_)) => Value::str("lzf"),
            (None, None) => Value::None,
        },
        "compression_opts" => match find(1) {
            Some(f) => Value::Int(f.values.first().copied().unwrap_or(0) as i64),
            None => Value::None,
        },
        "shuffle" => Value::Bool(find(2).is_some()),
        "fletcher32" => Value::Bool(find(3).is_some()),
        _ => match find(6) {
            Some(f) => Value::Int(f.values.get(1).copied().unwrap_or(0) as i64),
            None => Value::None,
        },
    })
}
