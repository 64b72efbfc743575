//! NumPy dtypes ↔ HDF5 datatypes, by h5py's rules (`h5t.py_create` one way,
//! `TypeID.dtype` the other): bool as an int8 enum {FALSE, TRUE}, complex as a compound
//! of `r` and `i`, fixed bytes as NULLPAD ASCII strings, h5py's variable-length string
//! dtype as UTF-8 variable-length strings, enums through dtype metadata.

use std::rc::Rc;

use crate::hdf5::datatype::{ByteOrder, CharSet, Member, ReferenceKind, StrPad, TypeDescription};
use crate::numpy::dtype::{Field, StructLayout};
use crate::numpy::{DType, Kind, Metadata};
use crate::value::exception::{Exc, PyResult};

fn order_of(dtype: &DType) -> ByteOrder {
    if dtype.is_big_endian() {
        ByteOrder::Big
    } else {
        ByteOrder::Little
    }
}

/// The HDF5 type h5py creates for a dtype (`h5t.py_create(dtype, logical=True)`).
pub fn hdf5_type_of(dtype: &DType) -> PyResult<TypeDescription> {
    let order = order_of(dtype);
    if let Some(meta) = dtype.metadata() {
        match meta {
            Metadata::VlenStr => return Ok(TypeDescription::String { size: None, cset: CharSet::Utf8, pad: StrPad::NullTerm }),
            Metadata::VlenBytes => return Ok(TypeDescription::String { size: None, cset: CharSet::Ascii, pad: StrPad::NullTerm }),
            Metadata::Vlen(base) => return Ok(TypeDescription::VarLen(Box::new(hdf5_type_of(base)?))),
            Metadata::Enum(members) => {
                let base = hdf5_type_of(&dtype.clone().with_metadata(None))?;
                // h5py inserts the members in name order (`for name in sorted(vals)`).
                let mut members: Vec<(String, i128)> = members.iter().map(|(n, v)| (n.clone(), *v as i128)).collect();
                members.sort_by(|a, b| a.0.cmp(&b.0));
                return Ok(TypeDescription::Enum { base: Box::new(base), members });
            }
            Metadata::ObjectRef => return Ok(TypeDescription::Reference(ReferenceKind::Object)),
            Metadata::RegionRef => return Ok(TypeDescription::Reference(ReferenceKind::Region)),
            Metadata::FixedUtf8 => {
                return Ok(TypeDescription::String { size: Some(dtype.itemsize().max(1)), cset: CharSet::Utf8, pad: StrPad::NullPad })
            }
            Metadata::Opaque => {
                return Ok(TypeDescription::Opaque { size: dtype.itemsize(), tag: opaque_tag(dtype) });
            }
        }
    }
    let int = |size: usize, signed: bool| TypeDescription::Integer { size, order, signed };
    Ok(match dtype.kind() {
        Kind::Bool => TypeDescription::Enum {
            base: Box::new(TypeDescription::Integer { size: 1, order: ByteOrder::Little, signed: true }),
            members: vec![("FALSE".into(), 0), ("TRUE".into(), 1)],
        },
        Kind::Int8 => int(1, true),
        Kind::Int16 => int(2, true),
        Kind::Int32 => int(4, true),
        Kind::Int64 => int(8, true),
        Kind::UInt8 => int(1, false),
        Kind::UInt16 => int(2, false),
        Kind::UInt32 => int(4, false),
        Kind::UInt64 => int(8, false),
        Kind::Float16 => TypeDescription::Float { size: 2, order },
        Kind::Float32 => TypeDescription::Float { size: 4, order },
        Kind::Float64 => TypeDescription::Float { size: 8, order },
        Kind::Complex64 | Kind::Complex128 => {
            let half = dtype.itemsize() / 2;
            TypeDescription::Compound {
                size: dtype.itemsize(),
                members: vec![
                    Member { name: "r".into(), offset: 0, ty: TypeDescription::Float { size: half, order } },
                    Member { name: "i".into(), offset: half, ty: TypeDescription::Float { size: half, order } },
                ],
            }
        }
        Kind::Bytes(n) => TypeDescription::String { size: Some((*n).max(1)), cset: CharSet::Ascii, pad: StrPad::NullPad },
        Kind::Void(n) => TypeDescription::Opaque { size: *n, tag: String::new() },
        Kind::Struct(layout) => TypeDescription::Compound {
            size: layout.itemsize,
            members: layout
                .fields
                .iter()
                .map(|f| {
                    let base = hdf5_type_of(&f.dtype)?;
                    let ty = if f.shape.is_empty() {
                        base
                    } else {
                        TypeDescription::Array { base: Box::new(base), dims: f.shape.iter().map(|&d| d as u64).collect() }
                    };
                    Ok(Member { name: f.name.clone(), offset: f.offset, ty })
                })
                .collect::<PyResult<Vec<_>>>()?,
        },
        Kind::Str(_) => return Err(Exc::type_error(format!("No conversion path for dtype: {}", dtype.repr()))),
        Kind::Object => {
            return Err(Exc::type_error(format!("Object dtype {} has no native HDF5 equivalent", dtype.repr())));
        }
    })
}

