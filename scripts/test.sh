#!/usr/bin/env bash
# Installs what is missing, builds the normal and the ASan+UBSan configurations, and runs every test in both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
for preset in dev asan; do
  echo "== build ($preset)"
  scripts/build.sh "$preset"
  echo "== test ($preset)"
  ctest --preset "$preset" -j "$(nproc)"
done
