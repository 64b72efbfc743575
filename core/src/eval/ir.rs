//! The evaluator's tree: the AST with every name resolved (a local slot, a closure
//! cell, or a global symbol), constants pre-built, and the line each node starts on
//! kept for tracebacks.

use std::rc::Rc;

use crate::syntax::ast::{BinOp, BoolOp, CmpOp, UnaryOp};
use crate::value::Value;

/// An interned global name.
pub type Sym = u32;

/// Where a name lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Var {
    /// A plain local of the current function (slot index).
    Local(u32),
    /// A closure cell: the function's cell variables, then its free variables.
    Cell(u32),
    /// A module-level (session) name, falling back to builtins when loaded.
    Global(Sym),
}

/// An expression with the line it starts on.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// 1-based line in its cell.
    pub line: u32,
}

/// Expressions.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A constant.
    Const(Value),
    /// Load of a name.
    Load(Var, Rc<str>),
    /// An f-string.
    FString(Vec<FPart>),
    /// `[...]`.
    List(Vec<Expr>),
    /// `(...)`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **m}` (None key = `**` spread).
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a display or call.
    Starred(Box<Expr>),
    /// `x.name`.
    Attribute(Box<Expr>, Rc<str>),
    /// `x[i]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `a:b:c`.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<CallArg>),
    /// `op x`.
    Unary(UnaryOp, Box<Expr>),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a and b`, `a or b`.
    Bool(BoolOp, Vec<Expr>),
    /// `a < b < c`.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `b if t else o`: (test, body, orelse).
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda`: a function made at evaluation time.
    Function(Rc<MakeFunction>),
    /// A comprehension: its code runs as a function called with the outermost iterable.
    Comprehension(Rc<Comprehension>, Box<Expr>),
    /// `name := value`.
    Walrus(Var, Rc<str>, Box<Expr>),
    /// `yield [value]` (inside a generator function's body).
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
    /// `!cmd` as a value (output lines).
    Shell(Rc<ShellCall>),
    /// `%magic` as a value.
    Magic(Rc<MagicCall>),
    /// Something parsed but not supported at run time: raises NotImplementedError
    /// naming it.
    Unsupported(&'static str),
}

/// A piece of an f-string.
#[derive(Debug, Clone)]
pub enum FPart {
    /// Literal text.
    Literal(Rc<str>),
    /// `{expr!conv:spec}`; `debug` is the `expr=` text.
    Field { expr: Expr, conversion: Option<char>, spec: Option<Vec<FPart>>, debug: Option<Rc<str>> },
}

/// An argument at a call site.
#[derive(Debug, Clone)]
pub enum CallArg {
    /// `x`.
    Positional(Expr),
    /// `*xs`.
    Star(Expr),
    /// `name=x`.
    Keyword(Rc<str>, Expr),
    /// `**m`.
    DoubleStar(Expr),
}

/// An assignment target.
#[derive(Debug, Clone)]
pub enum Target {
    /// A name.
    Var(Var, Rc<str>),
    /// `obj.name`.
    Attribute(Expr, Rc<str>),
    /// `obj[index]`.
    Subscript(Expr, Expr),
    /// `a, *b, c`: the targets and the position of the starred one.
    Unpack(Vec<Target>, Option<usize>, u32),
}

/// A statement with its first and last line.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// 1-based first line.
    pub line: u32,
}

