# The two set-up commands are `make run` and `make test` (see README.md).
.PHONY: run test test-native test-e2e build cli bench fuzz clean

# Build the app (release) and serve it on 127.0.0.1:8080, or a free port if taken.
run: build
	python3 scripts/serve.py dist

# Every test: unit and engine tests, component tests (server-side render),
# then end to end in headless Chromium against a fresh release build.
test: test-native test-e2e

test-native:
	cargo test --release --quiet

test-e2e: build cli
	npm test

build:
	scripts/build-web.sh

cli:
	cargo build --release --bin dudong

# Speed and size figures (they print numbers; no test is timed): the native
# engine, share-link length against lz-string, and the seed scores when
# ../shared is there.
bench:
	@mkdir -p target/bench
	cargo run --quiet --release --example bench | tee target/bench/native.json
	node scripts/bench-share.mjs | tee target/bench/share.jsonl
	@scripts/seed-score.sh

# The mutation fuzzers (share-link decoder, engine) for longer than `make
# test` runs them: 2,000,000 mutated links and 20,000 random texts; set
# DUDONG_FUZZ_ITERS for more or fewer.
fuzz:
	DUDONG_FUZZ_ITERS=$${DUDONG_FUZZ_ITERS:-2000000} cargo test --release --test share fuzz -- --nocapture
	DUDONG_FUZZ_ITERS=$${DUDONG_FUZZ_ITERS:-2000000} cargo test --release --test engine_fuzz -- --nocapture

clean:
	cargo clean
	rm -rf dist
