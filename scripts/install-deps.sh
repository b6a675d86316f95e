#!/usr/bin/env bash
# Installs the Debian packages Tessera needs (idempotent): to build and run, and with --tests also
# what the test suite uses (LibreOffice to open our exports, Python's agreement implementations to
# cross-check ours, Xvfb). Runs apt-get as root, or through sudo when not root. Nothing is
# downloaded from anywhere else.
# Usage: scripts/install-deps.sh [--tests]
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libicu-dev libsqlite3-dev libxapian-dev
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri libfreetype-dev fonts-noto-core
  catch2 libbenchmark-dev libcli11-dev nlohmann-json3-dev libcsv-dev
  libzip-dev zip unzip libpugixml-dev libpoppler-cpp-dev poppler-utils
  libxlsxwriter-dev libgraphviz-dev graphviz libsodium-dev libssl-dev
)
test_packages=(
  xvfb xauth
  python3 python3-nltk python3-sklearn python3-statsmodels
  libreoffice-writer-nogui libreoffice-calc-nogui
)
if [ "${1:-}" = "--tests" ]; then packages+=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
