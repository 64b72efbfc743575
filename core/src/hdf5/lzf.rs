//! The LZF compression filter as h5py registers it (filter 32000, `"lzf"`): the same
//! `set_local` (cd_values: filter version 4, liblzf version 0x0105, chunk size in
//! bytes) and the same stream format (liblzf's), so files compressed by either side
//! read in the other. The codec is LZF itself: literal runs (`ctrl < 32`: ctrl + 1
//! bytes) and back references (length in the top 3 bits, extended by a byte when 7;
//! a 13-bit offset).

use std::ffi::{c_uint, c_void};

use hdf5_sys::h5i::hid_t;
use hdf5_sys::h5p::{H5Pget_chunk, H5Pget_filter_by_id2, H5Pmodify_filter};
use hdf5_sys::h5t::H5Tget_size;
use hdf5_sys::h5z::{H5Z_class2_t, H5Z_filter_t, H5Zregister, H5Z_CLASS_T_VERS, H5Z_FLAG_REVERSE};

use super::error::{check, Result};

/// h5py's filter number for LZF.
pub const FILTER_LZF: H5Z_filter_t = 32000;
/// The `cd_values[0]` h5py writes (its LZF filter's version).
const FILTER_VERSION: c_uint = 4;
/// The `cd_values[1]` h5py writes (liblzf's API version).
const LZF_VERSION: c_uint = 0x0105;

const MAX_LITERAL: usize = 32;
const MAX_OFFSET: usize = 1 << 13;
const MAX_MATCH: usize = 7 + 255 + 2;
const HASH_BITS: u32 = 14;

/// Why a decompression failed.
#[derive(Debug, PartialEq, Eq)]
pub enum DecompressError {
    /// The output would not fit (liblzf's E2BIG): retry with more room.
    OutputTooSmall,
    /// The input is not an LZF stream (EINVAL).
    InvalidData,
}

/// Compresses `input` into at most `limit` bytes; None when it would not fit (h5py
/// then stores the chunk uncompressed, the filter being optional).
pub fn compress(input: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(limit.min(input.len() + input.len() / 16 + 64));
    let mut table = vec![usize::MAX; 1 << HASH_BITS];
    let mut literal_start = 0;
    let mut i = 0;
    let n = input.len();
    let hash = |p: usize| {
        let v = u32::from(input[p]) << 16 | u32::from(input[p + 1]) << 8 | u32::from(input[p + 2]);
        (v.wrapping_mul(2654435761) >> (32 - HASH_BITS)) as usize
    };
    while i + 2 < n {
        let h = hash(i);
        let candidate = table[h];
        table[h] = i;
        if candidate != usize::MAX && i - candidate <= MAX_OFFSET && input[candidate..candidate + 3] == input[i..i + 3] {
            let mut len = 3;
            while len < MAX_MATCH && i + len < n && input[candidate + len] == input[i + len] {
                len += 1;
            }
            flush_literals(&mut out, &input[literal_start..i]);
            let offset = i - candidate - 1;
            let short = len - 2;
            if short < 7 {
                out.push(((short as u8) << 5) | (offset >> 8) as u8);
            } else {
                out.push((7 << 5) | (offset >> 8) as u8);
                out.push((short - 7) as u8);
            }
            out.push(offset as u8);
            for p in i + 1..(i + len).min(n.saturating_sub(2)) {
                table[hash(p)] = p;
            }
            i += len;
            literal_start = i;
        } else {
            i += 1;
        }
        if out.len() > limit {
            return None;
        }
    }
    flush_literals(&mut out, &input[literal_start..]);
    (out.len() <= limit && !out.is_empty()).then_some(out)
}

fn flush_literals(out: &mut Vec<u8>, literals: &[u8]) {
    for run in literals.chunks(MAX_LITERAL) {
        out.push((run.len() - 1) as u8);
        out.extend_from_slice(run);
    }
}

/// Decompresses an LZF stream into at most `limit` bytes.
pub fn decompress(input: &[u8], limit: usize) -> std::result::Result<Vec<u8>, DecompressError> {
    let mut out: Vec<u8> = Vec::with_capacity(limit);
    let mut ip = 0;
    while ip < input.len() {
        let ctrl = input[ip] as usize;
        ip += 1;
        if ctrl < 32 {
            let len = ctrl + 1;
            if out.len() + len > limit {
                return Err(DecompressError::OutputTooSmall);
            }
            let run = input.get(ip..ip + len).ok_or(DecompressError::InvalidData)?;
            out.extend_from_slice(run);
            ip += len;
        } else {
            let mut len = ctrl >> 5;
            if len == 7 {
                len += *input.get(ip).ok_or(DecompressError::InvalidData)? as usize;
                ip += 1;
            }
            let low = *input.get(ip).ok_or(DecompressError::InvalidData)? as usize;
            ip += 1;
            let offset = ((ctrl & 0x1f) << 8) + low + 1;
            let len = len + 2;
            if out.len() + len > limit {
                return Err(DecompressError::OutputTooSmall);
            }
            let start = out.len().checked_sub(offset).ok_or(DecompressError::InvalidData)?;
            for k in 0..len {
                out.push(out[start + k]);
            }
        }
    }
    Ok(out)
}

