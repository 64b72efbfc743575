//! Element formatters: NumPy's `BoolFormat`, `IntegerFormat`, `FloatingFormat`,
//! `ComplexFloatingFormat`, string/bytes/object formats and `StructuredVoidFormat`,
//! each built from the (summarised) data so that columns align.

use super::super::array::NdArray;
use super::super::dtype::{py_bytes_repr, py_str_repr, Kind};
use super::super::num::NumVal;
use super::super::options::{FloatMode, PrintOptions};
use super::super::storage::Buffer;
use super::super::value::PyValue;
use super::dragon4::{positional, scientific, Dragon4Options, FloatBits, Trim};

/// One float element: its decomposition and its value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FloatElem {
    pub bits: FloatBits,
    pub value: f64,
}

impl FloatElem {
    fn is_finite(&self) -> bool {
        !self.bits.non_finite
    }
    fn is_nan(&self) -> bool {
        self.value.is_nan()
    }
}

/// The float widths: which cutoffs and rounding apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FloatWidth {
    Half,
    Single,
    Double,
}

impl FloatWidth {
    /// Rounds an f64 to this width (as NumPy computes in the array's dtype).
    fn round(self, x: f64) -> f64 {
        match self {
            FloatWidth::Half => super::super::num::f64_to_f16(x).to_f64(),
            FloatWidth::Single => x as f32 as f64,
            FloatWidth::Double => x,
        }
    }
    /// `10.**min(8, finfo(dtype).precision)`.
    fn exp_cutoff_max(self) -> f64 {
        match self {
            FloatWidth::Half => 1e3,
            FloatWidth::Single => 1e6,
            FloatWidth::Double => 1e8,
        }
    }
}

/// NumPy's `FloatingFormat`.
#[derive(Clone, Debug)]
pub(crate) struct FloatFormat {
    exp_format: bool,
    precision: i32,
    min_digits: i32,
    unique: bool,
    trim: Trim,
    pad_left: i32,
    pad_right: i32,
    exp_size: i32,
    sign: char,
    nanstr: String,
    infstr: String,
}

impl FloatFormat {
    pub(crate) fn new(data: &[FloatElem], width: FloatWidth, opts: &PrintOptions, sign: char) -> FloatFormat {
        let mut f = FloatFormat {
            exp_format: false,
            precision: if opts.floatmode == FloatMode::Unique { -1 } else { opts.precision as i32 },
            min_digits: -1,
            unique: true,
            trim: Trim::Zeros,
            pad_left: 0,
            pad_right: 0,
            exp_size: -1,
            sign,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
        };
        let finite: Vec<&FloatElem> = data.iter().filter(|e| e.is_finite()).collect();
        let abs_non_zero: Vec<f64> = finite.iter().filter(|e| e.value != 0.0).map(|e| e.value.abs()).collect();
        if !abs_non_zero.is_empty() {
            let max_val = abs_non_zero.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let min_val = abs_non_zero.iter().cloned().fold(f64::INFINITY, f64::min);
            let ratio = width.round(max_val / min_val);
            if max_val >= width.exp_cutoff_max()
                || (!opts.suppress && (min_val < width.round(0.0001) || ratio > 1000.0))
            {
                f.exp_format = true;
            }
        }
        let fixed = opts.floatmode == FloatMode::Fixed;
        let sign_plus = f.sign == '+';
        if finite.is_empty() {
            f.pad_left = 0;
            f.pad_right = 0;
            f.trim = Trim::Zeros;
            f.exp_size = -1;
            f.unique = true;
            f.min_digits = -1;
        } else if f.exp_format {
            let (trim, unique) = if fixed { (Trim::None, false) } else { (Trim::Zeros, true) };
            let opt = Dragon4Options { unique, precision: f.precision, trim, sign: sign_plus, ..Default::default() };
            let mut exp_size = 0;
            let mut frac_max = 0;
            let mut int_max = 0;
            for e in &finite {
                let s = scientific(&e.bits, &opt);
                let (mant, exp) = s.split_once('e').unwrap_or((&s, ""));
                exp_size = exp_size.max(exp.len());
                let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
                int_max = int_max.max(int_part.len());
                frac_max = frac_max.max(frac_part.len());
            }
            f.exp_size = exp_size as i32 - 1;
            f.trim = Trim::None;
            f.precision = frac_max as i32;
            f.min_digits = f.precision;
            f.unique = unique;
            f.pad_left = int_max as i32;
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let (trim, unique) = if fixed { (Trim::None, false) } else { (Trim::Zeros, true) };
            let opt = Dragon4Options { unique, precision: f.precision, trim, sign: sign_plus, ..Default::default() };
            let mut frac_max = 0;
            let mut int_max = 0;
            for e in &finite {
                let s = positional(&e.bits, &opt);
                let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
                int_max = int_max.max(int_part.len());
                frac_max = frac_max.max(frac_part.len());
            }
            f.pad_left = int_max as i32;
            f.pad_right = frac_max as i32;
            f.exp_size = -1;
            f.unique = unique;
            if matches!(opts.floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                f.precision = f.pad_right;
                f.min_digits = f.pad_right;
                f.trim = Trim::None;
            } else {
                f.trim = Trim::Zeros;
                f.min_digits = 0;
            }
        }
        if f.sign == ' ' && !finite.iter().any(|e| e.bits.negative) {
            f.pad_left += 1;
        }
        if finite.len() != data.len() {
            let neginf = f.sign != '-' || data.iter().any(|e| e.value == f64::NEG_INFINITY);
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max(f.nanstr.chars().count() as i32 - offset)
                .max(f.infstr.chars().count() as i32 + neginf as i32 - offset);
        }
        f
    }

