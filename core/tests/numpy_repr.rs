//! Differential test of array `repr`/`str` against NumPy 2.4: every case of
//! `golden/numpy_repr.json` (written by `numpy_gen/gen_repr.py`) is rebuilt from its
//! dtype, shape and raw bytes and printed with its print options; the text must be
//! NumPy's byte for byte. With a test Python, a fresh batch (another seed) is
//! generated and compared live too.

mod support;

use h5lab_core::numpy::bytes::decode;
use h5lab_core::numpy::storage::Buffer;
use h5lab_core::numpy::{DType, DTypeSpec, FloatMode, NdArray, PrintOptions, PyValue};
use num_bigint::BigInt;
use num_complex::Complex64;
use serde_json::Value;

fn options(v: Option<&Value>) -> PrintOptions {
    let mut o = PrintOptions::default();
    let Some(Value::Object(map)) = v else { return o };
    for (k, v) in map {
        match k.as_str() {
            "precision" => o.precision = v.as_u64().unwrap() as usize,
            "threshold" => o.threshold = v.as_u64().unwrap() as usize,
            "edgeitems" => o.edgeitems = v.as_u64().unwrap() as usize,
            "linewidth" => o.linewidth = v.as_u64().unwrap() as usize,
            "suppress" => o.suppress = v.as_bool().unwrap(),
            "floatmode" => o.floatmode = FloatMode::parse(v.as_str().unwrap()).unwrap(),
            "sign" => o.sign = v.as_str().unwrap().chars().next().unwrap(),
            other => panic!("unknown option {other}"),
        }
    }
    o
}

fn dtype_of(case: &Value) -> DType {
    if let Some(fields) = case.get("fields") {
        let items = fields
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let f = f.as_array().unwrap();
                let shape = f[2].as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize).collect();
                (f[0].as_str().unwrap().to_string(), DTypeSpec::Str(f[1].as_str().unwrap().to_string()), shape)
            })
            .collect();
        DType::from_spec(&DTypeSpec::List(items)).unwrap()
    } else {
        DType::parse(case["dtype"].as_str().unwrap()).unwrap()
    }
}

fn decode_object(v: &Value) -> PyValue {
    let o = v.as_object().unwrap();
    let text = |k: &str| o[k].as_str().unwrap().to_string();
    if o.contains_key("none") {
        PyValue::None
    } else if let Some(b) = o.get("bool") {
        PyValue::Bool(b.as_bool().unwrap())
    } else if o.contains_key("int") {
        PyValue::Int(text("int").parse::<BigInt>().unwrap())
    } else if o.contains_key("float") {
        PyValue::Float(text("float").parse().unwrap())
    } else if let Some(c) = o.get("complex") {
        PyValue::Complex(Complex64::new(c[0].as_str().unwrap().parse().unwrap(), c[1].as_str().unwrap().parse().unwrap()))
    } else if o.contains_key("str") {
        PyValue::Str(text("str"))
    } else if o.contains_key("bytes") {
        PyValue::Bytes(hex(&text("bytes")))
    } else if let Some(a) = o.get("array") {
        let dtype = DType::parse(a["dtype"].as_str().unwrap()).unwrap();
        let shape = a["shape"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize).collect();
        PyValue::Array(NdArray::from_buffer(decode(&hex(a["hex"].as_str().unwrap()), &dtype), shape, dtype))
    } else {
        PyValue::List(o["list"].as_array().unwrap().iter().map(decode_object).collect())
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// Compares every case; returns (compared, failures as text).
fn compare(json: &str) -> (usize, Vec<String>) {
    let doc: Value = serde_json::from_str(json).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let shape: Vec<usize> = case["shape"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap() as usize).collect();
        let a = if let Some(objects) = case.get("objects") {
            let values: Vec<PyValue> = objects.as_array().unwrap().iter().map(decode_object).collect();
            NdArray::from_buffer(Buffer::Object(values.into()), shape, DType::object())
        } else {
            let dtype = dtype_of(case);
            let raw = hex(case["hex"].as_str().unwrap());
            NdArray::from_buffer(decode(&raw, &dtype), shape, dtype)
        };
        let opts = options(case.get("opts"));
        for (what, got) in [("repr", a.repr(&opts)), ("str", a.str(&opts))] {
            let want = case[what].as_str().unwrap();
            if got != want {
                failures.push(format!(
                    "case {i} {what} (dtype {:?}, opts {:?}):\n--- numpy\n{want}\n--- h5lab\n{got}\n",
                    case.get("dtype").or(case.get("fields")),
                    case.get("opts")
                ));
            }
        }
    }
    (cases.len(), failures)
}

fn report(label: &str, (count, failures): (usize, Vec<String>)) {
    if let Some(path) = std::env::var_os("H5LAB_REPR_FAILURES") {
        std::fs::write(path, failures.join("\n")).unwrap();
    }
    if !failures.is_empty() {
        for f in failures.iter().take(8) {
            eprintln!("{f}");
        }
        panic!("{label}: {} of {} reprs/strs differ from NumPy", failures.len(), 2 * count);
    }
    eprintln!("{label}: {count} arrays, repr and str identical");
}

#[test]
fn golden_arrays_print_as_numpy_prints_them() {
    // H5LAB_REPR_JSON points at another generated file (a larger batch, say).
    let path = std::env::var_os("H5LAB_REPR_JSON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| support::golden_path("numpy_repr.json"));
    let json = std::fs::read_to_string(path).unwrap();
    let result = compare(&json);
    assert!(result.0 >= 2000);
    report("golden", result);
}

#[test]
fn live_arrays_print_as_numpy_prints_them() {
    let Some(python) = support::test_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("live.json");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/numpy_gen/gen_repr.py");
    let status = std::process::Command::new(python)
        .arg(script)
        .arg(&out)
        .args(["--count", "400", "--seed", "77"])
        .status()
        .unwrap();
    assert!(status.success());
    report("live", compare(&std::fs::read_to_string(out).unwrap()));
}
