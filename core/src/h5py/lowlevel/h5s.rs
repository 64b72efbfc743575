//! `h5py.h5s`: dataspaces — creating them (`create`, `create_simple`), the `ALL`
//! constant, and `SpaceID`'s extent and selection methods.

use super::h5;
use super::build_module;
use super::callable::FunctionBody;
use super::dispatch::Outcome;
use super::space_value;
use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::h5py::cyargs::{bind, c_bool, c_int, c_int_or, hsize_tuple, opt, req, typed_id, uint_tuple};
use crate::h5py::ids::{IdKind, ObjectId};
use crate::hdf5::dataspace::{SelectOp, SelectionKind, SpaceClass};
use crate::hdf5::{Dataspace, Handle};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

const FUNCTIONS: &[(&str, FunctionBody)] = &[("create", create), ("create_simple", create_simple)];

/// Builds `h5py.h5s` (with `ALL`, the `H5S_ALL` space).
pub fn module() -> PyResult<Module> {
    let m = build_module("h5py.h5s", FUNCTIONS);
    m.set("ALL", ObjectId::constant(IdKind::Dataspace, Handle::null(), "h5py.h5s.SpaceID"));
    Ok(m)
}

fn create(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create", args, &["class_code"], &[])?;
    let code = c_int(vm, req(&s, 0), "int")?;
    let space = match code {
        0 => h5(Dataspace::scalar(vm.lib()))?,
        1 => h5(Dataspace::simple(vm.lib(), &[], None))?,
        2 => h5(Dataspace::null(vm.lib()))?,
        _ => return Err(Exc::from_hdf5(crate::hdf5::error::H5Error::new(
            crate::hdf5::error::ExceptionClass::ValueError,
            "Invalid dataspace type (invalid dataspace type)",
        ))),
    };
    Ok(space_value(space))
}

/// h5py's `require_tuple`: a tuple (of `size` items when `size` is given), or None
/// when allowed.
fn require_tuple(value: Option<&Value>, none_ok: bool, size: Option<usize>, name: &str) -> PyResult<()> {
    match value {
        None if none_ok => return Ok(()),
        Some(Value::Tuple(items)) if size.is_none_or(|n| items.len() == n) => return Ok(()),
        _ => {}
    }
    let of_size = size.map_or(String::new(), |n| format!(" of size {n}"));
    let or_none = if none_ok { " or None" } else { "" };
    Err(Exc::value_error(format!("{name} must be a tuple{or_none}{of_size}.")))
}

