#!/usr/bin/env bash
# Builds the self-contained one-folder bundle in dist/newsdesk with PyInstaller,
# then opens its main window offscreen on a fresh store as a smoke test.
# Usage: bash packaging/build-bundle.sh   (needs the .venv made by tests/run.sh or packaging/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { python3 -m venv .venv; .venv/bin/python -m pip install -q -e .; }
.venv/bin/python -m pip install -q 'pyinstaller>=6.5'
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/newsdesk.spec
du -sh dist/newsdesk
bash packaging/smoke-test-bundle.sh dist/newsdesk/newsdesk
