//! Datatypes in DDL (`h5tools_print_datatype`): predefined names like `H5T_STD_I8LE`,
//! `H5T_STRING { ... }`, `H5T_COMPOUND { ... }`, `H5T_ENUM { ... }`, arrays, sequences,
//! references, and committed types by name.
//!
//! h5lab follows HDF5 2.0's tools where they differ from 1.10's: half-precision floats
//! are `H5T_IEEE_F16LE`/`BE` (1.10 describes them bit by bit) and a sequence's closing
//! brace has a space before it, `H5T_VLEN { H5T_STD_I32LE }` (1.10: `H5T_STD_I32LE}`).

use crate::hdf5::datatype::{ByteOrder, CharSet, Datatype, StrPad, TypeClass};
use crate::hdf5::typeinfo::class_from_code;
use crate::hdf5::{object, Result};

use super::layout::{render_element, simple_prefix, Ctx, Format, Out};
use super::tables::Tables;

const INTEGER_NAMES: &[&str] = &[
    "H5T_STD_I8BE",
    "H5T_STD_I8LE",
    "H5T_STD_I16BE",
    "H5T_STD_I16LE",
    "H5T_STD_I32BE",
    "H5T_STD_I32LE",
    "H5T_STD_I64BE",
    "H5T_STD_I64LE",
    "H5T_STD_U8BE",
    "H5T_STD_U8LE",
    "H5T_STD_U16BE",
    "H5T_STD_U16LE",
    "H5T_STD_U32BE",
    "H5T_STD_U32LE",
    "H5T_STD_U64BE",
    "H5T_STD_U64LE",
    "H5T_NATIVE_SCHAR",
    "H5T_NATIVE_UCHAR",
    "H5T_NATIVE_SHORT",
    "H5T_NATIVE_USHORT",
    "H5T_NATIVE_INT",
    "H5T_NATIVE_UINT",
    "H5T_NATIVE_LONG",
    "H5T_NATIVE_ULONG",
    "H5T_NATIVE_LLONG",
    "H5T_NATIVE_ULLONG",
];

const FLOAT_NAMES: &[&str] = &[
    "H5T_IEEE_F16BE",
    "H5T_IEEE_F16LE",
    "H5T_IEEE_F32BE",
    "H5T_IEEE_F32LE",
    "H5T_IEEE_F64BE",
    "H5T_IEEE_F64LE",
    "H5T_VAX_F32",
    "H5T_VAX_F64",
    "H5T_NATIVE_FLOAT",
    "H5T_NATIVE_DOUBLE",
];

const BITFIELD_NAMES: &[&str] = &[
    "H5T_STD_B8BE",
    "H5T_STD_B8LE",
    "H5T_STD_B16BE",
    "H5T_STD_B16LE",
    "H5T_STD_B32BE",
    "H5T_STD_B32LE",
    "H5T_STD_B64BE",
    "H5T_STD_B64LE",
];

fn order_text(ty: &Datatype) -> &'static str {
    if ty.size().unwrap_or(0) <= 1 {
        return "";
    }
    match ty.order() {
        Ok(ByteOrder::Little) => " little-endian",
        Ok(ByteOrder::Big) => " big-endian",
        _ => " unknown-byte-order",
    }
}

