//! `h5py.h5p`: property lists — the class constants (`h5p.DATASET_CREATE`, ...),
//! `create`, and the getters and setters of each list class h5py wraps.

use super::h5;
use super::build_module;
use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::plist_value;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bytes, c_bool, c_int, c_int_or, hsize_tuple, opt, req, typed_id, uint_tuple};
use crate::h5py::hl::data::memory_type;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::hdf5::datatype::CharSet;
use crate::hdf5::plist::{class_handle, class_of, class_of_class_id, AllocTime, CloseDegree, FillTime, FillValueStatus, Layout, LibVersion, PlistClass, PropertyList};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

const FUNCTIONS: &[(&str, FunctionBody)] = &[("create", create)];

/// h5py's class constants and the HDF5 class each names.
const CLASSES: &[(&str, PlistClass)] = &[
    ("FILE_CREATE", PlistClass::FileCreate),
    ("FILE_ACCESS", PlistClass::FileAccess),
    ("DATASET_CREATE", PlistClass::DatasetCreate),
    ("DATASET_ACCESS", PlistClass::DatasetAccess),
    ("DATASET_XFER", PlistClass::DatasetTransfer),
    ("GROUP_CREATE", PlistClass::GroupCreate),
    ("OBJECT_COPY", PlistClass::ObjectCopy),
    ("LINK_CREATE", PlistClass::LinkCreate),
    ("LINK_ACCESS", PlistClass::LinkAccess),
    ("OBJECT_CREATE", PlistClass::ObjectCreate),
];

/// Builds `h5py.h5p` with its class constants and `DEFAULT` (None).
pub fn module(vm: &mut Interp) -> PyResult<Module> {
    let m = build_module("h5py.h5p", FUNCTIONS);
    for (name, class) in CLASSES {
        let handle = h5(class_handle(vm.lib(), *class))?;
        m.set(name, ObjectId::constant(IdKind::PropertyListClass, handle, "h5py.h5p.PropClassID"));
    }
    m.set("DEFAULT", Value::None);
    Ok(m)
}

fn create(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["cls"], &[])?;
    let cls = typed_id(req(&s, 0), "cls", "h5py.h5p.PropClassID")?;
    let class = class_of_class_id(&cls.handle()).ok_or_else(|| Exc::value_error("Unknown property list class"))?;
    Ok(plist_value(h5(PropertyList::create(vm.lib(), class))?))
}

fn list_of(id: &ObjectId) -> PropertyList {
    PropertyList::from_handle_unchecked(id.handle())
}

/// h5py's `PropID.__eq__`/`equal`: `H5Pequal`.
pub fn lists_equal(a: &ObjectId, b: &ObjectId) -> bool {
    list_of(a).equals(&list_of(b)).unwrap_or(false)
}

fn int(n: impl Into<i64>) -> Value {
    Value::Int(n.into())
}

fn lib_version(vm: &mut Interp, value: &Value) -> PyResult<LibVersion> {
    let code = c_int(vm, value, "int")?;
    LibVersion::from_code(code as i32).ok_or_else(|| {
        Exc::value_error("Error setting library version bounds (Invalid (low,high) combination of library version bound)")
    })
}

