#!/usr/bin/env bash
# Sets up what Lectern needs (once), then serves it at http://127.0.0.1:8080 with live
# rebuilds. Arguments go to `trunk serve` (e.g. --port 9000, --release).
# LECTERN_SEEDS=/path/to/articles serves another corpus folder.
set -euo pipefail
cd "$(dirname "$0")/.."
LECTERN_NO_BROWSER=1 source scripts/setup.sh
# Trunk watches what Trunk.toml lists; a corpus folder elsewhere is watched too.
watch=()
if [ -n "${LECTERN_SEEDS:-}" ]; then
  for path in src crates seeds static index.html Cargo.toml "$LECTERN_SEEDS"; do watch+=(--watch "$path"); done
fi
exec trunk serve --address 127.0.0.1 "${watch[@]}" "$@"
