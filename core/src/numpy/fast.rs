//! Fast paths for bulk work: element positions without a position vector, slices of
//! C-contiguous arrays, typed binary loops for contiguous or scalar operands, and
//! whole-array reductions straight over the elements. Each computes exactly what
//! the general (per-element `NumVal`) code computes; callers fall back to it when a
//! fast path does not apply (`None`).

use std::ops::Range;

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::error::NpResult;
use super::kernels::{Arith, BinOp};
use super::num::{Num, NumVal};
use super::reduce::Reduction;
use super::scalar::Scalar;
use super::storage::{Buffer, Elem};

/// An empty vector with room for `n` elements, backed by huge pages when large
/// (as NumPy's allocator does): first-touch page faults dominate bulk work otherwise.
pub fn big_vec<T>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    super::plain::advise_huge_pages(v.as_mut_ptr().cast::<u8>(), n.saturating_mul(std::mem::size_of::<T>()));
    v
}

/// `f` over an iterator of `n` items, collected into a [`big_vec`].
pub fn collect_big<T, I: Iterator<Item = T>>(n: usize, items: I) -> Vec<T> {
    let mut v = big_vec(n);
    v.extend(items);
    v
}

impl NdArray {
    /// The buffer positions of the elements when the array is C-contiguous (an empty
    /// range for an empty array, whatever its offset).
    pub fn contiguous_range(&self) -> Option<Range<usize>> {
        if self.size() == 0 {
            Some(0..0)
        } else if self.is_c_contiguous() {
            Some(self.offset..self.offset + self.size())
        } else {
            None
        }
    }

    /// Calls `f` with the buffer position of every element, in C order (the
    /// innermost axis as a tight loop).
    pub fn for_each_offset(&self, mut f: impl FnMut(usize)) {
        let size = self.size();
        if size == 0 {
            return;
        }
        if let Some(r) = self.contiguous_range() {
            r.for_each(f);
            return;
        }
        let nd = self.ndim();
        let (inner_n, inner_s) = (self.shape[nd - 1], self.strides[nd - 1]);
        let outer = nd - 1;
        let mut idx = vec![0usize; outer];
        let mut pos = self.offset as isize;
        loop {
            let mut p = pos;
            for _ in 0..inner_n {
                f(p as usize);
                p += inner_s;
            }
            let mut axis = outer;
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                idx[axis] += 1;
                pos += self.strides[axis];
                if idx[axis] < self.shape[axis] {
                    break;
                }
                pos -= self.strides[axis] * self.shape[axis] as isize;
                idx[axis] = 0;
            }
        }
    }

    /// Runs `f` on the elements as one slice when the array is C-contiguous and of
    /// element type `T`.
    pub fn with_contiguous<T: Elem, R>(&self, f: impl FnOnce(&[T]) -> R) -> Option<R> {
        let range = self.contiguous_range()?;
        let buf = self.data.borrow();
        let slice = T::slice(&buf)?;
        Some(f(slice.get(range)?))
    }

    /// Runs `f` on the elements in C order as one slice: borrowed when contiguous,
    /// gathered otherwise.
    pub fn with_elements<T: Elem, R>(&self, f: impl FnOnce(&[T]) -> R) -> Option<R> {
        if self.is_c_contiguous() {
            return self.with_contiguous(f);
        }
        let v = self.to_vec::<T>()?;
        Some(f(&v))
    }
}

/// Runs `f` on the elements of `a` (already of element type `T`) when `a` is either
/// a single element (broadcast) or C-contiguous with exactly `shape`.
enum Operand<T> {
    Scalar(T),
    Slice,
}

fn operand<T: Num>(a: &NdArray, shape: &[usize]) -> Option<Operand<T>> {
    if a.size() == 1 {
        let buf = a.data.borrow();
        return T::slice(&buf).and_then(|s| s.get(a.offset).copied()).map(Operand::Scalar);
    }
    (a.shape() == shape && a.is_c_contiguous()).then_some(Operand::Slice)
}

