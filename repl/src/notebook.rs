//! Notebooks: reading `.ipynb` (nbformat 4) and percent-format cells files, turning
//! recorded outputs into the oracle's comparable shape, and writing executed notebooks
//! as `nbformat.write` does (nbformat 4.5: cell ids, multi-line strings split into
//! lines, keys sorted, one-space indent, a final newline).

use std::path::Path;

use h5lab_core::session::{ErrorReport, ExecuteOutcome, MimeBundle};
use serde_json::{json, Map, Value as Json};

/// A notebook in memory (the JSON document, kept whole so unknown fields survive).
pub struct Notebook {
    /// The nbformat document.
    pub doc: Json,
}

/// One code cell to run, with what was recorded for it.
pub struct CodeCell {
    /// Index in the notebook's `cells`.
    pub index: usize,
    /// Its source.
    pub source: String,
    /// Its recorded outputs, oracle-shaped (`run_cells.py`'s JSON), if any were recorded.
    pub expected: Option<Vec<Json>>,
}

/// Where a cells file's recorded outputs may be: `X.json` beside `X.py`; for
/// `X.cells.py` also `X.json` and `X.expected.json` (run_cells.py's and the seed's
/// names).
pub fn expected_json_paths(cells: &Path) -> Vec<std::path::PathBuf> {
    let mut paths = vec![cells.with_extension("json")];
    let name = cells.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(base) = name.strip_suffix(".cells.py") {
        paths.push(cells.with_file_name(format!("{base}.json")));
        paths.push(cells.with_file_name(format!("{base}.expected.json")));
    }
    paths
}

/// A multi-line string field: a string, or a list of lines to join.
pub fn joined(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Array(lines) => lines.iter().filter_map(Json::as_str).collect(),
        _ => String::new(),
    }
}

