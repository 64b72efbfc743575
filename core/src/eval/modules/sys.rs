//! The `sys` module (what notebooks use of it), and `sys.stdout`/`sys.stderr`.

use std::any::Any;
use std::rc::Rc;

use super::Module;
use crate::eval::{Interp, IPYTHON_FRAMES};
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::{check_arity, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::structseq::StructSeq;
use crate::value::Value;

/// `sys.stdout` / `sys.stderr`: writing goes to the cell's output streams.
pub struct StdStream {
    /// Whether this is stderr.
    pub stderr: bool,
}

thread_local! {
    static STREAM_TYPE: Rc<TypeObject> = TypeObject::new("OutStream", "ipykernel.iostream", vec![builtin(|t| t.object.clone())], None);
}

fn stream_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let stderr = this.downcast::<StdStream>().is_some_and(|s| s.stderr);
    match name {
        "write" => {
            check_arity("write", &args, 1, 1)?;
            let Value::Str(text) = &args.positional[0] else {
                return Err(Exc::type_error(format!(
                    "write() argument must be str, not {}",
                    crate::value::types::type_of(&args.positional[0]).name
                )));
            };
            if stderr {
                vm.write_stderr(text);
            } else {
                vm.write_stdout(text);
            }
            Ok(Value::Int(crate::value::str::char_len(text) as i64))
        }
        _ => Ok(Value::None),
    }
}

impl PyObject for StdStream {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        STREAM_TYPE.with(Rc::clone)
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "write" | "flush" => Some(NativeMethod::value(this, name, stream_method)),
            "name" => Some(Value::str(if self.stderr { "<stderr>" } else { "<stdout>" })),
            _ => None,
        })
    }
}

/// Builds `sys`.
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("sys", Some("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."));
    m.set("version", Value::str("3.11.7 (main, h5lab) [Rust]"));
    m.set(
        "version_info",
        StructSeq::value(
            "sys",
            "version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
            vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)],
        ),
    );
    m.set("hexversion", Value::Int(0x030b07f0));
    let modules = crate::value::Dict::new();
    for (name, module) in &vm.modules {
        modules.set(Value::str(name), module.clone())?;
    }
    m.set("modules", Value::Dict(Rc::new(modules)));
    m.set("platform", Value::str("linux"));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("byteorder", Value::str("little"));
    m.set("argv", Value::list(vec![Value::str("h5lab")]));
    m.set("path", Value::list(Vec::new()));
    m.set("executable", Value::str(""));
    m.set("stdout", Value::object(StdStream { stderr: false }));
    m.set("stderr", Value::object(StdStream { stderr: true }));
    m.function("getrecursionlimit", |vm, _args| Ok(Value::Int(vm.recursion_limit as i64)));
    m.function("setrecursionlimit", |vm, args| {
        check_arity("setrecursionlimit", &args, 1, 1)?;
        let limit = vm.index_value(&args.positional[0], "'float' object cannot be interpreted as an integer")?;
        if limit < 1 {
            return Err(Exc::value_error("recursion limit must be greater or equal than 1"));
        }
        if (limit as usize) <= vm.depth + IPYTHON_FRAMES {
            return Err(Exc::new(
                ExcKind::RecursionError,
                format!("cannot set the recursion limit to {limit} at the recursion depth {}: the limit is too low", vm.depth + IPYTHON_FRAMES),
            ));
        }
        vm.recursion_limit = limit as usize;
        Ok(Value::None)
    });
    m.function("exit", |_vm, args| {
        let exc = Exc::with_args(crate::value::exception::exception_class(ExcKind::SystemExit), args.positional);
        Err(exc)
    });
    m.function("getsizeof", |_vm, _args| Err(Exc::not_implemented("sys.getsizeof")));
    Ok(Value::object(m))
}
