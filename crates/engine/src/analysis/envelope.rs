//! The envelope around the data files the engine loads at run time (the open
//! term lexicon, the spin context table): it lets a damaged, truncated or
//! foreign file be refused with a reason before anything parses it.
//!
//! ```text
//! 8 bytes   magic (names the kind of file)
//! u32 LE    format version
//! u32 LE    length of the payload that follows
//! u32 LE    CRC-32 (IEEE) of the payload
//! ...       the payload
//! ```
//!
//! The training scripts write the same layout (`training/*/build.py`).

use std::fmt;

const HEADER_LEN: usize = 20;

/// Why a data file was refused. `what` names the file for the reader
/// ("term lexicon"), so every message says which download failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    WrongKind {
        what: &'static str,
    },
    UnsupportedVersion {
        what: &'static str,
        found: u32,
        expected: u32,
    },
    Truncated {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    Corrupted {
        what: &'static str,
    },
    Malformed {
        what: &'static str,
        line: usize,
        why: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::WrongKind { what } => write!(f, "not a dudong {what} (wrong magic bytes)"),
            DataError::UnsupportedVersion {
                what,
                found,
                expected,
            } => write!(
                f,
                "{what} format {found} is not supported by this version (expected {expected})"
            ),
            DataError::Truncated {
                what,
                expected,
                found,
            } => {
                write!(f, "{what} is truncated: {found} of {expected} bytes")
            }
            DataError::Corrupted { what } => write!(f, "{what} is damaged (checksum mismatch)"),
            DataError::Malformed { what, line, why } => {
                write!(f, "{what} cannot be read (line {line}: {why})")
            }
        }
    }
}

impl std::error::Error for DataError {}

/// Checks `bytes` and returns the payload.
pub fn open<'a>(
    bytes: &'a [u8],
    magic: &[u8; 8],
    version: u32,
    what: &'static str,
) -> Result<&'a [u8], DataError> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != magic {
        return Err(DataError::WrongKind { what });
    }
    let found = u32_at(bytes, 8);
    if found != version {
        return Err(DataError::UnsupportedVersion {
            what,
            found,
            expected: version,
        });
    }
    let expected = u32_at(bytes, 12) as usize;
    let payload = &bytes[HEADER_LEN..];
    if payload.len() != expected {
        return Err(DataError::Truncated {
            what,
            expected,
            found: payload.len(),
        });
    }
    if crc32fast::hash(payload) != u32_at(bytes, 16) {
        return Err(DataError::Corrupted { what });
    }
    Ok(payload)
}

/// [`open`] for the files whose payload is UTF-8 text (all of them so far).
pub fn open_text<'a>(
    bytes: &'a [u8],
    magic: &[u8; 8],
    version: u32,
    what: &'static str,
) -> Result<&'a str, DataError> {
    let payload = open(bytes, magic, version, what)?;
    std::str::from_utf8(payload).map_err(|e| DataError::Malformed {
        what,
        line: 0,
        why: format!("not UTF-8 text ({e})"),
    })
}

/// Wraps `payload` (what the build scripts write; tests use it too).
pub fn seal(payload: &[u8], magic: &[u8; 8], version: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"DDTEST\0\0";

    #[test]
    fn round_trip_and_every_kind_of_damage() {
        let sealed = seal(b"hello", MAGIC, 3);
        assert_eq!(open(&sealed, MAGIC, 3, "test file"), Ok(&b"hello"[..]));
        assert!(matches!(
            open(&sealed, b"DDOTHER\0", 3, "x"),
            Err(DataError::WrongKind { .. })
        ));
        assert!(matches!(
            open(&sealed, MAGIC, 4, "x"),
            Err(DataError::UnsupportedVersion {
                found: 3,
                expected: 4,
                ..
            })
        ));
        assert!(matches!(
            open(&sealed[..sealed.len() - 1], MAGIC, 3, "x"),
            Err(DataError::Truncated {
                expected: 5,
                found: 4,
                ..
            })
        ));
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(matches!(
            open(&flipped, MAGIC, 3, "x"),
            Err(DataError::Corrupted { .. })
        ));
        assert!(matches!(
            open(&[], MAGIC, 3, "x"),
            Err(DataError::WrongKind { .. })
        ));
    }
}
