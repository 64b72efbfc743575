//! h5py's dtype helpers (`h5py/h5t.pyx`): `string_dtype`, `vlen_dtype`,
//! `enum_dtype`, `opaque_dtype`, `special_dtype`, `ref_dtype`, `regionref_dtype`, and
//! the `check_*` functions that read the tags back (`string_info(...)`, `str`, the
//! enum dict, `h5py.Reference`).

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::h5py::pyargs::Signature;
use crate::hdf5::datatype::ReferenceKind;
use crate::numpy::{DType, Kind, Metadata};
use crate::numpy_py::dtype::dtype_value;
use crate::value::exception::{Exc, PyResult};
use crate::value::types::{builtin, BuiltinTypes, TypeObject};
use crate::value::{Dict, Value};
use std::rc::Rc;

fn is_builtin(value: &Value, which: fn(&BuiltinTypes) -> Rc<TypeObject>) -> bool {
    match value {
        Value::Object(o) => o.as_any().downcast_ref::<TypeObject>().is_some_and(|t| std::ptr::eq(t, &*builtin(which))),
        _ => false,
    }
}

fn is_class(value: &Value, class: &Rc<TypeObject>) -> bool {
    match value {
        Value::Object(o) => o.as_any().downcast_ref::<TypeObject>().is_some_and(|t| std::ptr::eq(t, &**class)),
        _ => false,
    }
}

/// `codecs.lookup(name).name` for the encodings h5py could meet.
fn codec_name(name: &str) -> PyResult<String> {
    let norm = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8".into(),
        "ascii" | "us-ascii" | "646" | "us" => "ascii".into(),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => "iso8859-1".into(),
        "utf-16" | "utf16" => "utf-16".into(),
        "utf-32" | "utf32" => "utf-32".into(),
        "cp1252" | "windows-1252" => "cp1252".into(),
        _ => return Err(Exc::new(crate::value::exception::ExcKind::LookupError, format!("unknown encoding: {name}"))),
    })
}

/// A fixed-size strings dtype (`S<n>`) tagged with its encoding as h5py tags it.
fn fixed_string(n: usize, utf8: bool) -> PyResult<DType> {
    let dtype = DType::parse(&format!("S{n}")).map_err(crate::numpy_py::np_error)?;
    Ok(dtype.with_metadata(utf8.then_some(Metadata::FixedUtf8)))
}

/// `h5py.string_info(encoding, length)` for a dtype, or None (`check_string_dtype`).
pub fn string_info(dtype: &DType) -> Option<(&'static str, Option<usize>)> {
    match (dtype.metadata(), dtype.kind()) {
        (Some(Metadata::VlenStr), _) => Some(("utf-8", None)),
        (Some(Metadata::VlenBytes), _) => Some(("ascii", None)),
        (Some(Metadata::FixedUtf8), Kind::Bytes(n)) => Some(("utf-8", Some(*n))),
        (_, Kind::Bytes(n)) => Some(("ascii", Some(*n))),
        _ => None,
    }
}

