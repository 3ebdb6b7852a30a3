"""Both desks in the real main window: Enter in the queue opens the story in the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store") as win:
        win.settings.set("user/name", "Nadia Editor")
        win.settings.set("user/role", "editor")  # the queue offers what her role allows
        yield win


def test_queue_and_ticker_are_desks_and_enter_opens_in_the_editor(qtbot, window, tmp_path):
    from queue_data import seed

    from newsdesk.gui.queue.desk import QueueDesk
    from newsdesk.gui.ticker.desk import TickerDesk

    ids = seed(window.store, tmp_path)
    assert window.show_desk("Breaking ticker")
    ticker_desk = window.desks.currentWidget()
    assert isinstance(ticker_desk, TickerDesk) and ticker_desk.user == "Nadia Editor"
    assert window.show_desk("Editors' queue")
    desk = window.desks.currentWidget()
    assert isinstance(desk, QueueDesk) and desk.user == "Nadia Editor"
    assert desk.model.row_of(ids["ready"]) >= 0  # reloaded on show: seeded after the window
    desk.select_row(desk.model.row_of(ids["ready"]))
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_Return)
    assert window.desks.currentIndex() == 0  # the reporter's desk, with the story open
    assert window.editor.article_id == ids["ready"]


def test_the_queue_acts_with_the_role_in_preferences_not_always_as_an_editor(
    qtbot, window, tmp_path
):
    from queue_data import seed

    ids = seed(window.store, tmp_path)
    window.settings.set("user/role", "reporter")
    assert window.context.role == "reporter"
    assert window.show_desk("Editors' queue")
    desk = window.desks.currentWidget()
    story = ids["ready"]
    before = window.store.articles.get(story).status
    desk.select_row(desk.model.row_of(story))
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_A)  # approve: not a reporter's to do
    assert window.store.articles.get(story).status == before

    window.settings.set("user/role", "editor")  # Preferences: read at once, no restart
    assert window.context.role == "editor"
    qtbot.keyClick(desk.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.store.articles.get(story).status == "approved", timeout=3000)
