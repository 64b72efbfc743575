//! Line layout as HDF5's tools do it (`h5tools_render_element`, `h5tools_simple_prefix`):
//! every rendered piece either continues the current line or starts a new one with an
//! indentation and, for data, an index prefix like `(3,0): `; lines wrap at the column
//! limit and at the end of each row of the last dimension.
//!
//! The arithmetic is HDF5's own, quirks included (the column count of an indented data
//! line counts one indentation level more than is printed, so data wraps a little
//! early), because the output must be the same bytes.

use std::io::{self, Write};
use std::rc::Rc;

use crate::render::cfmt::FloatFormat;

/// Separates sections of a rendered element that may go on separate lines.
pub const OPTIONAL_LINE_BREAK: u8 = 0x01;

/// One indentation level.
pub const INDENT: &[u8] = b"   ";

/// How a line's index prefix is written (`idx_fmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexStyle {
    /// No prefix (`""`).
    None,
    /// `(i,j): `.
    Paren,
    /// A double quote (h5dump `-r`).
    Quote,
}

/// The output format (`h5tool_format_t`), the parts h5lab's tools use.
#[derive(Debug, Clone)]
pub struct Format {
    /// Columns before wrapping.
    pub ncols: usize,
    /// Whether data lines carry index prefixes (changes the indentation arithmetic).
    pub pindex: bool,
    /// The index prefix.
    pub idx: IndexStyle,
    /// Whether continuation lines repeat the prefix (`line_pre` `"%s"` vs `""`).
    pub line_pre_keep: bool,
    /// After every element but the last.
    pub elmt_suf1: &'static [u8],
    /// Between elements on one line.
    pub elmt_suf2: &'static [u8],
    /// At the end of each line.
    pub line_suf: &'static [u8],
    /// Break lines at the end of each row of the last dimension.
    pub arr_linebreak: bool,
    /// Start an element that would wrap on a new line.
    pub line_multi_new: bool,
    /// Elements per line (0 = no limit).
    pub line_per_line: u64,
    /// Print 1-byte integers as characters.
    pub ascii: bool,
    /// Collapse runs of repeated characters longer than this (0 = never).
    pub str_repeat: usize,
    /// Escape non-printing characters (`-e`).
    pub do_escape: bool,
    /// `-m`'s format for 4-byte floats.
    pub float_fmt: Option<Rc<FloatFormat>>,
    /// The format for 8-byte floats.
    pub double_fmt: Option<Rc<FloatFormat>>,
    /// A space after each array separator (h5dump: yes; h5ls: no).
    pub arr_space: bool,
    /// Array elements: opening, separator and closing text.
    pub arr_pre: &'static [u8],
    /// See `arr_pre`.
    pub arr_sep: &'static [u8],
    /// See `arr_pre`.
    pub arr_suf: &'static [u8],
    /// Compound separator between members.
    pub cmpd_sep: &'static [u8],
    /// Compound opening.
    pub cmpd_pre: &'static [u8],
    /// Compound closing.
    pub cmpd_suf: &'static [u8],
    /// Text before the first member and before the closing brace.
    pub cmpd_end: &'static [u8],
    /// Variable-length sequence separator.
    pub vlen_sep: &'static [u8],
    /// h5ls: `{name=` style compound members (`cmpd_name`).
    pub cmpd_name_eq: bool,
}

impl Format {
    /// `h5tools_dataformat`, with h5dump's column setting.
    pub fn h5dump(ncols: usize) -> Format {
        Format {
            ncols,
            pindex: true,
            idx: IndexStyle::None,
            line_pre_keep: false,
            elmt_suf1: b",",
            elmt_suf2: b" ",
            line_suf: b"",
            arr_linebreak: true,
            line_multi_new: true,
            line_per_line: 0,
            ascii: false,
            str_repeat: 0,
            do_escape: false,
            float_fmt: None,
            double_fmt: None,
            arr_space: true,
            arr_pre: b"[ ",
            arr_sep: b",",
            arr_suf: b" ]",
            cmpd_sep: b",\n",
            cmpd_pre: b"{",
            cmpd_suf: b"}",
            cmpd_end: b"\n",
            vlen_sep: b", ",
            cmpd_name_eq: false,
        }
    }
}

