//! `np.random.default_rng(seed)`: NumPy's `Generator` over PCG64 seeded through
//! `SeedSequence`, drawing the very same numbers as NumPy for `random()`,
//! `integers()` (int64) and `normal()`; and the legacy global generator of
//! `np.random.seed`/`random`/`rand`/`randn`/`randint` ([`RandomState`], MT19937).

pub mod legacy;
mod ziggurat;

pub use legacy::RandomState;

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::array::NdArray;
use super::dtype::DType;
use super::error::{NpError, NpResult};
use super::storage::Buffer;
use super::value::PyValue;
use ziggurat::{FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R};

const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;
const POOL_SIZE: usize = 4;

/// NumPy's `SeedSequence` (entropy from one non-negative integer, no spawn key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedSequence {
    /// The mixed entropy pool (`ss.pool`).
    pub pool: [u32; POOL_SIZE],
}

fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut v = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    v = v.wrapping_mul(*hash_const);
    v ^ (v >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L.wrapping_mul(x).wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

impl SeedSequence {
    /// `SeedSequence(entropy)` for a non-negative integer.
    pub fn new(entropy: &BigInt) -> NpResult<SeedSequence> {
        if entropy.sign() == Sign::Minus {
            return Err(NpError::value("expected non-negative integer"));
        }
        let mut words = entropy.to_u32_digits().1;
        if words.is_empty() {
            words.push(0);
        }
        let mut pool = [0u32; POOL_SIZE];
        let mut hash_const = INIT_A;
        for (i, slot) in pool.iter_mut().enumerate() {
            let v = words.get(i).copied().unwrap_or(0);
            *slot = hashmix(v, &mut hash_const);
        }
        for i_src in 0..POOL_SIZE {
            for i_dst in 0..POOL_SIZE {
                if i_src != i_dst {
                    let h = hashmix(pool[i_src], &mut hash_const);
                    pool[i_dst] = mix(pool[i_dst], h);
                }
            }
        }
        for &w in words.iter().skip(POOL_SIZE) {
            for slot in pool.iter_mut() {
                let h = hashmix(w, &mut hash_const);
                *slot = mix(*slot, h);
            }
        }
        Ok(SeedSequence { pool })
    }
    /// `generate_state(n_words, np.uint32)`.
    pub fn generate_state_u32(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        (0..n_words)
            .map(|i| {
                let mut v = self.pool[i % POOL_SIZE] ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }
    /// `generate_state(n_words, np.uint64)`.
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state_u32(2 * n_words).chunks(2).map(|c| c[0] as u64 | (c[1] as u64) << 32).collect()
    }
}

const PCG_MULT: u128 = 0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645;

/// The PCG64 bit generator (XSL-RR 128/64) with NumPy's 32-bit buffering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64 {
    /// The 128-bit LCG state.
    pub state: u128,
    /// The increment (odd).
    pub inc: u128,
    /// Whether half of the last 64-bit draw is buffered for `next_u32`.
    pub has_uint32: bool,
    /// The buffered upper half.
    pub uinteger: u32,
}

impl Pcg64 {
    /// Seeded as `PCG64(SeedSequence(seed))`.
    pub fn from_seed_sequence(ss: &SeedSequence) -> Pcg64 {
        let v = ss.generate_state_u64(4);
        let initstate = (v[0] as u128) << 64 | v[1] as u128;
        let initseq = (v[2] as u128) << 64 | v[3] as u128;
        let mut g = Pcg64 { state: 0, inc: (initseq << 1) | 1, has_uint32: false, uinteger: 0 };
        g.step();
        g.state = g.state.wrapping_add(initstate);
        g.step();
        g
    }
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(PCG_MULT).wrapping_add(self.inc);
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.step();
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((self.state >> 122) as u32)
    }
    /// The next 32 random bits (halves of a 64-bit draw, low first).
    pub fn next_u32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let next = self.next_u64();
        self.has_uint32 = true;
        self.uinteger = (next >> 32) as u32;
        next as u32
    }
    /// A double in [0, 1) with 53 random bits.
    pub fn next_double(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// NumPy's `Generator` (what `np.random.default_rng` returns).
#[derive(Clone, Debug)]
pub struct Generator {
    /// The bit generator.
    pub bit_generator: Pcg64,
}

/// `np.random.default_rng(seed)`; `None` seeds from the operating system.
pub fn default_rng(seed: Option<&BigInt>) -> NpResult<Generator> {
    let seed = match seed {
        Some(s) => s.clone(),
        None => {
            let mut bytes = [0u8; 16];
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
                .is_ok();
            if !ok {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
                bytes = t.to_le_bytes();
            }
            BigInt::from_bytes_le(Sign::Plus, &bytes)
        }
    };
    let ss = SeedSequence::new(&seed)?;
    Ok(Generator { bit_generator: Pcg64::from_seed_sequence(&ss) })
}

fn fill<F: FnMut() -> f64>(size: Option<&[usize]>, mut draw: F) -> NpResult<PyValue> {
    match size {
        None => Ok(PyValue::Float(draw())),
        Some(shape) => {
            super::create::check_allocation(shape, &DType::float64())?;
            let n: usize = shape.iter().product();
            let v: Vec<f64> = (0..n).map(|_| draw()).collect();
            Ok(PyValue::Array(NdArray::from_buffer(Buffer::F64(v.into()), shape.to_vec(), DType::float64())))
        }
    }
}

impl Generator {
    /// `rng.random(size)`: floats in [0, 1) (a Python float without `size`).
    pub fn random(&mut self, size: Option<&[usize]>) -> NpResult<PyValue> {
        let g = &mut self.bit_generator;
        fill(size, || g.next_double())
    }

    /// `rng.random(size, dtype=np.float32)`: 24-bit floats from 32-bit draws (a Python
    /// float of the float32 value without `size`).
    pub fn random_f32(&mut self, size: Option<&[usize]>) -> NpResult<PyValue> {
        let g = &mut self.bit_generator;
        let mut draw = || (g.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0);
        match size {
            None => Ok(PyValue::Float(draw() as f64)),
            Some(shape) => {
                let dtype = DType::new(super::dtype::Kind::Float32);
                super::create::check_allocation(shape, &dtype)?;
                let n: usize = shape.iter().product();
                let v: Vec<f32> = (0..n).map(|_| draw()).collect();
                Ok(PyValue::Array(NdArray::from_buffer(Buffer::F32(v.into()), shape.to_vec(), dtype)))
            }
        }
    }

    /// One standard normal draw (NumPy's ziggurat).
    pub fn standard_normal_one(&mut self) -> f64 {
        let g = &mut self.bit_generator;
        loop {
            let mut r = g.next_u64();
            let idx = (r & 0xff) as usize;
            r >>= 8;
            let sign = r & 0x1;
            let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
            let mut x = rabs as f64 * WI_DOUBLE[idx];
            if sign & 0x1 == 1 {
                x = -x;
            }
            if rabs < KI_DOUBLE[idx] {
                return x;
            }
            if idx == 0 {
                loop {
                    let xx = -ZIGGURAT_NOR_INV_R * (-g.next_double()).ln_1p();
                    let yy = -(-g.next_double()).ln_1p();
                    if yy + yy > xx * xx {
                        return if (rabs >> 8) & 0x1 == 1 { -(ZIGGURAT_NOR_R + xx) } else { ZIGGURAT_NOR_R + xx };
                    }
                }
            } else if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * g.next_double() + FI_DOUBLE[idx] < (-0.5 * x * x).exp() {
                return x;
            }
        }
    }

    /// `rng.normal(loc, scale, size)` (a Python float without `size`).
    pub fn normal(&mut self, loc: f64, scale: f64, size: Option<&[usize]>) -> NpResult<PyValue> {
        if scale < 0.0 {
            return Err(NpError::value("scale < 0"));
        }
        fill(size, || loc + scale * self.standard_normal_one())
    }

    /// `rng.integers(low, high, size, endpoint=)` for the default int64 dtype (an
    /// `np.int64` scalar without `size`). `high` None means `[0, low)`.
    pub fn integers(&mut self, low: &BigInt, high: Option<&BigInt>, size: Option<&[usize]>, endpoint: bool) -> NpResult<PyValue> {
        let (low, high, none_high) = match high {
            Some(h) => (low.clone(), h.clone(), false),
            None => (BigInt::zero(), low.clone(), true),
        };
        let high_incl = if endpoint { high.clone() } else { &high - 1 };
        let lo = low.to_i64().ok_or_else(|| NpError::value("low is out of bounds for int64"))?;
        let hi = high_incl.to_i64().ok_or_else(|| NpError::value("high is out of bounds for int64"))?;
        if lo > hi {
            return Err(NpError::value(if none_high {
                if endpoint { "high < 0" } else { "high <= 0" }
            } else if endpoint {
                "low > high"
            } else {
                "low >= high"
            }));
        }
        let rng = (hi as i128 - lo as i128) as u64;
        let off = lo as u64;
        let n: usize = size.map(|s| s.iter().product()).unwrap_or(1);
        if let Some(shape) = size {
            super::create::check_allocation(shape, &DType::int64())?;
        }
        let g = &mut self.bit_generator;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let v = if rng == 0 {
                0
            } else if rng <= 0xFFFF_FFFF {
                if rng == 0xFFFF_FFFF {
                    g.next_u32() as u64
                } else {
                    bounded_lemire_u32(g, rng as u32) as u64
                }
            } else if rng == u64::MAX {
                g.next_u64()
            } else {
                bounded_lemire_u64(g, rng)
            };
            out.push(off.wrapping_add(v) as i64);
        }
        match size {
            None => Ok(PyValue::Scalar(super::scalar::Scalar::I64(out[0]))),
            Some(shape) => Ok(PyValue::Array(NdArray::from_buffer(Buffer::I64(out.into()), shape.to_vec(), DType::int64()))),
        }
    }
}