/// The elements of `op` over `pairs` (exactly `n` of them): a comparison's bools,
/// maximum/minimum, or the arithmetic result.
fn run_binary<T: Arith, I: Iterator<Item = (T, T)>>(op: BinOp, n: usize, pairs: I) -> NpResult<Buffer> {
    if op.is_comparison() {
        // One loop per comparison, as for arithmetic below.
        let bools = match op {
            BinOp::Lt => collect_big(n, pairs.map(|(x, y)| T::compare(BinOp::Lt, x, y))),
            BinOp::Le => collect_big(n, pairs.map(|(x, y)| T::compare(BinOp::Le, x, y))),
            BinOp::Gt => collect_big(n, pairs.map(|(x, y)| T::compare(BinOp::Gt, x, y))),
            BinOp::Ge => collect_big(n, pairs.map(|(x, y)| T::compare(BinOp::Ge, x, y))),
            BinOp::Eq => collect_big(n, pairs.map(|(x, y)| T::compare(BinOp::Eq, x, y))),
            _ => collect_big(n, pairs.map(|(x, y)| T::compare(op, x, y))),
        };
        return Ok(Buffer::Bool(bools.into()));
    }
    if matches!(op, BinOp::Maximum | BinOp::Minimum) {
        let test = if op == BinOp::Maximum { BinOp::Ge } else { BinOp::Le };
        #[allow(clippy::eq_op)]
        let choose = |(x, y): (T, T)| if x != x || T::compare(test, x, y) { x } else { y };
        return Ok(T::into_buffer(collect_big(n, pairs.map(choose))));
    }
    // The common operators get loops of their own, so that the operator is not matched
    // per element (the loops then vectorise).
    match op {
        BinOp::Add => arith_loop(n, pairs, |x, y| T::binary(BinOp::Add, x, y)),
        BinOp::Sub => arith_loop(n, pairs, |x, y| T::binary(BinOp::Sub, x, y)),
        BinOp::Mul => arith_loop(n, pairs, |x, y| T::binary(BinOp::Mul, x, y)),
        BinOp::TrueDiv => arith_loop(n, pairs, |x, y| T::binary(BinOp::TrueDiv, x, y)),
        _ => arith_loop(n, pairs, |x, y| T::binary(op, x, y)),
    }
}

/// `f` over `pairs` (exactly `n` of them); the first error, if any, is returned after
/// the loop so that the loop itself stays branch-light.
fn arith_loop<T: Arith, I: Iterator<Item = (T, T)>>(n: usize, pairs: I, f: impl Fn(T, T) -> NpResult<T>) -> NpResult<Buffer> {
    let mut error = None;
    let out = collect_big(
        n,
        pairs.map(|(x, y)| match f(x, y) {
            Ok(v) => v,
            Err(e) => {
                error.get_or_insert(e);
                T::default()
            }
        }),
    );
    match error {
        Some(e) => Err(e),
        None => Ok(T::into_buffer(out)),
    }
}

fn binary_loop<T: Arith>(op: BinOp, a: &NdArray, b: &NdArray, shape: &[usize]) -> Option<NpResult<Buffer>> {
    let (pa, pb) = (operand::<T>(a, shape)?, operand::<T>(b, shape)?);
    let n: usize = shape.iter().product();
    Some(match (pa, pb) {
        (Operand::Scalar(x), Operand::Scalar(y)) => run_binary(op, n, std::iter::repeat_n((x, y), n)),
        (Operand::Slice, Operand::Scalar(y)) => a.with_contiguous(|s: &[T]| run_binary(op, n, s.iter().map(|&x| (x, y))))?,
        (Operand::Scalar(x), Operand::Slice) => b.with_contiguous(|s: &[T]| run_binary(op, n, s.iter().map(|&y| (x, y))))?,
        (Operand::Slice, Operand::Slice) => {
            // Both borrows are shared, so `a + a` reads one buffer twice.
            let (ra, rb) = (a.contiguous_range()?, b.contiguous_range()?);
            let (da, db) = (a.data.borrow(), b.data.borrow());
            let (sa, sb) = (T::slice(&da)?.get(ra)?, T::slice(&db)?.get(rb)?);
            run_binary(op, n, sa.iter().copied().zip(sb.iter().copied()))
        }
    })
}

