//! Array creation: `np.array` from Python values with NumPy's dtype inference,
//! `zeros/ones/empty/full` (and `*_like`), `arange`, `linspace`, `eye`, `identity`,
//! `frombuffer`, and the allocation guard.

use super::dtype::DType;
use super::error::{NpError, NpResult};

/// The largest allocation h5lab attempts (bytes); larger requests fail with NumPy's
/// MemoryError text instead of exhausting the machine.
pub const MAX_ALLOCATION: u128 = 1 << 34;

/// Refuses shapes whose allocation NumPy would refuse (ValueError "array is too big")
/// or that exceed [`MAX_ALLOCATION`] (MemoryError).
pub fn check_allocation(shape: &[usize], dtype: &DType) -> NpResult<()> {
    // As NumPy: zero-length axes are skipped, the others must not overflow.
    let too_big = || {
        NpError::value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
    };
    let mut bytes: u128 = dtype.itemsize().max(1) as u128;
    for &n in shape.iter().filter(|&&n| n != 0) {
        bytes = bytes.checked_mul(n as u128).filter(|&b| b <= i64::MAX as u128).ok_or_else(too_big)?;
    }
    if !shape.contains(&0) && bytes > MAX_ALLOCATION {
        return Err(NpError::memory(shape, dtype));
    }
    Ok(())
}

use super::array::{normalize_axis, NdArray};
use super::cast::{size_text_dtype, text_len, values_to_buffer};
use super::dtype::Kind;
use super::num::NumVal;
use super::promote::promote_types;
use super::scalar::Scalar;
use super::storage::Buffer;
use super::value::PyValue;
use num_traits::ToPrimitive;

/// The nested shape of a Python value: (shape, ragged).
fn discover_shape(v: &PyValue, records: bool) -> (Vec<usize>, bool) {
    match v {
        PyValue::Array(a) => (a.shape().to_vec(), false),
        PyValue::Tuple(_) if records => (vec![], false),
        PyValue::List(items) | PyValue::Tuple(items) => {
            if items.is_empty() {
                return (vec![0], false);
            }
            let children: Vec<(Vec<usize>, bool)> = items.iter().map(|c| discover_shape(c, records)).collect();
            let first = &children[0].0;
            let uniform = children.iter().all(|(s, r)| !r && s == first);
            let mut shape = vec![items.len()];
            if uniform {
                shape.extend_from_slice(first);
                (shape, false)
            } else {
                let mut prefix = first.clone();
                for (s, _) in &children[1..] {
                    let common = prefix.iter().zip(s).take_while(|(a, b)| a == b).count();
                    prefix.truncate(common);
                }
                shape.extend_from_slice(&prefix);
                (shape, true)
            }
        }
        _ => (vec![], false),
    }
}

/// The values at depth `depth` of a nested value, in C order.
fn collect_leaves(v: &PyValue, depth: usize, out: &mut Vec<PyValue>) {
    if depth == 0 {
        out.push(v.clone());
        return;
    }
    match v {
        PyValue::List(items) | PyValue::Tuple(items) => {
            for item in items {
                collect_leaves(item, depth - 1, out);
            }
        }
        PyValue::Array(a) => {
            let keep = a.ndim().saturating_sub(depth);
            if keep == 0 {
                out.extend(a.values());
            } else {
                // Sub-arrays at the leaf depth (object arrays of arrays).
                let lead: Vec<usize> = a.shape()[..a.ndim() - keep].to_vec();
                let count: usize = lead.iter().product();
                let flat = a.reshape(&[count as isize, -1]).ok();
                for i in 0..count {
                    if let Some(f) = &flat {
                        out.push(f.values().get(i).cloned().unwrap_or(PyValue::None));
                    }
                }
            }
        }
        other => out.push(other.clone()),
    }
}

