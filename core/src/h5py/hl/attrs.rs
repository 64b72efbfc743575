//! `h5py.AttributeManager` (`obj.attrs`): a mutable mapping of an object's HDF5
//! attributes, as h5py's `_hl/attrs.py` behaves — values stored with the dtype and
//! shape of `np.asarray(value)` (strings as variable-length strings), read back as
//! NumPy scalars, arrays, `str` for variable-length strings, or `h5py.Empty`.

use std::any::Any;
use std::rc::Rc;

use super::objdata::{self, Target};
use super::{decode_name, encode_name};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::{method, Signature};
use crate::h5py::types::{hdf5_type_of, read_dtype_of};
use crate::hdf5::dataspace::SpaceClass;
use crate::hdf5::datatype::TypeDescription;
use crate::hdf5::link::{IndexType, IterOrder};
use crate::hdf5::{attribute, Attribute, Dataspace, Datatype, Group, Handle};
use crate::numpy::{DType, NdArray};
use crate::numpy_py::np_error;
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::iter::NativeIterator;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// The attributes of one object, through its identifier.
pub struct AttributeManager {
    /// The object's low-level identifier (`ObjectId`).
    pub id: Value,
}

thread_local! {
    static CLASS: Rc<TypeObject> = TypeObject::new("AttributeManager", "h5py._hl.attrs", vec![builtin(|t| t.object.clone())], None);
}

/// The `h5py.AttributeManager` class.
pub fn class() -> Rc<TypeObject> {
    CLASS.with(|c| c.clone())
}

/// `obj.attrs` for an object identifier.
pub fn manager(id: Value) -> Value {
    Value::object(AttributeManager { id })
}

/// Methods and their `__qualname__` (where h5py or `collections.abc` defines them).
const METHODS: &[(&str, &str)] = &[
    ("clear", "MutableMapping.clear"),
    ("create", "AttributeManager.create"),
    ("get", "Mapping.get"),
    ("get_id", "AttributeManager.get_id"),
    ("items", "MappingHDF5.items"),
    ("keys", "MappingHDF5.keys"),
    ("modify", "AttributeManager.modify"),
    ("pop", "MutableMapping.pop"),
    ("popitem", "MutableMapping.popitem"),
    ("setdefault", "MutableMapping.setdefault"),
    ("update", "MutableMapping.update"),
    ("values", "MappingHDF5.values"),
];

impl AttributeManager {
    fn handle(&self) -> Handle {
        self.id.downcast::<ObjectId>().map(ObjectId::handle).unwrap_or_else(Handle::invalid)
    }

    fn is_open(&self) -> bool {
        self.id.downcast::<ObjectId>().is_some_and(ObjectId::valid)
    }

    /// The attribute names in h5py's order (creation order when tracked).
    fn names(&self) -> PyResult<Vec<Vec<u8>>> {
        let handle = self.handle();
        let tracked = Group::from_handle(handle.clone())
            .and_then(|g| g.create_plist().ok())
            .or_else(|| crate::hdf5::Dataset::from_handle(handle.clone()).and_then(|d| d.create_plist().ok()))
            .and_then(|p| p.attr_creation_order().ok())
            .is_some_and(|flags| flags & 1 != 0);
        let index = if tracked { IndexType::CreationOrder } else { IndexType::Name };
        let list = attribute::list(&handle, index, IterOrder::Increasing).map_err(location_error)?;
        Ok(list.into_iter().map(|(name, _)| name).collect())
    }

    fn open(&self, name: &Value) -> PyResult<Attribute> {
        let name = attr_name(name)?;
        Attribute::open(&self.handle(), name).map_err(Exc::from_hdf5)
    }
}

/// h5py's errors for reading a closed object's attribute list.
fn location_error(e: crate::hdf5::error::H5Error) -> Exc {
    Exc::from_hdf5(e)
}

/// `self._e(name)` for attribute calls: None reaches the Cython layer, which wants bytes.
fn attr_name(name: &Value) -> PyResult<Vec<u8>> {
    if name.is_none() {
        return Err(Exc::type_error("expected bytes, NoneType found"));
    }
    Ok(encode_name(name)?.0)
}

