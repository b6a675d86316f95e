#!/usr/bin/env bash
# The main job: installs what is missing, builds (which also builds the sample study from
# samples/source), and opens the sample study in the GUI. With no display it prints the study's
# report to the terminal instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev
project="build/dev/samples/sample-study.tessera"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/dev/ui/gui/tessera-gui ]; then
  exec build/dev/ui/gui/tessera-gui "$project" "$@"
fi
echo "(no display found: printing the study report instead of opening the window)" >&2
exec build/dev/ui/cli/tessera report "$project" --format md
