"""The photo desk's queue, computed off the UI thread: stories (this desk's and those
synced from the site) whose photos still fail a check, an embargo included, or that
want a lead photo and have none. A fix made here (the photo's fields, a lead chosen)
goes to the story's owner at the next sync."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.captions import CHECK_NAMES, DEFAULT_CAPTION_STYLE, CaptionStyle
from ...store import open_store
from ...store.photo_uses import QueueEntry
from ..tasks import run_task

QUEUE_PAGE = 300  # stories listed at a time


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
    leadWanted = Signal(int)  # make the grid's selected photo this article's lead

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
        self.lead_button = QPushButton("Selected photo as &lead")
        self.lead_button.setObjectName("photoQueueLead")
        self.lead_button.setToolTip(
            "Make the photo selected in the grid the lead photo of the story chosen here "
            "(Alt+L); it reaches the story's owner at the next sync"
        )
        self.lead_button.setEnabled(False)
        self.lead_button.clicked.connect(self._lead_wanted)
        self.more_button = QPushButton("Show more")
        self.more_button.setObjectName("photoQueueMore")
        self.more_button.setToolTip("List the next stories of the queue")
        self.more_button.hide()
        self.more_button.clicked.connect(self._show_more)
        self.tree.currentItemChanged.connect(lambda item, _old: self._follow_current(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        layout.addWidget(self.more_button)
        layout.addWidget(self.lead_button)
        self.entries: list[QueueEntry] = []
        self.caption_style: CaptionStyle = DEFAULT_CAPTION_STYLE  # the desk sets Preferences'
        self._running = False
        self._again = False
        self._shown = 0  # entries listed in the tree so far

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
        self._shown = 0
        self._show_more()
        if self._again:
            self._again = False
            self.refresh()

    def _show_more(self) -> None:
        """The next page of the queue, newest first. A big newsroom's queue runs to tens
        of thousands of stories; filling the tree with all of them would freeze the window
        for many seconds, and nobody works that far down without a search."""
        page = self.entries[self._shown : self._shown + QUEUE_PAGE]
        items = [self._item(entry) for entry in page]
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.addTopLevelItems(items)
            for item in items:
                item.setExpanded(True)
        finally:
            self.tree.setUpdatesEnabled(True)
        self._shown += len(page)
        total = len(self.entries)
        noun = "article" if total == 1 else "articles"
        shown = f" (the newest {self._shown:,} shown)" if self._shown < total else ""
        self.title.setText(f"<b>Queue</b> — {total:,} {noun}{shown}")
        rest = total - self._shown
        self.more_button.setVisible(rest > 0)
        self.more_button.setText(f"Show {min(rest, QUEUE_PAGE):,} more")

    @staticmethod
    def _item(entry: QueueEntry) -> QTreeWidgetItem:
        top = QTreeWidgetItem([entry.headline or "(no headline)"])
        top.setData(0, Qt.ItemDataRole.UserRole, ("article", entry.article_id))
        who = f" · {entry.byline}" if entry.byline else ""
        where = " · on the site" if entry.on_site else " · this desktop only"
        top.setToolTip(0, f"{entry.status} · {entry.edition}{who}{where}")
        if entry.no_lead:
            child = QTreeWidgetItem(["No lead photo yet"])
            child.setToolTip(
                0, "Select a photo in the grid, then “Selected photo as lead” (Alt+L)."
            )
            child.setData(0, Qt.ItemDataRole.UserRole, ("article", entry.article_id))
            top.addChild(child)
        for used in entry.failing:
            names = ", ".join(CHECK_NAMES.get(p.code, p.code) for p in used.problems)
            child = QTreeWidgetItem([f"{used.use.role}: {names}"])
            child.setToolTip(0, "\n".join(p.message for p in used.problems))
            child.setData(0, Qt.ItemDataRole.UserRole, ("photo", used.photo.id))
            top.addChild(child)
        return top

    def current_article(self) -> int | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        return int(item.data(0, Qt.ItemDataRole.UserRole)[1])

    def _follow_current(self, item: QTreeWidgetItem | None) -> None:
        self.lead_button.setEnabled(item is not None)

    def _lead_wanted(self) -> None:
        article_id = self.current_article()
        if article_id is not None:
            self.leadWanted.emit(article_id)

    def _activated(self, item: QTreeWidgetItem) -> None:
        kind, ident = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "article":
            self.articleChosen.emit(int(ident))
        else:
            self.photoChosen.emit(int(ident))
