//! Syntax errors as CPython 3.11 reports them: class, message and the 1-based
//! line/column range that `compile(src, "<cell>", "exec")` puts on the exception.

use std::fmt;

/// Which Python exception class a syntax error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`).
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`).
    TabError,
    /// `RecursionError`: CPython's compiler gives "maximum recursion depth exceeded
    /// during compilation" for expressions nested a few thousand deep; h5lab gives it
    /// past [`MAX_NESTING`](crate::syntax::MAX_NESTING) levels.
    RecursionError,
}

impl SyntaxErrorKind {
    /// The exception class name as Python prints it.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

impl fmt::Display for SyntaxErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A syntax error with CPython 3.11's message and position.
///
/// `lineno`/`end_lineno` are 1-based; `offset`/`end_offset` are 1-based character
/// columns, as on Python's `SyntaxError` (CPython sometimes reports an `end_offset` of
/// 0 or -1; those values are kept). `text` is the offending source line, with its
/// newline when CPython keeps one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// The message (`"invalid syntax"`, `"'(' was never closed"`, ...).
    pub msg: String,
    /// First line of the error, 1-based.
    pub lineno: u32,
    /// First column, 1-based, in characters.
    pub offset: u32,
    /// Last line of the error, 1-based.
    pub end_lineno: u32,
    /// One past the last column, 1-based, in characters (CPython's `end_offset`).
    /// CPython sometimes reports 0, or -1, which is stored as
    /// [`END_OFFSET_MINUS_ONE`]; [`SyntaxError::end_offset_i64`] gives Python's value.
    pub end_offset: u32,
    /// The source line the error is on.
    pub text: String,
}

/// The `end_offset` value CPython uses for "no end column" (-1), stored in the
/// unsigned field.
pub const END_OFFSET_MINUS_ONE: u32 = u32::MAX;

impl SyntaxError {
    /// A `SyntaxError` of the given kind and message at the given range.
    pub fn new(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        (lineno, offset): (u32, u32),
        (end_lineno, end_offset): (u32, u32),
        text: impl Into<String>,
    ) -> SyntaxError {
        SyntaxError { kind, msg: msg.into(), lineno, offset, end_lineno, end_offset, text: text.into() }
    }

    /// `end_offset` as Python has it (`-1` for [`END_OFFSET_MINUS_ONE`]).
    pub fn end_offset_i64(&self) -> i64 {
        if self.end_offset == END_OFFSET_MINUS_ONE {
            -1
        } else {
            i64::from(self.end_offset)
        }
    }

    /// The exception's `str()`: `msg (<file>, line N)` as Python formats it when a
    /// filename is known.
    pub fn display_with_filename(&self, filename: &str) -> String {
        format!("{} ({}, line {})", self.msg, filename, self.lineno)
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind, self.msg, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}
