//! h5py's low-level modules (`h5py.h5f`, `h5g`, `h5d`, `h5o`, `h5s`, `h5t`, `h5p`,
//! `h5i`, `h5l`, `h5a`, `h5z`, `h5`) and the methods of their identifier classes.

use std::any::Any;
use std::rc::Rc;

use super::cyargs::{bind, bytes, object_id, optional_id};
use super::ids::{id_class, no_args, IdKind, ObjectId};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::hdf5::dataspace::Dataspace;
use crate::hdf5::file::access;
use crate::hdf5::link::LinkInfo;
use crate::hdf5::plist::{PlistClass, PropertyList};
use crate::hdf5::{group, object, Dataset, Datatype, File, Group};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{Help, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::TypeObject;
use crate::value::Value;

/// A property list argument (`lcpl=`, `fapl=`...): None or a property list ID.
pub fn plist_arg(slot: &Option<Value>, name: &str) -> PyResult<Option<PropertyList>> {
    match optional_id(slot, name)? {
        Some(id) => Ok(PropertyList::from_handle(id.handle())),
        None => Ok(None),
    }
}

fn help(signature: &str, c_function: &str, doc: &str) -> Help {
    Help { signature: Some(signature.to_string()), doc: Some(format!("{doc}\n\nWraps {c_function}.")) }
}

/// `h5py.h5f`.
pub fn h5f(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.h5f", Some("Low-level operations on HDF5 file objects."));
    for (name, value) in [
        ("ACC_RDONLY", access::RDONLY),
        ("ACC_RDWR", access::RDWR),
        ("ACC_TRUNC", access::TRUNC),
        ("ACC_EXCL", access::EXCL),
        ("ACC_SWMR_WRITE", access::SWMR_WRITE),
        ("ACC_SWMR_READ", access::SWMR_READ),
        ("OBJ_FILE", crate::hdf5::file::objects::FILE),
        ("OBJ_DATASET", crate::hdf5::file::objects::DATASET),
        ("OBJ_GROUP", crate::hdf5::file::objects::GROUP),
        ("OBJ_DATATYPE", crate::hdf5::file::objects::DATATYPE),
        ("OBJ_ATTR", crate::hdf5::file::objects::ATTR),
        ("OBJ_ALL", crate::hdf5::file::objects::ALL),
        ("OBJ_LOCAL", crate::hdf5::file::objects::LOCAL),
    ] {
        m.set(name, Value::Int(value as i64));
    }
    m.set("UNLIMITED", Value::Int(-1));
    m.function_with_help("open", help("open(name, flags=ACC_RDWR, fapl=None)", "H5Fopen", "Open an existing HDF5 file."), |vm, args| {
        let s = bind("open", args, &["name"], &["flags", "fapl"])?;
        let name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
        let flags = match &s[1] {
            Some(v) => vm.index_value(v, "an integer is required")? as u32,
            None => access::RDWR,
        };
        let fapl = plist_arg(&s[2], "fapl")?;
        let f = File::open(vm.lib(), &*name, flags, fapl.as_ref()).map_err(Exc::from_hdf5)?;
        Ok(ObjectId::value(IdKind::File, f.handle().clone()))
    });
    m.function_with_help(
        "create",
        help("create(name, flags=ACC_TRUNC, fcpl=None, fapl=None)", "H5Fcreate", "Create a new HDF5 file."),
        |vm, args| {
            let s = bind("create", args, &["name"], &["flags", "fcpl", "fapl"])?;
            let name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
            let flags = match &s[1] {
                Some(v) => vm.index_value(v, "an integer is required")? as u32,
                None => access::TRUNC,
            };
            let fcpl = plist_arg(&s[2], "fcpl")?;
            let fapl = plist_arg(&s[3], "fapl")?;
            let f = File::create(vm.lib(), &*name, flags, fcpl.as_ref(), fapl.as_ref()).map_err(Exc::from_hdf5)?;
            Ok(ObjectId::value(IdKind::File, f.handle().clone()))
        },
    );
    m.function("get_name", |_vm, args| {
        let s = bind("get_name", args, &["obj"], &[])?;
        let id = object_id(s[0].as_ref().unwrap_or(&Value::None), "obj")?;
        Ok(Value::bytes(crate::hdf5::file::file_name(&id.handle()).map_err(Exc::from_hdf5)?))
    });
    m.function("flush", |_vm, args| {
        let s = bind("flush", args, &["obj"], &["scope"])?;
        let id = object_id(s[0].as_ref().unwrap_or(&Value::None), "obj")?;
        crate::hdf5::file::flush_object(&id.handle(), crate::hdf5::file::FlushScope::Local).map_err(Exc::from_hdf5)?;
        Ok(Value::None)
    });
    m.function("is_hdf5", |vm, args| {
        let s = bind("is_hdf5", args, &["name"], &["fapl"])?;
        let name = bytes(s[0].as_ref().unwrap_or(&Value::None))?;
        Ok(Value::Bool(File::is_accessible(vm.lib(), &*name, None).map_err(Exc::from_hdf5)?))
    });
    Ok(Value::object(m))
}

/// `h5py.h5g`.
pub fn h5g(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.h5g", Some("Low-level HDF5 \"H5G\" group interface."));
    m.function_with_help(
        "open",
        help("open(loc, name, gapl=None)", "H5Gopen2: hid_t H5Gopen2(hid_t loc_id, const char *name, hid_t gapl_id)", "Open an existing HDF5 group, attached to some other group."),
        |_vm, args| {
            let s = bind("open", args, &["loc", "name"], &["gapl"])?;
            let loc = object_id(s[0].as_ref().unwrap_or(&Value::None), "loc")?;
            let name = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
            let g = Group::open(&loc.handle(), &*name).map_err(Exc::from_hdf5)?;
            Ok(ObjectId::value(IdKind::Group, g.handle().clone()))
        },
    );
    m.function_with_help("create", help("create(loc, name, lcpl=None, gcpl=None)", "H5Gcreate2", "Create a new group."), |_vm, args| {
        let s = bind("create", args, &["loc", "name"], &["lcpl", "gcpl"])?;
        let loc = object_id(s[0].as_ref().unwrap_or(&Value::None), "loc")?;
        let name = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
        let lcpl = plist_arg(&s[2], "lcpl")?;
        let gcpl = plist_arg(&s[3], "gcpl")?;
        let g = Group::create(&loc.handle(), &*name, lcpl.as_ref(), gcpl.as_ref()).map_err(Exc::from_hdf5)?;
        Ok(ObjectId::value(IdKind::Group, g.handle().clone()))
    });
    Ok(Value::object(m))
}

