//! The syntax tree of one cell: Python 3 statements and expressions, plus IPython's
//! line forms (`!cmd`, `%magic`, `%%cellmagic`, `obj?`). Every node carries a [`Span`].

use num_bigint::BigInt;

/// A position in a cell: 1-based line, 0-based column counted in characters (code
/// points), and the byte offset into the cell's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Pos {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 0.
    pub col: u32,
    /// Byte offset into the source.
    pub offset: u32,
}

/// The source range a node covers: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Span {
    /// First character.
    pub start: Pos,
    /// One past the last character.
    pub end: Pos,
}

/// A parsed cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// The statements, in order.
    pub body: Vec<Stmt>,
}

/// A statement with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What statement it is.
    pub kind: StmtKind,
    /// Where it is (its first line is the traceback's line for the statement).
    pub span: Span,
}

/// The statements.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression statement. `suppress_out` is true when the line ends with `;`
    /// (IPython then shows no Out for it).
    Expr { value: Expr, suppress_out: bool },
    /// `a = b = value`: one or more targets.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`.
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr> },
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `raise [exc [from cause]]`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    /// `assert test[, msg]`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from [.]*module import a as b, c` (`*` is a name `"*"`).
    ImportFrom { module: Option<String>, names: Vec<Alias>, level: u32 },
    /// `if test: body elif ...: ... else: orelse` (elif chains nest in `orelse`).
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `while test: body else: orelse`.
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `for target in iter: body else: orelse`.
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `with a as b, c: body`.
    With { items: Vec<WithItem>, body: Vec<Stmt> },
    /// `try: body except ...: ... else: orelse finally: finalbody`.
    Try { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt> },
    /// `def name(params) -> returns: body`, with decorators.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body`, with decorators.
    ClassDef(Box<ClassDef>),
    /// An IPython `!cmd` line (also inside blocks).
    Shell(ShellCommand),
    /// An IPython `%magic args` line.
    Magic(MagicCall),
    /// An IPython `%%magic line` first line with the rest of the cell as its body.
    CellMagic { name: String, line: String, body: String },
    /// IPython help: `obj?` (detail 1) or `obj??` (detail 2); `target` is the text
    /// before the question marks, trimmed.
    Help { target: String, detail: u8 },
}

/// `def` statement contents.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    /// Function name.
    pub name: String,
    /// Parameters.
    pub params: Parameters,
    /// Body statements.
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first.
    pub decorators: Vec<Expr>,
    /// The `-> annotation`, if any.
    pub returns: Option<Expr>,
    /// The span of the `def` line's name, for tracebacks (`in f(...)`).
    pub name_span: Span,
}

/// `class` statement contents.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// Class name.
    pub name: String,
    /// Base class expressions.
    pub bases: Vec<Expr>,
    /// `metaclass=...` and other keywords.
    pub keywords: Vec<Keyword>,
    /// Body statements.
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first.
    pub decorators: Vec<Expr>,
}

/// A function's parameter list, as Python 3.8+ has it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parameters {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Ordinary parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// `: annotation`.
    pub annotation: Option<Expr>,
    /// `= default`.
    pub default: Option<Expr>,
    /// Where the name is.
    pub span: Span,
}

/// `name as asname` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted name (`os.path`) or `*`.
    pub name: String,
    /// `as` name.
    pub asname: Option<String>,
    /// Where it is.
    pub span: Span,
}

/// `expr as target` in a `with`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The `as` target.
    pub target: Option<Expr>,
}

/// One `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// The exception class expression (None for a bare `except:`).
    pub class: Option<Expr>,
    /// `as name`.
    pub name: Option<String>,
    /// Handler body.
    pub body: Vec<Stmt>,
    /// Where the `except` line is.
    pub span: Span,
}

/// An IPython shell escape: the command text split into literal pieces and `$name` /
/// `{expr}` interpolations, as IPython's `var_expand` does.
#[derive(Debug, Clone, PartialEq)]
pub struct ShellCommand {
    /// The pieces in order.
    pub parts: Vec<ShellPart>,
    /// The raw command text after `!` (or `!!`).
    pub raw: String,
    /// `!!cmd`: capture output as a list instead of printing (IPython's `sx`).
    pub capture: bool,
}

