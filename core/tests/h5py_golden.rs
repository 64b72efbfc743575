//! The h5py corpus: every `golden/h5py/*.cells.py` — the seed tutorial first among
//! them — must render as the oracle (IPython 9 + h5py 3.16 + NumPy 2.4) recorded it.
//! `H5PY_GOLDEN=name` runs only the files whose name contains `name`.

mod common;

#[test]
fn every_h5py_cell_renders_as_the_oracle_does() {
    common::check_corpus("h5py", "H5PY_GOLDEN");
}

/// Runs one file of the h5py corpus and fails with each differing cell's report.
fn check_file(name: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/h5py").join(format!("{name}.cells.py"));
    let (count, diffs) = common::run_file(&path);
    assert!(count > 0, "no cells in {name}");
    assert!(diffs.is_empty(), "{} of {count} cells of {name} differ:\n{}", diffs.len(), diffs.join("\n"));
}

#[test]
fn low_level_h5f_files_and_file_ids() {
    check_file("ll_h5f");
}

#[test]
fn low_level_h5g_groups_and_links() {
    check_file("ll_h5g");
}

#[test]
fn low_level_h5d_datasets() {
    check_file("ll_h5d");
}

#[test]
fn low_level_h5s_dataspaces_and_selections() {
    check_file("ll_h5s");
}

#[test]
fn low_level_h5a_attributes() {
    check_file("ll_h5a");
}

#[test]
fn low_level_h5t_datatypes() {
    check_file("ll_h5t");
}

#[test]
fn low_level_h5p_property_lists() {
    check_file("ll_h5p");
}

#[test]
fn low_level_h5o_objects_and_h5i_identifiers() {
    check_file("ll_h5o");
}

#[test]
fn low_level_misuse_gets_h5py_errors() {
    check_file("ll_misuse");
}

#[test]
fn low_level_mixed_with_the_high_level() {
    check_file("ll_mixed");
}

#[test]
fn low_level_point_selections_float_fields_and_chunk_queries() {
    check_file("ll_extras");
}

#[test]
fn low_level_h5r_references() {
    check_file("ll_h5r");
}

#[test]
fn low_level_h5t_dtype_helpers_and_logical_types() {
    check_file("ll_h5t_helpers");
}

#[test]
fn low_level_link_proxy_moves_dangling_and_external_links() {
    check_file("ll_links");
}

#[test]
fn low_level_property_lists_take_effect() {
    check_file("ll_plists_applied");
}

#[test]
fn low_level_reads_and_writes_of_every_data_kind() {
    check_file("ll_data_kinds");
}

#[test]
fn low_level_ids_as_dict_keys_and_hashing() {
    check_file("ll_hashing");
}

#[test]
fn low_level_filter_pipelines_and_caches() {
    check_file("ll_filters");
}

#[test]
fn low_level_identifier_lifetimes() {
    check_file("ll_lifetimes");
}

#[test]
fn low_level_h5t_enums_opaque_tags_packing_and_locks() {
    check_file("ll_h5t_more");
}

#[test]
fn low_level_small_setters_of_types_spaces_and_file_access() {
    check_file("ll_small_setters");
}
