//! `h5py.h5i`: what an identifier is, its name, its file, its reference count.

use super::callable::FunctionBody;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, object_id, req};
use crate::h5py::ids::{IdKind, ObjectId};
use crate::hdf5::ident;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The module functions h5lab implements.
pub const FUNCTIONS: &[(&str, FunctionBody)] =
    &[("get_type", get_type), ("get_name", get_name), ("get_file_id", get_file_id), ("get_ref", get_ref)];

fn the_object(function: &str, args: Args) -> PyResult<ObjectIdValue> {
    let s = bind(function, args, &["obj"], &[])?;
    let value = req(&s, 0).clone();
    object_id(&value, "obj")?;
    Ok(ObjectIdValue(value))
}

/// An argument checked to be an `ObjectID`.
struct ObjectIdValue(Value);

impl ObjectIdValue {
    fn id(&self) -> &ObjectId {
        self.0.downcast::<ObjectId>().expect("checked by the_object")
    }
}

fn get_type(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let obj = the_object("get_type", args)?;
    match obj.id().handle().id_type().code() {
        // h5py declares H5Iget_type `except -1`: H5I_BADID raises.
        code if code < 0 => Err(Exc::from_hdf5(crate::hdf5::error::H5Error::from_stack("H5Iget_type"))),
        code => Ok(Value::Int(code as i64)),
    }
}

fn get_name(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let obj = the_object("get_name", args)?;
    match ident::object_name(&obj.id().handle()) {
        Ok(Some(name)) => Ok(Value::bytes(name.into_bytes())),
        // h5py returns None when H5Iget_name reports no name or fails.
        Ok(None) | Err(_) => Ok(Value::None),
    }
}

fn get_file_id(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let obj = the_object("get_file_id", args)?;
    let file = ident::file_of(&obj.id().handle()).map_err(Exc::from_hdf5)?;
    Ok(ObjectId::value(IdKind::File, file))
}

fn get_ref(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let obj = the_object("get_ref", args)?;
    let count = obj.id().handle().ref_count();
    if count < 0 {
        return Err(Exc::from_hdf5(crate::hdf5::error::H5Error::from_stack("H5Iget_ref")));
    }
    Ok(Value::Int(count as i64))
}
