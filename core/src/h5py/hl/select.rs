//! h5py's simple selections (`dset[1, 2:10:2, ...]`): integers, slices with positive
//! steps and one Ellipsis become a regular hyperslab, with the messages of h5py's
//! `_selector` (`Index (5) out of range for (0-2)`, `Step must be >= 1 (got -1)`).

use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::{is_ellipsis, Slice};
use crate::value::Value;

/// A regular hyperslab of a dataset and the shape of the array it reads into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperslab {
    /// First index per axis.
    pub start: Vec<u64>,
    /// Step per axis.
    pub step: Vec<u64>,
    /// Number of elements per axis.
    pub count: Vec<u64>,
    /// The result's shape: `count` without the axes indexed by an integer.
    pub array_shape: Vec<usize>,
}

impl Hyperslab {
    /// Everything of a dataset of `shape`.
    pub fn all(shape: &[u64]) -> Hyperslab {
        Hyperslab {
            start: vec![0; shape.len()],
            step: vec![1; shape.len()],
            count: shape.to_vec(),
            array_shape: shape.iter().map(|&n| n as usize).collect(),
        }
    }

    /// How many elements it selects.
    pub fn size(&self) -> u64 {
        self.count.iter().product()
    }

    /// Whether it covers the whole of a dataset of `shape`.
    pub fn is_all(&self, shape: &[u64]) -> bool {
        self.start.iter().all(|&s| s == 0) && self.count == shape && self.step.iter().zip(&self.count).all(|(&s, &c)| s == 1 || c <= 1)
    }
}

/// The key of `dset[key]` as a list of index items (a tuple's items, or the key alone).
pub fn key_items(key: &Value) -> Vec<Value> {
    match key {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    }
}

/// What kind of item an index is, for the simple selector.
enum Item {
    Int(i64),
    Slice(Value),
    Ellipsis,
}

fn classify(vm: &mut Interp, item: &Value) -> PyResult<Item> {
    if is_ellipsis(item) {
        return Ok(Item::Ellipsis);
    }
    if item.downcast::<Slice>().is_some() {
        return Ok(Item::Slice(item.clone()));
    }
    match item {
        Value::Int(i) => Ok(Item::Int(*i)),
        Value::Bool(b) => Ok(Item::Int(*b as i64)),
        Value::Str(_) => Err(Exc::value_error("Field names only allowed for compound types")),
        Value::List(_) => Err(Exc::not_implemented("h5py dataset selection by a list of indices")),
        _ if crate::numpy_py::as_array(item).is_some() => {
            Err(Exc::not_implemented("h5py dataset selection by an array (mask or index list)"))
        }
        other => match vm.to_index(other) {
            Ok(Value::Int(i)) => Ok(Item::Int(i)),
            _ => Err(Exc::type_error(format!("Selection can't process {}", vm.repr(other)?))),
        },
    }
}

/// Turns index items into a hyperslab of a dataset of `shape` (rank ≥ 1).
pub fn select(vm: &mut Interp, shape: &[u64], items: &[Value]) -> PyResult<Hyperslab> {
    let mut classified = Vec::with_capacity(items.len());
    for item in items {
        classified.push(classify(vm, item)?);
    }
    let ellipses = classified.iter().filter(|i| matches!(i, Item::Ellipsis)).count();
    if ellipses > 1 {
        return Err(Exc::value_error("Only one ellipsis may be used."));
    }
    let explicit = classified.len() - ellipses;
    let rank = shape.len();
    if explicit > rank {
        return Err(Exc::value_error(format!("{explicit} indexing arguments for {rank} dimensions")));
    }
    let mut out = Hyperslab { start: Vec::new(), step: Vec::new(), count: Vec::new(), array_shape: Vec::new() };
    let mut axis = 0;
    let full = |out: &mut Hyperslab, n: u64| {
        out.start.push(0);
        out.step.push(1);
        out.count.push(n);
        out.array_shape.push(n as usize);
    };
    for item in classified {
        match item {
            Item::Ellipsis => {
                for _ in 0..rank - explicit {
                    full(&mut out, shape[axis]);
                    axis += 1;
                }
            }
            Item::Int(i) => {
                let len = shape[axis] as i64;
                let index = if i < 0 { i + len } else { i };
                if index < 0 || index >= len {
                    return Err(Exc::index_error(format!("Index ({index}) out of range for (0-{})", len - 1)));
                }
                out.start.push(index as u64);
                out.step.push(1);
                out.count.push(1);
                axis += 1;
            }
            Item::Slice(s) => {
                let slice = s.downcast::<Slice>().ok_or_else(|| Exc::type_error("not a slice"))?;
                if !matches!(slice.step, Value::None) {
                    let step = vm.index_value(&slice.step, "slice indices must be integers or None or have an __index__ method")?;
                    if step == 0 {
                        return Err(Exc::value_error("slice step cannot be zero"));
                    }
                    if step < 0 {
                        return Err(Exc::value_error(format!("Step must be >= 1 (got {step})")));
                    }
                }
                let len = shape[axis];
                let (start, stop, step) = slice.resolve(vm, len as usize)?;
                let count = if stop > start { ((stop - start) + step - 1) / step } else { 0 };
                out.start.push(start.max(0) as u64);
                out.step.push(step as u64);
                out.count.push(count as u64);
                out.array_shape.push(count as usize);
                axis += 1;
            }
        }
    }
    while axis < rank {
        full(&mut out, shape[axis]);
        axis += 1;
    }
    Ok(out)
}
