//! What the dictionary's entropy coder is told to expect: the model, shared
//! by the encoder (the generator) and the decoder (start-up).
//!
//! Entries come in code point order, each coded against the one before
//! (small numbers in unary, one adaptive bit per step, which is both the
//! cheapest to decode and as compact as frequency tables were):
//!
//! 1. how many leading characters it shares with it (`lcp`);
//! 2. its part-of-speech tag: first whether it is the previous word's when
//!    they share a prefix (the 王 block is mostly nr), then its rank among
//!    the tags by frequency;
//! 3. its length, given the tag (idioms are four characters);
//! 4. its new characters. The first new one, when the previous word goes on
//!    past the shared prefix, must come after that word's character there
//!    (the list is sorted): it is coded from a static distribution of its
//!    tag (and whether it ends the word), restricted to the characters that
//!    can follow. Any later character is first looked for among the
//!    characters seen after the previous character (an adaptive list, most
//!    frequent first), and otherwise coded from the same static
//!    distributions. A word's first character, when it changes, is almost
//!    always the next one of the alphabet, so the gap is coded;
//! 5. its frequency, given tag and length: exactly below 16 (3 first, the
//!    commonest), otherwise its power of two and the next three bits (see
//!    [`representable`]).
//!
//! The static distributions (one per tag and end-of-word flag) are counted
//! by a first pass and stored at the head of the stream.

use super::coder::{Bit, Coder, Corrupt, Numbers, Unary, MAX_TOTAL};

/// Tags with a distribution of their own; rarer ones share the last.
pub(super) const TAG_GROUPS: usize = 16;
/// Static distributions: tag group × (ends the word or not).
pub(super) const GROUPS: usize = TAG_GROUPS * 2;
/// Longest word, in characters (jieba's longest has 16).
pub(super) const MAX_LEN: usize = 24;
/// Frequencies below this are kept exactly.
pub(super) const EXACT_BELOW: u32 = 16;
/// Significant bits kept of a larger frequency.
pub(super) const SIGNIFICANT_BITS: u32 = 4;
const NO_TAG: usize = 64;
/// Most tags the format allows (an index fits the tables' contexts).
pub(super) const MAX_TAGS: usize = NO_TAG;

/// The frequency the file stores for `f`: `f` itself below 16, otherwise
/// rounded to four significant bits (within 1/16 of it). Segmentation
/// compares sums of log frequencies; this moves a few near ties (about one
/// token in 7,000 of the texts `examples/seg_agreement.rs` measures), and
/// saves 35 KB over exact frequencies.
pub fn representable(f: u32) -> u32 {
    if f < EXACT_BELOW {
        return f;
    }
    let e = 31 - f.leading_zeros();
    if e < SIGNIFICANT_BITS {
        return f;
    }
    let shift = e + 1 - SIGNIFICANT_BITS;
    let q = ((f as u64 + (1u64 << (shift - 1))) >> shift) << shift;
    q.min(u32::MAX as u64) as u32
}

/// One entry, as the encoder is given it: characters as alphabet indexes.
pub(super) struct Entry {
    pub chars: Vec<u16>,
    pub freq: u32,
    pub tag: u8,
}

/// Characters seen after one character, most frequent first.
#[derive(Default, Clone)]
struct Successors {
    total: u32,
    items: Vec<(u16, u16)>,
}

impl Successors {
    /// Counts `s`, found at `at` (`None`: not in the list yet).
    fn count(&mut self, s: u16, at: Option<usize>) {
        self.total += 1;
        let Some(mut i) = at else {
            self.items.push((s, 1));
            return;
        };
        let c = self.items[i].1 + 1;
        while i > 0 && self.items[i - 1].1 < c {
            self.items[i] = self.items[i - 1];
            i -= 1;
        }
        self.items[i] = (s, c);
        if c == u16::MAX {
            self.total = 0;
            for e in &mut self.items {
                e.1 = e.1 / 2 + 1;
                self.total += e.1 as u32;
            }
        }
    }
}

