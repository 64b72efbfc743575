//! `a @ b` / `np.matmul` and `np.dot`: matrix products with NumPy's gufunc rules
//! (1-D operands promoted and their axis removed again, stacked matrices broadcast)
//! and error texts. Integers accumulate with wrapping arithmetic, floats in f64,
//! complex in complex128; the result is cast to the promoted dtype.

use num_complex::Complex64;

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::num::Num;
use super::storage::Elem;
use super::ops::Arg;
use super::promote::result_type;
use super::value::PyValue;

const SIGNATURE: &str = "(n?,k),(k,m?)->(n?,m?)";

fn operand(a: &Arg) -> NpResult<NdArray> {
    Ok(match a {
        Arg::Array(a) | Arg::Py(PyValue::Array(a)) => a.clone(),
        Arg::Scalar(s) | Arg::Py(PyValue::Scalar(s)) => NdArray::from_scalar(s),
        Arg::Py(v) => super::create::array(v, None)?,
    })
}

/// A `(batch, rows, cols)` product of `f` over contiguous row-major operands.
fn product<T: Copy + Default>(
    a: &[T],
    b: &[T],
    (n, k, m): (usize, usize, usize),
    batches: &[(usize, usize)],
    zero: T,
    mul_add: impl Fn(T, T, T) -> T,
) -> Vec<T> {
    let mut out = vec![zero; batches.len() * n * m];
    for (bi, &(ia, ib)) in batches.iter().enumerate() {
        let (pa, pb) = (&a[ia * n * k..(ia + 1) * n * k], &b[ib * k * m..(ib + 1) * k * m]);
        let po = &mut out[bi * n * m..(bi + 1) * n * m];
        for i in 0..n {
            for p in 0..k {
                let x = pa[i * k + p];
                let row = &pb[p * m..(p + 1) * m];
                let dst = &mut po[i * m..(i + 1) * m];
                for (d, &y) in dst.iter_mut().zip(row) {
                    *d = mul_add(*d, x, y);
                }
            }
        }
    }
    out
}

fn values<T: Num>(a: &NdArray, dtype: &DType) -> NpResult<Vec<T>> {
    Ok(a.astype(dtype)?.to_num_vec::<T>().unwrap_or_default())
}

