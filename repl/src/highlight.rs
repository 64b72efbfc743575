//! Syntax colouring of the line being typed, as IPython 9's terminal colours it.
//!
//! IPython runs pygments' `IPython3Lexer` with its theme over the input. This is a
//! small lexer of its own (input is often unfinished: an open bracket or string must not
//! switch colouring off, as the traceback highlighter does) with the colours measured
//! from IPython 9.18 in a terminal: keywords bold 256-colour 28, the word operators
//! (`and`, `or`, `not`, `in`, `is`) bold 129, builtins 28, the name after `def` blue and
//! after `class` bold blue, strings yellow, numbers green, comments italic 66; `%magic`
//! and `!cmd` lines plain. (Not done: f-string braces, matching-bracket backgrounds.)

use nu_ansi_term::{Color, Style};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "lambda", "nonlocal", "pass", "raise",
    "return", "try", "while", "with", "yield",
];

const WORD_OPERATORS: &[&str] = &["and", "in", "is", "not", "or"];

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
fn word_operator() -> Style {
    Color::Fixed(129).bold()
}
fn function_name() -> Style {
    Color::Blue.normal()
}
fn class_name() -> Style {
    Color::Blue.bold()
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
    // `%magic` / `!cmd` lines stay plain.
    let indent = chars.iter().take_while(|c| **c == ' ' || **c == '\t').count();
    if matches!(chars.get(indent), Some('%' | '!')) {
        return line.to_string();
    }
    let mut after_def: Option<Style> = None;
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
            after_def = None;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_') {
                i += 1;
            }
            paint(&mut out, number(), &chars[start..i]);
            after_def = None;
            continue;
        }
        if c == '_' || c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i] == '_' || chars[i].is_alphanumeric()) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let attribute = start > 0 && chars[start - 1] == '.';
            if let Some(style) = after_def.take() {
                paint(&mut out, style, &chars[start..i]);
            } else if WORD_OPERATORS.contains(&word.as_str()) && !attribute {
                paint(&mut out, word_operator(), &chars[start..i]);
            } else if KEYWORDS.contains(&word.as_str()) && !attribute {
                paint(&mut out, keyword(), &chars[start..i]);
                after_def = match word.as_str() {
                    "def" => Some(function_name()),
                    "class" => Some(class_name()),
                    _ => None,
                };
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
        assert_eq!(highlight("def f"), format!("{} {}", keyword().paint("def"), function_name().paint("f")));
        assert_eq!(highlight("class A"), format!("{} {}", keyword().paint("class"), class_name().paint("A")));
        assert_eq!(highlight("a and b"), format!("a {} b", word_operator().paint("and")));
        assert_eq!(highlight("%time x"), "%time x");
        assert_eq!(highlight("# hi"), comment().paint("# hi").to_string());
        assert_eq!(highlight("x = 10"), format!("x = {}", number().paint("10")));
    }
}