/// A fixed distribution over some characters (in alphabet order).
pub(super) struct Static {
    /// For each alphabet index i: how many of `chars` are below i.
    rank: Vec<u16>,
    chars: Vec<u16>,
    cum: Vec<u32>,
    /// From the top bits of a target to the index of the character whose
    /// interval holds the smallest target with those bits.
    lut: Vec<u16>,
    shift: u32,
}

const LUT_BITS: u32 = 14;
/// Bits of a large frequency's mantissa coded as a tree.
const TREE_BITS: u32 = 3;
/// Candidates asked about one by one before the position is coded as a number.
const WALK: usize = 6;

impl Static {
    /// `pairs`: characters in increasing order with their counts (total ≤ MAX_TOTAL).
    pub fn new(pairs: &[(u16, u32)], alphabet: usize) -> Result<Static, Corrupt> {
        let mut chars = Vec::with_capacity(pairs.len());
        let mut cum = Vec::with_capacity(pairs.len() + 1);
        let mut acc = 0u32;
        for &(s, c) in pairs {
            if (s as usize) >= alphabet || c == 0 || chars.last().is_some_and(|&l| l >= s) {
                return Err(Corrupt);
            }
            chars.push(s);
            cum.push(acc);
            acc += c;
            if acc > MAX_TOTAL {
                return Err(Corrupt);
            }
        }
        cum.push(acc);
        let shift = (32 - acc.max(1).leading_zeros()).saturating_sub(LUT_BITS);
        let mut lut = vec![0u16; ((acc.max(1) - 1) >> shift) as usize + 1];
        let mut i = 0;
        for (j, slot) in lut.iter_mut().enumerate() {
            let v = (j as u32) << shift;
            while i + 1 < chars.len() && cum[i + 1] <= v {
                i += 1;
            }
            *slot = i as u16;
        }
        let mut rank = vec![0u16; alphabet + 1];
        let mut k = 0;
        for (i, r) in rank.iter_mut().enumerate() {
            while k < chars.len() && (chars[k] as usize) < i {
                k += 1;
            }
            *r = k as u16;
        }
        Ok(Static {
            rank,
            chars,
            cum,
            lut,
            shift,
        })
    }

    /// A character above `lo` (`None`: any), as coded with this distribution.
    #[inline]
    fn code<C: Coder>(&self, c: &mut C, lo: Option<u16>, want: u16) -> Result<u16, Corrupt> {
        let first = lo.map_or(0, |lo| self.rank[lo as usize + 1] as usize);
        let base = self.cum[first];
        let total = self.cum[self.chars.len()] - base;
        if total == 0 {
            return Err(Corrupt);
        }
        let i = if C::ENCODER {
            self.chars
                .binary_search(&want)
                .expect("the first pass counted every character")
        } else {
            let v = c.target(total) + base;
            let mut i = self.lut[(v >> self.shift) as usize] as usize;
            while self.cum[i + 1] <= v {
                i += 1;
            }
            i
        };
        c.consume(self.cum[i] - base, self.cum[i + 1] - self.cum[i], total);
        Ok(self.chars[i])
    }
}

/// Where the generator's report puts each coded bit.
pub(super) const PARTS: [&str; 8] = [
    "shared prefix",
    "tag",
    "length",
    "first character",
    "characters (static)",
    "characters (successors)",
    "frequency",
    "tables",
];

pub(super) struct Model {
    successors: Vec<Successors>,
    /// `None` in the first pass, which counts into `counts` instead.
    statics: Option<Vec<Static>>,
    pub counts: Vec<std::collections::BTreeMap<u16, u32>>,
    first_gap: Numbers,
    in_list: Vec<Bit>,
    walk: Vec<Bit>,
    far: Numbers,
    lcp: Unary,
    same_tag: Vec<Bit>,
    tag: Unary,
    power: Unary,
    len: Unary,
    freq: Unary,
    mantissa: Vec<Bit>,
    /// The last entry: its characters, tag and shared prefix.
    pub chars: Vec<u16>,
    prev_tag: u8,
    prev_lcp: usize,
    pub cost: [f64; 8],
}

