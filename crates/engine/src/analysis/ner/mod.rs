//! The learned name recogniser: a linear-chain CRF over characters that tags
//! people, organisations and places the curated lists have never seen.
//!
//! The model is trained at development time (`training/ner/`) with
//! CRFsuite; `training/ner/pack.py` writes its weights into dudong's own
//! model file, which this module reads and runs (features, scores, Viterbi).
//! Each character gets a label B/I/E/S-PER|ORG|LOC or O; [`NerModel::find`]
//! turns the labels into spans.
//!
//! The file is a text payload in the run-time data envelope
//! ([`crate::analysis::envelope`], magic `DDNER`), so a damaged or foreign
//! file is refused with a reason before anything parses it:
//!
//! ```text
//! features<TAB>2                     the feature set (features::FeatureSet::id)
//! scale<TAB>1000                     weights are integers: weight × scale
//! labels<TAB>O<TAB>B-LOC<TAB>…       the labels, in id order
//! from<TAB>O<TAB>w w w …             one line per label: the weights of the
//!                                    transitions from it to each label
//! classes<TAB>4030                   feature set 4 only: how many classes follow
//! 李<TAB>3                           a normalised character and its class (0-255)
//! c0:北<TAB>1 523 2 -87 …            an attribute: pairs of label id and weight
//! ```
//!
//! Why not run the CRFsuite file with the `crfs` crate, as before: it looks
//! every attribute up by its name in the file's own database, one string
//! allocation each, and a 200,000-character paste took 1.1 s natively on
//! top of the rest of the analysis. Compiled into a hash table and flat
//! arrays at load, the same weights tag the same labels several times
//! faster, and the file is a third of the size (`make bench`,
//! `ner_seed_ms` and `ner_model_gz_bytes`).
//!
//! Natively the model is embedded ([`builtin`]); the browser's worker
//! fetches it after the first highlights, so it never delays them.

pub mod features;
pub mod score;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::analysis::entities::Tagged;
use crate::analysis::envelope::{self, DataError};
use crate::analysis::text::is_han;
use crate::analysis::Kind;
use crate::fnv::{fnv1a, Fnv1a};
use features::{CharClasses, FeatureSet, Sentence};

/// The first bytes of a name model file.
pub const MAGIC: &[u8; 8] = b"DDNER\0\0\0";
/// The model file format this version reads.
pub const FORMAT: u32 = 2;
/// How a model file is named in messages.
const WHAT: &str = "name model";

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
    set: FeatureSet,
    /// Per label id: its place and kind, `None` for O.
    labels: Vec<Option<(Place, Kind)>>,
    /// Transition weights, `[to * labels + from]` (the weights into one
    /// label side by side, as Viterbi reads them).
    into: Vec<f32>,
    /// The FNV-1a hash of an attribute's name to where its state weights
    /// are in `weights` (start, end). Tagging is bound by memory reads, so
    /// the stretch is in the table and each weight beside its label.
    attributes: HashMap<u64, (u32, u32), BuildHasherDefault<KeyHasher>>,
    weights: Vec<(u32, f32)>,
    /// The character classes (feature set 4; empty otherwise).
    classes: CharClasses,
    /// The payload's size in bytes.
    bytes: usize,
}

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NerModel")
            .field("bytes", &self.bytes)
            .field("set", &self.set)
            .field("labels", &self.labels.len())
            .field("attributes", &self.attributes.len())
            .field("features", &self.weights.len())
            .field("classes", &self.classes.len())
            .finish()
    }
}

fn parse_label(label: &str) -> Option<Option<(Place, Kind)>> {
    if label == "O" {
        return Some(None);
    }
    let (place, kind) = label.split_once('-')?;
    let place = match place {
        "B" => Place::Begin,
        "I" | "M" => Place::Inside,
        "E" => Place::End,
        "S" => Place::Single,
        _ => return None,
    };
    let kind = match kind {
        "PER" => Kind::Person,
        "ORG" => Kind::Org,
        "LOC" => Kind::Place,
        "PRD" => Kind::Product,
        _ => return None,
    };
    Some(Some((place, kind)))
}

/// The most labels a model may have (ids are stored in a byte).
const MAX_LABELS: usize = 64;

