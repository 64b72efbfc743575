//! `obj?` and `obj??` in a cell: IPython's `%pinfo`/`%pinfo2`, which page the object's
//! information (a Jupyter pager payload, no stream output) or print
//! ``Object `name` not found.``; `*pattern*?` lists the matching names (`%psearch`).

use super::Interp;
use crate::session::{MimeBundle, PagePayload};
use crate::value::PyResult;

impl Interp {
    /// Pages help for `target`; `marks` is the parser's count of question marks (1 for
    /// `?`, 2 for `??`, which shows a function's source).
    pub(crate) fn show_help(&mut self, target: &str, marks: u8) -> PyResult<()> {
        let detail = marks.saturating_sub(1);
        let target = target.trim();
        if target.contains('*') {
            let text = crate::inspect::search_page(self, target);
            if !text.is_empty() {
                self.page(text);
            }
            return Ok(());
        }
        match crate::inspect::object_page(self, target, detail) {
            Some(text) => self.page(text),
            None => self.write_stdout(&format!("Object `{target}` not found.\n")),
        }
        Ok(())
    }

    /// Adds a page (plain text, possibly with ANSI colours) to the running cell's
    /// payloads.
    pub(crate) fn page(&mut self, text: String) {
        let data = MimeBundle::from([("text/plain".to_string(), text)]);
        self.pages.push(PagePayload { data, start: 0 });
    }
}
