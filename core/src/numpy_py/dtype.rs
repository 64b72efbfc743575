//! `np.dtype` objects: construction from every spelling, attributes (`name`, `str`,
//! `kind`, `itemsize`, `fields`, `descr`, `subdtype` ...), field lookup, equality with
//! anything `np.dtype()` accepts.

use std::any::Any;
use std::rc::Rc;

use super::convert::{to_dtype, to_shaped_dtype, usize_value};
use super::errors::np_error;
use super::types::{dtype_class, scalar_type_value};
use crate::eval::Interp;
use crate::numpy::dtype::field_dtype_repr;
use crate::numpy::{DType, Kind, ScalarType};
use crate::syntax::ast::CmpOp;
use crate::value::exception::{Exc, PyResult};
use crate::value::function::{bind, NativeMethod};
use crate::value::object::{Args, PyObject};
use crate::value::types::{builtin, TypeObject};
use crate::value::{Dict, Value};

/// A dtype as a Python value; `shape` is non-empty for a subarray dtype
/// (`np.dtype(('i4', (2, 3)))`).
pub struct DTypeObject {
    /// The dtype (the base type of a subarray dtype).
    pub dtype: DType,
    /// The subarray shape.
    pub shape: Vec<usize>,
}

/// A dtype value.
pub fn dtype_value(dtype: DType) -> Value {
    Value::object(DTypeObject { dtype, shape: Vec::new() })
}

/// `np.dtype(obj, align=False, copy=False)`.
pub fn construct_dtype(vm: &mut Interp, _class: &Rc<TypeObject>, args: Args) -> PyResult<Value> {
    let slots = bind("dtype", args, &["dtype", "align", "copy", "metadata"], 1)?;
    let spec = slots[0].clone().unwrap_or(Value::None);
    let shaped = to_shaped_dtype(vm, &spec)?;
    Ok(Value::object(DTypeObject { dtype: shaped.dtype, shape: shaped.shape }))
}

impl DTypeObject {
    fn is_subarray(&self) -> bool {
        !self.shape.is_empty()
    }

    /// The itemsize, subarray included.
    fn itemsize(&self) -> usize {
        self.dtype.itemsize() * self.shape.iter().product::<usize>()
    }

    fn subarray_repr(&self) -> String {
        field_dtype_repr(&crate::numpy::dtype::Field {
            name: String::new(),
            dtype: self.dtype.clone(),
            offset: 0,
            shape: self.shape.clone(),
        })
    }

    fn descr(&self) -> Value {
        let pair = |name: &str, ty: String| Value::tuple(vec![Value::str(name), Value::str(ty)]);
        match self.dtype.struct_layout() {
            Some(layout) if !self.is_subarray() => {
                let mut items = Vec::new();
                let mut pos = 0;
                for f in &layout.fields {
                    if f.offset > pos {
                        items.push(pair("", format!("|V{}", f.offset - pos)));
                    }
                    let ty = match f.dtype.struct_layout() {
                        Some(_) => DTypeObject { dtype: f.dtype.clone(), shape: Vec::new() }.descr(),
                        None => Value::str(f.dtype.type_str()),
                    };
                    let mut entry = vec![Value::str(&f.name), ty];
                    if !f.shape.is_empty() {
                        entry.push(super::convert::shape_tuple(&f.shape));
                    }
                    items.push(Value::tuple(entry));
                    pos = pos.max(f.offset + f.size());
                }
                if layout.itemsize > pos {
                    items.push(pair("", format!("|V{}", layout.itemsize - pos)));
                }
                Value::list(items)
            }
            _ => Value::list(vec![pair("", self.type_str())]),
        }
    }

    fn type_str(&self) -> String {
        if self.is_subarray() {
            format!("|V{}", self.itemsize())
        } else {
            self.dtype.type_str()
        }
    }

    fn fields(&self) -> PyResult<Value> {
        let Some(layout) = self.dtype.struct_layout().filter(|_| !self.is_subarray()) else { return Ok(Value::None) };
        let dict = Dict::new();
        for f in &layout.fields {
            let dtype = Value::object(DTypeObject { dtype: f.dtype.clone(), shape: f.shape.clone() });
            dict.set(Value::str(&f.name), Value::tuple(vec![dtype, usize_value(f.offset)]))?;
        }
        Ok(Value::object(MappingProxy { dict: Value::Dict(Rc::new(dict)) }))
    }
}

