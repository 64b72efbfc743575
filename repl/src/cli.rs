//! The command line, defined once: the commands and flags below are what the parser
//! accepts and what `--help` prints.

use std::path::PathBuf;

/// A subcommand (or the interactive session, `None`).
struct CommandSpec {
    name: &'static str,
    usage: &'static str,
    about: &'static str,
}

const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "",
        usage: "h5lab [-c CODE | -i NOTEBOOK.ipynb|FILE.py]",
        about: "start an interactive session (or run CODE as one cell; or show FILE's cells run first, then go on)",
    },
    CommandSpec { name: "run", usage: "h5lab run FILE.py [ARGS...]", about: "run a script (plain Python or `# %%` cells) without prompts" },
    CommandSpec {
        name: "replay",
        usage: "h5lab replay NOTEBOOK.ipynb|CELLS.py [--check] [--stop-on-error] [--in-temp]",
        about: "run a notebook's code cells in order, showing each cell and its outputs",
    },
    CommandSpec {
        name: "execute",
        usage: "h5lab execute NOTEBOOK.ipynb [-o OUT.ipynb] [--inplace]",
        about: "run a notebook and write its outputs into it (as nbclient would)",
    },
];

/// A flag: its names, the value it takes, which commands accept it, its help.
struct FlagSpec {
    long: &'static str,
    short: Option<char>,
    value: Option<&'static str>,
    commands: &'static [&'static str],
    help: &'static str,
}

const FLAGS: &[FlagSpec] = &[
    FlagSpec { long: "code", short: Some('c'), value: Some("CODE"), commands: &[""], help: "run CODE as one cell, print its outputs, exit (1 on an error)" },
    FlagSpec {
        long: "interactive",
        short: Some('i'),
        value: Some("FILE"),
        commands: &[""],
        help: "run the cells of FILE (.ipynb or .py, `# %%` cells) as typed In [n] cells, then stay interactive",
    },
    FlagSpec { long: "check", short: None, value: None, commands: &["replay"], help: "compare each cell's outputs with the recorded ones; exit 1 on a difference" },
    FlagSpec { long: "stop-on-error", short: None, value: None, commands: &["replay"], help: "stop at the first cell that raises" },
    FlagSpec { long: "in-temp", short: None, value: None, commands: &["replay"], help: "run in a temporary copy of the notebook's directory" },
    FlagSpec { long: "output", short: Some('o'), value: Some("OUT.ipynb"), commands: &["execute"], help: "write the executed notebook to OUT.ipynb (default: NOTEBOOK.nbconvert.ipynb)" },
    FlagSpec { long: "inplace", short: None, value: None, commands: &["execute"], help: "write the executed notebook over NOTEBOOK.ipynb" },
    FlagSpec { long: "no-color", short: None, value: None, commands: &["", "run", "replay", "execute"], help: "no ANSI colours (also when NO_COLOR is set or stdout is not a terminal)" },
    FlagSpec { long: "version", short: Some('V'), value: None, commands: &[""], help: "print h5lab's and HDF5's versions and exit" },
    FlagSpec { long: "help", short: Some('h'), value: None, commands: &["", "run", "replay", "execute"], help: "print this help and exit" },
];

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The interactive session, after the cells of `startup` (`-i FILE`) when given.
    Interactive { startup: Option<PathBuf> },
    /// `-c CODE`.
    Code(String),
    /// `run FILE [ARGS]`.
    Run { file: PathBuf, args: Vec<String> },
    /// `replay NOTEBOOK`.
    Replay { notebook: PathBuf, check: bool, stop_on_error: bool, in_temp: bool },
    /// `execute NOTEBOOK`.
    Execute { notebook: PathBuf, output: Option<PathBuf>, inplace: bool },
    /// `--version`.
    Version,
    /// `--help`.
    Help,
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    /// The command.
    pub command: Command,
    /// `--no-color` was given.
    pub no_color: bool,
}

/// The help text, generated from the definitions above.
pub fn help() -> String {
    let mut text = String::from("h5lab — explore HDF5 files in the h5py/NumPy dialect of Python, without Python\n\nUsage:\n");
    for c in COMMANDS {
        text.push_str(&format!("  {}\n      {}\n", c.usage, c.about));
    }
    text.push_str("\nOptions:\n");
    for f in FLAGS {
        let names = match f.short {
            Some(s) => format!("-{s}, --{}", f.long),
            None => format!("    --{}", f.long),
        };
        let names = match f.value {
            Some(v) => format!("{names} {v}"),
            None => names,
        };
        let scope: Vec<&str> = f.commands.iter().map(|c| if c.is_empty() { "h5lab" } else { c }).collect();
        text.push_str(&format!("  {names:<26} {} [{}]\n", f.help, scope.join(", ")));
    }
    text.push_str(
        "\nIn the session: Tab completes, `obj?` shows help, Ctrl-C interrupts a running cell or\n\
         clears the line, Ctrl-D (or exit) closes every open file and leaves. History is kept in\n\
         $XDG_DATA_HOME/h5lab/history (~/.local/share/h5lab/history); H5LAB_HISTORY overrides it.\n",
    );
    text
}

