//! h5dump `-p`: a dataset's storage layout, filters, fill value and allocation time
//! (`h5tools_dump_dcpl`).

use crate::hdf5::datatype::Datatype;
use crate::hdf5::plist::{AllocTime, FillTime, FillValueStatus, Layout};
use crate::hdf5::vardata::Detached;
use crate::hdf5::{Dataset, PropertyList, Result};

use super::layout::{render_line, Ctx, Format, Out};
use super::values::{sprint, ValueCtx};

fn filter_lines(out: &mut Out, fmt: &Format, ctx: &mut Ctx, dcpl: &PropertyList) -> Result<()> {
    let filters = dcpl.filters()?;
    if filters.is_empty() {
        render_line(out, fmt, ctx, b"NONE");
        return Ok(());
    }
    for f in filters {
        let first = f.values.first().copied().unwrap_or(0) as i32;
        match f.id {
            1 => render_line(out, fmt, ctx, format!("COMPRESSION DEFLATE {{ LEVEL {first} }}").as_bytes()),
            2 => render_line(out, fmt, ctx, b"PREPROCESSING SHUFFLE"),
            3 => render_line(out, fmt, ctx, b"CHECKSUM FLETCHER32"),
            4 => {
                let mask = first as u32;
                let ppb = f.values.get(1).copied().unwrap_or(0) as i32;
                render_line(out, fmt, ctx, b"COMPRESSION SZIP {");
                ctx.indent_level += 1;
                render_line(out, fmt, ctx, format!("PIXELS_PER_BLOCK {ppb}").as_bytes());
                let mode: &[u8] = if mask & 2 != 0 {
                    b"MODE HARDWARE"
                } else if mask & 1 != 0 {
                    b"MODE K13"
                } else {
                    b""
                };
                render_line(out, fmt, ctx, mode);
                let coding: &[u8] = if mask & 4 != 0 {
                    b"CODING ENTROPY"
                } else if mask & 32 != 0 {
                    b"CODING NEAREST NEIGHBOUR"
                } else {
                    b""
                };
                render_line(out, fmt, ctx, coding);
                let order: &[u8] = if mask & 8 != 0 {
                    b"BYTE_ORDER LSB"
                } else if mask & 16 != 0 {
                    b"BYTE_ORDER MSB"
                } else {
                    b""
                };
                render_line(out, fmt, ctx, order);
                if mask & 128 != 0 {
                    render_line(out, fmt, ctx, b"HEADER RAW");
                }
                ctx.indent_level -= 1;
                render_line(out, fmt, ctx, b"}");
            }
            5 => render_line(out, fmt, ctx, b"COMPRESSION NBIT"),
            6 => render_line(out, fmt, ctx, format!("COMPRESSION SCALEOFFSET {{ MIN BITS {first} }}").as_bytes()),
            id => {
                render_line(out, fmt, ctx, b"USER_DEFINED_FILTER {");
                ctx.indent_level += 1;
                render_line(out, fmt, ctx, format!("FILTER_ID {id}").as_bytes());
                if !f.name.is_empty() {
                    render_line(out, fmt, ctx, format!("COMMENT {}", f.name).as_bytes());
                }
                if !f.values.is_empty() {
                    let mut line = "PARAMS { ".to_string();
                    for v in &f.values {
                        line.push_str(&format!("{} ", *v as i32));
                    }
                    line.push('}');
                    render_line(out, fmt, ctx, line.as_bytes());
                }
                ctx.indent_level -= 1;
                render_line(out, fmt, ctx, b"}");
            }
        }
    }
    Ok(())
}

