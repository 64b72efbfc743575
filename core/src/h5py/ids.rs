//! h5py's low-level identifier objects (`h5py.h5f.FileID`, `h5py.h5g.GroupID`,
//! `h5py.h5d.DatasetID`, `h5py.h5t.TypeIntegerID`, `h5py.h5p.PropDCID`, ...): one Rust
//! type, [`ObjectId`], whose class is fixed when it is made from the kind of HDF5
//! identifier it holds, as h5py's `wrap_identifier`/`typewrap`/`propwrap` choose it.
//! Its attributes are the recorded class's ([`super::lowlevel::dispatch`]); this file
//! has what every `ObjectID` shares: `id`, `valid`, `fileno`, `locked`, `close()`,
//! truth, equality and hashing by h5py's rules.

use std::any::Any;
use std::rc::Rc;
use std::cell::RefCell;

use super::cyargs::bind;
use super::lowlevel::classes::class_object;
use super::lowlevel::dispatch::{self, Outcome};
use super::lowlevel::h5g;
use crate::eval::Interp;
use crate::hdf5::datatype::TypeClass;
use crate::hdf5::ident::IdType;
use crate::hdf5::plist::PlistClass;
use crate::hdf5::{group, Datatype, Handle, PropertyList};
use crate::syntax::ast::CmpOp;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
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
    /// `h5py.h5p.Prop*ID` (a property list).
    PropertyList,
    /// `h5py.h5p.PropClassID` (a property list class).
    PropertyListClass,
}

/// A low-level identifier object.
pub struct ObjectId {
    /// The kind.
    pub kind: IdKind,
    /// The HDF5 identifier (released when the last reference goes).
    pub handle: RefCell<Handle>,
    /// h5py's class for it (`h5py.h5t.TypeFloatID`), fixed at creation.
    qualname: &'static str,
    /// A library-owned identifier h5py locks (`h5s.ALL`, `h5t.STD_I32LE`,
    /// `h5p.FILE_CREATE`): never closed, always valid.
    constant: bool,
}

impl ObjectId {
    /// An identifier object of `kind` for `handle`.
    pub fn value(kind: IdKind, handle: Handle) -> Value {
        let qualname = class_name(kind, &handle);
        Value::object(ObjectId { kind, handle: RefCell::new(handle), qualname, constant: false })
    }

    /// An identifier object of the class `qualname` for `handle` (calling the class
    /// itself: `h5py.h5d.DatasetID(hid)`).
    pub fn with_class(handle: Handle, qualname: &'static str) -> Value {
        let kind = kind_of(&handle);
        Value::object(ObjectId { kind, handle: RefCell::new(handle), qualname, constant: false })
    }

    /// An identifier object of the kind HDF5 says `handle` is (h5py's
    /// `wrap_identifier`).
    pub fn of(handle: Handle) -> Value {
        let kind = kind_of(&handle);
        ObjectId::value(kind, handle)
    }

    /// A locked, library-owned identifier (module constants such as `h5t.STD_I32LE`).
    pub fn constant(kind: IdKind, handle: Handle, qualname: &'static str) -> Value {
        Value::object(ObjectId { kind, handle: RefCell::new(handle), qualname, constant: true })
    }

    /// The identifier to pass to HDF5: this one while it is open, else 0 — what h5py's
    /// closed identifiers hold, so HDF5 reports on them exactly as it does for h5py.
    pub fn handle(&self) -> Handle {
        let handle = self.handle.borrow();
        if self.constant || handle.is_valid() {
            handle.clone()
        } else {
            Handle::null()
        }
    }

    /// Whether the identifier is still open (constants always are).
    pub fn valid(&self) -> bool {
        self.constant || self.handle.borrow().is_valid()
    }

    /// Whether h5py locks the identifier (constants; a file identifier while open).
    pub fn locked(&self) -> bool {
        self.constant || (self.kind == IdKind::File && self.handle.borrow().is_valid())
    }

