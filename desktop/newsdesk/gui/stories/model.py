"""The stories desk's table: one stage's stories, formatted once per load."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.text import utc_label
from ..queue.model import duration, parse_utc

HEADLINE, SECTION, EDITION, WHEN, CORRECTION = range(5)
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def when_text(row: dict[str, Any], now: datetime) -> str:
    """A schedule as a countdown (or overdue), anything else as how long ago it got there."""
    if row["status"] == "scheduled":
        moment = parse_utc(row.get("scheduled_at"))
        if moment is None:
            return "no time set"
        left = (moment - now).total_seconds()
        at = utc_label(row["scheduled_at"])
        return f"{at} · in {duration(left)}" if left > 0 else f"{at} · overdue {duration(-left)}"
    since = parse_utc(row.get("since"))
    return f"{duration((now - since).total_seconds())} ago" if since else ""


class StoriesModel(QAbstractTableModel):
    HEADERS = ("Headline", "Section", "Ed.", "When", "Correction")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self._cells: list[tuple[str, ...]] = []

    def replace_rows(self, rows: list[dict[str, Any]], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self._format(now or datetime.now(UTC))
        self.endResetModel()

    def refresh_times(self, now: datetime) -> None:
        self._format(now)
        if self.rows:
            self.dataChanged.emit(self.index(0, WHEN), self.index(len(self.rows) - 1, WHEN))

    def _format(self, now: datetime) -> None:
        self._cells = [
            (
                r["headline"] or "(no headline)",
                r["subsection"] or r["section"],
                r["edition"],
                when_text(r, now),
                r.get("correction") or "",
            )
            for r in self.rows
        ]

    def article_id(self, row: int) -> int | None:
        return int(self.rows[row]["id"]) if 0 <= row < len(self.rows) else None

    def row_of(self, article_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r["id"] == article_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == ArticleIdRole:
            return self.rows[index.row()]["id"]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