/// `h5py.h5o`.
pub fn h5o(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.h5o", Some("Module for HDF5 \"H5O\" functions."));
    m.function_with_help("open", help("open(loc, name, lapl=None)", "H5Oopen", "Open a group, dataset, or named datatype attached to an existing group."), |_vm, args| {
        let s = bind("open", args, &["loc", "name"], &["lapl"])?;
        let loc = object_id(s[0].as_ref().unwrap_or(&Value::None), "loc")?;
        let name = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
        let lapl = plist_arg(&s[2], "lapl")?;
        Ok(ObjectId::of(object::open(&loc.handle(), &*name, lapl.as_ref()).map_err(Exc::from_hdf5)?))
    });
    Ok(Value::object(m))
}

/// `h5py.h5d`.
pub fn h5d(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.h5d", Some("Provides access to the low-level HDF5 \"H5D\" dataset interface."));
    for (name, v) in [("COMPACT", 0), ("CONTIGUOUS", 1), ("CHUNKED", 2), ("VIRTUAL", 3)] {
        m.set(name, Value::Int(v));
    }
    m.function_with_help("open", help("open(loc, name, dapl=None)", "H5Dopen2", "Open an existing dataset attached to a group or file object."), |_vm, args| {
        let s = bind("open", args, &["loc", "name"], &["dapl"])?;
        let loc = object_id(s[0].as_ref().unwrap_or(&Value::None), "loc")?;
        let name = bytes(s[1].as_ref().unwrap_or(&Value::None))?;
        let dapl = plist_arg(&s[2], "dapl")?;
        let d = Dataset::open(&loc.handle(), &*name, dapl.as_ref()).map_err(Exc::from_hdf5)?;
        Ok(ObjectId::value(IdKind::Dataset, d.handle().clone()))
    });
    Ok(Value::object(m))
}

/// `h5py.h5`.
pub fn h5_module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.h5", Some("Common support and versioning module for the h5py HDF5 interface."));
    let (major, minor, release) = crate::hdf5::library_version(vm.lib());
    m.function("get_libversion", move |_vm, _args| {
        Ok(Value::tuple(vec![Value::Int(major as i64), Value::Int(minor as i64), Value::Int(release as i64)]))
    });
    Ok(Value::object(m))
}

/// Builds one low-level module by name (`h5f`, `h5g`, ...).
pub fn submodule(vm: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "h5f" => h5f(vm)?,
        "h5g" => h5g(vm)?,
        "h5o" => h5o(vm)?,
        "h5d" => h5d(vm)?,
        "h5" => h5_module(vm)?,
        _ => return Ok(None),
    }))
}

/// The low-level modules h5py has (created at `import h5py`).
pub const SUBMODULES: &[&str] = &["h5", "h5d", "h5f", "h5g", "h5o"];

/// Method names of an identifier class (for `dir` and completion).
pub fn id_method_names(kind: IdKind) -> &'static [&'static str] {
    match kind {
        IdKind::File => &["get_filesize", "get_freespace", "get_intent", "get_num_objs", "get_objname_by_idx", "links"],
        IdKind::Group => &["get_num_objs", "get_objname_by_idx", "links"],
        IdKind::Dataset => &["get_create_plist", "get_offset", "get_space", "get_storage_size", "get_type", "rank", "shape"],
        _ => &[],
    }
}

