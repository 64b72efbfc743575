//! h5py's high-level objects: `File`, `Group`, `Dataset`, `Datatype`, and what they
//! share (name, file, parent, id, attrs, equality, truth, repr of closed objects).

pub mod attrs;
pub mod blocks;
pub mod copy;
pub mod create;
pub mod data;
pub mod dataset;
#[cfg(feature = "bundled-hdf5")]
pub mod dims;
pub mod dsmethods;
pub mod dsread;
pub mod dsviews;
pub mod dswrite;
pub mod datatype;
pub mod dtypes;
pub mod config;
pub mod empty;
pub mod external;
pub mod file;
pub mod filespace;
pub mod group;
pub mod links;
pub mod method;
pub mod objdata;
pub mod refs;
pub mod select;
pub mod views;

use std::any::Any;
use std::rc::Rc;

use super::ids::{IdKind, ObjectId};
use crate::eval::Interp;
use crate::hdf5::ident;
use crate::syntax::ast::CmpOp;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// What a high-level object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HlKind {
    /// `h5py.File`.
    File,
    /// `h5py.Group`.
    Group,
    /// `h5py.Dataset`.
    Dataset,
    /// `h5py.Datatype`.
    Datatype,
}

/// A high-level h5py object bound to a low-level identifier.
pub struct HlObject {
    /// Its kind.
    pub kind: HlKind,
    /// The low-level identifier object (`obj.id`), shared so `obj.id is obj.id`.
    pub id: Value,
}

impl HlObject {
    /// A high-level object value.
    pub fn value(kind: HlKind, id: Value) -> Value {
        Value::object(HlObject { kind, id })
    }

    /// The identifier behind it.
    pub fn oid(&self) -> &ObjectId {
        // `id` always holds an ObjectId (constructors guarantee it).
        self.id.downcast::<ObjectId>().unwrap_or_else(|| unreachable_id())
    }

    /// The object's HDF5 handle; once closed, an invalid one (as h5py's closed ids
    /// are 0), so HDF5 reports what it reports to h5py.
    pub fn handle(&self) -> crate::hdf5::Handle {
        if self.is_open() {
            self.oid().handle()
        } else {
            crate::hdf5::Handle::null()
        }
    }

    /// Whether the object is still open.
    pub fn is_open(&self) -> bool {
        self.id.downcast::<ObjectId>().is_some_and(ObjectId::valid)
    }

    /// `obj.attrs`: the attribute manager (a File's is its root group's).
    pub fn attrs(&self, vm: &mut Interp) -> PyResult<Value> {
        if self.kind == HlKind::File {
            let root = group::getitem(vm, self, &Value::str("/"))?;
            return match root.downcast::<HlObject>() {
                Some(r) => Ok(attrs::manager(r.id.clone())),
                None => Ok(attrs::manager(self.id.clone())),
            };
        }
        Ok(attrs::manager(self.id.clone()))
    }

    /// The path it was opened by as HDF5 stores it (None for anonymous or closed
    /// objects).
    pub fn name_bytes(&self) -> PyResult<Option<Vec<u8>>> {
        if !self.is_open() {
            return Ok(None);
        }
        if self.kind == HlKind::File {
            return Ok(Some(b"/".to_vec()));
        }
        ident::object_name_bytes(&self.handle()).map_err(Exc::from_hdf5)
    }

    /// The name as a repr shows it inside quotes (the whole path, or with `basename`
    /// its last part, `/` for the root): text, or the bytes' repr when the name is not
    /// UTF-8 (h5py's `_d` leaves such names as bytes).
    pub fn shown_name(&self, basename: bool) -> PyResult<Option<String>> {
        let Some(name) = self.name_bytes()? else { return Ok(None) };
        let name = if basename {
            let trimmed = name.strip_suffix(b"/").unwrap_or(&name);
            let base = match trimmed.iter().rposition(|&c| c == b'/') {
                Some(i) => trimmed[i + 1..].to_vec(),
                None => trimmed.to_vec(),
            };
            if base.is_empty() { b"/".to_vec() } else { base }
        } else {
            name
        };
        Ok(Some(match String::from_utf8(name) {
            Ok(s) => s,
            Err(e) => crate::value::bytes::repr(e.as_bytes()),
        }))
    }

    /// `obj.name`: the path it was opened by (None for anonymous objects).
    pub fn name(&self) -> PyResult<Option<String>> {
        if !self.is_open() {
            return Ok(None);
        }
        if self.kind == HlKind::File {
            return Ok(Some("/".into()));
        }
        ident::object_name(&self.handle()).map_err(Exc::from_hdf5)
    }
}

