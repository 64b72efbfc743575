//! H5T: datatypes — building them, asking what they are, committing them.
//!
//! [`Datatype::describe`] turns any HDF5 type into a [`TypeDescription`], the neutral
//! tree the NumPy dtype mapping works from; the constructors build HDF5 types from the
//! pieces of one.

use std::ffi::{c_char, c_int, c_uint, c_void, CStr};

use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::H5P_DEFAULT;
use hdf5_sys::h5t::{
    H5T_cset_t, H5T_str_t, H5Tarray_create2, H5Tcommit2, H5Tcommitted, H5Tcopy, H5Tcreate,
    H5Tenum_create, H5Tenum_insert, H5Tequal, H5Tget_array_dims2, H5Tget_array_ndims,
    H5Tget_member_name, H5Tget_member_offset, H5Tget_member_type, H5Tget_member_value,
    H5Tget_nmembers, H5Tget_size, H5Tget_super, H5Tget_tag, H5Tinsert, H5Tis_variable_str,
    H5Topen2, H5Tset_cset, H5Tset_ebias, H5Tset_fields, H5Tset_precision, H5Tset_size,
    H5Tset_strpad, H5Tset_tag, H5Tvlen_create, H5T_VARIABLE,
};

use super::error::{check, check_bool, check_count, H5Error, Result};
use super::handle::Handle;
use super::ident::IdType;
use super::owner::Library;
use super::plist::PropertyList;
use super::strings::c_name;

/// A datatype's class (`H5T_class_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeClass {
    /// Integers.
    Integer,
    /// Floating point.
    Float,
    /// Dates and times (unsupported by h5py).
    Time,
    /// Strings, fixed or variable length.
    String,
    /// Bit fields.
    Bitfield,
    /// Opaque bytes with a tag.
    Opaque,
    /// Structs of named members.
    Compound,
    /// Object or region references.
    Reference,
    /// Named integer values.
    Enum,
    /// Variable-length sequences.
    VarLen,
    /// Fixed-shape arrays of a base type.
    Array,
    /// Complex numbers (HDF5 2.0's native complex class).
    Complex,
}

impl TypeClass {
    /// The `H5T_class_t` number (h5py's `h5t.INTEGER`, ...).
    pub fn code(self) -> i32 {
        match self {
            TypeClass::Integer => 0,
            TypeClass::Float => 1,
            TypeClass::Time => 2,
            TypeClass::String => 3,
            TypeClass::Bitfield => 4,
            TypeClass::Opaque => 5,
            TypeClass::Compound => 6,
            TypeClass::Reference => 7,
            TypeClass::Enum => 8,
            TypeClass::VarLen => 9,
            TypeClass::Array => 10,
            TypeClass::Complex => 11,
        }
    }

    fn from_code(code: c_int) -> Option<TypeClass> {
        Some(match code {
            0 => TypeClass::Integer,
            1 => TypeClass::Float,
            2 => TypeClass::Time,
            3 => TypeClass::String,
            4 => TypeClass::Bitfield,
            5 => TypeClass::Opaque,
            6 => TypeClass::Compound,
            7 => TypeClass::Reference,
            8 => TypeClass::Enum,
            9 => TypeClass::VarLen,
            10 => TypeClass::Array,
            11 => TypeClass::Complex,
            _ => return None,
        })
    }
}

/// Byte order of an atomic type (`H5T_order_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    /// Little endian.
    Little,
    /// Big endian.
    Big,
    /// Not applicable (strings, compounds, ...) or mixed.
    None,
}

/// Character set of a string type or a name (`H5T_cset_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharSet {
    /// US-ASCII.
    Ascii,
    /// UTF-8.
    Utf8,
}

/// Padding of a fixed-length string (`H5T_str_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrPad {
    /// NUL-terminated.
    NullTerm,
    /// Padded with NULs.
    NullPad,
    /// Padded with spaces (Fortran).
    SpacePad,
}

/// Kind of reference type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// `H5T_STD_REF_OBJ`: an object address.
    Object,
    /// `H5T_STD_REF_DSETREG`: a dataset region.
    Region,
    /// `H5T_STD_REF` (1.12+ opaque reference).
    Standard,
}

/// One member of a compound type.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Member name.
    pub name: String,
    /// Byte offset in the compound.
    pub offset: usize,
    /// Member type.
    pub ty: TypeDescription,
}