/// `a op b` for operands already of the loop dtype, each a single element or
/// C-contiguous with the result's shape; `None` when that does not hold.
pub fn binary(op: BinOp, dtype: &DType, a: &NdArray, b: &NdArray, shape: &[usize]) -> Option<NpResult<Buffer>> {
    use half::f16;
    use num_complex::{Complex32, Complex64};
    match dtype.kind() {
        Kind::Bool => binary_loop::<bool>(op, a, b, shape),
        Kind::Int8 => binary_loop::<i8>(op, a, b, shape),
        Kind::Int16 => binary_loop::<i16>(op, a, b, shape),
        Kind::Int32 => binary_loop::<i32>(op, a, b, shape),
        Kind::Int64 => binary_loop::<i64>(op, a, b, shape),
        Kind::UInt8 => binary_loop::<u8>(op, a, b, shape),
        Kind::UInt16 => binary_loop::<u16>(op, a, b, shape),
        Kind::UInt32 => binary_loop::<u32>(op, a, b, shape),
        Kind::UInt64 => binary_loop::<u64>(op, a, b, shape),
        Kind::Float16 => binary_loop::<f16>(op, a, b, shape),
        Kind::Float32 => binary_loop::<f32>(op, a, b, shape),
        Kind::Float64 => binary_loop::<f64>(op, a, b, shape),
        Kind::Complex64 => binary_loop::<Complex32>(op, a, b, shape),
        Kind::Complex128 => binary_loop::<Complex64>(op, a, b, shape),
        _ => None,
    }
}

/// A float type the pairwise summation runs in natively.
trait PairwiseFloat: Copy + std::ops::Add<Output = Self> + std::ops::Mul<Output = Self> + PartialOrd {
    const ZERO: Self;
    const ONE: Self;
    fn to_f64(self) -> f64;
}

impl PairwiseFloat for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    fn to_f64(self) -> f64 {
        self
    }
}

impl PairwiseFloat for f32 {
    const ZERO: f32 = 0.0;
    const ONE: f32 = 1.0;
    fn to_f64(self) -> f64 {
        self as f64
    }
}

/// NumPy's pairwise summation (`pairwise_sum_DOUBLE`/`_FLOAT`) in the type itself.
fn pairwise<F: PairwiseFloat>(a: &[F]) -> F {
    let n = a.len();
    if n < 8 {
        let mut res = F::ZERO;
        for &x in a {
            res = res + x;
        }
        res
    } else if n <= 128 {
        let mut r = [F::ZERO; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - (n % 8) {
            for j in 0..8 {
                r[j] = r[j] + a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res = res + a[i];
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(&a[..n2]) + pairwise(&a[n2..])
    }
}

fn int_of<T: Num>(x: T) -> i64 {
    match x.to_num() {
        NumVal::Int(i) => i as i64,
        NumVal::Bool(b) => b as i64,
        other => other.as_i64(),
    }
}

/// The elements of a reduction: a slice read with a stride.
#[derive(Clone, Copy)]
struct Strided<'a, T> {
    data: &'a [T],
    start: usize,
    step: isize,
    len: usize,
}

impl<T: Copy> Strided<'_, T> {
    fn at(&self, i: usize) -> T {
        self.data[(self.start as isize + i as isize * self.step) as usize]
    }
    /// The elements in order: a slice iterator when the stride is 1 (so that folds
    /// over it are tight loops), indexed reads otherwise.
    fn iter(&self) -> impl Iterator<Item = T> + '_ {
        let (slice, strided) = match self.as_slice() {
            Some(s) => (Some(s.iter().copied()), None),
            None => (None, Some((0..self.len).map(move |i| self.at(i)))),
        };
        slice.into_iter().flatten().chain(strided.into_iter().flatten())
    }
    /// The elements as a slice when the stride is 1.
    fn as_slice(&self) -> Option<&[T]> {
        (self.step == 1).then(|| &self.data[self.start..self.start + self.len])
    }
}

