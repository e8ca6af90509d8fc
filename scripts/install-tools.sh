#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently: when all is present it
# takes seconds. Only crates.io, npm and Debian apt are reachable on our machines.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen version pinned in Cargo.toml
WASM_SPLIT_VERSION=0.2.4       # reads the split points of wasm_split_helpers 0.2 (leptos 0.8)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then rustup component add rustfmt; fi
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then rustup component add clippy; fi
# The release wasm rebuilds std for size (Makefile: build-web) from the toolchain's sources.
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then rustup component add rust-src; fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "trunk $TRUNK_VERSION (several minutes on a fresh machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: the CLI's own lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Cuts the release wasm into modules loaded on demand (Makefile: build-web).
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary --force
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v brotli >/dev/null 2>&1 || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm: Playwright (no browser download: we drive Debian's Chromium), axe-core, binaryen (wasm-opt)
# Reinstall when the lock file's content changed (a hash, not mtimes: checkouts touch files).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/wasm-opt ] \
   || [ "$(cat node_modules/.portal-lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  log "npm packages"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.portal-lock-sha256
fi
log "tools ready"
