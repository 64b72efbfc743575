//! The parser never panics or overflows its stack, whatever the input: random text,
//! mutated valid programs, and pathologically deep nesting. Also a size sanity run
//! (no timing assertions).

use h5lab_core::syntax::{is_complete, parse_cell, SyntaxErrorKind};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: Some(Box::new(FileFailurePersistence::Off)), ..Config::default() }
}

/// Characters that exercise every lexer path.
const ALPHABET: &[char] = &[
    'a', 'b', 'x', '_', '1', '0', '9', 'e', 'j', 'f', 'r', 'b', 'u', ' ', ' ', '\t', '\n', '\n', '\\', '\'', '"', '#',
    '(', ')', '[', ']', '{', '}', ':', ';', ',', '.', '=', '+', '-', '*', '/', '%', '@', '<', '>', '!', '?', '$', '&',
    '|', '^', '~', 'é', '…', '\u{a0}', '\r', '\x0c', '\0',
];

const WORDS: &[&str] = &[
    "if ",
    "else",
    "elif ",
    "for ",
    " in ",
    "while ",
    "def ",
    "class ",
    "return",
    "lambda",
    "yield",
    "not ",
    " and ",
    " or ",
    "try:",
    "except",
    "finally:",
    "with ",
    " as ",
    "import ",
    "from ",
    "global ",
    "nonlocal ",
    "await ",
    "async ",
    "del ",
    "pass",
    "print ",
    "f'{",
    "}'",
    "'''",
    "\"\"\"",
    "0x",
    "0o",
    "1e",
    "1_0",
    "**",
    "//",
    ":=",
    "->",
    "...",
    "!ls ",
    "%time ",
    "%%bash\n",
    "x?",
    "??",
    "\n    ",
    "\n        ",
    "\n  ",
    ">>> ",
    "In [1]: ",
];

fn arb_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(ALPHABET).prop_map(|c| c.to_string()),
        proptest::sample::select(WORDS).prop_map(|w| w.to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn valid_programs() -> Vec<String> {
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("golden/syntax_cases.json")).expect("json");
    cases.iter().filter_map(|c| c["src"].as_str().map(str::to_string)).collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Insert(usize, char),
    Duplicate(usize, usize),
}

fn mutate(src: &str, muts: &[Mutation]) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for m in muts {
        let n = chars.len().max(1);
        match *m {
            Mutation::Delete(i) => {
                if !chars.is_empty() {
                    chars.remove(i % n);
                }
            }
            Mutation::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Mutation::Duplicate(i, len) => {
                if !chars.is_empty() {
                    let start = i % n;
                    let end = (start + len).min(chars.len());
                    let piece: Vec<char> = chars[start..end].to_vec();
                    let at = end;
                    for (k, c) in piece.into_iter().enumerate() {
                        chars.insert(at + k, c);
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), proptest::sample::select(ALPHABET)).prop_map(|(i, c)| Mutation::Insert(i, c)),
        (any::<usize>(), 1usize..12).prop_map(|(i, l)| Mutation::Duplicate(i, l)),
    ]
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn random_text_never_panics(src in arb_text()) {
        let _ = parse_cell(&src);
        let _ = is_complete(&src);
    }
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn mutated_programs_never_panic(index in any::<proptest::sample::Index>(), muts in proptest::collection::vec(arb_mutation(), 1..6)) {
        let programs = valid_programs();
        let src = mutate(index.get::<String>(&programs), &muts);
        let _ = parse_cell(&src);
        let _ = is_complete(&src);
    }
}

fn recursion_error(src: &str) {
    match parse_cell(src) {
        Err(e) => assert_eq!(e.kind, SyntaxErrorKind::RecursionError, "{}", e.msg),
        Ok(_) => panic!("deep nesting accepted"),
    }
}

#[test]
fn deep_parentheses_are_cpythons_error() {
    let e = parse_cell(&"(".repeat(10000)).unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!((e.lineno, e.offset, e.end_offset), (1, 201, 201));
    assert!(parse_cell(&format!("{}1{}", "(".repeat(199), ")".repeat(199))).is_ok());
    let e = parse_cell(&"[".repeat(200)).unwrap_err();
    assert_eq!(e.msg, "'[' was never closed");
}

#[test]
fn deep_expressions_without_parentheses_do_not_overflow() {
    recursion_error(&format!("{}1", "-".repeat(100_000)));
    recursion_error(&format!("{}x", "not ".repeat(100_000)));
    recursion_error(&format!("{}x", "lambda: ".repeat(100_000)));
    recursion_error(&format!("{}z", "x if y else ".repeat(100_000)));
    recursion_error(&format!("{}2", "2**".repeat(100_000)));
    recursion_error(&format!("{}1", "1+".repeat(100_000)));
    recursion_error(&format!("a{}", ".b".repeat(100_000)));
    recursion_error(&format!("f{}", "()".repeat(100_000)));
    recursion_error(&format!("x{}", "[0]".repeat(100_000)));
    recursion_error(
        &format!("{}1{}", "-(".repeat(150), ")".repeat(150)).repeat(1).replace("1", &format!("{}1", "-".repeat(5000))),
    );
    // Moderate nesting is fine.
    assert!(parse_cell(&format!("{}1", "-".repeat(500))).is_ok());
    assert!(parse_cell(&format!("{}1", "1+".repeat(500))).is_ok());
    assert!(parse_cell(&format!("a{}", ".b".repeat(500))).is_ok());
}

#[test]
fn deep_indentation_is_cpythons_error() {
    let mut src = String::new();
    for i in 0..120 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(120));
    src.push_str("pass\n");
    let e = parse_cell(&src).unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.lineno, 101);
}