/// Statements.
#[derive(Debug, Clone)]
pub enum StmtKind {
    /// An expression; `display` marks the cell's last statement whose value IPython
    /// shows as Out (false when it ends with `;`).
    Expr(Expr, bool),
    /// `t1 = t2 = value`.
    Assign(Vec<Target>, Expr),
    /// `t op= value`.
    AugAssign(Target, BinOp, Expr),
    /// `del t, ...`.
    Delete(Vec<Target>),
    /// `pass`, `global`, `nonlocal`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `raise [exc [from cause]]`.
    Raise(Option<Expr>, Option<Expr>),
    /// `assert test, msg`.
    Assert(Expr, Option<Expr>),
    /// `import a.b.c as d`: module name, what to bind (the top package unless `as`),
    /// and where.
    Import(Vec<ImportName>),
    /// `from m import a as b`: module, level, (name, var) pairs; `*` when `names` is
    /// empty.
    ImportFrom(Rc<str>, u32, Vec<(Rc<str>, Var, Rc<str>)>),
    /// `if`.
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while`.
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `for`.
    For(Target, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `with a as x, b:`.
    With(Vec<(Expr, Option<Target>)>, Vec<Stmt>),
    /// `try`.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `def`: make the function (decorators applied) and bind it.
    Def(Rc<MakeFunction>, Vec<Expr>, Var, Rc<str>),
    /// `!cmd`.
    Shell(Rc<ShellCall>),
    /// `%magic args`.
    Magic(Rc<MagicCall>),
    /// `%%magic line` + body.
    CellMagic(Rc<str>, Rc<str>, Rc<str>),
    /// `obj?` / `obj??`.
    Help(Rc<str>, u8),
    /// Inside a comprehension's code: add the element (one expression, or key and
    /// value) to the result being built.
    Emit(Vec<Expr>),
    /// Parsed but not supported: raises NotImplementedError naming it.
    Unsupported(&'static str),
}

/// One name of an `import` statement.
#[derive(Debug, Clone)]
pub struct ImportName {
    /// The dotted module name.
    pub module: Rc<str>,
    /// Whether `as` was given (bind the leaf module instead of the top package).
    pub has_alias: bool,
    /// Where to bind.
    pub var: Var,
    /// The bound name.
    pub name: Rc<str>,
}

/// An `except` clause.
#[derive(Debug, Clone)]
pub struct Handler {
    /// The class expression (None: bare `except:`).
    pub class: Option<Expr>,
    /// `as name`.
    pub name: Option<(Var, Rc<str>)>,
    /// Body.
    pub body: Vec<Stmt>,
    /// Line of the `except`.
    pub line: u32,
}

/// What a `def` or `lambda` evaluates at run time: defaults, then the function.
#[derive(Debug)]
pub struct MakeFunction {
    /// The compiled function.
    pub code: Rc<FunctionCode>,
    /// Positional defaults (for the last parameters).
    pub defaults: Vec<Expr>,
    /// Keyword-only defaults.
    pub kw_defaults: Vec<(Rc<str>, Expr)>,
    /// Where each closure cell comes from in the defining frame.
    pub captures: Vec<Var>,
}

/// A compiled comprehension.
#[derive(Debug)]
pub struct Comprehension {
    /// The code: a function of one argument (the outermost iterator) that builds the
    /// result.
    pub code: Rc<FunctionCode>,
    /// Closure cells taken from the defining frame.
    pub captures: Vec<Var>,
    /// What it builds.
    pub kind: ComprehensionKind,
}

/// What a comprehension builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComprehensionKind {
    /// `[...]`.
    List,
    /// `{...}`.
    Set,
    /// `{k: v ...}`.
    Dict,
    /// `(...)`: a generator object running the code lazily.
    Generator,
}

/// The parameters of a function.
#[derive(Debug, Clone, Default)]
pub struct Params {
    /// Names of positional parameters (positional-only first), then keyword-only.
    pub names: Vec<Rc<str>>,
    /// How many leading names are positional-only.
    pub posonly: usize,
    /// How many names are positional (posonly + ordinary).
    pub positional: usize,
    /// `*args` name.
    pub vararg: Option<Rc<str>>,
    /// `**kwargs` name.
    pub kwarg: Option<Rc<str>>,
}

impl Params {
    /// Whether `n` positional arguments and nothing else bind one to one to these
    /// parameters (no defaults needed, no `*args`/`**kwargs`, no keyword-only ones).
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        self.positional == n && self.names.len() == n && self.vararg.is_none() && self.kwarg.is_none()
    }
}

/// A compiled function body.
#[derive(Debug)]
pub struct FunctionCode {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// Parameters; they occupy the first local slots (`*args`, `**kwargs` after the
    /// named ones).
    pub params: Params,
    /// Number of local slots.
    pub n_locals: usize,
    /// Names of the local slots (for UnboundLocalError and `locals()`).
    pub local_names: Vec<Rc<str>>,
    /// Cell variables: (name, the parameter slot they start from, if a parameter).
    pub cellvars: Vec<(Rc<str>, Option<u32>)>,
    /// Free variable names (cells after the cellvars).
    pub freevars: Vec<Rc<str>>,
    /// Body (for a lambda: one `return`).
    pub body: Vec<Stmt>,
    /// The input cell the code was written in.
    pub cell: u64,
    /// First line of the `def` (or lambda).
    pub first_line: u32,
    /// Last line of the body.
    pub last_line: u32,
    /// The docstring.
    pub doc: Option<Rc<str>>,
    /// Whether the body yields: calling the function makes a generator object.
    pub is_generator: bool,
    /// `(a, b=1, *args, **kw)` for tracebacks and help.
    pub signature: Rc<str>,
}

/// A shell command with its interpolations compiled.
#[derive(Debug)]
pub struct ShellCall {
    /// Pieces: literal text or an expression with its source text.
    pub parts: Vec<ShellPiece>,
    /// The command text as written.
    pub raw: Rc<str>,
    /// `!!cmd`.
    pub capture: bool,
}

/// A piece of a shell or magic line.
#[derive(Debug, Clone)]
pub enum ShellPiece {
    /// Text as is.
    Literal(Rc<str>),
    /// `$x` / `{x}`: evaluated and substituted (the raw text if evaluation fails).
    Expr(Expr, Rc<str>),
}

/// A line magic call.
#[derive(Debug)]
pub struct MagicCall {
    /// Magic name.
    pub name: Rc<str>,
    /// Argument text.
    pub args: Rc<str>,
}
