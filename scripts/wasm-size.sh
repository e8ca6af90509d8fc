#!/usr/bin/env bash
# Prints the release download size of the portal: raw, gzip -9 and brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/../dist"
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
for f in *.wasm *.js *.css; do
  [ -f "$f" ] || continue
  printf '%-44s %10d %10d %10d\n' "$f" "$(stat -c%s "$f")" "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
done
