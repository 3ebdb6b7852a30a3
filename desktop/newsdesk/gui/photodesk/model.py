"""The grid's model: one short tuple per photo, thumbnails loaded off the UI thread.

data() is O(1): it indexes a Python list and a dict of pixmaps. Thumbnails are
read from the cache folder as QImage (safe off the UI thread) through `run_task`
on the cache's own pool of two, and turned into QPixmap on the main thread, as Qt
requires.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap

from ...domain.captions import CHECK_NAMES
from ...domain.photo import thumbnail_relpath
from ...store import Store
from ...store.photos import PhotoFilter
from ..tasks import run_task

# Columns of a grid row (see store.photos.GRID_COLUMNS)
(ID, UUID, SHA, NAME, CAPTION, CREDIT, STATE, CHECKS, EXPIRY, DATE, WIDTH, HEIGHT, IMPORTED,
 ORIGIN, CAPTIONED_BY, FILE_PATH, EMBARGO) = range(17)  # fmt: skip


def library_line(origin: str, captioned_by: str, file_here: bool) -> str:
    """Where a photo came from and who captioned it, as the grid and the picker say it."""
    line = f"From {origin or 'this desktop'}"
    if captioned_by:
        line += f" · captioned by {captioned_by}"
    if not file_here:
        line += " · thumbnail only (the full file comes when a story uses it)"
    return line


PhotoIdRole = Qt.ItemDataRole.UserRole + 1
ChecksRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3
PIXMAP_CACHE = 1500  # thumbnails kept in memory (≈ 1500 × 100 KB)

AnyIndex = QModelIndex | QPersistentModelIndex


class ThumbnailCache(QObject):
    """Pixmaps by SHA-256, least recently used dropped first; misses load in the background."""

    ready = Signal(str)

    def __init__(self, media_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.media_dir = media_dir
        self.pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self.pending: set[str] = set()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)

    def get(self, sha: str) -> QPixmap | None:
        pixmap = self.pixmaps.get(sha)
        if pixmap is not None:
            self.pixmaps.move_to_end(sha)
            return pixmap
        if sha not in self.pending:
            self.pending.add(sha)
            path = str(self.media_dir / thumbnail_relpath(sha))
            run_task(
                lambda: QImage(path),  # QImage, not QPixmap: allowed off the UI thread
                lambda image: self._loaded(sha, image),
                lambda _exc: self.pending.discard(sha),
                owner=self,
                pool=self.pool,
            )
        return self.pixmaps.get(sha)  # there already if the task ran inline (tests)

    def forget(self, sha: str) -> None:
        self.pixmaps.pop(sha, None)

    def _loaded(self, sha: str, image: QImage) -> None:
        self.pending.discard(sha)
        if image.isNull():
            return
        self.pixmaps[sha] = QPixmap.fromImage(image)
        while len(self.pixmaps) > PIXMAP_CACHE:
            self.pixmaps.popitem(last=False)
        self.ready.emit(sha)


class PhotoGridModel(QAbstractListModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[tuple] = []
        self.row_of_id: dict[int, int] = {}
        self.rows_of_sha: dict[str, int] = {}
        self.filter = PhotoFilter()
        self.thumbnails = ThumbnailCache(store.media_dir, self)
        self.thumbnails.ready.connect(self._thumbnail_ready)

    # --- loading -------------------------------------------------------------------
    def set_filter(self, flt: PhotoFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        rows = self.store.photos.grid_rows(self.filter, today=date.today())
        self.beginResetModel()
        self.rows = rows
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self.row_of_id = {r[ID]: i for i, r in enumerate(self.rows)}
        self.rows_of_sha = {r[SHA]: i for i, r in enumerate(self.rows)}

    def add_photos(self, ids: list[int]) -> None:
        """Put newly imported photos at the top (those the filter lets through)."""
        fresh = [i for i in ids if i not in self.row_of_id]
        if not fresh:
            return
        flt = PhotoFilter(**{**self.filter.__dict__, "ids": tuple(fresh)})
        rows = self.store.photos.grid_rows(flt, today=date.today())
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self.rows[0:0] = rows
        self._reindex()
        self.endInsertRows()

    def refresh_photos(self, ids: list[int]) -> None:
        """Re-read changed photos in place (after an edit, a batch, an undo)."""
        wanted = [i for i in ids if i in self.row_of_id]
        if not wanted:
            return
        flt = PhotoFilter(ids=tuple(wanted))
        for row in self.store.photos.grid_rows(flt, today=date.today()):
            position = self.row_of_id[row[ID]]
            self.rows[position] = row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    # --- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[CAPTION] or row[NAME]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.get(row[SHA])
        if role == PhotoIdRole:
            return row[ID]
        if role == ChecksRole:
            return row[CHECKS]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = "\n".join("• " + CHECK_NAMES.get(c, c) for c in row[CHECKS])
            where = library_line(row[ORIGIN], row[CAPTIONED_BY], bool(row[FILE_PATH]))
            return f"{row[NAME]} — {row[WIDTH]}×{row[HEIGHT]}\n{row[CAPTION]}\n{where}\n{problems}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row[CAPTION] or row[NAME]
        return None

    def _thumbnail_ready(self, sha: str) -> None:
        position = self.rows_of_sha.get(sha)
        if position is not None:
            index = self.index(position)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def photo_id(self, position: int) -> int:
        return int(self.rows[position][ID])
