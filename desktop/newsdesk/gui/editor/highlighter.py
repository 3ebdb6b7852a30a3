"""A light Markdown highlighter: sub-heads, quotes, bold, italic, links and photo references.

Qt calls highlightBlock for changed paragraphs only, so a keystroke costs one
paragraph's regexes, whatever the article's length. A whole text at once (an
article opened, the theme or the spelling language changed) is highlighted
gradually instead: the paragraphs on screen at once, the rest a slice per turn of
the event loop, so opening a 10,000-word article does not wait for its last paragraph.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

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
# Paragraphs (QTextBlocks, blank lines included) highlighted at once when a whole text
# comes in and the editor cannot say which are on screen. Then a slice per turn of the
# loop, a key's worth of time.
FIRST_BLOCKS = 50
SLICE_SECONDS = 0.004

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
        # The formats set in the paragraph being highlighted, in order (a later one wins).
        self.spans: list[tuple[int, int, QTextCharFormat]] = []
        self._held = False
        self._next_block = -1  # the next paragraph the gradual pass highlights; -1: none
        # The paragraphs on screen, highlighted first (blocks, not numbers: typing meanwhile
        # may move them); the slices step over them.
        self._done_early: tuple[QTextBlock, QTextBlock] | None = None
        # The editor's paragraphs on screen (first, last block number), when it can say.
        self.on_screen: Callable[[], tuple[int, int]] | None = None
        self._slices = QTimer(self)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._slice)
        theme.signals.changed.connect(self.restyle)

    # --- a whole text, gradually ----------------------------------------------------
    def hold(self) -> None:
        """Until `rehighlight_gradually`: the text coming in is not highlighted yet."""
        self._held = True
        self._next_block = -1

    @contextmanager
    def gradually(self) -> Iterator[None]:
        """Text changed in the block is coloured afterwards, gradually (held meanwhile)."""
        self.hold()
        try:
            yield
        finally:
            self.rehighlight_gradually()

    def rehighlight_gradually(self) -> None:
        """Highlight the whole text: the paragraphs on screen now, the rest in slices."""
        self._held = False
        self._next_block = 0
        self._done_early = None
        if self.on_screen is None:
            self._slice(FIRST_BLOCKS, budget=60.0)
            return
        first, last = self.on_screen()
        document = self.document()
        if document is None:
            return
        start = block = document.findBlockByNumber(first)
        was_blocked = document.blockSignals(True)
        try:
            while block.isValid() and block.blockNumber() <= last:
                self.rehighlightBlock(block)
                end, block = block, block.next()
        finally:
            document.blockSignals(was_blocked)
        if start.isValid():
            self._done_early = (start, end)
        self._slice(0)  # the rest from the top, a slice per turn of the loop

    def pending(self) -> bool:
        """Paragraphs still waiting for their colours (tests)."""
        return self._held or self._next_block >= 0

    def _slice(self, count: int = 1_000_000, budget: float = SLICE_SECONDS) -> None:
        document = self.document()
        if document is None or self._next_block < 0:
            return
        block = document.findBlockByNumber(self._next_block)
        until = time.perf_counter() + budget
        # Colours are not edits: the editor must not hear contentsChanged.
        was_blocked = document.blockSignals(True)
        try:
            for _ in range(count):
                early = self._done_early
                if early is not None and block == early[0]:
                    block = early[1].next()  # done already
                if not block.isValid():
                    break
                self.rehighlightBlock(block)
                block = block.next()
                if time.perf_counter() > until:
                    break
        finally:
            document.blockSignals(was_blocked)
        if block.isValid():
            self._next_block = block.blockNumber()
            self._slices.start()
        else:
            self._next_block = -1

    def restyle(self, _which: str = "") -> None:
        """The theme changed: the same formats in its colours, the text highlighted again."""
        for name, light in MARKDOWN_COLOURS.items():
            getattr(self, name).setForeground(theme.qcolour(light))
        document = self.document()
        if document is None:
            return
        self.rehighlight_gradually()  # signals blocked: not taken for typing

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if self._held:
            return  # a whole text coming in: rehighlight_gradually follows
        self.highlight(text)

    def highlight(self, text: str) -> None:
        self.spans = []
        if _HEADING.match(text):
            self._paint(0, len(text), self.heading)
            return
        if _QUOTE.match(text):
            self._paint(0, len(text), self.quote)
        bullet = _BULLET.match(text)
        if bullet:
            self._paint(0, bullet.end(), self.bullet)
        for match in _BOLD.finditer(text):
            self._paint(match.start(), match.end(), self.bold)
        for match in _ITALIC.finditer(text):
            self._paint(match.start(), match.end(), self.italic)
        for match in _LINK.finditer(text):
            fmt = self.photo if "(photo:" in match.group(0) else self.link
            self._paint(match.start(), match.end(), fmt)

    def _paint(self, start: int, end: int, fmt: QTextCharFormat) -> None:
        """setFormat, remembered: the spelling layer lays its underline over these spans
        a word at a time instead of asking Qt for each character's format."""
        self.setFormat(start, end - start, fmt)
        self.spans.append((start, end, fmt))
