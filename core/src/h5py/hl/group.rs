//! `h5py.Group` (and the group half of `h5py.File`): members by name and path, links,
//! creating groups and datasets, iteration in h5py's order, and the views returned by
//! `keys()`, `values()` and `items()`.

use std::rc::Rc;

use super::links::{LinkClass, LinkObject};
use super::{decode_name, encode_name, wrap, HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::{method, Signature};
use crate::hdf5::datatype::CharSet;
use crate::hdf5::link::{IndexType, IterOrder, LinkKind, LinkValue};
use crate::hdf5::plist::{PlistClass, PropertyList};
use crate::hdf5::{group as h5group, link, object, Group, Handle};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::NativeMethod;
use crate::value::iter::NativeIterator;
use crate::value::object::Args;
use crate::value::types::TypeObject;
use crate::value::Value;

/// Group methods and properties (for `dir` and completion).
pub const METHODS: &[&str] = &[
    "build_virtual_dataset",
    "copy",
    "create_dataset",
    "create_dataset_like",
    "create_group",
    "create_virtual_dataset",
    "get",
    "items",
    "keys",
    "move",
    "require_dataset",
    "require_group",
    "values",
    "visit",
    "visit_links",
    "visititems",
    "visititems_links",
];

/// `group_class()` for the Group class object.
pub fn class() -> Rc<TypeObject> {
    super::class_of(HlKind::Group)
}

/// `h5py.Group(gid)`: wraps a low-level group identifier.
pub fn construct(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let b = method("Group.__init__", args, &["bind"], 1)?;
    match b.req(0).downcast::<ObjectId>() {
        Some(id) if matches!(id.kind, IdKind::Group | IdKind::File) => Ok(HlObject::value(HlKind::Group, b.req(0).clone())),
        _ => Err(Exc::value_error(format!("{} is not a GroupID", vm.str(b.req(0))?))),
    }
}

/// The link creation property list h5py uses for assignments: intermediate groups
/// created, the name's character set recorded.
pub fn lcpl(vm: &Interp, utf8: bool) -> PyResult<PropertyList> {
    let lcpl = PropertyList::create(vm.lib(), PlistClass::LinkCreate).map_err(Exc::from_hdf5)?;
    lcpl.set_create_intermediate_group(true).map_err(Exc::from_hdf5)?;
    lcpl.set_char_encoding(if utf8 { CharSet::Utf8 } else { CharSet::Ascii }).map_err(Exc::from_hdf5)?;
    Ok(lcpl)
}

/// The index a group's members are listed by: creation order when the group tracks
/// it, names otherwise (as h5py's `GroupID.__iter__`).
fn member_index(handle: &Handle) -> IndexType {
    // A file identifier stands for its root group (H5Gget_create_plist accepts both).
    let group = Group::from_handle(handle.clone())
        .or_else(|| object::open(handle, b"/", None).ok().and_then(Group::from_handle));
    let tracked = group
        .and_then(|g| g.create_plist().ok())
        .and_then(|p| p.link_creation_order().ok())
        .is_some_and(|flags| flags & 1 != 0);
    if tracked {
        IndexType::CreationOrder
    } else {
        IndexType::Name
    }
}

/// Member names in iteration order, as raw bytes.
fn member_bytes(obj: &HlObject) -> PyResult<Vec<Vec<u8>>> {
    let handle = obj.handle();
    let links = link::list(&handle, member_index(&handle), IterOrder::Increasing).map_err(Exc::from_hdf5)?;
    Ok(links.into_iter().map(|(name, _)| name).collect())
}

/// Member names as text (for completion).
pub fn member_names(obj: &HlObject) -> PyResult<Vec<String>> {
    Ok(member_bytes(obj)?.into_iter().map(|n| String::from_utf8_lossy(&n).into_owned()).collect())
}

/// `len(group)`: the number of links in it.
pub fn len(obj: &HlObject) -> PyResult<usize> {
    // h5py asks `GroupID.get_num_objs()` (H5Gget_num_objs), whose error a closed group shows.
    Ok(h5group::num_objs(&obj.handle()).map_err(Exc::from_hdf5)? as usize)
}

/// `repr(group)`.
pub fn repr(_vm: &mut Interp, obj: &HlObject, _this: &Value) -> PyResult<String> {
    if !obj.is_open() {
        return Ok("<Closed HDF5 group>".into());
    }
    let name = match obj.shown_name(false)? {
        Some(n) => format!("\"{n}\""),
        None => "(anonymous)".into(),
    };
    Ok(format!("<HDF5 group {name} ({} members)>", len(obj)?))
}

/// `obj.parent`: `obj.file[posixpath.dirname(obj.name)]`.
pub fn parent(vm: &mut Interp, obj: &HlObject) -> PyResult<Value> {
    let Some(name) = obj.name()? else {
        return Err(Exc::value_error("Parent of an anonymous object is undefined"));
    };
    let dir = match name.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => name[..i].trim_end_matches('/').to_string(),
        None => String::new(),
    };
    let dir = if dir.is_empty() && name.starts_with('/') { "/".to_string() } else { dir };
    let file = super::file::file_of(vm, obj)?;
    let file_obj = file.downcast::<HlObject>().map(|f| f.id.clone()).unwrap_or(Value::None);
    open_member(&file_obj, dir.as_bytes())
}

