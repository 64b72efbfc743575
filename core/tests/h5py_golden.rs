//! The h5py corpus: every `golden/h5py/*.cells.py` — the seed tutorial first among
//! them — must render as the oracle (IPython 9 + h5py 3.16 + NumPy 2.4) recorded it.
//! `H5PY_GOLDEN=name` runs only the files whose name contains `name`.

mod common;

#[test]
fn every_h5py_cell_renders_as_the_oracle_does() {
    common::check_corpus("h5py", "H5PY_GOLDEN");
}
