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

Class features (variant W4 adds them after W2's), from a map of normalised
chars to classes 0..255 (clusters.py). G(j) = '^' for j < 0, '$' for
j >= len, '-' for a char without a class, else chr(0x100 + class):
  "g-1:"+G(i-1)  "g0:"+G(i)  "g1:"+G(i+1)  "gb-1:"+G(i-1)+G(i)  "gb0:"+G(i)+G(i+1)

Lexicon features (variant W3 adds them after W2's), from a lexicon of
names seen in training (a map from string to one kind, P, O or L; strings
of 2 to LEX_MAX chars, see train.py for how it is built). Over the
ORIGINAL chars: from each start j, the longest lexicon string s starting
at j, if any (lengths LEX_MAX down to 2). For each such match covering i,
with q = 'B' at its first char, 'E' at its last, else 'M':
  "x:"+kind+q
in the order of the matches' starts, each string once per char.

Usage:
  features.py --dump "句子" [--variant C|W|W2|W3|W4 --lexicon NAMES.tsv --classes CLASSES.tsv]
  features.py --dump-bio sample-msra-dev.bio --n 2 [--variant ... --lexicon ... --classes ...]
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

VARIANTS = ("C", "W", "W2", "W3", "W4")
LEX_MAX = 8


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


def lexicon_features(text, lexicon):
    """Variant W3's extra features per char; `lexicon` maps str -> kind."""
    L = len(text)
    out = [[] for _ in range(L)]
    for j in range(L):
        for n in range(min(LEX_MAX, L - j), 1, -1):
            kind = lexicon.get(text[j:j + n])
            if kind is None:
                continue
            for k in range(n):
                q = "B" if k == 0 else ("E" if k == n - 1 else "M")
                f = "x:" + kind + q
                if f not in out[j + k]:
                    out[j + k].append(f)
            break
    return out


def class_features(chars, classes):
    """Variant W4's extra features per char; `classes` maps a normalised
    char to its class (an int, clusters.py)."""
    L = len(chars)
    g = [classes.get(norm_char(c)) for c in chars]

    def G(j):
        if j < 0:
            return "^"
        if j >= L:
            return "$"
        return "-" if g[j] is None else chr(0x100 + g[j])

    out = []
    for i in range(L):
        a, b, c = G(i - 1), G(i), G(i + 1)
        out.append(["g-1:" + a, "g0:" + b, "g1:" + c, "gb-1:" + a + b, "gb0:" + b + c])
    return out


def read_classes(path):
    """The classes file clusters.py wrote (char<TAB>class) as {char: class}."""
    with open(path, encoding="utf-8") as f:
        return {c: int(k) for c, k in (line.rstrip("\n").split("\t") for line in f if line.strip())}


def sentence_features(text, variant="C", lexicon=None, classes=None):
    feats = char_features(list(text))
    if variant in ("W", "W2", "W3", "W4"):
        for f, g in zip(feats, word_features(text, with_word=(variant != "W"))):
            f.extend(g)
    if variant == "W3":
        for f, g in zip(feats, lexicon_features(text, lexicon or {})):
            f.extend(g)
    if variant == "W4":
        for f, g in zip(feats, class_features(list(text), classes or {})):
            f.extend(g)
    return feats


def dump(text, variant, lexicon=None, classes=None, out=sys.stdout):
    for c, f in zip(text, sentence_features(text, variant, lexicon, classes)):
        out.write(c + "\t" + "\t".join(f) + "\n")


def main():
    ap = argparse.ArgumentParser(description="dump CRF features of a sentence")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--dump", metavar="SENTENCE")
    g.add_argument("--dump-bio", metavar="FILE")
    ap.add_argument("--n", type=int, default=2)
    ap.add_argument("--variant", choices=VARIANTS, default="C")
    ap.add_argument("--lexicon", help="W3: the names file train.py wrote (name<TAB>kind)")
    ap.add_argument("--classes", help="W4: the classes file clusters.py wrote (char<TAB>class)")
    args = ap.parse_args()
    lexicon, classes = {}, {}
    if args.lexicon:
        with open(args.lexicon, encoding="utf-8") as f:
            lexicon = dict(line.rstrip("\n").split("\t") for line in f if line.strip())
    if args.classes:
        classes = read_classes(args.classes)
    if args.dump is not None:
        dump(args.dump, args.variant, lexicon, classes)
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
        dump(text, args.variant, lexicon, classes)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
