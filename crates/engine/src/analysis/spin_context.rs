//! Spun words judged in context: a word-bigram model of normal news text,
//! kept only for the words spinners write and replace (built by
//! `training/spin/build.py`, which measures it).
//!
//! A spinner's swaps are often ordinary words that are wrong only where they
//! stand (重要 → 主要, 中央 → 中心), so a list of pairs cannot flag them
//! without flagging every normal 主要. Here a word on the page is compared
//! with each original a spinner could have replaced by it: when an original
//! was seen in news text beside these very neighbours, the word itself was
//! not, and the original fits the place clearly better, the word is taken
//! for a swap and the original is proposed.
//!
//! How well a word `x` fits between `l` and `r` is
//! `log P(x | l) + log P(r | x)`, each smoothed towards a unigram prior from
//! jieba's word frequencies: `P(x | l) = (c(l x) + β p(x)) / (c(l) + β)`.
//!
//! The payload (inside the [`envelope`](super::envelope)) is UTF-8 lines: a
//! header `tokens<TAB>jieba total<TAB>sentences`, then one line per word,
//! sorted: `word<TAB>count<TAB>jieba freq`, and for the words a spinner
//! writes or replaces three more fields: the originals it may stand for
//! (space-separated), then its left and its right neighbours as
//! `word count` pairs (space-separated, in the order of the lines with the
//! sentence edge `^` last; pairs seen fewer than three times are left out).
//! Every neighbour has a line of its own.

use super::envelope::{self, DataError};

const MAGIC: &[u8; 8] = b"DDSPINLM";
const VERSION: u32 = 1;
const WHAT: &str = "spin context table";

/// Smoothing weight of the prior against the neighbour counts.
const BETA: f64 = 2.0;
/// How much better (natural log) an original must fit than the word.
const MIN_GAIN: f64 = 1.0;
/// An original counts as seen in a place when it was seen at least this
/// often beside one of the two neighbours.
const MIN_EVIDENCE: u32 = 2;

pub struct SpinContext {
    words: Vec<WordStats>,
    tokens: f64,
    jieba_total: f64,
    sentences: u32,
}

struct WordStats {
    text: String,
    count: u32,
    jieba_freq: u32,
    /// Only for words a spinner writes or replaces.
    judged: Option<Box<Judged>>,
}

struct Judged {
    originals: Vec<u32>,
    /// (neighbour id, count), sorted by id.
    left: Vec<(u32, u32)>,
    right: Vec<(u32, u32)>,
}

/// Why a word was taken for a swap: the proposed original, how much better
/// it fits (natural log), and the neighbour that shows it best.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub original: String,
    pub gain: f64,
    /// How many times commoner the original is than the word in general
    /// text (jieba's frequencies): a swap for a rare word is the stronger
    /// sign of a spinner.
    pub rarity: f64,
    pub evidence: Evidence,
}

/// In news text, the original stood beside `neighbour` `original_count`
/// times and the word on the page `word_count` times.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The neighbour, or `None` for the start or end of a sentence.
    pub neighbour: Option<String>,
    /// Whether the neighbour comes before the word.
    pub before: bool,
    pub original_count: u32,
    pub word_count: u32,
}

