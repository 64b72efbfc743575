//! Handle lifetimes against the real library: closing a file with objects open, using a
//! closed handle, dropping in every order — no crash, no leaked identifiers.

mod support;

use h5lab_core::hdf5::dataspace::Dataspace;
use h5lab_core::hdf5::datatype::{ByteOrder, Datatype};
use h5lab_core::hdf5::file::{access, objects, open_object_count};
use h5lab_core::hdf5::plist::{CloseDegree, PlistClass, PropertyList};
use h5lab_core::hdf5::{Attribute, Dataset, File, Group, Handle, Library};
use support::in_temp_dir;

fn leak_free(lib: &Library) -> bool {
    open_object_count(lib, objects::ALL).unwrap() == 0
}

/// A file with a group, a dataset in it and an attribute on the dataset.
fn populated(lib: &Library, name: &str, degree: CloseDegree) -> (File, Group, Dataset, Attribute) {
    let fapl = PropertyList::create(lib, PlistClass::FileAccess).unwrap();
    fapl.set_close_degree(degree).unwrap();
    let f = File::create(lib, name, access::TRUNC, None, Some(&fapl)).unwrap();
    let g = Group::create(f.handle(), "g", None, None).unwrap();
    let ty = Datatype::integer(lib, 4, true, ByteOrder::Little).unwrap();
    let space = Dataspace::simple(lib, &[4], None).unwrap();
    let ds = Dataset::create(g.handle(), "d", &ty, &space, None, None, None).unwrap();
    let attr = Attribute::create(ds.handle(), "a", &ty, &Dataspace::scalar(lib).unwrap(), None).unwrap();
    (f, g, ds, attr)
}

#[test]
fn weak_close_keeps_objects_usable_until_dropped() {
    in_temp_dir(|lib, _| {
        let (mut f, g, ds, attr) = populated(lib, "weak.h5", CloseDegree::Weak);
        assert_eq!(f.object_count(objects::ALL).unwrap(), 4);
        f.close().expect("close with objects open");
        assert!(!f.handle().is_valid());
        assert!(ds.handle().is_valid());
        assert_eq!(ds.space().unwrap().dims().unwrap(), vec![4]);
        drop((g, ds, attr));
        assert!(leak_free(lib));
    });
}

#[test]
fn strong_close_invalidates_objects_and_their_use_is_an_error() {
    in_temp_dir(|lib, _| {
        let (mut f, g, ds, attr) = populated(lib, "strong.h5", CloseDegree::Strong);
        f.close().expect("strong close");
        for handle in [g.handle(), ds.handle(), attr.handle()] {
            assert!(!handle.is_valid(), "object still open after a strong close");
            assert_eq!(handle.ref_count(), 0);
        }
        assert!(ds.space().is_err(), "a closed dataset's space");
        assert!(attr.name().is_err(), "a closed attribute's name");
        assert!(Group::create(g.handle(), "more", None, None).is_err());
        drop((g, ds, attr));
        assert!(leak_free(lib));
        // The file can be opened again and holds what was created.
        let f = File::open(lib, "strong.h5", access::RDONLY, None).unwrap();
        assert!(Dataset::open(f.handle(), "g/d", None).is_ok());
    });
}

#[test]
fn every_drop_order_releases_every_identifier() {
    in_temp_dir(|lib, _| {
        let orders = permutations(&[0, 1, 2, 3]);
        assert_eq!(orders.len(), 24);
        for (n, order) in orders.iter().enumerate() {
            let (f, g, ds, attr) = populated(lib, &format!("order{n}.h5"), CloseDegree::Default);
            let mut slots: Vec<Option<Handle>> =
                vec![Some(f.handle().clone()), Some(g.handle().clone()), Some(ds.handle().clone()), Some(attr.handle().clone())];
            drop((f, g, ds, attr));
            for &i in order {
                slots[i] = None;
            }
            assert!(leak_free(lib), "leak after drop order {order:?}");
        }
    });
}

#[test]
fn clones_share_a_reference_counted_identifier() {
    in_temp_dir(|lib, _| {
        let f = File::create(lib, "clone.h5", access::TRUNC, None, None).unwrap();
        let mut first = f.handle().clone();
        let second = first.clone();
        assert_eq!(second.ref_count(), 3);
        first.close().unwrap();
        first.close().expect("closing twice is a no-op");
        assert!(second.is_valid());
        assert_eq!(second.ref_count(), 2);
        drop((f, second));
        assert!(leak_free(lib));
    });
}

#[test]
fn reopen_and_obj_ids_hand_out_owned_references() {
    in_temp_dir(|lib, _| {
        let (f, g, ds, attr) = populated(lib, "ids.h5", CloseDegree::Default);
        let again = f.reopen().unwrap();
        let open = f.open_objects(objects::ALL).unwrap();
        assert_eq!(open.len(), 5, "two file ids, a group, a dataset, an attribute");
        drop(open);
        assert!(ds.handle().is_valid(), "listing must not steal references");
        drop((f, again, g, ds, attr));
        assert!(leak_free(lib));
    });
}

fn permutations(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for (i, &first) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            all.push(tail);
        }
    }
    all
}
