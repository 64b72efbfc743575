//! The Python colouring IPython's tracebacks use: `IPython.utils.PyColorize.Parser`
//! (`format2`), which runs CPython's `tokenize` and styles each token with the
//! `neutral` theme — keywords bold green, numbers green, strings yellow, comments italic
//! teal; names, builtins, operators and error tokens stay plain. (This is *not*
//! pygments' `PythonLexer`: builtins, exception names and f-string fields are not
//! singled out, `in`/`is` are keywords wherever they stand.)

use super::ansi::{paint, Style};
use super::pytokenize::{py_isspace, tokenize, Flow, Kind};

/// Python's hard keywords (`keyword.kwlist` of 3.11); soft keywords are plain names.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Colours Python source as IPython's traceback does for each of its code lines.
///
/// The result is `PyColorize.Parser.format2`'s: tabs expanded to 8 columns, trailing
/// whitespace removed, each token in its style, and a final `"\n"`. When CPython's
/// tokenizer gives up on the text (an unterminated triple-quoted string or bracket, as
/// on the first line of a multi-line call), IPython shows the line exactly as written,
/// and so does this function: it returns `code` unchanged.
pub fn highlight_python(code: &str) -> String {
    highlight(code).unwrap_or_else(|| code.to_string())
}

/// Python's `str.expandtabs()` (tab size 8; columns restart after `\n` and `\r`).
pub(crate) fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let n = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// `Parser.format2(code)` for the `neutral` theme: `None` when the tokenizer fails.
pub(crate) fn highlight(code: &str) -> Option<String> {
    let expanded = expand_tabs(code);
    let raw_text = expanded.trim_end_matches(py_isspace);
    let raw: Vec<char> = raw_text.chars().collect();
    // Offsets of line starts: row r starts at line_starts[r] (rows are 1-based).
    let mut line_starts = vec![0, 0];
    line_starts.extend(raw.iter().enumerate().filter(|(_, &c)| c == '\n').map(|(i, _)| i + 1));
    line_starts.push(raw.len());

    let mut out = String::new();
    let mut pos = 0usize;
    let result = tokenize(raw_text.split_inclusive('\n'), &mut |tok| {
        let (srow, scol) = tok.start;
        let oldpos = pos;
        let newpos = line_starts.get(srow).copied().unwrap_or(raw.len()) + scol;
        pos = newpos + tok.text.chars().count();
        if newpos > oldpos {
            out.extend(raw.get(oldpos..newpos.min(raw.len())).unwrap_or(&[]));
        }
        if matches!(tok.kind, Kind::Indent | Kind::Dedent) {
            pos = newpos;
            return Flow::Continue;
        }
        let style = match tok.kind {
            Kind::Number => Style::Number,
            Kind::String => Style::String,
            Kind::Comment => Style::Comment,
            Kind::Name if KEYWORDS.contains(&tok.text.as_str()) => Style::Keyword,
            _ => Style::Plain,
        };
        paint(&mut out, style, &tok.text, true);
        Flow::Continue
    });
    result.ok()?;
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_numbers_strings_comments() {
        assert_eq!(
            highlight_python("x = 1 # hi\n"),
            "x = \x1b[32m1\x1b[39m \x1b[38;5;66;03m# hi\x1b[39;00m\n"
        );
        assert_eq!(
            highlight_python("f\"{a}\" is None\n"),
            "\x1b[33mf\"{a}\"\x1b[39m \x1b[38;5;28;01mis\x1b[39;00m \x1b[38;5;28;01mNone\x1b[39;00m\n"
        );
    }

    #[test]
    fn tabs_expand_and_trailing_space_goes() {
        assert_eq!(highlight_python("\tif a:   \n"), "        \x1b[38;5;28;01mif\x1b[39;00m a:\n");
        assert_eq!(highlight_python("    \n"), "\n");
    }

    #[test]
    fn tokenizer_failures_give_the_line_back() {
        assert_eq!(highlight_python("x = \"\"\"abc\n"), "x = \"\"\"abc\n");
        assert_eq!(highlight_python("foo(a,\n"), "foo(a,\n");
        assert_eq!(highlight_python("a $ b\n"), "a $ b\n");
        assert_eq!(highlight_python("x = 1 + \\\n"), "x = \x1b[32m1\x1b[39m + \\\n");
    }

    #[test]
    fn multi_line_strings_are_coloured_line_by_line() {
        assert_eq!(highlight_python("s = '''a\nb'''"), "s = \x1b[33m'''a\x1b[39m\n\x1b[33mb'''\x1b[39m\n");
    }
}
