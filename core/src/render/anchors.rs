//! Where the `^` part of CPython 3.11's `~~^~~` marker goes, for a failing binary
//! operation or subscript (`extract_anchors_from_line` in traceback.c, which prints
//! uncaught exceptions; `traceback.py`'s twin differs around parentheses).
//!
//! CPython re-parses the failing expression's source segment with `ast.parse`; this
//! module parses it with a small precedence parser over [`super::pytokenize`] tokens,
//! which is enough to know whether the segment is a single expression whose root is a
//! `BinOp` or a `Subscript`, and where its operands end and start.

use super::pytokenize::{tokens_of, Kind, Token};

/// The root of a parsed expression and the positions the anchors need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, slice_end: usize },
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    start: usize,
    end: usize,
    shape: Shape,
}

struct Parser {
    toks: Vec<Token>,
    i: usize,
}

const COMPARISONS: [&str; 6] = ["<", ">", "==", ">=", "<=", "!="];
/// Binary operator levels, loosest first (`**` is handled apart: it binds tighter than
/// unary minus on its left and is right-associative).
const LEVELS: [&[&str]; 6] =
    [&["|"], &["^"], &["&"], &["<<", ">>"], &["+", "-"], &["*", "/", "//", "%", "@"]];

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.i)
    }
    fn peek_is(&self, text: &str) -> bool {
        self.peek().is_some_and(|t| t.text == text && matches!(t.kind, Kind::Op | Kind::Name))
    }
    fn bump(&mut self) -> Option<Token> {
        let t = self.toks.get(self.i).cloned();
        self.i += 1;
        t
    }
    fn expect(&mut self, text: &str) -> Option<Token> {
        self.peek_is(text).then(|| self.bump()).flatten()
    }

    fn expression(&mut self) -> Option<Node> {
        if self.peek_is("lambda") {
            let start = self.bump()?.start.1;
            while !self.peek_is(":") {
                self.bump()?;
            }
            self.bump();
            let body = self.expression()?;
            return Some(Node { start, end: body.end, shape: Shape::Other });
        }
        let test = self.logical(0)?;
        if self.peek_is("if") {
            self.bump();
            self.logical(0)?;
            self.expect("else")?;
            let orelse = self.expression()?;
            return Some(Node { start: test.start, end: orelse.end, shape: Shape::Other });
        }
        Some(test)
    }

    /// `or` (level 0), `and` (1), `not` (2), then comparisons.
    fn logical(&mut self, level: usize) -> Option<Node> {
        if level == 2 {
            if self.peek_is("not") {
                let start = self.bump()?.start.1;
                let operand = self.logical(2)?;
                return Some(Node { start, end: operand.end, shape: Shape::Other });
            }
            return self.comparison();
        }
        let word = if level == 0 { "or" } else { "and" };
        let mut node = self.logical(level + 1)?;
        while self.peek_is(word) {
            self.bump();
            let right = self.logical(level + 1)?;
            node = Node { start: node.start, end: right.end, shape: Shape::Other };
        }
        Some(node)
    }

    fn comparison(&mut self) -> Option<Node> {
        let mut node = self.binary(0)?;
        loop {
            let is_cmp =
                self.peek().is_some_and(|t| t.kind == Kind::Op && COMPARISONS.contains(&t.text.as_str()))
                    || self.peek_is("in")
                    || self.peek_is("is");
            let not_in = self.peek_is("not") && self.toks.get(self.i + 1).is_some_and(|t| t.text == "in");
            if !is_cmp && !not_in {
                return Some(node);
            }
            if not_in {
                self.bump();
            }
            if self.bump().is_some_and(|t| t.text == "is") && self.peek_is("not") {
                self.bump();
            }
            let right = self.binary(0)?;
            node = Node { start: node.start, end: right.end, shape: Shape::Other };
        }
    }

    fn binary(&mut self, level: usize) -> Option<Node> {
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut node = self.binary(level + 1)?;
        while self.peek().is_some_and(|t| t.kind == Kind::Op && LEVELS[level].contains(&t.text.as_str())) {
            self.bump();
            let right = self.binary(level + 1)?;
            let shape = Shape::BinOp { left_end: node.end, right_start: right.start };
            node = Node { start: node.start, end: right.end, shape };
        }
        Some(node)
    }

    fn factor(&mut self) -> Option<Node> {
        if self.peek().is_some_and(|t| t.kind == Kind::Op && matches!(t.text.as_str(), "+" | "-" | "~")) {
            let start = self.bump()?.start.1;
            let operand = self.factor()?;
            return Some(Node { start, end: operand.end, shape: Shape::Other });
        }
        let base = if self.peek_is("await") {
            let start = self.bump()?.start.1;
            let operand = self.primary()?;
            Node { start, end: operand.end, shape: Shape::Other }
        } else {
            self.primary()?
        };
        if self.peek_is("**") {
            self.bump();
            let exponent = self.factor()?;
            let shape = Shape::BinOp { left_end: base.end, right_start: exponent.start };
            return Some(Node { start: base.start, end: exponent.end, shape });
        }
        Some(base)
    }

    fn primary(&mut self) -> Option<Node> {
        let mut node = self.atom()?;
        loop {
            if self.peek_is(".") {
                self.bump();
                let name = self.bump().filter(|t| t.kind == Kind::Name)?;
                node = Node { start: node.start, end: name.end.1, shape: Shape::Other };
            } else if self.peek_is("(") {
                let close = self.skip_group()?;
                node = Node { start: node.start, end: close.end.1, shape: Shape::Other };
            } else if self.peek_is("[") {
                let open = self.i;
                let close = self.skip_group()?;
                if self.i - open < 3 {
                    return None; // `x[]`
                }
                let slice_end = self.toks.get(self.i - 2)?.end.1;
                let shape = Shape::Subscript { value_end: node.end, slice_end };
                node = Node { start: node.start, end: close.end.1, shape };
            } else {
                return Some(node);
            }
        }
    }

    /// Skips a bracketed group starting at the current `(`/`[`/`{`; returns its closer.
    fn skip_group(&mut self) -> Option<Token> {
        let mut depth = 0i32;
        loop {
            let t = self.bump()?;
            if t.kind == Kind::Op {
                match t.text.as_str() {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    _ => {}
                }
            }
            if depth == 0 {
                return Some(t);
            }
        }
    }

    fn atom(&mut self) -> Option<Node> {
        let t = self.peek()?.clone();
        match t.kind {
            Kind::Name if !is_keyword_operator(&t.text) => {
                self.bump();
                Some(Node { start: t.start.1, end: t.end.1, shape: Shape::Other })
            }
            Kind::Number => {
                self.bump();
                Some(Node { start: t.start.1, end: t.end.1, shape: Shape::Other })
            }
            Kind::String => {
                let mut end = t.end.1;
                while self.peek().is_some_and(|s| s.kind == Kind::String) {
                    end = self.bump()?.end.1;
                }
                Some(Node { start: t.start.1, end, shape: Shape::Other })
            }
            Kind::Op if t.text == "..." => {
                self.bump();
                Some(Node { start: t.start.1, end: t.end.1, shape: Shape::Other })
            }
            Kind::Op if t.text == "(" => self.parenthesized(),
            Kind::Op if t.text == "[" || t.text == "{" => {
                let close = self.skip_group()?;
                Some(Node { start: t.start.1, end: close.end.1, shape: Shape::Other })
            }
            _ => None,
        }
    }

    /// `( expr )` is the expression itself (positions without the parentheses);
    /// tuples, generator expressions, `()` and the like are whole nodes.
    fn parenthesized(&mut self) -> Option<Node> {
        let open = self.i;
        let close = self.skip_group()?;
        let close_index = self.i - 1;
        let inner: Vec<Token> = self.toks[open + 1..close_index].to_vec();
        let whole = Node { start: self.toks[open].start.1, end: close.end.1, shape: Shape::Other };
        if inner.is_empty() {
            return Some(whole);
        }
        let mut sub = Parser { toks: inner, i: 0 };
        match sub.expression() {
            Some(node) if sub.i == sub.toks.len() => Some(node),
            _ => Some(whole),
        }
    }
}

