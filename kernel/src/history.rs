//! The kernel's own input history, answering `history_request` as IPython's history
//! manager does: `tail`, `range` and glob `search` (with `n` and `unique`).
//!
//! History lives as long as the kernel process; it is this process's one session,
//! numbered [`SESSION_NUMBER`].

use serde_json::{json, Value};

use crate::messages::HistoryRequest;

/// The session number the entries carry.
pub const SESSION_NUMBER: i64 = 1;

/// How many entries `tail` returns when the request gives no `n`.
const DEFAULT_TAIL: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    line: u64,
    input: String,
    output: Option<String>,
}

/// Stored cells, oldest first.
#[derive(Debug, Default)]
pub struct History {
    entries: Vec<Entry>,
}

impl History {
    /// Records a stored cell under its execution count, with its Out text if any.
    pub fn record(&mut self, line: u64, input: &str, output: Option<String>) {
        self.entries.push(Entry { line, input: input.to_string(), output });
    }

    /// Answers a history request (an unknown access type answers nothing).
    pub fn answer(&self, request: &HistoryRequest) -> Vec<Value> {
        let output = request.output.unwrap_or(false);
        let picked: Vec<&Entry> = match request.hist_access_type.as_deref() {
            Some("tail") => {
                let n = request.n.map_or(DEFAULT_TAIL, |n| n.max(0) as usize);
                last(self.entries.iter().collect(), n)
            }
            Some("range") => self.range(request.session.unwrap_or(0), request.start, request.stop),
            Some("search") => self.search(
                request.pattern.as_deref().unwrap_or("*"),
                request.n.map(|n| n.max(0) as usize),
                request.unique.unwrap_or(false),
            ),
            _ => Vec::new(),
        };
        picked.into_iter().map(|e| entry_json(e, output)).collect()
    }

    fn range(&self, session: i64, start: Option<i64>, stop: Option<i64>) -> Vec<&Entry> {
        // 0 is the current session, negative numbers count back (there is no earlier
        // session in this process).
        if session != 0 && session != SESSION_NUMBER {
            return Vec::new();
        }
        let start = start.unwrap_or(1);
        self.entries
            .iter()
            .filter(|e| (e.line as i64) >= start && stop.is_none_or(|stop| (e.line as i64) < stop))
            .collect()
    }

    fn search(&self, pattern: &str, n: Option<usize>, unique: bool) -> Vec<&Entry> {
        let pattern: Vec<char> = pattern.chars().collect();
        let mut found: Vec<&Entry> = self.entries.iter().filter(|e| glob(&pattern, &e.input)).collect();
        if unique {
            // The latest entry of each distinct input, in history order.
            let mut keep = Vec::with_capacity(found.len());
            for (i, e) in found.iter().enumerate() {
                if !found[i + 1..].iter().any(|later| later.input == e.input) {
                    keep.push(*e);
                }
            }
            found = keep;
        }
        match n {
            Some(n) => last(found, n),
            None => found,
        }
    }
}

fn last(entries: Vec<&Entry>, n: usize) -> Vec<&Entry> {
    let skip = entries.len().saturating_sub(n);
    entries.into_iter().skip(skip).collect()
}

fn entry_json(e: &Entry, output: bool) -> Value {
    if output {
        json!([SESSION_NUMBER, e.line, [e.input, e.output]])
    } else {
        json!([SESSION_NUMBER, e.line, e.input])
    }
}