impl Model {
    pub fn new(alphabet: usize, statics: Option<Vec<Static>>) -> Model {
        Model {
            successors: vec![Successors::default(); alphabet],
            statics,
            counts: vec![Default::default(); GROUPS],
            first_gap: Numbers::new(),
            in_list: vec![Bit::new(); 10 * 12 * TAG_GROUPS],
            walk: vec![Bit::new(); WALK * 8 * 8],
            far: Numbers::new(),
            lcp: Unary::new((MAX_LEN + 1) * 5, 8),
            same_tag: vec![Bit::new(); 4 * (NO_TAG + 1)],
            tag: Unary::new(4 * (NO_TAG + 1), 16),
            power: Unary::new(TAG_GROUPS * 6, 12),
            len: Unary::new(TAG_GROUPS * 5 * 2, 8),
            freq: Unary::new(MAX_TAGS * 6, 16),
            mantissa: vec![Bit::new(); (32 << TREE_BITS) + 32 * 32],
            chars: Vec::with_capacity(MAX_LEN),
            prev_tag: 0,
            prev_lcp: 0,
            cost: [0.0; 8],
        }
    }

    #[inline(always)]
    fn charge<C: Coder>(&mut self, c: &C, part: usize, since: &mut f64) {
        if C::ENCODER {
            let now = c.cost();
            self.cost[part] += now - *since;
            *since = now;
        }
    }

    /// A character from the static distribution of `group`, above `lo`.
    #[inline]
    fn static_char<C: Coder>(
        &mut self,
        c: &mut C,
        group: usize,
        lo: Option<u16>,
        want: u16,
    ) -> Result<u16, Corrupt> {
        match &self.statics {
            Some(tables) => tables[group].code(c, lo, want),
            None => {
                *self.counts[group].entry(want).or_default() += 1;
                Ok(want)
            }
        }
    }

    /// A character after `prev` that is among its successors, or `None`.
    #[inline]
    fn successor_char<C: Coder>(
        &mut self,
        c: &mut C,
        prev: u16,
        tag_group: usize,
        want: u16,
    ) -> Result<Option<u16>, Corrupt> {
        let list = &mut self.successors[prev as usize];
        let len = list.items.len();
        if len == 0 {
            return Ok(None);
        }
        let total = list.total;
        let listed = C::ENCODER && list.items.iter().any(|e| e.0 == want);
        let ctx =
            (log2_bucket(len as u32, 9) * 12 + log2_bucket(total, 11)) * TAG_GROUPS + tag_group;
        if !c.bit(&mut self.in_list[ctx], listed) {
            return Ok(None);
        }
        // Most frequent first: is it this one? Past the first few, the
        // position in the list as a number.
        let mut found = None;
        for (at, &(s, count)) in list.items.iter().enumerate().take(WALK) {
            let share = (count as u32 * 8 / total) as usize;
            let ctx = (at * 8 + log2_bucket(count as u32, 7)) * 8 + share.min(7);
            if c.bit(&mut self.walk[ctx], s == want) {
                found = Some((at, s));
                break;
            }
        }
        if found.is_none() {
            let want_at = if C::ENCODER {
                list.items
                    .iter()
                    .position(|e| e.0 == want)
                    .unwrap_or(0)
                    .wrapping_sub(WALK)
            } else {
                0
            };
            let at = WALK + self.far.code(c, want_at as u32)? as usize;
            found = list.items.get(at).map(|e| (at, e.0));
        }
        let (at, s) = found.ok_or(Corrupt)?;
        list.count(s, Some(at));
        Ok(Some(s))
    }

