//! Dimension scales at h5py's high level (`_hl/dims.py`): `dset.dims`, a
//! `DimensionManager` of one `DimensionProxy` per axis, each listing, attaching and
//! detaching the scales of its axis and holding its label, over HDF5's H5DS library.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::{decode_name, encode_name, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::ObjectId;
use crate::h5py::pyargs::method;
use crate::hdf5::{dimscale, Handle};
use crate::syntax::ast::CmpOp;
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::NativeIterator;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// `dset.dims`: the dimensions of a dataset, through its identifier.
pub struct DimensionManager {
    /// The dataset's identifier (`DatasetID`).
    id: Value,
}

/// `dset.dims[i]`: one axis of a dataset.
pub struct DimensionProxy {
    /// The dataset's identifier (`DatasetID`).
    id: Value,
    /// The axis; h5py accepts a negative one here and fails when HDF5 is called.
    dimension: i64,
    /// Attributes set on the object (its `__dict__`).
    extra: RefCell<Vec<(String, Value)>>,
}

thread_local! {
    static MANAGER: Rc<TypeObject> = TypeObject::new("DimensionManager", "h5py._hl.dims", vec![builtin(|t| t.object.clone())], None);
    static PROXY: Rc<TypeObject> = TypeObject::new("DimensionProxy", "h5py._hl.dims", vec![builtin(|t| t.object.clone())], None);
}

/// `dset.dims` for a dataset's identifier.
pub fn manager(id: Value) -> Value {
    Value::object(DimensionManager { id })
}

fn proxy(id: Value, dimension: i64) -> Value {
    Value::object(DimensionProxy { id, dimension, extra: RefCell::new(Vec::new()) })
}

/// `dset.make_scale(name='')` (`h5ds.set_scale`).
pub fn make_scale(obj: &HlObject, name: &Value) -> PyResult<()> {
    let (name, _) = encode_name(name)?;
    dimscale::set_scale(&obj.handle(), &name).map_err(Exc::from_hdf5)
}

/// The HDF5 handle behind an identifier value (0 once closed, as h5py passes it).
fn handle_of(id: &Value) -> Handle {
    id.downcast::<ObjectId>().map(ObjectId::handle).unwrap_or_else(Handle::invalid)
}

fn is_open(id: &Value) -> bool {
    id.downcast::<ObjectId>().is_some_and(ObjectId::valid)
}

/// The handle of the dataset a `Dataset` argument stands for (`dset.id`).
fn dataset_handle(vm: &mut Interp, dset: &Value) -> PyResult<Handle> {
    match dset.downcast::<HlObject>() {
        Some(obj) => Ok(obj.handle()),
        None => {
            let id = vm.getattr(dset, "id")?;
            id.downcast::<ObjectId>()
                .map(ObjectId::handle)
                .ok_or_else(|| Exc::type_error(format!("Argument 'dsid' has incorrect type (expected h5py.h5d.DatasetID, got {})", crate::value::exception::class_name(&id))))
        }
    }
}

impl DimensionManager {
    fn rank(&self) -> PyResult<usize> {
        rank_of(&handle_of(&self.id))
    }

    fn proxy(&self, vm: &mut Interp, index: &Value) -> PyResult<Value> {
        let rank = self.rank()? as i64;
        let index = match index {
            Value::Int(_) | Value::Bool(_) => vm.index_value(index, "an integer is required")?,
            other => {
                return Err(Exc::type_error(format!("'>' not supported between instances of '{}' and 'int'", crate::value::exception::class_name(other))));
            }
        };
        if index > rank - 1 {
            return Err(Exc::index_error("Index out of range"));
        }
        Ok(proxy(self.id.clone(), index))
    }
}

/// A dataset's rank (`self._id.rank`).
fn rank_of(handle: &Handle) -> PyResult<usize> {
    let space = crate::hdf5::Dataset::from_handle_unchecked(handle.clone()).space().map_err(Exc::from_hdf5)?;
    Ok(space.dims().map_err(Exc::from_hdf5)?.len())
}

impl PyObject for DimensionManager {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        MANAGER.with(|c| c.clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        if !is_open(&self.id) {
            return Ok("<Dimensions of closed HDF5 dataset>".into());
        }
        Ok(format!("<Dimensions of HDF5 object at {}>", super::python_id(&self.id)))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok((name == "create_scale").then(|| super::method::bound(this, name, "DimensionManager.create_scale".into(), call_manager)))
    }

    fn dir(&self) -> Vec<String> {
        vec!["create_scale".into()]
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        self.proxy(vm, key)
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.rank()?))
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let rank = self.rank()? as i64;
        let id = self.id.clone();
        let mut next = 0;
        let inner = NativeIterator::value("generator", move |_vm| {
            if next >= rank {
                return Ok(None);
            }
            next += 1;
            Ok(Some(proxy(id.clone(), next - 1)))
        });
        Ok(super::method::generator("DimensionManager.__iter__", inner))
    }
}

fn call_manager(_vm: &mut Interp, _this: &Value, _name: &str, args: Args) -> PyResult<Value> {
    method("DimensionManager.create_scale", args, &["dset", "name"], 1)?;
    // h5py makes the scale and issues an H5pyDeprecationWarning, which h5lab cannot
    // show yet (no `warnings` machinery).
    Err(Exc::not_implemented(
        "h5py DimensionManager.create_scale (deprecated; its H5pyDeprecationWarning); use ds.make_scale(name)",
    ))
}

impl DimensionProxy {
    /// The axis as the `unsigned int` h5ds's functions take.
    fn dim(&self) -> PyResult<u32> {
        u32::try_from(self.dimension).map_err(|_| Exc::overflow("can't convert negative value to unsigned int"))
    }

    fn handle(&self) -> Handle {
        handle_of(&self.id)
    }

