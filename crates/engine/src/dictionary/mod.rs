//! CC-CEDICT lookups for the word cards.
//!
//! The data is the TSV that `scripts/build-dictionary.py` writes to
//! `target/dict/cedict.tsv`, one entry a line:
//!
//! ```text
//! simplified<TAB>traditional<TAB>pinyin with tone marks<TAB>sense / sense / …
//! ```
//!
//! sorted by simplified (bytewise), the entries of one word on consecutive lines.
//!
//! [`Dictionary`] keeps that text once and indexes it: an 8-byte record per
//! line (offset and the lengths of the two headword fields), in simplified
//! order, and a second index of line numbers in traditional order for the
//! entries whose traditional form differs. Nothing is allocated per field at
//! parse time; [`DictEntry`] values are built on lookup, so lookups return
//! owned entries. Input that is not sorted (user-imported data) is sorted at
//! parse time; blank lines, `#` comments and malformed lines are skipped.
//!
//! Pure Rust, std and serde only, so it runs natively and in the browser alike.

use std::fmt;

mod coded;

pub use coded::{decode as decode_coded, is_coded, CodedDictionary};

use serde::{Deserialize, Serialize};

/// One dictionary entry, as shown on a word card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictEntry {
    pub simplified: String,
    pub traditional: String,
    /// Syllables with tone marks, separated by spaces: `Zhōng guó`.
    pub pinyin: String,
    /// English senses in source order. Cross-references inside them keep
    /// CC-CEDICT's numbered pinyin (`拜拜[bai2 bai2]`); see [`sense_to_marks`].
    pub senses: Vec<String>,
}

/// Where one entry sits in the text.
#[derive(Clone, Copy)]
struct Line {
    start: u32,
    simp_len: u16,
    /// 0 when the line leaves the traditional field empty (= simplified).
    trad_len: u16,
}

/// The whole dictionary, parsed once and looked up many times.
#[derive(Clone, Default)]
pub struct Dictionary {
    text: String,
    /// Every entry, ordered by simplified (stable: a word's entries keep their order).
    by_simp: Vec<Line>,
    /// Indices into `by_simp` of the entries whose traditional form differs from
    /// their simplified one, ordered by traditional (then by index).
    by_trad: Vec<u32>,
    /// The longest headword, simplified or traditional, in bytes.
    max_key_len: usize,
}

/// How many prefix lengths [`Dictionary::lookup_prefixes`] returns at most.
const PREFIX_LENGTHS: usize = 3;

impl Dictionary {
    /// Parses the TSV (copying it once). See [`Dictionary::from_string`] to hand
    /// over an owned `String` without the copy.
    pub fn parse(tsv: &str) -> Dictionary {
        Dictionary::from_string(tsv.to_owned())
    }

    /// Parses the TSV, keeping `text` as the dictionary's storage.
    pub fn from_string(text: String) -> Dictionary {
        let mut by_simp: Vec<Line> = Vec::with_capacity(text.len() / 64);
        let mut max_key_len = 0;
        let mut sorted = true;
        let mut prev: &str = "";
        let mut pos = 0;
        // Offsets are u32: text past 4 GiB is ignored (real data is ~10 MB).
        let limit = text.len().min(u32::MAX as usize);
        while pos < limit {
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[pos..end];
            let start = pos;
            pos = end + 1;
            if end > limit {
                break;
            }
            let Some((simp, trad)) = split_headwords(line) else {
                continue;
            };
            if simp.len() > u16::MAX as usize || trad.len() > u16::MAX as usize {
                continue;
            }
            max_key_len = max_key_len.max(simp.len()).max(trad.len());
            if simp < prev {
                sorted = false;
            }
            prev = simp;
            by_simp.push(Line {
                start: start as u32,
                simp_len: simp.len() as u16,
                trad_len: trad.len() as u16,
            });
        }
        let mut dict = Dictionary {
            text,
            by_simp,
            by_trad: Vec::new(),
            max_key_len,
        };
        if !sorted {
            let text = &dict.text;
            dict.by_simp
                .sort_by(|a, b| simp_of(text, a).cmp(simp_of(text, b)));
        }
        dict.build_trad_index();
        dict
    }

