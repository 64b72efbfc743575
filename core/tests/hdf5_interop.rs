//! Interop with real h5py (the pinned test environment): a file written by core's HDF5
//! layer reads in h5py with the same values and properties, and a file h5py writes reads
//! back in core.

mod support;

use h5lab_core::hdf5::dataspace::{Dataspace, UNLIMITED};
use h5lab_core::hdf5::datatype::{ByteOrder, CharSet, Datatype, Member, StrPad, TypeDescription};
use h5lab_core::hdf5::file::access;
use h5lab_core::hdf5::link::{self, LinkKind, LinkValue};
use h5lab_core::hdf5::plist::{FillValueStatus, Layout, PlistClass, PropertyList};
use h5lab_core::hdf5::{object, Attribute, Dataset, File, Group, Library};
use support::{in_temp_dir, run_python, test_python};

fn le_bytes<T: Copy, const N: usize>(values: &[T], to: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|&v| to(v)).collect()
}

fn write_dataset(lib: &Library, loc: &Group, name: &str, ty: &Datatype, dims: &[u64], bytes: &[u8]) -> Dataset {
    let space = Dataspace::simple(lib, dims, None).unwrap();
    let ds = Dataset::create(loc.handle(), name, ty, &space, None, None, None).unwrap();
    ds.write_raw(ty, None, None, bytes).unwrap();
    ds
}

