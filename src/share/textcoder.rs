//! Codes strings as tokens of the adaptive word model.
//!
//! Each token is coded with probability (prior + increment·uses) / total:
//! the static model's weights, plus what this link has used so far. After
//! each token, the pair (previous token + this one) becomes a token itself
//! (a "phrase", up to 16 characters) with a fifth of an occurrence, so names
//! and phrases the dictionary lacks are cheap the second time. A character
//! no token holds is the escape followed by its code point (as a distance
//! from the previous escaped one) and becomes a token too.
//!
//! The encoder picks the cheapest tokenisation of each clause by dynamic
//! programming (floating point, encoder only: any tokenisation decodes to the
//! same text). The decoder mirrors the model's updates exactly, in integers.

use super::model::{self, Model, LEARNED_CAPACITY, MAX_TOKEN_CHARS};
use super::rangecoder::{Corrupt, Decoder, Encoder, Numbers, LINK};
use std::collections::HashMap;

/// Escape token id.
const ESCAPE: usize = 0;
/// A learned phrase starts at this fraction of an occurrence.
const PHRASE_SHARE: u64 = 5;
/// Clauses end after these characters (encoder only).
const CLAUSE_ENDS: &[char] = &['，', '。', '！', '？', '；', '：', '\n', '.', ',', '!', '?', ';'];
const MAX_CLAUSE: usize = 128;

pub(crate) struct TextModel {
    m: &'static Model,
    /// Counts added to the static weights (static ids, then learned ids).
    extra: Vec<u64>,
    extra_tree: Vec<u64>,
    total: u64,
    learned: Vec<String>,
    learned_chars: Vec<u8>,
    learned_ids: HashMap<String, usize>,
    code_points: Numbers,
    last_escaped: u32,
}

impl TextModel {
    pub fn new() -> TextModel {
        let m = model::model();
        TextModel {
            m,
            extra: vec![0; m.capacity],
            extra_tree: vec![0; m.capacity + 1],
            total: m.total,
            learned: Vec::new(),
            learned_chars: Vec::new(),
            learned_ids: HashMap::new(),
            code_points: Numbers::new(),
            last_escaped: 0x4e00,
        }
    }

    fn lookup(&self, s: &str) -> Option<usize> {
        self.m.lookup(s).or_else(|| self.learned_ids.get(s).copied())
    }

    fn token(&self, id: usize) -> &str {
        if id < self.m.len() {
            self.m.token(id)
        } else {
            &self.learned[id - self.m.len()]
        }
    }

    fn token_chars(&self, id: usize) -> usize {
        if id < self.m.len() {
            self.m.token_chars(id)
        } else {
            self.learned_chars[id - self.m.len()] as usize
        }
    }

    fn freq(&self, id: usize) -> u64 {
        self.m.freq.get(id).copied().unwrap_or(0) + self.extra[id]
    }

    fn cum(&self, id: usize) -> u64 {
        let mut s = 0;
        let mut i = id;
        while i > 0 {
            s += self.m.tree[i] + self.extra_tree[i];
            i -= i & i.wrapping_neg();
        }
        s
    }

    /// Adds `amount` to a token's count, unless the total would pass the coder's limit.
    fn bump(&mut self, id: usize, amount: u64) -> bool {
        if self.total + amount > LINK.max_total() {
            return false;
        }
        self.total += amount;
        self.extra[id] += amount;
        let mut i = id + 1;
        while i < self.extra_tree.len() {
            self.extra_tree[i] += amount;
            i += i & i.wrapping_neg();
        }
        true
    }

    fn learn(&mut self, s: String, chars: usize, amount: u64) {
        if self.learned.len() >= LEARNED_CAPACITY || self.total + amount > LINK.max_total() {
            return;
        }
        let id = self.m.len() + self.learned.len();
        self.bump(id, amount);
        self.learned_ids.insert(s.clone(), id);
        self.learned.push(s);
        self.learned_chars.push(chars as u8);
    }

    /// After coding token `id`, which followed `prev`; `seen` unless it was just learned.
    fn update(&mut self, prev: Option<usize>, id: usize, seen: bool) {
        let inc = self.m.increment;
        if seen {
            self.bump(id, inc);
        }
        if let Some(p) = prev {
            let chars = self.token_chars(p) + self.token_chars(id);
            if chars <= MAX_TOKEN_CHARS {
                let phrase = format!("{}{}", self.token(p), self.token(id));
                if self.lookup(&phrase).is_none() {
                    self.learn(phrase, chars, inc * 10 / std::env::var("PS").ok().and_then(|v| v.parse().ok()).unwrap_or(PHRASE_SHARE * 10));
                }
            }
        }
    }

    fn cost(&self, id: usize) -> f64 {
        (self.total as f64 / self.freq(id) as f64).log2()
    }

    fn encode_token(&mut self, enc: &mut Encoder, id: usize) {
        if std::env::var("STATS").is_ok() {
            let cat = if id == 0 { "esc" } else if id <= super::model::OTHER.len() { "other" } else if id >= self.m.len() { "learned" } else if self.token_chars(id) == 1 { "single" } else { "word" };
            eprintln!("STAT {cat} {:.3} {}", self.cost(id), self.token(id).replace('\n', "\\n"));
        }
        enc.encode(self.cum(id), self.freq(id), self.total);
    }

