#!/usr/bin/env bash
# Writes .br and .gz copies next to the compressible files in a dist folder, so the server
# sends precompressed assets (smaller than compressing on the fly, and no CPU per request).
set -euo pipefail
dir="${1:-dist}"
command -v brotli >/dev/null || { echo "precompress: brotli missing (scripts/install-tools.sh installs it)"; exit 1; }
find "$dir" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) | while read -r f; do
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -k -9 "$f"
done
