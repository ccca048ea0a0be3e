//! Codes strings as tokens of the adaptive word model.
//!
//! A token is coded in two steps: its class (escape, white space,
//! punctuation, number, Latin, single character, word, learned) given the
//! previous token's class, from adaptive counts primed with the classes'
//! static shares; then the token within its class, with probability
//! (prior + increment·uses) / (the class's total): the static model's weights
//! plus what this link has used so far. After each token, the pair (previous
//! token + this one) becomes a learned token (a "phrase", up to 16 characters)
//! with a fifth of an occurrence, so names and phrases the dictionary lacks
//! are cheap the second time. A character no token holds is the escape
//! followed by its code point (as a distance from the previous escaped one)
//! and is learned too.
//!
//! The encoder picks the cheapest tokenisation of each clause by dynamic
//! programming (floating point, encoder only: any tokenisation decodes to the
//! same text). The decoder mirrors the model's updates exactly, in integers.
//!
//! Every constant and update rule here, except the encoder-only clause
//! splitting, is part of format 1: changing one breaks links already shared.

use super::model::{
    self, Model, CLASSES, CLASS_ESCAPE, CLASS_LEARNED, CLASS_SPACE, LEARNED_CAPACITY,
    MAX_TOKEN_CHARS,
};
use super::rangecoder::{Corrupt, Decoder, Encoder, Numbers, LINK};
use std::collections::HashMap;

/// Escape token id.
const ESCAPE: usize = 0;
/// A learned phrase starts at this fraction of an occurrence.
const PHRASE_SHARE: u64 = 5;
/// Class counts: one observation adds CLASS_UNIT; the prior is worth
/// CLASS_PRIOR observations, and no class starts below CLASS_FLOOR.
const CLASS_UNIT: u64 = 64;
const CLASS_PRIOR: u64 = 10;
const CLASS_FLOOR: u64 = 16;
const CLASS_LIMIT: u64 = 1 << 30;
/// Clauses end after these characters (encoder only).
const CLAUSE_ENDS: &[char] = &[
    '，', '。', '！', '？', '；', '：', '\n', '.', ',', '!', '?', ';',
];
const MAX_CLAUSE: usize = 128;

pub(crate) struct TextModel {
    m: &'static Model,
    /// Counts added to the static weights (static ids, then learned ids).
    extra: Vec<u64>,
    extra_tree: Vec<u64>,
    total: u64,
    /// Current total weight of each class.
    class_total: [u64; CLASSES],
    /// Class counts, by the previous token's class.
    class_counts: [[u64; CLASSES]; CLASSES],
    learned: Vec<String>,
    learned_chars: Vec<u8>,
    /// The class a learned token ends with (the context it leaves).
    learned_tail: Vec<u8>,
    learned_ids: HashMap<String, usize>,
    code_points: Numbers,
    last_escaped: u32,
}

impl TextModel {
    pub fn new() -> TextModel {
        let m = model::model();
        let mut prior = [0u64; CLASSES];
        for (c, p) in prior.iter_mut().enumerate() {
            let share =
                (CLASS_PRIOR * CLASS_UNIT) as u128 * m.class_weight[c] as u128 / m.total as u128;
            *p = (share as u64).max(CLASS_FLOOR);
        }
        TextModel {
            m,
            extra: vec![0; m.capacity],
            extra_tree: vec![0; m.capacity + 1],
            total: m.total,
            class_total: m.class_weight,
            class_counts: [prior; CLASSES],
            learned: Vec::new(),
            learned_chars: Vec::new(),
            learned_tail: Vec::new(),
            learned_ids: HashMap::new(),
            code_points: Numbers::new(),
            last_escaped: 0x4e00,
        }
    }

