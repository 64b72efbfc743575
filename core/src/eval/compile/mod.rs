//! From a cell's AST to the evaluator's tree: scope analysis, then lowering.

mod lower;
pub mod scope;

use crate::syntax::ast;

use super::ir;
use super::names::Names;
pub use scope::ScopeError;

/// Compiles a parsed cell: names resolved, constants built, last expression marked for
/// display. A `nonlocal` without a binding is a SyntaxError (the error's text).
pub fn compile_cell(module: &ast::Module, names: &mut Names, cell: u64) -> Result<Vec<ir::Stmt>, ScopeError> {
    let scopes = scope::analyze(module)?;
    Ok(lower::Lowerer::new(&scopes, names, cell).module(module))
}
