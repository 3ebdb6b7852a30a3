"""A reporter typing when the power goes: run by tests/test_crash_recovery.py, then SIGKILLed.

Usage: crash_typist.py DATA_DIR
Opens the real main window (offscreen) on DATA_DIR, starts a new article and
keeps typing into bodyEdit without pause, one character every 40 ms. After
3.2 s it prints `READY <article id> <json of the body as it was 2.05 s ago>`
and goes on typing until it is killed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from guikeys import type_text  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from newsdesk.app import application, quit_on_signals, start  # noqa: E402

TEXT = (
    "Le convoi est arrivé à l'aube près de Rafah; témoins: «calme tendu». وصلت القافلة فجراً. " * 20
)


def main() -> None:
    app = application()
    window = start(Path(sys.argv[1]))
    quit_on_signals(window)  # as `newsdesk` does: SIGTERM closes properly
    window.actions_by_name["new"].trigger()
    type_text(window.editor.headline_edit, "Convoi arrivé à Rafah")
    body = window.editor.body_edit
    body.setFocus()
    began = time.monotonic()
    typed: list[tuple[float, str]] = []
    position = 0

    def type_one() -> None:
        nonlocal position
        type_text(body, TEXT[position % len(TEXT)])
        position += 1
        typed.append((time.monotonic(), body.toPlainText()))

    def report() -> None:
        cutoff = time.monotonic() - 2.05
        safe = ""
        for stamp, text in typed:
            if stamp <= cutoff:
                safe = text
        print("READY", window.editor.article_id, json.dumps(safe, ensure_ascii=False), flush=True)

    keys = QTimer(window)
    keys.timeout.connect(type_one)
    keys.start(40)
    QTimer.singleShot(3200, window, report)
    app.exec()
    _ = began


if __name__ == "__main__":
    main()
