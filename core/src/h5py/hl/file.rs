//! `h5py.File`: opening and creating files with h5py's modes and property lists, the
//! file's own properties (`filename`, `mode`, `driver`, `libver`, ...), and closing,
//! which invalidates every object of the file as h5py's `File.close` does.

use std::rc::Rc;

use super::{HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::ids::{IdKind, ObjectId};
use crate::h5py::pyargs::{method, Signature};
use crate::hdf5::file::{access, FlushScope};
use crate::hdf5::plist::LibVersion;
use crate::hdf5::plist::{PlistClass, PropertyList};
use crate::hdf5::{ident, File};
use crate::value::exception::{Exc, ExcKind, PyResult};
use crate::value::function::NativeMethod;
use crate::value::object::Args;
use crate::value::types::{type_of, TypeObject};
use crate::value::Value;

/// The attributes a File adds to a Group's.
pub const ATTRIBUTES: &[&str] =
    &["close", "driver", "filename", "flush", "libver", "meta_block_size", "mode", "swmr_mode", "userblock_size"];

const PARAMS: &[&str] = &[
    "name",
    "mode",
    "driver",
    "libver",
    "userblock_size",
    "swmr",
    "rdcc_nslots",
    "rdcc_nbytes",
    "rdcc_w0",
    "track_order",
    "fs_strategy",
    "fs_persist",
    "fs_threshold",
    "fs_page_size",
    "page_buf_size",
    "min_meta_keep",
    "min_raw_keep",
    "locking",
    "alignment_threshold",
    "alignment_interval",
    "meta_block_size",
    "track_times",
];

/// `h5py.File(name, mode='r', driver=None, libver=None, ...)`.
pub fn construct(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let sig = Signature { name: "File.__init__", params: PARAMS, required: 1, method: true, var_keywords: true };
    let b = sig.bind(args)?;
    if let Some(id) = b.req(0).downcast::<ObjectId>() {
        let fid = ident::file_of(&id.handle()).map_err(Exc::from_hdf5)?;
        return Ok(HlObject::value(HlKind::File, ObjectId::value(IdKind::File, fid)));
    }
    let name = filename_encode(vm, b.req(0))?;
    let mode = match b.get(1) {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(_) => String::new(),
    };
    for (i, what) in [(10, "fs_strategy"), (13, "fs_page_size"), (14, "page_buf_size"), (20, "meta_block_size")] {
        if b.get(i).is_some() {
            return Err(Exc::not_implemented(format!("h5py.File({what}=...)")));
        }
    }
    if b.get(17).is_some() {
        return Err(Exc::not_implemented("h5py.File(locking=...)"));
    }
    let fapl = make_fapl(vm, &b.slots, b.get(2), b.get(3), b.extra.clone())?;
    let fcpl = make_fcpl(vm, b.get(9), b.get(21))?;
    let userblock = match b.get(4) {
        Some(v) => Some(vm.index_value(v, "User block size must be an integer").map_err(|_| {
            Exc::value_error("User block size must be an integer")
        })?),
        None => None,
    };
    if let Some(size) = userblock {
        if mode == "r" || mode == "r+" {
            return Err(Exc::value_error("User block may only be specified when creating a file"));
        }
        fcpl.set_userblock(size as u64).map_err(Exc::from_hdf5)?;
    }
    let swmr = match b.get(5) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let file = make_fid(vm, &name, &mode, &fapl, &fcpl, swmr)?;
    if let Some(size) = userblock {
        let existing = file.create_plist().and_then(|p| p.userblock()).map_err(Exc::from_hdf5)?;
        if existing != size as u64 {
            return Err(Exc::value_error(format!(
                "Requested userblock size ({size}) does not match that of existing file ({existing})"
            )));
        }
    }
    Ok(HlObject::value(HlKind::File, ObjectId::value(IdKind::File, file.handle().clone())))
}

/// h5py's `filename_encode`: str as UTF-8 (the file-system encoding), bytes as given.
pub fn filename_encode(vm: &mut Interp, name: &Value) -> PyResult<Vec<u8>> {
    match name {
        Value::Str(s) => Ok(s.as_bytes().to_vec()),
        Value::Bytes(b) => Ok(b.to_vec()),
        other => {
            if let Some(path) = vm.getattr_opt(other, "__fspath__")? {
                let p = vm.call(&path, Args::none())?;
                return filename_encode(vm, &p);
            }
            Err(Exc::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_of(other).name
            )))
        }
    }
}

