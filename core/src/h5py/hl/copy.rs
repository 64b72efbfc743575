//! `Group.copy(source, dest, name=None, shallow=False, expand_soft=False,
//! expand_external=False, expand_refs=False, without_attrs=False)`: h5py's object copy
//! (`H5Ocopy`), with its rules for where the copy lands.

use super::{encode_name, HlKind, HlObject};
use crate::eval::Interp;
use crate::h5py::pyargs::method;
use crate::hdf5::object;
use crate::hdf5::plist::{PlistClass, PropertyList};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// The `H5O_COPY_*` flag of each boolean keyword, in signature order after `name`.
const FLAGS: [u32; 5] = [0x0001, 0x0002, 0x0004, 0x0008, 0x0010];

/// `group.copy(...)`.
pub fn copy(vm: &mut Interp, obj: &HlObject, args: Args) -> PyResult<Value> {
    let params =
        &["source", "dest", "name", "shallow", "expand_soft", "expand_external", "expand_refs", "without_attrs"];
    let b = method("Group.copy", args, params, 2)?;
    // The object the copy starts from and the path relative to it.
    let (source_handle, source_path) = match b.req(0).downcast::<HlObject>() {
        Some(src) => (src.handle(), b".".to_vec()),
        None => (obj.handle(), encode_name(b.req(0))?.0),
    };
    let name = b.get(2).filter(|v| !matches!(v, Value::None));
    let dest = b.req(1);
    let (dest_handle, dest_path) = match dest.downcast::<HlObject>() {
        Some(d) if matches!(d.kind, HlKind::Group | HlKind::File) => {
            let path = match name {
                Some(n) => encode_name(n)?.0,
                None => {
                    let opened = object::open(&source_handle, &source_path, None).map_err(Exc::from_hdf5)?;
                    basename(crate::hdf5::ident::object_name(&opened).map_err(Exc::from_hdf5)?.unwrap_or_default().as_bytes())
                }
            };
            (d.handle(), path)
        }
        Some(_) => return Err(Exc::type_error("Destination must be path or Group object")),
        None => (obj.handle(), encode_name(dest)?.0),
    };
    let mut flags = 0;
    for (i, flag) in FLAGS.iter().enumerate() {
        if let Some(v) = b.get(3 + i) {
            if vm.truthy(v)? {
                flags |= flag;
            }
        }
    }
    let copypl = if flags != 0 {
        let pl = PropertyList::create(vm.lib(), PlistClass::ObjectCopy).map_err(Exc::from_hdf5)?;
        pl.set_copy_object(flags).map_err(Exc::from_hdf5)?;
        Some(pl)
    } else {
        None
    };
    let lcpl = super::group::lcpl(vm, false)?;
    object::copy(&source_handle, &source_path, &dest_handle, &dest_path, copypl.as_ref(), Some(&lcpl))
        .map_err(Exc::from_hdf5)?;
    Ok(Value::None)
}

/// `posixpath.basename` of a path's bytes.
fn basename(path: &[u8]) -> Vec<u8> {
    match path.iter().rposition(|&c| c == b'/') {
        Some(i) => path[i + 1..].to_vec(),
        None => path.to_vec(),
    }
}
