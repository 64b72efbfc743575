//! Which floating-point errors an operation had, as NumPy would report them: the
//! processor's flags (read once per operation by [`fpflags`]) corrected where NumPy's
//! loops differ (integer division by zero, integer scalar overflow, float
//! `floor_divide` by zero), and the ufunc name the warning names.

use crate::numpy::fpflags::FpErrors;
use crate::numpy::num::NumVal;
use crate::numpy::ops::Arg;
use crate::numpy::{BinOp, PyValue, UnaryOp};

/// The errors NumPy reports for `x op y` giving `result`, from the flags raised
/// (`scalar`: NumPy's scalar arithmetic, which also checks integer overflow).
pub fn binary_errors(op: BinOp, x: &Arg, y: &Arg, result: &PyValue, mut errors: FpErrors, scalar: bool) -> FpErrors {
    use BinOp as N;
    // Comparisons, maximum/minimum and bitwise ops never report (optimised loops'
    // signalling compares and maxpd raise invalid on NaN; NumPy's do not).
    if !matches!(op, N::Add | N::Sub | N::Mul | N::TrueDiv | N::FloorDiv | N::Mod | N::Pow) {
        return FpErrors::default();
    }
    // A float remainder by zero is fmod's invalid alone (optimised loops may also
    // compute a / b); integer division by zero is found below.
    if op == N::Mod {
        errors.divide = false;
    }
    errors.divide |= integer_division_by_zero(op, y, result);
    // NumPy's float floor_divide is invalid only where a NaN comes from numbers
    // (`inf // 2`, `0.0 // 0`), not from NaN operands nor from the remainder h5lab's
    // loop also computes for `1.0 // 0`.
    if errors.invalid && op == BinOp::FloorDiv {
        errors.invalid = nan_from_numbers(x, y, result);
    }
    errors.over |= scalar && integer_overflow(op, x, y, result);
    errors
}

/// The errors NumPy reports for a unary ufunc: only its math functions report
/// (`abs`, `floor`, `isnan`... on NaN do not, whatever an optimised loop raised).
pub fn unary_errors(op: UnaryOp, errors: FpErrors) -> FpErrors {
    use UnaryOp as U;
    match op {
        U::Sqrt | U::Exp | U::Log | U::Log10 | U::Sin | U::Cos | U::Tan => errors,
        _ => FpErrors::default(),
    }
}

/// The ufunc NumPy runs for `x op y` (`operator`: for the Python operator, where
/// `a ** -1` is `reciprocal`).
pub fn binary_ufunc_name(op: BinOp, x: &Arg, y: &Arg, operator: bool) -> &'static str {
    use BinOp as N;
    let x_is_array = matches!(x, Arg::Array(_) | Arg::Py(PyValue::Array(_)));
    match op {
        N::Pow if operator && x_is_array => match y {
            Arg::Py(PyValue::Int(n)) if *n == (-1).into() => "reciprocal",
            Arg::Py(PyValue::Float(f)) if *f == -1.0 => "reciprocal",
            Arg::Py(PyValue::Int(n)) if *n == 2.into() => "square",
            Arg::Py(PyValue::Float(f)) if *f == 2.0 => "square",
            Arg::Py(PyValue::Float(f)) if *f == 0.5 => "sqrt",
            _ => "power",
        },
        N::Add => "add",
        N::Sub => "subtract",
        N::Mul => "multiply",
        N::TrueDiv => "divide",
        N::FloorDiv => "floor_divide",
        N::Mod => "remainder",
        N::Pow => "power",
        N::Maximum => "maximum",
        N::Minimum => "minimum",
        _ => "ufunc",
    }
}

/// Whether an integer `//` or `%` divided by zero (NumPy warns; no float flag says so).
fn integer_division_by_zero(op: BinOp, y: &Arg, result: &PyValue) -> bool {
    use BinOp as N;
    if !matches!(op, N::FloorDiv | N::Mod) {
        return false;
    }
    let integer_result = match result {
        PyValue::Array(a) => a.dtype().is_integer(),
        PyValue::Scalar(s) => s.dtype().is_integer(),
        PyValue::Int(_) => true,
        _ => false,
    };
    let is_zero = |v: &PyValue| match v {
        PyValue::Int(n) => *n == 0.into(),
        PyValue::Bool(b) => !b,
        PyValue::Scalar(s) => !s.truthy(),
        _ => false,
    };
    integer_result
        && match y {
            Arg::Py(v) => is_zero(v),
            Arg::Scalar(s) => !s.truthy(),
            Arg::Array(a) => has_zero(a),
        }
}

/// Whether an array holds a zero, in two typed passes (`a == 0`, then any).
fn has_zero(a: &crate::numpy::NdArray) -> bool {
    let zeros = crate::numpy::ops::binary(BinOp::Eq, &Arg::Array(a.clone()), &Arg::Py(PyValue::int(0)));
    let any = |z: PyValue| match z {
        PyValue::Array(z) => crate::numpy::reduce::reduce(&z, crate::numpy::reduce::Reduction::Any, None, false, 0.0).ok(),
        other => Some(other),
    };
    match zeros.ok().and_then(any) {
        Some(PyValue::Scalar(s)) => s.truthy(),
        Some(PyValue::Bool(b)) => b,
        _ => false,
    }
}