/// Python's `str.splitlines(True)` as nbformat splits multi-line strings.
pub fn split_lines(text: &str) -> Json {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let end = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    current.push('\n');
                    chars.next();
                }
                true
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        };
        if end {
            lines.push(Json::String(std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        lines.push(Json::String(current));
    }
    Json::Array(lines)
}

impl Notebook {
    /// Reads an `.ipynb`, or a percent-format `.py` (with the oracle's JSON of the same
    /// stem beside it, when there is one, as the recorded outputs).
    pub fn read(path: &Path) -> Result<Notebook, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if path.extension().is_some_and(|e| e == "py") {
            return Ok(Notebook::from_cells_file(&text, path));
        }
        let doc: Json = serde_json::from_str(&text).map_err(|e| format!("{} is not a notebook: {e}", path.display()))?;
        if doc.get("nbformat").and_then(Json::as_u64) != Some(4) || !doc["cells"].is_array() {
            return Err(format!("{} is not an nbformat 4 notebook", path.display()));
        }
        Ok(Notebook { doc })
    }

    fn from_cells_file(text: &str, path: &Path) -> Notebook {
        let expected: Option<Vec<Json>> = expected_json_paths(path)
            .into_iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str::<Json>(&t).ok())
            .and_then(|j| j.as_array().cloned());
        let cells: Vec<Json> = h5lab_core::cells::split_cells(text)
            .into_iter()
            .enumerate()
            .map(|(i, source)| {
                let mut cell = json!({"cell_type": "code", "execution_count": null, "id": cell_id(i), "metadata": {}, "outputs": [], "source": source});
                if let Some(recorded) = expected.as_ref().and_then(|e| e.get(i)) {
                    cell["h5lab_expected"] = recorded["outputs"].clone();
                }
                cell
            })
            .collect();
        let doc = json!({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5});
        Notebook { doc }
    }

    /// The code cells, in order (empty ones included: the caller skips them).
    pub fn code_cells(&self) -> Vec<CodeCell> {
        let cells = self.doc["cells"].as_array().cloned().unwrap_or_default();
        cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c["cell_type"] == "code")
            .map(|(index, cell)| {
                let expected = match cell.get("h5lab_expected") {
                    Some(recorded) => recorded.as_array().cloned(),
                    None => cell["outputs"].as_array().map(|outs| outs.iter().filter_map(oracle_output).collect()),
                };
                CodeCell { index, source: joined(&cell["source"]), expected }
            })
            .collect()
    }

    /// Records a cell's outputs and count (as nbclient leaves them).
    pub fn set_outputs(&mut self, index: usize, count: Option<u64>, outputs: Vec<Json>, timing: Option<Json>) {
        let Some(cell) = self.doc["cells"].get_mut(index) else { return };
        cell["outputs"] = Json::Array(outputs);
        cell["execution_count"] = count.map_or(Json::Null, Json::from);
        if let Some(timing) = timing {
            if !cell["metadata"].is_object() {
                cell["metadata"] = json!({});
            }
            cell["metadata"]["execution"] = timing;
        }
    }

    /// The language_info nbclient copies from the kernel's `kernel_info_reply`.
    pub fn set_language_info(&mut self) {
        if !self.doc["metadata"].is_object() {
            self.doc["metadata"] = json!({});
        }
        self.doc["metadata"]["language_info"] = json!({
            "codemirror_mode": {"name": "ipython", "version": 3},
            "file_extension": ".py",
            "mimetype": "text/x-python",
            "name": "python",
            "nbconvert_exporter": "python",
            "pygments_lexer": "ipython3",
            "version": "3.11.7"
        });
    }

    /// The document as `nbformat.write` writes it: nbformat 4.5 with cell ids,
    /// multi-line strings split into lines, keys sorted, indent 1, final newline.
    pub fn to_ipynb(&self) -> String {
        let mut doc = self.doc.clone();
        doc["nbformat"] = json!(4);
        doc["nbformat_minor"] = json!(5);
        if let Some(cells) = doc["cells"].as_array_mut() {
            for (i, cell) in cells.iter_mut().enumerate() {
                if let Some(obj) = cell.as_object_mut() {
                    obj.remove("h5lab_expected");
                    if !obj.get("id").is_some_and(Json::is_string) {
                        obj.insert("id".into(), json!(cell_id(i)));
                    }
                    if !obj.get("metadata").is_some_and(Json::is_object) {
                        obj.insert("metadata".into(), json!({}));
                    }
                    if let Some(Json::Object(meta)) = obj.get_mut("metadata") {
                        meta.remove("trusted");
                    }
                }
                let source = joined(&cell["source"]);
                cell["source"] = split_lines(&source);
                if let Some(outputs) = cell.get_mut("outputs").and_then(Json::as_array_mut) {
                    for output in outputs {
                        split_output(output);
                    }
                }
            }
        }
        if let Some(Json::Object(meta)) = doc.get_mut("metadata") {
            for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] {
                meta.remove(key);
            }
        }
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
        if serde::Serialize::serialize(&doc, &mut serializer).is_err() {
            return String::new();
        }
        let mut text = String::from_utf8(out).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn split_output(output: &mut Json) {
    match output["output_type"].as_str() {
        Some("stream") => {
            let text = joined(&output["text"]);
            output["text"] = split_lines(&text);
        }
        Some("execute_result" | "display_data") => {
            if let Some(data) = output.get_mut("data").and_then(Json::as_object_mut) {
                for (mime, value) in data.iter_mut() {
                    if mime.starts_with("text/") || mime == "application/javascript" || mime == "image/svg+xml" {
                        let text = joined(value);
                        *value = split_lines(&text);
                    }
                }
            }
        }
        _ => {}
    }
}

/// A cell id (nbformat 4.5): eight hex digits, derived from the position and a
/// per-process random seed.
fn cell_id(index: usize) -> String {
    use std::hash::{BuildHasher, Hasher};
    thread_local! {
        static SEED: std::collections::hash_map::RandomState = std::collections::hash_map::RandomState::new();
    }
    SEED.with(|seed| {
        let mut h = seed.build_hasher();
        h.write_usize(index);
        format!("{:08x}", h.finish() as u32)
    })
}