/// The dtype NumPy discovers for one leaf value (`None` for "object").
fn leaf_dtype(v: &PyValue) -> DType {
    match v {
        PyValue::Bool(_) => DType::bool(),
        PyValue::Int(i) => match i.to_i64() {
            Some(_) => DType::int64(),
            None if i.to_u64().is_some() => DType::new(Kind::UInt64),
            None => DType::object(),
        },
        PyValue::Float(_) => DType::float64(),
        PyValue::Complex(_) => DType::complex128(),
        PyValue::Str(s) => DType::new(Kind::Str(s.chars().count())),
        PyValue::Bytes(b) => DType::new(Kind::Bytes(b.len())),
        PyValue::Scalar(s) => s.dtype(),
        PyValue::Array(a) => a.dtype().clone(),
        _ => DType::object(),
    }
}

/// Promotion as array coercion does it, where numbers and strings combine into a
/// string type sized for the number's text.
pub fn coerce_types(a: &DType, b: &DType) -> DType {
    let text = |d: &DType| matches!(d.kind(), Kind::Str(_) | Kind::Bytes(_));
    match (a.kind(), b.kind()) {
        (Kind::Object, _) | (_, Kind::Object) => DType::object(),
        (Kind::Str(x), Kind::Str(y)) | (Kind::Str(x), Kind::Bytes(y)) | (Kind::Bytes(x), Kind::Str(y)) => {
            DType::new(Kind::Str(*x.max(y)))
        }
        (Kind::Bytes(x), Kind::Bytes(y)) => DType::new(Kind::Bytes(*x.max(y))),
        _ if text(a) || text(b) => {
            let (t, n) = if text(a) { (a, b) } else { (b, a) };
            let len = text_len(t).max(text_len(n));
            match t.kind() {
                Kind::Str(_) => DType::new(Kind::Str(len)),
                _ => DType::new(Kind::Bytes(len)),
            }
        }
        _ => promote_types(a, b).unwrap_or_else(|_| DType::object()),
    }
}

/// `np.array(obj, dtype=dtype)`: nested lists/tuples/arrays/scalars with NumPy's
/// shape and dtype discovery and conversion errors. Always a new array.
pub fn array(obj: &PyValue, dtype: Option<&DType>) -> NpResult<NdArray> {
    if let PyValue::Array(a) = obj {
        return match dtype {
            Some(d) => a.astype(d),
            None => Ok(a.copy()),
        };
    }
    let records = dtype.is_some_and(|d| d.is_struct());
    let (shape, ragged) = discover_shape(obj, records);
    let is_object = dtype.is_some_and(|d| matches!(d.kind(), Kind::Object));
    if ragged && !is_object {
        let mut detected = shape.clone();
        let dims = detected.len();
        detected.truncate(dims);
        return Err(NpError::value(format!(
            "setting an array element with a sequence. The requested array has an inhomogeneous shape after {dims} dimensions. The detected shape was {} + inhomogeneous part.",
            super::format::shape_repr(&detected)
        )));
    }
    let mut leaves = Vec::new();
    collect_leaves(obj, shape.len(), &mut leaves);
    let dtype = match dtype {
        Some(d) => d.clone(),
        None => {
            let mut it = leaves.iter().map(leaf_dtype);
            match it.next() {
                None => DType::float64(),
                Some(first) => it.fold(first, |acc, d| coerce_types(&acc, &d)),
            }
        }
    };
    let dtype = match dtype.kind() {
        Kind::Str(0) | Kind::Bytes(0) => size_text_dtype(&dtype, &leaves),
        _ => dtype,
    };
    check_allocation(&shape, &dtype)?;
    let buffer = values_to_buffer(&leaves, &dtype)?;
    Ok(NdArray::from_buffer(buffer, shape, dtype))
}

/// `np.asarray(obj)`: the array itself when it already is one (no copy).
pub fn asarray(obj: &PyValue, dtype: Option<&DType>) -> NpResult<NdArray> {
    match (obj, dtype) {
        (PyValue::Array(a), None) => Ok(a.clone()),
        (PyValue::Array(a), Some(d)) if a.dtype() == d => Ok(a.clone()),
        _ => array(obj, dtype),
    }
}

