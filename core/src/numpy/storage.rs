//! Element storage: one typed buffer per array base, shared by every view of it.
//!
//! A [`Buffer`] holds a flat one-dimensional `ndarray` array ([`Store`]) of
//! native-order elements of one Rust type per dtype family; arrays address it through
//! an offset and element strides (see `array.rs`), and N-dimensional `ndarray` views
//! are made over it on demand (`NdArray::with_view`).

use half::f16;
use num_complex::{Complex32, Complex64};

use super::dtype::{DType, Kind};
use super::value::PyValue;

/// The backing store of one element type: a one-dimensional `ndarray` array (always
/// in standard layout; views over it are made with its strides on demand).
pub type Store<T> = ndarray::Array1<T>;

/// A flat buffer of elements.
#[derive(Clone, Debug)]
pub enum Buffer {
    /// bool elements.
    Bool(Store<bool>),
    /// int8 elements.
    I8(Store<i8>),
    /// int16 elements.
    I16(Store<i16>),
    /// int32 elements.
    I32(Store<i32>),
    /// int64 elements.
    I64(Store<i64>),
    /// uint8 elements.
    U8(Store<u8>),
    /// uint16 elements.
    U16(Store<u16>),
    /// uint32 elements.
    U32(Store<u32>),
    /// uint64 elements.
    U64(Store<u64>),
    /// float16 elements.
    F16(Store<f16>),
    /// float32 elements.
    F32(Store<f32>),
    /// float64 elements.
    F64(Store<f64>),
    /// complex64 elements.
    C64(Store<Complex32>),
    /// complex128 elements.
    C128(Store<Complex64>),
    /// `S<n>` elements, trailing NUL bytes stripped (as NumPy strips them on access).
    Bytes(Store<Vec<u8>>),
    /// `U<n>` elements, trailing NUL characters stripped.
    Str(Store<String>),
    /// Object elements: Python values.
    Object(Store<PyValue>),
    /// Void and structured records: the raw bytes of each record, in the dtype's byte
    /// order.
    Record(Store<Vec<u8>>),
}

/// An element type a [`Buffer`] can hold.
pub trait Elem: Clone + 'static {
    /// The elements, if the buffer holds this type.
    fn slice(buf: &Buffer) -> Option<&[Self]>;
    /// The elements mutably, if the buffer holds this type.
    fn slice_mut(buf: &mut Buffer) -> Option<&mut [Self]>;
    /// A buffer holding `v`.
    fn into_buffer(v: Vec<Self>) -> Buffer;
}

macro_rules! impl_elem {
    ($t:ty, $variant:ident) => {
        impl Elem for $t {
            fn slice(buf: &Buffer) -> Option<&[Self]> {
                match buf {
                    Buffer::$variant(v) => v.as_slice(),
                    _ => None,
                }
            }
            fn slice_mut(buf: &mut Buffer) -> Option<&mut [Self]> {
                match buf {
                    Buffer::$variant(v) => v.as_slice_mut(),
                    _ => None,
                }
            }
            fn into_buffer(v: Vec<Self>) -> Buffer {
                Buffer::$variant(Store::from_vec(v))
            }
        }
    };
}

impl_elem!(bool, Bool);
impl_elem!(i8, I8);
impl_elem!(i16, I16);
impl_elem!(i32, I32);
impl_elem!(i64, I64);
impl_elem!(u8, U8);
impl_elem!(u16, U16);
impl_elem!(u32, U32);
impl_elem!(u64, U64);
impl_elem!(f16, F16);
impl_elem!(f32, F32);
impl_elem!(f64, F64);
impl_elem!(Complex32, C64);
impl_elem!(Complex64, C128);
impl_elem!(String, Str);
impl_elem!(PyValue, Object);

