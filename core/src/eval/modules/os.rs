//! `os` and `os.path`: the file-system basics notebooks use, relative to the session's
//! working directory (which is the process's while a cell runs).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::Module;
use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::check_arity;
use crate::value::object::Args;
use crate::value::types::type_of;
use crate::value::{Dict, Value};

fn path_arg(vm: &mut Interp, args: &Args, index: usize, function: &str) -> PyResult<String> {
    match args.positional.get(index) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(Value::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
        Some(other) => Err(Exc::type_error(format!(
            "{function}: path should be string, bytes or os.PathLike, not {}",
            type_of(other).name
        ))),
        None => {
            let _ = vm;
            Err(Exc::type_error(format!("{function}() missing required argument 'path' (pos {})", index + 1)))
        }
    }
}

/// The OSError Python raises for a failed file-system call on `path`.
pub fn io_error(error: &std::io::Error, path: &str) -> Exc {
    let errno = error.raw_os_error().unwrap_or(0);
    let text = strerror(errno);
    Exc::os_error(errno, text).with_filename(path)
}

fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a static, NUL-terminated message.
    let ptr = unsafe { libc::strerror(errno) };
    if ptr.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: non-null pointer from strerror.
    unsafe { std::ffi::CStr::from_ptr(ptr) }.to_string_lossy().into_owned()
}

/// Builds `os`.
pub fn module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("os", Some("OS routines for NT or Posix depending on what system we're on."));
    m.set("sep", Value::str("/"));
    m.set("linesep", Value::str("\n"));
    m.set("name", Value::str("posix"));
    m.set("curdir", Value::str("."));
    m.set("pardir", Value::str(".."));
    m.set("extsep", Value::str("."));
    m.set("pathsep", Value::str(":"));
    m.set("devnull", Value::str("/dev/null"));
    m.function("getenv", |vm, args| {
        check_arity("getenv", &args, 1, 2)?;
        let default = args.positional.get(1).cloned().unwrap_or(Value::None);
        let environ = vm.import_module("os").and_then(|os| vm.getattr(&os, "environ"))?;
        match &environ {
            Value::Dict(d) => Ok(d.get(&args.positional[0])?.unwrap_or(default)),
            _ => Ok(default),
        }
    });
    m.function("cpu_count", |_vm, _args| {
        Ok(Value::Int(std::thread::available_parallelism().map_or(1, |n| n.get()) as i64))
    });
    let environ = Dict::new();
    for (k, v) in std::env::vars() {
        environ.set(Value::str(k), Value::str(v))?;
    }
    m.set("environ", Value::Dict(Rc::new(environ)));
    m.function("getcwd", |vm, _args| Ok(Value::str(vm.cwd.to_string_lossy())));
    m.function("getpid", |_vm, _args| Ok(Value::Int(std::process::id() as i64)));
    m.function("listdir", |vm, args| {
        check_arity("listdir", &args, 0, 1)?;
        let path = if args.positional.is_empty() { ".".to_string() } else { path_arg(vm, &args, 0, "listdir")? };
        let entries = std::fs::read_dir(&path).map_err(|e| io_error(&e, &path))?;
        let mut names: Vec<Value> = entries.filter_map(Result::ok).map(|e| Value::str(e.file_name().to_string_lossy())).collect();
        names.sort_by_key(|v| format!("{v:?}"));
        Ok(Value::list(names))
    });
    for name in ["remove", "unlink"] {
        m.function(name, move |vm, args| {
            let path = path_arg(vm, &args, 0, name)?;
            std::fs::remove_file(&path).map_err(|e| io_error(&e, &path))?;
            Ok(Value::None)
        });
    }
    m.function("rmdir", |vm, args| {
        let path = path_arg(vm, &args, 0, "rmdir")?;
        std::fs::remove_dir(&path).map_err(|e| io_error(&e, &path))?;
        Ok(Value::None)
    });
    m.function("mkdir", |vm, args| {
        let path = path_arg(vm, &args, 0, "mkdir")?;
        std::fs::create_dir(&path).map_err(|e| io_error(&e, &path))?;
        Ok(Value::None)
    });
    m.function("makedirs", |vm, args| {
        let path = path_arg(vm, &args, 0, "makedirs")?;
        let exist_ok = match args.keywords.iter().find(|(k, _)| &**k == "exist_ok") {
            Some((_, v)) => vm.truthy(v)?,
            None => false,
        };
        if Path::new(&path).exists() && !exist_ok {
            return Err(Exc::os_error(libc::EEXIST, "File exists").with_filename(&path));
        }
        std::fs::create_dir_all(&path).map_err(|e| io_error(&e, &path))?;
        Ok(Value::None)
    });
    m.function("rename", |vm, args| {
        let from = path_arg(vm, &args, 0, "rename")?;
        let to = path_arg(vm, &args, 1, "rename")?;
        std::fs::rename(&from, &to).map_err(|e| io_error(&e, &from))?;
        Ok(Value::None)
    });
    m.function("chmod", |vm, args| {
        use std::os::unix::fs::PermissionsExt;
        let path = path_arg(vm, &args, 0, "chmod")?;
        let mode = match args.positional.get(1) {
            Some(v) => vm.index_value(v, "'str' object cannot be interpreted as an integer")?,
            None => return Err(Exc::type_error("chmod() missing required argument 'mode' (pos 2)")),
        };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode as u32)).map_err(|e| io_error(&e, &path))?;
        Ok(Value::None)
    });
    let path = path_module(vm)?;
    m.set("path", path);
    Ok(Value::object(m))
}

