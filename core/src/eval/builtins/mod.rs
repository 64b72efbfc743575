//! The builtin namespace: functions (`print`, `len`, `sorted`, ...), the builtin types
//! and exception classes, and the constants.

pub mod descriptors;
pub mod dynamic;
pub mod help;
pub mod methods;
pub mod subscript;

use std::rc::Rc;

use super::Interp;
use crate::value::exception::{exception_class, Exc, ExcKind, PyResult};
use crate::value::function::{bind, check_arity, no_keywords, BuiltinFunction};
use crate::value::iter::{ellipsis, not_implemented, NativeIterator};
use crate::value::list::sort_values;
use crate::value::object::{address, Args};
use crate::value::types::{as_type, builtin, isinstance, type_of, TypeObject};
use crate::value::{format, int, Value};

fn def(vm: &mut Interp, name: &str, f: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static) {
    vm.set_builtin(name, BuiltinFunction::value(name, f));
}

/// Fills the builtin namespace.
pub fn install(vm: &mut Interp) {
    let types: Vec<Rc<TypeObject>> = builtin(|t| {
        vec![
            t.type_.clone(),
            t.object.clone(),
            t.bool_.clone(),
            t.int.clone(),
            t.float.clone(),
            t.complex.clone(),
            t.str_.clone(),
            t.bytes.clone(),
            t.bytearray.clone(),
            t.tuple.clone(),
            t.list.clone(),
            t.dict.clone(),
            t.set.clone(),
            t.frozenset.clone(),
            t.range.clone(),
            t.slice.clone(),
        ]
    });
    for t in types {
        vm.set_builtin(&t.name.clone(), Value::Object(t));
    }
    for &kind in ExcKind::ALL {
        if kind.module() == "builtins" {
            vm.set_builtin(kind.name(), Value::Object(exception_class(kind)));
        }
    }
    vm.set_builtin("IOError", Value::Object(exception_class(ExcKind::OSError)));
    vm.set_builtin("EnvironmentError", Value::Object(exception_class(ExcKind::OSError)));
    vm.set_builtin("Ellipsis", ellipsis());
    vm.set_builtin("NotImplemented", not_implemented());
    vm.set_builtin("__name__", Value::str("__main__"));

    def(vm, "print", print);
    def(vm, "open", super::modules::io::open);
    def(vm, "len", |vm, args| {
        no_keywords("len", &args)?;
        check_arity("len", &args, 1, 1)?;
        Ok(Value::Int(vm.len(&args.positional[0])? as i64))
    });
    def(vm, "repr", |vm, args| {
        check_arity("repr", &args, 1, 1)?;
        Ok(Value::str(vm.repr(&args.positional[0])?))
    });
    def(vm, "ascii", |vm, args| {
        check_arity("ascii", &args, 1, 1)?;
        Ok(Value::str(format::ascii_repr(&vm.repr(&args.positional[0])?)))
    });
    def(vm, "format", |vm, args| {
        check_arity("format", &args, 1, 2)?;
        let spec = match args.positional.get(1) {
            Some(Value::Str(s)) => s.to_string(),
            Some(other) => return Err(Exc::type_error(format!("format() argument 2 must be str, not {}", type_of(other).name))),
            None => String::new(),
        };
        Ok(Value::str(format::format_value(vm, &args.positional[0], &spec)?))
    });
    def(vm, "isinstance", |_vm, args| {
        check_arity("isinstance", &args, 2, 2)?;
        Ok(Value::Bool(class_check(&args.positional[0], &args.positional[1], "isinstance() arg 2 must be a type, a tuple of types, or a union", |v, t| isinstance(v, t))?))
    });
    def(vm, "issubclass", |_vm, args| {
        check_arity("issubclass", &args, 2, 2)?;
        let Some(class) = as_type(&args.positional[0]) else { return Err(Exc::type_error("issubclass() arg 1 must be a class")) };
        Ok(Value::Bool(class_check(&args.positional[1].clone(), &args.positional[1], "issubclass() arg 2 must be a class, a tuple of classes, or a union", |_, t| class.is_subclass(t))?))
    });
    def(vm, "id", |_vm, args| {
        check_arity("id", &args, 1, 1)?;
        Ok(Value::Int(args.positional[0].identity() as i64 & 0x7fff_ffff_ffff))
    });
    def(vm, "hash", |vm, args| {
        check_arity("hash", &args, 1, 1)?;
        Ok(Value::Int(vm.hash(&args.positional[0])?))
    });
    def(vm, "callable", |vm, args| {
        check_arity("callable", &args, 1, 1)?;
        Ok(Value::Bool(vm.is_callable(&args.positional[0])))
    });
    def(vm, "abs", |vm, args| {
        check_arity("abs", &args, 1, 1)?;
        abs(vm, &args.positional[0])
    });
    def(vm, "round", round);
    def(vm, "divmod", |vm, args| {
        check_arity("divmod", &args, 2, 2)?;
        let (a, b) = (&args.positional[0], &args.positional[1]);
        let q = vm.binary_op(crate::syntax::ast::BinOp::FloorDiv, a, b).map_err(|e| divmod_error(e, a, b))?;
        let r = vm.binary_op(crate::syntax::ast::BinOp::Mod, a, b).map_err(|e| divmod_error(e, a, b))?;
        Ok(Value::tuple(vec![q, r]))
    });
    def(vm, "pow", |vm, args| {
        check_arity("pow", &args, 2, 3)?;
        match args.positional.get(2) {
            None | Some(Value::None) => vm.binary_op(crate::syntax::ast::BinOp::Pow, &args.positional[0], &args.positional[1]),
            Some(m) => match (int::to_bigint(&args.positional[0]), int::to_bigint(&args.positional[1]), int::to_bigint(m)) {
                (Some(b), Some(e), Some(m)) => int::pow_mod(&b, &e, &m),
                _ => Err(Exc::type_error("pow() 3rd argument not allowed unless all arguments are integers")),
            },
        }
    });
    def(vm, "min", |vm, args| min_max(vm, args, "min"));
    def(vm, "max", |vm, args| min_max(vm, args, "max"));
    def(vm, "sum", sum);
    def(vm, "any", |vm, args| {
        check_arity("any", &args, 1, 1)?;
        let mut iter = vm.iterate(&args.positional[0])?;
        while let Some(v) = iter.next(vm)? {
            if vm.truthy(&v)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    def(vm, "all", |vm, args| {
        check_arity("all", &args, 1, 1)?;
        let mut iter = vm.iterate(&args.positional[0])?;
        while let Some(v) = iter.next(vm)? {
            if !vm.truthy(&v)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    def(vm, "sorted", |vm, args| {
        if args.positional.len() != 1 {
            return Err(Exc::type_error(format!("sorted expected 1 argument, got {}", args.positional.len())));
        }
        let source = args.positional[0].clone();
        let slots = bind("sorted", Args { positional: vec![], keywords: args.keywords }, &["key", "reverse"], 0)?;
        let key = slots[0].clone().filter(|k| !k.is_none());
        let reverse = match &slots[1] {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let items = vm.collect(&source)?;
        Ok(Value::list(sort_values(vm, items, key.as_ref(), reverse)?))
    });
    def(vm, "reversed", |vm, args| {
        check_arity("reversed", &args, 1, 1)?;
        let v = &args.positional[0];
        if matches!(v, Value::Dict(_)) || v.downcast::<crate::value::Set>().is_some() {
            return Err(Exc::type_error(format!("'{}' object is not reversible", type_of(v).name)));
        }
        let mut items = vm.collect(v)?;
        items.reverse();
        let mut iter = vm.iterate(&Value::list(items))?;
        Ok(NativeIterator::value(if matches!(v, Value::List(_)) { "list_reverseiterator" } else { "reversed" }, move |vm| iter.next(vm)))
    });
    def(vm, "enumerate", |vm, args| {
        let slots = bind("enumerate", args, &["iterable", "start"], 1)?;
        let source = slots[0].clone().unwrap_or(Value::None);
        let mut count = match &slots[1] {
            Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
            None => 0,
        };
        let mut iter = vm.iterate(&source)?;
        Ok(NativeIterator::value("enumerate", move |vm| {
            Ok(iter.next(vm)?.map(|v| {
                count += 1;
                Value::tuple(vec![Value::Int(count - 1), v])
            }))
        }))
    });
    def(vm, "zip", |vm, args| {
        let strict = match args.keywords.iter().find(|(k, _)| &**k == "strict") {
            Some((_, v)) => vm.truthy(v)?,
            None => false,
        };
        let mut iters = Vec::new();
        for (i, v) in args.positional.iter().enumerate() {
            iters.push(vm.iterate(v).map_err(|_| {
                Exc::type_error(format!("zip argument #{} must support iteration", i + 1))
            })?);
        }
        Ok(NativeIterator::value("zip", move |vm| {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut row = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter_mut().enumerate() {
                match it.next(vm)? {
                    Some(v) => row.push(v),
                    None => {
                        if strict && i > 0 {
                            return Err(Exc::value_error(format!("zip() argument {} is shorter than argument 1", i + 1)));
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(row)))
        }))
    });
    def(vm, "map", |vm, args| {
        if args.positional.len() < 2 {
            return Err(Exc::type_error("map() must have at least two arguments."));
        }
        let func = args.positional[0].clone();
        let mut iters = Vec::new();
        for v in &args.positional[1..] {
            iters.push(vm.iterate(v)?);
        }
        Ok(NativeIterator::value("map", move |vm| {
            let mut call_args = Vec::with_capacity(iters.len());
            for it in iters.iter_mut() {
                match it.next(vm)? {
                    Some(v) => call_args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::positional(call_args)).map(Some)
        }))
    });
    def(vm, "filter", |vm, args| {
        check_arity("filter", &args, 2, 2)?;
        let func = args.positional[0].clone();
        let mut iter = vm.iterate(&args.positional[1])?;
        Ok(NativeIterator::value("filter", move |vm| {
            while let Some(v) = iter.next(vm)? {
                let keep = if func.is_none() { v.clone() } else { vm.call(&func, Args::positional(vec![v.clone()]))? };
                if vm.truthy(&keep)? {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }))
    });
    def(vm, "iter", |vm, args| {
        check_arity("iter", &args, 1, 1)?;
        let v = args.positional[0].clone();
        if let Value::Object(obj) = &v {
            return obj.clone().iter(vm, &v);
        }
        let mut iter = vm.iterate(&v)?;
        let name = match &v {
            Value::List(_) => "list_iterator",
            Value::Tuple(_) => "tuple_iterator",
            Value::Str(_) => "str_ascii_iterator",
            Value::Dict(_) => "dict_keyiterator",
            Value::Bytes(_) => "bytes_iterator",
            _ => "iterator",
        };
        Ok(NativeIterator::value(name, move |vm| iter.next(vm)))
    });
    def(vm, "next", |vm, args| {
        check_arity("next", &args, 1, 2)?;
        let it = &args.positional[0];
        let Value::Object(obj) = it else {
            return Err(Exc::type_error(format!("'{}' object is not an iterator", type_of(it).name)));
        };
        if let Some(generator) = it.downcast::<crate::eval::generator::Generator>() {
            return generator.next_or(vm, args.positional.get(1).cloned());
        }
        match obj.clone().next(vm, it)? {
            Some(v) => Ok(v),
            None => match args.positional.get(1) {
                Some(default) => Ok(default.clone()),
                None => Err(Exc::bare(ExcKind::StopIteration)),
            },
        }
    });
    def(vm, "__import__", |vm, args| {
        let slots = bind("__import__", args, &["name", "globals", "locals", "fromlist", "level"], 1)?;
        let name = match &slots[0] {
            Some(Value::Str(name)) => name.to_string(),
            Some(_) => return Err(Exc::type_error("module name must be a string")),
            None => unreachable!("bind checked the required argument"),
        };
        if let Some(level) = &slots[4] {
            if vm.index_value(level, "'level' must be an integer")? != 0 {
                return Err(Exc::new(ExcKind::ImportError, "attempted relative import with no known parent package"));
            }
        }
        let module = vm.import_module(&name)?;
        let from_list = match &slots[3] {
            Some(list) => vm.truthy(list)?,
            None => false,
        };
        // Without a fromlist, `__import__('a.b')` answers the top-level package `a`.
        match name.split_once('.') {
            Some((top, _)) if !from_list => vm.import_module(top),
            _ => Ok(module),
        }
    });
    def(vm, "getattr", |vm, args| {
        check_arity("getattr", &args, 2, 3)?;
        let Value::Str(name) = &args.positional[1] else {
            return Err(Exc::type_error("attribute name must be string"));
        };
        match vm.getattr(&args.positional[0], name) {
            Ok(v) => Ok(v),
            Err(e) if e.is(ExcKind::AttributeError) && args.positional.len() == 3 => Ok(args.positional[2].clone()),
            Err(e) => Err(e),
        }
    });
    def(vm, "hasattr", |vm, args| {
        check_arity("hasattr", &args, 2, 2)?;
        let Value::Str(name) = &args.positional[1] else {
            return Err(Exc::type_error("hasattr(): attribute name must be string"));
        };
        match vm.getattr(&args.positional[0], name) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        }
    });
    def(vm, "setattr", |vm, args| {
        check_arity("setattr", &args, 3, 3)?;
        let Value::Str(name) = &args.positional[1] else {
            return Err(Exc::type_error("attribute name must be string"));
        };
        vm.setattr(&args.positional[0], name, args.positional[2].clone())?;
        Ok(Value::None)
    });
    def(vm, "delattr", |vm, args| {
        check_arity("delattr", &args, 2, 2)?;
        let (target, Value::Str(name)) = (&args.positional[0], &args.positional[1]) else {
            return Err(Exc::type_error("attribute name must be string"));
        };
        match target {
            Value::Object(obj) => obj.clone().delattr(vm, target, name)?,
            other => return Err(vm.attribute_error(other, name)),
        }
        Ok(Value::None)
    });
    def(vm, "dir", |vm, args| {
        check_arity("dir", &args, 0, 1)?;
        let names = match args.positional.first() {
            Some(v) => vm.dir(v),
            None => {
                let mut names = vm.global_names();
                names.sort();
                names
            }
        };
        Ok(Value::list(names.into_iter().map(Value::str).collect()))
    });
    def(vm, "chr", |vm, args| {
        check_arity("chr", &args, 1, 1)?;
        let code = vm.index_value(&args.positional[0], "'str' object cannot be interpreted as an integer")?;
        u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .map(|c| Value::str(c.to_string()))
            .ok_or_else(|| Exc::value_error("chr() arg not in range(0x110000)"))
    });
    def(vm, "ord", |_vm, args| {
        check_arity("ord", &args, 1, 1)?;
        match &args.positional[0] {
            Value::Str(s) => {
                let n = crate::value::str::char_len(s);
                if n != 1 {
                    return Err(Exc::type_error(format!("ord() expected a character, but string of length {n} found")));
                }
                Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64)))
            }
            Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Value::Bytes(b) => Err(Exc::type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
            other => Err(Exc::type_error(format!("ord() expected string of length 1, but {} found", type_of(other).name))),
        }
    });
    for (name, radix, prefix) in [("hex", 16u32, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
        def(vm, name, move |vm, args| {
            check_arity(name, &args, 1, 1)?;
            let n = int::to_bigint(&args.positional[0]).or_else(|| match &args.positional[0] {
                Value::Object(o) => o.as_index().and_then(|i| int::to_bigint(&i)),
                _ => None,
            });
            let Some(n) = n else {
                return Err(Exc::type_error(format!("'{}' object cannot be interpreted as an integer", type_of(&args.positional[0]).name)));
            };
            let _ = vm;
            let negative = n.sign() == num_bigint::Sign::Minus;
            let digits = if negative { (-n).to_str_radix(radix) } else { n.to_str_radix(radix) };
            Ok(Value::str(format!("{}{prefix}{digits}", if negative { "-" } else { "" })))
        });
    }
    def(vm, "input", |vm, args| {
        check_arity("input", &args, 0, 1)?;
        let prompt = match args.positional.first() {
            Some(p) => vm.str(p)?,
            None => String::new(),
        };
        vm.flush_streams();
        let answer = match vm.sink() {
            Some(sink) => sink.input(&prompt, false),
            None => Err(crate::session::InputError::NotAllowed),
        };
        match answer {
            Ok(line) => Ok(Value::str(line)),
            Err(crate::session::InputError::NotAllowed) => Err(Exc::new(
                ExcKind::StdinNotImplementedError,
                "raw_input was called, but this frontend does not support input requests.",
            )),
            Err(crate::session::InputError::Interrupted) => Err(Exc::bare(ExcKind::KeyboardInterrupt)),
            Err(crate::session::InputError::EndOfInput) => Err(Exc::bare(ExcKind::EOFError)),
        }
    });
    for name in ["exit", "quit"] {
        def(vm, name, |vm, _args| {
            vm.exit_requested = true;
            Ok(Value::None)
        });
    }
    def(vm, "globals", dynamic::globals);
    def(vm, "locals", dynamic::globals);
    def(vm, "help", help::help);
    def(vm, "eval", dynamic::eval);
    def(vm, "exec", dynamic::exec);
    vm.set_builtin("display", super::modules::ipython::display_function());
}

fn class_check(value: &Value, spec: &Value, message: &str, test: impl Fn(&Value, &TypeObject) -> bool + Copy) -> PyResult<bool> {
    match spec {
        Value::Tuple(options) => {
            for o in options.iter() {
                if class_check(value, o, message, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other => match as_type(other) {
            Some(t) => Ok(test(value, &t)),
            None => Err(Exc::type_error(message.to_string())),
        },
    }
}

fn divmod_error(e: Exc, a: &Value, b: &Value) -> Exc {
    if e.is(ExcKind::TypeError) && e.message().is_some_and(|m| m.starts_with("unsupported operand")) {
        Exc::type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", type_of(a).name, type_of(b).name))
    } else {
        e
    }
}

fn print(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut to_stderr = false;
    let mut file: Option<Value> = None;
    for (key, value) in &args.keywords {
        let text = |vm: &mut Interp, what: &str| -> PyResult<Option<String>> {
            match value {
                Value::None => Ok(None),
                Value::Str(s) => Ok(Some(s.to_string())),
                other => {
                    let _ = vm;
                    Err(Exc::type_error(format!("{what} must be None or a string, not {}", type_of(other).name)))
                }
            }
        };
        match &**key {
            "sep" => sep = text(vm, "sep")?.unwrap_or_else(|| " ".into()),
            "end" => end = text(vm, "end")?.unwrap_or_else(|| "\n".into()),
            "file" => match value.downcast::<super::modules::StdStream>() {
                Some(s) => to_stderr = s.stderr,
                None if value.is_none() => {}
                None => file = Some(value.clone()),
            },
            "flush" => {}
            other => return Err(Exc::type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let mut text = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.str(v)?);
    }
    text.push_str(&end);
    if let Some(file) = file {
        super::modules::io::write_to(vm, &file, &text)?;
    } else if to_stderr {
        vm.write_stderr(&text);
    } else {
        vm.write_stdout(&text);
    }
    Ok(Value::None)
}

fn abs(vm: &mut Interp, value: &Value) -> PyResult<Value> {
    Ok(match value {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        },
        Value::BigInt(b) => Value::from_bigint(b.magnitude().clone().into()),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(x) => Value::Float(x.abs()),
        Value::Object(obj) => {
            if let Some((re, im)) = crate::value::complex::parts(value).filter(|_| value.downcast::<crate::value::complex::Complex>().is_some()) {
                return Ok(Value::Float(re.hypot(im)));
            }
            match obj.clone().call_method_abs(vm, value)? {
                Some(v) => v,
                None => return Err(Exc::type_error(format!("bad operand type for abs(): '{}'", type_of(value).name))),
            }
        }
        other => return Err(Exc::type_error(format!("bad operand type for abs(): '{}'", type_of(other).name))),
    })
}

/// `abs()` for objects: through their `__abs__` attribute when they have one.
trait AbsHook {
    fn call_method_abs(self, vm: &mut Interp, this: &Value) -> PyResult<Option<Value>>;
}

impl AbsHook for Rc<dyn crate::value::PyObject> {
    fn call_method_abs(self, vm: &mut Interp, this: &Value) -> PyResult<Option<Value>> {
        match self.getattr(vm, this, "__abs__")? {
            Some(method) => vm.call(&method, Args::none()).map(Some),
            None => Ok(None),
        }
    }
}

fn round(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("round", args, &["number", "ndigits"], 1)?;
    let number = slots[0].clone().unwrap_or(Value::None);
    let ndigits = slots[1].clone().filter(|v| !v.is_none());
    match (&number, ndigits) {
        (Value::Float(x), None) => crate::value::float::round_to_int(*x),
        (Value::Float(x), Some(n)) => {
            let n = vm.index_value(&n, "'float' object cannot be interpreted as an integer")?;
            Ok(Value::Float(crate::value::float::round(*x, n)))
        }
        (n, None) if int::is_int(n) => Ok(vm.to_int(n)?),
        (n, Some(d)) if int::is_int(n) => {
            let d = vm.index_value(&d, "'float' object cannot be interpreted as an integer")?;
            if d >= 0 {
                return vm.to_int(n);
            }
            let scale = num_bigint::BigInt::from(10).pow((-d) as u32);
            let value = int::to_bigint(n).unwrap_or_default();
            let (q, r) = int::big_divmod(&value, &scale);
            let twice = &r * 2;
            let q = if twice > scale || (twice == scale && (&q % 2) != num_bigint::BigInt::from(0)) { q + 1 } else { q };
            Ok(Value::from_bigint(q * scale))
        }
        (Value::Object(obj), d) => match obj.clone().getattr(vm, &number, "__round__")? {
            Some(method) => vm.call(&method, Args::positional(d.into_iter().collect())),
            None => Err(Exc::type_error(format!("type {} doesn't define __round__ method", type_of(&number).name))),
        },
        _ => Err(Exc::type_error(format!("type {} doesn't define __round__ method", type_of(&number).name))),
    }
}

fn min_max(vm: &mut Interp, args: Args, name: &str) -> PyResult<Value> {
    let slots_kw = bind(name, Args { positional: vec![], keywords: args.keywords }, &["key", "default"], 0)?;
    let key = slots_kw[0].clone().filter(|k| !k.is_none());
    let default = slots_kw[1].clone();
    let items = match args.positional.len() {
        0 => return Err(Exc::type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args.positional[0])?,
        _ => {
            if default.is_some() {
                return Err(Exc::type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            args.positional
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::positional(vec![item.clone()]))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                if name == "min" {
                    vm.less_than(&k, bk)?
                } else {
                    vm.less_than(bk, &k)?
                }
            }
        };
        if better {
            best = Some((k, item));
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(Exc::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn sum(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("sum", args, &["iterable", "start"], 1)?;
    let mut total = slots[1].clone().unwrap_or(Value::Int(0));
    if matches!(total, Value::Str(_)) {
        return Err(Exc::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(total, Value::Bytes(_)) {
        return Err(Exc::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let source = slots[0].clone().unwrap_or(Value::None);
    let mut iter = vm.iterate(&source)?;
    while let Some(v) = iter.next(vm)? {
        total = vm.binary_op(crate::syntax::ast::BinOp::Add, &total, &v)?;
    }
    Ok(total)
}

impl Interp {
    /// `dir(x)`.
    pub fn dir(&mut self, value: &Value) -> Vec<String> {
        let class = type_of(value);
        if class.module == "builtins" {
            if let Some(names) = crate::value::signatures::dir_of(&class.name) {
                return names.iter().map(|s| s.to_string()).collect();
            }
        }
        let mut names: Vec<String> = match value {
            Value::Str(_) => crate::value::str::METHODS.iter().map(|s| s.to_string()).collect(),
            Value::Bytes(_) => crate::value::bytes::METHODS.iter().map(|s| s.to_string()).collect(),
            Value::Object(obj) => obj.dir(),
            other => methods::method_names(other).iter().map(|s| s.to_string()).collect(),
        };
        names.sort();
        names.dedup();
        names
    }

    /// The MIME bundle for displaying a value (`text/plain` by IPython's pretty
    /// printer, plus what the object offers).
    pub fn mime_bundle(&mut self, value: &Value) -> PyResult<crate::session::MimeBundle> {
        let mut bundle = crate::session::MimeBundle::new();
        bundle.insert("text/plain".into(), crate::render::pretty::pretty(self, value)?);
        if let Value::Object(obj) = value {
            for (mime, data) in obj.clone().mime_bundle(self, value)? {
                bundle.insert(mime, data);
            }
        }
        Ok(bundle)
    }
}

/// Default repr of an object without one, as IPython's pretty printer shows it:
/// `<module.Class at 0x...>`.
pub fn pretty_default(value: &Value) -> String {
    format!("<{} at {}>", type_of(value).qualified_name(), address(value))
}