    fn lookup(&self, s: &str) -> Option<usize> {
        self.m
            .lookup(s)
            .or_else(|| self.learned_ids.get(s).copied())
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

    fn class(&self, id: usize) -> usize {
        if id < self.m.len() {
            self.m.class[id] as usize
        } else {
            CLASS_LEARNED as usize
        }
    }

    /// The context a token leaves for the next one's class.
    fn tail(&self, id: usize) -> usize {
        if id < self.m.len() {
            self.m.class[id] as usize
        } else {
            self.learned_tail[id - self.m.len()] as usize
        }
    }

    /// First id of class `c` and one past its last.
    fn class_range(&self, c: usize) -> (usize, usize) {
        if c == CLASS_LEARNED as usize {
            (self.m.len(), self.m.len() + self.learned.len())
        } else {
            (self.m.class_start[c], self.m.class_start[c + 1])
        }
    }

    fn freq(&self, id: usize) -> u64 {
        self.m.freq.get(id).copied().unwrap_or(0) + self.extra[id]
    }

    /// Sum of the counts of ids below `id`.
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
        self.class_total[self.class(id)] += amount;
        self.extra[id] += amount;
        let mut i = id + 1;
        while i < self.extra_tree.len() {
            self.extra_tree[i] += amount;
            i += i & i.wrapping_neg();
        }
        true
    }

    fn learn(&mut self, s: String, chars: usize, tail: usize, amount: u64) {
        if self.learned.len() >= LEARNED_CAPACITY || self.total + amount > LINK.max_total() {
            return;
        }
        let id = self.m.len() + self.learned.len();
        self.learned_ids.insert(s.clone(), id);
        self.learned.push(s);
        self.learned_chars.push(chars as u8);
        self.learned_tail.push(tail as u8);
        self.bump(id, amount);
    }

    /// After coding token `id` in context `ctx`, following `prev`; `seen` unless it was just learned.
    fn update(&mut self, ctx: usize, prev: Option<usize>, id: usize, seen: bool) {
        let inc = self.m.increment;
        if seen {
            self.count_class(ctx, self.class(id));
            self.bump(id, inc);
        }
        if let Some(p) = prev {
            let chars = self.token_chars(p) + self.token_chars(id);
            if chars <= MAX_TOKEN_CHARS {
                let phrase = format!("{}{}", self.token(p), self.token(id));
                if self.lookup(&phrase).is_none() {
                    let tail = self.tail(id);
                    self.learn(phrase, chars, tail, inc / PHRASE_SHARE);
                }
            }
        }
    }

    fn count_class(&mut self, ctx: usize, c: usize) {
        let counts = &mut self.class_counts[ctx];
        counts[c] += CLASS_UNIT;
        if counts.iter().sum::<u64>() > CLASS_LIMIT {
            for x in counts.iter_mut() {
                *x = x.div_ceil(2);
            }
        }
    }

    /// Bits to code token `id` after context `ctx` (encoder's estimate).
    fn cost(&self, ctx: usize, id: usize) -> f64 {
        let c = self.class(id);
        let counts = &self.class_counts[ctx];
        let total: u64 = counts.iter().sum();
        (total as f64 / counts[c] as f64).log2()
            + (self.class_total[c] as f64 / self.freq(id) as f64).log2()
    }

    fn encode_token(&mut self, enc: &mut Encoder, ctx: usize, id: usize) {
        let c = self.class(id);
        let counts = &self.class_counts[ctx];
        let below: u64 = counts[..c].iter().sum();
        let total: u64 = counts.iter().sum();
        enc.encode(below, counts[c], total);
        let (start, _) = self.class_range(c);
        enc.encode(
            self.cum(id) - self.cum(start),
            self.freq(id),
            self.class_total[c],
        );
    }