    fn build_trad_index(&mut self) {
        let text = &self.text;
        let mut keyed: Vec<(u64, u32)> = self
            .by_simp
            .iter()
            .enumerate()
            .filter(|(_, l)| l.trad_len != 0 && trad_of(text, l) != simp_of(text, l))
            .map(|(i, l)| (prefix_key(trad_of(text, l)), i as u32))
            .collect();
        // The 8-byte prefix settles almost every comparison without touching the text.
        let by_simp = &self.by_simp;
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| {
                    trad_of(text, &by_simp[a.1 as usize]).cmp(trad_of(text, &by_simp[b.1 as usize]))
                })
                .then(a.1.cmp(&b.1))
        });
        self.by_trad = keyed.into_iter().map(|(_, i)| i).collect();
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_simp.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_simp.is_empty()
    }

    /// The entries whose simplified form is `word`, then those whose traditional
    /// form is `word` (and differs from their simplified form), each group in
    /// data order. Empty when the word is not in the dictionary.
    pub fn lookup(&self, word: &str) -> Vec<DictEntry> {
        let (simp, trad) = self.ranges(word);
        let mut out = Vec::with_capacity(simp.len() + trad.len());
        out.extend(self.by_simp[simp].iter().map(|l| self.entry(l)));
        out.extend(
            self.by_trad[trad]
                .iter()
                .map(|&i| self.entry(&self.by_simp[i as usize])),
        );
        out
    }

    /// Whether `word` is a headword (simplified or traditional); allocates nothing.
    pub fn contains(&self, word: &str) -> bool {
        let (simp, trad) = self.ranges(word);
        !simp.is_empty() || !trad.is_empty()
    }

    /// For text the segmenter grouped oddly: the entries of the longest prefixes
    /// of `text` that are headwords, longest prefix first, at most three prefix
    /// lengths (every entry of each). `text` itself counts as a prefix.
    pub fn lookup_prefixes(&self, text: &str) -> Vec<DictEntry> {
        let mut ends: Vec<usize> = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= self.max_key_len)
            .collect();
        ends.reverse();
        let mut out = Vec::new();
        let mut lengths = 0;
        for end in ends {
            let found = self.lookup(&text[..end]);
            if !found.is_empty() {
                out.extend(found);
                lengths += 1;
                if lengths == PREFIX_LENGTHS {
                    break;
                }
            }
        }
        out
    }

    fn ranges(&self, word: &str) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        if word.is_empty() || word.len() > self.max_key_len {
            return (0..0, 0..0);
        }
        let text = &self.text;
        let lo = self.by_simp.partition_point(|l| simp_of(text, l) < word);
        let hi = lo
            + self.by_simp[lo..]
                .iter()
                .take_while(|l| simp_of(text, l) == word)
                .count();
        let key = |&i: &u32| trad_of(text, &self.by_simp[i as usize]);
        let tlo = self.by_trad.partition_point(|i| key(i) < word);
        let thi = tlo
            + self.by_trad[tlo..]
                .iter()
                .take_while(|i| key(i) == word)
                .count();
        (lo..hi, tlo..thi)
    }

    fn entry(&self, l: &Line) -> DictEntry {
        let start = l.start as usize;
        let rest = &self.text[start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let simplified = &line[..l.simp_len as usize];
        let after_simp = &line[l.simp_len as usize + 1..];
        let traditional = match l.trad_len {
            0 => simplified,
            n => &after_simp[..n as usize],
        };
        let mut tail = after_simp[l.trad_len as usize + 1..].splitn(2, '\t');
        let pinyin = tail.next().unwrap_or("");
        let senses = tail.next().unwrap_or("");
        DictEntry {
            simplified: simplified.to_owned(),
            traditional: traditional.to_owned(),
            pinyin: pinyin.to_owned(),
            senses: senses
                .split(" / ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dictionary")
            .field("entries", &self.by_simp.len())
            .field("bytes", &self.text.len())
            .finish()
    }
}

/// Checks a line's shape (exactly four tab-separated fields, a simplified
/// headword) and returns its two headword fields; `None` for blank, comment and
/// malformed lines.
fn split_headwords(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let bytes = line.as_bytes();
    if bytes.iter().filter(|&&b| b == b'\t').count() != 3 {
        return None;
    }
    let t1 = bytes.iter().position(|&b| b == b'\t')?;
    let t2 = t1 + 1 + bytes[t1 + 1..].iter().position(|&b| b == b'\t')?;
    if t1 == 0 {
        return None;
    }
    Some((&line[..t1], &line[t1 + 1..t2]))
}

fn simp_of<'a>(text: &'a str, l: &Line) -> &'a str {
    let s = l.start as usize;
    &text[s..s + l.simp_len as usize]
}

fn trad_of<'a>(text: &'a str, l: &Line) -> &'a str {
    let s = l.start as usize + l.simp_len as usize + 1;
    &text[s..s + l.trad_len as usize]
}