fn unreachable_id() -> &'static ObjectId {
    // HlObject::value is only ever called with ObjectId values.
    panic!("h5py high-level object without an identifier")
}

thread_local! {
    static CLASSES: [Rc<TypeObject>; 5] = make_classes();
}

fn make_classes() -> [Rc<TypeObject>; 5] {
    let object = builtin(|t| t.object.clone());
    let hl = TypeObject::new("HLObject", "h5py._hl.base", vec![object], None);
    let group = TypeObject::new("Group", "h5py._hl.group", vec![hl.clone()], Some(group::construct));
    let file = TypeObject::new("File", "h5py._hl.files", vec![group.clone()], Some(file::construct));
    let dataset = TypeObject::new("Dataset", "h5py._hl.dataset", vec![hl.clone()], Some(dataset::construct));
    let datatype = TypeObject::new("Datatype", "h5py._hl.datatype", vec![hl.clone()], Some(datatype::construct));
    [file, group, dataset, datatype, hl]
}

/// `h5py.HLObject`, the base of the high-level classes.
pub fn base_class() -> Rc<TypeObject> {
    CLASSES.with(|c| c[4].clone())
}

/// The class of a high-level kind (`h5py.File`, ...).
pub fn class_of(kind: HlKind) -> Rc<TypeObject> {
    CLASSES.with(|c| {
        c[match kind {
            HlKind::File => 0,
            HlKind::Group => 1,
            HlKind::Dataset => 2,
            HlKind::Datatype => 3,
        }]
        .clone()
    })
}

/// Wraps an identifier of any object in its high-level class (what `group[name]`
/// returns).
pub fn wrap(id: Value) -> PyResult<Value> {
    let kind = match id.downcast::<ObjectId>().map(|o| o.kind) {
        Some(IdKind::Group) => HlKind::Group,
        Some(IdKind::File) => HlKind::File,
        Some(IdKind::Dataset) => HlKind::Dataset,
        Some(IdKind::Datatype) => HlKind::Datatype,
        _ => return Err(Exc::type_error("Unknown object type")),
    };
    Ok(HlObject::value(kind, id))
}

