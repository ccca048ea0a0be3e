#!/usr/bin/env python3
"""Builds the open term lexicon, crates/engine/src/analysis/data/terms.lex.

Candidates are the multi-character words of CC-CEDICT and of THUOCL's
finance, IT and idiom lists. A candidate is kept when it is specific: rare
in general text (jieba's IDF table) or vouched for by a field (a THUOCL
domain list, a CC-CEDICT field label such as "(finance)"), and not a name,
a number or a function word (jieba's part-of-speech tags, CC-CEDICT's
capitalised readings). Each kept term carries its specificity (IDF × 10)
and its tier (field term, idiom, other), by which the engine ranks the
terms of one article. Glosses are not shipped here: cards read them from
the CC-CEDICT the app already loads.

    python3 training/terms/build.py \
        --cedict target/dict/cedict.tsv \
        --jieba ~/.cargo/registry/src/*/jieba-rs-0.11.0/src/data \
        --thuocl DIR_WITH_THUOCL_TXT \
        --out crates/engine/src/analysis/data/terms.lex

Sources and licences: training/terms/SOURCES.md.
"""
import argparse
import re
import struct
import sys
import zlib

MAGIC = b"DDTERMS\0"
ENVELOPE_VERSION = 1

# IDF below which a word is too common to explain (发展, 政府, 市场).
MIN_IDF = 8.0
# jieba's IDF corpus is rich in finance news, so the field's own words score
# lower there (市盈率 6.3, 估值 5.7) than their rarity elsewhere; a word a
# THUOCL domain list holds needs less.
MIN_IDF_DOMAIN = 5.5
# jieba's IDF table gives words it never saw no value: they are rarer than
# anything it counted.
UNSEEN_IDF = 13.0
# Tiers, ranked before specificity: a word of the reader's field (a THUOCL
# domain list or a CC-CEDICT field label vouches for it) before an idiom or
# fixed expression, before any other rare noun.
GENERAL, IDIOM, FIELD = 0, 1, 2
# jieba's tags of words that can be terms: nouns, verbal and adjectival
# nouns, abbreviations, fixed expressions and idioms (names have cards of
# their own; verbs, adverbs and function words are never terms).
TERM_TAGS = {"n", "nz", "vn", "an", "j", "l", "i"}
# CC-CEDICT's field labels of the fields dudong's readers follow (a
# neologism's label may carry its year: "(neologism c. 2019)"); an
# abbreviation (jieba's tag j) is a term too (创投, 电商).
DOMAIN_MARK = re.compile(
    r"\((?:finance|economics|computing|computer|statistics|business|law|"
    r"internet slang|internet|neologism(?: c\. \d{4})?|slang|banking|accounting|stock market|"
    r"electronics)\)", re.IGNORECASE)
# CC-CEDICT's labels of fixed expressions a learner wants explained.
IDIOM_MARK = re.compile(r"\((?:idiom|proverb)\)")
# An expression of three or more characters whose first sense is figurative
# (割韭菜, 重磅炸弹); one figurative only in a later sense is mostly read in
# its plain one (小学生), and a two-character one is often plain news
# wording (迈入, 在握).
FIGURATIVE_MARK = re.compile(r"^(?:\([a-z. ]+\) )*\(fig\.\)")
HAN = re.compile(r"^[\u3400-\u9fff]{2,8}$")
MARKUP = re.compile(r"\|?[\u3400-\u9fff]+\[[^\]]*\]|\[[^\]]*\]")


def read_cedict(path):
    """simplified word -> (gloss, is_proper)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            simp, _trad, pinyin, gloss = parts[:4]
            if not HAN.match(simp):
                continue
            proper = pinyin[:1].isupper()
            if simp in out and not out[simp][1]:
                continue  # keep the common (lower-case) reading's gloss
            out[simp] = (gloss, proper)
    return out


def clean_gloss(gloss):
    senses = []
    for sense in gloss.split(" / "):
        s = sense.strip()
        low = s.lower()
        if (not s or s.startswith("CL:") or low.startswith("see ")
                or "variant of" in low or low.startswith("surname")
                or low.startswith("also written") or low.startswith("also pr.")):
            continue
        s = MARKUP.sub(lambda m: m.group(0).split("[")[0].split("|")[-1], s)
        senses.append(s)
        if len(senses) == 2:
            break
    text = "; ".join(senses)
    return text[:90].replace("\t", " ")


def read_jieba(dir_):
    tags, idf = {}, {}
    with open(f"{dir_}/dict.txt", encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 3:
                tags[p[0]] = p[2]
    with open(f"{dir_}/idf.txt", encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) == 2:
                idf[p[0]] = float(p[1])
    return tags, idf


def read_thuocl(dir_, names):
    words = set()
    for name in names:
        with open(f"{dir_}/THUOCL_{name}.txt", encoding="utf-8") as f:
            for line in f:
                w = line.split()[0] if line.split() else ""
                if HAN.match(w):
                    words.add(w)
    return words


def envelope(payload):
    return (MAGIC + struct.pack("<III", ENVELOPE_VERSION, len(payload),
                                zlib.crc32(payload) & 0xFFFFFFFF) + payload)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cedict", required=True)
    ap.add_argument("--jieba", required=True)
    ap.add_argument("--thuocl", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    cedict = read_cedict(a.cedict)
    tags, idf = read_jieba(a.jieba)
    domain = read_thuocl(a.thuocl, ["caijing", "IT"])
    finance = read_thuocl(a.thuocl, ["caijing"])
    idioms = read_thuocl(a.thuocl, ["chengyu"])

    kept = {}
    for word in set(cedict) | domain | idioms:
        gloss, proper = cedict.get(word, ("", False))
        tag = tags.get(word)
        if proper or (gloss and clean_gloss(gloss) == ""):
            continue  # a name, or only variants and cross-references
        vouched = word in domain or DOMAIN_MARK.search(gloss) is not None
        if tag is None:
            # jieba does not know it: CC-CEDICT also lists phrases (历史上,
            # 从来没有) and THUOCL company names (南国置业); keep only what a
            # domain list or a field label vouches for, with a gloss or from
            # the finance list.
            keep = vouched and (bool(gloss) or word in finance)
        else:
            keep = tag in TERM_TAGS
        fixed = IDIOM_MARK.search(gloss) or (len(word) >= 3 and FIGURATIVE_MARK.match(gloss))
        if gloss and (word in idioms or fixed):
            keep = True  # a fixed expression, whether jieba knows it or not
        specificity = idf.get(word, UNSEEN_IDF)
        floor = MIN_IDF_DOMAIN if vouched else MIN_IDF
        if keep and specificity >= floor:
            if vouched:
                tier = FIELD
            elif word in idioms or tag in ("i", "l") or fixed:
                tier = IDIOM
            else:
                tier = GENERAL
            kept[word] = (round(specificity * 10), tier)

    lines = [f"{w}\t{s}\t{t}" for w, (s, t) in sorted(kept.items())]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    with open(a.out, "wb") as f:
        f.write(envelope(payload))
    print(f"{len(kept)} terms, "
          f"{len(payload)} bytes, {len(zlib.compress(payload, 9))} deflated",
          file=sys.stderr)


if __name__ == "__main__":
    main()
