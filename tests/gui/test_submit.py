"""A reporter submits from the reporter's desk, and a returned story comes back with its note."""

from __future__ import annotations

from pathlib import Path

import pytest
from guikeys import press

from newsdesk.domain import workflow as rules
from newsdesk.ops import workflow as ops
from windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        win.settings.set("user/name", "Amal Reporter")
        win.settings.set("user/role", "reporter")
        yield win


def write_story(qtbot, window) -> int:
    press(qtbot, window.list_pane.table, "Ctrl+N")
    window.editor.headline_edit.setFocus()
    qtbot.keyClicks(window.editor.headline_edit, "Port cranes stand idle")
    window.editor.body_edit.setFocus()
    qtbot.keyClicks(window.editor.body_edit, "Dockers stopped work at dawn.")
    return window.editor.article_id


def test_ctrl_enter_submits_after_the_checklist_and_the_editor_follows(qtbot, window):
    story = write_story(qtbot, window)
    assert window.actions_by_name["submit"].isEnabled()
    shown: list[list] = []
    window.submit_flow.confirm = lambda problems: shown.append(problems) is None  # send anyway
    press(qtbot, window.editor.body_edit, "Ctrl+Return")
    assert shown and any("source" in p.message for p in shown[0]), "the checklist spoke first"
    saved = window.store.articles.get(story)
    assert saved.status == "submitted" and saved.body == "Dockers stopped work at dawn."
    assert window.editor.article().status == "submitted"
    assert not window.actions_by_name["submit"].isEnabled(), "nothing to submit twice"
    assert "editors' queue" in window.statusBar().currentMessage()


def test_keep_writing_sends_nothing(qtbot, window):
    story = write_story(qtbot, window)
    window.submit_flow.confirm = lambda problems: False
    window.actions_by_name["submit"].trigger()
    assert window.store.articles.get(story).status == "draft"


def test_a_returned_story_shows_the_note_and_resubmits(qtbot, window, artifacts_dir: Path):
    story = write_story(qtbot, window)
    window.submit_flow.confirm = lambda problems: True
    window.actions_by_name["submit"].trigger()
    # An editor (the queue, or a pull from the site) returns it with a note.
    changes = ops.transition(
        window.store, story, rules.Action.RETURN, actor="Nadia Editor", role="editor",
        note="Name the second source.",
    )  # fmt: skip
    window.announce(changes, None)
    banner = window.submit_flow.banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text.text() == "Returned by Nadia Editor: Name the second source."
    window.editor.main_column.grab().save(str(artifacts_dir / "returned-banner.png"))
    qtbot.mouseClick(banner.resubmit, qtbot_left())
    assert window.store.articles.get(story).status == "submitted"
    assert not banner.isVisible()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
