//! `text/html` for h5py's high-level objects in Jupyter: a self-contained view (no
//! JavaScript, no external CSS, inline styles only) that JupyterLab, the classic
//! notebook, nbconvert and nbviewer all show. Files and groups are a collapsible tree
//! (`<details>`/`<summary>`) of their members — datasets with shape, dtype, chunks,
//! compression and attribute names; links with their targets — bounded in breadth,
//! depth and total size; a dataset is a table of its properties and attributes and a
//! preview of its first elements in NumPy's repr. Closed objects are their text.
//!
//! The view never fails a cell: whatever cannot be read is shown as such, and an
//! object whose view cannot be made at all simply has none (text/plain stays).

use super::hl::{group, HlKind, HlObject};
use crate::eval::Interp;
use crate::hdf5::attribute;
use crate::hdf5::link::{self, IndexType, IterOrder, LinkKind, LinkValue};
use crate::value::exception::{Exc, PyResult};
use crate::value::iter::Slice;
use crate::value::Value;

/// At most this many members of one group are listed (then "… and N more").
pub const MAX_MEMBERS: usize = 40;
/// Groups are expanded this many levels deep (deeper ones show their summary only).
pub const MAX_DEPTH: usize = 3;
/// At most this many members are listed in a whole tree.
pub const MAX_NODES: usize = 250;
/// At most this many attributes are listed for one object.
pub const MAX_ATTRIBUTES: usize = 20;
/// Longest text shown for one value (attribute value, fill value, preview).
const MAX_TEXT: usize = 2000;
/// Attribute names shown on one tree line.
const MAX_ATTRIBUTE_NAMES: usize = 6;

const ROOT_STYLE: &str = "font-family: var(--jp-code-font-family, monospace); font-size: var(--jp-code-font-size, 13px); line-height: 1.4";
const LIST_STYLE: &str = "list-style: none; margin: 0 0 0 0.4em; padding-left: 1em; border-left: 1px solid #ccc";
const NOTE_STYLE: &str = "color: #777";
const CELL_STYLE: &str = "text-align: left; padding: 0 1em 0 0; vertical-align: top";
const PRE_STYLE: &str = "margin: 0.2em 0; white-space: pre";