fn is_keyword_operator(word: &str) -> bool {
    matches!(word, "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for" | "lambda" | "await" | "yield")
}

/// The (left, right) character offsets in `segment` of the `^` part of CPython's
/// marker, or `None` when the segment is not a single binary operation or subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let toks: Vec<Token> = tokens_of(segment)
        .ok()?
        .into_iter()
        .filter(|t| !matches!(t.kind, Kind::Nl | Kind::Comment | Kind::Indent | Kind::Dedent))
        .collect();
    if toks.iter().any(|t| t.start.0 != 1 && t.kind != Kind::EndMarker) {
        return None;
    }
    let mut parser = Parser { toks, i: 0 };
    let node = parser.expression()?;
    let rest_is_end =
        parser.toks[parser.i..].iter().all(|t| matches!(t.kind, Kind::Newline | Kind::EndMarker));
    if !rest_is_end {
        return None;
    }
    let chars: Vec<char> = segment.chars().collect();
    match node.shape {
        Shape::BinOp { left_end, right_start } => {
            // The first non-blank character after the left operand, skipping the
            // closing parentheses around it (traceback.c's loop, which differs from
            // traceback.py's when parentheses are involved).
            let blank = |i: usize| matches!(chars.get(i), Some(' ' | '\t' | '\x0c'));
            let mut anchors = None;
            for (i, &c) in chars.iter().enumerate().take(right_start).skip(left_end) {
                if blank(i) {
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < right_start && !blank(i + 1) {
                    right += 1;
                }
                anchors = Some((i, right));
                if i + 1 < right_start && c == ')' {
                    continue;
                }
                break;
            }
            anchors
        }
        Shape::Subscript { value_end, slice_end } => {
            let mut left = value_end;
            let mut right = slice_end + 1;
            while left < chars.len() && chars[left] != '[' {
                left += 1;
            }
            while right < chars.len() && chars[right] != ']' {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        Shape::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operations_and_subscripts() {
        assert_eq!(caret_anchors("1/0"), Some((1, 2)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("(a) + b"), Some((4, 5)));
        assert_eq!(caret_anchors("(a) // (a - a)"), Some((4, 6)));
        assert_eq!(caret_anchors("((1)) / (a)"), Some((6, 7)));
        assert_eq!(caret_anchors("a + b * c"), Some((2, 3)));
        assert_eq!(caret_anchors("-x ** 2"), None);
        assert_eq!(caret_anchors("x ** 2"), Some((2, 4)));
        assert_eq!(caret_anchors("{}['k']"), Some((2, 7)));
        assert_eq!(caret_anchors("d[ 1 ]"), Some((1, 6)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a < b"), None);
        assert_eq!(caret_anchors("x = 1/0"), None);
    }
}
