//! jieba's dictionary, compressed: the words, frequencies and part-of-speech
//! tags of jieba-rs 0.11's `dict.txt` (349,045 entries, 5 MB of text) in a
//! file of 883 KB (`crates/engine/src/analysis/data/jieba-dict.bin`; jieba-rs's own
//! zstd copy is 1.6 MB, and gzip shrinks neither), decoded at start-up
//! straight into the segmenter (about 60 ms natively, on top of jieba-rs
//! building its tables, which it does either way).
//!
//! The browser's worker starts from a core of it ([`JIEBA_CORE`], the same
//! format, [`core_entries`]) and downloads the whole file afterwards.
//!
//! The file is written by `examples/gen_jieba_dict.rs` from jieba-rs's own
//! `dict.txt`; `cargo run --release --example gen_jieba_dict` regenerates it
//! byte for byte. Everything is kept but the low bits of frequencies of 16
//! and more ([`representable`]).
//!
//! Layout: `DDJD`, a version byte, the entry count and alphabet size (u32,
//! little-endian), the tags (a count byte, then each as a length byte and
//! UTF-8), then one range-coded stream: the alphabet (code point gaps), the
//! static character distributions of [`model`], then the entries.

mod coder;
mod model;

use jieba_rs::Jieba;

pub use coder::Corrupt;
use coder::{Coder, Decoder, Encoder, Numbers, Probe};
pub use model::representable;
use model::{Entry, Model, Static, GROUPS, MAX_LEN, MAX_TAGS};

/// The dictionary file, embedded. Only native builds (and the tests) link
/// it: the browser's worker starts from [`JIEBA_CORE`] and downloads this
/// file (`dist/jieba-dict.bin`) after the first highlights.
pub static JIEBA_DICT: &[u8] = include_bytes!("../data/jieba-dict.bin");

/// The core dictionary, embedded in the worker: [`CORE_WORDS`] of jieba's
/// words, those full jieba cuts most often in news text first (see
/// [`core_entries`]), in the same format. Written by
/// `examples/gen_jieba_dict.rs` beside [`JIEBA_DICT`].
pub static JIEBA_CORE: &[u8] = include_bytes!("../data/jieba-core.bin");

/// How many of jieba's words the core dictionary holds: the fewest that
/// cover 97% of the dictionary words full jieba cuts in held-out news (the
/// fixtures, the sample and the MSRA dev split; none of the ranking came
/// from them): 88,000 cover 97.07% (72,000: 96.1%, 110,000: 97.8%), in a
/// file of 237 KB (`examples/seg_agreement.rs`, `phase_one`).
pub const CORE_WORDS: usize = 88_000;

/// Padding words of the core dictionary: two private-use characters, which
/// jieba never puts in a block it looks words up in (its blocks are CJK
/// and ASCII), so no text is ever cut into one.
const PADDING_FIRST: char = '\u{E000}';

const MAGIC: &[u8; 4] = b"DDJD";
/// A bound on the entry count a header may claim (jieba's has 349,045).
const MAX_ENTRIES: usize = 1 << 24;
const VERSION: u8 = 1;

/// The alphabet: code points in increasing order. (`want` is empty in the
/// decoder, so the loops here count rather than iterate over it.)
#[allow(clippy::needless_range_loop)]
fn code_alphabet<C: Coder>(c: &mut C, n: usize, want: &[char]) -> Result<Vec<char>, Corrupt> {
    let mut gaps = Numbers::new();
    let mut out = Vec::with_capacity(n);
    let mut next = 0u32;
    for i in 0..n {
        let w = if C::ENCODER { want[i] as u32 - next } else { 0 };
        let cp = next.checked_add(gaps.code(c, w)?).ok_or(Corrupt)?;
        out.push(char::from_u32(cp).ok_or(Corrupt)?);
        next = cp + 1;
    }
    Ok(out)
}

/// The static distributions: per group, the number of characters, then
/// each as a gap from the last and its count.
#[allow(clippy::needless_range_loop)]
fn code_statics<C: Coder>(
    c: &mut C,
    alphabet: usize,
    want: &[Vec<(u16, u32)>],
) -> Result<Vec<Static>, Corrupt> {
    let (mut sizes, mut gaps, mut counts) = (Numbers::new(), Numbers::new(), Numbers::new());
    let mut out = Vec::with_capacity(GROUPS);
    for g in 0..GROUPS {
        let w: &[(u16, u32)] = if C::ENCODER { &want[g] } else { &[] };
        let n = sizes.code(c, w.len() as u32)? as usize;
        if n > alphabet {
            return Err(Corrupt);
        }
        let mut pairs = Vec::with_capacity(n);
        let mut next = 0u32;
        for i in 0..n {
            let (ws, wc) = if C::ENCODER {
                (w[i].0 as u32, w[i].1)
            } else {
                (0, 1)
            };
            let s = next + gaps.code(c, ws.wrapping_sub(next))?;
            let count = 1 + counts.code(c, wc - 1)?;
            pairs.push((u16::try_from(s).map_err(|_| Corrupt)?, count));
            next = s + 1;
        }
        out.push(Static::new(&pairs, alphabet)?);
    }
    Ok(out)
}

