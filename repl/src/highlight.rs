//! Syntax colouring of the line being typed.
//!
//! IPython's terminal colours its input with pygments (`IPython3Lexer`) in the theme's
//! style. This is a small lexer of its own (input is often unfinished: an open bracket
//! or string must not switch colouring off, as the traceback highlighter does), with
//! the palette IPython's tracebacks use — keywords bold green, numbers green, strings
//! yellow, comments italic teal — plus pygments' default style for what tracebacks do
//! not single out: builtins green, the name after `def`/`class` blue, `%magic` and
//! `!cmd` escapes as pygments' IPython lexer marks them (magenta operator, plain rest).

use nu_ansi_term::{Color, Style};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "complex", "dict", "dir", "display", "divmod",
    "enumerate", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex", "id",
    "input", "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "str", "sum", "tuple", "type", "vars", "zip",
];

/// The styles of the token classes.
fn keyword() -> Style {
    Color::Fixed(28).bold()
}
fn builtin() -> Style {
    Color::Fixed(28).normal()
}
fn number() -> Style {
    Color::Green.normal()
}
fn string() -> Style {
    Color::Yellow.normal()
}
fn comment() -> Style {
    Color::Fixed(66).italic()
}
fn definition() -> Style {
    Color::Fixed(21).normal()
}
fn escape() -> Style {
    Color::Magenta.normal()
}

/// `line` with ANSI colours; the visible text is unchanged, so cursor positions hold.
pub fn highlight(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() * 2);
    let mut i = 0;
    let paint = |out: &mut String, style: Style, text: &[char]| {
        let s: String = text.iter().collect();
        out.push_str(&style.paint(s).to_string());
    };
    // `%magic` / `!cmd` at the start of a line: the escape marked, the rest plain.
    let indent = chars.iter().take_while(|c| **c == ' ' || **c == '\t').count();
    if matches!(chars.get(indent), Some('%' | '!')) {
        out.extend(&chars[..indent]);
        let marks = chars[indent..].iter().take_while(|c| **c == '%' || **c == '!').count();
        paint(&mut out, escape(), &chars[indent..indent + marks]);
        out.extend(&chars[indent + marks..]);
        return out;
    }
    let mut after_def = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            paint(&mut out, comment(), &chars[i..]);
            break;
        }
        if c == '\'' || c == '"' || (is_prefix(c) && starts_string(&chars, i)) {
            let end = string_end(&chars, i);
            paint(&mut out, string(), &chars[i..end]);
            i = end;
            after_def = false;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_') {
                i += 1;
            }
            paint(&mut out, number(), &chars[start..i]);
            after_def = false;
            continue;
        }
        if c == '_' || c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i] == '_' || chars[i].is_alphanumeric()) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let attribute = start > 0 && chars[start - 1] == '.';
            if after_def {
                paint(&mut out, definition(), &chars[start..i]);
                after_def = false;
            } else if KEYWORDS.contains(&word.as_str()) && !attribute {
                paint(&mut out, keyword(), &chars[start..i]);
                after_def = word == "def" || word == "class";
            } else if BUILTINS.contains(&word.as_str()) && !attribute {
                paint(&mut out, builtin(), &chars[start..i]);
            } else {
                out.push_str(&word);
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_prefix(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u')
}

/// Whether a string prefix (`rb'`, `f"`) starts at `i`, not the end of a name.
fn starts_string(chars: &[char], i: usize) -> bool {
    if i > 0 && (chars[i - 1] == '_' || chars[i - 1].is_alphanumeric()) {
        return false;
    }
    let mut j = i;
    while j < chars.len() && j - i < 2 && is_prefix(chars[j]) {
        j += 1;
    }
    matches!(chars.get(j), Some('\'' | '"'))
}

/// Where the string starting at `i` (prefix included) ends: after its closing quote,
/// or at the end of the line when it is still open.
fn string_end(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && chars[j] != '\'' && chars[j] != '"' {
        j += 1;
    }
    let Some(&quote) = chars.get(j) else { return chars.len() };
    let triple = chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote);
    j += if triple { 3 } else { 1 };
    while j < chars.len() {
        if chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == quote {
            if !triple {
                return j + 1;
            }
            if chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote) {
                return j + 3;
            }
        }
        j += 1;
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(text: &str) -> String {
        h5lab_core::render::strip_ansi(text)
    }

    #[test]
    fn text_is_unchanged_under_the_colours() {
        for line in ["for i in range(3): print(i, 'a#b') # c", "x = f'{a}' + rb\"q", "def f(x=1.5e3):", "%time x", "!ls -l", "d['open", ""] {
            assert_eq!(visible(&highlight(line)), line);
        }
    }

    #[test]
    fn tokens_get_their_styles() {
        assert_eq!(highlight("if x"), format!("{} x", keyword().paint("if")));
        assert_eq!(highlight("len(s)"), format!("{}(s)", builtin().paint("len")));
        assert_eq!(highlight("x.len"), "x.len");
        assert_eq!(highlight("'a"), string().paint("'a").to_string());
        assert_eq!(highlight("def f"), format!("{} {}", keyword().paint("def"), definition().paint("f")));
        assert_eq!(highlight("# hi"), comment().paint("# hi").to_string());
        assert_eq!(highlight("x = 10"), format!("x = {}", number().paint("10")));
    }
}
