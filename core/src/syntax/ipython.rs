//! IPython's cell-level input handling, as IPython 9's `inputtransformer2` does it:
//! the cleanup transforms (leading blank lines, common indentation, `>>>` and
//! `In [n]:` prompts), the `%%cell_magic` check, and the help-end (`obj?`) rule the
//! lexer applies to each logical line.

/// What the cleanup leaves of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CleanCell {
    /// Python (with IPython line forms) to lex and parse; always ends in `\n`.
    Code(String),
    /// A `%%name line` cell magic and its body.
    CellMagic {
        /// The magic's name.
        name: String,
        /// The rest of the first line.
        line: String,
        /// The following lines, each with its newline.
        body: String,
    },
}

/// Newlines as CPython reads them: `\r\n` and lone `\r` become `\n`.
pub fn normalize_newlines(source: &str) -> String {
    if !source.contains('\r') {
        return source.to_string();
    }
    source.replace("\r\n", "\n").replace('\r', "\n")
}

/// Splits after each `\n`, keeping it (Python's `splitlines(keepends=True)` for
/// normalised text).
fn split_lines_keep(text: &str) -> Vec<String> {
    text.split_inclusive('\n').map(str::to_string).collect()
}

/// IPython's `leading_empty_lines`.
fn leading_empty_lines(lines: Vec<String>) -> Vec<String> {
    match lines.iter().position(|l| !l.trim().is_empty()) {
        Some(i) => lines[i..].to_vec(),
        None => lines,
    }
}

/// Python's `textwrap.dedent`.
pub fn dedent(text: &str) -> String {
    // Lines of only spaces and tabs lose them.
    let lines: Vec<String> = text
        .split_inclusive('\n')
        .map(|l| {
            let body = l.strip_suffix('\n').unwrap_or(l);
            if !body.is_empty() && body.chars().all(|c| c == ' ' || c == '\t') {
                if l.ends_with('\n') {
                    "\n".to_string()
                } else {
                    String::new()
                }
            } else {
                l.to_string()
            }
        })
        .collect();
    let mut margin: Option<String> = None;
    for l in &lines {
        let body = l.strip_suffix('\n').unwrap_or(l);
        let indent: String = body.chars().take_while(|&c| c == ' ' || c == '\t').collect();
        if indent.len() == body.len() {
            continue; // blank line
        }
        margin = Some(match margin {
            None => indent,
            Some(m) => {
                if indent.starts_with(&m) {
                    m
                } else if m.starts_with(&indent) {
                    indent
                } else {
                    let common = m.chars().zip(indent.chars()).take_while(|(a, b)| a == b).count();
                    m.chars().take(common).collect()
                }
            }
        });
    }
    let margin = margin.unwrap_or_default();
    if margin.is_empty() {
        return lines.concat();
    }
    lines.into_iter().map(|l| l.strip_prefix(margin.as_str()).map(str::to_string).unwrap_or(l)).collect()
}

fn strip_doctest_ps1(line: &str) -> Option<String> {
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let rest = trimmed.strip_prefix(">>>")?;
    let rest = rest.strip_prefix([' ', '\t']).unwrap_or(rest);
    Some(rest.to_string())
}

fn strip_doctest_ps2(line: &str) -> Option<String> {
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let rest = trimmed.strip_prefix("...")?;
    let rest = rest.strip_prefix([' ', '\t']).unwrap_or(rest);
    Some(rest.to_string())
}

/// IPython's heuristic mask of lines inside triple-quoted strings whose prompts are
/// kept.
fn triple_quote_mask(lines: &[String]) -> Vec<bool> {
    let mut mask = Vec::with_capacity(lines.len());
    let mut in_triple: Option<&str> = None;
    let mut preserve = false;
    let mut seen_prompt = false;
    for line in lines {
        mask.push(in_triple.is_some() && preserve);
        let bytes = line.as_bytes();
        let mut i = 0;
        while i + 3 <= bytes.len() {
            let q = &bytes[i..i + 3];
            let escaped = i > 0 && bytes[i - 1] == b'\\';
            if (q == b"\"\"\"" || q == b"'''") && !escaped {
                let q: &str = if q == b"\"\"\"" { "\"\"\"" } else { "'''" };
                match in_triple {
                    None => {
                        in_triple = Some(q);
                        let before = &line[..i];
                        let mut stripped = strip_doctest_ps1(before).unwrap_or_else(|| before.to_string());
                        if let Some(s) = strip_doctest_ps2(&stripped) {
                            stripped = s;
                        }
                        let had_prompt = stripped != before;
                        let prompted_code = had_prompt && seen_prompt;
                        let prefix_ok = stripped.trim().chars().all(|c| "rubfRUBF".contains(c));
                        preserve = !prompted_code && prefix_ok;
                        if let Some(last) = mask.last_mut() {
                            *last = preserve;
                        }
                    }
                    Some(open) if open == q => {
                        in_triple = None;
                        preserve = false;
                    }
                    Some(_) => {}
                }
                i += 3;
            } else {
                i += 1;
            }
        }
        if line.trim_start().starts_with(">>>") {
            seen_prompt = true;
        }
    }
    mask
}

