"""Painting one grid cell: the thumbnail, its check badges, two lines of caption, the credit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.embargo import embargo_short
from .. import theme
from .model import CAPTION, CREDIT, EMBARGO, NAME, ORIGIN, STATE, ChecksRole, RowRole

CELL = QSize(196, 232)
THUMB = QSize(180, 140)
# check code -> (badge text, colour): white on these, over the photo, in both themes
BADGES: dict[str, tuple[str, str]] = {
    "missing_caption": ("CAP", "#c62828"),
    "missing_alt": ("ALT", "#c62828"),
    "missing_credit": ("CR", "#c62828"),
    "credit_form": ("( )", "#d84315"),
    "no_full_stop": (" . ", "#d84315"),
    "caption_too_long": ("2000", "#6a1b9a"),
    "credit_too_long": ("32", "#6a1b9a"),
    "misspelling": ("ABC", "#ef6c00"),
    "rights_expired": ("©", "#37474f"),
    "embargoed": ("EMB", "#b71c1c"),
}
EMBARGO_COLOUR = "#b71c1c"
STATE_COLOURS = {"uncaptioned": "#9e9e9e", "captioned": "#1565c0", "approved": "#2e7d32"}


class PhotoDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return CELL

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(RowRole)
        if row is None:
            return
        painter.save()
        rect = option.rect.adjusted(4, 4, -4, -4)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            if selected
            else QPen(theme.qcolour("border"))
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)

        thumb_rect = QRect(
            rect.x() + (rect.width() - THUMB.width()) // 2,
            rect.y() + 6,
            THUMB.width(),
            THUMB.height(),
        )
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.size().scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(thumb_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(thumb_rect, theme.qcolour("placeholder"))  # while it loads

        checks = index.data(ChecksRole) or ()
        self._badges(painter, thumb_rect, checks, _caption_style(index))
        if "embargoed" in checks:
            self._embargo_strip(painter, thumb_rect, row[EMBARGO])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS.get(row[STATE], "#9e9e9e")))
        painter.drawEllipse(QRect(thumb_rect.right() - 14, thumb_rect.bottom() - 14, 10, 10))

        font = QFont(option.font)
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        text_rect = QRect(rect.x() + 8, thumb_rect.bottom() + 6, rect.width() - 16, line)
        caption = row[CAPTION] or row[NAME]
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for text in _two_lines(caption, metrics, text_rect.width()):
            painter.drawText(text_rect, _alignment(text), text)
            text_rect.translate(0, line)
        # The credit, and where a photo from the shared library came from.
        under = " · ".join(p for p in (row[CREDIT], row[ORIGIN] and "from " + row[ORIGIN]) if p)
        if under:
            painter.setPen(theme.qcolour("#616161"))
            credit = metrics.elidedText(under, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect.translated(0, 2), _alignment(credit), credit)
        painter.restore()

    def _embargo_strip(self, painter: QPainter, thumb: QRect, until: str) -> None:
        """A red band across the photo's foot: "Embargo: 5 Dec 2026 14:00 UTC" (the
        caption-state dot keeps its corner)."""
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        band = QRect(
            thumb.x(), thumb.bottom() - metrics.height() - 5, thumb.width(), metrics.height() + 4
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(EMBARGO_COLOUR))
        painter.drawRect(band)
        painter.setPen(QColor("white"))
        room = band.adjusted(4, 0, -18, 0)
        text = metrics.elidedText(embargo_short(until), Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, int(Qt.AlignmentFlag.AlignCenter), text)

    def _badges(
        self, painter: QPainter, thumb: QRect, codes: tuple[str, ...], style: str = "parentheses"
    ) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(7)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        x = thumb.x() + 4
        for code in codes:
            text, colour = BADGES.get(code, ("?", "#616161"))
            if code == "credit_form" and style == "slash":
                text = " / "  # the house style puts the credit after a slash
            width = metrics.horizontalAdvance(text) + 8
            badge = QRect(x, thumb.y() + 4, width, metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)
            x += width + 3
            if x > thumb.right() - 24:
                break


def _alignment(text: str) -> int:
    """Arabic lines start at the right edge, as readers expect."""
    for char in text:
        if "\u0590" <= char <= "\u08ff":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if char.isalpha():
            break
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """At most two lines, the second elided: every cell keeps one size."""
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    if not words:
        return [first]
    return [first, metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)]


def _caption_style(index: QModelIndex | QPersistentModelIndex) -> str:
    """The house style of the grid's store (Preferences), for the credit badge."""
    photos = getattr(getattr(index.model(), "store", None), "photos", None)
    return str(getattr(photos, "caption_style", "parentheses"))