    pub(crate) fn format(&self, e: &FloatElem) -> String {
        if !e.is_finite() {
            let ret = if e.is_nan() {
                format!("{}{}", if self.sign == '+' { "+" } else { "" }, self.nanstr)
            } else {
                let s = if e.value < 0.0 {
                    "-"
                } else if self.sign == '+' {
                    "+"
                } else {
                    ""
                };
                format!("{s}{}", self.infstr)
            };
            let width = (self.pad_left + self.pad_right + 1) as usize;
            return format!("{ret:>width$}");
        }
        let opt = Dragon4Options {
            unique: self.unique,
            precision: self.precision,
            min_digits: self.min_digits,
            trim: self.trim,
            sign: self.sign == '+',
            pad_left: self.pad_left,
            pad_right: if self.exp_format { -1 } else { self.pad_right },
            exp_digits: if self.exp_format { self.exp_size } else { -1 },
        };
        if self.exp_format {
            scientific(&e.bits, &opt)
        } else {
            positional(&e.bits, &opt)
        }
    }
}

/// A formatter for the elements of one array (built from its summarised data).
#[derive(Clone, Debug)]
pub(crate) enum ElemFormat {
    Bool { pad: bool },
    Int { width: usize, sign: char },
    Float(FloatFormat),
    FloatStr,
    Complex(FloatFormat, FloatFormat),
    Repr,
    Object,
    Void,
    Struct(Vec<(String, ElemFormat, Vec<usize>)>),
}

/// Splits float/complex array data into float elements (real, imag).
pub(crate) fn float_elems(a: &NdArray) -> (Vec<FloatElem>, Vec<FloatElem>, FloatWidth) {
    let buf = a.buffer();
    let offsets = a.offsets();
    let f64e = |x: f64| FloatElem { bits: FloatBits::from_f64(x), value: x };
    let f32e = |x: f32| FloatElem { bits: FloatBits::from_f32(x), value: x as f64 };
    match &*buf {
        Buffer::F16(v) => (
            offsets.iter().map(|&i| FloatElem { bits: FloatBits::from_f16(v[i]), value: v[i].to_f64() }).collect(),
            vec![],
            FloatWidth::Half,
        ),
        Buffer::F32(v) => (offsets.iter().map(|&i| f32e(v[i])).collect(), vec![], FloatWidth::Single),
        Buffer::F64(v) => (offsets.iter().map(|&i| f64e(v[i])).collect(), vec![], FloatWidth::Double),
        Buffer::C64(v) => (
            offsets.iter().map(|&i| f32e(v[i].re)).collect(),
            offsets.iter().map(|&i| f32e(v[i].im)).collect(),
            FloatWidth::Single,
        ),
        Buffer::C128(v) => (
            offsets.iter().map(|&i| f64e(v[i].re)).collect(),
            offsets.iter().map(|&i| f64e(v[i].im)).collect(),
            FloatWidth::Double,
        ),
        _ => (vec![], vec![], FloatWidth::Double),
    }
}

impl ElemFormat {
    /// Builds the formatter for `data` (the summarised corners of the array).
    pub(crate) fn for_data(data: &NdArray, opts: &PrintOptions) -> ElemFormat {
        Self::build(data, opts, false)
    }

