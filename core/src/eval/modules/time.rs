//! `time`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::structseq::StructSeq;
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
    for name in ["localtime", "gmtime"] {
        m.function(name, move |vm, args| {
            check_arity(name, &args, 0, 1)?;
            let seconds = match args.positional.first() {
                None | Some(Value::None) => SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs_f64(),
                Some(v) => vm.to_float(v)?,
            };
            let tm = broken_down(seconds.floor() as i64, name == "localtime")?;
            Ok(struct_time(&tm))
        });
    }
    m.function("strftime", |vm, args| {
        check_arity("strftime", &args, 1, 2)?;
        let Value::Str(format) = &args.positional[0] else {
            return Err(Exc::type_error("strftime() argument 1 must be str"));
        };
        let tm = match args.positional.get(1) {
            Some(t) => from_struct_time(vm, t)?,
            None => broken_down(SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64, true)?,
        };
        Ok(Value::str(strftime(format, &tm)))
    });
    m.function("mktime", |vm, args| {
        check_arity("mktime", &args, 1, 1)?;
        let mut tm = from_struct_time(vm, &args.positional[0])?;
        // SAFETY: mktime reads and normalises a valid tm.
        let t = unsafe { libc::mktime(&mut tm) };
        Ok(Value::Float(t as f64))
    });
    Ok(Value::object(m))
}

const STRUCT_TIME_FIELDS: &[&str] =
    &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn broken_down(seconds: i64, local: bool) -> PyResult<libc::tm> {
    let t = seconds as libc::time_t;
    // SAFETY: zeroed tm is a valid out-parameter; the _r variants are thread-safe.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { if local { !libc::localtime_r(&t, &mut tm).is_null() } else { !libc::gmtime_r(&t, &mut tm).is_null() } };
    if !ok {
        return Err(Exc::overflow("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn struct_time(tm: &libc::tm) -> Value {
    let values = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    StructSeq::value("time", "struct_time", STRUCT_TIME_FIELDS, values.iter().map(|&v| Value::Int(v)).collect())
}

fn from_struct_time(vm: &mut Interp, value: &Value) -> PyResult<libc::tm> {
    let items = vm.collect(value)?;
    if items.len() != 9 {
        return Err(Exc::type_error("time tuple must have exactly 9 elements"));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = vm.index_value(item, "'float' object cannot be interpreted as an integer")?;
    }
    // SAFETY: a zeroed tm is valid; fields are filled below.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    Ok(tm)
}

fn strftime(format: &str, tm: &libc::tm) -> String {
    let Ok(c_format) = std::ffi::CString::new(format) else { return String::new() };
    let mut buffer = vec![0u8; 256 + format.len() * 16];
    // SAFETY: buffer and format are valid for the call; strftime writes at most
    // buffer.len() bytes and returns how many.
    let n = unsafe { libc::strftime(buffer.as_mut_ptr() as *mut libc::c_char, buffer.len(), c_format.as_ptr(), tm) };
    String::from_utf8_lossy(&buffer[..n]).into_owned()
}
