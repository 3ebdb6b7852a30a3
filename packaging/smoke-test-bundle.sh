#!/usr/bin/env bash
# Starts a built bundle offscreen on a fresh store; passes when the main window
# was shown and the process exited cleanly.
# Usage: bash packaging/smoke-test-bundle.sh dist/newsdesk/newsdesk
set -euo pipefail
exe="${1:-dist/newsdesk/newsdesk}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
out=$(QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 NEWSDESK_SMOKE_TEST=1 \
      timeout 120 "$exe" --data-dir "$data/store" 2>&1) || { echo "$out"; echo "smoke test: the bundle failed"; exit 1; }
echo "$out" | grep -q "smoke test: main window shown" || { echo "$out"; echo "smoke test: no main window"; exit 1; }
[ -f "$data/store/newsdesk.db" ] || { echo "smoke test: no store was created"; exit 1; }
echo "smoke test: passed ($(echo "$out" | grep 'main window shown'))"

# The photo import's worker processes are spawned from the bundle's own executable.
python="$(dirname "$0")/../.venv/bin/python"
"$python" - "$data/new" <<'PY'
import sys
from pathlib import Path
from PIL import Image
folder = Path(sys.argv[1]); folder.mkdir()
for i in range(4):
    Image.new("RGB", (320, 200), (60 * i, 90, 140)).save(folder / f"smoke-{i}.jpg", quality=80)
PY
imported=$(QT_QPA_PLATFORM=offscreen timeout 120 "$exe" --data-dir "$data/store" photo import --workers 2 "$data/new" 2>&1) \
  || { echo "$imported"; echo "smoke test: the photo import failed"; exit 1; }
[ "$(echo "$imported" | grep -cE '^[0-9]+$')" -eq 4 ] || { echo "$imported"; echo "smoke test: not every photo was imported"; exit 1; }
echo "smoke test: 4 photos imported through 2 worker processes"
