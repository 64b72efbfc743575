//! Reductions (`sum prod mean std var min max argmin argmax any all`) with `axis=`
//! and `keepdims=`, cumulative sums/products, sorting, `unique`, `where`,
//! `allclose`/`array_equal`. Float sums use NumPy's pairwise summation so results
//! match to the last bit for contiguous data.

use num_complex::Complex64;

use super::array::{normalize_axis, NdArray};
use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::num::NumVal;
use super::storage::Buffer;
use super::value::PyValue;

/// A reduction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reduction {
    /// `sum`
    Sum,
    /// `prod`
    Prod,
    /// `mean`
    Mean,
    /// `std` (with `ddof`)
    Std,
    /// `var` (with `ddof`)
    Var,
    /// `min`
    Min,
    /// `max`
    Max,
    /// `argmin`
    ArgMin,
    /// `argmax`
    ArgMax,
    /// `any`
    Any,
    /// `all`
    All,
}

/// Rounds an f64 to a float dtype's precision.
fn round_to(kind: &Kind, x: f64) -> f64 {
    match kind {
        Kind::Float16 => super::num::f64_to_f16(x).to_f64(),
        Kind::Float32 => x as f32 as f64,
        _ => x,
    }
}

/// NumPy's pairwise summation (`pairwise_sum_DOUBLE`), rounding each addition with
/// `rnd` (the accumulator's precision).
fn pairwise(a: &[f64], rnd: &dyn Fn(f64) -> f64) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = 0.0;
        for &x in a {
            res = rnd(res + x);
        }
        res
    } else if n <= 128 {
        let mut r = [0f64; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - (n % 8) {
            for j in 0..8 {
                r[j] = rnd(r[j] + a[i + j]);
            }
            i += 8;
        }
        let mut res = rnd(rnd(rnd(r[0] + r[1]) + rnd(r[2] + r[3])) + rnd(rnd(r[4] + r[5]) + rnd(r[6] + r[7])));
        while i < n {
            res = rnd(res + a[i]);
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        rnd(pairwise(&a[..n2], rnd) + pairwise(&a[n2..], rnd))
    }
}

/// The reduced-axes layout: lanes (C order of the kept axes), each the elements of
/// the reduced axes in C order.
struct Lanes {
    kept_shape: Vec<usize>,
    out_shape_keepdims: Vec<usize>,
    lane_len: usize,
    /// Whether the reduced axes are the trailing axes (pairwise summation applies).
    trailing: bool,
    values: NdArray,
}

fn lanes(a: &NdArray, axis: Option<&[isize]>) -> NpResult<Lanes> {
    let nd = a.ndim();
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(list) => {
            let mut v = Vec::new();
            for &ax in list {
                let n = normalize_axis(ax, nd)?;
                if v.contains(&n) {
                    return Err(NpError::value("duplicate value in 'axis'"));
                }
                v.push(n);
            }
            v.sort_unstable();
            v
        }
    };
    let kept: Vec<usize> = (0..nd).filter(|x| !axes.contains(x)).collect();
    let mut perm: Vec<isize> = kept.iter().map(|&x| x as isize).collect();
    perm.extend(axes.iter().map(|&x| x as isize));
    let t = if nd == 0 { a.clone() } else { a.transpose(&perm)? };
    let kept_shape: Vec<usize> = kept.iter().map(|&x| a.shape()[x]).collect();
    let lane_len: usize = axes.iter().map(|&x| a.shape()[x]).product();
    let out_shape_keepdims = (0..nd).map(|x| if axes.contains(&x) { 1 } else { a.shape()[x] }).collect();
    // NumPy drops length-1 axes before iterating: the reduction runs in its inner
    // (pairwise) loop when no kept axis longer than 1 follows a reduced one.
    let last_kept_long = kept.iter().filter(|&&x| a.shape()[x] > 1).max().copied();
    let first_reduced_long = axes.iter().filter(|&&x| a.shape()[x] > 1).min().copied();
    let trailing = match (last_kept_long, first_reduced_long) {
        (Some(k), Some(r)) => k < r,
        _ => true,
    };
    Ok(Lanes { kept_shape, out_shape_keepdims, lane_len, trailing, values: t.copy() })
}