/// Builds `os.path`.
pub fn path_module(_vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("posixpath", Some("Common operations on Posix pathnames."));
    m.set("sep", Value::str("/"));
    m.set("curdir", Value::str("."));
    m.set("pardir", Value::str(".."));
    m.set("extsep", Value::str("."));
    m.function("join", |vm, args| {
        let mut path = path_arg(vm, &args, 0, "join")?;
        for i in 1..args.positional.len() {
            let part = path_arg(vm, &args, i, "join")?;
            if part.starts_with('/') {
                path = part;
            } else if path.is_empty() || path.ends_with('/') {
                path.push_str(&part);
            } else {
                path.push('/');
                path.push_str(&part);
            }
        }
        Ok(Value::str(path))
    });
    m.function("isabs", |vm, args| Ok(Value::Bool(path_arg(vm, &args, 0, "isabs")?.starts_with('/'))));
    m.function("normpath", |vm, args| Ok(Value::str(normpath(&path_arg(vm, &args, 0, "normpath")?))));
    m.function("realpath", |vm, args| {
        let path = path_arg(vm, &args, 0, "realpath")?;
        let absolute = normpath(&vm.cwd.join(&path).to_string_lossy());
        Ok(Value::str(std::fs::canonicalize(&absolute).map_or(absolute, |p| p.to_string_lossy().into_owned())))
    });
    m.function("relpath", |vm, args| {
        check_arity("relpath", &args, 1, 2)?;
        let given = path_arg(vm, &args, 0, "relpath")?;
        let path = normpath(&vm.cwd.join(given).to_string_lossy());
        let start = match args.positional.get(1) {
            Some(_) => {
                let given = path_arg(vm, &args, 1, "relpath")?;
                normpath(&vm.cwd.join(given).to_string_lossy())
            }
            None => vm.cwd.to_string_lossy().into_owned(),
        };
        let a: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let b: Vec<&str> = start.split('/').filter(|p| !p.is_empty()).collect();
        let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let mut parts: Vec<&str> = vec![".."; b.len() - common];
        parts.extend(&a[common..]);
        Ok(Value::str(if parts.is_empty() { ".".to_string() } else { parts.join("/") }))
    });
    for name in ["exists", "isfile", "isdir", "islink"] {
        m.function(name, move |vm, args| {
            let path = path_arg(vm, &args, 0, name)?;
            let p = Path::new(&path);
            Ok(Value::Bool(match name {
                "exists" => p.exists(),
                "isfile" => p.is_file(),
                "isdir" => p.is_dir(),
                _ => p.is_symlink(),
            }))
        });
    }
    m.function("basename", |vm, args| {
        let path = path_arg(vm, &args, 0, "basename")?;
        Ok(Value::str(path.rsplit('/').next().unwrap_or("")))
    });
    m.function("dirname", |vm, args| {
        let path = path_arg(vm, &args, 0, "dirname")?;
        Ok(Value::str(match path.rfind('/') {
            Some(0) => "/".to_string(),
            Some(i) => path[..i].trim_end_matches('/').to_string(),
            None => String::new(),
        }))
    });
    m.function("split", |vm, args| {
        let path = path_arg(vm, &args, 0, "split")?;
        let (head, tail) = match path.rfind('/') {
            Some(i) => (path[..i].trim_end_matches('/').to_string(), path[i + 1..].to_string()),
            None => (String::new(), path.clone()),
        };
        let head = if head.is_empty() && path.starts_with('/') { "/".to_string() } else { head };
        Ok(Value::tuple(vec![Value::str(head), Value::str(tail)]))
    });
    m.function("splitext", |vm, args| {
        let path = path_arg(vm, &args, 0, "splitext")?;
        let name_start = path.rfind('/').map_or(0, |i| i + 1);
        let name = &path[name_start..];
        let dot = name.trim_start_matches('.').rfind('.').map(|i| i + (name.len() - name.trim_start_matches('.').len()));
        Ok(match dot {
            Some(i) => Value::tuple(vec![Value::str(&path[..name_start + i]), Value::str(&path[name_start + i..])]),
            None => Value::tuple(vec![Value::str(&path), Value::str("")]),
        })
    });
    m.function("abspath", |vm, args| {
        let path = path_arg(vm, &args, 0, "abspath")?;
        Ok(Value::str(normalize(&vm.cwd.join(path)).to_string_lossy()))
    });
    m.function("getsize", |vm, args| {
        let path = path_arg(vm, &args, 0, "getsize")?;
        let meta = std::fs::metadata(&path).map_err(|e| io_error(&e, &path))?;
        Ok(Value::Int(meta.len() as i64))
    });
    m.function("expanduser", |vm, args| {
        let path = path_arg(vm, &args, 0, "expanduser")?;
        let home = std::env::var("HOME").unwrap_or_default();
        Ok(Value::str(if path == "~" { home } else if let Some(rest) = path.strip_prefix("~/") { format!("{home}/{rest}") } else { path }))
    });
    Ok(Value::object(m))
}

/// `posixpath.normpath`.
pub fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if initial == 0 && (parts.is_empty() || parts.last() == Some(&"..")) => parts.push(".."),
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    let out = format!("{}{joined}", "/".repeat(initial));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}
