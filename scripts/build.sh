#!/usr/bin/env bash
# Configures and builds one preset (default: dev). Usage: scripts/build.sh [dev|asan]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/tessera-ccache}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