/// Reads a whole attribute as h5py's `AttributeManager.__getitem__` returns it.
pub fn read(vm: &mut Interp, attr: &Attribute) -> PyResult<Value> {
    let e = Exc::from_hdf5;
    let space = attr.space().map_err(e)?;
    let desc = attr.datatype().and_then(|t| t.describe()).map_err(e)?;
    let (dtype, subshape) = read_dtype_of(&desc)?;
    if space.class().map_err(e)? == SpaceClass::Null {
        return Ok(super::empty::value(match &desc {
            TypeDescription::Array { .. } => crate::h5py::types::dtype_of(&desc).unwrap_or(dtype),
            _ => dtype,
        }));
    }
    let mut shape: Vec<usize> = space.dims().map_err(e)?.into_iter().map(|n| n as usize).collect();
    let count: usize = shape.iter().product();
    let flat = if subshape.is_empty() {
        objdata::read_flat(vm, Target::Attribute(attr), &dtype, count, true)?
    } else {
        if objdata::is_object(&dtype) {
            return Err(Exc::not_implemented("reading attributes of array types of variable-length data"));
        }
        let per: usize = subshape.iter().product();
        let mem = Datatype::from_description(
            vm.lib(),
            &TypeDescription::Array { base: Box::new(hdf5_type_of(&dtype)?), dims: subshape.iter().map(|&d| d as u64).collect() },
        )
        .map_err(e)?;
        let mut raw = vec![0u8; count * per * dtype.itemsize()];
        if !raw.is_empty() {
            attr.read_raw(&mem, &mut raw).map_err(e)?;
        }
        shape.extend(&subshape);
        crate::numpy::create::frombuffer(&raw, &dtype, (count * per) as i64, 0).map_err(np_error)?
    };
    let dims: Vec<isize> = shape.iter().map(|&n| n as isize).collect();
    let array = flat.reshape(&dims).map_err(np_error)?;
    if array.ndim() == 0 {
        return objdata::element(array);
    }
    Ok(crate::numpy_py::array_value(array))
}

/// `attrs.create(name, data, shape=None, dtype=None)`.
pub fn create(vm: &mut Interp, handle: &Handle, name: &Value, data: &Value, shape: Option<&Value>, dtype: Option<&Value>) -> PyResult<()> {
    let name = encode_name(name)?.0;
    let empty = data.downcast::<super::empty::Empty>().map(|e| e.dtype.clone());
    let committed = dtype.and_then(|d| d.downcast::<super::HlObject>()).filter(|o| o.kind == super::HlKind::Datatype);
    let committed_type = match committed {
        Some(t) => Some(crate::hdf5::Datatype::from_handle(t.handle()).ok_or_else(|| Exc::type_error("not a datatype"))?),
        None => None,
    };
    let specified = match (&committed_type, dtype) {
        (Some(t), _) => Some(crate::h5py::types::dtype_of(&t.describe().map_err(Exc::from_hdf5)?)?),
        (None, Some(d)) => Some(crate::numpy_py::to_dtype(vm, d)?),
        (None, None) => None,
    };
    let data = match &empty {
        Some(_) => None,
        None => Some(super::create::array_for_new_object(vm, data, specified.as_ref())?),
    };
    let dtype = match (&specified, &data, &empty) {
        (Some(d), _, _) => d.clone(),
        (None, Some(a), _) => a.dtype().clone(),
        (None, None, Some(d)) => d.clone(),
        (None, None, None) => DType::float64(),
    };
    let data = match data {
        None => None,
        Some(array) => {
            let data_shape: Vec<u64> = array.shape().iter().map(|&n| n as u64).collect();
            let shape = match shape {
                None => data_shape.clone(),
                Some(Value::Int(n)) => vec![(*n).max(0) as u64],
                Some(s) => {
                    let mut out = Vec::new();
                    for item in vm.collect(s)? {
                        out.push(vm.index_value(&item, "an integer is required")?.max(0) as u64);
                    }
                    out
                }
            };
            if shape.iter().product::<u64>() != data_shape.iter().product::<u64>() {
                return Err(Exc::value_error("Shape of new attribute conflicts with shape of data"));
            }
            let dims: Vec<isize> = shape.iter().map(|&n| n as isize).collect();
            let array = array.reshape(&dims).map_err(np_error)?;
            Some(convert(&array, &dtype)?)
        }
    };
    let htype = match committed_type {
        Some(t) => t,
        None => Datatype::from_description(vm.lib(), &hdf5_type_of(&dtype)?).map_err(Exc::from_hdf5)?,
    };
    let space = match &data {
        None => Dataspace::null(vm.lib()),
        Some(a) if a.ndim() == 0 => Dataspace::scalar(vm.lib()),
        Some(a) => Dataspace::simple(vm.lib(), &a.shape().iter().map(|&n| n as u64).collect::<Vec<_>>(), None),
    }
    .map_err(Exc::from_hdf5)?;
    if attribute::exists_by_name(handle, b".", &name).map_err(Exc::from_hdf5)? {
        attribute::delete(handle, &name).map_err(Exc::from_hdf5)?;
    }
    let attr = Attribute::create(handle, &name, &htype, &space, None).map_err(Exc::from_hdf5)?;
    if let Some(array) = &data {
        if array.size() > 0 {
            if let Err(err) = objdata::write_flat(vm, Target::Attribute(&attr), array, &dtype) {
                drop(attr);
                let _ = attribute::delete(handle, &name);
                return Err(err);
            }
        }
    }
    Ok(())
}

