//! Inspecting h5py's low-level API (`obj?` in the REPL, inspect_request in the kernel):
//! h5py's signature and docstring, then the HDF5 C function the call wraps with its C
//! prototype — what the seed tutorial shows for `H5Dget_storage_size`.

mod support;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use h5lab_core::session::{ExecuteOptions, Session, SessionOptions};
use support::QuietSink as Quiet;

/// The text/plain inspection of `code` (cursor at its end) after `setup` ran.
fn inspect(setup: &'static str, code: &'static str) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    support::in_temp_dir(move |lib, dir| {
        let options = SessionOptions { cwd: dir.to_path_buf(), interrupt: Arc::new(AtomicBool::new(false)), color: false };
        let mut session = Session::new(lib, options);
        let outcome = session.execute(setup, ExecuteOptions::default(), &mut Quiet);
        assert!(outcome.error.is_none(), "setup failed: {:?}", outcome.error);
        let text = session.inspect(code, code.chars().count(), 0).and_then(|b| b.get("text/plain").cloned());
        tx.send(text.unwrap_or_default()).expect("send");
    });
    rx.recv().expect("inspection")
}

#[test]
fn a_dataset_id_method_shows_h5py_doc_and_the_c_function() {
    let text = inspect("import h5py", "h5py.h5d.DatasetID.get_storage_size");
    assert!(text.contains("get_storage_size(self)"), "{text}");
    assert!(text.contains("Report the size of storage, in bytes, that is allocated"), "{text}");
    assert!(text.contains("hsize_t H5Dget_storage_size(hid_t dset_id)"), "{text}");
}

#[test]
fn a_bound_method_drops_self_and_keeps_the_c_function() {
    let text = inspect(
        "import h5py\nimport numpy as np\nf = h5py.File('x.h5', 'w')\nf['d'] = np.arange(3)\nd = f['d'].id",
        "d.get_storage_size",
    );
    assert!(text.contains("H5Dget_storage_size"), "{text}");
    assert!(!text.contains("get_storage_size(self)"), "{text}");
}

#[test]
fn a_module_function_shows_its_signature_and_c_prototype() {
    let text = inspect("import h5py", "h5py.h5g.open");
    assert!(text.contains("open(loc, name, gapl=None)") || text.contains("open(loc, name"), "{text}");
    assert!(text.contains("H5Gopen2"), "{text}");
}
