//! h5py's selections (`dset[1, 2:10:2, ...]`, `dset[[1, 3]]`, `dset[mask]`), as
//! `selections.select` and the `_selector.Selector` behind it make them: integers,
//! slices with positive steps and one Ellipsis make a regular hyperslab; one list or
//! 1-D array of increasing indices (or per-axis booleans) makes a fancy selection; a
//! boolean array of the dataset's shape selects points. Messages are h5py's
//! (`Index (5) out of range for (0-2)`, `Step must be >= 1 (got -1)`,
//! `Indexing elements must be in increasing order`).

use crate::eval::Interp;
use crate::hdf5::dataspace::SelectOp;
use crate::hdf5::Dataspace;
use crate::numpy::{DType, Kind, NdArray};
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

/// Any selection h5py makes from an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Integers, slices and an Ellipsis (`SimpleSelection`; broadcasting allowed).
    Simple(Hyperslab),
    /// A list of increasing indices on one axis (`FancySelection`): `slab` describes
    /// the other axes, and on `axis` counts the indices.
    Fancy {
        /// The hyperslab with the list axis counted as `indices.len()`.
        slab: Hyperslab,
        /// The axis the indices select on.
        axis: usize,
        /// The indices (increasing, non-negative).
        indices: Vec<u64>,
    },
    /// Points of a boolean mask of the dataset's shape (`PointSelection`).
    Points {
        /// Each selected point's coordinates, in C order.
        points: Vec<Vec<u64>>,
    },
}

impl Selection {
    /// How many elements it selects.
    pub fn count(&self) -> u64 {
        match self {
            Selection::Simple(s) | Selection::Fancy { slab: s, .. } => s.size(),
            Selection::Points { points } => points.len() as u64,
        }
    }

    /// The shape of the array a read returns.
    pub fn array_shape(&self) -> Vec<usize> {
        match self {
            Selection::Simple(s) | Selection::Fancy { slab: s, .. } => s.array_shape.clone(),
            Selection::Points { points } => vec![points.len()],
        }
    }

    /// Applies the selection to a copy of a dataset's dataspace.
    pub fn apply(&self, space: &Dataspace) -> PyResult<Dataspace> {
        let space = space.copy().map_err(Exc::from_hdf5)?;
        match self {
            Selection::Simple(s) => {
                if s.start.is_empty() {
                    space.select_all()
                } else {
                    space.select_hyperslab(SelectOp::Set, &s.start, Some(&s.step), &s.count, None)
                }
            }
            Selection::Fancy { slab, axis, indices } => {
                let result = space.select_none();
                let mut start = slab.start.clone();
                let mut count = slab.count.clone();
                count[*axis] = 1;
                result.and_then(|_| {
                    for &i in indices {
                        start[*axis] = i;
                        space.select_hyperslab(SelectOp::Or, &start, Some(&slab.step), &count, None)?;
                    }
                    Ok(())
                })
            }
            Selection::Points { points } => {
                if points.is_empty() {
                    space.select_none()
                } else {
                    space.select_points(SelectOp::Set, points)
                }
            }
        }
        .map_err(Exc::from_hdf5)?;
        Ok(space)
    }
}

/// The key of `dset[key]` as a list of index items (a tuple's items, or the key alone).
pub fn key_items(key: &Value) -> Vec<Value> {
    match key {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    }
}

/// What kind of item an index is, for the selector.
enum Item {
    Int(i64),
    Slice(Value),
    Ellipsis,
    /// A 1-D array or list: integer indices, or booleans (with their count).
    Indices(NdArray),
}

fn integer_values(array: &NdArray) -> PyResult<Vec<i64>> {
    let ints = array.astype(&DType::int64()).map_err(crate::numpy_py::np_error)?;
    let bytes = ints.tobytes().map_err(crate::numpy_py::np_error)?;
    Ok(bytes.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap_or([0; 8]))).collect())
}

