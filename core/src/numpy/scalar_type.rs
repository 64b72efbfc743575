//! NumPy's scalar type objects (`np.int8`, `np.float64`, `np.str_` ...).

use super::dtype::{kind_from_name, DType, Kind};

/// The NumPy scalar type objects (`np.int8`, `np.float64`, `np.str_` ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScalarType {
    /// `np.bool`
    Bool,
    /// `np.int8`
    Int8,
    /// `np.int16`
    Int16,
    /// `np.int32`
    Int32,
    /// `np.int64`
    Int64,
    /// `np.uint8`
    UInt8,
    /// `np.uint16`
    UInt16,
    /// `np.uint32`
    UInt32,
    /// `np.uint64`
    UInt64,
    /// `np.float16`
    Float16,
    /// `np.float32`
    Float32,
    /// `np.float64`
    Float64,
    /// `np.complex64`
    Complex64,
    /// `np.complex128`
    Complex128,
    /// `np.bytes_`
    Bytes,
    /// `np.str_`
    Str,
    /// `np.object_`
    Object,
    /// `np.void`
    Void,
}

impl ScalarType {
    /// The type object named `np.<name>` (aliases such as `np.double`, `np.int_`,
    /// `np.bool_` included).
    pub fn from_name(name: &str) -> Option<ScalarType> {
        Some(match kind_from_name(name)? {
            Kind::Bool => ScalarType::Bool,
            Kind::Int8 => ScalarType::Int8,
            Kind::Int16 => ScalarType::Int16,
            Kind::Int32 => ScalarType::Int32,
            Kind::Int64 => ScalarType::Int64,
            Kind::UInt8 => ScalarType::UInt8,
            Kind::UInt16 => ScalarType::UInt16,
            Kind::UInt32 => ScalarType::UInt32,
            Kind::UInt64 => ScalarType::UInt64,
            Kind::Float16 => ScalarType::Float16,
            Kind::Float32 => ScalarType::Float32,
            Kind::Float64 => ScalarType::Float64,
            Kind::Complex64 => ScalarType::Complex64,
            Kind::Complex128 => ScalarType::Complex128,
            Kind::Bytes(_) => ScalarType::Bytes,
            Kind::Str(_) => ScalarType::Str,
            Kind::Object => ScalarType::Object,
            Kind::Void(_) | Kind::Struct(_) => ScalarType::Void,
        })
    }
    /// The type's dtype (`np.dtype(np.int8)`; unsized for bytes/str/void).
    pub fn dtype(self) -> DType {
        DType::new(match self {
            ScalarType::Bool => Kind::Bool,
            ScalarType::Int8 => Kind::Int8,
            ScalarType::Int16 => Kind::Int16,
            ScalarType::Int32 => Kind::Int32,
            ScalarType::Int64 => Kind::Int64,
            ScalarType::UInt8 => Kind::UInt8,
            ScalarType::UInt16 => Kind::UInt16,
            ScalarType::UInt32 => Kind::UInt32,
            ScalarType::UInt64 => Kind::UInt64,
            ScalarType::Float16 => Kind::Float16,
            ScalarType::Float32 => Kind::Float32,
            ScalarType::Float64 => Kind::Float64,
            ScalarType::Complex64 => Kind::Complex64,
            ScalarType::Complex128 => Kind::Complex128,
            ScalarType::Bytes => Kind::Bytes(0),
            ScalarType::Str => Kind::Str(0),
            ScalarType::Object => Kind::Object,
            ScalarType::Void => Kind::Void(0),
        })
    }
    /// The scalar type of a dtype (`dtype.type`).
    pub fn of(dtype: &DType) -> ScalarType {
        match dtype.kind() {
            Kind::Struct(_) | Kind::Void(_) => ScalarType::Void,
            k => ScalarType::from_name(&DType::new(k.clone()).name_for_type()).unwrap_or(ScalarType::Void),
        }
    }
    /// The type's `__name__` (`'int8'`, `'float64'`, `'bool'`, `'str_'`, `'bytes_'`, `'object_'`, `'void'`).
    pub fn name(self) -> &'static str {
        match self {
            ScalarType::Bool => "bool",
            ScalarType::Int8 => "int8",
            ScalarType::Int16 => "int16",
            ScalarType::Int32 => "int32",
            ScalarType::Int64 => "int64",
            ScalarType::UInt8 => "uint8",
            ScalarType::UInt16 => "uint16",
            ScalarType::UInt32 => "uint32",
            ScalarType::UInt64 => "uint64",
            ScalarType::Float16 => "float16",
            ScalarType::Float32 => "float32",
            ScalarType::Float64 => "float64",
            ScalarType::Complex64 => "complex64",
            ScalarType::Complex128 => "complex128",
            ScalarType::Bytes => "bytes_",
            ScalarType::Str => "str_",
            ScalarType::Object => "object_",
            ScalarType::Void => "void",
        }
    }
    /// `repr(np.int8)`: `<class 'numpy.int8'>`.
    pub fn repr(self) -> String {
        format!("<class 'numpy.{}'>", self.name())
    }
}

impl DType {
    /// The name of the dtype's class in `numpy.dtypes` (`Int32DType`, `StrDType` ...).
    pub fn class_name(&self) -> &'static str {
        match self.kind() {
            Kind::Bool => "BoolDType",
            Kind::Int8 => "Int8DType",
            Kind::Int16 => "Int16DType",
            Kind::Int32 => "Int32DType",
            Kind::Int64 => "Int64DType",
            Kind::UInt8 => "UInt8DType",
            Kind::UInt16 => "UInt16DType",
            Kind::UInt32 => "UInt32DType",
            Kind::UInt64 => "UInt64DType",
            Kind::Float16 => "Float16DType",
            Kind::Float32 => "Float32DType",
            Kind::Float64 => "Float64DType",
            Kind::Complex64 => "Complex64DType",
            Kind::Complex128 => "Complex128DType",
            Kind::Bytes(_) => "BytesDType",
            Kind::Str(_) => "StrDType",
            Kind::Object => "ObjectDType",
            Kind::Void(_) | Kind::Struct(_) => "VoidDType",
        }
    }

    pub(crate) fn name_for_type(&self) -> String {
        match self.kind() {
            Kind::Bytes(_) => "bytes".into(),
            Kind::Str(_) => "str".into(),
            _ => self.name(),
        }
    }
}

