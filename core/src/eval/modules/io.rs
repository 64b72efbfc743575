//! `open()` and its file objects: text files (`_io.TextIOWrapper`) and binary files
//! (`_io.BufferedReader` / `_io.BufferedWriter`), enough for notebooks that write a
//! small text file, read it back, or iterate over its lines.
//!
//! A file opened for reading is read whole when opened (a position walks over it);
//! one opened for writing or appending writes through at every `write`.

use std::any::Any;
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use crate::eval::Interp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, check_arity, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, type_of, TypeObject};
use crate::value::Value;

/// What an open file holds.
enum Contents {
    /// Read mode: the whole file and the position in it (bytes).
    Reading { data: Vec<u8>, position: usize },
    /// Write or append mode.
    Writing(std::fs::File),
    /// After `close()`.
    Closed,
}

/// A file object.
pub struct FileObject {
    name: String,
    mode: String,
    binary: bool,
    contents: RefCell<Contents>,
}

thread_local! {
    static TYPES: [Rc<TypeObject>; 3] = {
        let object = builtin(|t| t.object.clone());
        [
            TypeObject::new("TextIOWrapper", "_io", vec![object.clone()], None),
            TypeObject::new("BufferedReader", "_io", vec![object.clone()], None),
            TypeObject::new("BufferedWriter", "_io", vec![object], None),
        ]
    };
}

/// `open(file, mode='r', encoding=None, ...)`.
pub fn open(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = bind("open", args, &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd"], 1)?;
    let name = match &slots[0] {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Exc::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_of(other).name
            )))
        }
        None => String::new(),
    };
    let mode = match &slots[1] {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(Exc::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                type_of(other).name
            )))
        }
    };
    let valid = !mode.is_empty()
        && mode.chars().all(|c| "rwaxbt+".contains(c))
        && mode.chars().filter(|c| "rwax".contains(*c)).count() == 1
        && !(mode.contains('b') && mode.contains('t'));
    if !valid {
        return Err(Exc::value_error(format!("invalid mode: '{mode}'")));
    }
    if mode.contains('+') {
        return Err(Exc::not_implemented("open() in update mode ('+')"));
    }
    let path: PathBuf = vm.cwd.join(&name);
    let io_error = |e: std::io::Error| super::os::io_error(&e, &name);
    if path.is_dir() {
        return Err(Exc::os_error(libc::EISDIR, "Is a directory").with_filename(&name));
    }
    let contents = if mode.contains('r') {
        Contents::Reading { data: std::fs::read(&path).map_err(io_error)?, position: 0 }
    } else {
        let mut options = std::fs::OpenOptions::new();
        match mode.chars().find(|c| "wax".contains(*c)) {
            Some('w') => options.write(true).create(true).truncate(true),
            Some('a') => options.append(true).create(true),
            _ => options.write(true).create_new(true),
        };
        Contents::Writing(options.open(&path).map_err(io_error)?)
    };
    Ok(Value::object(FileObject { name, binary: mode.contains('b'), mode, contents: RefCell::new(contents) }))
}

impl FileObject {
    fn closed_error() -> Exc {
        Exc::value_error("I/O operation on closed file.")
    }

    /// Data from the position: up to `limit` bytes (text: characters), or to the end
    /// of the line when `line`.
    fn take(&self, limit: Option<usize>, line: bool) -> PyResult<Vec<u8>> {
        let mut contents = self.contents.borrow_mut();
        let (data, position) = match &mut *contents {
            Contents::Reading { data, position } => (data, position),
            Contents::Writing(_) => return Err(Exc::new(crate::value::ExcKind::OSError, "not readable")),
            Contents::Closed => return Err(Self::closed_error()),
        };
        let rest = &data[(*position).min(data.len())..];
        let mut end = rest.len();
        if line {
            if let Some(i) = rest.iter().position(|&b| b == b'\n') {
                end = i + 1;
            }
        }
        if let Some(n) = limit {
            end = if self.binary {
                end.min(n)
            } else {
                // n characters of UTF-8.
                let text = String::from_utf8_lossy(&rest[..end]);
                text.char_indices().nth(n).map_or(end, |(i, _)| i.min(end))
            };
        }
        let out = rest[..end].to_vec();
        *position += end;
        Ok(out)
    }

    fn to_value(&self, data: Vec<u8>) -> PyResult<Value> {
        if self.binary {
            Ok(Value::bytes(data))
        } else {
            crate::value::bytes::decode(&data, "utf-8", "strict")
        }
    }

    fn write(&self, vm: &mut Interp, value: &Value) -> PyResult<usize> {
        let (data, count) = match (value, self.binary) {
            (Value::Str(s), false) => (s.as_bytes().to_vec(), s.chars().count()),
            (Value::Bytes(b), true) => (b.to_vec(), b.len()),
            (other, false) => {
                return Err(Exc::type_error(format!("write() argument must be str, not {}", type_of(other).name)))
            }
            (other, true) => {
                return Err(Exc::type_error(format!("a bytes-like object is required, not '{}'", type_of(other).name)))
            }
        };
        let _ = vm;
        match &mut *self.contents.borrow_mut() {
            Contents::Writing(file) => {
                file.write_all(&data).map_err(|e| Exc::os_error(e.raw_os_error().unwrap_or(0), e.to_string()))?;
                Ok(count)
            }
            Contents::Reading { .. } => Err(Exc::new(crate::value::ExcKind::OSError, "not writable")),
            Contents::Closed => Err(Self::closed_error()),
        }
    }

