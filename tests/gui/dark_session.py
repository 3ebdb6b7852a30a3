"""Newsdesk started in the dark theme in a real window (run under Xvfb by test_dark_theme.py).

Usage: dark_session.py DATA_DIR SHOTS_DIR
Starts as `newsdesk --data-dir` would with Preferences ▸ Theme set to Dark, opens the
sample news story with the layout preview (QtWebEngine) beside it, and grabs the
reporter's desk and the photo desk from the X screen. Prints one JSON line.
resources/screenshots/dark-theme.png is SHOTS_DIR/reporter-dark.png.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtTest import QTest

from newsdesk.app import application, start
from newsdesk.gui import theme
from newsdesk.gui.settings import Settings


def main() -> None:
    data_dir, shots = Path(sys.argv[1]), Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir)
    settings.set("appearance/theme", "dark")
    settings.set("firstrun/done", True)
    application()
    window = start(data_dir)
    window.move(0, 0)
    window.resize(1600, 960)
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    for row in range(window.list_pane.model.rowCount()):
        if window.list_pane.model.index(row, 0).data().startswith("Port talks"):
            window.list_pane.table.selectRow(row)
    window.reporter_splitter.setSizes([420, 760, 420])
    loaded = []
    if window.preview is not None:
        window.preview.pageLoaded.connect(loaded.append)
    for _ in range(60):  # the preview's first page: up to 6 s
        if loaded:
            break
        QTest.qWait(100)
    QTest.qWait(800)
    taken = []

    def shot(name: str) -> None:
        QTest.qWait(300)
        path = shots / f"{name}.png"
        frame = window.frameGeometry()
        window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(
            str(path)
        )
        taken.append(str(path))

    shot("reporter-dark")
    window.show_desk("Photo desk")
    shot("photo-desk-dark")
    report = {
        "platform": application().platformName(),
        "theme": theme.current_theme(),
        "web_preview": window.preview is not None and window.preview.web is not None,
        "preview_loaded": bool(loaded),
        "shots": taken,
    }
    window.close()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
