//! The N-dimensional array: a shared [`Buffer`] addressed through an offset and
//! element strides, so slices, transposes and reshapes are views that share memory
//! with their base as NumPy's do. `ndarray` views over the buffer are made on demand.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, IxDyn, ShapeBuilder};

use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::num::Num;
use super::scalar::Scalar;
use super::storage::{Buffer, Elem};
use super::value::PyValue;

/// A NumPy array (or a view of one).
#[derive(Clone, Debug)]
pub struct NdArray {
    pub(crate) data: Rc<RefCell<Buffer>>,
    pub(crate) offset: usize,
    pub(crate) shape: Vec<usize>,
    pub(crate) strides: Vec<isize>,
    pub(crate) dtype: DType,
}

/// C-order (row-major) element strides of a shape.
pub fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for (i, &n) in shape.iter().enumerate().rev() {
        strides[i] = acc;
        acc = acc.saturating_mul(n.max(1) as isize);
    }
    strides
}

impl NdArray {
    /// An array owning `buffer` (C order) with the given shape and dtype. The buffer's
    /// length must be the shape's product and its element type must fit the dtype.
    pub fn from_buffer(buffer: Buffer, shape: Vec<usize>, dtype: DType) -> NdArray {
        debug_assert_eq!(buffer.len(), shape.iter().product::<usize>());
        NdArray {
            strides: c_strides(&shape),
            data: Rc::new(RefCell::new(buffer)),
            offset: 0,
            shape,
            dtype,
        }
    }
    /// An array owning the elements of an `ndarray` array.
    pub fn from_ndarray<T: Elem>(a: ArrayD<T>, dtype: DType) -> NdArray {
        let shape = a.shape().to_vec();
        let v: Vec<T> = if a.is_standard_layout() {
            let (v, _) = a.into_raw_vec_and_offset();
            v
        } else {
            a.iter().cloned().collect()
        };
        NdArray::from_buffer(T::into_buffer(v), shape, dtype)
    }
    /// A 0-d array holding one scalar.
    pub fn from_scalar(s: &Scalar) -> NdArray {
        let dtype = s.dtype();
        let buffer = match s {
            Scalar::Bool(v) => Buffer::Bool(vec![*v].into()),
            Scalar::I8(v) => Buffer::I8(vec![*v].into()),
            Scalar::I16(v) => Buffer::I16(vec![*v].into()),
            Scalar::I32(v) => Buffer::I32(vec![*v].into()),
            Scalar::I64(v) => Buffer::I64(vec![*v].into()),
            Scalar::U8(v) => Buffer::U8(vec![*v].into()),
            Scalar::U16(v) => Buffer::U16(vec![*v].into()),
            Scalar::U32(v) => Buffer::U32(vec![*v].into()),
            Scalar::U64(v) => Buffer::U64(vec![*v].into()),
            Scalar::F16(v) => Buffer::F16(vec![*v].into()),
            Scalar::F32(v) => Buffer::F32(vec![*v].into()),
            Scalar::F64(v) => Buffer::F64(vec![*v].into()),
            Scalar::C64(v) => Buffer::C64(vec![*v].into()),
            Scalar::C128(v) => Buffer::C128(vec![*v].into()),
            Scalar::Bytes(v) => Buffer::Bytes(vec![v.clone()].into()),
            Scalar::Str(v) => Buffer::Str(vec![v.clone()].into()),
            Scalar::Void(v, _) => Buffer::Record(vec![v.clone()].into()),
        };
        NdArray::from_buffer(buffer, vec![], dtype)
    }

