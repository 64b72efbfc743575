//! `h5py.h5`: the library version and the `INDEX_*`/`ITER_*` constants.

use super::build_module;
use super::callable::FunctionBody;
use crate::eval::Interp;
use crate::h5py::cyargs::bind;
use crate::value::exception::PyResult;
use crate::value::object::Args;
use crate::value::Value;

const FUNCTIONS: &[(&str, FunctionBody)] = &[("get_libversion", get_libversion)];

/// Builds `h5py.h5`.
pub fn module(_vm: &mut Interp) -> PyResult<crate::eval::modules::Module> {
    Ok(build_module("h5py.h5", FUNCTIONS))
}

fn get_libversion(vm: &mut Interp, args: Args) -> PyResult<Value> {
    bind("get_libversion", args, &[], &[])?;
    let (major, minor, release) = crate::hdf5::library_version(vm.lib());
    Ok(Value::tuple(vec![Value::Int(major as i64), Value::Int(minor as i64), Value::Int(release as i64)]))
}
