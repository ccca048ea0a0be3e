#!/usr/bin/env python3
"""Adds a strict Content-Security-Policy to the built dist/index.html.

Trunk writes one inline module script (the wasm loader) whose text changes
with every build, so the policy is made after the build: that script is
allowed by its SHA-256 hash, everything else only from the page's own origin.
Styles set by the app on elements (the card's position) need style attributes.
"""
import base64
import hashlib
import re
import sys
from pathlib import Path

POLICY = (
    "default-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)


def main(path: str) -> None:
    index = Path(path)
    html = index.read_text(encoding="utf-8")
    html = re.sub(r'\s*<meta http-equiv="?Content-Security-Policy"?[^>]*>', "", html)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    meta = '<meta http-equiv="Content-Security-Policy" content="%s" />' % POLICY.format(hashes=hashes)
    # Trunk's minifier writes `<meta charset=utf-8>`.
    html, n = re.subn(r'(<meta charset="?utf-8"? ?/?>)', r"\1" + meta, html, count=1, flags=re.I)
    if n != 1:
        sys.exit("add-csp: no <meta charset> in %s to put the policy after" % path)
    index.write_text(html, encoding="utf-8")
    print("add-csp: %d inline script(s) allowed by hash" % len(scripts))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist/index.html")
