//! A range coder that writes digits of a chosen width: 6-bit digits (one
//! base64url character each) for links, bytes for the model file.
//!
//! LZMA's carry-propagating scheme, widened: `low` keeps a `window`-bit
//! window plus a carry bit, `range` is renormalised to at least
//! 2^(window - digit_bits). The leading digit, always zero, is never written,
//! and `finish` writes only as many digits as the decoder needs, because the
//! decoder reads zeros past the end. Integer arithmetic only: the same digits
//! on every platform, forever (format 1 depends on it; `gen_model.py` has a
//! Python copy of the encoder).

/// Which digits: `digit_bits` per digit, a `window` that is a multiple of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Radix {
    pub digit_bits: u32,
    pub window: u32,
}

/// Links: base64url characters, 60-bit window (totals up to 2^44 keep ≥ 10 bits of precision).
pub(crate) const LINK: Radix = Radix {
    digit_bits: 6,
    window: 60,
};
/// The model file: bytes, 56-bit window.
pub(crate) const BYTES: Radix = Radix {
    digit_bits: 8,
    window: 56,
};

impl Radix {
    #[inline]
    fn top(self) -> u64 {
        1 << self.window
    }
    #[inline]
    fn bot(self) -> u64 {
        1 << (self.window - self.digit_bits)
    }
    #[inline]
    fn mask(self) -> u64 {
        (1 << self.digit_bits) - 1
    }
    /// The largest total a model may use with this radix.
    #[inline]
    pub fn max_total(self) -> u64 {
        self.bot() >> 10
    }
}

pub(crate) struct Encoder {
    radix: Radix,
    low: u64,
    range: u64,
    cache: u64,
    pending: u64,
    first: bool,
    out: Vec<u8>,
}

impl Encoder {
    pub fn new(radix: Radix) -> Encoder {
        Encoder {
            radix,
            low: 0,
            range: radix.top() - 1,
            cache: 0,
            pending: 0,
            first: true,
            out: Vec::new(),
        }
    }

    /// Codes the interval [cum, cum + freq) of `total`.
    pub fn encode(&mut self, cum: u64, freq: u64, total: u64) {
        debug_assert!(
            freq > 0 && cum + freq <= total && total <= self.radix.max_total(),
            "{cum} {freq} {total}"
        );
        let r = self.range / total;
        self.low += r * cum;
        self.range = r * freq;
        while self.range < self.radix.bot() {
            self.range <<= self.radix.digit_bits;
            self.shift_low();
        }
    }

    /// `n` raw bits of `value` (n ≤ 64), most significant chunk first.
    pub fn bits(&mut self, value: u64, mut n: u32) {
        while n > 0 {
            let k = n.min(16);
            n -= k;
            self.encode((value >> n) & ((1 << k) - 1), 1, 1 << k);
        }
    }

    fn shift_low(&mut self) {
        let r = self.radix;
        if self.low < (r.mask() << (r.window - r.digit_bits)) || self.low >= r.top() {
            let carry = self.low >> r.window;
            if self.first {
                debug_assert_eq!(carry, 0);
                self.first = false;
            } else {
                self.out.push((self.cache + carry) as u8);
            }
            for _ in 0..self.pending {
                self.out.push(((r.mask() + carry) & r.mask()) as u8);
            }
            self.pending = 0;
            self.cache = (self.low >> (r.window - r.digit_bits)) & r.mask();
        } else {
            self.pending += 1;
        }
        self.low = (self.low & (r.bot() - 1)) << r.digit_bits;
    }

    /// The digits: as few as the decoder needs, since it reads zeros past the end.
    pub fn finish(mut self) -> Vec<u8> {
        let r = self.radix;
        let mut k = 1;
        let v = loop {
            let unit = 1u64 << (r.window - k * r.digit_bits);
            let v = (self.low + unit - 1) & !(unit - 1);
            if v < self.low + self.range {
                break v;
            }
            k += 1;
        };
        self.low = v;
        for _ in 0..=k {
            self.shift_low();
        }
        // Trailing zeros are implied, but strip at most k of them, so a decoder
        // never reads more than window/digit_bits digits past the end (a carry
        // can turn a run of pending digits into zeros: those stay).
        for _ in 0..k {
            if self.out.last() != Some(&0) {
                break;
            }
            self.out.pop();
        }
        self.out
    }
}

/// The stream does not decode: a symbol outside every interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

