//! The card dictionary as the browser downloads it: CC-CEDICT in a coded form
//! less than half the size of the gzipped TSV, decoded back to exactly that TSV.
//!
//! `scripts/build-dictionary.py` (`code_dictionary`) writes it. The layout:
//!
//! ```text
//! envelope (magic DDCEDICT, format 1, payload length, CRC-32)
//! payload: one LZMA stream (.lzma "alone" header, end marker) of the body:
//!   u32 LE  number of entries, n
//!   u32 LE  length, then the heads       n × (0x20 + shared characters, rest of the simplified form, \n)
//!   u32 LE  length, then the traditional forms   n lines
//!   u32 LE  length, then the pinyin              n lines
//!   u32 LE  length, then the senses              n lines
//! ```
//!
//! The four columns compress better apart than interleaved, and three of them
//! are mostly predictable from what came before:
//!
//! * **heads**: each simplified form after the number of leading characters
//!   it shares with the previous one (the entries are sorted).
//! * **traditional**: `.` where a character is what the last entry with the
//!   same simplified character had (at first the character itself), trailing
//!   dots dropped; `!` and the whole form where the two forms do not align.
//! * **pinyin**: a token per character, the rank (0-9) of its reading among
//!   the readings that character has had so far, ranked by use, or the
//!   syllable itself; `^` before a capitalised syllable; an empty line when
//!   every token is `0`; `!` and the whole field where they do not align.
//! * **senses**: as in the TSV, except that a cross-reference `T|S[p]` is
//!   written `T|\x01` when the first entry whose traditional form is `T` has
//!   `S` and `p` (in numbered pinyin) as its simplified form and reading.
//!
//! Decoding works in steps ([`CodedDictionary::step`]) so that the page can
//! decode between frames; [`decode`] does it in one go.

use std::collections::HashMap;
use std::io::Write;

use crate::analysis::envelope::{self, DataError};

use super::Dictionary;

const MAGIC: &[u8; 8] = b"DDCEDICT";
const FORMAT: u32 = 1;
const WHAT: &str = "card dictionary";
/// Far above the real body (about 6.5 MB); a body past it is not ours.
const MAX_BODY: usize = 64 << 20;

