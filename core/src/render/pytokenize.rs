//! A port of CPython 3.11's pure-Python `tokenize.generate_tokens`, quirks included.
//!
//! IPython colours traceback lines with `PyColorize.Parser`, which runs this tokenizer
//! over each line on its own, and finds a function's lines with `inspect.getblock`,
//! which runs it too. Reproducing their output byte for byte means reproducing this
//! tokenizer: its regular expressions (hand-written here as scanners with the same
//! leftmost-alternative semantics), its error tokens, and the places it gives up.
//! Positions are 1-based rows and 0-based columns counted in characters (code points).

/// The token types `tokenize` yields (operators all come as `Op`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `ENDMARKER`.
    EndMarker,
    /// `NAME` (keywords included).
    Name,
    /// `NUMBER`.
    Number,
    /// `STRING`.
    String,
    /// `NEWLINE`: the end of a logical line.
    Newline,
    /// `INDENT`.
    Indent,
    /// `DEDENT`.
    Dedent,
    /// `OP`.
    Op,
    /// `ERRORTOKEN`: one character the patterns do not match.
    ErrorToken,
    /// `COMMENT`.
    Comment,
    /// `NL`: a line end that does not end a logical line.
    Nl,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its type.
    pub kind: Kind,
    /// Its text.
    pub text: String,
    /// (row, column) where it starts.
    pub start: (usize, usize),
    /// (row, column) where it ends.
    pub end: (usize, usize),
}

/// Why tokenizing stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenizeError {
    /// `tokenize.TokenError`: "EOF in multi-line string" / "EOF in multi-line statement".
    Eof(&'static str),
    /// `IndentationError`: "unindent does not match any outer indentation level", on
    /// a 1-based line whose first non-blank character is at a 0-based column.
    Unindent {
        /// The line.
        line: usize,
        /// The column of its first non-blank character.
        column: usize,
    },
}

/// What the token consumer wants next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Stop now (like raising out of the generator).
    Stop,
}

const TABSIZE: usize = 8;

const OPERATORS: &[&str] = &[
    "!=", "%", "%=", "&", "&=", "(", ")", "*", "**", "**=", "*=", "+", "+=", ",", "-", "-=", "->", ".",
    "...", "/", "//", "//=", "/=", ":", ":=", ";", "<", "<<", "<<=", "<=", "=", "==", ">", ">=", ">>", ">>=",
    "@", "@=", "[", "]", "^", "^=", "{", "|", "|=", "}", "~",
];

/// Python's `\w` for str patterns (approximated by Unicode alphanumerics).
fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Python's `str.isidentifier()` for one character that starts a name.
fn is_identifier_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Python's `str.isspace()`.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_string_prefix(p: &[char]) -> bool {
    let lower: String = p.iter().map(|c| c.to_ascii_lowercase()).collect();
    matches!(lower.as_str(), "" | "b" | "r" | "u" | "f" | "br" | "rb" | "fr" | "rf")
}

fn at(line: &[char], i: usize) -> Option<char> {
    line.get(i).copied()
}

