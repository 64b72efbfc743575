//! The `DATA { ... }` block of a dataset or attribute (`h5tools_dump_data`): elements
//! read as the native memory type, in HDF5's strip-mined blocks, each rendered and laid
//! out with index prefixes; reference data one reference per line with what it points to.

use crate::hdf5::datatype::{Datatype, ReferenceKind, TypeClass, TypeDescription};
use crate::hdf5::dataspace::{SelectOp, SpaceClass};
use crate::hdf5::ident::IdType;
use crate::hdf5::object::{self, ObjectType};
use crate::hdf5::typeinfo::class_from_code;
use crate::hdf5::vardata::Detached;
use crate::hdf5::{reference, Attribute, Dataset, Dataspace, Handle, Library, Result};

use super::layout::{render_element, simple_prefix, Ctx, Format, IndexStyle, Out};
use super::tables::Tables;
use super::values::{sprint, ReferenceText, ValueCtx};

/// HDF5's tools read datasets in blocks of at most this many bytes (`H5TOOLS_BUFSIZE`).
const STRIP_BYTES: u64 = 32 * 1024 * 1024;

/// A dataset or an attribute.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// A dataset's data.
    Dataset(&'a Dataset),
    /// An attribute's data.
    Attribute(&'a Attribute),
}

impl Source<'_> {
    fn datatype(&self) -> Result<Datatype> {
        match self {
            Source::Dataset(d) => d.datatype(),
            Source::Attribute(a) => a.datatype(),
        }
    }

    fn space(&self) -> Result<Dataspace> {
        match self {
            Source::Dataset(d) => d.space(),
            Source::Attribute(a) => a.space(),
        }
    }

    fn handle(&self) -> &Handle {
        match self {
            Source::Dataset(d) => d.handle(),
            Source::Attribute(a) => a.handle(),
        }
    }
}

/// Options of the data block.
#[derive(Debug, Clone, Copy)]
pub struct DataOptions {
    /// Print `(i,j): ` prefixes (h5dump's default; `-y` turns them off).
    pub display_index: bool,
    /// Print 1-byte integers as a string (`-r`).
    pub display_char: bool,
}

/// Shows references as HDF5's tools do: `DATASET 1400 /x` style for references inside
/// other types.
pub struct RefPrinter<'a> {
    /// Any object of the file the references were read from.
    pub container: &'a Handle,
    /// The file's object tables: a referenced object is named by its first path.
    pub tables: Option<&'a Tables>,
}

fn kind_word(kind: ObjectType) -> &'static str {
    match kind {
        ObjectType::Group => "GROUP",
        ObjectType::Dataset => "DATASET",
        ObjectType::NamedDatatype => "DATATYPE",
        _ => "UNKNOWN",
    }
}

impl ReferenceText for RefPrinter<'_> {
    fn reference_text(&self, kind: ReferenceKind, raw: &[u8]) -> Vec<u8> {
        match kind {
            ReferenceKind::Object => match reference::dereference(self.container, kind, raw) {
                Ok(obj) => {
                    let info = object::info(&obj);
                    match info {
                        Ok(info) => {
                            let name = self
                                .tables
                                .and_then(|t| t.name_of(&info.token))
                                .map(str::to_string)
                                .or_else(|| reference::referenced_name(self.container, kind, raw).ok())
                                .unwrap_or_default(); format!("{} {} \"{}\"", kind_word(info.kind), info.address(), name).into_bytes()
                        }
                        Err(_) => b"<unknown>".to_vec(),
                    }
                }
                Err(_) => b"<unknown>".to_vec(),
            },
            ReferenceKind::Region => {
                let by_table = reference::dereference(self.container, kind, raw)
                    .ok()
                    .and_then(|obj| object::info(&obj).ok())
                    .and_then(|info| self.tables.and_then(|t| t.name_of(&info.token)).map(str::to_string));
                let name = by_table
                    .or_else(|| reference::referenced_name(self.container, kind, raw).ok())
                    .unwrap_or_default();
                format!("DATASET \"{name}\"").into_bytes()
            }
            ReferenceKind::Standard => b"<unknown>".to_vec(),
        }
    }
}

