//! Tokens: what the lexer hands the parser.

use num_bigint::BigInt;

use super::ast::{Pos, Span};
use super::error::SyntaxError;

/// Python's keywords (soft keywords like `match` are names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Keyword {
    /// `False`.
    False,
    /// `None`.
    None,
    /// `True`.
    True,
    /// `and`.
    And,
    /// `as`.
    As,
    /// `assert`.
    Assert,
    /// `async`.
    Async,
    /// `await`.
    Await,
    /// `break`.
    Break,
    /// `class`.
    Class,
    /// `continue`.
    Continue,
    /// `def`.
    Def,
    /// `del`.
    Del,
    /// `elif`.
    Elif,
    /// `else`.
    Else,
    /// `except`.
    Except,
    /// `finally`.
    Finally,
    /// `for`.
    For,
    /// `from`.
    From,
    /// `global`.
    Global,
    /// `if`.
    If,
    /// `import`.
    Import,
    /// `in`.
    In,
    /// `is`.
    Is,
    /// `lambda`.
    Lambda,
    /// `nonlocal`.
    Nonlocal,
    /// `not`.
    Not,
    /// `or`.
    Or,
    /// `pass`.
    Pass,
    /// `raise`.
    Raise,
    /// `return`.
    Return,
    /// `try`.
    Try,
    /// `while`.
    While,
    /// `with`.
    With,
    /// `yield`.
    Yield,
}

impl Keyword {
    /// The keyword for an identifier, if it is one.
    pub fn from_name(name: &str) -> Option<Keyword> {
        use Keyword::*;
        Some(match name {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    /// The keyword's text.
    pub fn as_str(self) -> &'static str {
        use Keyword::*;
        match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
        }
    }
}

/// Operators and delimiters, plus the characters Python's tokenizer calls error
/// tokens but IPython gives a meaning (`!`, `?`, `$`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semi,
    Dot,
    Ellipsis,
    Plus,
    Minus,
    Star,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    At,
    LShift,
    RShift,
    Amper,
    VBar,
    Circumflex,
    Tilde,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Equal,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    DoubleStarEqual,
    AtEqual,
    LShiftEqual,
    RShiftEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    Arrow,
    ColonEqual,
    Bang,
    Question,
    Dollar,
    Backtick,
}

impl Op {
    /// The operator's text.
    pub fn as_str(self) -> &'static str {
        use Op::*;
        match self {
            LPar => "(",
            RPar => ")",
            LSqb => "[",
            RSqb => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            Semi => ";",
            Dot => ".",
            Ellipsis => "...",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            DoubleStar => "**",
            At => "@",
            LShift => "<<",
            RShift => ">>",
            Amper => "&",
            VBar => "|",
            Circumflex => "^",
            Tilde => "~",
            Less => "<",
            Greater => ">",
            LessEqual => "<=",
            GreaterEqual => ">=",
            EqEqual => "==",
            NotEqual => "!=",
            Equal => "=",
            PlusEqual => "+=",
            MinusEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            DoubleSlashEqual => "//=",
            PercentEqual => "%=",
            DoubleStarEqual => "**=",
            AtEqual => "@=",
            LShiftEqual => "<<=",
            RShiftEqual => ">>=",
            AmperEqual => "&=",
            VBarEqual => "|=",
            CircumflexEqual => "^=",
            Arrow => "->",
            ColonEqual => ":=",
            Bang => "!",
            Question => "?",
            Dollar => "$",
            Backtick => "`",
        }
    }
}

/// One string literal token, undecoded: the parser decodes it (CPython reports
/// escape and bytes errors from the parser, at the token).
#[derive(Debug, Clone, PartialEq)]
pub struct StringToken {
    /// `r`/`R` prefix.
    pub raw: bool,
    /// `b`/`B` prefix.
    pub bytes: bool,
    /// `f`/`F` prefix.
    pub fstring: bool,
    /// `u`/`U` prefix.
    pub unicode: bool,
    /// 1 or 3.
    pub quote_len: u8,
    /// The quote character.
    pub quote: char,
    /// The text between the quotes.
    pub body: String,
    /// Where the body starts (after the opening quotes).
    pub body_start: Pos,
}

/// Which IPython escape starts a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscapeKind {
    /// `!cmd`.
    Shell,
    /// `!!cmd`.
    ShellCapture,
    /// `%magic`.
    Magic,
    /// `?obj`.
    Help,
    /// `??obj`.
    Help2,
    /// `,f a b` (`f("a", "b")`).
    Quote,
    /// `;f a b` (`f("a b")`).
    Quote2,
    /// `/f a b` (`f(a, b)`).
    Paren,
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// An identifier.
    Name(String),
    /// A keyword.
    Keyword(Keyword),
    /// An integer literal.
    Int(i64),
    /// An integer literal too big for i64.
    BigInt(BigInt),
    /// A float literal.
    Float(f64),
    /// An imaginary literal.
    Imaginary(f64),
    /// A string literal.
    String(Box<StringToken>),
    /// An operator or delimiter.
    Op(Op),
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased.
    Dedent,
    /// End of input.
    EndMarker,
    /// An IPython escaped line (`!cmd`, `%magic`, ...): `content` is the text after the
    /// escape, continuation lines joined, trailing whitespace removed.
    Escape {
        /// Which escape.
        kind: EscapeKind,
        /// The text after it.
        content: String,
    },
    /// An IPython help line (`obj?`, `obj??`).
    Help {
        /// The object expression text.
        target: String,
        /// 1 for `?`, 2 for `??`.
        detail: u8,
    },
    /// The right side of `x = !cmd`: the command after `!`.
    AssignShell(String),
    /// The right side of `x = %magic args`.
    AssignMagic {
        /// Magic name.
        name: String,
        /// Its arguments.
        args: String,
    },
    /// The tokenizer failed here; the parser reports it when it reaches it.
    Error(Box<SyntaxError>),
}

/// A token with its source range.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it starts.
    pub start: Pos,
    /// Where it ends (exclusive).
    pub end: Pos,
    /// How many brackets are open around it (CPython's token `level`).
    pub level: u32,
}

impl Token {
    /// The token's span.
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end }
    }

    /// Whether this is the operator `op`.
    pub fn is_op(&self, op: Op) -> bool {
        matches!(self.kind, TokenKind::Op(o) if o == op)
    }

    /// Whether this is the keyword `kw`.
    pub fn is_kw(&self, kw: Keyword) -> bool {
        matches!(self.kind, TokenKind::Keyword(k) if k == kw)
    }
}
