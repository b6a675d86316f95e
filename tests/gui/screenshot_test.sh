#!/bin/sh
# Runs tessera-gui under Xvfb on the sample study (or, without it, a project made from a test transcript)
# and checks that the screenshot is a real rendering. Usage: gui cli png_check sample transcript workdir
set -eu
GUI=$1 CLI=$2 CHECK=$3 SAMPLE=$4 TRANSCRIPT=$5 WORK=$6
rm -rf "$WORK" && mkdir -p "$WORK"
if [ -f "$SAMPLE" ]; then
  cp "$SAMPLE" "$WORK/study.tessera"   # a copy: choosing a coder writes to the project
  echo "using the sample study $SAMPLE"
else
  echo "sample study not built; using $TRANSCRIPT"
  "$CLI" new "$WORK/study.tessera"
  "$CLI" import "$WORK/study.tessera" "$TRANSCRIPT"
fi
xvfb-run -a -s "-screen 0 1400x900x24" "$GUI" "$WORK/study.tessera" --coder "Screenshot" \
  --screenshot "$WORK/shot.png" --frames 6 --view transcript
"$CHECK" "$WORK/shot.png"
