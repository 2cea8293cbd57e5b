#!/usr/bin/env bash
# The benchmark: Lectern beside MiniSearch and Pagefind on generated corpora of 1,000 and
# 10,000 articles (and 10,000 with a growing vocabulary), in headless Chromium; prints a
# Markdown table and writes target/bench/result.{json,md}. See bench/run.mjs.
#
#   scripts/bench.sh                  every corpus, 3 runs (about 15 minutes)
#   scripts/bench.sh --smoke          60 articles, 1 run (the test command runs this)
#   scripts/bench.sh --sizes 10000h --runs 1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
if [ ! -x /usr/bin/time ]; then
  _lectern_say "installing GNU time (Debian package time) for the build's peak memory"
  _lectern_apt time
fi
# The peers and the browser driver, for the benchmark only, pinned, into .tools/bench.
peers="minisearch@7.2.0 pagefind@1.6.0 playwright-core@1.64.1"
if [ "$(cat .tools/bench/installed 2>/dev/null)" != "$peers" ]; then
  _lectern_say "installing $peers into .tools/bench"
  mkdir -p .tools/bench
  [ -f .tools/bench/package.json ] || echo '{ "private": true }' > .tools/bench/package.json
  # shellcheck disable=SC2086
  npm install --prefix .tools/bench --no-audit --no-fund --silent -E $peers
  echo "$peers" > .tools/bench/installed
fi
# The app as shipped (release) and the indexer that writes each corpus into a copy of it.
cargo build --quiet --locked --profile indexer -p lectern-index
trunk build --release --dist target/bench/app --public-url /lectern/ >/dev/null
exec node bench/run.mjs "$@"
