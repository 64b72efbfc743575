//! Bulk transfers in blocks: a large read or write of a numeric selection is split
//! along the selection's first axis into HDF5 calls of about [`BLOCK_BYTES`] each,
//! and the interrupt flag (Ctrl-C, a Jupyter interrupt) is checked between them.
//!
//! What an interrupt does: HDF5 calls are never cut short, so a Ctrl-C is seen when
//! the block in flight ends (a few milliseconds on a local disk, longer for a
//! compressed block on a slow one). An interrupted read raises KeyboardInterrupt and
//! produces no array; an interrupted write raises KeyboardInterrupt after the blocks
//! before it reached the file (the rest of the selection keeps its old values), as
//! an h5py write interrupted between two chunks would. Transfers of one block or
//! less are a single HDF5 call, as before.

use std::ops::Range;

use super::select::Hyperslab;
use crate::eval::Interp;
use crate::hdf5::dataspace::SelectOp;
use crate::hdf5::plist::Layout;
use crate::hdf5::{Dataset, Dataspace};
use crate::value::exception::{Exc, PyResult};

/// About how many bytes of memory one HDF5 call of a blocked transfer covers.
pub const BLOCK_BYTES: usize = 16 << 20;

/// One HDF5 call of a transfer: file selection, memory space (None: the whole dataset
/// both sides) and the byte range of the memory buffer it covers.
pub type Step<'a> = dyn FnMut(Option<&Dataspace>, Option<&Dataspace>, Range<usize>) -> crate::hdf5::Result<()> + 'a;

/// Moves the selection `slab` of `ds` (None: everything) whose C-order memory image
/// is `total_bytes` long (elements of `itemsize` bytes), calling `step` once, or once
/// per block with interrupt checks between blocks.
pub fn transfer(vm: &mut Interp, ds: &Dataset, slab: Option<&Hyperslab>, itemsize: usize, total_bytes: usize, step: &mut Step<'_>) -> PyResult<()> {
    if total_bytes > BLOCK_BYTES {
        let whole;
        let slab = match slab {
            Some(s) => s,
            None => {
                whole = Hyperslab::all(&ds.space().and_then(|s| s.dims()).map_err(Exc::from_hdf5)?);
                &whole
            }
        };
        if slab.count.first().is_some_and(|&n| n > 1) {
            return in_blocks(vm, ds, slab, itemsize, step);
        }
    }
    let (file_space, mem_space) = spaces(vm, ds, slab)?;
    step(file_space.as_ref(), mem_space.as_ref(), 0..total_bytes).map_err(Exc::from_hdf5)
}

/// The file and memory dataspaces of a hyperslab of `ds` (None: everything).
pub fn spaces(vm: &Interp, ds: &Dataset, slab: Option<&Hyperslab>) -> PyResult<(Option<Dataspace>, Option<Dataspace>)> {
    let Some(slab) = slab else { return Ok((None, None)) };
    let file_space = ds.space().map_err(Exc::from_hdf5)?;
    file_space
        .select_hyperslab(SelectOp::Set, &slab.start, Some(&slab.step), &slab.count, None)
        .map_err(Exc::from_hdf5)?;
    let mem_space = Dataspace::simple(vm.lib(), &[slab.size()], None).map_err(Exc::from_hdf5)?;
    Ok((Some(file_space), Some(mem_space)))
}

/// How many rows (along the first axis) one block of `slab` takes: about
/// [`BLOCK_BYTES`], rounded up to whole chunks of a chunked dataset read with step 1,
/// so that no chunk is decompressed (or, writing, recompressed) twice.
fn rows_per_block(ds: &Dataset, slab: &Hyperslab, row_bytes: usize) -> PyResult<usize> {
    let rows = (BLOCK_BYTES / row_bytes.max(1)).max(1);
    if slab.step[0] != 1 {
        return Ok(rows);
    }
    let dcpl = ds.create_plist().map_err(Exc::from_hdf5)?;
    if dcpl.layout().map_err(Exc::from_hdf5)? != Layout::Chunked {
        return Ok(rows);
    }
    let chunk = dcpl.chunk().map_err(Exc::from_hdf5)?.first().copied().unwrap_or(1).max(1) as usize;
    Ok(rows.div_ceil(chunk) * chunk)
}

fn in_blocks(vm: &mut Interp, ds: &Dataset, slab: &Hyperslab, itemsize: usize, step: &mut Step<'_>) -> PyResult<()> {
    let rows = slab.count[0] as usize;
    let row_elems = slab.count[1..].iter().product::<u64>() as usize;
    let row_bytes = row_elems * itemsize;
    let per_block = rows_per_block(ds, slab, row_bytes)?;
    let file_space = ds.space().map_err(Exc::from_hdf5)?;
    let mut start = slab.start.clone();
    let mut count = slab.count.clone();
    let mut row = 0;
    while row < rows {
        vm.check_interrupt()?;
        let n = per_block.min(rows - row);
        start[0] = slab.start[0] + row as u64 * slab.step[0];
        count[0] = n as u64;
        file_space.select_hyperslab(SelectOp::Set, &start, Some(&slab.step), &count, None).map_err(Exc::from_hdf5)?;
        let mem_space = Dataspace::simple(vm.lib(), &[(n * row_elems) as u64], None).map_err(Exc::from_hdf5)?;
        step(Some(&file_space), Some(&mem_space), row * row_bytes..(row + n) * row_bytes).map_err(Exc::from_hdf5)?;
        row += n;
    }
    Ok(())
}
