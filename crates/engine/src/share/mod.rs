//! Share links: the article, the reader's marks and the view state, packed
//! into a URL fragment that needs no server.
//!
//! A payload (format 1) is base64url characters (`A–Z a–z 0–9 - _`):
//!
//! | part | characters |
//! |---|---|
//! | format version (1) | one digit |
//! | the payload's length in characters, itself included | 5 bits per digit, low first, 32 = "more" |
//! | the decoded size in bytes (at most 16 MiB) | same |
//! | the body: range-coded, 6 bits per character | the rest |
//!
//! The body holds a CRC-32 of the decoded state (over the bytes of
//! [`canonical`]), then the text, the marks (offset deltas as Elias-gamma
//! numbers with adaptive lengths; notes as text), and the view. Text is coded
//! with an adaptive word model primed with jieba's dictionary ([`model`],
//! [`textcoder`]); Chinese news comes out at 0.4–0.6 of lz-string's
//! `compressToEncodedURIComponent`.
//!
//! Format 1 is frozen: the model file, its token table and the coder are
//! pinned by tests, and `tests/golden/share-v1.txt` holds links that must
//! decode forever. A change to any of them is a new format version, and
//! `decode` keeps reading version 1.
//!
//! Pure Rust with no web dependency, no threads and no clock: it runs the
//! same natively and in wasm32.

mod model;
mod rangecoder;
mod textcoder;

use rangecoder::{Adaptive, Corrupt, Decoder, Encoder, Numbers, LINK};
use serde::{Deserialize, Serialize};
use std::fmt;
use textcoder::{unzigzag, zigzag, TextModel};

/// The format `encode` writes.
pub const FORMAT_VERSION: u8 = 1;
/// The most a link may decode to, in bytes of [`canonical`] form.
pub const MAX_DECODED_BYTES: u64 = 16 * 1024 * 1024;

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SharedState {
    pub text: String,
    pub marks: Vec<Mark>,
    pub view: View,
}

/// A reader's mark: character offsets into the text, end exclusive, and a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub note: String,
}

/// The view: hidden highlight kinds, the pinyin toggle, the open card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct View {
    /// Of `person org place product figure term spin` (any string round-trips).
    pub hidden_kinds: Vec<String>,
    pub pinyin: bool,
    /// Start and end (characters) of the span or word whose card is open.
    pub open_card: Option<(usize, usize)>,
}

/// Why a link does not open. `Display` says it in words a reader understands.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// Nothing after the `#`.
    Empty,
    /// A character base64url does not have; `position` counts from 1.
    InvalidCharacter { character: char, position: usize },
    /// Made by a later dudong.
    NewerVersion(u32),
    /// Shorter than it says it is (`expected` is None when even the length was cut).
    Truncated {
        kept: usize,
        expected: Option<usize>,
    },
    /// Longer than it says it is.
    ExtraCharacters { expected: usize, found: usize },
    /// Claims to decode to more than [`MAX_DECODED_BYTES`].
    TooLarge { declared: u64 },
    /// The body does not decode.
    Damaged,
    /// Decodes, but not to what was encoded.
    ChecksumMismatch,
    /// A mark (`index` counts from 1) outside the text or inverted.
    BadMark {
        index: usize,
        start: usize,
        end: usize,
        text_chars: usize,
    },
    /// The open card's span is outside the text or inverted.
    BadOpenCard {
        start: usize,
        end: usize,
        text_chars: usize,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "this link holds no article"),
            LinkError::InvalidCharacter { character, position } => write!(
                f,
                "this link is damaged: it contains {} at character {}, which dudong links never contain",
                describe_char(*character),
                thousands(*position as u64)
            ),
            LinkError::NewerVersion(v) => {
                write!(f, "this link was made by a newer version of dudong (format {v}); update the page")
            }
            LinkError::Truncated { kept, expected: Some(e) } => write!(
                f,
                "this link is damaged: it was cut off after {} characters (it should have {})",
                thousands(*kept as u64),
                thousands(*e as u64)
            ),
            LinkError::Truncated { kept, expected: None } => {
                write!(f, "this link is damaged: it was cut off after {} characters", thousands(*kept as u64))
            }
            LinkError::ExtraCharacters { expected, found } => write!(
                f,
                "this link is damaged: it has {} extra characters after its end (it should have {})",
                thousands((found - expected) as u64),
                thousands(*expected as u64)
            ),
            LinkError::TooLarge { declared } => write!(
                f,
                "this link is damaged: it claims to hold {} MB, more than the {} MB a link may carry",
                thousands(declared.div_ceil(1024 * 1024)),
                MAX_DECODED_BYTES / (1024 * 1024)
            ),
            LinkError::Damaged => write!(f, "this link is damaged: its contents cannot be read"),
            LinkError::ChecksumMismatch => write!(f, "this link is damaged: its contents do not match its checksum"),
            LinkError::BadMark { index, start, end, text_chars } => write!(
                f,
                "this link is damaged: mark {index} covers characters {start} to {end}, outside the article's {} characters",
                thousands(*text_chars as u64)
            ),
            LinkError::BadOpenCard { start, end, text_chars } => write!(
                f,
                "this link is damaged: its open card covers characters {start} to {end}, outside the article's {} characters",
                thousands(*text_chars as u64)
            ),
        }
    }
}

