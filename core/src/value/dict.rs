//! `dict`: insertion-ordered, keyed by Python equality and hash (so `1`, `1.0` and
//! `True` are one key), and the key rules sets share.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use indexmap::IndexMap;

/// Hashes a [`Key`] from its precomputed Python hash: a multiply spreads the (often
/// small and consecutive) int hashes over all bits, where SipHash would cost more than
/// the rest of a dict store.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }

    fn write_i64(&mut self, value: i64) {
        self.write_u64(value as u64);
    }

    fn write_u64(&mut self, value: u64) {
        let product = ((self.0 ^ value) as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

/// The hasher state of dicts and sets.
pub type KeyHashState = std::hash::BuildHasherDefault<KeyHasher>;

use super::exception::{Exc, PyResult};
use super::object::PyObject;
use super::types::type_of;
use super::{complex, float, int, Value};

/// A hashable value with its Python hash computed once.
#[derive(Clone)]
pub struct Key {
    hash: i64,
    /// The key value.
    pub value: Value,
}

impl Key {
    /// The key for a value; TypeError `unhashable type: 'list'` for unhashable ones.
    pub fn new(value: Value) -> PyResult<Key> {
        let hash = hash_value(&value)?;
        Ok(Key { hash, value })
    }

    /// The Python hash.
    pub fn hash(&self) -> i64 {
        self.hash
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

/// `hash(value)` for the types usable as dict keys and set members.
pub fn hash_value(value: &Value) -> PyResult<i64> {
    Ok(match value {
        Value::None => 0x4d2b_7c1f_0a3e,
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => int::hash_int(value),
        Value::Float(x) => float::hash(*x),
        Value::Str(s) => hash_bytes(s.as_bytes()),
        Value::Bytes(b) => hash_bytes(b),
        Value::Tuple(items) => hash_tuple(items)?,
        Value::List(_) | Value::Dict(_) => return Err(unhashable(value)),
        Value::Object(obj) => obj.hash(value).ok_or_else(|| unhashable(value))?,
    })
}

fn unhashable(value: &Value) -> Exc {
    if let Some(message) = match value {
        Value::Object(obj) => obj.unhashable_error(),
        _ => None,
    } {
        return Exc::type_error(message);
    }
    Exc::type_error(format!("unhashable type: '{}'", type_of(value).name))
}

fn hash_bytes(data: &[u8]) -> i64 {
    // FNV-1a: str hashes are randomised per process in CPython, so any good hash is as
    // faithful as another.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython 3.11's tuple hash (xxHash-based).
fn hash_tuple(items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for item in items {
        let lane = hash_value(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    let h = acc as i64;
    Ok(if h == -1 { 1546275796 } else { h })
}

/// Equality of keys without running Python code: numbers across types, strings,
/// bytes, tuples element-wise, other objects by identity.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            if std::rc::Rc::ptr_eq(x, y) || x.same_object(y.as_ref()) || x.key_equals(y.as_ref()) {
                return true;
            }
            match (complex::parts(a), complex::parts(b)) {
                (Some(p), Some(q)) if is_number(a) && is_number(b) => p == q,
                _ => object_key_eq(x.as_ref(), y.as_ref()),
            }
        }
        _ if is_number(a) && is_number(b) => numbers_equal(a, b),
        (Value::Object(x), n) | (n, Value::Object(x)) if is_number(n) => match (x.as_index(), x.as_float()) {
            // Number-like objects (NumPy scalars) equal the Python numbers they hash as.
            (Some(i), _) => numbers_equal(&i, n),
            (None, Some(f)) => numbers_equal(&Value::Float(f), n),
            _ => false,
        },
        _ => false,
    }
}

fn object_key_eq(a: &dyn PyObject, b: &dyn PyObject) -> bool {
    match (a.as_any().downcast_ref::<super::set::Set>(), b.as_any().downcast_ref::<super::set::Set>()) {
        (Some(x), Some(y)) => x.frozen && y.frozen && x.same_members(y),
        _ => false,
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_))
        || v.downcast::<complex::Complex>().is_some()
}

/// Numeric equality across bool, int, float and complex, exact as Python's.
pub fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => *x == *y as i64,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), n) | (n, Value::Float(x)) if int::is_int(n) => {
            int::compare_int_float(n, *x) == Some(std::cmp::Ordering::Equal)
        }
        _ if int::is_int(a) && int::is_int(b) => int::to_bigint(a) == int::to_bigint(b),
        _ => complex::parts(a) == complex::parts(b) && complex::parts(a).is_some(),
    }
}

/// A dict's storage.
#[derive(Default)]
pub struct Dict {
    entries: RefCell<IndexMap<Key, Value, KeyHashState>>,
}

impl Drop for Dict {
    fn drop(&mut self) {
        let entries = std::mem::take(self.entries.get_mut());
        super::drop::drop_items(entries.into_values().collect());
    }
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// A dict from key/value pairs (later duplicates win, first position kept).
    pub fn from_pairs(pairs: Vec<(Value, Value)>) -> PyResult<Dict> {
        let dict = Dict::new();
        for (k, v) in pairs {
            dict.set(k, v)?;
        }
        Ok(dict)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }

    /// `d[key]`, or None.
    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        let key = Key::new(key.clone())?;
        Ok(self.entries.borrow().get(&key).cloned())
    }

    /// `d[key] = value`.
    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let key = Key::new(key)?;
        self.entries.borrow_mut().insert(key, value);
        Ok(())
    }

    /// `del d[key]`, returning the old value if there was one.
    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let key = Key::new(key.clone())?;
        Ok(self.entries.borrow_mut().shift_remove(&key))
    }

    /// A copy of the entries, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.entries.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect()
    }

    /// A copy of the keys, in order.
    pub fn keys(&self) -> Vec<Value> {
        self.entries.borrow().keys().map(|k| k.value.clone()).collect()
    }

    /// A copy of the values, in order.
    pub fn values(&self) -> Vec<Value> {
        self.entries.borrow().values().cloned().collect()
    }

    /// Removes everything.
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        self.entries.borrow_mut().pop().map(|(k, v)| (k.value, v))
    }

    /// Entry at a position (for iteration that tolerates no mutation).
    pub fn key_at(&self, index: usize) -> Option<Value> {
        self.entries.borrow().get_index(index).map(|(k, _)| k.value.clone())
    }
}
