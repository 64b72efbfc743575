//! Jupyter messages as serde types: the header, a parsed incoming request, and the
//! contents h5lab reads and writes.
//!
//! Requests are read leniently (every field defaults, numbers may come as floats,
//! `null` is absent): jupyter_client omits `stop` on history range, `n`/`unique` on
//! search and sometimes `silent`. Contents that still do not fit give a
//! [`ContentError`] that the caller turns into an error reply.

use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The protocol version h5lab speaks (and writes in every header).
pub const PROTOCOL_VERSION: &str = "5.3";

/// A message header.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Header {
    /// Unique id of this message.
    #[serde(default)]
    pub msg_id: String,
    /// The sender's session id.
    #[serde(default)]
    pub session: String,
    /// The sender's user name.
    #[serde(default)]
    pub username: String,
    /// ISO 8601 time of sending.
    #[serde(default)]
    pub date: String,
    /// The message type, e.g. `execute_request`.
    pub msg_type: String,
    /// The protocol version, e.g. `5.3`.
    #[serde(default)]
    pub version: String,
}

/// A request's header as received, shared by everything the request causes.
pub type Parent = std::sync::Arc<Value>;

/// A signed, parsed incoming message.
#[derive(Debug, Clone)]
pub struct Request {
    /// Routing identities to echo on replies.
    pub identities: Vec<Bytes>,
    /// The header, typed.
    pub header: Header,
    /// The header exactly as received: the `parent_header` of everything it causes.
    pub raw_header: Parent,
    /// The request's metadata (no handler needs it yet).
    #[allow(dead_code)]
    pub metadata: Value,
    /// The content, unparsed (each handler parses what it needs).
    pub content: Value,
    /// When the kernel received it.
    pub received: std::time::Instant,
    /// Binary buffers (outside the signature), kept with the request; no handler uses
    /// them yet (h5lab has no comms).
    #[allow(dead_code)]
    pub buffers: Vec<Bytes>,
}

impl Request {
    /// The message type.
    pub fn msg_type(&self) -> &str {
        &self.header.msg_type
    }

    /// The reply type for this request (`x_request` → `x_reply`).
    pub fn reply_type(&self) -> String {
        reply_type_for(&self.header.msg_type)
    }

    /// The content parsed as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ContentError> {
        T::deserialize(&self.content).map_err(|e| ContentError(format!("invalid {} content: {e}", self.msg_type())))
    }
}

/// `x_request` → `x_reply` (and anything else gets `_reply` appended to its stem).
pub fn reply_type_for(msg_type: &str) -> String {
    match msg_type.strip_suffix("_request") {
        Some(stem) => format!("{stem}_reply"),
        None => format!("{msg_type}_reply"),
    }
}

/// A request's content did not have the shape its type requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError(pub String);

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Now as ISO 8601 UTC with microseconds (`2024-05-01T12:34:56.123456Z`): jupyter_client
/// leaves dates with more than 6 fractional digits unparsed.
pub fn iso8601_now() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    iso8601(now.as_secs(), now.subsec_micros())
}

/// `secs` since the epoch plus `micros`, as ISO 8601 UTC.
pub fn iso8601(secs: u64, micros: u32) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{micros:06}Z")
}

/// Parses an ISO 8601 date as Jupyter clients write them (`2024-05-01T12:34:56.123456Z`,
/// `...+02:00`, `...` without zone meaning UTC) into seconds since the epoch.
pub fn parse_iso8601(text: &str) -> Option<f64> {
    let (date, time) = text.trim().split_once(['T', ' '])?;
    let mut ymd = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (ymd.next()??, ymd.next()??, ymd.next()??);
    let (clock, offset) = match time.find(['Z', 'z', '+', '-']) {
        Some(i) => (&time[..i], &time[i..]),
        None => (time, ""),
    };
    let offset_secs = match offset {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let (h, m) = zone[1..].split_once(':').unwrap_or((&zone[1..], "0"));
            sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60)
        }
    };
    let mut hms = clock.splitn(3, ':');
    let (h, m) = (hms.next()?.parse::<i64>().ok()?, hms.next()?.parse::<i64>().ok()?);
    let secs: f64 = hms.next().unwrap_or("0").parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3600 + m * 60 - offset_secs) as f64 + secs)
}

