"""The sources a reporter relied on: who, where, what kind, private notes, attribution, a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.article import Source, SourceKind
from ...domain.validation import check_url
from ...store import Store, StoreError
from ...store.attachments import attach_file
from ..naming import named
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
        super().__init__("Sources", parent)
        named(self, "sourcesPanel", "Sources")
        self.store = store
        self._sources: list[Source] = []
        self._loading = False

        self.list = QListWidget()
        named(self.list, "sourcesList", "Source list")
        self.list.setMaximumHeight(96)
        self.add_button = QPushButton("Add source")
        named(self.add_button, "addSourceButton", "Add source")
        self.remove_button = QPushButton("Remove")
        named(self.remove_button, "removeSourceButton", "Remove source")

        self.name_edit = QLineEdit()
        named(self.name_edit, "sourceNameEdit", "Source name")
        self.name_edit.setPlaceholderText("e.g. Haaretz, Reuters, Ministry of Health")
        self.url_edit = QLineEdit()
        named(self.url_edit, "sourceUrlEdit", "Source URL")
        self.url_edit.setPlaceholderText("https://…")
        self.url_problem = QLabel()
        named(self.url_problem, "sourceUrlProblem", "Source URL problem")
        self.url_problem.setProperty("role", "problem")
        self.url_problem.setWordWrap(True)
        self.url_problem.hide()
        self.kind_combo = QComboBox()
        named(self.kind_combo, "sourceKindCombo", "Source kind")
        for kind in SourceKind:
            self.kind_combo.addItem(kind.value.capitalize(), kind.value)
        self.notes_edit = QPlainTextEdit()
        named(self.notes_edit, "sourceNotesEdit", "Internal notes on the source")
        self.notes_edit.setPlaceholderText("Internal notes (never published)")
        self.notes_edit.setFixedHeight(54)
        self.notes_edit.setTabChangesFocus(True)
        self.attribution_check = QCheckBox('Print as attribution ("Source: …")')
        named(self.attribution_check, "sourceAttributionCheck", "Print as attribution line")
        self.attach_button = QPushButton("Attach file…")
        named(self.attach_button, "sourceAttachButton", "Attach a file to the source")
        self.file_label = QLabel()
        named(self.file_label, "sourceFileLabel", "Attached file")
        self.file_label.setProperty("role", "hint")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Name", self.name_edit)
        form.addRow("URL", self.url_edit)
        form.addRow("", self.url_problem)
        form.addRow("Kind", self.kind_combo)
        form.addRow("Notes", self.notes_edit)
        form.addRow("", self.attribution_check)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.file_label, 1)
        form.addRow("File", attach_row)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.details)

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
