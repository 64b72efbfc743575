//! The cell's syntax: IPython's input cleanup, the lexer, the parser and the tree
//! they produce ([`ast`]), CPython 3.11's syntax errors, and `is_complete`.
//!
//! Entry points:
//! - [`parse_cell`]: a cell as IPython runs it (cleanup, `%%magic`, `!cmd`, `%magic`,
//!   `obj?`) parsed and checked as `compile(cell, "<cell>", "exec")` would;
//! - [`parse_cell_syntax`] + [`compile_check`]: the same in IPython's two steps (parse
//!   the cell, then compile each top-level statement just before running it);
//! - [`is_complete`]: IPython's `check_complete`;
//! - [`parse_expression`] and [`var_expand_parts`] for the interpreter's own needs.
//!
//! Spans refer to the cleaned-up cell text, [`cleaned_source`].
//!
//! Conventions the interpreter can rely on:
//! - [`ast::Arg::Starred`] holds the value after `*` (not a `Starred` node); a class
//!   statement's `**kw` is a [`ast::Keyword`] with an empty name.
//! - [`ast::Param::span`] covers the parameter's name only.
//! - Expression trees are at most [`MAX_NESTING`] deep (deeper input is a
//!   `RecursionError`, as CPython's compiler gives for a few thousand levels).
//! - `x = !cmd` is an [`ast::ExprKind::Shell`] with `capture: true` (IPython's
//!   `getoutput`); `!!cmd` is a statement with `capture: true`.
//! - [`ast::MagicCall::args`] is the raw argument text: IPython expands `$x`/`{x}`
//!   in it (with [`var_expand_parts`]) unless the magic is `@no_var_expand`
//!   (`%time`, `%timeit`, ...). When any piece fails to evaluate, IPython uses the
//!   whole text unexpanded.
//! - Autocall lines (`/f a`, `,f a b`, `;f a b`) are parsed as the call IPython
//!   rewrites them to.
//! - `suppress_out` is set on the cell's last statement when it is an expression and
//!   the cell's last token is `;` (IPython's `DisplayHook.quiet`).

pub mod ast;
pub mod check;
pub mod complete;
pub mod error;
mod fstring;
pub mod interpolate;
pub mod ipython;
pub mod lexer;
mod parser;
pub mod source;
pub mod strings;
pub mod token;
pub mod transformed;
pub mod visit;
pub mod warnings;

use ast::{Expr, Module, Span, Stmt, StmtKind};
use source::SourceText;
use token::{Op, TokenKind};

pub use complete::is_complete;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use interpolate::var_expand_parts;
pub use ipython::{clean_cell, CleanCell};
pub use parser::MAX_NESTING;

/// Stack for the parser thread: the deepest nesting the parser accepts (see
/// [`MAX_NESTING`]) needs about 16 MiB in a debug build; this leaves a margin.
const PARSER_STACK_BYTES: usize = 64 << 20;

/// Runs `f` on a thread with a large stack (falls back to the current thread if no
/// thread can be made). A thread that already has that much stack left (the HDF5 owner
/// thread, which runs every cell, has 256 MiB) runs `f` itself: starting a thread with
/// a 64 MiB stack for every cell parsed was most of a trivial cell's cost.
pub(crate) fn on_big_stack<T: Send, F: FnOnce() -> T + Send>(f: F) -> T {
    if stack_left().is_some_and(|left| left >= PARSER_STACK_BYTES + STACK_MARGIN) {
        return f();
    }
    let slot = std::sync::Mutex::new(Some(f));
    let outcome = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("h5lab-parser".into())
            .stack_size(PARSER_STACK_BYTES)
            .spawn_scoped(scope, || {
                let f = slot.lock().ok().and_then(|mut g| g.take());
                f.map(|f| f())
            });
        match spawned {
            Ok(handle) => match handle.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => None,
        }
    });
    if let Some(v) = outcome {
        return v;
    }
    let f = slot.lock().ok().and_then(|mut g| g.take());
    match f {
        Some(f) => f(),
        None => unreachable_fallback(),
    }
}

/// Stack kept free beyond the parser's own, for whatever runs below it.
const STACK_MARGIN: usize = 4 << 20;

/// Bytes of stack left below the caller's frame on this thread, when known.
fn stack_left() -> Option<usize> {
    thread_local! {
        static STACK_LOW: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    }
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    let low = STACK_LOW.with(|cached| {
        if cached.get().is_none() {
            cached.set(stack_low_end());
        }
        cached.get()
    })?;
    here.checked_sub(low)
}

/// The lowest address of this thread's stack (its guard page excluded or not, the
/// margin covers it).
#[cfg(target_os = "linux")]
fn stack_low_end() -> Option<usize> {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread, which is destroyed
    // after pthread_attr_getstack has read the stack's bounds from it.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let found = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        (found && !addr.is_null()).then_some(addr as usize)
    }
}

#[cfg(not(target_os = "linux"))]
fn stack_low_end() -> Option<usize> {
    None
}

#[cold]
fn unreachable_fallback<T>() -> T {
    // The closure ran on the spawned thread, which returned a value; this path is
    // only reached if the closure was taken but produced nothing, which cannot
    // happen.
    panic!("parser thread lost its task")
}

