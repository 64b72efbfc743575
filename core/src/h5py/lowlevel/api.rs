//! h5py 3.16's low-level API as the oracle's compiled modules describe it, recorded by
//! `scripts/gen_h5py_lowlevel_api.py` into `api.json`: every module's docstring,
//! functions (parameters as IPython renders them, docstrings, the HDF5 C prototype they
//! wrap), integer constants and object constants; every class's bases, docstring,
//! methods and properties. h5lab's modules and identifier classes are built from it, so
//! names, signatures and help are h5py's own; the behaviour behind each name is Rust.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value as Json;

/// A function or method.
#[derive(Debug, Default)]
pub struct FnEntry {
    /// Its parameters as IPython joins them in `Signature:` (`self` first for
    /// methods); `None` when `inspect.signature` gives none.
    pub params: Option<Vec<String>>,
    /// Its docstring, raw (`__doc__`).
    pub doc: Option<String>,
    /// The prototype of the HDF5 C function it wraps, from HDF5's headers.
    pub c: Option<String>,
}

/// A class.
#[derive(Debug, Default)]
pub struct ClassEntry {
    /// `h5py.h5d.DatasetID`.
    pub qualname: String,
    /// `h5py.h5d`.
    pub module: String,
    /// `DatasetID`.
    pub name: String,
    /// Qualified names of the direct bases (`object` has none here).
    pub bases: Vec<String>,
    /// Raw docstring.
    pub doc: Option<String>,
    /// Methods defined by this class, in definition order.
    pub methods: Vec<(String, FnEntry)>,
    /// Properties defined by this class, with their docstrings.
    pub properties: Vec<(String, Option<String>)>,
}

/// A module.
#[derive(Debug, Default)]
pub struct ModuleEntry {
    /// Raw docstring.
    pub doc: Option<String>,
    /// Functions, by name (sorted).
    pub functions: Vec<(String, FnEntry)>,
    /// Integer constants (they fit i128: h5s.UNLIMITED is 2**64-1).
    pub ints: Vec<(String, i128)>,
    /// Object constants and the qualified class of each (`None` for a `None` value).
    pub objects: Vec<(String, Option<String>)>,
}

/// The whole table.
#[derive(Debug, Default)]
pub struct Api {
    /// Modules by qualified name (`h5py.h5d`).
    pub modules: HashMap<String, ModuleEntry>,
    /// Classes by qualified name (`h5py.h5d.DatasetID`).
    pub classes: HashMap<String, ClassEntry>,
}

const API_JSON: &str = include_str!("api.json");

/// The recorded API.
pub fn api() -> &'static Api {
    static TABLE: OnceLock<Api> = OnceLock::new();
    TABLE.get_or_init(|| parse(API_JSON))
}

fn text(value: Option<&Json>) -> Option<String> {
    value?.as_str().map(str::to_string)
}

fn function(e: &Json) -> FnEntry {
    FnEntry {
        params: e.get("params").and_then(Json::as_array).map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()),
        doc: text(e.get("doc")),
        c: text(e.get("c")),
    }
}

fn functions(e: Option<&Json>) -> Vec<(String, FnEntry)> {
    e.and_then(Json::as_object).map(|m| m.iter().map(|(k, v)| (k.clone(), function(v))).collect()).unwrap_or_default()
}

