# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

WASM := --target wasm32-unknown-unknown

.PHONY: run test tools build-web build-server lint fmt-check clippy unit wasm-test e2e bench clean

## make run: install what is missing, build the release portal and server, serve on 127.0.0.1:8080
run: tools build-web
	cargo build --release -p portal-server
	./target/release/portal-server

## make test: every test layer, the same as CI
test: tools fmt-check clippy unit wasm-test build-web e2e
	@echo "make test: all layers passed"

tools:
	@bash scripts/install-tools.sh

# The portal's release build (wasm-opt -Oz through binaryen from npm), then precompressed
# copies the server hands to browsers that accept them.
#
# The release wasm rebuilds the standard library for size (the toolchain's rust-src):
# panics abort at once instead of formatting a message (nothing reads it: panic=abort),
# no source locations, std's size-optimised code paths. -25 KB brotli (392 -> 367 KB).
# `{:?}` prints nothing in this build (-Zfmt-debug=none, -3 KB): no user-visible text may
# come from Debug formatting (the portal formats nothing it shows with `{:?}`).
# These are unstable cargo/rustc options: RUSTC_BOOTSTRAP=1 lets the pinned stable
# toolchain accept them for this one build; debug builds and the tests use plain stable.
#
# Code splitting: pages the first screen does not need (the dialog page, phone verification,
# saved searches, demo login: `lazy_page!` in src/app.rs) become wasm modules of their own,
# fetched when first shown. `--cfg portal_split` turns the lazy pages on, `--emit-relocs`
# keeps what wasm-split-cli needs to cut the wasm; scripts/split/wasm-bindgen (first on PATH)
# splits before the real wasm-bindgen runs, and trunk's post_build hook
# (scripts/split/post-build.sh) puts the modules into dist.
WASM_RELEASE_ENV := RUSTC_BOOTSTRAP=1 \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg portal_split -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
	PORTAL_SPLIT_DIR=$(CURDIR)/target/wasm-split \
	PATH=$(CURDIR)/scripts/split:$(PATH)
build-web: tools
	$(WASM_RELEASE_ENV) trunk build --release
	@bash scripts/precompress.sh dist

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --exclude portal --all-targets -- -D warnings
	cargo clippy -p portal --all-targets $(WASM) -- -D warnings

unit:
	cargo test --workspace --exclude portal

# The portal's own tests run in a real (headless) Chromium through wasm-bindgen-test.
wasm-test:
	cargo test -p portal $(WASM)

# Playwright against the release portal served by the server with the embedded simulator,
# then the inbox and OTP journeys again with the server in `custom` mode against a separate
# simulator (demo login through the token generator, Maskinporten for Notifications).
e2e: build-web
	cargo build -p portal-server -p altinn-sim
	npx playwright test -c e2e/playwright.config.ts
	npx playwright test -c e2e/playwright.custom.config.ts

bench: tools build-web
	cargo build --release -p portal-server
	node e2e/bench/bench.mjs
	cargo run --release -p portal-server --example otp_load
	cargo run --release -q -p portal-server --example proxy_overhead

clean:
	cargo clean; rm -rf dist data node_modules
