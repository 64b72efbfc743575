//! Bad input never panics: thousands of generated operations (indexes out of range,
//! zero steps, wrong boolean shapes, impossible reshapes, broadcast mismatches,
//! bad axes, huge sizes, casts between every dtype pair) on generated arrays of
//! every dtype and shape (zero-size axes included) must return a value or a NumPy
//! error, and everything returned must print.

use std::panic::{catch_unwind, AssertUnwindSafe};

use h5lab_core::numpy::create;
use h5lab_core::numpy::ops::{self, Arg, UnaryOp};
use h5lab_core::numpy::reduce::{self, Reduction};
use h5lab_core::numpy::{BinOp, DType, IndexItem, NdArray, PrintOptions, PyValue};
use num_bigint::BigInt;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

const DTYPES: &[&str] = &["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16", "S3", "U2", "O", ">i4", "i4,f8"];

fn random_array(r: &mut Rng) -> NdArray {
    let nd = r.below(4) as usize;
    let shape: Vec<usize> = (0..nd).map(|_| r.below(4) as usize).collect();
    let n: usize = shape.iter().product();
    let values: Vec<PyValue> = (0..n)
        .map(|_| match r.below(6) {
            0 => PyValue::Int(BigInt::from(r.int(-300, 300))),
            1 => PyValue::Float(r.int(-50, 50) as f64 / 7.0),
            2 => PyValue::Bool(r.below(2) == 1),
            3 => PyValue::Float(f64::NAN),
            4 => PyValue::Int(BigInt::from(r.int(0, 9))),
            _ => PyValue::Float(1e300),
        })
        .collect();
    let flat = create::array(&PyValue::List(values), None).unwrap_or_else(|_| create::from_i64(&[]));
    let dtype = DType::parse(*r.pick(DTYPES)).unwrap();
    let flat = flat.astype(&dtype).unwrap_or(flat);
    let dims: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    flat.reshape(&dims).unwrap_or(flat)
}

fn random_index(r: &mut Rng, a: &NdArray) -> Vec<IndexItem> {
    let count = r.below(4) as usize;
    (0..count)
        .map(|_| match r.below(8) {
            0 | 1 => IndexItem::Int(r.int(-5, 5)),
            2 | 3 => {
                let opt = |r: &mut Rng| if r.below(3) == 0 { None } else { Some(r.int(-6, 6)) };
                IndexItem::Slice(opt(r), opt(r), if r.below(4) == 0 { Some(r.int(-3, 3)) } else { None })
            }
            4 => IndexItem::Ellipsis,
            5 => IndexItem::NewAxis,
            6 => {
                let n = r.below(4) as usize;
                let v: Vec<i64> = (0..n).map(|_| r.int(-5, 5)).collect();
                IndexItem::Array(create::from_i64(&v))
            }
            _ => {
                let n = a.shape().first().copied().unwrap_or(0) + r.below(2) as usize;
                let v: Vec<PyValue> = (0..n).map(|_| PyValue::Bool(r.below(2) == 1)).collect();
                IndexItem::Array(create::array(&PyValue::List(v), Some(&DType::bool())).unwrap())
            }
        })
        .collect()
}

