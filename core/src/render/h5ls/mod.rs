//! h5lab's own `h5ls`: one line per link (`name   Group`, `Dataset {dims}`, `Soft Link
//! {target}`, ...), recursively with `-r`, with data (`-d`), as HDF5's h5ls prints it.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use crate::hdf5::dataspace::{SpaceClass, UNLIMITED};
use crate::hdf5::file::access;
use crate::hdf5::link::{self, IndexType, IterOrder, LinkInfo, LinkKind, LinkValue};
use crate::hdf5::object::{self, ObjectType};
use crate::hdf5::{Dataset, File, Handle, Library};
use crate::render::cfmt::FloatFormat;
use crate::render::ddl::{Ctx, Format, IndexStyle, Out};

/// h5ls's settings after the command line.
#[derive(Debug, Clone, Default)]
struct Options {
    recursive: bool,
    full_names: bool,
    data: bool,
    simple: bool,
    label: bool,
    width: Option<usize>,
}

fn usage() -> &'static str {
    include_str!("usage.txt")
}

/// Runs h5ls with `args` (without the program name), relative file names resolved
/// against `cwd`; returns the exit status (0, or 1 on any error, as HDF5's h5ls).
pub fn h5ls(lib: &Library, args: &[String], cwd: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut opts = Options::default();
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') && args[i] != "-" {
        let word = args[i].as_str();
        i += 1;
        match word {
            "--" => break,
            "-r" | "--recursive" => opts.recursive = true,
            "-f" | "--full" => opts.full_names = true,
            "-d" | "--data" => opts.data = true,
            "-S" | "--simple" => opts.simple = true,
            "-l" | "--label" => opts.label = true,
            "-a" | "--address" | "-g" | "--group" => {}
            "-h" | "-?" | "--help" => {
                let _ = out.write_all(usage().as_bytes());
                return 0;
            }
            "-V" | "--version" => {
                let _ = writeln!(out, "h5ls: Version 2.0.0 (h5lab {})", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            w if w.starts_with("--width=") => opts.width = w[8..].parse().ok(),
            w if w.starts_with("-w") => {
                let v = if w.len() > 2 {
                    Some(w[2..].to_string())
                } else if i < args.len() {
                    i += 1;
                    Some(args[i - 1].clone())
                } else {
                    None
                };
                match v.and_then(|v| v.parse::<usize>().ok()) {
                    Some(n) => opts.width = Some(n),
                    None => {
                        let _ = out.write_all(usage().as_bytes());
                        return 1;
                    }
                }
            }
            w if w.len() > 2 && !w.starts_with("--") && w[1..].chars().all(|c| "rfdSlag".contains(c)) => {
                for c in w[1..].chars() {
                    match c {
                        'r' => opts.recursive = true,
                        'f' => opts.full_names = true,
                        'd' => opts.data = true,
                        'S' => opts.simple = true,
                        'l' => opts.label = true,
                        _ => {}
                    }
                }
            }
            _ => {
                let _ = out.write_all(usage().as_bytes());
                return 1;
            }
        }
    }
    if i >= args.len() {
        let _ = out.write_all(usage().as_bytes());
        return 1;
    }
    let mut status = 0;
    let mut stdout = Out::new(out);
    for spec in &args[i..] {
        // `file.h5/group/obj`: the longest prefix that opens as a file.
        let mut cut = spec.len();
        let mut opened = None;
        loop {
            let name = &spec[..cut];
            let path = cwd.join(name);
            if path.is_file() {
                if let Ok(f) = File::open(lib, path.as_os_str().as_encoded_bytes(), access::RDONLY, None) {
                    opened = Some((f, spec[cut..].to_string()));
                    break;
                }
            }
            match spec[..cut].rfind('/') {
                Some(p) if p > 0 => cut = p,
                _ => break,
            }
        }
        let Some((file, object_path)) = opened else {
            stdout.flush();
            let _ = writeln!(err, "{spec}: unable to open file");
            status = 1;
            continue;
        };
        // External storage files are named relative to the working directory.
        let previous = std::env::current_dir().ok();
        let moved = previous.as_deref() != Some(cwd) && std::env::set_current_dir(cwd).is_ok();
        if list_file(lib, &opts, &mut stdout, &file, &object_path) != 0 {
            status = 1;
        }
        if let (true, Some(p)) = (moved, previous) {
            let _ = std::env::set_current_dir(p);
        }
    }
    if stdout.finish().is_err() {
        status = 1;
    }
    status
}

struct Lister<'a, 'o> {
    lib: &'a Library,
    opts: &'a Options,
    out: &'a mut Out<'o>,
    seen: HashMap<[u8; 16], String>,
}

fn dims_text(dset: &Dataset) -> String {
    let Ok(space) = dset.space() else { return "{?}".into() };
    match space.class() {
        Ok(SpaceClass::Scalar) => "{SCALAR}".into(),
        Ok(SpaceClass::Null) => "{NULL}".into(),
        _ => {
            let (dims, max) = space.extent().unwrap_or_default();
            let parts: Vec<String> = dims
                .iter()
                .zip(max.iter())
                .map(|(&d, &m)| {
                    if m == UNLIMITED {
                        format!("{d}/Inf")
                    } else if m != d {
                        format!("{d}/{m}")
                    } else {
                        d.to_string()
                    }
                })
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

impl Lister<'_, '_> {
    fn name_field(&mut self, name: &str) {
        let shown = display_string(name.as_bytes(), true);
        self.out.put(&shown);
        let pad = 24usize.saturating_sub(shown.len());
        self.out.put(" ".repeat(pad + 1).as_bytes());
    }

    /// One link: its line, its data (`-d`), and with `-r` what is below a group.
    fn list_link(&mut self, parent: &Handle, rel: &str, shown: &str, full: &str, info: &LinkInfo) -> i32 {
        self.name_field(shown);
        match info.kind {
            LinkKind::Soft => {
                self.out.put(b"Soft Link {");
                if let Ok(LinkValue::Soft(t)) = link::value(parent, rel, None) {
                    self.out.put(&t);
                }
                self.out.put(b"}\n");
                0
            }
            LinkKind::External => {
                self.out.put(b"External Link {");
                if let Ok(LinkValue::External { file, path }) = link::value(parent, rel, None) {
                    self.out.put(&file);
                    self.out.put(b"/");
                    self.out.put(&path);
                }
                self.out.put(b"}\n");
                0
            }
            LinkKind::UserDefined(code) => {
                self.out.put(format!("UD Link {{cannot follow UD links, class {code}}}\n").as_bytes());
                0
            }
            LinkKind::Hard => self.list_object(parent, rel, full),
        }
    }

    fn list_object(&mut self, parent: &Handle, rel: &str, full: &str) -> i32 {
        let Ok(oinfo) = object::info_by_name(parent, rel, None) else {
            self.out.put(b"**NOT FOUND**\n");
            return 1;
        };
        let word = match oinfo.kind {
            ObjectType::Group => "Group",
            ObjectType::Dataset => "Dataset",
            ObjectType::NamedDatatype => "Type",
            _ => "Unknown",
        };
        if let Some(first) = self.seen.get(&oinfo.token) {
            self.out.put(format!("{word}, same as {first}\n").as_bytes());
            return 0;
        }
        self.seen.insert(oinfo.token, full.to_string());
        match oinfo.kind {
            ObjectType::Dataset => {
                let Ok(dset) = Dataset::open(parent, rel, None) else {
                    self.out.put(b"Dataset\n");
                    return 1;
                };
                self.out.put(format!("Dataset {}\n", dims_text(&dset)).as_bytes());
                if self.opts.data {
                    self.dump_values(&dset);
                }
                0
            }
            ObjectType::Group => {
                self.out.put(b"Group\n");
                if self.opts.recursive {
                    if let Ok(group) = object::open(parent, rel, None) {
                        return self.list_group(&group, full);
                    }
                }
                0
            }
            _ => {
                self.out.put(format!("{word}\n").as_bytes());
                0
            }
        }
    }

    fn list_group(&mut self, group: &Handle, path: &str) -> i32 {
        // HDF5's h5ls lists what it can and still exits 0 when a group cannot be read.
        let Ok(links) = link::list(group, IndexType::Name, IterOrder::Increasing) else { return 0 };
        let mut status = 0;
        for (name, info) in links {
            let name = String::from_utf8_lossy(&name).into_owned();
            let full = if path.ends_with('/') { format!("{path}{name}") } else { format!("{path}/{name}") };
            let shown = if self.opts.recursive || self.opts.full_names { full.clone() } else { name.clone() };
            status |= self.list_link(group, &name, &shown, &full, &info);
        }
        status
    }

    /// `    Data:` and the values, laid out as h5ls does (`dump_dataset_values`).
    fn dump_values(&mut self, dset: &Dataset) {
        self.out.put(b"    Data:\n");
        let mut fmt = Format::h5dump(self.opts.width.unwrap_or(80));
        fmt.pindex = false;
        fmt.idx = IndexStyle::None;
        fmt.arr_linebreak = false;
        fmt.arr_pre = b"[";
        fmt.arr_sep = b",\x01";
        fmt.arr_suf = b"]";
        fmt.cmpd_sep = b", \x01";
        fmt.cmpd_end = b"";
        fmt.vlen_sep = b",\x01";
        fmt.cmpd_name_eq = self.opts.label;
        fmt.float_fmt = FloatFormat::parse("%1.6g").map(Rc::new);
        fmt.double_fmt = FloatFormat::parse("%1.15g").map(Rc::new);
        fmt.arr_space = false;
        fmt.str_repeat = 8;
        fmt.do_escape = true;
        let mut ctx = Ctx::default();
        if self.opts.simple {
            fmt.ncols = 65535;
            fmt.line_per_line = 1;
            fmt.line_multi_new = false;
            fmt.line_suf = b" ";
            fmt.str_repeat = 0;
            ctx.indent_level = 0;
        }
        ctx.indent_level = 3;
        ctx.need_prefix = true;
        let _ = crate::render::ddl::dump_values(self.out, self.lib, &fmt, &mut ctx, dset);
        self.out.put(b"\n");
    }
}

/// A name as h5ls shows it (`display_string`): C escapes for control characters and
/// octal for bytes that do not print, spaces escaped in names.
fn display_string(s: &[u8], escape_spaces: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b' ' if escape_spaces => out.extend_from_slice(b"\\ "),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\{c:03o}").as_bytes()),
        }
    }
    out
}

fn list_file(lib: &Library, opts: &Options, out: &mut Out, file: &File, object_path: &str) -> i32 {
    let Ok(root) = object::open(file.handle(), "/", None) else { return 1 };
    let mut lister = Lister { lib, opts, out, seen: HashMap::new() };
    let target = object_path.trim_start_matches('/');
    if target.is_empty() {
        if let Ok(info) = object::info(&root) {
            lister.seen.insert(info.token, "/".into());
        }
        if opts.recursive {
            lister.name_field("/");
            lister.out.put(b"Group\n");
        }
        return lister.list_group(&root, "/");
    }
    let full = format!("/{target}");
    match link::info(&root, target, None) {
        Err(_) => {
            let shown = target.rsplit('/').next().unwrap_or(target).to_string();
            lister.out.put(format!("{shown:<10} **NOT FOUND** ").as_bytes());
            let _ = full;
            1
        }
        Ok(info) => {
            let is_group = info.kind == LinkKind::Hard
                && object::info_by_name(&root, target, None).map(|i| i.kind) == Ok(ObjectType::Group);
            if is_group {
                // Listing a group lists its members (with -r, recursively).
                let Ok(group) = object::open(&root, target, None) else { return 1 };
                if let Ok(i) = object::info(&group) {
                    lister.seen.insert(i.token, full.clone());
                }
                lister.list_group(&group, "/")
            } else {
                let shown = if opts.full_names { full.clone() } else { target.rsplit('/').next().unwrap_or(target).to_string() };
                lister.list_link(&root, target, &shown, &full, &info)
            }
        }
    }
}