/// An integer that may arrive as a JSON float (`3.0`) or `null`.
fn lenient_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(match value {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// A boolean that may arrive as `null` (then `default`).
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::Number(n)) => Some(n.as_f64().is_some_and(|f| f != 0.0)),
        _ => None,
    })
}

// ---------------------------------------------------------------- requests

/// `execute_request`.
#[derive(Debug, Clone, Deserialize)]
pub struct ExecuteRequest {
    /// The cell.
    pub code: String,
    /// Run quietly: no outputs, no counting.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub silent: Option<bool>,
    /// Record in history and count.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub store_history: Option<bool>,
    /// Expressions to evaluate after the cell (answered with `{}`).
    #[serde(default)]
    #[allow(dead_code)]
    pub user_expressions: Option<Value>,
    /// Whether the client answers `input_request`s.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub allow_stdin: Option<bool>,
    /// Abort queued executes when this one fails.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub stop_on_error: Option<bool>,
}

impl ExecuteRequest {
    /// `silent`, default false.
    pub fn silent(&self) -> bool {
        self.silent.unwrap_or(false)
    }
    /// `store_history`, default true; false whenever silent.
    pub fn store_history(&self) -> bool {
        self.store_history.unwrap_or(true) && !self.silent()
    }
    /// `allow_stdin`, default true.
    pub fn allow_stdin(&self) -> bool {
        self.allow_stdin.unwrap_or(true)
    }
    /// `stop_on_error`, default true.
    pub fn stop_on_error(&self) -> bool {
        self.stop_on_error.unwrap_or(true)
    }
}

/// `complete_request` and `inspect_request` (cursor in code points).
#[derive(Debug, Clone, Deserialize)]
pub struct CodeAtCursor {
    /// The code.
    pub code: String,
    /// Cursor position in Unicode code points; default the end.
    #[serde(default, deserialize_with = "lenient_int")]
    pub cursor_pos: Option<i64>,
    /// Inspect's detail level (0 or 1).
    #[serde(default, deserialize_with = "lenient_int")]
    pub detail_level: Option<i64>,
}

impl CodeAtCursor {
    /// The cursor, clamped to the code's length in code points.
    pub fn cursor(&self) -> usize {
        let len = self.code.chars().count();
        match self.cursor_pos {
            Some(p) if p >= 0 => (p as usize).min(len),
            _ => len,
        }
    }
}

/// `is_complete_request`.
#[derive(Debug, Clone, Deserialize)]
pub struct IsCompleteRequest {
    /// The code so far.
    pub code: String,
}

/// `history_request`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HistoryRequest {
    /// Include outputs.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub output: Option<bool>,
    /// Raw input (h5lab keeps only raw input).
    #[serde(default, deserialize_with = "lenient_bool")]
    #[allow(dead_code)]
    pub raw: Option<bool>,
    /// `range`, `tail` or `search`.
    #[serde(default)]
    pub hist_access_type: Option<String>,
    /// range: session number (0 current, negative relative).
    #[serde(default, deserialize_with = "lenient_int")]
    pub session: Option<i64>,
    /// range: first line.
    #[serde(default, deserialize_with = "lenient_int")]
    pub start: Option<i64>,
    /// range: line after the last.
    #[serde(default, deserialize_with = "lenient_int")]
    pub stop: Option<i64>,
    /// tail/search: how many.
    #[serde(default, deserialize_with = "lenient_int")]
    pub n: Option<i64>,
    /// search: glob pattern.
    #[serde(default)]
    pub pattern: Option<String>,
    /// search: drop duplicates.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub unique: Option<bool>,
}

/// `shutdown_request`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ShutdownRequest {
    /// Whether a restart follows.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub restart: Option<bool>,
}

/// `input_reply`.
#[derive(Debug, Clone, Deserialize)]
pub struct InputReply {
    /// The line the user typed.
    #[serde(default)]
    pub value: String,
}

