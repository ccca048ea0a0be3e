//! The entropy coder of the dictionary file: a range coder with LZMA's
//! carry scheme (32-bit range, bytes out), for adaptive binary decisions
//! (one multiplication each) and for symbols of static frequency tables.
//!
//! Not the share-link coder (`crate::share::rangecoder`): that one is frozen
//! with format 1 of links and divides for every symbol, while start-up
//! decodes some five million decisions here, nearly all of them bits.
//!
//! The model is written once, generic over [`Coder`]: the encoder is handed
//! the value to code and returns it; the decoder ignores that argument and
//! returns what it reads. So the two cannot drift apart.

/// The stream does not decode (it was not written by this encoder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

/// An adaptive binary decision: the probability of a 1 in 16 bits, moved
/// 1/32 of the way towards each outcome (kept within [31, 65504] so that
/// neither outcome becomes impossible).
#[derive(Clone, Copy)]
pub(super) struct Bit {
    p: u16,
}

impl Bit {
    pub const fn new() -> Bit {
        Bit { p: 32768 }
    }

    #[inline(always)]
    fn update(&mut self, bit: bool) {
        if bit {
            self.p += (65504 - self.p) >> 5;
        } else {
            self.p -= (self.p - 31) >> 5;
        }
    }
}

pub(super) trait Coder {
    /// Whether this is the encoder (the model then knows the values it codes).
    const ENCODER: bool;
    /// Codes `bit` (encoder) or reads one (decoder) with `m`'s probability,
    /// then adapts `m`.
    fn bit(&mut self, m: &mut Bit, bit: bool) -> bool;
    /// Decoder: where in `[0, total)` the next symbol lies (to look it up
    /// in the table). Encoder: nothing, 0.
    fn target(&mut self, total: u32) -> u32;
    /// The symbol's interval `[cum, cum + freq)` of `total` (after `target`).
    fn consume(&mut self, cum: u32, freq: u32, total: u32);
    /// Bits written so far, for the generator's breakdown (encoder only).
    fn cost(&self) -> f64 {
        0.0
    }
}

/// Largest total a frequency table may have (the range keeps 24 bits, so
/// every symbol keeps at least 8 bits of precision).
pub(super) const MAX_TOTAL: u32 = 1 << 16;

pub(super) struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
    /// -log2 of the probabilities coded so far.
    cost: f64,
}

impl Encoder {
    pub fn new() -> Encoder {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            pending: 1,
            out: Vec::new(),
            cost: 0.0,
        }
    }

    fn shift_low(&mut self) {
        if (self.low as u32) < 0xFF00_0000 || (self.low >> 32) != 0 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    #[inline]
    fn normalize(&mut self) {
        while self.range < (1 << 24) {
            self.range <<= 8;
            self.shift_low();
        }
    }

    pub fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        // The scheme's first byte is always 0; the decoder starts past it.
        self.out.remove(0);
        self.out
    }
}

impl Coder for Encoder {
    const ENCODER: bool = true;

    #[inline]
    fn bit(&mut self, m: &mut Bit, bit: bool) -> bool {
        let p1 = m.p as u32;
        let bound = (self.range >> 16) * p1;
        if bit {
            self.range = bound;
            self.cost -= (p1 as f64 / 65536.0).log2();
        } else {
            self.low += bound as u64;
            self.range -= bound;
            self.cost -= (1.0 - p1 as f64 / 65536.0).log2();
        }
        self.normalize();
        m.update(bit);
        bit
    }

    fn target(&mut self, _total: u32) -> u32 {
        0
    }

    fn consume(&mut self, cum: u32, freq: u32, total: u32) {
        assert!(
            freq > 0 && cum + freq <= total && total <= MAX_TOTAL,
            "interval {cum}+{freq} of {total}"
        );
        self.cost -= (freq as f64 / total as f64).log2();
        let r = self.range / total;
        self.low += (r * cum) as u64;
        self.range = r * freq;
        self.normalize();
    }

    fn cost(&self) -> f64 {
        self.cost
    }
}

/// Codes nothing: runs the model to see which symbols it would code where
/// (the generator's first pass, which sizes the static tables).
pub(super) struct Probe;

impl Coder for Probe {
    const ENCODER: bool = true;
    fn bit(&mut self, m: &mut Bit, bit: bool) -> bool {
        m.update(bit);
        bit
    }
    fn target(&mut self, _total: u32) -> u32 {
        0
    }
    fn consume(&mut self, _cum: u32, _freq: u32, _total: u32) {}
}

pub(super) struct Decoder<'a> {
    code: u32,
    range: u32,
    /// `range / total` of the symbol being decoded.
    r: u32,
    data: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(data: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder {
            code: 0,
            range: u32::MAX,
            r: 1,
            data,
            pos: 0,
        };
        for _ in 0..4 {
            d.code = (d.code << 8) | d.next_byte() as u32;
        }
        d
    }

    /// Bytes past the end read as zeros (the encoder drops none it needs).
    #[inline(always)]
    fn next_byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    #[inline(always)]
    fn normalize(&mut self) {
        while self.range < (1 << 24) {
            self.range <<= 8;
            self.code = (self.code << 8) | self.next_byte() as u32;
        }
    }

    /// Whether the decoder read far past the end: the stream was cut short.
    pub fn overran(&self) -> bool {
        self.pos > self.data.len() + 4
    }
}