fn libver_bound(name: &str) -> Option<LibVersion> {
    Some(match name {
        "earliest" => LibVersion::Earliest,
        "v108" => LibVersion::V18,
        "v110" => LibVersion::V110,
        "v112" => LibVersion::V112,
        "v114" => LibVersion::V114,
        "v200" => LibVersion::V200,
        "latest" => LibVersion::latest(),
        _ => return None,
    })
}

/// The name h5py gives a format bound (`libver_dict_r`).
fn libver_name(v: LibVersion) -> &'static str {
    match v {
        LibVersion::Earliest => "earliest",
        LibVersion::V18 => "v108",
        LibVersion::V110 => "v110",
        LibVersion::V112 => "v112",
        LibVersion::V114 => "v114",
        LibVersion::V200 => "v200",
    }
}

fn libver_bounds(vm: &mut Interp, libver: Option<&Value>) -> PyResult<(LibVersion, LibVersion)> {
    let Some(libver) = libver else { return Ok((LibVersion::Earliest, LibVersion::latest())) };
    if let Value::Str(s) = libver {
        if let Some(low) = libver_bound(s) {
            return Ok((low, LibVersion::latest()));
        }
    }
    // `low, high = (libver_dict[x] for x in libver)`.
    let items = vm.collect(libver)?;
    let mut bounds = Vec::new();
    for item in items.iter().take(3) {
        let found = match item {
            Value::Str(s) => libver_bound(s),
            _ => None,
        };
        match found {
            Some(v) => bounds.push(v),
            None => return Err(Exc::key_error(item.clone())),
        }
    }
    match bounds[..] {
        [low, high] => Ok((low, high)),
        _ if bounds.len() > 2 => Err(Exc::value_error("too many values to unpack (expected 2)")),
        _ => Err(Exc::value_error(format!("not enough values to unpack (expected 2, got {})", bounds.len()))),
    }
}

