"""A light Markdown highlighter: sub-heads, quotes, bold, italic, links and photo references.

Qt calls highlightBlock for changed paragraphs only, so a keystroke costs one
paragraph's regexes, whatever the article's length.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .. import theme

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r"^>.*$")
_BULLET = re.compile(r"^\s*[-*+]\s")
_BOLD = re.compile(r"\*\*[^*\n]+\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*[^*\n]+\*(?![*\w])")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")


def _format(
    *, colour: str = "", bold: bool = False, italic: bool = False, scale: float = 1.0
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if colour:
        fmt.setForeground(theme.qcolour(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if scale != 1.0:
        fmt.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 1)
    return fmt


# The Markdown colours (light theme's; swapped through theme.DARK_COLOURS on dark).
MARKDOWN_COLOURS = {
    "heading": "#0f2a4a",
    "quote": "#55606c",
    "bullet": "#2f6fd0",
    "link": "#1d5fbf",
    "photo": "#7a4bb8",
}


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.heading = _format(colour=MARKDOWN_COLOURS["heading"], bold=True, scale=1.15)
        self.quote = _format(colour=MARKDOWN_COLOURS["quote"], italic=True)
        self.bullet = _format(colour=MARKDOWN_COLOURS["bullet"], bold=True)
        self.bold = _format(bold=True)
        self.italic = _format(italic=True)
        self.link = _format(colour=MARKDOWN_COLOURS["link"])
        self.photo = _format(colour=MARKDOWN_COLOURS["photo"])
        theme.signals.changed.connect(self.restyle)

    def restyle(self, _which: str = "") -> None:
        """The theme changed: the same formats in its colours, the text highlighted again."""
        for name, light in MARKDOWN_COLOURS.items():
            getattr(self, name).setForeground(theme.qcolour(light))
        document = self.document()
        if document is None:
            return
        # Qt's rehighlight emits contentsChanged: the editor would take it for typing.
        was_blocked = document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            document.blockSignals(was_blocked)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.heading)
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.quote)
        bullet = _BULLET.match(text)
        if bullet:
            self.setFormat(0, bullet.end(), self.bullet)
        for match in _BOLD.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.bold)
        for match in _ITALIC.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.italic)
        for match in _LINK.finditer(text):
            fmt = self.photo if "(photo:" in match.group(0) else self.link
            self.setFormat(match.start(), match.end() - match.start(), fmt)
