//! Routing an instance's attribute to its module's Rust: a method call goes to the
//! module of the class that defines the method (`GroupID.get_num_objs` to `h5g` even on
//! a `FileID`), a property likewise. What h5py has and h5lab does not implement raises
//! NotImplementedError naming it.

use super::api::{self, ClassEntry, Member};
use super::callable::BoundMethod;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::Value;

/// The answer of a module's method or property table: `None` when h5lab has no
/// implementation of that name.
pub type Outcome = Option<PyResult<Value>>;

/// Calls method `name` of `class` on `receiver`.
pub fn call_method(vm: &mut Interp, receiver: &Value, class: &ClassEntry, name: &str, args: Args) -> PyResult<Value> {
    // Cython checks only that the receiver is an identifier at all: another kind of
    // identifier reaches HDF5, which reports it ("Invalid dataset identifier").
    let any_id = receiver.downcast::<crate::h5py::ids::ObjectId>().is_some() && class.qualname != "h5py.h5l.LinkProxy";
    if !any_id && !is_instance(receiver, class) {
        return Err(Exc::type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            class.qualname,
            type_of(receiver).qualified_name()
        )));
    }
    let outcome = match class.module.as_str() {
        "h5py._objects" => crate::h5py::ids::method(vm, receiver, &class.name, name, args),
        "h5py.h5a" => super::h5a::method(vm, receiver, &class.name, name, args),
        "h5py.h5d" => super::h5d::method(vm, receiver, &class.name, name, args),
        "h5py.h5f" => super::h5f::method(vm, receiver, &class.name, name, args),
        "h5py.h5g" => super::h5g::method(vm, receiver, &class.name, name, args),
        "h5py.h5l" => crate::h5py::linkproxy::method(vm, receiver, &class.name, name, args),
        "h5py.h5p" => super::h5p::method(vm, receiver, &class.name, name, args),
        "h5py.h5s" => super::h5s::method(vm, receiver, &class.name, name, args),
        "h5py.h5t" => super::h5t::method(vm, receiver, &class.name, name, args),
        _ => None,
    };
    outcome.unwrap_or_else(|| Err(not_implemented(class, name)))
}

fn is_instance(receiver: &Value, class: &ClassEntry) -> bool {
    type_of(receiver).is_subclass(&super::classes::class_object(&class.qualname))
}

fn not_implemented(class: &ClassEntry, name: &str) -> Exc {
    Exc::not_implemented(format!("{}.{name} is not implemented in h5lab", class.qualname))
}

/// Reads property `name` of `class` on `receiver`.
pub fn get_property(vm: &mut Interp, receiver: &Value, class: &ClassEntry, name: &str) -> PyResult<Value> {
    let outcome = match class.module.as_str() {
        "h5py._objects" => crate::h5py::ids::property(vm, receiver, name),
        "h5py.h5a" => super::h5a::property(vm, receiver, name),
        "h5py.h5d" => super::h5d::property(vm, receiver, name),
        "h5py.h5f" => super::h5f::property(vm, receiver, name),
        "h5py.h5g" => super::h5g::property(vm, receiver, name),
        "h5py.h5s" => super::h5s::property(vm, receiver, name),
        "h5py.h5t" => super::h5t::property(vm, receiver, name),
        _ => None,
    };
    outcome.unwrap_or_else(|| Err(not_implemented(class, name)))
}

/// An attribute of an instance of the h5py class `qualname`: a bound method, a
/// property's value, or `None` (AttributeError) for names h5py's class lacks.
pub fn instance_attribute(vm: &mut Interp, this: &Value, qualname: &str, name: &str) -> PyResult<Option<Value>> {
    match api::member(qualname, name) {
        Some(Member::Method(class, entry)) => Ok(Some(BoundMethod::value(this, class, name, entry))),
        Some(Member::Property(class)) => get_property(vm, this, class, name).map(Some),
        None => Ok(None),
    }
}

/// The AttributeError of a Cython class instance (`'h5py.h5f.FileID' object has no
/// attribute 'x'`).
pub fn attribute_error(qualname: &str, name: &str) -> Exc {
    Exc::attribute_error(format!("'{qualname}' object has no attribute '{name}'"))
}
