"""Right-click on a misspelt word: suggestions, "Add to dictionary", then the usual edit menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from .highlighter import SpellingLayer, words_to_check

LOOKING = "Looking for suggestions…"


def word_at(edit: QTextEdit, pos: QPoint) -> tuple[int, int, str] | None:
    """(document start, document end, word) under the viewport position, if a checked word."""
    cursor = edit.cursorForPosition(pos)
    block = cursor.block()
    column = cursor.position() - block.position()
    text = block.text()
    for start, end, word in words_to_check(text):
        if start <= column <= end:
            # Document positions count UTF-16 units; text before an astral char is rare here.
            prefix = len(text[:start].encode("utf-16-le")) // 2
            return block.position() + prefix, block.position() + prefix + _u16(word), word
    return None


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class SpellingMenu(QObject):
    """Gives a text edit the spelling context menu (a custom menu: Qt's own has no hook)."""

    def __init__(self, edit: QTextEdit, layer: SpellingLayer) -> None:
        super().__init__(edit)
        self.edit = edit
        self.layer = layer
        self.menu: QMenu | None = None  # the last menu shown (tests look at it)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self.show_menu)

    def build_menu(self, pos: QPoint) -> QMenu:
        menu = self.edit.createStandardContextMenu(self.edit.viewport().mapTo(self.edit, pos))
        menu.setObjectName("spellingMenu")
        found = word_at(self.edit, pos)
        language = self.layer.language
        service = self.layer.service
        if found is None or not self.layer.active():
            return menu
        start, end, word = found
        if service.status(word, language) is not False:
            return menu
        first = menu.actions()[0]  # the standard menu is never empty (Select All)
        looking = QAction(LOOKING, menu)
        looking.setEnabled(False)
        menu.insertAction(first, looking)
        add = QAction(f"Add “{word}” to dictionary", menu)
        add.setObjectName("addToDictionary")
        add.triggered.connect(lambda: service.add_to_dictionary(word))
        menu.insertAction(first, add)
        menu.insertSeparator(first)

        def fill(suggestions: list[str]) -> None:
            if not suggestions:
                looking.setText("No suggestions")
                return
            for suggestion in suggestions:
                action = QAction(suggestion, menu)
                action.setProperty("suggestion", True)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(
                    lambda _checked=False, s=suggestion: self.replace(start, end, s)
                )
                menu.insertAction(looking, action)
            menu.removeAction(looking)

        service.suggest(word, language, fill, owner=menu)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.build_menu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(self.edit.viewport().mapToGlobal(pos))

    def replace(self, start: int, end: int, suggestion: str) -> None:
        """Put the suggestion in place of the word: one undo step."""
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(suggestion)
        cursor.endEditBlock()


def suggestion_actions(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if a.property("suggestion")]
