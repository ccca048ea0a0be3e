//! Pinyin a learner can trust: the reading of a word in its sentence.
//!
//! Three layers, each used where the one before has nothing to say:
//!
//! 1. **Words.** The whole word's CC-CEDICT reading, choosing among its
//!    entries by [`entry_penalty`] (surname-only, variant, "see …" and archaic
//!    entries lose to an ordinary one). A word CC-CEDICT lacks is split into
//!    the longest headwords it holds, then single characters.
//! 2. **Polyphonic characters in context.** `polyphones.tsv` (built by
//!    `training/pinyin/build_polyphones.py` from public polyphone corpora, see
//!    `training/pinyin/SOURCES.md`) holds a decision list per character:
//!    rules keyed by a neighbouring character or two, or by the reading of the
//!    longest CC-CEDICT word around the character; the best-scoring rule that
//!    fires wins, else the character's most frequent reading. This decides
//!    the reading of a character that is not part of a longer dictionary
//!    word; inside one, the word's own reading is kept (see [`Options`]).
//! 3. **Names.** A person's name reads its surname with the surname reading
//!    (单 Shàn, 曾 Zēng, 解 Xiè, 尉迟 Yùchí…) and is written `Lǐ Qiáng`.
//!
//! Pure Rust, std only; the table is checked when first used (natively
//! embedded, in the browser sent with the card dictionary).

pub mod zhuyin;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::analysis::text::is_han;
use crate::dictionary::{numbered_to_marks, Dictionary};
use crate::fnv::Fnv1a;

/// The smoothing of rule scores; `training/pinyin/build_polyphones.py` uses the same.
pub const ALPHA: f64 = 0.1;

/// Longest dictionary word looked for around a character (the `W` feature).
const MAX_WORD: usize = 5;

/// The committed table. Native builds parse it on first use; the page's
/// wasm never names it (77 KB gzipped, and pinyin waits for the card
/// dictionary anyway): the dictionary's decoder worker carries it and the
/// page [installs](Polyphones::install) it.
pub const POLYPHONES_TSV: &str = include_str!("polyphones.tsv");

/// The table in use (see [`Polyphones::in_use`]).
static TABLE: OnceLock<Polyphones> = OnceLock::new();