    /// Codes `text` (the caller has coded its length in characters).
    pub fn encode(&mut self, enc: &mut Encoder, text: &str) {
        let mut prev: Option<usize> = None;
        let mut clause_start = 0;
        let mut count = 0;
        for (i, c) in text.char_indices() {
            count += 1;
            if CLAUSE_ENDS.contains(&c) || count >= MAX_CLAUSE {
                let end = i + c.len_utf8();
                prev = self.encode_clause(enc, &text[clause_start..end], prev);
                clause_start = end;
                count = 0;
            }
        }
        if clause_start < text.len() {
            self.encode_clause(enc, &text[clause_start..], prev);
        }
    }

    fn encode_clause(&mut self, enc: &mut Encoder, clause: &str, mut prev: Option<usize>) -> Option<usize> {
        let bounds: Vec<usize> = clause.char_indices().map(|(i, _)| i).chain([clause.len()]).collect();
        let n = bounds.len() - 1;
        let escape_cost = self.cost(ESCAPE) + 16.0;
        let mut best = vec![f64::INFINITY; n + 1];
        let mut back: Vec<(usize, Option<usize>)> = vec![(0, None); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if !best[i].is_finite() {
                continue;
            }
            for len in 1..=MAX_TOKEN_CHARS.min(n - i) {
                let s = &clause[bounds[i]..bounds[i + len]];
                let (cost, id) = match self.lookup(s) {
                    Some(id) => (self.cost(id), Some(id)),
                    None if len == 1 => (escape_cost, None),
                    None => continue,
                };
                if best[i] + cost < best[i + len] {
                    best[i + len] = best[i] + cost;
                    back[i + len] = (i, id);
                }
            }
        }
        let mut path = Vec::new();
        let mut j = n;
        while j > 0 {
            let (i, _) = back[j];
            path.push(i);
            j = i;
        }
        path.reverse();
        path.push(n);
        for w in path.windows(2) {
            let s = &clause[bounds[w[0]]..bounds[w[1]]];
            // The model has changed since the parse: look the token up again.
            let (id, seen) = match self.lookup(s) {
                Some(id) => {
                    self.encode_token(enc, id);
                    (id, true)
                }
                None => {
                    let c = s.chars().next().expect("a one-character token");
                    self.encode_token(enc, ESCAPE);
                    let delta = (c as u32 as i64 - self.last_escaped as i64) as u64;
                    self.code_points.encode(enc, zigzag(delta));
                    self.last_escaped = c as u32;
                    let inc = self.m.increment;
                    self.bump(ESCAPE, inc);
                    self.learn(s.to_string(), 1, inc);
                    match self.lookup(s) {
                        Some(id) => (id, false),
                        None => {
                            prev = None;
                            continue;
                        }
                    }
                }
            };
            self.update(prev, id, seen);
            prev = Some(id);
        }
        prev
    }

    /// Decodes `chars` characters, appending to `out`; `budget` bounds the bytes.
    pub fn decode(&mut self, dec: &mut Decoder, chars: u64, out: &mut String, budget: &mut u64) -> Result<(), Corrupt> {
        let mut left = chars;
        let mut prev: Option<usize> = None;
        while left > 0 {
            let v = dec.target(self.total)?;
            let (id, cum) = model::find(&[&self.m.tree, &self.extra_tree], v);
            let f = if id < self.m.capacity { self.freq(id) } else { 0 };
            if f == 0 || v < cum || v >= cum + f {
                return Err(Corrupt);
            }
            dec.consume(cum, f);
            let (id, seen) = if id == ESCAPE {
                let delta = unzigzag(self.code_points.decode(dec)?);
                let cp = (self.last_escaped as i64).wrapping_add(delta as i64);
                let c = u32::try_from(cp).ok().and_then(char::from_u32).ok_or(Corrupt)?;
                self.last_escaped = c as u32;
                let inc = self.m.increment;
                self.bump(ESCAPE, inc);
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                if self.lookup(s).is_some() {
                    return Err(Corrupt); // an encoder never escapes a known character
                }
                take(&mut left, budget, 1, s.len())?;
                out.push(c);
                self.learn(s.to_string(), 1, inc);
                match self.lookup(s) {
                    Some(id) => (id, false),
                    None => {
                        prev = None;
                        continue;
                    }
                }
            } else {
                let (n, bytes) = (self.token_chars(id), self.token(id).len());
                take(&mut left, budget, n as u64, bytes)?;
                out.push_str(self.token(id));
                (id, true)
            };
            self.update(prev, id, seen);
            prev = Some(id);
        }
        Ok(())
    }
}

fn take(left: &mut u64, budget: &mut u64, chars: u64, bytes: usize) -> Result<(), Corrupt> {
    if chars > *left || bytes as u64 > *budget {
        return Err(Corrupt);
    }
    *left -= chars;
    *budget -= bytes as u64;
    Ok(())
}

pub(crate) fn zigzag(v: u64) -> u64 {
    let v = v as i64;
    ((v << 1) ^ (v >> 63)) as u64
}

pub(crate) fn unzigzag(v: u64) -> u64 {
    ((v >> 1) as i64 ^ -((v & 1) as i64)) as u64
}
