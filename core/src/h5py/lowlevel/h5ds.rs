//! `h5py.h5ds`: dimension scales (HDF5's high-level H5DS library) — make a dataset a
//! scale, attach it to or detach it from a dimension, labels, scale names, and
//! iteration over the scales of a dimension.

use super::callable::FunctionBody;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bytes, bytes_or, c_int, c_int_or, req, typed_id};
use crate::h5py::ids::{IdKind, ObjectId};
use crate::hdf5::{dimscale, Handle};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] = &[
    ("set_scale", set_scale),
    ("is_scale", is_scale),
    ("attach_scale", attach_scale),
    ("detach_scale", detach_scale),
    ("is_attached", is_attached),
    ("set_label", set_label),
    ("get_label", get_label),
    ("get_scale_name", get_scale_name),
    ("get_num_scales", get_num_scales),
    ("iterate", iterate),
];

fn h5<T>(result: crate::hdf5::Result<T>) -> PyResult<T> {
    result.map_err(Exc::from_hdf5)
}

/// A `DatasetID` argument's handle (Cython's `DatasetID name not None`).
fn dataset(value: &Value, name: &str) -> PyResult<Handle> {
    Ok(typed_id(value, name, "h5py.h5d.DatasetID")?.handle())
}

/// An `unsigned int` argument.
fn uint(vm: &mut Interp, value: &Value) -> PyResult<u32> {
    Ok(c_int(vm, value, "unsigned int")? as u32)
}

fn set_scale(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("set_scale", args, &["dset"], &["dimname"])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let name = bytes_or(&s[1], b"")?;
    h5(dimscale::set_scale(&dset, &name))?;
    Ok(Value::None)
}

fn is_scale(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("is_scale", args, &["dset"], &[])?;
    Ok(Value::Bool(h5(dimscale::is_scale(&dataset(req(&s, 0), "dset")?))?))
}

/// The `(dset, dscale, idx)` arguments of attach/detach/is_attached.
fn scale_args(vm: &mut Interp, function: &str, args: Args) -> PyResult<(Handle, Handle, u32)> {
    let s = bind(function, args, &["dset", "dscale", "idx"], &[])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let scale = dataset(req(&s, 1), "dscale")?;
    Ok((dset, scale, uint(vm, req(&s, 2))?))
}

fn attach_scale(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (dset, scale, idx) = scale_args(vm, "attach_scale", args)?;
    h5(dimscale::attach_scale(&dset, &scale, idx))?;
    Ok(Value::None)
}

fn detach_scale(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (dset, scale, idx) = scale_args(vm, "detach_scale", args)?;
    h5(dimscale::detach_scale(&dset, &scale, idx))?;
    Ok(Value::None)
}

fn is_attached(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let (dset, scale, idx) = scale_args(vm, "is_attached", args)?;
    Ok(Value::Bool(h5(dimscale::is_attached(&dset, &scale, idx))?))
}

fn set_label(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("set_label", args, &["dset", "idx", "label"], &[])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let idx = uint(vm, req(&s, 1))?;
    let label = bytes(req(&s, 2))?;
    h5(dimscale::set_label(&dset, idx, &label))?;
    Ok(Value::None)
}

fn get_label(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_label", args, &["dset", "idx"], &[])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let idx = uint(vm, req(&s, 1))?;
    Ok(Value::bytes(h5(dimscale::get_label(&dset, idx))?))
}

fn get_scale_name(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_scale_name", args, &["dscale"], &[])?;
    Ok(Value::bytes(h5(dimscale::get_scale_name(&dataset(req(&s, 0), "dscale")?))?))
}

fn get_num_scales(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_num_scales", args, &["dset", "dim"], &[])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let dim = uint(vm, req(&s, 1))?;
    Ok(Value::Int(h5(dimscale::get_num_scales(&dset, dim))? as i64))
}

/// `iterate(dset, dim, func, startidx=0)`: calls `func(DatasetID)` for each scale of
/// the dimension from `startidx` on, stopping at (and returning) the first result that
/// is not None.
fn iterate(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("iterate", args, &["dset", "dim", "func"], &["startidx"])?;
    let dset = dataset(req(&s, 0), "dset")?;
    let dim = uint(vm, req(&s, 1))?;
    let func = req(&s, 2).clone();
    let start = c_int_or(vm, &s[3], "int", 0)?;
    if start < 0 {
        return Err(Exc::value_error("Starting index must be non-negative"));
    }
    for scale in h5(dimscale::scales(&dset, dim, start as i32))? {
        let result = vm.call(&func, Args::positional(vec![ObjectId::value(IdKind::Dataset, scale)]))?;
        if !result.is_none() {
            return Ok(result);
        }
    }
    Ok(Value::None)
}
