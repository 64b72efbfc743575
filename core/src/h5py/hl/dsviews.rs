//! The read views of a dataset: `dset.astype(dtype)` (`AsTypeView`), `dset.asstr()`
//! (`AsStrView`) and `dset.fields(names)` (`FieldsView`), as h5py's `_hl/dataset.py`
//! makes them: indexing one reads the dataset converted, decoded or narrowed.

use std::any::Any;
use std::rc::Rc;

use super::dsread;
use super::HlObject;
use crate::eval::Interp;
use crate::numpy::{DType, Kind, Metadata};
use crate::numpy_py::{array_value, as_array, np_error};
use crate::value::exception::{Exc, PyResult};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::Value;

/// What a view does to what it reads.
pub enum ViewKind {
    /// Reads converted to a dtype.
    AsType(DType),
    /// Strings decoded with an encoding and an error handler.
    AsStr {
        /// The codec (`'utf-8'`, `'ascii'`, ...).
        encoding: String,
        /// The `errors` of `bytes.decode`.
        errors: String,
    },
    /// Reads narrowed to some fields; `extract` names the one field taken out of the
    /// compound when a single name (not a list) was given.
    Fields {
        /// The packed compound of the named fields.
        read_dtype: DType,
        /// The field taken out, for `fields('x')`.
        extract: Option<String>,
    },
}

/// A view of a dataset.
pub struct DatasetView {
    /// The dataset (a high-level object value).
    pub dataset: Value,
    /// What the view does.
    pub kind: ViewKind,
}

thread_local! {
    static CLASSES: [Rc<TypeObject>; 3] = {
        let object = builtin(|t| t.object.clone());
        let base = TypeObject::new("AbstractView", "h5py._hl.dataset", vec![object], None);
        [
            TypeObject::new("AsTypeView", "h5py._hl.dataset", vec![base.clone()], None),
            TypeObject::new("AsStrView", "h5py._hl.dataset", vec![base.clone()], None),
            TypeObject::new("FieldsView", "h5py._hl.dataset", vec![base], None),
        ]
    };
}

/// The encoding `h5t.check_string_dtype` reports for a string dtype, or None when the
/// dtype is not an HDF5 string type.
pub fn string_encoding(dtype: &DType) -> Option<&'static str> {
    match dtype.metadata() {
        Some(Metadata::VlenStr | Metadata::FixedUtf8) => Some("utf-8"),
        Some(Metadata::VlenBytes) => Some("ascii"),
        None if matches!(dtype.kind(), Kind::Bytes(_)) => Some("ascii"),
        _ => None,
    }
}

impl DatasetView {
    fn dataset(&self) -> PyResult<&HlObject> {
        self.dataset.downcast::<HlObject>().ok_or_else(|| Exc::type_error("not a dataset"))
    }

    /// The dtype of what the view reads (`view.dtype`).
    fn dtype(&self) -> PyResult<DType> {
        Ok(match &self.kind {
            ViewKind::AsType(d) => d.clone(),
            ViewKind::AsStr { .. } => DType::object(),
            ViewKind::Fields { read_dtype, extract: None } => read_dtype.clone(),
            ViewKind::Fields { read_dtype, extract: Some(name) } => read_dtype
                .struct_layout()
                .and_then(|l| l.fields.iter().find(|f| &f.name == name).map(|f| f.dtype.clone()))
                .unwrap_or_else(|| read_dtype.clone()),
        })
    }
}

/// `bytes_value.decode(encoding, errors)`.
fn decode(vm: &mut Interp, item: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    vm.call_method(item, "decode", Args::positional(vec![Value::str(encoding), Value::str(errors)]))
}

