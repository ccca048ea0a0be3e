#!/usr/bin/env python3
"""Character classes for the name model's W4 features, learned without labels.

Characters that appear in the same neighbourhoods (their left and right
neighbours, two each side) get the same class: rare given-name characters
with common ones, place-name endings together, and so on. The model can
then use what it learned about a frequent character for a rare one of the
same class, which is where its recall is weakest.

How: counts of (character, neighbour at offset d) over the training text
only (never a dev or referee file), positive pointwise mutual information,
a truncated SVD to DIMS dimensions, rows normalised, then k-means (k-means++
start, fixed seed) into CLASSES classes. Characters seen fewer than MIN_COUNT
times get no class.

    python3 clusters.py [--train /work/corpora/ner/train.bioes] [--out F]

Writes `char<TAB>class` lines (class 0..CLASSES-1), sorted by character.
"""
import argparse
import os
import sys
from collections import Counter

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features  # noqa: E402
import train  # noqa: E402

DIMS = 64
CLASSES = 256
MIN_COUNT = 3
OFFSETS = (-2, -1, 1, 2)
CONTEXTS = 3000  # the most frequent neighbours kept as context columns


def kmeans(x, k, rng, iterations=30):
    n = x.shape[0]
    centres = [x[rng.integers(n)]]
    dist = np.full(n, np.inf)
    for _ in range(1, k):
        dist = np.minimum(dist, ((x - centres[-1]) ** 2).sum(1))
        centres.append(x[rng.choice(n, p=dist / dist.sum())])
    c = np.array(centres)
    for _ in range(iterations):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                v = members.mean(0)
                c[j] = v / (np.linalg.norm(v) + 1e-12)
    return np.argmax(x @ c.T, axis=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default=f"{train.CORPORA}/train.bioes")
    ap.add_argument("--out", default=f"{train.CORPORA}/char-classes.tsv")
    args = ap.parse_args()
    sents = [[features.norm_char(c) for c in text] for text, _ in train.read_bioes(args.train)]
    counts = Counter(c for s in sents for c in s)
    vocab = sorted(c for c, n in counts.items() if n >= MIN_COUNT)
    row = {c: i for i, c in enumerate(vocab)}
    top = [c for c, _ in counts.most_common(CONTEXTS)] + ["^", "$"]
    col = {(d, c): j for j, (d, c) in enumerate((d, c) for d in OFFSETS for c in top)}
    m = np.zeros((len(vocab), len(col)), dtype=np.float64)
    for s in sents:
        n = len(s)
        for i, c in enumerate(s):
            r = row.get(c)
            if r is None:
                continue
            for d in OFFSETS:
                j = i + d
                ctx = "^" if j < 0 else ("$" if j >= n else s[j])
                k = col.get((d, ctx))
                if k is not None:
                    m[r, k] += 1
    total = m.sum()
    pmi = np.log((m * total) / (m.sum(1, keepdims=True) * m.sum(0, keepdims=True) + 1e-12) + 1e-12)
    ppmi = np.where(m > 0, np.maximum(pmi, 0), 0)
    u, sv, _ = np.linalg.svd(ppmi, full_matrices=False)
    x = u[:, :DIMS] * np.sqrt(sv[:DIMS])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    assign = kmeans(x, CLASSES, np.random.default_rng(1))
    with open(args.out, "w", encoding="utf-8") as f:
        for c, a in zip(vocab, assign):
            f.write(f"{c}\t{a}\n")
    print(f"{len(vocab)} characters in {CLASSES} classes -> {args.out}")
    for a in range(5):
        print(a, "".join(c for c, b in zip(vocab, assign) if b == a)[:60])


if __name__ == "__main__":
    main()
