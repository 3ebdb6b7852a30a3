"""The editors' queue as a table model: rows formatted once, O(1) data(), live countdowns."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...store.workflow import STALE_CLAIM
from .. import theme

PRIORITY, HEADLINE, SECTION, EDITION, BYLINE, STATUS, CLAIM, TIMING, AGE = range(9)
COLUMNS = (
    "",
    "Headline",
    "Section",
    "Ed.",
    "Byline",
    "Status",
    "Claimed",
    "Embargo / schedule",
    "Waiting",
)
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
BreakingRole = Qt.ItemDataRole.UserRole + 2
BADGE = "BREAKING"
_STATUS_COLOURS = {"submitted": "#2563eb", "in_edit": "#7c3aed"}  # light; theme swaps
_CLAIM_COLOUR, _COUNTDOWN_COLOUR = "#9a3412", "#0e7490"
_Index = QModelIndex | QPersistentModelIndex


def parse_utc(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def duration(seconds: float) -> str:
    """'45 min', '2 h 10 min', '3 d 4 h': as precise as an editor needs at a glance."""
    minutes = max(0, int(seconds // 60))
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def timing_text(row: dict[str, Any], now: datetime) -> str:
    """The countdown: a schedule first, else an embargo still to lift."""
    scheduled = parse_utc(row.get("scheduled_at"))
    if scheduled is not None:
        left = (scheduled - now).total_seconds()
        return f"publishes in {duration(left)}" if left > 0 else "due now"
    embargo = parse_utc(row.get("embargo_at"))
    if embargo is not None:
        left = (embargo - now).total_seconds()
        return f"embargo lifts in {duration(left)}" if left > 0 else "embargo lifted"
    return ""


def age_text(row: dict[str, Any], now: datetime) -> str:
    """How long the story has waited since it last changed (the column says "Waiting")."""
    since = parse_utc(row.get("updated_at"))
    return duration((now - since).total_seconds()) if since else ""


def claim_text(row: dict[str, Any], now: datetime) -> str:
    editor = row.get("claimed_by")
    if not editor:
        return ""
    claimed = parse_utc(row.get("claimed_at"))
    stale = claimed is not None and now - claimed > STALE_CLAIM
    return f"{'⚠ ' if stale else ''}being edited by {editor}"


def _display(row: dict[str, Any], now: datetime) -> list[str]:
    section = row.get("section") or ""
    if row.get("subsection"):
        section = f"{section} › {row['subsection']}"
    return [
        BADGE if (row.get("priority") or 0) >= 1 else "",
        row.get("headline") or "(no headline yet)",
        section,
        (row.get("edition") or "").upper(),
        row.get("byline") or "",
        (row.get("status") or "").replace("_", " "),
        claim_text(row, now),
        timing_text(row, now),
        age_text(row, now),
    ]


def queue_row(article: Any, claim: Any) -> dict[str, Any]:
    """The row `store.workflow.queue()` gives for a story, from the story and its claim."""
    return {
        "id": article.id,
        "uuid": article.uuid,
        "headline": article.headline,
        "status": article.status,
        "section": article.section,
        "subsection": article.subsection,
        "edition": article.edition,
        "byline": article.byline,
        "priority": int(article.priority),
        "word_count": article.words,
        "embargo_at": article.embargo_at,
        "scheduled_at": article.scheduled_at,
        "updated_at": article.updated_at,
        "claimed_by": claim.editor if claim else None,
        "claimed_at": claim.claimed_at if claim else None,
    }


class QueueModel(QAbstractTableModel):
    """Rows are dicts from `store.workflow.queue()`; the desk decides which ones."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        # Formatted lazily: a row is formatted the first time it is painted.
        self._display: list[list[str] | None] = []
        self._now = datetime.now(UTC)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Qt model interface: every call is a list lookup ---------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        shown = self._display[row] or self._format(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown[column]
        if role == ArticleIdRole:
            return self._rows[row]["id"]
        if role == BreakingRole:
            return bool(shown[PRIORITY])
        if role == Qt.ItemDataRole.ForegroundRole:
            # Brushes for the current theme (a switch repaints the view, which asks again).
            if column == STATUS:
                colour = _STATUS_COLOURS.get(self._rows[row].get("status") or "")
                return theme.brush(colour) if colour else None
            if column == CLAIM:
                return theme.brush(_CLAIM_COLOUR)
            if column == TIMING:
                return theme.brush(_COUNTDOWN_COLOUR)
            if column in (AGE, BYLINE):
                return theme.brush("muted")
        if role == Qt.ItemDataRole.FontRole and column == HEADLINE and shown[PRIORITY]:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PRIORITY, EDITION):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _format(self, row: int) -> list[str]:
        shown = _display(self._rows[row], self._now)
        self._display[row] = shown
        return shown

    def _tooltip(self, row: int, column: int) -> str | None:
        shown = self._display[row] or self._format(row)
        if column == HEADLINE:
            return f"{shown[HEADLINE]}\n{shown[BYLINE]} · {shown[SECTION]} · {shown[EDITION]}"
        if column == AGE and shown[AGE]:
            return f"waiting {shown[AGE]}"
        return shown[column] or None

    def meta_line(self, row: int) -> str:
        """Byline · section · edition: the second line under the headline."""
        shown = self._display[row] or self._format(row)
        return " · ".join(part for part in (shown[BYLINE], shown[SECTION], shown[EDITION]) if part)

    def is_rtl(self, row: int) -> bool:
        return (self._rows[row].get("edition") or "") == "ar"

    # --- filling and finding -------------------------------------------------
    def set_rows(self, rows: list[dict[str, Any]], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._now = now or datetime.now(UTC)
        self._rows = rows
        self._display = [None] * len(rows)
        self.endResetModel()

    def replace_rows(self, rows: list[dict[str, Any]]) -> None:
        """A fresh read of the same queue: only what changed is repainted.

        While a sync stores page after page, most reads only add stories at the
        end; a reset would repaint every visible cell, each a call into Python
        that waits for the sync's thread to hand over the interpreter.
        Any other change (order, removals) resets the model.
        """
        old = len(self._rows)
        if len(rows) < old or any(
            a["id"] != b["id"] for a, b in zip(rows[:old], self._rows, strict=True)
        ):
            self.set_rows(rows)
            return
        for number, (fresh, shown) in enumerate(zip(rows[:old], self._rows, strict=True)):
            if fresh != shown:
                self._display[number] = None
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
        self._rows[:old] = rows[:old]  # the desk's rows and the model's stay the same dicts
        if len(rows) > old:
            self.beginInsertRows(QModelIndex(), old, len(rows) - 1)
            self._rows.extend(rows[old:])
            self._display.extend([None] * (len(rows) - old))
            self.endInsertRows()

    def refresh_times(self, now: datetime | None = None) -> None:
        """Recount the countdowns and ages (the desk's timer calls this every 30 s)."""
        if not self._rows:
            return
        self._now = now or datetime.now(UTC)
        for row, shown in zip(self._rows, self._display, strict=True):
            if shown is not None:  # rows never painted are formatted when they are
                shown[TIMING] = timing_text(row, self._now)
                shown[AGE] = age_text(row, self._now)
                shown[CLAIM] = claim_text(row, self._now)
        self.dataChanged.emit(
            self.index(0, TIMING),
            self.index(len(self._rows) - 1, AGE),
            [Qt.ItemDataRole.DisplayRole],
        )

    def row_updated(self, row: int) -> None:
        """The row's dict changed in place (a claim): format it again when painted."""
        self._display[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._display[row]
        self.endRemoveRows()

    def row_data(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def article_id(self, row: int) -> int | None:
        found = self.row_data(row)
        return int(found["id"]) if found else None

    def row_of(self, article_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row["id"] == article_id:
                return number
        return -1

    def text(self, row: int, column: int) -> str:
        return (self._display[row] or self._format(row))[column]