/// True when `bytes` start like a coded dictionary (rather than a TSV).
pub fn is_coded(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// A coded dictionary being decoded a slice at a time: first the LZMA
/// stream, then the columns a batch of entries at a time, then the senses.
pub struct CodedDictionary {
    payload: Vec<u8>,
    read: usize,
    phase: Phase,
}

enum Phase {
    Lzma(Box<lzma_rs::decompress::Stream<Vec<u8>>>),
    Columns(Box<Columns>),
    /// The columns are read; the next step orders them for cross-references.
    Read(Box<Columns>),
    Senses(Box<Senses>),
    Done(String),
    /// Only while moving from one phase to the next.
    Moving,
}

/// Entries decoded per step once the LZMA stream is read.
const ENTRIES_PER_STEP: usize = 4_000;

impl CodedDictionary {
    /// Checks the envelope; nothing is decoded yet.
    pub fn open(mut bytes: Vec<u8>) -> Result<CodedDictionary, DataError> {
        let payload_len = envelope::open(&bytes, MAGIC, FORMAT, WHAT)?.len();
        bytes.drain(..bytes.len() - payload_len);
        let options = lzma_rs::decompress::Options {
            memlimit: Some(MAX_BODY),
            ..Default::default()
        };
        Ok(CodedDictionary {
            payload: bytes,
            read: 0,
            phase: Phase::Lzma(Box::new(lzma_rs::decompress::Stream::new_with_options(
                &options,
                Vec::new(),
            ))),
        })
    }

    /// Does one slice of the work: up to `input_bytes` of the compressed
    /// payload, or a batch of entries once it is all read. True when done.
    pub fn step(&mut self, input_bytes: usize) -> Result<bool, DataError> {
        self.phase = match std::mem::replace(&mut self.phase, Phase::Moving) {
            Phase::Lzma(mut stream) => {
                let end = (self.read + input_bytes.max(1)).min(self.payload.len());
                stream
                    .write_all(&self.payload[self.read..end])
                    .map_err(damaged)?;
                self.read = end;
                if stream.get_output().map_or(0, Vec::len) > MAX_BODY {
                    return Err(malformed(0, "it decodes to more than 64 MB".into()));
                }
                if self.read < self.payload.len() {
                    Phase::Lzma(stream)
                } else {
                    self.payload = Vec::new();
                    Phase::Columns(Box::new(Columns::new(stream.finish().map_err(damaged)?)?))
                }
            }
            Phase::Columns(mut columns) => match columns.step()? {
                true => Phase::Read(columns),
                false => Phase::Columns(columns),
            },
            Phase::Read(columns) => Phase::Senses(Box::new(Senses::new(*columns))),
            Phase::Senses(mut senses) => match senses.step()? {
                true => Phase::Done(std::mem::take(&mut senses.tsv)),
                false => Phase::Senses(senses),
            },
            done => done,
        };
        Ok(matches!(self.phase, Phase::Done(_)))
    }

    /// How much of the work is done, from 0 to 1 (the LZMA stream counts
    /// for half, the columns and senses for a quarter each).
    pub fn progress(&self) -> f64 {
        match &self.phase {
            Phase::Lzma(_) if self.payload.is_empty() => 0.5,
            Phase::Lzma(_) => 0.5 * self.read as f64 / self.payload.len() as f64,
            Phase::Columns(c) | Phase::Read(c) => {
                0.5 + 0.25 * c.done as f64 / c.entries.max(1) as f64
            }
            Phase::Senses(s) => 0.75 + 0.25 * s.done as f64 / s.columns.entries.max(1) as f64,
            Phase::Done(_) | Phase::Moving => 1.0,
        }
    }

    /// Does whatever is left and builds the dictionary.
    pub fn finish(self) -> Result<Dictionary, DataError> {
        self.finish_tsv().map(Dictionary::from_string)
    }

    /// Does whatever is left and returns the TSV it decodes to (what
    /// [`Dictionary::from_string`] reads), for a worker to hand to the page.
    pub fn finish_tsv(mut self) -> Result<String, DataError> {
        while !self.step(1 << 20)? {}
        match self.phase {
            Phase::Done(tsv) => Ok(tsv),
            _ => unreachable!("step returned true only when done"),
        }
    }
}

/// Decodes a whole coded dictionary.
pub fn decode(bytes: Vec<u8>) -> Result<Dictionary, DataError> {
    CodedDictionary::open(bytes)?.finish()
}

fn malformed(line: usize, why: String) -> DataError {
    DataError::Malformed {
        what: WHAT,
        line,
        why,
    }
}

fn damaged(e: impl std::fmt::Display) -> DataError {
    malformed(0, format!("its compressed data is damaged ({e})"))
}

/// The body's entry count and its four sections.
fn sections(body: &[u8]) -> Result<(usize, [String; 4]), DataError> {
    let mut at = 0;
    let take_u32 = |at: &mut usize| -> Result<usize, DataError> {
        let bytes = body
            .get(*at..*at + 4)
            .ok_or_else(|| malformed(0, "its body ends early".into()))?;
        *at += 4;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
    };
    let entries = take_u32(&mut at)?;
    let mut sections: [String; 4] = Default::default();
    for (i, name) in ["heads", "traditional forms", "pinyin", "senses"]
        .iter()
        .enumerate()
    {
        let len = take_u32(&mut at)?;
        if body.len() - at < len {
            return Err(malformed(0, format!("its {name} end early")));
        }
        sections[i] = std::str::from_utf8(&body[at..at + len])
            .map_err(|_| malformed(0, format!("its {name} are not UTF-8")))?
            .to_string();
        at += len;
    }
    if at != body.len() {
        return Err(malformed(0, "bytes follow its senses".into()));
    }
    Ok((entries, sections))
}

/// The next line of a section from `*cursor` (past the end once it is read).
fn next_line<'a>(
    section: &'a str,
    cursor: &mut usize,
    line: usize,
    name: &str,
) -> Result<&'a str, DataError> {
    if *cursor > section.len() {
        return Err(malformed(line, format!("its {name} end early")));
    }
    let rest = &section[*cursor..];
    let end = rest.find('\n').unwrap_or(rest.len());
    *cursor += end + 1;
    Ok(&rest[..end])
}

