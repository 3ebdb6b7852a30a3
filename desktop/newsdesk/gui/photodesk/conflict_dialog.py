"""Settling a library caption conflict from the photo desk: this desk's wording beside
the site's, field by field; keep mine (sent at the next sync) or take theirs.

The same operation as `newsdesk photo resolve ID --mine|--theirs`, run on the
database worker; the dialog closes once it landed and says why when it did not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...ops.photos import resolve_photo_conflict
from ...store.photo_library import shared_fields
from ..runner import failure_in_words

if TYPE_CHECKING:
    from ..context import AppContext

LABELS = {"caption": "Caption", "credit": "Credit", "alt_text": "Alt text"}


def open_conflicts(ctx: AppContext, photo_id: int) -> dict[str, Any]:
    """The site's values of the fields both sides changed, for this photo ({}: none)."""
    theirs: dict[str, Any] = {}
    for _site, pid, values in ctx.store.photos.library.conflicts():
        if pid == photo_id:
            theirs.update(values)
    return theirs


class PhotoConflictDialog(QDialog):
    def __init__(self, ctx: AppContext, photo_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.photo_id = ctx, photo_id
        self.setWindowTitle("Caption conflict")
        self.setObjectName("photoConflictDialog")
        theirs = open_conflicts(ctx, photo_id)
        mine = shared_fields(ctx.store.photos.get(photo_id))
        intro = QLabel(
            "This photo's wording changed here and in the site's library since they last "
            "agreed. Keep yours (it goes to the site at the next sync) or take the site's."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(theirs), 3)
        self.table.setHorizontalHeaderLabels(["Field", "Here", "On the site"])
        for row, name in enumerate(sorted(theirs)):
            for column, value in enumerate((LABELS.get(name, name), mine.get(name), theirs[name])):
                text = ", ".join(value) if isinstance(value, list) else str(value or "")
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeRowsToContents()
        self.message = QLabel()
        self.message.setObjectName("photoConflictMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.keep_mine = QPushButton("Keep mine")
        self.take_theirs = QPushButton("Take the site's")
        for button, keep in ((self.keep_mine, "mine"), (self.take_theirs, "theirs")):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _checked=False, k=keep: self.settle(k))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.message, buttons):
            layout.addWidget(widget)
        self.resize(640, 300)

    def settle(self, keep: str) -> None:
        self.keep_mine.setEnabled(False)
        self.take_theirs.setEnabled(False)
        photo_id = self.photo_id

        def failed(exc: Exception) -> None:
            self.message.setText(f"Not settled: {failure_in_words(exc)}")
            self.keep_mine.setEnabled(True)
            self.take_theirs.setEnabled(True)

        self.ctx.runner.store_op(
            self, lambda store: resolve_photo_conflict(store, photo_id, keep=keep)
        ).success(lambda _changes: self.accept()).failure(failed).run()


def settle_selected(
    ctx: AppContext, photo_ids: list[int], parent: QWidget, tell: Callable[[str], None]
) -> QDialog | None:
    """The photo desk's action: the dialog for the selected photo, or `tell` why none."""
    if len(photo_ids) != 1 or not open_conflicts(ctx, photo_ids[0]):
        tell(
            "Select one photo whose caption conflicts with a site's library "
            "(the sync report names them)."
        )
        return None
    dialog = PhotoConflictDialog(ctx, photo_ids[0], parent)
    dialog.open()
    return dialog
