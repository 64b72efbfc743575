//! Numeric buffers as raw native-order bytes, for bulk I/O without per-element
//! conversion: HDF5 reads straight into a freshly allocated typed buffer and writes
//! straight from an array's buffer (`h5py/hl/data.rs`).
//!
//! Only element types that are plain old data qualify: no padding, and every bit
//! pattern a valid value (integers, `f16`/`f32`/`f64`, `Complex<f32|f64>`). `bool`
//! buffers can be viewed as bytes but never written through bytes; a read into a
//! bool buffer goes through a `u8` buffer normalised to 0/1 ([`Buffer::into_bool`]).

use std::alloc::{alloc_zeroed, Layout};
use std::cell::Ref;

use half::f16;
use num_complex::{Complex32, Complex64};

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::storage::{Buffer, Elem, Store};

/// Element types whose values are exactly their bytes.
///
/// # Safety
/// Implementors have no padding, no invalid bit patterns (all zeros included) and no
/// destructor.
unsafe trait Plain: Elem + Copy {}

// SAFETY: primitive integers and floats; `f16` is `repr(transparent)` over `u16`;
// `Complex<T>` is `repr(C)` of two floats of the same size.
unsafe impl Plain for i8 {}
unsafe impl Plain for i16 {}
unsafe impl Plain for i32 {}
unsafe impl Plain for i64 {}
unsafe impl Plain for u8 {}
unsafe impl Plain for u16 {}
unsafe impl Plain for u32 {}
unsafe impl Plain for u64 {}
unsafe impl Plain for f16 {}
unsafe impl Plain for f32 {}
unsafe impl Plain for f64 {}
unsafe impl Plain for Complex32 {}
unsafe impl Plain for Complex64 {}

fn bytes_of<T: Plain>(v: &[T]) -> &[u8] {
    // SAFETY: `T` is plain data, so its memory is `size_of_val(v)` initialised bytes.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
}

fn bytes_of_mut<T: Plain>(v: &mut [T]) -> &mut [u8] {
    // SAFETY: as `bytes_of`; any bytes written are a valid `T`.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<u8>(), std::mem::size_of_val(v)) }
}

/// `len` zero elements, or None when the allocation fails (instead of aborting). The
/// memory comes from `alloc_zeroed`, so large buffers are zero pages until written.
fn zeroed<T: Plain>(len: usize) -> Option<Vec<T>> {
    if len == 0 || std::mem::size_of::<T>() == 0 {
        return Some(Vec::new());
    }
    let layout = Layout::array::<T>(len).ok()?;
    // SAFETY: the layout has a non-zero size.
    let ptr = unsafe { alloc_zeroed(layout) }.cast::<T>();
    if ptr.is_null() {
        return None;
    }
    advise_huge_pages(ptr.cast::<u8>(), layout.size());
    // SAFETY: allocated by the global allocator with `T`'s layout for `len` elements,
    // all initialised (zero is a valid `T`).
    Some(unsafe { Vec::from_raw_parts(ptr, len, len) })
}

