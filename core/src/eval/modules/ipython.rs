//! `IPython` and `IPython.display`: `display` (also a builtin, as in IPython),
//! `update_display`, `clear_output`, `DisplayHandle`, and the rich display objects
//! `HTML`, `Markdown`, `Latex`, `SVG`, `JSON`, `Javascript`, `Image` — each shown as
//! IPython shows it (`text/plain` `<IPython.core.display.HTML object>` plus its MIME
//! type).

use std::any::Any;
use std::rc::Rc;

use super::Module;
use crate::eval::Interp;
use crate::session::MimeBundle;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, BuiltinFunction, Help, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, type_of, TypeObject};
use crate::value::Value;

/// The display object classes: (name, MIME type).
const KINDS: &[(&str, &str)] = &[
    ("HTML", "text/html"),
    ("Markdown", "text/markdown"),
    ("Latex", "text/latex"),
    ("SVG", "image/svg+xml"),
    ("JSON", "application/json"),
    ("Javascript", "application/javascript"),
    ("Image", "image/png"),
];

thread_local! {
    static CLASSES: Vec<Rc<TypeObject>> = KINDS
        .iter()
        .map(|(name, _)| TypeObject::new(name, "IPython.core.display", vec![builtin(|t| t.object.clone())], Some(construct)))
        .collect();
    static HANDLE_TYPE: Rc<TypeObject> =
        TypeObject::new("DisplayHandle", "IPython.core.display_functions", vec![builtin(|t| t.object.clone())], None);
}

/// A rich display object: its kind (index into `KINDS`) and data.
pub struct DisplayObject {
    kind: usize,
    /// Text for text kinds; base64 for images.
    data: Value,
    /// The MIME type (images: png or jpeg by their bytes).
    mime: &'static str,
}

fn construct(vm: &mut Interp, class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let kind = KINDS.iter().position(|(name, _)| *name == class.name).unwrap_or(0);
    if KINDS[kind].0 == "Image" {
        return construct_image(vm, kind, args);
    }
    let slots = bind(&class.name, args, &["data", "url", "filename", "metadata"], 0)?;
    let data = match (&slots[0], &slots[2]) {
        (Some(Value::Str(s)), _) => Value::Str(s.clone()),
        (Some(Value::None) | None, Some(Value::Str(f))) => {
            let path = vm.cwd.join(&**f);
            let text = std::fs::read_to_string(&path).map_err(|e| super::os_io_error(&e, f))?;
            Value::str(text)
        }
        (Some(Value::None) | None, _) => Value::None,
        (Some(other), _) => {
            return Err(Exc::type_error(format!("'{}' object is not subscriptable", type_of(other).name)));
        }
    };
    Ok(Value::object(DisplayObject { kind, data, mime: KINDS[kind].1 }))
}

fn construct_image(vm: &mut Interp, kind: usize, args: Args) -> PyResult<Value> {
    let slots = bind("Image", args, &["data", "url", "filename", "format", "embed", "width", "height"], 0)?;
    let bytes = match (&slots[0], &slots[2]) {
        (Some(Value::Bytes(b)), _) => b.to_vec(),
        (Some(Value::Str(name)), _) | (_, Some(Value::Str(name))) => {
            std::fs::read(vm.cwd.join(&**name)).map_err(|e| super::os_io_error(&e, name))?
        }
        _ => return Err(Exc::value_error("No image data found. Expecting filename, url, or data.")),
    };
    let mime = if bytes.starts_with(&[0xff, 0xd8]) { "image/jpeg" } else { "image/png" };
    Ok(Value::object(DisplayObject { kind, data: Value::str(base64(&bytes)), mime }))
}

/// Standard base64 with `=` padding, as `b2a_base64` (without its newline).
fn base64(data: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn display_object_method(_vm: &mut Interp, this: &Value, name: &str, _args: Args) -> PyResult<Value> {
    let Some(obj) = this.downcast::<DisplayObject>() else { return Ok(Value::None) };
    let _ = name;
    Ok(obj.data.clone())
}

impl PyObject for DisplayObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        CLASSES.with(|c| c[self.kind].clone())
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<IPython.core.display.{} object>", KINDS[self.kind].0))
    }

    fn mime_bundle(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Vec<(String, String)>> {
        Ok(match &self.data {
            Value::Str(s) => vec![(self.mime.to_string(), s.to_string())],
            _ => Vec::new(),
        })
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let repr_method = format!("_repr_{}_", repr_suffix(self.mime));
        Ok(match name {
            "data" => Some(self.data.clone()),
            "metadata" => Some(Value::Dict(Rc::new(crate::value::Dict::new()))),
            _ if name == repr_method => Some(NativeMethod::value(this, name, display_object_method)),
            _ => None,
        })
    }
}

/// `html` for `_repr_html_`, and so on.
fn repr_suffix(mime: &str) -> &'static str {
    match mime {
        "text/html" => "html",
        "text/markdown" => "markdown",
        "text/latex" => "latex",
        "image/svg+xml" => "svg",
        "application/json" => "json",
        "application/javascript" => "javascript",
        "image/jpeg" => "jpeg",
        _ => "png",
    }
}

/// What `display(..., display_id=...)` returns.
pub struct DisplayHandle {
    id: String,
}

fn handle_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(handle) = this.downcast::<DisplayHandle>() else { return Ok(Value::None) };
    let mut args = args;
    args.keywords.retain(|(k, _)| &**k != "display_id" && &**k != "update");
    args.keywords.push((Rc::from("display_id"), Value::str(&handle.id)));
    if name == "update" {
        args.keywords.push((Rc::from("update"), Value::Bool(true)));
    }
    display(vm, args)?;
    Ok(Value::None)
}