/// Counts scaled so that they sum to at most the coder's limit, none to 0.
fn scaled(counts: &std::collections::BTreeMap<u16, u32>) -> Vec<(u16, u32)> {
    let total: u64 = counts.values().map(|&c| c as u64).sum();
    // A margin: rounding up the ones that would vanish adds a little.
    let limit = (coder::MAX_TOTAL as u64) * 7 / 8;
    counts
        .iter()
        .map(|(&s, &c)| {
            let c = if total > limit {
                ((c as u64 * limit + total / 2) / total).max(1) as u32
            } else {
                c
            };
            (s, c)
        })
        .collect()
}

/// One entry of the dictionary: word, frequency, part-of-speech tag.
pub type DictEntry = (String, u32, String);

/// The entries of a `dict.txt` (`word freq [tag]` lines), frequencies as
/// [`representable`] keeps them; and how many were rounded.
pub fn parse_dict_txt(text: &str) -> Result<(Vec<DictEntry>, usize), String> {
    let mut entries = Vec::new();
    let mut rounded = 0;
    for (i, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq: u32 = fields
            .next()
            .and_then(|f| f.parse().ok())
            .ok_or_else(|| format!("line {}: no frequency", i + 1))?;
        let kept = representable(freq);
        rounded += (kept != freq) as usize;
        entries.push((
            word.to_string(),
            kept,
            fields.next().unwrap_or("").to_string(),
        ));
    }
    Ok((entries, rounded))
}

/// The core dictionary's entries: `words` of `entries`, with their
/// frequencies and tags, first those of `ranking` in its order (the words
/// full jieba cuts most often in news text, `training/jieba-core/words.txt`),
/// then the rest by frequency (ties by word); and padding words whose
/// frequencies make up the rest of the full dictionary's total. jieba
/// scores a word as its frequency over the total (and an unknown character
/// as 1 over it), so with the same total every word the core holds keeps
/// its probability, and a cut made of core words only scores as it does
/// with the full dictionary. Each padding frequency is [`representable`],
/// the largest that fits what is left, so their sum is exactly the rest.
pub fn core_entries(entries: &[DictEntry], ranking: &[&str], words: usize) -> Vec<DictEntry> {
    let index: std::collections::HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.0.as_str(), i))
        .collect();
    let mut taken = vec![false; entries.len()];
    let mut order: Vec<usize> = Vec::with_capacity(entries.len());
    for w in ranking {
        if let Some(&i) = index.get(w) {
            if !std::mem::replace(&mut taken[i], true) {
                order.push(i);
            }
        }
    }
    let mut rest: Vec<usize> = (0..entries.len()).filter(|&i| !taken[i]).collect();
    rest.sort_by(|&a, &b| {
        entries[b]
            .1
            .cmp(&entries[a].1)
            .then_with(|| entries[a].0.cmp(&entries[b].0))
    });
    order.extend(rest);
    let mut core: Vec<DictEntry> = order
        .into_iter()
        .take(words)
        .map(|i| entries[i].clone())
        .collect();
    let total: u64 = entries.iter().map(|e| e.1 as u64).sum();
    let mut rest = total - core.iter().map(|e| e.1 as u64).sum::<u64>();
    let mut i = 0u32;
    while rest > 0 {
        let r = rest.min(u32::MAX as u64) as u32;
        let e = 31 - r.leading_zeros();
        // r to four significant bits, rounded down: representable as it is.
        let f = if e < 4 { r } else { (r >> (e - 3)) << (e - 3) };
        debug_assert_eq!(representable(f), f);
        let word: String = [
            PADDING_FIRST,
            char::from_u32(PADDING_FIRST as u32 + i).unwrap(),
        ]
        .into_iter()
        .collect();
        core.push((word, f, "x".to_string()));
        rest -= f as u64;
        i += 1;
    }
    core
}