fn make_fapl(
    vm: &mut Interp,
    slots: &[Option<Value>],
    driver: Option<&Value>,
    libver: Option<&Value>,
    kwds: Vec<(Rc<str>, Value)>,
) -> PyResult<PropertyList> {
    let fapl = PropertyList::create(vm.lib(), PlistClass::FileAccess).map_err(Exc::from_hdf5)?;
    let (low, high) = libver_bounds(vm, libver)?;
    fapl.set_libver_bounds(low, high).map_err(Exc::from_hdf5)?;
    let int = |vm: &mut Interp, i: usize, default: i64| -> PyResult<i64> {
        match slots[i].as_ref().filter(|v| !matches!(v, Value::None)) {
            Some(v) => vm.index_value(v, "an integer is required"),
            None => Ok(default),
        }
    };
    let threshold = int(vm, 18, 1)?;
    let interval = int(vm, 19, 1)?;
    fapl.set_alignment(threshold as u64, interval as u64).map_err(Exc::from_hdf5)?;
    let (_, mut nslots, mut nbytes, mut w0) = fapl.cache().map_err(Exc::from_hdf5)?;
    if let Some(v) = slots[6].as_ref().filter(|v| !matches!(v, Value::None)) {
        nslots = vm.index_value(v, "an integer is required")? as usize;
    }
    if let Some(v) = slots[7].as_ref().filter(|v| !matches!(v, Value::None)) {
        nbytes = vm.index_value(v, "an integer is required")? as usize;
    }
    if let Some(v) = slots[8].as_ref().filter(|v| !matches!(v, Value::None)) {
        w0 = vm.to_float(v)?;
    }
    fapl.set_cache(nslots, nbytes, w0).map_err(Exc::from_hdf5)?;
    let driver = match driver {
        None => None,
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => Some(vm.repr(other)?),
    };
    match driver.as_deref() {
        None => {
            if let Some((key, _)) = kwds.first() {
                return Err(Exc::type_error(format!("'{key}' is an invalid keyword argument for this function")));
            }
        }
        Some("sec2") => {
            if let Some((key, _)) = kwds.first() {
                return Err(Exc::type_error(format!("set_fapl_sec2() got an unexpected keyword argument '{key}'")));
            }
            fapl.set_sec2_driver().map_err(Exc::from_hdf5)?;
        }
        Some("core") => {
            let s = Signature { name: "set_fapl_core", params: &["block_size", "backing_store"], required: 0, method: false, var_keywords: false }
                .bind(Args { positional: vec![], keywords: kwds })?;
            let block = match s.get(0) {
                Some(v) => vm.index_value(v, "an integer is required")? as usize,
                None => 64 * 1024,
            };
            let backing = match s.get(1) {
                Some(v) => vm.truthy(v)?,
                None => true,
            };
            fapl.set_core_driver(block, backing).map_err(Exc::from_hdf5)?;
        }
        Some(known @ ("stdio" | "family" | "split" | "fileobj" | "mpio" | "ros3" | "direct" | "log" | "windows")) => {
            return Err(Exc::not_implemented(format!("h5py.File(driver='{known}')")));
        }
        Some(other) => {
            let shown = match other.starts_with('\'') {
                true => other.to_string(),
                false => format!("'{other}'"),
            };
            let error = Exc::value_error(format!("Unknown driver type {shown}"));
            // h5py raises it `from` the KeyError of its driver table.
            if !other.starts_with('\'') {
                *error.0.cause.borrow_mut() = Some(Exc::key_error(Value::str(other)));
                error.0.suppress_context.set(true);
            }
            return Err(error);
        }
    }
    Ok(fapl)
}

fn make_fcpl(vm: &mut Interp, track_order: Option<&Value>, track_times: Option<&Value>) -> PyResult<PropertyList> {
    let fcpl = PropertyList::create(vm.lib(), PlistClass::FileCreate).map_err(Exc::from_hdf5)?;
    if let Some(v) = track_order {
        if vm.truthy(v)? {
            fcpl.set_link_creation_order(3).map_err(Exc::from_hdf5)?;
            fcpl.set_attr_creation_order(3).map_err(Exc::from_hdf5)?;
        }
    }
    let times = match track_times {
        None | Some(Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(Value::Int(i)) if *i == 0 || *i == 1 => *i == 1,
        Some(_) => return Err(Exc::type_error("track_times must be either True or False")),
    };
    fcpl.set_obj_track_times(times).map_err(Exc::from_hdf5)?;
    Ok(fcpl)
}

fn make_fid(vm: &mut Interp, name: &[u8], mode: &str, fapl: &PropertyList, fcpl: &PropertyList, swmr: bool) -> PyResult<File> {
    let lib = vm.lib();
    let result = match mode {
        "r" => File::open(lib, name, access::RDONLY | if swmr { access::SWMR_READ } else { 0 }, Some(fapl)),
        "r+" => File::open(lib, name, access::RDWR, Some(fapl)),
        "w-" | "x" => File::create(lib, name, access::EXCL, Some(fcpl), Some(fapl)),
        "w" => File::create(lib, name, access::TRUNC, Some(fcpl), Some(fapl)),
        "a" => match File::open(lib, name, access::RDWR, Some(fapl)) {
            Ok(f) => Ok(f),
            Err(e) => {
                let exc = Exc::from_hdf5(e);
                if !exc.is(ExcKind::FileNotFoundError) {
                    return Err(exc);
                }
                File::create(lib, name, access::EXCL, Some(fcpl), Some(fapl))
            }
        },
        _ => return Err(Exc::value_error("Invalid mode; must be one of r, r+, w, w-, x, a")),
    };
    result.map_err(Exc::from_hdf5)
}

fn file_handle(obj: &HlObject) -> File {
    File::from_handle(obj.handle()).unwrap_or_else(|| File::from_handle_unchecked(obj.handle()))
}

/// `File.mode`: `'r+'` when opened for writing, else `'r'`.
pub fn mode(obj: &HlObject) -> PyResult<&'static str> {
    let intent = file_handle(obj).intent().map_err(Exc::from_hdf5)?;
    Ok(if intent & (access::RDWR | access::SWMR_WRITE) != 0 { "r+" } else { "r" })
}

