#!/usr/bin/env python3
"""Generates crates/engine/src/share/model-v1.bin, the frozen word model of share-link format 1.

Source: jieba-rs 0.11.0's src/data/dict.txt (MIT; the dictionary the app already
uses), found in the cargo registry (`cargo fetch` puts it there) or given as the
first argument. Its SHA-256 is checked, so the output is reproducible byte for
byte. Python 3.8+, standard library only:

    python3 training/share/gen_model.py [path/to/dict.txt] [-o crates/engine/src/share/model-v1.bin]

The output must never change once links exist: `tests/share.rs` and the unit
tests in crates/engine/src/share/model.rs pin its checksum. A different model is a new format
version with a new file.

What it keeps: every single-character word, and the 60,000 most frequent words
of 2..16 characters (ties broken by code point order). Each word's frequency is
kept as a level, round(4*log2(freq)), computed in integers.

Layout: b"DDSM" 1 | u32le chars | u32le words | range-coded body (8-bit digits,
56-bit window; the same coder as the links, crates/engine/src/share/rangecoder.rs):
  1. the characters the words use, ascending code points: gaps coded as
     Elias-gamma numbers (bit length from an adaptive model, then raw bits);
  2. the words in code point order, each as: characters shared with the previous
     word (adaptive model, context: previous word's length), characters that
     follow (adaptive, context: shared count), those characters as indices into
     the character list, and the level (adaptive, context: min(length, 5)).
     The first new character, when the previous word has one at that place, is
     coded as the step from it (Elias-gamma, adaptive lengths by place); the
     others by an order-1 PPM (PPMC escapes, order-0 fallback over all
     characters, counts from 1).
crates/engine/src/share/model.rs decodes it; keep the two in step.
"""
from __future__ import annotations

import glob
import hashlib
import os
import struct
import sys
import zlib

DICT_SHA256 = "139519822fe8ab9e10d9d07e68ea0451045380aedaf54ecc51e2a28c6b42a13f"
MULTI_WORDS = 100000
MAX_CHARS = 16
LEVELS = 48


class RangeEncoder:
    """Mirror of rangecoder::Encoder (digits of `digit_bits`, `window`-bit low)."""

    def __init__(self, digit_bits: int, window: int):
        self.d = digit_bits
        self.w = window
        self.top = 1 << window
        self.bot = 1 << (window - digit_bits)
        self.mask = (1 << digit_bits) - 1
        self.low = 0
        self.range = self.top - 1
        self.cache = 0
        self.pending = 0
        self.first = True
        self.out: list[int] = []

    def encode(self, cum: int, freq: int, total: int) -> None:
        assert 0 < freq and cum + freq <= total and total <= self.bot
        r = self.range // total
        self.low += r * cum
        self.range = r * freq
        while self.range < self.bot:
            self.range <<= self.d
            self.shift_low()

    def shift_low(self) -> None:
        if self.low < (self.mask << (self.w - self.d)) or self.low >= self.top:
            carry = self.low >> self.w
            if self.first:
                assert carry == 0
                self.first = False
            else:
                self.out.append(self.cache + carry)
            for _ in range(self.pending):
                self.out.append((self.mask + carry) & self.mask)
            self.pending = 0
            self.cache = (self.low >> (self.w - self.d)) & self.mask
        else:
            self.pending += 1
        self.low = (self.low & (self.bot - 1)) << self.d

    def finish(self) -> list[int]:
        k = 1
        while True:
            unit = 1 << (self.w - k * self.d)
            v = (self.low + unit - 1) & ~(unit - 1)
            if v < self.low + self.range:
                break
            k += 1
        self.low = v
        for _ in range(k + 1):
            self.shift_low()
        for _ in range(k):  # implied zeros, at most k of them
            if not self.out or self.out[-1] != 0:
                break
            self.out.pop()
        return self.out

    def bits(self, value: int, n: int) -> None:
        """Raw bits, most significant chunk first, chunks of at most 16."""
        while n > 0:
            k = min(n, 16)
            n -= k
            self.encode((value >> n) & ((1 << k) - 1), 1, 1 << k)


