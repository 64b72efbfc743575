//! h5lab's built-in h5dump against HDF5's own, byte for byte: a corpus of files (written
//! by h5py from the pinned test environment and by core's HDF5 layer) dumped with each
//! supported option set by both, stdout, stderr and exit status compared.
//!
//! The reference is Debian's h5dump (HDF5 1.10.8). h5lab's target is HDF5 2.0's h5dump
//! (the library h5lab and h5py 3.16 bundle); where the two releases print differently,
//! [`as_hdf5_2`] turns 1.10.8's output into 2.0's, each rule with the reason.
//!
//! The seed tutorial's two `!h5dump` outputs are compared with the oracle's recorded
//! text (golden files) without any tool installed.

mod support;

use std::path::Path;

use h5lab_core::hdf5::dataspace::Dataspace;
use h5lab_core::hdf5::datatype::{ByteOrder, Datatype};
use h5lab_core::hdf5::file::access;
use h5lab_core::hdf5::link::{self, IndexType, IterOrder, LinkKind};
use h5lab_core::hdf5::object::{self, ObjectType};
use h5lab_core::hdf5::{attribute, Dataset, File, Group};
use support::tools::{first_difference, reference_tool, run_builtin, run_reference, Run};
use support::{golden_path, in_temp_dir, run_python, test_python};

