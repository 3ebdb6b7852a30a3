"""A reporter writes a story: new, headline, standfirst, body with formatting, tags, save, search."""

from __future__ import annotations

from guikeys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView


def test_new_article_typed_and_saved_with_accents(qtbot, window):
    store = window.store
    before = store.articles.count()
    press(qtbot, window.list_pane.table, "Ctrl+N")
    assert store.articles.count() == before + 1
    editor = window.editor
    assert window.focusWidget() is editor.headline_edit

    type_text(editor.headline_edit, "Élection à Genève : ça bouge")
    editor.standfirst_edit.setFocus()
    type_text(editor.standfirst_edit, "Les électeurs ont voté dimanche.")
    editor.body_edit.setFocus()
    type_text(editor.body_edit, "Señora Núñez a gagné.\n\nLe dépouillement continue.")
    press(qtbot, editor.body_edit, "Ctrl+S")

    saved = store.articles.get(editor.article_id)
    assert saved.headline == "Élection à Genève : ça bouge"
    assert saved.standfirst == "Les électeurs ont voté dimanche."
    assert saved.body == "Señora Núñez a gagné.\n\nLe dépouillement continue."
    assert [r.reason for r in store.revisions.list(saved.id)] == ["save", "create"]
    # The list shows the new headline in the row of the open article.
    pane = window.list_pane
    row = pane.model.row_of(saved.id)
    assert pane.model.index(row, 0).data() == "Élection à Genève : ça bouge"
    assert pane.current_article_id() == saved.id
    assert "All changes saved" in window.autosave_label.text()


def test_formatting_shortcuts_write_markdown_and_undo(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    body = window.editor.body_edit
    body.setFocus()
    type_text(body, "Officials said it was historic")
    press(qtbot, body, "Ctrl+B")  # the word under the cursor
    assert body.toPlainText() == "Officials said it was **historic**"
    press(qtbot, body, "Ctrl+Z")
    assert body.toPlainText() == "Officials said it was historic"
    press(qtbot, body, "Ctrl+Shift+Z")
    assert body.toPlainText() == "Officials said it was **historic**"
    press(qtbot, body, "Ctrl+H")
    assert body.toPlainText() == "## Officials said it was **historic**"
    press(qtbot, body, "Ctrl+H")
    press(qtbot, body, "Ctrl+Shift+Q")
    assert body.toPlainText() == "> Officials said it was **historic**"
    body.selectAll()
    press(qtbot, body, "Ctrl+Shift+Q")
    press(qtbot, body, "Ctrl+I")
    assert body.toPlainText() == "*Officials said it was **historic***"
    body.setPlainText("")
    type_text(body, "see the report")
    press(qtbot, body, "Ctrl+K")
    assert body.toPlainText() == "see the [report](https://)"
    assert body.textCursor().selectedText() == "https://"  # ready to paste the URL
    type_text(body, "https://example.org/r")
    assert body.toPlainText() == "see the [report](https://example.org/r)"
    body.setPlainText("one\ntwo")
    body.selectAll()
    press(qtbot, body, "Ctrl+Shift+L")
    assert body.toPlainText() == "- one\n- two"
    # The toolbar buttons are the same actions.
    bar = window.editor.format_bar
    assert [a.objectName() for a in bar.actions()][:3] == [
        "action_bold",
        "action_italic",
        "action_heading",
    ]


def test_tags_complete_from_usage_and_are_saved(qtbot, window):
    from newsdesk.domain.article import Article

    store = window.store
    for i in range(3):
        store.articles.create(Article(headline=f"Story {i}", tags=["Azerbaijan", "Iran"]))
    store.articles.create(Article(headline="Other", tags=["Azores"]))
    press(qtbot, window.list_pane.table, "Ctrl+N")
    tags = window.editor.tags_edit
    tags.setFocus()
    type_text(tags, "Israel, az")
    completer = tags.completer_popup()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    # Most used first.
    assert [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())] == [
        "Azerbaijan",
        "Azores",
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text().startswith("Israel, Azerbaijan,")
    type_text(tags, "Téhéran")
    press(qtbot, tags, "Ctrl+S")
    saved = store.articles.get(window.editor.article_id)
    assert saved.tags == ["Israel", "Azerbaijan", "Téhéran"]
    assert dict(store.tags.usage("Az"))["Azerbaijan"] == 4


def test_search_box_finds_by_body_words_and_opens(qtbot, window):
    from newsdesk.domain.article import Article

    store = window.store
    target = store.articles.create(
        Article(headline="Harbour cranes return", body="The quayside at Tyre was busy")
    )
    store.articles.create(Article(headline="Unrelated", body="Nothing here"))
    press(qtbot, window.list_pane.table, "Ctrl+F")
    box = window.findChild(QLineEdit, "searchBox")
    assert window.focusWidget() is box
    type_text(box, "quaysi")
    table = window.findChild(QTableView, "articleList")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=2000)
    assert table.model().index(0, 0).data() == "Harbour cranes return"
    assert window.list_pane.count_label.text() == "1 match, best first"
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, 0)).center(),
    )
    assert window.editor.article_id == target.id
    assert window.editor.headline_edit.text() == "Harbour cranes return"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter on the row: start writing in it
    assert window.focusWidget() is window.editor.body_edit
    box.clear()
    qtbot.waitUntil(lambda: table.model().rowCount() >= 2, timeout=2000)


def test_switching_article_saves_and_next_previous(qtbot, window):
    from newsdesk.domain.article import Article

    store = window.store
    a = store.articles.create(Article(headline="First"))
    b = store.articles.create(Article(headline="Second"))
    window.list_pane.apply_query()
    window.list_pane.select_article(b.id)
    assert window.editor.article_id == b.id
    window.editor.body_edit.setFocus()
    type_text(window.editor.body_edit, "typed before moving on")
    press(qtbot, window.editor.body_edit, "Alt+Down")  # next in the list: older
    assert window.editor.article_id == a.id
    assert store.articles.get(b.id).body == "typed before moving on"
    press(qtbot, window.editor.body_edit, "Alt+Up")
    assert window.editor.article_id == b.id
    press(qtbot, window.editor.body_edit, "Ctrl+PgDown")
    assert window.editor.article_id == a.id
