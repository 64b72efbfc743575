//! Python's `repr` of str and bytes values, as NumPy's printing uses it: the
//! language's own (`repr(x)` of an element is what NumPy prints for it).

pub use crate::value::bytes::repr as py_bytes_repr;
pub use crate::value::str::repr as py_str_repr;
