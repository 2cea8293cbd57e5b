#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): moves the inline module script that Trunk writes
# into index.html to its own file, loader-<hash>.js, referenced with subresource
# integrity, so the site runs under a strict Content-Security-Policy
# (script-src 'self' 'wasm-unsafe-eval', no inline script).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
html="$dir/index.html"
loader=$(awk '/<script type="module">/{f=1; next} f && /<\/script>/{exit} f' "$html")
[ -n "$loader" ] || exit 0
printf '%s\n' "$loader" > "$dir/loader.tmp"
name="loader-$(sha256sum "$dir/loader.tmp" | cut -c1-16).js"
mv "$dir/loader.tmp" "$dir/$name"
sri="sha384-$(sha384sum "$dir/$name" | cut -d' ' -f1 | tr 'a-f' 'A-F' | basenc --base16 -d | base64 -w0)"
tag="<script type=\"module\" src=\"${TRUNK_PUBLIC_URL:-/}$name\" integrity=\"$sri\" crossorigin=\"anonymous\"></script>"
awk -v tag="$tag" '
  /<script type="module">/ { print tag; skip = 1; next }
  skip && /<\/script>/ { skip = 0; next }
  !skip { print }
' "$html" > "$html.tmp"
mv "$html.tmp" "$html"
