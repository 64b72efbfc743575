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
