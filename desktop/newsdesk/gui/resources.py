"""Icons and the stylesheet, found through search paths at run time (no compiled .qrc)."""

from __future__ import annotations

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..paths import resource_path

_registered = False


def register_search_paths() -> None:
    global _registered
    if _registered:
        return
    QDir.addSearchPath("icons", str(resource_path("icons")))
    QDir.addSearchPath("styles", str(resource_path("styles")))
    _registered = True


def icon(name: str) -> QIcon:
    register_search_paths()
    return QIcon(f"icons:{name}.svg")


def stylesheet() -> str:
    path = resource_path("styles", "newsdesk.qss")
    text = path.read_text(encoding="utf-8")
    # url(icons:...) in the sheet resolves through the search path registered above.
    register_search_paths()
    return text


def dot_icon(colour: str, size: int = 12) -> QIcon:
    """A round status light (checklist results, sync states)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
