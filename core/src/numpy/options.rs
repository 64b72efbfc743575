//! Print options (`np.set_printoptions` / `np.get_printoptions`), held by the session
//! and passed explicitly to every formatting call.

use super::error::{NpError, NpResult};

/// How floats use the `precision` option (`floatmode=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatMode {
    /// `'fixed'`: always `precision` fractional digits.
    Fixed,
    /// `'unique'`: shortest unique digits, `precision` ignored.
    Unique,
    /// `'maxprec'` (the default): at most `precision` digits, fewer when unique.
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision`, the same count for every element.
    MaxPrecEqual,
}

impl FloatMode {
    /// Parses `'fixed'`, `'unique'`, `'maxprec'`, `'maxprec_equal'`.
    pub fn parse(s: &str) -> NpResult<FloatMode> {
        Ok(match s {
            "fixed" => FloatMode::Fixed,
            "unique" => FloatMode::Unique,
            "maxprec" => FloatMode::MaxPrec,
            "maxprec_equal" => FloatMode::MaxPrecEqual,
            _ => {
                return Err(NpError::value(
                    "floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\"",
                ))
            }
        })
    }
    /// The option's name.
    pub fn name(self) -> &'static str {
        match self {
            FloatMode::Fixed => "fixed",
            FloatMode::Unique => "unique",
            FloatMode::MaxPrec => "maxprec",
            FloatMode::MaxPrecEqual => "maxprec_equal",
        }
    }
}

/// NumPy's print options (defaults as `np.get_printoptions()` shows them).
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    /// Float digits (default 8).
    pub precision: usize,
    /// Arrays with more elements are summarised (default 1000).
    pub threshold: usize,
    /// Items shown at each edge of a summarised axis (default 3).
    pub edgeitems: usize,
    /// Characters per line (default 75).
    pub linewidth: usize,
    /// Print tiny floats as zero, never scientific for small values (default false).
    pub suppress: bool,
    /// Text of NaN (default `nan`).
    pub nanstr: String,
    /// Text of infinity (default `inf`).
    pub infstr: String,
    /// Float digit mode (default maxprec).
    pub floatmode: FloatMode,
    /// Sign of non-negative numbers: `'-'` (none), `'+'` or `' '` (default `'-'`).
    pub sign: char,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            nanstr: "nan".into(),
            infstr: "inf".into(),
            floatmode: FloatMode::MaxPrec,
            sign: '-',
        }
    }
}

impl PrintOptions {
    /// Checks a `sign=` value.
    pub fn parse_sign(s: &str) -> NpResult<char> {
        match s {
            "-" | "+" | " " => Ok(s.chars().next().unwrap_or('-')),
            _ => Err(NpError::value("sign option must be one of ' ', '+', or '-'")),
        }
    }
    /// `np.set_printoptions(key=value)` for one keyword, with NumPy's checks.
    /// Unknown keys raise TypeError as Python does for unexpected keywords.
    pub fn set(&mut self, key: &str, value: &super::value::PyValue) -> NpResult<()> {
        use super::value::PyValue as V;
        let int = |what: &str| -> NpResult<usize> {
            match value {
                V::Int(i) => Ok(num_traits::ToPrimitive::to_i64(i).unwrap_or(i64::MAX).max(0) as usize),
                V::Bool(b) => Ok(*b as usize),
                V::Float(f) if what == "threshold" => {
                    if f.is_nan() {
                        Err(NpError::value(
                            "threshold must be non-NAN, try sys.maxsize for untruncated representation",
                        ))
                    } else {
                        Ok(if f.is_infinite() { usize::MAX } else { f.max(0.0) as usize })
                    }
                }
                _ => Err(NpError::type_error(format!("{what} must be an integer"))),
            }
        };
        match key {
            "precision" => self.precision = int("precision")?,
            "threshold" => self.threshold = int("threshold")?,
            "edgeitems" => self.edgeitems = int("edgeitems")?,
            "linewidth" => self.linewidth = int("linewidth")?,
            "suppress" => self.suppress = value.truthy().unwrap_or(true),
            "nanstr" => self.nanstr = value.str(),
            "infstr" => self.infstr = value.str(),
            "floatmode" => self.floatmode = FloatMode::parse(&value.str())?,
            "sign" => self.sign = Self::parse_sign(&value.str())?,
            "formatter" | "legacy" | "override_repr" => {}
            other => {
                return Err(NpError::type_error(format!(
                    "set_printoptions() got an unexpected keyword argument '{other}'"
                )))
            }
        }
        Ok(())
    }
    /// What `np.get_printoptions()` returns, as (key, Python repr of value) pairs in
    /// NumPy's order.
    pub fn items(&self) -> Vec<(&'static str, String)> {
        vec![
            ("edgeitems", self.edgeitems.to_string()),
            ("threshold", self.threshold.to_string()),
            ("floatmode", format!("'{}'", self.floatmode.name())),
            ("precision", self.precision.to_string()),
            ("suppress", if self.suppress { "True" } else { "False" }.into()),
            ("linewidth", self.linewidth.to_string()),
            ("nanstr", super::dtype::py_str_repr(&self.nanstr)),
            ("infstr", super::dtype::py_str_repr(&self.infstr)),
            ("sign", format!("'{}'", self.sign)),
            ("formatter", "None".into()),
            ("legacy", "False".into()),
            ("override_repr", "None".into()),
        ]
    }
}