/// A datatype as a plain tree, detached from HDF5.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDescription {
    /// An integer of `size` bytes.
    Integer { size: usize, order: ByteOrder, signed: bool },
    /// An IEEE-like float of `size` bytes (2, 4, 8, or 16 for long double).
    Float { size: usize, order: ByteOrder },
    /// A string: `size` is `None` for variable length.
    String { size: Option<usize>, cset: CharSet, pad: StrPad },
    /// A bit field of `size` bytes.
    Bitfield { size: usize, order: ByteOrder },
    /// Opaque bytes.
    Opaque { size: usize, tag: String },
    /// A struct of members.
    Compound { size: usize, members: Vec<Member> },
    /// A reference.
    Reference(ReferenceKind),
    /// An enumeration over an integer base; values as i128 so every base fits.
    Enum { base: Box<TypeDescription>, members: Vec<(String, i128)> },
    /// A variable-length sequence of a base type.
    VarLen(Box<TypeDescription>),
    /// A fixed-shape array of a base type.
    Array { base: Box<TypeDescription>, dims: Vec<u64> },
    /// A complex number of `size` bytes (two floats).
    Complex { size: usize, order: ByteOrder },
    /// A time type (no NumPy equivalent in h5py).
    Time { size: usize },
}

// Enum-returning getters, read as ints so unknown values cannot become invalid enums.
unsafe extern "C" {
    #[link_name = "H5Tget_class"]
    fn get_class(type_id: hid_t) -> c_int;
    #[link_name = "H5Tget_order"]
    fn get_order(type_id: hid_t) -> c_int;
    #[link_name = "H5Tget_sign"]
    fn get_sign(type_id: hid_t) -> c_int;
    #[link_name = "H5Tget_cset"]
    fn get_cset(type_id: hid_t) -> c_int;
    #[link_name = "H5Tget_strpad"]
    fn get_strpad(type_id: hid_t) -> c_int;
    #[link_name = "H5Tset_order"]
    fn set_order(type_id: hid_t, order: c_int) -> c_int;
}

/// An HDF5 datatype identifier (transient or committed). Predefined library types are
/// always copied first, so every `Datatype` may be modified and closed.
#[derive(Debug, Clone)]
pub struct Datatype {
    handle: Handle,
}

impl Datatype {
    pub(crate) fn from_result(id: hid_t, operation: &str) -> Result<Datatype> {
        Ok(Datatype { handle: Handle::from_result(id, operation)? })
    }

    /// Wraps a handle without checking its kind: for identifiers that may already be
    /// closed, so that HDF5 itself reports the bad identifier when it is used.
    pub fn from_handle_unchecked(handle: Handle) -> Datatype {
        Datatype { handle }
    }

    /// Wraps a handle that refers to a datatype; `None` otherwise.
    pub fn from_handle(handle: Handle) -> Option<Datatype> {
        (handle.id_type() == IdType::Datatype).then_some(Datatype { handle })
    }

    /// A modifiable copy of a library type id (`H5Tcopy`).
    fn copy_of(id: hid_t) -> Result<Datatype> {
        // SAFETY: H5Tcopy checks its argument.
        Datatype::from_result(unsafe { H5Tcopy(id) }, "H5Tcopy")
    }

