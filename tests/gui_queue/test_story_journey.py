"""One story through the desks by key, as the newsroom works it: the reporter submits,
an editor claims and returns it with a note, the reporter fixes and resubmits, the
editor publishes, corrects and kills it. Screenshots of each step in artifacts/journey/
(the README's user guide shows some of them, from resources/screenshots/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from windows import shown_window

REPORTER, EDITOR = "Rana Khalil", "Nadia Editor"


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        yield win


def be(window, name, role):
    window.settings.set("user/name", name)
    window.settings.set("user/role", role)


def status(window, story):
    return window.store.articles.get(story).status


def test_a_story_from_submit_to_kill_by_key(qtbot, window, tmp_path, artifacts_dir: Path):
    from queue_data import add_photo
    from queue_data import story as new_story

    from newsdesk.gui.resources import stylesheet

    window.setStyleSheet(stylesheet())
    shots = artifacts_dir / "journey"
    shots.mkdir(exist_ok=True)

    def shot(name):
        qtbot.wait(30)  # one paint
        assert window.grab().save(str(shots / f"{name}.png"))

    lead = add_photo(
        window.store, tmp_path, "port", "#5a7d9a",
        caption="Cranes stand idle at the port of Alexandria on Monday. (AP)",
        credit="AP", alt_text="Idle cranes over empty quays",
    )  # fmt: skip
    article = new_story(
        window.store, headline="Port cranes stand idle as dockers strike", byline=REPORTER
    )
    window.store.photos.uses.set_lead(article.id, lead.id, author=REPORTER)
    story = int(article.id)

    # The reporter submits: Ctrl+Enter in the editor.
    be(window, REPORTER, "reporter")
    window.list_pane.apply_query()
    assert window.list_pane.select_article(story)
    qtbot.waitUntil(lambda: window.editor.article_id == story)
    window.submit_flow.confirm = lambda _problems: True
    window.editor.body_edit.setFocus()
    qtbot.keyClick(window.editor.body_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status(window, story) == "submitted")
    shot("1-submitted")

    # An editor claims it (C) and returns it with a note (R).
    be(window, EDITOR, "editor")
    assert window.show_desk("Editors' queue")
    queue = window.desks.currentWidget()
    qtbot.waitUntil(lambda: queue.model.row_of(story) >= 0)
    queue.select_row(queue.model.row_of(story))
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: status(window, story) == "in_edit")
    shot("2-claimed")
    qtbot.keyClick(queue.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: queue.note_dialog is not None and queue.note_dialog.isVisible())
    qtbot.keyClicks(queue.note_dialog.edit, "Say which port in the headline.")
    qtbot.keyClick(queue.note_dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status(window, story) == "returned")

    # The reporter sees the note in a banner, fixes the headline and resubmits.
    be(window, REPORTER, "reporter")
    assert window.show_desk("Reporter's desk")
    qtbot.waitUntil(window.submit_flow.banner.isVisible)
    assert "Say which port in the headline." in window.submit_flow.banner.text.text()
    shot("3-returned")
    window.editor.headline_edit.setFocus()
    window.editor.headline_edit.selectAll()
    qtbot.keyClicks(
        window.editor.headline_edit, "Alexandria port cranes stand idle as dockers strike"
    )
    qtbot.mouseClick(window.submit_flow.banner.resubmit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status(window, story) == "submitted")
    assert window.store.articles.get(story).headline.startswith("Alexandria")

    # The editor publishes from the queue (P: the checklist, then out).
    be(window, EDITOR, "editor")
    assert window.show_desk("Editors' queue")
    qtbot.waitUntil(lambda: queue.model.row_of(story) >= 0)
    queue.select_row(queue.model.row_of(story))
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: status(window, story) == "published", timeout=5000)

    # On the Stories desk: correct (C), then kill (X).
    assert window.show_desk("Stories")
    stories = window.desks.currentWidget()
    stories.views.setCurrentRow(1)  # Published today
    qtbot.waitUntil(lambda: stories.model.row_of(story) >= 0)
    stories.select_row(stories.model.row_of(story))
    stories.table.setFocus()
    qtbot.keyClick(stories.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: stories.note_dialog is not None and stories.note_dialog.isVisible())
    qtbot.keyClicks(stories.note_dialog.edit, "An earlier version misnamed the port.")
    assert stories.note_dialog.grab().save(str(shots / "4-correcting.png"))
    qtbot.keyClick(stories.note_dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.store.articles.get(story).correction != "")
    shot("5-corrected")
    qtbot.keyClick(stories.table, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: stories.note_dialog.isVisible())
    qtbot.keyClicks(stories.note_dialog.edit, "Legal: withdrawn pending review.")
    qtbot.keyClick(stories.note_dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status(window, story) == "killed")
    shot("6-killed")
    actions = [h.action for h in window.store.workflow.history(story)]
    assert actions == [
        "submit", "start edit", "return", "submit", "approve", "publish", "correct", "kill",
    ]  # fmt: skip
    assert window.store.articles.get(story).headline.startswith("Alexandria")  # kept locally
