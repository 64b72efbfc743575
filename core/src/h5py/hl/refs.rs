//! Object and region references: `h5py.Reference` (`obj.ref`, what `f[ref]` opens)
//! and `h5py.RegionReference` (`dset.regionref[...]`), h5py's original-style
//! references, plus the `_RegionProxy` behind `obj.regionref`.

use std::any::Any;
use std::rc::Rc;

use super::select::{key_items, select_any};
use super::{HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::ObjectId;
use crate::h5py::pyargs::method;
use crate::hdf5::dataspace::{SelectionKind, SpaceClass};
use crate::hdf5::datatype::ReferenceKind;
use crate::hdf5::{reference, Dataspace, Handle};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::NativeMethod;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// An HDF5 reference: its kind and raw bytes (8 for objects, 12 for regions).
pub struct Reference {
    /// Object or region.
    pub kind: ReferenceKind,
    /// The bytes HDF5 stores.
    pub raw: Vec<u8>,
}

impl Reference {
    /// A reference value.
    pub fn value(kind: ReferenceKind, raw: Vec<u8>) -> Value {
        Value::object(Reference { kind, raw })
    }

    /// A null reference of a kind (all zero bytes).
    pub fn null(kind: ReferenceKind) -> Value {
        Reference::value(kind, vec![0; size(kind)])
    }

    /// Whether it points anywhere.
    pub fn is_set(&self) -> bool {
        self.raw.iter().any(|&b| b != 0)
    }

    /// Opens what it points to; `container` is any object of the file.
    pub fn dereference(&self, container: &Handle) -> PyResult<Handle> {
        if !self.is_set() {
            return Err(Exc::value_error("Invalid HDF5 object reference"));
        }
        reference::dereference(container, self.kind, &self.raw).map_err(Exc::from_hdf5)
    }
}

/// The stored size of a reference of `kind`.
pub fn size(kind: ReferenceKind) -> usize {
    match kind {
        ReferenceKind::Region => 12,
        _ => 8,
    }
}

thread_local! {
    static CLASSES: [Rc<TypeObject>; 2] = {
        let object = builtin(|t| t.object.clone());
        let reference = TypeObject::new("Reference", "h5py.h5r", vec![object], Some(construct));
        let region = TypeObject::new("RegionReference", "h5py.h5r", vec![reference.clone()], Some(construct));
        [reference, region]
    };
}

/// `h5py.Reference` (`kind` Object) or `h5py.RegionReference` (`kind` Region).
pub fn class_of(kind: ReferenceKind) -> Rc<TypeObject> {
    CLASSES.with(|c| c[(kind == ReferenceKind::Region) as usize].clone())
}

fn construct(_vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let kind = if Rc::ptr_eq(class, &class_of(ReferenceKind::Region)) { ReferenceKind::Region } else { ReferenceKind::Object };
    if !args.positional.is_empty() || !args.keywords.is_empty() {
        return Err(Exc::type_error(format!(
            "{}() takes no arguments",
            class.name
        )));
    }
    Ok(Reference::null(kind))
}

impl PyObject for Reference {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_of(self.kind)
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let what = if self.kind == ReferenceKind::Region { "region" } else { "object" };
        Ok(format!("<HDF5 {what} reference{}>", if self.is_set() { "" } else { " (null)" }))
    }

    fn has_custom_repr(&self) -> bool {
        true
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "typecode" => Some(Value::Int((self.kind == ReferenceKind::Region) as i64)),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        vec!["typecode".into()]
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.is_set()))
    }
}

/// `obj.ref`: an object reference to a high-level object.
pub fn object_ref(obj: &HlObject) -> PyResult<Value> {
    let raw = reference::create_object(&obj.handle(), b".").map_err(Exc::from_hdf5)?;
    Ok(Reference::value(ReferenceKind::Object, raw.to_vec()))
}

/// `group[ref]`: the object a reference points to, in its high-level class.
pub fn open_ref(obj: &HlObject, r: &Reference) -> PyResult<Value> {
    let handle = r.dereference(&obj.handle())?;
    super::wrap(ObjectId::of(handle))
}

/// The selection of a region reference, as a dataspace of the referenced dataset.
pub fn region_space(container: &Handle, r: &Reference) -> PyResult<Dataspace> {
    reference::region(container, &r.raw).map_err(Exc::from_hdf5)
}