/// Checks a shape given as Python ints (negative → NumPy's ValueError).
pub fn shape_from(dims: &[i64]) -> NpResult<Vec<usize>> {
    if dims.iter().any(|&d| d < 0) {
        return Err(NpError::value("negative dimensions are not allowed"));
    }
    Ok(dims.iter().map(|&d| d as usize).collect())
}

/// `np.zeros(shape, dtype)` (also `np.empty`, which h5lab zero-fills).
pub fn zeros(shape: &[usize], dtype: &DType) -> NpResult<NdArray> {
    NdArray::zeros(shape, dtype)
}

/// `np.full(shape, value, dtype)`: dtype from the value when not given.
pub fn full(shape: &[usize], value: &PyValue, dtype: Option<&DType>) -> NpResult<NdArray> {
    let v = array(value, dtype)?;
    let dtype = v.dtype().clone();
    let out = NdArray::zeros(shape, &dtype)?;
    out.assign(&v)?;
    Ok(out)
}

/// `np.ones(shape, dtype)`.
pub fn ones(shape: &[usize], dtype: &DType) -> NpResult<NdArray> {
    full(shape, &PyValue::int(1), Some(dtype))
}

/// `np.zeros_like(a)` / `np.ones_like` / `np.full_like` / `np.empty_like`: the shape and
/// (unless given) dtype of `a`, filled with `value` (`None` for zeros).
pub fn full_like(a: &NdArray, value: Option<&PyValue>, dtype: Option<&DType>) -> NpResult<NdArray> {
    let dtype = dtype.cloned().unwrap_or_else(|| a.dtype().clone());
    match value {
        None => NdArray::zeros(a.shape(), &dtype),
        Some(v) => full(a.shape(), v, Some(&dtype)),
    }
}

/// A number given to `arange`/`linspace`.
fn num_of(v: &PyValue) -> NpResult<(NumVal, DType)> {
    let n = v.as_number().ok_or_else(|| NpError::type_error("unsupported operand type for arange"))?;
    Ok((n, leaf_dtype(v)))
}

/// `np.arange(start, stop, step, dtype)` (`stop` None means `arange(start)`).
pub fn arange(start: &PyValue, stop: Option<&PyValue>, step: Option<&PyValue>, dtype: Option<&DType>) -> NpResult<NdArray> {
    let zero = PyValue::int(0);
    let one = PyValue::int(1);
    let (start, stop) = match stop {
        Some(s) => (start, s),
        None => (&zero, start),
    };
    let step = step.unwrap_or(&one);
    let (a, da) = num_of(start)?;
    let (b, db) = num_of(stop)?;
    let (s, ds) = num_of(step)?;
    let inferred = promote_types(&promote_types(&da, &db)?, &ds)?;
    let dtype = dtype.cloned().unwrap_or(inferred.clone());
    let is_int = |v: NumVal| matches!(v, NumVal::Int(_) | NumVal::Bool(_));
    let len: i128 = if is_int(a) && is_int(b) && is_int(s) {
        let (a, b, s) = (int_of(a), int_of(b), int_of(s));
        if s == 0 {
            return Err(NpError::new("ZeroDivisionError", "division by zero"));
        }
        let n = (b - a + s - s.signum()) / s;
        n.max(0)
    } else {
        let (a, b, s) = (a.as_f64(), b.as_f64(), s.as_f64());
        if s == 0.0 {
            return Err(NpError::new("ZeroDivisionError", "division by zero"));
        }
        let n = ((b - a) / s).ceil();
        if n.is_nan() {
            return Err(NpError::value("arange: cannot compute length"));
        }
        if n > i64::MAX as f64 {
            return Err(NpError::value("Maximum allowed size exceeded"));
        }
        (n as i128).max(0)
    };
    let len = usize::try_from(len).map_err(|_| NpError::value("Maximum allowed size exceeded"))?;
    check_allocation(&[len], &dtype)?;
    let integral = inferred.is_integer() || matches!(inferred.kind(), Kind::Bool);
    if let Some(buffer) = arange_fast(integral, a, s, len, &dtype) {
        return Ok(NdArray::from_buffer(buffer, vec![len], dtype));
    }
    let buffer = if integral {
        let (a, s) = (int_of(a), int_of(s));
        super::cast::num_buffer_from(len, &dtype, |i| NumVal::Int(a + i as i128 * s))
    } else {
        // NumPy fills from the first two values: start + i * ((start + step) - start).
        let first = a.as_f64();
        let delta = (first + s.as_f64()) - first;
        super::cast::num_buffer_from(len, &dtype, |i| NumVal::Float(first + i as f64 * delta))
    };
    Ok(NdArray::from_buffer(buffer, vec![len], dtype))
}