/// `comm_open` (h5lab has no comm targets: it answers with `comm_close`).
#[derive(Debug, Clone, Deserialize)]
pub struct CommOpen {
    /// The comm's id.
    pub comm_id: String,
    /// The requested target.
    #[serde(default)]
    pub target_name: String,
}

// ---------------------------------------------------------------- replies

/// `{"text": ..., "url": ...}` in kernel_info's `help_links`.
#[derive(Debug, Clone, Serialize)]
pub struct HelpLink {
    /// Menu text.
    pub text: String,
    /// Where it goes.
    pub url: String,
}

/// `codemirror_mode` of language_info.
#[derive(Debug, Clone, Serialize)]
pub struct CodemirrorMode {
    /// Mode name (`ipython`).
    pub name: String,
    /// Python major version.
    pub version: u32,
}

/// kernel_info's `language_info`.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageInfo {
    /// `python`.
    pub name: String,
    /// The Python version h5lab's dialect follows.
    pub version: String,
    /// `text/x-python`.
    pub mimetype: String,
    /// `.py`.
    pub file_extension: String,
    /// `ipython3`.
    pub pygments_lexer: String,
    /// `{name: ipython, version: 3}`.
    pub codemirror_mode: CodemirrorMode,
    /// `python`.
    pub nbconvert_exporter: String,
}

/// `kernel_info_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct KernelInfoReply {
    /// `ok`.
    pub status: &'static str,
    /// [`PROTOCOL_VERSION`].
    pub protocol_version: String,
    /// `h5lab`.
    pub implementation: String,
    /// h5lab's version.
    pub implementation_version: String,
    /// Python's.
    pub language_info: LanguageInfo,
    /// Shown by consoles on connect.
    pub banner: String,
    /// No debugger.
    pub debugger: bool,
    /// Help menu entries.
    pub help_links: Vec<HelpLink>,
}

/// The content of every reply whose handler failed (and of error executes, plus the
/// count fields).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorContent {
    /// `error`.
    pub status: &'static str,
    /// Exception class name.
    pub ename: String,
    /// Its message.
    pub evalue: String,
    /// Traceback entries.
    pub traceback: Vec<String>,
}

impl ErrorContent {
    /// An error reply content.
    pub fn new(ename: impl Into<String>, evalue: impl Into<String>) -> ErrorContent {
        let (ename, evalue) = (ename.into(), evalue.into());
        let traceback = vec![format!("{ename}: {evalue}")];
        ErrorContent { status: "error", ename, evalue, traceback }
    }
}

/// `execute_reply`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum ExecuteReply {
    /// The cell ran.
    Ok {
        /// The cell's count.
        execution_count: u64,
        /// Pager and exit payloads.
        payload: Vec<Value>,
        /// Always `{}`.
        user_expressions: Map<String, Value>,
    },
    /// The cell raised.
    Error {
        /// The cell's count.
        execution_count: u64,
        /// Exception class name.
        ename: String,
        /// Its message.
        evalue: String,
        /// IPython's traceback entries.
        traceback: Vec<String>,
        /// Always `[]`.
        payload: Vec<Value>,
        /// Always `{}`.
        user_expressions: Map<String, Value>,
    },
    /// Not run: an earlier cell failed with stop_on_error.
    Aborted {},
}

/// `complete_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct CompleteReply {
    /// `ok`.
    pub status: &'static str,
    /// Candidates.
    pub matches: Vec<String>,
    /// Start of the replaced range (code points).
    pub cursor_start: usize,
    /// End of the replaced range (code points).
    pub cursor_end: usize,
    /// `_jupyter_types_experimental`: each match's start, end, text and type.
    pub metadata: Map<String, Value>,
}

/// `inspect_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct InspectReply {
    /// `ok`.
    pub status: &'static str,
    /// Whether there was something to show.
    pub found: bool,
    /// The help, by MIME type.
    pub data: Map<String, Value>,
    /// Always `{}`.
    pub metadata: Map<String, Value>,
}

/// `is_complete_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct IsCompleteReply {
    /// `complete`, `incomplete`, `invalid` or `unknown`.
    pub status: &'static str,
    /// For `incomplete`: the next line's indent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indent: Option<String>,
}