fn int_dtype(size: usize, signed: bool, order: ByteOrder) -> PyResult<DType> {
    let kind = match (size, signed) {
        (1, true) => Kind::Int8,
        (2, true) => Kind::Int16,
        (4, true) => Kind::Int32,
        (8, true) => Kind::Int64,
        (1, false) => Kind::UInt8,
        (2, false) => Kind::UInt16,
        (4, false) => Kind::UInt32,
        (8, false) => Kind::UInt64,
        _ => return Err(Exc::type_error(format!("No NumPy equivalent for HDF5 integer of {size} bytes"))),
    };
    with_order(DType::new(kind), order)
}

fn with_order(dtype: DType, order: ByteOrder) -> PyResult<DType> {
    if order == ByteOrder::Big && dtype.itemsize() > 1 {
        dtype.with_byteorder('>').map_err(crate::numpy_py::np_error)
    } else {
        Ok(dtype)
    }
}

/// The dtype h5py gives an HDF5 type (`TypeID.dtype`).
pub fn dtype_of(desc: &TypeDescription) -> PyResult<DType> {
    Ok(match desc {
        TypeDescription::Integer { size, order, signed } => int_dtype(*size, *signed, *order)?,
        TypeDescription::Bitfield { size, order } => int_dtype(*size, false, *order)?,
        TypeDescription::Float { size, order } => {
            let kind = match size {
                2 => Kind::Float16,
                4 => Kind::Float32,
                8 => Kind::Float64,
                _ => return Err(Exc::type_error(format!("No NumPy equivalent for HDF5 float of {size} bytes"))),
            };
            // h5py's float dtypes state their order: `dtype('<f8')`, not `dtype('float64')`.
            with_order(DType::new(kind), *order)?.with_explicit_order()
        }
        TypeDescription::String { size: Some(n), cset, .. } => DType::new(Kind::Bytes(*n)).with_metadata(match cset {
            CharSet::Utf8 => Some(Metadata::FixedUtf8),
            CharSet::Ascii => None,
        }),
        TypeDescription::String { size: None, cset, .. } => DType::object().with_metadata(Some(match cset {
            CharSet::Utf8 => Metadata::VlenStr,
            CharSet::Ascii => Metadata::VlenBytes,
        })),
        TypeDescription::Opaque { size, tag } => {
            let plain = DType::new(Kind::Void(*size));
            // h5py tags the opaque types it makes `NUMPY:<dtype.str>`.
            match tag.strip_prefix("NUMPY:").map(DType::parse) {
                Some(Ok(d)) if d.itemsize() == *size => d.with_metadata(Some(Metadata::Opaque)),
                _ => plain,
            }
        }
        TypeDescription::Reference(kind) => DType::object().with_metadata(Some(match kind {
            ReferenceKind::Region => Metadata::RegionRef,
            _ => Metadata::ObjectRef,
        })),
        TypeDescription::Enum { base, members } => {
            let is_bool = matches!(**base, TypeDescription::Integer { size: 1, signed: true, .. })
                && members.len() == 2
                && members.iter().any(|(n, v)| n == "FALSE" && *v == 0)
                && members.iter().any(|(n, v)| n == "TRUE" && *v == 1);
            if is_bool {
                DType::bool()
            } else {
                let base = dtype_of(base)?;
                base.with_metadata(Some(Metadata::Enum(members.iter().map(|(n, v)| (n.clone(), *v as i64)).collect())))
            }
        }
        TypeDescription::VarLen(base) => DType::object().with_metadata(Some(Metadata::Vlen(dtype_of(base)?))),
        TypeDescription::Complex { size, order } => {
            with_order(DType::new(if *size == 8 { Kind::Complex64 } else { Kind::Complex128 }), *order)?
        }
        TypeDescription::Compound { size, members } => {
            if let Some(complex) = complex_compound(*size, members)? {
                return Ok(complex);
            }
            let mut fields = Vec::with_capacity(members.len());
            for m in members {
                let (dtype, shape) = match &m.ty {
                    TypeDescription::Array { base, dims } => (dtype_of(base)?, dims.iter().map(|&d| d as usize).collect()),
                    other => (dtype_of(other)?, Vec::new()),
                };
                fields.push(Field { name: m.name.clone(), dtype, offset: m.offset, shape });
            }
            DType::new(Kind::Struct(Rc::new(StructLayout { fields, itemsize: *size })))
        }
        TypeDescription::Array { .. } => {
            return Err(Exc::not_implemented("h5py dtypes of HDF5 array types outside compounds (subarray dtypes)"));
        }
        TypeDescription::Time { .. } => return Err(Exc::type_error("No NumPy equivalent for TypeTimeID exists")),
    })
}