/// `arange` of the common cases (int64 or float64 from integers that stay in int64
/// range, float64 from floats) filled straight into their buffers; None otherwise.
fn arange_fast(integral: bool, a: NumVal, s: NumVal, len: usize, dtype: &DType) -> Option<Buffer> {
    use super::fast::collect_big;
    // Integer start and step whose every value fits int64 (so that none wraps).
    let ints = || {
        let (a, s) = (i64::try_from(int_of(a)).ok()?, i64::try_from(int_of(s)).ok()?);
        (len as i64).checked_sub(1).map_or(Some(a), |last| s.checked_mul(last).and_then(|d| a.checked_add(d)))?;
        Some((a, s))
    };
    match dtype.kind() {
        Kind::Int64 if integral => {
            let (a, s) = ints()?;
            Some(Buffer::I64(collect_big(len, (0..len as i64).map(|i| a + i * s)).into()))
        }
        Kind::Float64 if integral => {
            let (a, s) = ints()?;
            Some(Buffer::F64(collect_big(len, (0..len as i64).map(|i| (a + i * s) as f64)).into()))
        }
        Kind::Float64 if !integral => {
            let first = a.as_f64();
            let delta = (first + s.as_f64()) - first;
            Some(Buffer::F64(collect_big(len, (0..len).map(|i| first + i as f64 * delta)).into()))
        }
        _ => None,
    }
}

fn int_of(v: NumVal) -> i128 {
    match v {
        NumVal::Int(i) => i,
        NumVal::Bool(b) => b as i128,
        other => other.as_i64() as i128,
    }
}

/// `np.linspace(start, stop, num, endpoint, dtype)`.
pub fn linspace(start: f64, stop: f64, num: i64, endpoint: bool, dtype: Option<&DType>) -> NpResult<NdArray> {
    if num < 0 {
        return Err(NpError::value(format!("Number of samples, {num}, must be non-negative.")));
    }
    let n = num as usize;
    let dtype_checked = dtype.cloned().unwrap_or_else(DType::float64);
    check_allocation(&[n], &dtype_checked)?;
    let div = if endpoint { n.saturating_sub(1) } else { n };
    let delta = stop - start;
    let step = delta / div as f64;
    let mut vals: Vec<f64> = (0..n)
        .map(|i| {
            let i = i as f64;
            if div > 0 {
                if step == 0.0 {
                    i / div as f64 * delta + start
                } else {
                    i * step + start
                }
            } else {
                i * delta + start
            }
        })
        .collect();
    if endpoint && n > 1 {
        vals[n - 1] = stop;
    }
    let dtype = dtype.cloned().unwrap_or_else(DType::float64);
    if dtype.is_integer() {
        for v in &mut vals {
            *v = v.floor();
        }
    }
    let nums: Vec<NumVal> = vals.into_iter().map(NumVal::Float).collect();
    check_allocation(&[n], &dtype)?;
    Ok(NdArray::from_buffer(super::cast::num_buffer(&nums, &dtype), vec![n], dtype))
}

