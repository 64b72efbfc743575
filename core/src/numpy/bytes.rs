//! Raw bytes to elements and back, in a dtype's byte order: `np.frombuffer`,
//! `a.tobytes()`, and the fields of structured records.

use half::f16;
use num_complex::{Complex32, Complex64};

use super::dtype::{DType, Kind};
use super::error::{NpError, NpResult};
use super::storage::Buffer;
use super::value::PyValue;

macro_rules! decode_num {
    ($raw:expr, $size:expr, $big:expr, $t:ty, $from:expr) => {{
        let from: fn([u8; $size]) -> $t = $from;
        $raw.chunks_exact($size)
            .map(|c| {
                let mut a = [0u8; $size];
                a.copy_from_slice(c);
                if $big {
                    a.reverse();
                }
                from(a)
            })
            .collect::<Vec<$t>>()
    }};
}

/// Decodes `raw` (a whole number of items) as elements of `dtype`.
pub fn decode(raw: &[u8], dtype: &DType) -> Buffer {
    let big = dtype.is_big_endian();
    let n = dtype.itemsize().max(1);
    match dtype.kind() {
        Kind::Bool => Buffer::Bool(raw.iter().map(|&b| b != 0).collect()),
        Kind::Int8 => Buffer::I8(raw.iter().map(|&b| b as i8).collect()),
        Kind::UInt8 => Buffer::U8(raw.to_vec().into()),
        Kind::Int16 => Buffer::I16(decode_num!(raw, 2, big, i16, i16::from_le_bytes).into()),
        Kind::Int32 => Buffer::I32(decode_num!(raw, 4, big, i32, i32::from_le_bytes).into()),
        Kind::Int64 => Buffer::I64(decode_num!(raw, 8, big, i64, i64::from_le_bytes).into()),
        Kind::UInt16 => Buffer::U16(decode_num!(raw, 2, big, u16, u16::from_le_bytes).into()),
        Kind::UInt32 => Buffer::U32(decode_num!(raw, 4, big, u32, u32::from_le_bytes).into()),
        Kind::UInt64 => Buffer::U64(decode_num!(raw, 8, big, u64, u64::from_le_bytes).into()),
        Kind::Float16 => Buffer::F16(decode_num!(raw, 2, big, f16, f16::from_le_bytes).into()),
        Kind::Float32 => Buffer::F32(decode_num!(raw, 4, big, f32, f32::from_le_bytes).into()),
        Kind::Float64 => Buffer::F64(decode_num!(raw, 8, big, f64, f64::from_le_bytes).into()),
        Kind::Complex64 => Buffer::C64(
            decode_num!(raw, 4, big, f32, f32::from_le_bytes)
                .chunks_exact(2)
                .map(|c| Complex32::new(c[0], c[1]))
                .collect(),
        ),
        Kind::Complex128 => Buffer::C128(
            decode_num!(raw, 8, big, f64, f64::from_le_bytes)
                .chunks_exact(2)
                .map(|c| Complex64::new(c[0], c[1]))
                .collect(),
        ),
        Kind::Bytes(_) => Buffer::Bytes(raw.chunks_exact(n).map(strip_nul).collect()),
        Kind::Str(_) => Buffer::Str(
            decode_num!(raw, 4, big, u32, u32::from_le_bytes)
                .chunks_exact(n / 4)
                .map(|c| {
                    let end = c.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
                    c[..end].iter().map(|&u| char::from_u32(u).unwrap_or('\u{fffd}')).collect()
                })
                .collect(),
        ),
        Kind::Object => Buffer::Object(vec![PyValue::None; raw.len() / 8].into()),
        Kind::Void(_) | Kind::Struct(_) => Buffer::Record(raw.chunks_exact(n).map(|c| c.to_vec()).collect()),
    }
}

fn strip_nul(c: &[u8]) -> Vec<u8> {
    let end = c.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
    c[..end].to_vec()
}

/// Encodes the elements at `offsets` of `buf` as raw bytes of `dtype`.
pub fn encode(buf: &Buffer, offsets: &[usize], dtype: &DType) -> NpResult<Vec<u8>> {
    let big = dtype.is_big_endian();
    let n = dtype.itemsize();
    let mut out = Vec::with_capacity(offsets.len() * n);
    macro_rules! put {
        ($v:expr, $f:expr) => {
            for &i in offsets {
                let mut b = $f(&$v[i]);
                if big {
                    b.reverse();
                }
                out.extend_from_slice(&b);
            }
        };
    }
    match buf {
        Buffer::Bool(v) => put!(v, |x: &bool| vec![*x as u8]),
        Buffer::I8(v) => put!(v, |x: &i8| x.to_le_bytes().to_vec()),
        Buffer::I16(v) => put!(v, |x: &i16| x.to_le_bytes().to_vec()),
        Buffer::I32(v) => put!(v, |x: &i32| x.to_le_bytes().to_vec()),
        Buffer::I64(v) => put!(v, |x: &i64| x.to_le_bytes().to_vec()),
        Buffer::U8(v) => put!(v, |x: &u8| vec![*x]),
        Buffer::U16(v) => put!(v, |x: &u16| x.to_le_bytes().to_vec()),
        Buffer::U32(v) => put!(v, |x: &u32| x.to_le_bytes().to_vec()),
        Buffer::U64(v) => put!(v, |x: &u64| x.to_le_bytes().to_vec()),
        Buffer::F16(v) => put!(v, |x: &f16| x.to_le_bytes().to_vec()),
        Buffer::F32(v) => put!(v, |x: &f32| x.to_le_bytes().to_vec()),
        Buffer::F64(v) => put!(v, |x: &f64| x.to_le_bytes().to_vec()),
        Buffer::C64(v) => {
            for &i in offsets {
                for part in [v[i].re, v[i].im] {
                    let mut b = part.to_le_bytes();
                    if big {
                        b.reverse();
                    }
                    out.extend_from_slice(&b);
                }
            }
        }
        Buffer::C128(v) => {
            for &i in offsets {
                for part in [v[i].re, v[i].im] {
                    let mut b = part.to_le_bytes();
                    if big {
                        b.reverse();
                    }
                    out.extend_from_slice(&b);
                }
            }
        }
        Buffer::Bytes(v) | Buffer::Record(v) => {
            for &i in offsets {
                let mut b = v[i].clone();
                b.resize(n, 0);
                out.extend_from_slice(&b);
            }
        }
        Buffer::Str(v) => {
            for &i in offsets {
                let mut count = 0;
                for c in v[i].chars().take(n / 4) {
                    let mut b = (c as u32).to_le_bytes();
                    if big {
                        b.reverse();
                    }
                    out.extend_from_slice(&b);
                    count += 1;
                }
                out.resize(out.len() + (n / 4 - count) * 4, 0);
            }
        }
        Buffer::Object(_) => {
            return Err(NpError::value("cannot include dtype 'O' in a buffer"));
        }
    }
    Ok(out)
}