    /// Builds the formatter; `float_str` formats floats as `str(np.float64)` does
    /// (what `repr`/`str` of a structured scalar use).
    pub(crate) fn build(data: &NdArray, opts: &PrintOptions, float_str: bool) -> ElemFormat {
        match data.dtype().kind() {
            Kind::Float16 | Kind::Float32 | Kind::Float64 if float_str => ElemFormat::FloatStr,
            Kind::Bool => ElemFormat::Bool { pad: data.ndim() != 0 },
            Kind::Float16 | Kind::Float32 | Kind::Float64 => {
                let (re, _, w) = float_elems(data);
                ElemFormat::Float(FloatFormat::new(&re, w, opts, opts.sign))
            }
            Kind::Complex64 | Kind::Complex128 => {
                let (re, im, w) = float_elems(data);
                ElemFormat::Complex(FloatFormat::new(&re, w, opts, opts.sign), FloatFormat::new(&im, w, opts, '+'))
            }
            Kind::Bytes(_) | Kind::Str(_) => ElemFormat::Repr,
            Kind::Object => ElemFormat::Object,
            Kind::Void(_) => ElemFormat::Void,
            Kind::Struct(layout) => {
                let fields = layout
                    .fields
                    .iter()
                    .map(|f| {
                        let field_data = super::record::field_array(data, f);
                        (f.name.clone(), ElemFormat::build(&field_data, opts, float_str), f.shape.clone())
                    })
                    .collect();
                ElemFormat::Struct(fields)
            }
            _ => {
                let vals: Vec<i128> = int_values(data).unwrap_or_default();
                let mut sign = opts.sign;
                if vals.is_empty() {
                    return ElemFormat::Int { width: 0, sign };
                }
                let max = *vals.iter().max().unwrap_or(&0);
                let min = *vals.iter().min().unwrap_or(&0);
                let mut max_len = max.to_string().len();
                if sign == ' ' && min < 0 {
                    sign = '-';
                }
                if max >= 0 && (sign == '+' || sign == ' ') {
                    max_len += 1;
                }
                ElemFormat::Int { width: max_len.max(min.to_string().len()), sign }
            }
        }
    }

    /// Formats every element of `a` (C order) with this formatter.
    pub(crate) fn format_all(&self, a: &NdArray) -> Vec<String> {
        match self {
            ElemFormat::Bool { pad } => a
                .to_vec::<bool>()
                .unwrap_or_default()
                .into_iter()
                .map(|b| if b { if *pad { " True" } else { "True" } } else { "False" }.to_string())
                .collect(),
            ElemFormat::Int { width, sign } => int_values(a)
                .unwrap_or_default()
                .into_iter()
                .map(|v| {
                    let s = if v >= 0 && *sign == '+' {
                        format!("+{v}")
                    } else if v >= 0 && *sign == ' ' {
                        format!(" {v}")
                    } else {
                        v.to_string()
                    };
                    format!("{s:>width$}")
                })
                .collect(),
            ElemFormat::Float(f) => float_elems(a).0.iter().map(|e| f.format(e)).collect(),
            ElemFormat::FloatStr => a.values().iter().map(|v| v.str()).collect(),
            ElemFormat::Complex(rf, imf) => {
                let (re, im, _) = float_elems(a);
                re.iter()
                    .zip(&im)
                    .map(|(r, i)| {
                        let r = rf.format(r);
                        let i = imf.format(i);
                        let sp = i.trim_end().len();
                        format!("{r}{}j{}", &i[..sp], &i[sp..])
                    })
                    .collect()
            }
            ElemFormat::Repr => {
                let buf = a.buffer();
                let offsets = a.offsets();
                match &*buf {
                    Buffer::Bytes(v) => offsets.iter().map(|&i| py_bytes_repr(&v[i])).collect(),
                    Buffer::Str(v) => offsets.iter().map(|&i| py_str_repr(&v[i])).collect(),
                    _ => vec![],
                }
            }
            ElemFormat::Object => a
                .values()
                .iter()
                .map(|v| if v.is_list() { format!("list({})", v.repr()) } else { v.repr() })
                .collect(),
            ElemFormat::Void => a
                .values()
                .iter()
                .map(|v| match v {
                    PyValue::Scalar(super::super::Scalar::Void(b, _)) => super::record::void_bytes_repr(b),
                    other => other.str(),
                })
                .collect(),
            ElemFormat::Struct(fields) => {
                let columns: Vec<Vec<String>> = fields
                    .iter()
                    .zip(a.dtype().struct_layout().map(|l| l.fields.clone()).unwrap_or_default())
                    .map(|((_, fmt, shape), field)| {
                        let fa = super::record::field_array(a, &field);
                        if shape.is_empty() {
                            fmt.format_all(&fa)
                        } else {
                            super::record::format_subarrays(&fa, fmt, shape)
                        }
                    })
                    .collect();
                (0..a.size())
                    .map(|i| {
                        let parts: Vec<&str> = columns.iter().map(|c| c[i].as_str()).collect();
                        if parts.len() == 1 {
                            format!("({},)", parts[0])
                        } else {
                            format!("({})", parts.join(", "))
                        }
                    })
                    .collect()
            }
        }
    }
}

/// The integer elements of an int/uint array, widened.
fn int_values(a: &NdArray) -> Option<Vec<i128>> {
    let buf = a.buffer();
    let offsets = a.offsets();
    crate::np_dispatch_numeric!(&*buf, v => Some(offsets.iter().map(|&i| match super::super::num::Num::to_num(v[i]) {
        NumVal::Int(x) => x,
        other => other.as_i64() as i128,
    }).collect()), _ => None)
}