    /// h5py's qualified class name (`h5py.h5d.DatasetID`).
    pub fn qualname(&self) -> &'static str {
        self.qualname
    }

    /// The `id` attribute: the integer identifier, 0 once closed.
    pub fn hid(&self) -> i64 {
        if self.valid() {
            self.handle.borrow().id()
        } else {
            0
        }
    }

    /// `close()`: releases this reference (constants stay).
    pub fn close(&self) -> PyResult<()> {
        if self.constant {
            return Ok(());
        }
        let mut handle = self.handle.borrow_mut();
        if self.kind == IdKind::File && handle.is_valid() {
            let mut file = crate::hdf5::File::from_handle_unchecked(handle.clone());
            file.close().map_err(Exc::from_hdf5)?;
        }
        handle.close().map_err(Exc::from_hdf5)
    }

    /// The `(fileno, objno)` pairs `H5Gget_objinfo` reports, h5py's identity of a
    /// file-resident object.
    fn object_key(&self) -> Option<[u64; 4]> {
        if self.kind == IdKind::Attribute {
            // An attribute is known by the object it is attached to.
            let info = crate::hdf5::object::info(&self.handle()).ok()?;
            return Some([info.fileno, 0, info.address(), 0]);
        }
        let stat = group::objinfo(&self.handle(), b".", false).ok()?;
        Some([stat.fileno[0], stat.fileno[1], stat.objno[0], stat.objno[1]])
    }

    /// h5py's identifier equality: the same identifier, or (for file-resident objects)
    /// the same object of the same open file.
    pub fn same_as(&self, other: &ObjectId) -> bool {
        if self.hid() == other.hid() {
            return true;
        }
        match (self.object_key(), other.object_key()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

/// What HDF5 says an identifier is, as h5py's classes distinguish it.
fn kind_of(handle: &Handle) -> IdKind {
    match handle.id_type() {
        IdType::File => IdKind::File,
        IdType::Group => IdKind::Group,
        IdType::Dataset => IdKind::Dataset,
        IdType::Datatype => IdKind::Datatype,
        IdType::Dataspace => IdKind::Dataspace,
        IdType::Attribute => IdKind::Attribute,
        IdType::PropertyListClass => IdKind::PropertyListClass,
        _ => IdKind::PropertyList,
    }
}

fn class_name(kind: IdKind, handle: &Handle) -> &'static str {
    match kind {
        IdKind::File => "h5py.h5f.FileID",
        IdKind::Group => "h5py.h5g.GroupID",
        IdKind::Dataset => "h5py.h5d.DatasetID",
        IdKind::Attribute => "h5py.h5a.AttrID",
        IdKind::Dataspace => "h5py.h5s.SpaceID",
        IdKind::PropertyListClass => "h5py.h5p.PropClassID",
        IdKind::PropertyList => match PropertyList::from_handle(handle.clone()).and_then(|p| p.class_of_list().ok().flatten()) {
            Some(PlistClass::FileCreate) => "h5py.h5p.PropFCID",
            Some(PlistClass::FileAccess) => "h5py.h5p.PropFAID",
            Some(PlistClass::DatasetCreate) => "h5py.h5p.PropDCID",
            Some(PlistClass::DatasetAccess) => "h5py.h5p.PropDAID",
            Some(PlistClass::DatasetTransfer) => "h5py.h5p.PropDXID",
            Some(PlistClass::ObjectCopy) => "h5py.h5p.PropCopyID",
            Some(PlistClass::LinkCreate) => "h5py.h5p.PropLCID",
            Some(PlistClass::LinkAccess) => "h5py.h5p.PropLAID",
            Some(PlistClass::GroupCreate) => "h5py.h5p.PropGCID",
            Some(PlistClass::DatatypeCreate) => "h5py.h5p.PropTCID",
            Some(PlistClass::ObjectCreate) => "h5py.h5p.PropOCID",
            _ => "h5py.h5p.PropInstanceID",
        },
        IdKind::Datatype => type_class_name(Datatype::from_handle(handle.clone()).and_then(|t| t.class().ok())),
    }
}

/// h5py's `TypeID` subclass for a type class (`typewrap`).
pub fn type_class_name(class: Option<TypeClass>) -> &'static str {
    match class {
        Some(TypeClass::Integer) => "h5py.h5t.TypeIntegerID",
        Some(TypeClass::Float) => "h5py.h5t.TypeFloatID",
        Some(TypeClass::String) => "h5py.h5t.TypeStringID",
        Some(TypeClass::Bitfield) => "h5py.h5t.TypeBitfieldID",
        Some(TypeClass::Opaque) => "h5py.h5t.TypeOpaqueID",
        Some(TypeClass::Compound) => "h5py.h5t.TypeCompoundID",
        Some(TypeClass::Reference) => "h5py.h5t.TypeReferenceID",
        Some(TypeClass::Enum) => "h5py.h5t.TypeEnumID",
        Some(TypeClass::VarLen) => "h5py.h5t.TypeVlenID",
        Some(TypeClass::Array) => "h5py.h5t.TypeArrayID",
        Some(TypeClass::Time) => "h5py.h5t.TypeTimeID",
        Some(TypeClass::Complex) => "h5py.h5t.TypeComplexID",
        None => "h5py.h5t.TypeID",
    }
}

