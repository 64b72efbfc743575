//! h5lab's own `h5dump`: HDF5 files as DDL text, byte for byte as HDF5 2.0's `h5dump`
//! prints them, for the options it accepts (see [`h5dump`]).

mod args;
mod contents;
mod data;
mod dump;
mod layout;
mod props;
mod tables;
mod types;
mod values;

use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use crate::hdf5::file::access;
use crate::hdf5::link::IterOrder;
use crate::hdf5::{object, File, Group, Library, PropertyList};

pub use layout::{Ctx, Format, IndexStyle, Out};

use crate::render::cfmt::FloatFormat;
use dump::{Dumper, COL};
use tables::Tables;

/// What to print for one object named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// `-a`.
    Attribute(String),
    /// `-d`.
    Dataset(String),
    /// `-g`.
    Group(String),
    /// `-l`.
    Link(String),
    /// `-t`.
    Datatype(String),
    /// `-N`.
    AnyPath(String),
}

/// h5dump's settings after the command line.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub display_all: bool,
    pub display_data: bool,
    pub display_attr_data: bool,
    pub include_attrs: bool,
    pub contents: Option<bool>,
    pub superblock: bool,
    pub display_dcpl: bool,
    pub display_ai: bool,
    pub display_escape: bool,
    pub display_char: bool,
    pub ncols: usize,
    pub fp_format: Option<String>,
    pub output: Option<String>,
    pub sort_by_creation: bool,
    pub sort_descending: bool,
    pub targets: Vec<Target>,
    pub files: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            display_all: true,
            display_data: true,
            display_attr_data: true,
            include_attrs: true,
            contents: None,
            superblock: false,
            display_dcpl: false,
            display_ai: true,
            display_escape: false,
            display_char: false,
            ncols: 80,
            fp_format: None,
            output: None,
            sort_by_creation: false,
            sort_descending: false,
            targets: Vec::new(),
            files: Vec::new(),
        }
    }
}

/// Prints a dataset's values (no `DATA {}` around them) with `fmt` from `ctx`, as
/// HDF5's tools' `h5tools_dump_dset` does; h5ls's `-d` uses it.
pub fn dump_values(out: &mut Out, lib: &Library, fmt: &Format, ctx: &mut Ctx, dset: &crate::hdf5::Dataset) -> crate::hdf5::Result<()> {
    data::dump_dataset_values(out, lib, fmt, ctx, dset, &dset.datatype()?, &dset.space()?, None)
}

/// Runs h5dump with `args` (without the program name), relative file names resolved
/// against `cwd`; DDL goes to `out`, messages to `err`. Returns the exit status (0, or
/// 1 on any error, as HDF5's h5dump).
pub fn h5dump(lib: &Library, args: &[String], cwd: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let opts = match args::parse(args) {
        args::Parsed::Run(opts) => opts,
        args::Parsed::Exit { stdout, stderr, status } => {
            let _ = out.write_all(stdout.as_bytes());
            let _ = err.write_all(stderr.as_bytes());
            return status;
        }
    };
    let (major, minor, release) = crate::hdf5::library_version(lib);
    let _ = (major, minor, release);
    let mut data_file = None;
    if let Some(name) = &opts.output {
        match std::fs::File::create(cwd.join(name)) {
            Ok(f) => data_file = Some(f),
            Err(_) => {
                let _ = err.write_all(args::usage().as_bytes());
                return 1;
            }
        }
    }
    let mut status = 0;
    let mut stdout = Out::new(out);
    if let Some(f) = data_file.as_mut() {
        stdout.set_data_sink(f);
    }
    for name in &opts.files {
        let path = cwd.join(name);
        let file = match File::open(lib, path.as_os_str().as_encoded_bytes(), access::RDONLY, None) {
            Ok(f) => f,
            Err(_) => {
                stdout.flush();
                let _ = write!(err, "h5dump error: unable to open file \"{name}\"\n");
                status = 1;
                break;
            }
        };
        // External storage files are named relative to the working directory, as for
        // a tool run there; HDF5 reads it from the process, so go there meanwhile.
        let previous = std::env::current_dir().ok();
        let moved = previous.as_deref() != Some(cwd) && std::env::set_current_dir(cwd).is_ok();
        let (file_status, errors, stop) = dump_file(lib, &opts, &mut stdout, &file, name, None);
        if let (true, Some(p)) = (moved, previous) {
            let _ = std::env::set_current_dir(p);
        }
        stdout.flush();
        for e in errors {
            let _ = err.write_all(e.as_bytes());
        }
        if file_status != 0 {
            status = file_status;
        }
        if stop {
            break;
        }
    }
    if stdout.finish().is_err() {
        status = 1;
    }
    status
}