/// The ranking file's words (`word count` lines, `#` comments).
pub fn parse_ranking(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

/// Is `word` one of [`core_entries`]'s padding words (no word of jieba's)?
pub fn is_padding(word: &str) -> bool {
    word.starts_with(PADDING_FIRST)
}

/// What [`encode`] produced: the file and where its bits went.
pub struct Encoded {
    pub bytes: Vec<u8>,
    /// (part of the model, bytes), in the order of `model::PARTS`.
    pub parts: Vec<(&'static str, f64)>,
}

/// Writes the dictionary file. `entries`: (word, frequency, tag), words
/// distinct, frequencies as [`representable`] keeps them.
pub fn encode(entries: &[DictEntry]) -> Encoded {
    let mut sorted: Vec<&DictEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        sorted.windows(2).all(|w| w[0].0 != w[1].0),
        "words must be distinct"
    );
    let mut alphabet: Vec<char> = sorted.iter().flat_map(|e| e.0.chars()).collect();
    alphabet.sort_unstable();
    alphabet.dedup();
    assert!(alphabet.len() < u16::MAX as usize, "alphabet too large");
    // Tags by decreasing frequency: the likeliest get the low (cheap) indexes.
    let mut tag_counts: std::collections::HashMap<&str, usize> = Default::default();
    for e in &sorted {
        *tag_counts.entry(e.2.as_str()).or_default() += 1;
    }
    let mut tags: Vec<(&str, usize)> = tag_counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    assert!(tags.len() <= MAX_TAGS, "too many tags");
    let want: Vec<Entry> = sorted
        .iter()
        .map(|(w, f, t)| {
            assert!(
                !w.is_empty() && w.chars().count() <= MAX_LEN,
                "word length: {w}"
            );
            assert!(
                !w.contains(char::is_whitespace) && !t.contains(char::is_whitespace),
                "white space in {w} {t}"
            );
            assert_eq!(
                representable(*f),
                *f,
                "{w}: frequency {f} is not representable"
            );
            Entry {
                chars: w
                    .chars()
                    .map(|c| alphabet.binary_search(&c).unwrap() as u16)
                    .collect(),
                freq: *f,
                tag: tags.iter().position(|x| x.0 == t.as_str()).unwrap() as u8,
            }
        })
        .collect();

    // First pass: which characters each static distribution codes.
    let mut probe = Model::new(alphabet.len(), None);
    for e in &want {
        probe.entry(&mut Probe, Some(e)).unwrap();
    }
    let statics: Vec<Vec<(u16, u32)>> = probe.counts.iter().map(scaled).collect();

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&(want.len() as u32).to_le_bytes());
    out.extend_from_slice(&(alphabet.len() as u32).to_le_bytes());
    out.push(tags.len() as u8);
    for (t, _) in &tags {
        out.push(t.len() as u8);
        out.extend_from_slice(t.as_bytes());
    }
    let mut enc = Encoder::new();
    code_alphabet(&mut enc, alphabet.len(), &alphabet).unwrap();
    let tables = code_statics(&mut enc, alphabet.len(), &statics).unwrap();
    let table_cost = enc.cost();
    let mut model = Model::new(alphabet.len(), Some(tables));
    for e in &want {
        model.entry(&mut enc, Some(e)).unwrap();
    }
    let mut parts: Vec<(&'static str, f64)> = model::PARTS
        .iter()
        .zip(model.cost)
        .map(|(p, c)| (*p, c / 8.0))
        .collect();
    parts[7].1 = table_cost / 8.0;
    out.extend_from_slice(&enc.finish());
    Encoded { bytes: out, parts }
}

/// Reads the entries of a dictionary file one by one.
pub struct Entries<'a> {
    decoder: Decoder<'a>,
    model: Model,
    alphabet: Vec<char>,
    tags: Vec<String>,
    remaining: usize,
    /// The current word, and the byte offset in it of each character.
    word: String,
    offsets: Vec<usize>,
}

