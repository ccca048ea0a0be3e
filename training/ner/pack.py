#!/usr/bin/env python3
"""Wraps a CRFsuite model in the envelope dudong's loader checks
(crates/engine/src/analysis/ner/mod.rs) and writes crates/engine/src/analysis/data/ner.model:

    b"DDNER\\0\\0\\0", then little-endian u32s: envelope version (1), feature
    set (1 = characters, 2 = characters and words), model length, CRC-32 of
    the model; then the model itself.

    python3 training/ner/pack.py MODEL.crfsuite [--features 1|2] [--out PATH]
"""

import argparse
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--features", type=int, choices=(1, 2), default=2)
    ap.add_argument("--out", default=str(ROOT / "crates/engine/src/analysis/data/ner.model"))
    args = ap.parse_args()
    crf = Path(args.model).read_bytes()
    if crf[:4] != b"lCRF":
        raise SystemExit(f"{args.model} is not a CRFsuite model")
    header = b"DDNER\0\0\0" + struct.pack("<IIII", 1, args.features, len(crf), zlib.crc32(crf))
    Path(args.out).write_bytes(header + crf)
    print(f"{args.out}: {len(header) + len(crf):,} bytes (feature set {args.features})")


if __name__ == "__main__":
    main()