/// A notebook output in the oracle's comparable shape (`run_cells.py`'s `summarize`).
pub fn oracle_output(output: &Json) -> Option<Json> {
    match output["output_type"].as_str()? {
        "stream" => Some(json!({"type": "stream", "name": output["name"], "text": joined(&output["text"])})),
        kind @ ("execute_result" | "display_data") => {
            let data = output["data"].as_object().cloned().unwrap_or_default();
            let mut mimes: Vec<String> = data.keys().cloned().collect();
            mimes.sort();
            let plain = data.get("text/plain").map(joined);
            Some(json!({"type": kind, "text/plain": plain, "mimes": mimes}))
        }
        "error" => {
            let traceback: Vec<Json> = output["traceback"]
                .as_array()
                .map(|t| t.iter().map(|l| json!(h5lab_core::render::strip_ansi(l.as_str().unwrap_or("")))).collect())
                .unwrap_or_default();
            Some(json!({"type": "error", "ename": output["ename"], "evalue": output["evalue"], "traceback": traceback}))
        }
        _ => None,
    }
}

/// Merges consecutive stream outputs of one name, as run_cells.py and compare.py do.
pub fn merge_streams(outputs: Vec<Json>) -> Vec<Json> {
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
        merged.push(o);
    }
    merged
}

/// A MIME bundle as notebook `data`.
pub fn bundle_data(bundle: &MimeBundle) -> Json {
    let mut data = Map::new();
    for (mime, value) in bundle {
        let parsed = if mime == "application/json" || mime.ends_with("+json") { serde_json::from_str(value).ok() } else { None };
        data.insert(mime.clone(), parsed.unwrap_or_else(|| Json::String(value.clone())));
    }
    Json::Object(data)
}

/// The notebook outputs of an error.
pub fn error_output(error: &ErrorReport) -> Json {
    json!({"output_type": "error", "ename": error.ename, "evalue": error.evalue, "traceback": error.traceback})
}

/// The `execute_result` of an outcome, if it has one.
pub fn result_output(outcome: &ExecuteOutcome) -> Option<Json> {
    let result = outcome.result.as_ref()?;
    Some(json!({"output_type": "execute_result", "execution_count": outcome.execution_count, "data": bundle_data(result), "metadata": {}}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_python_splitlines_keepends() {
        assert_eq!(split_lines("a\nb"), json!(["a\n", "b"]));
        assert_eq!(split_lines("a\r\nb\n"), json!(["a\r\n", "b\n"]));
        assert_eq!(split_lines(""), json!([]));
    }

    #[test]
    fn outputs_become_oracle_shaped() {
        let stream = json!({"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]});
        assert_eq!(oracle_output(&stream), Some(json!({"type": "stream", "name": "stdout", "text": "a\nb\n"})));
        let result = json!({"output_type": "execute_result", "data": {"text/plain": ["1"], "text/html": "<b>"}, "execution_count": 1, "metadata": {}});
        assert_eq!(
            oracle_output(&result),
            Some(json!({"type": "execute_result", "text/plain": "1", "mimes": ["text/html", "text/plain"]}))
        );
        let error = json!({"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["\u{1b}[31mE\u{1b}[39m: v"]});
        assert_eq!(oracle_output(&error), Some(json!({"type": "error", "ename": "E", "evalue": "v", "traceback": ["E: v"]})));
    }

    #[test]
    fn written_notebooks_look_like_nbformats() {
        let nb = Notebook {
            doc: json!({"cells": [{"cell_type": "code", "execution_count": 1, "id": "abc", "metadata": {}, "outputs": [], "source": "x = 1\ny"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}),
        };
        let text = nb.to_ipynb();
        assert!(text.starts_with("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n"), "{text}");
        assert!(text.contains("   \"source\": [\n    \"x = 1\\n\",\n    \"y\"\n   ]\n"), "{text}");
        assert!(text.ends_with(" \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"), "{text}");
    }
}