    /// How many leading characters the last entry shares with the one before.
    pub fn shared(&self) -> usize {
        self.prev_lcp
    }

    /// Codes one entry after the last (in `self.chars`), leaving its
    /// characters in `self.chars`; returns its frequency and tag.
    pub fn entry<C: Coder>(
        &mut self,
        c: &mut C,
        want: Option<&Entry>,
    ) -> Result<(u32, u8), Corrupt> {
        let mut t = c.cost();
        let want_chars: &[u16] = want.map_or(&[], |e| &e.chars);
        let prev_len = self.chars.len();

        let want_lcp = want_chars
            .iter()
            .zip(&self.chars)
            .take_while(|(a, b)| a == b)
            .count();
        // Unary in the order 1, 2, 0, 3, 4...: most words share one or two characters.
        let lcp_ctx = prev_len.min(MAX_LEN) * 5 + self.prev_lcp.min(4);
        let lcp = match self.lcp.code(
            c,
            lcp_ctx,
            [2, 0, 1].get(want_lcp).copied().unwrap_or(want_lcp),
        )? {
            0 => 1,
            1 => 2,
            2 => 0,
            n => n,
        };
        if lcp > prev_len {
            return Err(Corrupt);
        }
        self.charge(c, 0, &mut t);

        // The previous word's tag again (when they share a prefix), or one of
        // the others in unary, likelier (lower) tags first.
        let prev_tag = if lcp > 0 {
            self.prev_tag as usize
        } else {
            NO_TAG
        };
        let tag_ctx = lcp.min(3) * (NO_TAG + 1) + prev_tag;
        let want_tag = want.map_or(0, |e| e.tag as usize);
        let tag = if prev_tag != NO_TAG && c.bit(&mut self.same_tag[tag_ctx], want_tag == prev_tag)
        {
            prev_tag
        } else {
            let skip = |t: usize| {
                if prev_tag != NO_TAG && t > prev_tag {
                    t - 1
                } else {
                    t
                }
            };
            let r = self.tag.code(c, tag_ctx, skip(want_tag))?;
            if prev_tag != NO_TAG && r >= prev_tag {
                r + 1
            } else {
                r
            }
        };
        if tag >= MAX_TAGS {
            return Err(Corrupt);
        }
        let tag_group = tag.min(TAG_GROUPS - 1);
        self.charge(c, 1, &mut t);

        // The word continues the previous one (which is a prefix of it), or
        // branches off it at `lcp`.
        let branches = lcp < prev_len;
        let len_ctx = (tag_group * 5 + lcp.min(4)) * 2 + branches as usize;
        let len = lcp
            + 1
            + self
                .len
                .code(c, len_ctx, want_chars.len().wrapping_sub(lcp + 1))?;
        if len > MAX_LEN {
            return Err(Corrupt);
        }
        self.charge(c, 2, &mut t);

        let after = self.chars.get(lcp).copied();
        let first_before = self.chars.first().copied();
        self.chars.truncate(lcp);
        while self.chars.len() < len {
            let k = self.chars.len();
            let w = if C::ENCODER { want_chars[k] } else { 0 };
            let group = tag_group * 2 + (k + 1 == len) as usize;
            let ch = if k == 0 {
                let base = if branches {
                    first_before.map_or(0, |f| f as u32 + 1)
                } else {
                    0
                };
                let gap = self.first_gap.code(c, (w as u32).wrapping_sub(base))?;
                self.charge(c, 3, &mut t);
                u16::try_from(base + gap).map_err(|_| Corrupt)?
            } else if k == lcp && branches {
                // Sorted order: the new character comes after the previous word's.
                let s = self.static_char(c, group, after, w)?;
                self.charge(c, 4, &mut t);
                s
            } else {
                let prev = self.chars[k - 1];
                match self.successor_char(c, prev, tag_group, w)? {
                    Some(s) => {
                        self.charge(c, 5, &mut t);
                        s
                    }
                    None => {
                        let s = self.static_char(c, group, None, w)?;
                        self.successors[prev as usize].count(s, None);
                        self.charge(c, 5, &mut t);
                        s
                    }
                }
            };
            if (ch as usize) >= self.successors.len() {
                return Err(Corrupt);
            }
            self.chars.push(ch);
        }

        let f = want.map_or(0, |e| e.freq);
        let freq_ctx = tag.min(MAX_TAGS - 1) * 6 + len.min(5);
        let rank = self.freq.code(c, freq_ctx, freq_rank(f))?;
        let freq = match rank_freq(rank)? {
            Exact(f) => f,
            Power => {
                let want_e = if f >= EXACT_BELOW {
                    f.ilog2() as usize - 4
                } else {
                    0
                };
                let e = self.power.code(c, tag_group * 6 + len.min(5), want_e)? as u32 + 4;
                if e > 31 {
                    return Err(Corrupt);
                }
                // The bits after the leading one: the first few as a binary
                // tree (their distribution is skewed), the rest by position.
                let m_bits = (SIGNIFICANT_BITS - 1).min(e);
                let want_m = (f >> (e - m_bits)) & ((1 << m_bits) - 1);
                let mut m = 0u32;
                for i in 0..m_bits {
                    let bit = (want_m >> (m_bits - 1 - i)) & 1 == 1;
                    let ctx = if i < TREE_BITS {
                        ((e as usize) << TREE_BITS) + ((1 << i) | m as usize)
                    } else {
                        (32 << TREE_BITS) + (e as usize) * 32 + i as usize
                    };
                    m = (m << 1) | c.bit(&mut self.mantissa[ctx], bit) as u32;
                }
                ((1 << m_bits) | m) << (e - m_bits)
            }
        };
        self.charge(c, 6, &mut t);

        self.prev_tag = tag as u8;
        self.prev_lcp = lcp;
        Ok((freq, tag as u8))
    }
}