/// The `-p` blocks of a dataset.
pub fn dump_dcpl(
    out: &mut Out,
    fmt: &Format,
    ctx: &mut Ctx,
    dcpl: &PropertyList,
    ty: &Datatype,
    dset: &Dataset,
) -> Result<()> {
    let storage = dset.storage_size()?;
    let nfilters = dcpl.filter_count().unwrap_or(0);
    render_line(out, fmt, ctx, b"STORAGE_LAYOUT {");
    let layout = dcpl.layout();
    ctx.indent_level += 1;
    match layout {
        Ok(Layout::Chunked) => {
            let chunk = dcpl.chunk()?;
            let dims: Vec<String> = chunk.iter().map(|d| d.to_string()).collect();
            render_line(out, fmt, ctx, format!("CHUNKED ( {} )", dims.join(", ")).as_bytes());
            let space = dset.space()?;
            let shape = space.dims()?;
            let line = if nfilters > 0 && !shape.is_empty() {
                let uncompressed = shape.iter().product::<u64>() as f64 * ty.size()? as f64;
                let ratio = if storage != 0 { uncompressed / storage as f64 } else { 0.0 };
                format!("SIZE {storage} ({ratio:.3}:1 COMPRESSION)")
            } else {
                format!("SIZE {storage}")
            };
            render_line(out, fmt, ctx, line.as_bytes());
        }
        Ok(Layout::Compact) => {
            render_line(out, fmt, ctx, b"COMPACT");
            render_line(out, fmt, ctx, format!("SIZE {storage}").as_bytes());
        }
        Ok(Layout::Contiguous) => {
            let externals = dcpl.external_files().unwrap_or_default();
            render_line(out, fmt, ctx, b"CONTIGUOUS");
            if externals.is_empty() {
                render_line(out, fmt, ctx, format!("SIZE {storage}").as_bytes());
                let offset = dset.offset()?;
                let line = if offset == crate::hdf5::dataset::UNDEFINED_ADDRESS {
                    "OFFSET HADDR_UNDEF".to_string()
                } else {
                    format!("OFFSET {offset}")
                };
                render_line(out, fmt, ctx, line.as_bytes());
            } else {
                render_line(out, fmt, ctx, b"EXTERNAL {");
                ctx.indent_level += 1;
                for (name, offset, size) in externals {
                    render_line(out, fmt, ctx, format!("FILENAME {name} SIZE {size} OFFSET {offset}").as_bytes());
                }
                ctx.indent_level -= 1;
                render_line(out, fmt, ctx, b"}");
            }
        }
        _ => {
            ctx.indent_level -= 1;
            render_line(out, fmt, ctx, b"Unknown layout");
            ctx.indent_level += 1;
        }
    }
    ctx.indent_level -= 1;
    render_line(out, fmt, ctx, b"}");
    render_line(out, fmt, ctx, b"FILTERS {");
    ctx.indent_level += 1;
    filter_lines(out, fmt, ctx, dcpl)?;
    ctx.indent_level -= 1;
    render_line(out, fmt, ctx, b"}");
    render_line(out, fmt, ctx, b"FILLVALUE {");
    ctx.indent_level += 1;
    let fill_time = match dcpl.fill_time() {
        Ok(FillTime::Alloc) => "H5D_FILL_TIME_ALLOC",
        Ok(FillTime::Never) => "H5D_FILL_TIME_NEVER",
        Ok(FillTime::IfSet) => "H5D_FILL_TIME_IFSET",
        Err(_) => "INVALID",
    };
    render_line(out, fmt, ctx, format!("FILL_TIME {fill_time}").as_bytes());
    let mut line = b"VALUE  ".to_vec();
    match dcpl.fill_value_status() {
        Ok(FillValueStatus::Undefined) => line.extend_from_slice(b"H5D_FILL_VALUE_UNDEFINED"),
        Ok(FillValueStatus::Default) => line.extend_from_slice(b"H5D_FILL_VALUE_DEFAULT"),
        Ok(FillValueStatus::UserDefined) => {
            let native = ty.native()?;
            let mem = native.describe()?;
            if let Ok(bytes) = dcpl.fill_value(&native) {
                let heap = Detached::default();
                let mut vc = ValueCtx::new(fmt, &heap, None, ctx.indent_level - 1);
                sprint(&mut line, &mem, &bytes, &mut vc);
            }
        }
        Err(_) => line.extend_from_slice(b"INVALID"),
    }
    render_line(out, fmt, ctx, &line);
    ctx.indent_level -= 1;
    render_line(out, fmt, ctx, b"}");
    render_line(out, fmt, ctx, b"ALLOCATION_TIME {");
    ctx.indent_level += 1;
    let alloc = match dcpl.alloc_time() {
        Ok(AllocTime::Early) => "H5D_ALLOC_TIME_EARLY",
        Ok(AllocTime::Incremental) => "H5D_ALLOC_TIME_INCR",
        Ok(AllocTime::Late) => "H5D_ALLOC_TIME_LATE",
        _ => "INVALID",
    };
    render_line(out, fmt, ctx, alloc.as_bytes());
    ctx.indent_level -= 1;
    render_line(out, fmt, ctx, b"}");
    Ok(())
}
