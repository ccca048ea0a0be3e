#!/usr/bin/env python3
"""Writes a trained CRFsuite model as dudong's name model file
(crates/engine/src/analysis/data/ner.model), which the engine reads and runs
itself (crates/engine/src/analysis/ner/mod.rs documents the format):

    the run-time envelope (b"DDNER\\0\\0\\0", format 2, payload length, CRC-32),
    then a text payload: the feature set, the weight scale, the labels, the
    transition weights, for feature set 4 the character classes, and one
    line per attribute with its state weights.

Weights are stored as integers (weight x SCALE, rounded): a thousandth is far
below what changes a label, and integers compress better than floats.

    python3 training/ner/pack.py MODEL.crfsuite [--features 1|2|3|4] [--classes F] [--out PATH]
"""

import argparse
import struct
import zlib
from collections import defaultdict
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[2]
SCALE = 1000
FORMAT = 2


def payload(model_path: str, features: int, classes: str = "") -> bytes:
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    info = tagger.info()
    labels = sorted(info.labels, key=lambda l: int(info.labels[l]))
    index = {l: i for i, l in enumerate(labels)}
    q = lambda w: str(round(w * SCALE))
    lines = [f"features\t{features}", f"scale\t{SCALE}", "labels\t" + "\t".join(labels)]
    for a in labels:
        row = [q(info.transitions.get((a, b), 0.0)) for b in labels]
        lines.append(f"from\t{a}\t" + " ".join(row))
    if features == 4:
        # The character classes the g attributes read (clusters.py).
        rows = [l for l in Path(classes).read_text(encoding="utf-8").splitlines() if l]
        lines.append(f"classes\t{len(rows)}")
        lines.extend(rows)
    by_attr = defaultdict(list)
    for (attr, label), w in info.state_features.items():
        if round(w * SCALE) != 0:
            by_attr[attr].append((index[label], w))
    for attr in sorted(by_attr):
        if any(c in attr for c in "\t\n\r"):
            raise SystemExit(f"attribute {attr!r} has a tab or line break")
        pairs = " ".join(f"{l} {q(w)}" for l, w in sorted(by_attr[attr]))
        lines.append(f"{attr}\t{pairs}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--features", type=int, choices=(1, 2, 3, 4), default=4)
    ap.add_argument("--classes", default="",
                    help="feature set 4: the classes file (default: beside the model, .classes.tsv)")
    ap.add_argument("--out", default=str(ROOT / "crates/engine/src/analysis/data/ner.model"))
    args = ap.parse_args()
    classes = args.classes or str(Path(args.model).with_suffix(".classes.tsv"))
    body = payload(args.model, args.features, classes)
    header = b"DDNER\0\0\0" + struct.pack("<III", FORMAT, len(body), zlib.crc32(body))
    Path(args.out).write_bytes(header + body)
    print(f"{args.out}: {len(header) + len(body):,} bytes (feature set {args.features})")


if __name__ == "__main__":
    main()