/// `Vec<u8>` elements live in either the `Bytes` or the `Record` buffer.
impl Elem for Vec<u8> {
    fn slice(buf: &Buffer) -> Option<&[Self]> {
        match buf {
            Buffer::Bytes(v) | Buffer::Record(v) => v.as_slice(),
            _ => None,
        }
    }
    fn slice_mut(buf: &mut Buffer) -> Option<&mut [Self]> {
        match buf {
            Buffer::Bytes(v) | Buffer::Record(v) => v.as_slice_mut(),
            _ => None,
        }
    }
    fn into_buffer(v: Vec<Self>) -> Buffer {
        Buffer::Bytes(Store::from_vec(v))
    }
}

/// Runs `$body` with `$v` bound to the buffer's `Vec` (or slice) whatever its element
/// type: the one place that lists the variants, so algorithms are written once.
#[macro_export]
#[doc(hidden)]
macro_rules! np_dispatch {
    ($buf:expr, $v:ident => $body:expr) => {
        match $buf {
            $crate::numpy::storage::Buffer::Bool($v) => $body,
            $crate::numpy::storage::Buffer::I8($v) => $body,
            $crate::numpy::storage::Buffer::I16($v) => $body,
            $crate::numpy::storage::Buffer::I32($v) => $body,
            $crate::numpy::storage::Buffer::I64($v) => $body,
            $crate::numpy::storage::Buffer::U8($v) => $body,
            $crate::numpy::storage::Buffer::U16($v) => $body,
            $crate::numpy::storage::Buffer::U32($v) => $body,
            $crate::numpy::storage::Buffer::U64($v) => $body,
            $crate::numpy::storage::Buffer::F16($v) => $body,
            $crate::numpy::storage::Buffer::F32($v) => $body,
            $crate::numpy::storage::Buffer::F64($v) => $body,
            $crate::numpy::storage::Buffer::C64($v) => $body,
            $crate::numpy::storage::Buffer::C128($v) => $body,
            $crate::numpy::storage::Buffer::Bytes($v) => $body,
            $crate::numpy::storage::Buffer::Str($v) => $body,
            $crate::numpy::storage::Buffer::Object($v) => $body,
            $crate::numpy::storage::Buffer::Record($v) => $body,
        }
    };
}

/// Like `np_dispatch!` for the numeric buffers (bool included), with `$other` for the
/// rest.
#[macro_export]
#[doc(hidden)]
macro_rules! np_dispatch_numeric {
    ($buf:expr, $v:ident => $body:expr, _ => $other:expr) => {
        match $buf {
            $crate::numpy::storage::Buffer::Bool($v) => $body,
            $crate::numpy::storage::Buffer::I8($v) => $body,
            $crate::numpy::storage::Buffer::I16($v) => $body,
            $crate::numpy::storage::Buffer::I32($v) => $body,
            $crate::numpy::storage::Buffer::I64($v) => $body,
            $crate::numpy::storage::Buffer::U8($v) => $body,
            $crate::numpy::storage::Buffer::U16($v) => $body,
            $crate::numpy::storage::Buffer::U32($v) => $body,
            $crate::numpy::storage::Buffer::U64($v) => $body,
            $crate::numpy::storage::Buffer::F16($v) => $body,
            $crate::numpy::storage::Buffer::F32($v) => $body,
            $crate::numpy::storage::Buffer::F64($v) => $body,
            $crate::numpy::storage::Buffer::C64($v) => $body,
            $crate::numpy::storage::Buffer::C128($v) => $body,
            #[allow(unreachable_patterns)]
            _ => $other,
        }
    };
}