    fn is_closed(&self) -> bool {
        matches!(*self.contents.borrow(), Contents::Closed)
    }
}

fn file_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(file) = this.downcast::<FileObject>() else { return Ok(Value::None) };
    let limit = |vm: &mut Interp, args: &Args| -> PyResult<Option<usize>> {
        match args.positional.first() {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                let n = vm.index_value(v, "argument should be integer or None")?;
                Ok(usize::try_from(n).ok())
            }
        }
    };
    match name {
        "read" => {
            check_arity("read", &args, 0, 1)?;
            let n = limit(vm, &args)?;
            let data = file.take(n, false)?;
            file.to_value(data)
        }
        "readline" => {
            check_arity("readline", &args, 0, 1)?;
            let n = limit(vm, &args)?;
            let data = file.take(n, true)?;
            file.to_value(data)
        }
        "readlines" => {
            check_arity("readlines", &args, 0, 1)?;
            let mut lines = Vec::new();
            loop {
                let data = file.take(None, true)?;
                if data.is_empty() {
                    break;
                }
                lines.push(file.to_value(data)?);
            }
            Ok(Value::list(lines))
        }
        "write" => {
            check_arity("write", &args, 1, 1)?;
            Ok(Value::Int(file.write(vm, &args.positional[0])? as i64))
        }
        "writelines" => {
            check_arity("writelines", &args, 1, 1)?;
            for line in vm.collect(&args.positional[0])? {
                file.write(vm, &line)?;
            }
            Ok(Value::None)
        }
        "close" => {
            *file.contents.borrow_mut() = Contents::Closed;
            Ok(Value::None)
        }
        "flush" => {
            if file.is_closed() {
                return Err(FileObject::closed_error());
            }
            Ok(Value::None)
        }
        "readable" => Ok(Value::Bool(matches!(*file.contents.borrow(), Contents::Reading { .. }))),
        "writable" => Ok(Value::Bool(matches!(*file.contents.borrow(), Contents::Writing(_)))),
        "__enter__" => Ok(this.clone()),
        "__exit__" => {
            *file.contents.borrow_mut() = Contents::Closed;
            Ok(Value::None)
        }
        _ => Ok(Value::None),
    }
}

const METHODS: &[&str] =
    &["read", "readline", "readlines", "write", "writelines", "close", "flush", "readable", "writable", "__enter__", "__exit__"];

impl PyObject for FileObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        let index = match (self.binary, self.mode.contains('r')) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        };
        TYPES.with(|t| t[index].clone())
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        let name = vm.repr(&Value::str(&self.name))?;
        if self.is_closed() && !self.binary {
            return Ok("<_io.TextIOWrapper name=".to_string() + &name + " mode=" + &vm.repr(&Value::str(&self.mode))? + " encoding='UTF-8'>");
        }
        Ok(if self.binary {
            format!("<{} name={name}>", self.class().qualified_name())
        } else {
            format!("<_io.TextIOWrapper name={name} mode={} encoding='UTF-8'>", vm.repr(&Value::str(&self.mode))?)
        })
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "closed" => Some(Value::Bool(self.is_closed())),
            "name" => Some(Value::str(&self.name)),
            "mode" => Some(Value::str(&self.mode)),
            "encoding" if !self.binary => Some(Value::str("UTF-8")),
            _ if METHODS.contains(&name) => Some(NativeMethod::value(this, name, file_method)),
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = METHODS.iter().map(|s| s.to_string()).collect();
        names.extend(["closed", "mode", "name"].map(String::from));
        names
    }

    fn iter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        if self.is_closed() {
            return Err(Self::closed_error());
        }
        Ok(this.clone())
    }

    fn next(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<Value>> {
        let data = self.take(None, true)?;
        if data.is_empty() {
            return Ok(None);
        }
        self.to_value(data).map(Some)
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn is_context_manager(&self) -> bool {
        true
    }

    fn enter(&self, _vm: &mut Interp, this: &Value) -> PyResult<Value> {
        if self.is_closed() {
            return Err(Self::closed_error());
        }
        Ok(this.clone())
    }

    fn exit(&self, _vm: &mut Interp, _this: &Value, _exc: Option<&Exc>) -> PyResult<bool> {
        *self.contents.borrow_mut() = Contents::Closed;
        Ok(false)
    }
}

/// `print(..., file=f)`: writes `text` to a file object or a stream; false when `file`
/// is neither.
pub fn write_to(vm: &mut Interp, file: &Value, text: &str) -> PyResult<()> {
    match file.downcast::<FileObject>() {
        Some(f) => f.write(vm, &Value::str(text)).map(|_| ()),
        None => {
            let write = vm.getattr(file, "write")?;
            vm.call(&write, Args::positional(vec![Value::str(text)])).map(|_| ())
        }
    }
}
