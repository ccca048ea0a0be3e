#!/usr/bin/env python3
"""How much of what readers want explained could the open lexicon find?

A development measure, not a test: the curated glossary's terms are the kind
of word a reader of finance and tech news wants a card for, and none of them
is put in the lexicon by hand, so the share of them that `build.py`'s rules
keep is a ceiling on the open layer's recall for such words (before ranking
and the budget drop any). Prints the share, per glossary file, and the terms
missing with where they are missing from.

    python3 training/terms/coverage.py [--cedict target/dict/cedict.tsv]
"""
import argparse
import glob
import os
import tomllib

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEXICON = f"{REPO}/crates/engine/src/analysis/data/terms.lex"
GLOSSARY = f"{REPO}/crates/engine/src/knowledge/glossary"
ENVELOPE_HEADER = 20  # magic, version, length, CRC-32


def lexicon_words():
    payload = open(LEXICON, "rb").read()[ENVELOPE_HEADER:].decode("utf-8")
    return {line.split("\t")[0] for line in payload.splitlines()}


def cedict_words(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {line.split("\t", 1)[0] for line in f}


def jieba_words():
    found = glob.glob(os.path.expanduser("~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data/dict.txt"))
    if not found:
        return None
    with open(found[0], encoding="utf-8") as f:
        return {line.split(" ", 1)[0] for line in f}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cedict", default=f"{REPO}/target/dict/cedict.tsv")
    args = ap.parse_args()
    lexicon = lexicon_words()
    cedict = cedict_words(args.cedict)
    jieba = jieba_words()
    total = kept = 0
    missing = []
    for path in sorted(glob.glob(f"{GLOSSARY}/*.toml")):
        terms = [t["term"] for t in tomllib.load(open(path, "rb"))["term"]]
        # Latin abbreviations (GDP, IPO) are not the lexicon's business: the
        # open layer looks up Chinese words only.
        terms = [t for t in terms if any("\u3400" <= c <= "\u9fff" for c in t)]
        inside = [t for t in terms if t in lexicon]
        total += len(terms)
        kept += len(inside)
        missing += [t for t in terms if t not in lexicon]
        print(f"{os.path.basename(path)}: {len(inside)} of {len(terms)} in the lexicon ({len(inside) / len(terms):.3f})")
    print(f"all: {kept} of {total} ({kept / total:.3f})")
    if cedict is not None and jieba is not None:
        nowhere = [t for t in missing if t not in cedict and t not in jieba]
        print(f"missing and in neither CC-CEDICT nor jieba's dictionary: {len(nowhere)} of {len(missing)}")
        print("  e.g. " + " ".join(nowhere[:30]))
        print("missing though a source has it (left out by build.py's rules): "
              + " ".join(t for t in missing if t not in nowhere)[:600])


if __name__ == "__main__":
    main()