/// The text spans and error positions refer to: the cell after IPython's cleanup
/// (newlines normalised, a final newline, leading blank lines and common
/// indentation removed, `>>>`/`In [n]:` prompts stripped). For a `%%magic` cell,
/// the cell with its final newline.
pub fn cleaned_source(source: &str) -> String {
    match clean_cell(source) {
        CleanCell::Code(text) => text,
        CleanCell::CellMagic { .. } => {
            let mut s = ipython::normalize_newlines(source);
            if !s.ends_with('\n') {
                s.push('\n');
            }
            s
        }
    }
}

/// Parses a cell as IPython runs it and checks it as `compile()` would
/// (`'return' outside function`, `keyword argument repeated`, ...).
pub fn parse_cell(source: &str) -> Result<Module, SyntaxError> {
    parse_cell_with(source, false)
}

/// [`parse_cell`] as IPython compiles a cell, with `PyCF_ALLOW_INCOMPLETE_INPUT`: a
/// parse that fails after reading the whole cell is `SyntaxError: incomplete input`.
pub fn parse_cell_allowing_incomplete(source: &str) -> Result<Module, SyntaxError> {
    parse_cell_with(source, true)
}

fn parse_cell_with(source: &str, allow_incomplete: bool) -> Result<Module, SyntaxError> {
    on_big_stack(|| {
        let (module, text) = parse_cell_inner(source, allow_incomplete)?;
        let src = SourceText::new(text);
        check::compile_check(&module.body, &src)?;
        Ok(module)
    })
}

/// Parses a cell as IPython's `ast_parse` step does: syntax only, no compile-stage
/// checks (see [`compile_check`]).
pub fn parse_cell_syntax(source: &str) -> Result<Module, SyntaxError> {
    on_big_stack(|| parse_cell_inner(source, false).map(|(m, _)| m))
}

/// The compile-stage checks for some statements of a cell (IPython compiles and
/// runs a cell's top-level statements one by one). `cleaned` is
/// [`cleaned_source`] of the cell.
pub fn compile_check(stmts: &[Stmt], cleaned: &str) -> Result<(), SyntaxError> {
    let src = SourceText::new(cleaned.to_string());
    on_big_stack(|| check::compile_check(stmts, &src))
}

fn parse_cell_inner(source: &str, allow_incomplete: bool) -> Result<(Module, String), SyntaxError> {
    match clean_cell(source) {
        CleanCell::CellMagic { name, line, body } => {
            let text = cleaned_source(source);
            let src = SourceText::new(text.clone());
            let span = Span { start: src.pos_at(0), end: src.end_pos() };
            let stmt = Stmt { kind: StmtKind::CellMagic { name, line, body }, span };
            Ok((Module { body: vec![stmt] }, text))
        }
        CleanCell::Code(text) => {
            let src = SourceText::new(text.clone());
            let module = parse_source(&src, true, allow_incomplete)?;
            Ok((module, text))
        }
    }
}

/// Lexes and parses a source; sets `suppress_out` on a final expression statement
/// when the cell's last token is `;`; bounds the tree height. With
/// `allow_incomplete`, a failure at the end of the input is "incomplete input".
fn parse_source(src: &SourceText, ipython: bool, allow_incomplete: bool) -> Result<Module, SyntaxError> {
    let tokens = lexer::tokenize(src, ipython);
    let ends_with_semicolon = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.kind, TokenKind::Newline | TokenKind::Dedent | TokenKind::Indent | TokenKind::EndMarker))
        .map(|t| t.is_op(Op::Semi))
        .unwrap_or(false);
    let eof = if allow_incomplete { first_token_at_eof(&tokens, src) } else { None };
    let parser = parser::Parser::new(tokens, src);
    let (result, furthest) = parser.parse_module_with_furthest();
    let mut module = match (result, eof) {
        (Ok(module), _) => module,
        // IPython compiles with PyCF_ALLOW_INCOMPLETE_INPUT: a parse that fails once
        // the tokenizer has reached the end of the cell is "incomplete input".
        (Err(e), Some((index, string_error))) if furthest >= index && e.kind != SyntaxErrorKind::RecursionError => {
            return Err(incomplete_input(src, string_error))
        }
        (Err(e), _) => return Err(e),
    };
    check_heights(&module, src)?;
    if ends_with_semicolon {
        if let Some(Stmt { kind: StmtKind::Expr { suppress_out, .. }, .. }) = module.body.last_mut() {
            *suppress_out = true;
        }
    }
    Ok(module)
}

/// The index of the first token CPython's tokenizer only makes once it has read the
/// whole input (DEDENT or ENDMARKER at the end, or an error at the end: an unclosed
/// bracket, a backslash continuation, a triple-quoted string), and that error when it
/// is the string's.
fn first_token_at_eof(tokens: &[token::Token], src: &SourceText) -> Option<(usize, Option<SyntaxError>)> {
    tokens.iter().enumerate().find_map(|(i, t)| match &t.kind {
        TokenKind::EndMarker => Some((i, None)),
        TokenKind::Dedent if t.start.offset as usize >= src.text().len() => Some((i, None)),
        TokenKind::Error(e) if e.msg.starts_with("unterminated triple-quoted string literal") => Some((i, Some((**e).clone()))),
        TokenKind::Error(e) if e.msg.ends_with("was never closed") || e.msg == "unexpected EOF while parsing" => Some((i, None)),
        _ => None,
    })
}