/// The print context (`h5tools_context_t`).
#[derive(Debug, Clone, Default)]
pub struct Ctx {
    /// Indentation level.
    pub indent_level: usize,
    /// Used when `indent_level` is 0.
    pub default_indent_level: usize,
    /// Current output column (0 = at the start of a line).
    pub cur_column: usize,
    /// The next element starts a new line.
    pub need_prefix: bool,
    /// Width of the last prefix written.
    pub prev_prefix_len: usize,
    /// The previous element took several lines.
    pub prev_multiline: bool,
    /// Elements on the current line.
    pub cur_elmt: u64,
    /// Length of the last dimension (0 for scalars and headers).
    pub size_last_dim: u64,
    /// Position of the current block of data in the whole.
    pub sm_pos: u64,
    /// Blocks of data already printed.
    pub continuation: u64,
    /// Rank of the data.
    pub ndims: usize,
    /// Elements per unit step of each index.
    pub acc: Vec<u64>,
}

impl Ctx {
    /// A context at an indentation given in columns (h5dump's `dump_indent`): the
    /// cursor is taken to be in the middle of a line, so the first element starts one.
    pub fn at_indent(columns: usize) -> Ctx {
        Ctx { indent_level: columns / 3, cur_column: columns, ..Ctx::default() }
    }

    /// Prepares index arithmetic for data of shape `dims` (`init_acc_pos`).
    pub fn init_acc(&mut self, dims: &[u64]) {
        self.ndims = dims.len();
        self.acc = vec![1; dims.len()];
        for i in (0..dims.len().saturating_sub(1)).rev() {
            self.acc[i] = self.acc[i + 1].saturating_mul(dims[i + 1]);
        }
    }
}

/// Buffered output to any `Write`; the first write error is kept and reported at the end.
pub struct Out<'a> {
    buf: Vec<u8>,
    sink: &'a mut dyn Write,
    error: Option<io::Error>,
    data: Option<(Vec<u8>, &'a mut dyn Write)>,
    to_data: bool,
}