    /// Codes `text` (the caller has coded its length in characters).
    pub fn encode(&mut self, enc: &mut Encoder, text: &str) {
        let mut state = (CLASS_SPACE as usize, None);
        let mut clause_start = 0;
        let mut count = 0;
        for (i, c) in text.char_indices() {
            count += 1;
            if CLAUSE_ENDS.contains(&c) || count >= MAX_CLAUSE {
                let end = i + c.len_utf8();
                state = self.encode_clause(enc, &text[clause_start..end], state);
                clause_start = end;
                count = 0;
            }
        }
        if clause_start < text.len() {
            self.encode_clause(enc, &text[clause_start..], state);
        }
    }

    /// Codes one clause from state (context, previous token); returns the state after it.
    fn encode_clause(
        &mut self,
        enc: &mut Encoder,
        clause: &str,
        state: (usize, Option<usize>),
    ) -> (usize, Option<usize>) {
        let (mut ctx, mut prev) = state;
        let bounds: Vec<usize> = clause
            .char_indices()
            .map(|(i, _)| i)
            .chain([clause.len()])
            .collect();
        let n = bounds.len() - 1;
        let mut best = vec![f64::INFINITY; n + 1];
        let mut back = vec![0usize; n + 1];
        let mut best_ctx = vec![ctx; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if !best[i].is_finite() {
                continue;
            }
            let here = best_ctx[i];
            for len in 1..=MAX_TOKEN_CHARS.min(n - i) {
                let s = &clause[bounds[i]..bounds[i + len]];
                let (cost, next) = match self.lookup(s) {
                    Some(id) => (self.cost(here, id), self.tail(id)),
                    None if len == 1 => (self.cost(here, ESCAPE) + 16.0, CLASS_ESCAPE as usize),
                    None => continue,
                };
                if best[i] + cost < best[i + len] {
                    best[i + len] = best[i] + cost;
                    back[i + len] = i;
                    best_ctx[i + len] = next;
                }
            }
        }
        let mut path = vec![n];
        let mut j = n;
        while j > 0 {
            j = back[j];
            path.push(j);
        }
        path.reverse();
        for w in path.windows(2) {
            let s = &clause[bounds[w[0]]..bounds[w[1]]];
            // The model has changed since the parse: look the token up again.
            let (id, seen) = match self.lookup(s) {
                Some(id) => {
                    self.encode_token(enc, ctx, id);
                    (id, true)
                }
                None => {
                    let c = s.chars().next().expect("a one-character token");
                    self.encode_token(enc, ctx, ESCAPE);
                    let delta = (c as u32 as i64 - self.last_escaped as i64) as u64;
                    self.code_points.encode(enc, zigzag(delta));
                    self.last_escaped = c as u32;
                    match self.escaped(ctx, s) {
                        Some(id) => (id, false),
                        None => {
                            ctx = CLASS_ESCAPE as usize;
                            prev = None;
                            continue;
                        }
                    }
                }
            };
            self.update(ctx, prev, id, seen);
            ctx = self.tail(id);
            prev = Some(id);
        }
        (ctx, prev)
    }

    /// After an escaped character: the escape's updates; the character is learned (if there is room).
    fn escaped(&mut self, ctx: usize, s: &str) -> Option<usize> {
        let inc = self.m.increment;
        self.count_class(ctx, CLASS_ESCAPE as usize);
        self.bump(ESCAPE, inc);
        self.learn(s.to_string(), 1, CLASS_ESCAPE as usize, inc);
        self.learned_ids.get(s).copied()
    }

