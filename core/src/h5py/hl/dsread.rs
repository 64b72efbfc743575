//! Reading a dataset as h5py's `Dataset.__getitem__` does: `h5py.Empty` for null
//! dataspaces, field names through a subset compound type, region references,
//! scalar datasets (`()` gives the element, `...` a 0-d array), and simple, fancy and
//! point selections. Reads of integer and float data through simple or fancy
//! selections come back in NumPy's builtin dtypes, as h5py's fast reader makes them.

use std::rc::Rc;

use super::dataset::{dtype, handle, is_null, shape};
use super::objdata::{self, Target};
use super::refs::Reference;
use super::select::{key_items, select_any, Selection};
use super::HlObject;
use crate::eval::Interp;
use crate::h5py::types::builtin_dtype;
use crate::hdf5::datatype::ReferenceKind;
use crate::hdf5::Dataspace;
use crate::numpy::dtype::{Field, StructLayout};
use crate::numpy::{DType, Kind, NdArray};
use crate::numpy_py::{array_value, np_error};
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::is_ellipsis;
use crate::value::Value;

/// `readtime_dtype(basetype, names)`: a packed compound of the named fields.
pub fn readtime_dtype(base: &DType, names: &[String]) -> PyResult<DType> {
    let Some(layout) = base.struct_layout() else {
        return Err(Exc::value_error("Field names only allowed for compound types"));
    };
    let mut fields = Vec::with_capacity(names.len());
    let mut offset = 0;
    for name in names {
        let Some(f) = layout.fields.iter().find(|f| &f.name == name) else {
            return Err(Exc::value_error(format!("Field {name} does not appear in this type.")));
        };
        fields.push(Field { name: f.name.clone(), dtype: f.dtype.clone(), offset, shape: f.shape.clone() });
        offset += f.size();
    }
    Ok(DType::new(Kind::Struct(Rc::new(StructLayout { fields, itemsize: offset }))))
}

fn is_everything(items: &[Value]) -> bool {
    items.is_empty() || (items.len() == 1 && is_ellipsis(&items[0]))
}

/// `dset[key]`, or `dset.__getitem__(key, new_dtype=...)` when `new_dtype` is given.
pub fn getitem(vm: &mut Interp, obj: &HlObject, key: &Value, new_dtype: Option<&DType>) -> PyResult<Value> {
    let items = key_items(key);
    if items.iter().any(Value::is_none) {
        return Err(Exc::type_error("Indexing with None (or np.newaxis) is not supported"));
    }
    let file_dtype = dtype(obj)?;
    if is_null(obj)? {
        if is_everything(&items) {
            return Ok(super::empty::value(file_dtype));
        }
        return Err(Exc::value_error("Empty datasets cannot be sliced"));
    }
    let names: Vec<String> = items.iter().filter_map(|v| if let Value::Str(s) = v { Some(s.to_string()) } else { None }).collect();
    if !names.is_empty() {
        let rest: Vec<Value> = items.iter().filter(|v| !matches!(v, Value::Str(_))).cloned().collect();
        let prior = new_dtype.cloned().unwrap_or_else(|| file_dtype.clone());
        let read_dtype = readtime_dtype(&prior, &names)?;
        let data = getitem(vm, obj, &Value::tuple(rest), Some(&read_dtype))?;
        if names.len() != 1 {
            return Ok(data);
        }
        return extract_field(vm, data, &names[0]);
    }
    let fast = new_dtype.is_none() && (file_dtype.is_integer() || file_dtype.is_float());
    let new_dtype = new_dtype.cloned().unwrap_or_else(|| file_dtype.clone());
    if let [only] = items.as_slice() {
        if let Some(r) = only.downcast::<Reference>().filter(|r| r.kind == ReferenceKind::Region) {
            return read_region(vm, obj, r, &new_dtype);
        }
    }
    let shape = shape(obj)?;
    let size: u64 = shape.iter().product();
    if size == 0 && is_everything(&items) {
        let dims: Vec<usize> = shape.iter().map(|&n| n as usize).collect();
        return Ok(array_value(NdArray::zeros(&dims, &new_dtype).map_err(np_error)?));
    }
    if shape.is_empty() {
        let element = match items.as_slice() {
            [] => true,
            [e] if is_ellipsis(e) => false,
            _ => return Err(Exc::value_error("Illegal slicing argument for scalar dataspace")),
        };
        let array = objdata::read_flat(vm, Target::Dataset(&handle(obj), None), &new_dtype, 1, false)?;
        let array = array.reshape(&[]).map_err(np_error)?;
        return if element { objdata::element(array) } else { Ok(array_value(array)) };
    }
    let selection = select_any(vm, &shape, &items)?;
    let out_dtype = if fast && !matches!(selection, Selection::Points { .. }) { builtin_dtype(&new_dtype) } else { new_dtype };
    let array_shape = selection.array_shape();
    let array = if selection.count() == 0 {
        NdArray::zeros(&array_shape, &out_dtype).map_err(np_error)?
    } else {
        read_selection(vm, obj, &selection, &out_dtype, &shape)?
    };
    if array.ndim() == 0 {
        return objdata::element(array);
    }
    Ok(array_value(array))
}