/// The first three columns being decoded: heads, traditional forms, pinyin.
struct Columns {
    entries: usize,
    /// Heads, traditional forms, pinyin and senses.
    sections: [String; 4],
    /// Cursors into the heads, traditional and pinyin sections.
    cursors: [usize; 3],
    done: usize,
    simps: Vec<String>,
    trads: Vec<String>,
    pinyins: Vec<String>,
    last_trad: HashMap<char, char>,
    readings: HashMap<char, Readings>,
}

impl Columns {
    fn new(body: Vec<u8>) -> Result<Columns, DataError> {
        let (entries, sections) = sections(&body)?;
        Ok(Columns {
            entries,
            sections,
            cursors: [0; 3],
            done: 0,
            simps: Vec::with_capacity(entries),
            trads: Vec::with_capacity(entries),
            pinyins: Vec::with_capacity(entries),
            last_trad: HashMap::new(),
            readings: HashMap::new(),
        })
    }

    fn step(&mut self) -> Result<bool, DataError> {
        let until = (self.done + ENTRIES_PER_STEP).min(self.entries);
        while self.done < until {
            self.done += 1;
            let line = self.done;
            let head = next_line(&self.sections[0], &mut self.cursors[0], line, "heads")?;
            let (shared, suffix) = match head.as_bytes().first() {
                Some(&b) if (0x20..0x80).contains(&b) => (usize::from(b - 0x20), &head[1..]),
                _ => return Err(malformed(line, "a head has no shared-prefix byte".into())),
            };
            let prev = self.simps.last().map_or("", String::as_str);
            let cut = prev
                .char_indices()
                .nth(shared)
                .map_or(prev.len(), |(at, _)| at);
            if prev[..cut].chars().count() != shared {
                return Err(malformed(
                    line,
                    "a head shares more than the one before".into(),
                ));
            }
            let simp = format!("{}{}", &prev[..cut], suffix);

            let trad = next_line(
                &self.sections[1],
                &mut self.cursors[1],
                line,
                "traditional forms",
            )?;
            let trad = decode_trad(trad, &simp, &mut self.last_trad).ok_or_else(|| {
                malformed(line, "a traditional form is longer than its head".into())
            })?;

            let pinyin = next_line(&self.sections[2], &mut self.cursors[2], line, "pinyin")?;
            let pinyin = decode_pinyin(pinyin, &simp, &mut self.readings)
                .map_err(|why| malformed(line, why))?;

            self.simps.push(simp);
            self.trads.push(trad);
            self.pinyins.push(pinyin);
        }
        if self.done < self.entries {
            return Ok(false);
        }
        for (i, name) in ["heads", "traditional forms", "pinyin"].iter().enumerate() {
            // The heads end in a newline; the other sections have none after their last line.
            let read = self.cursors[i] - usize::from(i > 0);
            if read != self.sections[i].len() && self.entries > 0 {
                return Err(malformed(
                    0,
                    format!("its {name} have more lines than entries"),
                ));
            }
        }
        Ok(true)
    }
}

fn decode_trad(line: &str, simp: &str, last: &mut HashMap<char, char>) -> Option<String> {
    if let Some(whole) = line.strip_prefix('!') {
        return Some(whole.to_string());
    }
    let mut marks = line.chars();
    let mut trad = String::with_capacity(simp.len());
    for s in simp.chars() {
        let t = match marks.next() {
            None | Some('.') => last.get(&s).copied().unwrap_or(s),
            Some(t) => t,
        };
        last.insert(s, t);
        trad.push(t);
    }
    marks.next().is_none().then_some(trad)
}

/// A character's readings so far, most used first (ties keep their order).
#[derive(Default)]
struct Readings(Vec<(String, u32)>);

impl Readings {
    /// Counts one use of `syllable`, keeping the ranking.
    fn count(&mut self, syllable: &str) {
        match self.0.iter().position(|(known, _)| known == syllable) {
            Some(mut i) => {
                self.0[i].1 += 1;
                while i > 0 && self.0[i - 1].1 < self.0[i].1 {
                    self.0.swap(i - 1, i);
                    i -= 1;
                }
            }
            None => self.0.push((syllable.to_string(), 1)),
        }
    }
}