/// Opens `name` relative to a group identifier and wraps it in its high-level class.
fn open_member(group_id: &Value, name: &[u8]) -> PyResult<Value> {
    let Some(id) = group_id.downcast::<ObjectId>() else { return Err(Exc::type_error("not a group")) };
    let handle = object::open(&id.handle(), name, None).map_err(Exc::from_hdf5)?;
    wrap(ObjectId::of(handle))
}

/// `group[name]`.
pub fn getitem(_vm: &mut Interp, obj: &HlObject, key: &Value) -> PyResult<Value> {
    if let Some(r) = key.downcast::<super::refs::Reference>() {
        return super::refs::open_ref(obj, r);
    }
    match key {
        Value::Str(_) | Value::Bytes(_) => {
            let (name, _) = encode_name(key)?;
            open_member(&obj.id, &name)
        }
        other => Err(Exc::type_error(format!(
            "Accessing a group is done with bytes or str, not {}",
            super::class_repr(other)
        ))),
    }
}

/// `group[name] = value`: links objects, makes soft and external links, stores
/// anything else as a new dataset.
pub fn setitem(vm: &mut Interp, obj: &HlObject, key: &Value, value: Value) -> PyResult<()> {
    let (name, utf8) = encode_name(key)?;
    let lcpl = lcpl(vm, utf8)?;
    let handle = obj.handle();
    if let Some(target) = value.downcast::<HlObject>() {
        return object::link(&target.handle(), &handle, &name, Some(&lcpl), None).map_err(Exc::from_hdf5);
    }
    if let Some(l) = value.downcast::<LinkObject>() {
        match l.class {
            LinkClass::Soft => {
                let (path, _) = encode_name(&l.path)?;
                return link::create_soft(&path, &handle, &name, Some(&lcpl)).map_err(Exc::from_hdf5);
            }
            LinkClass::External => {
                let file = super::file::filename_encode(vm, &l.filename)?;
                let (path, _) = encode_name(&l.path)?;
                return link::create_external(&file, &path, &handle, &name, Some(&lcpl)).map_err(Exc::from_hdf5);
            }
            LinkClass::Hard => {}
        }
    }
    if let Some(d) = value.downcast::<crate::numpy_py::dtype::DTypeObject>() {
        return super::create::commit_type(vm, &handle, &name, &d.dtype, &lcpl);
    }
    let ds = super::create::new_dataset(vm, &handle, None, super::create::DatasetSpec::from_data(value))?;
    object::link(ds.handle(), &handle, &name, Some(&lcpl), None).map_err(Exc::from_hdf5)
}

/// `del group[name]`.
pub fn delitem(_vm: &mut Interp, obj: &HlObject, key: &Value) -> PyResult<()> {
    let (name, _) = encode_name(key)?;
    h5group::unlink(&obj.handle(), &name).map_err(Exc::from_hdf5)
}

