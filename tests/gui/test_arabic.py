"""Arabic articles are edited right-to-left; mixed paragraphs keep their direction; counts are right."""

from __future__ import annotations

from guikeys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from newsdesk.domain.bidi import paragraph_rtl


def test_arabic_edition_edits_right_to_left(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    editor = window.editor
    editions = window.findChild(QComboBox, "editionCombo")
    editions.setCurrentIndex(editions.findData("ar"))
    rtl = Qt.LayoutDirection.RightToLeft
    assert editor.headline_edit.layoutDirection() == rtl
    assert editor.body_edit.layoutDirection() == rtl
    assert editor.byline_edit.layoutDirection() == rtl

    type_text(editor.headline_edit, "استئناف المحادثات في الدوحة")
    editor.body_edit.setFocus()
    body = (
        "قال المتحدث إن المحادثات ستستأنف غداً.\nThe talks resume tomorrow.\nCNN قالت إن الوفد وصل."
    )
    type_text(editor.body_edit, body)
    # Direction fixes run right after each edit, on the event loop.
    qtbot.waitUntil(lambda: editor.body_edit.block_rtl(0) is True, timeout=5000)  # Arabic
    assert editor.body_edit.block_rtl(1) is False  # English paragraph inside an Arabic article
    assert editor.body_edit.block_rtl(2) is True  # mixed, opening in Latin: stays Arabic
    # 6 + 4 + 5 words; tanween (ً) does not split a word, punctuation is not one.
    # (The count runs after a debounce: wait for it, not for a fixed time.)
    qtbot.waitUntil(lambda: editor.stats_label.text().startswith("15 words"), timeout=5000)
    press(qtbot, editor.body_edit, "Ctrl+S")
    saved = window.store.articles.get(editor.article_id)
    assert saved.edition == "ar" and saved.direction == "rtl"
    assert saved.body == body
    assert saved.headline == "استئناف المحادثات في الدوحة"

    # Undo takes back the typing (Qt merges a run of typing into one step) and
    # redo brings it back exactly; direction changes ride along, never a step of their own.
    editor.body_edit.setFocus()
    type_text(editor.body_edit, " جديد")
    press(qtbot, editor.body_edit, "Ctrl+Z")
    undone = editor.body_edit.toPlainText()
    assert "جديد" not in undone and body.startswith(undone)
    press(qtbot, editor.body_edit, "Ctrl+Shift+Z")
    assert editor.body_edit.toPlainText() == body + " جديد"
    assert editor.body_edit.block_rtl(2) is True

    # Back to English: Arabic-only paragraphs stay right-to-left, mixed ones follow the edition.
    editions.setCurrentIndex(editions.findData("en"))
    assert editor.body_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert editor.body_edit.block_rtl(0) is True
    assert editor.body_edit.block_rtl(2) is False


def test_paragraph_direction_rule():
    assert paragraph_rtl("مرحبا", edition_rtl=False) is True
    assert paragraph_rtl("Hello", edition_rtl=True) is False
    assert paragraph_rtl("BBC: مرحبا", edition_rtl=True) is True
    assert paragraph_rtl("BBC: مرحبا", edition_rtl=False) is False
    assert paragraph_rtl("2024 — 15%", edition_rtl=True) is True


def test_read_time_follows_the_setting(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    editor = window.editor
    editor.body_edit.setPlainText(" ".join(["palabra"] * 570))
    qtbot.waitUntil(  # as the site shows, once the debounced count has run
        lambda: editor.stats_label.text() == "570 words  ·  4 Min Read", timeout=5000
    )
    from newsdesk.ops.house import set_house_setting

    window.announce(set_house_setting(window.store, "words_per_minute", "300"))
    assert editor.stats_label.text() == "570 words  ·  2 Min Read"
