//! The methods of `h5py.Dataset` beyond indexing: `resize`, `read_direct`,
//! `write_direct`, `iter_chunks`, `len`, and the views `astype`, `asstr`, `fields`.

use super::dataset::{dtype, handle, is_null, shape};
use super::{dsviews, HlObject};
use crate::eval::Interp;
use crate::h5py::pyargs::{method, Signature};
use crate::hdf5::plist::Layout;
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::{ellipsis, Slice};
use crate::value::object::Args;
use crate::value::Value;

/// The method names a dataset answers to.
pub const METHODS: &[&str] = &["__array__", "asstr", "flush", "make_scale", "refresh", "virtual_sources", "astype", "fields", "iter_chunks", "len", "read_direct", "resize", "write_direct"];

/// Calls `dset.<name>(...)`.
pub fn call(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(obj) = this.downcast::<HlObject>() else { return Ok(Value::None) };
    match name {
        "len" => {
            method("Dataset.len", args, &[], 0)?;
            Ok(Value::Int(super::dataset::len(vm, obj, this)? as i64))
        }
        "__array__" => {
            let b = method("Dataset.__array__", args, &["dtype", "copy"], 0)?;
            array(vm, this, obj, b.get(0), b.get(1))
        }
        "flush" | "refresh" => {
            method(&format!("Dataset.{name}"), args, &[], 0)?;
            let ds = handle(obj);
            if name == "flush" { ds.flush() } else { ds.refresh() }.map_err(Exc::from_hdf5)?;
            Ok(Value::None)
        }
        "virtual_sources" => {
            method("Dataset.virtual_sources", args, &[], 0)?;
            let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            if dcpl.layout().map_err(Exc::from_hdf5)? != Layout::Virtual {
                return Err(Exc::new(crate::value::exception::ExcKind::RuntimeError, "Not a virtual dataset"));
            }
            Err(Exc::not_implemented("h5py.Dataset.virtual_sources"))
        }
        "astype" => {
            let b = method("Dataset.astype", args, &["dtype"], 1)?;
            dsviews::astype(vm, this, obj, b.req(0))
        }
        "asstr" => {
            let b = method("Dataset.asstr", args, &["encoding", "errors"], 0)?;
            dsviews::asstr(vm, this, obj, b.get(0), b.get(1))
        }
        "fields" => {
            let b = method("Dataset.fields", args, &["names"], 1)?;
            dsviews::fields(vm, this, obj, b.req(0))
        }
        "resize" => {
            let b = method("Dataset.resize", args, &["size", "axis"], 1)?;
            resize(vm, obj, b.req(0), b.get(1))
        }
        "read_direct" => {
            let b = method("Dataset.read_direct", args, &["dest", "source_sel", "dest_sel"], 1)?;
            read_direct(vm, this, obj, b.req(0), b.get(1), b.get(2))
        }
        "write_direct" => {
            let b = method("Dataset.write_direct", args, &["source", "source_sel", "dest_sel"], 1)?;
            write_direct(vm, this, obj, b.req(0), b.get(1), b.get(2))
        }
        "iter_chunks" => {
            let sig = Signature { name: "Dataset.iter_chunks", params: &["sel"], required: 0, method: true, var_keywords: false };
            let b = sig.bind(args)?;
            iter_chunks(vm, obj, b.get(0))
        }
        #[cfg(feature = "bundled-hdf5")]
        "make_scale" => {
            let b = method("Dataset.make_scale", args, &["name"], 0)?;
            super::dims::make_scale(obj, b.get(0).unwrap_or(&Value::str("")))?;
            Ok(Value::None)
        }
        _ => Err(Exc::not_implemented(format!("h5py.Dataset.{name}"))),
    }
}

/// `dset.__array__(dtype=None, copy=None)`: the whole dataset read into a new array.
fn array(vm: &mut Interp, this: &Value, obj: &HlObject, dtype: Option<&Value>, copy: Option<&Value>) -> PyResult<Value> {
    if matches!(copy, Some(Value::Bool(false))) {
        return Err(Exc::value_error(
            "Dataset.__array__ received copy=False but memory allocation cannot be avoided on read",
        ));
    }
    let data = match dtype.filter(|d| !matches!(d, Value::None)) {
        Some(d) => {
            let view = dsviews::astype(vm, this, obj, d)?;
            vm.getitem(&view, &ellipsis())?
        }
        None => super::dsread::getitem(vm, obj, &ellipsis(), None)?,
    };
    match crate::numpy_py::as_array(&data) {
        Some(_) => Ok(data),
        None => Ok(crate::numpy_py::array_value(crate::numpy_py::to_array(vm, &data, None)?)),
    }
}

