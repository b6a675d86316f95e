#!/usr/bin/env bash
# Configures and builds one preset (default: dev). Usage: scripts/build.sh [dev|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
# ccache, shared by every clone on this machine: paths are made relative to the clone so that a
# fresh clone in another folder (as CI makes) still hits the cache.
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/tessera-ccache}"
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
