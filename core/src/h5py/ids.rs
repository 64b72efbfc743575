//! h5py's low-level identifier objects (`h5py.h5f.FileID`, `h5py.h5g.GroupID`,
//! `h5py.h5d.DatasetID`, `h5py.h5t.TypeIntegerID`, ...): one Rust type, [`ObjectId`],
//! whose class and methods follow the kind of HDF5 identifier it holds.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::eval::Interp;
use crate::hdf5::datatype::TypeClass;
use crate::hdf5::ident::IdType;
use crate::hdf5::{object, Handle};
use crate::syntax::ast::CmpOp;
use crate::value::exception::PyResult;
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// What an identifier is, as h5py's class hierarchy distinguishes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// `h5py.h5f.FileID`.
    File,
    /// `h5py.h5g.GroupID`.
    Group,
    /// `h5py.h5d.DatasetID`.
    Dataset,
    /// `h5py.h5t.Type*ID`.
    Datatype,
    /// `h5py.h5s.SpaceID`.
    Dataspace,
    /// `h5py.h5a.AttrID`.
    Attribute,
    /// `h5py.h5p.Prop*ID`.
    PropertyList,
}

/// A low-level identifier object.
pub struct ObjectId {
    /// The kind.
    pub kind: IdKind,
    /// The HDF5 identifier (released when the last reference goes).
    pub handle: RefCell<Handle>,
}

impl ObjectId {
    /// An identifier object of `kind` for `handle`.
    pub fn value(kind: IdKind, handle: Handle) -> Value {
        Value::object(ObjectId { kind, handle: RefCell::new(handle) })
    }

    /// An identifier object of the kind HDF5 says `handle` is.
    pub fn of(handle: Handle) -> Value {
        let kind = match handle.id_type() {
            IdType::File => IdKind::File,
            IdType::Group => IdKind::Group,
            IdType::Dataset => IdKind::Dataset,
            IdType::Datatype => IdKind::Datatype,
            IdType::Dataspace => IdKind::Dataspace,
            IdType::Attribute => IdKind::Attribute,
            _ => IdKind::PropertyList,
        };
        ObjectId::value(kind, handle)
    }

    /// A new reference to the HDF5 identifier.
    pub fn handle(&self) -> Handle {
        self.handle.borrow().clone()
    }

    /// Whether the identifier is still open.
    pub fn valid(&self) -> bool {
        self.handle.borrow().is_valid()
    }

    fn class_name(&self) -> (&'static str, &'static str) {
        match self.kind {
            IdKind::File => ("h5py.h5f", "FileID"),
            IdKind::Group => ("h5py.h5g", "GroupID"),
            IdKind::Dataset => ("h5py.h5d", "DatasetID"),
            IdKind::Attribute => ("h5py.h5a", "AttrID"),
            IdKind::Dataspace => ("h5py.h5s", "SpaceID"),
            IdKind::PropertyList => ("h5py.h5p", "PropID"),
            IdKind::Datatype => {
                let class = crate::hdf5::Datatype::from_handle(self.handle()).and_then(|t| t.class().ok());
                (
                    "h5py.h5t",
                    match class {
                        Some(TypeClass::Integer) => "TypeIntegerID",
                        Some(TypeClass::Float) => "TypeFloatID",
                        Some(TypeClass::String) => "TypeStringID",
                        Some(TypeClass::Bitfield) => "TypeBitfieldID",
                        Some(TypeClass::Opaque) => "TypeOpaqueID",
                        Some(TypeClass::Compound) => "TypeCompoundID",
                        Some(TypeClass::Reference) => "TypeReferenceID",
                        Some(TypeClass::Enum) => "TypeEnumID",
                        Some(TypeClass::VarLen) => "TypeVlenID",
                        Some(TypeClass::Array) => "TypeArrayID",
                        Some(TypeClass::Time) => "TypeTimeID",
                        Some(TypeClass::Complex) => "TypeComplexID",
                        None => "TypeID",
                    },
                )
            }
        }
    }
}

thread_local! {
    static CLASSES: RefCell<HashMap<&'static str, Rc<TypeObject>>> = RefCell::new(HashMap::new());
}

/// h5py's class for a low-level identifier, created on first use with its bases
/// (`FileID` derives from `GroupID`, every type class from `TypeID`, all from
/// `h5py._objects.ObjectID`).
pub fn id_class(module: &'static str, name: &'static str) -> Rc<TypeObject> {
    if let Some(t) = CLASSES.with(|c| c.borrow().get(name).cloned()) {
        return t;
    }
    let base = match name {
        "ObjectID" => builtin(|t| t.object.clone()),
        "FileID" => id_class("h5py.h5g", "GroupID"),
        "TypeID" => id_class("h5py._objects", "ObjectID"),
        n if n.starts_with("Type") => id_class("h5py.h5t", "TypeID"),
        _ => id_class("h5py._objects", "ObjectID"),
    };
    let class = TypeObject::new(name, module, vec![base], None);
    CLASSES.with(|c| c.borrow_mut().insert(name, class.clone()));
    class
}

impl PyObject for ObjectId {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        let (module, name) = self.class_name();
        id_class(module, name)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        match name {
            "id" => return Ok(Some(Value::Int(self.handle.borrow().id()))),
            "valid" => return Ok(Some(Value::Bool(self.valid()))),
            "fileno" => {
                let info = object::info(&self.handle.borrow()).map_err(crate::value::Exc::from_hdf5)?;
                return Ok(Some(Value::Int(info.fileno as i64)));
            }
            "links" if matches!(self.kind, IdKind::Group | IdKind::File) => {
                return Ok(Some(Value::object(super::linkproxy::LinkProxy { group: self.handle() })))
            }
            _ => {}
        }
        super::lowlevel::id_attribute(vm, self, this, name)
    }

    fn dir(&self) -> Vec<String> {
        super::lowlevel::id_method_names(self.kind).iter().map(|s| s.to_string()).collect()
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.valid()))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let Some(other) = other.downcast::<ObjectId>() else { return Ok(None) };
        Ok(Some(Value::Bool(self.same_as(other) == (op == CmpOp::Eq))))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        match object::info(&self.handle.borrow()) {
            Ok(info) => Some((info.fileno as i64).wrapping_mul(1_000_003) ^ info.address() as i64),
            Err(_) => Some(self.handle.borrow().id()),
        }
    }

    fn same_object(&self, other: &dyn PyObject) -> bool {
        other.as_any().downcast_ref::<ObjectId>().is_some_and(|o| self.same_as(o))
    }
}

impl ObjectId {
    /// h5py's identifier equality: the same object in the same open file (or the same
    /// identifier for non-file objects).
    pub fn same_as(&self, other: &ObjectId) -> bool {
        let (a, b) = (self.handle.borrow(), other.handle.borrow());
        if a.id() == b.id() {
            return true;
        }
        match (object::info(&a), object::info(&b)) {
            (Ok(x), Ok(y)) => x.fileno == y.fileno && x.token == y.token,
            _ => false,
        }
    }
}

/// Calls with no arguments allowed.
pub fn no_args(name: &str, args: &Args) -> PyResult<()> {
    crate::value::function::check_arity(name, args, 0, 0)
}
