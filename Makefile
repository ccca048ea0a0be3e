# The two set-up commands are `make run` and `make test` (see README.md).
.PHONY: run test test-native test-e2e build cli bench clean

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

# Speed figures (they print numbers; no test is timed). Native engine for now.
bench:
	@mkdir -p target/bench
	cargo run --quiet --release --example bench | tee target/bench/native.json
	@scripts/seed-score.sh

clean:
	cargo clean
	rm -rf dist
