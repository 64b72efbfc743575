//! The `numpy` module's functions.

use super::array::{reduce_call, shape_arg};
use super::{array_value, np_error, print_options, state, to_array, to_dtype, to_py_value};
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::numpy::{create, DType};
use crate::value::exception::PyResult;
use crate::value::function::bind;
use crate::value::object::Args;
use crate::value::Value;

fn dtype_opt(vm: &mut Interp, slot: &Option<Value>) -> PyResult<Option<DType>> {
    match slot {
        None | Some(Value::None) => Ok(None),
        Some(v) => to_dtype(vm, v).map(Some),
    }
}

/// Registers the module functions.
pub fn install(m: &Module, _vm: &mut Interp) {
    m.function("array", |vm, args| {
        let slots = bind("array", args, &["object", "dtype", "copy", "order", "subok", "ndmin"], 1)?;
        let dtype = dtype_opt(vm, &slots[1])?;
        let obj = to_py_value(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
        Ok(array_value(create::array(&obj, dtype.as_ref()).map_err(np_error)?))
    });
    m.function("asarray", |vm, args| {
        let slots = bind("asarray", args, &["a", "dtype", "order"], 1)?;
        let dtype = dtype_opt(vm, &slots[1])?;
        Ok(array_value(to_array(vm, slots[0].as_ref().unwrap_or(&Value::None), dtype.as_ref())?))
    });
    m.function("arange", |vm, args| {
        let slots = bind("arange", args, &["start", "stop", "step", "dtype"], 1)?;
        let dtype = dtype_opt(vm, &slots[3])?;
        let part = |vm: &mut Interp, v: &Option<Value>| -> PyResult<Option<crate::numpy::PyValue>> {
            match v {
                None | Some(Value::None) => Ok(None),
                Some(v) => to_py_value(vm, v).map(Some),
            }
        };
        let start = part(vm, &slots[0])?.unwrap_or(crate::numpy::PyValue::int(0));
        let stop = part(vm, &slots[1])?;
        let step = part(vm, &slots[2])?;
        Ok(array_value(create::arange(&start, stop.as_ref(), step.as_ref(), dtype.as_ref()).map_err(np_error)?))
    });
    for name in ["zeros", "ones", "empty"] {
        m.function(name, move |vm, args| {
            let slots = bind(name, args, &["shape", "dtype", "order"], 1)?;
            let shape = shape_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
            let dtype = dtype_opt(vm, &slots[1])?.unwrap_or_else(DType::float64);
            let a = if name == "ones" { create::ones(&shape, &dtype) } else { create::zeros(&shape, &dtype) };
            Ok(array_value(a.map_err(np_error)?))
        });
    }
    m.function("full", |vm, args| {
        let slots = bind("full", args, &["shape", "fill_value", "dtype", "order"], 2)?;
        let shape = shape_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
        let value = to_py_value(vm, slots[1].as_ref().unwrap_or(&Value::None))?;
        let dtype = dtype_opt(vm, &slots[2])?;
        Ok(array_value(create::full(&shape, &value, dtype.as_ref()).map_err(np_error)?))
    });
    m.function("linspace", |vm, args| {
        let slots = bind("linspace", args, &["start", "stop", "num", "endpoint", "retstep", "dtype"], 2)?;
        let start = vm.to_float(slots[0].as_ref().unwrap_or(&Value::None))?;
        let stop = vm.to_float(slots[1].as_ref().unwrap_or(&Value::None))?;
        let num = match &slots[2] {
            Some(v) => super::int_arg(vm, v, "'float' object cannot be interpreted as an integer")?,
            None => 50,
        };
        let endpoint = match &slots[3] {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
        let dtype = dtype_opt(vm, &slots[5])?;
        Ok(array_value(create::linspace(start, stop, num, endpoint, dtype.as_ref()).map_err(np_error)?))
    });
    for name in ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "any", "all"] {
        m.function(name, move |vm, args| {
            let mut args = args;
            if args.positional.is_empty() {
                return Err(crate::value::Exc::type_error(format!("{name}() missing required argument 'a' (pos 1)")));
            }
            let a = args.positional.remove(0);
            let a = to_array(vm, &a, None)?;
            reduce_call(vm, &a, name, args)
        });
    }
    m.function("set_printoptions", |vm, args| {
        let st = state(vm);
        for (key, value) in &args.keywords {
            let v = to_py_value(vm, value)?;
            st.print_options.borrow_mut().set(key, &v).map_err(np_error)?;
        }
        Ok(Value::None)
    });
    m.function("get_printoptions", |vm, _args| {
        let dict = crate::value::Dict::new();
        for (k, v) in print_options(vm).items() {
            let value = match v.as_str() {
                "None" => Value::None,
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                text => match text.parse::<i64>() {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::str(text.trim_matches('\'')),
                },
            };
            dict.set(Value::str(k), value)?;
        }
        Ok(Value::Dict(std::rc::Rc::new(dict)))
    });
    let _ = Args::none;
}
