//! H5T, as HDF5's command-line tools look at types: which predefined type a type equals,
//! its precision, the native memory type data is read as, and the fields of a float.

use std::ffi::{c_int, c_uint};

use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5t::{
    H5T_direction_t, H5Tdetect_class, H5Tequal, H5Tget_ebias, H5Tget_native_type, H5Tget_offset,
    H5Tget_precision,
};

use super::datatype::{Datatype, TypeClass};
use super::error::{check_bool, H5Error, Result};

// Predefined types the binding does not export (HDF5 1.14.4+ and 2.0).
unsafe extern "C" {
    static H5T_IEEE_F16BE_g: hid_t;
    static H5T_IEEE_F16LE_g: hid_t;
    #[link_name = "H5Tget_class"]
    fn get_class_raw(type_id: hid_t) -> c_int;
    #[link_name = "H5Tget_fields"]
    fn get_fields_raw(
        type_id: hid_t,
        spos: *mut usize,
        epos: *mut usize,
        esize: *mut usize,
        mpos: *mut usize,
        msize: *mut usize,
    ) -> c_int;
}

/// The library's identifier for a predefined type named as HDF5 names it
/// (`"H5T_STD_I32LE"`, `"H5T_NATIVE_INT"`, `"H5T_IEEE_F16LE"`, ...); `None` for names
/// this table does not hold.
fn library_type(name: &str) -> Option<hid_t> {
    use hdf5_sys::h5t as t;
    // SAFETY: reading the library's global type ids; HDF5 is open on the owner thread.
    let id = unsafe {
        match name {
            "H5T_STD_I8BE" => *t::H5T_STD_I8BE,
            "H5T_STD_I8LE" => *t::H5T_STD_I8LE,
            "H5T_STD_I16BE" => *t::H5T_STD_I16BE,
            "H5T_STD_I16LE" => *t::H5T_STD_I16LE,
            "H5T_STD_I32BE" => *t::H5T_STD_I32BE,
            "H5T_STD_I32LE" => *t::H5T_STD_I32LE,
            "H5T_STD_I64BE" => *t::H5T_STD_I64BE,
            "H5T_STD_I64LE" => *t::H5T_STD_I64LE,
            "H5T_STD_U8BE" => *t::H5T_STD_U8BE,
            "H5T_STD_U8LE" => *t::H5T_STD_U8LE,
            "H5T_STD_U16BE" => *t::H5T_STD_U16BE,
            "H5T_STD_U16LE" => *t::H5T_STD_U16LE,
            "H5T_STD_U32BE" => *t::H5T_STD_U32BE,
            "H5T_STD_U32LE" => *t::H5T_STD_U32LE,
            "H5T_STD_U64BE" => *t::H5T_STD_U64BE,
            "H5T_STD_U64LE" => *t::H5T_STD_U64LE,
            "H5T_NATIVE_SCHAR" => *t::H5T_NATIVE_SCHAR,
            "H5T_NATIVE_UCHAR" => *t::H5T_NATIVE_UCHAR,
            "H5T_NATIVE_SHORT" => *t::H5T_NATIVE_SHORT,
            "H5T_NATIVE_USHORT" => *t::H5T_NATIVE_USHORT,
            "H5T_NATIVE_INT" => *t::H5T_NATIVE_INT,
            "H5T_NATIVE_UINT" => *t::H5T_NATIVE_UINT,
            "H5T_NATIVE_LONG" => *t::H5T_NATIVE_LONG,
            "H5T_NATIVE_ULONG" => *t::H5T_NATIVE_ULONG,
            "H5T_NATIVE_LLONG" => *t::H5T_NATIVE_LLONG,
            "H5T_NATIVE_ULLONG" => *t::H5T_NATIVE_ULLONG,
            "H5T_IEEE_F16BE" => H5T_IEEE_F16BE_g,
            "H5T_IEEE_F16LE" => H5T_IEEE_F16LE_g,
            "H5T_IEEE_F32BE" => *t::H5T_IEEE_F32BE,
            "H5T_IEEE_F32LE" => *t::H5T_IEEE_F32LE,
            "H5T_IEEE_F64BE" => *t::H5T_IEEE_F64BE,
            "H5T_IEEE_F64LE" => *t::H5T_IEEE_F64LE,
            "H5T_VAX_F32" => *t::H5T_VAX_F32,
            "H5T_VAX_F64" => *t::H5T_VAX_F64,
            "H5T_NATIVE_FLOAT" => *t::H5T_NATIVE_FLOAT,
            "H5T_NATIVE_DOUBLE" => *t::H5T_NATIVE_DOUBLE,
            "H5T_NATIVE_LDOUBLE" => *t::H5T_NATIVE_LDOUBLE,
            "H5T_STD_B8BE" => *t::H5T_STD_B8BE,
            "H5T_STD_B8LE" => *t::H5T_STD_B8LE,
            "H5T_STD_B16BE" => *t::H5T_STD_B16BE,
            "H5T_STD_B16LE" => *t::H5T_STD_B16LE,
            "H5T_STD_B32BE" => *t::H5T_STD_B32BE,
            "H5T_STD_B32LE" => *t::H5T_STD_B32LE,
            "H5T_STD_B64BE" => *t::H5T_STD_B64BE,
            "H5T_STD_B64LE" => *t::H5T_STD_B64LE,
            "H5T_STD_REF_OBJ" => *t::H5T_STD_REF_OBJ,
            "H5T_STD_REF_DSETREG" => *t::H5T_STD_REF_DSETREG,
            "H5T_STD_REF" => *t::H5T_STD_REF,
            "H5T_C_S1" => *t::H5T_C_S1,
            "H5T_FORTRAN_S1" => *t::H5T_FORTRAN_S1,
            _ => return None,
        }
    };
    Some(id)
}

