//! Indexing as NumPy does it: integers, slices, `...`, `np.newaxis`, boolean masks and
//! integer arrays (with NumPy's placement of advanced axes), for reading (`a[idx]`,
//! basic indexes give views sharing memory) and writing (`a[idx] = v`).

use super::array::NdArray;
use super::broadcast::broadcast_shape_of;
use super::dtype::Kind;
use super::error::{NpError, NpResult};
use super::value::PyValue;

/// One component of an index tuple. Python lists used as indexes should be turned
/// into arrays first (`create::array`), as NumPy does.
#[derive(Clone, Debug)]
pub enum IndexItem {
    /// An integer (negative counts from the end).
    Int(i64),
    /// A slice `start:stop:step`.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `...`
    Ellipsis,
    /// `None` / `np.newaxis`.
    NewAxis,
    /// An integer or boolean array (advanced indexing).
    Array(NdArray),
}

/// What an index selects.
enum Selection {
    /// A view (basic indexing); `scalar` when every axis was indexed by an integer.
    View(NdArray, bool),
    /// Element positions in the buffer (advanced indexing), in C order of `shape`.
    Gather(Vec<usize>, Vec<usize>),
    /// An advanced index of result shape `.0` with an out-of-bounds entry: NumPy
    /// reports it after checking an assigned value's shape.
    OutOfBounds(Vec<usize>, NpError),
}

/// `slice.indices(n)`: (start, step, length).
pub fn slice_indices(start: Option<i64>, stop: Option<i64>, step: Option<i64>, n: usize) -> NpResult<(i64, i64, usize)> {
    let n = n as i64;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(NpError::value("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: i64| {
        if v < 0 {
            (v + n).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = start.map(clamp).unwrap_or(if step < 0 { upper } else { lower });
    let stop = stop.map(clamp).unwrap_or(if step < 0 { lower } else { upper });
    let len = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, step, len as usize))
}

fn out_of_bounds(i: i64, axis: usize, n: usize) -> NpError {
    NpError::index(format!("index {i} is out of bounds for axis {axis} with size {n}"))
}

fn normalize_index(i: i64, axis: usize, n: usize) -> NpResult<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        Err(out_of_bounds(i, axis, n))
    } else {
        Ok(j as usize)
    }
}

/// An advanced index bound to an axis of the intermediate view.
struct Advanced {
    /// The axis of the intermediate view.
    axis: usize,
    /// The axis of the indexed array (for error messages).
    orig_axis: usize,
    index: NdArray,
    /// Whether this is an integer index converted to a 0-d array.
    from_int: bool,
}

