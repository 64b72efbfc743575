//! Interned global names: each name used at module level gets a small number, so
//! global loads and stores are vector indexing rather than hashing.

use std::collections::HashMap;
use std::rc::Rc;

use super::ir::Sym;

/// The session's name table.
#[derive(Default)]
pub struct Names {
    by_name: HashMap<Rc<str>, Sym>,
    names: Vec<Rc<str>>,
}

impl Names {
    /// The symbol of `name`, interning it on first use.
    pub fn intern(&mut self, name: &str) -> Sym {
        if let Some(&sym) = self.by_name.get(name) {
            return sym;
        }
        let sym = self.names.len() as Sym;
        let name: Rc<str> = Rc::from(name);
        self.names.push(name.clone());
        self.by_name.insert(name, sym);
        sym
    }

    /// The symbol of `name` if it was ever interned.
    pub fn lookup(&self, name: &str) -> Option<Sym> {
        self.by_name.get(name).copied()
    }

    /// The name of a symbol.
    pub fn name(&self, sym: Sym) -> &Rc<str> {
        &self.names[sym as usize]
    }

    /// How many names are interned.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no name is interned.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}