fn base_format(opts: &Options) -> Format {
    let mut fmt = Format::h5dump(if opts.ncols == 0 { 65535 } else { opts.ncols });
    if opts.ncols == 0 {
        fmt.line_per_line = 1;
    }
    fmt.do_escape = opts.display_escape;
    fmt.float_fmt = opts.fp_format.as_deref().and_then(FloatFormat::parse).map(Rc::new);
    fmt.double_fmt = fmt.float_fmt.clone();
    fmt
}

/// Dumps one open file; returns (status, error messages, whether to stop).
fn dump_file(
    lib: &Library,
    opts: &Options,
    out: &mut Out,
    file: &File,
    name: &str,
    dapl: Option<PropertyList>,
) -> (i32, Vec<String>, bool) {
    let root = match object::open(file.handle(), "/", None) {
        Ok(r) => r,
        Err(_) => return (1, vec!["h5dump error: internal error (file h5dump.c)\n".into()], true),
    };
    let order = if opts.sort_descending { IterOrder::Decreasing } else { IterOrder::Increasing };
    let (fileno, tables) = match (object::info(&root), Tables::build(&root, order)) {
        (Ok(info), Ok(tables)) => (info.fileno, tables),
        _ => return (1, vec!["h5dump error: internal error (file h5dump.c)\n".into()], true),
    };
    out.put(format!("HDF5 \"{name}\" {{").as_bytes());
    if let Some(with_attrs) = opts.contents {
        out.put(b"\n");
        let status = contents::dump_contents(out, &root, with_attrs);
        out.put(b"}\n");
        return (status, Vec::new(), true);
    }
    if opts.superblock {
        contents::dump_superblock(out, file);
    }
    let mut dumper = Dumper {
        lib,
        opts,
        out,
        fmt: base_format(opts),
        indent: 0,
        tables: vec![(fileno, tables)],
        current: 0,
        prefix: String::new(),
        hit_elink: false,
        status: std::cell::Cell::new(0),
        errors: Vec::new(),
        dapl,
    };
    if opts.display_all {
        match Group::open(file.handle(), "/") {
            Ok(root_group) => {
                dumper.indent += COL;
                if dumper.dump_group(&root_group, "/").is_err() {
                    dumper.status.set(1);
                }
                dumper.indent -= COL;
                dumper.out.put(b"\n");
            }
            Err(_) => dumper.error("unable to open root group\n".into()),
        }
    } else {
        for target in &opts.targets {
            let result = match target {
                Target::Attribute(p) => {
                    dumper.handle_attribute(file, p);
                    Ok(())
                }
                Target::Dataset(p) => dumper.handle_dataset(file.handle(), p, true, None),
                Target::Group(p) => dumper.handle_group(file.handle(), p, true, None),
                Target::Datatype(p) => dumper.handle_datatype(file.handle(), p, true, None),
                Target::Link(p) => {
                    dumper.handle_link(file.handle(), p);
                    Ok(())
                }
                Target::AnyPath(p) => dumper.handle_path(file, p),
            };
            if result.is_err() {
                dumper.status.set(1);
            }
        }
        dumper.out.put(b"\n");
    }
    dumper.out.put(b"}\n");
    (dumper.status.get(), dumper.errors, false)
}
