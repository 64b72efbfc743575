//! Runs a percent-format cells file through an h5lab Session in a fresh temporary
//! directory and prints the oracle-shaped JSON (for comparing with compare.py).
//!
//!   cargo run -p h5lab-core --example run_cells -- CELLS.py > OUT.json

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: run_cells CELLS.py");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("run_cells: {path}: {e}");
        std::process::exit(1);
    });
    let cells = h5lab_core::cells::split_cells(&text);
    let json = h5lab_core::hdf5::run(move |lib| {
        let dir = std::env::temp_dir().join(format!("cells-h5lab{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let options = h5lab_core::session::SessionOptions { cwd: dir, interrupt: Arc::new(AtomicBool::new(false)), color: true };
        let mut session = h5lab_core::session::Session::new(lib, options);
        h5lab_core::cells::run_cells_json(&mut session, &cells).to_string()
    });
    println!("{json}");
}
