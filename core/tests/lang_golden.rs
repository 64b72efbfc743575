//! The language corpus: every `golden/lang/*.cells.py` must render as the oracle
//! (CPython 3.11 + IPython 9) recorded it. `LANG_GOLDEN=name` runs only the files whose
//! name contains `name`.

mod common;

#[test]
fn every_corpus_cell_renders_as_the_oracle_does() {
    common::check_corpus("lang", "LANG_GOLDEN");
}
