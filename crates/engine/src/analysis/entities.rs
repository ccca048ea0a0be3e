//! Named entities: people, organisations, places and products.
//!
//! Three sources, strongest first: the curated gazetteer (with short forms);
//! rules over the segmented text (a family name next to a cue such as
//! 创始人 or 表示, company and place suffixes, Latin names, `·` names);
//! and, last, the segmenter's part-of-speech tags, filtered by a stop list.
//! A name found once by a rule is then found everywhere it recurs.

use std::collections::{BTreeMap, HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::ner::NerModel;
use super::text::{is_han, Boundaries};
use super::{Kind, Span, Word};
use crate::knowledge::gazetteer::GazetteerEntry;
use crate::knowledge::rules::EntityRules;

/// Where a candidate came from; a stronger source wins an overlap of equal length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Tag,
    Rule,
    Model,
    Gazetteer,
}

pub struct EntityRecognizer {
    gazetteer: AhoCorasick,
    /// Per gazetteer pattern: (kind, length in chars, index into `names`).
    targets: Vec<(Kind, usize, usize)>,
    /// Per gazetteer entry: (canonical name, English name).
    names: Vec<(String, String)>,
    /// Every form of every place in the gazetteer.
    place_names: HashSet<String>,
    rules: EntityRules,
    surnames: HashSet<char>,
    cues_before: HashSet<String>,
    cues_after: Vec<String>,
    org_suffixes: HashSet<String>,
    org_not_before: HashSet<String>,
    org_prefix_stop: HashSet<String>,
    place_suffixes: Vec<String>,
    tag_stop: HashSet<String>,
    /// The learned recogniser, when one is loaded (see [`super::ner`]).
    model: Option<NerModel>,
}

/// Tags of words that can be the distinctive part of an organisation's name
/// (nouns, names, unknown words), as opposed to 当代/t or 直接/ad.
const NAME_PART_TAGS: &[&str] = &[
    "n", "nr", "nz", "nt", "ns", "s", "x", "j", "eng", "ng", "nrt", "nrfg", "an",
];

/// A tagged word as the segmenter gives it.
#[derive(Debug, Clone, Copy)]
pub struct Tagged<'a> {
    pub word: Word,
    pub tag: &'a str,
    /// Whether the word is in the segmenter's dictionary (rather than
    /// discovered by its HMM): the dictionary tags common words such as
    /// 马拉松 or 大都市 as names, so tags count only for unknown words.
    pub known: bool,
}

impl EntityRecognizer {
    pub fn new(entries: &[GazetteerEntry], rules: EntityRules) -> EntityRecognizer {
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut names = Vec::new();
        for e in entries {
            for form in std::iter::once(&e.name).chain(e.short_forms.iter()) {
                patterns.push(form.clone());
                targets.push((e.kind, form.chars().count(), names.len()));
            }
            names.push((e.name.clone(), e.en.clone()));
        }
        let place_names = entries
            .iter()
            .filter(|e| e.kind == Kind::Place)
            .flat_map(|e| std::iter::once(e.name.clone()).chain(e.short_forms.iter().cloned()))
            .collect();
        let gazetteer = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer names build an automaton");
        let set = |v: &[String]| v.iter().cloned().collect::<HashSet<_>>();
        EntityRecognizer {
            gazetteer,
            targets,
            names,
            place_names,
            surnames: rules
                .surnames
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            cues_before: set(&rules.person_cues_before),
            cues_after: rules.person_cues_after.clone(),
            org_suffixes: set(&rules.org_suffixes),
            org_not_before: set(&rules.org_suffix_not_before),
            org_prefix_stop: set(&rules.org_prefix_stop),
            place_suffixes: rules.place_suffixes.clone(),
            tag_stop: set(&rules.tag_stop),
            rules,
            model: None,
        }
    }

    /// Adds (or removes) the learned recogniser.
    pub fn set_model(&mut self, model: Option<NerModel>) {
        self.model = model;
    }

    pub fn model(&self) -> Option<&NerModel> {
        self.model.as_ref()
    }

    pub fn rules(&self) -> &EntityRules {
        &self.rules
    }

    /// Whether `word` is only an organisation's or a place's suffix.
    fn is_bare_suffix(&self, word: &[char]) -> bool {
        let word: String = word.iter().collect();
        self.rules.org_suffixes.contains(&word) || self.rules.place_suffixes.contains(&word)
    }