/// `name in group`: h5py's `_path_valid` — every component must be a link, and every
/// component but the last an object to descend into.
pub fn contains(_vm: &mut Interp, obj: &HlObject, item: &Value) -> PyResult<bool> {
    let (name, _) = encode_name(item)?;
    if !obj.is_open() {
        return Ok(false);
    }
    let path = String::from_utf8_lossy(&name).into_owned();
    if path.is_empty() {
        return Ok(false);
    }
    let parts: Vec<&str> = path.split('/').collect();
    let mut current = if parts[0].is_empty() {
        object::open(&obj.handle(), b"/", None).map_err(Exc::from_hdf5)?
    } else {
        obj.handle()
    };
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    for (i, part) in parts.iter().enumerate() {
        if *part == "." {
            continue;
        }
        if !link::exists(&current, part.as_bytes(), None).map_err(Exc::from_hdf5)? {
            return Ok(false);
        }
        if i == parts.len() - 1 {
            return Ok(true);
        }
        match object::open(&current, part.as_bytes(), None) {
            Ok(next) => current = next,
            Err(_) => return Ok(false),
        }
    }
    Ok(true)
}

/// `iter(group)`: member names (a generator in h5py).
pub fn iter(_vm: &mut Interp, obj: &HlObject) -> PyResult<Value> {
    // A generator, as h5py's: the group is read on the first `next`, and a closed
    // group fails there with `GroupID.get_num_objs()`'s error.
    let obj = HlObject { kind: obj.kind, id: obj.id.clone() };
    let mut names: Option<std::vec::IntoIter<Vec<u8>>> = None;
    let inner = NativeIterator::value("generator", move |_vm| {
        if names.is_none() {
            len(&obj)?;
            names = Some(member_bytes(&obj)?.into_iter());
        }
        Ok(names.as_mut().and_then(Iterator::next).map(decode_name))
    });
    Ok(super::method::generator("Group.__iter__", inner))
}

/// Group attributes and methods; `None` for unknown names.
pub fn getattr(_vm: &mut Interp, _obj: &HlObject, this: &Value, name: &str) -> PyResult<Option<Value>> {
    if METHODS.contains(&name) {
        return Ok(Some(NativeMethod::value(this, name, call_method)));
    }
    Ok(None)
}

fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(obj) = this.downcast::<HlObject>() else { return Ok(Value::None) };
    match name {
        "create_group" => create_group(vm, obj, args),
        "require_group" => {
            let b = method("Group.require_group", args, &["name"], 1)?;
            if !contains(vm, obj, b.req(0))? {
                return create_group(vm, obj, Args::positional(vec![b.req(0).clone()]));
            }
            let found = getitem(vm, obj, b.req(0))?;
            match found.downcast::<HlObject>().map(|o| o.kind) {
                Some(HlKind::Group | HlKind::File) => Ok(found),
                Some(kind) => Err(Exc::type_error(format!(
                    "Incompatible object ({}) already exists",
                    super::class_of(kind).name
                ))),
                None => Ok(found),
            }
        }
        "create_dataset" => super::create::create_dataset(vm, obj, args),
        "create_dataset_like" => create_dataset_like(vm, this, args),
        "require_dataset" => super::create::require_dataset(vm, obj, args),
        "get" => get(vm, obj, args),
        "keys" | "values" | "items" => {
            method(&format!("Group.{name}"), args, &[], 0)?;
            Ok(super::views::view(name, this.clone()))
        }
        "visit" | "visititems" => visit(vm, obj, name, args),
        "visit_links" | "visititems_links" => visit_links(vm, this, obj, name, args),
        "move" => move_link(vm, obj, args),
        "copy" => super::copy::copy(vm, obj, args),
        _ => Err(Exc::not_implemented(format!("h5py.Group.{name}"))),
    }
}