extern "C" fn set_local(dcpl: hid_t, type_id: hid_t, _space: hid_t) -> hdf5_sys::h5::herr_t {
    let mut flags: c_uint = 0;
    let mut count: usize = 8;
    let mut values: [c_uint; 8] = [0; 8];
    // SAFETY: out-pointers sized as declared; HDF5 passes valid ids.
    let found = unsafe {
        H5Pget_filter_by_id2(dcpl, FILTER_LZF, &mut flags, &mut count, values.as_mut_ptr(), 0, std::ptr::null_mut(), std::ptr::null_mut())
    };
    if found < 0 {
        return -1;
    }
    let count = count.clamp(3, 8);
    if values[0] == 0 {
        values[0] = FILTER_VERSION;
    }
    if values[1] == 0 {
        values[1] = LZF_VERSION;
    }
    let mut dims = [0u64; 32];
    // SAFETY: room for 32 dimensions, as asked.
    let rank = unsafe { H5Pget_chunk(dcpl, 32, dims.as_mut_ptr()) };
    // SAFETY: a valid type id.
    let size = unsafe { H5Tget_size(type_id) };
    if rank < 0 || size == 0 {
        return -1;
    }
    let bytes = dims[..rank as usize].iter().fold(size as u64, |acc, &d| acc.saturating_mul(d));
    values[2] = bytes.min(u64::from(c_uint::MAX)) as c_uint;
    // SAFETY: `count` values are initialised.
    let status = unsafe { H5Pmodify_filter(dcpl, FILTER_LZF, flags, count, values.as_ptr()) };
    if status < 0 {
        -1
    } else {
        1
    }
}

/// Replaces HDF5's buffer by `data` (allocated with HDF5's allocator); the new size.
///
/// # Safety
/// `buf` and `buf_size` are the filter callback's arguments.
unsafe fn replace_buffer(data: &[u8], buf_size: *mut usize, buf: *mut *mut c_void) -> usize {
    // SAFETY: HDF5's allocator; the copy stays within both buffers.
    unsafe {
        let fresh = hdf5_sys::h5::H5allocate_memory(data.len().max(1), 0) as *mut u8;
        if fresh.is_null() {
            return 0;
        }
        std::ptr::copy_nonoverlapping(data.as_ptr(), fresh, data.len());
        hdf5_sys::h5::H5free_memory(*buf);
        *buf = fresh as *mut c_void;
        *buf_size = data.len();
    }
    data.len()
}

unsafe extern "C" fn filter(
    flags: c_uint,
    cd_nelmts: usize,
    cd_values: *const c_uint,
    nbytes: usize,
    buf_size: *mut usize,
    buf: *mut *mut c_void,
) -> usize {
    // SAFETY: HDF5 hands a buffer of at least `nbytes` valid bytes and `cd_nelmts` values.
    let (input, size) = unsafe { (std::slice::from_raw_parts(*buf as *const u8, nbytes), *buf_size) };
    if flags & H5Z_FLAG_REVERSE == 0 {
        return match compress(input, size) {
            // SAFETY: the callback's own arguments.
            Some(out) => unsafe { replace_buffer(&out, buf_size, buf) },
            None => 0,
        };
    }
    // SAFETY: `cd_nelmts` values are readable.
    let hint = if cd_nelmts >= 3 { (unsafe { *cd_values.add(2) }) as usize } else { 0 };
    let mut limit = if hint != 0 { hint } else { size };
    loop {
        match decompress(input, limit) {
            // SAFETY: the callback's own arguments.
            Ok(out) => return unsafe { replace_buffer(&out, buf_size, buf) },
            Err(DecompressError::OutputTooSmall) => limit += size.max(1),
            Err(DecompressError::InvalidData) => return 0,
        }
    }
}

/// Registers the LZF filter with HDF5 (again is harmless: HDF5 replaces it).
pub fn register() -> Result<()> {
    static NAME: &[u8] = b"lzf\0";
    let class = H5Z_class2_t {
        version: H5Z_CLASS_T_VERS as i32,
        id: FILTER_LZF,
        encoder_present: 1,
        decoder_present: 1,
        name: NAME.as_ptr().cast(),
        can_apply: None,
        set_local: Some(set_local),
        filter: Some(filter),
    };
    // SAFETY: a complete class description; HDF5 copies it.
    check(unsafe { H5Zregister((&class as *const H5Z_class2_t).cast()) }, "H5Zregister")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_data_decompresses_to_the_original() {
        let mut data = Vec::new();
        for i in 0..5000u32 {
            data.extend_from_slice(&(i % 97).to_le_bytes());
        }
        let packed = compress(&data, data.len()).expect("repetitive data compresses");
        assert!(packed.len() < data.len() / 2);
        assert_eq!(decompress(&packed, data.len()).unwrap(), data);
        assert_eq!(decompress(&packed, 10), Err(DecompressError::OutputTooSmall));
    }

    #[test]
    fn incompressible_data_does_not_fit() {
        let data: Vec<u8> = (0..64u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(compress(&data, data.len()).is_none() || decompress(&compress(&data, data.len()).unwrap(), 64).unwrap() == data);
    }

    #[test]
    fn a_reference_before_the_start_is_invalid() {
        assert_eq!(decompress(&[0x20, 0x05], 100), Err(DecompressError::InvalidData));
    }
}
