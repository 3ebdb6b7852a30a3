"""Misspellings underlined as you type, paragraph by paragraph.

Qt calls highlightBlock only for the paragraphs that changed, and each word's
answer comes from the service's cache (or is queued for its worker), so a
keystroke costs one paragraph's regex and dictionary look-ups in a dict.

One QTextDocument takes one highlighter, so the body's Markdown colours and
the underlines come from one class (SpellingMarkdownHighlighter); headline,
standfirst and captions use SpellingHighlighter.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ...spelling import SpellChecker
from .. import theme
from ..editor.highlighter import MARKDOWN_COLOURS, MarkdownHighlighter
from .service import SpellingService

# Never checked: link targets and photo references, bare addresses, e-mail, @handles.
_SKIP = re.compile(r"\]\([^)\n]*\)|https?://\S+|www\.\S+|\S+@\S+\.\S+|@\w+|<[^>\n]*>")
_WORDS = SpellChecker(
    ()
)  # only its tokenizer: letters and in-word marks, Arabic punctuation splits
UNDERLINE = QColor("#d93025")


def misspelling_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE)
    return fmt


def words_to_check(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for the words of a paragraph that a dictionary should judge."""
    skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text)]
    out = []
    for start, end, word in _WORDS.words(text):
        if any(s <= start < e for s, e in skipped):
            continue
        if len(word) < 2 or word.isupper():
            continue  # single letters and acronyms (AFP, UN)
        out.append((start, end, word))
    return out


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _u16_offsets(text: str) -> list[int] | None:
    """Python index -> Qt (UTF-16) index, or None when they are the same (no astral chars)."""
    if _ASTRAL.search(text) is None:
        return None
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += 2 if ord(char) >= 0x10000 else 1
    offsets.append(position)
    return offsets


def _stretches(
    start: int, end: int, spans: list[tuple[int, int, QTextCharFormat]]
) -> list[tuple[int, int, QTextCharFormat | None]]:
    """[start, end) cut where the paragraph's formats change, with the format that
    holds on each piece (the last span covering it; None: the plain text)."""
    cuts = {start, end}
    for left, right, _fmt in spans:
        if left < end and right > start:
            cuts.update(c for c in (left, right) if start < c < end)
    points = sorted(cuts)
    pieces = []
    for left, right in zip(points, points[1:], strict=False):
        under = None
        for s_left, s_right, fmt in reversed(spans):
            if s_left <= left < s_right:
                under = fmt
                break
        if pieces and pieces[-1][2] is under:  # the same format goes on: one piece
            pieces[-1] = (pieces[-1][0], right, under)
        else:
            pieces.append((left, right, under))
    return pieces