/// Whether `axis` names every axis once (`None` does).
fn covers_all_axes(axis: Option<&[isize]>, ndim: usize) -> bool {
    let Some(list) = axis else { return true };
    let mut seen = vec![false; ndim];
    for &ax in list {
        match normalize_axis(ax, ndim) {
            Ok(n) if !seen[n] => seen[n] = true,
            _ => return false,
        }
    }
    seen.iter().all(|&s| s)
}

fn no_identity(r: Reduction) -> NpError {
    match r {
        Reduction::ArgMin => NpError::value("attempt to get argmin of an empty sequence"),
        Reduction::ArgMax => NpError::value("attempt to get argmax of an empty sequence"),
        Reduction::Min => NpError::value("zero-size array to reduction operation minimum which has no identity"),
        _ => NpError::value("zero-size array to reduction operation maximum which has no identity"),
    }
}

/// The dtype `sum`/`prod`/`cumsum` accumulate in.
fn sum_dtype(d: &DType) -> DType {
    match d.kind_char() {
        'b' | 'i' => DType::int64(),
        'u' => DType::new(Kind::UInt64),
        _ => DType::new(d.kind().clone()),
    }
}

/// `a.<reduction>(axis=..., keepdims=...)` (and `ddof` for std/var). The result is a
/// NumPy scalar when every axis is reduced without keepdims.
pub fn reduce(a: &NdArray, r: Reduction, axis: Option<&[isize]>, keepdims: bool, ddof: f64) -> NpResult<PyValue> {
    if !a.is_numeric() {
        return Err(NpError::type_error("cannot perform reduce with flexible type"));
    }
    if covers_all_axes(axis, a.ndim()) {
        if let Some(s) = super::fast::reduce_all(a, r) {
            let out = NdArray::from_scalar(&s);
            if keepdims {
                return Ok(PyValue::Array(out.reshape(&vec![1; a.ndim()])?));
            }
            return Ok(PyValue::Scalar(s));
        }
    }
    let l = lanes(a, axis)?;
    let nlanes: usize = l.kept_shape.iter().product();
    let d = a.dtype().clone();
    let k = d.kind_char();
    let n = l.lane_len;
    if n == 0 && nlanes > 0 && matches!(r, Reduction::Min | Reduction::Max | Reduction::ArgMin | Reduction::ArgMax) {
        return Err(no_identity(r));
    }
    let nums: Vec<NumVal> = {
        let buf = l.values.buffer();
        crate::np_dispatch_numeric!(&*buf, v => v.iter().map(|x| super::num::Num::to_num(*x)).collect(), _ => vec![])
    };
    let lane = |i: usize| &nums[i * n..(i + 1) * n];
    let (out_vals, out_dtype): (Vec<NumVal>, DType) = match r {
        Reduction::Any | Reduction::All => (
            (0..nlanes)
                .map(|i| {
                    let t = lane(i).iter().map(|v| v.truthy());
                    NumVal::Bool(if r == Reduction::Any { t.into_iter().any(|x| x) } else { t.into_iter().all(|x| x) })
                })
                .collect(),
            DType::bool(),
        ),
        Reduction::Sum | Reduction::Prod => {
            let sd = sum_dtype(&d);
            let vals = (0..nlanes).map(|i| accumulate(lane(i), r, &sd, l.trailing)).collect();
            (vals, sd)
        }
        Reduction::Min | Reduction::Max => {
            let vals = (0..nlanes)
                .map(|i| {
                    let mut best = lane(i)[0];
                    for &v in &lane(i)[1..] {
                        if is_nan(best) {
                            break;
                        }
                        if is_nan(v) || (r == Reduction::Min && less(v, best)) || (r == Reduction::Max && less(best, v)) {
                            best = v;
                        }
                    }
                    best
                })
                .collect();
            (vals, DType::new(d.kind().clone()))
        }
        Reduction::ArgMin | Reduction::ArgMax => {
            let vals = (0..nlanes)
                .map(|i| {
                    let ln = lane(i);
                    let mut best = 0usize;
                    for (j, &v) in ln.iter().enumerate().skip(1) {
                        if is_nan(ln[best]) {
                            break;
                        }
                        if is_nan(v)
                            || (r == Reduction::ArgMin && less(v, ln[best]))
                            || (r == Reduction::ArgMax && less(ln[best], v))
                        {
                            best = j;
                        }
                    }
                    NumVal::Int(best as i128)
                })
                .collect();
            (vals, DType::int64())
        }
        Reduction::Mean | Reduction::Var | Reduction::Std => {
            // `_mean`: ints sum in float64, float16 in float32; `_var`: ints in
            // float64, floats (float16 too) in their own type; as numpy/_core/_methods.py.
            let md = match k {
                'b' | 'i' | 'u' => DType::float64(),
                _ => DType::new(d.kind().clone()),
            };
            let real = real_of(&md);
            let rnd_real = |x: f64| round_to(real.kind(), x);
            let count = n as f64;
            let vals = (0..nlanes)
                .map(|i| {
                    let ln = lane(i);
                    if r == Reduction::Mean {
                        if matches!(md.kind(), Kind::Float16) {
                            let f32d = DType::new(Kind::Float32);
                            let s = accumulate(ln, Reduction::Sum, &f32d, l.trailing);
                            return NumVal::Float(round_to(&Kind::Float16, div(s, count, &f32d).as_f64()));
                        }
                        return div(accumulate(ln, Reduction::Sum, &md, l.trailing), count, &md);
                    }
                    let mean = div(accumulate(ln, Reduction::Sum, &md, l.trailing), count, &md);
                    let sq: Vec<NumVal> = ln
                        .iter()
                        .map(|&v| match sub(to_md(v, &md), mean, &md) {
                            NumVal::Complex(c) => NumVal::Float(rnd_real(rnd_real(c.re * c.re) + rnd_real(c.im * c.im))),
                            other => NumVal::Float(rnd_real(other.as_f64() * other.as_f64())),
                        })
                        .collect();
                    let s = accumulate(&sq, Reduction::Sum, &real, l.trailing);
                    let var = div(s, (count - ddof).max(0.0), &real);
                    if r == Reduction::Var {
                        var
                    } else {
                        NumVal::Float(rnd_real(var.as_f64().sqrt()))
                    }
                })
                .collect();
            let od = if r != Reduction::Mean { real } else { md };
            (vals, od)
        }
    };
    let shape = if keepdims { l.out_shape_keepdims } else { l.kept_shape };
    let out = NdArray::from_buffer(super::cast::num_buffer(&out_vals, &out_dtype), shape, out_dtype);
    if out.ndim() == 0 {
        Ok(out.values().into_iter().next().unwrap_or(PyValue::None))
    } else {
        Ok(PyValue::Array(out))
    }
}

