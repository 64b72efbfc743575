//! The command line, defined once in [`FLAGS`]: parsing and `--help` both read it.

use std::path::PathBuf;

use crate::install::{Location, DEFAULT_NAME};

/// What the program was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Serve the kernel on a connection file.
    Kernel {
        /// The connection file.
        connection_file: PathBuf,
    },
    /// Install the kernelspec.
    Install {
        /// Where.
        location: Location,
        /// Kernel name (directory name).
        name: String,
        /// Display name override.
        display_name: Option<String>,
    },
    /// Remove the kernelspec.
    Uninstall {
        /// Where.
        location: Location,
        /// Kernel name.
        name: String,
    },
    /// Print help.
    Help,
    /// Print versions.
    Version,
}

/// Which command a flag belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Kernel,
    Install,
    Both,
    Any,
}

/// One flag.
struct Flag {
    long: &'static str,
    short: Option<char>,
    value: Option<&'static str>,
    scope: Scope,
    help: &'static str,
}

/// Every flag, in the order `--help` lists them.
const FLAGS: &[Flag] = &[
    Flag {
        long: "connection-file",
        short: Some('f'),
        value: Some("FILE"),
        scope: Scope::Kernel,
        help: "serve the kernel on the connection file a Jupyter client wrote",
    },
    Flag {
        long: "user",
        short: None,
        value: None,
        scope: Scope::Both,
        help: "the user's Jupyter data directory (the default), e.g. ~/.local/share/jupyter/kernels",
    },
    Flag {
        long: "sys-prefix",
        short: None,
        value: None,
        scope: Scope::Both,
        help: "the active environment: $VIRTUAL_ENV (or $CONDA_PREFIX, else /usr/local)/share/jupyter/kernels",
    },
    Flag { long: "prefix", short: None, value: Some("DIR"), scope: Scope::Both, help: "DIR/share/jupyter/kernels" },
    Flag {
        long: "name",
        short: None,
        value: Some("NAME"),
        scope: Scope::Both,
        help: "the kernel's name, its directory under kernels/ (default: h5lab)",
    },
    Flag {
        long: "display-name",
        short: None,
        value: Some("TEXT"),
        scope: Scope::Install,
        help: "the name shown in Jupyter's launcher (default: \"HDF5 (h5lab)\")",
    },
    Flag { long: "help", short: Some('h'), value: None, scope: Scope::Any, help: "print this help and exit" },
    Flag {
        long: "version",
        short: Some('V'),
        value: None,
        scope: Scope::Any,
        help: "print h5lab's and HDF5's versions and exit",
    },
];

/// The `--help` text.
pub fn help() -> String {
    let mut out = String::from(
        "h5lab-kernel — the HDF5 (h5lab) Jupyter kernel: the h5py/NumPy dialect of Python, no Python needed\n\n\
         Usage:\n  \
         h5lab-kernel --connection-file FILE       run the kernel (Jupyter starts it so)\n  \
         h5lab-kernel install [LOCATION] [--name NAME] [--display-name TEXT]\n  \
         h5lab-kernel uninstall [LOCATION] [--name NAME]\n\n\
         LOCATION is one of --user (default), --sys-prefix, --prefix DIR.\n",
    );
    let sections = [
        ("Kernel", &[Scope::Kernel][..]),
        ("install / uninstall", &[Scope::Both, Scope::Install][..]),
        ("General", &[Scope::Any][..]),
    ];
    for (title, scopes) in sections {
        out.push_str(&format!("\n{title} options:\n"));
        for flag in FLAGS.iter().filter(|f| scopes.contains(&f.scope)) {
            let mut left = match flag.short {
                Some(c) => format!("-{c}, --{}", flag.long),
                None => format!("    --{}", flag.long),
            };
            if let Some(v) = flag.value {
                left.push(' ');
                left.push_str(v);
            }
            let only = if flag.scope == Scope::Install { " (install only)" } else { "" };
            out.push_str(&format!("  {left:<28} {}{only}\n", flag.help));
        }
    }
    out
}