/// h5py reads a compound of two equal floats named `r` and `i` as complex.
fn complex_compound(size: usize, members: &[Member]) -> PyResult<Option<DType>> {
    if let [re, im] = members {
        if let (TypeDescription::Float { size: a, order }, TypeDescription::Float { size: b, .. }) = (&re.ty, &im.ty) {
            if re.name == "r" && im.name == "i" && a == b && re.offset == 0 && im.offset == *a && size == 2 * a && (*a == 4 || *a == 8) {
                let kind = if *a == 4 { Kind::Complex64 } else { Kind::Complex128 };
                return Ok(Some(with_order(DType::new(kind), *order)?));
            }
        }
    }
    Ok(None)
}

/// The dtype of an HDF5 type as h5py reads data of it: a top-level array type becomes
/// its base dtype and extra trailing axes (`(dtype, subshape)`), anything else has no
/// subshape.
pub fn read_dtype_of(desc: &TypeDescription) -> PyResult<(DType, Vec<usize>)> {
    match desc {
        TypeDescription::Array { base, dims } => Ok((dtype_of(base)?, dims.iter().map(|&d| d as usize).collect())),
        other => Ok((dtype_of(other)?, Vec::new())),
    }
}

/// The same dtype as NumPy's builtin one (h5py's fast reads make arrays of builtin
/// dtypes: `dtype('float64')`, not the dataset's `dtype('<f8')`).
pub fn builtin_dtype(dtype: &DType) -> DType {
    if dtype.has_explicit_order() {
        dtype.clone().with_byteorder('<').unwrap_or_else(|_| dtype.clone())
    } else {
        dtype.clone()
    }
}

/// The tag h5py gives an opaque type it makes: `NUMPY:` and the dtype's `.str`.
fn opaque_tag(dtype: &DType) -> String {
    format!("NUMPY:{}", dtype.type_str())
}
