//! Structured and void elements: field columns, subarray fields, and the `np.void`
//! scalar's `repr`/`str`.

use super::super::array::NdArray;
use super::super::bytes::decode;
use super::super::dtype::{DType, Field};
use super::super::options::PrintOptions;
use super::super::scalar::Scalar;
use super::super::storage::Buffer;
use super::super::value::PyValue;
use super::elements::ElemFormat;

/// The values of one field of a structured array, as a new array of shape
/// `a.shape + field.shape` (a copy).
pub fn field_array(a: &NdArray, field: &Field) -> NdArray {
    let buf = a.buffer();
    let offsets = a.offsets();
    let size = field.size();
    let mut raw = Vec::with_capacity(offsets.len() * size);
    if let Buffer::Record(v) = &*buf {
        for &i in &offsets {
            let rec = &v[i];
            let end = (field.offset + size).min(rec.len());
            let start = field.offset.min(end);
            raw.extend_from_slice(&rec[start..end]);
            raw.resize(raw.len() + size - (end - start), 0);
        }
    }
    let mut shape = a.shape().to_vec();
    shape.extend_from_slice(&field.shape);
    NdArray::from_buffer(decode(&raw, &field.dtype), shape, field.dtype.clone())
}

/// Formats each element's subarray (`fa` has the subarray axes last) as NumPy's
/// `SubArrayFormat` does: nested `[a, b]` with `...` past the threshold.
pub(crate) fn format_subarrays(fa: &NdArray, fmt: &ElemFormat, sub_shape: &[usize]) -> Vec<String> {
    let strings = fmt.format_all(fa);
    let sub_size: usize = sub_shape.iter().product();
    let opts = PrintOptions::default();
    let summarize = sub_size > opts.threshold;
    if sub_size == 0 {
        let count = fa.size();
        return vec![nested(&[], sub_shape, false, opts.edgeitems); count.max(1)];
    }
    strings.chunks(sub_size).map(|chunk| nested(chunk, sub_shape, summarize, opts.edgeitems)).collect()
}

fn nested(items: &[String], shape: &[usize], summarize: bool, edge: usize) -> String {
    if shape.is_empty() {
        return items.first().cloned().unwrap_or_default();
    }
    let n = shape[0];
    let chunk: usize = shape[1..].iter().product();
    let part = |i: usize| nested(&items[i * chunk..(i + 1) * chunk], &shape[1..], summarize, edge);
    let parts: Vec<String> = if summarize && n > 2 * edge {
        (0..edge).map(part).chain(std::iter::once("...".to_string())).chain((n - edge..n).map(part)).collect()
    } else {
        (0..n).map(part).collect()
    };
    format!("[{}]", parts.join(", "))
}

/// `b'\x61\x62'`: how NumPy shows unstructured void bytes.
pub(crate) fn void_bytes_repr(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for byte in b {
        s.push_str(&format!("\\x{byte:02x}"));
    }
    s.push('\'');
    s
}

/// A structured record as the tuple `.item()`/`.tolist()` give.
pub fn record_tuple(raw: &[u8], dtype: &DType) -> PyValue {
    let Some(layout) = dtype.struct_layout() else { return PyValue::Bytes(raw.to_vec()) };
    let rec = NdArray::from_buffer(Buffer::Record(vec![raw.to_vec()].into()), vec![], dtype.clone());
    let items = layout.fields.iter().map(|f| field_array(&rec, f).tolist()).collect();
    PyValue::Tuple(items)
}

fn void_str(raw: &[u8], dtype: &DType, opts: &PrintOptions) -> String {
    if dtype.struct_layout().is_none() {
        return void_bytes_repr(raw);
    }
    let rec = NdArray::from_buffer(Buffer::Record(vec![raw.to_vec()].into()), vec![], dtype.clone());
    let fmt = ElemFormat::build(&rec, opts, true);
    fmt.format_all(&rec).into_iter().next().unwrap_or_default()
}

/// `str(np.void)` with the session's print options.
pub fn void_scalar_str(s: &Scalar, opts: &PrintOptions) -> String {
    match s {
        Scalar::Void(raw, dtype) => void_str(raw, dtype, opts),
        _ => String::new(),
    }
}

/// `repr(np.void)`: `np.void((1, 2.5), dtype=[('a', '<i4'), ('b', '<f8')])`.
pub fn void_scalar_repr(s: &Scalar, opts: &PrintOptions) -> String {
    match s {
        Scalar::Void(raw, dtype) if dtype.struct_layout().is_some() => {
            format!("np.void({}, dtype={})", void_str(raw, dtype, opts), dtype.to_str())
        }
        Scalar::Void(raw, _) => format!("np.void({})", void_bytes_repr(raw)),
        _ => String::new(),
    }
}
