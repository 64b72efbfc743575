//! h5dump's command line, parsed as HDF5 2.0's `H5_get_option` parses it: short options
//! (clustered, with attached or separate values, `*` values taken from the next word
//! when it is not an option and not the last word) and exact long options
//! (`--name=value` or `--name value`).

use super::{Options, Target};

/// The usage text (HDF5 2.0's `h5dump --help`).
pub fn usage() -> &'static str {
    include_str!("usage.txt")
}

/// What the command line asks for.
pub enum Parsed {
    /// Dump files with these options.
    Run(Options),
    /// Print and exit.
    Exit {
        /// For standard output.
        stdout: String,
        /// For standard error.
        stderr: String,
        /// Exit status.
        status: i32,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Arg {
    No,
    Required,
    Optional,
}

const SHORT: &str = "a:b*c:d:ef:g:hik:l:m:n*o*pq:rs:t:uvw:xyz:A*BCD:E*F:G:HM:N:O*RS:VX:";

const LONG: &[(&str, Arg, char)] = &[
    ("attribute", Arg::Required, 'a'),
    ("binary", Arg::Optional, 'b'),
    ("count", Arg::Required, 'c'),
    ("dataset", Arg::Required, 'd'),
    ("escape", Arg::No, 'e'),
    ("filedriver", Arg::Required, 'f'),
    ("group", Arg::Required, 'g'),
    ("help", Arg::No, 'h'),
    ("object-ids", Arg::No, 'i'),
    ("block", Arg::Required, 'k'),
    ("soft-link", Arg::Required, 'l'),
    ("format", Arg::Required, 'm'),
    ("contents", Arg::Optional, 'n'),
    ("output", Arg::Optional, 'o'),
    ("properties", Arg::No, 'p'),
    ("sort_by", Arg::Required, 'q'),
    ("string", Arg::No, 'r'),
    ("start", Arg::Required, 's'),
    ("datatype", Arg::Required, 't'),
    ("use-dtd", Arg::No, 'u'),
    ("vds-view-first-missing", Arg::No, 'v'),
    ("width", Arg::Required, 'w'),
    ("xml", Arg::No, 'x'),
    ("noindex", Arg::No, 'y'),
    ("sort_order", Arg::Required, 'z'),
    ("onlyattr", Arg::Optional, 'A'),
    ("superblock", Arg::No, 'B'),
    ("boot-block", Arg::No, 'B'),
    ("no-compact-subset", Arg::No, 'C'),
    ("xml-dtd", Arg::Required, 'D'),
    ("enable-error-stack", Arg::Optional, 'E'),
    ("form", Arg::Required, 'F'),
    ("vds-gap-size", Arg::Required, 'G'),
    ("header", Arg::No, 'H'),
    ("packed-bits", Arg::Required, 'M'),
    ("any_path", Arg::Required, 'N'),
    ("ddl", Arg::Optional, 'O'),
    ("region", Arg::No, 'R'),
    ("stride", Arg::Required, 'S'),
    ("version", Arg::No, 'V'),
    ("xml-ns", Arg::Required, 'X'),
    ("page-buffer-size", Arg::Required, 'K'),
    ("s3-cred", Arg::Required, '$'),
    ("hdfs-attrs", Arg::Required, '#'),
    ("vol-value", Arg::Required, '1'),
    ("vol-name", Arg::Required, '2'),
    ("vol-info", Arg::Required, '3'),
    ("vfd-value", Arg::Required, '4'),
    ("vfd-name", Arg::Required, '5'),
    ("vfd-info", Arg::Required, '6'),
];

fn short_spec(c: char) -> Option<Arg> {
    if c == ':' || c == '*' {
        return None;
    }
    let bytes = SHORT.as_bytes();
    let i = SHORT.find(c)?;
    Some(match bytes.get(i + 1) {
        Some(b':') => Arg::Required,
        Some(b'*') => Arg::Optional,
        _ => Arg::No,
    })
}

/// C's `atoi`: leading blanks, optional sign, digits; anything else stops it.
pub fn atoi(s: &str) -> i64 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut v: i64 = 0;
    for c in digits.bytes().take_while(|c| c.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add((c - b'0') as i64);
    }
    if neg { -v } else { v }
}

fn usage_exit(stderr: String) -> Parsed {
    Parsed::Exit { stdout: usage().to_string(), stderr, status: 1 }
}

fn unsupported(what: &str) -> Parsed {
    Parsed::Exit {
        stdout: String::new(),
        stderr: format!("h5dump error: option \"{what}\" is not supported by h5lab's h5dump\n"),
        status: 1,
    }
}

/// Parses h5dump's arguments.
pub fn parse(args: &[String]) -> Parsed {
    let mut o = Options::default();
    if args.is_empty() {
        return usage_exit(String::new());
    }
    let mut i = 0;
    let mut last_was_dataset = false;
    let mut errors = String::new();
    while i < args.len() {
        let word = &args[i];
        if !word.starts_with('-') || word.len() == 1 {
            break;
        }
        if word == "--" {
            i += 1;
            break;
        }
        // Collect (option, value) pairs from this word.
        let mut found: Vec<(char, Option<String>)> = Vec::new();
        if let Some(long) = word.strip_prefix("--") {
            let (name, mut value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            i += 1;
            match LONG.iter().find(|(n, _, _)| *n == name) {
                None => {
                    errors.push_str(&format!("h5dump: unknown option \"{name}\"\n"));
                    return usage_exit(errors);
                }
                Some((_, kind, c)) => {
                    match kind {
                        Arg::No if value.is_some() => {
                            errors.push_str(&format!("h5dump: no option required for \"{name}\" flag\n"));
                            return usage_exit(errors);
                        }
                        Arg::Required if value.is_none() => {
                            if i < args.len() && !args[i].starts_with('-') {
                                value = Some(args[i].clone());
                                i += 1;
                            }
                        }
                        _ => {}
                    }
                    found.push((*c, value));
                }
            }
        } else {
            let chars: Vec<char> = word.chars().skip(1).collect();
            let mut sp = 0;
            i += 1;
            while sp < chars.len() {
                let c = chars[sp];
                match short_spec(c) {
                    None => {
                        errors.push_str(&format!("h5dump: unknown option \"{c}\"\n"));
                        return usage_exit(errors);
                    }
                    Some(Arg::Required) => {
                        let rest: String = chars[sp + 1..].iter().collect();
                        if !rest.is_empty() {
                            found.push((c, Some(rest)));
                        } else if i < args.len() {
                            found.push((c, Some(args[i].clone())));
                            i += 1;
                        } else {
                            errors.push_str(&format!("h5dump: value expected for option \"{c}\"\n"));
                            return usage_exit(errors);
                        }
                        break;
                    }
                    Some(Arg::Optional) => {
                        let value = if i + 1 < args.len() && !args[i].starts_with('-') {
                            i += 1;
                            Some(args[i - 1].clone())
                        } else {
                            None
                        };
                        found.push((c, value));
                        break;
                    }
                    Some(Arg::No) => {
                        found.push((c, None));
                        sp += 1;
                    }
                }
            }
        }
        for (c, value) in found {
            let v = value.clone().unwrap_or_default();
            match c {
                'B' => {
                    o.superblock = true;
                    last_was_dataset = false;
                }
                'n' => {
                    o.contents = Some(value.as_deref().map(atoi).unwrap_or(0) != 0);
                    last_was_dataset = false;
                }
                'p' => o.display_dcpl = true,
                'y' => o.display_ai = false,
                'e' => o.display_escape = true,
                'H' => {
                    o.display_data = false;
                    o.display_attr_data = false;
                    last_was_dataset = false;
                }
                'A' => {
                    if let Some(v) = &value {
                        if atoi(v) == 0 {
                            o.include_attrs = false;
                        }
                    } else {
                        o.display_data = false;
                        o.display_attr_data = true;
                        last_was_dataset = false;
                    }
                }
                'r' => o.display_char = true,
                'V' => {
                    return Parsed::Exit {
                        stdout: format!("h5dump: Version 2.0.0 (h5lab {})\n", env!("CARGO_PKG_VERSION")),
                        stderr: String::new(),
                        status: 0,
                    }
                }
                'h' => return Parsed::Exit { stdout: usage().to_string(), stderr: String::new(), status: 0 },
                'w' => {
                    let n = atoi(&v);
                    o.ncols = if n <= 0 { 65535 } else { n.min(u32::MAX as i64) as usize };
                    last_was_dataset = false;
                }
                'm' => {
                    if value.is_none() {
                        return usage_exit(errors);
                    }
                    o.fp_format = Some(v);
                    o.ncols = 0;
                }
                'a' | 'd' | 'g' | 'l' | 't' | 'N' => {
                    if value.is_none() {
                        return usage_exit(errors);
                    }
                    o.display_all = false;
                    last_was_dataset = c == 'd';
                    o.targets.push(match c {
                        'a' => Target::Attribute(v),
                        'd' => Target::Dataset(v),
                        'g' => Target::Group(v),
                        'l' => Target::Link(v),
                        't' => Target::Datatype(v),
                        _ => Target::AnyPath(v),
                    });
                }
                'o' => {
                    o.output = value;
                    last_was_dataset = false;
                }
                'q' => match v.as_str() {
                    "name" => o.sort_by_creation = false,
                    "creation_order" => o.sort_by_creation = true,
                    _ => return usage_exit(errors),
                },
                'z' => match v.as_str() {
                    "ascending" => o.sort_descending = false,
                    "descending" => o.sort_descending = true,
                    _ => return usage_exit(errors),
                },
                'E' | 'C' | 'v' | 'G' | 'K' => {}
                's' | 'S' | 'c' | 'k' => {
                    if !last_was_dataset {
                        return Parsed::Exit {
                            stdout: String::new(),
                            stderr: format!("h5dump error: option \"-{c}\" can only be used after --dataset option\n"),
                            status: 1,
                        };
                    }
                    return unsupported("subsetting");
                }
                'M' => {
                    if !last_was_dataset {
                        return Parsed::Exit {
                            stdout: String::new(),
                            stderr: format!("h5dump error: option \"-{c}\" can only be used after --dataset option\n"),
                            status: 1,
                        };
                    }
                    return unsupported("--packed-bits");
                }
                'x' | 'u' | 'D' | 'X' => return unsupported("--xml"),
                'b' => return unsupported("--binary"),
                'O' => return unsupported("--ddl"),
                'i' => return unsupported("--object-ids"),
                'R' => return unsupported("--region"),
                'f' | '$' | '#' | '1' | '2' | '3' | '4' | '5' | '6' => return unsupported("file drivers and VOL"),
                'F' => {}
                _ => return usage_exit(errors),
            }
        }
    }
    if i >= args.len() {
        return usage_exit("h5dump error: missing file name\n".to_string());
    }
    o.files = args[i..].to_vec();
    Parsed::Run(o)
}
