//! Cells files and their recorded outputs: splitting the percent format (`# %%`),
//! running cells through a [`Session`] while recording what a notebook would show, and
//! comparing two recordings the way the oracle's `compare.py` does.
//!
//! The JSON shape is the oracle's (`run_cells.py`): per cell its source and outputs,
//! each `{"type": "stream", "name", "text"}`, `{"type": "execute_result" |
//! "display_data", "text/plain", "mimes"}` or `{"type": "error", "ename", "evalue",
//! "traceback"}` with ANSI escapes stripped.

use serde_json::{json, Value as Json};

use crate::session::{ExecuteOptions, InputError, MimeBundle, OutputSink, Session, StreamName};

/// Splits a percent-format cells file as `run_cells.py` does: on lines starting with
/// `# %%`, dropping empty cells and the newlines around each.
pub fn split_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut current = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("# %%") {
            cells.push(std::mem::take(&mut current));
        } else {
            current.push_str(line);
        }
    }
    cells.push(current);
    cells
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim_matches('\n').to_string())
        .collect()
}

/// One recorded output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Text on stdout or stderr (consecutive chunks merged).
    Stream { name: String, text: String },
    /// `Out[n]` (`execute_result`) or a `display()` (`display_data`), with the display
    /// id it was shown under (later updates replace it, as a notebook does).
    Data { kind: &'static str, text_plain: Option<String>, mimes: Vec<String>, display_id: Option<String> },
    /// An uncaught exception.
    Error { ename: String, evalue: String, traceback: Vec<String> },
}

impl Output {
    /// The oracle's JSON for this output.
    pub fn to_json(&self) -> Json {
        match self {
            Output::Stream { name, text } => json!({"type": "stream", "name": name, "text": text}),
            Output::Data { kind, text_plain, mimes, .. } => json!({"type": kind, "text/plain": text_plain, "mimes": mimes}),
            Output::Error { ename, evalue, traceback } => {
                json!({"type": "error", "ename": ename, "evalue": evalue, "traceback": traceback})
            }
        }
    }
}

/// Records a cell's outputs as a notebook (nbclient) keeps them: `clear_output(wait)`
/// clears now or before the next output; `update_display` replaces the outputs shown
/// under its display id, in this cell or in earlier ones (`earlier`).
#[derive(Default)]
pub struct RecordingSink {
    /// The outputs so far.
    pub outputs: Vec<Output>,
    /// The outputs of earlier cells, which display updates may change.
    pub earlier: Vec<Vec<Output>>,
    clear_before_next: bool,
}

impl RecordingSink {
    fn before_output(&mut self) {
        if std::mem::take(&mut self.clear_before_next) {
            self.outputs.clear();
        }
    }
}

impl OutputSink for RecordingSink {
    fn stream(&mut self, name: StreamName, text: &str) {
        self.before_output();
        if let Some(Output::Stream { name: last, text: buffer }) = self.outputs.last_mut() {
            if last == name.as_str() {
                buffer.push_str(text);
                return;
            }
        }
        self.outputs.push(Output::Stream { name: name.as_str().to_string(), text: text.to_string() });
    }

    fn display(&mut self, bundle: MimeBundle, display_id: Option<&str>, update: bool) {
        if update {
            let Some(id) = display_id else { return };
            let replacement = data_output("display_data", &bundle, Some(id));
            for output in self.earlier.iter_mut().flatten().chain(self.outputs.iter_mut()) {
                if let Output::Data { display_id: Some(shown), .. } = output {
                    if shown == id {
                        *output = replacement.clone();
                    }
                }
            }
            return;
        }
        self.before_output();
        self.outputs.push(data_output("display_data", &bundle, display_id));
    }

    fn clear_output(&mut self, wait: bool) {
        if wait {
            self.clear_before_next = true;
        } else {
            self.outputs.clear();
        }
    }

    fn input(&mut self, _prompt: &str, _password: bool) -> Result<String, InputError> {
        Err(InputError::NotAllowed)
    }
}

fn data_output(kind: &'static str, bundle: &MimeBundle, display_id: Option<&str>) -> Output {
    Output::Data {
        kind,
        text_plain: bundle.get("text/plain").cloned(),
        mimes: bundle.keys().cloned().collect(),
        display_id: display_id.map(str::to_string),
    }
}

