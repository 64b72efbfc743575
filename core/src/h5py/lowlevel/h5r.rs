//! `h5py.h5r`: original-style object and dataset-region references — creating them,
//! following them, their names, object types and regions. The `Reference` classes are
//! the high level's ([`crate::h5py::hl::refs`]), as h5py's are one and the same.

use super::h5;
use super::callable::FunctionBody;
use super::h5s::space_arg;
use super::space_value;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, bytes, c_int, object_id, opt, req};
use crate::h5py::hl::refs::{class_of, Reference};
use crate::h5py::ids::ObjectId;
use crate::hdf5::datatype::ReferenceKind;
use crate::hdf5::{object, reference};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

const FUNCTIONS: &[(&str, FunctionBody)] = &[
    ("create", create),
    ("dereference", dereference),
    ("get_name", get_name),
    ("get_obj_type", get_obj_type),
    ("get_region", get_region),
];

/// Builds `h5py.h5r` with the high level's reference classes.
pub fn module() -> Module {
    let m = super::build_module("h5py.h5r", FUNCTIONS);
    m.set("Reference", Value::Object(class_of(ReferenceKind::Object)));
    m.set("RegionReference", Value::Object(class_of(ReferenceKind::Region)));
    m
}

fn create(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["loc", "name", "ref_type"], &["space"])?;
    let loc = object_id(req(&s, 0), "loc")?;
    let name = bytes(req(&s, 1))?;
    match c_int(vm, req(&s, 2), "int")? {
        0 => Ok(Reference::value(ReferenceKind::Object, h5(reference::create_object(&loc.handle(), &name))?.to_vec())),
        1 => {
            let Some(space) = opt(&s, 3) else {
                return Err(Exc::value_error("Dataspace required for region reference"));
            };
            let space = space_arg(space, "space")?.ok_or_else(|| Exc::value_error("Dataspace required for region reference"))?;
            Ok(Reference::value(ReferenceKind::Region, h5(reference::create_region(&loc.handle(), &name, &space))?.to_vec()))
        }
        _ => Err(Exc::value_error("Unknown reference typecode")),
    }
}

/// A `Reference` argument (`ref`).
fn ref_arg<'a>(value: &'a Value, expected: &str) -> PyResult<&'a Reference> {
    value.downcast::<Reference>().ok_or_else(|| {
        Exc::type_error(format!(
            "Argument 'ref' has incorrect type (expected {expected}, got {})",
            type_of(value).qualified_name()
        ))
    })
}

fn dereference(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("dereference", args, &["ref", "id"], &[])?;
    let r = ref_arg(req(&s, 0), "h5py.h5r.Reference")?;
    let id = object_id(req(&s, 1), "id")?;
    if !r.is_set() {
        // h5py answers None for a null reference.
        return Ok(Value::None);
    }
    Ok(ObjectId::of(r.dereference(&id.handle())?))
}

fn get_name(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_name", args, &["ref", "loc"], &[])?;
    let r = ref_arg(req(&s, 0), "h5py.h5r.Reference")?;
    let loc = object_id(req(&s, 1), "loc")?;
    if !r.is_set() {
        return Ok(Value::None);
    }
    Ok(Value::bytes(h5(reference::referenced_name(&loc.handle(), r.kind, &r.raw))?.into_bytes()))
}

fn get_obj_type(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_obj_type", args, &["ref", "id"], &[])?;
    let r = ref_arg(req(&s, 0), "h5py.h5r.Reference")?;
    let id = object_id(req(&s, 1), "id")?;
    let target = r.dereference(&id.handle())?;
    Ok(Value::Int(h5(object::info(&target))?.kind.code() as i64))
}

fn get_region(_vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("get_region", args, &["ref", "id"], &[])?;
    let value = req(&s, 0);
    let r = ref_arg(value, "h5py.h5r.RegionReference")?;
    if r.kind != ReferenceKind::Region {
        return Err(Exc::type_error(format!(
            "Argument 'ref' has incorrect type (expected h5py.h5r.RegionReference, got {})",
            type_of(value).qualified_name()
        )));
    }
    let id = object_id(req(&s, 1), "id")?;
    Ok(space_value(h5(reference::region(&id.handle(), &r.raw))?))
}
