#!/usr/bin/env python3
"""Train the dudong NER CRF with python-crfsuite and measure it.

Reads the BIOES files written by prepare.py, extracts features with
features.py (variant C = char only, W = + jieba word/POS, W2 = + word
identity), trains L-BFGS with L1/L2 (c1/c2), then tags the dev file and any
--eval files and prints exact mention-level P/R/F1 (score.py).

Example:
  python3 train.py --variant C --c1 0.3 --c2 0.01 --out out/ner.crfsuite
"""
import argparse
import gzip
import json
import os
import random
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


def featurize(text, variant, drop):
    feats = features.sentence_features(text, variant)
    if drop:
        feats = [[f for f in fs if not f.startswith(drop)] for fs in feats]
    return feats


def evaluate(tagger, data, variant, drop, pred_path=None):
    pairs = []
    out = open(pred_path, "w", encoding="utf-8") if pred_path else None
    for text, gold in data:
        pred = tagger.tag(featurize(text, variant, drop))
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
    args = ap.parse_args()
    drop = tuple(args.drop)

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
    nchar = 0
    for text, tags in data:
        trainer.append(featurize(text, args.variant, drop), tags)
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
                     os.path.join(args.pred_dir, f"{name}.{tag}.tsv"))
        print(c.table(name) + f"\n(tagged in {time.time() - t2:.0f}s)", flush=True)
        results[name] = c.summary()

    losses = {it["num"]: round(it["loss"], 1) for it in trainer.logparser.iterations
              if it["num"] % 25 == 0 or it is trainer.logparser.iterations[-1]}
    rec = dict(tag=tag, variant=args.variant, c1=args.c1, c2=args.c2,
               max_iter=args.max_iter, minfreq=args.minfreq, drop=list(drop),
               train=args.train, subsample=args.subsample, sentences=len(data),
               chars=nchar, iterations=len(trainer.logparser.iterations),
               feat_s=round(t_feat), train_s=round(t_train), state_features=n_attr_feats,
               raw_bytes=raw, gz_bytes=gz, model=args.out, loss_by_iter=losses,
               results=results)
    with open(args.log, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
