#!/usr/bin/env python3
"""Train the dudong NER CRF with python-crfsuite and measure it.

Reads the BIOES files written by prepare.py, extracts features with
features.py (variant C = char only, W = + jieba word/POS, W2 = + word
identity, W3 = + a lexicon of training names, W4 = + character classes), trains L-BFGS with L1/L2 (c1/c2), then tags the dev file and any
--eval files and prints exact mention-level P/R/F1 (score.py).

Example:
  python3 train.py --variant C --c1 0.3 --c2 0.01 --out out/ner.crfsuite
"""
import argparse
import gzip
import json
import os
import random
import shutil
import sys
import time

import pycrfsuite

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features  # noqa: E402
import score  # noqa: E402

CORPORA = "/work/corpora/ner"


def read_bioes(path):
    """[(text, tags)]; '_' in a file stands for a whitespace char."""
    out = []
    for sent in score.read_columns(path):
        out.append(("".join(c[0][0] for c in sent), [c[-1] for c in sent]))
    return out


KINDS = {"PER": "P", "ORG": "O", "LOC": "L"}


def count_names(data):
    """{string: {kind letter: count}} of the mentions in `data`."""
    counts = {}
    for text, tags in data:
        for start, end, kind in score.mentions(tags):
            if 2 <= end - start <= features.LEX_MAX and kind in KINDS:
                by = counts.setdefault(text[start:end], {})
                by[KINDS[kind]] = by.get(KINDS[kind], 0) + 1
    return counts


def lexicon_of(counts, minus=None, min_count=1):
    """string -> its most frequent kind (ties: P, O, L), from `counts` less
    `minus` (a fold's own counts), keeping strings seen min_count times."""
    out = {}
    for s, by in counts.items():
        held = (minus or {}).get(s, {})
        left = {k: c - held.get(k, 0) for k, c in by.items()}
        if sum(left.values()) >= min_count:
            best = max("POL", key=lambda k: (left.get(k, 0), -"POL".index(k)))
            if left.get(best, 0) > 0:
                out[s] = best
    return out


def featurize(text, variant, drop, lexicon=None, classes=None):
    feats = features.sentence_features(text, variant, lexicon, classes)
    if drop:
        feats = [[f for f in fs if not f.startswith(drop)] for fs in feats]
    return feats