/// SQLite's GLOB (what IPython's history search uses): `*`, `?`, `[abc]`, `[a-z]`,
/// `[^abc]`; case-sensitive; the whole text must match.
pub fn glob(pattern: &[char], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0usize, 0usize);
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == '*' {
            backtrack = Some((p, t));
            p += 1;
            continue;
        }
        if p < pattern.len() {
            if let Some(next) = match_one(pattern, p, text[t]) {
                p = next;
                t += 1;
                continue;
            }
        }
        match backtrack {
            Some((star, at)) => {
                p = star + 1;
                t = at + 1;
                backtrack = Some((star, at + 1));
            }
            None => return false,
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Matches `c` against the pattern item at `p` (not `*`); the index after the item.
fn match_one(pattern: &[char], p: usize, c: char) -> Option<usize> {
    match pattern[p] {
        '?' => Some(p + 1),
        '[' => {
            let mut i = p + 1;
            let negate = pattern.get(i) == Some(&'^');
            if negate {
                i += 1;
            }
            let mut matched = false;
            let mut first = true;
            while i < pattern.len() && (first || pattern[i] != ']') {
                first = false;
                if i + 2 < pattern.len() && pattern[i + 1] == '-' && pattern[i + 2] != ']' {
                    matched |= pattern[i] <= c && c <= pattern[i + 2];
                    i += 3;
                } else {
                    matched |= pattern[i] == c;
                    i += 1;
                }
            }
            if i >= pattern.len() {
                // No closing bracket: a literal '['.
                return (c == '[').then_some(p + 1);
            }
            (matched != negate).then_some(i + 1)
        }
        other => (other == c).then_some(p + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(p: &str, t: &str) -> bool {
        glob(&p.chars().collect::<Vec<_>>(), t)
    }

    #[test]
    fn glob_is_sqlite_glob() {
        assert!(g("1?2*", "1+2+3"));
        assert!(!g("1?2*", "x1+2"));
        assert!(g("*", ""));
        assert!(g("a*b*c", "aXXbYYc"));
        assert!(!g("a*b*c", "aXXbYY"));
        assert!(g("[a-c]x", "bx"));
        assert!(!g("[^a-c]x", "bx"));
        assert!(g("[]]", "]"));
        assert!(g("[", "["));
        assert!(!g("A*", "a1"), "case-sensitive");
    }

    fn history() -> History {
        let mut h = History::default();
        h.record(1, "1+2+3", Some("6".into()));
        h.record(2, "x = 1", None);
        h.record(3, "1+2+3", Some("6".into()));
        h.record(4, "print(x)", None);
        h
    }

    fn req(json: serde_json::Value) -> HistoryRequest {
        serde_json::from_value(json).expect("request")
    }

    #[test]
    fn tail_returns_the_last_n() {
        let h = history();
        let r = h.answer(&req(json!({"hist_access_type": "tail", "n": 2, "output": false, "raw": true})));
        assert_eq!(r, vec![json!([1, 3, "1+2+3"]), json!([1, 4, "print(x)"])]);
        let r = h.answer(&req(json!({"hist_access_type": "tail", "n": 1, "output": true, "raw": true})));
        assert_eq!(r, vec![json!([1, 4, ["print(x)", null]])]);
    }

    #[test]
    fn range_without_stop_runs_to_the_end() {
        let h = history();
        let r = h.answer(&req(json!({"hist_access_type": "range", "session": 1, "start": 3})));
        assert_eq!(r.len(), 2);
        let r = h.answer(&req(json!({"hist_access_type": "range", "session": 0, "start": 2, "stop": 3})));
        assert_eq!(r, vec![json!([1, 2, "x = 1"])]);
        assert!(h.answer(&req(json!({"hist_access_type": "range", "session": -1}))).is_empty());
    }

    #[test]
    fn search_with_n_and_unique() {
        let h = history();
        let all = h.answer(&req(json!({"hist_access_type": "search", "pattern": "1?2*"})));
        assert_eq!(all.len(), 2);
        let unique = h.answer(&req(json!({"hist_access_type": "search", "pattern": "1?2*", "unique": true})));
        assert_eq!(unique, vec![json!([1, 3, "1+2+3"])]);
        let one = h.answer(&req(json!({"hist_access_type": "search", "pattern": "*", "n": 1})));
        assert_eq!(one, vec![json!([1, 4, "print(x)"])]);
    }
}