/// `np.eye(n, m, k, dtype)`.
pub fn eye(n: usize, m: Option<usize>, k: i64, dtype: &DType) -> NpResult<NdArray> {
    let m = m.unwrap_or(n);
    check_allocation(&[n, m], dtype)?;
    let nums: Vec<NumVal> = (0..n * m)
        .map(|p| {
            let (i, j) = ((p / m.max(1)) as i64, (p % m.max(1)) as i64);
            NumVal::Int((j - i == k) as i128)
        })
        .collect();
    Ok(NdArray::from_buffer(super::cast::num_buffer(&nums, dtype), vec![n, m], dtype.clone()))
}

/// `np.identity(n, dtype)`.
pub fn identity(n: usize, dtype: &DType) -> NpResult<NdArray> {
    eye(n, None, 0, dtype)
}

/// `np.frombuffer(data, dtype, count, offset)`.
pub fn frombuffer(data: &[u8], dtype: &DType, count: i64, offset: usize) -> NpResult<NdArray> {
    let size = dtype.itemsize();
    if size == 0 {
        return Err(NpError::value("itemsize cannot be zero in type"));
    }
    if offset > data.len() {
        return Err(NpError::value("offset must be non-negative and no greater than buffer length"));
    }
    let avail = data.len() - offset;
    let n = if count < 0 {
        if avail % size != 0 {
            return Err(NpError::value("buffer size must be a multiple of element size"));
        }
        avail / size
    } else {
        let c = count as usize;
        if c * size > avail {
            return Err(NpError::value("buffer is smaller than requested size"));
        }
        c
    };
    let raw = &data[offset..offset + n * size];
    Ok(NdArray::from_buffer(super::bytes::decode(raw, dtype), vec![n], dtype.clone()))
}

impl NdArray {
    /// `a.tobytes()`: the elements' raw bytes in C order and the dtype's byte order.
    pub fn tobytes(&self) -> NpResult<Vec<u8>> {
        if let Some(bytes) = self.plain_tobytes() {
            return Ok(bytes);
        }
        super::bytes::encode(&self.buffer(), &self.offsets(), self.dtype())
    }
}

/// `np.concatenate(arrays, axis)` (axis `None` flattens first).
pub fn concatenate(arrays: &[NdArray], axis: Option<isize>) -> NpResult<NdArray> {
    if arrays.is_empty() {
        return Err(NpError::value("need at least one array to concatenate"));
    }
    let arrays: Vec<NdArray> = match axis {
        None => arrays.iter().map(|a| a.ravel()).collect(),
        Some(_) => arrays.to_vec(),
    };
    let ndim = arrays[0].ndim();
    if ndim == 0 {
        return Err(NpError::value("zero-dimensional arrays cannot be concatenated"));
    }
    let axis = normalize_axis(axis.unwrap_or(0), ndim)?;
    for (i, a) in arrays.iter().enumerate().skip(1) {
        if a.ndim() != ndim {
            return Err(NpError::value(format!(
                "all the input arrays must have same number of dimensions, but the array at index 0 has {ndim} dimension(s) and the array at index {i} has {} dimension(s)",
                a.ndim()
            )));
        }
        for d in 0..ndim {
            if d != axis && a.shape()[d] != arrays[0].shape()[d] {
                return Err(NpError::value(format!(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {} and the array at index {i} has size {}",
                    arrays[0].shape()[d],
                    a.shape()[d]
                )));
            }
        }
    }
    let dtype = arrays[1..].iter().fold(arrays[0].dtype().clone(), |acc, a| coerce_types(&acc, a.dtype()));
    let mut shape = arrays[0].shape().to_vec();
    shape[axis] = arrays.iter().map(|a| a.shape()[axis]).sum();
    let out = NdArray::zeros(&shape, &dtype)?;
    let mut start = 0;
    for a in &arrays {
        let n = a.shape()[axis];
        let part = out.slice_axis(axis, start, n);
        part.assign(a)?;
        start += n;
    }
    Ok(out)
}

