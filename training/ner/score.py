#!/usr/bin/env python3
"""Exact mention-level P/R/F1 for char-level NER files.

A mention counts as correct only if its start, end and kind all match.
Files are char-per-line, tag in the last column, blank line between
sentences; tags may be BIOES, BIO or BMES (PER/ORG/LOC, or other kinds).

  score.py GOLD PRED          two files with the same chars
  score.py GOLD_PRED          one file: char, gold tag, predicted tag
  score.py --jieba-baseline GOLD
                              score jieba's dictionary tags as a tagger
                              (nr -> PER, ns -> LOC, nt -> ORG; every such
                              word of jieba.lcut(HMM=True) is a mention)
"""
import argparse
import sys

KINDS = ("PER", "ORG", "LOC")


def read_columns(path):
    """List of sentences; each a list of the whitespace-split columns."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def mentions(tags):
    """Set of (start, end_exclusive, kind) from BIO/BIOES/BMES tags."""
    out = set()
    start, kind = None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or "-" not in t:
            if start is not None:
                out.add((start, i, kind))
            start, kind = None, None
            continue
        pos, k = t.split("-", 1)
        if pos in ("B", "S") or start is None or k != kind:
            if start is not None:
                out.add((start, i, kind))
            start, kind = i, k
        if pos in ("E", "S"):
            out.add((start, i + 1, kind))
            start, kind = None, None
    return out


class Counts:
    def __init__(self):
        self.tp, self.np, self.ng = {}, {}, {}

    def add(self, gold, pred):
        for m in gold:
            self.ng[m[2]] = self.ng.get(m[2], 0) + 1
        for m in pred:
            self.np[m[2]] = self.np.get(m[2], 0) + 1
        for m in gold & pred:
            self.tp[m[2]] = self.tp.get(m[2], 0) + 1

    def prf(self, kind=None):
        if kind is None:
            tp, np_, ng = (sum(d.values()) for d in (self.tp, self.np, self.ng))
        else:
            tp, np_, ng = self.tp.get(kind, 0), self.np.get(kind, 0), self.ng.get(kind, 0)
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp, np_, ng

    def table(self, title=""):
        lines = [f"{title:<10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>6s} {'pred':>6s} {'gold':>6s}"]
        kinds = [k for k in KINDS if k in self.ng or k in self.np]
        kinds += sorted(k for k in set(self.ng) | set(self.np) if k not in KINDS)
        for k in [None] + kinds:
            p, r, f, tp, np_, ng = self.prf(k)
            lines.append(f"{k or 'ALL':<10s} {100*p:6.2f} {100*r:6.2f} {100*f:6.2f} {tp:6d} {np_:6d} {ng:6d}")
        return "\n".join(lines)

    def summary(self):
        d = {}
        for k in (None,) + KINDS:
            p, r, f, *_ = self.prf(k)
            d[k or "ALL"] = (round(100 * p, 2), round(100 * r, 2), round(100 * f, 2))
        return d


def score_sequences(pairs):
    """pairs: iterable of (gold_tags, pred_tags)."""
    c = Counts()
    for g, p in pairs:
        c.add(mentions(g), mentions(p))
    return c


def jieba_tags(text):
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    tab = jieba.posseg.dt.word_tag_tab
    kind = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
    tags = []
    for w in jieba.lcut(text, HMM=True):
        k = kind.get(tab.get(w, "x"))
        if k is None:
            tags += ["O"] * len(w)
        elif len(w) == 1:
            tags.append("S-" + k)
        else:
            tags += ["B-" + k] + ["I-" + k] * (len(w) - 2) + ["E-" + k]
    return tags


def main():
    ap = argparse.ArgumentParser(description="exact mention-level P/R/F1")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--jieba-baseline", action="store_true")
    args = ap.parse_args()
    if args.jieba_baseline:
        gold = read_columns(args.files[0])
        pairs = []
        for s in gold:
            text = "".join(c[0][0] if c[0] else " " for c in s)
            # "_" stands for a whitespace char in our files; jieba sees "_"
            pairs.append(([c[-1] for c in s], jieba_tags(text)))
        c = score_sequences(pairs)
    elif len(args.files) == 1:
        s = read_columns(args.files[0])
        c = score_sequences(([x[1] for x in sent], [x[2] for x in sent]) for sent in s)
    else:
        g, p = read_columns(args.files[0]), read_columns(args.files[1])
        if len(g) != len(p):
            sys.exit(f"sentence counts differ: {len(g)} vs {len(p)}")
        c = score_sequences(([x[-1] for x in a], [x[-1] for x in b]) for a, b in zip(g, p))
    print(c.table(args.files[0].rsplit("/", 1)[-1][:10]))


if __name__ == "__main__":
    main()
