//! Terms beyond the curated glossary: an open lexicon of about 47,000 words
//! (CC-CEDICT and THUOCL's domain and idiom lists, built by
//! `training/terms/build.py`), each with its IDF in general text.
//!
//! A text's terms are the lexicon words it uses, ranked by TF-IDF over the
//! article's body, so that the words that make this article specific come
//! first (归母净利润 in an earnings report) and the ones every news text uses
//! stay plain. Only the best ranked are highlighted, within a budget per word
//! of text, so a page never turns into a sea of marks.
//!
//! Terms are ranked by tier first (a word of the reader's field, then an
//! idiom or fixed expression, then any other rare noun), then by TF-IDF.
//!
//! The payload is UTF-8 lines `word<TAB>idf×10<TAB>tier` (tier 2 field, 1
//! idiom, 0 other), sorted, inside the [`envelope`](super::envelope).

use std::collections::HashMap;

use super::envelope::{self, DataError};
use super::text::is_han;
use super::{Kind, Span, Word};

const MAGIC: &[u8; 8] = b"DDTERMS\0";
const VERSION: u32 = 1;
const WHAT: &str = "term lexicon";

/// At most one distinct highlighted term (curated ones included) per this
/// many words of the body, and at least [`MIN_TERMS`] in a short text: about
/// the density of terms careful readers mark in finance and tech news.
const WORDS_PER_TERM: usize = 25;
const MIN_TERMS: usize = 3;
/// At most one highlighted term (each mention counts) per this many words
/// of the body: more and the marks stop reading as text.
const WORDS_PER_MARK: usize = 12;
/// Longest run of segmenter words joined to look a term up (大 + 数据).
const MAX_WORDS_JOINED: usize = 3;

pub struct OpenTerms {
    /// Each term's IDF × 10 and tier.
    idf: HashMap<String, (u8, u8)>,
}

/// The highest tier a lexicon line may give.
const MAX_TIER: u8 = 2;

/// A lexicon word found in a text, before ranking.
struct Found {
    start: usize,
    end: usize,
    key: String,
}

impl OpenTerms {
    /// Checks and reads a lexicon file; every damaged file is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<OpenTerms, DataError> {
        let text = envelope::open_text(bytes, MAGIC, VERSION, WHAT)?;
        let mut idf = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let malformed = |why: &str| DataError::Malformed {
                what: WHAT,
                line: n + 1,
                why: why.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(word), Some(score), Some(tier), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(malformed("not three tab-separated fields"));
            };
            let score: u8 = score.parse().map_err(|_| malformed("IDF is not 0–255"))?;
            let tier: u8 = tier
                .parse()
                .ok()
                .filter(|t| *t <= MAX_TIER)
                .ok_or_else(|| malformed("tier is not 0, 1 or 2"))?;
            if word.chars().count() < 2 {
                return Err(malformed("a term has at least two characters"));
            }
            idf.insert(word.to_string(), (score, tier));
        }
        Ok(OpenTerms { idf })
    }

    /// Wraps lexicon lines in the envelope (tests build small lexicons).
    pub fn pack(lines: &str) -> Vec<u8> {
        envelope::seal(lines.as_bytes(), MAGIC, VERSION)
    }

    pub fn len(&self) -> usize {
        self.idf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.idf.is_empty()
    }

    /// The term spans of a text: `chars` and `words` are its (simplified)
    /// characters and segmentation, `taken` the spans already found (names,
    /// figures, curated terms), which a term never overlaps. `scope` is the
    /// article's body: terms are ranked and budgeted there, and a chosen term
    /// is marked wherever it occurs.
    pub fn find(
        &self,
        chars: &[char],
        words: &[Word],
        taken: &[Span],
        scope: Option<(usize, usize)>,
    ) -> Vec<Span> {
        let (from, to) = scope.unwrap_or((0, chars.len()));
        let mut covered = vec![false; chars.len()];
        for s in taken {
            for c in covered
                .iter_mut()
                .take(s.end.min(chars.len()))
                .skip(s.start)
            {
                *c = true;
            }
        }
        let found = self.lookup(chars, words, &covered);

        // Rank by TF-IDF over the body.
        let mut stats: HashMap<&str, (u32, (u8, u8))> = HashMap::new();
        for f in found.iter().filter(|f| f.start >= from && f.start < to) {
            let entry = stats.entry(f.key.as_str()).or_insert((0, self.idf[&f.key]));
            entry.0 += 1;
        }
        let mut ranked: Vec<(&str, u8, f64)> = stats
            .iter()
            .map(|(k, (tf, (idf, tier)))| {
                (*k, *tier, (1.0 + f64::from(*tf).ln()) * f64::from(*idf))
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.2.total_cmp(&a.2))
                .then_with(|| a.0.cmp(b.0))
        });

        let body_words = words
            .iter()
            .filter(|w| {
                w.start >= from && w.start < to && chars[w.start..w.end].iter().any(|&c| is_han(c))
            })
            .count();
        let curated: Vec<&Span> = taken
            .iter()
            .filter(|s| s.kind == Kind::Term && s.start >= from && s.start < to)
            .collect();
        let curated_terms = {
            let mut t: Vec<&str> = curated.iter().filter_map(|s| s.term.as_deref()).collect();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        let mut distinct_left = (body_words / WORDS_PER_TERM)
            .max(MIN_TERMS)
            .saturating_sub(curated_terms);
        let mut marks_left = (body_words / WORDS_PER_MARK).saturating_sub(curated.len());
        let mut chosen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (key, _, _) in &ranked {
            if distinct_left == 0 {
                break;
            }
            let tf = stats[key].0 as usize;
            if tf <= marks_left {
                chosen.insert(key);
                distinct_left -= 1;
                marks_left -= tf;
            }
        }

        found
            .iter()
            .filter(|f| chosen.contains(f.key.as_str()))
            .map(|f| {
                let mut span = Span::new(f.start, f.end, Kind::Term);
                span.term = Some(f.key.clone());
                span
            })
            .collect()
    }

    /// Every lexicon word in the text, longest first, made of whole words
    /// of the segmentation and clear of `covered` chars.
    fn lookup(&self, chars: &[char], words: &[Word], covered: &[bool]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut key = String::new();
        while i < words.len() {
            let mut matched = 0;
            for n in (1..=MAX_WORDS_JOINED.min(words.len() - i)).rev() {
                let (start, end) = (words[i].start, words[i + n - 1].end);
                if end - start < 2
                    || end - start > 8
                    || !chars[start..end].iter().all(|&c| is_han(c))
                    || covered[start..end].iter().any(|&c| c)
                {
                    continue;
                }
                key.clear();
                key.extend(&chars[start..end]);
                if self.idf.contains_key(key.as_str()) {
                    out.push(Found {
                        start,
                        end,
                        key: key.clone(),
                    });
                    matched = n;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

/// The lexicon the engine ships with, embedded in native builds (the CLI,
/// tests). An error only if the shipped file is damaged, which a test rules out.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Result<OpenTerms, DataError> {
    OpenTerms::from_bytes(BUILTIN_BYTES)
}

/// The shipped lexicon's bytes (the browser serves the same file).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_BYTES: &[u8] = include_bytes!("data/terms.lex");
