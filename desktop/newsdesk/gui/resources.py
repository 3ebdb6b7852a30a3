"""Icons and the stylesheet, found through search paths at run time (no compiled .qrc)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDir, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

from ..paths import resource_path

_registered = False
# The line icons (toolbar, format bar) are drawn in this ink; it is swapped for the
# current theme's at paint time, so they read on light and dark alike.
LINE_ICON_INK = "#374351"


def register_search_paths() -> None:
    global _registered
    if _registered:
        return
    QDir.addSearchPath("icons", str(resource_path("icons")))
    QDir.addSearchPath("styles", str(resource_path("styles")))
    _registered = True


class ThemedSvgIconEngine(QIconEngine):
    """An SVG line icon inked with the theme's icon colour (dimmed when disabled), drawn anew
    on every paint: a theme switch re-colours the toolbars without rebuilding their actions."""

    def __init__(self, svg: str) -> None:
        super().__init__()
        self.svg = svg

    def _ink(self, mode: QIcon.Mode) -> str:
        from . import theme

        if mode == QIcon.Mode.Disabled:
            palette = QGuiApplication.palette()
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
        return theme.colour("icon")

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = self.svg.replace(LINE_ICON_INK, self._ink(mode))
        QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return ThemedSvgIconEngine(self.svg)


def icon(name: str) -> QIcon:
    register_search_paths()
    path = resource_path("icons", f"{name}.svg")
    svg = path.read_text(encoding="utf-8") if path.is_file() else ""
    if LINE_ICON_INK in svg:
        return QIcon(ThemedSvgIconEngine(svg))
    return QIcon(f"icons:{name}.svg")  # drawn for one background (the desk bar, the app icon)


def stylesheet() -> str:
    path = resource_path("styles", "newsdesk.qss")
    text = path.read_text(encoding="utf-8")
    # url(icons:...) in the sheet resolves through the search path registered above.
    register_search_paths()
    return text


_dots: dict[tuple[str, int, bool], QIcon] = {}


def dot_icon(colour: str, size: int = 12, *, warning: bool = False) -> QIcon:
    """A round status light (checklist results, sync states); one icon per colour and size.
    `warning` draws a triangle instead: told apart from a dot by shape, not colour alone."""
    found = _dots.get((colour, size, warning))
    if found is None:
        found = _dots[(colour, size, warning)] = _paint_dot(colour, size, warning)
    return found


def _paint_dot(colour: str, size: int, warning: bool) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    if warning:
        painter.drawPolygon(
            QPolygonF(
                [QPointF(size / 2, 0.5), QPointF(size - 0.5, size - 1), QPointF(0.5, size - 1)]
            )
        )
    else:
        painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