/// A locked copy of the predefined type HDF5 names `name` (`"H5T_STD_I32LE"`), for
/// h5py's module constants (read-only, as h5py's are); `None` for names the table
/// does not hold.
pub fn predefined(name: &str) -> Option<Result<Datatype>> {
    let id = library_type(name)?;
    let locked = || {
        // SAFETY: H5Tcopy checks its argument.
        let ty = Datatype::from_result(unsafe { hdf5_sys::h5t::H5Tcopy(id) }, "H5Tcopy")?;
        // SAFETY: a fresh transient type.
        crate::hdf5::error::check(unsafe { hdf5_sys::h5t::H5Tlock(ty.id()) }, "H5Tlock")?;
        Ok(ty)
    };
    Some(locked())
}

/// The fields of a floating-point type (`H5Tget_fields`, `H5Tget_ebias`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloatFields {
    /// Bit position of the sign.
    pub sign_pos: usize,
    /// Bit position of the exponent.
    pub exp_pos: usize,
    /// Exponent size in bits.
    pub exp_size: usize,
    /// Bit position of the mantissa.
    pub mant_pos: usize,
    /// Mantissa size in bits.
    pub mant_size: usize,
    /// Exponent bias.
    pub exp_bias: usize,
}

impl Datatype {
    /// Whether the type equals the predefined type of that name (`H5Tequal` against
    /// e.g. `"H5T_STD_I32LE"`); false for names not in the table.
    pub fn equals_predefined(&self, name: &str) -> bool {
        match library_type(name) {
            // SAFETY: both are valid type ids; a failure (negative) counts as unequal.
            Some(id) => unsafe { H5Tequal(self.id(), id) > 0 },
            None => false,
        }
    }