fn create_group(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let b = method("Group.create_group", args, &["name", "track_order"], 1)?;
    let (name, utf8) = encode_name(b.req(0))?;
    let lcpl = lcpl(vm, utf8)?;
    let gcpl = match b.get(1) {
        Some(v) if vm.truthy(v)? => {
            let gcpl = PropertyList::create(vm.lib(), PlistClass::GroupCreate).map_err(Exc::from_hdf5)?;
            gcpl.set_link_creation_order(3).map_err(Exc::from_hdf5)?;
            gcpl.set_attr_creation_order(3).map_err(Exc::from_hdf5)?;
            Some(gcpl)
        }
        _ => None,
    };
    let g = Group::create(&obj.handle(), &name, Some(&lcpl), gcpl.as_ref()).map_err(Exc::from_hdf5)?;
    Ok(HlObject::value(HlKind::Group, ObjectId::value(IdKind::Group, g.handle().clone())))
}

fn get(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let sig = Signature {
        name: "Group.get",
        params: &["name", "default", "getclass", "getlink", "elink_mode", "elink_locking", "elink_swmr"],
        required: 1,
        method: true,
        var_keywords: false,
    };
    let b = sig.bind(args)?;
    let default = b.get(1).cloned().unwrap_or(Value::None);
    let getclass = match b.get(2) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let getlink = match b.get(3) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if b.get(4).is_some() || b.get(5).is_some() || b.get(6).is_some() {
        return Err(Exc::not_implemented("h5py.Group.get(elink_mode/elink_locking/elink_swmr=...)"));
    }
    let key = b.req(0);
    if !(getclass || getlink) {
        return match getitem(vm, obj, key) {
            Ok(v) => Ok(v),
            Err(e) if e.is(crate::value::exception::ExcKind::KeyError) => Ok(default),
            Err(e) => Err(e),
        };
    }
    if !contains(vm, obj, key)? {
        return Ok(default);
    }
    let (name, _) = encode_name(key)?;
    let handle = obj.handle();
    if !getlink {
        let info = object::info_by_name(&handle, &name, None).map_err(Exc::from_hdf5)?;
        return Ok(match info.kind {
            object::ObjectType::Group => Value::Object(super::class_of(HlKind::Group)),
            object::ObjectType::Dataset => Value::Object(super::class_of(HlKind::Dataset)),
            object::ObjectType::NamedDatatype => Value::Object(super::class_of(HlKind::Datatype)),
            _ => return Err(Exc::type_error("Unknown object type")),
        });
    }
    let info = link::info(&handle, &name, None).map_err(Exc::from_hdf5)?;
    let class = match info.kind {
        LinkKind::Hard => LinkClass::Hard,
        LinkKind::Soft => LinkClass::Soft,
        LinkKind::External => LinkClass::External,
        LinkKind::UserDefined(_) => return Err(Exc::type_error("Unknown link type")),
    };
    if getclass {
        return Ok(Value::Object(super::links::class_of(class)));
    }
    if class == LinkClass::Hard {
        return Ok(Value::object(LinkObject { class: LinkClass::Hard, path: Value::None, filename: Value::None }));
    }
    Ok(match link::value(&handle, &name, None).map_err(Exc::from_hdf5)? {
        LinkValue::Soft(path) => super::links::soft(decode_name(path)),
        LinkValue::External { file, path } => {
            super::links::external(Value::str(String::from_utf8_lossy(&file)), decode_name(path))
        }
        LinkValue::Other(_) => {
            Value::object(LinkObject { class: LinkClass::Hard, path: Value::None, filename: Value::None })
        }
    })
}

/// `visit(func)` / `visititems(func)`: calls `func(name)` or `func(name, obj)` for every
/// object below the group (each object once), stopping at the first non-None result.
fn visit(vm: &mut Interp, obj: &HlObject, which: &str, args: Args) -> PyResult<Value> {
    let b = method(&format!("Group.{which}"), args, &["func"], 1)?;
    let func = b.req(0).clone();
    let handle = obj.handle();
    let entries = object::visit(&handle, IndexType::Name, IterOrder::Increasing).map_err(Exc::from_hdf5)?;
    for (name, _) in entries {
        if name == b"." {
            continue;
        }
        let name_value = decode_name(name.clone());
        let result = if which == "visit" {
            vm.call(&func, Args::positional(vec![name_value]))?
        } else {
            let member = open_member(&obj.id, &name)?;
            vm.call(&func, Args::positional(vec![name_value, member]))?
        };
        if !matches!(result, Value::None) {
            return Ok(result);
        }
    }
    Ok(Value::None)
}

