#!/usr/bin/env bash
# Installs Newsdesk into a virtualenv beside the checkout and starts it.
# Usage: bash packaging/run.sh [newsdesk args, e.g. --data-dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
libs="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libnss3 libxcb-cursor0 libfontconfig1 libdbus-1-3 fonts-noto-core"
missing=$(for p in $libs; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# A plain install (not editable): what a person runs is what a wheel would hold, and
# setuptools has nothing to warn about. Running this again after a pull reinstalls.
.venv/bin/python -m pip install -q .
exec .venv/bin/newsdesk "$@"