/// The methods of the property list classes.
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    let p = list_of(id);
    // `Ok(None)`: a name h5lab does not implement (the caller raises NotImplementedError).
    let result: PyResult<Option<Value>> = (|| {
        let none = |r: crate::hdf5::Result<()>| h5(r).map(|_| Value::None);
        Ok(Some(match name {
            "equal" => {
                let s = bind(name, args, &["plist"], &[])?;
                let other = typed_id(req(&s, 0), "plist", "h5py.h5p.PropID")?;
                Value::Bool(h5(p.equals(&list_of(other)))?)
            }
            "copy" => {
                bind(name, args, &[], &[])?;
                plist_value(h5(p.copy())?)
            }
            "get_class" => {
                bind(name, args, &[], &[])?;
                ObjectId::value(IdKind::PropertyListClass, h5(class_of(&p.handle().clone()))?)
            }
            // Dataset creation.
            "set_chunk" => {
                let s = bind(name, args, &["chunksize"], &[])?;
                let items = match req(&s, 0) {
                    Value::Tuple(items) => items.to_vec(),
                    _ => return Err(Exc::value_error("chunksize must be a tuple.")),
                };
                let dims = hsize_tuple(vm, &items)?;
                none(p.set_chunk(&dims))?
            }
            "get_chunk" => {
                bind(name, args, &[], &[])?;
                uint_tuple(&h5(p.chunk())?)
            }
            "set_layout" => {
                let s = bind(name, args, &["layout_code"], &[])?;
                let layout = match c_int(vm, req(&s, 0), "int")? {
                    0 => Layout::Compact,
                    1 => Layout::Contiguous,
                    2 => Layout::Chunked,
                    3 => Layout::Virtual,
                    _ => return Err(Exc::value_error("Invalid layout")),
                };
                none(p.set_layout(layout))?
            }
            "get_layout" => {
                bind(name, args, &[], &[])?;
                int(h5(p.layout())?.code())
            }
            "set_deflate" => {
                let s = bind(name, args, &[], &["level"])?;
                let level = c_int_or(vm, &s[0], "unsigned int", 5)?;
                none(p.set_deflate(level as u32))?
            }
            "set_shuffle" => {
                bind(name, args, &[], &[])?;
                none(p.set_shuffle())?
            }
            "set_fletcher32" => {
                bind(name, args, &[], &[])?;
                none(p.set_fletcher32())?
            }
            "get_nfilters" => {
                bind(name, args, &[], &[])?;
                int(h5(p.filter_count())? as i64)
            }
            "get_filter" => {
                let s = bind(name, args, &["filter_idx"], &[])?;
                let index = c_int(vm, req(&s, 0), "int")?;
                let f = h5(p.filter(index as usize))?;
                Value::tuple(vec![
                    int(f.id),
                    int(f.flags),
                    Value::tuple(f.values.iter().map(|&v| int(v)).collect()),
                    Value::bytes(f.name.into_bytes()),
                ])
            }
            "set_filter" => {
                let s = bind(name, args, &["filter_code"], &["flags", "values"])?;
                let code = c_int(vm, req(&s, 0), "int")?;
                let flags = c_int_or(vm, &s[1], "unsigned int", 0)?;
                let values = match opt(&s, 2) {
                    None => Vec::new(),
                    Some(Value::Tuple(items)) => {
                        let mut out = Vec::with_capacity(items.len());
                        for item in items.iter() {
                            out.push(c_int(vm, item, "unsigned int")? as u32);
                        }
                        out
                    }
                    Some(_) => return Err(Exc::value_error("values must be a tuple or None.")),
                };
                none(p.set_filter(code as i32, flags as u32, &values))?
            }
            "get_filter_by_id" => {
                let s = bind(name, args, &["filter_code"], &[])?;
                let code = c_int(vm, req(&s, 0), "int")?;
                match h5(p.filters())?.into_iter().find(|f| f.id == code as i32) {
                    Some(f) => Value::tuple(vec![
                        int(f.flags),
                        Value::tuple(f.values.iter().map(|&v| int(v)).collect()),
                        Value::bytes(f.name.into_bytes()),
                    ]),
                    None => Value::None,
                }
            }
            "remove_filter" => {
                let s = bind(name, args, &["filter_class"], &[])?;
                let code = c_int(vm, req(&s, 0), "int")?;
                none(p.remove_filter(code as i32))?
            }
            "all_filters_avail" => {
                bind(name, args, &[], &[])?;
                Value::Bool(h5(p.all_filters_available())?)
            }
            "set_fill_value" | "get_fill_value" => {
                let s = bind(name, args, &["value"], &[])?;
                let array = super::array_arg(req(&s, 0), "value")?;
                let mtype = memory_type(vm, array.dtype())?;
                if name == "set_fill_value" {
                    let raw = array.tobytes().map_err(np_error)?;
                    none(p.set_fill_value(&mtype, &raw[..array.dtype().itemsize().min(raw.len())]))?
                } else {
                    let raw = h5(p.fill_value(&mtype))?;
                    let dims: Vec<isize> = array.shape().iter().map(|&n| n as isize).collect();
                    let one = crate::numpy::create::frombuffer(&raw, array.dtype(), 1, 0)
                        .and_then(|a| if dims.is_empty() { a.reshape(&[]) } else { Ok(a) })
                        .map_err(np_error)?;
                    array.assign(&one).map_err(np_error)?;
                    Value::None
                }
            }
            "fill_value_defined" => {
                bind(name, args, &[], &[])?;
                int(match h5(p.fill_value_status())? {
                    FillValueStatus::Undefined => 0,
                    FillValueStatus::Default => 1,
                    FillValueStatus::UserDefined => 2,
                })
            }
            "set_alloc_time" => {
                let s = bind(name, args, &["alloc_time"], &[])?;
                let time = match c_int(vm, req(&s, 0), "int")? {
                    1 => AllocTime::Early,
                    2 => AllocTime::Late,
                    3 => AllocTime::Incremental,
                    _ => AllocTime::Default,
                };
                none(p.set_alloc_time(time))?
            }
            "get_alloc_time" => {
                bind(name, args, &[], &[])?;
                int(match h5(p.alloc_time())? {
                    AllocTime::Default => 0,
                    AllocTime::Early => 1,
                    AllocTime::Late => 2,
                    AllocTime::Incremental => 3,
                })
            }
            "set_fill_time" => {
                let s = bind(name, args, &["fill_time"], &[])?;
                let time = match c_int(vm, req(&s, 0), "int")? {
                    0 => FillTime::Alloc,
                    1 => FillTime::Never,
                    _ => FillTime::IfSet,
                };
                none(p.set_fill_time(time))?
            }
            "get_fill_time" => {
                bind(name, args, &[], &[])?;
                int(match h5(p.fill_time())? {
                    FillTime::Alloc => 0,
                    FillTime::Never => 1,
                    FillTime::IfSet => 2,
                })
            }
            // Dataset access.
            "set_chunk_cache" => {
                let s = bind(name, args, &["rdcc_nslots", "rdcc_nbytes", "rdcc_w0"], &[])?;
                let slots = c_int(vm, req(&s, 0), "size_t")?;
                let bytes_ = c_int(vm, req(&s, 1), "size_t")?;
                let w0 = vm.to_float(req(&s, 2))?;
                none(p.set_chunk_cache(slots as usize, bytes_ as usize, w0))?
            }
            "get_chunk_cache" => {
                bind(name, args, &[], &[])?;
                let (slots, bytes_, w0) = h5(p.chunk_cache())?;
                Value::tuple(vec![int(slots as i64), int(bytes_ as i64), Value::Float(w0)])
            }
            // File access.
            "set_libver_bounds" => {
                let s = bind(name, args, &["low", "high"], &[])?;
                let low = lib_version(vm, req(&s, 0))?;
                let high = lib_version(vm, req(&s, 1))?;
                none(p.set_libver_bounds(low, high))?
            }
            "get_libver_bounds" => {
                bind(name, args, &[], &[])?;
                let (low, high) = h5(p.libver_bounds())?;
                Value::tuple(vec![int(low.code()), int(high.code())])
            }
            "set_fclose_degree" => {
                let s = bind(name, args, &["close_degree"], &[])?;
                let degree = match c_int(vm, req(&s, 0), "int")? {
                    1 => CloseDegree::Weak,
                    2 => CloseDegree::Semi,
                    3 => CloseDegree::Strong,
                    _ => CloseDegree::Default,
                };
                none(p.set_close_degree(degree))?
            }
            "get_fclose_degree" => {
                bind(name, args, &[], &[])?;
                int(match h5(p.close_degree())? {
                    CloseDegree::Default => 0,
                    CloseDegree::Weak => 1,
                    CloseDegree::Semi => 2,
                    CloseDegree::Strong => 3,
                })
            }
            "set_cache" => {
                let s = bind(name, args, &["mdc", "rdcc", "rdcc_nbytes", "rdcc_w0"], &[])?;
                c_int(vm, req(&s, 0), "int")?;
                let slots = c_int(vm, req(&s, 1), "size_t")?;
                let nbytes = c_int(vm, req(&s, 2), "size_t")?;
                let w0 = vm.to_float(req(&s, 3))?;
                none(p.set_cache(slots as usize, nbytes as usize, w0))?
            }
            "get_cache" => {
                bind(name, args, &[], &[])?;
                let (mdc, slots, nbytes, w0) = h5(p.cache())?;
                Value::tuple(vec![int(mdc), int(slots as i64), int(nbytes as i64), Value::Float(w0)])
            }
            "set_meta_block_size" => {
                let s = bind(name, args, &["size"], &[])?;
                let size = c_int(vm, req(&s, 0), "hsize_t")?;
                none(p.set_meta_block_size(size as u64))?
            }
            "get_meta_block_size" => {
                bind(name, args, &[], &[])?;
                int(h5(p.meta_block_size())? as i64)
            }
            "set_sieve_buf_size" => {
                let s = bind(name, args, &["size"], &[])?;
                let size = c_int(vm, req(&s, 0), "size_t")?;
                none(p.set_sieve_buf_size(size as usize))?
            }
            "get_sieve_buf_size" => {
                bind(name, args, &[], &[])?;
                int(h5(p.sieve_buf_size())? as i64)
            }
            "set_fapl_core" => {
                let s = bind(name, args, &[], &["block_size", "backing_store"])?;
                let block = c_int_or(vm, &s[0], "size_t", 64 * 1024)?;
                let backing = c_bool(vm, &s[1], true)?;
                none(p.set_core_driver(block as usize, backing))?
            }
            "get_fapl_core" => {
                bind(name, args, &[], &[])?;
                let (block, backing) = h5(p.core_driver())?;
                Value::tuple(vec![int(block as i64), Value::Bool(backing)])
            }
            "set_fapl_sec2" => {
                bind(name, args, &[], &[])?;
                none(p.set_sec2_driver())?
            }
            "set_alignment" => {
                let s = bind(name, args, &["threshold", "alignment"], &[])?;
                let threshold = c_int(vm, req(&s, 0), "hsize_t")?;
                let alignment = c_int(vm, req(&s, 1), "hsize_t")?;
                none(p.set_alignment(threshold as u64, alignment as u64))?
            }
            "get_alignment" => {
                bind(name, args, &[], &[])?;
                let (threshold, alignment) = h5(p.alignment())?;
                Value::tuple(vec![int(threshold as i64), int(alignment as i64)])
            }
            // File creation.
            "set_userblock" => {
                let s = bind(name, args, &["size"], &[])?;
                let size = c_int(vm, req(&s, 0), "hsize_t")?;
                none(p.set_userblock(size as u64))?
            }
            "get_userblock" => {
                bind(name, args, &[], &[])?;
                int(h5(p.userblock())? as i64)
            }
            "set_file_space_strategy" => {
                let s = bind(name, args, &["strategy", "persist", "threshold"], &[])?;
                let strategy = c_int(vm, req(&s, 0), "int")?;
                let persist = c_bool(vm, &s[1], false)?;
                let threshold = c_int(vm, req(&s, 2), "hsize_t")?;
                none(p.set_file_space_strategy(strategy as u32, persist, threshold as u64))?
            }
            "get_file_space_strategy" => {
                bind(name, args, &[], &[])?;
                let (strategy, persist, threshold) = h5(p.file_space_strategy())?;
                Value::tuple(vec![int(strategy), int(persist as i64), int(threshold as i64)])
            }
            "set_file_space_page_size" => {
                let s = bind(name, args, &["fsp_size"], &[])?;
                let size = c_int(vm, req(&s, 0), "hsize_t")?;
                none(p.set_file_space_page_size(size as u64))?
            }
            "get_file_space_page_size" => {
                bind(name, args, &[], &[])?;
                int(h5(p.file_space_page_size())? as i64)
            }
            // Group and file creation.
            "set_link_creation_order" => {
                let s = bind(name, args, &["flags"], &[])?;
                let flags = c_int(vm, req(&s, 0), "unsigned int")?;
                none(p.set_link_creation_order(flags as u32))?
            }
            "get_link_creation_order" => {
                bind(name, args, &[], &[])?;
                int(h5(p.link_creation_order())?)
            }
            // Object creation.
            "set_attr_creation_order" => {
                let s = bind(name, args, &["crt_order_flags"], &[])?;
                let flags = c_int(vm, req(&s, 0), "unsigned int")?;
                none(p.set_attr_creation_order(flags as u32))?
            }
            "get_attr_creation_order" => {
                bind(name, args, &[], &[])?;
                int(h5(p.attr_creation_order())?)
            }
            "set_attr_phase_change" => {
                let s = bind(name, args, &[], &["max_compact", "min_dense"])?;
                let max_compact = c_int_or(vm, &s[0], "unsigned int", 8)?;
                let min_dense = c_int_or(vm, &s[1], "unsigned int", 6)?;
                none(p.set_attr_phase_change(max_compact as u32, min_dense as u32))?
            }
            "get_attr_phase_change" => {
                bind(name, args, &[], &[])?;
                let (max_compact, min_dense) = h5(p.attr_phase_change())?;
                Value::tuple(vec![int(max_compact), int(min_dense)])
            }
            "set_obj_track_times" => {
                let s = bind(name, args, &["track_times"], &[])?;
                let track = c_bool(vm, &s[0], false)?;
                none(p.set_obj_track_times(track))?
            }
            "get_obj_track_times" => {
                bind(name, args, &[], &[])?;
                int(h5(p.obj_track_times())? as i64)
            }
            // Link creation.
            "set_create_intermediate_group" => {
                let s = bind(name, args, &["create"], &[])?;
                let create = c_bool(vm, &s[0], false)?;
                none(p.set_create_intermediate_group(create))?
            }
            "get_create_intermediate_group" => {
                bind(name, args, &[], &[])?;
                Value::Bool(h5(p.create_intermediate_group())?)
            }
            "set_char_encoding" => {
                let s = bind(name, args, &["encoding"], &[])?;
                let cset = if c_int(vm, req(&s, 0), "int")? == 1 { CharSet::Utf8 } else { CharSet::Ascii };
                none(p.set_char_encoding(cset))?
            }
            "get_char_encoding" => {
                bind(name, args, &[], &[])?;
                int(matches!(h5(p.char_encoding())?, CharSet::Utf8) as i64)
            }
            // Link access.
            "set_elink_prefix" => {
                let s = bind(name, args, &["prefix"], &[])?;
                none(p.set_elink_prefix(&*bytes(req(&s, 0))?))?
            }
            "set_nlinks" => {
                let s = bind(name, args, &["nlinks"], &[])?;
                let n = c_int(vm, req(&s, 0), "size_t")?;
                none(p.set_nlinks(n as usize))?
            }
            "get_nlinks" => {
                bind(name, args, &[], &[])?;
                int(h5(p.nlinks())? as i64)
            }
            "get_sizes" => {
                bind(name, args, &[], &[])?;
                let (addr, len) = h5(p.sizes())?;
                Value::tuple(vec![int(addr as i64), int(len as i64)])
            }
            "get_elink_prefix" => {
                bind(name, args, &[], &[])?;
                Value::bytes(h5(p.elink_prefix())?.into_bytes())
            }
            _ => return Ok(None),
        }))
    })();
    result.transpose()
}
