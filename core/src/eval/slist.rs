//! IPython's `SList`: the list of output lines `x = !cmd` returns, with `.n` (joined
//! by newlines), `.s` (by spaces), `.l` (the list), `.p` (as paths), `.fields()` and
//! `.grep()`. It is a list subclass: indexing, `len`, iteration, methods and the
//! pretty-printed repr are a list's.

use std::any::Any;
use std::rc::Rc;

use super::Interp;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{check_arity, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{List, Value};

/// An SList: a list of str.
pub struct SList {
    /// The lines.
    pub list: Rc<List>,
}

thread_local! {
    static SLIST_TYPE: Rc<TypeObject> = TypeObject::new("SList", "IPython.utils.text", vec![builtin(|t| t.list.clone())], None);
}

/// A new SList value of `lines`.
pub fn slist(lines: Vec<Value>) -> Value {
    Value::object(SList { list: Rc::new(List::new(lines)) })
}

impl SList {
    fn as_list(&self) -> Value {
        Value::List(self.list.clone())
    }

    fn joined(&self, vm: &mut Interp, sep: &str) -> PyResult<String> {
        let mut parts = Vec::new();
        for v in self.list.snapshot() {
            parts.push(vm.str(&v)?);
        }
        Ok(parts.join(sep))
    }
}

fn slist_method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<SList>() else { return Ok(Value::None) };
    match name {
        "fields" => {
            let mut indices = Vec::new();
            for a in &args.positional {
                indices.push(vm.index_value(a, "list indices must be integers or slices, not")?);
            }
            let mut out = Vec::new();
            for line in me.list.snapshot() {
                let text = vm.str(&line)?;
                let words: Vec<&str> = text.split_whitespace().collect();
                if indices.is_empty() {
                    out.push(Value::str(words.join(" ")));
                    continue;
                }
                let picked: Vec<&str> = indices
                    .iter()
                    .filter_map(|&i| {
                        let i = if i < 0 { words.len() as i64 + i } else { i };
                        usize::try_from(i).ok().and_then(|i| words.get(i).copied())
                    })
                    .collect();
                out.push(Value::str(picked.join(" ")));
            }
            Ok(slist(out))
        }
        "grep" => {
            check_arity("grep", &args, 1, 3)?;
            let pattern = vm.str(&args.positional[0])?;
            let prune = match args.keywords.iter().find(|(k, _)| &**k == "prune") {
                Some((_, v)) => vm.truthy(v)?,
                None => false,
            };
            let mut out = Vec::new();
            for line in me.list.snapshot() {
                let text = vm.str(&line)?;
                if text.contains(&pattern) != prune {
                    out.push(line);
                }
            }
            Ok(slist(out))
        }
        _ => Err(Exc::attribute_error(format!("'SList' object has no attribute '{name}'"))),
    }
}

impl PyObject for SList {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        SLIST_TYPE.with(Rc::clone)
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        vm.repr(&self.as_list())
    }

    fn getattr(&self, vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "n" | "nlstr" => Value::str(self.joined(vm, "\n")?),
            "s" | "spstr" => Value::str(self.joined(vm, " ")?),
            "l" | "list" => self.as_list(),
            "p" | "paths" => self.as_list(),
            "fields" | "grep" => NativeMethod::value(this, name, slist_method),
            _ => return super::builtins::methods::getattr(vm, &self.as_list(), name),
        }))
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = super::builtins::methods::method_names(&self.as_list()).iter().map(|s| s.to_string()).collect();
        names.extend(["fields", "grep", "l", "list", "n", "nlstr", "p", "paths", "s", "spstr"].map(String::from));
        names
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        vm.getitem(&self.as_list(), key)
    }

    fn setitem(&self, vm: &mut Interp, _this: &Value, key: &Value, value: Value) -> PyResult<()> {
        vm.setitem(&self.as_list(), key, value)
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.list.len()))
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let mut iter = vm.iterate(&self.as_list())?;
        Ok(crate::value::iter::NativeIterator::value("list_iterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        vm.contains(&self.as_list(), item).map(Some)
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.list.len() > 0))
    }

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        let other = match other.downcast::<SList>() {
            Some(s) => s.as_list(),
            None => other.clone(),
        };
        if !matches!(other, Value::List(_)) {
            return Ok(None);
        }
        vm.compare(op, &self.as_list(), &other).map(Some)
    }

    fn binary_op(&self, vm: &mut Interp, _this: &Value, op: BinOp, other: &Value, reflected: bool) -> PyResult<Option<Value>> {
        let other = match other.downcast::<SList>() {
            Some(s) => s.as_list(),
            None => other.clone(),
        };
        if !matches!(other, Value::List(_) | Value::Int(_)) {
            return Ok(None);
        }
        let me = self.as_list();
        let result = if reflected { vm.binary_op(op, &other, &me) } else { vm.binary_op(op, &me, &other) };
        result.map(Some)
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        None
    }
}
