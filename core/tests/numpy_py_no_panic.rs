//! The Python-level numpy API never panics: thousands of generated calls of module
//! functions, type objects, array methods, subscripts and operators with odd
//! arguments (wrong types, None, huge and negative sizes, bad axes, NaN, ragged
//! lists, dtypes where numbers belong ...) run through a `Session`; each must end in
//! a value (rendered as Out) or a Python exception.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::session::{ExecuteOptions, Session, SessionOptions};

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
    fn pick<'a>(&mut self, v: &'a [&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

/// Odd (and a few ordinary) argument values.
const VALUES: &[&str] = &[
    "None", "-1", "0", "1", "3", "10**12", "-10**20", "2**63", "2**64", "1.5", "-0.0", "float('nan')", "float('inf')",
    "'x'", "'i4'", "'nope'", "b'ab'", "b''", "[]", "[[1], [2, 3]]", "[1, 'a']", "(1, -1)", "(2**40, 2**40)", "(0, 3)",
    "(-2, 3)", "(1,) * 40", "{}", "{'names': ['a'], 'formats': ['i1']}", "np.int8", "np.float64", "np.void", "np.dtype('S3')",
    "np.dtype([('x', 'i4')])", "len", "slice(None, None, -2)", "...", "np.newaxis", "np.arange(6)", "np.arange(6).reshape(2, 3)",
    "np.zeros((2, 0))", "np.array(['a', 'bc'])", "np.array([1, None], dtype=object)", "np.array(5)", "np.array([])",
    "np.array([1.5, np.nan])", "np.ones(3, dtype='c16')", "np.zeros(2, dtype='i4,f8')", "1j", "True", "range(3)",
    "lambda x: x", "[True, False, True]", "np.int64(7)", "np.float32(0.5)", "np.bool_(True)", "[0, 5, -7]", "(slice(1, None), 0)",
];

/// Call templates; `{}` is replaced by a generated argument.
const CALLS: &[&str] = &[
    "np.array({})", "np.array({}, dtype={})", "np.asarray({}, {})", "np.array({}, ndmin={})", "np.arange({})",
    "np.arange({}, {})", "np.arange({}, {}, {})", "np.linspace({}, {}, {})", "np.zeros({})", "np.zeros({}, {})",
    "np.ones({}, dtype={})", "np.empty({})", "np.full({}, {})", "np.full({}, {}, {})", "np.zeros_like({})",
    "np.ones_like({}, dtype={})", "np.full_like({}, {})", "np.empty_like({}, shape={})", "np.eye({})", "np.eye({}, {}, {})",
    "np.identity({})", "np.frombuffer({}, {})", "np.frombuffer({}, dtype={}, count={}, offset={})", "np.concatenate({})",
    "np.concatenate({}, axis={})", "np.stack({}, {})", "np.vstack({})", "np.hstack({})", "np.sum({}, axis={})",
    "np.mean({}, {})", "np.std({}, ddof={})", "np.var({}, axis={}, keepdims={})", "np.min({}, {})", "np.max({})",
    "np.argmax({}, {})", "np.argmin({})", "np.prod({}, dtype={})", "np.any({}, {})", "np.all({})", "np.cumsum({}, {})",
    "np.cumprod({})", "np.sort({}, {})", "np.argsort({}, axis={})", "np.unique({})", "np.unique({}, return_counts={})",
    "np.where({})", "np.where({}, {}, {})", "np.allclose({}, {})", "np.isclose({}, {}, {})", "np.array_equal({}, {})",
    "np.sqrt({})", "np.exp({})", "np.log10({})", "np.abs({})", "np.floor({})", "np.isnan({})", "np.add({}, {})",
    "np.maximum({}, {})", "np.power({}, {})", "np.logical_and({}, {})", "np.divide({}, {}, out={})",
    "np.result_type({}, {})", "np.promote_types({}, {})", "np.can_cast({}, {}, {})", "np.dtype({})", "np.dtype({}, {})",
    "np.int8({})", "np.uint64({})", "np.float16({})", "np.complex64({})", "np.bool_({})", "np.str_({})", "np.bytes_({})",
    "np.iinfo({})", "np.finfo({})", "np.issubdtype({}, {})", "np.array2string({}, separator={})", "np.array_repr({})",
    "np.random.default_rng({})", "np.random.default_rng({}).integers({}, {})", "np.random.default_rng(0).random({})",
    "np.random.default_rng(0).normal({}, {}, {})", "np.random.default_rng(0).uniform({}, {}, {})", "np.random.seed({})",
    "np.random.randint({}, {})", "np.random.rand({})", "np.random.randn({}, {})", "np.random.normal({}, {}, {})",
    "np.clip({}, {}, {})", "np.reshape({}, {})", "np.transpose({}, {})", "np.squeeze({}, {})", "np.nansum({}, {})",
    "np.nanmax({})", "np.median({})", "np.count_nonzero({}, {})", "np.matmul({}, {})", "np.dot({}, {})",
    "np.shares_memory({}, {})", "np.round({}, {})", "np.copy({})", "np.shape({})", "np.iinfo({}).max",
    "np.printoptions(precision={})",
];

/// Array expressions methods and subscripts are tried on.
const ARRAYS: &[&str] = &[
    "np.arange(6)", "np.arange(12.0).reshape(3, 4)", "np.zeros((2, 0))", "np.array(5)", "np.array(['a', 'bc'])",
    "np.array([1, None], dtype=object)", "np.zeros(2, dtype='i4,f8')", "np.array([1 + 2j, np.nan])",
    "np.array([True, False])", "np.arange(24, dtype=np.int8).reshape(2, 3, 4)[:, ::-1]", "np.int8(5)", "np.float64(2.5)",
];

const METHODS: &[&str] = &[
    "reshape({})", "reshape({}, {})", "astype({})", "sum(axis={})", "mean({}, keepdims={})", "std(ddof={})", "min({})",
    "argmax({})", "transpose({}, {})", "swapaxes({}, {})", "item({})", "fill({})", "sort({})", "argsort({})", "round({})",
    "view({})", "clip({}, {})", "diagonal({})", "trace({})", "squeeze({})", "cumsum({})", "cumprod({})", "tobytes()",
    "tolist()", "copy()", "ravel()", "flatten()", "nonzero()", "dot({})", "conj()", "any(axis={})", "all({})",
    "prod(dtype={})", "var(axis={})",
];

const FORMS: &[&str] = &[
    "{a}[{v}]", "{a}[{v}, {v}]", "{a}[{v}] = {v}", "{a}[{v}, {v}] = {v}", "{a} + {v}", "{v} - {a}", "{a} * {v}",
    "{a} / {v}", "{a} // {v}", "{a} % {v}", "{a} ** {v}", "{a} @ {v}", "{a} & {v}", "{a} << {v}", "{a} == {v}",
    "{a} < {v}", "-{a}", "~{a}", "abs({a})", "int({a})", "float({a})", "bool({a})", "len({a})", "list({a})", "{v} in {a}",
    "x = {a}\nx += {v}\nx", "x = {a}\nx.shape = {v}\nx", "round({a}, {v})", "hash({a})", "f'{{{a}:>{v}}}'", "{a}.{v}",
    "print({a})", "str({a}), repr({a})", "sorted({a})",
];

fn fill(template: &str, r: &mut Rng) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(r.pick(VALUES));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

fn snippet(r: &mut Rng) -> String {
    match r.next() % 3 {
        0 => fill(r.pick(CALLS), r),
        1 => format!("({}).{}", r.pick(ARRAYS), fill(r.pick(METHODS), r)),
        _ => {
            let form = r.pick(FORMS).replace("{a}", &format!("({})", r.pick(ARRAYS)));
            let mut out = String::new();
            let mut rest = form.as_str();
            while let Some(i) = rest.find("{v}") {
                out.push_str(&rest[..i]);
                out.push_str(r.pick(VALUES));
                rest = &rest[i + 3..];
            }
            out.push_str(rest);
            out
        }
    }
}

fn new_session(lib: &h5lab_core::hdf5::Library, dir: &std::path::Path) -> Session {
    let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
    let mut session = Session::new(lib, options);
    let mut sink = h5lab_core::cells::RecordingSink::default();
    session.execute("import numpy as np", ExecuteOptions::default(), &mut sink);
    session
}

#[test]
fn odd_arguments_to_the_numpy_api_never_panic() {
    let (ran, errors, panics) = h5lab_core::hdf5::run(|lib| {
        let dir = tempfile::Builder::new().prefix("cells-").tempdir_in("/tmp").expect("temporary directory");
        let mut r = Rng(2024);
        let mut session = new_session(lib, dir.path());
        let (mut ran, mut errors, mut panics) = (0, 0, Vec::new());
        for i in 0..4000 {
            if i % 40 == 0 {
                session = new_session(lib, dir.path());
            }
            let code = snippet(&mut r);
            let mut sink = h5lab_core::cells::RecordingSink::default();
            let outcome = catch_unwind(AssertUnwindSafe(|| session.execute(&code, ExecuteOptions::default(), &mut sink)));
            match outcome {
                Ok(o) => {
                    ran += 1;
                    if o.error.is_some() {
                        errors += 1;
                    }
                }
                Err(_) => {
                    panics.push(code);
                    session = new_session(lib, dir.path());
                }
            }
        }
        (ran, errors, panics)
    });
    eprintln!("{ran} snippets ran ({errors} raised), {} panicked", panics.len());
    assert!(ran - errors > 800, "too few snippets succeeded ({}): the generator is not exercising much", ran - errors);
    assert!(panics.is_empty(), "{} snippets panicked:\n{}", panics.len(), panics[..panics.len().min(20)].join("\n---\n"));
}
