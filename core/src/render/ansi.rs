//! ANSI styling as IPython's traceback theme (`neutral`, over pygments' `default` style)
//! writes it through pygments' `Terminal256Formatter`, and the inverse: stripping escapes.

/// A style of IPython's `neutral` theme, as far as tracebacks and the code highlighter
/// use them. Each maps to the escape pair the `Terminal256Formatter` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Unstyled text (`Token`, `Token.Name`, `Token.Operator`, `Token.Error`, ...).
    Plain,
    /// Python keywords: bold green `#008000`.
    Keyword,
    /// Number literals: `ansigreen`.
    Number,
    /// String literals: `ansiyellow`.
    String,
    /// Comments: italic `#3D7B7B`.
    Comment,
    /// Exception names, the dashes line, a SyntaxError's source line: `ansired`.
    Red,
    /// `Cell`, `File `, function names (`NormalEm`, `VName`): `ansicyan`.
    Cyan,
    /// `In[3]`, `, line 4`, line numbers and the arrow (`FilenameEm`, `LinenoEm`):
    /// `ansigreen`.
    Green,
    /// The argument list after a function name (`ValEm`): `ansiblue`.
    Blue,
}

impl Style {
    /// The escape that opens and the one that closes this style (empty for `Plain`).
    pub fn escapes(self) -> (&'static str, &'static str) {
        match self {
            Style::Plain => ("", ""),
            Style::Keyword => ("\x1b[38;5;28;01m", "\x1b[39;00m"),
            Style::Comment => ("\x1b[38;5;66;03m", "\x1b[39;00m"),
            Style::Number | Style::Green => ("\x1b[32m", "\x1b[39m"),
            Style::String => ("\x1b[33m", "\x1b[39m"),
            Style::Red => ("\x1b[31m", "\x1b[39m"),
            Style::Cyan => ("\x1b[36m", "\x1b[39m"),
            Style::Blue => ("\x1b[34m", "\x1b[39m"),
        }
    }
}

/// Appends `text` in `style` the way pygments' `Terminal256Formatter` writes one token:
/// each line of the token is wrapped in the escapes on its own (newlines stay outside),
/// empty pieces get no escapes at all. With `color` false the text goes in unchanged.
pub fn paint(out: &mut String, style: Style, text: &str, color: bool) {
    let (on, off) = style.escapes();
    if !color || on.is_empty() {
        out.push_str(text);
        return;
    }
    let mut pieces = text.split('\n').peekable();
    while let Some(piece) = pieces.next() {
        if !piece.is_empty() {
            out.push_str(on);
            out.push_str(piece);
            out.push_str(off);
        }
        if pieces.peek().is_some() {
            out.push('\n');
        }
    }
}

/// `text` in `style`, as a new string (see [`paint`]).
pub fn painted(style: Style, text: &str, color: bool) -> String {
    let mut out = String::new();
    paint(&mut out, style, text, color);
    out
}

/// Removes ANSI CSI escapes (`ESC [` digits/semicolons, then one letter), as the
/// oracle's recorder does (`\x1b\[[0-9;]*[A-Za-z]`). Anything else is kept.
pub fn strip_ansi(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied_to = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let mut j = i + 2;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b';') {
                j += 1;
            }
            if j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                // Escapes are ASCII, so i and j + 1 are char boundaries.
                out.push_str(&text[copied_to..i]);
                copied_to = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied_to..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_wraps_each_line_of_a_token_separately() {
        assert_eq!(painted(Style::String, "ab\ncd", true), "\x1b[33mab\x1b[39m\n\x1b[33mcd\x1b[39m");
        assert_eq!(painted(Style::String, "\n", true), "\n");
        assert_eq!(painted(Style::Keyword, "", true), "");
        assert_eq!(painted(Style::Keyword, "if", false), "if");
    }

    #[test]
    fn strip_ansi_removes_csi_sequences_only() {
        assert_eq!(strip_ansi("\x1b[38;5;28;01mdef\x1b[39;00m f(x): ✓ \x1b[?x"), "def f(x): ✓ \x1b[?x");
        assert_eq!(strip_ansi("\x1b["), "\x1b[");
    }
}