thread_local! {
    static PRINTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn print(v: &PyValue) {
    PRINTED.with(|c| c.set(c.get() + 1));
    let opts = PrintOptions::default();
    match v {
        PyValue::Array(a) => {
            let _ = a.repr(&opts);
            let _ = a.str(&opts);
        }
        other => {
            let _ = other.repr();
            let _ = other.str();
        }
    }
}

const BINOPS: &[BinOp] = &[
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::BitAnd,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::Eq,
    BinOp::Lt,
];

const REDUCTIONS: &[Reduction] = &[
    Reduction::Sum,
    Reduction::Prod,
    Reduction::Mean,
    Reduction::Std,
    Reduction::Min,
    Reduction::Max,
    Reduction::ArgMin,
    Reduction::ArgMax,
    Reduction::Any,
];

fn one_operation(r: &mut Rng) {
    let a = random_array(r);
    match r.below(10) {
        0 | 1 => {
            let idx = random_index(r, &a);
            if let Ok(v) = a.getitem(&idx) {
                print(&v);
            }
        }
        2 => {
            let idx = random_index(r, &a);
            let b = random_array(r);
            let _ = a.setitem(&idx, &PyValue::Array(b));
            let _ = a.setitem(&idx, &PyValue::Int(BigInt::from(r.int(-1000, 1000))));
            print(&PyValue::Array(a));
        }
        3 => {
            let dims: Vec<isize> = (0..r.below(4)).map(|_| r.int(-2, 5) as isize).collect();
            if let Ok(b) = a.reshape(&dims) {
                print(&PyValue::Array(b));
            }
            let _ = a.reshape(&[isize::MAX, 4]);
        }
        4 => {
            let b = random_array(r);
            let op = *r.pick(BINOPS);
            if let Ok(v) = ops::binary(op, &Arg::Array(a.clone()), &Arg::Array(b.clone())) {
                print(&v);
            }
            let _ = ops::binary(op, &Arg::Array(a.clone()), &Arg::Py(PyValue::Int(BigInt::from(r.int(-400, 400)))));
            let _ = ops::binary_inplace(op, &a, &Arg::Array(b));
        }
        5 => {
            let red = *r.pick(REDUCTIONS);
            let axis = if r.below(2) == 0 { None } else { Some(vec![r.int(-3, 3) as isize]) };
            if let Ok(v) = reduce::reduce(&a, red, axis.as_deref(), r.below(2) == 0, 0.0) {
                print(&v);
            }
            let _ = reduce::cumulative(&a, Reduction::Sum, Some(r.int(-2, 2) as isize));
            let _ = reduce::sort(&a, Some(r.int(-2, 2) as isize));
        }
        6 => {
            let d = DType::parse(*r.pick(DTYPES)).unwrap();
            if let Ok(b) = a.astype(&d) {
                print(&PyValue::Array(b));
            }
            let _ = a.tolist();
            let _ = a.item();
        }
        7 => {
            let b = random_array(r);
            let _ = create::concatenate(&[a.clone(), b.clone()], Some(r.int(-2, 2) as isize));
            let _ = create::stack(&[a.clone(), b], r.int(-2, 2) as isize);
            let _ = a.transpose(&[r.int(-2, 2) as isize, r.int(-2, 2) as isize]);
        }
        8 => {
            let u = *r.pick(&[UnaryOp::Neg, UnaryOp::Invert, UnaryOp::Sqrt, UnaryOp::Abs, UnaryOp::Floor, UnaryOp::IsNan]);
            if let Ok(v) = ops::unary(u, &Arg::Array(a)) {
                print(&v);
            }
        }
        _ => {
            let huge = [1usize << 40, 1 << 30];
            let _ = create::zeros(&huge, &DType::float64());
            let _ = create::arange(&PyValue::Float(1e20), None, None, None);
            let _ = create::linspace(0.0, 1.0, 1 << 50, true, None);
            let _ = create::eye(1 << 30, None, 0, &DType::float64());
            let _ = create::frombuffer(&[1, 2, 3], &DType::parse("i2").unwrap(), -1, 0);
        }
    }
}

#[test]
fn bad_input_never_panics() {
    let mut r = Rng(7);
    let mut panics = Vec::new();
    for i in 0..20000 {
        let seed = r.next();
        let result = catch_unwind(AssertUnwindSafe(|| one_operation(&mut Rng(seed))));
        if result.is_err() {
            panics.push(format!("operation {i} (seed {seed})"));
        }
    }
    let printed = PRINTED.with(|c| c.get());
    eprintln!("20000 operations, {printed} results printed, {} panics", panics.len());
    assert!(printed > 5000, "too few operations succeeded ({printed}): the generator is not exercising much");
    assert!(panics.is_empty(), "{} operations panicked: {:?}", panics.len(), &panics[..panics.len().min(10)]);
}
