//! `h5py.version` (the version strings and `info`) and `h5py.get_config()` (the
//! library-wide settings object; `track_order` is the one users change).

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

use crate::eval::modules::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::object::PyObject;
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// The HDF5 version h5py was built against (the h5py 3.16 wheels bundle 2.0.0).
const HDF5_BUILT: (i64, i64, i64) = (2, 0, 0);

fn ints(values: &[i64]) -> Value {
    Value::tuple(values.iter().map(|&n| Value::Int(n)).collect())
}

/// The `h5py.version` module.
pub fn version_module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("h5py.version", Some("Versioning module for h5py."));
    let (major, minor, release) = crate::hdf5::library_version(vm.lib());
    let hdf5 = format!("{major}.{minor}.{release}");
    m.set("version", Value::str(crate::h5py::VERSION));
    m.set(
        "version_tuple",
        crate::value::structseq::StructSeq::namedtuple(
            "h5py.version",
            "_H5PY_VERSION_CLS",
            &["major", "minor", "bugfix", "pre", "post", "dev"],
            vec![Value::Int(3), Value::Int(16), Value::Int(0), Value::None, Value::None, Value::None],
        ),
    );
    m.set("hdf5_version", Value::str(&hdf5));
    m.set("hdf5_version_tuple", ints(&[major as i64, minor as i64, release as i64]));
    m.set("hdf5_built_version_tuple", ints(&[HDF5_BUILT.0, HDF5_BUILT.1, HDF5_BUILT.2]));
    m.set("api_version", Value::str("1.8"));
    m.set("api_version_tuple", ints(&[1, 8]));
    let sys = vm.import_module("sys")?;
    let python = vm.getattr(&sys, "version")?;
    let python = vm.str(&python)?;
    let numpy = vm.import_module("numpy")?;
    let numpy_version = vm.getattr(&numpy, "__version__")?;
    let numpy_version = vm.str(&numpy_version)?;
    let info = format!(
        "\nSummary of the h5py configuration\n---------------------------------\n\nh5py    {}\nHDF5    {hdf5}\nPython  {python}\nsys.platform    linux\nsys.maxsize     {}\nnumpy   {numpy_version}\ncython (built with) 3.2.4\nnumpy (built against) 2.4.2\nHDF5 (built against) {}.{}.{}\n",
        crate::h5py::VERSION,
        i64::MAX,
        HDF5_BUILT.0,
        HDF5_BUILT.1,
        HDF5_BUILT.2
    );
    m.set("info", Value::str(info));
    Ok(Value::object(m))
}

/// The settings behind `h5py.get_config()` (one per interpreter).
#[derive(Default)]
pub struct Settings {
    /// `track_order`: whether new groups, datasets and files track creation order.
    pub track_order: Cell<bool>,
}

/// The interpreter's settings.
pub fn settings(vm: &Interp) -> Rc<Settings> {
    vm.extension("h5py.config", Settings::default)
}

/// `h5py.get_config().track_order`.
pub fn track_order(vm: &Interp) -> bool {
    settings(vm).track_order.get()
}

/// The `H5PYConfig` object.
pub struct Config {
    settings: Rc<Settings>,
}

thread_local! {
    static CLASS: Rc<TypeObject> = TypeObject::new("H5PYConfig", "h5py.h5", vec![builtin(|t| t.object.clone())], None);
}

/// `h5py.get_config()`.
pub fn get_config(vm: &mut Interp) -> Value {
    Value::object(Config { settings: settings(vm) })
}

const ATTRIBUTES: &[&str] = &[
    "API_16",
    "API_18",
    "bool_names",
    "complex_names",
    "default_file_mode",
    "direct_vfd",
    "has_native_complex",
    "mpi",
    "ros3",
    "track_order",
];

impl PyObject for Config {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        CLASS.with(|c| c.clone())
    }

    fn getattr(&self, _vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "track_order" => Value::Bool(self.settings.track_order.get()),
            "bool_names" => Value::tuple(vec![Value::bytes(b"FALSE"), Value::bytes(b"TRUE")]),
            "complex_names" => Value::tuple(vec![Value::str("r"), Value::str("i")]),
            "default_file_mode" => Value::str("r"),
            "mpi" | "ros3" | "direct_vfd" => Value::Bool(false),
            "has_native_complex" => Value::Bool(true),
            "API_16" | "API_18" => Value::None,
            _ => return Ok(None),
        }))
    }

    fn setattr(&self, vm: &mut Interp, _this: &Value, name: &str, value: Value) -> PyResult<()> {
        match name {
            "track_order" => {
                let flag = vm.truthy(&value)?;
                self.settings.track_order.set(flag);
                Ok(())
            }
            "bool_names" | "complex_names" => Err(Exc::not_implemented(format!("h5py.get_config().{name} = ..."))),
            _ => Err(Exc::attribute_error(format!("'h5py.h5.H5PYConfig' object has no attribute '{name}'"))),
        }
    }

    fn dir(&self) -> Vec<String> {
        ATTRIBUTES.iter().map(|s| s.to_string()).collect()
    }
}
