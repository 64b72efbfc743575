//! The native modules built on the interpreter (NumPy, h5py, IPython's display
//! helpers): where `import` finds them.

use crate::eval::modules::Factory;

/// The factory of a native extension module, by its import name.
pub fn module_factory(name: &str) -> Option<Factory> {
    Some(match name {
        "numpy" => crate::numpy_py::module,
        "IPython" => crate::ipython_display::module,
        "IPython.display" => crate::ipython_display::display_module,
        _ => return None,
    })
}