/// Why a polyphone table was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// 1-based line, 0 for the file as a whole.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "polyphone table: {}", self.message)
        } else {
            write!(f, "polyphone table, line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// One character's decision list.
#[derive(Debug, Clone)]
struct CharRules {
    /// Numbered pinyin (`xing2`).
    default: String,
    /// The default's score: (k + α) / (n + 2α); 0 for a dictionary default.
    default_score: f64,
    /// Feature (`L1行`, `Wxing2`…) → (reading, score k / (m + α)).
    rules: HashMap<String, (String, f64)>,
}

/// The parsed polyphone table.
#[derive(Debug, Clone, Default)]
pub struct Polyphones {
    chars: HashMap<char, CharRules>,
}

impl Polyphones {
    /// The table in use: natively the embedded one (parsed once; a damaged
    /// file, which `tests/pinyin.rs` rules out, panics); in the browser the
    /// [installed](Polyphones::install) one, empty until the dictionary is in.
    pub fn in_use() -> &'static Polyphones {
        #[cfg(not(target_arch = "wasm32"))]
        return TABLE.get_or_init(|| {
            Polyphones::parse(POLYPHONES_TSV)
                .expect("crates/engine/src/pinyin/polyphones.tsv is damaged")
        });
        #[cfg(target_arch = "wasm32")]
        {
            static EMPTY: OnceLock<Polyphones> = OnceLock::new();
            TABLE
                .get()
                .unwrap_or_else(|| EMPTY.get_or_init(Polyphones::default))
        }
    }

    /// Puts a table in use (in the browser); the first one stays.
    pub fn install(table: Polyphones) {
        let _ = TABLE.set(table);
    }

    /// Number of characters with a table line.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Parses the table, refusing anything damaged: a missing or wrong
    /// `#end` line (line count, FNV-1a digest), a malformed line, a reading
    /// that is not numbered pinyin, counts that do not add up, a character
    /// listed twice, text after `#end`.
    pub fn parse(text: &str) -> Result<Polyphones, DataError> {
        let err = |line: usize, message: &str| DataError {
            line,
            message: message.to_string(),
        };
        let mut chars = HashMap::new();
        let mut digest = Fnv1a::new();
        let mut count = 0usize;
        let mut end: Option<usize> = None;
        for (n, raw) in text.split_inclusive('\n').enumerate() {
            let lineno = n + 1;
            if end.is_some() {
                if raw.trim().is_empty() {
                    continue;
                }
                return Err(err(lineno, "text after the #end line"));
            }
            let Some(line) = raw.strip_suffix('\n') else {
                return Err(err(lineno, "the last line has no newline (truncated?)"));
            };
            if let Some(rest) = line.strip_prefix("#end\t") {
                let mut f = rest.split('\t');
                let (Some(lines), Some(hex), None) = (f.next(), f.next(), f.next()) else {
                    return Err(err(lineno, "malformed #end line"));
                };
                if lines.parse::<usize>().ok() != Some(count) {
                    return Err(err(lineno, "the line count does not match #end"));
                }
                if u64::from_str_radix(hex, 16).ok() != Some(digest.finish()) {
                    return Err(err(lineno, "the digest does not match #end"));
                }
                end = Some(lineno);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            digest.write(raw.as_bytes());
            count += 1;
            let (c, rules) = parse_line(line).map_err(|m| err(lineno, &m))?;
            if chars.insert(c, rules).is_some() {
                return Err(err(lineno, "character listed twice"));
            }
        }
        if end.is_none() {
            return Err(err(0, "no #end line (truncated?)"));
        }
        Ok(Polyphones { chars })
    }

    /// The reading of `s[i]` with its sentence around it (numbered pinyin),
    /// or `None` for a character the table does not hold.
    fn predict(&self, dict: &Dictionary, s: &[char], i: usize) -> Option<(&str, bool)> {
        let table = self.chars.get(&s[i])?;
        let mut best: (f64, &str, bool) = (table.default_score, &table.default, false);
        if table.rules.is_empty() {
            return Some((best.1, false));
        }
        for feature in features(dict, self, s, i) {
            if let Some((reading, score)) = table.rules.get(&feature) {
                if *score > best.0 {
                    best = (*score, reading, true);
                }
            }
        }
        Some((best.1, best.2))
    }

    /// The character's most frequent reading in the corpora, if they have it.
    fn corpus_default(&self, c: char) -> Option<&str> {
        self.chars
            .get(&c)
            .filter(|t| t.default_score > 0.0)
            .map(|t| t.default.as_str())
    }

    /// The character's most frequent reading (numbered), if the table has it.
    fn default_of(&self, c: char) -> Option<&str> {
        self.chars.get(&c).map(|t| t.default.as_str())
    }
}

fn parse_line(line: &str) -> Result<(char, CharRules), String> {
    let mut fields = line.split('\t');
    let head = fields.next().unwrap_or_default();
    let mut cs = head.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else {
        return Err("the first field is not one character".into());
    };
    let default_field = fields.next().ok_or("no default reading")?;
    let (default, default_score) = match default_field.split_once(' ') {
        None => (default_field, 0.0),
        Some((reading, counts)) => {
            let (k, n) = parse_counts(counts)?;
            (reading, (k as f64 + ALPHA) / (n as f64 + 2.0 * ALPHA))
        }
    };
    if !is_numbered(default) {
        return Err(format!("{default:?} is not numbered pinyin"));
    }
    let mut rules = HashMap::new();
    for rule in fields {
        let (feature, rest) = split_feature(rule).ok_or_else(|| format!("bad rule {rule:?}"))?;
        let (reading, counts) = rest
            .split_once(' ')
            .ok_or_else(|| format!("bad rule {rule:?}"))?;
        if !is_numbered(reading) {
            return Err(format!("{reading:?} is not numbered pinyin"));
        }
        let (k, m) = parse_counts(counts)?;
        let score = k as f64 / (m as f64 + ALPHA);
        if rules
            .insert(feature.to_string(), (reading.to_string(), score))
            .is_some()
        {
            return Err(format!("rule {feature:?} listed twice"));
        }
    }
    Ok((
        c,
        CharRules {
            default: default.to_string(),
            default_score,
            rules,
        },
    ))
}

/// `k/n` with 0 < k ≤ n.
fn parse_counts(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("bad counts {s:?}"))?;
    let k: u32 = k.parse().map_err(|_| format!("bad counts {s:?}"))?;
    let n: u32 = n.parse().map_err(|_| format!("bad counts {s:?}"))?;
    if k == 0 || k > n {
        return Err(format!("counts {s:?} do not add up"));
    }
    Ok((k, n))
}

/// Splits `L2ab xing2 3/4` into the feature (`L2ab`) and the rest. The
/// feature's context characters are counted, not searched for, so a space
/// among them is read right.
fn split_feature(rule: &str) -> Option<(&str, &str)> {
    let context = match rule.get(..2)? {
        "L1" | "R1" => 1,
        "L2" | "R2" | "LR" => 2,
        _ if rule.starts_with('W') => {
            let (f, rest) = rule.split_once(' ')?;
            return is_numbered(&f[1..]).then_some((f, rest));
        }
        _ => return None,
    };
    let mut ends = rule[2..].char_indices().map(|(i, c)| 2 + i + c.len_utf8());
    let end = ends.nth(context - 1)?;
    let rest = rule[end..].strip_prefix(' ')?;
    Some((&rule[..end], rest))
}

/// Numbered pinyin as the table writes it: lower-case letters (with `u:`
/// for ü), then a tone digit 1–5.
fn is_numbered(s: &str) -> bool {
    let Some(body) = s.strip_suffix(['1', '2', '3', '4', '5']) else {
        return false;
    };
    !body.is_empty() && body.chars().all(|c| c.is_ascii_lowercase() || c == ':')
}

// ---- dictionary readings ----------------------------------------------------

/// How unlikely an entry's reading is in running text; 0 is an ordinary
/// entry. Capitalised (proper-noun) readings +1; entries whose every sense
/// is "surname …" +4; entries whose every sense is a variant, a pointer
/// ("see …", "used in …"), archaic/old or a Taiwan pronunciation +3.
/// `training/pinyin/build_polyphones.py` has the same rule.
pub fn entry_penalty(pinyin: &str, senses: &[String]) -> u32 {
    let mut p = 0;
    if pinyin.chars().next().is_some_and(char::is_uppercase) {
        p += 1;
    }
    let senses: Vec<&str> = senses
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let all = |pred: &dyn Fn(&str) -> bool| !senses.is_empty() && senses.iter().all(|s| pred(s));
    if all(&|s| s.starts_with("surname ") || s.starts_with("(surname)")) {
        p += 4;
    }
    if all(&|s| {
        s.contains("variant of")
            || [
                "see ",
                "used in ",
                "(archaic)",
                "(old)",
                "old variant",
                "Taiwan pr.",
                "(Tw)",
            ]
            .iter()
            .any(|pre| s.starts_with(pre))
    }) {
        p += 3;
    }
    p
}

/// The tone-marked syllables of `word`'s best CC-CEDICT entry (its
/// simplified headwords, else its traditional ones), when it has one syllable per character: the least
/// penalised entry ([`entry_penalty`]); among those, the one with most
/// senses, a rough measure of how common a reading is (便宜 piányi "cheap…"
/// over biànyí "convenient", 东西 dōngxi over dōngxī); then the one that
/// agrees with most of its characters' usual readings (重点 zhòngdiǎn); then
/// the first. `training/pinyin/build_polyphones.py` chooses the same way.
pub fn word_syllables(dict: &Dictionary, word: &str) -> Option<Vec<String>> {
    best_syllables(dict, Polyphones::in_use(), word)
}

fn best_syllables(dict: &Dictionary, table: &Polyphones, word: &str) -> Option<Vec<String>> {
    // Most strings tried are not headwords; `contains` allocates nothing.
    if !dict.contains(word) {
        return None;
    }
    let entries = dict.lookup(word);
    // Simplified headwords; a traditional text's words match traditional ones.
    let simplified = entries.iter().any(|e| e.simplified == word);
    let scored: Vec<(u32, &crate::dictionary::DictEntry)> = entries
        .iter()
        .filter(|e| {
            if simplified {
                e.simplified == word
            } else {
                e.traditional == word
            }
        })
        .map(|e| (entry_penalty(&e.pinyin, &e.senses), e))
        .collect();
    let low = scored.iter().map(|(p, _)| *p).min()?;
    let chars: Vec<char> = word.chars().collect();
    let mut best: Option<((usize, usize), Vec<String>)> = None;
    for (_, e) in scored.iter().filter(|(p, _)| *p == low) {
        let syllables: Vec<String> = e.pinyin.split_whitespace().map(str::to_string).collect();
        let agree = chars
            .iter()
            .zip(&syllables)
            .filter(|(c, s)| table.corpus_default(**c) == Some(marks_to_numbered(s).as_str()))
            .count();
        let senses = e.senses.iter().filter(|s| !s.trim().is_empty()).count();
        let key = (senses, agree);
        if best.as_ref().is_none_or(|(a, _)| key > *a) {
            best = Some((key, syllables));
        }
    }
    best.map(|(_, s)| s).filter(|s| s.len() == chars.len())
}

/// `xíng` → `xing2`, `le` → `le5`, `lǜ` → `lu:4`; lower case. Combining
/// tone marks are read too.
pub fn marks_to_numbered(syllable: &str) -> String {
    let mut tone = 5;
    let mut out = String::with_capacity(syllable.len() + 1);
    for c in syllable.chars().flat_map(char::to_lowercase) {
        let (base, t, umlaut) = match c {
            'ā' => ('a', 1, false),
            'á' => ('a', 2, false),
            'ǎ' => ('a', 3, false),
            'à' => ('a', 4, false),
            'ē' => ('e', 1, false),
            'é' => ('e', 2, false),
            'ě' => ('e', 3, false),
            'è' => ('e', 4, false),
            'ī' => ('i', 1, false),
            'í' => ('i', 2, false),
            'ǐ' => ('i', 3, false),
            'ì' => ('i', 4, false),
            'ō' => ('o', 1, false),
            'ó' => ('o', 2, false),
            'ǒ' => ('o', 3, false),
            'ò' => ('o', 4, false),
            'ū' => ('u', 1, false),
            'ú' => ('u', 2, false),
            'ǔ' => ('u', 3, false),
            'ù' => ('u', 4, false),
            'ǖ' => ('u', 1, true),
            'ǘ' => ('u', 2, true),
            'ǚ' => ('u', 3, true),
            'ǜ' => ('u', 4, true),
            'ü' => ('u', 0, true),
            'ḿ' => ('m', 2, false),
            'ń' => ('n', 2, false),
            'ň' => ('n', 3, false),
            'ǹ' => ('n', 4, false),
            'ế' => ('e', 2, false),
            'ề' => ('e', 4, false),
            '\u{304}' => ('\0', 1, false),
            '\u{301}' => ('\0', 2, false),
            '\u{30c}' => ('\0', 3, false),
            '\u{300}' => ('\0', 4, false),
            '\u{308}' => {
                out.push(':');
                continue;
            }
            other => (other, 0, false),
        };
        if base != '\0' {
            out.push(base);
        }
        if umlaut {
            out.push(':');
        }
        if t != 0 {
            tone = t;
        }
    }
    out.push(char::from_digit(tone, 10).unwrap_or('5'));
    out
}

/// The reading of `s[i]` inside the longest CC-CEDICT word (2–5 characters)
/// around it, numbered; the `W` feature.
fn dict_reading(dict: &Dictionary, table: &Polyphones, s: &[char], i: usize) -> Option<String> {
    for n in (2..=MAX_WORD).rev() {
        if n > s.len() {
            continue;
        }
        let first = (i + 1).saturating_sub(n);
        let last = i.min(s.len() - n);
        for a in first..=last {
            let word: String = s[a..a + n].iter().collect();
            if let Some(syllables) = best_syllables(dict, table, &word) {
                return Some(marks_to_numbered(&syllables[i - a]));
            }
        }
    }
    None
}

/// The features of `s[i]`, in the order the trainer tries them.
fn features(dict: &Dictionary, table: &Polyphones, s: &[char], i: usize) -> Vec<String> {
    let g = |k: isize| -> char {
        if k < 0 {
            '^'
        } else {
            s.get(k as usize).copied().unwrap_or('$')
        }
    };
    let i = i as isize;
    let mut out = vec![
        format!("L1{}", g(i - 1)),
        format!("R1{}", g(i + 1)),
        format!("L2{}{}", g(i - 2), g(i - 1)),
        format!("R2{}{}", g(i + 1), g(i + 2)),
        format!("LR{}{}", g(i - 1), g(i + 1)),
    ];
    if let Some(w) = dict_reading(dict, table, s, i as usize) {
        out.push(format!("W{w}"));
    }
    out
}

// ---- reading words ------------------------------------------------------------

/// Choices `read_span_with` offers; [`Options::default`] is what the app uses
/// (chosen on a held-out half of the CPP dev split: keeping dictionary
/// words' readings, 0.957, beat letting the table overrule them, 0.952).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whether the context table may overrule the reading of a character
    /// inside a multi-character dictionary word. Characters outside such
    /// words (one-character words, the leftovers of an unknown word) always
    /// take the table's reading.
    pub table_in_words: TableInWords,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableInWords {
    /// Keep the dictionary word's reading.
    Never,
    /// Overrule it when a context rule (not the bare default) decided.
    RulesOnly,
    /// Always use the table.
    Always,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            table_in_words: TableInWords::Never,
        }
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '；')
}