/// Pairwise summation over strided elements (NumPy passes strides to its pairwise
/// loop too).
fn pairwise_strided<F: PairwiseFloat>(x: Strided<'_, F>) -> F {
    if let Some(s) = x.as_slice() {
        return pairwise(s);
    }
    let v: Vec<F> = x.iter().collect();
    pairwise(&v)
}

/// NumPy's sum of integers in float64 (`mean`): the casting iterator converts
/// 8192-element chunks, each summed pairwise, the chunks added in order.
fn chunked_float_sum<T: Num>(x: Strided<'_, T>) -> f64 {
    const BUFSIZE: usize = 8192;
    let mut chunk = Vec::with_capacity(BUFSIZE.min(x.len));
    let mut total = 0.0;
    let mut i = 0;
    while i < x.len {
        let end = (i + BUFSIZE).min(x.len);
        chunk.clear();
        chunk.extend((i..end).map(|k| x.at(k).to_num().as_f64()));
        total += pairwise(&chunk);
        i = end;
    }
    total
}

/// The element `better` prefers over all others (None when empty). Contiguous
/// elements go through eight independent accumulators, which keeps the CPU busy
/// where one running extreme would wait on each comparison.
fn extreme<T: Copy>(x: Strided<'_, T>, better: impl Fn(T, T) -> bool) -> Option<T> {
    let first = (x.len > 0).then(|| x.at(0))?;
    let pick = |acc: T, v: T| if better(v, acc) { v } else { acc };
    let Some(s) = x.as_slice() else { return Some(x.iter().fold(first, pick)) };
    let mut lanes = [first; 8];
    let chunks = s.chunks_exact(8);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane = pick(*lane, v);
        }
    }
    Some(lanes.into_iter().chain(rest.iter().copied()).fold(first, pick))
}

/// Whole-array reductions of integer and bool elements.
fn reduce_ints<T: Num + PartialOrd + Ord>(x: Strided<'_, T>, r: Reduction, unsigned: bool) -> Option<Scalar> {
    let n = x.len;
    let wrap = |acc: i64| if unsigned { Scalar::U64(acc as u64) } else { Scalar::I64(acc) };
    let arg = |better: fn(&T, &T) -> bool| {
        let mut best = 0usize;
        let mut value = x.at(0);
        for (i, v) in x.iter().enumerate().skip(1) {
            if better(&v, &value) {
                best = i;
                value = v;
            }
        }
        Scalar::I64(best as i64)
    };
    Some(match r {
        Reduction::Sum => wrap(x.iter().fold(0i64, |acc, v| acc.wrapping_add(int_of(v)))),
        Reduction::Prod => wrap(x.iter().fold(1i64, |acc, v| acc.wrapping_mul(int_of(v)))),
        Reduction::Min => extreme(x, |v, acc| v < acc)?.to_scalar(),
        Reduction::Max => extreme(x, |v, acc| v > acc)?.to_scalar(),
        Reduction::ArgMin if n > 0 => arg(|v, best| v < best),
        Reduction::ArgMax if n > 0 => arg(|v, best| v > best),
        Reduction::Any => Scalar::Bool(x.iter().any(|v| int_of(v) != 0)),
        Reduction::All => Scalar::Bool(x.iter().all(|v| int_of(v) != 0)),
        Reduction::Mean if n > 0 => Scalar::F64(chunked_float_sum(x) / n as f64),
        _ => return None,
    })
}