/// IPython's `classic_prompt` in doctest mode: `>>> ` and `... ` prompts.
fn classic_prompt(lines: Vec<String>) -> Vec<String> {
    let mask = triple_quote_mask(&lines);
    let has_prompt = lines.iter().zip(&mask).any(|(l, &inside)| !inside && l.trim_start().starts_with(">>>"));
    if !has_prompt {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut stripped = Vec::with_capacity(lines.len());
    for (l, &inside) in lines.iter().zip(&mask) {
        if inside {
            out.push(l.clone());
            stripped.push(false);
            continue;
        }
        let new = strip_doctest_ps1(l).or_else(|| strip_doctest_ps2(l)).unwrap_or_else(|| l.clone());
        stripped.push(&new != l);
        out.push(new);
    }
    let mut result = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let inside = mask[i];
        let mut j = i;
        while j < out.len() && mask[j] == inside {
            j += 1;
        }
        let any_stripped = stripped[i..j].iter().any(|&s| s);
        if !inside && any_stripped {
            result.extend(split_lines_keep(&dedent(&out[i..j].concat())));
        } else {
            result.extend(out[i..j].iter().cloned());
        }
        i = j;
    }
    result
}

/// The length of an IPython prompt (`In [3]: `, `   ...: `) at the start of `line`.
fn ipython_prompt_len(line: &str) -> Option<usize> {
    let mut rest = line;
    for vi in ["[nav] ", "[ins] ", " "] {
        if let Some(r) = rest.strip_prefix(vi) {
            if r.starts_with("In [") {
                rest = r;
                break;
            }
        }
    }
    if let Some(r) = rest.strip_prefix("In [") {
        let digits = r.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            if let Some(r2) = r[digits..].strip_prefix("]: ") {
                return Some(line.len() - r2.len());
            }
        }
    }
    let r = line.trim_start_matches(char::is_whitespace);
    let dots = r.chars().take_while(|&c| c == '.').count();
    if dots >= 3 {
        if let Some(r2) = r[dots..].strip_prefix(':') {
            let r2 = r2.strip_prefix(' ').unwrap_or(r2);
            return Some(line.len() - r2.len());
        }
    }
    None
}

/// IPython's `ipython_prompt` stripper.
fn ipython_prompt(lines: Vec<String>) -> Vec<String> {
    let first = lines.first().and_then(|l| ipython_prompt_len(l)).is_some();
    let second = lines.get(1).and_then(|l| ipython_prompt_len(l)).is_some();
    if !(first || second) {
        return lines;
    }
    lines
        .into_iter()
        .map(|l| match ipython_prompt_len(&l) {
            Some(n) => l[n..].to_string(),
            None => l,
        })
        .collect()
}

/// IPython's cleanup transforms on normalised lines.
pub fn cleanup_lines(lines: Vec<String>) -> Vec<String> {
    let lines = leading_empty_lines(lines);
    if lines.is_empty() {
        return lines;
    }
    let lines = split_lines_keep(&dedent(&lines.concat()));
    let lines = classic_prompt(lines);
    ipython_prompt(lines)
}

