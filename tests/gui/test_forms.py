"""The static forms live in ui/ (Qt Designer files): they open in Designer's loader, their
generated modules are current, and the window shows them, every named widget present."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from newsdesk.ui import compiled, forms, module_for
from PySide6.QtCore import QBuffer, QByteArray, QTimer
from PySide6.QtWidgets import QDialog, QWidget

FORM_NAMES = {
    "about_dialog", "article_inspector", "batch_caption_dialog", "firstrun_edition_page",
    "firstrun_publish_page", "firstrun_who_page", "note_dialog", "photo_edit_panel",
    "schedule_dialog", "shortcuts_dialog", "site_dialog", "site_settings_dialog", "sources_panel",
    "taxonomy_dialog",
}  # fmt: skip


def widget_names(form: str) -> list[str]:
    """Every widget the form names (its root first): what the code may look up."""
    root = ET.parse(next(f for f in forms() if f.stem == form)).getroot()
    return [w.get("name", "") for w in root.iter("widget")]


def assert_built_from(widget: QWidget, form: str) -> None:
    names = widget_names(form)
    assert widget.objectName() == names[0], form
    missing = [n for n in names[1:] if widget.findChild(QWidget, n) is None]
    assert not missing, f"{form}: not in the window's widget: {missing}"


def test_every_form_is_in_ui_and_opens_in_designers_loader(qapp):
    from PySide6.QtUiTools import QUiLoader

    assert {f.stem for f in forms()} == FORM_NAMES
    loader = QUiLoader()
    for form in forms():
        data = QBuffer()
        data.setData(QByteArray(form.read_bytes()))
        data.open(QBuffer.OpenModeFlag.ReadOnly)
        widget = loader.load(data)
        assert widget is not None, f"{form.name}: {loader.errorString()}"
        assert widget.objectName() == widget_names(form.stem)[0]
        widget.deleteLater()


@pytest.mark.parametrize("form", sorted(FORM_NAMES))
def test_generated_module_is_current(form):
    path = next(f for f in forms() if f.stem == form)
    assert module_for(path).read_text(encoding="utf-8") == compiled(path), (
        f"{module_for(path).name} is out of date: run `python -m newsdesk.ui`"
    )


def _open_dialog(qtbot, window, command: str, name: str) -> QDialog:
    window.actions_by_name[command].trigger()
    dialog = None

    def shown() -> bool:
        nonlocal dialog
        dialog = window.findChild(QDialog, name)
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(shown)
    assert dialog is not None
    return dialog


def test_the_window_shows_the_forms_from_ui(qtbot, window):
    # Built with the window: the article inspector and its sources panel.
    assert_built_from(window.editor.inspector.widget(), "article_inspector")
    assert_built_from(window.editor.sources_panel, "sources_panel")
    # Help and the taxonomy, from their menu commands.
    for command, name, form in (
        ("about", "aboutDialog", "about_dialog"),
        ("shortcuts", "shortcutsDialog", "shortcuts_dialog"),
        ("taxonomy", "taxonomyDialog", "taxonomy_dialog"),
    ):
        dialog = _open_dialog(qtbot, window, command, name)
        assert_built_from(dialog, form)
        dialog.reject()
    # The first-run guide's three pages, and the site dialog its last page opens.
    guide = _open_dialog(qtbot, window, "firstrun", "firstRunGuide")
    assert_built_from(guide.who, "firstrun_who_page")
    assert_built_from(guide.edition, "firstrun_edition_page")
    assert_built_from(guide.publish, "firstrun_publish_page")
    guide.next()
    guide.next()
    guide.publish.add_site.click()
    qtbot.waitUntil(lambda: guide.publish.site_dialog is not None)
    assert_built_from(guide.publish.site_dialog, "site_dialog")
    guide.publish.site_dialog.reject()
    guide.skip()


def test_the_desks_show_the_forms_from_ui(qtbot, window, tmp_path: Path):
    from gui_queue.queue_data import add_photo, story

    # The editors' queue: the required note and the publication time.
    article = story(window.store, headline="Talks resume")
    window.show_desk("Editors' queue")
    qtbot.waitUntil(lambda: window.desk("Editors' queue") is not None)
    queue = window.desk("Editors' queue")
    queue.ask_return(article.id)
    assert_built_from(queue.note_dialog, "note_dialog")
    queue.note_dialog.reject()
    queue.ask_schedule(article.id)
    assert_built_from(queue.schedule_dialog, "schedule_dialog")
    queue.schedule_dialog.reject()

    # The photo desk: its edit panel, and batch captioning of the selected photos.
    add_photo(window.store, tmp_path, "coast", "#3a6ea5")
    window.show_desk("Photo desk")
    qtbot.waitUntil(lambda: window.desk("Photo desk") is not None)
    desk = window.desk("Photo desk")
    assert_built_from(desk.panel, "photo_edit_panel")
    desk.apply_filter()
    assert desk.model.rowCount() >= 1  # the sample photos a new store holds, and ours
    desk.view.selectAll()
    seen: list[str] = []

    def inspect_and_close() -> None:  # batch_caption() waits in exec()
        dialog = desk.findChild(QDialog, "batchCaptionDialog")
        assert dialog is not None
        try:
            assert_built_from(dialog, "batch_caption_dialog")
            seen.append(dialog.objectName())
        finally:
            dialog.reject()

    QTimer.singleShot(0, inspect_and_close)
    desk.batch_caption()
    assert seen == ["batchCaptionDialog"]
