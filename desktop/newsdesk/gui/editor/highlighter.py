"""A light Markdown highlighter: sub-heads, quotes, bold, italic, links and photo references.

Qt calls highlightBlock for changed paragraphs only, so a keystroke costs one
paragraph's regexes, whatever the article's length.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

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
        fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if scale != 1.0:
        fmt.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 1)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.heading = _format(colour="#0f2a4a", bold=True, scale=1.15)
        self.quote = _format(colour="#55606c", italic=True)
        self.bullet = _format(colour="#2f6fd0", bold=True)
        self.bold = _format(bold=True)
        self.italic = _format(italic=True)
        self.link = _format(colour="#1d5fbf")
        self.photo = _format(colour="#7a4bb8")

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
