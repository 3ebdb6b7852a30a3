"""Helpers for the ship-it GUI tests: typing any script, reading underlines off the layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget


def type_keys(widget: QWidget, text: str) -> None:
    """One QKeyEvent per character carrying its text (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.processEvents()


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method (an Arabic keyboard layout, a compose key) delivers: a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def underlined(block: QTextBlock) -> list[str]:
    """The words the highlighter underlined as misspelt in a paragraph, read off its layout."""
    text = block.text()
    words = []
    for fr in block.layout().formats():
        if fr.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
            words.append(text[fr.start : fr.start + fr.length])
    # Adjacent ranges of one word (a bold letter inside it) join back up.
    joined: list[str] = []
    last_end = -2
    for fr in sorted(
        (
            f
            for f in block.layout().formats()
            if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        ),
        key=lambda f: f.start,
    ):
        piece = text[fr.start : fr.start + fr.length]
        if fr.start == last_end and joined:
            joined[-1] += piece
        else:
            joined.append(piece)
        last_end = fr.start + fr.length
    return joined


def all_underlined(edit: QTextEdit) -> list[str]:
    out: list[str] = []
    block = edit.document().firstBlock()
    while block.isValid():
        out += underlined(block)
        block = block.next()
    return out
