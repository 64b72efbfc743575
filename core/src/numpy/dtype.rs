//! NumPy data types: the builtin numeric types, fixed-width bytes and str, object,
//! void and structured types, with byte order and h5py's metadata slot; their
//! attributes (`.name .str .char .kind .itemsize .byteorder .descr .fields`), `str`,
//! `repr`, and parsing of `np.dtype(...)` specifications.

use std::rc::Rc;

use super::error::{NpError, NpResult};

/// The kind of a dtype (what its elements are), without byte order or metadata.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `bool` (`?`).
    Bool,
    /// `int8` (`b`).
    Int8,
    /// `int16` (`h`).
    Int16,
    /// `int32` (`i`).
    Int32,
    /// `int64` (`l`, `q`).
    Int64,
    /// `uint8` (`B`).
    UInt8,
    /// `uint16` (`H`).
    UInt16,
    /// `uint32` (`I`).
    UInt32,
    /// `uint64` (`L`, `Q`).
    UInt64,
    /// `float16` (`e`).
    Float16,
    /// `float32` (`f`).
    Float32,
    /// `float64` (`d`).
    Float64,
    /// `complex64` (`F`).
    Complex64,
    /// `complex128` (`D`).
    Complex128,
    /// Fixed-width bytes `S<n>` (n bytes; 0 means unsized, `dtype('S')`).
    Bytes(usize),
    /// Fixed-width unicode `U<n>` (n code points; 0 means unsized).
    Str(usize),
    /// Python objects (`O`).
    Object,
    /// Unstructured void `V<n>`.
    Void(usize),
    /// A structured type: named fields at byte offsets.
    Struct(Rc<StructLayout>),
}

/// The fields of a structured dtype.
#[derive(Clone, Debug, PartialEq)]
pub struct StructLayout {
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The record size in bytes.
    pub itemsize: usize,
}

/// One field of a structured dtype.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field's name.
    pub name: String,
    /// The field's element type (the base type for subarray fields).
    pub dtype: DType,
    /// The byte offset of the field in the record.
    pub offset: usize,
    /// The subarray shape (`('b', '<f8', (2,))`); empty for a scalar field.
    pub shape: Vec<usize>,
}

impl Field {
    /// The field's size in bytes (base itemsize times the subarray size).
    pub fn size(&self) -> usize {
        self.dtype.itemsize() * self.shape.iter().product::<usize>()
    }
}

/// Metadata h5py attaches to dtypes (`h5py.string_dtype()`, `h5py.enum_dtype()`, ...).
/// It survives copies and `astype` to the same dtype, and never shows in reprs.
#[derive(Clone, Debug, PartialEq)]
pub enum Metadata {
    /// `{'vlen': str}`: variable-length UTF-8 strings (object dtype).
    VlenStr,
    /// `{'vlen': bytes}`: variable-length byte strings (object dtype).
    VlenBytes,
    /// `{'vlen': <dtype>}`: variable-length sequences of a base type.
    Vlen(DType),
    /// `{'enum': {name: value, ...}}` on an integer dtype, in insertion order.
    Enum(Vec<(String, i64)>),
    /// `{'ref': h5py.Reference}`: object references.
    ObjectRef,
    /// `{'ref': h5py.RegionReference}`: region references.
    RegionRef,
    /// `{'h5py_encoding': 'utf-8'}`: fixed-length UTF-8 strings (`S<n>` dtype).
    FixedUtf8,
    /// `{'h5py_opaque': True}`: data stored as an HDF5 opaque type.
    Opaque,
}

/// A NumPy dtype: a [`Kind`], a byte order and an optional h5py [`Metadata`].
///
/// Elements are always held in native byte order in memory; a big-endian dtype only
/// changes what the dtype reports and how raw bytes are read and written.
/// Equality ignores metadata, as NumPy's does.
#[derive(Clone, Debug)]
pub struct DType {
    kind: Kind,
    big_endian: bool,
    metadata: Option<Rc<Metadata>>,
    /// `'q'`/`'Q'` when the type was spelled that way (`.char` shows it).
    long_long: bool,
    /// A little-endian order stated explicitly, as in the non-builtin float dtypes
    /// h5py makes (`.byteorder` is `'<'`, `repr` shows `dtype('<f8')`).
    explicit_order: bool,
}