    /// `.shape`.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    /// `.ndim`.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    /// `.size`.
    pub fn size(&self) -> usize {
        if self.shape.contains(&0) {
            0
        } else {
            self.shape.iter().fold(1usize, |acc, &n| acc.saturating_mul(n))
        }
    }
    /// `len(a)`: the length of axis 0 (TypeError for 0-d arrays).
    pub fn len(&self) -> NpResult<usize> {
        self.shape.first().copied().ok_or_else(|| NpError::type_error("len() of unsized object"))
    }
    /// `bool(a)`: the only element's truth, with NumPy's errors for empty and
    /// multi-element arrays.
    pub fn truthy(&self) -> NpResult<bool> {
        match self.size() {
            0 => Err(NpError::value(
                "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.",
            )),
            1 => Ok(self.values().first().and_then(|v| v.truthy()).unwrap_or(true)),
            _ => Err(NpError::value(
                "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
            )),
        }
    }
    /// Whether the array has no element.
    pub fn is_empty(&self) -> bool {
        self.size() == 0
    }
    /// `.dtype`.
    pub fn dtype(&self) -> &DType {
        &self.dtype
    }
    /// `.itemsize`.
    pub fn itemsize(&self) -> usize {
        self.dtype.itemsize()
    }
    /// `.nbytes`.
    pub fn nbytes(&self) -> usize {
        self.size().saturating_mul(self.itemsize())
    }
    /// `.strides` in bytes.
    pub fn strides(&self) -> Vec<isize> {
        self.strides.iter().map(|s| s * self.itemsize() as isize).collect()
    }
    /// Whether two arrays are views of the same memory (`np.shares_memory` for views
    /// of one base).
    pub fn shares_memory(&self, other: &NdArray) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
    }
    /// Whether the array is C-contiguous.
    pub fn is_c_contiguous(&self) -> bool {
        if self.size() <= 1 {
            return true;
        }
        let expected = c_strides(&self.shape);
        self.shape.iter().zip(self.strides.iter().zip(&expected)).all(|(&n, (s, e))| n == 1 || s == e)
    }
    /// The same elements viewed with another dtype of the same element type (metadata
    /// or byte-order changes).
    pub fn with_dtype(&self, dtype: DType) -> NdArray {
        NdArray { dtype, ..self.clone() }
    }

    /// The buffer indices of every element, in C order.
    pub fn offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.size());
        self.for_each_offset(|p| out.push(p));
        out
    }
    /// The buffer indices of every element, in C order, without materialising them.
    pub fn offset_iter(&self) -> Offsets<'_> {
        Offsets {
            shape: &self.shape,
            strides: &self.strides,
            idx: vec![0; self.shape.len()],
            pos: self.offset as isize,
            remaining: self.size(),
        }
    }
    /// The buffer index of the element at flat (C-order) position `i` (`i < size`).
    fn flat_offset(&self, mut i: usize) -> usize {
        let mut pos = self.offset as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides).rev() {
            let n = n.max(1);
            pos += (i % n) as isize * s;
            i /= n;
        }
        pos as usize
    }
    /// The buffer, borrowed.
    pub(crate) fn buffer(&self) -> Ref<'_, Buffer> {
        self.data.borrow()
    }

    /// Runs `f` on an `ndarray` view of the elements when they are of type `T`.
    pub fn with_view<T: Elem, R>(&self, f: impl FnOnce(ArrayViewD<'_, T>) -> R) -> Option<R> {
        let buf = self.data.borrow();
        let slice = T::slice(&buf)?;
        let (start, strides, inverted) = self.positive_layout();
        let shape = IxDyn(&self.shape).strides(IxDyn(&strides));
        let mut view = if self.size() == 0 {
            ArrayViewD::from_shape(IxDyn(&self.shape), &slice[..0]).ok()?
        } else {
            ArrayViewD::from_shape(shape, slice.get(start..)?).ok()?
        };
        for axis in inverted {
            view.invert_axis(ndarray::Axis(axis));
        }
        Some(f(view))
    }
    /// Runs `f` on a mutable `ndarray` view of the elements when they are of type `T`.
    pub fn with_view_mut<T: Elem, R>(&self, f: impl FnOnce(ArrayViewMutD<'_, T>) -> R) -> Option<R> {
        let mut buf = self.data.borrow_mut();
        let slice = T::slice_mut(&mut buf)?;
        let (start, strides, inverted) = self.positive_layout();
        let shape = IxDyn(&self.shape).strides(IxDyn(&strides));
        let mut view = if self.size() == 0 {
            ArrayViewMutD::from_shape(IxDyn(&self.shape), &mut slice[..0]).ok()?
        } else {
            ArrayViewMutD::from_shape(shape, slice.get_mut(start..)?).ok()?
        };
        for axis in inverted {
            view.invert_axis(ndarray::Axis(axis));
        }
        Some(f(view))
    }
    fn positive_layout(&self) -> (usize, Vec<usize>, Vec<usize>) {
        let mut start = self.offset as isize;
        let mut strides = Vec::with_capacity(self.ndim());
        let mut inverted = Vec::new();
        for (axis, (&n, &s)) in self.shape.iter().zip(&self.strides).enumerate() {
            if s < 0 {
                start += s * (n as isize - 1).max(0);
                inverted.push(axis);
            }
            strides.push(if n <= 1 { 0 } else { s.unsigned_abs() });
        }
        (start.max(0) as usize, strides, inverted)
    }
    /// The elements as an owned `ndarray` array of type `T` (C order), if they are `T`.
    pub fn to_ndarray<T: Elem>(&self) -> Option<ArrayD<T>> {
        self.with_view(|v: ArrayViewD<T>| v.to_owned())
    }
    /// The elements in C order, if they are of type `T`.
    pub fn to_vec<T: Elem>(&self) -> Option<Vec<T>> {
        let buf = self.data.borrow();
        let slice = T::slice(&buf)?;
        if let Some(range) = self.contiguous_range() {
            return Some(slice[range].to_vec());
        }
        Some(self.offset_iter().map(|i| slice[i].clone()).collect())
    }

    /// The element at buffer index `pos` as a Python value: a NumPy scalar, or the
    /// object itself for object arrays.
    pub(crate) fn value_at(&self, pos: usize) -> PyValue {
        let buf = self.data.borrow();
        match &*buf {
            Buffer::Object(v) => v[pos].clone(),
            Buffer::Bytes(v) => PyValue::Scalar(Scalar::Bytes(v[pos].clone())),
            Buffer::Str(v) => PyValue::Scalar(Scalar::Str(v[pos].clone())),
            Buffer::Record(v) => PyValue::Scalar(Scalar::Void(v[pos].clone(), self.dtype.clone())),
            b => crate::np_dispatch_numeric!(b, v => PyValue::Scalar(v[pos].to_scalar()), _ => PyValue::None),
        }
    }
    /// The element at a full index (non-negative, in bounds) as a Python value.
    pub fn get(&self, index: &[usize]) -> NpResult<PyValue> {
        if index.len() != self.ndim() {
            return Err(NpError::value("can only convert an array of size 1 to a Python scalar"));
        }
        let mut pos = self.offset as isize;
        for (axis, (&i, &n)) in index.iter().zip(&self.shape).enumerate() {
            if i >= n {
                return Err(NpError::index(format!(
                    "index {i} is out of bounds for axis {axis} with size {n}"
                )));
            }
            pos += i as isize * self.strides[axis];
        }
        Ok(self.value_at(pos as usize))
    }
    /// Every element as a Python value, in C order.
    pub fn values(&self) -> Vec<PyValue> {
        self.offset_iter().map(|p| self.value_at(p)).collect()
    }

    /// A C-contiguous copy (`a.copy()`), dtype and metadata kept.
    pub fn copy(&self) -> NdArray {
        let buf = self.data.borrow();
        let new = match self.contiguous_range() {
            Some(range) => buf.slice_copy(range.start, range.len()),
            None => buf.gather_iter(self.offset_iter()),
        };
        NdArray::from_buffer(new, self.shape.clone(), self.dtype.clone())
    }
    /// A view of the same elements with different layout (shape, strides, offset).
    pub(crate) fn view_with(&self, offset: usize, shape: Vec<usize>, strides: Vec<isize>) -> NdArray {
        NdArray { data: self.data.clone(), offset, shape, strides, dtype: self.dtype.clone() }
    }
    /// `a.T` / `a.transpose()`: the axes reversed (a view).
    pub fn t(&self) -> NdArray {
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        shape.reverse();
        strides.reverse();
        self.view_with(self.offset, shape, strides)
    }
    /// `a.transpose(axes)`: the axes permuted (a view).
    pub fn transpose(&self, axes: &[isize]) -> NpResult<NdArray> {
        if axes.is_empty() {
            return Ok(self.t());
        }
        if axes.len() != self.ndim() {
            return Err(NpError::value("axes don't match array"));
        }
        let mut seen = vec![false; self.ndim()];
        let mut shape = Vec::new();
        let mut strides = Vec::new();
        for &a in axes {
            let ax = normalize_axis(a, self.ndim())?;
            if seen[ax] {
                return Err(NpError::value("repeated axis in transpose"));
            }
            seen[ax] = true;
            shape.push(self.shape[ax]);
            strides.push(self.strides[ax]);
        }
        Ok(self.view_with(self.offset, shape, strides))
    }
    /// `a.reshape(shape)` with one `-1` allowed: a view when the layout allows, a
    /// copy otherwise; NumPy's error texts.
    pub fn reshape(&self, shape: &[isize]) -> NpResult<NdArray> {
        let new_shape = resolve_shape(shape, self.size())?;
        if let Some(strides) = reshape_strides(&self.shape, &self.strides, &new_shape) {
            return Ok(self.view_with(self.offset, new_shape, strides));
        }
        let c = self.copy();
        Ok(NdArray { strides: c_strides(&new_shape), shape: new_shape, ..c })
    }
    /// `a.ravel()`: a 1-d view when contiguous, else a copy.
    pub fn ravel(&self) -> NdArray {
        let n = self.size() as isize;
        self.reshape(&[n]).unwrap_or_else(|_| self.flatten())
    }
    /// `a.flatten()`: a 1-d copy.
    pub fn flatten(&self) -> NdArray {
        let c = self.copy();
        let n = c.size();
        NdArray { shape: vec![n], strides: vec![1], ..c }
    }
    /// `a.tolist()`: nested Python lists of Python scalars (0-d: the scalar).
    pub fn tolist(&self) -> PyValue {
        let values: Vec<PyValue> = self.values().into_iter().map(to_python_scalar).collect();
        if self.ndim() == 0 {
            return values.into_iter().next().unwrap_or(PyValue::None);
        }
        nest(&values, &self.shape)
    }
    /// `a.item()`: the only element as a Python scalar (ValueError unless size 1).
    pub fn item(&self) -> NpResult<PyValue> {
        if self.size() != 1 {
            return Err(NpError::value("can only convert an array of size 1 to a Python scalar"));
        }
        Ok(to_python_scalar(self.value_at(self.flat_offset(0))))
    }
    /// `a.item(i)` with a flat index (negative counts from the end).
    pub fn item_at(&self, index: isize) -> NpResult<PyValue> {
        let size = self.size() as isize;
        let i = if index < 0 { index + size } else { index };
        if i < 0 || i >= size {
            return Err(NpError::index(format!("index {index} is out of bounds for size {size}")));
        }
        Ok(to_python_scalar(self.value_at(self.flat_offset(i as usize))))
    }
}

/// The buffer indices of an array's elements in C order (see
/// [`NdArray::offset_iter`]).
pub struct Offsets<'a> {
    shape: &'a [usize],
    strides: &'a [isize],
    idx: Vec<usize>,
    pos: isize,
    remaining: usize,
}

