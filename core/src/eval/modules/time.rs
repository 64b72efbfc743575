//! `time`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::Value;

thread_local! {
    static START: Instant = Instant::now();
}

/// Builds `time`.
pub fn module(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("time", Some("This module provides various functions to manipulate time values."));
    m.function("time", |_vm, _args| {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        Ok(Value::Float(now.as_secs_f64()))
    });
    for name in ["perf_counter", "monotonic"] {
        m.function(name, |_vm, _args| Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64()))));
    }
    m.function("sleep", |vm, args| {
        check_arity("sleep", &args, 1, 1)?;
        vm.flush_streams();
        let seconds = vm.to_float(&args.positional[0])?;
        if seconds < 0.0 {
            return Err(Exc::value_error("sleep length must be non-negative"));
        }
        // Sleep in slices so an interrupt is seen promptly.
        let end = Instant::now() + Duration::from_secs_f64(seconds);
        loop {
            vm.check_interrupt()?;
            let now = Instant::now();
            if now >= end {
                break;
            }
            std::thread::sleep((end - now).min(Duration::from_millis(10)));
        }
        Ok(Value::None)
    });
    Ok(Value::object(m))
}