impl Coder for Decoder<'_> {
    const ENCODER: bool = false;

    #[inline(always)]
    fn bit(&mut self, m: &mut Bit, _bit: bool) -> bool {
        let bound = (self.range >> 16) * m.p as u32;
        let bit = self.code < bound;
        if bit {
            self.range = bound;
        } else {
            self.code -= bound;
            self.range -= bound;
        }
        self.normalize();
        m.update(bit);
        bit
    }

    #[inline(always)]
    fn target(&mut self, total: u32) -> u32 {
        self.r = self.range / total;
        (self.code / self.r).min(total - 1)
    }

    #[inline(always)]
    fn consume(&mut self, cum: u32, freq: u32, _total: u32) {
        self.code = self.code.wrapping_sub(self.r * cum);
        self.range = self.r * freq;
        self.normalize();
    }
}

/// Small numbers in unary, one adaptive bit per step and context ("more
/// than i?"), so the likely small values cost one or two cheap decisions;
/// from `cap` on, the rest as a [`Numbers`].
pub(super) struct Unary {
    cap: usize,
    steps: Vec<Bit>,
    tail: Numbers,
}

impl Unary {
    pub fn new(contexts: usize, cap: usize) -> Unary {
        Unary {
            cap,
            steps: vec![Bit::new(); contexts * cap],
            tail: Numbers::new(),
        }
    }

    #[inline]
    pub fn code<C: Coder>(&mut self, c: &mut C, ctx: usize, want: usize) -> Result<usize, Corrupt> {
        let steps = &mut self.steps[ctx * self.cap..(ctx + 1) * self.cap];
        for (i, step) in steps.iter_mut().enumerate() {
            if !c.bit(step, want > i) {
                return Ok(i);
            }
        }
        let rest = self.tail.code(c, want.wrapping_sub(self.cap) as u32)? as usize;
        Ok(self.cap + rest)
    }
}

/// Whole numbers, Elias-gamma style: the bit length in unary with adaptive
/// bits, then the bits below the leading one, the top few adaptive.
pub(super) struct Numbers {
    length: [Bit; 32],
    mantissa: [[Bit; 4]; 32],
}

impl Numbers {
    pub fn new() -> Numbers {
        Numbers {
            length: [Bit::new(); 32],
            mantissa: [[Bit::new(); 4]; 32],
        }
    }

    pub fn code<C: Coder>(&mut self, c: &mut C, want: u32) -> Result<u32, Corrupt> {
        let v = want.wrapping_add(1);
        let n = 32 - v.leading_zeros();
        let mut k = 1;
        while c.bit(&mut self.length[k as usize], k < n) {
            k += 1;
            if k == 32 {
                return Err(Corrupt);
            }
        }
        let mut r = 1u32;
        for i in (0..k - 1).rev() {
            let depth = (k - 2 - i) as usize;
            let bit = (v >> i) & 1 == 1;
            let b = if depth < 4 {
                c.bit(&mut self.mantissa[k as usize][depth], bit)
            } else {
                let mut even = Bit::new();
                c.bit(&mut even, bit)
            };
            r = (r << 1) | b as u32;
        }
        Ok(r - 1)
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

    /// A random mix of bits, unary numbers, whole numbers and table symbols;
    /// the decoder draws the same kinds and contexts and must read back the
    /// values the encoder wrote.
    fn run<C: Coder>(c: &mut C, seed: u64, values: &[u32]) -> Vec<u32> {
        let mut seed = seed;
        let mut bits = [Bit::new(); 4];
        let mut unary = Unary::new(3, 5);
        let mut numbers = Numbers::new();
        let table = [5u32, 1, 30, 7, 1000];
        let cum: Vec<u32> = table
            .iter()
            .scan(0, |acc, &f| {
                let c = *acc;
                *acc += f;
                Some(c)
            })
            .collect();
        let total: u32 = table.iter().sum();
        let mut out = Vec::new();
        for &want in values {
            let kind = lcg(&mut seed) % 4;
            let ctx = (lcg(&mut seed) % 3) as usize;
            out.push(match kind {
                0 => c.bit(&mut bits[ctx], want % 2 == 1) as u32,
                1 => unary.code(c, ctx, want as usize % 12).unwrap() as u32,
                2 => numbers.code(c, want).unwrap(),
                _ => {
                    let s = want as usize % table.len();
                    let v = c.target(total);
                    let s = if C::ENCODER {
                        s
                    } else {
                        cum.iter().rposition(|&x| x <= v).unwrap()
                    };
                    c.consume(cum[s], table[s], total);
                    s as u32
                }
            });
        }
        out
    }

    #[test]
    fn decodes_what_was_encoded() {
        for trial in 0..60u64 {
            let mut seed = trial * 7 + 1;
            let n = (lcg(&mut seed) % 4000) as usize;
            let values: Vec<u32> = (0..n)
                .map(|_| {
                    let skewed = !lcg(&mut seed).is_multiple_of(5);
                    if skewed {
                        (lcg(&mut seed) % 2) as u32
                    } else {
                        (lcg(&mut seed) % (1 << (lcg(&mut seed) % 32))) as u32
                    }
                })
                .collect();
            let mut enc = Encoder::new();
            let written = run(&mut enc, trial, &values);
            let bytes = enc.finish();
            let mut dec = Decoder::new(&bytes);
            let read = run(&mut dec, trial, &vec![0; n]);
            assert_eq!(read, written, "trial {trial}");
            assert!(!dec.overran());
        }
    }

    #[test]
    fn an_empty_stream_is_empty() {
        assert!(Encoder::new().finish().len() <= 4);
    }
}
