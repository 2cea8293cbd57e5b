#!/usr/bin/env bash
# Trunk post_build hook step (see post-build.sh): writes the service worker, sw.js, into
# the staged site from static/sw.js, with the list of the app shell's files (the staged
# files at the site's top level that the app needs to start: index.html, the loader, the
# wasm and its glue, CSS, icons, the manifest) and a version: a hash of those files'
# contents. index.html names the corpus's first file, so a changed corpus is a new version
# too. sw.js itself keeps a stable URL, as a service worker must.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
shell=$(find . -maxdepth 1 -type f \( -name 'index.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' \
  -o -name '*.png' -o -name '*.svg' -o -name '*.ico' -o -name '*.webmanifest' \) ! -name 'sw.js' -printf '%f\n' | LC_ALL=C sort)
[ -n "$shell" ] || { echo "stamp-worker: no app shell in $dir" >&2; exit 1; }
version=$(printf '%s\n' $shell | xargs cat | sha256sum | cut -c1-16)
list=$(printf '%s\n' $shell | awk 'BEGIN { printf "[" } { printf "%s\"%s\"", (NR > 1 ? ", " : ""), $0 } END { printf "]" }')
cd - >/dev/null
sed -e "s/__LECTERN_VERSION__/$version/" -e "s/__LECTERN_SHELL__/$list/" static/sw.js > "$dir/sw.js"
echo "stamp-worker: sw.js version $version, $(printf '%s\n' $shell | wc -l) shell files"