/// `File.filename`: the name the file was opened with.
pub fn filename(obj: &HlObject) -> PyResult<Value> {
    let name = crate::hdf5::file::file_name(&obj.handle()).map_err(Exc::from_hdf5)?;
    Ok(Value::str(name))
}

/// `repr(File)`.
pub fn repr(_vm: &mut Interp, obj: &HlObject) -> PyResult<String> {
    if !obj.is_open() {
        return Ok("<Closed HDF5 file>".into());
    }
    let name = crate::hdf5::file::file_name(&obj.handle()).map_err(Exc::from_hdf5)?;
    let base = name.rsplit('/').next().unwrap_or(&name).to_string();
    Ok(format!("<HDF5 file \"{base}\" (mode {})>", mode(obj)?))
}

/// `obj.file`: the File an object belongs to (a new File object on a new identifier).
pub fn file_of(_vm: &mut Interp, obj: &HlObject) -> PyResult<Value> {
    let fid = ident::file_of(&obj.handle()).map_err(Exc::from_hdf5)?;
    Ok(HlObject::value(HlKind::File, ObjectId::value(IdKind::File, fid)))
}

/// `File.close()`: closes every object of the file, then the file.
pub fn close(_vm: &mut Interp, obj: &HlObject) -> PyResult<()> {
    if obj.is_open() {
        file_handle(obj).close_with_objects().map_err(Exc::from_hdf5)?;
    }
    Ok(())
}

/// File-only attributes; `None` for names a File shares with Group.
pub fn getattr(vm: &mut Interp, obj: &HlObject, this: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "close" | "flush" => NativeMethod::value(this, name, call_method),
        "filename" => filename(obj)?,
        "mode" => Value::str(mode(obj)?),
        "driver" => {
            let fapl = file_handle(obj).access_plist().map_err(Exc::from_hdf5)?;
            Value::str(fapl.driver_name().map_err(Exc::from_hdf5)?.unwrap_or("unknown"))
        }
        "libver" => {
            let fapl = file_handle(obj).access_plist().map_err(Exc::from_hdf5)?;
            let (low, high) = fapl.libver_bounds().map_err(Exc::from_hdf5)?;
            Value::tuple(vec![Value::str(libver_name(low)), Value::str(libver_name(high))])
        }
        "userblock_size" => {
            let fcpl = file_handle(obj).create_plist().map_err(Exc::from_hdf5)?;
            Value::Int(fcpl.userblock().map_err(Exc::from_hdf5)? as i64)
        }
        "swmr_mode" => {
            let intent = file_handle(obj).intent().map_err(Exc::from_hdf5)?;
            Value::Bool(intent & (access::SWMR_READ | access::SWMR_WRITE) != 0)
        }
        _ => {
            let _ = vm;
            return Ok(None);
        }
    }))
}

fn call_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(obj) = this.downcast::<HlObject>() else { return Ok(Value::None) };
    match name {
        "close" => {
            method("File.close", args, &[], 0)?;
            close(vm, obj)?;
        }
        "flush" => {
            method("File.flush", args, &[], 0)?;
            file_handle(obj).flush(FlushScope::Local).map_err(Exc::from_hdf5)?;
        }
        _ => {}
    }
    Ok(Value::None)
}
