//! The Jupyter wire format: routing identities, the `<IDS|MSG>` delimiter, an
//! HMAC-SHA256 signature over the four JSON frames, then the frames and any buffers.
//!
//! ```text
//! [identities...] <IDS|MSG> signature header parent_header metadata content [buffers...]
//! ```
//!
//! The signature is the lowercase hex HMAC-SHA256 of header, parent_header, metadata and
//! content (not the buffers) under the connection key; an empty key means messages are
//! neither signed nor checked. Verification is constant-time, and a signature seen
//! before (a replayed message) is refused as jupyter_client refuses it.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::sync::Mutex;

use bytes::Bytes;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The frame between the routing identities and the signature.
pub const DELIMITER: &[u8] = b"<IDS|MSG>";

/// How many signatures are remembered to refuse replays (jupyter_client's
/// `digest_history_size`).
const REPLAY_MEMORY: usize = 1 << 16;

/// Signs and checks messages with the connection key.
#[derive(Clone)]
pub struct Signer {
    mac: Option<Hmac<Sha256>>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer").field("signing", &self.mac.is_some()).finish()
    }
}

impl Signer {
    /// A signer for `key`; an empty key signs nothing and accepts everything.
    pub fn new(key: &[u8]) -> Signer {
        let mac = if key.is_empty() {
            None
        } else {
            // HMAC accepts keys of any length; this cannot fail.
            Hmac::<Sha256>::new_from_slice(key).ok()
        };
        Signer { mac }
    }

    /// Whether messages are signed at all.
    pub fn is_signing(&self) -> bool {
        self.mac.is_some()
    }

    /// The hex signature of the four JSON frames (empty when not signing).
    pub fn sign(&self, parts: [&[u8]; 4]) -> String {
        match &self.mac {
            None => String::new(),
            Some(mac) => {
                let mut mac = mac.clone();
                for part in parts {
                    mac.update(part);
                }
                to_hex(&mac.finalize().into_bytes())
            }
        }
    }

    /// Whether `signature` (hex, either case) is the signature of the four frames,
    /// compared in constant time. Always true when not signing.
    pub fn verify(&self, parts: [&[u8]; 4], signature: &[u8]) -> bool {
        let Some(mac) = &self.mac else { return true };
        let Some(expected) = from_hex(signature) else { return false };
        let mut mac = mac.clone();
        for part in parts {
            mac.update(part);
        }
        mac.verify_slice(&expected).is_ok()
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn from_hex(text: &[u8]) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    text.chunks(2).map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?)).collect()
}

/// Remembers recent signatures so that a replayed message is refused.
#[derive(Debug, Default)]
pub struct ReplayGuard {
    seen: Mutex<(HashSet<Bytes>, VecDeque<Bytes>)>,
}

impl ReplayGuard {
    /// Records `signature`; false when it was seen before.
    pub fn first_time(&self, signature: &Bytes) -> bool {
        let Ok(mut guard) = self.seen.lock() else { return true };
        let (set, order) = &mut *guard;
        if set.contains(signature) {
            return false;
        }
        set.insert(signature.clone());
        order.push_back(signature.clone());
        if order.len() > REPLAY_MEMORY {
            if let Some(old) = order.pop_front() {
                set.remove(&old);
            }
        }
        true
    }
}

/// A message split at its delimiter, signature checked, JSON not yet parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMessage {
    /// Routing identities, to be echoed on the reply.
    pub identities: Vec<Bytes>,
    /// The header frame (JSON).
    pub header: Bytes,
    /// The parent header frame (JSON).
    pub parent_header: Bytes,
    /// The metadata frame (JSON).
    pub metadata: Bytes,
    /// The content frame (JSON).
    pub content: Bytes,
    /// Extra binary buffers, passed through.
    pub buffers: Vec<Bytes>,
}

/// Why incoming frames are dropped before any JSON is looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    /// No `<IDS|MSG>` frame.
    NoDelimiter,
    /// Fewer than the five frames after the delimiter.
    Truncated,
    /// The signature does not match the key.
    BadSignature,
    /// The signature was seen before.
    Replayed,
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WireError::NoDelimiter => "no <IDS|MSG> delimiter",
            WireError::Truncated => "fewer than 5 frames after the delimiter",
            WireError::BadSignature => "invalid signature",
            WireError::Replayed => "duplicate signature (replayed message)",
        })
    }
}

