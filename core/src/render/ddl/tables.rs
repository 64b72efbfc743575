//! The object tables h5dump builds before printing (`init_objs`): every group, dataset
//! and committed datatype of a file with the path it is first reached by (walking links
//! by name, depth first), so a second link to an object prints `HARDLINK "/first/path"`.

use std::cell::Cell;
use std::collections::HashMap;

use crate::hdf5::link::{IndexType, IterOrder};
use crate::hdf5::object::{self, ObjectType};
use crate::hdf5::{Handle, Result};

/// One object: the path it was first reached by, and whether it was printed yet.
#[derive(Debug)]
pub struct Entry {
    /// The object's first path, e.g. `/g/x`.
    pub name: String,
    /// Whether it has been printed.
    pub displayed: Cell<bool>,
    /// Its hard link count when the tables were built (the file is open read-only).
    pub ref_count: u32,
}

/// The groups, datasets and committed types of one file, by object token.
#[derive(Debug, Default)]
pub struct Tables {
    groups: HashMap<[u8; 16], Entry>,
    datasets: HashMap<[u8; 16], Entry>,
    types: HashMap<[u8; 16], Entry>,
    /// Objects in the order they were first reached, for `-n`-style listings.
    pub order: Vec<(String, ObjectType)>,
}

impl Tables {
    /// Walks the file (or the external file `root` lives in) from `root`, links in the
    /// order h5dump lists them (`-q`, `-z`).
    pub fn build(root: &Handle, order: IterOrder) -> Result<Tables> {
        let mut tables = Tables::default();
        // H5Ovisit reaches each object once, by the first path in link-name order —
        // the path HDF5's own traversal (H5Lvisit, first visit wins) records.
        // Basic information (type, token, link count) is all the tables need.
        for (path, info) in object::visit_basic(root, IndexType::Name, order)? {
            let name = if path == b"." { "/".to_string() } else { format!("/{}", String::from_utf8_lossy(&path)) };
            tables.insert(info.kind, info.token, info.ref_count, name);
        }
        Ok(tables)
    }

    fn insert(&mut self, kind: ObjectType, token: [u8; 16], ref_count: u32, name: String) {
        let table = match kind {
            ObjectType::Group => &mut self.groups,
            ObjectType::Dataset => &mut self.datasets,
            ObjectType::NamedDatatype => &mut self.types,
            _ => return,
        };
        self.order.push((name.clone(), kind));
        table.entry(token).or_insert(Entry { name, displayed: Cell::new(false), ref_count });
    }

    /// The group with that token.
    pub fn group(&self, token: &[u8; 16]) -> Option<&Entry> {
        self.groups.get(token)
    }

    /// The dataset with that token.
    pub fn dataset(&self, token: &[u8; 16]) -> Option<&Entry> {
        self.datasets.get(token)
    }

    /// The committed type with that token.
    pub fn datatype(&self, token: &[u8; 16]) -> Option<&Entry> {
        self.types.get(token)
    }

    /// The type and hard link count of the object with that token, when it is in the
    /// tables (saves an `H5Oget_info_by_name` per link while walking).
    pub fn kind_and_links(&self, token: &[u8; 16]) -> Option<(ObjectType, u32)> {
        let found = |table: &HashMap<[u8; 16], Entry>, kind| table.get(token).map(|e| (kind, e.ref_count));
        found(&self.groups, ObjectType::Group)
            .or_else(|| found(&self.datasets, ObjectType::Dataset))
            .or_else(|| found(&self.types, ObjectType::NamedDatatype))
    }

    /// The first path of any object.
    pub fn name_of(&self, token: &[u8; 16]) -> Option<&str> {
        self.groups.get(token).or_else(|| self.datasets.get(token)).or_else(|| self.types.get(token)).map(|e| e.name.as_str())
    }

    /// The path of a committed type.
    pub fn type_name(&self, token: &[u8; 16]) -> Option<&str> {
        self.types.get(token).map(|e| e.name.as_str())
    }
}