impl NerModel {
    /// Checks and loads a model file. Every damaged file is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, DataError> {
        let text = envelope::open_text(bytes, MAGIC, FORMAT, WHAT)?;
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        let mut next = |key: &str| -> Result<(usize, Vec<&str>), DataError> {
            let (n, line) = lines.next().ok_or(DataError::Malformed {
                what: WHAT,
                line: 0,
                why: format!("it ends before its {key:?} line"),
            })?;
            let mut fields = line.split('\t');
            if fields.next() != Some(key) {
                return Err(malformed(n, format!("expected the {key:?} line")));
            }
            Ok((n, fields.collect()))
        };
        let (n, fields) = next("features")?;
        let set = fields
            .first()
            .and_then(|f| f.parse().ok())
            .and_then(FeatureSet::from_id)
            .ok_or_else(|| malformed(n, format!("unknown feature set {fields:?}")))?;
        let (n, fields) = next("scale")?;
        let scale: f32 = match fields.first().and_then(|f| f.parse::<u32>().ok()) {
            Some(s) if s > 0 => s as f32,
            _ => return Err(malformed(n, "the scale is not a positive integer".into())),
        };
        let (n, names) = next("labels")?;
        if names.is_empty() || names.len() > MAX_LABELS {
            return Err(malformed(n, format!("{} labels", names.len())));
        }
        let labels = names
            .iter()
            .map(|l| parse_label(l).ok_or_else(|| malformed(n, format!("unknown label {l:?}"))))
            .collect::<Result<Vec<_>, _>>()?;
        let count = labels.len();
        let mut into = vec![0.0; count * count];
        for (x, from) in names.iter().enumerate() {
            let (n, fields) = next("from")?;
            let row: Vec<&str> = match fields[..] {
                [label, row] if label == *from => row.split(' ').collect(),
                _ => Vec::new(),
            };
            if row.len() != count {
                return Err(malformed(
                    n,
                    format!("expected {count} transitions from {from}"),
                ));
            }
            for (y, w) in row.into_iter().enumerate() {
                let w: i32 = w
                    .parse()
                    .map_err(|_| malformed(n, format!("weight {w:?}")))?;
                into[y * count + x] = w as f32 / scale;
            }
        }
        let mut classes = CharClasses::new();
        if set == FeatureSet::CharsWordsWordAndClasses {
            let (n, fields) = next("classes")?;
            let count: usize = fields
                .first()
                .and_then(|f| f.parse().ok())
                .ok_or_else(|| malformed(n, "the class count is not a number".into()))?;
            for _ in 0..count {
                let (n, line) = lines
                    .next()
                    .ok_or_else(|| malformed(0, format!("it ends before its {count} classes")))?;
                // One character, a tab, a class: "李\t3".
                let parsed = line.split_once('\t').and_then(|(c, class)| {
                    let mut c = c.chars();
                    match (c.next(), c.next(), class.parse::<u8>()) {
                        (Some(c), None, Ok(class)) => Some((c, class)),
                        _ => None,
                    }
                });
                let Some((c, class)) = parsed else {
                    return Err(malformed(
                        n,
                        format!("not a character and its class: {line:?}"),
                    ));
                };
                if !classes.insert(c, class) {
                    return Err(malformed(n, format!("{c:?} has two classes")));
                }
            }
        }
        let mut attributes = HashMap::default();
        let mut weights = Vec::new();
        for (n, line) in lines {
            let (name, pairs) = line
                .split_once('\t')
                .ok_or_else(|| malformed(n, "an attribute without weights".into()))?;
            let mut pairs = pairs.split(' ');
            let first = weights.len();
            while let Some(label) = pairs.next() {
                let label: u8 = match label.parse() {
                    Ok(l) if (l as usize) < count => l,
                    _ => return Err(malformed(n, format!("label id {label:?}"))),
                };
                let w: i32 = pairs
                    .next()
                    .and_then(|w| w.parse().ok())
                    .ok_or_else(|| malformed(n, format!("no weight for label {label}")))?;
                weights.push((u32::from(label), w as f32 / scale));
            }
            let stretch = (first as u32, weights.len() as u32);
            if attributes.insert(fnv1a(name.as_bytes()), stretch).is_some() {
                // Twice, or two names with one key (never seen: 64 bits).
                return Err(malformed(n, format!("attribute {name:?} twice")));
            }
        }
        Ok(NerModel {
            set,
            labels,
            into,
            attributes,
            weights,
            classes,
            bytes: text.len(),
        })
    }

    /// The model payload's size in bytes.
    pub fn size(&self) -> usize {
        self.bytes
    }

    pub fn feature_set(&self) -> FeatureSet {
        self.set
    }

    /// The character classes the model's class features read.
    pub fn classes(&self) -> &CharClasses {
        &self.classes
    }

    /// Names in `chars` (the whole text), as (start, end, kind), in order.
    /// `tagged` are the segmenter's words of the same text. Each sentence is
    /// tagged on its own, as the model was trained; sentences without Han
    /// characters are skipped.
    pub fn find(&self, chars: &[char], tagged: &[Tagged]) -> Vec<(usize, usize, Kind)> {
        let mut out = Vec::new();
        let mut work = Work::default();
        for (start, end) in sentences(chars) {
            let slice = &chars[start..end];
            if !slice.iter().any(|&c| is_han(c)) {
                continue;
            }
            let sentence = Sentence::new(slice, start, tagged, self.set, Some(&self.classes));
            let labels = self.tag(&sentence, &mut work);
            out.extend(
                decode(&labels)
                    .into_iter()
                    .map(|(s, e, k)| (start + s, start + e, k)),
            );
        }
        out
    }

    /// The most likely labels of one sentence (Viterbi over the scores).
    fn tag(&self, sentence: &Sentence, work: &mut Work) -> Vec<Option<(Place, Kind)>> {
        let l = self.labels.len();
        let n = sentence.chars.len();
        work.state.clear();
        work.state.resize(n * l, 0.0);
        for i in 0..n {
            let state = &mut work.state[i * l..(i + 1) * l];
            sentence.for_each_attribute(i, |prefix, parts, tail| {
                // The key of the name, hashed from its pieces (see [`fnv`]).
                let mut key = Fnv1a::new();
                key.write(prefix.as_bytes());
                for &c in parts {
                    key.write(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                key.write(tail.as_bytes());
                if let Some(&(first, end)) = self.attributes.get(&key.finish()) {
                    for &(y, w) in &self.weights[first as usize..end as usize] {
                        state[y as usize] += w;
                    }
                }
            });
        }
        // best[i * l + y]: the best score of a path ending in y at i; from:
        // the label before it on that path.
        work.best.clear();
        work.best.resize(n * l, 0.0);
        work.from.clear();
        work.from.resize(n * l, 0);
        if n > 0 {
            work.best[..l].copy_from_slice(&work.state[..l]);
        }
        for i in 1..n {
            let (done, rest) = work.best.split_at_mut(i * l);
            let before = &done[(i - 1) * l..];
            let (best, from) = (&mut rest[..l], &mut work.from[i * l..(i + 1) * l]);
            let state = &work.state[i * l..(i + 1) * l];
            for y in 0..l {
                let into = &self.into[y * l..(y + 1) * l];
                let (mut top, mut arg) = (before[0] + into[0], 0);
                for x in 1..l {
                    let s = before[x] + into[x];
                    if s > top {
                        (top, arg) = (s, x);
                    }
                }
                best[y] = top + state[y];
                from[y] = arg as u8;
            }
        }
        let mut labels = vec![None; n];
        if n == 0 {
            return labels;
        }
        let last = &work.best[(n - 1) * l..];
        let mut y = (0..l).fold(0, |b, y| if last[y] > last[b] { y } else { b });
        for i in (0..n).rev() {
            labels[i] = self.labels[y];
            y = work.from[i * l + y] as usize;
        }
        labels
    }
}

/// The hash table's hasher for keys that are hashes already: a final mix,
/// so that the table's buckets see well spread bits.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        let x = self.0 ^ (self.0 >> 31);
        x.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed");
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Buffers reused from one sentence to the next.
#[derive(Default)]
struct Work {
    state: Vec<f32>,
    best: Vec<f32>,
    from: Vec<u8>,
}

fn malformed(line: usize, why: String) -> DataError {
    DataError::Malformed {
        what: WHAT,
        line,
        why,
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
pub fn builtin() -> Result<NerModel, DataError> {
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