class Adaptive:
    """Mirror of rangecoder::Adaptive: counts start at 1, +24 per use, halved past 2^16."""

    def __init__(self, n: int):
        self.c = [1] * n
        self.total = n

    def encode(self, enc: RangeEncoder, s: int) -> None:
        enc.encode(sum(self.c[:s]), self.c[s], self.total)
        self.c[s] += 24
        self.total += 24
        if self.total > 1 << 16:
            self.c = [(x + 1) // 2 for x in self.c]
            self.total = sum(self.c)


def gamma(enc: RangeEncoder, model: Adaptive, value: int) -> None:
    v = value + 1
    n = v.bit_length()
    model.encode(enc, n)
    enc.bits(v - (1 << (n - 1)), n - 1)


class Fenwick:
    def __init__(self, n: int):
        self.n = n
        self.t = [0] * (n + 1)
        for i in range(n):
            self.add(i, 1)

    def add(self, i: int, v: int) -> None:
        i += 1
        while i <= self.n:
            self.t[i] += v
            i += i & -i

    def prefix(self, i: int) -> int:  # sum of [0, i)
        s = 0
        while i > 0:
            s += self.t[i]
            i -= i & -i
        return s


def level_of(freq: int) -> int:
    """round(2*log2(freq)) with ties up, in integers: count k >= 1 with freq^4 >= 2^(2k-1)."""
    f4 = freq ** 4
    lv = 0
    while f4 >= 1 << (2 * lv + 1):
        lv += 1
    return min(lv, LEVELS - 1)


def find_dict() -> str:
    pats = [os.path.expanduser("~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt")]
    if os.environ.get("CARGO_HOME"):
        pats.insert(0, os.path.join(os.environ["CARGO_HOME"], "registry/src/*/jieba-rs-0.11.0/src/data/dict.txt"))
    for p in pats:
        hits = sorted(glob.glob(p))
        if hits:
            return hits[0]
    sys.exit("jieba-rs 0.11.0's dict.txt not found: run `cargo fetch`, or pass its path")


def main() -> None:
    args = sys.argv[1:]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crates", "engine", "src", "share", "model-v1.bin")
    if "-o" in args:
        i = args.index("-o")
        out = args[i + 1]
        del args[i : i + 2]
    path = args[0] if args else find_dict()
    raw = open(path, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != DICT_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {DICT_SHA256} (jieba-rs 0.11.0)")

    freqs: dict[str, int] = {}
    for line in raw.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            freqs[parts[0]] = freqs.get(parts[0], 0) + int(parts[1])
    singles = [w for w, f in freqs.items() if len(w) == 1 and f > 0]
    multi = sorted(
        ((w, f) for w, f in freqs.items() if 2 <= len(w) <= MAX_CHARS and f > 0),
        key=lambda x: (-x[1], x[0]),
    )[:MULTI_WORDS]
    words = sorted(singles + [w for w, _ in multi])
    chars = sorted({c for w in words for c in w})
    index = {c: i for i, c in enumerate(chars)}

    enc = RangeEncoder(8, 56)
    gap_model = Adaptive(24)
    prev_cp = -1
    for c in chars:
        gamma(enc, gap_model, ord(c) - prev_cp - 1)
        prev_cp = ord(c)

    shared_models = [Adaptive(MAX_CHARS) for _ in range(MAX_CHARS + 1)]
    step_models = [Adaptive(24) for _ in range(MAX_CHARS)]
    tail_models = [Adaptive(MAX_CHARS) for _ in range(MAX_CHARS)]
    level_models = [Adaptive(LEVELS) for _ in range(6)]
    succ: dict[int, list[list[int]]] = {}
    order0 = Fenwick(len(chars))
    start = len(chars)  # context at the start of a word
    prev = ""
    for w in words:
        k = 0
        while k < min(len(w), len(prev)) and w[k] == prev[k]:
            k += 1
        shared_models[len(prev)].encode(enc, k)
        tail_models[k].encode(enc, len(w) - k - 1)
        ctx = index[w[k - 1]] if k > 0 else start
        for j, c in enumerate(w[k:]):
            s = index[c]
            if j == 0 and k < len(prev):
                # Sorted order: the first new character comes after the previous
                # word's character at that place; code the step.
                gamma(enc, step_models[k], s - index[prev[k]] - 1)
                ctx = s
                continue
            lst = succ.setdefault(ctx, [])
            if lst:
                tot = sum(e[1] for e in lst) + len(lst)
                cum = 0
                hit = None
                for e in lst:
                    if e[0] == s:
                        hit = e
                        break
                    cum += e[1]
                if hit is not None:
                    enc.encode(cum, hit[1], tot)
                    hit[1] += 1
                else:
                    enc.encode(tot - len(lst), len(lst), tot)
            if not lst or hit is None:
                enc.encode(order0.prefix(s), order0.prefix(s + 1) - order0.prefix(s), order0.prefix(len(chars)))
                order0.add(s, 1)
                lst.append([s, 1])
            ctx = s
        level_models[min(len(w), 5)].encode(enc, level_of(freqs[w]))
        prev = w

    body = bytes(enc.finish())
    blob = b"DDSM\x01" + struct.pack("<II", len(chars), len(words)) + body
    with open(out, "wb") as f:
        f.write(blob)
    # What crates/engine/src/share/model.rs must read back (its unit tests check this CRC).
    listing = "".join(f"{w}\t{level_of(freqs[w])}\n" for w in words).encode("utf-8")
    print(
        f"{out}: {len(blob)} bytes, file crc32 {zlib.crc32(blob):#010x}, {len(chars)} characters, "
        f"{len(words)} words ({len(singles)} single), word list crc32 {zlib.crc32(listing):#010x}, "
        f"dict sha256 {digest}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
