//! IPython's line forms and cell cleanups, checked against hand-written trees that
//! follow what IPython 9's `TransformerManager.transform_cell` makes of each cell.

mod syntax_support;

use h5lab_core::syntax::ast::*;
use h5lab_core::syntax::{cleaned_source, parse_cell, parse_cell_syntax, var_expand_parts, SyntaxErrorKind};

fn body(src: &str) -> Vec<StmtKind> {
    match parse_cell(src) {
        Ok(m) => m.body.into_iter().map(|s| s.kind).collect(),
        Err(e) => panic!("{:?} failed to parse: {:?}", src, e),
    }
}

fn only(src: &str) -> StmtKind {
    let mut b = body(src);
    assert_eq!(b.len(), 1, "{:?} gave {:?}", src, b);
    b.remove(0)
}

fn lit(s: &str) -> ShellPart {
    ShellPart::Literal(s.to_string())
}

fn shell(src: &str) -> ShellCommand {
    match only(src) {
        StmtKind::Shell(c) => c,
        other => panic!("{:?} is not a shell line: {:?}", src, other),
    }
}

fn name_of(e: &Expr) -> &str {
    match &e.kind {
        ExprKind::Name(n) => n,
        other => panic!("not a name: {:?}", other),
    }
}

#[test]
fn shell_line_keeps_command_text_after_bang() {
    let c = shell("!ls -la");
    assert_eq!(c.raw, "ls -la");
    assert!(!c.capture);
    assert_eq!(c.parts, vec![lit("ls -la")]);
    // Leading space kept, trailing whitespace dropped (IPython: system(' ls')).
    assert_eq!(shell("! ls  ").raw, " ls");
}

#[test]
fn double_bang_captures_output() {
    let c = shell("!!ls");
    assert!(c.capture);
    assert_eq!(c.raw, "ls");
}

#[test]
fn shell_line_continues_over_backslashes() {
    assert_eq!(shell("!echo a \\\n  b").raw, "echo a    b");
}

#[test]
fn shell_interpolation_pieces_follow_var_expand() {
    let c = shell("!echo $x {y+1} $$HOME");
    assert_eq!(c.parts.len(), 5, "{:?}", c.parts);
    assert_eq!(c.parts[0], lit("echo "));
    match &c.parts[1] {
        ShellPart::Interpolated { expr, raw } => {
            assert_eq!(raw, "$x");
            assert_eq!(name_of(expr), "x");
        }
        other => panic!("{:?}", other),
    }
    assert_eq!(c.parts[2], lit(" "));
    match &c.parts[3] {
        ShellPart::Interpolated { expr, raw } => {
            assert_eq!(raw, "{y+1}");
            assert!(matches!(expr.kind, ExprKind::BinOp { op: BinOp::Add, .. }));
        }
        other => panic!("{:?}", other),
    }
    assert_eq!(c.parts[4], lit(" $HOME"));
}

#[test]
fn shell_dollar_inside_single_quotes_is_literal() {
    assert_eq!(var_expand_parts("echo '$x'"), vec![lit("echo '$x'")]);
}

#[test]
fn malformed_interpolation_leaves_the_command_alone() {
    // `{}` does not evaluate and a lone `}` is a format error: IPython runs the
    // command unchanged.
    assert_eq!(var_expand_parts("find . -exec rm {} ;"), vec![lit("find . -exec rm {} ;")]);
    assert_eq!(var_expand_parts("echo }"), vec![lit("echo }")]);
    assert_eq!(var_expand_parts("echo {{x}}"), vec![lit("echo {x}")]);
}