    fn label(&self) -> PyResult<Value> {
        let label = dimscale::get_label(&self.handle(), self.dim()?).map_err(Exc::from_hdf5)?;
        Ok(decode_name(label))
    }

    fn num_scales(&self) -> PyResult<u64> {
        dimscale::get_num_scales(&self.handle(), self.dim()?).map_err(Exc::from_hdf5)
    }

    /// Every scale of the axis, each a `Dataset` (`h5ds.iterate`, which fails for an
    /// axis without scales).
    fn scales(&self) -> PyResult<Vec<Handle>> {
        dimscale::scales(&self.handle(), self.dim()?, 0).map_err(Exc::from_hdf5)
    }

    /// `(name, Dataset)` pairs of the axis's scales.
    fn items(&self) -> PyResult<Vec<(Value, Value)>> {
        if self.num_scales()? == 0 {
            return Ok(Vec::new());
        }
        let mut items = Vec::new();
        for scale in self.scales()? {
            let name = dimscale::get_scale_name(&scale).map_err(Exc::from_hdf5)?;
            items.push((decode_name(name), super::wrap(ObjectId::of(scale))?));
        }
        Ok(items)
    }

    fn get(&self, vm: &mut Interp, item: &Value) -> PyResult<Value> {
        if let Value::Int(_) | Value::Bool(_) = item {
            let scales = self.scales()?;
            let index = vm.index_value(item, "an integer is required")?;
            let n = scales.len() as i64;
            let at = if index < 0 { index + n } else { index };
            if at < 0 || at >= n {
                return Err(Exc::index_error("list index out of range"));
            }
            return super::wrap(ObjectId::of(scales[at as usize].clone()));
        }
        // h5py encodes the name inside its visitor: only once HDF5 found a scale.
        let scales = self.scales()?;
        let (wanted, _) = encode_name(item)?;
        for scale in scales {
            if dimscale::get_scale_name(&scale).map_err(Exc::from_hdf5)? == wanted {
                return super::wrap(ObjectId::of(scale));
            }
        }
        Err(Exc::key_error(item.clone()))
    }
}

impl PyObject for DimensionProxy {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        PROXY.with(|c| c.clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        if !is_open(&self.id) {
            return Ok("<Dimension of closed HDF5 dataset>".into());
        }
        let label = vm.str(&self.label()?)?;
        Ok(format!("<\"{label}\" dimension {} of HDF5 dataset at {}>", self.dimension, super::python_id(&self.id)))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "label" {
            return self.label().map(Some);
        }
        if let Some((_, value)) = self.extra.borrow().iter().find(|(n, _)| n == name) {
            return Ok(Some(value.clone()));
        }
        Ok(PROXY_METHODS
            .contains(&name)
            .then(|| super::method::bound(this, name, format!("DimensionProxy.{name}"), call_proxy)))
    }

    fn setattr(&self, _vm: &mut Interp, _this: &Value, name: &str, value: Value) -> PyResult<()> {
        if name != "label" {
            let mut extra = self.extra.borrow_mut();
            match extra.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = value,
                None => extra.push((name.to_string(), value)),
            }
            return Ok(());
        }
        let (label, _) = encode_name(&value)?;
        dimscale::set_label(&self.handle(), self.dim()?, &label).map_err(Exc::from_hdf5)
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = PROXY_METHODS.iter().map(|n| n.to_string()).collect();
        names.push("label".into());
        names
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        self.get(vm, key)
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.num_scales()? as usize))
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let mut keys = self.items()?.into_iter().map(|(k, _)| k);
        let inner = NativeIterator::value("generator", move |_vm| Ok(keys.next()));
        Ok(super::method::generator("DimensionProxy.__iter__", inner))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let equal = other.downcast::<DimensionProxy>().is_some_and(|o| self.key_equals(o));
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    /// h5py's `hash((type(self), self._id, self._dimension))`.
    fn hash(&self, _this: &Value) -> Option<i64> {
        let id_hash = match self.id.downcast::<ObjectId>() {
            Some(oid) => oid.hash(&self.id).unwrap_or(0),
            None => 0,
        };
        Some(id_hash.wrapping_mul(1_000_003) ^ self.dimension)
    }

    /// h5py's `__eq__`: the same axis of the same dataset.
    fn key_equals(&self, other: &dyn PyObject) -> bool {
        let Some(other) = other.as_any().downcast_ref::<DimensionProxy>() else { return false };
        other.dimension == self.dimension
            && match (self.id.downcast::<ObjectId>(), other.id.downcast::<ObjectId>()) {
                (Some(a), Some(b)) => a.same_as(b),
                _ => false,
            }
    }
}

const PROXY_METHODS: &[&str] = &["attach_scale", "detach_scale", "items", "keys", "values"];

fn call_proxy(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(proxy) = this.downcast::<DimensionProxy>() else { return Ok(Value::None) };
    match name {
        "attach_scale" | "detach_scale" => {
            let b = method(&format!("DimensionProxy.{name}"), args, &["dset"], 1)?;
            let scale = dataset_handle(vm, b.req(0))?;
            let dim = proxy.dim()?;
            if name == "attach_scale" {
                dimscale::attach_scale(&proxy.handle(), &scale, dim)
            } else {
                dimscale::detach_scale(&proxy.handle(), &scale, dim)
            }
            .map_err(Exc::from_hdf5)?;
            Ok(Value::None)
        }
        _ => {
            method(&format!("DimensionProxy.{name}"), args, &[], 0)?;
            let items = proxy.items()?;
            Ok(Value::list(match name {
                "keys" => items.into_iter().map(|(k, _)| k).collect(),
                "values" => items.into_iter().map(|(_, v)| v).collect(),
                _ => items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
            }))
        }
    }
}