impl SpinContext {
    /// Checks and reads a table; every damaged file is an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<SpinContext, DataError> {
        parse(envelope::open_text(bytes, MAGIC, VERSION, WHAT)?)
    }

    /// Wraps a payload as the build script does (tests build small tables).
    pub fn pack(payload: &str) -> Vec<u8> {
        envelope::seal(payload.as_bytes(), MAGIC, VERSION)
    }

    /// The number of words the table judges (words a spinner may write).
    pub fn judged_words(&self) -> usize {
        self.words.iter().filter_map(spun_form).count()
    }

    /// Whether `word` is one a spinner may have written (one [`judge`]
    /// may take for a swap somewhere).
    ///
    /// [`judge`]: SpinContext::judge
    pub fn judges(&self, word: &str) -> bool {
        self.id(word)
            .and_then(|w| spun_form(&self.words[w as usize]))
            .is_some()
    }

    /// Whether `word`, between `left` and `right` (`None`: a sentence edge),
    /// looks like a spinner's swap, and for what.
    pub fn judge(&self, left: Option<&str>, word: &str, right: Option<&str>) -> Option<Judgement> {
        let w = self.id(word)?;
        let judged = spun_form(&self.words[w as usize])?;
        let (l, r) = (self.side(left), self.side(right));
        // The word itself was seen here: it is what writers write.
        if pair(&judged.left, l) + pair(&judged.right, r) > 0 {
            return None;
        }
        let own = self.fit(l, w, r);
        let mut best: Option<(f64, u32)> = None;
        for &o in &judged.originals {
            let Some(oj) = self.words[o as usize].judged.as_deref() else {
                continue;
            };
            if pair(&oj.left, l) + pair(&oj.right, r) < MIN_EVIDENCE {
                continue;
            }
            let fit = self.fit(l, o, r);
            if best.is_none_or(|(b, _)| fit > b) {
                best = Some((fit, o));
            }
        }
        let (fit, o) = best?;
        let gain = fit - own;
        if gain <= MIN_GAIN {
            return None;
        }
        let oj = self.words[o as usize].judged.as_deref()?;
        let evidence = if pair(&oj.left, l) >= pair(&oj.right, r) {
            Evidence {
                neighbour: left.map(str::to_string),
                before: true,
                original_count: pair(&oj.left, l),
                word_count: pair(&judged.left, l),
            }
        } else {
            Evidence {
                neighbour: right.map(str::to_string),
                before: false,
                original_count: pair(&oj.right, r),
                word_count: pair(&judged.right, r),
            }
        };
        Some(Judgement {
            original: self.words[o as usize].text.to_string(),
            gain,
            rarity: self.prior(Side::Word(o)) / self.prior(Side::Word(w)),
            evidence,
        })
    }

    /// A word's id: its line, found by binary search (the lines are sorted).
    fn id(&self, word: &str) -> Option<u32> {
        id_in(&self.words, word)
    }

    fn side(&self, word: Option<&str>) -> Side {
        match word {
            None => Side::Edge,
            Some(w) => self.id(w).map_or(Side::Unseen, Side::Word),
        }
    }

    fn count(&self, side: Side) -> f64 {
        match side {
            Side::Edge => f64::from(self.sentences),
            Side::Word(i) => f64::from(self.words[i as usize].count),
            Side::Unseen => 0.0,
        }
    }

    fn prior(&self, side: Side) -> f64 {
        match side {
            Side::Edge => f64::from(self.sentences) / self.tokens,
            Side::Word(i) => {
                (f64::from(self.words[i as usize].jieba_freq) + 0.5) / self.jieba_total
            }
            Side::Unseen => 0.5 / self.jieba_total,
        }
    }

    fn fit(&self, l: Side, x: u32, r: Side) -> f64 {
        let j = self.words[x as usize].judged.as_deref();
        let c_lx = j.map_or(0, |j| pair(&j.left, l));
        let c_xr = j.map_or(0, |j| pair(&j.right, r));
        let p_left = (f64::from(c_lx) + BETA * self.prior(Side::Word(x))) / (self.count(l) + BETA);
        let p_right = (f64::from(c_xr) + BETA * self.prior(r)) / (self.count(Side::Word(x)) + BETA);
        p_left.ln() + p_right.ln()
    }
}

/// A neighbour: a sentence edge, a word of the table, or a word it never
/// saw beside any word it judges (then its counts are zero).
#[derive(Clone, Copy)]
enum Side {
    Edge,
    Word(u32),
    Unseen,
}

/// The id an edge has in the neighbour lists (the file writes it `^`).
const EDGE_ID: u32 = u32::MAX;

/// A word's counts when a spinner may write it (it has originals).
fn spun_form(word: &WordStats) -> Option<&Judged> {
    word.judged.as_deref().filter(|j| !j.originals.is_empty())
}

fn id_in(words: &[WordStats], word: &str) -> Option<u32> {
    words
        .binary_search_by(|w| w.text.as_str().cmp(word))
        .ok()
        .map(|i| i as u32)
}

