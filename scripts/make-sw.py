#!/usr/bin/env python3
"""Writes dist/sw.js, the service worker, from assets/sw.template.js.

Runs after the build (and after add-csp.py, which changes index.html): it
lists every file the build wrote, hashes each one, and fills the template's
VERSION (one hash over all of them and the template), PRECACHE (every file,
with its hash,
but the large ones) and LAZY (the large ones with their own hashes, cached
when first fetched). A build that changes any byte gets a new version, so
readers' browsers install it and replace the old cache.

    make-sw.py [DIST] [--template PATH] [--lazy NAME]...
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

SW_NAME = "sw.js"
# The card dictionary (9 MB) is cached when first needed rather than at install.
DEFAULT_LAZY = ["cedict.bin"]


def file_hashes(dist: Path) -> dict:
    hashes = {}
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        name = path.relative_to(dist).as_posix()
        if name == SW_NAME:
            continue
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return hashes


def render(template: str, hashes: dict, lazy: list) -> str:
    version = hashlib.sha256(
        (template + "".join(f"\n{name} {digest}" for name, digest in sorted(hashes.items()))).encode("utf-8")
    ).hexdigest()[:16]
    precache = {name: hashes[name] for name in sorted(hashes) if name not in lazy}
    lazy_hashes = {name: hashes[name] for name in sorted(lazy) if name in hashes}
    out = template
    for placeholder, value in (
        ("'__VERSION__'", json.dumps(version)),
        ("__PRECACHE__", json.dumps(precache, indent=2)),
        ("__LAZY__", json.dumps(lazy_hashes, indent=2)),
    ):
        if placeholder not in out:
            sys.exit(f"make-sw: the template has no {placeholder}")
        out = out.replace(placeholder, value, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", default="dist")
    parser.add_argument("--template", default=str(Path(__file__).resolve().parent.parent / "assets" / "sw.template.js"))
    parser.add_argument("--lazy", action="append", help="a large file cached when first fetched (default: cedict.bin)")
    args = parser.parse_args()
    dist = Path(args.dist)
    if not (dist / "index.html").is_file():
        sys.exit(f"make-sw: {dist}/index.html is missing: build first")
    lazy = args.lazy if args.lazy is not None else DEFAULT_LAZY
    hashes = file_hashes(dist)
    text = render(Path(args.template).read_text(encoding="utf-8"), hashes, lazy)
    (dist / SW_NAME).write_text(text, encoding="utf-8")
    version = json.loads(text.split("const VERSION = ", 1)[1].split(";", 1)[0])
    print(f"make-sw: {SW_NAME} version {version}, {len(hashes) - len([n for n in lazy if n in hashes])} files at install, "
          f"{len([n for n in lazy if n in hashes])} when first used")


if __name__ == "__main__":
    main()
