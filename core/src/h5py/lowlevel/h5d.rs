//! `h5py.h5d`: opening and creating datasets, and `DatasetID`'s methods — storage,
//! spaces and types, property lists, raw reads and writes into NumPy arrays, extents
//! and chunks.

use super::h5;
use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::h5s::space_arg;
use super::h5t::type_arg;
use super::info::NamedTuple;
use super::{array_arg, fill_strings, is_object_array, plist_value, read_into, space_value, string_items, type_value, typed_plist};
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bytes, c_int, hsize_tuple, object_id, opt, req, tuple_items, uint_tuple};
use crate::h5py::hl::data::memory_type;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::types::dtype_of;
use crate::hdf5::dataset::UNDEFINED_ADDRESS;
use crate::hdf5::{Dataset, Dataspace, Datatype};
use crate::numpy::NdArray;
use crate::numpy_py::convert::as_array;
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[("open", open), ("create", create)];

fn dataset_value(d: Dataset) -> Value {
    ObjectId::value(IdKind::Dataset, d.handle().clone())
}

fn open(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("open", args, &["loc", "name"], &["dapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    let dapl = typed_plist(&s[2], "dapl", "h5py.h5p.PropID")?;
    Ok(dataset_value(h5(Dataset::open(&loc.handle(), &*name, dapl.as_ref()))?))
}

fn create(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["loc", "name", "tid", "space"], &["dcpl", "lcpl", "dapl"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let tid = type_arg(req(&s, 2), "tid")?;
    let space_id = crate::h5py::cyargs::typed_id(req(&s, 3), "space", "h5py.h5s.SpaceID")?;
    let space = Dataspace::from_handle_unchecked(space_id.handle());
    let dcpl = typed_plist(&s[4], "dcpl", "h5py.h5p.PropID")?;
    let lcpl = typed_plist(&s[5], "lcpl", "h5py.h5p.PropID")?;
    let dapl = typed_plist(&s[6], "dapl", "h5py.h5p.PropID")?;
    let d = match req(&s, 1) {
        Value::None => h5(Dataset::create_anonymous(&loc.handle(), &tid, &space, dcpl.as_ref(), dapl.as_ref()))?,
        name => {
            let name = bytes(name)?;
            h5(Dataset::create(&loc.handle(), &*name, &tid, &space, lcpl.as_ref(), dcpl.as_ref(), dapl.as_ref()))?
        }
    };
    Ok(dataset_value(d))
}

fn dataset_of(id: &ObjectId) -> Dataset {
    Dataset::from_handle_unchecked(id.handle())
}

/// The memory type: `mtype` if given, else the one h5py makes for the array's dtype.
fn mem_type(vm: &mut Interp, slot: Option<&Value>, array: &NdArray) -> PyResult<Datatype> {
    match slot {
        Some(v) => type_arg(v, "mtype"),
        None => memory_type(vm, array.dtype()),
    }
}

const METHODS: &[&str] = &[
    "get_storage_size",
    "get_offset",
    "get_space",
    "get_type",
    "get_create_plist",
    "get_access_plist",
    "set_extent",
    "get_num_chunks",
    "get_chunk_info",
    "read",
    "write",
    "read_direct_chunk",
    "write_direct_chunk",
    "get_chunk_info_by_coord",
    "chunk_iter",
    "get_space_status",
    "flush",
    "refresh",
];

/// `DatasetID`'s methods.
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    if !METHODS.contains(&name) {
        return None;
    }
    let ds = dataset_of(id);
    Some((|| -> PyResult<Value> {
        Ok(match name {
            "get_storage_size" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(ds.storage_size())? as i64)
            }
            "get_offset" => {
                bind(name, args, &[], &[])?;
                match h5(ds.offset())? {
                    UNDEFINED_ADDRESS => Value::None,
                    offset => Value::Int(offset as i64),
                }
            }
            "get_space" => {
                bind(name, args, &[], &[])?;
                space_value(h5(ds.space())?)
            }
            "get_type" => {
                bind(name, args, &[], &[])?;
                type_value(h5(ds.datatype())?)
            }
            "get_create_plist" => {
                bind(name, args, &[], &[])?;
                plist_value(h5(ds.create_plist())?)
            }
            "get_access_plist" => {
                bind(name, args, &[], &[])?;
                plist_value(h5(ds.access_plist())?)
            }
            "set_extent" => {
                let s = bind(name, args, &["shape"], &[])?;
                let rank = h5(h5(ds.space())?.rank())?;
                let items = match req(&s, 0) {
                    Value::Tuple(items) => items.to_vec(),
                    other => {
                        return Err(Exc::type_error(format!(
                            "Argument 'shape' has incorrect type (expected tuple, got {})",
                            type_of(other).qualified_name()
                        )))
                    }
                };
                if items.len() != rank {
                    return Err(Exc::type_error(format!("New shape length ({}) must match dataset rank ({rank})", items.len())));
                }
                let dims = hsize_tuple(vm, &items)?;
                h5(ds.set_extent(&dims))?;
                Value::None
            }
            "get_num_chunks" => {
                let s = bind(name, args, &[], &["space"])?;
                let space = opt(&s, 0).map(|v| space_arg(v, "space")).transpose()?.flatten();
                Value::Int(h5(ds.chunk_count(space.as_ref()))? as i64)
            }
            "get_chunk_info" => {
                let s = bind(name, args, &["index"], &["space"])?;
                let index = c_int(vm, req(&s, 0), "hsize_t")?;
                let space = opt(&s, 1).map(|v| space_arg(v, "space")).transpose()?.flatten();
                let info = h5(ds.chunk_info(index as u64, space.as_ref()))?;
                store_info(&info)
            }
            "read" | "write" => {
                let s = bind(name, args, &["mspace", "fspace", "arr_obj"], &["mtype", "dxpl"])?;
                let mspace = space_arg(req(&s, 0), "mspace")?;
                let fspace = space_arg(req(&s, 1), "fspace")?;
                let array = array_arg(req(&s, 2), "arr_obj")?;
                typed_plist(&s[4], "dxpl", "h5py.h5p.PropID")?;
                if is_object_array(&array) {
                    // Variable-length strings, in the file's own string type.
                    let mtype = match opt(&s, 3) {
                        Some(v) => type_arg(v, "mtype")?,
                        None => h5(ds.datatype())?,
                    };
                    if name == "read" {
                        fill_strings(&array, h5(ds.read_strings(vm.lib(), &mtype, mspace.as_ref(), fspace.as_ref()))?)?;
                    } else {
                        let owned = string_items(&array)?;
                        let refs: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
                        h5(ds.write_strings(&mtype, mspace.as_ref(), fspace.as_ref(), &refs))?;
                    }
                    return Ok(Value::None);
                }
                let mtype = mem_type(vm, opt(&s, 3), &array)?;
                if name == "read" {
                    read_into(&array, |raw| ds.read_raw(&mtype, mspace.as_ref(), fspace.as_ref(), raw))?;
                } else {
                    let raw = array.tobytes().map_err(np_error)?;
                    h5(ds.write_raw(&mtype, mspace.as_ref(), fspace.as_ref(), &raw))?;
                }
                Value::None
            }
            "read_direct_chunk" => {
                let s = bind(name, args, &["offsets"], &["dxpl", "out"])?;
                let offsets = tuple_items(req(&s, 0), "offsets must be a tuple")?;
                let offsets = hsize_tuple(vm, &offsets)?;
                let (mask, data) = h5(ds.read_chunk(&offsets))?;
                Value::tuple(vec![Value::Int(mask as i64), Value::bytes(data)])
            }
            "write_direct_chunk" => {
                let s = bind(name, args, &["offsets", "data"], &["filter_mask", "dxpl"])?;
                let offsets = tuple_items(req(&s, 0), "offsets must be a tuple")?;
                let offsets = hsize_tuple(vm, &offsets)?;
                let data: Vec<u8> = match req(&s, 1) {
                    Value::Bytes(b) => b.to_vec(),
                    other => match as_array(other) {
                        Some(a) => a.tobytes().map_err(np_error)?,
                        None => return Err(Exc::type_error("a bytes-like object is required")),
                    },
                };
                let mask = match &s[2] {
                    Some(v) => c_int(vm, v, "unsigned int")?,
                    None => 0,
                };
                h5(ds.write_chunk(&offsets, mask as u32, &data))?;
                Value::None
            }
            "get_chunk_info_by_coord" => {
                let s = bind(name, args, &["chunk_offset"], &[])?;
                let offsets = tuple_items(req(&s, 0), "chunk_offset must be a tuple")?;
                if offsets.len() != h5(h5(ds.space())?.rank())? {
                    return Err(Exc::value_error("Tuple length incompatible with array"));
                }
                let offsets = hsize_tuple(vm, &offsets)?;
                store_info(&h5(ds.chunk_info_by_coord(&offsets))?)
            }
            "chunk_iter" => {
                let s = bind(name, args, &["func"], &["dxpl"])?;
                let func = req(&s, 0).clone();
                for index in 0..h5(ds.chunk_count(None))? {
                    let info = store_info(&h5(ds.chunk_info(index, None))?);
                    vm.call(&func, Args::positional(vec![info]))?;
                }
                Value::None
            }
            "get_space_status" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(ds.space_status())? as i64)
            }
            "flush" | "refresh" => {
                bind(name, args, &[], &[])?;
                h5(if name == "flush" { ds.flush() } else { ds.refresh() })?;
                Value::None
            }
            _ => return Err(Exc::not_implemented(format!("h5py.h5d.DatasetID.{name} is not implemented in h5lab"))),
        })
    })())
}

/// h5py's `StoreInfo` namedtuple.
fn store_info(info: &crate::hdf5::dataset::ChunkInfo) -> Value {
    let address = if info.address == UNDEFINED_ADDRESS { Value::None } else { Value::Int(info.address as i64) };
    NamedTuple::value(
        "h5py.h5d",
        "StoreInfo",
        &["chunk_offset", "filter_mask", "byte_offset", "size"],
        vec![uint_tuple(&info.offset), Value::Int(info.filter_mask as i64), address, Value::Int(info.size as i64)],
    )
}

/// `DatasetID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    let ds = dataset_of(id);
    Some(match name {
        "shape" => h5(ds.space().and_then(|s| s.dims())).map(|d| uint_tuple(&d)),
        "rank" => h5(ds.space().and_then(|s| s.rank())).map(|r| Value::Int(r as i64)),
        "dtype" => (|| {
            let desc = h5(ds.datatype().and_then(|t| t.describe()))?;
            Ok(crate::numpy_py::dtype::dtype_value(dtype_of(&desc)?))
        })(),
        _ => return None,
    })
}