/// Removes ANSI escape sequences (`\x1b[...X`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs one cell and returns its recorded outputs (errors last, tracebacks without
/// ANSI escapes).
pub fn run_cell(session: &mut Session, code: &str) -> Vec<Output> {
    run_cell_after(session, code, &mut Vec::new())
}

/// Runs one cell after the cells whose outputs are `earlier` (display updates may
/// change those).
fn run_cell_after(session: &mut Session, code: &str, earlier: &mut Vec<Vec<Output>>) -> Vec<Output> {
    let mut sink = RecordingSink { earlier: std::mem::take(earlier), ..RecordingSink::default() };
    let outcome = session.execute(code, ExecuteOptions::default(), &mut sink);
    *earlier = std::mem::take(&mut sink.earlier);
    let mut outputs = sink.outputs;
    if let Some(result) = outcome.result {
        outputs.push(data_output("execute_result", &result, None));
    }
    if let Some(error) = outcome.error {
        outputs.push(Output::Error {
            ename: error.ename,
            evalue: error.evalue,
            traceback: error.traceback.iter().map(|t| strip_ansi(t)).collect(),
        });
    }
    outputs
}

/// Runs every cell and returns the oracle-shaped JSON (a list of `{source, outputs}`).
pub fn run_cells_json(session: &mut Session, cells: &[String]) -> Json {
    let mut recorded: Vec<Vec<Output>> = Vec::new();
    for code in cells {
        let outputs = run_cell_after(session, code, &mut recorded);
        recorded.push(outputs);
    }
    Json::Array(
        cells
            .iter()
            .zip(&recorded)
            .map(|(code, outputs)| {
                let outputs: Vec<Json> = outputs.iter().map(Output::to_json).collect();
                json!({"source": code, "outputs": outputs})
            })
            .collect(),
    )
}

/// compare.py's normalisation: memory addresses become `0x?`, the oracle's temporary
/// working directory `<cwd>`, and a SyntaxError's hashed cell file name `<cell>.py`.
pub fn normalize(text: &str) -> String {
    let text = replace_cell_file(text);
    let text = replace_addresses(&text);
    let text = replace_kernel_pid(&text);
    replace_cwd(&text)
}

