"""The article list model: cached rows, O(1) data(), paged fetchMore, sortable, searchable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...store import Store
from .. import theme
from ..reader import Reader
from ..resources import dot_icon

PAGE_SIZE = 200
SEARCH_PAGE = 200

HEADLINE, STATUS, SECTION, EDITION, UPDATED = range(5)
COLUMNS = ("Headline", "Status", "Section", "Ed.", "Updated")
_SORT_KEYS = ("headline", "status", "section", "edition", "updated_at")
# Light-theme colours; theme.brush() swaps them on dark.
_STATUS_COLOURS = {
    "draft": "#6b7280",
    "submitted": "#2563eb",
    "in_edit": "#7c3aed",
    "returned": "#c2410c",
    "approved": "#15803d",
    "scheduled": "#0e7490",
    "published": "#166534",
    "spiked": "#9ca3af",
    "killed": "#b91c1c",
}
# Sync state beside the status: a dot, and the state in words on hover.
_SYNC_COLOURS = {
    "synced": "#16a34a",
    "waiting": "#d97706",
    "warning": "#8a6d00",  # the status bar's warning yellow; a triangle, not a dot
    "conflict": "#dc2626",
    "error": "#dc2626",
    "trashed": "#6b7280",
    "deleted": "#6b7280",
}
_SYNC_WORDS = {
    "synced": "Synced with the server",
    "waiting": "Waiting to be sent to the server",
    "warning": "On the server without a category",
    "conflict": "In conflict with a change on the server: open the Sync desk",
    "error": "The server refused the last change: see the Sync desk",
    "trashed": "Trashed on the server (kept here)",
    "deleted": "Deleted on the server (kept here)",
}
ArticleIdRole = Qt.ItemDataRole.UserRole + 1


_Index = QModelIndex | QPersistentModelIndex


@dataclass
class Query:
    text: str = ""
    status: str | None = None
    section: str | None = None
    edition: str | None = None


def _when(stamp: str) -> str:
    """Short, like a mail client: time today, day and time this year, else the date."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except (TypeError, ValueError):
        return stamp or ""
    now = datetime.now().astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%d %b %H:%M")
    return moment.strftime("%d %b %Y")


def _display(row: dict[str, Any]) -> tuple[str, ...]:
    headline = row.get("headline") or "(no headline yet)"
    if row.get("priority"):
        headline = "● " + headline
    # The subsection says more in a narrow column ("Economy" rather than "News").
    section = row.get("subsection") or row.get("section") or ""
    return (
        headline,
        (row.get("status") or "").replace("_", " "),
        section,
        (row.get("edition") or "").upper(),
        _when(row.get("updated_at") or ""),
    )


class ArticleListModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.query = Query()
        self.sort_column = UPDATED
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._rows: list[dict[str, Any]] = []
        # Display strings are made on first use: a page costs its SQL, not its formatting.
        self._display: list[tuple[str, ...] | None] = []
        self._ids: set[int] = set()
        self._more = False
        self._loaded = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._sync: dict[int, str] = {}
        # Searches as one types run here (gui/reader.py); None: on the main thread.
        self.reader: Reader | None = None

    # --- Qt model interface (kept O(1) per call) ---------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row)[column]
        if role == ArticleIdRole:
            return self._rows[row]["id"]
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            colour = _STATUS_COLOURS.get(self._rows[row].get("status") or "")
            return theme.brush(colour) if colour else None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            state = self._sync.get(self._rows[row]["id"])
            colour = _SYNC_COLOURS.get(state) if state else None
            return (
                dot_icon(theme.colour(colour), 10, warning=state == "warning") if colour else None
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS:
            state = self._sync.get(self._rows[row]["id"])
            if state == "warning":
                return self._warning_tip(self._rows[row]["id"])
            return _SYNC_WORDS.get(state, "Not on any server yet") if state else "Local only"
        if (
            role == Qt.ItemDataRole.FontRole
            and column == HEADLINE
            and self._rows[row].get("priority")
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == HEADLINE:
            snippet = self._rows[row].get("snippet")
            return snippet or self._shown(row)[HEADLINE]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EDITION:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        rows = [r for r in self._load(offset=len(self._rows)) if r["id"] not in self._ids]
        if not rows:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._display.extend([None] * len(rows))
        self._ids.update(r["id"] for r in rows)
        self._sync.update(self.store.sync.article_states([r["id"] for r in rows]))
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order) and self._loaded:
            return
        self.sort_column, self.sort_order = column, order
        if self._loaded:  # before the first query, only remember the order
            self.refresh()

    def _shown(self, row: int) -> tuple[str, ...]:
        shown = self._display[row]
        if shown is None:
            shown = self._display[row] = _display(self._rows[row])
        return shown

    def _warning_tip(self, article_id: int) -> str:
        # Asked on hover only (one indexed row): the words are not worth caching per page.
        reasons = self.store.sync.article_warnings([article_id]).get(article_id, [])
        return "\n".join([_SYNC_WORDS["warning"] + ":", *reasons])

    # --- what the pane asks for --------------------------------------------
    def set_query(self, query: Query, then: Callable[[], None] | None = None) -> None:
        """Show the rows of `query`; with words, searched on the reader when there is one
        (`then` runs once they are in; a newer query drops an older one's rows)."""
        if self.reader is None or not query.text.strip():
            if self.reader is not None:
                self.reader.forget(SEARCH_CHANNEL)  # a search still out is stale now
            self.query = query
            self.refresh()
            if then is not None:
                then()
            return
        sort_column, descending = self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder

        def read(store: Store) -> tuple[list[dict[str, Any]], bool, dict[int, str]]:
            rows, more = _search(store, query, 0, sort_column, descending)
            return rows, more, store.sync.article_states([r["id"] for r in rows])

        def show(found: tuple[list[dict[str, Any]], bool, dict[int, str]]) -> None:
            rows, more, states = found
            self.query = query
            self._show(rows, more, states)
            if then is not None:
                then()

        self.reader.latest(SEARCH_CHANNEL, read, show)

    def searching(self) -> bool:
        """A search typed is still on its way to the rows."""
        return self.reader is not None and self.reader.pending(SEARCH_CHANNEL)

    def refresh(self) -> None:
        rows = self._load(offset=0)
        self._show(rows, self._more, self.store.sync.article_states([r["id"] for r in rows]))

    def _show(self, rows: list[dict[str, Any]], more: bool, states: dict[int, str]) -> None:
        self._loaded = True
        self.beginResetModel()
        self._rows = rows
        self._more = more
        self._display = [None] * len(rows)
        self._ids = {r["id"] for r in rows}
        self._sync = states
        self.endResetModel()

    def refresh_sync_states(self) -> None:
        """Relabel the loaded rows after a sync, without reloading the list."""
        self._sync = self.store.sync.article_states([r["id"] for r in self._rows])
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self._rows) - 1, STATUS))

    def article_id(self, row: int) -> int | None:
        if 0 <= row < len(self._rows):
            return int(self._rows[row]["id"])
        return None

    def row_of(self, article_id: int) -> int:
        for row, data in enumerate(self._rows):
            if data["id"] == article_id:
                return row
        return -1

    def update_article(self, article_id: int) -> None:
        """Show an article's new state (after a save) without reloading the list."""
        fresh = self.store.articles.summary(article_id)
        row = self.row_of(article_id)
        if fresh is None:
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row], self._display[row]
                self._ids.discard(article_id)
                self.endRemoveRows()
            return
        self._sync.update(self.store.sync.article_states([article_id]))
        if row >= 0:
            fresh["snippet"] = self._rows[row].get("snippet")
            self._rows[row] = fresh
            self._display[row] = _display(fresh)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        elif not self.query.text and self._matches(fresh):
            # New articles appear at the top where the reporter expects them.
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, fresh)
            self._display.insert(0, _display(fresh))
            self._ids.add(article_id)
            self.endInsertRows()

    # --- loading -------------------------------------------------------------
    def _matches(self, row: dict[str, Any]) -> bool:
        q = self.query
        return all(
            wanted is None or row.get(key) == wanted
            for key, wanted in (
                ("status", q.status),
                ("section", q.section),
                ("edition", q.edition),
            )
        )

    def _load(self, offset: int) -> list[dict[str, Any]]:
        q = self.query
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if q.text.strip():
            rows, self._more = _search(self.store, q, offset, self.sort_column, descending)
            return rows
        rows = self.store.articles.summaries(
            order=_SORT_KEYS[self.sort_column] if self.sort_column >= 0 else "updated_at",
            descending=descending if self.sort_column >= 0 else True,
            status=q.status,
            section=q.section,
            edition=q.edition,
            limit=PAGE_SIZE,
            offset=offset,
        )
        self._more = len(rows) == PAGE_SIZE
        return rows


SEARCH_CHANNEL = "list-search"


def _search(
    store: Store, q: Query, offset: int, sort_column: int, descending: bool
) -> tuple[list[dict[str, Any]], bool]:
    """A page of search rows (best first unless a column is chosen), and whether more follow."""
    limit = offset + SEARCH_PAGE
    rows = store.search.query(
        q.text, status=q.status, section=q.section, edition=q.edition, limit=limit
    )
    more = len(rows) == limit
    if sort_column >= 0:  # a column chosen; unsorted means best match first
        key = _SORT_KEYS[sort_column]
        rows.sort(key=lambda r: (r.get(key) or "").casefold(), reverse=descending)
    return rows[offset:], more