#[test]
fn interpolation_conversion_becomes_a_call() {
    let parts = var_expand_parts("echo {x!r}");
    match &parts[1] {
        ShellPart::Interpolated { expr, .. } => match &expr.kind {
            ExprKind::Call { func, .. } => assert_eq!(name_of(func), "repr"),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
}

#[test]
fn shell_assignment_captures_output() {
    match only("x = !ls -l") {
        StmtKind::Assign { targets, value } => {
            assert_eq!(name_of(&targets[0]), "x");
            match value.kind {
                ExprKind::Shell(c) => {
                    assert_eq!(c.raw, "ls -l");
                    assert!(c.capture);
                }
                other => panic!("{:?}", other),
            }
        }
        other => panic!("{:?}", other),
    }
    match only("x = ! ls") {
        StmtKind::Assign { value, .. } => assert!(matches!(value.kind, ExprKind::Shell(ref c) if c.raw == " ls")),
        other => panic!("{:?}", other),
    }
}

#[test]
fn augmented_shell_assignment_is_not_transformed() {
    let e = parse_cell("x += !ls").unwrap_err();
    assert_eq!(e.msg, "invalid syntax");
    assert_eq!((e.lineno, e.offset), (1, 6));
}

#[test]
fn shell_assignment_to_call_is_cpythons_error() {
    let e = parse_cell("print(x) = !ls").unwrap_err();
    assert_eq!(e.msg, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
}

#[test]
fn line_magic_splits_name_and_args() {
    match only("%time x = 1") {
        StmtKind::Magic(m) => {
            assert_eq!(m.name, "time");
            assert_eq!(m.args, "x = 1");
        }
        other => panic!("{:?}", other),
    }
    match only("%magic arg  ") {
        StmtKind::Magic(m) => assert_eq!((m.name.as_str(), m.args.as_str()), ("magic", "arg")),
        other => panic!("{:?}", other),
    }
}

#[test]
fn magic_assignment() {
    match only("x = %time 1") {
        StmtKind::Assign { value, .. } => match value.kind {
            ExprKind::Magic(m) => assert_eq!((m.name.as_str(), m.args.as_str()), ("time", "1")),
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
}

#[test]
fn cell_magic_takes_the_whole_cell() {
    match only("%%writefile f.txt\nabc") {
        StmtKind::CellMagic { name, line, body } => {
            assert_eq!(name, "writefile");
            assert_eq!(line, "f.txt");
            assert_eq!(body, "abc\n");
        }
        other => panic!("{:?}", other),
    }
    match only("%%bash") {
        StmtKind::CellMagic { name, line, body } => {
            assert_eq!((name.as_str(), line.as_str(), body.as_str()), ("bash", "", ""))
        }
        other => panic!("{:?}", other),
    }
    // Not a Python error even though the body is not Python.
    assert!(parse_cell("%%bash\nif [ -f x ]; then echo )( ; fi").is_ok());
}

fn help(src: &str) -> (String, u8) {
    match only(src) {
        StmtKind::Help { target, detail } => (target, detail),
        other => panic!("{:?} is not help: {:?}", src, other),
    }
}

#[test]
fn help_forms() {
    assert_eq!(help("x?"), ("x".into(), 1));
    assert_eq!(help("x.y??"), ("x.y".into(), 2));
    assert_eq!(help("a[0]?"), ("a[0]".into(), 1));
    assert_eq!(help("?x"), ("x".into(), 1));
    assert_eq!(help("??x"), ("x".into(), 2));
    assert_eq!(help("%time?"), ("%time".into(), 1));
    assert_eq!(help("%%timeit?"), ("%%timeit".into(), 1));
    // IPython searches for a name right before the '?' anywhere on the line.
    assert_eq!(help("x = y?"), ("y".into(), 1));
    assert_eq!(help("!ls foo?"), ("foo".into(), 1));
    assert_eq!(help("x = %time y?"), ("y".into(), 1));
    assert_eq!(help("?"), ("".into(), 1));
}

#[test]
fn help_needs_a_name_before_the_question_mark() {
    let e = parse_cell("x = 1?").unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno, e.offset), ("invalid syntax", 1, 6));
    // A '?' in a string or comment is not help.
    assert!(matches!(only("x = 'a?'"), StmtKind::Assign { .. }));
    assert!(matches!(only("x = 1  # why?"), StmtKind::Assign { .. }));
}

#[test]
fn line_forms_inside_blocks() {
    match only("if x:\n    !ls\n    y?\n    %time z") {
        StmtKind::If { body, .. } => {
            assert!(matches!(body[0].kind, StmtKind::Shell(_)));
            assert!(matches!(body[1].kind, StmtKind::Help { .. }));
            assert!(matches!(body[2].kind, StmtKind::Magic(_)));
        }
        other => panic!("{:?}", other),
    }
}

#[test]
fn autocall_escapes() {
    let call = |src: &str| match only(src) {
        StmtKind::Expr { value, .. } => syntax_support::dump_module(&Module {
            body: vec![Stmt { kind: StmtKind::Expr { value, suppress_out: false }, span: Span::default() }],
        }),
        other => panic!("{:?}", other),
    };
    assert!(call("/f 1 2").contains("args=[Constant(value=1), Constant(value=2)]"));
    assert!(call(",f a b").contains("args=[Constant(value='a'), Constant(value='b')]"));
    assert!(call(";f a b").contains("args=[Constant(value='a b')]"));
}

#[test]
fn trailing_semicolon_suppresses_the_last_expression() {
    let last_suppressed = |src: &str| match parse_cell(src).unwrap().body.last().map(|s| &s.kind) {
        Some(StmtKind::Expr { suppress_out, .. }) => *suppress_out,
        other => panic!("{:?}", other),
    };
    assert!(last_suppressed("1;"));
    assert!(last_suppressed("x = 1\nx;  # quiet"));
    assert!(!last_suppressed("1;\n2"));
    assert!(!last_suppressed("1; 2"));
    assert!(!last_suppressed("f(x)"));
}

#[test]
fn pasted_prompts_are_stripped() {
    assert_eq!(body(">>> x = 1\n... y").len(), 2);
    assert_eq!(body("In [1]: x = 1\n   ...: y").len(), 2);
    assert_eq!(cleaned_source(">>> if x:\n...     y = 1"), "if x:\n    y = 1\n");
}

#[test]
fn leading_blank_lines_and_common_indent_are_removed() {
    assert_eq!(body("\n\n  x = 1\n  y = 2").len(), 2);
    assert_eq!(cleaned_source("\n  \n    a\n      b\n"), "a\n  b\n");
    // Error lines count from the cleaned cell, as in IPython.
    let e = parse_cell("\n\n1 +").unwrap_err();
    assert_eq!((e.lineno, e.offset), (1, 4));
}

#[test]
fn spans_point_into_the_cleaned_cell() {
    let m = parse_cell("x = 1\nfoo(bar)").unwrap();
    let s = &m.body[1];
    assert_eq!((s.span.start.line, s.span.start.col, s.span.start.offset), (2, 0, 6));
    assert_eq!((s.span.end.line, s.span.end.col), (2, 8));
    match &s.kind {
        StmtKind::Expr { value, .. } => match &value.kind {
            ExprKind::Call { args, .. } => match &args[0] {
                Arg::Positional(a) => assert_eq!((a.span.start.col, a.span.end.col), (4, 7)),
                other => panic!("{:?}", other),
            },
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
    // Columns count characters, offsets bytes.
    let m = parse_cell("é = ß").unwrap();
    match &m.body[0].kind {
        StmtKind::Assign { value, .. } => {
            assert_eq!(value.span.start.col, 4);
            assert_eq!(value.span.start.offset, 5);
        }
        other => panic!("{:?}", other),
    }
}

#[test]
fn fstring_expression_spans_are_in_the_cell() {
    let m = parse_cell("s = f'a{xy}'").unwrap();
    match &m.body[0].kind {
        StmtKind::Assign { value, .. } => match &value.kind {
            ExprKind::FString(parts) => match &parts[1] {
                FStringPart::Formatted { expr, .. } => assert_eq!((expr.span.start.col, expr.span.end.col), (8, 10)),
                other => panic!("{:?}", other),
            },
            other => panic!("{:?}", other),
        },
        other => panic!("{:?}", other),
    }
}

#[test]
fn compile_stage_errors_are_separate_from_parsing() {
    // IPython parses the whole cell, then compiles statement by statement.
    assert!(parse_cell_syntax("x = 1\nreturn x").is_ok());
    let e = parse_cell("x = 1\nreturn x").unwrap_err();
    assert_eq!(e.msg, "'return' outside function");
    assert_eq!((e.lineno, e.offset, e.end_offset), (2, 1, 9));
    assert_eq!(e.kind, SyntaxErrorKind::SyntaxError);
}

#[test]
fn top_level_await_is_allowed() {
    assert!(parse_cell("x = await f()").is_ok());
}

#[test]
fn compound_statement_spans_end_at_their_last_statement() {
    let m = parse_cell("if x:\n    y = 1  # c\n\nz = 2").unwrap();
    let s = &m.body[0];
    assert_eq!((s.span.start.line, s.span.start.col), (1, 0));
    assert_eq!((s.span.end.line, s.span.end.col), (2, 9));
    let m = parse_cell("@dec\ndef f():\n    return 1\n").unwrap();
    let s = &m.body[0];
    assert_eq!(s.span.start.line, 2, "a def starts at its def line, as in CPython 3.8+");
    assert_eq!((s.span.end.line, s.span.end.col), (3, 12));
    match &s.kind {
        StmtKind::FunctionDef(f) => assert_eq!((f.name_span.start.col, f.name_span.end.col), (4, 5)),
        other => panic!("{:?}", other),
    }
}

#[test]
fn dollar_brace_is_a_dollar_then_a_field() {
    // IPython: `${x}` is a literal `$` followed by the `{x}` field.
    let parts = var_expand_parts("echo ${x}");
    assert_eq!(parts[0], lit("echo $"));
    assert!(matches!(&parts[1], ShellPart::Interpolated { raw, .. } if raw == "{x}"));
}