/// The syllables (tone marks) of `text[start..end]`, one per character
/// (empty for characters that are not Han), read with the text around it as
/// context. The context stops at the sentence's ends.
pub fn read_span(dict: &Dictionary, text: &[char], start: usize, end: usize) -> Vec<String> {
    read_span_with(dict, text, start, end, Options::default())
}

/// [`read_span`] with explicit [`Options`].
pub fn read_span_with(
    dict: &Dictionary,
    text: &[char],
    start: usize,
    end: usize,
    options: Options,
) -> Vec<String> {
    read_span_using(dict, Polyphones::in_use(), text, start, end, options)
}

/// [`read_span_with`] with another polyphone table (for measuring one
/// trained on part of the data).
pub fn read_span_using(
    dict: &Dictionary,
    table: &Polyphones,
    text: &[char],
    start: usize,
    end: usize,
    options: Options,
) -> Vec<String> {
    let end = end.min(text.len());
    let start = start.min(end);
    // The sentence: after the last end before the word, through the first
    // end at or after it (the terminator itself is context, as in the corpus).
    let mut s0 = start;
    while s0 > 0 && !is_sentence_end(text[s0 - 1]) && start - s0 < 8 {
        s0 -= 1;
    }
    let mut s1 = end;
    while s1 < text.len() && end + 8 > s1 {
        let c = text[s1];
        s1 += 1;
        if is_sentence_end(c) {
            break;
        }
    }
    let sentence = &text[s0..s1];
    read_in(dict, table, sentence, start - s0, end - s0, options)
}

