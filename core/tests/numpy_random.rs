//! `np.random.default_rng(seed)` draws the numbers NumPy draws: every call of
//! `golden/numpy_random.json` (from `numpy_gen/gen_random.py`) is replayed in order
//! on h5lab's Generator and the reprs compared.

mod support;

use h5lab_core::numpy::random::{default_rng, RandomState};
use num_bigint::BigInt;
use serde_json::Value;

fn size(v: &Value) -> Option<Vec<usize>> {
    v.as_array().map(|a| a.iter().map(|n| n.as_u64().unwrap() as usize).collect())
}

fn big(v: &Value) -> BigInt {
    match v {
        Value::String(s) => s.parse().unwrap(),
        other => panic!("not an int: {other}"),
    }
}

#[test]
fn default_rng_draws_as_numpy_draws() {
    let json = std::fs::read_to_string(support::golden_path("numpy_random.json")).unwrap();
    let doc: Value = serde_json::from_str(&json).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for run in doc["runs"].as_array().unwrap() {
        let seed: BigInt = run["seed"].as_str().unwrap().parse().unwrap();
        let mut rng = default_rng(Some(&seed)).unwrap();
        for r in run["results"].as_array().unwrap() {
            count += 1;
            let c = r["call"].as_array().unwrap();
            let got = match c[0].as_str().unwrap() {
                "random" => rng.random(size(&c[1]).as_deref()),
                "integers" => {
                    let high = if c[2].is_null() { None } else { Some(big(&c[2])) };
                    rng.integers(&big(&c[1]), high.as_ref(), size(&c[3]).as_deref(), c[4].as_bool().unwrap())
                }
                _ => rng.normal(c[1].as_f64().unwrap(), c[2].as_f64().unwrap(), size(&c[3]).as_deref()),
            };
            let got = match got {
                Ok(v) => v.repr(),
                Err(e) => format!("{}: {}", e.class, e.message),
            };
            let want = match r.get("error") {
                Some(e) => format!("{}: {}", e[0].as_str().unwrap(), e[1].as_str().unwrap()),
                None => r["repr"].as_str().unwrap().to_string(),
            };
            if got != want {
                failures.push(format!("seed {seed} call {c:?}:\n--- numpy\n{want}\n--- h5lab\n{got}"));
            }
        }
    }
    for f in failures.iter().take(5) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} of {count} draws differ", failures.len());
}

#[test]
fn legacy_random_state_draws_as_numpy_draws() {
    let json = std::fs::read_to_string(support::golden_path("numpy_random.json")).unwrap();
    let doc: Value = serde_json::from_str(&json).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for run in doc["legacy"].as_array().unwrap() {
        let seed: BigInt = run["seed"].as_str().unwrap().parse().unwrap();
        let mut rs = RandomState::new(Some(&seed)).unwrap();
        for r in run["results"].as_array().unwrap() {
            count += 1;
            let c = r["call"].as_array().unwrap();
            let f = |i: usize| c[i].as_f64().unwrap();
            let got = match c[0].as_str().unwrap() {
                "random" => rs.random(size(&c[1]).as_deref()),
                "randn" => rs.standard_normal(size(&c[1]).as_deref()),
                "randint" => {
                    let high = if c[2].is_null() { None } else { Some(big(&c[2])) };
                    rs.randint(&big(&c[1]), high.as_ref(), size(&c[3]).as_deref())
                }
                "normal" => rs.normal(f(1), f(2), size(&c[3]).as_deref()),
                _ => rs.uniform(f(1), f(2), size(&c[3]).as_deref()),
            };
            let got = match got {
                Ok(v) => v.repr(),
                Err(e) => format!("{}: {}", e.class, e.message),
            };
            let want = match r.get("error") {
                Some(e) => format!("{}: {}", e[0].as_str().unwrap(), e[1].as_str().unwrap()),
                None => r["repr"].as_str().unwrap().to_string(),
            };
            if got != want {
                failures.push(format!("seed {seed} call {c:?}:\n--- numpy\n{want}\n--- h5lab\n{got}"));
            }
        }
    }
    for f in failures.iter().take(5) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} of {count} legacy draws differ", failures.len());
}