/// h5py's class for a low-level identifier (`FileID` derives from `GroupID`, every type
/// class from `TypeID`, all from `h5py._objects.ObjectID`).
pub fn id_class(module: &str, name: &str) -> Rc<TypeObject> {
    class_object(&format!("{module}.{name}"))
}

impl PyObject for ObjectId {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        class_object(self.qualname)
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__doc__" {
            return Ok(Some(self.class().doc.as_deref().map_or(Value::None, Value::str)));
        }
        match dispatch::instance_attribute(vm, this, self.qualname, name)? {
            Some(v) => Ok(Some(v)),
            None if name.starts_with("__") => Ok(None),
            None => Err(dispatch::attribute_error(self.qualname, name)),
        }
    }

    fn dir(&self) -> Vec<String> {
        super::lowlevel::api::member_names(self.qualname)
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.valid()))
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        match self.kind {
            IdKind::Group | IdKind::File => h5g::len(self).map(Some),
            _ => Ok(None),
        }
    }

    fn contains(&self, _vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        match self.kind {
            IdKind::Group | IdKind::File => h5g::contains(self, item).map(Some),
            _ => Err(Exc::type_error(format!("argument of type '{}' is not iterable", self.qualname))),
        }
    }

    fn iter(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        if !matches!(self.kind, IdKind::Group | IdKind::File) {
            return Err(Exc::type_error(format!("'{}' object is not iterable", self.qualname)));
        }
        let mut names = h5g::names(self)?.into_iter();
        Ok(crate::value::iter::NativeIterator::value("GroupIter", move |_vm| Ok(names.next())))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        if self.kind == IdKind::PropertyListClass {
            // h5py 3.16's PropClassID.__richcmp__ calls a method its base lacks.
            return Err(Exc::attribute_error("type object 'h5py.h5p.PropID' has no attribute '__richcmp__'"));
        }
        let Some(other) = other.downcast::<ObjectId>() else {
            return Ok(Some(Value::Bool(op == CmpOp::NotEq)));
        };
        let equal = if self.kind == IdKind::Datatype {
            other.kind == IdKind::Datatype && super::lowlevel::h5t::types_equal(self, other)
        } else if self.kind == IdKind::PropertyList {
            other.qualname == self.qualname && super::lowlevel::h5p::lists_equal(self, other)
        } else {
            self.hid() == other.hid() || self.object_key().is_some_and(|k| Some(k) == other.object_key())
        };
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    fn key_equals(&self, other: &dyn PyObject) -> bool {
        other.as_any().downcast_ref::<ObjectId>().is_some_and(|o| self.same_as(o))
    }

    fn unhashable_error(&self) -> Option<String> {
        Some(match self.kind {
            IdKind::PropertyList => "Property lists are unhashable".to_string(),
            IdKind::Datatype => "Only locked or committed types can be hashed".to_string(),
            _ => format!("Objects of class {} cannot be hashed", self.class().name),
        })
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        match self.kind {
            IdKind::PropertyList => None,
            IdKind::PropertyListClass => Some(self.hid()),
            _ => match self.object_key() {
                Some(key) => Some(hash_key(&key)),
                None if self.kind == IdKind::Datatype && self.constant => Some(self.hid()),
                None => None,
            },
        }
    }
}

fn hash_key(key: &[u64; 4]) -> i64 {
    let mut h: u64 = 0x345678;
    for &k in key {
        h = (h ^ k).wrapping_mul(1_000_003);
    }
    (h >> 1) as i64
}

/// `h5py._objects.ObjectID`'s methods.
pub fn method(_vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    Some(match name {
        "close" => bind(name, args, &[], &[]).and_then(|_| id.close()).map(|_| Value::None),
        _ => return None,
    })
}

/// `h5py._objects.ObjectID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    Some(Ok(match name {
        "id" => Value::Int(id.hid()),
        "valid" => Value::Int(id.valid() as i64),
        "locked" => Value::Int(id.locked() as i64),
        "fileno" => {
            return Some(group::objinfo(&id.handle(), b".", false).map_err(Exc::from_hdf5).map(|stat| {
                Value::tuple(vec![Value::Int(stat.fileno[0] as i64), Value::Int(stat.fileno[1] as i64)])
            }))
        }
        _ => return None,
    }))
}

/// Calls with no arguments allowed.
pub fn no_args(name: &str, args: &Args) -> PyResult<()> {
    crate::value::function::check_arity(name, args, 0, 0)
}