/// The dataset's chunk shape, or None when it is not chunked.
pub fn chunks(obj: &HlObject) -> PyResult<Option<Vec<u64>>> {
    let dcpl = handle(obj).create_plist().map_err(Exc::from_hdf5)?;
    Ok(match dcpl.layout().map_err(Exc::from_hdf5)? {
        Layout::Chunked => Some(dcpl.chunk().map_err(Exc::from_hdf5)?),
        _ => None,
    })
}

/// `dset.resize(size, axis=None)`.
fn resize(vm: &mut Interp, obj: &HlObject, size: &Value, axis: Option<&Value>) -> PyResult<Value> {
    if chunks(obj)?.is_none() {
        return Err(Exc::type_error("Only chunked datasets can be resized"));
    }
    let current = shape(obj)?;
    let rank = current.len();
    let new_shape: Vec<i64> = match axis.filter(|a| !matches!(a, Value::None)) {
        Some(axis) => {
            let axis = vm.index_value(axis, "an integer is required")?;
            if axis < 0 || axis as usize >= rank {
                return Err(Exc::value_error(format!("Invalid axis (0 to {} allowed)", rank as i64 - 1)));
            }
            let Ok(Value::Int(n)) = vm.to_index(size) else {
                return Err(Exc::type_error("Argument must be a single int if axis is specified"));
            };
            let mut dims: Vec<i64> = current.iter().map(|&d| d as i64).collect();
            dims[axis as usize] = n;
            dims
        }
        None => {
            let mut dims = Vec::new();
            for item in vm.collect(size)? {
                dims.push(vm.index_value(&item, "an integer is required")?);
            }
            dims
        }
    };
    if new_shape.len() != rank {
        return Err(Exc::type_error(format!(
            "New shape length ({}) must match dataset rank ({rank})",
            new_shape.len()
        )));
    }
    if new_shape.iter().any(|&d| d < 0) {
        return Err(Exc::overflow("can't convert negative value to hsize_t"));
    }
    let dims: Vec<u64> = new_shape.iter().map(|&d| d as u64).collect();
    handle(obj).set_extent(&dims).map_err(Exc::from_hdf5)?;
    Ok(Value::None)
}

/// `sel` or `...` when it was not given.
fn key_or_all(sel: Option<&Value>) -> Value {
    match sel {
        None | Some(Value::None) => ellipsis(),
        Some(v) => v.clone(),
    }
}

/// `dset.read_direct(dest, source_sel=None, dest_sel=None)`: reads the source
/// selection into `dest[dest_sel]` in place.
fn read_direct(vm: &mut Interp, this: &Value, obj: &HlObject, dest: &Value, source_sel: Option<&Value>, dest_sel: Option<&Value>) -> PyResult<Value> {
    if is_null(obj)? {
        return Err(Exc::type_error("Empty datasets have no numpy representation"));
    }
    let Some(array) = crate::numpy_py::as_array(dest) else {
        let class = crate::value::types::type_of(dest);
        return Err(Exc::attribute_error(format!("'{}' object has no attribute 'shape'", class.name)));
    };
    let view = dsviews::astype(vm, this, obj, &crate::numpy_py::dtype::dtype_value(array.dtype().clone()))?;
    let data = vm.getitem(&view, &key_or_all(source_sel))?;
    // h5py broadcasts the source selection over the destination's by its own rules.
    let region = vm.getitem(dest, &key_or_all(dest_sel))?;
    let data = match (crate::numpy_py::as_array(&data), crate::numpy_py::as_array(&region)) {
        (Some(d), Some(r)) => crate::numpy_py::array_value(super::dataset::broadcast_to(&d, r.shape())?),
        _ => data,
    };
    vm.setitem(dest, &key_or_all(dest_sel), data)?;
    Ok(Value::None)
}

