//! Mention-level scoring, as named-entity papers count it: a found name is
//! right only when its start, end and kind all match a gold name.
//!
//! Gold data is a character file in the CoNLL style of the public Chinese
//! NER sets: one character and its tag per line (`李<TAB>B-PER`, a space
//! also separates them), a blank line between sentences. Tags may be BIO,
//! BIOES or BMES; kinds PER, ORG and LOC (also written NR, NT, NS).

use std::collections::BTreeMap;
use std::fmt;

use crate::analysis::Kind;

/// One gold sentence: its text and its names as char offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    pub text: String,
    pub names: Vec<(usize, usize, Kind)>,
}

/// Why a gold file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GoldError {}

fn kind_of(name: &str) -> Option<Kind> {
    match name {
        "PER" | "NR" | "PERSON" => Some(Kind::Person),
        "ORG" | "NT" => Some(Kind::Org),
        "LOC" | "NS" | "GPE" => Some(Kind::Place),
        _ => None,
    }
}

/// Reads a gold character file.
pub fn parse_gold(text: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let mut sentences = Vec::new();
    let mut chars = String::new();
    let mut tags: Vec<(char, Option<Kind>)> = Vec::new();
    let mut flush = |chars: &mut String, tags: &mut Vec<(char, Option<Kind>)>| {
        if !chars.is_empty() {
            sentences.push(GoldSentence {
                text: std::mem::take(chars),
                names: names_of(tags),
            });
        }
        tags.clear();
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut chars, &mut tags);
            continue;
        }
        let err = |message: String| GoldError {
            line: i + 1,
            message,
        };
        let mut it = line.chars();
        let c = it.next().ok_or_else(|| err("empty line".into()))?;
        let tag = it.as_str().trim();
        if tag.is_empty() {
            return Err(err(format!("no tag after {c:?}")));
        }
        let parsed = if tag == "O" {
            ('O', None)
        } else {
            let (place, kind) = tag
                .split_once(['-', '_'])
                .ok_or_else(|| err(format!("tag {tag:?} is not O or PLACE-KIND")))?;
            let place = match place {
                "B" => 'B',
                "I" | "M" => 'I',
                "E" => 'E',
                "S" => 'S',
                _ => return Err(err(format!("unknown tag place in {tag:?}"))),
            };
            // Kinds outside PER/ORG/LOC are not scored (treated as O).
            (place, kind_of(&kind.to_ascii_uppercase()))
        };
        chars.push(c);
        tags.push(parsed);
    }
    flush(&mut chars, &mut tags);
    Ok(sentences)
}

/// Names from per-char (place, kind): B I* (E), or S, or a run of I.
fn names_of(tags: &[(char, Option<Kind>)]) -> Vec<(usize, usize, Kind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (i, &(place, kind)) in tags.iter().enumerate() {
        let continues = matches!(place, 'I' | 'E') && open.map(|o| Some(o.1)) == Some(kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if let Some(kind) = kind {
                open = Some((i, kind));
            }
        }
        if matches!(place, 'E' | 'S') {
            if let Some((s, k)) = open.take() {
                out.push((s, i + 1, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

/// Counts of one kind (or of all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-kind and overall counts.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub by_kind: BTreeMap<Kind, Counts>,
    pub all: Counts,
}

impl Score {
    /// Adds one sentence: `found` are the engine's names (other kinds are ignored).
    pub fn add(&mut self, gold: &[(usize, usize, Kind)], found: &[(usize, usize, Kind)]) {
        let scored = |k: Kind| matches!(k, Kind::Person | Kind::Org | Kind::Place);
        for &(_, _, k) in gold {
            self.by_kind.entry(k).or_default().gold += 1;
            self.all.gold += 1;
        }
        for f in found.iter().filter(|f| scored(f.2)) {
            let c = self.by_kind.entry(f.2).or_default();
            c.found += 1;
            self.all.found += 1;
            if gold.contains(f) {
                c.right += 1;
                self.all.right += 1;
            }
        }
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "kind      gold  found  right  P      R      F1")?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{name:<8} {:>5} {:>6} {:>6}  {:.3}  {:.3}  {:.3}",
                c.gold,
                c.found,
                c.right,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (k, c) in &self.by_kind {
            row(f, k.as_str(), c)?;
        }
        row(f, "all", &self.all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bio_and_bioes() {
        let gold = "李\tB-PER\n强\tI-PER\n在\tO\n京\tS-LOC\n\n华 B-ORG\n为 E-ORG\n";
        let s = parse_gold(gold).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "李强在京");
        assert_eq!(s[0].names, [(0, 2, Kind::Person), (3, 4, Kind::Place)]);
        assert_eq!(s[1].names, [(0, 2, Kind::Org)]);
    }

    #[test]
    fn counts_exact_matches_only() {
        let mut score = Score::default();
        score.add(
            &[(0, 2, Kind::Person), (3, 5, Kind::Place)],
            &[
                (0, 2, Kind::Person),
                (3, 4, Kind::Place),
                (6, 7, Kind::Figure),
            ],
        );
        assert_eq!(
            score.all,
            Counts {
                gold: 2,
                found: 2,
                right: 1
            }
        );
        assert!((score.all.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn bad_tags_are_errors_with_line_numbers() {
        let e = parse_gold("李\tB-PER\n强\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