impl PyObject for HlObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_of(self.kind)
    }

    fn repr(&self, vm: &mut Interp, this: &Value) -> PyResult<String> {
        match self.kind {
            HlKind::File => file::repr(vm, self),
            HlKind::Group => group::repr(vm, self, this),
            HlKind::Dataset => dataset::repr(vm, self),
            HlKind::Datatype => datatype::repr(self),
        }
    }

    /// text/html beside text/plain: the view of [`crate::h5py::html`] (none if it
    /// cannot be made; text/plain stays IPython's).
    fn mime_bundle(&self, vm: &mut Interp, this: &Value) -> PyResult<Vec<(String, String)>> {
        Ok(super::html::html(vm, self, this).map(|html| vec![("text/html".to_string(), html)]).unwrap_or_default())
    }

    fn getattr(&self, vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        match name {
            "id" => return Ok(Some(self.id.clone())),
            "name" => return Ok(Some(self.name_bytes()?.map_or(Value::None, decode_name))),
            "file" => return Ok(Some(file::file_of(vm, self)?)),
            "parent" => return group::parent(vm, self).map(Some),
            "attrs" => return self.attrs(vm).map(Some),
            "ref" => return refs::object_ref(self).map(Some),
            "regionref" => return Ok(Some(refs::region_proxy(this))),
            _ => {}
        }
        match self.kind {
            HlKind::File => match file::getattr(vm, self, this, name)? {
                Some(v) => Ok(Some(v)),
                None => group::getattr(vm, self, this, name),
            },
            HlKind::Group => group::getattr(vm, self, this, name),
            HlKind::Dataset => dataset::getattr(vm, self, this, name),
            HlKind::Datatype => datatype::getattr(self, name),
        }
    }

    fn setattr(&self, vm: &mut Interp, this: &Value, name: &str, value: Value) -> PyResult<()> {
        if self.kind == HlKind::File && name == "swmr_mode" {
            return file::set_swmr_mode(vm, self, &value);
        }
        Err(Exc::attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            crate::value::object::type_display_name(this)
        )))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = ["attrs", "file", "id", "name", "parent", "ref", "regionref"].iter().map(|s| s.to_string()).collect();
        match self.kind {
            HlKind::File => {
                names.extend(file::ATTRIBUTES.iter().map(|s| s.to_string()));
                names.extend(group::METHODS.iter().map(|s| s.to_string()));
            }
            HlKind::Group => names.extend(group::METHODS.iter().map(|s| s.to_string())),
            HlKind::Dataset => names.extend(dataset::ATTRIBUTES.iter().map(|s| s.to_string())),
            HlKind::Datatype => names.push("dtype".into()),
        }
        names
    }

    fn completion_keys(&self, _vm: &mut Interp) -> Vec<String> {
        if matches!(self.kind, HlKind::File | HlKind::Group) && self.is_open() {
            return group::member_names(self).unwrap_or_default();
        }
        Vec::new()
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.is_open()))
    }

    fn len(&self, vm: &mut Interp, this: &Value) -> PyResult<Option<usize>> {
        match self.kind {
            HlKind::File | HlKind::Group => group::len(self).map(Some),
            HlKind::Dataset => dataset::len(vm, self, this).map(Some),
            HlKind::Datatype => Ok(None),
        }
    }

    fn getitem(&self, vm: &mut Interp, this: &Value, key: &Value) -> PyResult<Value> {
        match self.kind {
            HlKind::File | HlKind::Group => group::getitem(vm, self, key),
            HlKind::Dataset => dataset::getitem(vm, self, this, key),
            HlKind::Datatype => Err(Exc::type_error("'Datatype' object is not subscriptable")),
        }
    }

    fn setitem(&self, vm: &mut Interp, this: &Value, key: &Value, value: Value) -> PyResult<()> {
        match self.kind {
            HlKind::File | HlKind::Group => group::setitem(vm, self, key, value),
            HlKind::Dataset => dataset::setitem(vm, self, this, key, value),
            HlKind::Datatype => Err(Exc::type_error("'Datatype' object does not support item assignment")),
        }
    }

    fn delitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<()> {
        match self.kind {
            HlKind::File | HlKind::Group => group::delitem(vm, self, key),
            // h5py's Dataset has no __delitem__; Python looks it up and fails so.
            HlKind::Dataset => Err(Exc::attribute_error("__delitem__")),
            _ => Err(Exc::type_error(format!("'{}' object doesn't support item deletion", class_of(self.kind).name))),
        }
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        match self.kind {
            HlKind::File | HlKind::Group => group::contains(vm, self, item).map(Some),
            _ => Ok(None),
        }
    }

    fn iter(&self, vm: &mut Interp, this: &Value) -> PyResult<Value> {
        match self.kind {
            HlKind::File | HlKind::Group => group::iter(vm, self),
            HlKind::Dataset => dataset::iter(vm, self, this),
            HlKind::Datatype => Err(Exc::type_error("'Datatype' object is not iterable")),
        }
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let Some(other) = other.downcast::<HlObject>() else { return Ok(None) };
        let same = match (self.id.downcast::<ObjectId>(), other.id.downcast::<ObjectId>()) {
            (Some(a), Some(b)) => a.same_as(b),
            _ => false,
        };
        Ok(Some(Value::Bool(same == (op == CmpOp::Eq))))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        match &self.id {
            Value::Object(o) => o.hash(&self.id),
            _ => None,
        }
    }

    fn is_context_manager(&self) -> bool {
        self.kind == HlKind::File
    }

    fn enter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        Ok(this.clone())
    }

    fn exit(&self, vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        if self.kind == HlKind::File && self.is_open() {
            file::close(vm, self)?;
        }
        Ok(false)
    }

}

/// Arguments of high-level methods: Python-style binding with CPython's messages.
pub fn bind(name: &str, args: Args, params: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    crate::value::function::bind(name, args, params, required)
}

/// h5py's name encoding: str as UTF-8 (ASCII when it is), bytes as they are; other
/// types are a TypeError.
pub fn encode_name(name: &Value) -> PyResult<(Vec<u8>, bool)> {
    match name {
        Value::Str(s) => Ok((s.as_bytes().to_vec(), !s.is_ascii())),
        Value::Bytes(b) => Ok((b.to_vec(), false)),
        other => Err(Exc::type_error(format!(
            "A name should be string or bytes, not {}",
            class_repr(other)
        ))),
    }
}

/// h5py's name decoding: UTF-8 text, else the bytes.
pub fn decode_name(name: Vec<u8>) -> Value {
    match String::from_utf8(name) {
        Ok(s) => Value::str(s),
        Err(e) => Value::bytes(e.into_bytes()),
    }
}

/// CPython's `id(value)` as h5py's reprs show it (`<Attributes of HDF5 object at N>`):
/// the decimal form of the address default reprs show.
pub fn python_id(value: &Value) -> usize {
    0x7f00_0000_0000usize | (value.identity() & 0x00ff_ffff_ffff)
}

/// `repr(type(value))`: `<class 'int'>`.
pub fn class_repr(value: &Value) -> String {
    format!("<class '{}'>", crate::value::types::type_of(value).qualified_name())
}
