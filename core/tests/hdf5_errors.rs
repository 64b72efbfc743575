//! HDF5 failures become exactly the exceptions h5py raises: the class and the text of
//! each case in golden/hdf5_errors.json, which the oracle (h5py 3.16) recorded from the
//! cells in golden/hdf5_errors.cells.py.

mod support;

use std::collections::BTreeMap;

use h5lab_core::hdf5::dataspace::Dataspace;
use h5lab_core::hdf5::datatype::{ByteOrder, Datatype};
use h5lab_core::hdf5::file::access;
use h5lab_core::hdf5::{attribute, link, object, Attribute, Dataset, File, Group, H5Error, Library, Result};
use support::{golden_path, in_temp_dir};

/// (ename, evalue) of each golden case, keyed by the `# name` line of its cell.
fn expected() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(golden_path("hdf5_errors.json")).expect("golden json");
    let cells: serde_json::Value = serde_json::from_str(&text).expect("valid json");
    let mut cases = BTreeMap::new();
    for cell in cells.as_array().expect("a list of cells") {
        let source = cell["source"].as_str().unwrap_or_default();
        let Some(name) = source.lines().find_map(|l| l.strip_prefix("# ")) else { continue };
        for output in cell["outputs"].as_array().into_iter().flatten() {
            if output["type"] == "error" {
                let ename = output["ename"].as_str().unwrap_or_default().to_string();
                let evalue = output["evalue"].as_str().unwrap_or_default().to_string();
                cases.insert(name.to_string(), (ename, evalue));
            }
        }
    }
    cases
}

/// `str()` of the exception as the notebook shows it: KeyError's is the repr of its
/// message (these messages need no escapes, only the choice of quotes).
fn shown(err: &H5Error) -> String {
    let text = err.python_str();
    if err.python_class_name() != "KeyError" {
        return text;
    }
    if text.contains('\'') && !text.contains('"') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

fn int8(lib: &Library) -> Datatype {
    Datatype::integer(lib, 1, true, ByteOrder::Little).unwrap()
}

fn setup(lib: &Library) {
    let f = File::create(lib, "dataset.h5", access::TRUNC, None, None).unwrap();
    let space = Dataspace::simple(lib, &[100], None).unwrap();
    Dataset::create(f.handle(), "/data", &int8(lib), &space, None, None, None).unwrap();
    let f2 = File::create(lib, "link.h5", access::TRUNC, None, None).unwrap();
    let g = Group::create(f2.handle(), "links", None, None).unwrap();
    link::create_external("dataset.h5", "/data", g.handle(), "data", None).unwrap();
}

fn failure<T: std::fmt::Debug>(result: Result<T>) -> H5Error {
    result.expect_err("the call should fail")
}

/// Each case, done through core; returns the error it raised.
fn run_case(lib: &Library, name: &str) -> H5Error {
    let scalar = || Dataspace::scalar(lib).unwrap();
    match name {
        "missing_file_readonly" => failure(File::open(lib, "missing.h5", access::RDONLY, None)),
        "missing_file_readwrite" => failure(File::open(lib, "missing.h5", access::RDWR, None)),
        "create_exclusive_existing" => failure(File::create(lib, "dataset.h5", access::EXCL, None, None)),
        "not_hdf5" => {
            std::fs::write("bad.h5", "hello, not HDF5").unwrap();
            failure(File::open(lib, "bad.h5", access::RDONLY, None))
        }
        "missing_object" | "missing_intermediate_group" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            let path = if name == "missing_object" { "nope" } else { "a/b/c" };
            failure(object::open(f.handle(), path, None))
        }
        "group_exists" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            failure(Group::create(f.handle(), "data", None, None))
        }
        "dataset_exists" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            let space = Dataspace::simple(lib, &[3], None).unwrap();
            failure(Dataset::create(f.handle(), "data", &int8(lib), &space, None, None, None))
        }
        "missing_attribute" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            let ds = Dataset::open(f.handle(), "data", None).unwrap();
            failure(Attribute::open(ds.handle(), "units"))
        }
        "attribute_exists" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            let ds = Dataset::open(f.handle(), "data", None).unwrap();
            Attribute::create(ds.handle(), "units", &int8(lib), &scalar(), None).unwrap();
            failure(Attribute::create(ds.handle(), "units", &int8(lib), &scalar(), None))
        }
        "delete_missing_link" => {
            let f = File::open(lib, "dataset.h5", access::RDWR, None).unwrap();
            failure(h5lab_core::hdf5::group::unlink(f.handle(), "nope"))
        }
        "read_only_create_group" => {
            let f = File::open(lib, "dataset.h5", access::RDONLY, None).unwrap();
            failure(Group::create(f.handle(), "newgroup", None, None))
        }
        "extend_contiguous" => {
            let f = File::open(lib, "dataset.h5", access::RDONLY, None).unwrap();
            let ds = Dataset::open(f.handle(), "data", None).unwrap();
            failure(ds.set_extent(&[200]))
        }
        "dangling_external_link" => {
            std::fs::remove_file("dataset.h5").unwrap();
            let f = File::open(lib, "link.h5", access::RDONLY, None).unwrap();
            failure(object::open(f.handle(), "/links/data", None))
        }
        "group_open_on_dataset_path" | "dataset_open_on_group_path" | "soft_link_dangling" | "rename_to_existing" => {
            let t = File::create(lib, "types.h5", access::TRUNC, None, None).unwrap();
            let space = Dataspace::simple(lib, &[3], None).unwrap();
            Dataset::create(t.handle(), "x", &int8(lib), &space, None, None, None).unwrap();
            Group::create(t.handle(), "grp", None, None).unwrap();
            match name {
                "group_open_on_dataset_path" => failure(Group::open(t.handle(), "x")),
                "dataset_open_on_group_path" => failure(Dataset::open(t.handle(), "grp", None)),
                "soft_link_dangling" => {
                    link::create_soft("/does/not/exist", t.handle(), "dangling", None).unwrap();
                    failure(object::open(t.handle(), "dangling", None))
                }
                _ => {
                    Group::create(t.handle(), "grp2", None, None).unwrap();
                    failure(link::move_link(t.handle(), "grp", t.handle(), "grp2", None))
                }
            }
        }
        other => panic!("golden case '{other}' has no core counterpart in this test"),
    }
}

#[test]
fn every_golden_hdf5_error_matches_h5py() {
    let cases = expected();
    assert!(cases.len() >= 17, "golden file lost cases: {}", cases.len());
    let mismatches = in_temp_dir(move |lib, _| {
        let mut mismatches = Vec::new();
        for (name, (ename, evalue)) in &cases {
            // Every case starts from the same files, as the oracle's cells share them.
            setup(lib);
            let err = run_case(lib, name);
            let got = (err.python_class_name().to_string(), shown(&err));
            if got != (ename.clone(), evalue.clone()) {
                mismatches.push(format!("{name}:\n  expected {ename}: {evalue}\n  got      {}: {}", got.0, got.1));
            }
        }
        mismatches
    });
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn errno_and_stack_are_kept() {
    in_temp_dir(|lib, _| {
        let err = File::open(lib, "missing.h5", access::RDONLY, None).unwrap_err();
        assert_eq!(err.errno(), Some(2));
        assert!(err.frames().len() >= 2, "{:?}", err.frames());
        assert_eq!(err.frames()[0].function, "H5Fopen");
        assert!(attribute::exists(&File::create(lib, "x.h5", access::TRUNC, None, None).unwrap().handle().clone(), "a").is_ok());
    });
}
