//! `h5py.h5z`: filter availability.

use super::callable::FunctionBody;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, c_int, req};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[("filter_avail", filter_avail), ("get_filter_info", get_filter_info)];

fn get_filter_info(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_filter_info", args, &["filter_code"], &[])?;
    let code = c_int(vm, req(&s, 0), "int")?;
    Ok(Value::Int(crate::hdf5::plist::filter_info(code as i32).map_err(Exc::from_hdf5)? as i64))
}

fn filter_avail(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("filter_avail", args, &["filter_code"], &[])?;
    let code = c_int(vm, req(&s, 0), "int")?;
    Ok(Value::Bool(crate::hdf5::plist::filter_available(code as i32).map_err(Exc::from_hdf5)?))
}