fn string_info_value(info: Option<(&'static str, Option<usize>)>) -> Value {
    match info {
        None => Value::None,
        Some((encoding, length)) => crate::value::structseq::StructSeq::namedtuple(
            "importlib._bootstrap",
            "string_info",
            &["encoding", "length"],
            vec![Value::str(encoding), length.map_or(Value::None, |n| Value::Int(n as i64))],
        ),
    }
}

fn dtype_arg(vm: &mut Interp, value: &Value) -> PyResult<DType> {
    crate::numpy_py::to_dtype(vm, value)
}

/// `check_vlen_dtype(dt)`: `str`, `bytes`, the base dtype, or None.
fn vlen_of(dtype: &DType) -> Value {
    match dtype.metadata() {
        Some(Metadata::VlenStr) => Value::Object(builtin(|t| t.str_.clone())),
        Some(Metadata::VlenBytes) => Value::Object(builtin(|t| t.bytes.clone())),
        Some(Metadata::Vlen(base)) => dtype_value(base.clone()),
        _ => Value::None,
    }
}

fn enum_of(dtype: &DType) -> PyResult<Value> {
    match dtype.metadata() {
        Some(Metadata::Enum(members)) => {
            let pairs = members.iter().map(|(n, v)| (Value::str(n), Value::Int(*v))).collect();
            Ok(Value::Dict(Rc::new(Dict::from_pairs(pairs)?)))
        }
        _ => Ok(Value::None),
    }
}

fn ref_of(dtype: &DType) -> Value {
    match dtype.metadata() {
        Some(Metadata::ObjectRef) => Value::Object(super::refs::class_of(ReferenceKind::Object)),
        Some(Metadata::RegionRef) => Value::Object(super::refs::class_of(ReferenceKind::Region)),
        _ => Value::None,
    }
}

/// `enum_dtype(values_dict, basetype)`: an integer dtype tagged with its members.
fn make_enum(vm: &mut Interp, values: &Value, basetype: &DType) -> PyResult<Value> {
    if !basetype.is_integer() {
        return Err(Exc::type_error("Only integer types can be used as enums"));
    }
    let mut members = Vec::new();
    let Value::Dict(d) = values else {
        return Err(Exc::type_error(format!("Enum values must be a dict, not {}", crate::value::types::type_of(values).name)));
    };
    for (k, v) in d.items() {
        members.push((vm.str(&k)?, vm.index_value(&v, "an integer is required")?));
    }
    Ok(dtype_value(basetype.clone().with_metadata(Some(Metadata::Enum(members)))))
}

fn sig<'a>(name: &'a str, params: &'a [&'a str], required: usize) -> Signature<'a> {
    Signature { name, params, required, method: false, var_keywords: false }
}

