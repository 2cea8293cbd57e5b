#!/usr/bin/env bash
# Runs every test: the engine and build script natively, then the end-to-end journeys in
# headless Chromium against release builds of the site (seed corpus, and the 45 real
# articles of ../shared/corpora/real where present). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== native tests (engine, build script, corpus) =="
cargo test --locked

echo "== end-to-end journeys in headless Chromium =="
cargo test --locked -p lectern-e2e --test journeys