#[test]
fn deep_is_complete_does_not_overflow() {
    let _ = is_complete(&format!("{}1", "-".repeat(100_000)));
    let _ = is_complete(&"(".repeat(100_000));
    let _ = is_complete(&format!("{}x", "not ".repeat(50_000)));
}

#[test]
fn a_long_generated_cell_parses() {
    let mut src = String::new();
    for i in 0..5000 {
        match i % 5 {
            0 => src.push_str(&format!("x{} = [{}, {} * 2, 'abc', f'{{x{}}}']\n", i, i, i, i)),
            1 => src.push_str(&format!("def f{}(a, b=1, *c, **d):\n    return a + b\n", i)),
            2 => src.push_str(&format!("if x{} > 3:\n    y = {{'k': x{}}}\nelse:\n    y = None\n", i - 2, i - 2)),
            3 => src.push_str(&format!("for k in range({}):\n    print(k, end='')\n", i)),
            _ => src.push_str(&format!("dset{} = f['/group/{}'][...]\n", i, i)),
        }
    }
    let start = std::time::Instant::now();
    let module = parse_cell(&src).expect("parses");
    let first = start.elapsed();
    assert_eq!(module.body.len(), 5000);
    let doubled = src.repeat(2);
    let start = std::time::Instant::now();
    let module = parse_cell(&doubled).expect("parses");
    let second = start.elapsed();
    assert_eq!(module.body.len(), 10000);
    // Informational only: the ratio should be about 2 (linear).
    eprintln!("5000-statement cell: {:?}; 10000: {:?}", first, second);
}

#[test]
fn deepest_accepted_nesting_parses() {
    let n = 900;
    assert!(parse_cell(&format!("{}x", "lambda: ".repeat(n))).is_ok());
    assert!(parse_cell(&format!("{}x", "not ".repeat(n))).is_ok());
    assert!(parse_cell(&format!("{}z", "x if y else ".repeat(n))).is_ok());
    assert!(parse_cell(&format!("{}1{}", "[-(".repeat(66), ")]".repeat(66))).is_ok());
    assert!(parse_cell(&format!("{}1{}", "f(".repeat(199), ")".repeat(199))).is_ok());
    assert!(parse_cell(&format!("{}1{}", "{'a': [".repeat(99), "]}".repeat(99))).is_ok());
}
