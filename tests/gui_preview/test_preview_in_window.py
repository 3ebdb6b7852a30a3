"""The preview in the real main window, as a reporter meets it: open, type, see the page."""

from __future__ import annotations

import time

import pytest
from preview_helpers import delete_now, page_html
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication


def type_keys(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def window(qtbot, tmp_path):
    from newsdesk.app import build_window
    from newsdesk.gui.preview.attach import attach_preview

    win = build_window(tmp_path / "store")
    qtbot.addWidget(win)
    pane = win.preview or attach_preview(win)
    win.resize(1800, 1000)
    win.show()
    qtbot.waitExposed(win)
    # QtWebEngine starts once the window has painted (its stand-in until then).
    qtbot.waitUntil(lambda: pane.web is not None or pane.fallback is not None, timeout=10000)
    yield win, pane
    win.close()
    store = win.store
    win.deleteLater()  # the page before its profile, before the application goes
    delete_now()
    store.close()


def test_new_user_opens_a_sample_types_and_sees_the_page(qtbot, window, artifacts_dir):
    win, pane = window
    assert win.preview is pane and pane.isVisible()
    headline = win.editor.headline_edit.toPlainText()
    qtbot.waitUntil(lambda: headline in page_html(qtbot, pane), timeout=15000)
    body = win.editor.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_keys(body, "\n\nA new paragraph typed in the editor.")
    started = time.perf_counter()
    qtbot.waitUntil(
        lambda: "A new paragraph typed in the editor." in page_html(qtbot, pane), timeout=5000
    )
    assert time.perf_counter() - started < 2
    assert pane.web is None or pane.web.interceptor.blocked == []
    qtbot.wait(300)
    win.grab().save(str(artifacts_dir / "preview-in-window.png"))


def test_a_read_next_card_opens_that_story(qtbot, window):
    win, pane = window
    qtbot.waitUntil(lambda: pane.last_page is not None, timeout=15000)
    current = win.editor.article_id
    other = next(
        s
        for s in win.store.articles.summaries(limit=50)
        if s["id"] != current and not s["priority"]
    )
    pane.linkActivated.emit(QUrl(f"newsdesk://app/article/{other['uuid']}"))
    qtbot.waitUntil(lambda: win.editor.article_id == other["id"], timeout=5000)


def test_caption_edits_on_the_photo_desk_reach_the_open_preview(qtbot, window):
    """The photo editor captions a photo the reporter's open story uses: the page shows
    the new caption without the story being saved or opened again."""
    win, pane = window
    qtbot.waitUntil(lambda: pane.last_page is not None, timeout=15000)
    store = win.store
    article_id = next(
        s["id"]
        for s in store.articles.summaries(limit=50)
        if store.articles.get(s["id"]).lead_photo_id
    )
    win.list_pane.select_article(article_id)
    qtbot.waitUntil(lambda: win.editor.article_id == article_id, timeout=5000)
    photo_id = store.articles.get(article_id).lead_photo_id
    desk = win.desk("Photo desk")
    assert desk is not None

    desk.edit({photo_id: {"caption": "Fishing boats wait at the quay."}}, "Caption")
    qtbot.waitUntil(
        lambda: "Fishing boats wait at the quay." in page_html(qtbot, pane), timeout=5000
    )

    desk.save_use(article_id, photo_id, "lead", "This story's own caption.", None)
    qtbot.waitUntil(lambda: "This story's own caption." in page_html(qtbot, pane), timeout=5000)
    assert win.editor.article_id == article_id  # nothing was reopened