/// The one-line name of an atomic type, as h5dump prints it (also used by `-p`).
fn atomic_name(ty: &Datatype, class: TypeClass) -> Option<String> {
    Some(match class {
        TypeClass::Integer => match ty.first_predefined(INTEGER_NAMES) {
            Some(name) => name.to_string(),
            None => {
                let sign = match ty.is_signed() {
                    Ok(true) => "",
                    Ok(false) => " unsigned",
                    Err(_) => " unknown-sign",
                };
                format!(
                    "{}-bit{}{} integer {}-bit precision",
                    8 * ty.size().unwrap_or(0),
                    order_text(ty),
                    sign,
                    ty.precision().unwrap_or(0)
                )
            }
        },
        TypeClass::Float => match ty.first_predefined(FLOAT_NAMES) {
            Some(name) => name.to_string(),
            None => format!(
                "{}-bit{} floating-point {}-bit precision",
                8 * ty.size().unwrap_or(0),
                order_text(ty),
                ty.precision().unwrap_or(0)
            ),
        },
        TypeClass::Bitfield => ty.first_predefined(BITFIELD_NAMES).unwrap_or("undefined bitfield").to_string(),
        TypeClass::Time => "H5T_TIME: not yet implemented".to_string(),
        TypeClass::Reference => {
            let name = if ty.equals_predefined("H5T_STD_REF_DSETREG") {
                "H5T_STD_REF_DSETREG"
            } else if ty.equals_predefined("H5T_STD_REF_OBJ") {
                "H5T_STD_REF_OBJECT"
            } else if ty.equals_predefined("H5T_STD_REF") {
                "H5T_STD_REF"
            } else {
                "UNDEFINED"
            };
            format!("H5T_REFERENCE {{ {name} }}")
        }
        TypeClass::Complex => {
            let base = ty.super_type().ok()?;
            match base.first_predefined(FLOAT_NAMES) {
                Some(name) if name.starts_with("H5T_IEEE_") => format!("H5T_COMPLEX_{}", &name[4..]),
                _ => format!(
                    "H5T_COMPLEX {{ {} }}",
                    atomic_name(&base, TypeClass::Float).unwrap_or_default()
                ),
            }
        }
        _ => return None,
    })
}

/// Appends the type's DDL to `buf`, rendering (and resetting `buf`) where the type
/// spans lines; on return `buf` holds the type's last line, not yet rendered.
pub fn print_datatype(
    out: &mut Out,
    fmt: &Format,
    ctx: &mut Ctx,
    buf: &mut Vec<u8>,
    ty: &Datatype,
    object_search: bool,
    tables: Option<&Tables>,
) -> Result<()> {
    if object_search && ty.is_committed().unwrap_or(false) {
        let info = object::info(ty.handle())?;
        match tables.and_then(|t| t.type_name(&info.token)) {
            Some(name) => {
                buf.push(b'"');
                buf.extend_from_slice(name.as_bytes());
                buf.push(b'"');
            }
            None => {
                buf.extend_from_slice(format!("\"/#{}\"", info.address()).as_bytes());
            }
        }
        return Ok(());
    }
    let Some(class) = class_from_code(ty.class_code()) else {
        buf.extend_from_slice(b"unknown datatype");
        return Ok(());
    };
    match class {
        TypeClass::String => print_string(out, fmt, ctx, buf, ty)?,
        TypeClass::Opaque => {
            buf.extend_from_slice(b"H5T_OPAQUE {");
            render_element(out, fmt, ctx, buf, 0, 0);
            ctx.indent_level += 1;
            ctx.need_prefix = true;
            buf.clear();
            buf.extend_from_slice(format!("OPAQUE_TAG \"{}\";", ty.tag()?).as_bytes());
            render_element(out, fmt, ctx, buf, 0, 0);
            ctx.indent_level -= 1;
            ctx.need_prefix = true;
            buf.clear();
            buf.push(b'}');
        }
        TypeClass::Compound => {
            buf.extend_from_slice(b"H5T_COMPOUND {");
            render_element(out, fmt, ctx, buf, 0, 0);
            ctx.indent_level += 1;
            for i in 0..ty.member_count()? {
                let name = ty.member_name(i)?;
                let member = ty.member_type(i)?;
                ctx.need_prefix = true;
                buf.clear();
                print_datatype(out, fmt, ctx, buf, &member, true, tables)?;
                buf.extend_from_slice(b" \"");
                buf.extend_from_slice(name.as_bytes());
                buf.extend_from_slice(b"\";");
                render_element(out, fmt, ctx, buf, 0, 0);
            }
            ctx.indent_level -= 1;
            ctx.need_prefix = true;
            buf.clear();
            buf.push(b'}');
        }
        TypeClass::Enum => {
            buf.extend_from_slice(b"H5T_ENUM {");
            render_element(out, fmt, ctx, buf, 0, 0);
            ctx.indent_level += 1;
            ctx.need_prefix = true;
            buf.clear();
            let base = ty.super_type()?;
            print_datatype(out, fmt, ctx, buf, &base, true, tables)?;
            buf.push(b';');
            render_element(out, fmt, ctx, buf, 0, 0);
            let unsigned = !base.is_signed().unwrap_or(true);
            for i in 0..ty.member_count()? {
                let name = ty.member_name(i)?;
                let value = ty.enum_value(i)?;
                ctx.need_prefix = true;
                simple_prefix(out, fmt, ctx, 0, 0);
                buf.clear();
                buf.push(b'"');
                buf.extend_from_slice(name.as_bytes());
                buf.push(b'"');
                let pad = 16usize.saturating_sub(name.len());
                buf.extend(std::iter::repeat_n(b' ', pad + 1));
                let text = if unsigned { (value as u64).to_string() } else { (value as i64).to_string() };
                buf.extend_from_slice(text.as_bytes());
                buf.push(b';');
                render_element(out, fmt, ctx, buf, 0, 0);
            }
            ctx.indent_level -= 1;
            ctx.need_prefix = true;
            buf.clear();
            buf.push(b'}');
        }
        TypeClass::VarLen => {
            buf.extend_from_slice(b"H5T_VLEN { ");
            print_datatype(out, fmt, ctx, buf, &ty.super_type()?, true, tables)?;
            buf.extend_from_slice(b" }");
        }
        TypeClass::Array => {
            buf.extend_from_slice(b"H5T_ARRAY { ");
            for d in ty.array_dims()? {
                buf.extend_from_slice(format!("[{d}]").as_bytes());
            }
            buf.push(b' ');
            print_datatype(out, fmt, ctx, buf, &ty.super_type()?, true, tables)?;
            buf.extend_from_slice(b" }");
        }
        other => {
            if let Some(name) = atomic_name(ty, other) {
                buf.extend_from_slice(name.as_bytes());
            }
        }
    }
    Ok(())
}

