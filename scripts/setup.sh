#!/usr/bin/env bash
# Installs what building, serving and testing Lectern needs, skipping whatever is already
# there at the pinned version. Meant to be sourced (it extends PATH) by serve.sh and
# test.sh; running it directly also works. Set LECTERN_NO_BROWSER=1 to skip Chromium.
#
#   wasm32 target       rustup target add
#   rustfmt, clippy     rustup component add (the test command checks format and lints)
#   trunk 0.21.14       cargo install --locked
#   wasm-bindgen 0.2.130 cargo install (must equal the wasm-bindgen crate's version)
#   wasm-opt 132        npm package binaryen@132, into .tools/ (Debian's is too old)
#   chromium, chromedriver  Debian packages (tests only)
#   axe-core 4.14.1, lighthouse 12.2.3  npm packages, into .tools/audit (tests only: the
#                       accessibility journeys and the Lighthouse audit)

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
AUDIT_PACKAGES="axe-core@4.14.1 lighthouse@12.2.3"

_lectern_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_lectern_tools="$_lectern_root/.tools"

_lectern_say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

_lectern_apt() {
  local prefix=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then prefix="sudo"; else
      _lectern_say "cannot install $* without root: run 'apt-get install -y $*' as root"
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    _lectern_say "no apt-get here: install $* with your system's package manager"
    return 1
  fi
  $prefix apt-get update -qq && DEBIAN_FRONTEND=noninteractive $prefix apt-get install -y -qq "$@" >/dev/null
}

_lectern_setup() {
  export PATH="$_lectern_tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

  if ! command -v cargo >/dev/null 2>&1; then
    _lectern_say "Rust is required: install it from rustup (cargo, rustc 1.95)"
    return 1
  fi

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    _lectern_say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      _lectern_say "adding the $component component"
      rustup component add "$component" || return 1
    fi
  done

  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    _lectern_say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION" || return 1
  fi

  if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    _lectern_say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force || return 1
  fi

  if ! "$_lectern_tools/binaryen/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    if ! command -v npm >/dev/null 2>&1; then
      _lectern_say "npm is needed for wasm-opt; installing Debian's nodejs and npm"
      _lectern_apt nodejs npm || return 1
    fi
    _lectern_say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
    mkdir -p "$_lectern_tools/binaryen"
    npm install --prefix "$_lectern_tools/binaryen" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" || return 1
  fi

  if [ "${LECTERN_NO_BROWSER:-0}" != 1 ]; then
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
      _lectern_say "installing Chromium and chromedriver from Debian for the browser tests"
      _lectern_apt chromium chromium-driver || return 1
    fi
    if [ "$(cat "$_lectern_tools/audit/installed" 2>/dev/null)" != "$AUDIT_PACKAGES" ]; then
      _lectern_say "installing $AUDIT_PACKAGES into .tools/audit for the audits"
      mkdir -p "$_lectern_tools/audit"
      [ -f "$_lectern_tools/audit/package.json" ] || echo '{ "private": true }' > "$_lectern_tools/audit/package.json"
      # shellcheck disable=SC2086
      npm install --prefix "$_lectern_tools/audit" --no-audit --no-fund --silent -E $AUDIT_PACKAGES || return 1
      echo "$AUDIT_PACKAGES" > "$_lectern_tools/audit/installed"
    fi
    # The end-to-end driver links OpenSSL through fantoccini's default TLS backend.
    if ! pkg-config --exists openssl 2>/dev/null; then
      _lectern_say "installing libssl-dev and pkg-config for the end-to-end test driver"
      _lectern_apt libssl-dev pkg-config || return 1
    fi
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  _lectern_setup
  _lectern_say "ready: trunk, wasm-bindgen $WASM_BINDGEN_VERSION and wasm-opt $BINARYEN_VERSION are on PATH"
else
  _lectern_setup || { _lectern_say "setup failed"; return 1; }
fi