fn decode_pinyin(
    line: &str,
    simp: &str,
    seen: &mut HashMap<char, Readings>,
) -> Result<String, String> {
    if let Some(whole) = line.strip_prefix('!') {
        return Ok(whole.to_string());
    }
    let chars = simp.chars().count();
    let tokens: Vec<&str> = if line.is_empty() {
        vec!["0"; chars]
    } else {
        line.split(' ').collect()
    };
    if tokens.len() != chars {
        return Err("a reading does not match its head".into());
    }
    let mut pinyin = String::with_capacity(tokens.len() * 6);
    for (ch, token) in simp.chars().zip(tokens) {
        let (capital, token) = match token.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let readings = seen.entry(ch).or_default();
        let syllable = match token.parse::<usize>() {
            Ok(rank) => readings
                .0
                .get(rank)
                .map(|(known, _)| known.clone())
                .ok_or_else(|| format!("{ch} has no reading {rank}"))?,
            Err(_) => token.to_string(),
        };
        readings.count(&syllable);
        if !pinyin.is_empty() {
            pinyin.push(' ');
        }
        let mut letters = syllable.chars();
        match (capital, letters.next()) {
            (true, Some(first)) => {
                pinyin.extend(first.to_uppercase());
                pinyin.push_str(letters.as_str());
            }
            _ => pinyin.push_str(&syllable),
        }
    }
    Ok(pinyin)
}

/// The senses being decoded, each entry's line of the TSV written as it goes.
struct Senses {
    columns: Columns,
    /// Entry indices ordered by traditional form (then index): the first
    /// entry with a given traditional form is found by binary search.
    by_trad: Vec<u32>,
    cursor: usize,
    done: usize,
    tsv: String,
}

impl Senses {
    fn new(columns: Columns) -> Senses {
        let mut by_trad: Vec<u32> = (0..columns.entries as u32).collect();
        by_trad.sort_by(|&a, &b| columns.trads[a as usize].cmp(&columns.trads[b as usize]));
        let tsv = String::with_capacity(columns.sections[3].len() * 2);
        Senses {
            columns,
            by_trad,
            cursor: 0,
            done: 0,
            tsv,
        }
    }

    fn first_with_trad(&self, trad: &str) -> Option<usize> {
        let trads = &self.columns.trads;
        let at = self
            .by_trad
            .partition_point(|&i| trads[i as usize].as_str() < trad);
        let i = *self.by_trad.get(at)? as usize;
        (trads[i] == trad).then_some(i)
    }

    fn step(&mut self) -> Result<bool, DataError> {
        let c = &self.columns;
        let until = (self.done + ENTRIES_PER_STEP).min(c.entries);
        while self.done < until {
            let i = self.done;
            self.done += 1;
            let line = next_line(&c.sections[3], &mut self.cursor, i + 1, "senses")?;
            for field in [&c.simps[i], &c.trads[i], &c.pinyins[i]] {
                self.tsv.push_str(field);
                self.tsv.push('\t');
            }
            let mut rest = line;
            while let Some(at) = rest.find("|\x01") {
                let before = &rest[..at];
                let start = before
                    .char_indices()
                    .rev()
                    .take_while(|&(_, ch)| is_ref_char(ch))
                    .last()
                    .map_or(at, |(k, _)| k);
                let trad = &before[start..];
                let entry = self.first_with_trad(trad).ok_or_else(|| {
                    malformed(
                        i + 1,
                        format!("a cross-reference to {trad:?}, which no entry has"),
                    )
                })?;
                self.tsv.push_str(before);
                self.tsv.push('|');
                self.tsv.push_str(&c.simps[entry]);
                self.tsv.push('[');
                self.tsv.push_str(&marks_to_numbered(&c.pinyins[entry]));
                self.tsv.push(']');
                rest = &rest[at + 2..];
            }
            self.tsv.push_str(rest);
            self.tsv.push('\n');
        }
        if self.done < c.entries {
            return Ok(false);
        }
        if self.cursor != c.sections[3].len() + 1 && c.entries > 0 {
            return Err(malformed(
                0,
                "its senses have more lines than entries".into(),
            ));
        }
        Ok(true)
    }
}

