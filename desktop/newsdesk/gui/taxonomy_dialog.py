"""Editing the site's vocabulary: sections and subsections, regions, and tags (rename, merge)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..ops import Changes
from ..ops import taxonomy as ops
from ..store import Store, StoreError
from .naming import named


class TaxonomyDialog(QDialog):
    """Changes apply at once (each one operation, ops.taxonomy); `changed` carries its
    Changes, for the window to announce."""

    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taxonomyDialog")
        self.setWindowTitle("Sections, regions and tags")
        self.resize(640, 460)
        self.store = store
        self.message = QLabel()
        named(self.message, "taxonomyMessage", "Result of the last change")
        self.message.setWordWrap(True)

        tabs = QTabWidget()
        tabs.addTab(self._sections_tab(), "Sections")
        tabs.addTab(self._regions_tab(), "Regions")
        tabs.addTab(self._editions_tab(), "Editions")
        tabs.addTab(self._tags_tab(), "Tags")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    # --- tabs -------------------------------------------------------------------------
    def _sections_tab(self) -> QWidget:
        page = QWidget()
        self.section_list = named(QListWidget(), "sectionList", "Sections")
        self.subsection_list = named(
            QListWidget(), "subsectionList", "Subsections of the chosen section"
        )
        self.section_name = named(QLineEdit(), "sectionNameEdit", "Section name")
        self.section_name.setPlaceholderText("Section name")
        self.subsection_name = named(QLineEdit(), "subsectionNameEdit", "Subsection name")
        self.subsection_name.setPlaceholderText("Subsection name")
        add_section = named(QPushButton("Add section"), "addSectionButton", "Add section")
        rename_section = named(
            QPushButton("Rename chosen section"), "renameSectionButton", "Rename section"
        )
        add_subsection = named(
            QPushButton("Add subsection"), "addSubsectionButton", "Add subsection"
        )
        grid = QGridLayout(page)
        grid.addWidget(QLabel("Sections"), 0, 0)
        grid.addWidget(QLabel("Subsections"), 0, 1)
        grid.addWidget(self.section_list, 1, 0)
        grid.addWidget(self.subsection_list, 1, 1)
        grid.addWidget(self.section_name, 2, 0)
        grid.addWidget(self.subsection_name, 2, 1)
        grid.addWidget(add_section, 3, 0)
        grid.addWidget(add_subsection, 3, 1)
        grid.addWidget(rename_section, 4, 0)
        self.section_list.currentTextChanged.connect(self._show_subsections)
        add_section.clicked.connect(
            lambda: self._do(
                lambda: ops.add_section(self.store, self._need(self.section_name)),
                "Section added.",
            )
        )
        rename_section.clicked.connect(self._rename_section)
        add_subsection.clicked.connect(self._add_subsection)
        return page

    def _regions_tab(self) -> QWidget:
        page = QWidget()
        self.region_list = named(QListWidget(), "regionList", "Regions")
        self.region_name = named(QLineEdit(), "regionNameEdit", "Region name")
        self.region_name.setPlaceholderText("Region name")
        add_region = named(QPushButton("Add region"), "addRegionButton", "Add region")
        layout = QVBoxLayout(page)
        layout.addWidget(self.region_list, 1)
        layout.addWidget(self.region_name)
        layout.addWidget(add_region)
        add_region.clicked.connect(
            lambda: self._do(
                lambda: ops.add_region(self.store, self._need(self.region_name)),
                "Region added.",
            )
        )
        return page

    def _editions_tab(self) -> QWidget:
        page = QWidget()
        self.edition_list = named(QListWidget(), "editionList", "Editions")
        self.edition_code = named(QLineEdit(), "editionCodeEdit", "Edition code")
        self.edition_code.setPlaceholderText("Code, e.g. fr")
        self.edition_code.setMaxLength(8)
        self.edition_language = named(QLineEdit(), "editionLanguageEdit", "Edition language")
        self.edition_language.setPlaceholderText("Language, e.g. French")
        self.edition_rtl = named(
            QCheckBox("Right-to-left"), "editionRtlCheck", "Right-to-left script"
        )
        add_edition = named(QPushButton("Add edition"), "addEditionButton", "Add edition")
        layout = QVBoxLayout(page)
        layout.addWidget(self.edition_list, 1)
        row = QGridLayout()
        row.addWidget(self.edition_code, 0, 0)
        row.addWidget(self.edition_language, 0, 1)
        row.addWidget(self.edition_rtl, 0, 2)
        layout.addLayout(row)
        layout.addWidget(add_edition)
        add_edition.clicked.connect(
            lambda: self._do(
                lambda: ops.add_edition(
                    self.store,
                    self._need(self.edition_code),
                    self._need(self.edition_language),
                    "rtl" if self.edition_rtl.isChecked() else "ltr",
                ),
                "Edition added.",
            )
        )
        return page

    def _tags_tab(self) -> QWidget:
        page = QWidget()
        self.tag_list = named(
            QListWidget(), "tagList", "Tags with the number of articles using each"
        )
        self.tag_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tag_name = named(QLineEdit(), "tagNameEdit", "New tag name")
        self.tag_name.setPlaceholderText("New name, or the tag to merge into")
        rename = named(QPushButton("Rename chosen tag"), "renameTagButton", "Rename tag")
        merge = named(QPushButton("Merge chosen tags into"), "mergeTagsButton", "Merge tags")
        hint = QLabel(
            "Renaming a tag onto an existing one merges them. Case does not make a new tag."
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(self.tag_name)
        row = QGridLayout()
        row.addWidget(rename, 0, 0)
        row.addWidget(merge, 0, 1)
        layout.addLayout(row)
        layout.addWidget(hint)
        rename.clicked.connect(self._rename_tag)
        merge.clicked.connect(self._merge_tags)
        return page

    # --- actions ------------------------------------------------------------------------
    def _need(self, edit: QLineEdit) -> str:
        text = " ".join(edit.text().split())
        if not text:
            raise StoreError("Type a name first.")
        return text

    def _do(self, change: Callable[[], Changes], done: str) -> bool:
        try:
            changes = change()
        except StoreError as exc:  # no name, a name taken: said in words
            self._say(str(exc), error=True)
            return False
        self._say(done)
        self.reload()
        self.changed.emit(changes)
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "problem" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _rename_section(self) -> None:
        item = self.section_list.currentItem()
        if item is None:
            self._say("Choose a section to rename.", error=True)
            return
        old = item.text()
        self._do(
            lambda: ops.rename_section(self.store, old, self._need(self.section_name)),
            f"Section “{old}” renamed.",
        )

    def _add_subsection(self) -> None:
        item = self.section_list.currentItem()
        if item is None:
            self._say("Choose the section the subsection belongs to.", error=True)
            return
        section = item.text()
        self._do(
            lambda: ops.add_subsection(self.store, section, self._need(self.subsection_name)),
            "Subsection added.",
        )

    def _chosen_tags(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.tag_list.selectedItems()]

    def _rename_tag(self) -> None:
        chosen = self._chosen_tags()
        if len(chosen) != 1:
            self._say("Choose one tag to rename.", error=True)
            return
        self._do(
            lambda: ops.rename_tag(self.store, chosen[0], self._need(self.tag_name)),
            f"Tag “{chosen[0]}” renamed.",
        )

    def _merge_tags(self) -> None:
        chosen = self._chosen_tags()
        if not chosen:
            self._say("Choose the tags to merge.", error=True)
            return
        self._do(
            lambda: ops.merge_tags(self.store, chosen, self._need(self.tag_name)),
            f"{len(chosen)} tag(s) merged.",
        )

    # --- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        current = (
            self.section_list.currentItem().text() if self.section_list.currentItem() else None
        )
        self.section_list.clear()
        self.section_list.addItems(self.store.taxonomy.sections())
        matches = self.section_list.findItems(current or "", Qt.MatchFlag.MatchExactly)
        self.section_list.setCurrentRow(self.section_list.row(matches[0]) if matches else 0)
        self.region_list.clear()
        self.region_list.addItems(self.store.taxonomy.regions())
        self.edition_list.clear()
        for ed in self.store.taxonomy.editions():
            arrow = "right-to-left" if ed.is_rtl else "left-to-right"
            self.edition_list.addItem(f"{ed.language} ({ed.code}) · {arrow}")
        self.tag_list.clear()
        for name, count in self.store.tags.usage("", limit=10_000):
            item = QListWidgetItem(f"{name}  ({count})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.tag_list.addItem(item)

    def _show_subsections(self, section: str) -> None:
        self.subsection_list.clear()
        if section:
            self.subsection_list.addItems(self.store.taxonomy.subsections(section))
