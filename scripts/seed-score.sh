#!/usr/bin/env bash
# Scores the CLI's annotations against the shared seed fixture, when it is
# there (it is not part of the project: a fresh clone has no ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=../shared/fixtures/seed
[ -f "$seed/gold.json" ] || { echo "no ../shared fixtures here; nothing to score"; exit 0; }
# Through cargo run, so that a CARGO_TARGET_DIR elsewhere is found too.
cargo run --release --quiet --bin dudong -- annotate --json "$seed/article.txt" > target/seed.json
python3 ../shared/tools/score.py "$seed/gold.json" target/seed.json "$@"
