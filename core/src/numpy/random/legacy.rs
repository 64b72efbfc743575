//! NumPy's legacy global generator (`np.random.seed`, `np.random.random`, `rand`,
//! `randn`, `randint`, `normal`, `uniform`): `RandomState` over MT19937, drawing the
//! very same numbers as NumPy. The session owns one [`RandomState`].

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::super::array::NdArray;
use super::super::dtype::DType;
use super::super::error::{NpError, NpResult};
use super::super::storage::Buffer;
use super::super::value::PyValue;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The MT19937 bit generator.
#[derive(Clone, Debug)]
pub struct Mt19937 {
    key: Vec<u32>,
    pos: usize,
}

impl Mt19937 {
    /// `mt19937_seed`: Knuth's initialisation from one 32-bit seed.
    pub fn new(seed: u32) -> Mt19937 {
        let mut key = vec![0u32; N];
        let mut s = seed;
        for (pos, k) in key.iter_mut().enumerate() {
            *k = s;
            s = 1_812_433_253u32.wrapping_mul(s ^ (s >> 30)).wrapping_add(pos as u32 + 1);
        }
        Mt19937 { key, pos: N }
    }
    fn generate(&mut self) {
        let k = &mut self.key;
        let mix = |a: u32, b: u32| (a & UPPER_MASK) | (b & LOWER_MASK);
        let twist = |y: u32| (y >> 1) ^ (0u32.wrapping_sub(y & 1) & MATRIX_A);
        for i in 0..N - M {
            let y = mix(k[i], k[i + 1]);
            k[i] = k[i + M] ^ twist(y);
        }
        for i in N - M..N - 1 {
            let y = mix(k[i], k[i + 1]);
            k[i] = k[i + M - N] ^ twist(y);
        }
        let y = mix(k[N - 1], k[0]);
        k[N - 1] = k[M - 1] ^ twist(y);
        self.pos = 0;
    }
    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.pos == N {
            self.generate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
    /// The next 64 random bits (two 32-bit draws, high first).
    pub fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
    }
    /// A double in [0, 1) from 53 random bits.
    pub fn next_double(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
}

/// NumPy's legacy `RandomState` (the generator behind `np.random.*` functions).
#[derive(Clone, Debug)]
pub struct RandomState {
    mt: Mt19937,
    gauss: Option<f64>,
}

impl RandomState {
    /// `np.random.seed(seed)`; `None` seeds from the operating system.
    pub fn new(seed: Option<&BigInt>) -> NpResult<RandomState> {
        let seed = match seed {
            Some(s) => s
                .to_u32()
                .ok_or_else(|| NpError::value("Seed must be between 0 and 2**32 - 1"))?,
            None => {
                let mut bytes = [0u8; 4];
                let ok = std::fs::File::open("/dev/urandom")
                    .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
                    .is_ok();
                if ok {
                    u32::from_le_bytes(bytes)
                } else {
                    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
                }
            }
        };
        Ok(RandomState { mt: Mt19937::new(seed), gauss: None })
    }
    /// `np.random.seed(seed)` on an existing state.
    pub fn seed(&mut self, seed: Option<&BigInt>) -> NpResult<()> {
        *self = RandomState::new(seed)?;
        Ok(())
    }

    fn gauss(&mut self) -> f64 {
        if let Some(g) = self.gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.mt.next_double() - 1.0;
            let x2 = 2.0 * self.mt.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * r2.ln() / r2).sqrt();
                self.gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    fn fill(&mut self, size: Option<&[usize]>, mut draw: impl FnMut(&mut Self) -> f64) -> NpResult<PyValue> {
        match size {
            None => Ok(PyValue::Float(draw(self))),
            Some(shape) => {
                super::super::create::check_allocation(shape, &DType::float64())?;
                let n: usize = shape.iter().product();
                let v: Vec<f64> = (0..n).map(|_| draw(self)).collect();
                Ok(PyValue::Array(NdArray::from_buffer(Buffer::F64(v.into()), shape.to_vec(), DType::float64())))
            }
        }
    }

    /// `np.random.random(size)` / `random_sample` / `rand(*shape)`.
    pub fn random(&mut self, size: Option<&[usize]>) -> NpResult<PyValue> {
        self.fill(size, |s| s.mt.next_double())
    }
    /// `np.random.randn(*shape)` / `standard_normal(size)`.
    pub fn standard_normal(&mut self, size: Option<&[usize]>) -> NpResult<PyValue> {
        self.fill(size, |s| s.gauss())
    }
    /// `np.random.normal(loc, scale, size)`.
    pub fn normal(&mut self, loc: f64, scale: f64, size: Option<&[usize]>) -> NpResult<PyValue> {
        if scale < 0.0 {
            return Err(NpError::value("scale < 0"));
        }
        self.fill(size, |s| loc + scale * s.gauss())
    }
    /// `np.random.uniform(low, high, size)`.
    pub fn uniform(&mut self, low: f64, high: f64, size: Option<&[usize]>) -> NpResult<PyValue> {
        let range = high - low;
        if !range.is_finite() {
            return Err(NpError::overflow("Range exceeds valid bounds"));
        }
        self.fill(size, |s| low + range * s.mt.next_double())
    }
    /// `np.random.randint(low, high, size)` (int64; a Python int without `size`).
    pub fn randint(&mut self, low: &BigInt, high: Option<&BigInt>, size: Option<&[usize]>) -> NpResult<PyValue> {
        let (low, high, none_high) = match high {
            Some(h) => (low.clone(), h.clone(), false),
            None => (BigInt::from(0), low.clone(), true),
        };
        let lo = low.to_i64().ok_or_else(|| NpError::value("low is out of bounds for int64"))?;
        let hi = (&high - BigInt::from(1)).to_i64().ok_or_else(|| NpError::value("high is out of bounds for int64"))?;
        if lo > hi {
            return Err(NpError::value(if none_high { "high <= 0" } else { "low >= high" }));
        }
        let rng = (hi as i128 - lo as i128) as u64;
        let mask = if rng == 0 { 0 } else { u64::MAX >> rng.leading_zeros() };
        let n: usize = size.map(|s| s.iter().product()).unwrap_or(1);
        if let Some(shape) = size {
            super::super::create::check_allocation(shape, &DType::int64())?;
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let v = if rng == 0 {
                0
            } else if rng <= 0xFFFF_FFFF {
                loop {
                    let v = (self.mt.next_u32() as u64) & mask;
                    if v <= rng {
                        break v;
                    }
                }
            } else {
                loop {
                    let v = self.mt.next_u64() & mask;
                    if v <= rng {
                        break v;
                    }
                }
            };
            out.push((lo as u64).wrapping_add(v) as i64);
        }
        match size {
            None => Ok(PyValue::Int(BigInt::from(out[0]))),
            Some(shape) => Ok(PyValue::Array(NdArray::from_buffer(Buffer::I64(out.into()), shape.to_vec(), DType::int64()))),
        }
    }
}
