#!/usr/bin/env bash
# Runs every check and test: format and lints, the engine, indexer and app state natively,
# the components in headless
# Chromium (wasm-bindgen-test), then the end-to-end journeys in
# headless Chromium against release builds of the site (seed corpus, and the 45 real
# articles of tests/fixtures/real), Lighthouse on those sites (scripts/audit.mjs), and a
# smoke run of the benchmark (scripts/bench.sh).
# Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

# A full run builds everything once: incremental caches would only add gigabytes to target/.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
echo "== disk: $(df -h --output=avail . | tail -1 | tr -d ' ') free here; a first run puts about 2.5 GB in target/ =="

echo "== format and lints (rustfmt, clippy with warnings as errors) =="
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p lectern --target wasm32-unknown-unknown --lib --bins --test components -- -D warnings

echo "== native tests (engine, indexer, app state) =="
cargo test --locked

echo "== component tests in headless Chromium (wasm-bindgen-test) =="
CHROMEDRIVER=$(command -v chromedriver) \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --locked -p lectern --target wasm32-unknown-unknown --test components

echo "== end-to-end journeys in headless Chromium =="
cargo test --locked -p lectern-e2e --test journeys

echo "== Lighthouse on the sites the journeys built (accessibility, best practices, SEO >= 95) =="
node scripts/audit.mjs seed=target/e2e/seed real=target/e2e/real

echo "== benchmark smoke run: Lectern, MiniSearch and Pagefind on 60 articles =="
./scripts/bench.sh --smoke

echo "== done: target/ holds $(du -sh target | cut -f1) =="
