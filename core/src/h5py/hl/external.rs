//! `create_dataset(external=...)`: raw data in external files, as h5py's
//! `filters._normalize_external` accepts it — one file name (the whole file, from
//! offset 0, unlimited), or `(name, offset, size)` tuples.

use crate::eval::Interp;
use crate::hdf5::plist::PropertyList;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;

/// One external file: name, offset, size in bytes (`u64::MAX` for unlimited).
pub type Entry = (Vec<u8>, i64, u64);

/// `H5F_UNLIMITED`: the external file may grow without bound.
const UNLIMITED: u64 = u64::MAX;

/// The external files `external=` names (none for None).
pub fn entries(vm: &mut Interp, external: Option<&Value>) -> PyResult<Vec<Entry>> {
    let Some(external) = external.filter(|v| !matches!(v, Value::None)) else { return Ok(Vec::new()) };
    if let Value::Str(_) | Value::Bytes(_) = external {
        return Ok(vec![(super::file::filename_encode(vm, external)?, 0, UNLIMITED)]);
    }
    let mut out = Vec::new();
    for entry in vm.collect(external)? {
        out.push(entry_of(vm, &entry)?);
    }
    Ok(out)
}

fn entry_of(vm: &mut Interp, entry: &Value) -> PyResult<Entry> {
    let Value::Tuple(items) = entry else {
        return Err(Exc::type_error("Each external entry must be a tuple of (name, offset, size)"));
    };
    match items.len() {
        3 => {}
        n if n < 3 => return Err(Exc::value_error(format!("not enough values to unpack (expected 3, got {n})"))),
        _ => return Err(Exc::value_error("too many values to unpack (expected 3)")),
    }
    let name = super::file::filename_encode(vm, &items[0])?;
    let offset = vm.index_value(&items[1], "an integer is required")?;
    let size = vm.index_value(&items[2], "an integer is required")?;
    Ok((name, offset, size as u64))
}

/// Adds the entries to a dataset creation property list (`H5Pset_external`).
pub fn apply(dcpl: &PropertyList, entries: &[Entry]) -> PyResult<()> {
    for (name, offset, size) in entries {
        dcpl.add_external(name, *offset, *size).map_err(Exc::from_hdf5)?;
    }
    Ok(())
}