/// How often `side` was seen on that side of a word.
fn pair(list: &[(u32, u32)], side: Side) -> u32 {
    let id = match side {
        Side::Edge => EDGE_ID,
        Side::Word(i) => i,
        Side::Unseen => return 0,
    };
    list.binary_search_by_key(&id, |&(n, _)| n)
        .map_or(0, |i| list[i].1)
}

fn parse(text: &str) -> Result<SpinContext, DataError> {
    let malformed = |line: usize, why: String| DataError::Malformed {
        what: WHAT,
        line,
        why,
    };
    let mut lines = text.lines().enumerate();
    let (_, header) = lines
        .next()
        .ok_or_else(|| malformed(1, "no header".into()))?;
    let head: Vec<&str> = header.split('\t').collect();
    let number = |s: &str, line: usize| -> Result<u32, DataError> {
        s.parse::<u32>()
            .map_err(|_| malformed(line, format!("not a count: “{s}”")))
    };
    let [tokens, jieba_total, sentences] = head[..] else {
        return Err(malformed(1, "the header needs three numbers".into()));
    };
    let (tokens, jieba_total, sentences) = (
        number(tokens, 1)?,
        number(jieba_total, 1)?,
        number(sentences, 1)?,
    );
    if tokens == 0 || jieba_total == 0 {
        return Err(malformed(1, "empty totals".into()));
    }
    // First pass: every word gets its id (the lines are sorted, so a
    // neighbour may come after the word that names it).
    let rows: Vec<(usize, Vec<&str>)> = lines
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
        .collect();
    let mut words: Vec<WordStats> = Vec::with_capacity(rows.len());
    for (line, fields) in &rows {
        if fields.len() != 3 && fields.len() != 6 {
            return Err(malformed(*line, format!("{} fields", fields.len())));
        }
        let word = fields[0].to_string();
        if word.is_empty() || words.last().is_some_and(|w| w.text >= word) {
            return Err(malformed(
                *line,
                format!("word “{word}” empty, repeated or out of order"),
            ));
        }
        words.push(WordStats {
            text: word,
            count: number(fields[1], *line)?,
            jieba_freq: number(fields[2], *line)?,
            judged: None,
        });
    }
    let id_of = |w: &str, line: usize| -> Result<u32, DataError> {
        id_in(&words, w).ok_or_else(|| malformed(line, format!("“{w}” has no line of its own")))
    };
    let neighbours = |field: &str, line: usize| -> Result<Vec<(u32, u32)>, DataError> {
        let parts: Vec<&str> = field.split(' ').filter(|s| !s.is_empty()).collect();
        if !parts.len().is_multiple_of(2) {
            return Err(malformed(line, "a neighbour without its count".into()));
        }
        let list = parts
            .chunks(2)
            .map(|p| {
                let id = if p[0] == "^" {
                    EDGE_ID
                } else {
                    id_of(p[0], line)?
                };
                Ok((id, number(p[1], line)?))
            })
            .collect::<Result<Vec<_>, DataError>>()?;
        // Written in line order, ready for binary search (sorting here
        // would put a sort's code in the worker's first download).
        if list.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(malformed(line, "neighbours out of order".into()));
        }
        Ok(list)
    };
    // Second pass: the lists name words by their ids.
    let mut judged = Vec::new();
    for (index, (line, fields)) in rows.iter().enumerate() {
        if fields.len() != 6 {
            continue;
        }
        let originals = fields[3]
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(|w| id_of(w, *line))
            .collect::<Result<Vec<_>, _>>()?;
        judged.push((
            index,
            Judged {
                originals,
                left: neighbours(fields[4], *line)?,
                right: neighbours(fields[5], *line)?,
            },
        ));
    }
    for (index, j) in judged {
        words[index].judged = Some(Box::new(j));
    }
    Ok(SpinContext {
        words,
        tokens: f64::from(tokens),
        jieba_total: f64::from(jieba_total),
        sentences,
    })
}

/// The table the engine ships with (natively; the browser downloads it).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Result<SpinContext, DataError> {
    SpinContext::from_bytes(BUILTIN_BYTES)
}

#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN_BYTES: &[u8] = include_bytes!("data/spin-lm.bin");
