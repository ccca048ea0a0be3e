#!/usr/bin/env python3
"""Builds crates/engine/src/pinyin/polyphones.tsv: the context table that picks the reading
of a polyphonic character (see crates/engine/src/pinyin/mod.rs for how it is read).

    python3 training/pinyin/build_polyphones.py --corpora /work/corpora/cpp \
        [--dict target/dict/cedict.tsv] [--cv] [--out crates/engine/src/pinyin/polyphones.tsv]

Training data (see SOURCES.md): sentences with one character marked as
`▁X▁` and a label file with its numbered pinyin (`xing2`), one line each.
The CPP test split is never read here.

Model: a decision list per character (after Yarowsky's homograph lists).
Each training case yields a few context features (neighbouring characters,
and the reading CC-CEDICT gives the longest dictionary word around the
character); every feature seen often enough keeps its majority reading and a
score, a smoothed precision. Reading a character means taking the
highest-scoring feature that fires, or the character's default reading (its
majority in the data) when no feature beats that default. --cv reports a
two-fold cross-validation on CPP dev (the rest of the data always trains).
Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import math
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# ---- the same rules as crates/engine/src/pinyin/mod.rs (keep in step) --------------------

def marks_to_numbered(syl: str) -> str:
    """`xíng` -> `xing2`, `le` -> `le5`, `lǜ` -> `lu:4`; lower case."""
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFD", syl.lower()):
        o = ord(ch)
        if o == 0x304: tone = 1
        elif o == 0x301: tone = 2
        elif o == 0x30C: tone = 3
        elif o == 0x300: tone = 4
        elif o == 0x308: out.append(":")  # ü -> u:
        else: out.append(ch)
    return "".join(out) + str(tone)


def entry_penalty(pinyin: str, senses: str) -> int:
    """How unlikely an entry's reading is for running text (0 = ordinary)."""
    p = 0
    if pinyin[:1].isupper():
        p += 1
    parts = [s.strip() for s in senses.split(" / ") if s.strip()]
    def all_(pred):
        return bool(parts) and all(pred(s) for s in parts)
    if all_(lambda s: s.startswith("surname ") or s.startswith("(surname)")):
        p += 4
    if all_(lambda s: "variant of" in s or s.startswith("see ") or s.startswith("used in ")
            or s.startswith("(archaic)") or s.startswith("(old)") or s.startswith("old variant")
            or s.startswith("Taiwan pr.") or s.startswith("(Tw)")):
        p += 3
    return p