fn method(vm: &mut Interp, this: &Value, name: &str, args: Args) -> PyResult<Value> {
    let Some(me) = this.downcast::<DTypeObject>() else { return Ok(Value::None) };
    match name {
        "newbyteorder" => {
            let slots = bind("newbyteorder", args, &["new_order"], 0)?;
            let order = match &slots[0] {
                Some(v) => vm.str(v)?.chars().next().unwrap_or('S'),
                None => 'S',
            };
            let dtype = me.dtype.clone().with_byteorder(order).map_err(np_error)?;
            Ok(Value::object(DTypeObject { dtype, shape: me.shape.clone() }))
        }
        _ => Err(Exc::not_implemented(format!("numpy.dtype.{name}"))),
    }
}

impl PyObject for DTypeObject {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        if self.is_subarray() {
            return dtype_class(&DType::new(Kind::Void(0)));
        }
        dtype_class(&self.dtype)
    }

    fn repr(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(if self.is_subarray() { self.subarray_repr() } else { self.dtype.repr() })
    }

    fn str(&self, _vm: &mut Interp, _this: &Value) -> PyResult<String> {
        if self.is_subarray() {
            let text = self.subarray_repr();
            let inner = text.strip_prefix("dtype(").and_then(|t| t.strip_suffix(')')).unwrap_or(&text);
            return Ok(inner.to_string());
        }
        Ok(self.dtype.to_str())
    }

    fn getattr(&self, _vm: &mut Interp, this: &Value, name: &str) -> PyResult<Option<Value>> {
        let d = &self.dtype;
        let sub = self.is_subarray();
        Ok(Some(match name {
            "name" if sub => Value::str(format!("void{}", self.itemsize() * 8)),
            "name" => Value::str(d.name()),
            "str" => Value::str(self.type_str()),
            "char" if sub => Value::str("V"),
            "char" => Value::str(d.char().to_string()),
            "kind" if sub => Value::str("V"),
            "kind" => Value::str(d.kind_char().to_string()),
            "itemsize" => usize_value(self.itemsize()),
            "byteorder" if sub => Value::str("|"),
            "byteorder" => Value::str(d.byteorder().to_string()),
            "type" if sub => scalar_type_value(ScalarType::Void),
            "type" => scalar_type_value(ScalarType::of(d)),
            "names" => match d.names().filter(|_| !sub) {
                Some(names) => Value::tuple(names.into_iter().map(Value::str).collect()),
                None => Value::None,
            },
            "fields" => self.fields()?,
            "descr" => self.descr(),
            "ndim" => usize_value(self.shape.len()),
            "shape" => super::convert::shape_tuple(&self.shape),
            "base" => dtype_value(d.clone()),
            "subdtype" if sub => Value::tuple(vec![dtype_value(d.clone()), super::convert::shape_tuple(&self.shape)]),
            "subdtype" => Value::None,
            "isnative" => Value::Bool(!d.is_big_endian()),
            "alignment" => usize_value(d.alignment()),
            "hasobject" => Value::Bool(has_object(d)),
            "isbuiltin" => Value::Int(if d.is_struct() || sub { 0 } else { 1 }),
            "metadata" => Value::None,
            "num" => Value::Int(type_num(d)),
            "isalignedstruct" => Value::Bool(false),
            "newbyteorder" => NativeMethod::value(this, name, method),
            _ => return Ok(None),
        }))
    }

    fn dir(&self) -> Vec<String> {
        [
            "alignment", "base", "byteorder", "char", "descr", "fields", "hasobject", "isalignedstruct", "isbuiltin",
            "isnative", "itemsize", "kind", "metadata", "name", "names", "ndim", "newbyteorder", "num", "shape", "str",
            "subdtype", "type",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        let Some(layout) = self.dtype.struct_layout() else {
            return Err(Exc::new(
                crate::value::ExcKind::KeyError,
                format!("There are no fields in dtype {}.", self.dtype.to_str()),
            ));
        };
        let field = match key {
            Value::Str(name) => layout.fields.iter().find(|f| &*f.name == &**name).ok_or_else(|| {
                Exc::new(crate::value::ExcKind::KeyError, format!("Field named {} not found.", crate::value::str::repr(name)))
            })?,
            other => {
                let i = vm.index_value(other, "Field key must be an integer field offset, single field name, or list of field names.")?;
                let n = layout.fields.len() as i64;
                let at = if i < 0 { i + n } else { i };
                layout
                    .fields
                    .get(usize::try_from(at).unwrap_or(usize::MAX))
                    .ok_or_else(|| Exc::index_error(format!("Field index {i} out of range.")))?
            }
        };
        Ok(Value::object(DTypeObject { dtype: field.dtype.clone(), shape: field.shape.clone() }))
    }

    fn len(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.dtype.struct_layout().map_or(0, |l| l.fields.len())))
    }

    fn bool(&self, _vm: &mut Interp, _this: &Value) -> PyResult<Option<bool>> {
        Ok(Some(true))
    }

    fn compare(&self, vm: &mut Interp, _this: &Value, op: CmpOp, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let equal = match other.downcast::<DTypeObject>() {
            Some(o) => o.dtype == self.dtype && o.shape == self.shape,
            None => match to_dtype(vm, other) {
                Ok(d) => d == self.dtype && !self.is_subarray(),
                Err(_) => false,
            },
        };
        Ok(Some(Value::Bool(equal == (op == CmpOp::Eq))))
    }

    fn hash(&self, _this: &Value) -> Option<i64> {
        let text = self.type_str() + &self.dtype.descr_repr();
        Some(text.bytes().fold(17i64, |h, b| h.wrapping_mul(31).wrapping_add(b as i64)))
    }
}

