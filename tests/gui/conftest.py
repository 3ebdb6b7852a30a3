"""GUI fixtures: a real main window on a temporary store (helpers in guikeys.py)."""

from __future__ import annotations

import pytest
from guikeys import type_text


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def window(qtbot, data_dir):
    from newsdesk.app import build_window
    from newsdesk.gui import tasks

    tasks.set_synchronous(True)  # attachments and long counts finish before the next line
    win = build_window(data_dir)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.store.close()
    tasks.set_synchronous(False)


@pytest.fixture
def typist():
    return type_text
