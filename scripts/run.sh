#!/usr/bin/env bash
# Installs what is missing, builds, builds the sample study, and opens it in the GUI.
# With no display it prints the study's report to the terminal instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev
project="build/dev/samples/sample-study.tessera"
samples/build_sample.sh build/dev/ui/cli/tessera "$project" >/dev/null
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/dev/ui/gui/tessera-gui ]; then
  exec build/dev/ui/gui/tessera-gui "$project"
fi
echo "(no display found: printing the study report instead of opening the window)"
exec build/dev/ui/cli/tessera report "$project"
