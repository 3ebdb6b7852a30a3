"""What other desks rely on: add_desk, set_preview with F9, the editor's signals; preferences."""

from __future__ import annotations

from guikeys import press, type_text
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QSpinBox

from newsdesk.domain.article import Article


def test_preview_follows_editor_and_f9_toggles(qtbot, window):
    preview = QLabel("preview")
    window.set_preview(preview)
    assert window.reporter_splitter.indexOf(preview) == 2
    opened, edited = [], []
    window.editor.articleOpened.connect(opened.append)
    window.editor.articleEdited.connect(edited.append)
    press(qtbot, window.list_pane.table, "Ctrl+N")
    assert isinstance(opened[-1], Article) and opened[-1].id == window.editor.article_id
    window.editor.body_edit.setFocus()
    type_text(window.editor.body_edit, "Año nuevo")
    qtbot.waitUntil(lambda: bool(edited) and edited[-1].body == "Año nuevo", timeout=2000)
    assert all(isinstance(a, Article) for a in edited)
    assert len(edited) < len("Año nuevo")  # coalesced, not one per keystroke
    assert preview.isVisible()
    press(qtbot, window.editor.body_edit, "F9")
    assert not preview.isVisible()
    press(qtbot, window.editor.body_edit, "F9")
    assert preview.isVisible()


def test_add_desk_ready_or_built_later(qtbot, window):
    built = []

    def factory() -> QLabel:
        built.append(True)
        return QLabel("a later desk")

    ready = QLabel("a ready desk")
    window.add_desk("Ready desk", ready)
    window.add_desk("Later desk", factory)
    assert window.desk_bar.item(0).text() == "Reporter's desk"
    assert window.show_desk("Ready desk") and window.desks.currentWidget() is ready
    assert window.show_desk("Later desk")
    assert built == [True] and window.desks.currentWidget().text() == "a later desk"
    window.build_pending_desks()
    assert built == [True]  # built once
    press(qtbot, window.desk_bar, "Ctrl+F")  # Find brings the reporter's desk back
    assert window.desks.currentIndex() == 0


def test_preferences_dialog_sets_reading_speed(qtbot, window, monkeypatch):
    from newsdesk.gui.preferences import PreferencesDialog

    press(qtbot, window.list_pane.table, "Ctrl+N")
    window.editor.body_edit.setPlainText(" ".join(["word"] * 570))
    # The count runs after a debounce, later still on a loaded machine: wait for it.
    qtbot.waitUntil(lambda: window.editor.stats_label.text().endswith("4 Min Read"), timeout=5000)

    def run(dialog: PreferencesDialog) -> int:
        dialog.findChild(QSpinBox, "words_per_minuteSetting").setValue(114)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    window.actions_by_name["preferences"].trigger()
    assert window.store.house.words_per_minute == 114  # the newsroom's, in the store
    qtbot.waitUntil(
        lambda: window.editor.stats_label.text() == "570 words  ·  5 Min Read", timeout=5000
    )


def test_lead_photo_is_part_of_the_article_and_saved(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    assert not window.editor.is_dirty
    window.editor.set_lead_photo(7)
    assert window.editor.is_dirty and window.editor.article().lead_photo_id == 7
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    assert window.store.articles.get(window.editor.article_id).lead_photo_id == 7
