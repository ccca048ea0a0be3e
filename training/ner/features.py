#!/usr/bin/env python3
"""Feature extraction for the dudong NER CRF (python side; Rust mirrors it).

SPEC (every feature has weight 1.0; strings are joined with no separator)

Sentence = a list of chars (Unicode scalar values).

Normalisation of each char c -> n:
  * ASCII digits 0-9 and full-width digits U+FF10-U+FF19  -> '0'
  * ASCII letters A-Z a-z and full-width letters U+FF21-U+FF3A,
    U+FF41-U+FF5A                                        -> 'a'
  * any char with the Unicode White_Space property (the same set as Rust's
    char::is_whitespace; see WHITESPACE below)           -> '_'
  * every other char unchanged.
n[j] is the normalised char at j, with n[j] = '^' for j < 0 and '$' for
j >= len.

Class cls(j):
  '^' for j < 0, '$' for j >= len,
  'H' if the ORIGINAL char is in U+4E00-U+9FFF or U+3400-U+4DBF,
  else 'D' if n[j] == '0', else 'L' if n[j] == 'a', else 'P'.

Char features at position i (variant C), in this order:
  "bias"
  "c-2:"+n[i-2]  "c-1:"+n[i-1]  "c0:"+n[i]  "c1:"+n[i+1]  "c2:"+n[i+2]
  "b-2:"+n[i-2]+n[i-1]  "b-1:"+n[i-1]+n[i]  "b0:"+n[i]+n[i+1]  "b1:"+n[i+1]+n[i+2]
  "s:"+n[i-1]+n[i+1]
  "k:"+cls(i-1)+cls(i)+cls(i+1)

Word features (variant W adds them after the char features), from
jieba.lcut(original_sentence, HMM=True).  For the word w covering i:
  t = jieba.posseg.dt.word_tag_tab.get(w, "x")   (dictionary tag only)
  p = 'S' if len(w) == 1 else 'B' at its first char, 'E' at its last, else 'M'
  "w:"+p
  "wt:"+p+t
Variant W2 also adds, when 2 <= len(w) <= 4 and t != "x":
  "wd:"+w

Usage:
  features.py --dump "句子" [--variant C|W|W2]
  features.py --dump-bio sample-msra-dev.bio --n 2 [--variant ...]
prints one line per char: the char, then its features, tab-separated
(--dump-bio: the first N sentences of a char<TAB>tag file, a blank line
after each sentence).
"""
import argparse
import sys

# Unicode White_Space property (identical to Rust's char::is_whitespace).
WHITESPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)

VARIANTS = ("C", "W", "W2")


def norm_char(c):
    o = ord(c)
    if 0x30 <= o <= 0x39 or 0xFF10 <= o <= 0xFF19:
        return "0"
    if 0x41 <= o <= 0x5A or 0x61 <= o <= 0x7A or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return "a"
    if c in WHITESPACE:
        return "_"
    return c


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def char_features(chars):
    """Variant C features: a list (one per char) of lists of strings."""
    L = len(chars)
    n = [norm_char(c) for c in chars]
    cl = ["H" if is_han(c) else ("D" if m == "0" else ("L" if m == "a" else "P"))
          for c, m in zip(chars, n)]

    def N(j):
        return "^" if j < 0 else ("$" if j >= L else n[j])

    def K(j):
        return "^" if j < 0 else ("$" if j >= L else cl[j])

    out = []
    for i in range(L):
        a, b, c, d, e = N(i - 2), N(i - 1), N(i), N(i + 1), N(i + 2)
        out.append([
            "bias",
            "c-2:" + a, "c-1:" + b, "c0:" + c, "c1:" + d, "c2:" + e,
            "b-2:" + a + b, "b-1:" + b + c, "b0:" + c + d, "b1:" + d + e,
            "s:" + b + d,
            "k:" + K(i - 1) + K(i) + K(i + 1),
        ])
    return out


_jieba = None


def _load_jieba():
    global _jieba
    if _jieba is None:
        import jieba
        import jieba.posseg
        jieba.setLogLevel(60)
        jieba.initialize()
        _jieba = (jieba, jieba.posseg.dt.word_tag_tab)
    return _jieba


def word_features(text, with_word=False):
    """Variant W (and W2 with with_word=True) extra features per char."""
    jieba, tags = _load_jieba()
    out = []
    for w in jieba.lcut(text, HMM=True):
        t = tags.get(w, "x")
        L = len(w)
        wd = "wd:" + w if with_word and 2 <= L <= 4 and t != "x" else None
        for k in range(L):
            p = "S" if L == 1 else ("B" if k == 0 else ("E" if k == L - 1 else "M"))
            f = ["w:" + p, "wt:" + p + t]
            if wd:
                f.append(wd)
            out.append(f)
    assert len(out) == len(text), "jieba lost characters"
    return out


def sentence_features(text, variant="C"):
    feats = char_features(list(text))
    if variant in ("W", "W2"):
        for f, g in zip(feats, word_features(text, with_word=(variant == "W2"))):
            f.extend(g)
    return feats


def dump(text, variant, out=sys.stdout):
    for c, f in zip(text, sentence_features(text, variant)):
        out.write(c + "\t" + "\t".join(f) + "\n")


def main():
    ap = argparse.ArgumentParser(description="dump CRF features of a sentence")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--dump", metavar="SENTENCE")
    g.add_argument("--dump-bio", metavar="FILE")
    ap.add_argument("--n", type=int, default=2)
    ap.add_argument("--variant", choices=VARIANTS, default="C")
    args = ap.parse_args()
    if args.dump is not None:
        dump(args.dump, args.variant)
        return
    sents, cur = [], []
    with open(args.dump_bio, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line:
                cur.append(line.split("\t")[0])
            elif cur:
                sents.append("".join(cur))
                cur = []
    if cur:
        sents.append("".join(cur))
    for text in sents[: args.n]:
        dump(text, args.variant)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