/// `dset.write_direct(source, source_sel=None, dest_sel=None)`: writes
/// `source[source_sel]` into the dataset's `dest_sel`.
fn write_direct(vm: &mut Interp, this: &Value, obj: &HlObject, source: &Value, source_sel: Option<&Value>, dest_sel: Option<&Value>) -> PyResult<Value> {
    if is_null(obj)? {
        return Err(Exc::type_error("Empty datasets cannot be written to"));
    }
    let data = vm.getitem(source, &key_or_all(source_sel))?;
    vm.setitem(this, &key_or_all(dest_sel), data)?;
    let _ = dtype(obj)?;
    Ok(Value::None)
}

/// One axis of the region `iter_chunks` walks: start and stop.
fn region_axis(vm: &mut Interp, item: &Value, extent: u64) -> PyResult<(i64, i64)> {
    if let Some(s) = item.downcast::<Slice>() {
        let bound = |vm: &mut Interp, v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                other => vm.index_value(other, "slice indices must be integers"),
            }
        };
        // `s.start or 0`, `s.stop or shape[dim]`.
        let start = bound(vm, &s.start, 0)?;
        let stop = bound(vm, &s.stop, extent as i64)?;
        return Ok((start, if stop == 0 { extent as i64 } else { stop }));
    }
    match vm.to_index(item) {
        Ok(Value::Int(i)) => Ok((i, i + 1)),
        _ => Err(Exc::new(
            crate::value::exception::ExcKind::AssertionError,
            format!("{}: Selection object must be a slice or integer", vm.str(item)?),
        )),
    }
}

/// `dset.iter_chunks(sel=None)`: the slices of each chunk the region touches, as
/// h5py's `ChunkIterator` yields them.
fn iter_chunks(vm: &mut Interp, obj: &HlObject, sel: Option<&Value>) -> PyResult<Value> {
    let shape = shape(obj)?;
    let rank = shape.len();
    let Some(layout) = chunks(obj)?.filter(|c| !c.is_empty()) else {
        return Err(Exc::type_error("Chunked dataset required"));
    };
    let layout: Vec<i64> = layout.iter().map(|&c| c as i64).collect();
    let region: Vec<(i64, i64)> = match sel.filter(|s| !matches!(s, Value::None)) {
        None => shape.iter().map(|&n| (0, n as i64)).collect(),
        Some(sel) => {
            let items = if sel.downcast::<Slice>().is_some() || matches!(sel, Value::Int(_)) {
                vec![sel.clone()]
            } else {
                vm.collect(sel)?
            };
            if items.len() != rank {
                return Err(Exc::value_error("Invalid selection - selection region must have same rank as dataset"));
            }
            let mut region = Vec::with_capacity(rank);
            for (item, &extent) in items.iter().zip(&shape) {
                region.push(region_axis(vm, item, extent)?);
            }
            region
        }
    };
    let mut index = Vec::with_capacity(rank);
    for (dim, &(start, stop)) in region.iter().enumerate() {
        if start < 0 || stop > shape[dim] as i64 || stop <= start {
            return Err(Exc::value_error("Invalid selection - selection region must be within dataset space"));
        }
        index.push(start / layout[dim]);
    }
    let mut done = rank == 0;
    Ok(crate::value::iter::NativeIterator::value("ChunkIterator", move |_vm| {
        if done || index[0] * layout[0] >= region[0].1 {
            return Ok(None);
        }
        let slices: Vec<Value> = (0..rank)
            .map(|dim| {
                let start = (index[dim] * layout[dim]).max(region[dim].0);
                let stop = ((index[dim] + 1) * layout[dim]).min(region[dim].1);
                Value::object(Slice { start: Value::Int(start), stop: Value::Int(stop), step: Value::Int(1) })
            })
            .collect();
        let mut dim = rank;
        loop {
            if dim == 0 {
                done = true;
                break;
            }
            dim -= 1;
            index[dim] += 1;
            if index[dim] * layout[dim] < region[dim].1 {
                break;
            }
            if dim > 0 {
                index[dim] = region[dim].0 / layout[dim];
            }
        }
        Ok(Some(Value::tuple(slices)))
    }))
}