/// Writes from_core.h5 (and other.h5, the external link's target) with core.
fn write_with_core(lib: &Library) {
    let other = File::create(lib, "other.h5", access::TRUNC, None, None).unwrap();
    let i32le = Datatype::integer(lib, 4, true, ByteOrder::Little).unwrap();
    let root_other = Group::open(other.handle(), "/").unwrap();
    write_dataset(lib, &root_other, "x", &i32le, &[1], &42i32.to_le_bytes());

    let f = File::create(lib, "from_core.h5", access::TRUNC, None, None).unwrap();
    let root = Group::open(f.handle(), "/").unwrap();
    let ints = Group::create(f.handle(), "ints", None, None).unwrap();
    object::set_comment(ints.handle(), Some(b"integer corner cases")).unwrap();
    let i8t = Datatype::integer(lib, 1, true, ByteOrder::Little).unwrap();
    write_dataset(lib, &ints, "i8", &i8t, &[3], &[0x80, 0, 0x7f]);
    let u16t = Datatype::integer(lib, 2, false, ByteOrder::Little).unwrap();
    write_dataset(lib, &ints, "u16", &u16t, &[2], &le_bytes(&[0u16, 65535], u16::to_le_bytes));
    let i64be = Datatype::integer(lib, 8, true, ByteOrder::Big).unwrap();
    write_dataset(lib, &ints, "i64be", &i64be, &[2], &le_bytes(&[-1i64, 1 << 40], i64::to_be_bytes));
    let u64t = Datatype::integer(lib, 8, false, ByteOrder::Little).unwrap();
    write_dataset(lib, &ints, "u64", &u64t, &[1], &u64::MAX.to_le_bytes());

    let floats = Group::create(f.handle(), "floats", None, None).unwrap();
    let f16 = Datatype::float(lib, 2, ByteOrder::Little).unwrap();
    write_dataset(lib, &floats, "f16", &f16, &[2], &le_bytes(&[0x3E00u16, 0xC000], u16::to_le_bytes));
    let f32t = Datatype::float(lib, 4, ByteOrder::Little).unwrap();
    write_dataset(lib, &floats, "f32", &f32t, &[1], &0.1f32.to_le_bytes());
    let f64t = Datatype::float(lib, 8, ByteOrder::Little).unwrap();
    write_dataset(lib, &floats, "f64", &f64t, &[2], &le_bytes(&[std::f64::consts::PI, f64::NAN], f64::to_le_bytes));

    let strings = Group::create(f.handle(), "strings", None, None).unwrap();
    let s5 = Datatype::fixed_string(lib, 5, CharSet::Ascii, StrPad::NullPad).unwrap();
    write_dataset(lib, &strings, "fixed", &s5, &[2], b"ab\0\0\0hello");
    let vlen = Datatype::variable_string(lib, CharSet::Utf8).unwrap();
    let space = Dataspace::simple(lib, &[3], None).unwrap();
    let ds = Dataset::create(strings.handle(), "vlen", &vlen, &space, None, None, None).unwrap();
    ds.write_strings(&vlen, None, None, &["héllo".as_bytes(), b"", "ü".as_bytes()]).unwrap();

    let compound = Datatype::from_description(
        lib,
        &TypeDescription::Compound {
            size: 16,
            members: vec![
                Member { name: "a".into(), offset: 0, ty: TypeDescription::Integer { size: 4, order: ByteOrder::Little, signed: true } },
                Member { name: "b".into(), offset: 8, ty: TypeDescription::Float { size: 8, order: ByteOrder::Little } },
            ],
        },
    )
    .unwrap();
    let mut rows = Vec::new();
    for (a, b) in [(1i32, 2.5f64), (-3, 0.25)] {
        rows.extend_from_slice(&a.to_le_bytes());
        rows.extend_from_slice(&[0; 4]);
        rows.extend_from_slice(&b.to_le_bytes());
    }
    write_dataset(lib, &root, "compound", &compound, &[2], &rows);

    let colours = Datatype::enumeration(&i8t).unwrap();
    for (name, value) in [("RED", 0), ("GREEN", 1), ("BLUE", 2)] {
        colours.enum_insert(name, value).unwrap();
    }
    write_dataset(lib, &root, "enum", &colours, &[3], &[0, 2, 1]);

    let pair = Datatype::array(&i32le, &[2]).unwrap();
    write_dataset(lib, &root, "array", &pair, &[2], &le_bytes(&[1i32, 2, 3, 4], i32::to_le_bytes));

    // h5py reads opaque data only with its own (empty) tag: other tags have no
    // conversion path in h5py 3.16.
    let opaque = Datatype::opaque(lib, 4, "").unwrap();
    write_dataset(lib, &root, "opaque", &opaque, &[1], &[1, 2, 3, 4]);

    let dcpl = PropertyList::create(lib, PlistClass::DatasetCreate).unwrap();
    dcpl.set_chunk(&[4]).unwrap();
    dcpl.set_shuffle().unwrap();
    dcpl.set_deflate(4).unwrap();
    dcpl.set_fletcher32().unwrap();
    dcpl.set_fill_value(&f64t, &(-1.0f64).to_le_bytes()).unwrap();
    let space = Dataspace::simple(lib, &[10], Some(&[UNLIMITED])).unwrap();
    let chunked = Dataset::create(f.handle(), "chunked", &f64t, &space, None, Some(&dcpl), None).unwrap();
    let values: Vec<f64> = (0..10).map(f64::from).collect();
    chunked.write_raw(&f64t, None, None, &le_bytes(&values, f64::to_le_bytes)).unwrap();
    chunked.set_extent(&[12]).unwrap();

    let scalar = Dataset::create(f.handle(), "scalar", &f64t, &Dataspace::scalar(lib).unwrap(), None, None, None).unwrap();
    scalar.write_raw(&f64t, None, None, &3.0f64.to_le_bytes()).unwrap();

    let title = Attribute::create(f.handle(), "title", &vlen, &Dataspace::scalar(lib).unwrap(), None).unwrap();
    title.write_strings(&vlen, &[b"from core"]).unwrap();
    let version = Attribute::create(f.handle(), "version", &i32le, &Dataspace::scalar(lib).unwrap(), None).unwrap();
    version.write_raw(&i32le, &7i32.to_le_bytes()).unwrap();
    let vector = Attribute::create(f.handle(), "vector", &f64t, &Dataspace::simple(lib, &[3], None).unwrap(), None).unwrap();
    vector.write_raw(&f64t, &le_bytes(&[1.0f64, 2.0, 3.0], f64::to_le_bytes)).unwrap();
    Attribute::create(f.handle(), "empty", &f64t, &Dataspace::null(lib).unwrap(), None).unwrap();

    link::create_soft("/ints/i8", f.handle(), "soft", None).unwrap();
    link::create_external("other.h5", "/x", f.handle(), "ext", None).unwrap();
    link::create_hard(f.handle(), "floats/f64", f.handle(), "hard", None).unwrap();
}