/// `/tmp/ipykernel_<digits>/` (where IPython keeps a cell's code: warnings, `File:` of
/// inspect) becomes `/tmp/ipykernel_<pid>/`: the kernel's process id differs per run.
pub fn replace_kernel_pid(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("ipykernel_") {
        out.push_str(&rest[..i + "ipykernel_".len()]);
        rest = &rest[i + "ipykernel_".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with('/') {
            out.push_str("<pid>");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn replace_cell_file(text: &str) -> String {
    // "(<digits>.py, line" -> "(<cell>.py, line"
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('(') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(".py, line") {
            out.push_str("<cell>");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

fn replace_addresses(text: &str) -> String {
    // 0x + 4 or more hex digits; or an 8+ digit decimal after " at ".
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'0' && bytes.get(i + 1) == Some(&b'x') {
            let hex = bytes[i + 2..].iter().take_while(|b| b.is_ascii_hexdigit()).count();
            if hex >= 4 {
                out.push_str("0x?");
                i += 2 + hex;
                continue;
            }
        }
        if text[i..].starts_with(" at ") {
            let digits = bytes[i + 4..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits >= 8 {
                out.push_str(" at 0x?");
                i += 4 + digits;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn replace_cwd(text: &str) -> String {
    // /tmp/cells-XXXX -> <cwd>
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("/tmp/cells-") {
        out.push_str(&rest[..i]);
        rest = &rest[i + "/tmp/cells-".len()..];
        let n = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').count();
        rest = &rest[n..];
        out.push_str("<cwd>");
    }
    out.push_str(rest);
    out
}

/// compare.py's rendering of a cell's outputs into comparable lines.
pub fn render_outputs(outputs: &[Json]) -> Vec<String> {
    let mut merged: Vec<Json> = Vec::new();
    for o in outputs {
        if o["type"] == "stream" {
            if let Some(last) = merged.last_mut() {
                if last["type"] == "stream" && last["name"] == o["name"] {
                    let text = format!("{}{}", last["text"].as_str().unwrap_or(""), o["text"].as_str().unwrap_or(""));
                    last["text"] = Json::String(text);
                    continue;
                }
            }
        }
        merged.push(o.clone());
    }
    let mut lines = Vec::new();
    for o in &merged {
        let kind = o["type"].as_str().unwrap_or("");
        match kind {
            "stream" => {
                lines.push(format!("[{}]", o["name"].as_str().unwrap_or("")));
                let text = o["text"].as_str().unwrap_or("").replace("\r\n", "\n");
                lines.extend(normalize(&text).split('\n').map(str::to_string));
            }
            "execute_result" | "display_data" => {
                lines.push(format!("[{kind}]"));
                lines.extend(normalize(o["text/plain"].as_str().unwrap_or("")).split('\n').map(str::to_string));
            }
            "error" => {
                lines.push(format!("[error {}]", o["ename"].as_str().unwrap_or("")));
                lines.push(normalize(o["evalue"].as_str().unwrap_or("")));
                for entry in o["traceback"].as_array().into_iter().flatten() {
                    let entry = entry.as_str().unwrap_or("");
                    if entry.starts_with("File ") {
                        continue;
                    }
                    lines.extend(normalize(entry).trim_end_matches('\n').split('\n').map(str::to_string));
                }
            }
            _ => {}
        }
    }
    lines
}

/// One cell whose outputs differ.
#[derive(Debug, Clone)]
pub struct CellDiff {
    /// 1-based cell number.
    pub cell: usize,
    /// The cell's first source line.
    pub first_line: String,
    /// Expected lines.
    pub expected: Vec<String>,
    /// Actual lines.
    pub actual: Vec<String>,
}

impl CellDiff {
    /// A readable report: the cell, then the differing lines.
    pub fn report(&self) -> String {
        let mut text = format!("--- cell {}: {}\n", self.cell, self.first_line);
        let n = self.expected.len().max(self.actual.len());
        for i in 0..n {
            let (e, a) = (self.expected.get(i), self.actual.get(i));
            if e != a {
                if let Some(e) = e {
                    text.push_str(&format!("-{e}\n"));
                }
                if let Some(a) = a {
                    text.push_str(&format!("+{a}\n"));
                }
            }
        }
        text
    }
}

/// Compares recordings cell by cell, as compare.py does; the differing cells.
pub fn compare(expected: &Json, actual: &Json) -> (usize, Vec<CellDiff>) {
    let empty = Vec::new();
    let expected_cells = expected.as_array().unwrap_or(&empty);
    let actual_cells = actual.as_array().unwrap_or(&empty);
    let mut diffs = Vec::new();
    for (i, e) in expected_cells.iter().enumerate() {
        let le = render_outputs(e["outputs"].as_array().unwrap_or(&empty));
        let la = match actual_cells.get(i) {
            Some(a) => render_outputs(a["outputs"].as_array().unwrap_or(&empty)),
            None => vec!["[missing]".into(), "(cell not run)".into()],
        };
        if le != la {
            let first_line = e["source"].as_str().unwrap_or("").lines().next().unwrap_or("").to_string();
            diffs.push(CellDiff { cell: i + 1, first_line, expected: le, actual: la });
        }
    }
    (expected_cells.len(), diffs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_pid_is_masked() {
        let a = normalize("/tmp/ipykernel_18254/4171596545.py:3: RuntimeWarning: x");
        assert_eq!(a, normalize("/tmp/ipykernel_99/4171596545.py:3: RuntimeWarning: x"));
        assert_eq!(a, "/tmp/ipykernel_<pid>/4171596545.py:3: RuntimeWarning: x");
        assert_eq!(normalize("ipykernel_12 x"), "ipykernel_12 x");
    }

    #[test]
    fn split_matches_run_cells_py() {
        let cells = split_cells("import h5py\n# %%\n\nx = 1\n\n# %% [markdown]\n# %%\ny\n");
        assert_eq!(cells, vec!["import h5py", "x = 1", "y"]);
    }

    #[test]
    fn normalisation_masks_addresses_and_cell_files() {
        assert_eq!(normalize("<h5py.h5d.DatasetID at 0x7fb0ac536840>"), "<h5py.h5d.DatasetID at 0x?>");
        assert_eq!(normalize("incomplete input (3956648022.py, line 1)"), "incomplete input (<cell>.py, line 1)");
        assert_eq!(normalize("in /tmp/cells-ab_12/x.h5"), "in <cwd>/x.h5");
        assert_eq!(normalize("0x1f"), "0x1f");
    }
}
