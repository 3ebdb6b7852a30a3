#!/usr/bin/env bash
# Installs everything the tests need (Debian packages, a virtualenv) and runs
# the whole suite: lint, format check, type check, tests.
# Usage: bash tests/run.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

need=$(grep -v '^#' tests/system-packages.txt | tr ' ' '\n' | sed '/^$/d' | sort -u)
# nodejs/npm installed another way (NodeSource's nodejs bundles npm) count by their command.
present() {
  case "$1" in nodejs) command -v node >/dev/null && return 0 ;; npm) command -v npm >/dev/null && return 0 ;; esac
  dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'install ok installed'
}
missing=$(for p in $need; do present "$p" || echo "$p"; done)
if [ -n "$missing" ]; then
  echo "Installing Debian packages: $(echo $missing)"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# The block editor's validator (tests/blockcheck): jsdom and the pinned @wordpress packages,
# installed again only when the lock file changed.
if ! cmp -s tests/blockcheck/package-lock.json tests/blockcheck/node_modules/.newsdesk-lock; then
  echo "Installing the block validator's npm packages"
  (cd tests/blockcheck && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.newsdesk-lock)
fi

echo "== ruff"; .venv/bin/ruff check desktop tests && .venv/bin/ruff format --check desktop tests
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest -q "$@"
