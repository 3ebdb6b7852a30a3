"""The Markdown body: a plain-text editor with formatting commands that write Markdown.

Each command works on the selection (or the word/line at the cursor) as one
undo step, so Ctrl+Z takes back exactly what the button did.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextOption
from PySide6.QtWidgets import QWidget

from .bidi import BidiTextEdit
from .highlighter import MarkdownHighlighter

_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_QUOTE = re.compile(r"^>\s?")


def _u16(text: str) -> int:
    """Qt counts cursor positions in UTF-16 units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


class ShortcutGuard(QObject):
    """Lets the window's formatting shortcuts win over text widgets' own bindings.

    Text widgets claim some chords for themselves (on X11 Ctrl+K deletes to the
    end of the line); for the chords in `reserved` they step aside.
    """

    def __init__(self, reserved: list[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reserved = {seq.toString() for seq in reserved if not seq.isEmpty()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            chord = QKeySequence(event.keyCombination()).toString()
            if chord in self.reserved:
                event.ignore()
                return True
        return False


class MarkdownEdit(BidiTextEdit):
    """The body: Markdown as plain text, paragraphs in their own direction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.highlighter = MarkdownHighlighter(self.document())
        self.highlighter.on_screen = self.blocks_on_screen

    def blocks_on_screen(self) -> tuple[int, int]:
        """The first and last paragraph (block number) the viewport shows. Walks the
        layout from the top of the view: the text is laid out down to its bottom only."""
        document = self.document()
        layout = document.documentLayout()
        top = self.verticalScrollBar().value()
        block = self.cursorForPosition(QPoint(0, 0)).block() if top > 0 else document.firstBlock()
        first = last = block.blockNumber()
        bottom = top + self.viewport().height()
        while block.isValid() and layout.blockBoundingRect(block).top() < bottom:
            last = block.blockNumber()
            block = block.next()
        return first, last

    def set_edition_rtl(self, rtl: bool) -> None:
        """The edition's direction changed: each paragraph that turns is coloured again
        gradually, not all at once (a long body's every paragraph may turn)."""
        if rtl == self._edition_rtl:
            super().set_edition_rtl(rtl)  # the layout direction only
            return
        with self.highlighter.gradually():
            super().set_edition_rtl(rtl)

    def set_text(self, text: str) -> None:
        """Load fresh text; its colours come gradually (the paragraphs on screen at once)."""
        with self.highlighter.gradually():
            super().set_text(text)

    # --- inline marks ---------------------------------------------------------
    def toggle_bold(self) -> None:
        self._wrap("**")

    def toggle_italic(self) -> None:
        self._wrap("*")

    def _wrap(self, mark: str) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        text = cursor.selectedText()
        start = cursor.selectionStart()
        cursor.beginEditBlock()
        if text.startswith(mark) and text.endswith(mark) and len(text) >= 2 * len(mark):
            inner = text[len(mark) : -len(mark)]
            cursor.insertText(inner)
            new_start, new_end = start, start + _u16(inner)
        else:
            cursor.insertText(f"{mark}{text}{mark}")
            new_start, new_end = start + len(mark), start + len(mark) + _u16(text)
        cursor.endEditBlock()
        cursor.setPosition(new_start)
        cursor.setPosition(new_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def insert_link(self, url: str = "https://") -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        label = cursor.selectedText() or "link text"
        start = cursor.selectionStart()
        cursor.beginEditBlock()
        cursor.insertText(f"[{label}]({url})")
        cursor.endEditBlock()
        # Leave the URL selected: the reporter types or pastes it straight over.
        url_start = start + _u16(label) + 3
        cursor.setPosition(url_start)
        cursor.setPosition(url_start + _u16(url), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def insert_photo(self, photo_uuid: str, alt_text: str = "") -> None:
        """A photo as its own paragraph, referenced by uuid (never a file path)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("\n\n")
        alt = alt_text.replace("[", "(").replace("]", ")").strip()
        cursor.insertText(f"![{alt}](photo:{photo_uuid})\n\n")
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # --- line marks -----------------------------------------------------------------
    def toggle_heading(self) -> None:
        self._each_line(
            lambda line: _HEADING.sub("", line) if _HEADING.match(line) else "## " + line
        )

    def toggle_quote(self) -> None:
        lines = self._selected_lines()
        quoted = all(_QUOTE.match(line) for line in lines if line.strip())
        self._each_line(lambda line: _QUOTE.sub("", line) if quoted else "> " + line)

    def toggle_bullets(self) -> None:
        lines = self._selected_lines()
        bulleted = all(_BULLET.match(line) for line in lines if line.strip())
        self._each_line(lambda line: _BULLET.sub("", line) if bulleted else "- " + line)

    def _line_cursor(self) -> QTextCursor:
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selected_lines(self) -> list[str]:
        return self._line_cursor().selectedText().split("\u2029")

    def _each_line(self, change) -> None:  # type: ignore[no-untyped-def]
        cursor = self._line_cursor()
        lines = cursor.selectedText().split("\u2029")  # Qt's paragraph separator
        changed = "\n".join(change(line) for line in lines)
        start = cursor.selectionStart()
        cursor.beginEditBlock()
        cursor.insertText(changed)
        cursor.endEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(start + _u16(changed), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