/// The first 8 bytes, big-endian and zero-padded: orders like the bytes do,
/// ties left to a full comparison.
fn prefix_key(s: &str) -> u64 {
    let mut buf = [0u8; 8];
    let n = s.len().min(8);
    buf[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(buf)
}

// --- pinyin ---------------------------------------------------------------

/// Converts CC-CEDICT numbered pinyin to tone marks: `zhong1 guo2` → `zhōng guó`,
/// `lu:4` → `lǜ`, `nu:e4` → `nüè`, `Zhong1` → `Zhōng`, `de5` / `r5` / `xx5` →
/// `de` / `r` / `xx` (tone 5 or 0: neutral, no mark).
///
/// The mark goes on `a` or `e` if there is one, on the `o` of `ou`, otherwise
/// on the last vowel; syllabic `m`/`n` (`m2` → `ḿ`, `ng2` → `ńg`) when there is
/// no vowel. `u:`, `v` and `ü` are ü; `e^` is ê. Capitals are kept. Tokens that
/// are not letters followed by a tone digit (`C`, `·`, `,`) pass through
/// unchanged; runs of whitespace become one space.
///
/// Mirrored in `scripts/build-dictionary.py`; keep the two in step.
pub fn numbered_to_marks(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    for (i, token) in p.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        syllable_to_marks(token, &mut out);
    }
    out
}

/// Converts the numbered pinyin inside a sense's brackets to tone marks:
/// `see 拜拜[bai2 bai2]` → `see 拜拜[bài bài]`. Brackets holding anything but
/// pinyin syllables (and `,` / `·`) are left as they are.
pub fn sense_to_marks(sense: &str) -> String {
    let mut out = String::with_capacity(sense.len() + 8);
    let mut rest = sense;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..=open]);
        let is_pinyin = inner.split_whitespace().any(is_numbered_syllable)
            && inner
                .split_whitespace()
                .all(|t| is_numbered_syllable(t) || t == "," || t == "·");
        if is_pinyin {
            out.push_str(&numbered_to_marks(inner));
        } else {
            out.push_str(inner);
        }
        out.push(']');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Letters (ASCII, `ü`, `ê`, `:` and `^` for CC-CEDICT's `u:` and `e^`) then a tone digit 0–5.
fn is_numbered_syllable(token: &str) -> bool {
    let Some(body) = token.strip_suffix(|c: char| matches!(c, '0'..='5')) else {
        return false;
    };
    !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ':' | '^' | 'ü' | 'Ü' | 'ê' | 'Ê'))
}

fn syllable_to_marks(token: &str, out: &mut String) {
    if !is_numbered_syllable(token) {
        out.push_str(token);
        return;
    }
    let (body, digit) = token.split_at(token.len() - 1);
    let tone = digit.as_bytes()[0] - b'0';
    let mut letters: Vec<char> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match (c, chars.peek()) {
            ('u', Some(':')) => {
                chars.next();
                'ü'
            }
            ('U', Some(':')) => {
                chars.next();
                'Ü'
            }
            ('e', Some('^')) => {
                chars.next();
                'ê'
            }
            ('E', Some('^')) => {
                chars.next();
                'Ê'
            }
            ('v', _) => 'ü',
            ('V', _) => 'Ü',
            (':' | '^', _) => {
                // A stray ':' or '^': not pinyin we understand.
                out.push_str(token);
                return;
            }
            (c, _) => c,
        };
        letters.push(c);
    }
    if tone == 0 || tone == 5 {
        out.extend(letters);
        return;
    }
    let lower: Vec<char> = letters.iter().map(|c| c.to_ascii_lowercase()).collect();
    let at = lower
        .iter()
        .position(|&c| c == 'a')
        .or_else(|| lower.iter().position(|&c| c == 'e'))
        .or_else(|| lower.windows(2).position(|w| w == ['o', 'u']))
        .or_else(|| {
            lower
                .iter()
                .rposition(|c| matches!(c, 'i' | 'o' | 'u' | 'ü' | 'Ü' | 'ê' | 'Ê'))
        })
        .or_else(|| lower.iter().position(|&c| c == 'm' || c == 'n'));
    for (i, &c) in letters.iter().enumerate() {
        if Some(i) == at {
            push_marked(c, tone, out);
        } else {
            out.push(c);
        }
    }
}

