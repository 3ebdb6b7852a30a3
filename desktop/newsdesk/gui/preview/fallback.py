"""The simple preview for systems where QtWebEngine cannot start: Qt's rich text."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...render.page import RenderedPage
from ...services.preview import PreviewSource
from .urls import SCHEME, STATIC_PREFIX

# Qt's rich text knows little CSS: a few rules it does follow, in the site's spirit.
FALLBACK_CSS = """
.preview-banner { background-color: #fff4d6; color: #6b4e00; font-size: small; }
.brand { font-size: x-large; font-weight: bold; font-family: serif; color: #0b2a4a; }
.section-label { color: #c8102e; font-weight: bold; font-size: small; }
.headline { font-family: serif; font-size: xx-large; font-weight: bold; }
.standfirst { font-family: serif; font-size: large; color: #3c4043; }
.meta { color: #5f6368; font-size: small; }
figcaption, .nd-caption, .nd-credit { color: #5f6368; font-size: small; }
.related-news { background-color: #f5f6f7; }
.related-title, .strip-title { color: #c8102e; font-weight: bold; }
.nd-notice { background-color: #fdecea; color: #8a1c13; }
.card-section { color: #c8102e; font-size: small; }
.site-footer { color: #5f6368; font-size: small; }
"""
_NAV = re.compile(r"<nav\b.*?</nav>|<span class=\"editions\">.*?</span></span>", re.S)
_IMG_SIZE = re.compile(r'<img ([^>]*?)width="(\d+)" height="(\d+)"')
_RICH_TEXT_WIDTH = 640


def simplify_for_rich_text(html: str) -> str:
    """The page for QTextBrowser: no navigation, photos scaled to the column."""

    def scale(match: re.Match[str]) -> str:
        width, height = int(match.group(2)), int(match.group(3))
        new_width = min(width, _RICH_TEXT_WIDTH)
        new_height = round(height * new_width / width) if width else height
        return f'<img {match.group(1)}width="{new_width}" height="{new_height}"'

    html = _IMG_SIZE.sub(scale, _NAV.sub("", html))
    # Rich text does not know <figure>: as blocks, photos stop flowing into the text.
    for tag, block in (("figure", "div"), ("figcaption", "p"), ("aside", "div")):
        html = html.replace(f"<{tag}", f"<{block}").replace(f"</{tag}>", f"</{block}>")
    return html


class FallbackBrowser(QTextBrowser):
    """A simpler view (Qt's rich text) for systems where QtWebEngine cannot start.

    It loads only `newsdesk:` photos and the stylesheet; nothing remote, ever.
    """

    def __init__(self, source: PreviewSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview_source = source  # (QTextBrowser.source() is a method: another name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(FALLBACK_CSS)
        # The site's page is light whatever the app's theme (as in the full preview):
        # FALLBACK_CSS's colours are the site's, chosen for white paper.
        self.setStyleSheet("QTextBrowser { background: #ffffff; color: #202124; }")
        self.refused: list[str] = []

    def show_page(self, page: RenderedPage) -> None:
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.setHtml(simplify_for_rich_text(page.html))
        if page.anchor:
            self.scrollToAnchor(page.anchor)
        else:
            bar.setValue(int(fraction * bar.maximum()))

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt API)
        url = QUrl(name)
        if url.scheme() != SCHEME:
            self.refused.append(url.toString())
            return None
        if url.host() == "photo":
            photo = self.preview_source.photo(url.path().lstrip("/"))
            if photo is not None and photo.path.is_file():
                image = QImage(str(photo.path))
                # Decode at the column's width (the <img> sizes were scaled to it).
                if image.isNull():
                    return None
                return image.scaledToWidth(min(image.width(), _RICH_TEXT_WIDTH))
            return None
        if url.toString().startswith(STATIC_PREFIX + "site.css"):
            return ""  # the site's CSS is beyond rich text: FALLBACK_CSS stands in
        return None
