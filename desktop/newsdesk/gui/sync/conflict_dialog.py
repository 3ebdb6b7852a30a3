"""A conflict side by side: mine, the base, theirs; take mine, take theirs, or edit the merge."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...ops.sites import Resolved, resolve_conflict
from ...store import Store, StoreError
from ...sync.conflicts import edit_merge_start
from ..runner import Runner

FIELD_LABELS = {"body": "Body", "headline": "Headline", "standfirst": "Standfirst"}
SHORT_FIELDS = {"headline", "standfirst", "status", "section", "subsection", "byline", "slug"}


def _size_for(pane: QPlainTextEdit, name: str) -> None:
    """One-line fields get a small box, so the body has the room."""
    if name in SHORT_FIELDS:
        pane.setFixedHeight(pane.fontMetrics().lineSpacing() * 3 + 8)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


class ConflictDialog(QDialog):
    def __init__(
        self,
        store: Store,
        conflict_id: int,
        parent: QWidget | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.store = store
        self.runner = runner  # the window's database worker; None: this store, at once
        self.conflict = store.sync.conflict(conflict_id)
        self.resolution = ""
        site = store.sites.get(self.conflict.site_id).name
        self.setWindowTitle(f"Conflict on {site}: {self.conflict.mine.get('headline', '')}")
        layout = QVBoxLayout(self)
        names = ", ".join(FIELD_LABELS.get(f, f) for f in self.conflict.fields)
        intro = QLabel(
            f"This article was changed here and on {site} since they last agreed. "
            f"Both changed: {names}. Everything else was merged. Nothing is lost until you choose."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        self.panes: dict[tuple[str, str], QPlainTextEdit] = {}
        sides = (("mine", "Mine"), ("base", "Where both started"), ("theirs", f"Theirs ({site})"))
        for column, (_side, title) in enumerate(sides, start=1):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, name in enumerate(self.conflict.fields, start=1):
            grid.addWidget(QLabel(f"<b>{FIELD_LABELS.get(name, name)}</b>"), row, 0)
            for column, (side, _title) in enumerate(sides, start=1):
                pane = QPlainTextEdit(_text(getattr(self.conflict, side).get(name, "")))
                pane.setReadOnly(True)
                pane.setObjectName(f"{side}_{name}")
                pane.setAccessibleName(f"{side} {FIELD_LABELS.get(name, name)}")
                _size_for(pane, name)
                self.panes[(side, name)] = pane
                grid.addWidget(pane, row, column)
            grid.setRowStretch(row, 1 if name not in SHORT_FIELDS else 0)
        layout.addLayout(grid, 1)
        layout.addWidget(QLabel("<b>The merge</b> — edit it, then “Use this merge”:"))
        start = edit_merge_start(store, conflict_id)
        self.merged_content = start
        self.merge_edits: dict[str, QPlainTextEdit] = {}
        merge_grid = QGridLayout()
        merge_grid.setColumnStretch(1, 1)
        for row, name in enumerate(self.conflict.fields):
            edit = QPlainTextEdit(_text(start.get(name, "")))
            edit.setObjectName(f"merged_{name}")
            edit.setAccessibleName(f"merged {FIELD_LABELS.get(name, name)}")
            _size_for(edit, name)
            self.merge_edits[name] = edit
            merge_grid.addWidget(QLabel(FIELD_LABELS.get(name, name)), row, 0)
            merge_grid.addWidget(edit, row, 1)
        layout.addLayout(merge_grid, 1)
        buttons = QDialogButtonBox()
        self.take_mine = QPushButton("Take mine")
        self.take_theirs = QPushButton("Take theirs")
        self.use_merge = QPushButton("Use this merge")
        for button in (self.take_mine, self.take_theirs, self.use_merge):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.take_mine.clicked.connect(lambda: self._resolve("mine"))
        self.take_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.use_merge.clicked.connect(lambda: self._resolve("edited"))
        layout.addWidget(buttons)
        self.resize(1100, 640)

    def edited_content(self) -> dict[str, Any]:
        content = dict(self.merged_content)
        for name, edit in self.merge_edits.items():
            text = edit.toPlainText()
            if isinstance(self.conflict.mine.get(name), str):
                content[name] = text
            else:
                content[name] = json.loads(text)
        return content

    def _resolve(self, choice: str) -> None:
        try:
            edited = self.edited_content() if choice == "edited" else None
        except ValueError as exc:
            self._refused(exc)
            return
        conflict_id = self.conflict.id

        def op(store: Store) -> Resolved:
            return resolve_conflict(store, conflict_id, choice, edited)

        def done(_resolved: Resolved) -> None:
            self.resolution = choice
            self.accept()

        if self.runner is None:
            try:
                done(op(self.store))
            except (StoreError, ValueError) as exc:
                self._refused(exc)
            return
        self.runner.store_op(self, op).success(done).failure(self._refused).run()

    def _refused(self, exc: Exception) -> None:
        QMessageBox.warning(self, "Cannot use this merge", str(exc))
