"""Render resources/newsdesk.svg to the hicolor PNG sizes (run when the icon changes).

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 — QSvgRenderer needs a GUI application
    renderer = QSvgRenderer(str(ROOT / "resources" / "newsdesk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = (
            ROOT
            / "packaging"
            / "linux"
            / "icons"
            / f"{size}x{size}"
            / "io.github.newsdesk.Newsdesk.png"
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out))
        print(out.relative_to(ROOT))


if __name__ == "__main__":
    main()
