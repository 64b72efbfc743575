//! The connection file a Jupyter client writes before starting the kernel: transport,
//! address, the five ports, and the signing key.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

/// The only signature scheme h5lab accepts (the one every current client writes).
pub const SIGNATURE_SCHEME: &str = "hmac-sha256";

/// A parsed connection file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ConnectionInfo {
    /// `tcp` or `ipc`.
    #[serde(default = "default_transport")]
    pub transport: String,
    /// For tcp an address (`127.0.0.1`, `0.0.0.0`, `*`); for ipc a path prefix.
    #[serde(default = "default_ip")]
    pub ip: String,
    /// The shell ROUTER's port.
    pub shell_port: u16,
    /// The iopub PUB's port.
    pub iopub_port: u16,
    /// The stdin ROUTER's port.
    pub stdin_port: u16,
    /// The control ROUTER's port.
    pub control_port: u16,
    /// The heartbeat REP's port.
    pub hb_port: u16,
    /// The HMAC key; empty means messages are not signed.
    #[serde(default)]
    pub key: String,
    /// `hmac-sha256` (or empty when the key is empty).
    #[serde(default = "default_scheme")]
    pub signature_scheme: String,
    /// The kernel name the client started us as (informational).
    #[serde(default)]
    pub kernel_name: String,
}

fn default_transport() -> String {
    "tcp".into()
}

fn default_ip() -> String {
    "127.0.0.1".into()
}

fn default_scheme() -> String {
    SIGNATURE_SCHEME.into()
}

/// Why a connection file cannot be used.
#[derive(Debug)]
pub enum ConnectionError {
    /// The file could not be read.
    Read(std::io::Error),
    /// The file is not the JSON a connection file holds.
    Parse(serde_json::Error),
    /// A value h5lab does not support (transport, signature scheme).
    Unsupported(String),
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionError::Read(e) => write!(f, "cannot read the connection file: {e}"),
            ConnectionError::Parse(e) => write!(f, "the connection file is not valid: {e}"),
            ConnectionError::Unsupported(what) => write!(f, "unsupported connection file: {what}"),
        }
    }
}

impl std::error::Error for ConnectionError {}

/// The five channels, named as in the connection file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Requests and replies for the notebook (ROUTER).
    Shell,
    /// Broadcast outputs and status (PUB).
    Iopub,
    /// `input()` requests to the client (ROUTER).
    Stdin,
    /// Shutdown, interrupt, kernel_info while busy (ROUTER).
    Control,
    /// Liveness echo (REP).
    Heartbeat,
}

impl ConnectionInfo {
    /// Reads and checks a connection file.
    pub fn load(path: &Path) -> Result<ConnectionInfo, ConnectionError> {
        let text = std::fs::read_to_string(path).map_err(ConnectionError::Read)?;
        ConnectionInfo::parse(&text)
    }

    /// Parses and checks a connection file's text.
    pub fn parse(text: &str) -> Result<ConnectionInfo, ConnectionError> {
        let info: ConnectionInfo = serde_json::from_str(text).map_err(ConnectionError::Parse)?;
        if info.transport != "tcp" && info.transport != "ipc" {
            return Err(ConnectionError::Unsupported(format!("transport {:?} (tcp or ipc)", info.transport)));
        }
        if !info.key.is_empty() && info.signature_scheme != SIGNATURE_SCHEME {
            return Err(ConnectionError::Unsupported(format!(
                "signature_scheme {:?} (only {SIGNATURE_SCHEME})",
                info.signature_scheme
            )));
        }
        Ok(info)
    }

    /// The port of a channel.
    pub fn port(&self, channel: Channel) -> u16 {
        match channel {
            Channel::Shell => self.shell_port,
            Channel::Iopub => self.iopub_port,
            Channel::Stdin => self.stdin_port,
            Channel::Control => self.control_port,
            Channel::Heartbeat => self.hb_port,
        }
    }

    /// The ZeroMQ endpoint to bind a channel to: `tcp://IP:PORT` or, as jupyter_client
    /// names them, `ipc://IP-PORT`.
    pub fn endpoint(&self, channel: Channel) -> String {
        let port = self.port(channel);
        if self.transport == "ipc" {
            format!("ipc://{}-{port}", self.ip)
        } else {
            let ip = if self.ip == "*" { "0.0.0.0" } else { self.ip.as_str() };
            if ip.contains(':') && !ip.starts_with('[') {
                format!("tcp://[{ip}]:{port}")
            } else {
                format!("tcp://{ip}:{port}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{
      "shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
      "hb_port": 5005, "ip": "127.0.0.1", "key": "abc", "transport": "tcp",
      "signature_scheme": "hmac-sha256", "kernel_name": "h5lab"
    }"#;

    #[test]
    fn tcp_endpoints_follow_the_connection_file() {
        let info = ConnectionInfo::parse(FILE).expect("valid");
        assert_eq!(info.endpoint(Channel::Shell), "tcp://127.0.0.1:5001");
        assert_eq!(info.endpoint(Channel::Heartbeat), "tcp://127.0.0.1:5005");
        assert_eq!(info.key, "abc");
    }

    #[test]
    fn ipc_endpoints_are_named_like_jupyter_client_names_them() {
        let text = FILE.replace("\"tcp\"", "\"ipc\"").replace("127.0.0.1", "/tmp/kernel-x");
        let info = ConnectionInfo::parse(&text).expect("valid");
        assert_eq!(info.endpoint(Channel::Control), "ipc:///tmp/kernel-x-5004");
    }

    #[test]
    fn other_signature_schemes_and_transports_are_refused() {
        let md5 = FILE.replace("hmac-sha256", "hmac-md5");
        assert!(matches!(ConnectionInfo::parse(&md5), Err(ConnectionError::Unsupported(_))));
        let udp = FILE.replace("\"tcp\"", "\"udp\"");
        assert!(matches!(ConnectionInfo::parse(&udp), Err(ConnectionError::Unsupported(_))));
        assert!(matches!(ConnectionInfo::parse("{"), Err(ConnectionError::Parse(_))));
    }

    #[test]
    fn wildcard_and_ipv6_addresses() {
        let star = FILE.replace("127.0.0.1", "*");
        assert_eq!(ConnectionInfo::parse(&star).expect("valid").endpoint(Channel::Iopub), "tcp://0.0.0.0:5002");
        let v6 = FILE.replace("127.0.0.1", "::1");
        assert_eq!(ConnectionInfo::parse(&v6).expect("valid").endpoint(Channel::Iopub), "tcp://[::1]:5002");
    }
}