impl std::error::Error for LinkError {}

impl From<Corrupt> for LinkError {
    fn from(_: Corrupt) -> LinkError {
        LinkError::Damaged
    }
}

fn describe_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || c == '\u{feff}' {
        format!("the character U+{:04X}", c as u32)
    } else {
        format!("“{c}”")
    }
}

/// 2048 → "2,048".
/// 2048 → "2,048" (shared by the app's messages).
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn digit_of(c: char) -> Option<u8> {
    match c {
        'A'..='Z' => Some(c as u8 - b'A'),
        'a'..='z' => Some(c as u8 - b'a' + 26),
        '0'..='9' => Some(c as u8 - b'0' + 52),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let low = (v & 31) as u8;
        v >>= 5;
        if v == 0 {
            out.push(low);
            return;
        }
        out.push(low | 32);
    }
}

fn varint_len(v: u64) -> usize {
    let mut out = Vec::new();
    push_varint(&mut out, v);
    out.len()
}

/// Reads a header number at `*pos`; None if the digits run out (a cut link).
fn read_varint(digits: &[u8], pos: &mut usize) -> Result<Option<u64>, LinkError> {
    let mut v: u64 = 0;
    for shift in (0..).step_by(5) {
        let Some(&d) = digits.get(*pos) else {
            return Ok(None);
        };
        *pos += 1;
        if shift > 60 || (shift == 60 && (d & 31) > 15) {
            return Err(LinkError::Damaged);
        }
        v |= ((d & 31) as u64) << shift;
        if d & 32 == 0 {
            return Ok(Some(v));
        }
    }
    unreachable!()
}

/// The bytes the checksum and the declared size cover: the text, then every
/// number as u64 little-endian and every string as its length then its bytes.
struct Canonical {
    size: u64,
    crc: crc32fast::Hasher,
}

