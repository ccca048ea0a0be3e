# The two set-up commands are `make run` and `make test` (see README.md).
.PHONY: run test test-native test-e2e lint build cli bench eval fuzz clean

# Build the app (release) and serve it on 127.0.0.1:8080, or a free port if taken.
run: build
	node scripts/static-server.mjs dist

# Every test: unit and engine tests, component tests (server-side render),
# then end to end in headless Chromium against a fresh release build.
test: test-native test-e2e

test-native:
	@if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory lint; \
	else \
	  echo "make: this toolchain has no rustfmt or clippy: the format and lint gates are skipped (make lint runs them)"; \
	fi
	cargo test --release --quiet

# The format and lint gates: rustfmt's layout, and no clippy warning in any
# crate, test or example (native code; make test runs them where the
# toolchain has both tools).
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --release --quiet -- -D warnings

test-e2e: build cli
	npm test

build:
	scripts/build-web.sh

cli:
	cargo build --release --bin dudong

# Speed and size figures (they print numbers; no test is timed), in
# target/bench/: the native engine (native.json; it also writes the
# 200,000-character text, long-200k.txt), share-link length against lz-string
# (share.jsonl), the seed scores when ../shared is there, then the release app
# and jieba-wasm side by side in headless Chromium, which writes report.json
# and prints the table (README, "Reading `make bench`"). A step that fails
# leaves its figures null in the report; the others are still taken.
bench: build
	@mkdir -p target/bench
	@rm -f target/bench/native.json target/bench/share.jsonl target/bench/long-200k.txt target/bench/report.json
	cargo run --quiet --release --example bench | tee target/bench/native.json
	node scripts/bench-share.mjs | tee target/bench/share.jsonl
	-@scripts/seed-score.sh
	node scripts/bench-browser.mjs

# Name recognition, counted by mention (P/R/F1 per kind) on a gold character
# file (one `char TAG` a line, BIO or BIOES): the full engine, the curated
# lists and rules alone, and the model alone. NER_GOLD defaults to the
# committed sample of the MSRA dev split; point it at a public test split
# (never trained on) to compare with published figures.
NER_GOLD ?= tests/fixtures/ner-msra-dev-sample.bio
eval: cli
	@for layers in "" --curated --model; do \
	  echo "== dudong eval $$layers $(NER_GOLD)"; \
	  target/release/dudong eval $$layers $(NER_GOLD) || exit 1; \
	done

# The mutation fuzzers (share-link decoder, engine) for longer than `make
# test` runs them: 2,000,000 mutated links and 20,000 random texts; set
# DUDONG_FUZZ_ITERS for more or fewer.
fuzz:
	DUDONG_FUZZ_ITERS=$${DUDONG_FUZZ_ITERS:-2000000} cargo test --release --test share fuzz -- --nocapture
	DUDONG_FUZZ_ITERS=$${DUDONG_FUZZ_ITERS:-2000000} cargo test --release --test engine_fuzz -- --nocapture
	DUDONG_FUZZ_ITERS=$${DUDONG_FUZZ_ITERS:-20000} cargo test --release --test ner fuzz -- --nocapture

clean:
	cargo clean
	rm -rf dist