/// `selections.guess_shape(sid)`: the shape of a dataspace's selection (None for a
/// null dataspace or an unselected scalar).
pub fn guess_shape(space: &Dataspace) -> PyResult<Option<Vec<u64>>> {
    let e = Exc::from_hdf5;
    let class = space.class().map_err(e)?;
    let kind = space.selection_kind().map_err(e)?;
    match class {
        SpaceClass::Null => return Ok(None),
        SpaceClass::Scalar => {
            return Ok(match kind {
                SelectionKind::None => None,
                _ => Some(Vec::new()),
            })
        }
        _ => {}
    }
    let n = space.selected_count().map_err(e)?;
    let dims = space.dims().map_err(e)?;
    let rank = dims.len();
    match kind {
        SelectionKind::None => return Ok(Some(vec![0; rank])),
        SelectionKind::All => return Ok(Some(dims)),
        SelectionKind::Points => return Ok(Some(vec![n])),
        _ => {}
    }
    if n == 0 {
        return Ok(Some(vec![0; rank]));
    }
    let (low, high) = space.selection_bounds().map_err(e)?;
    let boxshape: Vec<u64> = low.iter().zip(&high).map(|(l, h)| h - l + 1).collect();
    let mut shape = Vec::with_capacity(rank);
    for axis in 0..rank {
        if boxshape[axis] == 1 {
            shape.push(1);
            continue;
        }
        let mut start = low.clone();
        start[axis] += 1;
        let mut count = boxshape.clone();
        count[axis] -= 1;
        let masked = space.copy().map_err(e)?;
        masked.select_hyperslab(crate::hdf5::dataspace::SelectOp::NotB, &start, None, &count, None).map_err(e)?;
        let leftover = masked.selected_count().map_err(e)?;
        shape.push(if leftover == 0 { n } else { n / leftover });
    }
    if shape.iter().product::<u64>() != n {
        return Ok(Some(vec![n]));
    }
    Ok(Some(shape))
}

/// `obj.regionref`: the proxy that makes region references by slicing.
pub struct RegionProxy {
    obj: Value,
}

thread_local! {
    static PROXY: Rc<TypeObject> = TypeObject::new("_RegionProxy", "h5py._hl.base", vec![builtin(|t| t.object.clone())], None);
}

/// The `regionref` proxy of a high-level object.
pub fn region_proxy(this: &Value) -> Value {
    Value::object(RegionProxy { obj: this.clone() })
}

impl RegionProxy {
    fn target(&self) -> PyResult<&HlObject> {
        self.obj.downcast::<HlObject>().ok_or_else(|| Exc::type_error("not an HDF5 object"))
    }
}

impl PyObject for RegionProxy {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        PROXY.with(|p| p.clone())
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let obj = self.target()?;
        if obj.kind != HlKind::Dataset {
            return Err(Exc::type_error("Region references can only be made to datasets"));
        }
        let ds = super::dataset::handle(obj);
        let space = ds.space().map_err(Exc::from_hdf5)?;
        let shape = space.dims().map_err(Exc::from_hdf5)?;
        let selection = select_any(vm, &shape, &key_items(key))?;
        let selected = selection.apply(&space)?;
        let raw = reference::create_region(&obj.handle(), b".", &selected).map_err(Exc::from_hdf5)?;
        Ok(Reference::value(ReferenceKind::Region, raw.to_vec()))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "shape" | "selection" => Some(NativeMethod::value(this, name, proxy_method)),
            "obj" => Some(self.obj.clone()),
            "id" => Some(self.target()?.id.clone()),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        vec!["id".into(), "obj".into(), "selection".into(), "shape".into()]
    }
}

fn proxy_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(proxy) = this.downcast::<RegionProxy>() else { return Ok(Value::None) };
    let b = method(&format!("_RegionProxy.{name}"), args, &["ref"], 1)?;
    let Some(r) = b.req(0).downcast::<Reference>() else {
        return Err(Exc::type_error(format!(
            "Argument 'ref' has incorrect type (expected h5py.h5r.RegionReference, got {})",
            crate::value::types::type_of(b.req(0)).name
        )));
    };
    let space = region_space(&proxy.target()?.handle(), r)?;
    let shape = match name {
        "shape" => Some(space.dims().map_err(Exc::from_hdf5)?),
        _ => guess_shape(&space)?,
    };
    let _ = vm;
    Ok(match shape {
        None => Value::None,
        Some(s) => Value::tuple(s.into_iter().map(|n| Value::Int(n as i64)).collect()),
    })
}
