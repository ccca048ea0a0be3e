//! Spun wording: words a spinning tool swapped for near-synonyms (成功 → 乐成).
//!
//! Each table entry is `strong` (almost never genuine) or `weak` (also an
//! ordinary word). The document verdict comes from the strong hits alone;
//! only a text judged spun gets spin spans at all, weak ones included, so a
//! normal article stays silent.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::Boundaries;
use super::{Kind, Span};
use crate::knowledge::spins::{SpinRule, Tier};

/// Strong hits needed before a text is called spun, and their density.
const MIN_STRONG_HITS: usize = 2;
const MIN_STRONG_PER_THOUSAND: f64 = 1.0;

pub struct SpinDetector {
    automaton: AhoCorasick,
    rules: Vec<SpinRule>,
    lengths: Vec<usize>,
}

/// The verdict over a whole text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpinVerdict {
    /// Substitutions found (shown only when `spun`).
    pub substitutions: usize,
    /// Strong substitutions: the evidence for the verdict.
    pub strong: usize,
    /// Substitutions per 1,000 characters.
    pub per_thousand: f64,
    pub spun: bool,
}

impl SpinDetector {
    pub fn new(rules: Vec<SpinRule>) -> SpinDetector {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(rules.iter().map(|r| r.surface.as_str()))
            .expect("spin surfaces build an automaton");
        let lengths = rules.iter().map(|r| r.surface.chars().count()).collect();
        SpinDetector {
            automaton,
            rules,
            lengths,
        }
    }

    pub fn rules(&self) -> &[SpinRule] {
        &self.rules
    }

    /// Spin spans (empty unless the text is judged spun) and the verdict,
    /// which weighs only the hits inside `scope` (the article's body, when
    /// the text is a whole web page) against the scope's length.
    pub fn detect(
        &self,
        text: &str,
        bounds: &Boundaries,
        scope: Option<(usize, usize)>,
    ) -> (Vec<Span>, SpinVerdict) {
        let chars = bounds.chars();
        let (from, to) = scope.unwrap_or((0, chars.len()));
        let mut found: Vec<(Span, Tier)> = Vec::new();
        for m in self.automaton.find_iter(text) {
            let i = m.pattern().as_usize();
            let rule = &self.rules[i];
            let start = bounds.char_at(m.start());
            let end = start + self.lengths[i];
            // Short surfaces must be words of their own (题目 is not in 问题目前).
            if !bounds.fits(start, end, 3) {
                continue;
            }
            if rule
                .genuine
                .iter()
                .any(|c| context_matches(chars, start, end, &c.before, &c.after))
            {
                continue;
            }
            let mut span = Span::new(start, end, Kind::Spin);
            span.original = Some(rule.original.clone());
            span.note = Some(rule.note.clone());
            found.push((span, rule.tier));
        }
        let inside = |s: &Span| s.start >= from && s.start < to;
        let strong = found
            .iter()
            .filter(|(s, t)| *t == Tier::Strong && inside(s))
            .count();
        let thousands = ((to - from).max(1) as f64) / 1000.0;
        let spun = strong >= MIN_STRONG_HITS
            && (strong as f64) / thousands.max(1.0) >= MIN_STRONG_PER_THOUSAND;
        let verdict = SpinVerdict {
            substitutions: found.iter().filter(|(s, _)| inside(s)).count(),
            strong,
            per_thousand: found.iter().filter(|(s, _)| inside(s)).count() as f64 / thousands,
            spun,
        };
        let spans = if spun {
            found.into_iter().map(|(s, _)| s).collect()
        } else {
            Vec::new()
        };
        (spans, verdict)
    }
}

/// Whether `before` ends right at `start` and `after` begins right at `end`.
fn context_matches(chars: &[char], start: usize, end: usize, before: &str, after: &str) -> bool {
    let b: Vec<char> = before.chars().collect();
    let a: Vec<char> = after.chars().collect();
    if b.len() > start || end + a.len() > chars.len() {
        return false;
    }
    chars[start - b.len()..start] == b[..] && chars[end..end + a.len()] == a[..]
}