    /// Decodes `chars` characters, appending to `out`; `budget` bounds the bytes.
    pub fn decode(
        &mut self,
        dec: &mut Decoder,
        chars: u64,
        out: &mut String,
        budget: &mut u64,
    ) -> Result<(), Corrupt> {
        let mut left = chars;
        let mut ctx = CLASS_SPACE as usize;
        let mut prev: Option<usize> = None;
        while left > 0 {
            // A whole stream never reads far past its end: stop garbage early.
            if dec.overrun() > 64 {
                return Err(Corrupt);
            }
            // The class.
            let counts = &self.class_counts[ctx];
            let total: u64 = counts.iter().sum();
            let v = dec.target(total)?;
            let mut below = 0;
            let mut c = 0;
            while v >= below + counts[c] {
                below += counts[c];
                c += 1;
            }
            dec.consume(below, counts[c]);
            // The token within it.
            let (start, end) = self.class_range(c);
            let class_total = self.class_total[c];
            if class_total == 0 {
                return Err(Corrupt);
            }
            let base = self.cum(start);
            let v = dec.target(class_total)?;
            let (id, cum) = model::find(&[&self.m.tree, &self.extra_tree], base + v);
            if id < start || id >= end {
                return Err(Corrupt);
            }
            let f = self.freq(id);
            if f == 0 || cum < base || base + v >= cum + f {
                return Err(Corrupt);
            }
            dec.consume(cum - base, f);
            let (id, seen) = if id == ESCAPE {
                let delta = unzigzag(self.code_points.decode(dec)?);
                let cp = (self.last_escaped as i64).wrapping_add(delta as i64);
                let ch = u32::try_from(cp)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(Corrupt)?;
                self.last_escaped = ch as u32;
                let mut buf = [0u8; 4];
                let s = ch.encode_utf8(&mut buf);
                if self.lookup(s).is_some() {
                    return Err(Corrupt); // an encoder never escapes a known character
                }
                take(&mut left, budget, 1, s.len())?;
                out.push(ch);
                match self.escaped(ctx, s) {
                    Some(id) => (id, false),
                    None => {
                        ctx = CLASS_ESCAPE as usize;
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
            self.update(ctx, prev, id, seen);
            ctx = self.tail(id);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> (TextModel, TextModel, usize) {
        let mut enc = Encoder::new(LINK);
        let mut tm = TextModel::new();
        tm.encode(&mut enc, text);
        let digits = enc.finish();
        let mut dec = Decoder::new(LINK, &digits);
        let mut back = TextModel::new();
        let mut out = String::new();
        let mut budget = u64::MAX;
        back.decode(&mut dec, text.chars().count() as u64, &mut out, &mut budget)
            .unwrap();
        assert_eq!(out, text);
        (tm, back, digits.len())
    }

    #[test]
    fn repeats_get_cheaper() {
        let once = "蔚来创始人李斌此后多次公开感谢合肥。";
        let (_, _, one) = round_trip(once);
        let (tm, back, two) = round_trip(&once.repeat(2));
        assert!(
            (two - one) * 5 <= one * 2,
            "the repeat cost {} of {} digits",
            two - one,
            one
        );
        assert_eq!(
            tm.learned, back.learned,
            "both sides learn the same phrases"
        );
        assert!(tm.lookup("李斌").is_some(), "the name became a token");
    }

    #[test]
    fn learning_stops_at_capacity_on_both_sides() {
        let mut seed = 9u64;
        let text: String = (0..90_000)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let r = (seed >> 33) as u32;
                if i % 101 == 0 {
                    char::from_u32(0x1F300 + r % 0x300).unwrap()
                } else {
                    char::from_u32(0x4E00 + r % 0x5000).unwrap()
                }
            })
            .collect();
        let (tm, back, _) = round_trip(&text);
        assert_eq!(tm.learned.len(), LEARNED_CAPACITY);
        assert_eq!(back.learned.len(), LEARNED_CAPACITY);
        assert_eq!(tm.total, back.total);
    }

    #[test]
    fn escapes_code_any_scalar() {
        let text: String = [
            '\0',
            '\u{7f}',
            '\u{d7ff}',
            '\u{e000}',
            '\u{10ffff}',
            '\u{1f600}',
            '\0',
        ]
        .iter()
        .collect();
        round_trip(&text);
        assert_eq!(unzigzag(zigzag(u64::MAX)), u64::MAX);
        assert_eq!(unzigzag(zigzag(12345)), 12345);
        assert_eq!(unzigzag(zigzag(-5i64 as u64)), -5i64 as u64);
    }
}
