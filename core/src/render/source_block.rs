//! Which source lines IPython lists for a frame: `inspect.getsourcelines(frame)` as
//! CPython 3.11 computes it over the cell's cached lines.
//!
//! A cell-level frame gets the whole cell. A function frame (def, lambda, comprehension,
//! generator expression) gets `getblock(lines[lnum:])`, where `lnum` is found by walking
//! up from the code's first line (`co_firstlineno`) to the nearest line that looks like
//! a `def`, a `lambda` or a decorator (`inspect.findsource`). For a comprehension at
//! cell level that walk ends at line 1 and the block is one line long: IPython then
//! shows the cell's first line numbered as the comprehension's line. That is what the
//! oracle shows, so that is what this module computes.

use super::pytokenize::{py_isspace, tokenize, Flow, Kind};

/// The placeholder IPython lists when `inspect` cannot get a frame's source.
pub const NO_SOURCE: &str = "'Could not get source, probably due dynamically evaluated source code.'";

/// Splits a cell as IPython caches it for `linecache`: `str.splitlines()`, each line
/// given a `"\n"`.
pub fn cached_lines(source: &str) -> Vec<String> {
    py_splitlines(source).into_iter().map(|l| format!("{l}\n")).collect()
}

/// Python's `str.splitlines()` (without the line ends).
fn py_splitlines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        out.push(&text[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = iter.peek() {
                iter.next();
                next = j + 1;
            }
        }
        start = next;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The pattern `inspect.findsource` walks up to:
/// `^(\s*def\s)|(\s*async\s+def\s)|(.*(?<!\w)lambda(:|\s))|^(\s*@)`, matched at the
/// line's start.
fn looks_like_definition(line: &str) -> bool {
    let rest = line.trim_start_matches(py_isspace);
    let after_def = |s: &str| s.strip_prefix("def").and_then(|r| r.chars().next()).is_some_and(py_isspace);
    if after_def(rest) || rest.starts_with('@') {
        return true;
    }
    if let Some(r) = rest.strip_prefix("async") {
        let r2 = r.trim_start_matches(py_isspace);
        if r2.len() < r.len() && after_def(r2) {
            return true;
        }
    }
    line.match_indices("lambda").any(|(i, _)| {
        let before_ok = line[..i].chars().next_back().is_none_or(|c| !(c == '_' || c.is_alphanumeric()));
        let after = line[i + "lambda".len()..].chars().next();
        before_ok && after.is_some_and(|c| c == ':' || py_isspace(c))
    })
}

/// `inspect.BlockFinder`: how many lines of `lines` make the block at their top.
fn block_length(lines: &[String]) -> usize {
    #[derive(Default)]
    struct Finder {
        indent: i64,
        islambda: bool,
        started: bool,
        passline: bool,
        indecorator: bool,
        last: usize,
        body_col0: Option<usize>,
    }
    let mut f = Finder { last: 1, ..Finder::default() };
    // Tokenizer errors: IndentationError ends the block like EndOfBlock; a TokenError
    // would make IPython's formatting fail altogether — keep what was found so far.
    let _ = tokenize(lines.iter().map(String::as_str), &mut |tok| {
        if !f.started && !f.indecorator {
            if tok.text == "@" {
                f.indecorator = true;
            } else if matches!(tok.text.as_str(), "def" | "class" | "lambda") {
                if tok.text == "lambda" {
                    f.islambda = true;
                }
                f.started = true;
            }
            f.passline = true;
        } else if tok.kind == Kind::Newline {
            f.passline = false;
            f.last = tok.start.0;
            if f.islambda {
                return Flow::Stop;
            }
            if f.indecorator {
                f.indecorator = false;
            }
        } else if f.passline {
        } else if tok.kind == Kind::Indent {
            if f.body_col0.is_none() && f.started {
                f.body_col0 = Some(tok.end.1);
            }
            f.indent += 1;
            f.passline = true;
        } else if tok.kind == Kind::Dedent {
            f.indent -= 1;
            if f.indent <= 0 {
                return Flow::Stop;
            }
        } else if tok.kind == Kind::Comment {
            if f.body_col0.is_some_and(|c| tok.start.1 >= c) {
                f.last = tok.start.0;
            }
        } else if f.indent == 0 && !matches!(tok.kind, Kind::Comment | Kind::Nl) {
            return Flow::Stop;
        }
        Flow::Continue
    });
    f.last
}

/// The lines IPython lists for a function frame whose code starts at `first_line`
/// (`co_firstlineno`, 1-based) in a cell of `lines`; `None` when `inspect` would fail
/// (the line is past the cell's end).
pub fn function_block(lines: &[String], first_line: u32) -> Option<Vec<String>> {
    if lines.is_empty() {
        return None;
    }
    let mut lnum = (first_line as usize).saturating_sub(1);
    while lnum > 0 {
        let line = lines.get(lnum)?;
        if looks_like_definition(line) {
            break;
        }
        lnum -= 1;
    }
    let rest = lines.get(lnum..)?;
    let n = block_length(rest).min(rest.len());
    Some(rest[..n].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_like_python() {
        assert_eq!(py_splitlines("a\nb\r\nc\rd\n"), vec!["a", "b", "c", "d"]);
        assert_eq!(py_splitlines("a\n\nb"), vec!["a", "", "b"]);
        assert_eq!(cached_lines("x\n"), vec!["x\n"]);
    }

    #[test]
    fn definitions_are_recognised() {
        assert!(looks_like_definition("def f(x):\n"));
        assert!(looks_like_definition("    async  def f():\n"));
        assert!(looks_like_definition("@shout\n"));
        assert!(looks_like_definition("g = lambda x: 1\n"));
        assert!(looks_like_definition("key=lambda: 1\n"));
        assert!(!looks_like_definition("my_lambda: 1\n"));
        assert!(!looks_like_definition("define(x)\n"));
    }

    #[test]
    fn blocks_end_where_inspect_ends_them() {
        let lines = cached_lines("x = 1\n@deco\ndef f(a):\n    return a\n    # tail\n\ny = f(2)\n");
        assert_eq!(function_block(&lines, 2).map(|b| b.len()), Some(4));
        let lines = cached_lines("g = lambda v: (v,\n   1)\nz = 2\n");
        assert_eq!(function_block(&lines, 1).map(|b| b.len()), Some(2));
        // A comprehension at cell level: the walk stops at line 1, one line long.
        let lines = cached_lines("a = 1\nb = [x for x in a]\n");
        assert_eq!(function_block(&lines, 2), Some(vec!["a = 1\n".to_string()]));
        assert_eq!(function_block(&lines, 9), None);
    }
}