/// Prints `DATA { ... }` for a dataset or attribute at `ctx`'s indentation; `known`
/// is the source's file type and space when the caller has them open already.
#[allow(clippy::too_many_arguments)]
pub fn dump_data(
    out: &mut Out,
    lib: &Library,
    fmt: &Format,
    ctx: &mut Ctx,
    source: Source,
    opts: DataOptions,
    tables: Option<&Tables>,
    known: Option<(&Datatype, &Dataspace)>,
) -> Result<()> {
    // The caller usually has the type and space already (one HDF5 copy each saved).
    let fetched;
    let (f_type, space) = match known {
        Some((ty, space)) => (ty, space),
        None => {
            fetched = (source.datatype()?, source.space()?);
            (&fetched.0, &fetched.1)
        }
    };
    let mut data_fmt = fmt.clone();
    data_fmt.pindex = opts.display_index;
    if data_fmt.pindex {
        data_fmt.idx = IndexStyle::Paren;
        data_fmt.line_pre_keep = true;
    }
    ctx.need_prefix = true;
    render_element(out, fmt, ctx, b"DATA {", 0, 0);

    let class = class_from_code(f_type.class_code());
    let status;
    if class == Some(TypeClass::Reference) {
        ctx.indent_level += 1;
        let mut datactx = ctx.clone();
        status = dump_references(out, lib, fmt, &mut datactx, source, f_type, space, opts, tables);
        ctx.indent_level -= 1;
    } else {
        let mut datactx = ctx.clone();
        let as_string = opts.display_char && f_type.size()? == 1 && class == Some(TypeClass::Integer);
        if as_string {
            data_fmt.idx = IndexStyle::Quote;
            datactx.indent_level += 1;
            datactx.need_prefix = true;
            simple_prefix(out, &data_fmt, &mut datactx, 0, 0);
            data_fmt.line_multi_new = true;
            data_fmt.str_repeat = 8;
            data_fmt.ascii = true;
            data_fmt.elmt_suf1 = b"";
            data_fmt.elmt_suf2 = b"";
            data_fmt.line_suf = b"\"";
        } else {
            datactx.need_prefix = true;
        }
        status = match source {
            Source::Dataset(dset) => dump_dataset_values(out, lib, &data_fmt, &mut datactx, dset, f_type, space, tables),
            Source::Attribute(attr) => match space.class() {
                Ok(SpaceClass::Null) | Err(_) => Ok(()),
                Ok(_) => dump_attribute_values(out, lib, &data_fmt, &mut datactx, attr, f_type, space, tables),
            },
        };
        if as_string {
            datactx.need_prefix = false;
            data_fmt.arr_linebreak = false;
            data_fmt.idx = IndexStyle::None;
            data_fmt.line_multi_new = false;
            data_fmt.line_suf = b"";
            render_element(out, &data_fmt, &mut datactx, b"\"", 0, 0);
        }
    }
    ctx.need_prefix = true;
    simple_prefix(out, fmt, ctx, 0, 0);
    render_element(out, fmt, ctx, b"}", 0, 0);
    status
}

