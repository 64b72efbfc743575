//! Type promotion: NumPy's `promote_types` table, NEP 50 weak Python scalars
//! (`result_type`), and `can_cast` for the casting rules ufunc outputs use.

use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};

/// An operand of a ufunc as promotion sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// An array or NumPy scalar: its dtype is "strong".
    DType(DType),
    /// A Python int (weak).
    PyInt,
    /// A Python float (weak).
    PyFloat,
    /// A Python complex (weak).
    PyComplex,
    /// A Python bool (behaves as `np.bool`).
    PyBool,
}

fn rank(k: &Kind) -> (u8, usize) {
    let d = DType::new(k.clone());
    let order = match d.kind_char() {
        'b' => 0,
        'u' => 1,
        'i' => 2,
        'f' => 3,
        'c' => 4,
        _ => 9,
    };
    (order, d.itemsize())
}

fn int_kind(signed: bool, size: usize) -> Option<Kind> {
    Some(match (signed, size) {
        (true, 1) => Kind::Int8,
        (true, 2) => Kind::Int16,
        (true, 4) => Kind::Int32,
        (true, 8) => Kind::Int64,
        (false, 1) => Kind::UInt8,
        (false, 2) => Kind::UInt16,
        (false, 4) => Kind::UInt32,
        (false, 8) => Kind::UInt64,
        _ => return None,
    })
}

fn float_kind(size: usize) -> Kind {
    match size {
        0..=2 => Kind::Float16,
        3..=4 => Kind::Float32,
        _ => Kind::Float64,
    }
}

/// The smallest float size that holds every value of an integer of `size` bytes.
fn float_size_for_int(size: usize) -> usize {
    match size {
        1 => 2,
        2 => 4,
        _ => 8,
    }
}

/// `np.promote_types(a, b)` for numeric, string and object dtypes.
pub fn promote_types(a: &DType, b: &DType) -> NpResult<DType> {
    let (ka, kb) = (a.kind(), b.kind());
    if ka == kb {
        // Same type: keep a native byte order, drop metadata.
        return Ok(DType::new(ka.clone()));
    }
    if matches!(ka, Kind::Object) || matches!(kb, Kind::Object) {
        return Ok(DType::object());
    }
    if !a.is_numeric() || !b.is_numeric() {
        if let (Kind::Struct(_), _) | (_, Kind::Struct(_)) | (Kind::Void(_), _) | (_, Kind::Void(_)) = (ka, kb) {
            return Err(NpError::new(
                "DTypePromotionError",
                format!("The DType {} could not be promoted by {}.", dtype_class(a), dtype_class(b)),
            ));
        }
        return Ok(super::create::coerce_types(a, b));
    }
    let (oa, sa) = rank(ka);
    let (ob, sb) = rank(kb);
    let ((o_lo, s_lo), (o_hi, s_hi)) = if oa <= ob { ((oa, sa), (ob, sb)) } else { ((ob, sb), (oa, sa)) };
    let (lo, hi) = if oa <= ob { (ka, kb) } else { (kb, ka) };
    let kind = match (o_lo, o_hi) {
        (0, _) => hi.clone(),
        (1, 1) | (2, 2) | (3, 3) | (4, 4) => if s_lo >= s_hi { lo.clone() } else { hi.clone() },
        (1, 2) => {
            // unsigned (lo) with signed (hi)
            if s_hi > s_lo {
                hi.clone()
            } else {
                int_kind(true, s_lo * 2).unwrap_or(Kind::Float64)
            }
        }
        (1, 3) | (2, 3) => float_kind(float_size_for_int(s_lo).max(s_hi)),
        (1, 4) | (2, 4) => {
            if float_size_for_int(s_lo).max(s_hi / 2) > 4 {
                Kind::Complex128
            } else {
                Kind::Complex64
            }
        }
        (3, 4) => {
            if s_lo.max(s_hi / 2) > 4 {
                Kind::Complex128
            } else {
                Kind::Complex64
            }
        }
        _ => Kind::Object,
    };
    Ok(DType::new(kind))
}

fn dtype_class(d: &DType) -> String {
    match d.kind() {
        Kind::Struct(_) | Kind::Void(_) => "<class 'numpy.dtypes.VoidDType'>".into(),
        Kind::Str(_) => "<class 'numpy.dtypes.StrDType'>".into(),
        Kind::Bytes(_) => "<class 'numpy.dtypes.BytesDType'>".into(),
        _ => format!("<class 'numpy.dtypes.{}DType'>", camel(&d.name())),
    }
}

fn camel(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `np.result_type(*operands)` with NEP 50 weak Python scalars.
pub fn result_type(operands: &[Operand]) -> NpResult<DType> {
    let mut strong: Option<DType> = None;
    let mut weak = 0u8; // 1 int, 2 float, 3 complex
    for op in operands {
        match op {
            Operand::DType(d) => {
                strong = Some(match strong {
                    None => DType::new(d.kind().clone()),
                    Some(s) => promote_types(&s, d)?,
                })
            }
            Operand::PyBool => {
                strong = Some(match strong {
                    None => DType::bool(),
                    Some(s) => promote_types(&s, &DType::bool())?,
                })
            }
            Operand::PyInt => weak = weak.max(1),
            Operand::PyFloat => weak = weak.max(2),
            Operand::PyComplex => weak = weak.max(3),
        }
    }
    let Some(s) = strong else {
        return Ok(match weak {
            0 | 1 => DType::int64(),
            2 => DType::float64(),
            _ => DType::complex128(),
        });
    };
    if !s.is_numeric() {
        return Ok(s);
    }
    let k = s.kind_char();
    Ok(match weak {
        0 => s,
        1 if k == 'b' => DType::int64(),
        1 => s,
        2 if k == 'b' || k == 'i' || k == 'u' => DType::float64(),
        2 => s,
        _ if k == 'c' => s,
        _ if k == 'f' && s.itemsize() <= 4 => DType::new(Kind::Complex64),
        _ => DType::complex128(),
    })
}

/// A casting rule (`casting=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casting {
    /// `'no'`
    No,
    /// `'equiv'`
    Equiv,
    /// `'safe'`
    Safe,
    /// `'same_kind'`
    SameKind,
    /// `'unsafe'`
    Unsafe,
}

/// `np.can_cast(from, to, casting)` for numeric dtypes.
pub fn can_cast(from: &DType, to: &DType, casting: Casting) -> bool {
    match casting {
        Casting::Unsafe => true,
        Casting::No | Casting::Equiv => from == to,
        Casting::Safe => promote_types(from, to).is_ok_and(|p| p.kind() == to.kind()),
        Casting::SameKind => {
            if can_cast(from, to, Casting::Safe) {
                return true;
            }
            if !from.is_numeric() || !to.is_numeric() {
                return false;
            }
            rank(from.kind()).0 <= rank(to.kind()).0
        }
    }
}