/// `history_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryReply {
    /// `ok`.
    pub status: &'static str,
    /// `[session, line, input]` or `[session, line, [input, output]]`.
    pub history: Vec<Value>,
}

/// `comm_info_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct CommInfoReply {
    /// `ok`.
    pub status: &'static str,
    /// Always `{}`: h5lab opens no comms.
    pub comms: Map<String, Value>,
}

/// `shutdown_reply` (also broadcast on iopub).
#[derive(Debug, Clone, Serialize)]
pub struct ShutdownReply {
    /// `ok`.
    pub status: &'static str,
    /// Echo of the request's flag.
    pub restart: bool,
}

/// `interrupt_reply`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusOnly {
    /// `ok` (or `aborted`).
    pub status: &'static str,
}

/// `connect_reply` (deprecated, still answered).
#[derive(Debug, Clone, Serialize)]
pub struct ConnectReply {
    /// `ok`.
    pub status: &'static str,
    /// Shell port.
    pub shell_port: u16,
    /// IOPub port.
    pub iopub_port: u16,
    /// Stdin port.
    pub stdin_port: u16,
    /// Heartbeat port.
    pub hb_port: u16,
    /// Control port.
    pub control_port: u16,
}

// ---------------------------------------------------------------- iopub and stdin

/// `status`.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// `starting`, `busy` or `idle`.
    pub execution_state: &'static str,
}

/// `stream`.
#[derive(Debug, Clone, Serialize)]
pub struct Stream {
    /// `stdout` or `stderr`.
    pub name: String,
    /// The text.
    pub text: String,
}

/// `execute_input`.
#[derive(Debug, Clone, Serialize)]
pub struct ExecuteInput {
    /// The cell.
    pub code: String,
    /// Its count.
    pub execution_count: u64,
}

/// `display_data` and `update_display_data`.
#[derive(Debug, Clone, Serialize)]
pub struct DisplayData {
    /// The bundle.
    pub data: Map<String, Value>,
    /// Always `{}`.
    pub metadata: Map<String, Value>,
    /// `{display_id}` when there is one.
    pub transient: Map<String, Value>,
}

/// `execute_result`.
#[derive(Debug, Clone, Serialize)]
pub struct ExecuteResult {
    /// The cell's count.
    pub execution_count: u64,
    /// The Out bundle.
    pub data: Map<String, Value>,
    /// Always `{}`.
    pub metadata: Map<String, Value>,
}

/// `error` on iopub.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorOutput {
    /// Exception class name.
    pub ename: String,
    /// Its message.
    pub evalue: String,
    /// IPython's traceback entries.
    pub traceback: Vec<String>,
}

/// `clear_output`.
#[derive(Debug, Clone, Serialize)]
pub struct ClearOutput {
    /// Wait for the next output before clearing.
    pub wait: bool,
}

/// `input_request` on stdin.
#[derive(Debug, Clone, Serialize)]
pub struct InputRequest {
    /// The prompt.
    pub prompt: String,
    /// Hide what is typed.
    pub password: bool,
}

/// `comm_close`.
#[derive(Debug, Clone, Serialize)]
pub struct CommClose {
    /// The comm being closed.
    pub comm_id: String,
    /// Always `{}`.
    pub data: Map<String, Value>,
}

/// A MIME bundle as Jupyter JSON: JSON MIME types (`application/json`, `*+json`)
/// become JSON values when their text parses, everything else stays a string.
pub fn bundle_to_json(bundle: &std::collections::BTreeMap<String, String>) -> Map<String, Value> {
    bundle
        .iter()
        .map(|(mime, text)| {
            let is_json = mime == "application/json" || mime.ends_with("+json");
            let value = if is_json {
                serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
            } else {
                Value::String(text.clone())
            };
            (mime.clone(), value)
        })
        .collect()
}

