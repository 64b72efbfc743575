//! h5py in h5lab: the `h5py` module Python code imports. The high level (`File`,
//! `Group`, `Dataset`, links) lives in [`hl`]; the low-level Cython modules (`h5f`,
//! `h5g`, `h5d`, ...) and their identifier classes in [`lowlevel`] and [`ids`]; dtype
//! mapping in [`types`]. Everything runs on the HDF5 owner thread through
//! [`crate::hdf5`], so HDF5's behaviour and error texts are h5py's own.

pub mod cyargs;
pub mod hl;
pub mod html;
pub mod ids;
pub mod linkproxy;
pub mod lowlevel;
pub mod pyargs;
pub mod types;

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::hdf5::datatype::ReferenceKind;
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;
use hl::links::LinkClass;
use hl::HlKind;

/// The h5py version h5lab reproduces.
pub const VERSION: &str = "3.16.0";

/// Builds the `h5py` module (with its low-level submodules as attributes).
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    // h5py registers its LZF filter when imported.
    crate::hdf5::lzf::register().map_err(Exc::from_hdf5)?;
    let m = Module::new("h5py", Some("This is the h5py package, a Python interface to the HDF5 scientific data format."));
    m.set("__version__", Value::str(VERSION));
    m.set("__path__", Value::list(vec![]));
    for (name, kind) in [("File", HlKind::File), ("Group", HlKind::Group), ("Dataset", HlKind::Dataset), ("Datatype", HlKind::Datatype)] {
        m.set(name, Value::Object(hl::class_of(kind)));
    }
    for (name, class) in [("HardLink", LinkClass::Hard), ("SoftLink", LinkClass::Soft), ("ExternalLink", LinkClass::External)] {
        m.set(name, Value::Object(hl::links::class_of(class)));
    }
    m.set("UNLIMITED", Value::None);
    m.set("Empty", Value::Object(hl::empty::class()));
    m.set("AttributeManager", Value::Object(hl::attrs::class()));
    m.set("HLObject", Value::Object(hl::base_class()));
    m.set("Reference", Value::Object(hl::refs::class_of(ReferenceKind::Object)));
    m.set("RegionReference", Value::Object(hl::refs::class_of(ReferenceKind::Region)));
    hl::dtypes::install(&m);
    m.function("get_config", |vm, args| {
        pyargs::Signature { name: "get_config", params: &[], required: 0, method: false, var_keywords: false }.bind(args)?;
        Ok(hl::config::get_config(vm))
    });
    for name in ["MultiBlockSlice", "VirtualLayout", "VirtualSource"] {
        m.function(name, move |_vm, _args| Err(Exc::not_implemented(format!("h5py.{name}"))));
    }
    m.function("is_hdf5", |vm, args| {
        let b = pyargs::Signature { name: "is_hdf5", params: &["fname"], required: 1, method: false, var_keywords: false }.bind(args)?;
        let name = hl::file::filename_encode(vm, b.req(0))?;
        let path = std::path::Path::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&name));
        if !path.is_file() {
            return Ok(Value::Bool(false));
        }
        Ok(Value::Bool(crate::hdf5::File::is_accessible(vm.lib(), &name, None).unwrap_or(false)))
    });
    m.set("version", hl::config::version_module(vm)?);
    for name in lowlevel::SUBMODULES {
        if let Some(sub) = lowlevel::submodule(vm, name)? {
            lowlevel::share_with_submodule(&m, name, &sub);
            m.set(name, sub);
        }
    }
    Ok(Value::object(m))
}