    /// The datatype identifier.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    pub(crate) fn id(&self) -> hid_t {
        self.handle.id()
    }

    /// An independent, modifiable copy (`H5Tcopy`).
    pub fn copy(&self) -> Result<Datatype> {
        Datatype::copy_of(self.id())
    }

    /// An integer type of 1, 2, 4 or 8 bytes.
    pub fn integer(_lib: &Library, size: usize, signed: bool, order: ByteOrder) -> Result<Datatype> {
        use hdf5_sys::h5t as t;
        let big = order == ByteOrder::Big;
        let id = match (size, signed, big) {
            (1, true, false) => *t::H5T_STD_I8LE,
            (1, true, true) => *t::H5T_STD_I8BE,
            (2, true, false) => *t::H5T_STD_I16LE,
            (2, true, true) => *t::H5T_STD_I16BE,
            (4, true, false) => *t::H5T_STD_I32LE,
            (4, true, true) => *t::H5T_STD_I32BE,
            (8, true, false) => *t::H5T_STD_I64LE,
            (8, true, true) => *t::H5T_STD_I64BE,
            (1, false, false) => *t::H5T_STD_U8LE,
            (1, false, true) => *t::H5T_STD_U8BE,
            (2, false, false) => *t::H5T_STD_U16LE,
            (2, false, true) => *t::H5T_STD_U16BE,
            (4, false, false) => *t::H5T_STD_U32LE,
            (4, false, true) => *t::H5T_STD_U32BE,
            (8, false, false) => *t::H5T_STD_U64LE,
            (8, false, true) => *t::H5T_STD_U64BE,
            _ => return Err(unsupported(format!("integer of {size} bytes"))),
        };
        Datatype::copy_of(id)
    }

    /// An IEEE float of 2, 4 or 8 bytes, or the platform's long double (16 bytes).
    /// Half precision is built as h5py builds it (from a 32-bit type, re-fielded).
    pub fn float(_lib: &Library, size: usize, order: ByteOrder) -> Result<Datatype> {
        use hdf5_sys::h5t as t;
        let big = order == ByteOrder::Big;
        let ty = match size {
            2 => {
                let ty = Datatype::copy_of(if big { *t::H5T_IEEE_F32BE } else { *t::H5T_IEEE_F32LE })?;
                // SAFETY: a fresh transient float type; values as IEEE binary16.
                unsafe {
                    check(H5Tset_fields(ty.id(), 15, 10, 5, 0, 10), "H5Tset_fields")?;
                    check(H5Tset_size(ty.id(), 2), "H5Tset_size")?;
                    check(H5Tset_ebias(ty.id(), 15), "H5Tset_ebias")?;
                }
                ty
            }
            4 => Datatype::copy_of(if big { *t::H5T_IEEE_F32BE } else { *t::H5T_IEEE_F32LE })?,
            8 => Datatype::copy_of(if big { *t::H5T_IEEE_F64BE } else { *t::H5T_IEEE_F64LE })?,
            16 => Datatype::copy_of(*t::H5T_NATIVE_LDOUBLE)?,
            _ => return Err(unsupported(format!("float of {size} bytes"))),
        };
        Ok(ty)
    }

    /// A fixed-length string of `size` bytes.
    pub fn fixed_string(_lib: &Library, size: usize, cset: CharSet, pad: StrPad) -> Result<Datatype> {
        let ty = Datatype::copy_of(*hdf5_sys::h5t::H5T_C_S1)?;
        // SAFETY: a fresh transient string type.
        check(unsafe { H5Tset_size(ty.id(), size.max(1)) }, "H5Tset_size")?;
        ty.set_cset(cset)?;
        ty.set_strpad(pad)?;
        Ok(ty)
    }

    /// A variable-length, NUL-terminated string.
    pub fn variable_string(_lib: &Library, cset: CharSet) -> Result<Datatype> {
        let ty = Datatype::copy_of(*hdf5_sys::h5t::H5T_C_S1)?;
        // SAFETY: a fresh transient string type.
        check(unsafe { H5Tset_size(ty.id(), H5T_VARIABLE) }, "H5Tset_size")?;
        ty.set_cset(cset)?;
        Ok(ty)
    }

    /// `H5Tset_cset`.
    pub fn set_cset(&self, cset: CharSet) -> Result<()> {
        let raw = match cset {
            CharSet::Ascii => H5T_cset_t::H5T_CSET_ASCII,
            CharSet::Utf8 => H5T_cset_t::H5T_CSET_UTF8,
        };
        // SAFETY: plain call.
        check(unsafe { H5Tset_cset(self.id(), raw) }, "H5Tset_cset")
    }

    /// `H5Tset_strpad`.
    pub fn set_strpad(&self, pad: StrPad) -> Result<()> {
        let raw = match pad {
            StrPad::NullTerm => H5T_str_t::H5T_STR_NULLTERM,
            StrPad::NullPad => H5T_str_t::H5T_STR_NULLPAD,
            StrPad::SpacePad => H5T_str_t::H5T_STR_SPACEPAD,
        };
        // SAFETY: plain call.
        check(unsafe { H5Tset_strpad(self.id(), raw) }, "H5Tset_strpad")
    }

    /// An empty compound type of `size` bytes; add members with [`Datatype::insert`].
    pub fn compound(_lib: &Library, size: usize) -> Result<Datatype> {
        // SAFETY: plain call.
        let id = unsafe { H5Tcreate(hdf5_sys::h5t::H5T_class_t::H5T_COMPOUND, size) };
        Datatype::from_result(id, "H5Tcreate")
    }

    /// Adds a member to a compound type (`H5Tinsert`).
    pub fn insert(&self, name: impl AsRef<[u8]>, offset: usize, member: &Datatype) -> Result<()> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid C string and type ids.
        check(unsafe { H5Tinsert(self.id(), name.as_ptr(), offset, member.id()) }, "H5Tinsert")
    }

    /// An empty enumeration over an integer base type (`H5Tenum_create`).
    pub fn enumeration(base: &Datatype) -> Result<Datatype> {
        // SAFETY: H5Tenum_create checks its argument.
        Datatype::from_result(unsafe { H5Tenum_create(base.id()) }, "H5Tenum_create")
    }

    /// Adds a named value to an enumeration (`H5Tenum_insert`); `value` is converted to
    /// the base type's size and order.
    pub fn enum_insert(&self, name: impl AsRef<[u8]>, value: i128) -> Result<()> {
        let name = c_name(name.as_ref())?;
        let bytes = self.encode_enum_value(value)?;
        // SAFETY: the buffer holds one value of the base type.
        let status = unsafe { H5Tenum_insert(self.id(), name.as_ptr(), bytes.as_ptr().cast()) };
        check(status, "H5Tenum_insert")
    }

    fn encode_enum_value(&self, value: i128) -> Result<Vec<u8>> {
        let size = self.size()?;
        let bytes = value.to_le_bytes()[..size.min(16)].to_vec();
        Ok(if self.order()? == ByteOrder::Big { bytes.into_iter().rev().collect() } else { bytes })
    }

    /// A fixed-shape array of `base` (`H5Tarray_create2`).
    pub fn array(base: &Datatype, dims: &[u64]) -> Result<Datatype> {
        // SAFETY: `dims` holds `ndims` values.
        let id = unsafe { H5Tarray_create2(base.id(), dims.len() as c_uint, dims.as_ptr()) };
        Datatype::from_result(id, "H5Tarray_create2")
    }

    /// A variable-length sequence of `base` (`H5Tvlen_create`).
    pub fn varlen(base: &Datatype) -> Result<Datatype> {
        // SAFETY: H5Tvlen_create checks its argument.
        Datatype::from_result(unsafe { H5Tvlen_create(base.id()) }, "H5Tvlen_create")
    }

    /// Opaque bytes of `size` with a descriptive tag.
    pub fn opaque(_lib: &Library, size: usize, tag: &str) -> Result<Datatype> {
        // SAFETY: plain call.
        let id = unsafe { H5Tcreate(hdf5_sys::h5t::H5T_class_t::H5T_OPAQUE, size) };
        let ty = Datatype::from_result(id, "H5Tcreate")?;
        let tag = c_name(tag.as_bytes())?;
        // SAFETY: valid C string.
        check(unsafe { H5Tset_tag(ty.id(), tag.as_ptr()) }, "H5Tset_tag")?;
        Ok(ty)
    }

    /// A bit field of 1, 2, 4 or 8 bytes.
    pub fn bitfield(_lib: &Library, size: usize, order: ByteOrder) -> Result<Datatype> {
        use hdf5_sys::h5t as t;
        let big = order == ByteOrder::Big;
        let id = match (size, big) {
            (1, false) => *t::H5T_STD_B8LE,
            (1, true) => *t::H5T_STD_B8BE,
            (2, false) => *t::H5T_STD_B16LE,
            (2, true) => *t::H5T_STD_B16BE,
            (4, false) => *t::H5T_STD_B32LE,
            (4, true) => *t::H5T_STD_B32BE,
            (8, false) => *t::H5T_STD_B64LE,
            (8, true) => *t::H5T_STD_B64BE,
            _ => return Err(unsupported(format!("bitfield of {size} bytes"))),
        };
        Datatype::copy_of(id)
    }

    /// An object or region reference type.
    pub fn reference(_lib: &Library, kind: ReferenceKind) -> Result<Datatype> {
        use hdf5_sys::h5t as t;
        Datatype::copy_of(match kind {
            ReferenceKind::Object => *t::H5T_STD_REF_OBJ,
            ReferenceKind::Region => *t::H5T_STD_REF_DSETREG,
            ReferenceKind::Standard => *t::H5T_STD_REF,
        })
    }

    /// Builds the HDF5 type a description describes (the inverse of [`Datatype::describe`]).
    pub fn from_description(lib: &Library, desc: &TypeDescription) -> Result<Datatype> {
        match desc {
            TypeDescription::Integer { size, order, signed } => Datatype::integer(lib, *size, *signed, *order),
            TypeDescription::Float { size, order } => Datatype::float(lib, *size, *order),
            TypeDescription::String { size: Some(size), cset, pad } => {
                Datatype::fixed_string(lib, *size, *cset, *pad)
            }
            TypeDescription::String { size: None, cset, .. } => Datatype::variable_string(lib, *cset),
            TypeDescription::Bitfield { size, order } => Datatype::bitfield(lib, *size, *order),
            TypeDescription::Opaque { size, tag } => Datatype::opaque(lib, *size, tag),
            TypeDescription::Compound { size, members } => {
                let ty = Datatype::compound(lib, *size)?;
                for member in members {
                    let member_ty = Datatype::from_description(lib, &member.ty)?;
                    ty.insert(member.name.as_bytes(), member.offset, &member_ty)?;
                }
                Ok(ty)
            }
            TypeDescription::Reference(kind) => Datatype::reference(lib, *kind),
            TypeDescription::Enum { base, members } => {
                let ty = Datatype::enumeration(&Datatype::from_description(lib, base)?)?;
                for (name, value) in members {
                    ty.enum_insert(name.as_bytes(), *value)?;
                }
                Ok(ty)
            }
            TypeDescription::VarLen(base) => Datatype::varlen(&Datatype::from_description(lib, base)?),
            TypeDescription::Array { base, dims } => {
                Datatype::array(&Datatype::from_description(lib, base)?, dims)
            }
            TypeDescription::Complex { size, order } => Datatype::complex(lib, *size, *order),
            TypeDescription::Time { .. } => Err(unsupported("time datatypes".into())),
        }
    }

    /// A complex type of 8 or 16 bytes as h5py stores it: a compound of `r` and `i`.
    fn complex(lib: &Library, size: usize, order: ByteOrder) -> Result<Datatype> {
        let half = size / 2;
        let part = Datatype::float(lib, half, order)?;
        let ty = Datatype::compound(lib, size)?;
        ty.insert(b"r", 0, &part)?;
        ty.insert(b"i", half, &part)?;
        Ok(ty)
    }

    /// The type's class (`H5Tget_class`).
    pub fn class(&self) -> Result<TypeClass> {
        // SAFETY: plain call.
        let code = unsafe { get_class(self.id()) };
        TypeClass::from_code(code).ok_or_else(|| H5Error::from_stack("H5Tget_class"))
    }

    /// Size in bytes (`H5Tget_size`); a variable-length type's is its in-memory handle.
    pub fn size(&self) -> Result<usize> {
        // SAFETY: plain call.
        let size = unsafe { H5Tget_size(self.id()) };
        if size == 0 {
            return Err(H5Error::from_stack("H5Tget_size"));
        }
        Ok(size)
    }

    /// Byte order (`H5Tget_order`).
    pub fn order(&self) -> Result<ByteOrder> {
        // SAFETY: plain call.
        match unsafe { get_order(self.id()) } {
            0 => Ok(ByteOrder::Little),
            1 => Ok(ByteOrder::Big),
            code if code < 0 => Err(H5Error::from_stack("H5Tget_order")),
            _ => Ok(ByteOrder::None),
        }
    }

    /// Sets the byte order of an atomic type (`H5Tset_order`).
    pub fn set_order(&self, order: ByteOrder) -> Result<()> {
        let code = match order {
            ByteOrder::Little => 0,
            ByteOrder::Big => 1,
            ByteOrder::None => 4,
        };
        // SAFETY: plain call.
        check(unsafe { set_order(self.id(), code) }, "H5Tset_order")
    }

    /// Whether an integer type is signed (`H5Tget_sign`).
    pub fn is_signed(&self) -> Result<bool> {
        // SAFETY: plain call.
        match unsafe { get_sign(self.id()) } {
            code if code < 0 => Err(H5Error::from_stack("H5Tget_sign")),
            code => Ok(code == 1),
        }
    }

    /// Sets the significant bits of an atomic type (`H5Tset_precision`).
    pub fn set_precision(&self, bits: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Tset_precision(self.id(), bits) }, "H5Tset_precision")
    }

    /// Sets the size in bytes (`H5Tset_size`; `usize::MAX` is `H5T_VARIABLE`).
    pub fn set_size(&self, size: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { H5Tset_size(self.id(), size) }, "H5Tset_size")
    }

    /// Whether a string type is variable-length (`H5Tis_variable_str`).
    pub fn is_variable_string(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Tis_variable_str(self.id()) }, "H5Tis_variable_str")
    }

    /// Character set of a string type (`H5Tget_cset`).
    pub fn cset(&self) -> Result<CharSet> {
        // SAFETY: plain call.
        match unsafe { get_cset(self.id()) } {
            code if code < 0 => Err(H5Error::from_stack("H5Tget_cset")),
            1 => Ok(CharSet::Utf8),
            _ => Ok(CharSet::Ascii),
        }
    }

    /// Padding of a string type (`H5Tget_strpad`).
    pub fn strpad(&self) -> Result<StrPad> {
        // SAFETY: plain call.
        match unsafe { get_strpad(self.id()) } {
            code if code < 0 => Err(H5Error::from_stack("H5Tget_strpad")),
            1 => Ok(StrPad::NullPad),
            2 => Ok(StrPad::SpacePad),
            _ => Ok(StrPad::NullTerm),
        }
    }

    /// Number of members of a compound or enum type (`H5Tget_nmembers`).
    pub fn member_count(&self) -> Result<usize> {
        // SAFETY: plain call.
        Ok(check_count(unsafe { H5Tget_nmembers(self.id()) }, "H5Tget_nmembers")? as usize)
    }

    /// Name of member `index` (`H5Tget_member_name`).
    pub fn member_name(&self, index: usize) -> Result<String> {
        // SAFETY: plain call; the returned string is ours to free.
        let ptr = unsafe { H5Tget_member_name(self.id(), index as c_uint) };
        take_hdf5_string(ptr, "H5Tget_member_name")
    }

    /// Byte offset of compound member `index` (`H5Tget_member_offset`).
    pub fn member_offset(&self, index: usize) -> usize {
        // SAFETY: plain call.
        unsafe { H5Tget_member_offset(self.id(), index as c_uint) }
    }

    /// Type of compound member `index` (`H5Tget_member_type`).
    pub fn member_type(&self, index: usize) -> Result<Datatype> {
        // SAFETY: plain call.
        Datatype::from_result(unsafe { H5Tget_member_type(self.id(), index as c_uint) }, "H5Tget_member_type")
    }

    /// Value of enum member `index`, sign-extended from the base type.
    pub fn enum_value(&self, index: usize) -> Result<i128> {
        let base = self.super_type()?;
        let size = base.size()?;
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer holds one value of the base type.
        let status = unsafe { H5Tget_member_value(self.id(), index as c_uint, buf.as_mut_ptr() as *mut c_void) };
        check(status, "H5Tget_member_value")?;
        if base.order()? == ByteOrder::Big {
            buf.reverse();
        }
        let negative = base.is_signed()? && buf.last().is_some_and(|b| b & 0x80 != 0);
        let mut wide = [if negative { 0xff } else { 0 }; 16];
        wide[..size.min(16)].copy_from_slice(&buf[..size.min(16)]);
        Ok(i128::from_le_bytes(wide))
    }

    /// The base type of an enum, array or variable-length type (`H5Tget_super`).
    pub fn super_type(&self) -> Result<Datatype> {
        // SAFETY: plain call.
        Datatype::from_result(unsafe { H5Tget_super(self.id()) }, "H5Tget_super")
    }

    /// Dimensions of an array type (`H5Tget_array_dims2`).
    pub fn array_dims(&self) -> Result<Vec<u64>> {
        // SAFETY: plain call.
        let n = check_count(unsafe { H5Tget_array_ndims(self.id()) }, "H5Tget_array_ndims")? as usize;
        let mut dims = vec![0u64; n];
        // SAFETY: the buffer holds `n` values.
        check(unsafe { H5Tget_array_dims2(self.id(), dims.as_mut_ptr()) }, "H5Tget_array_dims2")?;
        Ok(dims)
    }

    /// The tag of an opaque type (`H5Tget_tag`).
    pub fn tag(&self) -> Result<String> {
        // SAFETY: plain call; the returned string is ours to free.
        take_hdf5_string(unsafe { H5Tget_tag(self.id()) }, "H5Tget_tag")
    }

    /// Whether two types are the same (`H5Tequal`).
    pub fn equals(&self, other: &Datatype) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Tequal(self.id(), other.id()) }, "H5Tequal")
    }

    /// Whether the type is committed (named) in a file (`H5Tcommitted`).
    pub fn is_committed(&self) -> Result<bool> {
        // SAFETY: plain call.
        check_bool(unsafe { H5Tcommitted(self.id()) }, "H5Tcommitted")
    }

    /// Commits (names) the type in a file (`H5Tcommit2`).
    pub fn commit(&self, loc: &Handle, name: impl AsRef<[u8]>, lcpl: Option<&PropertyList>) -> Result<()> {
        let name = c_name(name.as_ref())?;
        let lcpl = lcpl.map_or(H5P_DEFAULT, |p| p.id());
        // SAFETY: valid ids and C string.
        let status = unsafe { H5Tcommit2(loc.id(), name.as_ptr(), self.id(), lcpl, H5P_DEFAULT, H5P_DEFAULT) };
        check(status, "H5Tcommit2")
    }

    /// Opens a committed type by name (`H5Topen2`).
    pub fn open(loc: &Handle, name: impl AsRef<[u8]>) -> Result<Datatype> {
        let name = c_name(name.as_ref())?;
        // SAFETY: valid id and C string.
        Datatype::from_result(unsafe { H5Topen2(loc.id(), name.as_ptr(), H5P_DEFAULT) }, "H5Topen2")
    }

    /// The whole type as a [`TypeDescription`].
    pub fn describe(&self) -> Result<TypeDescription> {
        Ok(match self.class()? {
            TypeClass::Integer => TypeDescription::Integer {
                size: self.size()?,
                order: self.order()?,
                signed: self.is_signed()?,
            },
            TypeClass::Float => TypeDescription::Float { size: self.size()?, order: self.order()? },
            TypeClass::String => TypeDescription::String {
                size: if self.is_variable_string()? { None } else { Some(self.size()?) },
                cset: self.cset()?,
                pad: self.strpad()?,
            },
            TypeClass::Bitfield => TypeDescription::Bitfield { size: self.size()?, order: self.order()? },
            TypeClass::Opaque => TypeDescription::Opaque { size: self.size()?, tag: self.tag()? },
            TypeClass::Compound => {
                let members = (0..self.member_count()?)
                    .map(|i| {
                        Ok(Member {
                            name: self.member_name(i)?,
                            offset: self.member_offset(i),
                            ty: self.member_type(i)?.describe()?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                TypeDescription::Compound { size: self.size()?, members }
            }
            TypeClass::Reference => TypeDescription::Reference(self.reference_kind()?),
            TypeClass::Enum => {
                let members = (0..self.member_count()?)
                    .map(|i| Ok((self.member_name(i)?, self.enum_value(i)?)))
                    .collect::<Result<Vec<_>>>()?;
                TypeDescription::Enum { base: Box::new(self.super_type()?.describe()?), members }
            }
            TypeClass::VarLen => TypeDescription::VarLen(Box::new(self.super_type()?.describe()?)),
            TypeClass::Array => TypeDescription::Array {
                base: Box::new(self.super_type()?.describe()?),
                dims: self.array_dims()?,
            },
            TypeClass::Complex => TypeDescription::Complex { size: self.size()?, order: self.order()? },
            TypeClass::Time => TypeDescription::Time { size: self.size()? },
        })
    }

    fn reference_kind(&self) -> Result<ReferenceKind> {
        use hdf5_sys::h5t as t;
        for (id, kind) in [
            (*t::H5T_STD_REF_OBJ, ReferenceKind::Object),
            (*t::H5T_STD_REF_DSETREG, ReferenceKind::Region),
            (*t::H5T_STD_REF, ReferenceKind::Standard),
        ] {
            // SAFETY: plain call on library type ids.
            if unsafe { H5Tequal(self.id(), id) } > 0 {
                return Ok(kind);
            }
        }
        Ok(ReferenceKind::Standard)
    }
}

fn unsupported(what: String) -> H5Error {
    H5Error::new(super::error::ExceptionClass::TypeError, format!("No HDF5 type for {what}"))
}

/// Copies and frees a string HDF5 allocated for the caller (`H5free_memory`).
fn take_hdf5_string(ptr: *mut c_char, operation: &str) -> Result<String> {
    if ptr.is_null() {
        return Err(H5Error::from_stack(operation));
    }
    // SAFETY: HDF5 returned a NUL-terminated string we own.
    let text = unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned();
    // SAFETY: memory allocated by HDF5 for us.
    unsafe { hdf5_sys::h5::H5free_memory(ptr as *mut c_void) };
    Ok(text)
}

/// The rarer H5T calls h5py's low level exposes one by one.
impl Datatype {
    /// An empty compound or opaque type of `size` bytes (`H5Tcreate`); an opaque type
    /// gets no tag.
    pub fn create_empty(_lib: &Library, compound: bool, size: usize) -> Result<Datatype> {
        let class = if compound { hdf5_sys::h5t::H5T_class_t::H5T_COMPOUND } else { hdf5_sys::h5t::H5T_class_t::H5T_OPAQUE };
        // SAFETY: plain call.
        Datatype::from_result(unsafe { H5Tcreate(class, size) }, "H5Tcreate")
    }

    /// Makes an integer type signed or unsigned (`H5Tset_sign`).
    pub fn set_sign(&self, signed: bool) -> Result<()> {
        let sign = if signed { hdf5_sys::h5t::H5T_sign_t::H5T_SGN_2 } else { hdf5_sys::h5t::H5T_sign_t::H5T_SGN_NONE };
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tset_sign(self.id(), sign) }, "H5Tset_sign")
    }

    /// Sets the bit offset of the significant bits (`H5Tset_offset`).
    pub fn set_offset(&self, offset: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tset_offset(self.id(), offset) }, "H5Tset_offset")
    }

    /// Makes the type read-only (`H5Tlock`).
    pub fn lock(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tlock(self.id()) }, "H5Tlock")
    }

    /// Sets an opaque type's tag (`H5Tset_tag`).
    pub fn set_tag(&self, tag: &[u8]) -> Result<()> {
        let tag = c_name(tag)?;
        // SAFETY: valid C string.
        check(unsafe { H5Tset_tag(self.id(), tag.as_ptr()) }, "H5Tset_tag")
    }

    /// Removes the padding between compound members (`H5Tpack`).
    pub fn pack(&self) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tpack(self.id()) }, "H5Tpack")
    }

    /// The type's creation property list (`H5Tget_create_plist`).
    pub fn create_plist(&self) -> Result<PropertyList> {
        // SAFETY: plain call.
        let id = unsafe { hdf5_sys::h5t::H5Tget_create_plist(self.id()) };
        Ok(PropertyList::from_handle_unchecked(Handle::from_result(id, "H5Tget_create_plist")?))
    }

    /// The name of an enum member by its value, given in the enum's base type
    /// (`H5Tenum_nameof`).
    pub fn enum_nameof(&self, value: &[u8]) -> Result<Vec<u8>> {
        let mut buf = vec![0u8; 1024];
        // SAFETY: `value` holds one element of the base type; the name buffer its length.
        let status = unsafe { hdf5_sys::h5t::H5Tenum_nameof(self.id(), value.as_ptr().cast(), buf.as_mut_ptr().cast(), buf.len()) };
        check(status, "H5Tenum_nameof")?;
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        buf.truncate(end);
        Ok(buf)
    }

    /// The value of an enum member, in the enum's base type (`H5Tenum_valueof`).
    pub fn enum_valueof(&self, name: &[u8]) -> Result<Vec<u8>> {
        let name = c_name(name)?;
        let mut value = vec![0u8; self.size()?.max(8)];
        // SAFETY: the buffer holds one element of the enum (at least its size).
        check(unsafe { hdf5_sys::h5t::H5Tenum_valueof(self.id(), name.as_ptr(), value.as_mut_ptr().cast()) }, "H5Tenum_valueof")?;
        value.truncate(self.size()?);
        Ok(value)
    }
}