/// Whole-array reductions of float64/float32 elements (NaN propagates).
fn reduce_floats<F: PairwiseFloat + Num>(x: Strided<'_, F>, r: Reduction) -> Option<Scalar> {
    let n = x.len;
    #[allow(clippy::eq_op)]
    let is_nan = |v: F| v != v;
    Some(match r {
        Reduction::Sum => (F::ZERO + pairwise_strided(x)).to_scalar(),
        Reduction::Prod => x.iter().fold(F::ONE, |acc, v| acc * v).to_scalar(),
        Reduction::Mean if n > 0 => {
            let s = (F::ZERO + pairwise_strided(x)).to_f64() / n as f64;
            F::from_num(NumVal::Float(s)).to_scalar()
        }
        Reduction::Min | Reduction::Max if n > 0 => {
            // NumPy's loop: `acc = (acc < v || isnan(acc)) ? acc : v` (so of equal
            // values, -0.0 and 0.0, the later one wins; NaN sticks).
            let min = r == Reduction::Min;
            let mut acc = x.at(0);
            for v in x.iter().skip(1) {
                if is_nan(acc) {
                    break;
                }
                if !(if min { acc < v } else { acc > v }) {
                    acc = v;
                }
            }
            acc.to_scalar()
        }
        Reduction::ArgMin | Reduction::ArgMax if n > 0 => {
            let min = r == Reduction::ArgMin;
            let mut best = 0usize;
            let mut value = x.at(0);
            for (i, v) in x.iter().enumerate().skip(1) {
                if is_nan(value) {
                    break;
                }
                if is_nan(v) || if min { v < value } else { v > value } {
                    best = i;
                    value = v;
                }
            }
            Scalar::I64(best as i64)
        }
        Reduction::Any => Scalar::Bool(x.iter().any(|v| v != F::ZERO)),
        Reduction::All => Scalar::Bool(x.iter().all(|v| v != F::ZERO)),
        _ => return None,
    })
}

/// Runs `f` on the elements of a C-contiguous or 1-d array of element type `T`.
fn with_strided<T: Elem + Copy, R>(a: &NdArray, f: impl FnOnce(Strided<'_, T>) -> Option<R>) -> Option<R> {
    let (start, step) = match a.contiguous_range() {
        Some(range) => (range.start, 1),
        None if a.ndim() == 1 => (a.offset, a.strides[0]),
        None => return None,
    };
    let buf = a.data.borrow();
    let data = T::slice(&buf)?;
    let len = a.size();
    let last = start as isize + (len as isize - 1) * step;
    if len == 0 || last < 0 || last as usize >= data.len() || start >= data.len() {
        return None;
    }
    f(Strided { data, start, step, len })
}

/// A reduction over every element of a C-contiguous (or 1-d) numeric array, as a
/// NumPy scalar; `None` where the general path must run (empty arrays, float16,
/// complex, std/var, other layouts).
pub fn reduce_all(a: &NdArray, r: Reduction) -> Option<Scalar> {
    if a.size() == 0 {
        return None;
    }
    match a.dtype().kind() {
        Kind::Bool => with_strided(a, |x: Strided<'_, bool>| match r {
            Reduction::Sum | Reduction::Prod => {
                let v: Vec<i8> = x.iter().map(|b| b as i8).collect();
                reduce_ints(Strided { data: &v, start: 0, step: 1, len: v.len() }, r, false)
            }
            _ => reduce_ints(x, r, false),
        }),
        Kind::Int8 => with_strided(a, |x: Strided<'_, i8>| reduce_ints(x, r, false)),
        Kind::Int16 => with_strided(a, |x: Strided<'_, i16>| reduce_ints(x, r, false)),
        Kind::Int32 => with_strided(a, |x: Strided<'_, i32>| reduce_ints(x, r, false)),
        Kind::Int64 => with_strided(a, |x: Strided<'_, i64>| reduce_ints(x, r, false)),
        Kind::UInt8 => with_strided(a, |x: Strided<'_, u8>| reduce_ints(x, r, true)),
        Kind::UInt16 => with_strided(a, |x: Strided<'_, u16>| reduce_ints(x, r, true)),
        Kind::UInt32 => with_strided(a, |x: Strided<'_, u32>| reduce_ints(x, r, true)),
        Kind::UInt64 => with_strided(a, |x: Strided<'_, u64>| reduce_ints(x, r, true)),
        Kind::Float32 => with_strided(a, |x: Strided<'_, f32>| reduce_floats(x, r)),
        Kind::Float64 => with_strided(a, |x: Strided<'_, f64>| reduce_floats(x, r)),
        _ => None,
    }
}