fn real_of(d: &DType) -> DType {
    match d.kind() {
        Kind::Complex64 => DType::new(Kind::Float32),
        Kind::Complex128 => DType::float64(),
        _ => d.clone(),
    }
}

fn to_md(v: NumVal, md: &DType) -> NumVal {
    match md.kind() {
        Kind::Complex64 | Kind::Complex128 => NumVal::Complex(v.as_c128()),
        k => NumVal::Float(round_to(k, v.as_f64())),
    }
}

fn sub(a: NumVal, b: NumVal, md: &DType) -> NumVal {
    if md.is_complex() {
        let r = a.as_c128() - b.as_c128();
        let rk = real_of(md).kind().clone();
        NumVal::Complex(Complex64::new(round_to(&rk, r.re), round_to(&rk, r.im)))
    } else {
        NumVal::Float(round_to(md.kind(), a.as_f64() - b.as_f64()))
    }
}

/// `x / count` as `_methods.py` divides: by an `intp` count, so in float64 (complex128
/// for complex, Smith's method) and cast back to the result dtype.
fn div(a: NumVal, n: f64, md: &DType) -> NumVal {
    match a {
        NumVal::Complex(c) => {
            let rk = real_of(md).kind().clone();
            let scl = 1.0 / n;
            NumVal::Complex(Complex64::new(round_to(&rk, (c.re + c.im * 0.0) * scl), round_to(&rk, (c.im - c.re * 0.0) * scl)))
        }
        other => NumVal::Float(round_to(md.kind(), other.as_f64() / n)),
    }
}

fn is_nan(v: NumVal) -> bool {
    match v {
        NumVal::Float(f) => f.is_nan(),
        NumVal::Complex(c) => c.re.is_nan() || c.im.is_nan(),
        _ => false,
    }
}

