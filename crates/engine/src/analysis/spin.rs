//! Spun wording: words a spinning tool swapped for near-synonyms (成功 → 乐成).
//!
//! Two kinds of evidence:
//! - the curated table (`knowledge/spins.tsv`): each entry is `strong`
//!   (almost never genuine) or `weak` (also an ordinary word);
//! - once loaded, the [context table](super::spin_context): any word a
//!   spinner writes that fits its neighbours clearly worse than an original
//!   it may stand for.
//!
//! The document verdict comes from the strong table hits and the context
//! hits; only a text judged spun gets spin spans at all, weak ones included,
//! so a normal article stays silent.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::spin_context::{Judgement, SpinContext};
use super::text::{is_han, Boundaries};
use super::{Kind, Span, Word};
use crate::knowledge::spins::{SpinRule, Tier};

/// Strong hits needed before a text is called spun, and their density.
const MIN_STRONG_HITS: usize = 2;
const MIN_STRONG_PER_THOUSAND: f64 = 1.0;
/// Strong table hits and strong context hits together: how many a text
/// needs, and their density, to be called spun. A context hit is strong when
/// the original is [`STRONG_RARITY`] times commoner than the word: normal
/// text uses 当代 and 固然 beside 现代 and 当然, but seldom 浩繁 or 悠远.
const MIN_EVIDENCE_HITS: usize = 3;
const MIN_EVIDENCE_PER_THOUSAND: f64 = 5.0;
const STRONG_RARITY: f64 = 10.0;

/// Longest run of words joined to judge a word the segmenter cut in pieces,
/// and the longest word judged.
const MAX_PIECES: usize = 3;
const MAX_JOINED: usize = 8;

/// What the context table needs to judge a text: the table, the text's
/// words, and the spans already found (a name, figure or term is never a
/// swap).
pub struct InContext<'a> {
    pub table: &'a SpinContext,
    pub words: &'a [Word],
    pub taken: &'a [Span],
}

pub struct SpinDetector {
    automaton: AhoCorasick,
    rules: Vec<SpinRule>,
    lengths: Vec<usize>,
}

/// Where a spin span's evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Strong,
    Weak,
    Context,
    StrongContext,
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
        context: Option<InContext<'_>>,
    ) -> (Vec<Span>, SpinVerdict) {
        let chars = bounds.chars();
        let (from, to) = scope.unwrap_or((0, chars.len()));
        let mut found: Vec<(Span, Hit)> = Vec::new();
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
            let hit = match rule.tier {
                Tier::Strong => Hit::Strong,
                Tier::Weak => Hit::Weak,
            };
            found.push((span, hit));
        }
        if let Some(context) = context {
            let more = judge_in_context(chars, &context, &found);
            found.extend(more);
        }
        let inside = |s: &Span| s.start >= from && s.start < to;
        let strong = found
            .iter()
            .filter(|(s, h)| *h == Hit::Strong && inside(s))
            .count();
        let thousands = ((to - from).max(1) as f64) / 1000.0;
        // A word judged in context counts once however often it recurs:
        // one unusual habit of the writer's is not a spinner's many swaps.
        let mut judged: Vec<&[char]> = Vec::new();
        for (s, _) in found
            .iter()
            .filter(|(s, h)| *h == Hit::StrongContext && inside(s))
        {
            let word = &chars[s.start..s.end];
            if !judged.contains(&word) {
                judged.push(word);
            }
        }
        let evidence = strong + judged.len();
        let spun = (strong >= MIN_STRONG_HITS
            && (strong as f64) / thousands.max(1.0) >= MIN_STRONG_PER_THOUSAND)
            || (evidence >= MIN_EVIDENCE_HITS
                && (evidence as f64) / thousands.max(1.0) >= MIN_EVIDENCE_PER_THOUSAND);
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

/// The words the context table takes for swaps, outside the table's hits
/// and the spans already found. A spinner's word that is no word of the
/// dictionary reaches here cut in pieces (年夜 as 年 + 夜, 不克不及 as
/// 不克 + 不及), so runs of up to [`MAX_PIECES`] words are tried whole first.
fn judge_in_context(
    chars: &[char],
    context: &InContext<'_>,
    hits: &[(Span, Hit)],
) -> Vec<(Span, Hit)> {
    // Which chars a table hit or an earlier span already covers.
    let mut covered = vec![false; chars.len()];
    let spans = hits.iter().map(|(s, _)| s).chain(context.taken);
    for s in spans {
        covered[s.start.min(chars.len())..s.end.min(chars.len())].fill(true);
    }
    let free = |start: usize, end: usize| !covered[start..end].iter().any(|&c| c);
    let text_of = |w: &Word| chars[w.start..w.end].iter().collect::<String>();
    // A neighbour across a line break or space is a sentence edge.
    let neighbour = |w: Option<&Word>| -> Option<String> {
        w.map(text_of)
            .filter(|t| !t.chars().any(char::is_whitespace))
    };
    let words = context.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut taken = 1;
        for pieces in (1..=MAX_PIECES.min(words.len() - i)).rev() {
            let (start, end) = (words[i].start, words[i + pieces - 1].end);
            let len = end - start;
            if !(2..=MAX_JOINED).contains(&len) || (pieces > 1 && len > 4) {
                continue;
            }
            if !chars[start..end].iter().all(|&c| is_han(c)) || !free(start, end) {
                continue;
            }
            let word: String = chars[start..end].iter().collect();
            // Most words are none a spinner writes: no neighbours looked at.
            if !context.table.judges(&word) {
                continue;
            }
            let left = i.checked_sub(1).and_then(|j| neighbour(words.get(j)));
            let right = neighbour(words.get(i + pieces));
            if let Some(j) = context
                .table
                .judge(left.as_deref(), &word, right.as_deref())
            {
                let mut span = Span::new(start, end, Kind::Spin);
                span.evidence = Some(evidence_note(&word, &j));
                let hit = if j.rarity >= STRONG_RARITY {
                    Hit::StrongContext
                } else {
                    Hit::Context
                };
                span.original = Some(j.original);
                out.push((span, hit));
                taken = pieces;
                break;
            }
        }
        i += taken;
    }
    out
}

/// The card's line that shows why: "In news text, 最重要 occurs 18 times;
/// 最主要 never does."
fn evidence_note(word: &str, j: &Judgement) -> String {
    let e = &j.evidence;
    let times = |n: u32| match n {
        0 => "never does".to_string(),
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    let (original, count, own) = (&j.original, e.original_count, times(e.word_count));
    let side = if e.before { "after" } else { "before" };
    match &e.neighbour {
        // A word: the two phrases, as a reader would search for them.
        Some(n) if n.chars().any(|c| c.is_alphanumeric()) => {
            let (with_original, with_word) = if e.before {
                (format!("{n}{original}"), format!("{n}{word}"))
            } else {
                (format!("{original}{n}"), format!("{word}{n}"))
            };
            format!("In news text, {with_original} occurs {count} times; {with_word} {own}.")
        }
        Some(mark) => {
            format!("In news text, {original} comes {side} “{mark}” {count} times; {word} {own}.")
        }
        None => {
            let place = if e.before { "begins" } else { "ends" };
            format!("In news text, {original} {place} a sentence {count} times; {word} {own}.")
        }
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