impl PartialEq for DType {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.is_big_endian() == other.is_big_endian()
    }
}

/// Python's builtin types as dtype specifications (`np.dtype(int)` is int64 ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyType {
    /// `int` → int64.
    Int,
    /// `float` → float64.
    Float,
    /// `bool` → bool.
    Bool,
    /// `complex` → complex128.
    Complex,
    /// `str` → unsized `<U`.
    Str,
    /// `bytes` → unsized `S`.
    Bytes,
    /// `object` → `O`.
    Object,
}

/// What `np.dtype(spec)` accepts (the interpreter converts its values to this).
#[derive(Clone, Debug)]
pub enum DTypeSpec {
    /// A string: `'i1'`, `'<f8'`, `'S10'`, `'float32'`, `'i4,f8'` ...
    Str(String),
    /// A Python builtin type.
    PyType(PyType),
    /// A dtype (or a NumPy scalar type object such as `np.int8`, via its dtype).
    DType(DType),
    /// A list of `(name, spec)` or `(name, spec, shape)` tuples.
    List(Vec<(String, DTypeSpec, Vec<usize>)>),
    /// A `{'names': ..., 'formats': ..., 'offsets': ..., 'itemsize': ...}` dict.
    Dict {
        /// Field names.
        names: Vec<String>,
        /// Field types.
        formats: Vec<DTypeSpec>,
        /// Byte offsets (packed when absent).
        offsets: Option<Vec<usize>>,
        /// Record size (the packed size when absent).
        itemsize: Option<usize>,
    },
    /// `(base, shape)`: a subarray type (only meaningful as a field type).
    Subarray(Box<DTypeSpec>, Vec<usize>),
}

impl DType {
    /// A native-order dtype of the given kind, without metadata.
    pub fn new(kind: Kind) -> Self {
        DType { kind, big_endian: false, metadata: None, long_long: false, explicit_order: false }
    }
    /// `bool`.
    pub fn bool() -> Self {
        Self::new(Kind::Bool)
    }
    /// `int64`, NumPy's default integer.
    pub fn int64() -> Self {
        Self::new(Kind::Int64)
    }
    /// `float64`, NumPy's default float.
    pub fn float64() -> Self {
        Self::new(Kind::Float64)
    }
    /// `complex128`.
    pub fn complex128() -> Self {
        Self::new(Kind::Complex128)
    }
    /// `object`.
    pub fn object() -> Self {
        Self::new(Kind::Object)
    }
    /// The kind.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }
    /// The metadata slot.
    pub fn metadata(&self) -> Option<&Metadata> {
        self.metadata.as_deref()
    }
    /// This dtype with metadata attached.
    pub fn with_metadata(mut self, metadata: Option<Metadata>) -> Self {
        self.metadata = metadata.map(Rc::new);
        self
    }
    /// This dtype with its little-endian order stated explicitly (see the field);
    /// only numbers of more than one byte keep the mark.
    pub fn with_explicit_order(mut self) -> Self {
        self.explicit_order = !self.big_endian && self.is_numeric() && self.itemsize() > 1;
        self
    }
    /// Whether the little-endian order is stated explicitly.
    pub fn has_explicit_order(&self) -> bool {
        self.explicit_order
    }
    /// True for a non-native (big-endian) byte order on a type where order matters.
    pub fn is_big_endian(&self) -> bool {
        self.big_endian && self.has_byte_order()
    }
    /// This dtype with the given byte order (`'<'`, `'>'`, `'='`, `'|'`, `'S'` swaps).
    pub fn with_byteorder(mut self, order: char) -> NpResult<Self> {
        self.explicit_order = false;
        match order {
            '<' | '=' | '|' | 'L' | 'N' | 'I' | 'l' | 'n' | 'i' => self.big_endian = false,
            '>' | 'B' | 'b' => self.big_endian = true,
            'S' | 's' => self.big_endian = !self.big_endian,
            _ => return Err(NpError::value(format!("{order} is an unrecognized byteorder"))),
        }
        if let Kind::Struct(layout) = &self.kind {
            let mut layout = (**layout).clone();
            for f in &mut layout.fields {
                f.dtype = f.dtype.clone().with_byteorder(order)?;
            }
            self.kind = Kind::Struct(Rc::new(layout));
            self.big_endian = false;
        }
        Ok(self)
    }
    /// Whether the byte order is meaningful (multi-byte numbers and unicode).
    fn has_byte_order(&self) -> bool {
        self.is_numeric() && self.itemsize() > 1 || matches!(self.kind, Kind::Str(_))
    }
    /// Whether this is bool, an integer, a float or a complex type.
    pub fn is_numeric(&self) -> bool {
        matches!(self.kind_char(), 'b' | 'i' | 'u' | 'f' | 'c')
    }
    /// Whether this is a signed or unsigned integer type.
    pub fn is_integer(&self) -> bool {
        matches!(self.kind_char(), 'i' | 'u')
    }
    /// Whether this is a float type.
    pub fn is_float(&self) -> bool {
        self.kind_char() == 'f'
    }
    /// Whether this is a complex type.
    pub fn is_complex(&self) -> bool {
        self.kind_char() == 'c'
    }
    /// Whether this is a structured type.
    pub fn is_struct(&self) -> bool {
        matches!(self.kind, Kind::Struct(_))
    }
    /// The structured layout, if any.
    pub fn struct_layout(&self) -> Option<&StructLayout> {
        match &self.kind {
            Kind::Struct(l) => Some(l),
            _ => None,
        }
    }