const READ_WITH_H5PY: &str = r#"
import math, h5py, numpy as np
f = h5py.File('from_core.h5', 'r')
def check(what, got, want):
    assert got == want, f"{what}: got {got!r}, want {want!r}"
check('i8', f['ints/i8'][:].tolist(), [-128, 0, 127]); check('i8 dtype', f['ints/i8'].dtype.str, '|i1')
check('u16', f['ints/u16'][:].tolist(), [0, 65535]); check('u16 dtype', f['ints/u16'].dtype.str, '<u2')
check('i64be', f['ints/i64be'][:].tolist(), [-1, 2**40]); check('i64be dtype', f['ints/i64be'].dtype.str, '>i8')
check('u64', f['ints/u64'][:].tolist(), [2**64 - 1])
check('comment', f.id.get_comment(b'ints'), b'integer corner cases')  # GroupID.get_comment (h5o.get_comment returns garbage in h5py 3.16)
check('f16', f['floats/f16'][:].tolist(), [1.5, -2.0]); check('f16 dtype', f['floats/f16'].dtype.str, '<f2')
check('f32', f['floats/f32'][0], np.float32(0.1)); check('f32 dtype', f['floats/f32'].dtype.str, '<f4')
v = f['floats/f64'][:]; check('f64[0]', v[0], math.pi); check('f64[1] nan', math.isnan(v[1]), True)
check('fixed', f['strings/fixed'][:].tolist(), [b'ab', b'hello']); check('fixed dtype', f['strings/fixed'].dtype.str, '|S5')
check('vlen', f['strings/vlen'].asstr()[:].tolist(), ['héllo', '', 'ü'])
info = h5py.check_string_dtype(f['strings/vlen'].dtype); check('vlen info', (info.encoding, info.length), ('utf-8', None))
c = f['compound'][:]
check('compound', c.tolist(), [(1, 2.5), (-3, 0.25)]); check('compound names', c.dtype.names, ('a', 'b'))
check('compound offsets', [c.dtype.fields[n][1] for n in 'ab'], [0, 8]); check('compound size', c.dtype.itemsize, 16)
check('enum', f['enum'][:].tolist(), [0, 2, 1])
check('enum map', h5py.check_enum_dtype(f['enum'].dtype), {'RED': 0, 'GREEN': 1, 'BLUE': 2})
check('array', f['array'][:].tolist(), [[1, 2], [3, 4]]); check('array dtype', f['array'].dtype.str, '|V8')
check('opaque', f['opaque'][0].tobytes(), b'\x01\x02\x03\x04'); check('opaque dtype', f['opaque'].dtype.str, '|V4')
check('opaque tag', f['opaque'].id.get_type().get_tag(), b'')
d = f['chunked']
check('chunked shape', d.shape, (12,)); check('chunked maxshape', d.maxshape, (None,)); check('chunks', d.chunks, (4,))
check('compression', (d.compression, d.compression_opts, d.shuffle, d.fletcher32), ('gzip', 4, True, True))
check('fillvalue', d.fillvalue, -1.0); check('chunked values', d[:].tolist(), [float(i) for i in range(10)] + [-1.0, -1.0])
check('scalar', (f['scalar'].shape, f['scalar'][()]), ((), 3.0))
check('title', f.attrs['title'], 'from core'); check('version', f.attrs['version'], 7)
check('vector', f.attrs['vector'].tolist(), [1.0, 2.0, 3.0]); check('empty', isinstance(f.attrs['empty'], h5py.Empty), True)
check('soft', f.get('soft', getlink=True).path, '/ints/i8'); check('soft value', f['soft'][:].tolist(), [-128, 0, 127])
e = f.get('ext', getlink=True); check('ext', (e.filename, e.path), ('other.h5', '/x')); check('ext value', f['ext'][:].tolist(), [42])
check('hard', f['hard'] == f['floats/f64'], True)
print('OK')
"#;