/// Replaces `from` by `to` everywhere.
fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// HDF5 2.0 closes `H5T_VLEN { base }` with " }" (`vlenblockend` in 2.0's
/// tools/lib/h5tools_dump.c is " }"); 1.10.8 prints `H5T_VLEN { H5T_STD_I32LE}`.
fn vlen_brace_space(bytes: &[u8]) -> Vec<u8> {
    const OPEN: &[u8] = b"H5T_VLEN { ";
    let mut out = bytes.to_vec();
    let mut search = 0;
    while let Some(pos) = out[search..].windows(OPEN.len()).position(|w| w == OPEN) {
        let start = search + pos + OPEN.len();
        let mut depth = 1;
        let mut j = start;
        while j < out.len() && depth > 0 {
            match out[j] {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth == 0 && j >= 2 && out[j - 2] != b' ' {
            out.insert(j - 1, b' ');
        }
        search = start;
    }
    out
}

/// The known differences between HDF5 1.10.8's h5dump (the reference installed) and
/// HDF5 2.0's (h5lab's target), applied to 1.10.8's output.
fn as_hdf5_2(mut run: Run, ours: &Run) -> Run {
    // 1.14.4+/2.0 know IEEE half precision (tools/lib/h5tools_dump.c compares with
    // H5T_IEEE_F16BE/LE); 1.10.8 describes it bit by bit.
    for (old, new) in [
        (&b"16-bit little-endian floating-point 16-bit precision"[..], &b"H5T_IEEE_F16LE"[..]),
        (b"16-bit big-endian floating-point 16-bit precision", b"H5T_IEEE_F16BE"),
    ] {
        run.stdout = replace_all(&run.stdout, old, new);
    }
    run.stdout = vlen_brace_space(&run.stdout);
    // `-p` on unallocated contiguous data: 2.0's h5tools_dump_dcpl prints
    // "OFFSET HADDR_UNDEF" for HADDR_UNDEF; 1.10.8 prints the raw value.
    run.stdout = replace_all(&run.stdout, b"OFFSET 18446744073709551615", b"OFFSET HADDR_UNDEF");
    // The usage text is 2.0's (tools/test/h5dump/expected/h5dump-help.txt): it adds
    // the error-stack, page-buffer, VOL and VFD options 1.10.8 does not have.
    const USAGE: &[u8] = b"usage: h5dump [OPTIONS] files\n";
    if run.stdout.starts_with(USAGE) && ours.stdout.starts_with(USAGE) {
        run.stdout = ours.stdout.clone();
    }
    // "internal error (file <build path>:line N)" names HDF5's own source tree.
    for r in [&mut run.stderr] {
        if let Some(p) = r.windows(16).position(|w| w == b"internal error (") {
            let end = r[p..].iter().position(|&b| b == b'\n').map_or(r.len(), |e| p + e);
            r.splice(p..end, b"internal error".iter().copied());
        }
    }
    run
}

fn normalise_ours(mut run: Run) -> Run {
    if let Some(p) = run.stderr.windows(16).position(|w| w == b"internal error (") {
        let end = run.stderr[p..].iter().position(|&b| b == b'\n').map_or(run.stderr.len(), |e| p + e);
        run.stderr.splice(p..end, b"internal error".iter().copied());
    }
    run
}

/// Paths of datasets, groups, attributes (`obj/attr`) and soft/external links of a file.
#[derive(Default)]
struct Objects {
    datasets: Vec<String>,
    groups: Vec<String>,
    attributes: Vec<String>,
    links: Vec<String>,
}

fn objects_of(dir: &Path, name: &str) -> Objects {
    let path = dir.join(name);
    h5lab_core::hdf5::run(move |lib| {
        let mut found = Objects::default();
        let Ok(file) = File::open(lib, path.as_os_str().as_encoded_bytes(), access::RDONLY, None) else {
            return found;
        };
        let Ok(root) = object::open(file.handle(), "/", None) else { return found };
        if let Ok(names) = attribute::names_at(&root, "/") {
            found.attributes.extend(names.into_iter().map(|n| format!("/{n}")));
        }
        let Ok(links) = link::visit(&root, IndexType::Name, IterOrder::Increasing) else { return found };
        for (rel, info) in links {
            let p = format!("/{}", String::from_utf8_lossy(&rel));
            match info.kind {
                LinkKind::Hard => match object::info_by_name(&root, &rel, None).map(|i| i.kind) {
                    Ok(ObjectType::Dataset) => found.datasets.push(p.clone()),
                    Ok(ObjectType::Group) => found.groups.push(p.clone()),
                    _ => {}
                },
                _ => found.links.push(p.clone()),
            }
            if info.kind == LinkKind::Hard {
                if let Ok(names) = attribute::names_at(&root, &rel) {
                    found.attributes.extend(names.into_iter().map(|n| format!("{p}/{n}")));
                }
            }
        }
        found
    })
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Files written by core's own HDF5 layer (not h5py): integer data and an object
/// comment, which h5py cannot set.
fn write_core_files(dir: &Path) {
    let path = dir.join("core_written.h5");
    h5lab_core::hdf5::run(move |lib| {
        let f = File::create(lib, path.as_os_str().as_encoded_bytes(), access::TRUNC, None, None).expect("create");
        let g = Group::create(f.handle(), "commented", None, None).expect("group");
        object::set_comment(g.handle(), Some(b"a group comment")).expect("comment");
        let ty = Datatype::integer(lib, 2, true, ByteOrder::Big).expect("type");
        let space = Dataspace::simple(lib, &[3, 4], None).expect("space");
        let d = Dataset::create(g.handle(), "be16", &ty, &space, None, None, None).expect("dataset");
        let values: Vec<u8> = (0..12i16).flat_map(|v| (v * 300 - 1000).to_be_bytes()).collect();
        d.write_raw(&ty, None, None, &values).expect("write");
        object::set_comment(d.handle(), Some(b"big-endian shorts")).expect("comment");
        let s = Datatype::variable_string(lib, h5lab_core::hdf5::datatype::CharSet::Utf8).expect("string");
        let one = Dataspace::simple(lib, &[2], None).expect("space");
        let a = h5lab_core::hdf5::Attribute::create(g.handle(), "labels", &s, &one, None).expect("attr");
        a.write_strings(&s, &[b"first", b"second"]).expect("write");
    });
}

#[test]
fn h5dump_matches_hdf5_h5dump_on_the_corpus() {
    let Some(tool) = reference_tool("h5dump") else { return };
    let Some(python) = test_python() else { return };
    let dir = tempfile::tempdir().expect("temporary directory");
    run_python(&python, dir.path(), include_str!("support/h5corpus.py"));
    write_core_files(dir.path());
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list corpus")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".h5") || n.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} files", files.len());

    let option_sets: Vec<Vec<String>> = [
        &[][..],
        &["-H"],
        &["-A"],
        &["-A", "0"],
        &["-n"],
        &["-n", "1"],
        &["-p", "-H"],
        &["-B", "-H"],
        &["-y"],
        &["-e"],
        &["-r"],
        &["-m", "%.3f"],
        &["-w", "40"],
        &["-w", "0"],
        &["-H", "-q", "creation_order"],
        &["-z", "descending", "-H"],
    ]
    .iter()
    .map(|s| args(s))
    .collect();

    let mut cases: Vec<Vec<String>> = Vec::new();
    for file in &files {
        for set in &option_sets {
            let mut a = set.clone();
            a.push(file.clone());
            cases.push(a);
        }
        let objects = objects_of(dir.path(), file);
        for d in objects.datasets.iter().take(8) {
            cases.push(args(&["-d", d, file]));
            cases.push(args(&["-p", "-d", d, file]));
        }
        if let Some(d) = objects.datasets.first() {
            cases.push(args(&["-N", d, file]));
            cases.push(args(&["-y", "-d", d, file]));
        }
        for g in objects.groups.iter().take(3) {
            cases.push(args(&["-g", g, file]));
        }
        for a in objects.attributes.iter().take(4) {
            cases.push(args(&["-a", a, file]));
        }
        for l in objects.links.iter().take(4) {
            cases.push(args(&["-l", l, file]));
        }
    }
    for bad in [
        &["missing.h5"][..],
        &["text.txt"],
        &["-d", "/nope", "dataset.h5"],
        &["-g", "/nope", "dataset.h5"],
        &["-t", "/nope", "dataset.h5"],
        &["-a", "/nope/x", "dataset.h5"],
        &["-a", "/data/x", "dataset.h5"],
        &["-l", "/data", "dataset.h5"],
        &["-Q", "dataset.h5"],
        &["--bogus", "dataset.h5"],
        &[],
        &["-H"],
        &["dataset.h5", "missing.h5", "link.h5"],
        &["dataset.h5", "link.h5"],
        &["-d", "/data", "-d", "/data", "dataset.h5"],
    ] {
        cases.push(args(bad));
    }

    let mut failures = Vec::new();
    for case in &cases {
        let ours = normalise_ours(run_builtin("h5dump", dir.path(), case));
        let expected = as_hdf5_2(run_reference(&tool, dir.path(), case), &ours);
        if expected != ours {
            let what = if expected.stdout != ours.stdout {
                format!("stdout: {}", first_difference(&expected.stdout, &ours.stdout))
            } else if expected.stderr != ours.stderr {
                format!("stderr: {}", first_difference(&expected.stderr, &ours.stderr))
            } else {
                format!("status: expected {}, got {}", expected.status, ours.status)
            };
            failures.push(format!("h5dump {}\n  {what}", case.join(" ")));
        }
    }
    eprintln!("h5dump parity: {} files, {} command lines compared", files.len(), cases.len());
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

fn write_tutorial_dataset(lib: &h5lab_core::hdf5::Library, path: &Path) {
    let f = File::create(lib, path.as_os_str().as_encoded_bytes(), access::TRUNC, None, None).expect("create");
    let int8 = Datatype::integer(lib, 1, true, ByteOrder::Little).expect("int8");
    let space = Dataspace::simple(lib, &[100], None).expect("space");
    let ds = Dataset::create(f.handle(), "/data", &int8, &space, None, None, None).expect("dataset");
    ds.write_raw(&int8, None, None, &(0..100u8).collect::<Vec<_>>()).expect("write");
}

#[test]
fn seed_tutorial_h5dump_outputs_match_the_oracle() {
    in_temp_dir(|lib, dir| {
        write_tutorial_dataset(lib, &dir.join("dataset.h5"));
        let f = File::create(lib, "link.h5", access::TRUNC, None, None).expect("create link.h5");
        let g = Group::create(f.handle(), "links", None, None).expect("group");
        link::create_external("dataset.h5", "/data", g.handle(), "data", None).expect("external link");
        drop(g);
        drop(f);
        // The tutorial removes dataset.h5 before `!h5dump link.h5`.
        std::fs::remove_file(dir.join("dataset.h5")).expect("rm dataset.h5");
        let mut out = Vec::new();
        let mut err = Vec::new();
        let status = h5lab_core::render::ddl::h5dump(lib, &["link.h5".to_string()], dir, &mut out, &mut err);
        let expected = std::fs::read(golden_path("h5dump_link.txt")).expect("golden");
        assert_eq!((status, String::from_utf8_lossy(&out)), (0, String::from_utf8_lossy(&expected)));
        assert!(err.is_empty());

        write_tutorial_dataset(lib, &dir.join("dataset.h5"));
        let mut out = Vec::new();
        let status = h5lab_core::render::ddl::h5dump(lib, &["dataset.h5".to_string()], dir, &mut out, &mut err);
        let expected = std::fs::read(golden_path("h5dump_dataset.txt")).expect("golden");
        assert_eq!((status, String::from_utf8_lossy(&out)), (0, String::from_utf8_lossy(&expected)));
    });
}

#[test]
fn corrupt_and_missing_files_are_errors_not_panics() {
    in_temp_dir(|lib, dir| {
        write_tutorial_dataset(lib, &dir.join("good.h5"));
        let good = std::fs::read(dir.join("good.h5")).expect("read");
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty.h5", Vec::new()),
            ("half.h5", good[..good.len() / 2].to_vec()),
            ("head.h5", good[..100].to_vec()),
            ("flipped.h5", good.iter().enumerate().map(|(i, b)| if i % 13 == 5 { !b } else { *b }).collect()),
        ];
        for (name, bytes) in cases {
            std::fs::write(dir.join(name), bytes).expect("write");
            for opts in [&[][..], &["-p"], &["-n"], &["-B"]] {
                let mut a: Vec<String> = opts.iter().map(|s| s.to_string()).collect();
                a.push(name.to_string());
                let (mut out, mut err) = (Vec::new(), Vec::new());
                let _ = h5lab_core::render::ddl::h5dump(lib, &a, dir, &mut out, &mut err);
            }
        }
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = h5lab_core::render::ddl::h5dump(lib, &["nope.h5".to_string()], dir, &mut out, &mut err);
        assert_eq!(status, 1);
        assert_eq!(String::from_utf8_lossy(&err), "h5dump error: unable to open file \"nope.h5\"\n");
        assert!(out.is_empty());
    });
}