/// Parses the arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut command: Option<&str> = None;
    let mut values: Vec<(&'static Flag, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        let (flag, inline) = if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            (FLAGS.iter().find(|f| f.long == name).ok_or_else(|| format!("unknown option '--{name}'"))?, inline)
        } else if arg.len() == 2 && arg.starts_with('-') && arg != "--" {
            let c = arg.chars().nth(1).unwrap_or('-');
            (FLAGS.iter().find(|f| f.short == Some(c)).ok_or_else(|| format!("unknown option '{arg}'"))?, None)
        } else if command.is_none() && (arg == "install" || arg == "uninstall") {
            command = Some(if arg == "install" { "install" } else { "uninstall" });
            continue;
        } else {
            return Err(format!("unexpected argument '{arg}'"));
        };
        let value = match (flag.value, inline) {
            (None, None) => None,
            (None, Some(_)) => return Err(format!("'--{}' takes no value", flag.long)),
            (Some(_), Some(v)) => Some(v),
            (Some(name), None) => {
                let v = args.get(i).ok_or_else(|| format!("'--{}' needs a value ({name})", flag.long))?;
                i += 1;
                Some(v.clone())
            }
        };
        values.push((flag, value));
    }
    let has = |long: &str| values.iter().any(|(f, _)| f.long == long);
    let value = |long: &str| values.iter().rev().find(|(f, _)| f.long == long).and_then(|(_, v)| v.clone());
    if has("help") {
        return Ok(Command::Help);
    }
    if has("version") {
        return Ok(Command::Version);
    }
    for (flag, _) in &values {
        let allowed = match (command, flag.scope) {
            (_, Scope::Any) => true,
            (None, s) => s == Scope::Kernel,
            (Some("install"), s) => s == Scope::Both || s == Scope::Install,
            (Some(_), s) => s == Scope::Both,
        };
        if !allowed {
            let context = command.map_or("the kernel".to_string(), |c| format!("'{c}'"));
            return Err(format!("'--{}' does not apply to {context}", flag.long));
        }
    }
    let Some(command) = command else {
        return match value("connection-file") {
            Some(file) => Ok(Command::Kernel { connection_file: PathBuf::from(file) }),
            None => Ok(Command::Help),
        };
    };
    let locations = ["user", "sys-prefix", "prefix"].iter().filter(|l| has(l)).count();
    if locations > 1 {
        return Err("choose one of --user, --sys-prefix, --prefix".into());
    }
    let location = if has("sys-prefix") {
        Location::SysPrefix
    } else if let Some(dir) = value("prefix") {
        Location::Prefix(PathBuf::from(dir))
    } else {
        Location::User
    };
    let name = value("name").unwrap_or_else(|| DEFAULT_NAME.to_string());
    Ok(if command == "install" {
        Command::Install { location, name, display_name: value("display-name") }
    } else {
        Command::Uninstall { location, name }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn connection_file_long_short_and_inline() {
        let want = Command::Kernel { connection_file: "k.json".into() };
        assert_eq!(p(&["--connection-file", "k.json"]), Ok(want.clone()));
        assert_eq!(p(&["-f", "k.json"]), Ok(want.clone()));
        assert_eq!(p(&["--connection-file=k.json"]), Ok(want));
        assert!(p(&["-f"]).is_err());
    }

    #[test]
    fn install_locations() {
        assert_eq!(
            p(&["install"]),
            Ok(Command::Install { location: Location::User, name: "h5lab".into(), display_name: None })
        );
        assert_eq!(
            p(&["install", "--prefix", "/tmp/p", "--name", "x"]),
            Ok(Command::Install { location: Location::Prefix("/tmp/p".into()), name: "x".into(), display_name: None })
        );
        assert_eq!(p(&["uninstall", "--sys-prefix"]), Ok(Command::Uninstall { location: Location::SysPrefix, name: "h5lab".into() }));
        assert!(p(&["install", "--user", "--sys-prefix"]).is_err());
        assert!(p(&["install", "-f", "x"]).is_err());
        assert!(p(&["uninstall", "--display-name", "x"]).is_err());
        assert!(p(&["--prefix", "x"]).is_err());
        assert!(p(&["bogus"]).is_err());
    }

    #[test]
    fn help_lists_every_flag() {
        let text = help();
        for flag in FLAGS {
            assert!(text.contains(&format!("--{}", flag.long)), "{} missing", flag.long);
        }
        assert_eq!(p(&[]), Ok(Command::Help));
        assert_eq!(p(&["install", "--help"]), Ok(Command::Help));
        assert_eq!(p(&["-V"]), Ok(Command::Version));
    }
}