impl PyObject for DatasetView {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        let index = match self.kind {
            ViewKind::AsType(_) => 0,
            ViewKind::AsStr { .. } => 1,
            ViewKind::Fields { .. } => 2,
        };
        CLASSES.with(|c| c[index].clone())
    }

    fn repr(&self, _vm: &mut Interp, this: &Value) -> PyResult<String> {
        Ok(crate::value::object::default_repr(&self.class(), this))
    }

    fn has_custom_repr(&self) -> bool {
        false
    }

    fn getattr(&self, vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "dtype" => Some(crate::numpy_py::dtype::dtype_value(self.dtype()?)),
            "ndim" | "shape" | "size" => vm.getattr_opt(&self.dataset, name)?,
            "encoding" | "errors" => match &self.kind {
                ViewKind::AsStr { encoding, errors } => {
                    Some(Value::str(if name == "encoding" { encoding } else { errors }))
                }
                _ => None,
            },
            _ => None,
        })
    }

    fn dir(&self) -> Vec<String> {
        let mut names: Vec<String> = ["dtype", "ndim", "shape", "size"].iter().map(|s| s.to_string()).collect();
        if matches!(self.kind, ViewKind::AsStr { .. }) {
            names.extend(["encoding".to_string(), "errors".to_string()]);
        }
        names
    }

    fn len(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        super::dataset::len(vm, self.dataset()?, &self.dataset).map(Some)
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let dset = self.dataset()?;
        match &self.kind {
            ViewKind::AsType(dtype) => dsread::getitem(vm, dset, key, Some(dtype)),
            ViewKind::Fields { read_dtype, extract } => {
                let data = dsread::getitem(vm, dset, key, Some(read_dtype))?;
                match extract {
                    Some(name) => vm.getitem(&data, &Value::str(name)),
                    None => Ok(data),
                }
            }
            ViewKind::AsStr { encoding, errors } => {
                let data = dsread::getitem(vm, dset, key, None)?;
                let Some(array) = as_array(&data) else { return decode(vm, &data, encoding, errors) };
                let mut decoded = Vec::with_capacity(array.size());
                for item in array.ravel().values() {
                    let item = crate::numpy_py::from_py_value(item);
                    decoded.push(decode(vm, &item, encoding, errors)?);
                }
                let flat = crate::numpy_py::to_array(vm, &Value::list(decoded), Some(&DType::object()))?;
                let dims: Vec<isize> = array.shape().iter().map(|&n| n as isize).collect();
                Ok(array_value(flat.reshape(&dims).map_err(np_error)?))
            }
        }
    }
}

/// `dset.astype(dtype)`: the dataset itself when the dtype is its own, else a view.
pub fn astype(vm: &mut Interp, this: &Value, obj: &HlObject, dtype: &Value) -> PyResult<Value> {
    let dtype = crate::numpy_py::to_dtype(vm, dtype)?;
    if dtype == super::dataset::dtype(obj)? {
        return Ok(this.clone());
    }
    Ok(Value::object(DatasetView { dataset: this.clone(), kind: ViewKind::AsType(dtype) }))
}

/// `dset.asstr(encoding=None, errors='strict')`.
pub fn asstr(vm: &mut Interp, this: &Value, obj: &HlObject, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let Some(default) = string_encoding(&super::dataset::dtype(obj)?) else {
        return Err(Exc::type_error("dset.asstr() can only be used on datasets with an HDF5 string datatype"));
    };
    let encoding = match encoding {
        None | Some(Value::None) => default.to_string(),
        Some(v) => vm.str(v)?,
    };
    let errors = match errors {
        None => "strict".to_string(),
        Some(v) => vm.str(v)?,
    };
    Ok(Value::object(DatasetView { dataset: this.clone(), kind: ViewKind::AsStr { encoding, errors } }))
}

/// `dset.fields(names)`: one name (a str) or several (any iterable of str).
pub fn fields(vm: &mut Interp, this: &Value, obj: &HlObject, names: &Value) -> PyResult<Value> {
    let (list, extract) = match names {
        Value::Str(s) => (vec![s.to_string()], Some(s.to_string())),
        other => {
            let mut list = Vec::new();
            for item in vm.collect(other)? {
                list.push(vm.str(&item)?);
            }
            (list, None)
        }
    };
    let read_dtype = dsread::readtime_dtype(&super::dataset::dtype(obj)?, &list)?;
    Ok(Value::object(DatasetView { dataset: this.clone(), kind: ViewKind::Fields { read_dtype, extract } }))
}
