//! Runs h5lab's built-in `h5dump` or `h5ls` from the command line, for comparing with
//! HDF5's own tools and for benchmarks: `h5tool h5dump [ARGS...]`, `h5tool h5ls [ARGS...]`.

use std::io::Write;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: h5tool h5dump|h5ls [ARGS...]");
        std::process::exit(2);
    }
    let tool = args.remove(0);
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let status = h5lab_core::hdf5::run(move |lib| {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let mut err = std::io::stderr();
        let status = match tool.as_str() {
            "h5dump" => h5lab_core::render::ddl::h5dump(lib, &args, &cwd, &mut out, &mut err),
            "h5ls" => h5lab_core::render::h5ls::h5ls(lib, &args, &cwd, &mut out, &mut err),
            _ => 2,
        };
        let _ = out.flush();
        status
    });
    std::process::exit(status);
}