fn bounded_lemire_u32(g: &mut Pcg64, rng: u32) -> u32 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = g.next_u32() as u64 * rng_excl as u64;
    let mut leftover = m as u32;
    if leftover < rng_excl {
        let threshold = (u32::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = g.next_u32() as u64 * rng_excl as u64;
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

fn bounded_lemire_u64(g: &mut Pcg64, rng: u64) -> u64 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = g.next_u64() as u128 * rng_excl as u128;
    let mut leftover = m as u64;
    if leftover < rng_excl {
        let threshold = (u64::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = g.next_u64() as u128 * rng_excl as u128;
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expectations from NumPy 2.4 (`np.random.SeedSequence(42).pool`, ...).
    #[test]
    fn seed_sequence_matches_numpy() {
        let ss = SeedSequence::new(&BigInt::from(42)).unwrap();
        assert_eq!(ss.pool, [1662858758, 128880814, 1875164712, 753753205]);
        assert_eq!(
            ss.generate_state_u64(4),
            [11465652750463011511, 15382171918060459190, 9018504550953525431, 3703499796004394495]
        );
        let big = SeedSequence::new(&(BigInt::from(1u128 << 70) + 5)).unwrap();
        assert_eq!(big.pool, [3196512354, 85443530, 3968373662, 1654568391]);
    }

    #[test]
    fn pcg64_state_matches_numpy() {
        let g = default_rng(Some(&BigInt::from(0))).unwrap();
        assert_eq!(g.bit_generator.state, 35399562948360463058890781895381311971);
        assert_eq!(g.bit_generator.inc, 87136372517582989555478159403783844777);
    }
}