/// Characters a cross-reference's headword is made of (as the encoder's
/// `[^\x00-\x7f|\s]`).
fn is_ref_char(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Tone-marked pinyin back to numbered (`Zhōng guó` → `Zhong1 guo2`; `ü` →
/// `u:`; no mark → tone 5), as the encoder's `marks_to_numbered`: the coder
/// uses it only where it gives back the source's bracket exactly.
fn marks_to_numbered(pinyin: &str) -> String {
    let mut out = String::with_capacity(pinyin.len() + 8);
    for (i, syllable) in pinyin.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut tone = 5;
        for c in syllable.chars() {
            let c = match toned_vowel(c) {
                Some((base, t)) => {
                    tone = t;
                    base
                }
                None => c,
            };
            match c {
                'ü' => out.push_str("u:"),
                'Ü' => out.push_str("U:"),
                c => out.push(c),
            }
        }
        out.push(char::from(b'0' + tone));
    }
    out
}

/// A vowel with a tone mark, as its plain vowel and tone (1-4).
fn toned_vowel(c: char) -> Option<(char, u8)> {
    const TONED: [(char, [char; 4]); 12] = [
        ('a', ['ā', 'á', 'ǎ', 'à']),
        ('e', ['ē', 'é', 'ě', 'è']),
        ('i', ['ī', 'í', 'ǐ', 'ì']),
        ('o', ['ō', 'ó', 'ǒ', 'ò']),
        ('u', ['ū', 'ú', 'ǔ', 'ù']),
        ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
        ('A', ['Ā', 'Á', 'Ǎ', 'À']),
        ('E', ['Ē', 'É', 'Ě', 'È']),
        ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
        ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
        ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
        ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
    ];
    TONED.iter().find_map(|(base, marks)| {
        marks
            .iter()
            .position(|&m| m == c)
            .map(|tone| (*base, tone as u8 + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A coded file around `body` (lzma-rs's own encoder, literals only).
    fn coded(body: &[u8]) -> Vec<u8> {
        let mut payload = Vec::new();
        lzma_rs::lzma_compress(&mut &body[..], &mut payload).unwrap();
        envelope::seal(&payload, MAGIC, FORMAT)
    }

    fn body(entries: u32, sections: [&str; 4]) -> Vec<u8> {
        let mut body = entries.to_le_bytes().to_vec();
        for section in sections {
            body.extend_from_slice(&(section.len() as u32).to_le_bytes());
            body.extend_from_slice(section.as_bytes());
        }
        body
    }

    #[test]
    fn predictions_fill_in_what_the_coder_left_out() {
        // 行 read háng, then xíng twice: xíng ranks first by the third entry.
        let heads = " 银行\n 行\n!人\n 长\n!\n";
        let trads = "銀\n\n\n長\n";
        let pinyins = "yín háng\nxíng\n1 rén\n^cháng\n0";
        let senses = "bank\nto walk\npedestrian\nsurname Chang\nsee 長|\x01";
        let mut coded =
            CodedDictionary::open(coded(&body(5, [heads, trads, pinyins, senses]))).unwrap();
        while !coded.step(1 << 20).unwrap() {}
        let Phase::Done(tsv) = coded.phase else {
            panic!("not done")
        };
        assert_eq!(
            tsv,
            "银行\t銀行\tyín háng\tbank\n\
             行\t行\txíng\tto walk\n\
             行人\t行人\txíng rén\tpedestrian\n\
             长\t長\tCháng\tsurname Chang\n\
             长\t長\tcháng\tsee 長|长[Chang2]\n"
        );
    }

    #[test]
    fn a_body_that_does_not_add_up_is_refused() {
        let cases = [
            body(2, [" a\n", "", "", ""]),
            body(1, ["%a\n", "", "", ""]),
            body(1, [" a\n", "", "9", ""]),
            body(1, [" a\n", "", "", "x|\x01"]),
            body(1, [" ab\n", "xyz", "", ""]),
            vec![1, 0, 0],
        ];
        for case in cases {
            let why = decode(coded(&case)).expect_err("refused").to_string();
            assert!(why.contains("card dictionary"), "{why}");
        }
    }

    #[test]
    fn marks_go_back_to_numbers() {
        assert_eq!(marks_to_numbered("Zhōng guó"), "Zhong1 guo2");
        assert_eq!(marks_to_numbered("lǜ shī"), "lu:4 shi1");
        assert_eq!(marks_to_numbered("de"), "de5");
    }

    #[test]
    fn readings_rank_by_use_and_ties_keep_their_order() {
        let mut r = Readings::default();
        for s in ["hang", "xing", "xing", "hang", "hang"] {
            r.count(s);
        }
        let order: Vec<&str> = r.0.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(order, ["hang", "xing"]);
        r.count("heng");
        r.count("heng");
        r.count("heng");
        r.count("heng");
        assert_eq!(r.0[0].0, "heng");
    }
}