/// Serialises a content (never fails for these types; falls back to `{}`).
pub fn to_value<T: Serialize>(content: &T) -> Value {
    serde_json::to_value(content).unwrap_or_else(|_| Value::Object(Map::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn client_dates_parse() {
        assert_eq!(parse_iso8601("1970-01-01T00:00:00.000000Z"), Some(0.0));
        assert_eq!(parse_iso8601("2024-05-01T12:34:56.5Z"), Some(1_714_566_896.5));
        assert_eq!(parse_iso8601("2024-05-01T14:34:56.5+02:00"), Some(1_714_566_896.5));
        assert_eq!(parse_iso8601("2024-05-01T12:34:56"), Some(1_714_566_896.0));
        assert_eq!(parse_iso8601("2000-02-29T00:00:00Z"), Some(951_782_400.0));
        assert_eq!(parse_iso8601("yesterday"), None);
        assert_eq!(parse_iso8601(""), None);
    }

    #[test]
    fn dates_have_six_fractional_digits() {
        assert_eq!(iso8601(0, 0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(iso8601(951_782_400, 5), "2000-02-29T00:00:00.000005Z");
        assert_eq!(iso8601(1_714_566_896, 123_456), "2024-05-01T12:34:56.123456Z");
        assert_eq!(iso8601_now().len(), 27);
    }

    fn request(content: Value) -> Request {
        Request {
            identities: vec![],
            header: Header { msg_type: "history_request".into(), ..Header::default() },
            raw_header: std::sync::Arc::new(json!({})),
            metadata: json!({}),
            content,
            received: std::time::Instant::now(),
            buffers: vec![],
        }
    }

    #[test]
    fn history_requests_parse_without_stop_n_or_unique() {
        let r = request(json!({"output": false, "raw": true, "hist_access_type": "range", "session": 1, "start": 1}));
        let h: HistoryRequest = r.parse().expect("lenient");
        assert_eq!((h.session, h.start, h.stop, h.n), (Some(1), Some(1), None, None));
        let r = request(json!({"hist_access_type": "search", "pattern": "a*", "n": null, "start": 2.0}));
        let h: HistoryRequest = r.parse().expect("lenient");
        assert_eq!((h.n, h.start, h.unique), (None, Some(2), None));
    }

    #[test]
    fn execute_request_defaults_and_errors() {
        let r = request(json!({"code": "1"}));
        let e: ExecuteRequest = r.parse().expect("lenient");
        assert!(!e.silent() && e.store_history() && e.allow_stdin() && e.stop_on_error());
        let e: ExecuteRequest = request(json!({"code": "1", "silent": true, "store_history": true})).parse().expect("ok");
        assert!(!e.store_history(), "silent forces store_history off");
        assert!(request(json!({"silent": true})).parse::<ExecuteRequest>().is_err());
        assert!(request(json!({"code": 3})).parse::<ExecuteRequest>().is_err());
        assert!(request(json!("not an object")).parse::<ExecuteRequest>().is_err());
    }

    #[test]
    fn execute_reply_shapes() {
        let ok = ExecuteReply::Ok { execution_count: 3, payload: vec![], user_expressions: Map::new() };
        assert_eq!(to_value(&ok), json!({"status": "ok", "execution_count": 3, "payload": [], "user_expressions": {}}));
        assert_eq!(to_value(&ExecuteReply::Aborted {}), json!({"status": "aborted"}));
    }

    #[test]
    fn cursor_is_clamped_in_code_points() {
        let c = CodeAtCursor { code: "é1".into(), cursor_pos: Some(10), detail_level: None };
        assert_eq!(c.cursor(), 2);
        let c = CodeAtCursor { code: "abc".into(), cursor_pos: None, detail_level: None };
        assert_eq!(c.cursor(), 3);
    }

    #[test]
    fn json_mime_types_become_json() {
        let mut b = std::collections::BTreeMap::new();
        b.insert("application/json".to_string(), "{\"a\": 1}".to_string());
        b.insert("text/plain".to_string(), "{\"a\": 1}".to_string());
        let j = bundle_to_json(&b);
        assert_eq!(j["application/json"], json!({"a": 1}));
        assert_eq!(j["text/plain"], json!("{\"a\": 1}"));
    }

    #[test]
    fn reply_types() {
        assert_eq!(reply_type_for("execute_request"), "execute_reply");
        assert_eq!(reply_type_for("weird"), "weird_reply");
    }
}