/// Pushes `c` carrying tone `tone` (1–4).
fn push_marked(c: char, tone: u8, out: &mut String) {
    let t = (tone - 1) as usize;
    let precomposed: Option<[char; 4]> = match c {
        'a' => Some(['ā', 'á', 'ǎ', 'à']),
        'e' => Some(['ē', 'é', 'ě', 'è']),
        'i' => Some(['ī', 'í', 'ǐ', 'ì']),
        'o' => Some(['ō', 'ó', 'ǒ', 'ò']),
        'u' => Some(['ū', 'ú', 'ǔ', 'ù']),
        'ü' => Some(['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        'A' => Some(['Ā', 'Á', 'Ǎ', 'À']),
        'E' => Some(['Ē', 'É', 'Ě', 'È']),
        'I' => Some(['Ī', 'Í', 'Ǐ', 'Ì']),
        'O' => Some(['Ō', 'Ó', 'Ǒ', 'Ò']),
        'U' => Some(['Ū', 'Ú', 'Ǔ', 'Ù']),
        'Ü' => Some(['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
        _ => None,
    };
    if let Some(marks) = precomposed {
        out.push(marks[t]);
        return;
    }
    // Syllabic nasals and ê: precomposed where Unicode has one, else combining.
    let special = match (c, tone) {
        ('m', 2) => Some('ḿ'),
        ('M', 2) => Some('Ḿ'),
        ('n', 2) => Some('ń'),
        ('N', 2) => Some('Ń'),
        ('n', 3) => Some('ň'),
        ('N', 3) => Some('Ň'),
        ('n', 4) => Some('ǹ'),
        ('N', 4) => Some('Ǹ'),
        ('ê', 2) => Some('ế'),
        ('Ê', 2) => Some('Ế'),
        ('ê', 4) => Some('ề'),
        ('Ê', 4) => Some('Ề'),
        _ => None,
    };
    if let Some(s) = special {
        out.push(s);
        return;
    }
    out.push(c);
    out.push(['\u{0304}', '\u{0301}', '\u{030C}', '\u{0300}'][t]);
}

// --- cards: order, readable senses, parts of unknown words -----------------

/// How far down a word card an entry goes; 0 is an ordinary entry. The
/// reading rule ([`crate::pinyin::entry_penalty`]: proper nouns, surnames,
/// variants, pointers, archaic) plus 3 when every sense is vulgar.
pub fn card_penalty(entry: &DictEntry) -> u32 {
    let vulgar = !entry.senses.is_empty()
        && entry
            .senses
            .iter()
            .all(|s| s.contains("(vulgar)") || s.contains("vulgar variant"));
    crate::pinyin::entry_penalty(&entry.pinyin, &entry.senses) + if vulgar { 3 } else { 0 }
}

/// Whether a sense only points elsewhere or names a surname: "surname Huan",
/// "variant of 期[qi1]", "old variant of …", "used in …", "see …".
pub fn is_minor_sense(sense: &str) -> bool {
    let s = sense.trim();
    s.starts_with("surname ")
        || s.starts_with("(surname)")
        || s.contains("variant of")
        || s.starts_with("used in ")
        || s.starts_with("see ")
}

/// Orders entries for a card: common readings first, then capitalised
/// (proper-noun) readings, then surname-only, variant, pointer, archaic and
/// vulgar entries (stable within a rank). Inside each entry the senses keep
/// CC-CEDICT's order, except that [`is_minor_sense`] ones move last.
pub fn rank_entries(mut entries: Vec<DictEntry>) -> Vec<DictEntry> {
    entries.sort_by_key(card_penalty);
    for e in &mut entries {
        e.senses.sort_by_key(|s| is_minor_sense(s));
    }
    entries
}

/// A piece of a sense as a card shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SensePart {
    /// Plain English (pinyin inside it already has tone marks).
    Text(String),
    /// A cross-reference to another headword: its simplified form and its
    /// pinyin joined for display (`比利时`, `Bǐlìshí`; empty when the
    /// reference gives none).
    Word { word: String, pinyin: String },
}

fn is_ref_char(c: char) -> bool {
    crate::analysis::text::is_han(c) || c == '·'
}

fn is_bracket_pinyin(inner: &str) -> bool {
    inner.split_whitespace().any(is_numbered_syllable)
        && inner
            .split_whitespace()
            .all(|t| is_numbered_syllable(t) || t == "," || t == "·")
}

/// `Bi3 li4 shi2` → `Bǐlìshí`, split where a capitalised syllable starts a
/// new part (`Zhang1 San1` stays two parts: `Zhāng Sān`).
fn joined_marks(numbered: &str) -> String {
    let syllables: Vec<String> = numbered_to_marks(numbered)
        .split(' ')
        .filter(|s| *s != "," && !s.is_empty())
        .map(str::to_owned)
        .collect();
    crate::pinyin::join(&syllables)
}

/// A sense with CC-CEDICT's markup made readable: `abbr. for
/// 比利時|比利时[Bi3 li4 shi2]` → "abbr. for ", 比利时 Bǐlìshí; `CL:個|个[ge4],條|条[tiao2]`
/// → "measure word: ", 个 gè, ", ", 条 tiáo; a bracket of bare pinyin
/// (`Taiwan pr. [bi4]`) loses its brackets and gets tone marks. Brackets
/// holding anything else (`[sic]`) stay.
pub fn readable_sense(sense: &str) -> Vec<SensePart> {
    let (lead, body, measure) = match sense.trim().strip_prefix("CL:") {
        Some(rest) => ("measure word: ", rest, true),
        None => ("", sense, false),
    };
    let mut out: Vec<SensePart> = Vec::new();
    let mut text = String::from(lead);
    let chars: Vec<char> = body.chars().collect();
    let run_end = |from: usize| {
        let mut j = from;
        while j < chars.len() && is_ref_char(chars[j]) {
            j += 1;
        }
        j
    };
    let bracket = |at: usize| -> Option<(String, usize)> {
        if chars.get(at) != Some(&'[') {
            return None;
        }
        let close = at + chars[at..].iter().position(|&c| c == ']')?;
        let inner: String = chars[at + 1..close].iter().collect();
        is_bracket_pinyin(&inner).then_some((inner, close + 1))
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if crate::analysis::text::is_han(c) {
            let j = run_end(i);
            let mut word: String = chars[i..j].iter().collect();
            let mut k = j;
            if chars.get(k) == Some(&'|') && chars.get(k + 1).is_some_and(|&c| is_ref_char(c)) {
                let m = run_end(k + 1);
                word = chars[k + 1..m].iter().collect();
                k = m;
            }
            let pinyin = match bracket(k) {
                Some((inner, next)) => {
                    k = next;
                    joined_marks(&inner)
                }
                None => String::new(),
            };
            if !text.is_empty() {
                out.push(SensePart::Text(std::mem::take(&mut text)));
            }
            out.push(SensePart::Word { word, pinyin });
            i = k;
        } else if let Some((inner, next)) = bracket(i) {
            text.push_str(&numbered_to_marks(&inner));
            i = next;
        } else if measure && c == ',' {
            text.push_str(", ");
            i += 1;
        } else {
            text.push(c);
            i += 1;
        }
    }
    if !text.is_empty() {
        out.push(SensePart::Text(text));
    }
    out
}

/// [`readable_sense`] as plain text: `比利时 Bǐlìshí`, `measure word: 座 zuò`.
pub fn readable_sense_text(sense: &str) -> String {
    let mut out = String::new();
    for part in readable_sense(sense) {
        match part {
            SensePart::Text(t) => out.push_str(&t),
            SensePart::Word { word, pinyin } => {
                out.push_str(&word);
                if !pinyin.is_empty() {
                    out.push(' ');
                    out.push_str(&pinyin);
                }
            }
        }
    }
    out
}

/// One part of a word the dictionary does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPart {
    pub text: String,
    /// Tone marks, joined (`dàguīmó`); empty when the part is not in the
    /// dictionary (punctuation, Latin letters).
    pub pinyin: String,
    /// The first sense of its most common entry, made readable.
    pub gloss: Option<String>,
}

/// The parts of `word`: left to right, the longest headword starting at each
/// point (as the pinyin reader matches), else the single character. Each
/// part has the reading of its most common entry and that entry's first
/// sense. `超大规模` → 超 chāo, 大规模 dàguīmó.
pub fn word_parts(dict: &Dictionary, word: &str) -> Vec<WordPart> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut len = 1;
        for n in (2..=chars.len() - i).rev() {
            let candidate: String = chars[i..i + n].iter().collect();
            if candidate.len() <= dict.max_key_len && dict.contains(&candidate) {
                len = n;
                break;
            }
        }
        let text: String = chars[i..i + len].iter().collect();
        let best = rank_entries(dict.lookup(&text)).into_iter().next();
        out.push(WordPart {
            pinyin: best
                .as_ref()
                .map(|e| {
                    let s: Vec<String> = e.pinyin.split_whitespace().map(str::to_owned).collect();
                    crate::pinyin::join(&s)
                })
                .unwrap_or_default(),
            gloss: best
                .as_ref()
                .and_then(|e| e.senses.first())
                .map(|s| readable_sense_text(s)),
            text,
        });
        i += len;
    }
    out
}

#[cfg(test)]
mod tests;