impl Iterator for Offsets<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.remaining == 0 {
            return None;
        }
        let out = self.pos as usize;
        self.remaining -= 1;
        if self.remaining > 0 {
            for axis in (0..self.shape.len()).rev() {
                self.idx[axis] += 1;
                self.pos += self.strides[axis];
                if self.idx[axis] < self.shape[axis] {
                    break;
                }
                self.pos -= self.strides[axis] * self.shape[axis] as isize;
                self.idx[axis] = 0;
            }
        }
        Some(out)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Offsets<'_> {}

/// A NumPy scalar converted as `.item()`/`.tolist()` convert it (int, float,
/// complex, bool, str, bytes); other values unchanged.
pub fn to_python_scalar(v: PyValue) -> PyValue {
    use super::num::NumVal;
    match v {
        PyValue::Scalar(Scalar::Str(s)) => PyValue::Str(s),
        PyValue::Scalar(Scalar::Bytes(b)) => PyValue::Bytes(b),
        PyValue::Scalar(Scalar::Void(b, d)) => match d.struct_layout() {
            Some(_) => super::format::record_tuple(&b, &d),
            None => PyValue::Bytes(b),
        },
        PyValue::Scalar(s) => match s.as_num() {
            Some(NumVal::Bool(b)) => PyValue::Bool(b),
            Some(NumVal::Int(i)) => PyValue::Int(i.into()),
            Some(NumVal::Float(f)) => PyValue::Float(f),
            Some(NumVal::Complex(c)) => PyValue::Complex(c),
            None => PyValue::None,
        },
        other => other,
    }
}