/// CPython's `incomplete input` error: at the start of an unterminated triple-quoted
/// string, else just past the end of the cell's last non-blank line.
fn incomplete_input(src: &SourceText, string_error: Option<SyntaxError>) -> SyntaxError {
    const MESSAGE: &str = "incomplete input";
    if let Some(e) = string_error {
        return SyntaxError { msg: MESSAGE.to_string(), ..e };
    }
    let text = src.text();
    let line = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i as u32 + 1).last().unwrap_or(1);
    let content = src.line(line).to_string();
    let end = content.chars().count() as u32 + 1;
    SyntaxError::new(SyntaxErrorKind::SyntaxError, MESSAGE, (line, end), (line, end), format!("{content}\n"))
}

/// IPython's input transformer runs Python's `tokenize` over the cell before anything
/// else: an unindent that matches no outer level raises its IndentationError there
/// (shown as `File <tokenize>:k`). The error's line, the column of the line's first
/// non-blank character, and the line.
pub fn tokenize_unindent_error(cell: &str) -> Option<(usize, usize, String)> {
    let CleanCell::Code(text) = clean_cell(cell) else { return None };
    match crate::render::pytokenize::tokens_of(&text) {
        Err(crate::render::pytokenize::TokenizeError::Unindent { line, column }) => {
            let content = text.split_inclusive('\n').nth(line.saturating_sub(1)).unwrap_or("").to_string();
            Some((line, column, content))
        }
        _ => None,
    }
}

/// Rejects expressions nested deeper than [`MAX_NESTING`] (CPython's compiler gives
/// a RecursionError for nesting a few thousand deep).
fn check_heights(module: &Module, src: &SourceText) -> Result<(), SyntaxError> {
    let mut too_deep: Option<Span> = None;
    for s in &module.body {
        warnings::visit_stmt_exprs(s, &mut |e| {
            if too_deep.is_none() && visit::expr_height(e) > MAX_NESTING {
                too_deep = Some(e.span);
            }
        });
    }
    match too_deep {
        None => Ok(()),
        Some(span) => Err(SyntaxError::new(
            SyntaxErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
            (span.start.line, span.start.col + 1),
            (span.end.line, span.end.col + 1),
            src.line_with_newline(span.start.line),
        )),
    }
}

/// Parses an expression as `eval()` does (`a, b` is a tuple): for the interpreter's
/// own needs (`%time expr`, interpolation). Spans refer to `text`.
pub fn parse_expression(text: &str) -> Result<Expr, SyntaxError> {
    on_big_stack(|| parse_expression_text_inner(text))
}

/// [`parse_expression`] without the thread (for use inside a parse).
pub(crate) fn parse_expression_text_inner(text: &str) -> Result<Expr, SyntaxError> {
    let mut t = text.to_string();
    if !t.ends_with('\n') {
        t.push('\n');
    }
    let src = SourceText::new(t);
    let tokens = lexer::tokenize(&src, false);
    let mut parser = parser::Parser::new(tokens, &src);
    parser.parse_eval_expression()
}

/// Parses an expression written in IPython syntax-free text (autocall lines).
pub(crate) fn parse_expression_text(text: &str) -> Result<Expr, SyntaxError> {
    parse_expression_text_inner(text)
}

/// Parses an f-string replacement field's expression as CPython 3.11 does: the text
/// in parentheses. Errors are in the coordinates of `(text)`; the tree's spans are
/// in the enclosing source (`real_start` is the text's byte offset there).
pub(crate) fn parse_fstring_expression(
    text: &str,
    outer: &SourceText,
    real_start: usize,
    depth: u32,
) -> Result<Expr, (SyntaxError, bool)> {
    let wrapped = format!("({})\n", text);
    let src = SourceText::new(wrapped);
    let tokens = lexer::tokenize(&src, false);
    let tokenizer_error = tokens.iter().find_map(|t| match &t.kind {
        TokenKind::Error(e) => Some(e.msg.clone()),
        _ => None,
    });
    let mut parser = parser::Parser::with_depth(tokens.clone(), &src, depth);
    if let Err(e) = parser.parse_fstring_field() {
        let from_tokenizer = tokenizer_error.as_deref() == Some(e.msg.as_str());
        return Err((e, from_tokenizer));
    }
    // Parse again with positions in the enclosing source.
    let remapped: Vec<token::Token> = tokens
        .into_iter()
        .map(|mut t| {
            let map = |p: ast::Pos| outer.pos_at((real_start + p.offset as usize).saturating_sub(1));
            t.start = map(t.start);
            t.end = map(t.end);
            t
        })
        .collect();
    let mut parser = parser::Parser::with_depth(remapped, outer, depth);
    parser.parse_fstring_field().map_err(|e| (e, false))
}
