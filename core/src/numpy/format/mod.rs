//! `repr` and `str` of arrays as NumPy 2.4 prints them (`numpy/_core/arrayprint.py`):
//! summarisation, line wrapping, the `dtype=`/`shape=` suffixes, and element
//! formatting (the `elements` module).

pub mod dragon4;
pub(crate) mod elements;
pub mod pyfloat;
pub mod record;

use super::array::NdArray;
use super::dtype::{DType, Kind};
use super::options::PrintOptions;
use super::scalar::Scalar;
use super::value::PyValue;
use elements::ElemFormat;

pub use record::{record_tuple, void_scalar_repr, void_scalar_str};

/// Python's repr of a shape tuple: `()`, `(3,)`, `(2, 3)`.
pub fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".into(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The kept indices of each axis when summarising (all of them otherwise).
fn kept_indices(shape: &[usize], summarize: bool, edge: usize) -> Vec<Vec<usize>> {
    shape
        .iter()
        .map(|&n| {
            if summarize && n > 2 * edge {
                (0..edge).chain(n - edge..n).collect()
            } else {
                (0..n).collect()
            }
        })
        .collect()
}

/// The sub-array of the elements at the cartesian product of per-axis indices.
fn select(a: &NdArray, kept: &[Vec<usize>]) -> NdArray {
    let shape: Vec<usize> = kept.iter().map(|k| k.len()).collect();
    let size: usize = shape.iter().product();
    let mut offsets = Vec::with_capacity(size);
    let mut idx = vec![0usize; kept.len()];
    if size > 0 {
        'outer: loop {
            let mut pos = a.offset as isize;
            for (axis, &i) in idx.iter().enumerate() {
                pos += kept[axis][i] as isize * a.strides[axis];
            }
            offsets.push(pos as usize);
            let mut axis = kept.len();
            loop {
                if axis == 0 {
                    break 'outer;
                }
                axis -= 1;
                idx[axis] += 1;
                if idx[axis] < shape[axis] {
                    break;
                }
                idx[axis] = 0;
            }
        }
    }
    let buf = a.buffer();
    let new = buf.gather(&offsets);
    NdArray::from_buffer(new, shape, a.dtype().clone())
}

struct Grid<'a> {
    strings: &'a [String],
    full_shape: &'a [usize],
    kept_shape: Vec<usize>,
    summarize: bool,
    edge: usize,
    separator: &'a str,
}

fn extend_line(s: &mut String, line: &mut String, word: &str, line_width: usize, next_line_prefix: &str) {
    let mut needs_wrap = char_len(line) + char_len(word) > line_width;
    if char_len(line) <= char_len(next_line_prefix) {
        needs_wrap = false;
    }
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = next_line_prefix.to_string();
    }
    line.push_str(word);
}

fn extend_line_pretty(s: &mut String, line: &mut String, word: &str, line_width: usize, next_line_prefix: &str) {
    let words: Vec<&str> = word.lines().collect();
    if words.len() <= 1 {
        return extend_line(s, line, word, line_width, next_line_prefix);
    }
    let max_word_length = words.iter().map(|w| char_len(w)).max().unwrap_or(0);
    let indent;
    if char_len(line) + max_word_length > line_width && char_len(line) > char_len(next_line_prefix) {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{next_line_prefix}{}", words[0]);
        indent = next_line_prefix.to_string();
    } else {
        indent = " ".repeat(char_len(line));
        line.push_str(words[0]);
    }
    for w in &words[1..] {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{indent}{w}");
    }
    let suffix_length = max_word_length - char_len(words[words.len() - 1]);
    line.push_str(&" ".repeat(suffix_length));
}