/// The reading of a word in a sentence given as words: `words[i]`, with the
/// words around it as context. Syllables joined as [`join`] does, as the
/// reading view shows them (`yínháng`).
pub fn read(dict: &Dictionary, words: &[&str], i: usize) -> String {
    let mut chars = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for (k, w) in words.iter().enumerate() {
        if k == i {
            start = chars.len();
        }
        chars.extend(w.chars());
        if k == i {
            end = chars.len();
        }
    }
    join(&read_in(
        dict,
        Polyphones::in_use(),
        &chars,
        start,
        end,
        Options::default(),
    ))
}

/// Reads `s[start..end]` with all of `s` as the sentence.
fn read_in(
    dict: &Dictionary,
    table: &Polyphones,
    s: &[char],
    start: usize,
    end: usize,
    options: Options,
) -> Vec<String> {
    let word = &s[start..end];
    let mut out = vec![String::new(); word.len()];
    if !word.iter().copied().any(is_han) {
        return out;
    }
    // The dictionary's words: the whole word, else the longest headwords
    // from the left (greedy), else single characters. `in_word[k]` says
    // whether character k got its reading from a multi-character word.
    let mut in_word = vec![false; word.len()];
    let mut k = 0;
    while k < word.len() {
        let mut taken = 0;
        for n in (2..=(word.len() - k).min(8)).rev() {
            let w: String = word[k..k + n].iter().collect();
            if let Some(syllables) = best_syllables(dict, table, &w) {
                for (j, syl) in syllables.into_iter().enumerate() {
                    out[k + j] = syl;
                    in_word[k + j] = true;
                }
                taken = n;
                break;
            }
        }
        if taken == 0 {
            out[k] = char_reading(dict, table, word[k]);
            taken = 1;
        }
        k += taken;
    }
    // Polyphonic characters in context.
    for (k, &c) in word.iter().enumerate() {
        if !is_han(c) {
            out[k].clear();
            continue;
        }
        if in_word[k] && options.table_in_words == TableInWords::Never {
            continue;
        }
        let Some((reading, by_rule)) = table.predict(dict, s, start + k) else {
            continue;
        };
        let overrule = !in_word[k]
            || match options.table_in_words {
                TableInWords::Never => false,
                TableInWords::RulesOnly => by_rule,
                TableInWords::Always => true,
            };
        if overrule {
            let marked = numbered_to_marks(reading);
            // Keep a proper noun's capital.
            out[k] = if out[k].chars().next().is_some_and(char::is_uppercase) {
                capitalize(&marked)
            } else {
                marked
            };
        }
    }
    out
}

