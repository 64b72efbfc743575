//! `h5lab-kernel`: the Jupyter kernel front end.

use std::process::ExitCode;

const USAGE: &str = "\
h5lab-kernel — the HDF5 (h5lab) Jupyter kernel

Usage:
  h5lab-kernel [--version] [--help]

Options:
  -h, --help     print this help and exit
  -V, --version  print h5lab's and HDF5's versions and exit
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V") | Some("--version") => {
            let (major, minor, release) = h5lab_core::hdf5::run(|lib| h5lab_core::hdf5::library_version(lib));
            println!("h5lab-kernel {} (HDF5 {major}.{minor}.{release})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("h5lab-kernel: unknown argument '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