fn classify(vm: &mut Interp, item: &Value) -> PyResult<Item> {
    if is_ellipsis(item) {
        return Ok(Item::Ellipsis);
    }
    if item.downcast::<Slice>().is_some() {
        return Ok(Item::Slice(item.clone()));
    }
    match item {
        Value::Int(i) => return Ok(Item::Int(*i)),
        Value::Bool(b) => return Ok(Item::Int(*b as i64)),
        _ => {}
    }
    if let Some(array) = crate::numpy_py::as_array(item) {
        if array.ndim() == 0 && array.dtype().is_integer() {
            if let Some(&i) = integer_values(&array)?.first() {
                return Ok(Item::Int(i));
            }
        }
        if array.ndim() != 1 {
            return Err(Exc::type_error("Only 1D arrays allowed for fancy indexing"));
        }
        return Ok(Item::Indices(array));
    }
    if let Value::List(_) = item {
        let array = crate::numpy_py::to_array(vm, item, None)?;
        if array.size() == 0 {
            return Ok(Item::Indices(NdArray::zeros(&[0], &DType::int64()).map_err(crate::numpy_py::np_error)?));
        }
        if array.ndim() != 1 {
            return Err(Exc::type_error(format!("Selection can't process {}", vm.repr(item)?)));
        }
        return Ok(Item::Indices(array));
    }
    match vm.to_index(item) {
        Ok(Value::Int(i)) => Ok(Item::Int(i)),
        _ => Err(Exc::type_error(format!("Selection can't process {}", vm.repr(item)?))),
    }
}

/// `_selector.Selector.apply_args`: index items become a simple or fancy selection
/// of a dataset of `shape` (rank ≥ 1).
pub fn select_items(vm: &mut Interp, shape: &[u64], items: &[Value]) -> PyResult<Selection> {
    let rank = shape.len();
    let mut nargs = items.len();
    let mut ellipsis_at = items.len();
    let mut seen_ellipsis = false;
    let mut slab = Hyperslab { start: vec![0; rank], step: vec![1; rank], count: shape.to_vec(), array_shape: Vec::new() };
    let mut scalar = vec![false; rank];
    let mut fancy: Option<(usize, Vec<u64>)> = None;
    let mut dim: isize = -1;
    for item in items {
        dim += 1;
        let classified = classify(vm, item)?;
        if let Item::Ellipsis = classified {
            if seen_ellipsis {
                return Err(Exc::value_error("Only one ellipsis may be used."));
            }
            seen_ellipsis = true;
            ellipsis_at = dim as usize;
            nargs -= 1;
            if nargs > rank {
                return Err(Exc::value_error(format!("{nargs} indexing arguments for {rank} dimensions")));
            }
            dim += rank as isize - nargs as isize - 1;
            continue;
        }
        let d = dim as usize;
        if d >= rank {
            return Err(Exc::value_error(format!("{nargs} indexing arguments for {rank} dimensions")));
        }
        let len = shape[d];
        match classified {
            Item::Ellipsis => {}
            Item::Slice(s) => {
                let slice = s.downcast::<Slice>().ok_or_else(|| Exc::type_error("not a slice"))?;
                let (start, stop, step) = slice.resolve(vm, len as usize)?;
                if step < 1 {
                    return Err(Exc::value_error(format!("Step must be >= 1 (got {step})")));
                }
                let (start, count, step) = if stop < start { (0, 0, 1) } else { (start, 1 + (stop - start - 1) / step, step) };
                slab.start[d] = start.max(0) as u64;
                slab.step[d] = step as u64;
                slab.count[d] = count.max(0) as u64;
            }
            Item::Int(i) => {
                let index = if i < 0 { i + len as i64 } else { i };
                if index < 0 || index >= len as i64 {
                    return Err(Exc::index_error(if len == 0 {
                        format!("Index ({index}) out of range for empty dimension")
                    } else {
                        format!("Index ({index}) out of range for (0-{})", len - 1)
                    }));
                }
                slab.start[d] = index as u64;
                slab.step[d] = 1;
                slab.count[d] = 1;
                scalar[d] = true;
            }
            Item::Indices(array) => {
                let mut values = if array.dtype().kind() == &Kind::Bool {
                    if array.size() as u64 != len {
                        return Err(Exc::type_error("boolean index did not match indexed array"));
                    }
                    integer_values(&array)?.iter().enumerate().filter(|(_, &b)| b != 0).map(|(i, _)| i as i64).collect()
                } else if array.dtype().is_integer() {
                    integer_values(&array)?
                } else {
                    return Err(Exc::type_error("Indexing arrays must have integer dtypes"));
                };
                if fancy.is_some() {
                    return Err(Exc::type_error("Only one indexing vector or array is currently allowed for fancy indexing"));
                }
                for v in values.iter_mut() {
                    if *v < 0 {
                        *v += len as i64;
                    }
                }
                if values.iter().any(|&v| v < 0 || v > len as i64) {
                    return Err(Exc::index_error(if len == 0 {
                        "Fancy indexing out of range for empty dimension".to_string()
                    } else {
                        format!("Fancy indexing out of range for (0-{})", len - 1)
                    }));
                }
                if values.windows(2).any(|w| w[1] <= w[0]) {
                    return Err(Exc::type_error("Indexing elements must be in increasing order"));
                }
                slab.start[d] = 0;
                slab.step[d] = 1;
                slab.count[d] = values.len() as u64;
                fancy = Some((d, values.into_iter().map(|v| v as u64).collect()));
            }
        }
    }
    // Axes not named (after an Ellipsis or at the end) take everything; `slab`
    // already holds that for them.
    let _ = ellipsis_at;
    slab.array_shape = slab.count.iter().zip(&scalar).filter(|(_, &s)| !s).map(|(&c, _)| c as usize).collect();
    Ok(match fancy {
        Some((axis, indices)) => Selection::Fancy { slab, axis, indices },
        None => Selection::Simple(slab),
    })
}