/// A lone character's reading: the table's default, else its best
/// dictionary entry, else nothing.
fn char_reading(dict: &Dictionary, table: &Polyphones, c: char) -> String {
    if let Some(d) = table.default_of(c) {
        return numbered_to_marks(d);
    }
    if !is_han(c) {
        return String::new();
    }
    best_syllables(dict, table, &c.to_string())
        .and_then(|mut s| s.pop())
        .map(|s| s.to_lowercase())
        .unwrap_or_default()
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(first) => first.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

// ---- names ----------------------------------------------------------------------

/// The surnames file: those with a reading of their own, and common ones.
const SURNAMES_TSV: &str = include_str!("surnames.tsv");

/// The surnames of [`SURNAMES_TSV`]: (surname, reading) where it has one
/// of its own, longest first; and the common one-character surnames.
struct Surnames {
    special: Vec<(String, String)>,
    common: String,
}

/// The embedded surname list, parsed once. A malformed line panics: the
/// file is part of the build, and `tests/pinyin.rs` reads names through it.
fn surnames() -> &'static Surnames {
    static SURNAMES: OnceLock<Surnames> = OnceLock::new();
    SURNAMES.get_or_init(|| {
        let mut list = Surnames {
            special: Vec::new(),
            common: String::new(),
        };
        for line in SURNAMES_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            match line.split_once('\t') {
                Some((name, reading)) => list
                    .special
                    .push((name.to_string(), reading.replace(' ', ""))),
                None => list.common.push_str(line.trim()),
            }
        }
        // A compound surname before its first character (单于 before 单).
        list.special
            .sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
        list
    })
}