impl<'a> Entries<'a> {
    pub fn new(file: &'a [u8]) -> Result<Entries<'a>, Corrupt> {
        let header = file.get(..14).ok_or(Corrupt)?;
        if &header[..4] != MAGIC || header[4] != VERSION {
            return Err(Corrupt);
        }
        let count = u32::from_le_bytes(header[5..9].try_into().unwrap()) as usize;
        let alphabet_len = u32::from_le_bytes(header[9..13].try_into().unwrap()) as usize;
        if alphabet_len >= u16::MAX as usize || count > MAX_ENTRIES {
            return Err(Corrupt);
        }
        let mut pos = 14;
        let mut tags = Vec::with_capacity(header[13] as usize);
        for _ in 0..header[13] {
            let len = *file.get(pos).ok_or(Corrupt)? as usize;
            let bytes = file.get(pos + 1..pos + 1 + len).ok_or(Corrupt)?;
            tags.push(String::from_utf8(bytes.to_vec()).map_err(|_| Corrupt)?);
            pos += 1 + len;
        }
        let mut decoder = Decoder::new(&file[pos..]);
        let alphabet = code_alphabet(&mut decoder, alphabet_len, &[])?;
        let statics = code_statics(&mut decoder, alphabet_len, &[])?;
        Ok(Entries {
            decoder,
            model: Model::new(alphabet_len, Some(statics)),
            alphabet,
            tags,
            remaining: count,
            word: String::with_capacity(4 * MAX_LEN),
            offsets: Vec::with_capacity(MAX_LEN),
        })
    }

    /// Entries not read yet.
    pub fn remaining(&self) -> usize {
        self.remaining
    }

    /// The next entry: word, frequency, tag.
    pub fn next_entry(&mut self) -> Option<Result<(&str, u32, &str), Corrupt>> {
        Some(
            self.advance()?
                .map(|(freq, tag)| (self.word.as_str(), freq, self.tags[tag as usize].as_str())),
        )
    }

    /// The same with the tag as its index in the file's tag list.
    fn next_indexed(&mut self) -> Option<Result<(&str, u32, u8), Corrupt>> {
        Some(
            self.advance()?
                .map(|(freq, tag)| (self.word.as_str(), freq, tag)),
        )
    }

    /// Decodes the next entry into `self.word`: its frequency and tag index.
    fn advance(&mut self) -> Option<Result<(u32, u8), Corrupt>> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let (freq, tag) = match self.model.entry(&mut self.decoder, None) {
            Ok(v) => v,
            Err(e) => {
                self.remaining = 0;
                return Some(Err(e));
            }
        };
        if tag as usize >= self.tags.len() {
            self.remaining = 0;
            return Some(Err(Corrupt));
        }
        if self.decoder.overran() {
            self.remaining = 0;
            return Some(Err(Corrupt));
        }
        // Keep the shared prefix of the text, append the rest.
        let shared = self.model.shared();
        if shared < self.offsets.len() {
            self.word.truncate(self.offsets[shared]);
            self.offsets.truncate(shared);
        }
        for &c in &self.model.chars[shared..] {
            self.offsets.push(self.word.len());
            self.word.push(self.alphabet[c as usize]);
        }
        Some(Ok((freq, tag)))
    }
}

/// A segmenter with the dictionary of `file` (normally [`JIEBA_DICT`]).
/// Entries go in with `add_word`, so no text of the dictionary is ever made
/// (`Jieba::with_dict` over a reader of `word freq tag` lines was measured
/// slower: it parses every line again).
///
/// Words of [`FIRST_FROM_CHARS`] or more characters go in first, the shorter
/// ones (kept meanwhile in two flat buffers) after. jieba-rs's trie and word
/// tables grow by doubling, and in wasm memory a heap never gives back, a
/// block that outgrows every hole goes on top. In code point order the
/// trie's last doubling (8 to 16 MB) came after the word tables' (2 to 4 MB
/// each) and went on top of all of it. Long words make most of the trie's
/// nodes, so with them first its last doubling comes before the tables',
/// whose new blocks then fit in the hole the old trie leaves: the worker's
/// memory after start-up went from 46.9 to 43.0 MB. The order changes no
/// word and no tag (`tests/segment_agreement.rs`).
pub fn jieba(file: &[u8]) -> Result<Jieba, Corrupt> {
    let mut jieba = Jieba::empty();
    let mut entries = Entries::new(file)?;
    let tags = entries.tags.clone();
    // The short words: their text end to end, and for each where it ends,
    // its frequency and its tag's index.
    let mut later_text = String::new();
    let mut later: Vec<(u32, u32, u8)> = Vec::new();
    while let Some(entry) = entries.next_indexed() {
        let (word, freq, tag) = entry?;
        if word.chars().nth(FIRST_FROM_CHARS - 1).is_some() {
            jieba.add_word(word, Some(freq as usize), Some(&tags[tag as usize]));
        } else {
            later_text.push_str(word);
            later.push((later_text.len() as u32, freq, tag));
        }
    }
    let mut start = 0;
    for (end, freq, tag) in later {
        let end = end as usize;
        jieba.add_word(
            &later_text[start..end],
            Some(freq as usize),
            Some(&tags[tag as usize]),
        );
        start = end;
    }
    Ok(jieba)
}

/// See [`jieba`]: words this long or longer go into the segmenter first.
const FIRST_FROM_CHARS: usize = 3;