/// `[0-9](?:_?[0-9])*`
fn digit_part(line: &[char], i: usize) -> Option<usize> {
    if !at(line, i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i + 1;
    loop {
        match at(line, j) {
            Some(c) if c.is_ascii_digit() => j += 1,
            Some('_') if at(line, j + 1).is_some_and(|c| c.is_ascii_digit()) => j += 2,
            _ => return Some(j),
        }
    }
}

/// `[eE][-+]?[0-9](?:_?[0-9])*`
fn exponent(line: &[char], i: usize) -> Option<usize> {
    if !matches!(at(line, i)?, 'e' | 'E') {
        return None;
    }
    let mut j = i + 1;
    if matches!(at(line, j), Some('-' | '+')) {
        j += 1;
    }
    digit_part(line, j)
}

/// `Pointfloat | Expfloat`
fn float_number(line: &[char], i: usize) -> Option<usize> {
    // Pointfloat: group(digits '.' digits?, '.' digits) + maybe(Exponent)
    let point = match digit_part(line, i) {
        Some(j) if at(line, j) == Some('.') => Some(digit_part(line, j + 1).unwrap_or(j + 1)),
        _ if at(line, i) == Some('.') => digit_part(line, i + 1),
        _ => None,
    };
    if let Some(j) = point {
        return Some(exponent(line, j).unwrap_or(j));
    }
    // Expfloat
    let j = digit_part(line, i)?;
    exponent(line, j)
}

/// `0[xX](?:_?[0-9a-fA-F])+` and the binary and octal forms.
fn radix_int(line: &[char], i: usize, marks: [char; 2], digit: fn(char) -> bool) -> Option<usize> {
    if at(line, i)? != '0' || !marks.contains(&at(line, i + 1)?) {
        return None;
    }
    let mut j = i + 2;
    let mut any = false;
    loop {
        match at(line, j) {
            Some(c) if digit(c) => j += 1,
            Some('_') if at(line, j + 1).is_some_and(digit) => j += 2,
            _ => break,
        }
        any = true;
    }
    any.then_some(j)
}

/// `Intnumber`
fn int_number(line: &[char], i: usize) -> Option<usize> {
    radix_int(line, i, ['x', 'X'], |c| c.is_ascii_hexdigit())
        .or_else(|| radix_int(line, i, ['b', 'B'], |c| c == '0' || c == '1'))
        .or_else(|| radix_int(line, i, ['o', 'O'], |c| ('0'..='7').contains(&c)))
        .or_else(|| {
            let first = at(line, i)?;
            if first == '0' {
                let mut j = i + 1;
                loop {
                    match at(line, j) {
                        Some('0') => j += 1,
                        Some('_') if at(line, j + 1) == Some('0') => j += 2,
                        _ => return Some(j),
                    }
                }
            } else if first.is_ascii_digit() {
                digit_part(line, i)
            } else {
                None
            }
        })
}

/// `Number = group(Imagnumber, Floatnumber, Intnumber)`
fn number(line: &[char], i: usize) -> Option<usize> {
    let imag = |end: Option<usize>| end.filter(|&j| matches!(at(line, j), Some('j' | 'J')));
    if let Some(j) = imag(digit_part(line, i)).or_else(|| imag(float_number(line, i))) {
        return Some(j + 1);
    }
    float_number(line, i).or_else(|| int_number(line, i))
}

/// `Special`: the longest operator at `i`.
fn operator(line: &[char], i: usize) -> Option<usize> {
    let mut best = None;
    for op in OPERATORS {
        let n = op.chars().count();
        if line.len() >= i + n && op.chars().zip(&line[i..i + n]).all(|(a, &b)| a == b) {
            best = best.max(Some(i + n));
        }
    }
    best
}

/// A string prefix of 0..=2 characters at `i` followed by `quote`; returns the prefix
/// length.
fn prefixed(line: &[char], i: usize, quote_at: impl Fn(usize) -> bool) -> Option<usize> {
    (0..=2).find(|&k| line.len() >= i + k && is_string_prefix(&line[i..i + k]) && quote_at(i + k))
}

/// `Triple`: a prefix and `'''` or `"""`.
fn triple(line: &[char], i: usize) -> Option<usize> {
    let is_triple = |j: usize| matches!(at(line, j), Some(q @ ('\'' | '"')) if at(line, j + 1) == Some(q) && at(line, j + 2) == Some(q));
    prefixed(line, i, is_triple).map(|k| i + k + 3)
}

/// `ContStr`: a one-line string, or the first line of one continued by a backslash.
fn cont_str(line: &[char], i: usize) -> Option<usize> {
    let k = prefixed(line, i, |j| matches!(at(line, j), Some('\'' | '"')))?;
    let quote = at(line, i + k)?;
    let mut j = i + k + 1;
    loop {
        match at(line, j)? {
            c if c == quote => return Some(j + 1),
            '\n' => return None,
            '\\' => match at(line, j + 1) {
                Some('\n') => return Some(j + 2),
                Some('\r') if at(line, j + 2) == Some('\n') => return Some(j + 3),
                Some(_) => j += 2,
                None => return None,
            },
            _ => j += 1,
        }
    }
}

/// `PseudoToken`: returns the (start, end) of the token after leading whitespace.
fn pseudo_token(line: &[char], pos: usize) -> Option<(usize, usize)> {
    let mut s = pos;
    while matches!(at(line, s), Some(' ' | '\x0c' | '\t')) {
        s += 1;
    }
    let Some(c) = at(line, s) else {
        return Some((s, s)); // \Z
    };
    // PseudoExtras: \\\r?\n | \Z | Comment | Triple
    if c == '\\' {
        if at(line, s + 1) == Some('\n') {
            return Some((s, s + 2));
        }
        if at(line, s + 1) == Some('\r') && at(line, s + 2) == Some('\n') {
            return Some((s, s + 3));
        }
    }
    if c == '#' {
        let mut e = s;
        while !matches!(at(line, e), None | Some('\r' | '\n')) {
            e += 1;
        }
        return Some((s, e));
    }
    let end = triple(line, s)
        .or_else(|| number(line, s))
        .or_else(|| match c {
            '\n' => Some(s + 1),
            '\r' if at(line, s + 1) == Some('\n') => Some(s + 2),
            _ => None,
        })
        .or_else(|| operator(line, s))
        .or_else(|| cont_str(line, s))
        .or_else(|| {
            let mut e = s;
            while at(line, e).is_some_and(is_word) {
                e += 1;
            }
            (e > s).then_some(e)
        })?;
    Some((s, end))
}

/// The tail of a string that continues over lines: `Single`, `Double` (`triple` false)
/// or `Single3`, `Double3`. Returns the end of the match from the line's start.
fn string_tail(line: &[char], quote: char, triple: bool) -> Option<usize> {
    let mut j = 0;
    loop {
        match at(line, j)? {
            '\\' => match at(line, j + 1) {
                Some(c) if c != '\n' => j += 2,
                _ => return None,
            },
            c if c == quote => {
                if !triple {
                    return Some(j + 1);
                }
                if at(line, j + 1) == Some(quote) && at(line, j + 2) == Some(quote) {
                    return Some(j + 3);
                }
                j += 1;
            }
            _ => j += 1,
        }
    }
}

fn text(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Tokenizes `lines` (each with its line end, as `readline` returns them) and hands
/// every token to `sink` until it says stop. Returns the tokenizer's error, if any.
pub fn tokenize<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    sink: &mut dyn FnMut(Token) -> Flow,
) -> Result<(), TokenizeError> {
    let mut lines = lines.into_iter();
    let mut emit = |kind, t: String, start, end| sink(Token { kind, text: t, start, end });
    macro_rules! yield_tok {
        ($kind:expr, $text:expr, $start:expr, $end:expr) => {
            if emit($kind, $text, $start, $end) == Flow::Stop {
                return Ok(());
            }
        };
    }
    let (mut lnum, mut parenlev, mut continued) = (0usize, 0i64, false);
    let mut contstr: Vec<char> = Vec::new();
    let mut in_contstr = false;
    let mut needcont = false;
    let mut strstart = (0usize, 0usize);
    let mut end_quote = ('"', false);
    let mut indents: Vec<usize> = vec![0];
    let mut last_line: Vec<char>;
    let mut line: Vec<char> = Vec::new();
    loop {
        last_line = std::mem::replace(&mut line, lines.next().unwrap_or("").chars().collect());
        lnum += 1;
        let max = line.len();
        let mut pos = 0;

        if in_contstr {
            if line.is_empty() {
                return Err(TokenizeError::Eof("EOF in multi-line string"));
            }
            if let Some(end) = string_tail(&line, end_quote.0, end_quote.1) {
                pos = end;
                contstr.extend_from_slice(&line[..end]);
                yield_tok!(Kind::String, text(&contstr), strstart, (lnum, end));
                contstr.clear();
                in_contstr = false;
                needcont = false;
            } else if needcont && !line.ends_with(&['\\', '\n']) && !line.ends_with(&['\\', '\r', '\n']) {
                contstr.extend_from_slice(&line);
                yield_tok!(Kind::ErrorToken, text(&contstr), strstart, (lnum, line.len()));
                contstr.clear();
                in_contstr = false;
                continue;
            } else {
                contstr.extend_from_slice(&line);
                continue;
            }
        } else if parenlev == 0 && !continued {
            if line.is_empty() {
                break;
            }
            let mut column = 0;
            while pos < max {
                match line[pos] {
                    ' ' => column += 1,
                    '\t' => column = (column / TABSIZE + 1) * TABSIZE,
                    '\x0c' => column = 0,
                    _ => break,
                }
                pos += 1;
            }
            if pos == max {
                break;
            }
            if matches!(line[pos], '#' | '\r' | '\n') {
                if line[pos] == '#' {
                    let mut e = pos;
                    while e < max && !matches!(line[e], '\r' | '\n') {
                        e += 1;
                    }
                    yield_tok!(Kind::Comment, text(&line[pos..e]), (lnum, pos), (lnum, e));
                    pos = e;
                }
                yield_tok!(Kind::Nl, text(&line[pos..]), (lnum, pos), (lnum, max));
                continue;
            }
            if column > indents.last().copied().unwrap_or(0) {
                indents.push(column);
                yield_tok!(Kind::Indent, text(&line[..pos]), (lnum, 0), (lnum, pos));
            }
            while column < indents.last().copied().unwrap_or(0) {
                if !indents.contains(&column) {
                    return Err(TokenizeError::Unindent { line: lnum, column: pos });
                }
                indents.pop();
                yield_tok!(Kind::Dedent, String::new(), (lnum, pos), (lnum, pos));
            }
        } else {
            if line.is_empty() {
                return Err(TokenizeError::Eof("EOF in multi-line statement"));
            }
            continued = false;
        }

        while pos < max {
            let Some((start, end)) = pseudo_token(&line, pos) else {
                yield_tok!(Kind::ErrorToken, line[pos].to_string(), (lnum, pos), (lnum, pos + 1));
                pos += 1;
                continue;
            };
            let (spos, epos) = ((lnum, start), (lnum, end));
            pos = end;
            if start == end {
                continue;
            }
            let token = &line[start..end];
            let initial = token[0];
            if initial.is_ascii_digit() || (initial == '.' && token != ['.'] && token != ['.', '.', '.']) {
                yield_tok!(Kind::Number, text(token), spos, epos);
            } else if matches!(initial, '\r' | '\n') {
                let kind = if parenlev > 0 { Kind::Nl } else { Kind::Newline };
                yield_tok!(kind, text(token), spos, epos);
            } else if initial == '#' {
                yield_tok!(Kind::Comment, text(token), spos, epos);
            } else if let Some(quote) = triple_start(token) {
                if let Some(tail) = string_tail(&line[pos..], quote, true) {
                    pos += tail;
                    yield_tok!(Kind::String, text(&line[start..pos]), spos, (lnum, pos));
                } else {
                    strstart = (lnum, start);
                    contstr = line[start..].to_vec();
                    in_contstr = true;
                    end_quote = (quote, true);
                    break;
                }
            } else if let Some(quote) = single_start(token) {
                if token.last() == Some(&'\n') {
                    strstart = (lnum, start);
                    end_quote = (quote, false);
                    contstr = line[start..].to_vec();
                    in_contstr = true;
                    needcont = true;
                    break;
                }
                yield_tok!(Kind::String, text(token), spos, epos);
            } else if is_identifier_start(initial) {
                yield_tok!(Kind::Name, text(token), spos, epos);
            } else if initial == '\\' {
                continued = true;
            } else {
                if matches!(initial, '(' | '[' | '{') {
                    parenlev += 1;
                } else if matches!(initial, ')' | ']' | '}') {
                    parenlev -= 1;
                }
                yield_tok!(Kind::Op, text(token), spos, epos);
            }
        }
    }
    let ends_unterminated = last_line.last().is_some_and(|c| !matches!(c, '\r' | '\n'));
    let comment_only = {
        let s: String = last_line.iter().collect();
        s.trim_matches(py_isspace).starts_with('#')
    };
    if ends_unterminated && !comment_only {
        let n = last_line.len();
        yield_tok!(Kind::Newline, String::new(), (lnum - 1, n), (lnum - 1, n + 1));
    }
    for _ in indents.iter().skip(1) {
        yield_tok!(Kind::Dedent, String::new(), (lnum, 0), (lnum, 0));
    }
    yield_tok!(Kind::EndMarker, String::new(), (lnum, 0), (lnum, 0));
    Ok(())
}

/// `token in triple_quoted`: a prefix and three quotes, nothing else.
fn triple_start(token: &[char]) -> Option<char> {
    let n = token.len();
    if !(3..=5).contains(&n) {
        return None;
    }
    let q = token[n - 1];
    let is_triple = matches!(q, '\'' | '"') && token[n - 2] == q && token[n - 3] == q;
    (is_triple && is_string_prefix(&token[..n - 3])).then_some(q)
}

/// `initial in single_quoted or token[:2] in single_quoted or token[:3] in
/// single_quoted`: the token opens a one-quote string; returns its quote.
fn single_start(token: &[char]) -> Option<char> {
    (1..=3).find_map(|k| {
        let head = token.get(..k)?;
        let q = head[k - 1];
        (matches!(q, '\'' | '"') && is_string_prefix(&head[..k - 1])).then_some(q)
    })
}

/// All tokens of `source` (split as `StringIO.readline` does), or the error.
pub fn tokens_of(source: &str) -> Result<Vec<Token>, TokenizeError> {
    let mut out = Vec::new();
    tokenize(source.split_inclusive('\n'), &mut |t| {
        out.push(t);
        Flow::Continue
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, String)> {
        tokens_of(src).unwrap().into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn numbers_follow_pythons_alternatives() {
        for (src, tok) in [
            ("0x1F", "0x1F"),
            ("1_000", "1_000"),
            ("3.14", "3.14"),
            ("1e-5", "1e-5"),
            ("2.5E+3", "2.5E+3"),
            ("3j", "3j"),
            (".5", ".5"),
            ("10.", "10."),
            ("0123", "0"),
            ("1__2", "1"),
            ("1.5e3j", "1.5e3j"),
            ("0b101", "0b101"),
            ("0o17", "0o17"),
        ] {
            assert_eq!(kinds(src)[0], (Kind::Number, tok.to_string()), "{src}");
        }
    }

    #[test]
    fn strings_and_prefixes() {
        assert_eq!(kinds("rb'\\x00'")[0], (Kind::String, "rb'\\x00'".into()));
        assert_eq!(kinds("f\"{a}\" x")[0], (Kind::String, "f\"{a}\"".into()));
        assert_eq!(kinds("'''a'''")[0], (Kind::String, "'''a'''".into()));
        // An unterminated one-line string: an error token for the quote, then a name.
        assert_eq!(kinds("'abc")[0], (Kind::ErrorToken, "'".into()));
        assert_eq!(tokens_of("x = \"\"\"abc"), Err(TokenizeError::Eof("EOF in multi-line string")));
        assert_eq!(tokens_of("foo(a,"), Err(TokenizeError::Eof("EOF in multi-line statement")));
    }

    #[test]
    fn implicit_newline_and_dedents() {
        let k = kinds("if x:\n    y");
        assert_eq!(k.last(), Some(&(Kind::EndMarker, String::new())));
        assert!(k.contains(&(Kind::Dedent, String::new())));
        assert!(k.contains(&(Kind::Newline, String::new())));
        assert_eq!(tokens_of("if x:\n    y\n  z\n"), Err(TokenizeError::Unindent { line: 3, column: 2 }));
    }
}
