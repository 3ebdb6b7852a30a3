"""The sources a reporter relied on: who, where, what kind, private notes, attribution, a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QListWidgetItem,
    QWidget,
)

from ...domain.article import Source, SourceKind
from ...domain.validation import check_url
from ...store import Store, StoreError
from ...store.attachments import attach_file
from ...ui.sources_panel_ui import Ui_SourcesPanel
from ..tasks import run_task
from .style_flags import set_flag

FILE_FILTER = "Documents, audio and images (*.pdf *.mp3 *.m4a *.wav *.ogg *.jpg *.jpeg *.png *.webp *.heic *.txt *.docx);;All files (*)"


def _dropped_file(mime: QMimeData) -> str:
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return files[0] if files else ""


class SourcesPanel(QGroupBox):
    changed = Signal()
    problem = Signal(str)  # a message for the status bar (attach failures)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SourcesPanel()
        self.ui.setupUi(self)  # the layout: ui/sources_panel.ui
        self.store = store
        self._sources: list[Source] = []
        self._loading = False
        ui = self.ui
        self.list = ui.sourcesList
        self.add_button, self.remove_button = ui.addSourceButton, ui.removeSourceButton
        self.name_edit, self.url_edit = ui.sourceNameEdit, ui.sourceUrlEdit
        self.url_problem = ui.sourceUrlProblem
        self.kind_combo = ui.sourceKindCombo
        for kind in SourceKind:
            self.kind_combo.addItem(kind.value.capitalize(), kind.value)
        self.notes_edit = ui.sourceNotesEdit
        self.attribution_check = ui.sourceAttributionCheck
        self.attach_button, self.file_label = ui.sourceAttachButton, ui.sourceFileLabel
        self.details = ui.sourceDetails

        self.add_button.clicked.connect(self.add_source)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(self._show)
        self.name_edit.textEdited.connect(self._edited)
        self.url_edit.textEdited.connect(self._edited)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._edited())
        self.notes_edit.textChanged.connect(self._edited)
        self.attribution_check.toggled.connect(lambda _c: self._edited())
        self.attach_button.clicked.connect(self._choose_file)
        self.setAcceptDrops(True)  # a file dropped on the panel is attached to the chosen source
        self._show(-1)

    # --- the article's sources -----------------------------------------------------
    def sources(self) -> list[Source]:
        return [Source.from_dict(s.to_dict()) for s in self._sources]

    def set_sources(self, sources: list[Source]) -> None:
        self._sources = [Source.from_dict(s.to_dict()) for s in sources]
        self.list.blockSignals(True)
        self.list.clear()
        for source in self._sources:
            self.list.addItem(QListWidgetItem(self._label(source)))
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if self._sources else -1)
        self._show(self.list.currentRow())
        self._update_title()

    def add_source(self) -> None:
        self._sources.append(Source(name=""))
        self.list.addItem(QListWidgetItem("New source"))
        self.list.setCurrentRow(len(self._sources) - 1)
        self.name_edit.setFocus()
        self._update_title()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self._sources[row]
        self.list.takeItem(row)
        self._show(self.list.currentRow())
        self._update_title()
        self.changed.emit()

    def attach(self, path: str | Path) -> None:
        """Copy a file into the store (in the background) and attach it to the current source."""
        row = self.list.currentRow()
        if row < 0:
            self.add_source()
            row = self.list.currentRow()
        source = self._sources[row]
        self.file_label.setText("Copying…")

        def done(relative: str) -> None:
            source.file_path = relative
            if self.list.currentRow() == row:
                self._show(row)
            self.changed.emit()

        def failed(exc: Exception) -> None:
            message = str(exc) if isinstance(exc, StoreError) else f"{path}: {exc}"
            self.file_label.setText("Not attached")
            self.problem.emit(message)

        run_task(lambda: attach_file(self.store, path), done, failed, owner=self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = _dropped_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.attach(path)

    # --- inside ---------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Attach a file to the source", "", FILE_FILTER
        )
        if path:
            self.attach(path)

    def _label(self, source: Source) -> str:
        label = source.name or "New source"
        if source.attribution:
            label += "  · attribution"
        if source.file_path:
            label += "  · file"
        return label

    def _update_title(self) -> None:
        n = len(self._sources)
        self.setTitle(f"Sources ({n})" if n else "Sources")

    def _show(self, row: int) -> None:
        self._loading = True
        try:
            has = 0 <= row < len(self._sources)
            self.details.setEnabled(has)
            self.remove_button.setEnabled(has)
            source = self._sources[row] if has else Source(name="")
            self.name_edit.setText(source.name)
            self.url_edit.setText(source.url)
            self.url_edit.setCursorPosition(0)
            index = self.kind_combo.findData(source.kind)
            if index < 0:  # a kind from elsewhere (an import): show it rather than lose it
                self.kind_combo.addItem(source.kind, source.kind)
                index = self.kind_combo.count() - 1
            self.kind_combo.setCurrentIndex(index)
            self.notes_edit.setPlainText(source.notes)
            self.attribution_check.setChecked(source.attribution)
            self.file_label.setText(Path(source.file_path).name if source.file_path else "No file")
            self.file_label.setToolTip(source.file_path)
            self._check_url(source.url)
        finally:
            self._loading = False

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        row = self.list.currentRow()
        if row < 0:
            return
        source = self._sources[row]
        source.name = self.name_edit.text()
        source.url = self.url_edit.text()
        source.kind = self.kind_combo.currentData() or source.kind
        source.notes = self.notes_edit.toPlainText()
        source.attribution = self.attribution_check.isChecked()
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(source))
        self._check_url(source.url)
        self.changed.emit()

    def _check_url(self, url: str) -> None:
        why = check_url(url)
        self.url_problem.setText(f"This URL will not work: {why}." if why else "")
        self.url_problem.setVisible(bool(why))
        set_flag(self.url_edit, "invalid", bool(why))