fn has_object(d: &DType) -> bool {
    match d.kind() {
        Kind::Object => true,
        Kind::Struct(l) => l.fields.iter().any(|f| has_object(&f.dtype)),
        _ => false,
    }
}

/// NumPy's type numbers (`dtype.num`).
fn type_num(d: &DType) -> i64 {
    match d.kind() {
        Kind::Bool => 0,
        Kind::Int8 => 1,
        Kind::UInt8 => 2,
        Kind::Int16 => 3,
        Kind::UInt16 => 4,
        Kind::Int32 => 5,
        Kind::UInt32 => 6,
        Kind::Int64 => 7,
        Kind::UInt64 => 8,
        Kind::Float32 => 11,
        Kind::Float64 => 12,
        Kind::Complex64 => 14,
        Kind::Complex128 => 15,
        Kind::Object => 17,
        Kind::Bytes(_) => 18,
        Kind::Str(_) => 19,
        Kind::Void(_) | Kind::Struct(_) => 20,
        Kind::Float16 => 23,
    }
}

/// A read-only view of a dict: `dtype.fields`, shown `mappingproxy({...})`.
pub struct MappingProxy {
    dict: Value,
}

impl PyObject for MappingProxy {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn class(&self) -> Rc<TypeObject> {
        thread_local! {
            static CLASS: Rc<TypeObject> = TypeObject::new("mappingproxy", "builtins", vec![builtin(|t| t.object.clone())], None);
        }
        CLASS.with(Rc::clone)
    }

    fn repr(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        Ok(format!("mappingproxy({})", vm.repr(&self.dict)?))
    }

    fn str(&self, vm: &mut Interp, _this: &Value) -> PyResult<String> {
        vm.repr(&self.dict)
    }

    fn getattr(&self, vm: &mut Interp, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        match name {
            "keys" | "values" | "items" | "get" | "copy" => vm.getattr_opt(&self.dict, name),
            _ => Ok(None),
        }
    }

    fn getitem(&self, vm: &mut Interp, _this: &Value, key: &Value) -> PyResult<Value> {
        vm.getitem(&self.dict, key)
    }

    fn len(&self, vm: &mut Interp, _this: &Value) -> PyResult<Option<usize>> {
        vm.len(&self.dict).map(Some)
    }

    fn iter(&self, vm: &mut Interp, _this: &Value) -> PyResult<Value> {
        let mut iter = vm.iterate(&self.dict)?;
        Ok(crate::value::iter::NativeIterator::value("dict_keyiterator", move |vm| iter.next(vm)))
    }

    fn contains(&self, vm: &mut Interp, _this: &Value, item: &Value) -> PyResult<Option<bool>> {
        vm.contains(&self.dict, item).map(Some)
    }
}