/// The HTML view of a high-level object, or `None` when it cannot be made.
pub fn html(vm: &mut Interp, obj: &HlObject, this: &Value) -> Option<String> {
    let mut h = Html::default();
    h.open("div", ROOT_STYLE);
    if !obj.is_open() {
        h.open("code", "");
        h.text(&vm.repr(this).ok()?);
        h.close();
        return Some(h.finish());
    }
    let mut view = View { vm, nodes_left: MAX_NODES };
    match obj.kind {
        HlKind::File | HlKind::Group => view.group_page(&mut h, obj, this).ok()?,
        HlKind::Dataset => view.dataset_page(&mut h, this).ok()?,
        HlKind::Datatype => {
            h.open("code", "");
            h.text(&view.vm.repr(this).ok()?);
            h.close();
        }
    }
    Some(h.finish())
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML writer whose elements are always closed in order (well-formed by
/// construction); text is escaped on the way in.
#[derive(Default)]
struct Html {
    out: String,
    open: Vec<&'static str>,
}

impl Html {
    fn open(&mut self, tag: &'static str, style: &str) {
        self.open_with(tag, style, "");
    }

    /// Opens an element with a bare attribute such as `open` (a fixed word, not data).
    fn open_with(&mut self, tag: &'static str, style: &str, flag: &'static str) {
        self.out.push('<');
        self.out.push_str(tag);
        if !style.is_empty() {
            self.out.push_str(" style=\"");
            self.out.push_str(&escape(style));
            self.out.push('"');
        }
        if !flag.is_empty() {
            self.out.push(' ');
            self.out.push_str(flag);
        }
        self.out.push('>');
        self.open.push(tag);
    }

    fn close(&mut self) {
        if let Some(tag) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(tag);
            self.out.push('>');
        }
    }

    fn text(&mut self, text: &str) {
        self.out.push_str(&escape(&clipped(text)));
    }

    fn element(&mut self, tag: &'static str, style: &str, text: &str) {
        self.open(tag, style);
        self.text(text);
        self.close();
    }

    fn note(&mut self, text: &str) {
        self.element("span", NOTE_STYLE, text);
    }

    fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Text cut at [`MAX_TEXT`] characters (with `…`).
fn clipped(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `KeyError: message` for a failure shown in the view.
fn describe(e: &Exc) -> String {
    match e.message() {
        Some(message) => format!("{}: {message}", e.name()),
        None => e.name(),
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The walk over one object: the interpreter and what is left of the node budget.
struct View<'a> {
    vm: &'a mut Interp,
    nodes_left: usize,
}

impl View<'_> {
    /// A File's or Group's page: its repr as the summary of an open tree.
    fn group_page(&mut self, h: &mut Html, obj: &HlObject, this: &Value) -> PyResult<()> {
        let title = self.vm.repr(this)?;
        h.open_with("details", "", "open");
        h.open("summary", "");
        h.element("b", "", &title);
        h.close();
        if obj.kind == HlKind::File {
            if let Ok(name) = self.vm.getattr(this, "filename").and_then(|v| self.vm.str(&v)) {
                h.open("div", "");
                h.note("file ");
                h.text(&name);
                h.close();
            }
        }
        self.attribute_table(h, obj, this);
        self.members(h, obj, this, 0);
        h.close();
        Ok(())
    }

    /// The members of a group as a list, bounded.
    fn members(&mut self, h: &mut Html, obj: &HlObject, this: &Value, depth: usize) {
        let names = match group::member_names(obj) {
            Ok(names) => names,
            Err(e) => {
                h.note(&format!("(members cannot be listed: {})", describe(&e)));
                return;
            }
        };
        if names.is_empty() {
            return;
        }
        h.open("ul", LIST_STYLE);
        let mut shown = 0;
        for name in names.iter().take(MAX_MEMBERS) {
            if self.nodes_left == 0 {
                break;
            }
            self.nodes_left -= 1;
            shown += 1;
            h.open("li", "");
            self.member(h, obj, this, name, depth);
            h.close();
        }
        if shown < names.len() {
            h.open("li", "");
            h.note(&format!("… and {} more", names.len() - shown));
            h.close();
        }
        h.close();
    }

    /// One member: a link's target, a dataset's line, or a group's subtree.
    fn member(&mut self, h: &mut Html, parent: &HlObject, parent_value: &Value, name: &str, depth: usize) {
        let handle = parent.oid().handle();
        let kind = match link::info(&handle, name.as_bytes(), None) {
            Ok(info) => info.kind,
            Err(e) => {
                h.element("b", "", name);
                h.note(&format!(" ({})", describe(&Exc::from_hdf5(e))));
                return;
            }
        };
        if kind != LinkKind::Hard {
            h.element("b", "", name);
            let (target, what) = match link::value(&handle, name.as_bytes(), None) {
                Ok(LinkValue::Soft(path)) => (String::from_utf8_lossy(&path).into_owned(), "soft link"),
                Ok(LinkValue::External { file, path }) => {
                    (format!("{}:{}", String::from_utf8_lossy(&file), String::from_utf8_lossy(&path)), "external link")
                }
                _ => (String::new(), "user-defined link"),
            };
            if !target.is_empty() {
                h.text(" → ");
                h.element("code", "", &target);
            }
            h.note(&format!(" {what}"));
            return;
        }
        let child = match self.vm.getitem(parent_value, &Value::str(name)) {
            Ok(child) => child,
            Err(e) => {
                h.element("b", "", name);
                h.note(&format!(" ({})", describe(&e)));
                return;
            }
        };
        let Some(child_obj) = child.downcast::<HlObject>() else { return };
        match child_obj.kind {
            HlKind::Group | HlKind::File => self.group_line(h, child_obj, &child, name, depth),
            HlKind::Dataset => {
                h.element("b", "", name);
                let line = self.dataset_summary(&child);
                h.note(&format!(" dataset{line}{}", attribute_names(child_obj)));
            }
            HlKind::Datatype => {
                h.element("b", "", name);
                h.note(" named datatype");
            }
        }
    }

    /// A subgroup: expandable while depth allows and it has members.
    fn group_line(&mut self, h: &mut Html, obj: &HlObject, this: &Value, name: &str, depth: usize) {
        let count = group::len(obj).unwrap_or(0);
        let note = format!(" group, {}{}", plural(count, "member"), attribute_names(obj));
        if count == 0 || depth + 1 >= MAX_DEPTH || self.nodes_left == 0 {
            h.element("b", "", &format!("{name}/"));
            h.note(&note);
            return;
        }
        h.open("details", "");
        h.open("summary", "");
        h.element("b", "", &format!("{name}/"));
        h.note(&note);
        h.close();
        self.members(h, obj, this, depth + 1);
        h.close();
    }

    /// `, shape (100,), int8, chunks (10,), gzip (4)` for a tree line.
    fn dataset_summary(&mut self, this: &Value) -> String {
        let mut parts = Vec::new();
        let shape = self.shown(this, "shape", true);
        parts.push(if shape == "None" { "empty (null dataspace)".to_string() } else { format!("shape {shape}") });
        parts.push(self.shown(this, "dtype", false));
        let chunks = self.shown(this, "chunks", true);
        if chunks != "None" {
            parts.push(format!("chunks {chunks}"));
        }
        if let Some(compression) = self.compression(this) {
            parts.push(compression);
        }
        format!(", {}", parts.join(", "))
    }

    /// `gzip (4)`, `lzf`, or `None` without compression.
    fn compression(&mut self, this: &Value) -> Option<String> {
        let compression = self.shown(this, "compression", false);
        if compression == "None" || compression == "?" {
            return None;
        }
        let opts = self.shown(this, "compression_opts", true);
        Some(if opts == "None" || opts == "?" { compression } else { format!("{compression} ({opts})") })
    }

    /// An attribute of a value as text (`repr` or `str`), `?` when it cannot be read.
    fn shown(&mut self, this: &Value, name: &str, repr: bool) -> String {
        let value = match self.vm.getattr(this, name) {
            Ok(v) => v,
            Err(_) => return "?".into(),
        };
        let text = if repr { self.vm.repr(&value) } else { self.vm.str(&value) };
        text.unwrap_or_else(|_| "?".into())
    }

    /// A Dataset's page: its repr, a table of properties, attributes, a preview.
    fn dataset_page(&mut self, h: &mut Html, this: &Value) -> PyResult<()> {
        let title = self.vm.repr(this)?;
        let Some(obj) = this.downcast::<HlObject>() else { return Ok(()) };
        h.element("b", "", &title);
        h.open("table", "");
        let path = self.shown(this, "name", false);
        let mut rows = vec![("path", path)];
        if let Ok(name) = self.vm.getattr(this, "file").and_then(|f| self.vm.getattr(&f, "filename")).and_then(|v| self.vm.str(&v)) {
            rows.push(("file", name));
        }
        for (label, name, repr) in [("shape", "shape", true), ("maxshape", "maxshape", true), ("dtype", "dtype", false), ("chunks", "chunks", true)] {
            rows.push((label, self.shown(this, name, repr)));
        }
        rows.push(("compression", self.compression(this).unwrap_or_else(|| "None".into())));
        rows.push(("fillvalue", self.shown(this, "fillvalue", true)));
        for (label, value) in rows {
            h.open("tr", "");
            h.element("th", CELL_STYLE, label);
            h.open("td", CELL_STYLE);
            h.element("code", "", &value);
            h.close();
            h.close();
        }
        h.close();
        self.attribute_table(h, obj, this);
        self.preview(h, this);
        Ok(())
    }

    /// The attributes of an object as a collapsible table of names and values (names
    /// alone when the values cannot be read).
    fn attribute_table(&mut self, h: &mut Html, obj: &HlObject, this: &Value) {
        let names = attribute_list(obj);
        if names.is_empty() {
            return;
        }
        let attrs = self.vm.getattr(this, "attrs").ok();
        h.open("details", "");
        h.open("summary", "");
        h.text(&plural(names.len(), "attribute"));
        h.close();
        h.open("table", "");
        for name in names.iter().take(MAX_ATTRIBUTES) {
            let value = attrs.as_ref().and_then(|a| self.vm.getitem(a, &Value::str(name)).ok());
            let value = value.and_then(|v| self.vm.repr(&v).ok());
            h.open("tr", "");
            h.element("th", CELL_STYLE, name);
            h.open("td", CELL_STYLE);
            if let Some(text) = value {
                h.element("code", "", &text);
            }
            h.close();
            h.close();
        }
        if names.len() > MAX_ATTRIBUTES {
            h.open("tr", "");
            h.open("td", CELL_STYLE);
            h.note(&format!("… and {} more", names.len() - MAX_ATTRIBUTES));
            h.close();
            h.close();
        }
        h.close();
        h.close();
    }

    /// The first elements (`dset[:10]`, `dset[:5, :5]`, ...) in NumPy's repr.
    fn preview(&mut self, h: &mut Html, this: &Value) {
        let Ok(shape) = self.vm.getattr(this, "shape") else { return };
        if matches!(shape, Value::None) {
            return;
        }
        let Ok(dims) = self.vm.collect(&shape).and_then(|d| d.iter().map(|n| self.vm.index_value(n, "shape")).collect::<PyResult<Vec<i64>>>())
        else {
            return;
        };
        let caps = preview_caps(dims.len());
        let whole = dims.iter().zip(&caps).all(|(&n, &cap)| n <= cap as i64);
        let key = Value::tuple(
            caps.iter()
                .map(|&cap| Value::object(Slice { start: Value::None, stop: Value::Int(cap as i64), step: Value::None }))
                .collect(),
        );
        let text = match self.vm.getitem(this, &key).and_then(|data| self.vm.repr(&data)) {
            Ok(text) => text,
            Err(e) => format!("(cannot be read: {})", describe(&e)),
        };
        let label = if whole {
            "data".to_string()
        } else {
            let slices: Vec<String> = caps.iter().map(|cap| format!(":{cap}")).collect();
            format!("first elements, [{}]", slices.join(", "))
        };
        h.open_with("details", "", "open");
        h.element("summary", "", &label);
        h.element("pre", PRE_STYLE, &text);
        h.close();
    }
}

/// How many elements of each axis the preview reads: 10 of a vector, 5×5 of a
/// matrix, 3×3×3 of the last three axes and 1 of any before them.
fn preview_caps(ndim: usize) -> Vec<usize> {
    match ndim {
        1 => vec![10],
        2 => vec![5, 5],
        n => (0..n).map(|i| if i + 3 >= n { 3 } else { 1 }).collect(),
    }
}

/// An object's attribute names, by name (empty when they cannot be listed).
fn attribute_list(obj: &HlObject) -> Vec<String> {
    attribute::list(&obj.oid().handle(), IndexType::Name, IterOrder::Increasing)
        .map(|list| list.into_iter().map(|(name, _)| String::from_utf8_lossy(&name).into_owned()).collect())
        .unwrap_or_default()
}

/// `, attrs: a, b, c` for a tree line (a few names), or nothing.
fn attribute_names(obj: &HlObject) -> String {
    let names = attribute_list(obj);
    if names.is_empty() {
        return String::new();
    }
    let mut shown: Vec<&str> = names.iter().take(MAX_ATTRIBUTE_NAMES).map(String::as_str).collect();
    let more = format!("… (+{})", names.len().saturating_sub(MAX_ATTRIBUTE_NAMES));
    if names.len() > MAX_ATTRIBUTE_NAMES {
        shown.push(&more);
    }
    format!(", attrs: {}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn elements_close_in_order() {
        let mut h = Html::default();
        h.open("div", "a<b");
        h.open_with("details", "", "open");
        h.element("summary", "", "<x>");
        assert_eq!(h.finish(), "<div style=\"a&lt;b\"><details open><summary>&lt;x&gt;</summary></details></div>");
    }

    #[test]
    fn long_text_is_clipped() {
        let long = "x".repeat(MAX_TEXT + 10);
        assert_eq!(clipped(&long).chars().count(), MAX_TEXT + 1);
        assert_eq!(clipped("short"), "short");
    }

    #[test]
    fn previews_stay_small() {
        assert_eq!(preview_caps(0), Vec::<usize>::new());
        assert_eq!(preview_caps(1), vec![10]);
        assert_eq!(preview_caps(2), vec![5, 5]);
        assert_eq!(preview_caps(5), vec![1, 1, 3, 3, 3]);
    }
}
