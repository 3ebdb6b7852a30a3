"""Editing sections, subsections, regions and tags from the Tools menu."""

from __future__ import annotations

from guikeys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton

from newsdesk.domain.article import Article


def _dialog(qtbot, window) -> QDialog:  # type: ignore[no-untyped-def]
    window.actions_by_name["taxonomy"].trigger()
    dialog = window.findChild(QDialog, "taxonomyDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _click(qtbot, dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_sections_and_regions_edited_and_offered_in_editor(qtbot, window):
    dialog = _dialog(qtbot, window)
    type_text(dialog.section_name, "Crónicas")
    _click(qtbot, dialog, "addSectionButton")
    assert "Crónicas" in window.store.taxonomy.sections()
    sections = dialog.findChild(QListWidget, "sectionList")
    sections.setCurrentRow(sections.count() - 1)
    type_text(dialog.subsection_name, "Reportajes")
    _click(qtbot, dialog, "addSubsectionButton")
    assert window.store.taxonomy.subsections("Crónicas") == ["Reportajes"]
    dialog.section_name.clear()
    type_text(dialog.section_name, "Crónica")
    _click(qtbot, dialog, "renameSectionButton")
    assert "Crónica" in window.store.taxonomy.sections()
    type_text(dialog.region_name, "Caribe")
    _click(qtbot, dialog, "addRegionButton")
    assert window.store.taxonomy.regions()[-1] == "Caribe"

    # A duplicate is refused in words, nothing changes.
    dialog.region_name.clear()
    type_text(dialog.region_name, "caribe")
    _click(qtbot, dialog, "addRegionButton")
    assert (
        dialog.findChild(QLabel, "taxonomyMessage").text()
        == "There is already a region named 'caribe'."
    )
    assert window.store.taxonomy.regions().count("Caribe") == 1
    dialog.close()

    window.new_article()
    editor = window.editor
    assert editor.section_combo.findData("Crónica") >= 0
    editor.section_combo.setCurrentIndex(editor.section_combo.findData("Crónica"))
    assert editor.subsection_combo.findData("Reportajes") >= 0
    editor.regions_picker.toggle("Caribe")
    assert "Caribe" in editor.article().regions


def test_tags_renamed_and_merged(qtbot, window):
    store = window.store
    a = store.articles.create(Article(headline="A", tags=["Tehran"]))
    b = store.articles.create(Article(headline="B", tags=["Teheran", "Iran"]))
    heard = []
    window.changes.changed.connect(lambda changes, initiator: heard.append(changes))
    dialog = _dialog(qtbot, window)
    tags = dialog.findChild(QListWidget, "tagList")
    names = {tags.item(i).data(Qt.ItemDataRole.UserRole): tags.item(i) for i in range(tags.count())}
    names["Teheran"].setSelected(True)
    names["Tehran"].setSelected(True)
    type_text(dialog.tag_name, "Téhéran")
    _click(qtbot, dialog, "mergeTagsButton")
    assert store.articles.get(a.id).tags == ["Téhéran"]
    assert set(store.articles.get(b.id).tags) == {"Téhéran", "Iran"}
    items = [tags.item(i).text() for i in range(tags.count())]
    assert "Téhéran  (2)" in items
    # The merge is one operation, announced once: the list and an open editor follow.
    [merged] = heard
    assert merged.taxonomy and merged.articles == {a.id, b.id}

    tags.clearSelection()
    for i in range(tags.count()):
        if tags.item(i).data(Qt.ItemDataRole.UserRole) == "Iran":
            tags.item(i).setSelected(True)
    dialog.tag_name.clear()
    type_text(dialog.tag_name, "Irán")
    _click(qtbot, dialog, "renameTagButton")
    assert "Irán" in store.articles.get(b.id).tags
    assert [r["id"] for r in store.search.query("Irán")] == [b.id]


def test_an_edition_added_with_its_direction(qtbot, window):
    from PySide6.QtWidgets import QCheckBox

    dialog = _dialog(qtbot, window)
    type_text(dialog.edition_code, "fa")
    type_text(dialog.edition_language, "فارسی")
    dialog.findChild(QCheckBox, "editionRtlCheck").click()
    _click(qtbot, dialog, "addEditionButton")
    assert [(e.code, e.direction) for e in window.store.taxonomy.editions()][-1] == ("fa", "rtl")
    assert (
        dialog.edition_list.item(dialog.edition_list.count() - 1).text()
        == "فارسی (fa) · right-to-left"
    )
    dialog.close()
    window.new_article()
    editor = window.editor
    editor.edition_combo.setCurrentIndex(editor.edition_combo.findData("fa"))
    assert editor.body_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
