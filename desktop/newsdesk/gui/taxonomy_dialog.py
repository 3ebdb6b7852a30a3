"""Editing the site's vocabulary: sections and subsections, regions, and tags (rename, merge).

Each change is one operation (ops.taxonomy) on the database worker, announced there;
the names are read from the fields before it is queued, and the dialog's buttons
wait for its answer (a name already taken, a locked store: said in words, the typed
name kept).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ..ops import Changes
from ..ops import taxonomy as ops
from ..store import Store, StoreError
from ..ui.taxonomy_dialog_ui import Ui_TaxonomyDialog
from .runner import failure_in_words

if TYPE_CHECKING:
    from .context import AppContext

Operation = Callable[[Store], Changes]


def _op(change: Callable[..., Changes], *args: Any) -> Operation:
    """`change(store, *args)` with its arguments taken now, on the main thread."""
    return lambda store: change(store, *args)


class TaxonomyDialog(QDialog):
    """Changes apply at once; the runner announces each one's Changes to every screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TaxonomyDialog()
        self.ui.setupUi(self)  # the layout: ui/taxonomy_dialog.ui
        self.ctx = ctx
        self.store = ctx.store  # reads only: the lists shown
        self.message = self.ui.taxonomyMessage
        self.in_flight = 0
        self.ui.buttons.rejected.connect(self.reject)
        self._connect_sections()
        self._connect_regions()
        self._connect_editions()
        self._connect_tags()
        self.reload()

    # --- tabs -------------------------------------------------------------------------
    def _connect_sections(self) -> None:
        ui = self.ui
        self.section_list, self.subsection_list = ui.sectionList, ui.subsectionList
        self.section_name, self.subsection_name = ui.sectionNameEdit, ui.subsectionNameEdit
        self.section_list.currentTextChanged.connect(self._show_subsections)
        ui.addSectionButton.clicked.connect(
            lambda: self._do(
                lambda: _op(ops.add_section, self._need(self.section_name)), "Section added."
            )
        )
        ui.renameSectionButton.clicked.connect(self._rename_section)
        ui.addSubsectionButton.clicked.connect(self._add_subsection)

    def _connect_regions(self) -> None:
        self.region_list, self.region_name = self.ui.regionList, self.ui.regionNameEdit
        self.ui.addRegionButton.clicked.connect(
            lambda: self._do(
                lambda: _op(ops.add_region, self._need(self.region_name)), "Region added."
            )
        )

    def _connect_editions(self) -> None:
        ui = self.ui
        self.edition_list, self.edition_rtl = ui.editionList, ui.editionRtlCheck
        self.edition_code, self.edition_language = ui.editionCodeEdit, ui.editionLanguageEdit
        ui.addEditionButton.clicked.connect(
            lambda: self._do(
                lambda: _op(
                    ops.add_edition,
                    self._need(self.edition_code),
                    self._need(self.edition_language),
                    "rtl" if self.edition_rtl.isChecked() else "ltr",
                ),
                "Edition added.",
            )
        )

    def _connect_tags(self) -> None:
        self.tag_list, self.tag_name = self.ui.tagList, self.ui.tagNameEdit
        rename, merge = self.ui.renameTagButton, self.ui.mergeTagsButton
        rename.clicked.connect(self._rename_tag)
        merge.clicked.connect(self._merge_tags)

    # --- actions ------------------------------------------------------------------------
    def _need(self, edit: QLineEdit) -> str:
        text = " ".join(edit.text().split())
        if not text:
            raise StoreError("Type a name first.")
        return text

    def _do(self, prepare: Callable[[], Operation], done: str) -> bool:
        """Read the fields (`prepare`, here), then queue the operation on the worker."""
        try:
            operation = prepare()
        except StoreError as exc:  # no name: said in words
            self._say(str(exc), error=True)
            return False
        self._busy(+1)
        self._say("Saving…")
        self.ctx.runner.store_op(self, operation).success(lambda _c: self._landed(done)).failure(
            self._failed
        ).run()
        return True

    def _landed(self, done: str) -> None:
        self._busy(-1)
        self._say(done)
        self.reload()

    def _failed(self, exc: Exception) -> None:
        self._busy(-1)  # a name taken, a locked store: the typed name stays for another try
        self._say(failure_in_words(exc), error=True)

    def _busy(self, delta: int) -> None:
        """The change buttons wait for the answer (a second click would queue it twice)."""
        self.in_flight += delta
        for button in self.ui.taxonomyTabs.findChildren(QPushButton):
            button.setEnabled(self.in_flight == 0)

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
            lambda: _op(ops.rename_section, old, self._need(self.section_name)),
            f"Section “{old}” renamed.",
        )

    def _add_subsection(self) -> None:
        item = self.section_list.currentItem()
        if item is None:
            self._say("Choose the section the subsection belongs to.", error=True)
            return
        section = item.text()
        self._do(
            lambda: _op(ops.add_subsection, section, self._need(self.subsection_name)),
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
            lambda: _op(ops.rename_tag, chosen[0], self._need(self.tag_name)),
            f"Tag “{chosen[0]}” renamed.",
        )

    def _merge_tags(self) -> None:
        chosen = self._chosen_tags()
        if not chosen:
            self._say("Choose the tags to merge.", error=True)
            return
        self._do(
            lambda: _op(ops.merge_tags, chosen, self._need(self.tag_name)),
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
