//! `h5lab`: the terminal front end.

use std::process::ExitCode;

const USAGE: &str = "\
h5lab — explore HDF5 files in the h5py/NumPy dialect of Python, without Python

Usage:
  h5lab [--version] [--help]

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
            println!("h5lab {} (HDF5 {major}.{minor}.{release})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("h5lab: unknown argument '{other}'\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