class SpellingLayer:
    """The spelling part of a highlighter: which language, which words are wrong."""

    def __init__(self, highlighter: QSyntaxHighlighter, service: SpellingService) -> None:
        self.highlighter = highlighter
        self.service = service
        self.language = ""
        self.enabled = True
        self.format = misspelling_format()
        self.edit: QTextEdit | None = None
        self._skipped: tuple[QTextBlock, int] | None = None
        # Words asked of the service and not answered yet -> the paragraphs holding
        # them: an answer redraws those, not every paragraph of a long body.
        self._waiting: dict[str, list[QTextBlock]] = {}
        service.checked.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        service.wordsChanged.connect(self.redraw)

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self._waiting.clear()
            self.redraw()

    def redraw(self, block: QTextBlock | None = None) -> None:
        """Rehighlight (one paragraph or all) without it counting as an edit.

        Qt's rehighlight emits the document's contentsChanged, which the editor
        would take for typing (unsaved changes, an autosave, a preview render).
        """
        document = self.highlighter.document()
        if document is None:
            return
        was_blocked = document.blockSignals(True)
        try:
            if block is None:
                gradually = getattr(self.highlighter, "rehighlight_gradually", None)
                if gradually is not None:  # the body: a long text a slice at a time
                    gradually()
                else:
                    self.highlighter.rehighlight()
            else:
                self.highlighter.rehighlightBlock(block)
        finally:
            document.blockSignals(was_blocked)

    def active(self) -> bool:
        return self.enabled and bool(self.language) and self.service.enabled_for(self.language)

    def follow_cursor(self, edit: QTextEdit) -> None:
        """Leave the word being typed alone until the cursor leaves it (no flicker, no
        look-ups of every half-typed word)."""
        self.edit = edit
        edit.cursorPositionChanged.connect(self._cursor_moved)

    def _typing_at(self) -> int | None:
        """Column of the cursor when it sits in the paragraph being highlighted."""
        edit = self.edit
        if edit is None or not edit.hasFocus():
            return None
        cursor = edit.textCursor()
        block = self.highlighter.currentBlock()
        if cursor.hasSelection() or cursor.block() != block:
            return None
        return cursor.position() - block.position()

    def _cursor_moved(self) -> None:
        skipped = self._skipped
        if skipped is None or self.edit is None:
            return
        block, end = skipped
        cursor = self.edit.textCursor()
        if cursor.block() != block or cursor.position() - block.position() != end:
            self._skipped = None
            if block.isValid():
                self.redraw(block)

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        if not self.active():
            return []
        status = self.service.status
        typing_at = self._typing_at()
        found = []
        for start, end, word in words_to_check(text):
            if typing_at is not None and end == typing_at:
                self._skipped = (self.highlighter.currentBlock(), end)
                continue
            known = status(word, self.language)
            if known is False:
                found.append((start, end, word))
            elif known is None:
                blocks = self._waiting.setdefault(word, [])
                block = self.highlighter.currentBlock()
                if not blocks or blocks[-1] != block:
                    blocks.append(block)
        return found

    def underline(self, text: str, spans: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Add the wavy underline to each misspelt word, over whatever format it has.

        `spans` are the formats this paragraph was given (in order; a later one wins):
        a word takes one setFormat per stretch of equal format, not one per character.
        """
        found = self.misspelt(text)
        if not found:
            return
        offsets = _u16_offsets(text)
        h = self.highlighter
        for start, end, _word in found:
            for left, right, under in _stretches(start, end, spans):
                fmt = QTextCharFormat(under) if under is not None else QTextCharFormat()
                fmt.merge(self.format)  # keep the Markdown colour/weight, underline on top
                if offsets is not None:
                    left, right = offsets[left], offsets[right]
                h.setFormat(left, right - left, fmt)

    def _checked(self, language: str, misspelt: list[str]) -> None:
        """A batch came back: redraw only the paragraphs that were waiting on a word
        found misspelt (never a pass over the whole text)."""
        if language != self.language:
            return
        blocks = [block for word in misspelt for block in self._waiting.pop(word, ())]
        if self.service.pending() == 0:
            # The words found right need no redraw. Not every word: a word found wrong
            # may have its own batch still on its way here (answers land before signals).
            for word in [w for w in self._waiting if self.service.status(w, language)]:
                del self._waiting[word]
        document = self.highlighter.document()
        if not blocks or not self.active() or document is None:
            return
        # Whole words only: a misspelt "tal" must not redraw a paragraph with "talks".
        pattern = re.compile(
            r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, set(misspelt))) + r")(?![^\W\d_])"
        )
        done: set[int] = set()
        for block in blocks:
            if not block.isValid() or block.blockNumber() in done:
                continue
            done.add(block.blockNumber())
            if pattern.search(block.text()):
                self.redraw(block)


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines only: for the headline, the standfirst and captions."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self.spelling = SpellingLayer(self, service)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.spelling.underline(text, [])


class SpellingMarkdownHighlighter(MarkdownHighlighter):
    """The body's Markdown colours with misspellings underlined on top."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self.spelling = SpellingLayer(self, service)

    def restyle(self, _which: str = "") -> None:
        """The Markdown colours follow the theme (base class); redrawn without counting as edits."""
        for name, light in MARKDOWN_COLOURS.items():
            getattr(self, name).setForeground(theme.qcolour(light))
        self.spelling.redraw()

    def highlight(self, text: str) -> None:
        super().highlight(text)
        self.spelling.underline(text, self.spans)