    /// The first of `names` the type equals, if any.
    pub fn first_predefined<'a>(&self, names: &[&'a str]) -> Option<&'a str> {
        names.iter().copied().find(|name| self.equals_predefined(name))
    }

    /// The native memory type HDF5 converts this type to (`H5Tget_native_type` with
    /// `H5T_DIR_DEFAULT`), as HDF5's tools read data.
    pub fn native(&self) -> Result<Datatype> {
        // SAFETY: plain call.
        let id = unsafe { H5Tget_native_type(self.id(), H5T_direction_t::H5T_DIR_DEFAULT) };
        Datatype::from_result(id, "H5Tget_native_type")
    }

    /// Significant bits of an atomic type (`H5Tget_precision`).
    pub fn precision(&self) -> Result<usize> {
        // SAFETY: plain call.
        let bits = unsafe { H5Tget_precision(self.id()) };
        if bits == 0 {
            return Err(H5Error::from_stack("H5Tget_precision"));
        }
        Ok(bits)
    }

    /// Bit offset of the significant bits (`H5Tget_offset`).
    pub fn bit_offset(&self) -> Result<usize> {
        // SAFETY: plain call.
        let offset = unsafe { H5Tget_offset(self.id()) };
        if offset < 0 {
            return Err(H5Error::from_stack("H5Tget_offset"));
        }
        Ok(offset as usize)
    }

    /// The layout of a floating-point type.
    pub fn float_fields(&self) -> Result<FloatFields> {
        let (mut spos, mut epos, mut esize, mut mpos, mut msize) = (0, 0, 0, 0, 0);
        // SAFETY: valid out-pointers.
        let status = unsafe { get_fields_raw(self.id(), &mut spos, &mut epos, &mut esize, &mut mpos, &mut msize) };
        if status < 0 {
            return Err(H5Error::from_stack("H5Tget_fields"));
        }
        // SAFETY: plain call.
        let exp_bias = unsafe { H5Tget_ebias(self.id()) };
        Ok(FloatFields { sign_pos: spos, exp_pos: epos, exp_size: esize, mant_pos: mpos, mant_size: msize, exp_bias })
    }

    /// Whether the type is, or contains anywhere, a type of `class` (`H5Tdetect_class`).
    pub fn contains_class(&self, class: TypeClass) -> Result<bool> {
        // SAFETY: the class is passed by its number, which HDF5 range-checks.
        let answer = unsafe {
            H5Tdetect_class(self.id(), std::mem::transmute::<c_int, hdf5_sys::h5t::H5T_class_t>(class.code()))
        };
        check_bool(answer, "H5Tdetect_class")
    }

    /// The class as HDF5's number, without failing on classes this build does not name.
    pub fn class_code(&self) -> i32 {
        // SAFETY: plain call.
        unsafe { get_class_raw(self.id()) }
    }

    /// Which one-character string type a string type is built on, as h5dump's `CTYPE`
    /// tells it: the C or Fortran string type of the same size, padding and character
    /// set, in either byte order.
    pub fn string_ctype(&self) -> Result<&'static str> {
        let size = if self.is_variable_string()? { None } else { Some(self.size()?) };
        let (cset, pad, order) = (self.cset()?, self.strpad()?, self.order()?);
        for name in ["H5T_C_S1", "H5T_FORTRAN_S1"] {
            let candidate = match library_type(name) {
                Some(id) => Datatype::from_result(
                    // SAFETY: copying a library type.
                    unsafe { hdf5_sys::h5t::H5Tcopy(id) },
                    "H5Tcopy",
                )?,
                None => continue,
            };
            candidate.set_string_shape(size, cset, pad)?;
            if self.equals(&candidate)? {
                return Ok(name);
            }
            if order != super::datatype::ByteOrder::None {
                candidate.set_order(order)?;
                if self.equals(&candidate)? {
                    return Ok(name);
                }
            }
        }
        Ok("unknown_one_character_type")
    }

    fn set_string_shape(
        &self,
        size: Option<usize>,
        cset: super::datatype::CharSet,
        pad: super::datatype::StrPad,
    ) -> Result<()> {
        use hdf5_sys::h5t::{H5T_cset_t, H5T_str_t, H5Tset_cset, H5Tset_size, H5Tset_strpad, H5T_VARIABLE};
        let raw_cset = match cset {
            super::datatype::CharSet::Ascii => H5T_cset_t::H5T_CSET_ASCII,
            super::datatype::CharSet::Utf8 => H5T_cset_t::H5T_CSET_UTF8,
        };
        let raw_pad = match pad {
            super::datatype::StrPad::NullTerm => H5T_str_t::H5T_STR_NULLTERM,
            super::datatype::StrPad::NullPad => H5T_str_t::H5T_STR_NULLPAD,
            super::datatype::StrPad::SpacePad => H5T_str_t::H5T_STR_SPACEPAD,
        };
        // SAFETY: a transient string type we own; failures are ignored as h5dump does.
        unsafe {
            H5Tset_size(self.id(), size.unwrap_or(H5T_VARIABLE));
            H5Tset_cset(self.id(), raw_cset);
            H5Tset_strpad(self.id(), raw_pad);
        }
        Ok(())
    }

    /// The raw bytes of enum member `index`'s value, in the base type's layout.
    pub fn enum_value_bytes(&self, index: usize) -> Result<Vec<u8>> {
        let size = self.super_type()?.size()?;
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer holds one value of the base type.
        let status = unsafe {
            hdf5_sys::h5t::H5Tget_member_value(self.id(), index as c_uint, buf.as_mut_ptr().cast())
        };
        super::error::check(status, "H5Tget_member_value")?;
        Ok(buf)
    }
}

/// Whether a type class number is one HDF5 knows (for files written by newer libraries).
pub fn class_from_code(code: i32) -> Option<TypeClass> {
    [
        TypeClass::Integer,
        TypeClass::Float,
        TypeClass::Time,
        TypeClass::String,
        TypeClass::Bitfield,
        TypeClass::Opaque,
        TypeClass::Compound,
        TypeClass::Reference,
        TypeClass::Enum,
        TypeClass::VarLen,
        TypeClass::Array,
        TypeClass::Complex,
    ]
    .into_iter()
    .find(|c| c.code() == code)
}
