"""The stories desk beside the queue: an editor publishes from the queue, then corrects,
kills, unschedules, spikes and unspikes by key, in the real window; the desk follows
changes made elsewhere without a timer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from windows import shown_window

EDITOR = "Nadia Editor"


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store") as win:
        win.settings.set("user/name", EDITOR)
        win.settings.set("user/role", "editor")
        yield win


def _stories(window):
    from newsdesk.gui.stories.desk import StoriesDesk

    assert window.show_desk("Stories")
    desk = window.desks.currentWidget()
    assert isinstance(desk, StoriesDesk)
    return desk


def _view(desk, title):
    from newsdesk.gui.stories.desk import VIEWS

    desk.views.setCurrentRow([v[0] for v in VIEWS].index(title))
    desk.table.setFocus()


def _select(desk, article_id):
    row = desk.model.row_of(article_id)
    assert row >= 0, f"story {article_id} not in {desk.title.text()}"
    desk.select_row(row)
    desk.table.setFocus()


def _write_note(qtbot, desk, text):
    dialog = desk.note_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.edit, text)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()


def test_publish_correct_and_kill_by_key(qtbot, window, tmp_path, artifacts_dir):
    from queue_data import seed

    ids = seed(window.store, tmp_path)
    story = ids["ready"]
    assert window.show_desk("Editors' queue")
    queue = window.desks.currentWidget()
    queue.select_row(queue.model.row_of(story))
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.store.articles.get(story).status == "published")

    desk = _stories(window)
    _view(desk, "Published today")
    _select(desk, story)  # announced by the queue: there without a reload by hand
    assert desk.buttons[desk_action("CORRECT")].isVisible()
    assert not desk.buttons[desk_action("UNSPIKE")].isVisible()

    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    _write_note(qtbot, desk, "An earlier version gave the wrong date for the reopening.")
    qtbot.waitUntil(lambda: window.store.articles.get(story).correction != "")
    article = window.store.articles.get(story)
    assert article.status == "published"
    assert article.correction.startswith("An earlier version gave the wrong date")
    qtbot.waitUntil(
        lambda: "wrong date" in desk.model.data(desk.model.index(desk.model.row_of(story), 4))
    )
    assert window.grab().save(str(artifacts_dir / "stories-desk.png"))

    qtbot.keyClick(desk.table, Qt.Key.Key_X)
    _write_note(qtbot, desk, "Legal: the named official was not involved.")
    qtbot.waitUntil(lambda: window.store.articles.get(story).status == "killed")
    qtbot.waitUntil(lambda: desk.model.row_of(story) < 0)  # gone from "Published today"
    _view(desk, "Killed")
    _select(desk, story)
    history = window.store.workflow.history(story)
    assert [h.action for h in history][-2:] == ["correct", "kill"]
    assert history[-1].actor == EDITOR


def test_unschedule_spike_and_unspike(qtbot, window, tmp_path):
    from queue_data import seed

    from newsdesk.ops.workflow import transition

    ids = seed(window.store, tmp_path)
    when = (datetime.now(UTC) + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    transition(
        window.store, ids["ready"], "schedule", actor=EDITOR, role="editor", scheduled_at=when
    )
    desk = _stories(window)
    _view(desk, "Scheduled")
    _select(desk, ids["ready"])
    assert "in 4 h" in desk.model.data(desk.model.index(desk.model.row_of(ids["ready"]), 3))

    qtbot.keyClick(desk.table, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.store.articles.get(ids["ready"]).status == "approved")
    qtbot.waitUntil(lambda: desk.model.row_of(ids["ready"]) < 0)

    transition(
        window.store, ids["ready"], "schedule", actor=EDITOR, role="editor", scheduled_at=when
    )
    window.announce(changes_of(ids["ready"]))  # made elsewhere: the shown desk follows
    _select(desk, ids["ready"])
    qtbot.keyClick(desk.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.store.articles.get(ids["ready"]).status == "spiked")
    _view(desk, "Spiked")
    _select(desk, ids["ready"])
    qtbot.keyClick(desk.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.store.articles.get(ids["ready"]).status == "scheduled")
    qtbot.waitUntil(lambda: desk.model.row_of(ids["ready"]) < 0)  # back where it was


def test_a_reporter_sees_the_stories_but_cannot_act(qtbot, window, tmp_path):
    from queue_data import seed

    from newsdesk.ops.workflow import transition

    ids = seed(window.store, tmp_path)
    transition(window.store, ids["ready"], "publish", actor=EDITOR, role="editor")
    window.settings.set("user/role", "reporter")
    desk = _stories(window)
    assert desk.role == "reporter"
    _view(desk, "Published this week")
    _select(desk, ids["ready"])
    assert not any(button.isVisible() for button in desk.buttons.values())
    qtbot.keyClick(desk.table, Qt.Key.Key_X)
    assert "not possible" in desk.message.text()  # refused before any operation ran
    assert desk.note_dialog is None
    assert window.store.articles.get(ids["ready"]).status == "published"


def test_hidden_desk_reloads_when_shown_not_on_a_timer(qtbot, window, tmp_path):
    from queue_data import seed

    from newsdesk.ops.workflow import transition

    ids = seed(window.store, tmp_path)
    desk = _stories(window)
    _view(desk, "Published today")
    window.show_desk("Reporter's desk")
    queries: list[str] = []
    window.store.conn.set_trace_callback(queries.append)
    transition(window.store, ids["ready"], "publish", actor=EDITOR, role="editor")
    window.announce(changes_of(ids["ready"]))
    QApplication.processEvents()
    assert desk.stale and not any("FROM articles a WHERE a.status" in q for q in queries)
    window.store.conn.set_trace_callback(None)
    window.show_desk("Stories")
    assert desk.model.row_of(ids["ready"]) >= 0


def changes_of(article_id):
    from newsdesk.ops import Changes

    return Changes.of_articles(article_id, queue=True)


def desk_action(name):
    from newsdesk.domain.workflow import Action

    return Action[name]