/// The cell as IPython hands it to its token transforms: newlines normalised, a
/// final newline added, cleanup transforms applied, and a `%%magic` first line
/// recognised. Spans and error positions of [`parse_cell`](super::parse_cell) refer
/// to the [`CleanCell::Code`] text.
pub fn clean_cell(source: &str) -> CleanCell {
    let mut text = normalize_newlines(source);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let lines = cleanup_lines(split_lines_keep(&text));
    if let Some(first) = lines.first() {
        if let Some(rest) = first.strip_prefix("%%") {
            let is_help = {
                let word = rest.chars().take_while(|&c| c == '_' || c.is_alphanumeric()).count();
                word > 0 && rest.chars().nth(word) == Some('?')
            };
            if !is_help {
                let header = rest.trim_end();
                let (name, line) = match header.split_once(' ') {
                    Some((n, l)) => (n.to_string(), l.to_string()),
                    None => (header.to_string(), String::new()),
                };
                let body = lines[1..].concat();
                return CleanCell::CellMagic { name, line, body };
            }
        }
    }
    CleanCell::Code(lines.concat())
}

/// Whether the last token of `text` (one logical line, Python-tokenized the way
/// IPython's tolerant tokenizer does) is `?`: a `?` inside a string or a comment does
/// not count.
pub fn last_token_is_question(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut last: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                // A comment runs to the end of its line and is then the last token,
                // unless more lines follow.
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                last = Some('#');
                continue;
            }
            '\'' | '"' => {
                let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
                let qlen = if triple { 3 } else { 1 };
                let mut j = i + qlen;
                let mut closed = None;
                while j < chars.len() {
                    if chars[j] == '\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && chars[j] == '\n' {
                        break;
                    }
                    if chars[j] == c && (!triple || (j + 2 < chars.len() && chars[j + 1] == c && chars[j + 2] == c)) {
                        closed = Some(j + qlen);
                        break;
                    }
                    j += 1;
                }
                match closed {
                    Some(end) => {
                        last = Some('"');
                        i = end;
                    }
                    None if triple => return false,
                    None => {
                        // An unterminated quote is an error token; lexing goes on.
                        last = Some('"');
                        i += 1;
                    }
                }
                continue;
            }
            c if c.is_whitespace() => {}
            c => last = Some(c),
        }
        i += 1;
    }
    last == Some('?')
}

fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Matches `%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*` against all of `s`.
fn help_target_full_match(s: &[char]) -> bool {
    let mut i = 0;
    while i < 2 && s.get(i) == Some(&'%') {
        i += 1;
    }
    // The regex may also take fewer '%' and fail; the leftmost-longest search below
    // tries later starts, so taking as many as possible here is enough.
    let name = |i: &mut usize| -> bool {
        match s.get(*i) {
            Some(c) if c.is_ascii_digit() || c.is_numeric() && is_word_char(*c) && c.is_ascii_digit() => false,
            Some(&c) if is_word_char(c) || c == '*' => {
                if c.is_ascii_digit() {
                    return false;
                }
                while matches!(s.get(*i), Some(&c) if is_word_char(c) || c == '*') {
                    *i += 1;
                }
                true
            }
            _ => false,
        }
    };
    if !name(&mut i) {
        return false;
    }
    loop {
        match s.get(i) {
            None => return true,
            Some('.') => {
                i += 1;
                if !name(&mut i) {
                    return false;
                }
            }
            Some('[') => {
                i += 1;
                if s.get(i) == Some(&'-') {
                    i += 1;
                }
                let digits_start = i;
                while matches!(s.get(i), Some(c) if c.is_ascii_digit()) {
                    i += 1;
                }
                if i == digits_start || s.get(i) != Some(&']') {
                    return false;
                }
                i += 1;
            }
            Some(_) => return false,
        }
    }
}

/// IPython's `_help_end_re.search(text)`: the help target and detail (1 for `?`, 2
/// for `??`) when `text` ends in a (dotted, indexed) name followed by `?` or `??`.
pub fn help_end_target(text: &str) -> Option<(String, u8)> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let (body, detail) = if let Some(b) = text.strip_suffix("??") {
        (b, 2)
    } else {
        (text.strip_suffix('?')?, 1)
    };
    let chars: Vec<char> = body.chars().collect();
    // Characters the pattern can match; a match starts after the last other one.
    let allowed = |c: char| is_word_char(c) || matches!(c, '*' | '.' | '%' | '[' | ']' | '-');
    let from = chars.iter().rposition(|&c| !allowed(c)).map(|p| p + 1).unwrap_or(0);
    for start in from..chars.len() {
        if help_target_full_match(&chars[start..]) {
            return Some((chars[start..].iter().collect(), detail));
        }
    }
    None
}