/// A frequency, as the model codes it: exact below 16, else 16 or more
/// (then its power of two and the bits after the leading one).
enum Freq {
    Exact(u32),
    Power,
}
use Freq::{Exact, Power};

/// The order in which the frequency's unary code tries values: 3 (nearly
/// half the words), 16 or more (a quarter), 2, then 4, 5, ... 15, 0, 1.
fn freq_rank(f: u32) -> usize {
    match f {
        3 => 0,
        EXACT_BELOW.. => 1,
        2 => 2,
        4..EXACT_BELOW => f as usize - 1,
        _ => 15 + f as usize,
    }
}

fn rank_freq(rank: usize) -> Result<Freq, Corrupt> {
    Ok(match rank {
        0 => Exact(3),
        1 => Power,
        2 => Exact(2),
        3..=14 => Exact(rank as u32 + 1),
        15 | 16 => Exact(rank as u32 - 15),
        _ => return Err(Corrupt),
    })
}

/// Bit length of `x`, at most `max`.
#[inline]
fn log2_bucket(x: u32, max: usize) -> usize {
    ((32 - x.leading_zeros()) as usize).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_ranks_round_trip() {
        for f in (0..40).chain([1000, 883_634, u32::MAX]) {
            let f = representable(f);
            match rank_freq(freq_rank(f)).unwrap() {
                Exact(v) => assert_eq!(v, f),
                Power => assert!(f >= EXACT_BELOW, "{f}"),
            }
        }
    }

    #[test]
    fn small_frequencies_are_exact_and_large_ones_close() {
        for f in 0..16 {
            assert_eq!(representable(f), f);
        }
        for f in [16u32, 17, 31, 33, 100, 1000, 883_634, u32::MAX / 2] {
            let r = representable(f);
            assert!((r as f64 / f as f64 - 1.0).abs() <= 1.0 / 16.0, "{f} → {r}");
            assert_eq!(representable(r), r, "{f} → {r} is stable");
        }
    }
}