    /// `.itemsize` in bytes.
    pub fn itemsize(&self) -> usize {
        match &self.kind {
            Kind::Bool | Kind::Int8 | Kind::UInt8 => 1,
            Kind::Int16 | Kind::UInt16 | Kind::Float16 => 2,
            Kind::Int32 | Kind::UInt32 | Kind::Float32 => 4,
            Kind::Int64 | Kind::UInt64 | Kind::Float64 | Kind::Complex64 | Kind::Object => 8,
            Kind::Complex128 => 16,
            Kind::Bytes(n) | Kind::Void(n) => *n,
            Kind::Str(n) => 4 * n,
            Kind::Struct(l) => l.itemsize,
        }
    }
    /// `.kind`: one of `b i u f c S U O V`.
    pub fn kind_char(&self) -> char {
        match &self.kind {
            Kind::Bool => 'b',
            Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => 'i',
            Kind::UInt8 | Kind::UInt16 | Kind::UInt32 | Kind::UInt64 => 'u',
            Kind::Float16 | Kind::Float32 | Kind::Float64 => 'f',
            Kind::Complex64 | Kind::Complex128 => 'c',
            Kind::Bytes(_) => 'S',
            Kind::Str(_) => 'U',
            Kind::Object => 'O',
            Kind::Void(_) | Kind::Struct(_) => 'V',
        }
    }
    /// `.char`: the type character (`'b'` for int8, `'d'` for float64, `'?'` ...).
    pub fn char(&self) -> char {
        match &self.kind {
            Kind::Bool => '?',
            Kind::Int8 => 'b',
            Kind::Int16 => 'h',
            Kind::Int32 => 'i',
            Kind::Int64 if self.long_long => 'q',
            Kind::UInt64 if self.long_long => 'Q',
            Kind::Int64 => 'l',
            Kind::UInt8 => 'B',
            Kind::UInt16 => 'H',
            Kind::UInt32 => 'I',
            Kind::UInt64 => 'L',
            Kind::Float16 => 'e',
            Kind::Float32 => 'f',
            Kind::Float64 => 'd',
            Kind::Complex64 => 'F',
            Kind::Complex128 => 'D',
            Kind::Bytes(_) => 'S',
            Kind::Str(_) => 'U',
            Kind::Object => 'O',
            Kind::Void(_) | Kind::Struct(_) => 'V',
        }
    }
    /// `.byteorder`: `'='` native, `'>'` big-endian, `'|'` not applicable.
    pub fn byteorder(&self) -> char {
        if !self.has_byte_order() {
            '|'
        } else if self.big_endian {
            '>'
        } else if self.explicit_order {
            '<'
        } else {
            '='
        }
    }
    /// `'<'`, `'>'` or `''` as used in `.str` and `.descr`.
    fn order_prefix(&self) -> &'static str {
        if !self.has_byte_order() {
            ""
        } else if self.big_endian {
            ">"
        } else {
            "<"
        }
    }
    /// `.name`: `'int8'`, `'float64'`, `'bytes80'`, `'str160'`, `'void64'`, `'object'`.
    pub fn name(&self) -> String {
        let bits = self.itemsize() * 8;
        match &self.kind {
            Kind::Bool => "bool".into(),
            Kind::Object => "object".into(),
            Kind::Bytes(0) => "bytes".into(),
            Kind::Str(0) => "str".into(),
            Kind::Void(0) => "void".into(),
            Kind::Bytes(_) => format!("bytes{bits}"),
            Kind::Str(_) => format!("str{bits}"),
            Kind::Void(_) | Kind::Struct(_) => format!("void{bits}"),
            _ => {
                let stem = match self.kind_char() {
                    'i' => "int",
                    'u' => "uint",
                    'f' => "float",
                    _ => "complex",
                };
                format!("{stem}{bits}")
            }
        }
    }
    /// `.str`: the array-protocol type string (`'<f8'`, `'|i1'`, `'|S10'`, `'<U5'`, `'|O'`).
    pub fn type_str(&self) -> String {
        let order = if self.has_byte_order() { self.order_prefix() } else { "|" };
        let size = match &self.kind {
            Kind::Str(n) => *n,
            _ => self.itemsize(),
        };
        match &self.kind {
            Kind::Object => "|O".into(),
            Kind::Struct(_) => format!("|V{size}"),
            _ => format!("{order}{}{size}", self.kind_char()),
        }
    }
    /// `str(dtype)`.
    pub fn to_str(&self) -> String {
        match &self.kind {
            Kind::Struct(_) => self.struct_str(),
            Kind::Bytes(_) | Kind::Str(_) | Kind::Void(_) => self.type_str(),
            _ if self.is_big_endian() => self.type_str(),
            _ => self.name(),
        }
    }
    /// `repr(dtype)`: `dtype('int8')`, `dtype('>f8')`, `dtype('S10')`, `dtype([...])`.
    pub fn repr(&self) -> String {
        format!("dtype({})", self.construction_repr(false))
    }
    /// What `repr` shows inside `dtype(...)` (NumPy's `_construction_repr`).
    pub(crate) fn construction_repr(&self, short: bool) -> String {
        let order = self.order_prefix();
        match &self.kind {
            Kind::Struct(_) => self.struct_str(),
            Kind::Bool => if short { "'?'" } else { "'bool'" }.into(),
            Kind::Object => "'O'".into(),
            Kind::Bytes(0) => "'S'".into(),
            Kind::Bytes(n) => format!("'S{n}'"),
            Kind::Str(0) => format!("'{order}U'"),
            Kind::Str(n) => format!("'{order}U{n}'"),
            Kind::Void(0) => "'V'".into(),
            Kind::Void(n) => format!("'V{n}'"),
            _ if short || self.is_big_endian() || self.explicit_order => {
                format!("'{order}{}{}'", self.kind_char(), self.itemsize())
            }
            _ => format!("'{}'", self.name()),
        }
    }
    fn struct_str(&self) -> String {
        let Some(layout) = self.struct_layout() else { return String::new() };
        if layout.is_packed() {
            let items: Vec<String> = layout
                .fields
                .iter()
                .map(|f| {
                    if f.shape.is_empty() {
                        format!("({}, {})", py_str_repr(&f.name), f.dtype.construction_repr(true))
                    } else {
                        format!(
                            "({}, {}, {})",
                            py_str_repr(&f.name),
                            f.dtype.construction_repr(true),
                            super::format::shape_repr(&f.shape)
                        )
                    }
                })
                .collect();
            format!("[{}]", items.join(", "))
        } else {
            let names: Vec<String> = layout.fields.iter().map(|f| py_str_repr(&f.name)).collect();
            let formats: Vec<String> = layout
                .fields
                .iter()
                .map(|f| {
                    if f.shape.is_empty() {
                        f.dtype.construction_repr(true)
                    } else {
                        format!(
                            "({}, {})",
                            f.dtype.construction_repr(true),
                            super::format::shape_repr(&f.shape)
                        )
                    }
                })
                .collect();
            let offsets: Vec<String> = layout.fields.iter().map(|f| f.offset.to_string()).collect();
            format!(
                "{{'names': [{}], 'formats': [{}], 'offsets': [{}], 'itemsize': {}}}",
                names.join(", "),
                formats.join(", "),
                offsets.join(", "),
                layout.itemsize
            )
        }
    }
    /// `.descr`: `[('', '<f8')]`, or the fields with `('', '|V7')` padding entries,
    /// rendered as Python shows the list.
    pub fn descr_repr(&self) -> String {
        match self.struct_layout() {
            None => format!("[('', '{}')]", self.type_str()),
            Some(layout) => {
                let mut items = Vec::new();
                let mut pos = 0;
                for f in &layout.fields {
                    if f.offset > pos {
                        items.push(format!("('', '|V{}')", f.offset - pos));
                    }
                    let ty = match f.dtype.struct_layout() {
                        Some(_) => f.dtype.descr_repr(),
                        None => format!("'{}'", f.dtype.type_str()),
                    };
                    if f.shape.is_empty() {
                        items.push(format!("({}, {ty})", py_str_repr(&f.name)));
                    } else {
                        items.push(format!(
                            "({}, {ty}, {})",
                            py_str_repr(&f.name),
                            super::format::shape_repr(&f.shape)
                        ));
                    }
                    pos = pos.max(f.offset + f.size());
                }
                if layout.itemsize > pos {
                    items.push(format!("('', '|V{}')", layout.itemsize - pos));
                }
                format!("[{}]", items.join(", "))
            }
        }
    }
    /// `repr(dtype.fields)`: `mappingproxy({'a': (dtype('int32'), 0), ...})` (`None`
    /// for unstructured dtypes).
    pub fn fields_repr(&self) -> String {
        match self.struct_layout() {
            None => "None".into(),
            Some(_) => format!("mappingproxy({})", self.fields_str()),
        }
    }
    /// `str(dtype.fields)`: `{'a': (dtype('int32'), 0), ...}` (`None` if unstructured).
    pub fn fields_str(&self) -> String {
        match self.struct_layout() {
            None => "None".into(),
            Some(layout) => {
                let items: Vec<String> = layout
                    .fields
                    .iter()
                    .map(|f| format!("{}: ({}, {})", py_str_repr(&f.name), field_dtype_repr(f), f.offset))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
        }
    }
    /// `.names` of a structured dtype.
    pub fn names(&self) -> Option<Vec<String>> {
        self.struct_layout().map(|l| l.fields.iter().map(|f| f.name.clone()).collect())
    }
    /// The field named `name` of a structured dtype.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.struct_layout().and_then(|l| l.fields.iter().find(|f| f.name == name))
    }
    /// `.alignment` in bytes.
    pub fn alignment(&self) -> usize {
        match &self.kind {
            Kind::Complex64 => 4,
            Kind::Complex128 => 8,
            Kind::Bytes(_) | Kind::Void(_) => 1,
            Kind::Str(_) => 4,
            Kind::Struct(l) => l.fields.iter().map(|f| f.dtype.alignment()).max().unwrap_or(1),
            _ => self.itemsize().max(1),
        }
    }

    /// Parses what `np.dtype(spec)` accepts.
    pub fn from_spec(spec: &DTypeSpec) -> NpResult<DType> {
        match spec {
            DTypeSpec::Str(s) => DType::parse(s),
            DTypeSpec::PyType(t) => Ok(DType::from_pytype(*t)),
            DTypeSpec::DType(d) => Ok(d.clone()),
            DTypeSpec::Subarray(base, shape) => {
                // A subarray outside a struct: NumPy makes the base type with a shape;
                // we keep the base (arrays created with it gain the extra axes).
                let _ = shape;
                DType::from_spec(base)
            }
            DTypeSpec::List(items) => {
                let mut fields = Vec::new();
                let mut offset = 0;
                for (i, (name, spec, shape)) in items.iter().enumerate() {
                    let (dtype, shape) = field_type(spec, shape)?;
                    let name = if name.is_empty() { format!("f{i}") } else { name.clone() };
                    if fields.iter().any(|f: &Field| f.name == name) {
                        return Err(NpError::value(format!("field '{name}' occurs more than once")));
                    }
                    let field = Field { name, dtype, offset, shape };
                    offset += field.size();
                    fields.push(field);
                }
                Ok(DType::new(Kind::Struct(Rc::new(StructLayout { fields, itemsize: offset }))))
            }
            DTypeSpec::Dict { names, formats, offsets, itemsize } => {
                if names.len() != formats.len() {
                    return Err(NpError::value("all items in the dictionary must have the same length."));
                }
                let mut fields = Vec::new();
                let mut pos = 0;
                let mut end = 0;
                for (i, (name, spec)) in names.iter().zip(formats).enumerate() {
                    let (dtype, shape) = field_type(spec, &[])?;
                    let offset = match offsets {
                        Some(o) => *o.get(i).ok_or_else(|| {
                            NpError::value("all items in the dictionary must have the same length.")
                        })?,
                        None => pos,
                    };
                    let field = Field { name: name.clone(), dtype, offset, shape };
                    pos = offset + field.size();
                    end = end.max(pos);
                    fields.push(field);
                }
                let itemsize = itemsize.unwrap_or(end);
                if itemsize < end {
                    return Err(NpError::value(format!(
                        "NumPy dtype descriptor requires {end} bytes, cannot override to smaller itemsize of {itemsize}"
                    )));
                }
                Ok(DType::new(Kind::Struct(Rc::new(StructLayout { fields, itemsize }))))
            }
        }
    }

    /// The dtype of a Python builtin type.
    pub fn from_pytype(t: PyType) -> DType {
        DType::new(match t {
            PyType::Int => Kind::Int64,
            PyType::Float => Kind::Float64,
            PyType::Bool => Kind::Bool,
            PyType::Complex => Kind::Complex128,
            PyType::Str => Kind::Str(0),
            PyType::Bytes => Kind::Bytes(0),
            PyType::Object => Kind::Object,
        })
    }

    /// Parses a dtype string: type codes with optional byte order and size (`'<f8'`,
    /// `'i1'`, `'S10'`, `'U5'`, `'f'`), names (`'int8'`, `'float'`), and comma-separated
    /// field lists (`'i4,f8'`).
    pub fn parse(spec: &str) -> NpResult<DType> {
        let not_understood = || NpError::type_error(format!("data type {} not understood", py_str_repr(spec)));
        if spec.contains(',') {
            let items: NpResult<Vec<_>> = spec
                .split(',')
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .enumerate()
                .map(|(i, s)| Ok((format!("f{i}"), DTypeSpec::DType(DType::parse(s)?), Vec::new())))
                .collect();
            return DType::from_spec(&DTypeSpec::List(items?));
        }
        if let Some(kind) = kind_from_name(spec) {
            let mut d = DType::new(kind);
            d.long_long = matches!(spec, "longlong" | "ulonglong");
            return Ok(d);
        }
        let mut chars = spec.chars();
        let (order, rest) = match chars.next() {
            Some(c @ ('<' | '>' | '=' | '|')) => (Some(c), chars.as_str()),
            _ => (None, spec),
        };
        let mut rest_chars = rest.chars();
        let code = rest_chars.next().ok_or_else(not_understood)?;
        let digits = rest_chars.as_str();
        let size: Option<usize> = if digits.is_empty() {
            None
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(digits.parse().map_err(|_| not_understood())?)
        } else {
            return Err(not_understood());
        };
        let kind = match (code, size) {
            ('S' | 'a', n) => Kind::Bytes(n.unwrap_or(0)),
            ('U', n) => Kind::Str(n.unwrap_or(0)),
            ('V', n) => Kind::Void(n.unwrap_or(0)),
            ('O', None | Some(8)) => Kind::Object,
            ('b', Some(1)) | ('?', None) => Kind::Bool,
            (c, None) => kind_from_char(c).ok_or_else(not_understood)?,
            ('i', Some(n)) => match n {
                1 => Kind::Int8,
                2 => Kind::Int16,
                4 => Kind::Int32,
                8 => Kind::Int64,
                _ => return Err(not_understood()),
            },
            ('u', Some(n)) => match n {
                1 => Kind::UInt8,
                2 => Kind::UInt16,
                4 => Kind::UInt32,
                8 => Kind::UInt64,
                _ => return Err(not_understood()),
            },
            ('f', Some(n)) => match n {
                2 => Kind::Float16,
                4 => Kind::Float32,
                8 => Kind::Float64,
                _ => return Err(not_understood()),
            },
            ('c', Some(n)) => match n {
                8 => Kind::Complex64,
                16 => Kind::Complex128,
                _ => return Err(not_understood()),
            },
            _ => return Err(not_understood()),
        };
        let mut dtype = DType::new(kind);
        dtype.long_long = size.is_none() && matches!(code, 'q' | 'Q');
        match order {
            Some(o) => dtype.with_byteorder(o),
            None => Ok(dtype),
        }
    }
}

