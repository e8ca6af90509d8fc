#!/usr/bin/env bash
# trunk post_build hook: puts the modules scripts/split/wasm-bindgen cut out of the portal's
# wasm into trunk's staging dist, each optimised (wasm-opt -Oz) and named by its content
# (`split-dialog-view-<hash>.wasm`: the server caches hashed names for a year), with their
# loader `__wasm_split.js` (not hashed, so revalidated on every load) importing the main
# module under the name trunk gave it. Does nothing when the build did not split.
set -euo pipefail
[ -n "${PORTAL_SPLIT_DIR:-}" ] && [ -f "${PORTAL_SPLIT_DIR}/__wasm_split.js" ] || exit 0
stage="${TRUNK_STAGING_DIR:?trunk sets TRUNK_STAGING_DIR}"
cd "$(dirname "$0")/../.."
main_js=$(cd "$stage" && ls portal-*.js | grep -v '^portal-.*_bg' | head -1)
[ -n "$main_js" ] || { echo "post-build: no portal-*.js in $stage" >&2; exit 1; }
features="--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue"
loader="$stage/__wasm_split.js"
# Names in the loader are plain file names ([A-Za-z0-9_.-]): '.' is the only character sed
# would read specially, so it is escaped.
rename() { sed -i "s|\"\./${1//./\\.}\"|\"./$2\"|g" "$loader"; }
cp "$PORTAL_SPLIT_DIR/__wasm_split.js" "$loader"
rename main.js "$main_js"
for f in "$PORTAL_SPLIT_DIR"/*.wasm; do
  name=$(basename "$f" .wasm)
  [ "$name" = main ] && continue
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers $features "$f" -o "$PORTAL_SPLIT_DIR/opt.wasm" 2>/dev/null
  hash=$(sha256sum "$PORTAL_SPLIT_DIR/opt.wasm" | cut -c1-16)
  # split_dialog_view_531916883858736021 -> split-dialog-view (the number is a build-stable id)
  stem=$(echo "$name" | sed -E 's/_[0-9]{6,}$//; s/_/-/g')
  out="$stem-$hash.wasm"
  mv "$PORTAL_SPLIT_DIR/opt.wasm" "$stage/$out"
  rename "$name.wasm" "$out"
done
if grep -q '"\./main\.js"\|"\./chunk_\|"\./split_' "$loader"; then
  echo "post-build: __wasm_split.js still names an unrenamed file" >&2; exit 1
fi
