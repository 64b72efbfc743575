//! `set` and `frozenset`.
//!
//! Members are kept in CPython's iteration order for the hash table CPython would
//! build: small tables of 8 slots growing by 4x (x2 past 50 000), linear probing of 9
//! slots then perturbation — so `{3, 1, 2}` prints `{1, 2, 3}` as it does in Python
//! (str members hash differently per process in CPython, so their order is arbitrary
//! there as well).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Key;
use super::exception::{Exc, PyResult};
use super::object::Args;
use crate::syntax::ast::{BinOp, CmpOp};
use super::object::PyObject;
use super::types::{builtin, TypeObject};
use super::Value;
use crate::eval::Interp;

/// A set's storage: the members in insertion order; `ordered()` gives CPython's order.
pub struct Set {
    members: RefCell<indexmap::IndexSet<Key, super::dict::KeyHashState>>,
    /// frozenset rather than set.
    pub frozen: bool,
}

impl Set {
    /// A set (or frozenset) of these keys.
    pub fn new(members: Vec<Key>, frozen: bool) -> Set {
        Set { members: RefCell::new(members.into_iter().collect()), frozen }
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.members.borrow().len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.members.borrow().is_empty()
    }

    /// Membership.
    pub fn contains(&self, key: &Key) -> bool {
        self.members.borrow().contains(key)
    }

    /// Adds a member.
    pub fn insert(&self, key: Key) {
        self.members.borrow_mut().insert(key);
    }

    /// Removes a member; whether it was there.
    pub fn remove(&self, key: &Key) -> bool {
        self.members.borrow_mut().shift_remove(key)
    }

    /// Removes everything.
    pub fn clear(&self) {
        self.members.borrow_mut().clear();
    }

    /// Same members (for frozenset equality).
    pub fn same_members(&self, other: &Set) -> bool {
        let a = self.members.borrow();
        let b = other.members.borrow();
        a.len() == b.len() && a.iter().all(|k| b.contains(k))
    }

    /// The member keys in insertion order.
    pub fn keys(&self) -> Vec<Key> {
        self.members.borrow().iter().cloned().collect()
    }

    /// The members in the order CPython's set would iterate them.
    pub fn ordered(&self) -> Vec<Value> {
        cpython_order(&self.keys()).into_iter().map(|k| k.value).collect()
    }
}

/// The slot order CPython's set table gives these keys, inserted in this order.
fn cpython_order(keys: &[Key]) -> Vec<Key> {
    let mut mask: usize = 7;
    let mut table: Vec<Option<Key>> = vec![None; mask + 1];
    let mut used = 0usize;
    for key in keys {
        place(&mut table, mask, key.clone());
        used += 1;
        // set_add_entry: grow once the table is 60% full (fill*5 >= mask*3).
        if used * 5 >= mask * 3 {
            let target = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= target {
                size <<= 1;
            }
            let old: Vec<Key> = table.into_iter().flatten().collect();
            mask = size - 1;
            table = vec![None; size];
            for k in old {
                place(&mut table, mask, k);
            }
        }
    }
    table.into_iter().flatten().collect()
}