/// Splits frames at the delimiter and checks the signature (and replays, when a guard
/// is given).
pub fn split(frames: Vec<Bytes>, signer: &Signer, replays: Option<&ReplayGuard>) -> Result<RawMessage, WireError> {
    let at = frames.iter().position(|f| f.as_ref() == DELIMITER).ok_or(WireError::NoDelimiter)?;
    let mut rest = frames.into_iter();
    let identities: Vec<Bytes> = rest.by_ref().take(at).collect();
    let _delimiter = rest.next();
    let mut next = || rest.next().ok_or(WireError::Truncated);
    let signature = next()?;
    let header = next()?;
    let parent_header = next()?;
    let metadata = next()?;
    let content = next()?;
    let buffers: Vec<Bytes> = rest.collect();
    if !signer.verify([&header, &parent_header, &metadata, &content], &signature) {
        return Err(WireError::BadSignature);
    }
    if signer.is_signing() {
        if let Some(guard) = replays {
            if !guard.first_time(&signature) {
                return Err(WireError::Replayed);
            }
        }
    }
    Ok(RawMessage { identities, header, parent_header, metadata, content, buffers })
}

/// Frames for a message: identities, delimiter, signature, the four JSON frames,
/// buffers.
pub fn join(
    signer: &Signer,
    identities: &[Bytes],
    header: Vec<u8>,
    parent_header: Vec<u8>,
    metadata: Vec<u8>,
    content: Vec<u8>,
    buffers: &[Bytes],
) -> Vec<Bytes> {
    let signature = signer.sign([&header, &parent_header, &metadata, &content]);
    let mut frames = Vec::with_capacity(identities.len() + 6 + buffers.len());
    frames.extend(identities.iter().cloned());
    frames.push(Bytes::from_static(DELIMITER));
    frames.push(Bytes::from(signature.into_bytes()));
    frames.push(Bytes::from(header));
    frames.push(Bytes::from(parent_header));
    frames.push(Bytes::from(metadata));
    frames.push(Bytes::from(content));
    frames.extend(buffers.iter().cloned());
    frames
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(signer: &Signer, content: &str) -> Vec<Bytes> {
        join(
            signer,
            &[Bytes::from_static(b"client")],
            b"{\"msg_type\":\"kernel_info_request\"}".to_vec(),
            b"{}".to_vec(),
            b"{}".to_vec(),
            content.as_bytes().to_vec(),
            &[Bytes::from_static(b"\x00buffer")],
        )
    }

    #[test]
    fn signature_is_hmac_sha256_hex_of_the_four_frames() {
        // RFC 4231 test case 2 ("what do ya want for nothing?" under key "Jefe"),
        // split over four frames: the MAC runs over their concatenation.
        let signer = Signer::new(b"Jefe");
        let sig = signer.sign([b"what do ya", b" want ", b"for ", b"nothing?"]);
        assert_eq!(sig, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn round_trip_keeps_identities_and_buffers() {
        let signer = Signer::new(b"secret");
        let raw = split(frames(&signer, "{}"), &signer, None).expect("valid");
        assert_eq!(raw.identities, vec![Bytes::from_static(b"client")]);
        assert_eq!(raw.buffers, vec![Bytes::from_static(b"\x00buffer")]);
        assert_eq!(raw.content.as_ref(), b"{}");
    }

    #[test]
    fn tampered_content_or_wrong_key_is_refused() {
        let signer = Signer::new(b"secret");
        let mut f = frames(&signer, "{}");
        f[6] = Bytes::from_static(b"{\"code\":\"1\"}");
        assert_eq!(split(f, &signer, None), Err(WireError::BadSignature));
        let other = Signer::new(b"other");
        assert_eq!(split(frames(&other, "{}"), &signer, None), Err(WireError::BadSignature));
        let mut not_hex = frames(&signer, "{}");
        not_hex[2] = Bytes::from_static(b"zz");
        assert_eq!(split(not_hex, &signer, None), Err(WireError::BadSignature));
    }

    #[test]
    fn uppercase_hex_signatures_are_accepted() {
        let signer = Signer::new(b"secret");
        let mut f = frames(&signer, "{}");
        f[2] = Bytes::from(String::from_utf8_lossy(&f[2]).to_uppercase().into_bytes());
        assert!(split(f, &signer, None).is_ok());
    }

    #[test]
    fn replayed_signatures_are_refused() {
        let signer = Signer::new(b"secret");
        let guard = ReplayGuard::default();
        assert!(split(frames(&signer, "{}"), &signer, Some(&guard)).is_ok());
        assert_eq!(split(frames(&signer, "{}"), &signer, Some(&guard)), Err(WireError::Replayed));
    }

    #[test]
    fn empty_key_signs_nothing_and_accepts_anything() {
        let signer = Signer::new(b"");
        let f = frames(&signer, "{}");
        assert!(f[2].is_empty());
        let mut tampered = f.clone();
        tampered[2] = Bytes::from_static(b"whatever");
        assert!(split(tampered, &signer, None).is_ok());
    }

    #[test]
    fn missing_delimiter_and_truncation() {
        let signer = Signer::new(b"k");
        assert_eq!(split(vec![Bytes::from_static(b"x")], &signer, None), Err(WireError::NoDelimiter));
        let mut f = frames(&signer, "{}");
        f.truncate(5);
        assert_eq!(split(f, &signer, None), Err(WireError::Truncated));
    }
}
