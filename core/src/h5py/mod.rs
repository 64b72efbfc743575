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
use crate::numpy::{DType, Metadata};
use crate::value::exception::{Exc, PyResult};
use crate::value::Value;
use hl::links::LinkClass;
use hl::HlKind;

/// The h5py version h5lab reproduces.
pub const VERSION: &str = "3.16.0";

/// Builds the `h5py` module (with its low-level submodules as attributes).
pub fn module(vm: &mut Interp) -> PyResult<Value> {
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
    m.function("string_dtype", |vm, args| {
        let b = pyargs::Signature { name: "string_dtype", params: &["encoding", "length"], required: 0, method: false, var_keywords: false }
            .bind(args)?;
        let encoding = match b.get(0) {
            Some(v) => vm.str(v)?,
            None => "utf-8".into(),
        };
        let utf8 = match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => true,
            "ascii" => false,
            _ => return Err(Exc::value_error("Invalid encoding ({encoding!r}); 'utf-8' or 'ascii' allowed".replace("{encoding!r}", &format!("'{encoding}'")))),
        };
        let dtype = match b.get(1) {
            Some(n) => {
                let n = vm.index_value(n, "an integer is required")?;
                DType::parse(&format!("S{n}")).map_err(crate::numpy_py::np_error)?
            }
            None => DType::object(),
        };
        let meta = if b.get(1).is_some() {
            None
        } else if utf8 {
            Some(Metadata::VlenStr)
        } else {
            Some(Metadata::VlenBytes)
        };
        Ok(crate::numpy_py::dtype::dtype_value(dtype.with_metadata(meta)))
    });
    m.function("is_hdf5", |vm, args| {
        let b = pyargs::Signature { name: "is_hdf5", params: &["fname"], required: 1, method: false, var_keywords: false }.bind(args)?;
        let name = hl::file::filename_encode(vm, b.req(0))?;
        let path = std::path::Path::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&name));
        if !path.is_file() {
            return Ok(Value::Bool(false));
        }
        Ok(Value::Bool(crate::hdf5::File::is_accessible(vm.lib(), &name, None).unwrap_or(false)))
    });
    for name in lowlevel::SUBMODULES {
        if let Some(sub) = lowlevel::submodule(vm, name)? {
            m.set(name, sub);
        }
    }
    Ok(Value::object(m))
}