/// `np.matmul(a, b)` / `a @ b`.
pub fn matmul(a: &Arg, b: &Arg) -> NpResult<PyValue> {
    let (x, y) = (operand(a)?, operand(b)?);
    for (i, arr) in [&x, &y].into_iter().enumerate() {
        if arr.ndim() == 0 {
            return Err(NpError::value(format!(
                "matmul: Input operand {i} does not have enough dimensions (has 0, gufunc core with signature {SIGNATURE} requires 1)"
            )));
        }
    }
    let loop_error = || {
        NpError::new(
            "UFuncTypeError",
            format!(
                "ufunc 'matmul' did not contain a loop with signature matching types ({}, {}) -> None",
                x.dtype().repr(),
                y.dtype().repr()
            ),
        )
    };
    if !x.is_numeric() || !y.is_numeric() {
        return Err(loop_error());
    }
    let rt = result_type(&[super::promote::Operand::DType(x.dtype().clone()), super::promote::Operand::DType(y.dtype().clone())])?;
    // Promote 1-D operands to matrices.
    let xm = if x.ndim() == 1 { x.reshape(&[1, x.shape()[0] as isize])? } else { x.clone() };
    let ym = if y.ndim() == 1 { y.reshape(&[y.shape()[0] as isize, 1])? } else { y.clone() };
    let (xs, ys) = (xm.shape(), ym.shape());
    let (n, k) = (xs[xs.len() - 2], xs[xs.len() - 1]);
    let (k2, m) = (ys[ys.len() - 2], ys[ys.len() - 1]);
    if k != k2 {
        return Err(NpError::value(format!(
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {SIGNATURE} (size {k2} is different from {k})"
        )));
    }
    let (bx, by) = (&xs[..xs.len() - 2], &ys[..ys.len() - 2]);
    let batch = super::broadcast::broadcast_shapes(&[bx, by])?;
    let nb: usize = batch.iter().product();
    let index_in = |shape: &[usize], flat: usize| -> usize {
        // The batch index of a broadcast operand for output batch `flat`.
        let mut rem = flat;
        let mut idx = 0;
        let mut stride = 1;
        let offset = batch.len() - shape.len();
        let mut coords = vec![0; batch.len()];
        for d in (0..batch.len()).rev() {
            coords[d] = rem % batch[d].max(1);
            rem /= batch[d].max(1);
        }
        for d in (0..shape.len()).rev() {
            let c = if shape[d] == 1 { 0 } else { coords[d + offset] };
            idx += c * stride;
            stride *= shape[d];
        }
        idx
    };
    let batches: Vec<(usize, usize)> = (0..nb).map(|i| (index_in(bx, i), index_in(by, i))).collect();
    let dims = (n, k, m);
    let mut out_shape = batch.clone();
    out_shape.extend([n, m]);
    let result = match rt.kind() {
        Kind::Bool => {
            let (p, q) = (values::<bool>(&xm, &rt)?, values::<bool>(&ym, &rt)?);
            let v = product(&p, &q, dims, &batches, false, |acc, s, t| acc || (s && t));
            NdArray::from_buffer(<bool as Elem>::into_buffer(v), out_shape, rt.clone())
        }
        Kind::Complex64 | Kind::Complex128 => {
            let c = DType::complex128();
            let (p, q) = (values::<Complex64>(&xm, &c)?, values::<Complex64>(&ym, &c)?);
            let v = product(&p, &q, dims, &batches, Complex64::default(), |acc, s, t| acc + s * t);
            NdArray::from_buffer(<Complex64 as Elem>::into_buffer(v), out_shape, c).astype(&rt)?
        }
        Kind::Float16 | Kind::Float32 | Kind::Float64 => {
            let f = DType::float64();
            let (p, q) = (values::<f64>(&xm, &f)?, values::<f64>(&ym, &f)?);
            let v = product(&p, &q, dims, &batches, 0.0, |acc, s, t| acc + s * t);
            NdArray::from_buffer(<f64 as Elem>::into_buffer(v), out_shape, f).astype(&rt)?
        }
        _ => {
            let i = DType::int64();
            let (p, q) = (values::<i64>(&xm, &i)?, values::<i64>(&ym, &i)?);
            let v = product(&p, &q, dims, &batches, 0, |acc: i64, s, t| acc.wrapping_add(s.wrapping_mul(t)));
            NdArray::from_buffer(<i64 as Elem>::into_buffer(v), out_shape, i).astype(&rt)?
        }
    };
    // Remove the axes 1-D operands gained.
    let mut final_shape: Vec<isize> = batch.iter().map(|&d| d as isize).collect();
    if x.ndim() > 1 {
        final_shape.push(n as isize);
    }
    if y.ndim() > 1 {
        final_shape.push(m as isize);
    }
    let result = result.reshape(&final_shape)?;
    if result.ndim() == 0 {
        return Ok(result.values().into_iter().next().unwrap_or(PyValue::None));
    }
    Ok(PyValue::Array(result))
}

/// `np.dot(a, b)`: matmul for 1-D and 2-D operands, multiplication when one is a
/// scalar.
pub fn dot(a: &Arg, b: &Arg) -> NpResult<PyValue> {
    let (x, y) = (operand(a)?, operand(b)?);
    if x.ndim() == 0 || y.ndim() == 0 {
        return super::ops::binary(super::kernels::BinOp::Mul, a, b);
    }
    if x.ndim() > 2 || y.ndim() > 2 {
        return Err(NpError::new("NotImplementedError", "numpy.dot of arrays with more than 2 dimensions"));
    }
    let k = x.shape()[x.ndim() - 1];
    let k2 = if y.ndim() == 1 { y.shape()[0] } else { y.shape()[0] };
    if k != k2 {
        return Err(NpError::value(format!(
            "shapes {} and {} not aligned: {} (dim {}) != {} (dim 0)",
            super::format::shape_repr(x.shape()),
            super::format::shape_repr(y.shape()),
            k,
            x.ndim() - 1,
            k2
        )));
    }
    matmul(a, b)
}