fn tuple_values(value: &Value) -> Vec<Value> {
    match value {
        Value::Tuple(items) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn create_simple(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let s = bind("create_simple", args, &["dims_tpl"], &["max_dims_tpl"])?;
    let dims_value = req(&s, 0).clone();
    require_tuple(Some(&dims_value), false, None, "dims_tpl")?;
    let rank = tuple_values(&dims_value).len();
    let max_value = opt(&s, 1).cloned();
    require_tuple(max_value.as_ref(), true, Some(rank), "max_dims_tpl")?;
    let dims = hsize_tuple(vm, &tuple_values(&dims_value))?;
    let max = match &max_value {
        Some(v) => Some(max_dims(vm, &tuple_values(v))?),
        None => None,
    };
    Ok(space_value(h5(Dataspace::simple(vm.lib(), &dims, max.as_deref()))?))
}

/// Maximum dimensions (`h5s.UNLIMITED` for unlimited ones).
fn max_dims(vm: &mut Interp, items: &[Value]) -> PyResult<Vec<u64>> {
    hsize_tuple(vm, items)
}

fn space_of(id: &ObjectId) -> Dataspace {
    Dataspace::from_handle_unchecked(id.handle())
}

fn select_op(vm: &mut Interp, slot: &Option<Value>) -> PyResult<SelectOp> {
    Ok(match c_int_or(vm, slot, "int", 0)? {
        1 => SelectOp::Or,
        2 => SelectOp::And,
        3 => SelectOp::Xor,
        4 => SelectOp::NotB,
        5 => SelectOp::NotA,
        6 => SelectOp::Append,
        7 => SelectOp::Prepend,
        _ => SelectOp::Set,
    })
}

fn class_code(class: SpaceClass) -> i64 {
    match class {
        SpaceClass::Scalar => 0,
        SpaceClass::Simple => 1,
        SpaceClass::Null => 2,
    }
}

fn selection_code(kind: SelectionKind) -> i64 {
    match kind {
        SelectionKind::None => 0,
        SelectionKind::Points => 1,
        SelectionKind::Hyperslabs => 2,
        SelectionKind::All => 3,
    }
}

const METHODS: &[&str] = &[
    "copy",
    "get_simple_extent_ndims",
    "get_simple_extent_dims",
    "get_simple_extent_npoints",
    "get_simple_extent_type",
    "select_all",
    "select_none",
    "select_valid",
    "get_select_npoints",
    "get_select_type",
    "get_select_bounds",
    "select_hyperslab",
    "get_select_hyper_nblocks",
    "get_select_elem_npoints",
    "set_extent_simple",
    "is_simple",
    "select_elements",
    "get_select_elem_pointlist",
    "get_select_hyper_blocklist",
    "set_extent_none",
    "extent_copy",
    "select_copy",
    "select_shape_same",
    "is_regular_hyperslab",
    "get_regular_hyperslab",
];

/// `SpaceID`'s methods.
pub fn method(vm: &mut Interp, receiver: &Value, _class: &str, name: &str, args: Args) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    let space = space_of(id);
    if !METHODS.contains(&name) {
        return None;
    }
    Some((|| -> PyResult<Value> {
        Ok(match name {
            "copy" => {
                bind(name, args, &[], &[])?;
                space_value(h5(space.copy())?)
            }
            "get_simple_extent_ndims" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(space.rank())? as i64)
            }
            "get_simple_extent_dims" => {
                let s = bind(name, args, &[], &["maxdims"])?;
                let (dims, max) = h5(space.extent())?;
                uint_tuple(if c_bool(vm, &s[0], false)? { &max } else { &dims })
            }
            "get_simple_extent_npoints" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(space.element_count())? as i64)
            }
            "get_simple_extent_type" => {
                bind(name, args, &[], &[])?;
                Value::Int(class_code(h5(space.class())?))
            }
            "select_all" => {
                bind(name, args, &[], &[])?;
                h5(space.select_all())?;
                Value::None
            }
            "select_none" => {
                bind(name, args, &[], &[])?;
                h5(space.select_none())?;
                Value::None
            }
            "select_valid" => {
                bind(name, args, &[], &[])?;
                Value::Bool(h5(space.selection_is_valid())?)
            }
            "get_select_npoints" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(space.selected_count())? as i64)
            }
            "get_select_type" => {
                bind(name, args, &[], &[])?;
                Value::Int(selection_code(h5(space.selection_kind())?))
            }
            "get_select_bounds" => {
                bind(name, args, &[], &[])?;
                if h5(space.selected_count())? == 0 {
                    return Ok(Value::None);
                }
                let (start, end) = h5(space.selection_bounds())?;
                Value::tuple(vec![uint_tuple(&start), uint_tuple(&end)])
            }
            "select_hyperslab" => {
                let s = bind(name, args, &["start", "count"], &["stride", "block", "op"])?;
                let rank = h5(space.rank())?;
                let start_value = req(&s, 0).clone();
                require_tuple(Some(&start_value), false, Some(rank), "start")?;
                let count_value = req(&s, 1).clone();
                require_tuple(Some(&count_value), false, Some(rank), "count")?;
                require_tuple(opt(&s, 2), true, Some(rank), "stride")?;
                require_tuple(opt(&s, 3), true, Some(rank), "block")?;
                let start = hsize_tuple(vm, &tuple_values(&start_value))?;
                let count = hsize_tuple(vm, &tuple_values(&count_value))?;
                let stride = opt(&s, 2).map(|v| hsize_tuple(vm, &tuple_values(v))).transpose()?;
                let block = opt(&s, 3).map(|v| hsize_tuple(vm, &tuple_values(v))).transpose()?;
                let op = select_op(vm, &s[4])?;
                h5(space.select_hyperslab(op, &start, stride.as_deref(), &count, block.as_deref()))?;
                Value::None
            }
            "get_select_hyper_nblocks" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(space.hyperslab_blocks())?.len() as i64)
            }
            "get_select_elem_npoints" => {
                bind(name, args, &[], &[])?;
                Value::Int(h5(space.selected_points())?.len() as i64)
            }
            "set_extent_simple" => {
                let s = bind(name, args, &["dims_tpl"], &["max_dims_tpl"])?;
                let dims_value = req(&s, 0).clone();
                let rank = vm.len(&dims_value)?;
                require_tuple(Some(&dims_value), false, Some(rank), "dims_tpl")?;
                require_tuple(opt(&s, 1), true, Some(rank), "max_dims_tpl")?;
                let dims = hsize_tuple(vm, &tuple_values(&dims_value))?;
                let max = opt(&s, 1).map(|v| max_dims(vm, &tuple_values(v))).transpose()?;
                h5(space.set_extent(&dims, max.as_deref()))?;
                Value::None
            }
            "is_regular_hyperslab" => {
                bind(name, args, &[], &[])?;
                Value::Bool(h5(space.is_regular_hyperslab())?)
            }
            "get_regular_hyperslab" => {
                bind(name, args, &[], &[])?;
                let rank = h5(space.rank())?;
                let parts = h5(space.regular_hyperslab())?;
                Value::tuple(parts.iter().map(|p| uint_tuple(&p[..rank])).collect())
            }
            "set_extent_none" => {
                bind(name, args, &[], &[])?;
                h5(space.set_extent_none())?;
                Value::None
            }
            "extent_copy" | "select_copy" | "select_shape_same" => {
                let param = match name {
                    "extent_copy" => "source",
                    "select_copy" => "src_id",
                    _ => "space2",
                };
                let s = bind(name, args, &[param], &[])?;
                let other = space_of(typed_id(req(&s, 0), param, "h5py.h5s.SpaceID")?);
                match name {
                    "extent_copy" => h5(space.extent_copy(&other)).map(|_| Value::None)?,
                    "select_copy" => h5(space.select_copy(&other)).map(|_| Value::None)?,
                    _ => Value::Bool(h5(space.select_shape_same(&other))?),
                }
            }
            "is_simple" => {
                bind(name, args, &[], &[])?;
                Value::Bool(h5(space.is_simple())?)
            }
            "select_elements" => {
                let s = bind(name, args, &["coords"], &["op"])?;
                let rank = h5(space.rank())?;
                let dtype = crate::numpy::DType::parse("uint64").map_err(crate::numpy_py::np_error)?;
                let coords = crate::numpy_py::convert::to_array(vm, req(&s, 0), Some(&dtype))?;
                if coords.ndim() != 2 || coords.shape()[1] != rank {
                    return Err(Exc::value_error(format!("Coordinate array must have shape (<npoints>, {rank})")));
                }
                let flat = coords.tobytes().map_err(crate::numpy_py::np_error)?;
                let values: Vec<u64> = flat.chunks_exact(8).map(|c| u64::from_ne_bytes(c.try_into().unwrap_or([0; 8]))).collect();
                let points: Vec<Vec<u64>> = values.chunks(rank.max(1)).map(<[u64]>::to_vec).collect();
                let op = select_op(vm, &s[1])?;
                h5(space.select_points(op, &points))?;
                Value::None
            }
            "get_select_elem_pointlist" => {
                bind(name, args, &[], &[])?;
                let rank = h5(space.rank())?;
                let points = h5(space.selected_points())?;
                let flat: Vec<u64> = points.iter().flatten().copied().collect();
                super::u64_array(&flat, &[points.len(), rank])?
            }
            "get_select_hyper_blocklist" => {
                bind(name, args, &[], &[])?;
                let rank = h5(space.rank())?;
                let blocks = h5(space.hyperslab_blocks())?;
                let flat: Vec<u64> = blocks.iter().flat_map(|(a, b)| a.iter().chain(b.iter()).copied()).collect();
                super::u64_array(&flat, &[blocks.len(), 2, rank])?
            }
            _ => return Err(Exc::not_implemented(format!("h5py.h5s.SpaceID.{name} is not implemented in h5lab"))),
        })
    })())
}

/// `SpaceID`'s properties.
pub fn property(_vm: &mut Interp, receiver: &Value, name: &str) -> Outcome {
    let id = receiver.downcast::<ObjectId>()?;
    match name {
        "shape" => Some(h5(space_of(id).dims()).map(|d| uint_tuple(&d))),
        _ => None,
    }
}

/// A `SpaceID` argument (`mspace`, `fspace`, `space`): `h5s.ALL` gives `None`.
pub fn space_arg(value: &Value, name: &str) -> PyResult<Option<Dataspace>> {
    let id = typed_id(value, name, "h5py.h5s.SpaceID")?;
    // `h5s.ALL` (and, as in h5py, a closed SpaceID) is identifier 0: H5S_ALL.
    Ok(if id.hid() == 0 { None } else { Some(Dataspace::from_handle_unchecked(id.handle())) })
}