impl Buffer {
    /// A buffer of `len` zero elements (empty strings, `None` objects) for `dtype`.
    pub fn zeros(dtype: &DType, len: usize) -> Buffer {
        match dtype.kind() {
            Kind::Bool => Buffer::Bool(Store::from_elem(len, false)),
            Kind::Int8 => Buffer::I8(Store::from_elem(len, 0)),
            Kind::Int16 => Buffer::I16(Store::from_elem(len, 0)),
            Kind::Int32 => Buffer::I32(Store::from_elem(len, 0)),
            Kind::Int64 => Buffer::I64(Store::from_elem(len, 0)),
            Kind::UInt8 => Buffer::U8(Store::from_elem(len, 0)),
            Kind::UInt16 => Buffer::U16(Store::from_elem(len, 0)),
            Kind::UInt32 => Buffer::U32(Store::from_elem(len, 0)),
            Kind::UInt64 => Buffer::U64(Store::from_elem(len, 0)),
            Kind::Float16 => Buffer::F16(Store::from_elem(len, f16::ZERO)),
            Kind::Float32 => Buffer::F32(Store::from_elem(len, 0.0)),
            Kind::Float64 => Buffer::F64(Store::from_elem(len, 0.0)),
            Kind::Complex64 => Buffer::C64(Store::from_elem(len, Complex32::new(0.0, 0.0))),
            Kind::Complex128 => Buffer::C128(Store::from_elem(len, Complex64::new(0.0, 0.0))),
            Kind::Bytes(_) => Buffer::Bytes(Store::from_elem(len, Vec::new())),
            Kind::Str(_) => Buffer::Str(Store::from_elem(len, String::new())),
            Kind::Object => Buffer::Object(Store::from_elem(len, PyValue::int(0))),
            Kind::Void(_) | Kind::Struct(_) => Buffer::Record(Store::from_elem(len, vec![0; dtype.itemsize()])),
        }
    }
    /// The elements at `offsets`, in a new buffer of the same variant.
    pub fn gather(&self, offsets: &[usize]) -> Buffer {
        self.gather_iter(offsets.iter().copied())
    }
    /// The elements at the positions `offsets` yields, in a new buffer of the same
    /// variant.
    pub fn gather_iter(&self, offsets: impl ExactSizeIterator<Item = usize>) -> Buffer {
        match self {
            Buffer::Record(v) => Buffer::Record(offsets.map(|i| v[i].clone()).collect()),
            b => crate::np_dispatch!(b, v => Elem::into_buffer(offsets.map(|i| v[i].clone()).collect())),
        }
    }
    /// Writes `src`'s elements (in order) to the positions `offsets`; `src` must be
    /// of the same variant (false otherwise).
    pub fn scatter(&mut self, offsets: &[usize], src: &Buffer) -> bool {
        fn put<T: Clone>(dst: &mut Store<T>, offsets: &[usize], src: &Store<T>) {
            for (&o, v) in offsets.iter().zip(src) {
                dst[o] = v.clone();
            }
        }
        match (self, src) {
            (Buffer::Bool(d), Buffer::Bool(s)) => put(d, offsets, s),
            (Buffer::I8(d), Buffer::I8(s)) => put(d, offsets, s),
            (Buffer::I16(d), Buffer::I16(s)) => put(d, offsets, s),
            (Buffer::I32(d), Buffer::I32(s)) => put(d, offsets, s),
            (Buffer::I64(d), Buffer::I64(s)) => put(d, offsets, s),
            (Buffer::U8(d), Buffer::U8(s)) => put(d, offsets, s),
            (Buffer::U16(d), Buffer::U16(s)) => put(d, offsets, s),
            (Buffer::U32(d), Buffer::U32(s)) => put(d, offsets, s),
            (Buffer::U64(d), Buffer::U64(s)) => put(d, offsets, s),
            (Buffer::F16(d), Buffer::F16(s)) => put(d, offsets, s),
            (Buffer::F32(d), Buffer::F32(s)) => put(d, offsets, s),
            (Buffer::F64(d), Buffer::F64(s)) => put(d, offsets, s),
            (Buffer::C64(d), Buffer::C64(s)) => put(d, offsets, s),
            (Buffer::C128(d), Buffer::C128(s)) => put(d, offsets, s),
            (Buffer::Bytes(d), Buffer::Bytes(s)) => put(d, offsets, s),
            (Buffer::Str(d), Buffer::Str(s)) => put(d, offsets, s),
            (Buffer::Object(d), Buffer::Object(s)) => put(d, offsets, s),
            (Buffer::Record(d), Buffer::Record(s)) => put(d, offsets, s),
            _ => return false,
        }
        true
    }
    /// The number of elements.
    pub fn len(&self) -> usize {
        crate::np_dispatch!(self, v => v.len())
    }
    /// Whether the buffer holds no element.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