impl PyObject for DisplayHandle {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        HANDLE_TYPE.with(Rc::clone)
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("<DisplayHandle display_id={}>", self.id))
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "display_id" => Some(Value::str(&self.id)),
            "display" | "update" => Some(NativeMethod::value(this, name, handle_method)),
            _ => None,
        })
    }
}

/// A new display id: 32 hex digits, like `uuid4().hex`.
fn new_display_id() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// The MIME keys `include`/`exclude` keep.
fn filter_bundle(vm: &mut Interp, bundle: &mut MimeBundle, include: Option<&Value>, exclude: Option<&Value>) -> PyResult<()> {
    if let Some(include) = include.filter(|v| !v.is_none()) {
        let keep: Vec<String> = vm.collect(include)?.iter().filter_map(|v| if let Value::Str(s) = v { Some(s.to_string()) } else { None }).collect();
        bundle.retain(|k, _| keep.contains(k));
    }
    if let Some(exclude) = exclude.filter(|v| !v.is_none()) {
        let drop: Vec<String> = vm.collect(exclude)?.iter().filter_map(|v| if let Value::Str(s) = v { Some(s.to_string()) } else { None }).collect();
        bundle.retain(|k, _| !drop.contains(k));
    }
    Ok(())
}

/// `display(*objs, include=None, exclude=None, metadata=None, transient=None,
/// display_id=None, raw=False, clear=False, **kwargs)`.
pub fn display(vm: &mut Interp, args: Args) -> PyResult<Value> {
    let keyword = |name: &str| args.keywords.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone());
    let raw = match keyword("raw") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let update = match keyword("update") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if let Some(clear) = keyword("clear") {
        if vm.truthy(&clear)? {
            vm.clear_output(true);
        }
    }
    let display_id = match keyword("display_id") {
        None | Some(Value::None) => None,
        Some(Value::Bool(true)) => Some(new_display_id()),
        Some(Value::Bool(false)) => None,
        Some(other) => Some(vm.str(&other)?),
    };
    let (include, exclude) = (keyword("include"), keyword("exclude"));
    for obj in &args.positional {
        let mut bundle = if raw {
            let Value::Dict(d) = obj else {
                return Err(Exc::type_error(format!("data must be a dict, got: {}", vm.repr(obj)?)));
            };
            let mut bundle = MimeBundle::new();
            for (k, v) in d.items() {
                let key = vm.str(&k)?;
                let value = match &v {
                    Value::Str(s) => s.to_string(),
                    other => vm.repr(other)?,
                };
                bundle.insert(key, value);
            }
            bundle
        } else {
            vm.mime_bundle(obj)?
        };
        filter_bundle(vm, &mut bundle, include.as_ref(), exclude.as_ref())?;
        vm.display(bundle, display_id.as_deref(), update);
    }
    Ok(match display_id {
        Some(id) => Value::object(DisplayHandle { id }),
        None => Value::None,
    })
}

const DISPLAY_SIGNATURE: &str =
    "(*objs, include=None, exclude=None, metadata=None, transient=None, display_id=None, raw=False, clear=False, **kwargs)";

/// The `display` function (the builtin and `IPython.display.display`).
pub fn display_function() -> Value {
    let help = Help { signature: Some(DISPLAY_SIGNATURE.to_string()), doc: Some("Display a Python object in all frontends.".into()) };
    BuiltinFunction::with_help("display", Some("IPython.core.display_functions"), help, display)
}

/// Builds `IPython.display`.
pub fn display_module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("IPython.display", Some("Public API for display tools in IPython."));
    m.set("display", vm.get_builtin("display").unwrap_or_else(display_function));
    let help = |signature: &str| Help { signature: Some(signature.to_string()), doc: None };
    m.set(
        "update_display",
        BuiltinFunction::with_help("update_display", Some("IPython.core.display_functions"), help("(obj, *, display_id, **kwargs)"), |vm, mut args| {
            if !args.keywords.iter().any(|(k, _)| &**k == "display_id") {
                return Err(Exc::type_error("update_display() missing 1 required keyword-only argument: 'display_id'"));
            }
            args.keywords.push((Rc::from("update"), Value::Bool(true)));
            display(vm, args)?;
            Ok(Value::None)
        }),
    );
    m.set(
        "clear_output",
        BuiltinFunction::with_help("clear_output", Some("IPython.core.display_functions"), help("(wait=False)"), |vm, args| {
            let slots = bind("clear_output", args, &["wait"], 0)?;
            let wait = match &slots[0] {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            vm.clear_output(wait);
            Ok(Value::None)
        }),
    );
    CLASSES.with(|classes| {
        for class in classes {
            m.set(&class.name, Value::Object(class.clone()));
        }
    });
    m.set("DisplayHandle", HANDLE_TYPE.with(|t| Value::Object(t.clone())));
    Ok(Value::object(m))
}

/// Builds `IPython` (its `display` submodule loaded with it).
pub fn ipython_module(vm: &mut Interp) -> PyResult<Value> {
    let m = Module::new("IPython", Some("IPython: tools for interactive and parallel computing in Python."));
    m.set("__path__", Value::list(Vec::new()));
    m.set("__version__", Value::str("9.18.0"));
    let display = match vm.modules.get("IPython.display") {
        Some(d) => d.clone(),
        None => {
            let d = display_module(vm)?;
            vm.register_module("IPython.display", d.clone());
            d
        }
    };
    m.set("display", display);
    Ok(Value::object(m))
}
