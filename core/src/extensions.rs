//! The native modules built on the interpreter (NumPy, h5py, IPython's display
//! helpers): where `import` finds them.

use crate::eval::modules::Factory;

/// The factory of a native extension module, by its import name.
pub fn module_factory(name: &str) -> Option<Factory> {
    use crate::eval::modules::ipython;
    Some(match name {
        "numpy" => crate::numpy_py::module,
        "h5py" => crate::h5py::module,
        "IPython" => ipython::ipython_module,
        "IPython.display" => ipython::display_module,
        _ => return None,
    })
}
