//! Binary operations whose array operand must first be cast to the loop dtype
//! (`int_array * 0.5`, `f32_array + f64_array`), done as NumPy's buffered iterator
//! does them: the cast and the operation run over chunks of [`CHUNK`] elements, so no
//! full-size converted copy is made (half the memory traffic, and no temporary as
//! large as the array). Each chunk goes through the same kernels as the unchunked
//! path ([`super::fast::binary`]), so results are identical.

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::kernels::BinOp;
use super::plain::is_plain;
use super::storage::Buffer;

/// Elements per chunk (NumPy's buffer size).
const CHUNK: usize = 8192;

/// Below this many elements the plain cast-then-operate path is as good.
const MIN_ELEMENTS: usize = 4 * CHUNK;

/// Whether `x` can be read chunk by chunk for a result of `n` elements: a single
/// (broadcast) element, or C-contiguous with all `n`.
fn chunkable(x: &NdArray, n: usize) -> bool {
    is_plain(x.dtype()) && (x.size() == 1 || (x.size() == n && x.contiguous_range().is_some()))
}

/// `a op b` in the loop dtype `dtype` for a result of shape `shape`, when at least one
/// full-size operand needs a cast and both can be read in chunks; None otherwise (the
/// caller casts whole operands).
pub fn binary(op: BinOp, dtype: &DType, a: &NdArray, b: &NdArray, shape: &[usize]) -> Option<NpResult<Buffer>> {
    let n: usize = shape.iter().product();
    let needs_cast = |x: &NdArray| x.size() == n && x.dtype().kind() != dtype.kind();
    if n < MIN_ELEMENTS || !is_plain(dtype) || !(needs_cast(a) || needs_cast(b)) || !chunkable(a, n) || !chunkable(b, n) {
        return None;
    }
    Some(run(op, dtype, a, b, n))
}

fn run(op: BinOp, dtype: &DType, a: &NdArray, b: &NdArray, n: usize) -> NpResult<Buffer> {
    let out_dtype = if op.is_comparison() { DType::bool() } else { dtype.clone() };
    let mut out = Buffer::try_zeroed_plain(&out_dtype, n).map_err(|_| NpError::memory(&[n], &out_dtype))?;
    // Single elements are cast once, up front.
    let to_loop = |x: &NdArray| if x.dtype().kind() == dtype.kind() { Ok(x.clone()) } else { x.astype(dtype) };
    let (a, b) = (
        if a.size() == 1 { to_loop(a)? } else { a.clone() },
        if b.size() == 1 { to_loop(b)? } else { b.clone() },
    );
    let width = out_dtype.itemsize();
    let bytes = out.as_bytes_mut().ok_or_else(|| NpError::value("numeric buffer without bytes"))?;
    let mut start = 0;
    while start < n {
        let len = CHUNK.min(n - start);
        let part = |x: &NdArray| -> NpResult<NdArray> {
            if x.size() == 1 {
                return Ok(x.clone());
            }
            let first = x.contiguous_range().map_or(0, |r| r.start);
            to_loop(&x.view_with(first + start, vec![len], vec![1]))
        };
        let (ca, cb) = (part(&a)?, part(&b)?);
        let chunk = super::fast::binary(op, dtype, &ca, &cb, &[len]).ok_or_else(|| NpError::value("no loop for chunk"))??;
        let chunk_bytes = chunk.as_bytes().ok_or_else(|| NpError::value("numeric buffer without bytes"))?;
        bytes[start * width..(start + len) * width].copy_from_slice(chunk_bytes);
        start += len;
    }
    // A bool result was filled through a u8 buffer.
    Ok(if matches!(out_dtype.kind(), Kind::Bool) { out.into_bool() } else { out })
}
