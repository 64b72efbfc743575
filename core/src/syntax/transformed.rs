//! The cell text as IPython runs it: its escapes rewritten into Python calls
//! (`!ls` → `get_ipython().system('ls')`, `%time x` →
//! `get_ipython().run_line_magic('time', 'x')`, `obj?` →
//! `get_ipython().run_line_magic('pinfo', 'obj')`). IPython keeps this text in `In[n]`
//! and shows it in tracebacks.

use super::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use crate::value::str::repr;

/// `cleaned` (the cleaned-up cell the module's spans refer to) with IPython's escapes
/// rewritten line by line.
pub fn ipython_transformed(cleaned: &str, module: &Module) -> String {
    let mut lines: Vec<String> = cleaned.split('\n').map(str::to_string).collect();
    if let [Stmt { kind: StmtKind::CellMagic { name, line, body }, .. }] = module.body.as_slice() {
        return format!("get_ipython().run_cell_magic({}, {}, {})\n", repr(name), repr(line), repr(body));
    }
    rewrite_block(&module.body, &mut lines);
    lines.join("\n")
}

fn rewrite_block(body: &[Stmt], lines: &mut [String]) {
    for stmt in body {
        rewrite(stmt, lines);
    }
}

fn call_for(expr: &Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Shell(cmd) => Some(format!("get_ipython().getoutput({})", repr(cmd.raw.trim_end()))),
        ExprKind::Magic(call) => Some(format!("get_ipython().run_line_magic({}, {})", repr(&call.name), repr(&call.args))),
        _ => None,
    }
}

fn rewrite(stmt: &Stmt, lines: &mut [String]) {
    let index = stmt.span.start.line.saturating_sub(1) as usize;
    let replacement = match &stmt.kind {
        StmtKind::Shell(cmd) => Some(if cmd.capture {
            format!("get_ipython().getoutput({})", repr(cmd.raw.trim_end()))
        } else {
            format!("get_ipython().system({})", repr(cmd.raw.trim_end()))
        }),
        StmtKind::Magic(call) => Some(format!("get_ipython().run_line_magic({}, {})", repr(&call.name), repr(&call.args))),
        StmtKind::Help { target, detail } => {
            let magic = if *detail >= 2 { "pinfo2" } else { "pinfo" };
            Some(format!("get_ipython().run_line_magic({}, {})", repr(magic), repr(target)))
        }
        StmtKind::Assign { value, .. } => call_for(value).and_then(|call| {
            let line = lines.get(index)?;
            let at = line.find(['!', '%'])?;
            Some(format!("{}{call}", line[..at].trim_start()))
        }),
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            rewrite_block(body, lines);
            rewrite_block(orelse, lines);
            None
        }
        StmtKind::With { body, .. } => {
            rewrite_block(body, lines);
            None
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            rewrite_block(body, lines);
            for h in handlers {
                rewrite_block(&h.body, lines);
            }
            rewrite_block(orelse, lines);
            rewrite_block(finalbody, lines);
            None
        }
        StmtKind::FunctionDef(def) => {
            rewrite_block(&def.body, lines);
            None
        }
        StmtKind::ClassDef(class) => {
            rewrite_block(&class.body, lines);
            None
        }
        _ => None,
    };
    if let (Some(text), Some(line)) = (replacement, lines.get_mut(index)) {
        let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        *line = format!("{indent}{text}");
    }
}
