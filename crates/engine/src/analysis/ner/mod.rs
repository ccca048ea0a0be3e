//! The learned name recogniser: a linear-chain CRF over characters that tags
//! people, organisations and places the curated lists have never seen.
//!
//! The model is trained at development time (`training/ner/`) with
//! CRFsuite and run with the `crfs` crate, which reads CRFsuite's model
//! format. It labels each character B/I/E/S-PER|ORG|LOC or O; [`NerModel::find`]
//! turns the labels into spans.
//!
//! A model file is a CRFsuite model inside an envelope that lets a damaged
//! or foreign file be refused before `crfs` reads it (it trusts its input):
//!
//! ```text
//! b"DDNER\0\0\0"  magic
//! u32 LE          envelope version (1)
//! u32 LE          feature set (features::FeatureSet::id)
//! u32 LE          length of the CRFsuite model that follows
//! u32 LE          CRC-32 (IEEE) of that model
//! ...             the CRFsuite model
//! ```
//!
//! Natively the model is embedded ([`builtin`]); the browser's worker
//! fetches it after the first highlights, so it never delays them.

pub mod features;
pub mod score;

use std::fmt;

use crate::analysis::entities::Tagged;
use crate::analysis::text::is_han;
use crate::analysis::Kind;
use features::{FeatureSet, Sentence};