fn less(a: NumVal, b: NumVal) -> bool {
    match (a, b) {
        (NumVal::Int(x), NumVal::Int(y)) => x < y,
        (NumVal::Bool(x), NumVal::Bool(y)) => !x & y,
        (NumVal::Complex(_), _) | (_, NumVal::Complex(_)) => {
            let (p, q) = (a.as_c128(), b.as_c128());
            p.re < q.re || (p.re == q.re && p.im < q.im)
        }
        _ => a.as_f64() < b.as_f64(),
    }
}

/// Sums or multiplies a lane in dtype `sd` (pairwise for float sums over trailing
/// axes, sequential otherwise).
fn accumulate(lane: &[NumVal], r: Reduction, sd: &DType, trailing: bool) -> NumVal {
    let k = sd.kind_char();
    if k == 'i' || k == 'u' {
        let mut acc: i128 = if r == Reduction::Sum { 0 } else { 1 };
        for &v in lane {
            let x = match v {
                NumVal::Int(i) => i,
                NumVal::Bool(b) => b as i128,
                other => other.as_i64() as i128,
            };
            acc = if r == Reduction::Sum { acc.wrapping_add(x) } else { acc.wrapping_mul(x) };
            acc = if k == 'u' { acc as u64 as i128 } else { acc as i64 as i128 };
        }
        return NumVal::Int(acc);
    }
    let acc_kind = match sd.kind() {
        Kind::Float16 => Kind::Float32,
        Kind::Complex64 => Kind::Float32,
        Kind::Complex128 => Kind::Float64,
        k => k.clone(),
    };
    let rnd = |x: f64| round_to(&acc_kind, x);
    let out_kind = real_of(sd).kind().clone();
    if k == 'c' {
        if r == Reduction::Sum {
            let z: Vec<(f64, f64)> = lane.iter().map(|v| (v.as_c128().re, v.as_c128().im)).collect();
            let (sr, si) = if trailing {
                pairwise_complex(&z, &rnd)
            } else {
                let (re, im): (Vec<f64>, Vec<f64>) = z.iter().copied().unzip();
                (seq(&re, &rnd), seq(&im, &rnd))
            };
            return NumVal::Complex(Complex64::new(rnd(0.0 + sr), rnd(0.0 + si)));
        }
        // Reducing the innermost axis runs NumPy's scalar loop; other axes run the
        // elementwise SIMD loop, which multiplies with fused multiply-adds.
        let single = matches!(acc_kind, Kind::Float32);
        let (mut ar, mut ai) = (1.0f64, 0.0f64);
        for v in lane {
            let b = v.as_c128();
            let (re, im) = if trailing {
                (rnd(rnd(ar * b.re) - rnd(ai * b.im)), rnd(rnd(ar * b.im) + rnd(ai * b.re)))
            } else if single {
                let (xr, xi, yr, yi) = (ar as f32, ai as f32, b.re as f32, b.im as f32);
                (xr.mul_add(yr, -(xi * yi)) as f64, xr.mul_add(yi, xi * yr) as f64)
            } else {
                (ar.mul_add(b.re, -(ai * b.im)), ar.mul_add(b.im, ai * b.re))
            };
            ar = re;
            ai = im;
        }
        return NumVal::Complex(Complex64::new(ar, ai));
    }
    let xs: Vec<f64> = lane.iter().map(|v| v.as_f64()).collect();
    // Along the innermost axis NumPy accumulates in the loop's precision (float32
    // for float16); along other axes every step is stored in the output dtype.
    let step_kind = if trailing { acc_kind.clone() } else { out_kind.clone() };
    let step = |x: f64| round_to(&step_kind, x);
    if r == Reduction::Sum {
        let s = if trailing { pairwise(&xs, &step) } else { seq(&xs, &step) };
        NumVal::Float(round_to(&out_kind, step(0.0 + s)))
    } else {
        let mut acc = 1.0;
        for x in xs {
            acc = step(acc * x);
        }
        NumVal::Float(round_to(&out_kind, acc))
    }
}