// The padding and normalization enums travel as plain ints, so values a caller
// passes that HDF5 refuses are reported by HDF5, never turned into Rust enums.
unsafe extern "C" {
    #[link_name = "H5Tget_pad"]
    fn get_pad_raw(type_id: hid_t, lsb: *mut c_int, msb: *mut c_int) -> c_int;
    #[link_name = "H5Tset_pad"]
    fn set_pad_raw(type_id: hid_t, lsb: c_int, msb: c_int) -> c_int;
    #[link_name = "H5Tget_norm"]
    fn get_norm_raw(type_id: hid_t) -> c_int;
    #[link_name = "H5Tset_norm"]
    fn set_norm_raw(type_id: hid_t, norm: c_int) -> c_int;
    #[link_name = "H5Tget_inpad"]
    fn get_inpad_raw(type_id: hid_t) -> c_int;
    #[link_name = "H5Tset_inpad"]
    fn set_inpad_raw(type_id: hid_t, pad: c_int) -> c_int;
}

/// Bit padding and floating-point layout (`H5Tget_pad`, `H5Tset_fields`, ...), by
/// HDF5's numbers (`H5T_PAD_ZERO` 0, `H5T_NORM_IMPLIED` 0, ...).
impl Datatype {
    /// The padding of the low and high unused bits.
    pub fn pad(&self) -> Result<(i32, i32)> {
        let (mut lsb, mut msb) = (0, 0);
        // SAFETY: valid out-pointers.
        check(unsafe { get_pad_raw(self.id(), &mut lsb, &mut msb) }, "H5Tget_pad")?;
        Ok((lsb, msb))
    }