/// A piece of a shell command line.
#[derive(Debug, Clone, PartialEq)]
pub enum ShellPart {
    /// Text passed to the shell as is.
    Literal(String),
    /// `$name` or `{expr}`: the text is evaluated and its `str()` substituted; if the
    /// evaluation fails, IPython leaves the original text (`raw`) in place.
    Interpolated { expr: Expr, raw: String },
}

/// An IPython line magic call: `%name args`.
#[derive(Debug, Clone, PartialEq)]
pub struct MagicCall {
    /// Magic name without `%`.
    pub name: String,
    /// The rest of the line, after interpolation pieces like a shell command.
    pub args: String,
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What expression it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// The expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A name.
    Name(String),
    /// A literal.
    Constant(Constant),
    /// An f-string.
    FString(Vec<FStringPart>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key is a `**` spread of the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*value` in a call, display or assignment target.
    Starred(Box<Expr>),
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: String },
    /// `value[index]`; a tuple index is an `ExprKind::Tuple`.
    Subscript { value: Box<Expr>, index: Box<Expr> },
    /// `lower:upper:step` inside a subscript.
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
    /// `func(args)`.
    Call { func: Box<Expr>, args: Vec<Arg> },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `left op right`.
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    /// `a and b and c` / `a or b`.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `a < b <= c`.
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    /// `body if test else orelse`.
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `lambda params: body`.
    Lambda { params: Box<Parameters>, body: Box<Expr> },
    /// `[elt for ...]`.
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `{elt for ...}`.
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `{key: value for ...}`.
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    /// `(elt for ...)`.
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `await value` (parsed so the error is a runtime one, as IPython's autoawait).
    Await(Box<Expr>),
    /// `target := value`.
    NamedExpr { target: String, value: Box<Expr> },
    /// `x = !cmd`: a shell command whose output lines are the value.
    Shell(ShellCommand),
    /// `x = %magic args`: a line magic whose result is the value.
    Magic(MagicCall),
}

/// Literal values.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer literal that fits in i64.
    Int(i64),
    /// A larger integer literal.
    BigInt(BigInt),
    /// A float literal.
    Float(f64),
    /// An imaginary literal (`2j`): the imaginary part.
    Imaginary(f64),
    /// A string literal (adjacent literals already concatenated).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text (braces already unescaped).
    Literal(String),
    /// `{expr!conv:spec}`; `debug_text` holds `expr=` text for the `=` form.
    Formatted {
        /// The expression.
        expr: Box<Expr>,
        /// `!r`, `!s` or `!a`.
        conversion: Option<char>,
        /// The format spec, itself possibly containing replacement fields.
        format_spec: Option<Vec<FStringPart>>,
        /// For `{x=}`: the text `x=` (with its whitespace) to print before the value.
        debug_text: Option<String>,
    },
}

/// An argument in a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// `value`.
    Positional(Expr),
    /// `*value`.
    Starred(Expr),
    /// `name=value`.
    Keyword(Keyword),
    /// `**value`.
    DoubleStarred(Expr),
}

/// `name=value` in a call or class statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The keyword.
    pub name: String,
    /// The value.
    pub value: Expr,
    /// Where `name=value` is.
    pub span: Span,
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    /// Loop target.
    pub target: Expr,
    /// Iterated expression.
    pub iter: Expr,
    /// `if` conditions.
    pub ifs: Vec<Expr>,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `not`.
    Not,
    /// `-`.
    Neg,
    /// `+`.
    Pos,
    /// `~`.
    Invert,
}

/// Binary operators (also the operators of augmented assignment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `@`.
    MatMul,
    /// `/`.
    Div,
    /// `//`.
    FloorDiv,
    /// `%`.
    Mod,
    /// `**`.
    Pow,
    /// `<<`.
    LShift,
    /// `>>`.
    RShift,
    /// `|`.
    BitOr,
    /// `^`.
    BitXor,
    /// `&`.
    BitAnd,
}

impl BinOp {
    /// The operator as Python writes it (`+`, `//`, ...), for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`.
    Eq,
    /// `!=`.
    NotEq,
    /// `<`.
    Lt,
    /// `<=`.
    LtE,
    /// `>`.
    Gt,
    /// `>=`.
    GtE,
    /// `is`.
    Is,
    /// `is not`.
    IsNot,
    /// `in`.
    In,
    /// `not in`.
    NotIn,
}

impl CmpOp {
    /// The operator as Python writes it, for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
