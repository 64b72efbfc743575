//! Structured arrays: reading and writing fields by name (`a['x']`, `a['x'] = v`)
//! and fields of `np.void` scalars. Field reads are copies (NumPy's are views).

use super::array::NdArray;
use super::dtype::Field;
use super::error::{NpError, NpResult};
use super::scalar::Scalar;
use super::storage::Buffer;
use super::value::PyValue;

fn no_field(name: &str) -> NpError {
    NpError::value(format!("no field of name {name}"))
}

impl NdArray {
    fn field_def(&self, name: &str) -> NpResult<Field> {
        self.dtype().field(name).cloned().ok_or_else(|| no_field(name))
    }
    /// `a['name']`: the field's values, shape `a.shape + field.shape` (a copy).
    pub fn field(&self, name: &str) -> NpResult<NdArray> {
        let f = self.field_def(name)?;
        Ok(super::format::record::field_array(self, &f))
    }
    /// `a['name'] = value`: writes the field of every record (broadcasting, casting).
    pub fn set_field(&self, name: &str, value: &PyValue) -> NpResult<()> {
        let f = self.field_def(name)?;
        let mut shape = self.shape().to_vec();
        shape.extend_from_slice(&f.shape);
        let target = NdArray::zeros(&shape, &f.dtype)?;
        let src = match value {
            PyValue::Array(a) => a.clone(),
            other => super::create::array(other, Some(&f.dtype))?,
        };
        target.assign(&src)?;
        let raw = target.tobytes()?;
        let size = f.size();
        let offsets = self.offsets();
        let mut buf = self.data.borrow_mut();
        if let Buffer::Record(records) = &mut *buf {
            for (k, &o) in offsets.iter().enumerate() {
                let rec = &mut records[o];
                if rec.len() < f.offset + size {
                    rec.resize(f.offset + size, 0);
                }
                rec[f.offset..f.offset + size].copy_from_slice(&raw[k * size..(k + 1) * size]);
            }
        }
        Ok(())
    }
}

/// `v['name']` (or `v[i]` by position) of a structured `np.void` scalar: a NumPy
/// scalar, or an array for subarray fields.
pub fn void_field(s: &Scalar, name: Option<&str>, position: Option<isize>) -> NpResult<PyValue> {
    let Scalar::Void(raw, dtype) = s else {
        return Err(NpError::index("invalid index"));
    };
    let layout = dtype.struct_layout().ok_or_else(|| NpError::index("invalid index"))?;
    let field = match (name, position) {
        (Some(n), _) => layout.fields.iter().find(|f| f.name == n).ok_or_else(|| no_field(n))?,
        (None, Some(i)) => {
            let n = layout.fields.len() as isize;
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(NpError::index(format!("invalid index ({i})")));
            }
            &layout.fields[j as usize]
        }
        _ => return Err(NpError::index("invalid index")),
    };
    let rec = NdArray::from_buffer(Buffer::Record(vec![raw.clone()].into()), vec![], dtype.clone());
    let a = super::format::record::field_array(&rec, field);
    if a.ndim() == 0 {
        Ok(a.values().into_iter().next().unwrap_or(PyValue::None))
    } else {
        Ok(PyValue::Array(a))
    }
}
