//! The seed tutorial's HDF5 operations, through core's HDF5 layer, against the real
//! bundled library: the dataset, its storage size, the external link, reading through
//! it, and the KeyError once its target file is gone.

mod support;

use h5lab_core::hdf5::dataspace::Dataspace;
use h5lab_core::hdf5::datatype::{ByteOrder, Datatype, TypeDescription};
use h5lab_core::hdf5::file::access;
use h5lab_core::hdf5::link::{self, IndexType, IterOrder, LinkKind, LinkValue};
use h5lab_core::hdf5::plist::{LibVersion, PlistClass, PropertyList};
use h5lab_core::hdf5::{object, Dataset, File, Group, Library};
use support::in_temp_dir;

/// A file access list as h5py makes one: format bounds earliest..latest.
fn h5py_fapl(lib: &Library) -> PropertyList {
    let fapl = PropertyList::create(lib, PlistClass::FileAccess).expect("fapl");
    fapl.set_libver_bounds(LibVersion::Earliest, LibVersion::latest()).expect("libver");
    fapl
}

fn write_tutorial_dataset(lib: &Library) {
    let f = File::create(lib, "dataset.h5", access::TRUNC, None, Some(&h5py_fapl(lib))).expect("create dataset.h5");
    let int8 = Datatype::integer(lib, 1, true, ByteOrder::Little).expect("int8");
    let space = Dataspace::simple(lib, &[100], None).expect("space");
    let ds = Dataset::create(f.handle(), "/data", &int8, &space, None, None, None).expect("create /data");
    let values: Vec<u8> = (0..100u8).collect();
    ds.write_raw(&int8, None, None, &values).expect("write");
}

#[test]
fn tutorial_dataset_has_storage_size_100_and_reads_back() {
    in_temp_dir(|lib, _| {
        write_tutorial_dataset(lib);
        let f = File::open(lib, "dataset.h5", access::RDONLY, None).expect("open");
        let ds = Dataset::open(f.handle(), "data", None).expect("open /data");
        assert_eq!(ds.storage_size().expect("storage size"), 100);
        assert_eq!(ds.space().unwrap().dims().unwrap(), vec![100]);
        assert_eq!(
            ds.datatype().unwrap().describe().unwrap(),
            TypeDescription::Integer { size: 1, order: ByteOrder::Little, signed: true }
        );
        let int8 = Datatype::integer(lib, 1, true, ByteOrder::Little).unwrap();
        let mut buf = vec![0u8; 100];
        ds.read_raw(&int8, None, None, &mut buf).expect("read");
        assert_eq!(buf, (0..100u8).collect::<Vec<_>>());
        assert_eq!(h5lab_core::hdf5::ident::object_name(ds.handle()).unwrap().as_deref(), Some("/data"));
        assert_eq!(f.name().unwrap(), "dataset.h5");
    });
}

#[test]
fn external_link_reads_through_and_fails_like_h5py_once_target_is_gone() {
    in_temp_dir(|lib, _| {
        write_tutorial_dataset(lib);
        let f2 = File::create(lib, "link.h5", access::TRUNC, None, Some(&h5py_fapl(lib))).expect("create link.h5");
        let g = Group::create(f2.handle(), "links", None, None).expect("create group");
        let g_again = Group::open(f2.handle(), "links").expect("open group");
        link::create_external("dataset.h5", "/data", g_again.handle(), "data", None).expect("external link");

        assert_eq!(g.member_names(IndexType::Name, IterOrder::Native).unwrap(), vec![b"data".to_vec()]);
        assert_eq!(g.info().unwrap().links, 1);
        let info = link::info(f2.handle(), "/links/data", None).unwrap();
        assert_eq!(info.kind, LinkKind::External);
        assert_eq!(
            link::value(f2.handle(), "/links/data", None).unwrap(),
            LinkValue::External { file: b"dataset.h5".to_vec(), path: b"/data".to_vec() }
        );

        let target = object::open(f2.handle(), "/links/data", None).expect("follow the link");
        let ds = Dataset::from_handle(target).expect("a dataset");
        let int8 = Datatype::integer(lib, 1, true, ByteOrder::Little).unwrap();
        let mut buf = vec![0u8; 100];
        ds.read_raw(&int8, None, None, &mut buf).expect("read through the link");
        assert_eq!(buf, (0..100u8).collect::<Vec<_>>());
        drop(ds);

        std::fs::remove_file("dataset.h5").expect("rm dataset.h5");
        let err = object::open(f2.handle(), "/links/data", None).expect_err("the target is gone");
        assert_eq!(err.python_class_name(), "KeyError");
        assert_eq!(err.message(), "Unable to synchronously open object (can't open file)");
        assert!(!err.frames().is_empty());
        assert!(err.stack_report().contains("#000:"), "{}", err.stack_report());
    });
}
