//! `h5py.File`'s file space options: `fs_strategy`, `fs_persist`, `fs_threshold`,
//! `fs_page_size` (file creation) and `page_buf_size`, `min_meta_keep`,
//! `min_raw_keep` (file access), checked as h5py's `make_fcpl`/`make_fapl` check them.

use crate::eval::Interp;
use crate::hdf5::plist::PropertyList;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;

fn given(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !matches!(v, Value::None))
}

/// `int(value)` as a non-negative size, or the default.
fn size(vm: &mut Interp, value: Option<&Value>, default: u64) -> PyResult<u64> {
    match given(value) {
        None => Ok(default),
        Some(v) => {
            let n = vm.index_value(v, "an integer is required")?;
            if n < 0 {
                return Err(Exc::overflow("can't convert negative value to hsize_t"));
            }
            Ok(n as u64)
        }
    }
}

/// Applies `fs_strategy` (with `fs_persist`, `fs_threshold`, `fs_page_size`) to a
/// file creation property list.
pub fn apply_strategy(
    vm: &mut Interp,
    fcpl: &PropertyList,
    strategy: Option<&Value>,
    persist: Option<&Value>,
    threshold: Option<&Value>,
    page_size: Option<&Value>,
) -> PyResult<()> {
    let Some(strategy) = given(strategy) else { return Ok(()) };
    if !vm.truthy(strategy)? {
        return Ok(());
    }
    let code = match strategy {
        Value::Str(s) if &**s == "fsm" => 0,
        Value::Str(s) if &**s == "page" => 1,
        Value::Str(s) if &**s == "aggregate" => 2,
        Value::Str(s) if &**s == "none" => 3,
        _ => return Err(Exc::value_error("Invalid file space strategy type")),
    };
    let persist = match given(persist) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let threshold = size(vm, threshold, 1)?;
    fcpl.set_file_space_strategy(code, persist, threshold).map_err(Exc::from_hdf5)?;
    if code == 1 {
        let page = size(vm, page_size, 0)?;
        if page != 0 {
            fcpl.set_file_space_page_size(page).map_err(Exc::from_hdf5)?;
        }
    }
    Ok(())
}

/// Applies `page_buf_size` (with `min_meta_keep`, `min_raw_keep`) to a file access
/// property list.
pub fn apply_page_buffer(vm: &mut Interp, fapl: &PropertyList, buf_size: Option<&Value>, min_meta: Option<&Value>, min_raw: Option<&Value>) -> PyResult<()> {
    let buf = size(vm, buf_size, 0)?;
    if buf == 0 {
        return Ok(());
    }
    let (meta, raw) = (size(vm, min_meta, 0)?, size(vm, min_raw, 0)?);
    fapl.set_page_buffer_size(buf as usize, meta as u32, raw as u32).map_err(Exc::from_hdf5)
}
