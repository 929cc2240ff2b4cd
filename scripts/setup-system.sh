#!/usr/bin/env bash
# Installs the system packages IFC Room Schedule needs (Debian 12 / bookworm), idempotently.
# Qt 6 comes from Debian (NodeGui's own Qt download cannot be reached here); cmake + ninja + g++
# compile NodeGui's addon once (then it is cached, see scripts/build-nodegui.js); Xvfb, xdotool and
# ImageMagick let developers and tests look at a real window; dpkg-dev (dpkg-shlibdeps, for the
# .deb's Depends) and librsvg2-bin (rsvg-convert, its PNG icons) serve `npm run package`;
# LibreOffice Calc (headless, no GUI parts) and poppler-utils let the tests print the XLSX export
# and read the PDF export back, as a client would (measured here: 87 s to install both, apt-get
# update included, most of it LibreOffice).
set -euo pipefail
PACKAGES=(
  qt6-base-dev qt6-svg-dev qt6-qpa-plugins libgl-dev
  cmake ninja-build g++ make
  xvfb xauth x11-utils xdotool imagemagick fonts-dejavu-core
  dpkg-dev librsvg2-bin
  libreoffice-calc-nogui poppler-utils
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all ${#PACKAGES[@]} system packages already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "setup-system: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "setup-system: installing ${missing[*]}"
t0=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-system: apt done in $(( $(date +%s) - t0 )) s"