/// `visit_links(func)` / `visititems_links(func)`: calls `func(name)` or
/// `func(name, link)` for every link below the group (`self.id.links.visit`, names in
/// lexicographic order), stopping at the first non-None result.
fn visit_links(vm: &mut Interp, this: &Value, obj: &HlObject, which: &str, args: Args) -> PyResult<Value> {
    let b = method(&format!("Group.{which}"), args, &["func"], 1)?;
    let func = b.req(0).clone();
    let entries = link::visit(&obj.handle(), IndexType::Name, IterOrder::Increasing).map_err(Exc::from_hdf5)?;
    for (name, _) in entries {
        let name_value = decode_name(name);
        let result = if which == "visit_links" {
            vm.call(&func, Args::positional(vec![name_value]))?
        } else {
            let mut get_args = Args::positional(vec![name_value.clone()]);
            get_args.keywords.push(("getlink".into(), Value::Bool(true)));
            let found = call_method(vm, this, "get", get_args)?;
            vm.call(&func, Args::positional(vec![name_value, found]))?
        };
        if !matches!(result, Value::None) {
            return Ok(result);
        }
    }
    Ok(Value::None)
}

/// `move(source, dest)`: renames a link within the file (`H5Lmove`); nothing when
/// both names are the same.
fn move_link(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let b = method("Group.move", args, &["source", "dest"], 2)?;
    if vm.eq(b.req(0), b.req(1))? {
        return Ok(Value::None);
    }
    let (source, _) = encode_name(b.req(0))?;
    let (dest, utf8) = encode_name(b.req(1))?;
    let lcpl = lcpl(vm, utf8)?;
    let handle = obj.handle();
    link::move_link(&handle, &source, &handle, &dest, Some(&lcpl)).map_err(Exc::from_hdf5)?;
    Ok(Value::None)
}

/// `create_dataset_like(name, other, **kwupdate)`: a dataset with `other`'s shape,
/// dtype, chunks, filters, fill value, time and order tracking (and maxshape when it
/// differs from the shape), any of them overridden by keywords.
fn create_dataset_like(vm: &mut Interp, this: &Value, args: Args) -> PyResult<Value> {
    let sig = Signature { name: "Group.create_dataset_like", params: &["name", "other"], required: 2, method: true, var_keywords: true };
    let b = sig.bind(args)?;
    let other = b.req(1).clone();
    let mut keywords = b.extra.clone();
    let set_default = |keywords: &mut Vec<(Rc<str>, Value)>, key: &str, value: Value| {
        if !keywords.iter().any(|(k, _)| &**k == key) {
            keywords.push((Rc::from(key), value));
        }
    };
    for key in ["shape", "dtype", "chunks", "compression", "compression_opts", "scaleoffset", "shuffle", "fletcher32", "fillvalue"] {
        if !keywords.iter().any(|(k, _)| &**k == key) {
            let value = vm.getattr(&other, key)?;
            set_default(&mut keywords, key, value);
        }
    }
    let Some(source) = other.downcast::<HlObject>() else {
        return Err(Exc::attribute_error(format!("'{}' object has no attribute 'id'", crate::value::object::type_display_name(&other))));
    };
    let dcpl = super::dataset::handle(source).create_plist().map_err(Exc::from_hdf5)?;
    set_default(&mut keywords, "track_times", Value::Bool(dcpl.obj_track_times().map_err(Exc::from_hdf5)?));
    set_default(&mut keywords, "track_order", Value::Bool(dcpl.attr_creation_order().map_err(Exc::from_hdf5)? > 0));
    let (shape, maxshape) = (vm.getattr(&other, "shape")?, vm.getattr(&other, "maxshape")?);
    if !vm.eq(&maxshape, &shape)? {
        set_default(&mut keywords, "maxshape", maxshape);
    }
    vm.call_method(this, "create_dataset", Args { positional: vec![b.req(0).clone()], keywords })
}

/// Whether a value is an open or closed group-like high-level object.
pub fn is_group(value: &Value) -> bool {
    value.downcast::<HlObject>().is_some_and(|o| matches!(o.kind, HlKind::Group | HlKind::File))
}