#[test]
fn file_written_by_core_reads_in_h5py() {
    let Some(python) = test_python() else { return };
    let dir = in_temp_dir(|lib, dir| {
        write_with_core(lib);
        let keep = tempfile::tempdir().unwrap();
        for name in ["from_core.h5", "other.h5"] {
            std::fs::copy(dir.join(name), keep.path().join(name)).unwrap();
        }
        keep
    });
    let out = run_python(&python, dir.path(), READ_WITH_H5PY);
    assert_eq!(out.trim(), "OK");
}

const WRITE_WITH_H5PY: &str = r#"
import h5py, numpy as np
with h5py.File('from_h5py.h5', 'w') as f:
    f['ints'] = np.array([-5, 6, 7], dtype='>i4')
    f['floats'] = np.array([0.5, -0.25], dtype='<f4')
    f['text'] = ['alpha', 'beta']
    f.create_dataset('bytes', data=np.array([b'xy', b'z'], dtype='S3'))
    f.create_dataset('gz', data=np.arange(20, dtype='i2'), chunks=(5,), compression='gzip', compression_opts=6, maxshape=(None,))
    f['rec'] = np.array([(1, 2.0), (3, 4.0)], dtype=[('n', '<i8'), ('x', '<f4')])
    g = f.create_group('grp/sub')
    g.attrs['answer'] = np.int16(42)
    g.attrs['label'] = 'deep'
    f['grp/soft'] = h5py.SoftLink('/ints')
print('OK')
"#;

