//! `math`.

use super::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::{int, Value};

fn unary(m: &Module, name: &'static str, f: fn(f64) -> f64, domain: fn(f64) -> bool) {
    m.function(name, move |vm, args| {
        check_arity(name, &args, 1, 1)?;
        let x = vm.to_float(&args.positional[0])?;
        if !domain(x) {
            return Err(Exc::value_error("math domain error"));
        }
        let r = f(x);
        if r.is_infinite() && x.is_finite() {
            return Err(Exc::overflow("math range error"));
        }
        Ok(Value::Float(r))
    });
}

/// Builds `math`.
pub fn module(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("math", Some("This module provides access to the mathematical functions\ndefined by the C standard."));
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    let any = |_x: f64| true;
    unary(&m, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan());
    unary(&m, "exp", f64::exp, any);
    unary(&m, "log10", f64::log10, |x| x > 0.0 || x.is_nan());
    unary(&m, "log2", f64::log2, |x| x > 0.0 || x.is_nan());
    unary(&m, "sin", f64::sin, |x| x.is_finite() || x.is_nan());
    unary(&m, "cos", f64::cos, |x| x.is_finite() || x.is_nan());
    unary(&m, "tan", f64::tan, |x| x.is_finite() || x.is_nan());
    unary(&m, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
    unary(&m, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
    unary(&m, "atan", f64::atan, any);
    unary(&m, "fabs", f64::abs, any);
    unary(&m, "degrees", f64::to_degrees, any);
    unary(&m, "radians", f64::to_radians, any);
    m.function("log", |vm, args| {
        check_arity("log", &args, 1, 2)?;
        let x = vm.to_float(&args.positional[0])?;
        if x <= 0.0 {
            return Err(Exc::value_error("math domain error"));
        }
        Ok(Value::Float(match args.positional.get(1) {
            Some(b) => x.ln() / vm.to_float(b)?.ln(),
            None => x.ln(),
        }))
    });
    for (name, f) in [("floor", f64::floor as fn(f64) -> f64), ("ceil", f64::ceil), ("trunc", f64::trunc)] {
        m.function(name, move |vm, args| {
            check_arity(name, &args, 1, 1)?;
            let v = &args.positional[0];
            if int::is_int(v) {
                return vm.to_int(v);
            }
            int::from_f64(f(vm.to_float(v)?))
        });
    }
    for (name, test) in [("isnan", f64::is_nan as fn(f64) -> bool), ("isinf", f64::is_infinite), ("isfinite", f64::is_finite)] {
        m.function(name, move |vm, args| {
            check_arity(name, &args, 1, 1)?;
            Ok(Value::Bool(test(vm.to_float(&args.positional[0])?)))
        });
    }
    m.function("atan2", |vm, args| {
        check_arity("atan2", &args, 2, 2)?;
        Ok(Value::Float(vm.to_float(&args.positional[0])?.atan2(vm.to_float(&args.positional[1])?)))
    });
    m.function("hypot", |vm, args| {
        let mut total = 0.0f64;
        for v in &args.positional {
            let x = vm.to_float(v)?;
            total = total.hypot(x);
        }
        Ok(Value::Float(total))
    });
    m.function("pow", |vm, args| {
        check_arity("pow", &args, 2, 2)?;
        Ok(Value::Float(vm.to_float(&args.positional[0])?.powf(vm.to_float(&args.positional[1])?)))
    });
    m.function("isclose", |vm, args| {
        check_arity("isclose", &args, 2, 2)?;
        let (a, b) = (vm.to_float(&args.positional[0])?, vm.to_float(&args.positional[1])?);
        let mut rel = 1e-9;
        let mut abs = 0.0;
        for (k, v) in &args.keywords {
            match &**k {
                "rel_tol" => rel = vm.to_float(v)?,
                "abs_tol" => abs = vm.to_float(v)?,
                other => return Err(Exc::type_error(format!("isclose() got an unexpected keyword argument '{other}'"))),
            }
        }
        Ok(Value::Bool(a == b || (a - b).abs() <= (rel * a.abs().max(b.abs())).max(abs)))
    });
    m.function("factorial", |vm, args| {
        check_arity("factorial", &args, 1, 1)?;
        let n = vm.index_value(&args.positional[0], "'float' object cannot be interpreted as an integer")?;
        if n < 0 {
            return Err(Exc::value_error("factorial() not defined for negative values"));
        }
        let mut acc = num_bigint::BigInt::from(1);
        for i in 2..=n {
            acc *= i;
            if i % 1024 == 0 {
                vm.check_interrupt()?;
            }
        }
        Ok(Value::from_bigint(acc))
    });
    m.function("gcd", |vm, args| {
        let mut acc = num_bigint::BigInt::from(0);
        for v in &args.positional {
            let n = int::to_bigint(&vm.to_int(v)?).unwrap_or_default();
            acc = num_integer::Integer::gcd(&acc, &n);
        }
        Ok(Value::from_bigint(acc))
    });
    m.function("prod", |vm, args| {
        check_arity("prod", &args, 1, 1)?;
        let mut acc = Value::Int(1);
        for v in vm.collect(&args.positional[0])? {
            acc = vm.binary_op(crate::syntax::ast::BinOp::Mul, &acc, &v)?;
        }
        Ok(acc)
    });
    m.function("fsum", |vm, args| {
        check_arity("fsum", &args, 1, 1)?;
        let mut values = Vec::new();
        for v in vm.collect(&args.positional[0])? {
            values.push(vm.to_float(&v)?);
        }
        Ok(Value::Float(exact_sum(&values)))
    });
    unary(&m, "sinh", f64::sinh, any);
    unary(&m, "cosh", f64::cosh, any);
    unary(&m, "tanh", f64::tanh, any);
    unary(&m, "asinh", f64::asinh, any);
    unary(&m, "acosh", f64::acosh, |x| x >= 1.0 || x.is_nan());
    unary(&m, "atanh", f64::atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan());
    unary(&m, "expm1", f64::exp_m1, any);
    unary(&m, "log1p", f64::ln_1p, |x| x > -1.0 || x.is_nan());
    m.function("copysign", |vm, args| {
        check_arity("copysign", &args, 2, 2)?;
        let (x, y) = (vm.to_float(&args.positional[0])?, vm.to_float(&args.positional[1])?);
        Ok(Value::Float(x.copysign(y)))
    });
    m.function("fmod", |vm, args| {
        check_arity("fmod", &args, 2, 2)?;
        let (x, y) = (vm.to_float(&args.positional[0])?, vm.to_float(&args.positional[1])?);
        if y == 0.0 || x.is_infinite() {
            if !x.is_nan() && !y.is_nan() {
                return Err(Exc::value_error("math domain error"));
            }
        }
        Ok(Value::Float(x % y))
    });
    m.function("modf", |vm, args| {
        check_arity("modf", &args, 1, 1)?;
        let x = vm.to_float(&args.positional[0])?;
        let whole = if x.is_infinite() { x } else { x.trunc() };
        let fraction = if x.is_infinite() { 0.0f64.copysign(x) } else { (x - whole).copysign(x) };
        Ok(Value::tuple(vec![Value::Float(fraction), Value::Float(whole)]))
    });
    m.function("frexp", |vm, args| {
        check_arity("frexp", &args, 1, 1)?;
        let x = vm.to_float(&args.positional[0])?;
        if x == 0.0 || !x.is_finite() {
            return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
        }
        let mut e = x.abs().log2().floor() as i32 + 1;
        let mut m = x / 2f64.powi(e);
        if m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        } else if m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
    });
    m.function("ldexp", |vm, args| {
        check_arity("ldexp", &args, 2, 2)?;
        let x = vm.to_float(&args.positional[0])?;
        let e = vm.index_value(&args.positional[1], "Expected an int as second argument to ldexp.")?;
        let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
        if r.is_infinite() && x.is_finite() {
            return Err(Exc::overflow("math range error"));
        }
        Ok(Value::Float(r))
    });
    m.function("isqrt", |vm, args| {
        check_arity("isqrt", &args, 1, 1)?;
        let n = int::to_bigint(&vm.to_index(&args.positional[0])?).unwrap_or_default();
        if n.sign() == num_bigint::Sign::Minus {
            return Err(Exc::value_error("isqrt() argument must be nonnegative"));
        }
        Ok(Value::from_bigint(n.sqrt()))
    });
    for name in ["comb", "perm"] {
        m.function(name, move |vm, args| {
            check_arity(name, &args, if name == "comb" { 2 } else { 1 }, 2)?;
            let n = int::to_bigint(&vm.to_index(&args.positional[0])?).unwrap_or_default();
            let k = match args.positional.get(1) {
                Some(Value::None) | None => n.clone(),
                Some(v) => int::to_bigint(&vm.to_index(v)?).unwrap_or_default(),
            };
            let zero = num_bigint::BigInt::from(0);
            if n < zero {
                return Err(Exc::value_error("n must be a non-negative integer"));
            }
            if k < zero {
                return Err(Exc::value_error("k must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let k_small: u64 = u64::try_from(&k).map_err(|_| Exc::overflow(format!("k must not exceed {}", i64::MAX)))?;
            let k_small = if name == "comb" { k_small.min(u64::try_from(&(n.clone() - &k)).unwrap_or(k_small)) } else { k_small };
            let mut acc = num_bigint::BigInt::from(1);
            for i in 0..k_small {
                acc *= n.clone() - i;
                if name == "comb" {
                    acc /= i + 1;
                }
                if i % 1024 == 1023 {
                    vm.check_interrupt()?;
                }
            }
            Ok(Value::from_bigint(acc))
        });
    }
    m.function("dist", |vm, args| {
        check_arity("dist", &args, 2, 2)?;
        let p = vm.collect(&args.positional[0])?;
        let q = vm.collect(&args.positional[1])?;
        if p.len() != q.len() {
            return Err(Exc::value_error("both points must have the same number of dimensions"));
        }
        let mut sum = 0.0;
        for (a, b) in p.iter().zip(&q) {
            let d = vm.to_float(a)? - vm.to_float(b)?;
            sum += d * d;
        }
        Ok(Value::Float(sum.sqrt()))
    });
    Ok(Value::object(m))
}

/// Shewchuk's exactly rounded sum (what `math.fsum` computes).
fn exact_sum(values: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &x in values {
        let mut x = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    partials.iter().sum()
}
