"""The photo desk's queue: open articles whose photos still fail a check, computed off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...domain.captions import CHECK_NAMES, DEFAULT_CAPTION_STYLE, CaptionStyle
from ...store import open_store
from ...store.photo_uses import QueueEntry
from ..tasks import run_task


def compute_queue(folder: Path, style: CaptionStyle = DEFAULT_CAPTION_STYLE) -> list[QueueEntry]:
    """Own connection: the UI thread keeps using its own meanwhile."""
    store = open_store(folder)
    store.photos.caption_style = style
    try:
        return store.photos.uses.queue()
    finally:
        store.close()


class PhotoQueuePanel(QWidget):
    articleChosen = Signal(int)  # show this article's photos
    photoChosen = Signal(int)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoQueue")
        self.folder = folder
        self.title = QLabel("<b>Queue</b>")
        self.tree = QTreeWidget()
        self.tree.setObjectName("photoQueueTree")
        self.tree.setAccessibleName("Articles whose photos fail a check")
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        self.entries: list[QueueEntry] = []
        self.caption_style: CaptionStyle = DEFAULT_CAPTION_STYLE  # the desk sets Preferences'
        self._running = False
        self._again = False

    def refresh(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        style = self.caption_style
        run_task(lambda: compute_queue(self.folder, style), self._show, self._failed, owner=self)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.title.setText(f"<b>Queue</b> — could not be computed: {exc}")

    def _show(self, entries: list[QueueEntry]) -> None:
        self._running = False
        self.entries = entries
        self.tree.clear()
        self.title.setText(
            f"<b>Queue</b> — {len(entries)} article{'s' if len(entries) != 1 else ''}"
        )
        for entry in entries:
            top = QTreeWidgetItem([entry.headline or "(no headline)"])
            top.setData(0, Qt.ItemDataRole.UserRole, ("article", entry.article_id))
            top.setToolTip(0, f"{entry.status} · {entry.edition}")
            for used in entry.failing:
                names = ", ".join(CHECK_NAMES.get(p.code, p.code) for p in used.problems)
                child = QTreeWidgetItem([f"{used.use.role}: {names}"])
                child.setToolTip(0, "\n".join(p.message for p in used.problems))
                child.setData(0, Qt.ItemDataRole.UserRole, ("photo", used.photo.id))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if self._again:
            self._again = False
            self.refresh()

    def _activated(self, item: QTreeWidgetItem) -> None:
        kind, ident = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "article":
            self.articleChosen.emit(int(ident))
        else:
            self.photoChosen.emit(int(ident))