fn place(table: &mut [Option<Key>], mask: usize, key: Key) {
    const LINEAR_PROBES: usize = 9;
    let hash = key.hash() as u64;
    let mut perturb = hash;
    let mut i = (hash as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        for j in 0..=probes {
            let slot = i + j;
            if table[slot].is_none() {
                table[slot] = Some(key);
                return;
            }
        }
        perturb >>= 5;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

impl PyObject for Set {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        builtin(|t| if self.frozen { t.frozenset.clone() } else { t.set.clone() })
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let members = self.ordered();
        let name = if self.frozen { "frozenset" } else { "set" };
        if members.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mut parts = Vec::with_capacity(members.len());
        for m in &members {
            parts.push(vm.repr(m)?);
        }
        let body = format!("{{{}}}", parts.join(", "));
        Ok(if self.frozen { format!("frozenset({body})") } else { body })
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.len()))
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let mut iter = vm.iterate(&Value::list(self.ordered()))?;
        Ok(super::iter::NativeIterator::value("set_iterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, _vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.contains(&Key::new(item.clone())?)))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let mutating = ["add", "remove", "discard", "pop", "clear", "update", "intersection_update", "difference_update", "symmetric_difference_update"];
        let reading = ["copy", "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint"];
        if reading.contains(&name) || (!self.frozen && mutating.contains(&name)) {
            return Ok(Some(super::function::NativeMethod::value(this, name, set_method)));
        }
        Ok(None)
    }

    fn dir(&self) -> Vec<String> {
        let mut names = vec!["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"];
        if !self.frozen {
            names.extend(["add", "clear", "difference_update", "discard", "intersection_update", "pop", "remove", "symmetric_difference_update", "update"]);
        }
        names.into_iter().map(str::to_string).collect()
    }

    fn binary_op(&self, _vm: &mut Interp, _this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let Some(other) = other.downcast::<Set>() else { return Ok(None) };
        let (a, b) = if reflected { (other, self) } else { (self, other) };
        let frozen = a.frozen;
        let keys = match op {
            BinOp::BitOr => combine(a, b, |x, y| x || y),
            BinOp::BitAnd => combine(a, b, |x, y| x && y),
            BinOp::Sub => combine(a, b, |x, y| x && !y),
            BinOp::BitXor => combine(a, b, |x, y| x != y),
            _ => return Ok(None),
        };
        Ok(Some(Value::object(Set::new(keys, frozen))))
    }

    fn compare(&self, _vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let Some(other) = other.downcast::<Set>() else { return Ok(None) };
        let subset = self.keys().iter().all(|k| other.contains(k));
        let superset = other.keys().iter().all(|k| self.contains(k));
        Ok(Some(Value::Bool(match op {
            CmpOp::Eq => subset && superset,
            CmpOp::NotEq => !(subset && superset),
            CmpOp::LtE => subset,
            CmpOp::Lt => subset && !superset,
            CmpOp::GtE => superset,
            CmpOp::Gt => superset && !subset,
            _ => return Ok(None),
        })))
    }

    fn hash(&self, this: &Value) -> Option<i64> {
        if !self.frozen {
            return None;
        }
        let _ = this;
        let mut h: i64 = 0;
        for k in self.members.borrow().iter() {
            h ^= k.hash().wrapping_mul(3644798167);
        }
        Some(h)
    }
}

/// Members of `a` and `b` (in `a`'s order, then `b`'s) for which `keep(in_a, in_b)`.
fn combine(a: &Set, b: &Set, keep: fn(bool, bool) -> bool) -> Vec<Key> {
    let mut out = Vec::new();
    for k in a.keys() {
        if keep(true, b.contains(&k)) {
            out.push(k);
        }
    }
    for k in b.keys() {
        if !a.contains(&k) && keep(false, true) {
            out.push(k);
        }
    }
    out
}

fn set_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<Set>() else { return Ok(Value::None) };
    let mut others: Vec<Set> = Vec::new();
    if !matches!(name, "add" | "remove" | "discard") {
        for v in &args.positional {
            let items = vm.collect(v)?;
            let keys = items.into_iter().map(Key::new).collect::<PyResult<Vec<_>>>()?;
            others.push(Set::new(keys, true));
        }
    }
    let one_key = |args: &Args| -> PyResult<Key> {
        match args.positional.as_slice() {
            [v] => Key::new(v.clone()),
            _ => Err(Exc::type_error(format!("set.{name}() takes exactly one argument ({} given)", args.positional.len()))),
        }
    };
    let result_set = |keys: Vec<Key>| Value::object(Set::new(keys, me.frozen));
    Ok(match name {
        "add" => {
            me.insert(one_key(&args)?);
            Value::None
        }
        "remove" => {
            let key = one_key(&args)?;
            if !me.remove(&key) {
                return Err(Exc::key_error(key.value));
            }
            Value::None
        }
        "discard" => {
            me.remove(&one_key(&args)?);
            Value::None
        }
        "pop" => match me.ordered().first() {
            Some(v) => {
                me.remove(&Key::new(v.clone())?);
                v.clone()
            }
            None => return Err(Exc::key_error(Value::str("pop from an empty set"))),
        },
        "clear" => {
            me.clear();
            Value::None
        }
        "copy" => result_set(me.keys()),
        "union" | "update" => {
            let mut keys = me.keys();
            for o in &others {
                keys.extend(o.keys().into_iter().filter(|k| !me.contains(k)));
            }
            if name == "update" {
                for k in keys {
                    me.insert(k);
                }
                return Ok(Value::None);
            }
            let mut seen = std::collections::HashSet::new();
            result_set(keys.into_iter().filter(|k| seen.insert(k.clone())).collect())
        }
        "intersection" | "intersection_update" => {
            let keys: Vec<Key> = me.keys().into_iter().filter(|k| others.iter().all(|o| o.contains(k))).collect();
            if name == "intersection_update" {
                me.clear();
                keys.into_iter().for_each(|k| me.insert(k));
                return Ok(Value::None);
            }
            result_set(keys)
        }
        "difference" | "difference_update" => {
            let keys: Vec<Key> = me.keys().into_iter().filter(|k| !others.iter().any(|o| o.contains(k))).collect();
            if name == "difference_update" {
                me.clear();
                keys.into_iter().for_each(|k| me.insert(k));
                return Ok(Value::None);
            }
            result_set(keys)
        }
        "symmetric_difference" | "symmetric_difference_update" => {
            let Some(other) = others.first() else { return Err(Exc::type_error(format!("{name}() takes exactly one argument (0 given)"))) };
            let keys = combine(me, other, |x, y| x != y);
            if name == "symmetric_difference_update" {
                me.clear();
                keys.into_iter().for_each(|k| me.insert(k));
                return Ok(Value::None);
            }
            result_set(keys)
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let Some(other) = others.first() else { return Err(Exc::type_error(format!("{name}() takes exactly one argument (0 given)"))) };
            Value::Bool(match name {
                "issubset" => me.keys().iter().all(|k| other.contains(k)),
                "issuperset" => other.keys().iter().all(|k| me.contains(k)),
                _ => !me.keys().iter().any(|k| other.contains(k)),
            })
        }
        _ => return Err(Exc::not_implemented(format!("set.{name}"))),
    })
}