/// `np.stack(arrays, axis)`.
pub fn stack(arrays: &[NdArray], axis: isize) -> NpResult<NdArray> {
    if arrays.is_empty() {
        return Err(NpError::value("need at least one array to stack"));
    }
    if arrays.iter().any(|a| a.shape() != arrays[0].shape()) {
        return Err(NpError::value("all input arrays must have the same shape"));
    }
    let ndim = arrays[0].ndim() + 1;
    let ax = normalize_axis(axis, ndim)?;
    let expanded: NpResult<Vec<NdArray>> = arrays.iter().map(|a| a.expand_dims(ax)).collect();
    concatenate(&expanded?, Some(ax as isize))
}

/// `np.vstack(arrays)`.
pub fn vstack(arrays: &[NdArray]) -> NpResult<NdArray> {
    let a: Vec<NdArray> = arrays.iter().map(|a| a.atleast_2d()).collect();
    concatenate(&a, Some(0))
}

/// `np.hstack(arrays)`.
pub fn hstack(arrays: &[NdArray]) -> NpResult<NdArray> {
    let a: Vec<NdArray> = arrays.iter().map(|a| if a.ndim() == 0 { a.reshape(&[1]).unwrap_or_else(|_| a.clone()) } else { a.clone() }).collect();
    if a.first().is_some_and(|x| x.ndim() == 1) {
        concatenate(&a, Some(0))
    } else {
        concatenate(&a, Some(1))
    }
}

/// A structured record's bytes from a Python tuple (or a void scalar).
pub(crate) fn record_from_value(v: &PyValue, dtype: &DType) -> NpResult<Vec<u8>> {
    let size = dtype.itemsize();
    match (v, dtype.struct_layout()) {
        (PyValue::Scalar(Scalar::Void(b, d)), _) if d == dtype => Ok(b.clone()),
        (PyValue::Tuple(items), Some(layout)) => {
            if items.len() != layout.fields.len() {
                return Err(NpError::value(format!(
                    "could not assign tuple of length {} to structure with {} fields.",
                    items.len(),
                    layout.fields.len()
                )));
            }
            let mut rec = vec![0u8; size];
            for (item, f) in items.iter().zip(&layout.fields) {
                let fa = array(item, Some(&f.dtype))?;
                let fa = if f.shape.is_empty() {
                    fa
                } else {
                    let target = NdArray::zeros(&f.shape, &f.dtype)?;
                    target.assign(&fa)?;
                    target
                };
                let bytes = fa.tobytes()?;
                let end = (f.offset + bytes.len()).min(size);
                rec[f.offset..end].copy_from_slice(&bytes[..end - f.offset]);
            }
            Ok(rec)
        }
        (PyValue::Bytes(b), None) => {
            let mut r = b.clone();
            r.resize(size, 0);
            Ok(r)
        }
        (other, Some(_)) => {
            // A scalar broadcast to every field (np.zeros-like fills and `a[:] = 0`).
            let mut rec = vec![0u8; size];
            if let Some(layout) = dtype.struct_layout() {
                for f in &layout.fields {
                    let target = NdArray::zeros(&f.shape, &f.dtype)?;
                    target.assign(&array(other, Some(&f.dtype))?)?;
                    let bytes = target.tobytes()?;
                    rec[f.offset..f.offset + bytes.len()].copy_from_slice(&bytes);
                }
            }
            Ok(rec)
        }
        _ => Err(NpError::type_error("a bytes-like object is required")),
    }
}

/// A convenience for callers: a 1-d int64 array from Rust integers.
pub fn from_i64(values: &[i64]) -> NdArray {
    NdArray::from_buffer(Buffer::I64(values.to_vec().into()), vec![values.len()], DType::int64())
}

/// A convenience for callers: a 1-d float64 array from Rust floats.
pub fn from_f64(values: &[f64]) -> NdArray {
    NdArray::from_buffer(Buffer::F64(values.to_vec().into()), vec![values.len()], DType::float64())
}