/// `numpy.asarray(data, dtype=dtype)` for a value about to be stored: the dtype's
/// metadata (string and reference tags) kept.
fn convert(array: &NdArray, dtype: &DType) -> PyResult<NdArray> {
    if array.dtype() == dtype {
        return Ok(if dtype.metadata().is_some() { array.with_dtype(dtype.clone()) } else { array.clone() });
    }
    if objdata::is_object(dtype) || objdata::is_object(array.dtype()) {
        if dtype.metadata().is_some() && objdata::is_object(dtype) {
            let converted = array.astype(&DType::object()).map_err(np_error)?;
            return Ok(converted.with_dtype(dtype.clone()));
        }
    }
    array.astype(dtype).map_err(np_error)
}

/// `attrs.modify(name, value)`: writes into an existing attribute, keeping its type.
fn modify(vm: &mut Interp, this: &Value, mgr: &AttributeManager, name: &Value, value: &Value) -> PyResult<()> {
    if !vm.contains(this, name)? {
        return create(vm, &mgr.handle(), name, value, None, None);
    }
    let attr = mgr.open(name)?;
    let e = Exc::from_hdf5;
    let space = attr.space().map_err(e)?;
    if space.class().map_err(e)? == SpaceClass::Null {
        return Err(Exc::new(ExcKind::OSError, "Empty attributes can't be modified"));
    }
    let desc = attr.datatype().and_then(|t| t.describe()).map_err(e)?;
    let file_dtype = crate::h5py::types::dtype_of(&desc)?;
    let array = match crate::numpy_py::as_array(value) {
        Some(a) => a,
        None => {
            let a = crate::numpy_py::to_array(vm, value, Some(&file_dtype))?;
            if file_dtype.metadata().is_some() {
                a.with_dtype(file_dtype.clone())
            } else {
                a
            }
        }
    };
    let attr_shape: Vec<usize> = space.dims().map_err(e)?.into_iter().map(|n| n as usize).collect();
    let attr_size: usize = attr_shape.iter().product();
    if array.shape() != attr_shape.as_slice() && !(array.size() == 1 && attr_size == 1) {
        return Err(Exc::type_error("Shape of data is incompatible with existing attribute"));
    }
    objdata::write_flat(vm, Target::Attribute(&attr), &array, &file_dtype)
}

impl PyObject for AttributeManager {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class()
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        if !self.is_open() {
            return Ok("<Attributes of closed HDF5 object>".into());
        }
        // `id(self._id)`: CPython's address of the identifier object, in decimal.
        let id = super::python_id(&self.id);
        Ok(format!("<Attributes of HDF5 object at {id}>"))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(METHODS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, q)| super::method::bound(this, n, q.to_string(), call_method)))
    }

    fn dir(&self) -> Vec<String> {
        METHODS.iter().map(|(n, _)| n.to_string()).collect()
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let attr = self.open(key)?;
        read(vm, &attr)
    }

    fn setitem(&self, vm: &mut Interp, _this: &Value, key: &Value, value: Value) -> PyResult<()> {
        create(vm, &self.handle(), key, &value, None, None)
    }

    fn delitem(&self, _vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<()> {
        let name = attr_name(key)?;
        attribute::delete(&self.handle(), name).map_err(Exc::from_hdf5)
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(attribute::count(&self.handle()).map_err(Exc::from_hdf5)? as usize))
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let names = self.names()?;
        let mut names = names.into_iter();
        let inner = NativeIterator::value("generator", move |_vm| Ok(names.next().map(decode_name)));
        Ok(super::method::generator("AttributeManager.__iter__", inner))
    }

    fn contains(&self, _vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        let name = attr_name(item)?;
        Ok(Some(attribute::exists_by_name(&self.handle(), b".", name).map_err(Exc::from_hdf5)?))
    }

    fn completion_keys(&self, _vm: &mut Interp) -> Vec<String> {
        let mut names: Vec<String> =
            self.names().unwrap_or_default().into_iter().map(|n| String::from_utf8_lossy(&n).into_owned()).collect();
        names.sort();
        names
    }
}

fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(mgr) = this.downcast::<AttributeManager>() else { return Ok(Value::None) };
    match name {
        "create" => {
            let b = method("AttributeManager.create", args, &["name", "data", "shape", "dtype"], 2)?;
            create(vm, &mgr.handle(), b.req(0), b.req(1), b.get(2), b.get(3))?;
            Ok(Value::None)
        }
        "modify" => {
            let b = method("AttributeManager.modify", args, &["name", "value"], 2)?;
            modify(vm, this, mgr, b.req(0), b.req(1))?;
            Ok(Value::None)
        }
        "get_id" => {
            let b = method("AttributeManager.get_id", args, &["name"], 1)?;
            let attr = mgr.open(b.req(0))?;
            Ok(ObjectId::value(IdKind::Attribute, attr.handle().clone()))
        }
        "keys" | "values" | "items" => {
            method(&format!("MappingHDF5.{name}"), args, &[], 0)?;
            Ok(super::views::view(name, this.clone()))
        }
        "get" => {
            let b = method("Mapping.get", args, &["key", "default"], 1)?;
            match vm.getitem(this, b.req(0)) {
                Ok(v) => Ok(v),
                Err(e) if e.is(ExcKind::KeyError) => Ok(b.slots[1].clone().unwrap_or(Value::None)),
                Err(e) => Err(e),
            }
        }
        "pop" => {
            let b = method("MutableMapping.pop", args, &["key", "default"], 1)?;
            match vm.getitem(this, b.req(0)) {
                Ok(v) => {
                    vm.delitem(this, b.req(0))?;
                    Ok(v)
                }
                Err(e) if e.is(ExcKind::KeyError) && b.slots[1].is_some() => Ok(b.slots[1].clone().unwrap_or(Value::None)),
                Err(e) => Err(e),
            }
        }
        "popitem" => {
            method("MutableMapping.popitem", args, &[], 0)?;
            let Some(key) = mgr.names()?.into_iter().next().map(decode_name) else {
                return Err(Exc::bare(ExcKind::KeyError));
            };
            let value = vm.getitem(this, &key)?;
            vm.delitem(this, &key)?;
            Ok(Value::tuple(vec![key, value]))
        }
        "clear" => {
            method("MutableMapping.clear", args, &[], 0)?;
            for key in mgr.names()? {
                vm.delitem(this, &decode_name(key))?;
            }
            Ok(Value::None)
        }
        "setdefault" => {
            let b = method("MutableMapping.setdefault", args, &["key", "default"], 1)?;
            match vm.getitem(this, b.req(0)) {
                Ok(v) => Ok(v),
                Err(e) if e.is(ExcKind::KeyError) => {
                    let default = b.slots[1].clone().unwrap_or(Value::None);
                    vm.setitem(this, b.req(0), default.clone())?;
                    Ok(default)
                }
                Err(e) => Err(e),
            }
        }
        "update" => {
            let b = Signature { name: "MutableMapping.update", params: &["other"], required: 0, method: true, var_keywords: true }
                .bind(args)?;
            if let Some(other) = b.slots[0].clone() {
                let pairs = mapping_pairs(vm, &other)?;
                for (k, v) in pairs {
                    vm.setitem(this, &k, v)?;
                }
            }
            for (k, v) in b.extra {
                vm.setitem(this, &Value::str(&*k), v)?;
            }
            Ok(Value::None)
        }
        _ => Err(Exc::not_implemented(format!("h5py.AttributeManager.{name}"))),
    }
}

/// The (key, value) pairs of a mapping or an iterable of pairs (`update`'s argument).
fn mapping_pairs(vm: &mut Interp, other: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Value::Dict(d) = other {
        return Ok(d.items());
    }
    if let Some(keys) = vm.getattr_opt(other, "keys")? {
        let keys = vm.call(&keys, Args::none())?;
        let mut out = Vec::new();
        for k in vm.collect(&keys)? {
            let v = vm.getitem(other, &k)?;
            out.push((k, v));
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    for item in vm.collect(other)? {
        let pair = vm.collect(&item)?;
        if pair.len() != 2 {
            return Err(Exc::value_error(format!(
                "dictionary update sequence element has length {}; 2 is required",
                pair.len()
            )));
        }
        out.push((pair[0].clone(), pair[1].clone()));
    }
    Ok(out)
}