pub(crate) struct Decoder<'a> {
    radix: Radix,
    code: u64,
    range: u64,
    r: u64,
    digits: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    /// `digits` must each be below 2^digit_bits.
    pub fn new(radix: Radix, digits: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            radix,
            code: 0,
            range: radix.top() - 1,
            r: 1,
            digits,
            pos: 0,
        };
        for _ in 0..radix.window / radix.digit_bits {
            d.code = (d.code << radix.digit_bits) | d.next_digit();
        }
        d
    }

    #[inline]
    fn next_digit(&mut self) -> u64 {
        let v = self.digits.get(self.pos).copied().unwrap_or(0) as u64;
        self.pos += 1;
        v & self.radix.mask()
    }

    /// Digits read so far beyond the end of the input (zeros the decoder made up).
    pub fn overrun(&self) -> usize {
        self.pos.saturating_sub(self.digits.len())
    }

    /// The target within [0, total); then call `consume` with the symbol's interval.
    pub fn target(&mut self, total: u64) -> Result<u64, Corrupt> {
        if total == 0 || total > self.radix.max_total() {
            return Err(Corrupt);
        }
        self.r = self.range / total;
        let v = self.code / self.r;
        if v >= total {
            return Err(Corrupt);
        }
        Ok(v)
    }

    /// After `target`: the symbol found covers [cum, cum + freq), which holds the target.
    pub fn consume(&mut self, cum: u64, freq: u64) {
        self.code -= self.r * cum;
        self.range = self.r * freq;
        while self.range < self.radix.bot() {
            self.code = (self.code << self.radix.digit_bits) | self.next_digit();
            self.range <<= self.radix.digit_bits;
        }
    }

    /// A symbol of a uniform alphabet of `total` values.
    pub fn uniform(&mut self, total: u64) -> Result<u64, Corrupt> {
        let v = self.target(total)?;
        self.consume(v, 1);
        Ok(v)
    }

    /// `n` raw bits (n ≤ 64), as `Encoder::bits` wrote them.
    pub fn bits(&mut self, mut n: u32) -> Result<u64, Corrupt> {
        let mut value = 0u64;
        while n > 0 {
            let k = n.min(16);
            n -= k;
            value = (value << k) | self.uniform(1 << k)?;
        }
        Ok(value)
    }
}

/// An adaptive model of a small alphabet: counts start at 1, grow by 24 per
/// use and are halved when the total passes 2^16. (Mirrored in gen_model.py.)
#[derive(Clone)]
pub(crate) struct Adaptive {
    counts: Vec<u32>,
    total: u32,
}

impl Adaptive {
    pub fn new(n: usize) -> Adaptive {
        Adaptive {
            counts: vec![1; n],
            total: n as u32,
        }
    }

    fn update(&mut self, s: usize) {
        self.counts[s] += 24;
        self.total += 24;
        if self.total > 1 << 16 {
            self.total = 0;
            for c in &mut self.counts {
                *c = c.div_ceil(2);
                self.total += *c;
            }
        }
    }

    pub fn encode(&mut self, enc: &mut Encoder, s: usize) {
        let cum: u32 = self.counts[..s].iter().sum();
        enc.encode(cum as u64, self.counts[s] as u64, self.total as u64);
        self.update(s);
    }

    pub fn decode(&mut self, dec: &mut Decoder) -> Result<usize, Corrupt> {
        let v = dec.target(self.total as u64)? as u32;
        let mut cum = 0u32;
        for (s, &c) in self.counts.iter().enumerate() {
            if v < cum + c {
                dec.consume(cum as u64, c as u64);
                self.update(s);
                return Ok(s);
            }
            cum += c;
        }
        Err(Corrupt)
    }
}

/// Elias-gamma numbers with an adaptive model of their bit length: small
/// numbers are cheap, any u64 can be coded (value + 1 has 1..=65 bits).
#[derive(Clone)]
pub(crate) struct Numbers {
    lengths: Adaptive,
}

impl Numbers {
    pub fn new() -> Numbers {
        Numbers {
            lengths: Adaptive::new(66),
        }
    }

    /// A model of `n` lengths (numbers below 2^(n-1)), as the model file uses.
    pub fn with_lengths(n: usize) -> Numbers {
        Numbers {
            lengths: Adaptive::new(n),
        }
    }

    pub fn encode(&mut self, enc: &mut Encoder, value: u64) {
        // value + 1 may need 65 bits; code value + 1 as (length, rest) with u128.
        let v = value as u128 + 1;
        let n = 128 - v.leading_zeros();
        self.lengths.encode(enc, n as usize);
        let rest = v - (1u128 << (n - 1));
        if n - 1 > 64 {
            enc.bits((rest >> 64) as u64, n - 1 - 64);
            enc.bits(rest as u64, 64);
        } else {
            enc.bits(rest as u64, n - 1);
        }
    }

