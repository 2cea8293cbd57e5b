#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml), run in the project folder for every build:
# 1. indexes the corpus folder ($LECTERN_SEEDS, else seeds/) into the staged site with
#    the native indexer (crates/indexer): the files of corpus/ and a <meta> naming the first in
#    index.html; any bad article fails the build with every problem listed;
# 2. moves Trunk's inline loader script to a file with subresource integrity;
# 3. writes the service worker (sw.js) with the app shell's files and the build's version.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cargo run --quiet --locked --profile indexer -p lectern-index
bash scripts/externalize-loader.sh
exec bash scripts/stamp-worker.sh