/// NumPy's complex pairwise summation (`pairwise_sum_CDOUBLE`): four accumulators
/// per component over interleaved (re, im) pairs.
fn pairwise_complex(z: &[(f64, f64)], rnd: &dyn Fn(f64) -> f64) -> (f64, f64) {
    let m = z.len();
    if m < 4 {
        let (mut rr, mut ri) = (-0.0, -0.0);
        for &(a, b) in z {
            rr = rnd(rr + a);
            ri = rnd(ri + b);
        }
        (rr, ri)
    } else if m <= 64 {
        let mut r = [0f64; 8];
        for j in 0..4 {
            r[2 * j] = z[j].0;
            r[2 * j + 1] = z[j].1;
        }
        let mut i = 4;
        while i < m - (m % 4) {
            for j in 0..4 {
                r[2 * j] = rnd(r[2 * j] + z[i + j].0);
                r[2 * j + 1] = rnd(r[2 * j + 1] + z[i + j].1);
            }
            i += 4;
        }
        let mut rr = rnd(rnd(r[0] + r[2]) + rnd(r[4] + r[6]));
        let mut ri = rnd(rnd(r[1] + r[3]) + rnd(r[5] + r[7]));
        while i < m {
            rr = rnd(rr + z[i].0);
            ri = rnd(ri + z[i].1);
            i += 1;
        }
        (rr, ri)
    } else {
        // n = 2m scalars; n2 = n/2 rounded down to a multiple of 8 scalars.
        let mut n2 = m;
        n2 -= n2 % 8;
        let m2 = n2 / 2;
        let (a, b) = pairwise_complex(&z[..m2], rnd);
        let (c, d) = pairwise_complex(&z[m2..], rnd);
        (rnd(a + c), rnd(b + d))
    }
}

fn seq(xs: &[f64], rnd: &dyn Fn(f64) -> f64) -> f64 {
    let mut acc = 0.0;
    for &x in xs {
        acc = rnd(acc + x);
    }
    acc
}

/// `np.cumsum(a, axis)` / `np.cumprod` (axis `None` flattens).
pub fn cumulative(a: &NdArray, r: Reduction, axis: Option<isize>) -> NpResult<NdArray> {
    if !a.is_numeric() {
        return Err(NpError::type_error("cannot perform accumulate with flexible type"));
    }
    let (src, ax) = match axis {
        None => (a.ravel(), 0usize),
        Some(x) => (a.clone(), normalize_axis(x, a.ndim())?),
    };
    let sd = sum_dtype(src.dtype());
    // Lanes along the axis (moved last), accumulated in place, then moved back.
    let l = lanes(&src, Some(&[ax as isize]))?;
    let n = l.lane_len;
    let mut nums: Vec<NumVal> = {
        let buf = l.values.buffer();
        crate::np_dispatch_numeric!(&*buf, v => v.iter().map(|x| super::num::Num::to_num(*x)).collect(), _ => vec![])
    };
    let k = sd.kind_char();
    let rk = real_of(&sd).kind().clone();
    for lane in nums.chunks_mut(n.max(1)) {
        let mut acc: Option<NumVal> = None;
        for v in lane.iter_mut() {
            let next = match acc {
                None => *v,
                Some(p) => match k {
                    'i' | 'u' => {
                        let (x, y) = (int_val(p), int_val(*v));
                        let z = if r == Reduction::Prod { x.wrapping_mul(y) } else { x.wrapping_add(y) };
                        NumVal::Int(if k == 'u' { z as u64 as i128 } else { z as i64 as i128 })
                    }
                    'c' => {
                        let z = if r == Reduction::Prod { p.as_c128() * v.as_c128() } else { p.as_c128() + v.as_c128() };
                        NumVal::Complex(Complex64::new(round_to(&rk, z.re), round_to(&rk, z.im)))
                    }
                    _ => {
                        let z = if r == Reduction::Prod { p.as_f64() * v.as_f64() } else { p.as_f64() + v.as_f64() };
                        NumVal::Float(round_to(&rk, z))
                    }
                },
            };
            *v = next;
            acc = Some(next);
        }
    }
    let mut shape = l.kept_shape.clone();
    shape.push(n);
    let tmp = NdArray::from_buffer(super::cast::num_buffer(&nums, &sd), shape, sd);
    lanes_back(&tmp, ax)
}