fn print_string(out: &mut Out, fmt: &Format, ctx: &mut Ctx, buf: &mut Vec<u8>, ty: &Datatype) -> Result<()> {
    let variable = ty.is_variable_string()?;
    let size = ty.size()?;
    buf.extend_from_slice(b"H5T_STRING {");
    render_element(out, fmt, ctx, buf, 0, 0);
    ctx.indent_level += 1;
    let lines = [
        if variable { "STRSIZE H5T_VARIABLE;".to_string() } else { format!("STRSIZE {size};") },
        format!(
            "STRPAD {};",
            match ty.strpad()? {
                StrPad::NullTerm => "H5T_STR_NULLTERM",
                StrPad::NullPad => "H5T_STR_NULLPAD",
                StrPad::SpacePad => "H5T_STR_SPACEPAD",
            }
        ),
        format!(
            "CSET {};",
            match ty.cset()? {
                CharSet::Ascii => "H5T_CSET_ASCII",
                CharSet::Utf8 => "H5T_CSET_UTF8",
            }
        ),
        format!("CTYPE {};", ty.string_ctype()?),
    ];
    for line in lines {
        ctx.need_prefix = true;
        buf.clear();
        buf.extend_from_slice(line.as_bytes());
        render_element(out, fmt, ctx, buf, 0, 0);
    }
    ctx.indent_level -= 1;
    ctx.need_prefix = true;
    buf.clear();
    buf.push(b'}');
    Ok(())
}

/// `DATATYPE  <type>` on a line of its own (`h5tools_dump_datatype`).
pub fn dump_datatype(out: &mut Out, fmt: &Format, ctx: &mut Ctx, ty: &Datatype, tables: Option<&Tables>) -> Result<()> {
    ctx.need_prefix = true;
    let mut buf = b"DATATYPE  ".to_vec();
    print_datatype(out, fmt, ctx, &mut buf, ty, true, tables)?;
    render_element(out, fmt, ctx, &buf, 0, 0);
    Ok(())
}