/// The surname at the start of `word` and its reading, if any.
fn surname_of(word: &[char]) -> Option<(usize, String)> {
    for (name, reading) in &surnames().special {
        let n = name.chars().count();
        if word.len() >= n && word.iter().take(n).copied().eq(name.chars()) {
            return Some((n, reading.clone()));
        }
    }
    None
}

/// Whether an unknown word of 2–3 characters looks like a person's name:
/// it starts with a surname, CC-CEDICT lacks it, and it does not start with
/// a longer CC-CEDICT word (万亿元 is 万亿 + 元, not Mr Wan).
pub fn looks_like_name(dict: &Dictionary, word: &[char]) -> bool {
    let starts_with_word =
        (2..word.len()).any(|n| dict.contains(&word[..n].iter().collect::<String>()));
    (2..=3).contains(&word.len())
        && word.iter().copied().all(is_han)
        && (surname_of(word).is_some() || surnames().common.contains(word[0]))
        && !dict.contains(&word.iter().collect::<String>())
        && !starts_with_word
}

/// Joins syllables for display: together (`yínháng`), but a capitalised
/// syllable after the first starts a new part (`Zēng Guófān`, `Xí Jìnpíng`).
pub fn join(syllables: &[String]) -> String {
    let mut out = String::new();
    for (k, s) in syllables.iter().enumerate() {
        if k > 0 && s.chars().next().is_some_and(char::is_uppercase) {
            out.push(' ');
        }
        out.push_str(s);
    }
    out
}

/// A person's name: `李强` → `Lǐ Qiáng`, `单田芳` → `Shàn Tiánfāng`. The
/// surname has its surname reading; the given name its characters' most
/// frequent readings.
pub fn read_name(dict: &Dictionary, name: &[char]) -> String {
    let table = Polyphones::in_use();
    let (n, surname) = match surname_of(name) {
        Some(found) => found,
        None if !name.is_empty() => (1, capitalize(&char_reading(dict, table, name[0]))),
        None => return String::new(),
    };
    let given: String = name[n..]
        .iter()
        .map(|&c| char_reading(dict, table, c))
        .collect();
    if given.is_empty() {
        surname
    } else {
        format!("{surname} {}", capitalize(&given))
    }
}

/// What the reading view shows above a word: its pinyin in context, or a
/// name's reading when the word is (or looks like) a person's name. Pass
/// `person` for a word that starts a span tagged as a person (a lone
/// surname the segmenter cut off reads as one: 单 Shàn).
pub fn display(dict: &Dictionary, text: &[char], start: usize, end: usize, person: bool) -> String {
    let end = end.min(text.len());
    let start = start.min(end);
    let word = &text[start..end];
    if reads_as_name(dict, word, person) {
        return read_name(dict, word);
    }
    join(&read_span(dict, text, start, end))
}

/// Whether the reading view reads `word` as a person's name: it starts a
/// span tagged as a person and is all Han, or looks like a name by itself.
pub(crate) fn reads_as_name(dict: &Dictionary, word: &[char], person: bool) -> bool {
    (person && !word.is_empty() && word.iter().copied().all(is_han)) || looks_like_name(dict, word)
}
