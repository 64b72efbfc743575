//! `h5lab`: the terminal front end — an IPython-like session, scripts, notebook replay
//! and execution. See `h5lab --help` ([`cli`]).

mod cli;
mod highlight;
mod interactive;
mod notebook;
mod output;
mod paste;
mod replay;
mod script;
mod worker;

use std::process::ExitCode;

use cli::Command;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cli = match cli::parse(&args) {
        Ok(cli) => cli,
        Err(message) => {
            eprintln!("h5lab: {message}\n\n{}", cli::help());
            return ExitCode::from(2);
        }
    };
    let color = output::color_wanted(cli.no_color);
    // Sessions move the process into their working directory: resolve paths first.
    let absolute = |p: std::path::PathBuf| if p.is_absolute() { p } else { std::env::current_dir().map(|d| d.join(&p)).unwrap_or(p) };
    match cli.command {
        Command::Help => {
            print!("{}", cli::help());
            ExitCode::SUCCESS
        }
        Command::Version => {
            let (major, minor, release) = h5lab_core::hdf5::run(h5lab_core::hdf5::library_version);
            println!("h5lab {} (HDF5 {major}.{minor}.{release})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Code(code) => script::code(&code, color),
        Command::Run { file, args } => script::run(&file, &args, color),
        Command::Replay { notebook, check, stop_on_error, in_temp } => {
            replay::replay(&absolute(notebook), check, stop_on_error, in_temp, color)
        }
        Command::Execute { notebook, output, inplace } => {
            replay::execute(&absolute(notebook), output.map(absolute).as_deref(), inplace)
        }
        Command::Interactive { startup } => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
            interactive::run(cwd, color, startup.map(absolute).as_deref())
        }
    }
}