/// An attribute of a low-level identifier object (its methods and properties).
pub fn id_attribute(vm: &mut Interp, id: &ObjectId, this: &Value, name: &str) -> PyResult<Option<Value>> {
    let _ = vm;
    if name == "shape" && id.kind == IdKind::Dataset {
        let d = Dataset::from_handle(id.handle()).ok_or_else(|| Exc::value_error("Not a dataset"))?;
        let dims = d.space().map_err(Exc::from_hdf5)?.dims().map_err(Exc::from_hdf5)?;
        return Ok(Some(Value::tuple(dims.into_iter().map(|n| Value::Int(n as i64)).collect())));
    }
    if name == "rank" && id.kind == IdKind::Dataset {
        let d = Dataset::from_handle(id.handle()).ok_or_else(|| Exc::value_error("Not a dataset"))?;
        return Ok(Some(Value::Int(d.space().map_err(Exc::from_hdf5)?.rank().map_err(Exc::from_hdf5)? as i64)));
    }
    if id_method_names(id.kind).contains(&name) {
        return Ok(Some(NativeMethod::value(this, name, id_method)));
    }
    Ok(None)
}

fn dataset_of(id: &ObjectId) -> Dataset {
    Dataset::from_handle(id.handle()).unwrap_or_else(|| {
        // A closed identifier: keep the handle so HDF5 reports the bad id itself.
        Dataset::from_handle_unchecked(id.handle())
    })
}

fn id_method(_vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(id) = this.downcast::<ObjectId>() else { return Ok(Value::None) };
    Ok(match (id.kind, name) {
        (IdKind::Dataset, "get_storage_size") => {
            no_args(name, &args)?;
            Value::Int(dataset_of(id).storage_size().map_err(Exc::from_hdf5)? as i64)
        }
        (IdKind::Dataset, "get_offset") => {
            no_args(name, &args)?;
            match dataset_of(id).offset().map_err(Exc::from_hdf5)? {
                crate::hdf5::dataset::UNDEFINED_ADDRESS => Value::None,
                offset => Value::Int(offset as i64),
            }
        }
        (IdKind::Dataset, "get_space") => {
            no_args(name, &args)?;
            ObjectId::value(IdKind::Dataspace, dataset_of(id).space().map_err(Exc::from_hdf5)?.handle().clone())
        }
        (IdKind::Dataset, "get_type") => {
            no_args(name, &args)?;
            ObjectId::value(IdKind::Datatype, dataset_of(id).datatype().map_err(Exc::from_hdf5)?.handle().clone())
        }
        (IdKind::Dataset, "get_create_plist") => {
            no_args(name, &args)?;
            ObjectId::value(IdKind::PropertyList, dataset_of(id).create_plist().map_err(Exc::from_hdf5)?.handle().clone())
        }
        (IdKind::Group | IdKind::File, "get_num_objs") => {
            no_args(name, &args)?;
            Value::Int(group::info(&id.handle()).map_err(Exc::from_hdf5)?.links as i64)
        }
        (IdKind::File, "get_filesize") => {
            no_args(name, &args)?;
            let f = File::from_handle(id.handle()).ok_or_else(|| Exc::value_error("Not a file"))?;
            Value::Int(f.size().map_err(Exc::from_hdf5)? as i64)
        }
        (IdKind::File, "get_intent") => {
            no_args(name, &args)?;
            let f = File::from_handle(id.handle()).ok_or_else(|| Exc::value_error("Not a file"))?;
            Value::Int(f.intent().map_err(Exc::from_hdf5)? as i64)
        }
        _ => return Err(Exc::not_implemented(format!("{}.{name}", id.class().qualified_name()))),
    })
}

/// `h5py.h5l.LinkInfo`.
pub struct LinkInfoObject {
    /// The info.
    pub info: LinkInfo,
}

impl PyObject for LinkInfoObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        id_class("h5py.h5l", "LinkInfo")
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "type" => Value::Int(super::linkproxy::link_type_code(self.info.kind)),
            "corder_valid" => Value::Bool(self.info.creation_order.is_some()),
            "corder" => Value::Int(self.info.creation_order.unwrap_or(0)),
            "cset" => Value::Int(matches!(self.info.cset, crate::hdf5::datatype::CharSet::Utf8) as i64),
            "u" => Value::Int(if self.info.kind == crate::hdf5::link::LinkKind::Hard {
                u64::from_le_bytes(self.info.token[..8].try_into().unwrap_or([0; 8])) as i64
            } else {
                self.info.value_size as i64
            }),
            _ => return Ok(None),
        }))
    }
}

/// A dataspace identifier object.
pub fn space_value(space: Dataspace) -> Value {
    ObjectId::value(IdKind::Dataspace, space.handle().clone())
}

/// A datatype identifier object.
pub fn type_value(ty: Datatype) -> Value {
    ObjectId::value(IdKind::Datatype, ty.handle().clone())
}

/// A property-list identifier object of a class.
pub fn new_plist(vm: &Interp, class: PlistClass) -> PyResult<PropertyList> {
    PropertyList::create(vm.lib(), class).map_err(Exc::from_hdf5)
}
