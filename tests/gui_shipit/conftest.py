"""Ship-it GUI fixtures: the real main window on a temporary store, spelling attached."""

from __future__ import annotations

import pytest


@pytest.fixture
def shipit_dir(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def shipit_window(qtbot, shipit_dir):
    from newsdesk.app import build_window
    from newsdesk.gui import tasks
    from newsdesk.gui.settings import Settings

    # A guide that is done: these tests are about the window, not the first run.
    Settings(shipit_dir).set("firstrun/done", True)
    tasks.set_synchronous(True)
    win = build_window(shipit_dir)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.store.close()
    tasks.set_synchronous(False)


@pytest.fixture
def spelling(shipit_window):
    """The editor's spelling (attached by the main window; attached here if it is not yet)."""
    from newsdesk.gui.spellcheck import attach_spelling

    editor = shipit_window.editor
    return getattr(editor, "spelling", None) or attach_spelling(
        editor, shipit_window.settings, shipit_window.store
    )
