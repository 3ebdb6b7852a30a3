"""Desks learn of each other's changes from the ChangeHub, never from a timer, and do not
depend on the order they are built in."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from newsdesk.domain.article import Article
from windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        win.settings.set("user/name", "Nadia Editor")
        win.settings.set("user/role", "editor")  # the queue offers what her role allows
        yield win


def a_photo(window, tmp_path):
    from newsdesk.photos.importer import import_files

    path = tmp_path / "harbour.jpg"
    Image.new("RGB", (64, 48), (10, 90, 160)).save(path, "JPEG")
    return import_files(window.store, [path], workers=1).photos[0]


def queued_story(window, headline: str = "Council votes") -> int:
    article = Article(headline=headline, body="First.", status="submitted")
    window.store.articles.create(article, author="amal")
    assert article.id is not None
    return article.id


class SqlCount:
    """Every statement run on the window's connections (the main thread's and the worker's)."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        self.main: list[str] = []
        self.worker: list[str] = []
        self.conns = [window.store.conn, window.runner.store.conn]
        window.store.conn.set_trace_callback(self.main.append)
        window.runner.store.conn.set_trace_callback(self.worker.append)

    @property
    def statements(self) -> list[str]:
        return self.main + self.worker

    def queue_reads(self, where: list[str]) -> int:
        return sum("LEFT JOIN claims" in s for s in where)

    def close(self) -> None:
        for conn in self.conns:
            conn.set_trace_callback(None)


def test_insert_photo_works_before_the_photo_desk_was_ever_opened(qtbot, window, tmp_path):
    from newsdesk.gui.photodesk.desk import PhotoDesk
    from newsdesk.gui.photodesk.picker import PhotoPickerDialog

    photo = a_photo(window, tmp_path)
    article = Article(headline="Border patrol", body="Intro.")
    window.store.articles.create(article, author="amal")
    window.list_pane.apply_query()
    assert window.list_pane.select_article(article.id)
    photo_desk_row = [
        row
        for row in range(window.desk_bar.count())
        if window.desk_bar.item(row).text() == "Photo desk"
    ][0]
    # Not built yet; and taken out, so that nothing can build it during the test.
    assert window._pending_desks.pop(photo_desk_row) is not None

    action = window.editor.findChild(QAction, "insertPhotoAction")
    assert action is not None and action.isEnabled()

    def pick() -> None:  # the person picks the photo in the dialog and presses OK
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PhotoPickerDialog)
        dialog.view.setCurrentIndex(dialog.model.index(0))
        dialog.accept()

    QTimer.singleShot(200, pick)
    action.trigger()
    assert f"photo:{photo.uuid}" in window.editor.body_edit.toPlainText()
    assert not isinstance(window.desks.widget(photo_desk_row), PhotoDesk)


def test_the_queue_refreshes_on_a_change_from_another_desk_not_on_a_timer(qtbot, window, tmp_path):
    story_id = queued_story(window)
    assert window.show_desk("Editors' queue")
    queue = window.desks.currentWidget()
    assert queue.model.row_of(story_id) >= 0
    photo = a_photo(window, tmp_path)

    sql = SqlCount(window)
    try:
        # Every timer the desk owns fires: none of them reads the store.
        for timer in queue.findChildren(QTimer):
            timer.timeout.emit()
        assert sql.statements == [], sql.statements

        # The photo desk (another desk) makes the story's photo its lead: announced.
        photo_desk = window.desk("Photo desk")
        photo_desk.set_as_lead(story_id, photo.id)
        assert sql.queue_reads(sql.worker) == 1, "the shown queue read itself again, once"
        assert sql.queue_reads(sql.main) == 0, "on the database worker"
    finally:
        sql.close()
    assert window.store.articles.get(story_id).lead_photo_id == photo.id


def test_a_hidden_queue_is_stale_and_reads_again_when_shown(qtbot, window):
    from newsdesk.ops import Changes

    assert window.show_desk("Editors' queue")
    queue = window.desks.currentWidget()
    window.show_desk("Reporter's desk")
    story_id = queued_story(window, "Filed while the queue was hidden")
    sql = SqlCount(window)
    try:
        # What the reporter's save announces (or another window, or the sync).
        window.announce(Changes.of_articles(story_id, queue=True), window.session)
        assert sql.queue_reads(sql.statements) == 0, "no read while hidden"
        assert queue.stale
    finally:
        sql.close()
    window.show_desk("Editors' queue")
    assert queue.model.row_of(story_id) >= 0


def test_the_photo_desk_follows_a_change_made_on_the_queue(qtbot, window):
    photo_desk = window.desk("Photo desk")
    assert window.show_desk("Editors' queue")
    queue = window.desks.currentWidget()
    story_id = queued_story(window, "Harbour reopens")
    queue.reload(keep_id=story_id)
    assert photo_desk.article.findData(story_id) < 0  # its list of articles is older
    queue.table.setFocus()
    queue.act("claim")
    assert window.store.workflow.claim_of(story_id) is not None
    assert photo_desk.stale, "hidden: marked, not re-read"
    window.show_desk("Photo desk")
    assert photo_desk.article.findData(story_id) >= 0
    assert not photo_desk.stale