def evaluate(tagger, data, variant, drop, pred_path=None, lexicon=None, classes=None):
    pairs = []
    out = open(pred_path, "w", encoding="utf-8") if pred_path else None
    for text, gold in data:
        pred = tagger.tag(featurize(text, variant, drop, lexicon, classes))
        pairs.append((gold, pred))
        if out:
            for c, g, p in zip(text, gold, pred):
                out.write(f"{c}\t{g}\t{p}\n")
            out.write("\n")
    if out:
        out.close()
    return score.score_sequences(pairs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=features.VARIANTS, default="C")
    ap.add_argument("--train", nargs="+", default=[f"{CORPORA}/train.bioes"])
    ap.add_argument("--dev", default=f"{CORPORA}/dev.bioes")
    ap.add_argument("--eval", nargs="*", default=[],
                    help="extra files to score (referees: report only)")
    ap.add_argument("--c1", type=float, default=0.3)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--max-iter", type=int, default=150)
    ap.add_argument("--minfreq", type=float, default=0.0)
    ap.add_argument("--drop", nargs="*", default=[],
                    help="feature-name prefixes to leave out, e.g. s: b-2:")
    ap.add_argument("--subsample", type=int, default=0,
                    help="train on this many random training sentences")
    ap.add_argument("--out", default=os.path.join(HERE, "out", "ner.crfsuite"))
    ap.add_argument("--pred-dir", default=f"{CORPORA}/pred")
    ap.add_argument("--log", default=f"{CORPORA}/runs.jsonl")
    ap.add_argument("--tag", default="", help="name of this run in the log")
    ap.add_argument("--folds", type=int, default=5,
                    help="W3: training sentences get the lexicon of the other folds")
    ap.add_argument("--lex-min", type=int, default=1,
                    help="W3: a name enters the lexicon once seen this often")
    ap.add_argument("--classes", default=f"{CORPORA}/char-classes.tsv",
                    help="W4: the character classes clusters.py wrote")
    args = ap.parse_args()
    drop = tuple(args.drop)
    classes = None
    if args.variant == "W4":
        classes = features.read_classes(args.classes)
        # pack.py puts them in the model file.
        shutil.copyfile(args.classes, os.path.splitext(args.out)[0] + ".classes.tsv")

    data = []
    for p in args.train:
        data += read_bioes(p)
    if args.subsample and args.subsample < len(data):
        random.Random(1).shuffle(data)
        data = data[: args.subsample]

    t0 = time.time()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({
        "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iter,
        "feature.possible_transitions": 1, "feature.minfreq": args.minfreq,
    })
    lexicon = None
    fold_lexicons = []
    if args.variant == "W3":
        # Each training sentence sees the names of the other folds only, so
        # that the model learns how far a lexicon match can be trusted on
        # text whose names it has not all seen: as at run time.
        counts = count_names(data)
        folds = [count_names(data[f::args.folds]) for f in range(args.folds)]
        fold_lexicons = [lexicon_of(counts, folds[f], args.lex_min) for f in range(args.folds)]
        lexicon = lexicon_of(counts, None, args.lex_min)
        lex_path = os.path.splitext(args.out)[0] + ".lexicon.tsv"
        with open(lex_path, "w", encoding="utf-8") as f:
            for s in sorted(lexicon):
                f.write(f"{s}\t{lexicon[s]}\n")
        print(f"lexicon: {len(lexicon)} names -> {lex_path}", flush=True)
    nchar = 0
    for i, (text, tags) in enumerate(data):
        lex = fold_lexicons[i % args.folds] if fold_lexicons else None
        trainer.append(featurize(text, args.variant, drop, lex, classes), tags)
        nchar += len(text)
    t_feat = time.time() - t0
    print(f"train: {len(data)} sentences, {nchar} chars; features in {t_feat:.0f}s", flush=True)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    t1 = time.time()
    trainer.train(args.out)
    t_train = time.time() - t1
    last = trainer.logparser.last_iteration or {}
    raw = os.path.getsize(args.out)
    with open(args.out, "rb") as f:
        gz = len(gzip.compress(f.read(), 9))
    tagger = pycrfsuite.Tagger()
    tagger.open(args.out)
    info = tagger.info()
    n_attr_feats = len(info.state_features)
    print(f"trained in {t_train:.0f}s, {len(trainer.logparser.iterations)} iterations, "
          f"loss {last.get('loss')}, active state features {n_attr_feats}; "
          f"model {raw} bytes raw, {gz} bytes gzip -9", flush=True)

    tag = args.tag or f"{args.variant}-c1{args.c1}-c2{args.c2}"
    os.makedirs(args.pred_dir, exist_ok=True)
    results = {}
    for path in [args.dev] + args.eval:
        name = os.path.basename(path).replace(".bioes", "")
        t2 = time.time()
        c = evaluate(tagger, read_bioes(path), args.variant, drop,
                     os.path.join(args.pred_dir, f"{name}.{tag}.tsv"), lexicon, classes)
        print(c.table(name) + f"\n(tagged in {time.time() - t2:.0f}s)", flush=True)
        results[name] = c.summary()

    losses = {it["num"]: round(it["loss"], 1) for it in trainer.logparser.iterations
              if it["num"] % 25 == 0 or it is trainer.logparser.iterations[-1]}
    rec = dict(tag=tag, variant=args.variant, c1=args.c1, c2=args.c2,
               max_iter=args.max_iter, folds=args.folds, lex_min=args.lex_min, minfreq=args.minfreq, drop=list(drop),
               train=args.train, subsample=args.subsample, sentences=len(data),
               chars=nchar, iterations=len(trainer.logparser.iterations),
               feat_s=round(t_feat), train_s=round(t_train), state_features=n_attr_feats,
               raw_bytes=raw, gz_bytes=gz, model=args.out, loss_by_iter=losses,
               results=results)
    with open(args.log, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