/// Adds the dtype helpers to the `h5py` module.
pub fn install(m: &Module) {
    m.set("ref_dtype", dtype_value(DType::object().with_metadata(Some(Metadata::ObjectRef))));
    m.set("regionref_dtype", dtype_value(DType::object().with_metadata(Some(Metadata::RegionRef))));
    m.function("string_dtype", |vm, args| {
        let b = sig("string_dtype", &["encoding", "length"], 0).bind(args)?;
        let encoding = match b.get(0) {
            Some(v) => codec_name(&vm.str(v)?)?,
            None => "utf-8".into(),
        };
        if encoding != "utf-8" && encoding != "ascii" {
            return Err(Exc::value_error(format!("Invalid encoding ('{encoding}'); 'utf-8' or 'ascii' allowed")));
        }
        let utf8 = encoding == "utf-8";
        Ok(dtype_value(match b.get(1) {
            Some(n) => fixed_string(vm.index_value(n, "an integer is required")?.max(0) as usize, utf8)?,
            None => DType::object().with_metadata(Some(if utf8 { Metadata::VlenStr } else { Metadata::VlenBytes })),
        }))
    });
    m.function("vlen_dtype", |vm, args| {
        let b = sig("vlen_dtype", &["basetype"], 1).bind(args)?;
        let base = dtype_arg(vm, b.req(0))?;
        Ok(dtype_value(DType::object().with_metadata(Some(Metadata::Vlen(base)))))
    });
    m.function("enum_dtype", |vm, args| {
        let b = sig("enum_dtype", &["values_dict", "basetype"], 1).bind(args)?;
        let base = match b.get(1) {
            Some(t) => dtype_arg(vm, t)?,
            None => DType::new(Kind::UInt8),
        };
        make_enum(vm, b.req(0), &base)
    });
    m.function("opaque_dtype", |vm, args| {
        let b = sig("opaque_dtype", &["np_dtype"], 1).bind(args)?;
        let dtype = dtype_arg(vm, b.req(0))?;
        Ok(dtype_value(dtype.with_metadata(Some(Metadata::Opaque))))
    });
    m.function("special_dtype", |vm, args| {
        let b = Signature { name: "special_dtype", params: &[], required: 0, method: false, var_keywords: true }.bind(args)?;
        let [(name, value)] = b.extra.as_slice() else { return Err(Exc::type_error("Exactly one keyword may be provided")) };
        match &**name {
            "vlen" => Ok(dtype_value(if is_builtin(value, |t| t.str_.clone()) {
                DType::object().with_metadata(Some(Metadata::VlenStr))
            } else if is_builtin(value, |t| t.bytes.clone()) {
                DType::object().with_metadata(Some(Metadata::VlenBytes))
            } else {
                DType::object().with_metadata(Some(Metadata::Vlen(dtype_arg(vm, value)?)))
            })),
            "enum" => {
                let items = vm.collect(value).map_err(|_| Exc::type_error("Enums must be created from a 2-tuple (basetype, values_dict)"))?;
                let [base, values] = items.as_slice() else {
                    return Err(Exc::type_error("Enums must be created from a 2-tuple (basetype, values_dict)"));
                };
                let base = dtype_arg(vm, base)?;
                make_enum(vm, values, &base)
            }
            "ref" => {
                let meta = if is_class(value, &super::refs::class_of(ReferenceKind::Object)) {
                    Metadata::ObjectRef
                } else if is_class(value, &super::refs::class_of(ReferenceKind::Region)) {
                    Metadata::RegionRef
                } else {
                    return Err(Exc::value_error("Ref class must be Reference or RegionReference"));
                };
                Ok(dtype_value(DType::object().with_metadata(Some(meta))))
            }
            other => Err(Exc::type_error(format!("Unknown special type \"{other}\""))),
        }
    });
    m.function("check_dtype", |_vm, args| {
        let b = Signature { name: "check_dtype", params: &[], required: 0, method: false, var_keywords: true }.bind(args)?;
        let [(name, value)] = b.extra.as_slice() else { return Err(Exc::type_error("Exactly one keyword may be provided")) };
        let dtype = match value.downcast::<crate::numpy_py::dtype::DTypeObject>() {
            Some(d) => d.dtype.clone(),
            None => {
                if !matches!(&**name, "vlen" | "enum" | "ref") {
                    return Err(Exc::type_error(format!("Unknown special type \"{name}\"")));
                }
                return Ok(Value::None);
            }
        };
        match &**name {
            "vlen" => Ok(vlen_of(&dtype)),
            "enum" => enum_of(&dtype),
            "ref" => Ok(ref_of(&dtype)),
            other => Err(Exc::type_error(format!("Unknown special type \"{other}\""))),
        }
    });
    m.function("check_string_dtype", |vm, args| {
        let b = sig("check_string_dtype", &["dt"], 1).bind(args)?;
        let dtype = dtype_of_arg(vm, b.req(0))?;
        Ok(string_info_value(string_info(&dtype)))
    });
    m.function("check_vlen_dtype", |vm, args| {
        let b = sig("check_vlen_dtype", &["dt"], 1).bind(args)?;
        Ok(vlen_of(&dtype_of_arg(vm, b.req(0))?))
    });
    m.function("check_enum_dtype", |vm, args| {
        let b = sig("check_enum_dtype", &["dt"], 1).bind(args)?;
        enum_of(&dtype_of_arg(vm, b.req(0))?)
    });
    m.function("check_opaque_dtype", |vm, args| {
        let b = sig("check_opaque_dtype", &["dt"], 1).bind(args)?;
        Ok(Value::Bool(matches!(dtype_of_arg(vm, b.req(0))?.metadata(), Some(Metadata::Opaque))))
    });
    m.function("check_ref_dtype", |vm, args| {
        let b = sig("check_ref_dtype", &["dt"], 1).bind(args)?;
        Ok(ref_of(&dtype_of_arg(vm, b.req(0))?))
    });
}

/// The dtype a `check_*` function inspects: h5py reads `dt.metadata` / `dt.kind`, so
/// anything but a dtype fails as Python would on the attribute.
fn dtype_of_arg(vm: &mut Interp, value: &Value) -> PyResult<DType> {
    match value.downcast::<crate::numpy_py::dtype::DTypeObject>() {
        Some(d) => Ok(d.dtype.clone()),
        None => {
            let _ = vm;
            Err(Exc::attribute_error(format!(
                "'{}' object has no attribute 'metadata'",
                crate::value::types::type_of(value).name
            )))
        }
    }
}