/// Whether `result` has a NaN where neither operand had one (looked at only when
/// the invalid flag was raised), in a few typed whole-array passes.
fn nan_from_numbers(x: &Arg, y: &Arg, result: &PyValue) -> bool {
    use crate::numpy::ops;
    let as_arg = |v: PyValue| match v {
        PyValue::Array(a) => Arg::Array(a),
        PyValue::Scalar(s) => Arg::Scalar(s),
        other => Arg::Py(other),
    };
    let isnan = |a: &Arg| match a {
        Arg::Py(PyValue::Float(f)) => Ok(Arg::Py(PyValue::Bool(f.is_nan()))),
        Arg::Py(PyValue::Int(_) | PyValue::Bool(_)) => Ok(Arg::Py(PyValue::Bool(false))),
        other => ops::unary(UnaryOp::IsNan, other).map(as_arg),
    };
    let new_nan = (|| {
        let operands_nan = ops::binary(BinOp::BitOr, &isnan(x)?, &isnan(y)?).map(as_arg)?;
        // For bools, `r > o` is `r and not o`.
        ops::binary(BinOp::Gt, &isnan(&as_arg(result.clone()))?, &operands_nan)
    })();
    match new_nan {
        Ok(PyValue::Array(a)) => matches!(crate::numpy::reduce::reduce(&a, crate::numpy::reduce::Reduction::Any, None, false, 0.0), Ok(PyValue::Scalar(s)) if s.truthy()),
        Ok(PyValue::Scalar(s)) => s.truthy(),
        Ok(PyValue::Bool(b)) => b,
        _ => true,
    }
}

/// An integer operand as an exact integer.
fn exact_int(a: &Arg) -> Option<i128> {
    match a {
        Arg::Scalar(s) => match s.as_num()? {
            NumVal::Int(i) => Some(i),
            NumVal::Bool(b) => Some(i128::from(b)),
            _ => None,
        },
        Arg::Py(PyValue::Int(n)) => i128::try_from(n).ok(),
        Arg::Py(PyValue::Bool(b)) => Some(i128::from(*b)),
        _ => None,
    }
}

/// Whether integer scalar `x op y` wrapped around (NumPy's scalar math checks; its
/// array loops do not).
fn integer_overflow(op: BinOp, x: &Arg, y: &Arg, result: &PyValue) -> bool {
    let PyValue::Scalar(r) = result else { return false };
    let Some(NumVal::Int(got)) = r.as_num() else { return false };
    let (Some(a), Some(b)) = (exact_int(x), exact_int(y)) else { return false };
    let exact = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv if b != 0 => Some(a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0)),
        _ => return false,
    };
    exact != Some(got)
}

/// Whether `-x` of an integer scalar wrapped around (`-np.int64(-2**63)`).
pub fn negation_overflow(x: &Arg, result: &PyValue) -> bool {
    let PyValue::Scalar(r) = result else { return false };
    matches!((exact_int(x), r.as_num()), (Some(a), Some(NumVal::Int(got))) if a != 0 && got == a && !matches!(x, Arg::Scalar(crate::numpy::Scalar::Bool(_))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numpy::Scalar;

    #[test]
    fn integer_errors_need_no_flags() {
        let none = FpErrors::default();
        let x = Arg::Scalar(Scalar::I64(1 << 62));
        let four = Arg::Py(PyValue::int(4));
        let e = binary_errors(BinOp::Mul, &x, &four, &PyValue::Scalar(Scalar::I64(0)), none, true);
        assert!(e.over && !e.divide);
        let e = binary_errors(BinOp::Mul, &x, &four, &PyValue::Scalar(Scalar::I64(0)), none, false);
        assert!(!e.any());
        let zero = Arg::Py(PyValue::int(0));
        let e = binary_errors(BinOp::FloorDiv, &x, &zero, &PyValue::Scalar(Scalar::I64(0)), none, true);
        assert!(e.divide);
        let e = binary_errors(BinOp::FloorDiv, &x, &four, &PyValue::Scalar(Scalar::I64(1 << 60)), none, true);
        assert!(!e.any());
    }

    #[test]
    fn float_floor_divide_keeps_invalid_only_for_nan() {
        let raised = FpErrors { divide: true, invalid: true, ..FpErrors::default() };
        let x = Arg::Scalar(Scalar::F64(1.0));
        let zero = Arg::Py(PyValue::Float(0.0));
        let e = binary_errors(BinOp::FloorDiv, &x, &zero, &PyValue::Scalar(Scalar::F64(f64::INFINITY)), raised, false);
        assert!(e.divide && !e.invalid);
        let e = binary_errors(BinOp::FloorDiv, &x, &zero, &PyValue::Scalar(Scalar::F64(f64::NAN)), raised, false);
        assert!(e.invalid);
        let nan = Arg::Scalar(Scalar::F64(f64::NAN));
        let e = binary_errors(BinOp::FloorDiv, &nan, &zero, &PyValue::Scalar(Scalar::F64(f64::NAN)), raised, false);
        assert!(!e.invalid);
        let nans = Arg::Array(crate::numpy::NdArray::from_scalar(&Scalar::F64(f64::NAN)));
        let two = Arg::Py(PyValue::int(2));
        let result = PyValue::Array(crate::numpy::NdArray::from_scalar(&Scalar::F64(f64::NAN)));
        assert!(!binary_errors(BinOp::FloorDiv, &nans, &two, &result, raised, false).invalid);
    }
}
