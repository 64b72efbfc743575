//! The cell's syntax: lexer, parser and the tree they produce ([`ast`]).

pub mod ast;