/// Reads a selection into an array of its shape.
pub fn read_selection(vm: &mut Interp, obj: &HlObject, selection: &Selection, dtype: &DType, shape: &[u64]) -> PyResult<NdArray> {
    let ds = handle(obj);
    let array_shape = selection.array_shape();
    let dims: Vec<isize> = array_shape.iter().map(|&n| n as isize).collect();
    if let Selection::Simple(slab) = selection {
        let plain = !objdata::is_object(dtype) && !dtype.struct_layout().is_some_and(|l| l.fields.iter().any(|f| objdata::is_object(&f.dtype)));
        let strings = matches!(dtype.metadata(), Some(crate::numpy::Metadata::VlenStr | crate::numpy::Metadata::VlenBytes));
        if plain || strings {
            let region = (!slab.is_all(shape)).then_some(slab);
            return super::data::read(vm, &ds, dtype, region, &array_shape);
        }
    }
    let space = ds.space().map_err(Exc::from_hdf5)?;
    let file_space = selection.apply(&space)?;
    let flat = objdata::read_flat(vm, Target::Dataset(&ds, Some(&file_space)), dtype, selection.count() as usize, false)?;
    flat.reshape(&dims).map_err(np_error)
}

/// `data[field]` of what a read returned (an array or a `np.void` scalar).
fn extract_field(vm: &mut Interp, data: Value, name: &str) -> PyResult<Value> {
    if let Some(array) = crate::numpy_py::as_array(&data) {
        let field = array.field(name).map_err(np_error)?;
        if field.ndim() == 0 {
            return objdata::element(field);
        }
        return Ok(array_value(field));
    }
    vm.getitem(&data, &Value::str(name))
}

/// `dset[regionref]`: the referenced selection of this dataset.
fn read_region(vm: &mut Interp, obj: &HlObject, r: &Reference, dtype: &DType) -> PyResult<Value> {
    let target = r.dereference(&obj.handle())?;
    let same = match (crate::hdf5::object::info(&target), crate::hdf5::object::info(&obj.handle())) {
        (Ok(a), Ok(b)) => a.fileno == b.fileno && a.token == b.token,
        _ => false,
    };
    if !same {
        return Err(Exc::value_error("Region reference must point to this dataset"));
    }
    let space: Dataspace = super::refs::region_space(&obj.handle(), r)?;
    let Some(mshape) = super::refs::guess_shape(&space)? else {
        return Ok(super::empty::value(dtype.clone()));
    };
    let dims: Vec<usize> = mshape.iter().map(|&n| n as usize).collect();
    let count: usize = dims.iter().product();
    if count == 0 {
        return Ok(array_value(NdArray::zeros(&dims, dtype).map_err(np_error)?));
    }
    let ds = handle(obj);
    let flat = objdata::read_flat(vm, Target::Dataset(&ds, Some(&space)), dtype, count, false)?;
    let shaped: Vec<isize> = dims.iter().map(|&n| n as isize).collect();
    Ok(array_value(flat.reshape(&shaped).map_err(np_error)?))
}
