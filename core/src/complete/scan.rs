//! Where the cursor stands in the code before it: inside a string (and which), inside
//! a comment, inside which brackets — what the completer needs to pick a context. A
//! light scan of Python's lexical rules (string prefixes, triple quotes, escapes,
//! comments); it never fails on unfinished code.

/// A string literal that is still open at the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenString {
    /// Index (code points) of the first character of the prefix or opening quote.
    pub start: usize,
    /// Index of the first character of the string's content.
    pub content_start: usize,
    /// Whether it is a bytes literal.
    pub bytes: bool,
}

/// The lexical state at the end of the scanned text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// The string the cursor is in, if any.
    pub string: Option<OpenString>,
    /// Whether the cursor is in a comment.
    pub comment: bool,
    /// The open brackets, outermost first: the bracket and its index.
    pub brackets: Vec<(char, usize)>,
}

/// Scans `chars` (the code before the cursor).
pub fn scan(chars: &[char]) -> Scan {
    let mut state = Scan::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                let end = chars[i..].iter().position(|&c| c == '\n').map(|n| i + n);
                match end {
                    Some(end) => i = end,
                    None => {
                        state.comment = true;
                        return state;
                    }
                }
            }
            '(' | '[' | '{' => state.brackets.push((c, i)),
            ')' | ']' | '}' => {
                state.brackets.pop();
            }
            '\'' | '"' => {
                let start = string_start(chars, i);
                let prefix: String = chars[start..i].iter().collect::<String>().to_ascii_lowercase();
                let raw = prefix.contains('r');
                let bytes = prefix.contains('b');
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let content_start = if triple { i + 3 } else { i + 1 };
                match string_end(chars, content_start, c, triple, raw) {
                    Some(end) => i = end,
                    None => {
                        state.string = Some(OpenString { start, content_start: content_start.min(chars.len()), bytes });
                        return state;
                    }
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    state
}

/// The index where the string whose quote is at `quote` starts (its prefix letters).
fn string_start(chars: &[char], quote: usize) -> usize {
    let mut start = quote;
    while start > 0 && quote - start < 2 && matches!(chars[start - 1].to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u') {
        start -= 1;
    }
    // A prefix must not be the tail of a longer name (`xr'a'` is not a raw string).
    if start < quote && start > 0 && super::is_identifier_char(chars[start - 1]) {
        return quote;
    }
    start
}

/// The index just after the closing quote, or `None` if the string is still open at
/// the end (a one-line string also ends, unterminated, at a newline).
fn string_end(chars: &[char], from: usize, quote: char, triple: bool, raw: bool) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        let c = chars[j];
        if c == '\\' && !raw {
            j += 2;
            continue;
        }
        if c == '\\' && raw {
            // A raw string still cannot end with an odd backslash before its quote.
            j += 2;
            continue;
        }
        if c == '\n' && !triple {
            return Some(j);
        }
        if c == quote {
            if !triple {
                return Some(j + 1);
            }
            if chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote) {
                return Some(j + 3);
            }
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(text: &str) -> Scan {
        scan(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn open_strings() {
        assert_eq!(scan_str("open('da").string, Some(OpenString { start: 5, content_start: 6, bytes: false }));
        assert_eq!(scan_str("x = b\"k").string, Some(OpenString { start: 4, content_start: 6, bytes: true }));
        assert_eq!(scan_str("'a' + 'b'").string, None);
        assert_eq!(scan_str("'''a\nb").string.map(|s| s.content_start), Some(3));
        assert_eq!(scan_str("'it\\'s").string.map(|s| s.content_start), Some(1));
        assert_eq!(scan_str("# 'x").string, None);
        assert!(scan_str("# 'x").comment);
    }

    #[test]
    fn brackets() {
        assert_eq!(scan_str("f(a, [1, 2], g(").brackets, vec![('(', 1), ('(', 14)]);
        assert_eq!(scan_str("d['a']").brackets, vec![]);
        assert_eq!(scan_str("f('(', ").brackets, vec![('(', 1)]);
    }
}