fn flag_spec(arg: &str) -> Option<&'static FlagSpec> {
    if let Some(long) = arg.strip_prefix("--") {
        let long = long.split('=').next().unwrap_or(long);
        return FLAGS.iter().find(|f| f.long == long);
    }
    let mut chars = arg.strip_prefix('-')?.chars();
    let short = chars.next()?;
    FLAGS.iter().find(|f| f.short == Some(short))
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Cli, String> {
    let command_name = match args.first().map(String::as_str) {
        Some(name) if COMMANDS.iter().any(|c| !c.name.is_empty() && c.name == name) => name,
        _ => "",
    };
    let rest = if command_name.is_empty() { args } else { &args[1..] };
    let mut flags: Vec<(&'static str, Option<String>)> = Vec::new();
    let mut positional: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let arg = &rest[i];
        // After a script's name, everything belongs to the script.
        if command_name == "run" && !positional.is_empty() {
            positional.push(arg.clone());
            i += 1;
            continue;
        }
        if arg == "--" {
            positional.extend(rest[i + 1..].iter().cloned());
            break;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            let spec = flag_spec(arg).ok_or_else(|| format!("unknown option '{arg}'"))?;
            if !spec.commands.contains(&command_name) {
                let place = if command_name.is_empty() { "h5lab".to_string() } else { format!("h5lab {command_name}") };
                return Err(format!("'{arg}' is not an option of {place}"));
            }
            let value = match spec.value {
                None => None,
                Some(name) => {
                    let inline = arg.split_once('=').map(|(_, v)| v.to_string()).filter(|_| arg.starts_with("--"));
                    let attached = (!arg.starts_with("--") && arg.len() > 2).then(|| arg[2..].to_string());
                    match inline.or(attached) {
                        Some(v) => Some(v),
                        None => {
                            i += 1;
                            Some(rest.get(i).cloned().ok_or_else(|| format!("'{arg}' needs a value ({name})"))?)
                        }
                    }
                }
            };
            flags.push((spec.long, value));
        } else {
            positional.push(arg.clone());
        }
        i += 1;
    }
    let has = |name: &str| flags.iter().any(|(f, _)| *f == name);
    let value = |name: &str| flags.iter().find(|(f, _)| *f == name).and_then(|(_, v)| v.clone());
    let no_color = has("no-color");
    if has("help") {
        return Ok(Cli { command: Command::Help, no_color });
    }
    let one_path = |what: &str| -> Result<PathBuf, String> {
        match positional.as_slice() {
            [path] => Ok(PathBuf::from(path)),
            [] => Err(format!("h5lab {command_name} needs {what}")),
            _ => Err(format!("h5lab {command_name} takes one {what}, got {}", positional.len())),
        }
    };
    let command = match command_name {
        "run" => {
            let Some((file, args)) = positional.split_first() else { return Err("h5lab run needs a FILE.py".into()) };
            Command::Run { file: PathBuf::from(file), args: args.to_vec() }
        }
        "replay" => Command::Replay {
            notebook: one_path("NOTEBOOK.ipynb or CELLS.py")?,
            check: has("check"),
            stop_on_error: has("stop-on-error"),
            in_temp: has("in-temp"),
        },
        "execute" => {
            if has("inplace") && has("output") {
                return Err("--inplace and --output exclude each other".into());
            }
            Command::Execute { notebook: one_path("NOTEBOOK.ipynb")?, output: value("output").map(PathBuf::from), inplace: has("inplace") }
        }
        _ => {
            if has("version") {
                Command::Version
            } else if let Some(code) = value("code") {
                if has("interactive") {
                    return Err("-c and -i exclude each other".into());
                }
                Command::Code(code)
            } else if let Some(extra) = positional.first() {
                return Err(format!("unknown command '{extra}'"));
            } else {
                Command::Interactive { startup: value("interactive").map(PathBuf::from) }
            }
        }
    };
    Ok(Cli { command, no_color })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn commands_parse() {
        assert_eq!(parse(&[]).map(|c| c.command), Ok(Command::Interactive { startup: None }));
        assert_eq!(parse(&args("-i t.py")).map(|c| c.command), Ok(Command::Interactive { startup: Some("t.py".into()) }));
        assert_eq!(parse(&args("-c 1+1")).map(|c| c.command), Ok(Command::Code("1+1".into())));
        assert_eq!(parse(&args("-c1")).map(|c| c.command), Ok(Command::Code("1".into())));
        assert_eq!(parse(&args("--version")).map(|c| c.command), Ok(Command::Version));
        assert_eq!(
            parse(&args("run s.py -x --check")).map(|c| c.command),
            Ok(Command::Run { file: "s.py".into(), args: args("-x --check") })
        );
        assert_eq!(
            parse(&args("replay nb.ipynb --check --in-temp")).map(|c| c.command),
            Ok(Command::Replay { notebook: "nb.ipynb".into(), check: true, stop_on_error: false, in_temp: true })
        );
        assert_eq!(
            parse(&args("execute nb.ipynb -o out.ipynb")).map(|c| c.command),
            Ok(Command::Execute { notebook: "nb.ipynb".into(), output: Some("out.ipynb".into()), inplace: false })
        );
        assert_eq!(
            parse(&args("execute nb.ipynb --output=o.ipynb")).map(|c| c.command),
            Ok(Command::Execute { notebook: "nb.ipynb".into(), output: Some("o.ipynb".into()), inplace: false })
        );
        assert!(parse(&args("--no-color")).is_ok_and(|c| c.no_color));
    }

    #[test]
    fn mistakes_are_refused() {
        assert!(parse(&args("--bogus")).is_err());
        assert!(parse(&args("replay")).is_err());
        assert!(parse(&args("replay a b")).is_err());
        assert!(parse(&args("run --check")).is_err());
        assert!(parse(&args("execute nb.ipynb --check")).is_err());
        assert!(parse(&args("execute nb.ipynb -o")).is_err());
        assert!(parse(&args("frobnicate")).is_err());
        assert!(parse(&args("-c 1 -i t.py")).is_err());
    }

    #[test]
    fn help_lists_every_command_and_flag() {
        let text = help();
        for c in COMMANDS {
            assert!(text.contains(c.usage));
        }
        for f in FLAGS {
            assert!(text.contains(&format!("--{}", f.long)), "{}", f.long);
        }
    }
}