fn nest(values: &[PyValue], shape: &[usize]) -> PyValue {
    if shape.len() <= 1 {
        return PyValue::List(values.to_vec());
    }
    let n = shape[0];
    let chunk = shape[1..].iter().product::<usize>();
    PyValue::List((0..n).map(|i| nest(&values[i * chunk..(i + 1) * chunk], &shape[1..])).collect())
}

/// Resolves an axis index (negative counts from the end) or raises AxisError.
pub fn normalize_axis(axis: isize, ndim: usize) -> NpResult<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        Err(NpError::axis(axis, ndim))
    } else {
        Ok(a as usize)
    }
}

/// A requested shape with one `-1` resolved against `size`.
pub fn resolve_shape(shape: &[isize], size: usize) -> NpResult<Vec<usize>> {
    let unknown: Vec<usize> = shape.iter().enumerate().filter(|(_, &n)| n < 0).map(|(i, _)| i).collect();
    let shape_text = || {
        let parts: Vec<String> =
            shape.iter().map(|&n| if n == -1 { "newaxis".to_string() } else { n.to_string() }).collect();
        if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    };
    if unknown.len() > 1 {
        return Err(NpError::value("can only specify one unknown dimension"));
    }
    if shape.iter().any(|&n| n < -1) {
        return Err(NpError::value("negative dimensions not allowed"));
    }
    let known: usize = shape
        .iter()
        .filter(|&&n| n >= 0)
        .try_fold(1usize, |acc, &n| acc.checked_mul(n as usize))
        .ok_or_else(|| NpError::value(format!("cannot reshape array of size {size} into shape {}", shape_text())))?;
    let mut out: Vec<usize> = shape.iter().map(|&n| n.max(0) as usize).collect();
    if let Some(&i) = unknown.first() {
        if known == 0 || size % known != 0 {
            return Err(NpError::value(format!(
                "cannot reshape array of size {size} into shape {}",
                shape_text()
            )));
        }
        out[i] = size / known;
    } else if known != size {
        return Err(NpError::value(format!("cannot reshape array of size {size} into shape {}", shape_text())));
    }
    Ok(out)
}