    /// Entity spans, non-overlapping, in text order.
    pub fn find(&self, text: &str, bounds: &Boundaries, tagged: &[Tagged]) -> Vec<Span> {
        let chars = bounds.chars();
        let mut candidates: Vec<(usize, usize, Kind, Source)> = Vec::new();
        let mut learned = match &self.model {
            Some(model) => model.find(chars, tagged),
            None => Vec::new(),
        };
        // A bare 公司 or 市 ("the company", "the city") is a common noun the
        // model sometimes takes for a name: a name is more than its suffix.
        learned.retain(|&(s, e, _)| !self.is_bare_suffix(&chars[s..e]));
        let guessed: Vec<Tagged> = tagged
            .iter()
            .map(|t| Tagged {
                tag: self.shape_tag(chars, t),
                ..*t
            })
            .collect();
        let tagged = &guessed[..];

        let mut canonical: HashMap<(usize, usize), usize> = HashMap::new();
        for m in self.gazetteer.find_iter(text) {
            let (kind, len, name) = self.targets[m.pattern().as_usize()];
            let start = bounds.char_at(m.start());
            if bounds.fits(start, start + len, 2) {
                candidates.push((start, start + len, kind, Source::Gazetteer));
                canonical.insert((start, start + len), name);
            }
        }
        candidates.extend(
            learned
                .into_iter()
                .map(|(s, e, k)| (s, e, k, Source::Model)),
        );
        self.people_by_cue(chars, tagged, &mut candidates);
        self.latin_and_dot_names(chars, tagged, &mut candidates);
        self.numbered_products(chars, &mut candidates);
        self.orgs_by_suffix(chars, tagged, &mut candidates);
        self.places_by_suffix(chars, tagged, &mut candidates);
        // jieba's own name tags are a last resort: with the model in, they
        // only add mistakes (measured on the MSRA dev split).
        if self.model.is_none() {
            self.by_tag(chars, tagged, &mut candidates);
        }
        self.recurrences(text, bounds, &mut candidates);
        let mut spans = resolve(candidates);
        // Known names carry their canonical form (阿里 → 阿里巴巴) and English name.
        for span in &mut spans {
            if let Some(&i) = canonical.get(&(span.start, span.end)) {
                let (name, en) = &self.names[i];
                span.term = Some(name.clone());
                if !en.is_empty() {
                    span.note = Some(en.clone());
                }
            }
        }
        spans
    }

