//! Broadcasting: shapes, broadcast views (zero strides), and assignment of one array
//! into another with broadcasting and casting.

use super::array::NdArray;
use super::error::{NpError, NpResult};
use super::format::shape_repr;

/// A shape as NumPy's broadcast errors print it: `(2,3)`, `(3,)`, `()`.
pub fn compact_shape(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// The broadcast shape of several shapes, or None.
pub fn broadcast_shape_of(shapes: &[&[usize]]) -> Option<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        let off = nd - s.len();
        for (i, &n) in s.iter().enumerate() {
            let o = &mut out[off + i];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                return None;
            }
        }
    }
    Some(out)
}

/// The broadcast shape of ufunc operands, with NumPy's error text.
pub fn broadcast_shapes(shapes: &[&[usize]]) -> NpResult<Vec<usize>> {
    broadcast_shape_of(shapes).ok_or_else(|| {
        let parts: Vec<String> = shapes.iter().map(|s| compact_shape(s)).collect();
        NpError::value(format!("operands could not be broadcast together with shapes {} ", parts.join(" ")))
    })
}

impl NdArray {
    /// A read-only-by-convention view of this array broadcast to `shape`.
    pub fn broadcast_to(&self, shape: &[usize]) -> Option<NdArray> {
        if shape.len() < self.ndim() {
            return None;
        }
        let off = shape.len() - self.ndim();
        let mut strides = vec![0isize; shape.len()];
        for i in 0..self.ndim() {
            let n = self.shape[i];
            if n == shape[off + i] {
                strides[off + i] = if n == 1 { 0 } else { self.strides[i] };
            } else if n == 1 {
                strides[off + i] = 0;
            } else {
                return None;
            }
        }
        Some(self.view_with(self.offset, shape.to_vec(), strides))
    }
    /// `np.broadcast_to(a, shape)` with NumPy's error.
    pub fn broadcast_to_checked(&self, shape: &[usize]) -> NpResult<NdArray> {
        self.broadcast_to(shape).ok_or_else(|| {
            NpError::value(format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
                compact_shape(self.shape()),
                compact_shape(shape)
            ))
        })
    }

    /// `self[...] = src`: broadcasts `src` to this array's shape, casts it (unsafe
    /// casting, as NumPy's item assignment) and writes through to shared memory.
    pub fn assign(&self, src: &NdArray) -> NpResult<()> {
        let offsets = self.offsets();
        self.assign_offsets(&offsets, self.shape(), src)
    }

    /// Writes `src` broadcast to `shape` into the buffer positions `offsets` (C order
    /// of `shape`).
    pub(crate) fn assign_offsets(&self, offsets: &[usize], shape: &[usize], src: &NdArray) -> NpResult<()> {
        let src = if src.shares_memory(self) { src.copy() } else { src.clone() };
        let b = src.broadcast_to(shape).ok_or_else(|| {
            NpError::value(format!(
                "could not broadcast input array from shape {} into shape {}",
                compact_shape(src.shape()),
                compact_shape(shape)
            ))
        })?;
        let b = if b.dtype().kind() == self.dtype().kind() { b } else { b.astype(self.dtype())? };
        let values = b.buffer().gather(&b.offsets());
        if !self.data.borrow_mut().scatter(offsets, &values) {
            return Err(NpError::type_error(format!(
                "cannot assign {} elements into an array of {}",
                b.dtype().name(),
                self.dtype().name()
            )));
        }
        Ok(())
    }

    /// `np.expand_dims(a, axis)` as a view.
    pub fn expand_dims(&self, axis: usize) -> NpResult<NdArray> {
        if axis > self.ndim() {
            return Err(NpError::axis(axis as isize, self.ndim() + 1));
        }
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        shape.insert(axis, 1);
        strides.insert(axis, 0);
        Ok(self.view_with(self.offset, shape, strides))
    }
    /// `np.atleast_2d(a)` as a view.
    pub fn atleast_2d(&self) -> NdArray {
        match self.ndim() {
            0 => self.view_with(self.offset, vec![1, 1], vec![0, 0]),
            1 => self.view_with(self.offset, vec![1, self.shape[0]], vec![0, self.strides[0]]),
            _ => self.clone(),
        }
    }
    /// The view `a[(:, ...) start:start+len]` along `axis`.
    pub fn slice_axis(&self, axis: usize, start: usize, len: usize) -> NdArray {
        let mut shape = self.shape.clone();
        shape[axis] = len;
        let offset = (self.offset as isize + start as isize * self.strides[axis]) as usize;
        self.view_with(offset, shape, self.strides.clone())
    }
    /// `a.squeeze()` as a view.
    pub fn squeeze(&self) -> NdArray {
        let (shape, strides): (Vec<usize>, Vec<isize>) =
            self.shape.iter().zip(&self.strides).filter(|(&n, _)| n != 1).map(|(&n, &s)| (n, s)).unzip();
        self.view_with(self.offset, shape, strides)
    }
    /// `a.shape = shape`: reshapes in place when no copy is needed (AttributeError as
    /// NumPy's otherwise).
    pub fn set_shape(&mut self, shape: &[isize]) -> NpResult<()> {
        let new = super::array::resolve_shape(shape, self.size())?;
        let view = self.reshape(shape)?;
        if !view.shares_memory(self) && self.size() > 0 {
            return Err(NpError::new(
                "AttributeError",
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.",
            ));
        }
        debug_assert_eq!(view.shape(), new.as_slice());
        *self = view;
        Ok(())
    }
    /// `a.swapaxes(a1, a2)` as a view.
    pub fn swapaxes(&self, a1: isize, a2: isize) -> NpResult<NdArray> {
        let nd = self.ndim();
        let prefixed = |a: isize, name: &str| {
            super::array::normalize_axis(a, nd).map_err(|e| NpError::new(e.class, format!("{name}: {}", e.message)))
        };
        let (x, y) = (prefixed(a1, "axis1")?, prefixed(a2, "axis2")?);
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        shape.swap(x, y);
        strides.swap(x, y);
        Ok(self.view_with(self.offset, shape, strides))
    }
    /// A shape as Python shows it (`(2, 3)`).
    pub fn shape_repr(&self) -> String {
        shape_repr(self.shape())
    }
}