/// `selections.select(shape, args)`: a boolean array of the whole shape selects
/// points; otherwise the selector decides.
pub fn select_any(vm: &mut Interp, shape: &[u64], items: &[Value]) -> PyResult<Selection> {
    if let [only] = items {
        if let Some(mask) = crate::numpy_py::as_array(only).filter(|a| a.dtype().kind() == &Kind::Bool) {
            let mask_shape: Vec<u64> = mask.shape().iter().map(|&n| n as u64).collect();
            if mask_shape == shape {
                return Ok(Selection::Points { points: mask_points(&mask)? });
            }
            if mask_shape.as_slice() != &shape[..shape.len().min(1)] {
                return Err(Exc::type_error("Boolean indexing array has incompatible shape"));
            }
        }
    }
    select_items(vm, shape, items)
}

/// The coordinates of a mask's true elements, in C order (`np.transpose(mask.nonzero())`).
fn mask_points(mask: &NdArray) -> PyResult<Vec<Vec<u64>>> {
    let flags = integer_values(mask)?;
    let shape = mask.shape();
    let mut out = Vec::new();
    for (flat, _) in flags.iter().enumerate().filter(|(_, &f)| f != 0) {
        let mut rest = flat;
        let mut point = vec![0u64; shape.len()];
        for axis in (0..shape.len()).rev() {
            point[axis] = (rest % shape[axis]) as u64;
            rest /= shape[axis];
        }
        out.push(point);
    }
    Ok(out)
}

/// Turns index items into a hyperslab of a dataset of `shape` (rank ≥ 1); lists and
/// arrays are refused (they need [`select_any`]).
pub fn select(vm: &mut Interp, shape: &[u64], items: &[Value]) -> PyResult<Hyperslab> {
    match select_items(vm, shape, items)? {
        Selection::Simple(s) => Ok(s),
        _ => Err(Exc::type_error("Broadcasting is not supported for complex selections")),
    }
}