impl Grid<'_> {
    fn flat(&self, index: &[usize]) -> usize {
        index.iter().zip(&self.kept_shape).fold(0, |acc, (&i, &n)| acc * n + i)
    }

    fn recurse(&self, index: &mut Vec<usize>, hanging_indent: &str, curr_width: usize) -> String {
        let axis = index.len();
        let axes_left = self.full_shape.len() - axis;
        if axes_left == 0 {
            return self.strings[self.flat(index)].clone();
        }
        let next_hanging_indent = format!("{hanging_indent} ");
        let next_width = curr_width.saturating_sub(1);
        let a_len = self.full_shape[axis];
        let kept_len = self.kept_shape[axis];
        let show_summary = self.summarize && 2 * self.edge < a_len;
        let (leading, trailing) = if show_summary { (self.edge, self.edge) } else { (0, kept_len) };
        let mut s = String::new();
        let item = |i: usize, index: &mut Vec<usize>| {
            index.push(i);
            let w = self.recurse(index, &next_hanging_indent, next_width);
            index.pop();
            w
        };
        if axes_left == 1 {
            let sep_len = char_len(self.separator.trim_end()).max(1);
            let elem_width = curr_width.saturating_sub(sep_len);
            let mut line = hanging_indent.to_string();
            for i in 0..leading {
                let word = item(i, index);
                extend_line_pretty(&mut s, &mut line, &word, elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            if show_summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            for i in (2..=trailing).rev() {
                let word = item(kept_len - i, index);
                extend_line_pretty(&mut s, &mut line, &word, elem_width, hanging_indent);
                line.push_str(self.separator);
            }
            let word = item(kept_len - 1, index);
            extend_line_pretty(&mut s, &mut line, &word, elem_width, hanging_indent);
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", self.separator.trim_end(), "\n".repeat(axes_left - 1));
            for i in 0..leading {
                let nested = item(i, index);
                s.push_str(hanging_indent);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            if show_summary {
                s.push_str(hanging_indent);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trailing).rev() {
                let nested = item(kept_len - i, index);
                s.push_str(hanging_indent);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            let nested = item(kept_len - 1, index);
            s.push_str(hanging_indent);
            s.push_str(&nested);
        }
        let skip = hanging_indent.len();
        format!("[{}]", &s[skip.min(s.len())..])
    }
}

/// `np.array2string(a, separator=..., prefix=..., suffix=...)` with the session's
/// options (`suffix_len` is the length of the suffix, which narrows the lines).
pub fn array2string(a: &NdArray, opts: &PrintOptions, separator: &str, prefix: &str, suffix_len: usize) -> String {
    if a.size() == 0 {
        return "[]".into();
    }
    let line_width = opts.linewidth.saturating_sub(suffix_len);
    let summarize = a.size() > opts.threshold;
    let kept = kept_indices(a.shape(), summarize, opts.edgeitems);
    let data = if summarize { select(a, &kept) } else { a.copy() };
    let fmt = ElemFormat::for_data(&data, opts);
    let strings = fmt.format_all(&data);
    let grid = Grid {
        strings: &strings,
        full_shape: a.shape(),
        kept_shape: data.shape().to_vec(),
        summarize,
        edge: opts.edgeitems,
        separator,
    };
    let next_line_prefix = format!(" {}", " ".repeat(char_len(prefix)));
    grid.recurse(&mut Vec::new(), &next_line_prefix, line_width)
}

/// Whether `repr` can omit the dtype (int64, float64, complex128, bool, native).
fn dtype_is_implied(dtype: &DType) -> bool {
    matches!(dtype.kind(), Kind::Int64 | Kind::Float64 | Kind::Complex128 | Kind::Bool) && !dtype.is_big_endian()
}

/// The dtype as `repr` shows it after `dtype=`: `int8`, `'<U5'`, `'>f8'`, `[(...)]`.
pub fn dtype_short_repr(dtype: &DType) -> String {
    match dtype.kind() {
        Kind::Struct(_) => dtype.to_str(),
        Kind::Bytes(_) | Kind::Str(_) | Kind::Void(_) => format!("'{}'", dtype.to_str()),
        _ if dtype.is_big_endian() => format!("'{}'", dtype.to_str()),
        _ => dtype.name(),
    }
}

/// `repr(a)`.
pub fn array_repr(a: &NdArray, opts: &PrintOptions) -> String {
    let prefix = "array(";
    let lst = array2string(a, opts, ", ", prefix, 1);
    let mut extras = Vec::new();
    if (a.size() == 0 && a.shape() != [0]) || a.size() > opts.threshold {
        extras.push(format!("shape={}", shape_repr(a.shape())));
    }
    if !dtype_is_implied(a.dtype()) || a.size() == 0 {
        extras.push(format!("dtype={}", dtype_short_repr(a.dtype())));
    }
    if extras.is_empty() {
        return format!("{prefix}{lst})");
    }
    let arr_str = format!("{prefix}{lst},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line_len = char_len(&arr_str[arr_str.rfind('\n').map_or(0, |p| p + 1)..]);
    let spacer = if last_line_len + char_len(&extra_str) + 1 > opts.linewidth {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    format!("{arr_str}{spacer}{extra_str}")
}

/// `str(a)`.
pub fn array_str(a: &NdArray, opts: &PrintOptions) -> String {
    if a.ndim() == 0 {
        let v = a.values().into_iter().next().unwrap_or(PyValue::None);
        return match v {
            PyValue::Scalar(s @ Scalar::Bytes(_)) => s.repr(),
            PyValue::Scalar(s) => s.str_with(opts),
            other => other.str(),
        };
    }
    array2string(a, opts, " ", "", 0)
}

impl NdArray {
    /// `repr(a)` with the session's print options.
    pub fn repr(&self, opts: &PrintOptions) -> String {
        array_repr(self, opts)
    }
    /// `str(a)` with the session's print options.
    pub fn str(&self, opts: &PrintOptions) -> String {
        array_str(self, opts)
    }
}
