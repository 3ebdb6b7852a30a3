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
