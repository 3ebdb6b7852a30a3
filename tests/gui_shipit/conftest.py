"""Ship-it GUI fixtures: the real main window on a temporary store, spelling attached."""

from __future__ import annotations

import pytest

from windows import shown_window


@pytest.fixture
def shipit_dir(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def shipit_window(qtbot, shipit_dir):
    # A guide that is done: these tests are about the window, not the first run.
    with shown_window(qtbot, shipit_dir, guide_done=True) as win:
        yield win


@pytest.fixture
def spelling(shipit_window):
    """The editor's spelling (attached by the main window; attached here if it is not yet)."""
    from newsdesk.gui.spellcheck import attach_spelling

    editor = shipit_window.editor
    return getattr(editor, "spelling", None) or attach_spelling(
        editor, shipit_window.settings, shipit_window.store
    )
