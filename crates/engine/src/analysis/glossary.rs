//! Glossary matching: one Aho-Corasick automaton over every term's canonical
//! form, aliases and spun variants, so that 耐烦资源 finds 耐心资本's card.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::Boundaries;
use super::{Kind, Span};
use crate::knowledge::glossary::GlossaryEntry;

/// How a surface relates to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Canonical,
    Alias,
    Spun,
}

pub struct GlossaryMatcher {
    automaton: AhoCorasick,
    /// For each pattern: (entry index, form).
    targets: Vec<(usize, Form)>,
    /// Each pattern's length in chars.
    lengths: Vec<usize>,
    entries: Vec<GlossaryEntry>,
}

impl GlossaryMatcher {
    pub fn new(entries: Vec<GlossaryEntry>) -> GlossaryMatcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let forms = std::iter::once((&entry.term, Form::Canonical))
                .chain(entry.aliases.iter().map(|a| (a, Form::Alias)))
                .chain(entry.spun.iter().map(|s| (s, Form::Spun)));
            for (surface, form) in forms {
                if !surface.is_empty() {
                    patterns.push(surface.clone());
                    targets.push((i, form));
                }
            }
        }
        let lengths = patterns.iter().map(|p| p.chars().count()).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("glossary patterns build an automaton");
        GlossaryMatcher {
            automaton,
            targets,
            lengths,
            entries,
        }
    }

    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    pub fn entry(&self, term: &str) -> Option<&GlossaryEntry> {
        self.entries.iter().find(|e| e.term == term)
    }

    /// The entries of the terms among `spans`, then of the terms those list
    /// as related (a card links to them), each once.
    pub fn entries_for(&self, spans: &[Span]) -> Vec<GlossaryEntry> {
        let mut terms: Vec<&str> = spans.iter().filter_map(|s| s.term.as_deref()).collect();
        terms.sort_unstable();
        terms.dedup();
        let found: Vec<&GlossaryEntry> = terms.iter().filter_map(|t| self.entry(t)).collect();
        let mut out: Vec<GlossaryEntry> = found.iter().map(|e| (*e).clone()).collect();
        for related in found.iter().flat_map(|e| e.related.iter()) {
            if !out.iter().any(|e| &e.term == related) {
                if let Some(entry) = self.entry(related) {
                    out.push(entry.clone());
                }
            }
        }
        out
    }

    /// Term spans in `text`. A match must not cut a word in two: Latin terms
    /// need non-Latin neighbours (AR is not inside ARM), and two-char Chinese
    /// terms must sit on the segmenter's word boundaries (算法 is not in 计算法则).
    pub fn find(&self, text: &str, bounds: &Boundaries) -> Vec<Span> {
        let mut spans = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (entry, form) = self.targets[m.pattern().as_usize()];
            let start = bounds.char_at(m.start());
            let end = start + self.lengths[m.pattern().as_usize()];
            if !bounds.fits(start, end, 2) {
                continue;
            }
            let e = &self.entries[entry];
            let mut span = Span::new(start, end, Kind::Term);
            span.term = Some(e.term.clone());
            span.note = Some(e.en.clone());
            if form == Form::Spun {
                span.original = Some(e.term.clone());
            }
            spans.push(span);
        }
        spans
    }
}