    /// The tag of a word the segmenter does not know (`x`: it has no
    /// part-of-speech model for them), guessed from its shape: a place or
    /// organisation suffix (`rules.toml`), or a family name and two more
    /// characters (a compound family name and one or two). Two characters
    /// are not enough: 马云 is a name but 常说 and 任其 are not, and only
    /// the model could tell them apart. Other words keep their tag.
    fn shape_tag<'a>(&self, chars: &[char], t: &Tagged<'a>) -> &'a str {
        if t.known || t.tag != "x" || !chars[t.word.start..t.word.end].iter().all(|&c| is_han(c)) {
            return t.tag;
        }
        let w = Self::word_text(chars, t.word);
        let len = t.word.end - t.word.start;
        if len >= 3
            && self
                .place_suffixes
                .iter()
                .any(|s| w.ends_with(s.as_str()) && w.len() > s.len())
        {
            "ns"
        } else if len >= 3
            && self
                .org_suffixes
                .iter()
                .any(|s| w.ends_with(s.as_str()) && w.len() > s.len())
        {
            "nt"
        } else if len >= 3 && self.looks_like_name(chars, t.word.start, t.word.end) {
            "nr"
        } else {
            t.tag
        }
    }

    fn word_text(chars: &[char], w: Word) -> String {
        chars[w.start..w.end].iter().collect()
    }

    /// A word of the dictionary's common vocabulary (软件, 诗人, 保险公司):
    /// known, two or more characters, and not tagged as a name.
    fn is_common_word(t: &Tagged) -> bool {
        const NAME_TAGS: &[&str] = &["nr", "nrt", "nrfg", "ns", "nz"];
        t.known && t.word.end - t.word.start >= 2 && !NAME_TAGS.contains(&t.tag)
    }

    /// Whether `chars[start..end]` looks like a Chinese personal name.
    fn looks_like_name(&self, chars: &[char], start: usize, end: usize) -> bool {
        let len = end - start;
        if !(2..=4).contains(&len) || !chars[start..end].iter().all(|&c| is_han(c)) {
            return false;
        }
        let first_two: String = chars[start..start + 2].iter().collect();
        let compound = self.rules.compound_surnames.contains(&first_two);
        (self.surnames.contains(&chars[start]) && len <= 3) || (compound && len >= 3)
    }

    /// 创始人梁文锋 / 马光远认为: a family name plus a given name beside a cue.
    fn people_by_cue(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        for (i, t) in tagged.iter().enumerate() {
            let w = Self::word_text(chars, t.word);
            if self.cues_before.contains(&w) {
                if let Some((s, e)) = self.name_from(chars, tagged, i + 1, true) {
                    out.push((s, e, Kind::Person, Source::Rule));
                }
            }
            if i > 0
                && self
                    .cues_after
                    .iter()
                    .any(|c| w.starts_with(c.as_str()) || *c == w)
            {
                if let Some((s, e)) = self.name_from(chars, tagged, i - 1, false) {
                    out.push((s, e, Kind::Person, Source::Rule));
                }
            }
        }
    }

    /// A name made of the words starting at `k` (going forward) or ending at
    /// `k` (going backward): one word the segmenter tagged as a name, or up to
    /// three single characters it could not place (祝/铭/明). A word of two or
    /// more characters with another tag (详细, 认为) is never part of a name.
    fn name_from(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        k: usize,
        forward: bool,
    ) -> Option<(usize, usize)> {
        let t = tagged.get(k)?;
        let w = Self::word_text(chars, t.word);
        if self.tag_stop.contains(&w) || w.ends_with('人') {
            return None;
        }
        if t.tag.starts_with("nr") && self.looks_like_name(chars, t.word.start, t.word.end) {
            return Some((t.word.start, t.word.end));
        }
        // Single characters joined, up to three.
        let mut idx = k;
        let (mut start, mut end) = (t.word.start, t.word.end);
        loop {
            let cur = &tagged[idx];
            if cur.word.end - cur.word.start != 1
                || !is_han(chars[cur.word.start])
                || self.name_breakers(chars[cur.word.start])
            {
                return None;
            }
            start = start.min(cur.word.start);
            end = end.max(cur.word.end);
            if end - start >= 3 {
                break;
            }
            let next = if forward {
                idx + 1
            } else {
                idx.checked_sub(1)?
            };
            if next >= tagged.len() {
                break;
            }
            idx = next;
        }
        (end - start >= 2 && self.looks_like_name(chars, start, end)).then_some((start, end))
    }

    /// Characters that end or break a name rather than belong to it (`rules.toml`).
    fn name_breakers(&self, c: char) -> bool {
        self.rules.name_breakers.contains(c)
    }

    /// Latin personal names (Igor Babuschkin, Jimmy Ba) and transliterated
    /// names joined by a middle dot (埃隆·马斯克).
    fn latin_and_dot_names(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        let n = chars.len();
        let mut i = 0;
        while i < n {
            // Capitalised Latin words separated by single spaces.
            if chars[i].is_ascii_uppercase() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
                let mut words = 0;
                let mut j = i;
                let mut end = i;
                loop {
                    if j < n && chars[j].is_ascii_uppercase() {
                        let mut k = j + 1;
                        while k < n && chars[k].is_ascii_lowercase() {
                            k += 1;
                        }
                        if k - j < 2
                            || (k < n && (chars[k].is_ascii_alphanumeric() || chars[k] == '-'))
                        {
                            break;
                        }
                        words += 1;
                        end = k;
                        if k + 1 < n && chars[k] == ' ' && chars[k + 1].is_ascii_uppercase() {
                            j = k + 1;
                            continue;
                        }
                    }
                    break;
                }
                if (2..=3).contains(&words) {
                    out.push((i, end, Kind::Person, Source::Rule));
                    i = end;
                    continue;
                }
            }
            // Han·Han
            if (chars[i] == '·' || chars[i] == '•' || chars[i] == '・')
                && i > 0
                && i + 1 < n
                && is_han(chars[i - 1])
                && is_han(chars[i + 1])
            {
                // Each side is whole words of Han characters, at most five
                // characters, none of them a common word: 诗人·书画家 and
                // 传记文学·文化名人 are titles, not a name.
                let part = |range: &mut dyn Iterator<Item = &Tagged>| {
                    let mut taken = 0;
                    for t in range {
                        let len = t.word.end - t.word.start;
                        let han = chars[t.word.start..t.word.end].iter().all(|&c| is_han(c));
                        if !han || Self::is_common_word(t) || taken + len > 5 {
                            break;
                        }
                        taken += len;
                    }
                    taken
                };
                let dot = tagged.partition_point(|t| t.word.end <= i);
                let before = part(&mut tagged[..dot].iter().rev());
                let after = part(&mut tagged[(dot + 1).min(tagged.len())..].iter());
                if before > 0 && after > 0 {
                    out.push((i - before, i + 1 + after, Kind::Person, Source::Rule));
                    i += 1 + after;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// “萤火一号”, “天宫二号”: a quoted name ending in a numeral and 号 names a
    /// product (a machine, a craft, a model).
    fn numbered_products(&self, chars: &[char], out: &mut Vec<(usize, usize, Kind, Source)>) {
        let n = chars.len();
        for open in 0..n {
            if !matches!(chars[open], '“' | '"' | '「' | '《') {
                continue;
            }
            let start = open + 1;
            let mut end = start;
            while end < n && end - start <= 8 && is_han(chars[end]) {
                end += 1;
            }
            if end < n
                && end - start >= 3
                && matches!(chars[end], '”' | '"' | '」' | '》')
                && chars[end - 1] == '号'
                && "一二三四五六七八九十0123456789".contains(chars[end - 2])
            {
                out.push((start, end, Kind::Product, Source::Rule));
            }
        }
    }

    /// 宇树科技, 之江实验室: a distinctive name of two to four characters
    /// before an organisation suffix, not followed by a common noun.
    fn orgs_by_suffix(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        for (i, t) in tagged.iter().enumerate() {
            let w = Self::word_text(chars, t.word);
            let (suffix_start, prefix_in_word) = if self.org_suffixes.contains(&w) {
                (t.word.start, 0)
            } else if t.known {
                // A dictionary word ending in a suffix is a kind of
                // organisation (保险公司, 上市公司), not one organisation.
                continue;
            } else if let Some(s) = self
                .org_suffixes
                .iter()
                .filter(|s| w.ends_with(s.as_str()) && w.chars().count() > s.chars().count())
                .max_by_key(|s| s.len())
            {
                // The segmenter kept the whole name as one word (灵伴科技).
                let plen = w.chars().count() - s.chars().count();
                (t.word.start + plen, plen)
            } else {
                continue;
            };
            if let Some(next) = tagged.get(i + 1) {
                if self
                    .org_not_before
                    .contains(&Self::word_text(chars, next.word))
                {
                    continue;
                }
            }
            // Grow the name backwards over up to two words.
            let mut start = suffix_start - prefix_in_word;
            let mut j = i;
            while prefix_in_word == 0 && j > 0 && suffix_start - start < 4 {
                let prev = &tagged[j - 1];
                let pw = Self::word_text(chars, prev.word);
                if !pw.chars().all(is_han)
                    || self.org_prefix_stop.contains(&pw)
                    || suffix_start - prev.word.start > 4
                    || !NAME_PART_TAGS.contains(&prev.tag)
                {
                    break;
                }
                start = prev.word.start;
                j -= 1;
                if suffix_start - start >= 2 {
                    break;
                }
            }
            // A function word the segmenter joined to the name's first
            // character (为宇 in 为宇树科技) is not part of the name.
            while suffix_start - start > 2
                && self.org_prefix_stop.contains(&chars[start].to_string())
            {
                start += 1;
            }
            let prefix: String = chars[start..suffix_start].iter().collect();
            let plen = suffix_start - start;
            // A bare place before the suffix is a description (杭州科技), not a
            // name; so are common words (软件公司, 世界科技).
            if j + 1 == i && tagged[j].tag == "ns" && prefix_in_word == 0 {
                continue;
            }
            if prefix_in_word == 0 && tagged[j..i].iter().all(Self::is_common_word) {
                continue;
            }
            if !(2..=4).contains(&plen)
                || self.org_prefix_stop.contains(&prefix)
                || self.tag_stop.contains(&prefix)
            {
                continue;
            }
            out.push((start, t.word.end, Kind::Org, Source::Rule));
        }
    }

    /// 浙江省, 余杭区: a place word the segmenter tagged, or a place suffix.
    fn places_by_suffix(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        for t in tagged {
            let w = Self::word_text(chars, t.word);
            let len = w.chars().count();
            let Some(suffix) = self.place_suffixes.iter().find(|s| w.ends_with(s.as_str())) else {
                continue;
            };
            // A dictionary word counts when what precedes the suffix is a
            // known place (余杭区), not a description (大都市).
            let stem = &w[..w.len() - suffix.len()];
            if t.known && !self.place_names.contains(stem) {
                continue;
            }
            if t.tag == "ns" && (3..=6).contains(&len) {
                out.push((t.word.start, t.word.end, Kind::Place, Source::Rule));
            }
        }
    }

    /// The segmenter's tags, last: nr (person), ns (place), nt (organisation),
    /// each only where it also looks right.
    fn by_tag(
        &self,
        chars: &[char],
        tagged: &[Tagged],
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        for t in tagged {
            let w = Self::word_text(chars, t.word);
            // Demonyms (杭州人) are not people.
            if t.known || self.tag_stop.contains(&w) || !w.chars().all(is_han) || w.ends_with('人')
            {
                continue;
            }
            let len = w.chars().count();
            let kind = match t.tag {
                "nr" if len == 3 && self.looks_like_name(chars, t.word.start, t.word.end) => {
                    Kind::Person
                }
                "ns" if (3..=5).contains(&len) && !w.ends_with('人') => Kind::Place,
                // jieba's nt also covers generic phrases (新兴产业): keep those with an org suffix.
                "nt" if (3..=8).contains(&len)
                    && self.org_suffixes.iter().any(|x| w.ends_with(x.as_str())) =>
                {
                    Kind::Org
                }
                _ => continue,
            };
            out.push((t.word.start, t.word.end, kind, Source::Tag));
        }
    }

    /// A name found once (by a rule) is the same entity wherever it recurs:
    /// the caption line 王兴兴 under a paragraph that named him.
    fn recurrences(
        &self,
        text: &str,
        bounds: &Boundaries,
        out: &mut Vec<(usize, usize, Kind, Source)>,
    ) {
        let mut known: HashMap<String, Kind> = HashMap::new();
        for &(s, e, kind, source) in out.iter() {
            if matches!(source, Source::Rule | Source::Model) && e - s >= 2 {
                known.entry(bounds.slice(s, e)).or_insert(kind);
            }
        }
        if known.is_empty() {
            return;
        }
        let names: Vec<(String, Kind)> = known.into_iter().collect();
        let Ok(ac) = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n.as_str()))
        else {
            return;
        };
        for m in ac.find_iter(text) {
            let (name, kind) = &names[m.pattern().as_usize()];
            let start = bounds.char_at(m.start());
            let end = start + name.chars().count();
            if bounds.fits(start, end, 2) {
                out.push((start, end, *kind, Source::Rule));
            }
        }
    }
}

/// Picks non-overlapping spans: the gazetteer's and the model's before the
/// rules', then longer first, then the stronger source, then the earlier start.
fn resolve(mut candidates: Vec<(usize, usize, Kind, Source)>) -> Vec<Span> {
    // The gazetteer and the model first, longest first; then the rules and
    // tags, where neither found anything.
    let sure = |c: &(usize, usize, Kind, Source)| c.3 >= Source::Model;
    candidates.sort_by(|a, b| {
        sure(b)
            .cmp(&sure(a))
            .then((b.1 - b.0).cmp(&(a.1 - a.0)))
            .then(b.3.cmp(&a.3))
            .then(a.0.cmp(&b.0))
    });
    // Taken stretches by start: they never overlap, so the one starting
    // last before a candidate's end is the only one that can overlap it.
    let mut taken: BTreeMap<usize, (usize, Kind)> = BTreeMap::new();
    for (s, e, kind, _) in candidates {
        let free = taken
            .range(..e)
            .next_back()
            .is_none_or(|(_, &(te, _))| te <= s);
        if free {
            taken.insert(s, (e, kind));
        }
    }
    taken
        .into_iter()
        .map(|(s, (e, k))| Span::new(s, e, k))
        .collect()
}