const MAGIC: &[u8; 8] = b"DDNER\0\0\0";
const ENVELOPE_VERSION: u32 = 1;
const HEADER_LEN: usize = 24;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    NotAModel,
    UnsupportedVersion(u32),
    UnknownFeatureSet(u32),
    Truncated { expected: usize, found: usize },
    Corrupted,
    UnknownLabel(String),
    Unreadable(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a dudong name model (wrong magic bytes)"),
            ModelError::UnsupportedVersion(v) => {
                write!(f, "name model format {v} is not supported by this version (expected {ENVELOPE_VERSION})")
            }
            ModelError::UnknownFeatureSet(id) => {
                write!(f, "name model uses unknown feature set {id}")
            }
            ModelError::Truncated { expected, found } => {
                write!(f, "name model is truncated: {found} of {expected} bytes")
            }
            ModelError::Corrupted => write!(f, "name model is damaged (checksum mismatch)"),
            ModelError::UnknownLabel(l) => write!(f, "name model has an unknown label {l:?}"),
            ModelError::Unreadable(e) => write!(f, "name model cannot be read: {e}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Where a label puts a character in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Begin,
    Inside,
    End,
    Single,
}

/// A checked model, ready to tag.
pub struct NerModel {
    crf: Vec<u8>,
    set: FeatureSet,
    /// Per CRF label id: its place and kind, `None` for O.
    labels: Vec<Option<(Place, Kind)>>,
    /// Per CRF label id: its name (a dozen; a linear search beats a lookup
    /// in the model's hash table).
    names: Vec<String>,
}

impl fmt::Debug for NerModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NerModel")
            .field("bytes", &self.crf.len())
            .field("set", &self.set)
            .field("labels", &self.labels.len())
            .finish()
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn parse_label(label: &str) -> Result<Option<(Place, Kind)>, ModelError> {
    if label == "O" {
        return Ok(None);
    }
    let unknown = || ModelError::UnknownLabel(label.to_string());
    let (place, kind) = label.split_once('-').ok_or_else(unknown)?;
    let place = match place {
        "B" => Place::Begin,
        "I" | "M" => Place::Inside,
        "E" => Place::End,
        "S" => Place::Single,
        _ => return Err(unknown()),
    };
    let kind = match kind {
        "PER" => Kind::Person,
        "ORG" => Kind::Org,
        "LOC" => Kind::Place,
        "PRD" => Kind::Product,
        _ => return Err(unknown()),
    };
    Ok(Some((place, kind)))
}

impl NerModel {
    /// Checks and loads a model file. Every damaged file is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let version = u32_at(bytes, 8);
        if version != ENVELOPE_VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let set_id = u32_at(bytes, 12);
        let set = FeatureSet::from_id(set_id).ok_or(ModelError::UnknownFeatureSet(set_id))?;
        let expected = u32_at(bytes, 16) as usize;
        let crf = &bytes[HEADER_LEN..];
        if crf.len() != expected {
            return Err(ModelError::Truncated {
                expected,
                found: crf.len(),
            });
        }
        if crc32fast::hash(crf) != u32_at(bytes, 20) {
            return Err(ModelError::Corrupted);
        }
        let model = crfs::Model::new(crf).map_err(|e| ModelError::Unreadable(e.to_string()))?;
        let names = (0..model.num_labels())
            .map(|id| {
                model
                    .to_label(id)
                    .map(str::to_string)
                    .ok_or_else(|| ModelError::Unreadable(format!("label {id} missing")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let labels = names
            .iter()
            .map(|l| parse_label(l))
            .collect::<Result<Vec<_>, _>>()?;
        // Building a tagger reads every transition weight: a model that
        // passes this is whole.
        model
            .tagger()
            .map_err(|e| ModelError::Unreadable(e.to_string()))?;
        Ok(NerModel {
            crf: crf.to_vec(),
            set,
            labels,
            names,
        })
    }

    /// Wraps a CRFsuite model in the envelope (what `training/ner/pack.py` writes).
    pub fn pack(crf: &[u8], set: FeatureSet) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + crf.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&ENVELOPE_VERSION.to_le_bytes());
        out.extend_from_slice(&set.id().to_le_bytes());
        out.extend_from_slice(&(crf.len() as u32).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(crf).to_le_bytes());
        out.extend_from_slice(crf);
        out
    }

    /// The CRF model's size in bytes.
    pub fn size(&self) -> usize {
        self.crf.len()
    }

    pub fn feature_set(&self) -> FeatureSet {
        self.set
    }

    /// Names in `chars` (the whole text), as (start, end, kind), in order.
    /// `tagged` are the segmenter's words of the same text. Each sentence is
    /// tagged on its own, as the model was trained; sentences without Han
    /// characters are skipped.
    pub fn find(&self, chars: &[char], tagged: &[Tagged]) -> Vec<(usize, usize, Kind)> {
        let Ok(model) = crfs::Model::new(&self.crf) else {
            return Vec::new();
        };
        let Ok(mut tagger) = model.tagger() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (start, end) in sentences(chars) {
            let slice = &chars[start..end];
            if !slice.iter().any(|&c| is_han(c)) {
                continue;
            }
            let sentence = Sentence::new(slice, start, tagged, self.set);
            let Ok(labels) = tagger.tag(&sentence.attributes()) else {
                continue;
            };
            let ids: Vec<Option<(Place, Kind)>> = labels
                .iter()
                .map(|l| {
                    self.names
                        .iter()
                        .position(|n| n == l)
                        .and_then(|id| self.labels[id])
                })
                .collect();
            out.extend(
                decode(&ids)
                    .into_iter()
                    .map(|(s, e, k)| (start + s, start + e, k)),
            );
        }
        out
    }
}

/// Sentence ranges: split after 。！？!?；; and at line breaks (not included).
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\n' | '\r' => {
                if i > start {
                    out.push((start, i));
                }
                start = i + 1;
            }
            '。' | '！' | '？' | '!' | '?' | '；' => {
                out.push((start, i + 1));
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

/// Labels to spans. A name is B I* E or S; a name the model left open (B or
/// I with no E) ends at its last inside character, and a kind change ends it.
fn decode(labels: &[Option<(Place, Kind)>]) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, label) in labels.iter().enumerate() {
        match *label {
            None => {
                if let Some((s, k)) = open.take() {
                    out.push((s, i, k));
                }
            }
            Some((place, kind)) => {
                if let Some((s, k)) = open {
                    if k != kind || matches!(place, Place::Begin | Place::Single) {
                        out.push((s, i, k));
                        open = None;
                    }
                }
                match place {
                    Place::Single => out.push((i, i + 1, kind)),
                    Place::Begin | Place::Inside => {
                        if open.is_none() {
                            open = Some((i, kind));
                        }
                    }
                    Place::End => {
                        let s = open.take().map_or(i, |(s, _)| s);
                        out.push((s, i + 1, kind));
                    }
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, labels.len(), k));
    }
    out
}

/// The model the engine ships with, embedded in native builds (the CLI,
/// tests). An error only if the shipped file is damaged, which a test rules out.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Result<NerModel, ModelError> {
    NerModel::from_bytes(BUILTIN_BYTES)
}

/// The shipped model file's bytes (the browser serves the same file).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_BYTES: &[u8] = include_bytes!("../data/ner.model");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bioes_and_repairs_open_names() {
        let p = |place| Some((place, Kind::Person));
        let o = |place| Some((place, Kind::Org));
        let labels = [
            p(Place::Begin),
            p(Place::End),
            None,
            p(Place::Single),
            o(Place::Begin),
            o(Place::Inside),
            None,
            p(Place::Inside),
            o(Place::End),
        ];
        assert_eq!(
            decode(&labels),
            [
                (0, 2, Kind::Person),
                (3, 4, Kind::Person),
                (4, 6, Kind::Org),
                (7, 8, Kind::Person),
                (8, 9, Kind::Org),
            ]
        );
    }

    #[test]
    fn sentences_split_at_ends_and_lines() {
        let chars: Vec<char> = "甲。乙\n\n丙".chars().collect();
        assert_eq!(sentences(&chars), [(0, 2), (2, 3), (5, 6)]);
    }
}