#[test]
fn file_written_by_h5py_reads_in_core() {
    let Some(python) = test_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run_python(&python, dir.path(), WRITE_WITH_H5PY).trim(), "OK");
    let path = dir.path().join("from_h5py.h5");
    h5lab_core::hdf5::run(move |lib| {
        let f = File::open(lib, path.to_str().unwrap(), access::RDONLY, None).unwrap();

        let ints = Dataset::open(f.handle(), "ints", None).unwrap();
        let ty = ints.datatype().unwrap();
        assert_eq!(ty.describe().unwrap(), TypeDescription::Integer { size: 4, order: ByteOrder::Big, signed: true });
        let mut buf = vec![0u8; 12];
        ints.read_raw(&ty, None, None, &mut buf).unwrap();
        let values: Vec<i32> = buf.chunks(4).map(|c| i32::from_be_bytes(c.try_into().unwrap())).collect();
        assert_eq!(values, vec![-5, 6, 7]);

        let floats = Dataset::open(f.handle(), "floats", None).unwrap();
        assert_eq!(floats.datatype().unwrap().describe().unwrap(), TypeDescription::Float { size: 4, order: ByteOrder::Little });

        let text = Dataset::open(f.handle(), "text", None).unwrap();
        let text_ty = text.datatype().unwrap();
        assert_eq!(
            text_ty.describe().unwrap(),
            TypeDescription::String { size: None, cset: CharSet::Utf8, pad: StrPad::NullTerm }
        );
        let strings = text.read_strings(lib, &text_ty, None, None).unwrap();
        assert_eq!(strings, vec![Some(b"alpha".to_vec()), Some(b"beta".to_vec())]);

        let bytes = Dataset::open(f.handle(), "bytes", None).unwrap();
        assert_eq!(
            bytes.datatype().unwrap().describe().unwrap(),
            TypeDescription::String { size: Some(3), cset: CharSet::Ascii, pad: StrPad::NullPad }
        );

        let gz = Dataset::open(f.handle(), "gz", None).unwrap();
        let dcpl = gz.create_plist().unwrap();
        assert_eq!(dcpl.layout().unwrap(), Layout::Chunked);
        assert_eq!(dcpl.chunk().unwrap(), vec![5]);
        let filters = dcpl.filters().unwrap();
        assert_eq!(filters.len(), 1);
        assert_eq!((filters[0].id, filters[0].values.as_slice()), (1, &[6u32][..]));
        assert_eq!(dcpl.fill_value_status().unwrap(), FillValueStatus::Default);
        assert_eq!(gz.space().unwrap().maxdims().unwrap(), vec![UNLIMITED]);
        assert_eq!(gz.chunk_count(None).unwrap(), 4);
        let chunk = gz.chunk_info(1, None).unwrap();
        assert_eq!(chunk.offset, vec![5]);
        let i16t = Datatype::integer(lib, 2, true, ByteOrder::Little).unwrap();
        let mut buf = vec![0u8; 40];
        gz.read_raw(&i16t, None, None, &mut buf).unwrap();
        let values: Vec<i16> = buf.chunks(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        assert_eq!(values, (0..20).collect::<Vec<i16>>());
        // A hyperslab: elements 3, 5, 7 into a 3-element memory space.
        let file_space = gz.space().unwrap();
        file_space
            .select_hyperslab(h5lab_core::hdf5::dataspace::SelectOp::Set, &[3], Some(&[2]), &[3], None)
            .unwrap();
        let mem_space = Dataspace::simple(lib, &[3], None).unwrap();
        let mut part = vec![0u8; 6];
        gz.read_raw(&i16t, Some(&mem_space), Some(&file_space), &mut part).unwrap();
        assert_eq!(part, vec![3, 0, 5, 0, 7, 0]);

        let rec = Dataset::open(f.handle(), "rec", None).unwrap();
        match rec.datatype().unwrap().describe().unwrap() {
            TypeDescription::Compound { size, members } => {
                assert_eq!(size, 12);
                let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
                assert_eq!(names, ["n", "x"]);
            }
            other => panic!("rec is {other:?}"),
        }

        let sub = Group::open(f.handle(), "grp/sub").unwrap();
        let answer = Attribute::open(sub.handle(), "answer").unwrap();
        let mut two = [0u8; 2];
        answer.read_raw(&i16t, &mut two).unwrap();
        assert_eq!(i16::from_le_bytes(two), 42);
        let label = Attribute::open(sub.handle(), "label").unwrap();
        let label_ty = label.datatype().unwrap();
        assert_eq!(label.read_strings(lib, &label_ty).unwrap(), vec![Some(b"deep".to_vec())]);
        let names: Vec<Vec<u8>> = h5lab_core::hdf5::attribute::list(
            sub.handle(),
            link::IndexType::Name,
            link::IterOrder::Increasing,
        )
        .unwrap()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
        assert_eq!(names, vec![b"answer".to_vec(), b"label".to_vec()]);

        assert_eq!(link::info(f.handle(), "grp/soft", None).unwrap().kind, LinkKind::Soft);
        assert_eq!(link::value(f.handle(), "grp/soft", None).unwrap(), LinkValue::Soft(b"/ints".to_vec()));
        let visited = object::visit(f.handle(), link::IndexType::Name, link::IterOrder::Increasing).unwrap();
        let paths: Vec<String> = visited.iter().map(|(p, _)| String::from_utf8_lossy(p).into_owned()).collect();
        assert_eq!(paths, [".", "bytes", "floats", "grp", "grp/sub", "gz", "ints", "rec", "text"]);
    });
}