impl<'a> Out<'a> {
    /// Output to `sink`.
    pub fn new(sink: &'a mut dyn Write) -> Out<'a> {
        Out { buf: Vec::with_capacity(1 << 16), sink, error: None, data: None, to_data: false }
    }

    /// Sends dataset values to a separate sink while [`Out::to_data`] is on (h5dump's
    /// `-o`, `rawdatastream`).
    pub fn set_data_sink(&mut self, sink: &'a mut dyn Write) {
        self.data = Some((Vec::new(), sink));
    }

    /// Switches value output to the data sink (when there is one) or back.
    pub fn to_data(&mut self, on: bool) {
        self.to_data = on;
    }

    /// Appends bytes.
    pub fn put(&mut self, bytes: &[u8]) {
        if self.to_data {
            if let Some((buf, _)) = self.data.as_mut() {
                buf.extend_from_slice(bytes);
                if buf.len() >= 1 << 16 {
                    self.flush();
                }
                return;
            }
        }
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= 1 << 16 {
            self.flush();
        }
    }

    /// Writes what is buffered.
    pub fn flush(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.sink.write_all(&self.buf) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
        if let Some((buf, sink)) = self.data.as_mut() {
            if self.error.is_none() {
                if let Err(e) = sink.write_all(buf) {
                    self.error = Some(e);
                }
            }
            buf.clear();
        }
    }

    /// Flushes and reports the first error, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        if self.error.is_none() {
            if let Err(e) = self.sink.flush() {
                self.error = Some(e);
            }
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn count_ncols(s: &[u8]) -> usize {
    // HDF5 compares `char`s (signed) with ' ': bytes >= 0x80 are not counted.
    s.iter().filter(|&&b| (b as i8) >= b' ' as i8).count()
}

fn prefix_text(fmt: &Format, ctx: &Ctx, elmtno: u64, out: &mut Vec<u8>) {
    match fmt.idx {
        IndexStyle::None => {}
        IndexStyle::Quote => out.push(b'"'),
        IndexStyle::Paren => {
            out.push(b'(');
            if ctx.ndims > 0 {
                let mut rest = elmtno;
                for i in 0..ctx.ndims {
                    if i > 0 {
                        out.push(b',');
                    }
                    let acc = ctx.acc.get(i).copied().unwrap_or(1).max(1);
                    let p = if rest > 0 { rest / acc } else { 0 };
                    rest -= acc.saturating_mul(p).min(rest);
                    crate::render::cfmt::push_int(out, p as i128);
                }
            } else {
                crate::render::cfmt::push_int(out, elmtno as i128);
            }
            out.extend_from_slice(b"): ");
        }
    }
}

/// Ends the current line (if any) and starts a new one with indentation and prefix,
/// when `ctx.need_prefix` is set (`h5tools_simple_prefix`).
pub fn simple_prefix(out: &mut Out, fmt: &Format, ctx: &mut Ctx, elmtno: u64, secnum: usize) {
    if !ctx.need_prefix {
        return;
    }
    if ctx.cur_column != 0 {
        out.put(fmt.line_suf);
        out.put(b"\n");
    }
    let indent = if ctx.indent_level > 0 { ctx.indent_level } else { ctx.default_indent_level };
    if fmt.pindex {
        for _ in 0..indent.saturating_sub(1) {
            out.put(INDENT);
        }
    }
    let keep = (elmtno == 0 && secnum == 0) || secnum != 0 || fmt.line_pre_keep;
    let mut templength = 0;
    if keep && fmt.idx != IndexStyle::None {
        let mut prefix = Vec::with_capacity(16);
        prefix_text(fmt, ctx, elmtno, &mut prefix);
        out.put(&prefix);
        templength = prefix.len();
    }
    let counted = if fmt.pindex { if indent >= 2 { INDENT.len() } else { 0 } } else { INDENT.len() };
    for _ in 0..indent {
        if !fmt.pindex {
            out.put(INDENT);
        }
        templength += counted;
    }
    ctx.cur_column = templength;
    ctx.prev_prefix_len = templength;
    ctx.cur_elmt = 0;
    ctx.need_prefix = false;
}

/// Prints one rendered element, wrapping as HDF5 does; false when it ended a row of
/// the last dimension (`h5tools_render_element`).
pub fn render_element(
    out: &mut Out,
    fmt: &Format,
    ctx: &mut Ctx,
    s: &[u8],
    local_elmt_counter: u64,
    elmt_counter: u64,
) -> bool {
    let ncols = fmt.ncols;
    let extra = fmt.elmt_suf2.len() + fmt.line_suf.len();
    let width = count_ncols(s);
    if fmt.line_multi_new && ctx.cur_column + width + extra > ncols {
        if ctx.prev_multiline || ctx.prev_prefix_len + width + extra <= ncols {
            ctx.need_prefix = true;
        }
    }
    let mut dimension_break = true;
    if fmt.arr_linebreak && ctx.cur_elmt != 0 {
        if ctx.size_last_dim != 0 && ctx.cur_elmt % ctx.size_last_dim == 0 {
            ctx.need_prefix = true;
        }
        if elmt_counter == ctx.size_last_dim {
            ctx.need_prefix = true;
            dimension_break = false;
        }
    }
    if fmt.line_multi_new && ctx.prev_multiline && ctx.cur_column + width + extra > ncols {
        ctx.need_prefix = true;
    }
    if fmt.line_per_line > 0 && ctx.cur_elmt >= fmt.line_per_line {
        ctx.need_prefix = true;
    }
    let mut multiline = 0;
    for (secnum, section) in s.split(|&b| b == OPTIONAL_LINE_BREAK).filter(|p| !p.is_empty()).enumerate() {
        if ctx.cur_column + section.len() + extra > ncols {
            ctx.need_prefix = true;
        }
        if ctx.need_prefix {
            if secnum > 0 {
                multiline += 1;
            }
            let curr_pos = ctx.sm_pos + local_elmt_counter;
            simple_prefix(out, fmt, ctx, curr_pos, secnum);
        } else if (local_elmt_counter != 0 || ctx.continuation != 0) && secnum == 0 {
            out.put(fmt.elmt_suf2);
            ctx.cur_column += fmt.elmt_suf2.len();
        }
        out.put(section);
        ctx.cur_column += section.len();
    }
    ctx.prev_multiline = multiline > 0;
    dimension_break
}

/// Renders a header piece on a line of its own (need_prefix, then render).
pub fn render_line(out: &mut Out, fmt: &Format, ctx: &mut Ctx, s: &[u8]) {
    ctx.need_prefix = true;
    render_element(out, fmt, ctx, s, 0, 0);
}