impl Canonical {
    fn new() -> Canonical {
        Canonical {
            size: 0,
            crc: crc32fast::Hasher::new(),
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        self.size += b.len() as u64;
        self.crc.update(b);
    }
    fn num(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    fn string(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.bytes(s.as_bytes());
    }
}

/// Size in bytes and CRC-32 of `state`'s canonical form.
pub fn canonical(state: &SharedState) -> (u64, u32) {
    let mut c = Canonical::new();
    c.string(&state.text);
    c.num(state.marks.len() as u64);
    for m in &state.marks {
        c.num(m.start as u64);
        c.num(m.end as u64);
        c.string(&m.note);
    }
    c.num(state.view.hidden_kinds.len() as u64);
    for k in &state.view.hidden_kinds {
        c.string(k);
    }
    c.bytes(&[state.view.pinyin as u8]);
    match state.view.open_card {
        None => c.bytes(&[0]),
        Some((s, e)) => {
            c.bytes(&[1]);
            c.num(s as u64);
            c.num(e as u64);
        }
    }
    (c.size, c.crc.finalize())
}

/// The highlight kinds, coded as one symbol each (anything else is spelled out).
const KINDS: [&str; 7] = [
    "person", "org", "place", "product", "figure", "term", "spin",
];

/// The adaptive models one link is coded with, in the order encode and decode use them.
struct Models {
    text: TextModel,
    lengths: Numbers,
    counts: Numbers,
    offsets: Numbers,
    kinds: Adaptive,
}

impl Models {
    fn new() -> Models {
        Models {
            text: TextModel::new(),
            lengths: Numbers::new(),
            counts: Numbers::new(),
            offsets: Numbers::new(),
            kinds: Adaptive::new(KINDS.len() + 1),
        }
    }

    fn encode_string(&mut self, enc: &mut Encoder, s: &str) {
        self.lengths.encode(enc, s.chars().count() as u64);
        self.text.encode(enc, s);
    }

    fn decode_string(&mut self, dec: &mut Decoder, budget: &mut u64) -> Result<String, Corrupt> {
        let chars = self.lengths.decode(dec)?;
        if chars > *budget {
            return Err(Corrupt);
        }
        let mut s = String::new();
        self.text.decode(dec, chars, &mut s, budget)?;
        Ok(s)
    }
}

/// The fragment payload (without `#`) for `state`: URL-fragment-safe ASCII.
///
/// Any state encodes; `decode` returns it unchanged when its marks and open
/// card lie within the text (start ≤ end ≤ characters), and an error otherwise.
pub fn encode(state: &SharedState) -> String {
    let (size, crc) = canonical(state);
    let mut enc = Encoder::new(LINK);
    let mut m = Models::new();
    enc.bits(crc as u64, 32);
    m.encode_string(&mut enc, &state.text);
    m.counts.encode(&mut enc, state.marks.len() as u64);
    let mut prev = 0u64;
    for mark in &state.marks {
        m.offsets
            .encode(&mut enc, zigzag((mark.start as u64).wrapping_sub(prev)));
        m.offsets.encode(
            &mut enc,
            zigzag((mark.end as u64).wrapping_sub(mark.start as u64)),
        );
        m.encode_string(&mut enc, &mark.note);
        prev = mark.start as u64;
    }
    m.counts
        .encode(&mut enc, state.view.hidden_kinds.len() as u64);
    for kind in &state.view.hidden_kinds {
        match KINDS.iter().position(|k| k == kind) {
            Some(i) => m.kinds.encode(&mut enc, i),
            None => {
                m.kinds.encode(&mut enc, KINDS.len());
                m.encode_string(&mut enc, kind);
            }
        }
    }
    enc.encode(state.view.pinyin as u64, 1, 2);
    match state.view.open_card {
        None => enc.encode(0, 1, 2),
        Some((s, e)) => {
            enc.encode(1, 1, 2);
            m.offsets.encode(&mut enc, zigzag(s as u64));
            m.offsets
                .encode(&mut enc, zigzag((e as u64).wrapping_sub(s as u64)));
        }
    }
    let body = enc.finish();

    // Header: version, total length (which counts itself), decoded size.
    let mut size_digits = Vec::new();
    push_varint(&mut size_digits, size);
    let fixed = 1 + size_digits.len() + body.len();
    let mut total = fixed + 1;
    while fixed + varint_len(total as u64) != total {
        total = fixed + varint_len(total as u64);
    }
    let mut digits = Vec::with_capacity(total);
    digits.push(FORMAT_VERSION);
    push_varint(&mut digits, total as u64);
    digits.extend_from_slice(&size_digits);
    digits.extend_from_slice(&body);
    debug_assert_eq!(digits.len(), total);
    digits
        .iter()
        .map(|&d| ALPHABET[d as usize] as char)
        .collect()
}

/// The state a payload (or a whole link: see [`payload_of`]) holds.
pub fn decode(payload: &str) -> Result<SharedState, LinkError> {
    let payload = payload_of(payload);
    let lead = payload.len() - payload.trim_start().len();
    let trimmed = payload.trim();
    if trimmed.is_empty() {
        return Err(LinkError::Empty);
    }
    let lead_chars = payload[..lead].chars().count();
    // The version first: a later format may use other characters after it.
    let first = trimmed.chars().next().unwrap_or('A');
    match digit_of(first) {
        None => {
            return Err(LinkError::InvalidCharacter {
                character: first,
                position: lead_chars + 1,
            })
        }
        Some(0) => return Err(LinkError::Damaged),
        Some(1) => {}
        Some(v) => return Err(LinkError::NewerVersion(v as u32)),
    }
    let mut digits = Vec::with_capacity(trimmed.len());
    for (i, c) in trimmed.chars().enumerate() {
        match digit_of(c) {
            Some(d) => digits.push(d),
            None => {
                return Err(LinkError::InvalidCharacter {
                    character: c,
                    position: lead_chars + i + 1,
                })
            }
        }
    }
    decode_v1(&digits)
}

fn decode_v1(digits: &[u8]) -> Result<SharedState, LinkError> {
    let n = digits.len();
    let mut pos = 1;
    let Some(total) = read_varint(digits, &mut pos)? else {
        return Err(LinkError::Truncated {
            kept: n,
            expected: None,
        });
    };
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    if n < total {
        return Err(LinkError::Truncated {
            kept: n,
            expected: Some(total),
        });
    }
    if n > total {
        return Err(LinkError::ExtraCharacters {
            expected: total,
            found: n,
        });
    }
    let Some(size) = read_varint(digits, &mut pos)? else {
        return Err(LinkError::Damaged);
    };
    if size > MAX_DECODED_BYTES {
        return Err(LinkError::TooLarge { declared: size });
    }
    let body = &digits[pos..];
    let mut dec = Decoder::new(LINK, body);
    let state = decode_body(&mut dec, size)?;
    // A whole, valid body never needs more made-up digits than the coder's window.
    if dec.overrun() > (LINK.window / LINK.digit_bits) as usize {
        return Err(LinkError::Damaged);
    }
    let (actual_size, actual_crc) = canonical(&state.0);
    if actual_size != size || actual_crc != state.1 {
        return Err(LinkError::ChecksumMismatch);
    }
    validate(&state.0)?;
    Ok(state.0)
}

fn to_usize(v: u64) -> Result<usize, Corrupt> {
    usize::try_from(v).map_err(|_| Corrupt)
}

/// Decodes the body; `size` bounds everything it allocates.
fn decode_body(dec: &mut Decoder, size: u64) -> Result<(SharedState, u32), Corrupt> {
    let crc = dec.bits(32)? as u32;
    let mut budget = size;
    let mut m = Models::new();
    let text = m.decode_string(dec, &mut budget)?;
    // Every mark takes at least 24 canonical bytes, every kind 8.
    let count = m.counts.decode(dec)?;
    if count > size / 24 {
        return Err(Corrupt);
    }
    let mut marks = Vec::with_capacity(to_usize(count)?.min(1024));
    let mut prev = 0u64;
    for _ in 0..count {
        let start = prev.wrapping_add(unzigzag(m.offsets.decode(dec)?));
        let end = start.wrapping_add(unzigzag(m.offsets.decode(dec)?));
        let note = m.decode_string(dec, &mut budget)?;
        marks.push(Mark {
            start: to_usize(start)?,
            end: to_usize(end)?,
            note,
        });
        prev = start;
        if dec.overrun() > 64 {
            return Err(Corrupt);
        }
    }
    let count = m.counts.decode(dec)?;
    if count > size / 8 {
        return Err(Corrupt);
    }
    let mut hidden_kinds = Vec::with_capacity(to_usize(count)?.min(64));
    for _ in 0..count {
        let k = m.kinds.decode(dec)?;
        hidden_kinds.push(match KINDS.get(k) {
            Some(name) => name.to_string(),
            None => m.decode_string(dec, &mut budget)?,
        });
        if dec.overrun() > 64 {
            return Err(Corrupt);
        }
    }
    let pinyin = dec.uniform(2)? == 1;
    let open_card = if dec.uniform(2)? == 1 {
        let s = unzigzag(m.offsets.decode(dec)?);
        let e = s.wrapping_add(unzigzag(m.offsets.decode(dec)?));
        Some((to_usize(s)?, to_usize(e)?))
    } else {
        None
    };
    Ok((
        SharedState {
            text,
            marks,
            view: View {
                hidden_kinds,
                pinyin,
                open_card,
            },
        },
        crc,
    ))
}

/// Marks and the open card must lie within the text, start ≤ end.
fn validate(state: &SharedState) -> Result<(), LinkError> {
    let n = state.text.chars().count();
    for (i, m) in state.marks.iter().enumerate() {
        if m.start > m.end || m.end > n {
            return Err(LinkError::BadMark {
                index: i + 1,
                start: m.start,
                end: m.end,
                text_chars: n,
            });
        }
    }
    if let Some((s, e)) = state.view.open_card {
        if s > e || e > n {
            return Err(LinkError::BadOpenCard {
                start: s,
                end: e,
                text_chars: n,
            });
        }
    }
    Ok(())
}

pub use model::{install as install_model, is_ready as model_is_ready};

/// CRC-32 of the embedded model file and the fingerprint of its token table
/// (tests pin both: format 1 must never change).
#[doc(hidden)]
pub fn model_fingerprint() -> (u32, u32) {
    (
        crc32fast::hash(model::model_file()),
        model::model().fingerprint(),
    )
}

/// `base` (without its own fragment) + `#` + the payload.
pub fn make_link(base: &str, state: &SharedState) -> String {
    let base = base.split('#').next().unwrap_or("");
    format!("{base}#{}", encode(state))
}

/// The part after the first `#`, or the input itself.
pub fn payload_of(link_or_payload: &str) -> &str {
    match link_or_payload.find('#') {
        Some(i) => &link_or_payload[i + 1..],
        None => link_or_payload,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(text: &str) -> SharedState {
        SharedState {
            text: text.to_string(),
            ..Default::default()
        }
    }

    #[test]
    fn round_trips_simple_states() {
        for t in [
            "",
            "a",
            "中国",
            "小米集团创始人雷军在北京表示，公司2024年的研发投入超过240亿元。",
            "\0\r\u{1F468}\u{200D}\u{1F469}e\u{301}",
        ] {
            let s = state(t);
            let p = encode(&s);
            assert_eq!(decode(&p), Ok(s), "{t:?} → {p}");
        }
    }

    #[test]
    fn header_counts_itself() {
        for len in [0usize, 10, 100, 1000, 5000] {
            let s = state(&"测试文本".repeat(len));
            let p = encode(&s);
            let digits: Vec<u8> = p.chars().map(|c| digit_of(c).unwrap()).collect();
            let mut pos = 1;
            assert_eq!(
                read_varint(&digits, &mut pos).unwrap(),
                Some(p.len() as u64)
            );
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2048), "2,048");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn link_helpers() {
        let s = state("你好");
        let link = make_link("https://example.org/dudong/?x=1#old", &s);
        assert!(link.starts_with("https://example.org/dudong/?x=1#"));
        assert!(!link.contains("old"));
        assert_eq!(payload_of(&link), encode(&s));
        assert_eq!(payload_of("abc"), "abc");
        assert_eq!(decode(&link), Ok(s));
    }
}
