"""Browse revisions with a word-level diff and restore one (as a new revision)."""

from __future__ import annotations

from guikeys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidget, QPushButton, QTextBrowser


def _open_history(qtbot, window) -> QDialog:  # type: ignore[no-untyped-def]
    press(qtbot, window.editor.body_edit, "Ctrl+Shift+H")
    dialog = window.findChild(QDialog, "historyDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_browse_diff_and_restore(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    editor = window.editor
    type_text(editor.headline_edit, "Talks resume in Doha")
    editor.body_edit.setFocus()
    type_text(editor.body_edit, "Negotiators met on Monday.")
    press(qtbot, editor.body_edit, "Ctrl+S")
    editor.body_edit.selectAll()
    type_text(editor.body_edit, "Negotiators met again on Tuesday.")
    press(qtbot, editor.body_edit, "Ctrl+S")
    article_id = editor.article_id
    type_text(editor.body_edit, " Unsaved words.")

    dialog = _open_history(qtbot, window)
    revisions = dialog.findChild(QListWidget, "revisionList")
    # Opening history saved the unsaved words first: nothing is lost.
    texts = [revisions.item(i).text() for i in range(revisions.count())]
    assert [t.split()[0] for t in texts] == ["#4", "#3", "#2", "#1"]
    assert "save" in texts[0] and "create" in texts[-1]

    revisions.setCurrentRow(2)  # revision 2: "Negotiators met on Monday."
    diff = dialog.findChild(QTextBrowser, "historyDiff")
    html = diff.toHtml()
    assert "Body" in diff.toPlainText()
    assert "Monday." in diff.toPlainText() and "Tuesday." in diff.toPlainText()
    assert "line-through" in html  # the deletion struck through
    assert "#d9f7e3" in html  # the insertion in green

    heard = []
    window.changes.changed.connect(lambda changes, initiator: heard.append(changes))
    restore = dialog.findChild(QPushButton, "restoreButton")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert editor.body_edit.toPlainText() == "Negotiators met on Monday."
    # The restore is one operation, announced once: the list and other desks follow.
    assert [c.articles for c in heard] == [{article_id}]
    history = window.store.revisions.list(article_id)
    assert history[0].number == 5 and history[0].reason == "restore of 2"
    assert window.store.articles.get(article_id).body == "Negotiators met on Monday."
    assert revisions.count() == 5  # the dialog shows the restore at once
    assert "restored as revision 5" in window.statusBar().currentMessage()
    dialog.close()


def test_diff_of_arabic_article_is_right_to_left(qtbot, window):
    from newsdesk.gui.history import diff_html

    html = diff_html({"body": "قال الوزير"}, {"body": "قال الوزير اليوم"}, rtl=True)
    assert 'dir="rtl"' in html and "اليوم" in html


def test_diff_paragraphs_keep_their_own_direction():
    from newsdesk.gui.history import diff_html

    html = diff_html(
        {"body": "Hello\n\nقال الوزير"}, {"body": "Hello there\n\nقال الوزير"}, rtl=False
    )
    assert '<p dir="ltr" style="margin:0 0 4px 0;">Hello<span' in html
    assert '<p dir="rtl" style="margin:0 0 4px 0;">قال الوزير</p>' in html
    long_equal = "word " * 400
    html = diff_html({"body": long_equal + "old"}, {"body": long_equal + "new"})
    assert " … " in html and html.count("word") < 200  # unchanged text elided around the change
