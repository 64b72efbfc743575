//! Argument binding for h5py's high-level API, which is written in Python: CPython's
//! messages for Python functions and methods (`Group.create_group() missing 1 required
//! positional argument: 'name'`), counting `self` as CPython does.

use std::rc::Rc;

use crate::value::exception::{Exc, PyResult};
use crate::value::object::Args;
use crate::value::Value;

/// A Python signature: `params` in order, the first `required` without defaults.
pub struct Signature<'a> {
    /// Qualified name as messages show it (`Group.create_group`).
    pub name: &'a str,
    /// Parameter names, not counting `self`.
    pub params: &'a [&'a str],
    /// How many leading parameters have no default.
    pub required: usize,
    /// Whether it is a method (`self` counts in the positional counts).
    pub method: bool,
    /// Whether it takes `**kwds` (unknown keywords are returned, not an error).
    pub var_keywords: bool,
}

/// Bound arguments: one slot per parameter, plus the extra keywords of `**kwds`.
pub struct Bound {
    /// Values by parameter, `None` where the default applies.
    pub slots: Vec<Option<Value>>,
    /// Keywords that matched no parameter (only with `var_keywords`).
    pub extra: Vec<(Rc<str>, Value)>,
}

impl Bound {
    /// The value of parameter `i`, treating an explicit `None` like a missing one.
    pub fn get(&self, i: usize) -> Option<&Value> {
        match &self.slots[i] {
            Some(Value::None) | None => None,
            Some(v) => Some(v),
        }
    }

    /// The value of a required parameter (always present after binding).
    pub fn req(&self, i: usize) -> &Value {
        self.slots[i].as_ref().unwrap_or(&Value::None)
    }
}

impl Signature<'_> {
    /// Binds `args` as CPython binds a call to this function.
    pub fn bind(&self, args: Args) -> PyResult<Bound> {
        let offset = self.method as usize;
        let n = self.params.len();
        let given = args.positional.len();
        if given > n {
            let plural = |k: usize| if k == 1 { "" } else { "s" };
            let takes = if self.required < n {
                format!("from {} to {} positional arguments", self.required + offset, n + offset)
            } else {
                format!("{} positional argument{}", n + offset, plural(n + offset))
            };
            let total = given + offset;
            return Err(Exc::type_error(format!(
                "{}() takes {takes} but {total} {} given",
                self.name,
                if total == 1 { "was" } else { "were" }
            )));
        }
        let mut slots: Vec<Option<Value>> = vec![None; n];
        for (slot, v) in slots.iter_mut().zip(args.positional) {
            *slot = Some(v);
        }
        let mut extra = Vec::new();
        for (key, value) in args.keywords {
            match self.params.iter().position(|p| **p == *key) {
                Some(i) if slots[i].is_some() => {
                    return Err(Exc::type_error(format!("{}() got multiple values for argument '{key}'", self.name)))
                }
                Some(i) => slots[i] = Some(value),
                None if self.var_keywords => extra.push((key, value)),
                None => {
                    return Err(Exc::type_error(format!("{}() got an unexpected keyword argument '{key}'", self.name)))
                }
            }
        }
        let missing: Vec<&str> = (0..self.required).filter(|&i| slots[i].is_none()).map(|i| self.params[i]).collect();
        if !missing.is_empty() {
            return Err(crate::eval::missing_error(self.name, &missing, "positional"));
        }
        Ok(Bound { slots, extra })
    }
}

/// Binds a method call: shorthand for a [`Signature`] with `method: true` and no `**kwds`.
pub fn method(name: &str, args: Args, params: &[&str], required: usize) -> PyResult<Bound> {
    Signature { name, params, required, method: true, var_keywords: false }.bind(args)
}