/// An array laid out as (kept axes..., lane) back in the original axis order, with the
/// lane at `axis` (a C-ordered copy).
fn lanes_back(tmp: &NdArray, axis: usize) -> NpResult<NdArray> {
    let nd = tmp.ndim();
    let mut perm: Vec<isize> = (0..nd as isize - 1).collect();
    perm.insert(axis, nd as isize - 1);
    Ok(tmp.transpose(&perm)?.copy())
}

fn int_val(v: NumVal) -> i128 {
    match v {
        NumVal::Int(i) => i,
        NumVal::Bool(b) => b as i128,
        other => other.as_i64() as i128,
    }
}

/// `np.sort(a, axis=-1)` (NaN last), a sorted copy.
pub fn sort(a: &NdArray, axis: Option<isize>) -> NpResult<NdArray> {
    let (src, ax) = match axis {
        None => (a.flatten(), 0isize),
        Some(x) => (a.copy(), x),
    };
    if src.ndim() == 0 {
        return Err(NpError::axis(ax, 0));
    }
    let nd = src.ndim();
    let axn = normalize_axis(ax, nd)?;
    let l = lanes(&src, Some(&[axn as isize]))?;
    let n = l.lane_len;
    let nlanes: usize = l.kept_shape.iter().product();
    let values = l.values.values();
    let mut sorted = Vec::with_capacity(values.len());
    for i in 0..nlanes {
        let mut lane: Vec<PyValue> = values[i * n..(i + 1) * n].to_vec();
        lane.sort_by(|x, y| compare_values(x, y));
        sorted.extend(lane);
    }
    // Back from (kept..., axis) to the original axis order.
    let mut shape = l.kept_shape.clone();
    shape.push(n);
    let buf = super::cast::values_to_buffer(&sorted, src.dtype())?;
    let tmp = NdArray::from_buffer(buf, shape, src.dtype().clone());
    lanes_back(&tmp, axn)
}

/// `np.argsort(a, axis=-1)` (a stable sort, NaN last): the indices that sort each
/// lane along the axis (`axis` None: of the flattened array).
pub fn argsort(a: &NdArray, axis: Option<isize>) -> NpResult<NdArray> {
    let (src, ax) = match axis {
        None => (a.flatten(), 0isize),
        Some(x) => (a.clone(), x),
    };
    if src.ndim() == 0 {
        return Err(NpError::axis(ax, 0));
    }
    let nd = src.ndim();
    let axn = normalize_axis(ax, nd)?;
    let l = lanes(&src, Some(&[axn as isize]))?;
    let n = l.lane_len;
    let nlanes: usize = l.kept_shape.iter().product();
    let values = l.values.values();
    let mut order: Vec<i64> = Vec::with_capacity(values.len());
    for i in 0..nlanes {
        let lane = &values[i * n..(i + 1) * n];
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by(|&x, &y| compare_values(&lane[x], &lane[y]));
        order.extend(idx.into_iter().map(|j| j as i64));
    }
    let mut shape = l.kept_shape.clone();
    shape.push(n);
    let tmp = NdArray::from_buffer(Buffer::I64(order.into()), shape, DType::int64());
    lanes_back(&tmp, axn)
}

fn compare_values(x: &PyValue, y: &PyValue) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (x.as_number(), y.as_number()) {
        (Some(a), Some(b)) => {
            let (na, nb) = (is_nan(a), is_nan(b));
            match (na, nb) {
                (true, true) => Equal,
                (true, false) => Greater,
                (false, true) => Less,
                _ => {
                    if less(a, b) {
                        Less
                    } else if less(b, a) {
                        Greater
                    } else {
                        Equal
                    }
                }
            }
        }
        _ => x.str().cmp(&y.str()),
    }
}

/// `np.unique(a)`: the sorted distinct elements (flattened).
pub fn unique(a: &NdArray) -> NpResult<NdArray> {
    let s = sort(a, None)?;
    let vals = s.values();
    let mut out: Vec<PyValue> = Vec::new();
    for v in vals {
        // NaNs compare equal here: NumPy 2's unique has equal_nan=True.
        let dup = out.last().is_some_and(|p| compare_values(p, &v) == std::cmp::Ordering::Equal);
        if !dup {
            out.push(v);
        }
    }
    let n = out.len();
    let buf = super::cast::values_to_buffer(&out, s.dtype())?;
    Ok(NdArray::from_buffer(buf, vec![n], s.dtype().clone()))
}

