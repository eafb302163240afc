#!/usr/bin/env bash
# Finds the Debian packages the program needs that are missing and installs them
# (when root) or prints the exact command to run.
#   packaging/system-deps.sh run   - what the Qt window (xcb) needs
#   packaging/system-deps.sh test  - what the test suite needs (PostgreSQL, poppler, fonts)
set -euo pipefail
purpose="${1:-run}"

common=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
run_pkgs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0)
test_pkgs=(postgresql poppler-utils xvfb)

case "$purpose" in
  run) wanted=("${common[@]}" "${run_pkgs[@]}") ;;
  test) wanted=("${common[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; make sure the Qt xcb libraries are installed." >&2
  exit 0
fi

missing=()
for p in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "system-deps: missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Please run:  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
