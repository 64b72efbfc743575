//! h5py's low-level classes as class objects (`h5py.h5d.DatasetID`, `h5py.h5t.TypeID`,
//! `h5py._objects.ObjectID`, ...), made from the recorded API: h5py's bases (so
//! `type(fid).__mro__` and `isinstance` are h5py's), docstrings, the methods as
//! unbound Cython functions and the properties as descriptors.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::api;
use super::callable::{CyFunction, GetSetDescriptor};
use crate::eval::Interp;
use crate::h5py::ids::ObjectId;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::{builtin, Constructor, TypeObject};
use crate::value::Value;

thread_local! {
    static CLASSES: RefCell<HashMap<String, Rc<TypeObject>>> = RefCell::new(HashMap::new());
}

/// Classes that can be called to make an instance.
fn constructor(qualname: &str) -> Option<Constructor> {
    api::mro(qualname).iter().any(|c| c.qualname == "h5py._objects.ObjectID").then_some(construct_id as Constructor)
}

/// `h5py.h5d.DatasetID(hid)`: an identifier object of that class for an integer
/// identifier (taking a reference of its own to it).
fn construct_id(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let given = args.positional.len();
    if given != 1 {
        return Err(Exc::type_error(format!("__cinit__() takes exactly 1 positional argument ({given} given)")));
    }
    let hid = crate::h5py::cyargs::c_int(vm, &args.positional[0], "hid_t")?;
    let qualname = api::class(&format!("{}.{}", class.module, class.name)).map_or("h5py._objects.ObjectID", |c| c.qualname.as_str());
    let handle = crate::hdf5::Handle::share(hid).map_err(Exc::from_hdf5)?;
    Ok(ObjectId::with_class(handle, qualname))
}

/// The class object of a qualified h5py class name (`h5py.h5d.DatasetID`), made on first
/// use with its bases. A name the API does not record becomes a plain class deriving
/// from `object`.
pub fn class_object(qualname: &str) -> Rc<TypeObject> {
    if let Some(t) = CLASSES.with(|c| c.borrow().get(qualname).cloned()) {
        return t;
    }
    let entry = api::class(qualname);
    let (module, name) = qualname.rsplit_once('.').unwrap_or(("builtins", qualname));
    let bases: Vec<Rc<TypeObject>> = match entry {
        Some(e) if !e.bases.is_empty() && e.bases.iter().all(|b| b != "builtins.object") => {
            e.bases.iter().map(|b| class_object(b)).collect()
        }
        _ => vec![builtin(|t| t.object.clone())],
    };
    let class = Rc::new(TypeObject {
        name: name.to_string(),
        module: module.to_string(),
        bases,
        constructor: constructor(qualname),
        attributes: RefCell::new(Vec::new()),
        doc: entry.and_then(|e| e.doc.clone()),
        extension: std::cell::Cell::new(true),
    });
    if let Some(entry) = entry {
        for (method, f) in &entry.methods {
            class.set_attribute(method, CyFunction::unbound(entry, method, f));
        }
        for (property, doc) in &entry.properties {
            class.set_attribute(property, GetSetDescriptor::value(entry, property, doc.clone()));
        }
    }
    CLASSES.with(|c| c.borrow_mut().insert(qualname.to_string(), class.clone()));
    class
}

/// The public classes a module defines (`DatasetID` for `h5py.h5d`), for its namespace.
pub fn module_classes(module: &str) -> Vec<(String, Value)> {
    let mut names: Vec<&String> = api::api()
        .classes
        .values()
        .filter(|c| c.module == module && !c.name.starts_with('_'))
        .map(|c| &c.qualname)
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|q| (q.rsplit('.').next().unwrap_or(q).to_string(), Value::Object(class_object(q))))
        .collect()
}