/// `np.where(cond, x, y)`.
pub fn where_(cond: &NdArray, x: &NdArray, y: &NdArray) -> NpResult<NdArray> {
    let shape = super::broadcast::broadcast_shapes(&[cond.shape(), x.shape(), y.shape()])?;
    let dtype = super::promote::promote_types(x.dtype(), y.dtype())?;
    let c = cond.broadcast_to(&shape).ok_or_else(|| NpError::value("broadcast"))?;
    let xv = x.broadcast_to(&shape).ok_or_else(|| NpError::value("broadcast"))?.astype(&dtype)?.values();
    let yv = y.broadcast_to(&shape).ok_or_else(|| NpError::value("broadcast"))?.astype(&dtype)?.values();
    let out: Vec<PyValue> = c
        .values()
        .iter()
        .zip(xv.into_iter().zip(yv))
        .map(|(t, (a, b))| if t.truthy().unwrap_or(true) { a } else { b })
        .collect();
    let buf = super::cast::values_to_buffer(&out, &dtype)?;
    Ok(NdArray::from_buffer(buf, shape, dtype))
}

/// `np.array_equal(a, b)`.
pub fn array_equal(a: &NdArray, b: &NdArray) -> bool {
    if a.shape() != b.shape() {
        return false;
    }
    a.values().iter().zip(b.values().iter()).all(|(x, y)| x.py_eq(y).unwrap_or(false))
}

/// `np.isclose(a, b, rtol, atol)` elementwise and `np.allclose` (`all` of it).
pub fn isclose(a: &NdArray, b: &NdArray, rtol: f64, atol: f64, equal_nan: bool) -> NpResult<NdArray> {
    let shape = super::broadcast::broadcast_shapes(&[a.shape(), b.shape()])?;
    let numbers = |x: &NdArray| x.broadcast_to(&shape).and_then(|x| x.to_num_vec::<Complex64>());
    let (Some(av), Some(bv)) = (numbers(a), numbers(b)) else {
        // NumPy computes `abs(a - b)` with `b` promoted to float: its subtraction's
        // error is the one a user sees for text and object operands.
        let b_float = super::ops::binary(super::BinOp::Mul, &super::ops::Arg::Array(b.clone()), &super::ops::Arg::Py(PyValue::Float(1.0)))?;
        super::ops::binary(super::BinOp::Sub, &super::ops::Arg::Array(a.clone()), &super::ops::Arg::Py(b_float))?;
        return Err(NpError::type_error("ufunc 'isfinite' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"));
    };
    let out: Vec<bool> = av
        .iter()
        .zip(&bv)
        .map(|(x, y)| {
            let nan = x.re.is_nan() || y.re.is_nan() || x.im.is_nan() || y.im.is_nan();
            if nan {
                return equal_nan && (x.re.is_nan() || x.im.is_nan()) && (y.re.is_nan() || y.im.is_nan());
            }
            if x == y {
                return true;
            }
            let inf = !(x.re.is_finite() && x.im.is_finite() && y.re.is_finite() && y.im.is_finite());
            if inf {
                return false;
            }
            (x - y).norm() <= atol + rtol * y.norm()
        })
        .collect();
    Ok(NdArray::from_buffer(Buffer::Bool(out.into()), shape, DType::bool()))
}

/// `np.allclose(a, b, rtol=1e-05, atol=1e-08)`.
pub fn allclose(a: &NdArray, b: &NdArray, rtol: f64, atol: f64, equal_nan: bool) -> NpResult<bool> {
    Ok(isclose(a, b, rtol, atol, equal_nan)?.to_vec::<bool>().unwrap_or_default().iter().all(|&x| x))
}

impl NdArray {
    /// `x in a`: whether any element equals `x`.
    pub fn contains(&self, x: &PyValue) -> bool {
        self.values().iter().any(|v| v.py_eq(x).unwrap_or(false))
    }
    /// `a.fill(value)`.
    pub fn fill(&self, value: &PyValue) -> NpResult<()> {
        let v = super::create::array(value, Some(self.dtype()))?;
        self.assign(&v)
    }
    /// `a.sort(axis=-1)` in place.
    pub fn sort_inplace(&self, axis: isize) -> NpResult<()> {
        let s = sort(self, Some(axis))?;
        self.assign(&s)
    }
}