    pub fn decode(&mut self, dec: &mut Decoder) -> Result<u64, Corrupt> {
        let n = self.lengths.decode(dec)? as u32;
        if n == 0 {
            return Err(Corrupt);
        }
        let rest: u128 = if n - 1 > 64 {
            let hi = dec.bits(n - 1 - 64)? as u128;
            (hi << 64) | dec.bits(64)? as u128
        } else {
            dec.bits(n - 1)? as u128
        };
        let v = (1u128 << (n - 1)) + rest - 1;
        u64::try_from(v).map_err(|_| Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn round_trips_random_symbols_in_both_radixes() {
        for radix in [LINK, BYTES] {
            for trial in 0..500u64 {
                let mut seed = trial + 1;
                let n = (lcg(&mut seed) % 400) as usize;
                let mut syms = Vec::new();
                for _ in 0..n {
                    let total = 1 + lcg(&mut seed) % (1 << (lcg(&mut seed) % 30));
                    let total = total.min(radix.max_total());
                    let cum = lcg(&mut seed) % total;
                    let freq = 1 + lcg(&mut seed) % (total - cum);
                    syms.push((cum, freq, total));
                }
                let mut enc = Encoder::new(radix);
                for &(c, f, t) in &syms {
                    enc.encode(c, f, t);
                }
                let digits = enc.finish();
                assert!(digits.iter().all(|&d| (d as u64) <= radix.mask()));
                let mut dec = Decoder::new(radix, &digits);
                for &(c, f, t) in &syms {
                    let v = dec.target(t).unwrap();
                    assert!(v >= c && v < c + f, "trial {trial}");
                    dec.consume(c, f);
                }
            }
        }
    }

    #[test]
    fn decoders_never_read_more_than_a_window_past_the_end() {
        // Symbols biased to the top of their interval make long runs of full
        // digits, which a final carry turns into zeros; the encoder must keep
        // enough of them that the decoder's overrun stays within one window.
        for radix in [LINK, BYTES] {
            let mut worst = 0;
            for trial in 0..3000u64 {
                let mut seed = trial * 7919 + 3;
                let n = 1 + (lcg(&mut seed) % 60) as usize;
                let mut syms = Vec::new();
                for _ in 0..n {
                    let total = 2 + lcg(&mut seed) % 5000;
                    let freq = 1 + lcg(&mut seed) % 3.min(total);
                    let cum = match lcg(&mut seed) % 4 {
                        0 => 0,
                        1 => lcg(&mut seed) % (total - freq + 1),
                        _ => total - freq,
                    };
                    syms.push((cum, freq, total));
                }
                let mut enc = Encoder::new(radix);
                for &(c, f, t) in &syms {
                    enc.encode(c, f, t);
                }
                let digits = enc.finish();
                let mut dec = Decoder::new(radix, &digits);
                for (i, &(c, f, t)) in syms.iter().enumerate() {
                    let v = dec.target(t).unwrap();
                    assert!(
                        v >= c && v < c + f,
                        "trial {trial} radix {} symbol {i} of {}: {v} not in {c}+{f} of {t}; digits {digits:?}",
                        radix.digit_bits,
                        syms.len()
                    );
                    dec.consume(c, f);
                }
                worst = worst.max(dec.overrun());
                assert!(
                    dec.overrun() <= (radix.window / radix.digit_bits) as usize,
                    "trial {trial}: {}",
                    dec.overrun()
                );
            }
            assert!(worst > 0);
        }
    }

    #[test]
    fn carries_through_runs_of_full_digits() {
        // Symbols at the very top of the interval make runs of 63s that a carry must flip.
        let mut enc = Encoder::new(LINK);
        let mut syms = Vec::new();
        for i in 0..300u64 {
            let s = if i % 7 == 3 {
                (0, 1, 2)
            } else {
                (999, 1, 1000)
            };
            syms.push(s);
            enc.encode(s.0, s.1, s.2);
        }
        let digits = enc.finish();
        let mut dec = Decoder::new(LINK, &digits);
        for &(c, f, t) in &syms {
            let v = dec.target(t).unwrap();
            assert!(v >= c && v < c + f);
            dec.consume(c, f);
        }
    }

    #[test]
    fn numbers_cover_u64() {
        let values = [0u64, 1, 2, 3, 63, 64, 1 << 40, u64::MAX - 1, u64::MAX];
        let mut enc = Encoder::new(LINK);
        let mut m = Numbers::new();
        for &v in &values {
            m.encode(&mut enc, v);
        }
        let digits = enc.finish();
        let mut dec = Decoder::new(LINK, &digits);
        let mut m = Numbers::new();
        for &v in &values {
            assert_eq!(m.decode(&mut dec).unwrap(), v);
        }
    }

    #[test]
    fn empty_stream_is_empty() {
        assert!(Encoder::new(LINK).finish().is_empty());
    }
}