/// The strides that view (`shape`, `strides`) as `new_shape` without copying, if any
/// (NumPy's `_attempt_nocopy_reshape`, for C order).
fn reshape_strides(shape: &[usize], strides: &[isize], new_shape: &[usize]) -> Option<Vec<isize>> {
    if shape.iter().product::<usize>() == 0 {
        return Some(c_strides(new_shape));
    }
    let old: Vec<(usize, isize)> = shape.iter().copied().zip(strides.iter().copied()).filter(|&(n, _)| n != 1).collect();
    let mut new_strides = vec![0isize; new_shape.len()];
    let (mut oi, mut oj) = (0usize, 1usize);
    let (mut ni, mut nj) = (0usize, 1usize);
    let new_nz: Vec<usize> = new_shape.to_vec();
    while ni < new_nz.len() && oi < old.len() {
        let mut np_ = new_nz[ni];
        let mut op = old[oi].0;
        while np_ != op {
            if np_ < op {
                np_ *= *new_nz.get(nj)?;
                nj += 1;
            } else {
                op *= old.get(oj)?.0;
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if old[ok].1 != old[ok + 1].0 as isize * old[ok + 1].1 {
                return None;
            }
        }
        new_strides[nj - 1] = old[oj - 1].1;
        for nk in (ni + 1..nj).rev() {
            new_strides[nk - 1] = new_strides[nk] * new_nz[nk] as isize;
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Trailing axes of length 1 take the last stride.
    let last_stride = if ni >= 1 { new_strides[ni - 1] } else { 1 };
    for stride in new_strides.iter_mut().skip(ni) {
        *stride = last_stride;
    }
    Some(new_strides)
}

impl NdArray {
    /// Zero-filled array of a dtype (NumPy's `np.zeros`/`np.empty`).
    pub fn zeros(shape: &[usize], dtype: &DType) -> NpResult<NdArray> {
        super::create::check_allocation(shape, dtype)?;
        let n = shape.iter().product();
        Ok(NdArray::from_buffer(Buffer::zeros(dtype, n), shape.to_vec(), dtype.clone()))
    }
    /// The elements converted to numeric type `T` (C order), for numeric arrays.
    pub fn to_num_vec<T: Num>(&self) -> Option<Vec<T>> {
        let buf = self.data.borrow();
        crate::np_dispatch_numeric!(&*buf, v => Some(self.offset_iter().map(|i| T::from_num(v[i].to_num())).collect()), _ => None)
    }
    /// Whether the dtype is one of the numeric kinds stored as numbers.
    pub fn is_numeric(&self) -> bool {
        !matches!(self.dtype.kind(), Kind::Bytes(_) | Kind::Str(_) | Kind::Object | Kind::Void(_) | Kind::Struct(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numpy::dtype::Metadata;
    use crate::numpy::index::IndexItem;

    fn arange(n: i64) -> NdArray {
        crate::numpy::create::from_i64(&(0..n).collect::<Vec<_>>())
    }

    #[test]
    fn views_share_memory_with_their_base() {
        let a = arange(10);
        let b = a.getitem_array(&[IndexItem::Slice(Some(2), Some(5), None)]).unwrap();
        b.setitem(&[IndexItem::Int(0)], &PyValue::int(9)).unwrap();
        assert!(b.shares_memory(&a));
        assert_eq!(a.to_vec::<i64>().unwrap()[2], 9);
        let r = a.reshape(&[2, 5]).unwrap().t();
        r.setitem(&[IndexItem::Int(4), IndexItem::Int(1)], &PyValue::int(-1)).unwrap();
        assert_eq!(a.to_vec::<i64>().unwrap()[9], -1);
        let fancy = a.getitem_array(&[IndexItem::Array(crate::numpy::create::from_i64(&[0, 1]))]).unwrap();
        assert!(!fancy.shares_memory(&a));
    }

    #[test]
    fn metadata_survives_copies_views_and_same_kind_astype() {
        let dtype = DType::object().with_metadata(Some(Metadata::VlenStr));
        let a = NdArray::zeros(&[3], &dtype).unwrap();
        assert_eq!(a.copy().dtype().metadata(), Some(&Metadata::VlenStr));
        assert_eq!(a.t().dtype().metadata(), Some(&Metadata::VlenStr));
        assert_eq!(a.reshape(&[3, 1]).unwrap().dtype().metadata(), Some(&Metadata::VlenStr));
        assert_eq!(a.astype(&dtype).unwrap().dtype().metadata(), Some(&Metadata::VlenStr));
        // It never shows: h5py.string_dtype() is dtype('O').
        assert_eq!(dtype.repr(), "dtype('O')");
        assert_eq!(dtype, DType::object());
    }
}
