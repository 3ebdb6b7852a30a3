"""Typing into real widgets, whatever the script.

`qtbot.keyClicks` aborts the process on non-ASCII text, so `type_text` sends
one QKeyEvent per character carrying its text, as a keyboard with an input
method would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key (Enter for newlines), whatever its script."""
    for ch in text:
        if ch == "\n":
            key, chars = Qt.Key.Key_Return, "\r"
        else:
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            chars = ch
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, chars)
            QApplication.sendEvent(widget, event)
        QApplication.processEvents()  # as between a person's keystrokes: timers get to run


def press(qtbot, widget: QWidget, key: str) -> None:  # type: ignore[no-untyped-def]
    """A chord like "Ctrl+S" sent to the focused widget, so window shortcuts fire."""
    combo = QKeySequence(key)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())
    QApplication.processEvents()