/// Prints elements already read (`h5tools_dump_simple_data`).
#[allow(clippy::too_many_arguments)]
fn dump_simple_data(
    out: &mut Out,
    fmt: &Format,
    ctx: &mut Ctx,
    mem: &TypeDescription,
    size: usize,
    data: &Detached,
    refs: &dyn ReferenceText,
    last_block: bool,
) {
    let nelmts = if size == 0 { 0 } else { data.bytes.len() / size };
    let mut buf = Vec::with_capacity(64);
    let mut elmt_counter: u64 = 0;
    for i in 0..nelmts {
        buf.clear();
        let mut vc = ValueCtx::new(fmt, data, Some(refs), ctx.indent_level);
        sprint(&mut buf, mem, &data.bytes[i * size..(i + 1) * size], &mut vc);
        if i + 1 < nelmts || !last_block {
            buf.extend_from_slice(fmt.elmt_suf1);
        }
        if !render_element(out, fmt, ctx, &buf, i as u64, elmt_counter) {
            elmt_counter = 0;
        }
        ctx.cur_elmt += 1;
        elmt_counter += 1;
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn dump_dataset_values(
    out: &mut Out,
    lib: &Library,
    fmt: &Format,
    ctx: &mut Ctx,
    dset: &Dataset,
    f_type: &Datatype,
    space: &Dataspace,
    tables: Option<&Tables>,
) -> Result<()> {
    if space.class()? == SpaceClass::Null {
        return Ok(());
    }
    let p_type = f_type.native()?;
    let mem = p_type.describe()?;
    let p_size = p_type.size()?;
    let dims = space.dims()?;
    let ndims = dims.len();
    ctx.init_acc(&dims);
    let total: u64 = dims.iter().product();
    ctx.size_last_dim = dims.last().copied().unwrap_or(0);
    if total == 0 {
        return Ok(());
    }
    let refs = RefPrinter { container: dset.handle(), tables };
    if ndims == 0 {
        let data = dset.read_detached(lib, &p_type, None)?;
        ctx.sm_pos = 0;
        dump_simple_data(out, fmt, ctx, &mem, p_size, &data, &refs, true);
        return Ok(());
    }
    // The strip-mine shape: as many whole trailing rows as fit in the buffer.
    let mut sm_size = vec![0u64; ndims];
    let mut sm_nbytes = p_size as u64;
    for i in (0..ndims).rev() {
        let fit = (STRIP_BYTES / sm_nbytes.max(1)).max(1);
        sm_size[i] = dims[i].min(fit);
        sm_nbytes = sm_nbytes.saturating_mul(sm_size[i].max(1));
    }
    let mut offset = vec![0u64; ndims];
    let mut elmtno = 0u64;
    while elmtno < total {
        let count: Vec<u64> = (0..ndims).map(|i| (dims[i] - offset[i]).min(sm_size[i])).collect();
        let n: u64 = count.iter().product();
        let data = if n == total {
            // One block holds everything: read the whole extent, no selection needed.
            dset.read_detached(lib, &p_type, None)?
        } else {
            let file_space = space.copy()?;
            file_space.select_hyperslab(SelectOp::Set, &offset, None, &count, None)?;
            dset.read_detached(lib, &p_type, Some(&file_space))?
        };
        ctx.sm_pos = elmtno;
        dump_simple_data(out, fmt, ctx, &mem, p_size, &data, &refs, elmtno + n >= total);
        // Next block, carrying from the last dimension.
        for i in (0..ndims).rev() {
            offset[i] += count[i];
            if offset[i] == dims[i] {
                offset[i] = 0;
            } else {
                break;
            }
        }
        ctx.continuation += 1;
        elmtno += n.max(1);
    }
    Ok(())
}

fn dump_attribute_values(
    out: &mut Out,
    lib: &Library,
    fmt: &Format,
    ctx: &mut Ctx,
    attr: &Attribute,
    f_type: &Datatype,
    space: &Dataspace,
    tables: Option<&Tables>,
) -> Result<()> {
    let dims = space.dims()?;
    ctx.init_acc(&dims);
    ctx.size_last_dim = dims.last().copied().unwrap_or(0);
    if space.element_count()? == 0 {
        return Ok(());
    }
    let p_type = f_type.native()?;
    let mem = p_type.describe()?;
    let data = attr.read_detached(lib, &p_type)?;
    let refs = RefPrinter { container: attr.handle(), tables };
    dump_simple_data(out, fmt, ctx, &mem, p_type.size()?, &data, &refs, true);
    Ok(())
}

/// Reference data: each reference on a line of its own, then what it points to
/// (`h5tools_dump_reference`).
#[allow(clippy::too_many_arguments)]
fn dump_references(
    out: &mut Out,
    lib: &Library,
    fmt: &Format,
    ctx: &mut Ctx,
    source: Source,
    f_type: &Datatype,
    space: &Dataspace,
    opts: DataOptions,
    tables: Option<&Tables>,
) -> Result<()> {
    let kind = if f_type.equals_predefined("H5T_STD_REF_OBJ") {
        ReferenceKind::Object
    } else if f_type.equals_predefined("H5T_STD_REF_DSETREG") {
        ReferenceKind::Region
    } else {
        return Ok(());
    };
    let dims = space.dims()?;
    ctx.init_acc(&dims);
    ctx.need_prefix = true;
    let n = space.element_count()? as usize;
    if n == 0 {
        return Ok(());
    }
    let data = match source {
        Source::Dataset(d) => d.read_detached(lib, f_type, None)?,
        Source::Attribute(a) => a.read_detached(lib, f_type)?,
    };
    let size = if kind == ReferenceKind::Object { 8 } else { 12 };
    let container = source.handle();
    let printer = RefPrinter { container, tables };
    for i in 0..n {
        let raw = data.bytes.get(i * size..(i + 1) * size).unwrap_or(&[]);
        ctx.need_prefix = true;
        let null = raw.iter().all(|&b| b == 0);
        let text = if null { b"NULL".to_vec() } else { printer.reference_text(kind, raw) };
        render_element(out, fmt, ctx, &text, i as u64, n as u64);
        if !null {
            if let Ok(target) = reference::dereference(container, kind, raw) {
                if kind == ReferenceKind::Region {
                    dump_region(out, fmt, ctx, container, &target, raw, i as u64, n as u64, tables)?;
                } else {
                    ctx.indent_level += 1;
                    match target.id_type() {
                        IdType::Dataset => {
                            if let Some(dset) = Dataset::from_handle(target) {
                                dump_data(out, lib, fmt, ctx, Source::Dataset(&dset), opts, tables, None)?;
                            }
                        }
                        _ => {
                            ctx.need_prefix = true;
                            render_element(out, fmt, ctx, b"DATA {", 0, 0);
                            ctx.need_prefix = true;
                            simple_prefix(out, fmt, ctx, 0, 0);
                            render_element(out, fmt, ctx, b"}", 0, 0);
                        }
                    }
                    ctx.indent_level -= 1;
                }
            }
        }
        ctx.cur_elmt += 1;
    }
    Ok(())
}

/// A region reference's selection: ` {`, `REGION_TYPE BLOCK (..)-(..)` or `POINT (..)`,
/// the dataset's type and space, `}` (`h5tools_dump_region_data_blocks/points`).
#[allow(clippy::too_many_arguments)]
fn dump_region(
    out: &mut Out,
    fmt: &Format,
    ctx: &mut Ctx,
    container: &Handle,
    target: &Handle,
    raw: &[u8],
    index: u64,
    count: u64,
    tables: Option<&Tables>,
) -> Result<()> {
    use crate::hdf5::dataspace::SelectionKind;
    let region = reference::region(container, raw)?;
    let mut text = Vec::new();
    match region.selection_kind()? {
        SelectionKind::Hyperslabs => {
            text.extend_from_slice(b"REGION_TYPE BLOCK  ");
            for (k, (start, end)) in region.hyperslab_blocks()?.iter().enumerate() {
                if k > 0 {
                    text.extend_from_slice(b",\x01 ");
                }
                let s: Vec<String> = start.iter().map(|v| v.to_string()).collect();
                let e: Vec<String> = end.iter().map(|v| v.to_string()).collect();
                text.extend_from_slice(format!("({})-({})", s.join(","), e.join(",")).as_bytes());
            }
        }
        SelectionKind::Points => {
            text.extend_from_slice(b"REGION_TYPE POINT  ");
            for (k, point) in region.selected_points()?.iter().enumerate() {
                if k > 0 {
                    text.extend_from_slice(b",\x01 ");
                }
                let p: Vec<String> = point.iter().map(|v| v.to_string()).collect();
                text.extend_from_slice(format!("({})", p.join(",")).as_bytes());
            }
        }
        _ => return Ok(()),
    }
    render_element(out, fmt, ctx, b" {", index, count);
    ctx.indent_level += 1;
    ctx.need_prefix = true;
    render_element(out, fmt, ctx, &text, index, count);
    if let Some(dset) = Dataset::from_handle(target.clone()) {
        ctx.need_prefix = true;
        let mut buf = b"DATATYPE  ".to_vec();
        super::types::print_datatype(out, fmt, ctx, &mut buf, &dset.datatype()?, true, tables)?;
        render_element(out, fmt, ctx, &buf, index, count);
    }
    ctx.need_prefix = true;
    let mut buf = b"DATASPACE  ".to_vec();
    buf.extend_from_slice(super::dump::dataspace_text(&region)?.as_bytes());
    render_element(out, fmt, ctx, &buf, index, count);
    ctx.indent_level -= 1;
    ctx.need_prefix = true;
    render_element(out, fmt, ctx, b"}", index, count);
    Ok(())
}