    /// Sets the padding of the low and high unused bits.
    pub fn set_pad(&self, lsb: i32, msb: i32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { set_pad_raw(self.id(), lsb, msb) }, "H5Tset_pad")
    }

    /// The mantissa normalization of a float type.
    pub fn norm(&self) -> Result<i32> {
        // SAFETY: plain call.
        match unsafe { get_norm_raw(self.id()) } {
            code if code < 0 => Err(H5Error::from_stack("H5Tget_norm")),
            code => Ok(code),
        }
    }

    /// Sets the mantissa normalization of a float type.
    pub fn set_norm(&self, norm: i32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { set_norm_raw(self.id(), norm) }, "H5Tset_norm")
    }

    /// The padding of a float type's internal unused bits.
    pub fn inpad(&self) -> Result<i32> {
        // SAFETY: plain call.
        match unsafe { get_inpad_raw(self.id()) } {
            code if code < 0 => Err(H5Error::from_stack("H5Tget_inpad")),
            code => Ok(code),
        }
    }

    /// Sets the padding of a float type's internal unused bits.
    pub fn set_inpad(&self, pad: i32) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { set_inpad_raw(self.id(), pad) }, "H5Tset_inpad")
    }

    /// Sets the bit fields of a float type (`H5Tset_fields`).
    pub fn set_fields(&self, spos: usize, epos: usize, esize: usize, mpos: usize, msize: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tset_fields(self.id(), spos, epos, esize, mpos, msize) }, "H5Tset_fields")
    }

    /// Sets the exponent bias of a float type (`H5Tset_ebias`).
    pub fn set_ebias(&self, bias: usize) -> Result<()> {
        // SAFETY: plain call.
        check(unsafe { hdf5_sys::h5t::H5Tset_ebias(self.id(), bias) }, "H5Tset_ebias")
    }
}