fn parse(json: &str) -> Api {
    let Ok(root) = serde_json::from_str::<Json>(json) else { return Api::default() };
    let mut api = Api::default();
    if let Some(modules) = root.get("modules").and_then(Json::as_object) {
        for (name, m) in modules {
            let ints = m
                .get("ints")
                .and_then(Json::as_object)
                .map(|o| {
                    o.iter()
                        .filter_map(|(k, v)| {
                            let n = v.as_i64().map(i128::from).or_else(|| v.as_u64().map(i128::from))?;
                            Some((k.clone(), n))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let objects = m
                .get("objects")
                .and_then(Json::as_object)
                .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().map(str::to_string))).collect())
                .unwrap_or_default();
            let entry = ModuleEntry { doc: text(m.get("doc")), functions: functions(m.get("functions")), ints, objects };
            api.modules.insert(name.clone(), entry);
        }
    }
    if let Some(classes) = root.get("classes").and_then(Json::as_object) {
        for (qualname, c) in classes {
            let (module, name) = qualname.rsplit_once('.').unwrap_or(("", qualname));
            let entry = ClassEntry {
                qualname: qualname.clone(),
                module: module.to_string(),
                name: name.to_string(),
                bases: c
                    .get("bases")
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
                    .unwrap_or_default(),
                doc: text(c.get("doc")),
                methods: functions(c.get("methods")),
                properties: c
                    .get("properties")
                    .and_then(Json::as_object)
                    .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().map(str::to_string))).collect())
                    .unwrap_or_default(),
            };
            api.classes.insert(qualname.clone(), entry);
        }
    }
    api
}

/// A module's entry.
pub fn module(name: &str) -> Option<&'static ModuleEntry> {
    api().modules.get(name)
}

/// A class's entry.
pub fn class(qualname: &str) -> Option<&'static ClassEntry> {
    api().classes.get(qualname)
}

/// The classes of `qualname`'s method resolution order that the table knows (itself
/// first; `object` is not recorded).
pub fn mro(qualname: &str) -> Vec<&'static ClassEntry> {
    let mut out: Vec<&'static ClassEntry> = Vec::new();
    let mut queue = vec![qualname.to_string()];
    while let Some(name) = queue.first().cloned() {
        queue.remove(0);
        if let Some(c) = class(&name) {
            if !out.iter().any(|o| o.qualname == c.qualname) {
                out.push(c);
                queue.extend(c.bases.iter().cloned());
            }
        }
    }
    out
}

/// What an attribute name is on an instance of `qualname`: the class defining it and
/// whether it is a method.
pub enum Member {
    /// A method defined by `class`.
    Method(&'static ClassEntry, &'static FnEntry),
    /// A property defined by `class`.
    Property(&'static ClassEntry),
}

/// Looks `name` up along `qualname`'s MRO.
pub fn member(qualname: &str, name: &str) -> Option<Member> {
    for c in mro(qualname) {
        if let Some((_, f)) = c.methods.iter().find(|(n, _)| n == name) {
            return Some(Member::Method(c, f));
        }
        if c.properties.iter().any(|(n, _)| n == name) {
            return Some(Member::Property(c));
        }
    }
    None
}

/// Every public method and property name of an instance of `qualname`, sorted.
pub fn member_names(qualname: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in mro(qualname) {
        names.extend(c.methods.iter().map(|(n, _)| n.clone()));
        names.extend(c.properties.iter().map(|(n, _)| n.clone()));
    }
    names.sort();
    names.dedup();
    names
}

/// A module function's entry.
pub fn function_entry(module_name: &str, name: &str) -> Option<&'static FnEntry> {
    module(module_name)?.functions.iter().find(|(n, _)| n == name).map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_knows_h5d_and_its_dataset_id() {
        let open = function_entry("h5py.h5d", "open").expect("h5d.open");
        assert_eq!(open.params.as_deref(), Some(&["loc".to_string(), "name".into(), "dapl=None".into()][..]));
        assert!(open.c.as_deref().is_some_and(|c| c.starts_with("hid_t H5Dopen2(")));
        let Some(Member::Method(class, size)) = member("h5py.h5d.DatasetID", "get_storage_size") else {
            panic!("get_storage_size is a method")
        };
        assert_eq!(class.name, "DatasetID");
        assert_eq!(size.c.as_deref(), Some("hsize_t H5Dget_storage_size(hid_t dset_id)"));
        assert!(matches!(member("h5py.h5f.FileID", "get_num_objs"), Some(Member::Method(c, _)) if c.name == "GroupID"));
        assert!(matches!(member("h5py.h5d.DatasetID", "valid"), Some(Member::Property(c)) if c.name == "ObjectID"));
        let ints = &module("h5py.h5s").expect("h5s").ints;
        assert!(ints.contains(&("UNLIMITED".to_string(), u64::MAX as i128)));
    }
}
