//! `is_complete`: IPython 9's `TransformerManager.check_complete`, decided by the
//! lexer and the parser (not by counting brackets), quirks included: a compound
//! statement stays open until a line ends the cell with a newline, an unterminated
//! triple-quoted string or open bracket asks for more, a `%%magic` cell ends at a
//! blank line, and anything CPython's `compile` rejects is invalid.

use super::ipython::{cleanup_lines, normalize_newlines};
use super::lexer::tokenize;
use super::parser::Parser;
use super::source::SourceText;
use super::token::{Op, TokenKind};
use crate::session::Completeness;

/// IPython's `find_last_indent`: the last line's leading whitespace (tabs count 4).
fn last_indent(lines: &[String]) -> usize {
    let Some(last) = lines.last() else { return 0 };
    last.chars().take_while(|&c| c == ' ' || c == '\t').map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

fn incomplete(spaces: usize) -> Completeness {
    Completeness::Incomplete { indent: " ".repeat(spaces) }
}

/// Whether a cell is ready to run, as IPython's `check_complete` answers
/// (`Incomplete` carries the indentation IPython offers for the next line).
pub fn is_complete(source: &str) -> Completeness {
    super::on_big_stack(|| check_complete(source))
}

fn check_complete(source: &str) -> Completeness {
    let mut cell = normalize_newlines(source);
    let mut ends_with_newline = false;
    for c in cell.chars().rev() {
        if c == '\n' {
            ends_with_newline = true;
            break;
        }
        if !c.is_whitespace() {
            break;
        }
    }
    if !ends_with_newline {
        cell.push('\n');
    }
    let lines: Vec<String> = cell.split_inclusive('\n').map(str::to_string).collect();
    if lines.is_empty() {
        return Completeness::Complete;
    }
    for line in lines.iter().rev() {
        if line.trim().is_empty() {
            continue;
        }
        if line.trim_matches('\n').ends_with('\\') {
            return incomplete(last_indent(&lines));
        }
        break;
    }
    let lines = cleanup_lines(lines);
    let Some(first) = lines.first() else { return Completeness::Complete };
    if first.starts_with("%%") {
        let last_blank = lines.last().map(|l| l.trim().is_empty()).unwrap_or(true);
        return if last_blank { Completeness::Complete } else { incomplete(last_indent(&lines)) };
    }
    let text = lines.concat();
    let source = SourceText::new(text);
    let tokens = tokenize(&source, true);

    // The tokenizer ran out of input inside brackets or a triple-quoted string.
    if let Some(TokenKind::Error(e)) = tokens.last().map(|t| &t.kind) {
        if e.msg.ends_with("was never closed") || e.msg.starts_with("unterminated triple-quoted string") {
            return incomplete(last_indent(&lines));
        }
        // Python's pure tokenizer lets the bracket level go negative and then
        // reports "EOF in multi-line statement", which IPython reads as incomplete.
        if e.msg.starts_with("unmatched") && lines.len() > 1 && bracket_balance(source.text()) != 0 {
            return incomplete(last_indent(&lines));
        }
        return Completeness::Invalid;
    }

    // The last physical line: blank or comment-only lines are their own "line" for
    // IPython's token grouping; otherwise look at the last logical line's last token.
    let last_line = lines.last().map(|l| l.trim()).unwrap_or("");
    let code_last = !(last_line.is_empty() || last_line.starts_with('#'));
    if code_last {
        let newline_idx = tokens.iter().rposition(|t| matches!(t.kind, TokenKind::Newline));
        if let Some(nl) = newline_idx {
            if nl > 0 && tokens[nl - 1].is_op(Op::Colon) {
                // Indentation of the logical line's first token.
                let prev_nl = tokens[..nl].iter().rposition(|t| matches!(t.kind, TokenKind::Newline));
                let first_tok = tokens[prev_nl.map(|p| p + 1).unwrap_or(0)..nl]
                    .iter()
                    .find(|t| !matches!(t.kind, TokenKind::Indent | TokenKind::Dedent));
                let col = first_tok.map(|t| t.start.col as usize).unwrap_or(0);
                return incomplete(col + 4);
            }
        }
    }

    // codeop.compile_command: only blank lines and comments compile as `pass`.
    let only_comments = lines.iter().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    });
    let ends_in_block = {
        // The tokenizer closes indented blocks at the end: trailing DEDENTs.
        let n = tokens.len();
        n >= 2 && matches!(tokens[n - 2].kind, TokenKind::Dedent)
    };
    if !only_comments {
        let eof_index = tokens.iter().rposition(|t| matches!(t.kind, TokenKind::Newline)).map(|i| i + 1).unwrap_or(0);
        let parser = Parser::new(tokens, &source);
        let (result, furthest) = parser.parse_module_with_furthest();
        match result {
            Err(_) => {
                if furthest >= eof_index {
                    return incomplete(last_indent(&lines));
                }
                return Completeness::Invalid;
            }
            Ok(module) => {
                if super::check::compile_check(&module.body, &source).is_err()
                    || super::warnings::has_syntax_warning(&module)
                {
                    return Completeness::Invalid;
                }
            }
        }
    }
    if ends_in_block {
        return if ends_with_newline { Completeness::Complete } else { incomplete(last_indent(&lines)) };
    }
    Completeness::Complete
}

/// Opening minus closing brackets outside strings and comments (Python's pure
/// tokenizer's `parenlev` at the end).
fn bracket_balance(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let mut level = 0i64;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' | '"' => {
                let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                let mut j = i + q;
                while j < chars.len() {
                    if chars[j] == '\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && chars[j] == '\n' {
                        break;
                    }
                    if chars[j] == c && (!triple || (j + 2 < chars.len() && chars[j + 1] == c && chars[j + 2] == c)) {
                        j += q;
                        break;
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            '(' | '[' | '{' => level += 1,
            ')' | ']' | '}' => level -= 1,
            _ => {}
        }
        i += 1;
    }
    level
}