def load_dict(path: Path, defaults=None):
    """Each headword's best reading (numbered syllables): the least penalised
    entry; among those, the one with most senses; then the one agreeing with
    most characters' default readings (`defaults`: char -> reading); then
    the first."""
    defaults = defaults or {}
    d: dict[str, list[tuple[int, list[str]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 4 or line.startswith("#"):
            continue
        simp, _trad, py, senses = f[:4]
        syls = py.split()
        nsenses = sum(1 for x in senses.split(" / ") if x.strip())
        d.setdefault(simp, []).append((entry_penalty(py, senses), syls, nsenses))
    best = {}
    for w, es in d.items():
        low = min(e[0] for e in es)
        cands = [([marks_to_numbered(x) for x in syls], n) for p, syls, n in es if p == low]
        agree = lambda num: sum(1 for c, x in zip(w, num) if defaults.get(c) == x)
        # More senses first (a rough measure of how common a reading is:
        # 便宜 piányi "cheap…" over biànyí "convenient"), then agreement.
        key = lambda cn: (cn[1], agree(cn[0]))
        num = max(cands, key=key)[0]  # max keeps the first of equals
        if len(num) == len(w):
            best[w] = num
    return best

MAX_WORD = 5

def dict_reading(best, s: str, i: int):
    """Reading of s[i] in the longest dictionary word (2..5 chars) covering it."""
    for n in range(MAX_WORD, 1, -1):
        for a in range(max(0, i - n + 1), min(i, len(s) - n) + 1):
            r = best.get(s[a:a + n])
            if r:
                return r[i - a]
    return None


def features(best, s: str, i: int) -> list[str]:
    g = lambda k: s[k] if 0 <= k < len(s) else ("^" if k < 0 else "$")
    f = [
        "L1" + g(i - 1), "R1" + g(i + 1),
        "L2" + g(i - 2) + g(i - 1), "R2" + g(i + 1) + g(i + 2),
        "LR" + g(i - 1) + g(i + 1),
    ]
    w = dict_reading(best, s, i)
    if w:
        f.append("W" + w)
    return f

# ---- training --------------------------------------------------------------

def load(prefix: Path):
    sents = Path(f"{prefix}.sent").read_text(encoding="utf-8").splitlines()
    labels = Path(f"{prefix}.lb").read_text(encoding="utf-8").splitlines()
    assert len(sents) == len(labels), prefix
    out = []
    for s, lb in zip(sents, labels):
        parts = s.split("\u2581")
        if len(parts) != 3 or len(parts[1]) != 1:
            continue
        out.append((parts[0] + parts[1] + parts[2], len(parts[0]), lb.strip()))
    return out


def corpus_defaults(cases, natural):
    """Each character's majority reading: in `natural` (CPP, whose sentences
    keep the readings' natural proportions) when it has the character, else
    in all cases (g2pL balances its readings, so its majorities mislead)."""
    tot = collections.defaultdict(collections.Counter)
    nat = collections.defaultdict(collections.Counter)
    for s, i, lb in cases:
        tot[s[i]][lb] += 1
    for s, i, lb in natural:
        nat[s[i]][lb] += 1
    out = {}
    for c, ctr in tot.items():
        src = nat.get(c) or ctr
        lab, k = src.most_common(1)[0]
        out[c] = (lab, k, sum(src.values()))
    return out


def train(cases, best, min_count, alpha, natural=()):
    counts = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    totals = collections.defaultdict(collections.Counter)
    for s, i, lb in cases:
        c = s[i]
        totals[c][lb] += 1
        for f in features(best, s, i):
            counts[c][f][lb] += 1
    model = {}
    defaults = corpus_defaults(cases, natural)
    for c, tot in totals.items():
        dlab, dn, n = defaults[c]
        dscore = (dn + alpha) / (n + 2 * alpha)
        rules = {}
        for f, ctr in counts[c].items():
            m = sum(ctr.values())
            lab, k = ctr.most_common(1)[0]
            score = k / (m + alpha)
            # Kept: rules that can change the answer (not the default's
            # reading), the single-character ones and W even when seen once.
            if score > dscore and lab != dlab and (m >= min_count or f[:2] in ("L1", "R1", "LR") or f[0] == "W"):
                rules[f] = (score, lab, k, m)
        model[c] = (dlab, dscore, rules, dn, n)
    return model


def predict(model, best, s, i):
    c = s[i]
    if c not in model:
        return None
    dlab, dscore, rules = model[c][:3]
    top = (dscore, dlab)
    for f in features(best, s, i):
        r = rules.get(f)
        if r and r[0] > top[0]:
            top = (r[0], r[1])
    return top[1]


def accuracy(model, best, cases):
    ok = sum(predict(model, best, s, i) == lb for s, i, lb in cases)
    return ok / len(cases)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=Path("/work/corpora/cpp"))
    ap.add_argument("--dict", type=Path, default=ROOT / "target/dict/cedict.tsv")
    ap.add_argument("--out", type=Path, default=ROOT / "crates/engine/src/pinyin/polyphones.tsv")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--holdout", action="store_true",
                    help="train on the even lines of CPP dev only and write the odd lines "
                         "to CORPORA/dev-odd.{sent,lb} to measure the Rust reader on")
    ap.add_argument("--min-count", type=int, default=2)  # for the two-character features
    ap.add_argument("--alpha", type=float, default=0.1)  # crates/engine/src/pinyin/mod.rs has the same ALPHA
    args = ap.parse_args()
    cpp_dev = load(args.corpora / "dev")
    extra = []
    for split in ("train", "dev", "test"):
        extra += load(args.corpora / f"g2pl.{split}")
    # Keep nothing that also appears in the CPP referee split: exact sentence
    # matches only (the referee is read for this check and nothing else).
    referee = set()
    ref = args.corpora / "test.sent"
    if ref.exists():
        referee = {l.replace("\u2581", "") for l in ref.read_text(encoding="utf-8").splitlines()}
    before = len(extra)
    extra = [c for c in extra if c[0] not in referee]
    cpp_dev_clean = [c for c in cpp_dev if c[0] not in referee]
    print(f"g2pL cases {before} -> {len(extra)} after removing referee overlaps; "
          f"CPP dev {len(cpp_dev)} -> {len(cpp_dev_clean)}", file=sys.stderr)

    def fit(cpp_part):
        cases = extra + cpp_part
        defaults = {c: d[0] for c, d in corpus_defaults(cases, cpp_part).items()}
        best = load_dict(args.dict, defaults)
        return train(cases, best, args.min_count, args.alpha, natural=cpp_part), best

    if args.cv:
        a, b = cpp_dev[0::2], cpp_dev[1::2]
        accs = []
        for tr, te in ((a, b), (b, a)):
            m, best = fit(tr)
            accs.append(accuracy(m, best, te))
        print(f"cv min_count={args.min_count} alpha={args.alpha}: "
              f"{accs[0]:.4f} {accs[1]:.4f} mean {sum(accs)/2:.4f}")
        return
    if args.holdout:
        sents = (args.corpora / "dev.sent").read_text(encoding="utf-8").splitlines()
        labels = (args.corpora / "dev.lb").read_text(encoding="utf-8").splitlines()
        (args.corpora / "dev-odd.sent").write_text("".join(l + "\n" for l in sents[1::2]), encoding="utf-8")
        (args.corpora / "dev-odd.lb").write_text("".join(l + "\n" for l in labels[1::2]), encoding="utf-8")
        model, best = fit([c for c in cpp_dev[0::2] if c[0] not in referee])
        write(model, dict_defaults(best, model), args.out)
        return
    model, best = fit(cpp_dev_clean)
    write(model, dict_defaults(best, model), args.out)


def dict_defaults(best, model):
    """For characters the corpora do not cover: the reading they have in the
    most CC-CEDICT words (two characters or more), when they have several."""
    uses = collections.defaultdict(collections.Counter)
    for w, syls in best.items():
        if len(w) < 2:
            continue
        for c, s in zip(w, syls):
            uses[c][s] += 1
    out = {}
    for c, ctr in uses.items():
        if c in model or len(ctr) < 2:
            continue
        out[c] = ctr.most_common(1)[0][0]
    return out


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


HEADER = """# dudong polyphones v1
# Readings of polyphonic characters in context, for crates/engine/src/pinyin/mod.rs.
# Built by training/pinyin/build_polyphones.py from the CPP dev split and the
# g2pL corpus (both Apache-2.0) and CC-CEDICT (CC BY-SA 4.0); see
# training/pinyin/SOURCES.md. One line per character:
#   char<TAB>default k/n<TAB>rule<TAB>rule...
# default: numbered pinyin, right in k of the n training cases (no k/n: the
# reading the character has in most CC-CEDICT words). A rule is
# FEATURE<SPACE>reading<SPACE>k/m: seen m times, with this reading k times.
# FEATURE is L1/R1 + the character before/after, L2/R2 + the two before/after,
# LR + the one before and the one after (^ and $ past the sentence's ends), or
# W + the reading of the longest CC-CEDICT word around the character.
# The last line is #end<TAB>lines<TAB>FNV-1a 64 of the lines above it that
# do not start with # (each with its newline), in hex.
"""


def write(model, defaults, out: Path):
    lines = []
    for c in sorted(model):
        dlab, dscore, rules, dk, n = model[c]
        fields = [c, f"{dlab} {dk}/{n}"]
        for f, (score, lab, k, m) in sorted(rules.items(), key=lambda kv: (-kv[1][0], kv[0])):
            if any(ch in f for ch in "\t\r\n"):
                continue
            fields.append(f"{f} {lab} {k}/{m}")
        lines.append("\t".join(fields))
    for c in sorted(defaults):
        lines.append(f"{c}\t{defaults[c]}")
    body = "".join(l + "\n" for l in lines)
    digest = fnv1a64(body.encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(HEADER + body + f"#end\t{len(lines)}\t{digest:016x}\n", encoding="utf-8")
    print(f"wrote {out}: {len(lines)} lines, {out.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