/// Asks the kernel for transparent huge pages over a large fresh allocation, as
/// NumPy does for arrays of 4 MiB or more: filling it then takes hundreds of times
/// fewer page faults (a 800 MB read: 5 700 instead of 196 000).
pub(crate) fn advise_huge_pages(ptr: *mut u8, len: usize) {
    #[cfg(target_os = "linux")]
    {
        const THRESHOLD: usize = 4 << 20;
        if len < THRESHOLD {
            return;
        }
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096).max(1);
        let start = (ptr as usize).div_ceil(page) * page;
        let end = (ptr as usize + len) / page * page;
        if end > start {
            // SAFETY: the range lies inside our own live allocation; MADV_HUGEPAGE only
            // changes how the kernel backs it (a failure is harmless and ignored).
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (ptr, len);
}

fn store<T: Plain>(len: usize) -> Option<Buffer> {
    zeroed::<T>(len).map(T::into_buffer)
}

/// Whether arrays of `dtype` are stored as plain numbers ([`Buffer::as_bytes`] works),
/// bool included. Metadata (h5py enums) does not matter.
pub fn is_plain(dtype: &DType) -> bool {
    matches!(
        dtype.kind(),
        Kind::Bool
            | Kind::Int8
            | Kind::Int16
            | Kind::Int32
            | Kind::Int64
            | Kind::UInt8
            | Kind::UInt16
            | Kind::UInt32
            | Kind::UInt64
            | Kind::Float16
            | Kind::Float32
            | Kind::Float64
            | Kind::Complex64
            | Kind::Complex128
    )
}

impl Buffer {
    /// A zero-filled buffer of `len` elements for a plain dtype ([`is_plain`]); bool
    /// dtypes get a `u8` buffer, to be filled through [`Buffer::as_bytes_mut`] and
    /// turned into bools by [`Buffer::into_bool`]. `Err(true)` when the allocation
    /// failed, `Err(false)` for a dtype that is not plain.
    pub fn try_zeroed_plain(dtype: &DType, len: usize) -> Result<Buffer, bool> {
        let buffer = match dtype.kind() {
            Kind::Bool | Kind::UInt8 => store::<u8>(len),
            Kind::Int8 => store::<i8>(len),
            Kind::Int16 => store::<i16>(len),
            Kind::Int32 => store::<i32>(len),
            Kind::Int64 => store::<i64>(len),
            Kind::UInt16 => store::<u16>(len),
            Kind::UInt32 => store::<u32>(len),
            Kind::UInt64 => store::<u64>(len),
            Kind::Float16 => store::<f16>(len),
            Kind::Float32 => store::<f32>(len),
            Kind::Float64 => store::<f64>(len),
            Kind::Complex64 => store::<Complex32>(len),
            Kind::Complex128 => store::<Complex64>(len),
            _ => return Err(false),
        };
        buffer.ok_or(true)
    }

    /// The elements' native-order bytes, for numeric buffers (bool included).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        Some(match self {
            Buffer::Bool(v) => {
                let v = v.as_slice()?;
                // SAFETY: a bool is one initialised byte (0 or 1).
                unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), v.len()) }
            }
            Buffer::I8(v) => bytes_of(v.as_slice()?),
            Buffer::I16(v) => bytes_of(v.as_slice()?),
            Buffer::I32(v) => bytes_of(v.as_slice()?),
            Buffer::I64(v) => bytes_of(v.as_slice()?),
            Buffer::U8(v) => bytes_of(v.as_slice()?),
            Buffer::U16(v) => bytes_of(v.as_slice()?),
            Buffer::U32(v) => bytes_of(v.as_slice()?),
            Buffer::U64(v) => bytes_of(v.as_slice()?),
            Buffer::F16(v) => bytes_of(v.as_slice()?),
            Buffer::F32(v) => bytes_of(v.as_slice()?),
            Buffer::F64(v) => bytes_of(v.as_slice()?),
            Buffer::C64(v) => bytes_of(v.as_slice()?),
            Buffer::C128(v) => bytes_of(v.as_slice()?),
            _ => return None,
        })
    }

    /// The elements' native-order bytes, writable, for numeric buffers other than bool
    /// (whose bytes must stay 0 or 1).
    pub fn as_bytes_mut(&mut self) -> Option<&mut [u8]> {
        Some(match self {
            Buffer::I8(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::I16(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::I32(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::I64(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::U8(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::U16(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::U32(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::U64(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::F16(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::F32(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::F64(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::C64(v) => bytes_of_mut(v.as_slice_mut()?),
            Buffer::C128(v) => bytes_of_mut(v.as_slice_mut()?),
            _ => return None,
        })
    }

    /// A `u8` buffer turned into a bool buffer in place (non-zero bytes are True);
    /// other buffers unchanged.
    pub fn into_bool(self) -> Buffer {
        let Buffer::U8(store) = self else { return self };
        let (mut bytes, offset) = store.into_raw_vec_and_offset();
        if offset.is_some_and(|o| o != 0) {
            bytes.drain(..offset.unwrap_or(0));
        }
        for b in &mut bytes {
            *b = (*b != 0) as u8;
        }
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        // SAFETY: every byte is 0 or 1, a valid bool; bool has u8's size and alignment,
        // so the allocation's layout is unchanged.
        let bools = unsafe { Vec::from_raw_parts(bytes.as_mut_ptr().cast::<bool>(), bytes.len(), bytes.capacity()) };
        Buffer::Bool(Store::from_vec(bools))
    }

    /// `len` elements from `start`, copied into a new buffer of the same variant.
    pub fn slice_copy(&self, start: usize, len: usize) -> Buffer {
        match self {
            Buffer::Record(v) => Buffer::Record(Store::from_vec(v.as_slice().map_or_else(Vec::new, |s| s[start..start + len].to_vec()))),
            b => crate::np_dispatch!(b, v => Elem::into_buffer(v.as_slice().map_or_else(Vec::new, |s| s[start..start + len].to_vec()))),
        }
    }
}

impl NdArray {
    /// The elements' bytes in native order (whatever the dtype's byte order says),
    /// borrowed from the buffer, when the dtype is plain ([`is_plain`]) and the array
    /// C-contiguous; None otherwise.
    pub fn plain_bytes(&self) -> Option<Ref<'_, [u8]>> {
        if !is_plain(&self.dtype) {
            return None;
        }
        let range = self.contiguous_range()?;
        let size = self.dtype.itemsize();
        let (start, end) = (range.start * size, range.end * size);
        Ref::filter_map(self.data.borrow(), |b| b.as_bytes().and_then(|bytes| bytes.get(start..end))).ok()
    }
    /// `a.tobytes()` for plain C-contiguous arrays: one copy, swapped to the dtype's
    /// byte order when it is not native.
    pub(crate) fn plain_tobytes(&self) -> Option<Vec<u8>> {
        let mut out = self.plain_bytes()?.to_vec();
        if self.dtype.is_big_endian() {
            // Complex numbers swap each half.
            let width = if self.dtype.is_complex() { self.dtype.itemsize() / 2 } else { self.dtype.itemsize() };
            for item in out.chunks_exact_mut(width) {
                item.reverse();
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numpy::IndexItem;

    #[test]
    fn bytes_round_trip_native_order() {
        let mut b = Buffer::try_zeroed_plain(&DType::float64(), 2).unwrap();
        b.as_bytes_mut().unwrap().copy_from_slice(&[1.5f64.to_ne_bytes(), (-2.0f64).to_ne_bytes()].concat());
        let Buffer::F64(v) = &b else { panic!() };
        assert_eq!(v.to_vec(), vec![1.5, -2.0]);
        assert_eq!(b.as_bytes().unwrap().len(), 16);
    }

    #[test]
    fn bool_reads_go_through_normalised_bytes() {
        let mut b = Buffer::try_zeroed_plain(&DType::bool(), 3).unwrap();
        b.as_bytes_mut().unwrap().copy_from_slice(&[0, 7, 1]);
        let Buffer::Bool(v) = b.into_bool() else { panic!() };
        assert_eq!(v.to_vec(), vec![false, true, true]);
        assert!(Buffer::Bool(Store::from_vec(vec![true])).as_bytes_mut().is_none());
    }

    #[test]
    fn impossible_allocations_fail_cleanly() {
        assert_eq!(Buffer::try_zeroed_plain(&DType::float64(), usize::MAX / 4).err(), Some(true));
        assert_eq!(Buffer::try_zeroed_plain(&DType::object(), 1).err(), Some(false));
        assert!(Buffer::try_zeroed_plain(&DType::complex128(), 0).unwrap().is_empty());
    }

    /// Arrays of every plain dtype in both byte orders, and views of them.
    fn samples() -> Vec<NdArray> {
        let mut out = Vec::new();
        for spec in ["?", "i1", "u1", "<i2", ">i2", ">u4", "<i8", ">u8", "<f2", ">f2", ">f4", "<f8", ">f8", "<c8", ">c8", ">c16"] {
            let dtype = DType::parse(spec).unwrap();
            let values: Vec<crate::numpy::PyValue> = (0..24).map(|i| crate::numpy::PyValue::int(i * 37 - 100)).collect();
            let a = crate::numpy::create::array(&crate::numpy::PyValue::List(values), None).unwrap().astype(&dtype).unwrap();
            let m = a.reshape(&[4, 6]).unwrap();
            out.push(m.clone());
            out.push(m.t());
            out.push(m.getitem_array(&[IndexItem::Slice(Some(1), None, Some(2)), IndexItem::Slice(None, None, Some(-3))]).unwrap());
            out.push(m.getitem_array(&[IndexItem::Int(2)]).unwrap());
        }
        out
    }

    #[test]
    fn fast_tobytes_and_copies_match_the_element_by_element_paths() {
        for a in samples() {
            let slow = crate::numpy::bytes::encode(&a.buffer(), &a.offsets(), a.dtype()).unwrap();
            assert_eq!(a.tobytes().unwrap(), slow, "{}", a.dtype().repr());
            let c = a.copy();
            assert!(c.plain_bytes().is_some());
            assert_eq!(c.tobytes().unwrap(), slow);
            assert_eq!(format!("{:?}", c.values()), format!("{:?}", a.values()));
            assert_eq!(a.plain_bytes().is_some(), a.is_c_contiguous());
            let empty = a.getitem_array(&[IndexItem::Slice(Some(3), Some(3), None)]).unwrap();
            assert_eq!(empty.plain_bytes().map(|b| b.len()), Some(0));
            assert_eq!(empty.copy().size(), 0);
        }
    }

    #[test]
    fn slice_copy_keeps_the_variant() {
        let r = Buffer::Record(Store::from_vec(vec![vec![1], vec![2], vec![3]]));
        assert!(matches!(r.slice_copy(1, 2), Buffer::Record(v) if v.to_vec() == vec![vec![2], vec![3]]));
        let f = Buffer::F32(Store::from_vec(vec![1.0, 2.0, 3.0]));
        assert!(matches!(f.slice_copy(0, 1), Buffer::F32(v) if v.to_vec() == vec![1.0]));
    }
}