impl NdArray {
    fn select(&self, items: &[IndexItem]) -> NpResult<Selection> {
        // NumPy's order of checks: while classifying each index in turn, a second
        // ellipsis and non-integer index arrays; then too many indices; then boolean
        // shapes; then integer bounds; fancy index bounds come after broadcasting.
        let mut expanded: Vec<IndexItem> = Vec::with_capacity(items.len());
        let mut ellipsis = 0;
        for item in items {
            match item {
                IndexItem::Ellipsis => {
                    if ellipsis > 0 {
                        return Err(NpError::index("an index can only have a single ellipsis ('...')"));
                    }
                    ellipsis += 1;
                    expanded.push(IndexItem::Ellipsis);
                }
                IndexItem::Array(a) if a.ndim() == 0 && a.dtype().is_integer() => {
                    // A 0-d integer array indexes like an integer.
                    let i = a.to_num_vec::<i64>().and_then(|v| v.first().copied()).unwrap_or(0);
                    expanded.push(IndexItem::Int(i));
                }
                IndexItem::Array(a) if !a.dtype().is_integer() && !matches!(a.dtype().kind(), Kind::Bool) => {
                    return Err(NpError::index("arrays used as indices must be of integer (or boolean) type"));
                }
                other => expanded.push(other.clone()),
            }
        }
        let consumes = |it: &IndexItem| match it {
            IndexItem::Int(_) | IndexItem::Slice(..) => 1,
            IndexItem::Array(a) if matches!(a.dtype().kind(), Kind::Bool) => a.ndim(),
            IndexItem::Array(_) => 1,
            _ => 0,
        };
        let consumed: usize = expanded.iter().map(consumes).sum();
        if consumed > self.ndim() {
            return Err(NpError::index(format!(
                "too many indices for array: array is {}-dimensional, but {consumed} were indexed",
                self.ndim()
            )));
        }
        // The first axis each index applies to.
        let mut starts = Vec::with_capacity(expanded.len());
        let mut pos = 0usize;
        for it in &expanded {
            starts.push(pos);
            pos += match it {
                IndexItem::Ellipsis => self.ndim() - consumed,
                other => consumes(other),
            };
        }
        for (it, &start) in expanded.iter().zip(&starts) {
            if let IndexItem::Array(a) = it {
                if matches!(a.dtype().kind(), Kind::Bool) {
                    for d in 0..a.ndim() {
                        let n = self.shape[start + d];
                        if a.shape()[d] != n {
                            return Err(NpError::index(format!(
                                "boolean index did not match indexed array along axis {}; size of axis is {n} but size of corresponding boolean axis is {}",
                                start + d,
                                a.shape()[d]
                            )));
                        }
                    }
                }
            }
        }
        for (it, &start) in expanded.iter().zip(&starts) {
            if let IndexItem::Int(i) = it {
                normalize_index(*i, start, self.shape[start])?;
            }
        }
        let any_array = expanded.iter().any(|it| matches!(it, IndexItem::Array(_)));
        let mut offset = self.offset as isize;
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        let mut axis = 0usize;
        let mut advanced: Vec<Advanced> = Vec::new();
        // Positions (in the index tuple) of advanced items, for the adjacency rule.
        let mut adv_positions: Vec<usize> = Vec::new();
        let mut all_int = ellipsis == 0;
        for (pos, item) in expanded.iter().enumerate() {
            match item {
                IndexItem::Int(i) if !any_array => {
                    let n = self.shape[axis];
                    let j = normalize_index(*i, axis, n)?;
                    offset += j as isize * self.strides[axis];
                    axis += 1;
                }
                IndexItem::Int(i) => {
                    let n = self.shape[axis];
                    normalize_index(*i, axis, n)?;
                    adv_positions.push(pos);
                    advanced.push(Advanced { axis: shape.len(), orig_axis: axis, index: super::create::from_i64(&[*i]).reshape(&[])?, from_int: true });
                    shape.push(n);
                    strides.push(self.strides[axis]);
                    axis += 1;
                    all_int = false;
                }
                IndexItem::Slice(start, stop, step) => {
                    let n = self.shape[axis];
                    let (s, st, len) = slice_indices(*start, *stop, *step, n)?;
                    if len > 0 {
                        offset += s as isize * self.strides[axis];
                    }
                    shape.push(len);
                    strides.push(self.strides[axis] * st as isize);
                    axis += 1;
                    all_int = false;
                }
                IndexItem::NewAxis => {
                    shape.push(1);
                    strides.push(0);
                    all_int = false;
                }
                IndexItem::Ellipsis => {
                    let rest = self.ndim() - consumed;
                    for _ in 0..rest {
                        shape.push(self.shape[axis]);
                        strides.push(self.strides[axis]);
                        axis += 1;
                    }
                    all_int = false;
                }
                IndexItem::Array(a) if matches!(a.dtype().kind(), Kind::Bool) => {
                    all_int = false;
                    let k = a.ndim();
                    if k == 0 {
                        // a[True] / a[False]: a new axis of length 1 or 0.
                        let keep = a.values().first().and_then(|v| v.truthy()).unwrap_or(false);
                        adv_positions.push(pos);
                        let idx = if keep { super::create::from_i64(&[0]) } else { super::create::from_i64(&[]) };
                        advanced.push(Advanced { axis: shape.len(), orig_axis: axis, index: idx, from_int: false });
                        shape.push(1);
                        strides.push(0);
                        continue;
                    }
                    let coords = nonzero(a);
                    for (d, c) in coords.into_iter().enumerate() {
                        adv_positions.push(pos);
                        advanced.push(Advanced { axis: shape.len(), orig_axis: axis + d, index: c, from_int: false });
                        shape.push(self.shape[axis + d]);
                        strides.push(self.strides[axis + d]);
                    }
                    axis += k;
                }
                IndexItem::Array(a) => {
                    all_int = false;
                    let n = self.shape[axis];
                    adv_positions.push(pos);
                    advanced.push(Advanced { axis: shape.len(), orig_axis: axis, index: a.clone(), from_int: false });
                    shape.push(n);
                    strides.push(self.strides[axis]);
                    axis += 1;
                }
            }
        }
        // Remaining axes are taken whole.
        while axis < self.ndim() {
            shape.push(self.shape[axis]);
            strides.push(self.strides[axis]);
            axis += 1;
            all_int = false;
        }
        let view = self.view_with(offset.max(0) as usize, shape, strides);
        if advanced.is_empty() {
            return Ok(Selection::View(view, all_int));
        }
        // Broadcast the index arrays.
        let shapes: Vec<&[usize]> = advanced.iter().map(|a| a.index.shape()).collect();
        let bshape = broadcast_shape_of(&shapes).ok_or_else(|| {
            // Integers converted to 0-d index arrays are not listed.
            let parts: Vec<String> = advanced
                .iter()
                .filter(|a| !a.from_int)
                .map(|a| super::broadcast::compact_shape(a.index.shape()))
                .collect();
            NpError::index(format!(
                "shape mismatch: indexing arrays could not be broadcast together with shapes {} ",
                parts.join(" ")
            ))
        })?;
        let index_values: Vec<Vec<i64>> = advanced
            .iter()
            .map(|a| {
                a.index
                    .broadcast_to(&bshape)
                    .and_then(|b| b.to_num_vec::<i64>())
                    .unwrap_or_default()
            })
            .collect();
        let mut bounds_error = None;
        'check: for (ad, vals) in advanced.iter().zip(&index_values) {
            let n = view.shape[ad.axis];
            for &v in vals {
                if let Err(e) = normalize_index(v, ad.orig_axis, n) {
                    bounds_error = Some(e);
                    break 'check;
                }
            }
        }
        let adjacent = adv_positions.windows(2).all(|w| w[1] - w[0] <= 1);
        let adv_axes: Vec<usize> = advanced.iter().map(|a| a.axis).collect();
        let other_axes: Vec<usize> = (0..view.ndim()).filter(|a| !adv_axes.contains(a)).collect();
        let first_adv = adv_axes.iter().copied().min().unwrap_or(0);
        let before: Vec<usize> = if adjacent { other_axes.iter().copied().filter(|&a| a < first_adv).collect() } else { vec![] };
        let after: Vec<usize> = other_axes.iter().copied().filter(|a| !before.contains(a)).collect();
        let mut out_shape: Vec<usize> = before.iter().map(|&a| view.shape[a]).collect();
        out_shape.extend_from_slice(&bshape);
        out_shape.extend(after.iter().map(|&a| view.shape[a]));
        if let Some(e) = bounds_error {
            return Ok(Selection::OutOfBounds(out_shape, e));
        }
        let bsize: usize = bshape.iter().product();
        // Advanced offsets for each broadcast position.
        let mut adv_offsets = Vec::with_capacity(bsize);
        for k in 0..bsize {
            let mut o = 0isize;
            for (ad, vals) in advanced.iter().zip(&index_values) {
                let n = view.shape[ad.axis];
                let v = vals[k];
                let j = if v < 0 { v + n as i64 } else { v };
                o += j as isize * view.strides[ad.axis];
            }
            adv_offsets.push(o);
        }
        let part_offsets = |axes: &[usize]| -> Vec<isize> {
            let sub_shape: Vec<usize> = axes.iter().map(|&a| view.shape[a]).collect();
            let sub_strides: Vec<isize> = axes.iter().map(|&a| view.strides[a]).collect();
            let sub = view.view_with(0, sub_shape, sub_strides);
            let size = sub.size();
            if size == 0 {
                return vec![];
            }
            // Offsets relative to 0 (may be negative with negative strides).
            let mut out = Vec::with_capacity(size);
            let mut idx = vec![0usize; axes.len()];
            'outer: loop {
                out.push(idx.iter().zip(&sub.strides).map(|(&i, &s)| i as isize * s).sum());
                let mut d = axes.len();
                loop {
                    if d == 0 {
                        break 'outer;
                    }
                    d -= 1;
                    idx[d] += 1;
                    if idx[d] < sub.shape[d] {
                        break;
                    }
                    idx[d] = 0;
                }
            }
            out
        };
        let before_offs = part_offsets(&before);
        let after_offs = part_offsets(&after);
        let mut offsets = Vec::with_capacity(out_shape.iter().product());
        for &b in &before_offs {
            for &a in &adv_offsets {
                for &c in &after_offs {
                    offsets.push((view.offset as isize + b + a + c) as usize);
                }
            }
        }
        Ok(Selection::Gather(out_shape, offsets))
    }

    /// `a[index]`: a view for basic indexes, a copy for advanced ones, the element
    /// (NumPy scalar or object) when every axis is indexed by an integer.
    pub fn getitem(&self, index: &[IndexItem]) -> NpResult<PyValue> {
        match self.select(index)? {
            Selection::View(v, true) => Ok(v.value_at(v.offset)),
            Selection::View(v, false) => Ok(PyValue::Array(v)),
            Selection::Gather(shape, offsets) => {
                let buf = self.buffer().gather(&offsets);
                Ok(PyValue::Array(NdArray::from_buffer(buf, shape, self.dtype().clone())))
            }
            Selection::OutOfBounds(_, e) => Err(e),
        }
    }
    /// `a[index]` that must give an array (a 0-d view instead of a scalar).
    pub fn getitem_array(&self, index: &[IndexItem]) -> NpResult<NdArray> {
        match self.select(index)? {
            Selection::View(v, _) => Ok(v),
            Selection::Gather(shape, offsets) => {
                let buf = self.buffer().gather(&offsets);
                Ok(NdArray::from_buffer(buf, shape, self.dtype().clone()))
            }
            Selection::OutOfBounds(_, e) => Err(e),
        }
    }
    /// `a[index] = value`, broadcasting and casting the value (Python ints out of
    /// range raise OverflowError, as in NumPy).
    pub fn setitem(&self, index: &[IndexItem], value: &PyValue) -> NpResult<()> {
        let is_sequence = matches!(value, PyValue::List(_) | PyValue::Tuple(_))
            || matches!(value, PyValue::Array(a) if a.ndim() > 0);
        let selection = self.select(index)?;
        if let Selection::View(v, true) = &selection {
            // One element: NumPy packs the value with the dtype's own conversion.
            if is_sequence {
                return self.assign_sequence_to_element(v, value);
            }
        }
        let src = match value {
            PyValue::Array(a) => a.clone(),
            other => super::create::array(other, Some(&self.dtype))?,
        };
        if let [IndexItem::Array(mask)] = index {
            if matches!(mask.dtype().kind(), Kind::Bool) && mask.ndim() == self.ndim() && self.ndim() > 0 {
                if src.ndim() > 1 {
                    return Err(NpError::type_error(format!(
                        "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {} dimensions",
                        src.ndim()
                    )));
                }
                let count = mask.to_vec::<bool>().unwrap_or_default().iter().filter(|&&b| b).count();
                if src.ndim() == 1 && src.size() != 1 && src.size() != count {
                    return Err(NpError::value(format!(
                        "NumPy boolean array indexing assignment cannot assign {} input values to the {count} output values where the mask is true",
                        src.size()
                    )));
                }
            }
        }
        match selection {
            Selection::View(v, _) => {
                if v.ndim() == 0 && src.ndim() > 0 && src.size() != 1 {
                    return Err(NpError::value(
                        "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 0.",
                    ));
                }
                v.assign(&src)
            }
            Selection::Gather(shape, _) | Selection::OutOfBounds(shape, _) if src.broadcast_to(&shape).is_none() => {
                Err(NpError::value(format!(
                    "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                    super::broadcast::compact_shape(src.shape()),
                    super::broadcast::compact_shape(&shape)
                )))
            }
            Selection::Gather(shape, offsets) => self.assign_offsets(&offsets, &shape, &src),
            Selection::OutOfBounds(_, e) => Err(e),
        }
    }

    /// `a[i, j] = [..]`: a sequence stored into one element, as each dtype's
    /// conversion answers it (object arrays store the sequence itself).
    fn assign_sequence_to_element(&self, v: &NdArray, value: &PyValue) -> NpResult<()> {
        let type_name = match value {
            PyValue::List(_) => "list",
            PyValue::Tuple(_) => "tuple",
            _ => "numpy.ndarray",
        };
        let is_array = matches!(value, PyValue::Array(_));
        let seq_error = || NpError::value("setting an array element with a sequence.");
        match self.dtype.kind() {
            Kind::Object => {
                let stored = NdArray::from_buffer(super::storage::Buffer::Object(vec![value.clone()].into()), vec![], self.dtype.clone());
                v.assign(&stored)
            }
            Kind::Bool => {
                let truth = match value {
                    PyValue::Array(a) if a.size() == 1 => a.truthy()?,
                    PyValue::Array(_) => return Err(seq_error()),
                    other => other.truthy().unwrap_or(true),
                };
                v.assign(&NdArray::from_scalar(&super::scalar::Scalar::Bool(truth)))
            }
            k if self.dtype.is_integer() => {
                let _ = k;
                if is_array {
                    Err(seq_error())
                } else {
                    Err(NpError::type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{type_name}'"
                    )))
                }
            }
            _ if self.dtype.is_complex() => {
                if is_array {
                    Err(NpError::type_error("only 0-dimensional arrays can be converted to Python scalars"))
                } else {
                    Err(NpError::type_error(format!("must be real number, not {type_name}")))
                }
            }
            Kind::Str(_) | Kind::Bytes(_) => Err(NpError::value("setting an array element with a sequence")),
            Kind::Struct(_) | Kind::Void(_) => {
                let src = super::create::array(value, Some(&self.dtype))?;
                v.assign(&src)
            }
            _ => Err(seq_error()),
        }
    }
    /// Iteration over axis 0 (`for row in a`): the sub-arrays or elements.
    pub fn iter_axis0(&self) -> NpResult<Vec<PyValue>> {
        let n = self.len().map_err(|_| NpError::type_error("iteration over a 0-d array"))?;
        (0..n).map(|i| self.getitem(&[IndexItem::Int(i as i64)])).collect()
    }
}

/// `np.nonzero(a)`: one int64 index array per axis.
pub fn nonzero(a: &NdArray) -> Vec<NdArray> {
    let truth: Vec<bool> = a.values().iter().map(|v| v.truthy().unwrap_or(true)).collect();
    let nd = a.ndim().max(1);
    let shape = if a.ndim() == 0 { vec![1] } else { a.shape().to_vec() };
    let mut coords: Vec<Vec<i64>> = vec![Vec::new(); nd];
    for (flat, &t) in truth.iter().enumerate() {
        if !t {
            continue;
        }
        let mut rem = flat;
        for d in (0..nd).rev() {
            coords[d].push((rem % shape[d]) as i64);
            rem /= shape[d];
        }
    }
    coords.iter().map(|c| super::create::from_i64(c)).collect()
}