/// `repr(dtype.fields[name][0])`: subarray fields show as `dtype(('<f8', (2,)))`.
pub fn field_dtype_repr(f: &Field) -> String {
    if f.shape.is_empty() {
        f.dtype.repr()
    } else {
        format!("dtype(({}, {}))", f.dtype.construction_repr(true), super::format::shape_repr(&f.shape))
    }
}

fn field_type(spec: &DTypeSpec, shape: &[usize]) -> NpResult<(DType, Vec<usize>)> {
    match spec {
        DTypeSpec::Subarray(base, inner) => {
            let mut s = shape.to_vec();
            s.extend_from_slice(inner);
            Ok((DType::from_spec(base)?, s))
        }
        _ => Ok((DType::from_spec(spec)?, shape.to_vec())),
    }
}

impl StructLayout {
    /// Whether the fields follow each other in order without padding (NumPy's
    /// `_is_packed`), which decides between the list and dict reprs.
    pub fn is_packed(&self) -> bool {
        let mut total = 0;
        for f in &self.fields {
            if f.offset != total {
                return false;
            }
            total += f.size();
        }
        total == self.itemsize
    }
}

fn kind_from_char(c: char) -> Option<Kind> {
    Some(match c {
        '?' => Kind::Bool,
        'b' => Kind::Int8,
        'h' => Kind::Int16,
        'i' => Kind::Int32,
        'l' | 'q' | 'p' => Kind::Int64,
        'B' => Kind::UInt8,
        'H' => Kind::UInt16,
        'I' => Kind::UInt32,
        'L' | 'Q' | 'P' => Kind::UInt64,
        'e' => Kind::Float16,
        'f' => Kind::Float32,
        'd' => Kind::Float64,
        'F' => Kind::Complex64,
        'D' => Kind::Complex128,
        'O' => Kind::Object,
        _ => return None,
    })
}

pub(crate) fn kind_from_name(name: &str) -> Option<Kind> {
    Some(match name {
        "bool" | "bool_" | "b1" => Kind::Bool,
        "int8" | "byte" => Kind::Int8,
        "int16" | "short" => Kind::Int16,
        "int32" | "intc" => Kind::Int32,
        "int64" | "int" | "int_" | "long" | "longlong" | "intp" => Kind::Int64,
        "uint8" | "ubyte" => Kind::UInt8,
        "uint16" | "ushort" => Kind::UInt16,
        "uint32" | "uintc" => Kind::UInt32,
        "uint64" | "uint" | "ulong" | "ulonglong" | "uintp" => Kind::UInt64,
        "float16" | "half" => Kind::Float16,
        "float32" | "single" => Kind::Float32,
        "float64" | "float" | "double" => Kind::Float64,
        "complex64" | "csingle" => Kind::Complex64,
        "complex128" | "complex" | "cdouble" => Kind::Complex128,
        "object" | "object_" => Kind::Object,
        "str" | "str_" | "unicode" => Kind::Str(0),
        "bytes" | "bytes_" => Kind::Bytes(0),
        "void" => Kind::Void(0),
        _ => return None,
    })
}


pub use super::pyrepr::{py_bytes_repr, py_str_repr};
pub use super::scalar_type::ScalarType;
