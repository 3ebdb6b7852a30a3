"""An editor whose paragraphs each read in their own direction (domain.bidi's rule)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ...domain.bidi import may_read_against, paragraph_rtl


class BidiTextEdit(QTextEdit):
    """Plain text with each paragraph laid out in its own direction (see paragraph_rtl)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self._edition_rtl = False
        self._pending: tuple[int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fix_pending)
        self.document().contentsChange.connect(self._contents_change)

    def set_edition_rtl(self, rtl: bool) -> None:
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        if rtl == self._edition_rtl:
            # Every paragraph already reads in its direction for this edition (set_text and
            # each edit keep them so): opening an article does not pass over it twice.
            return
        self._edition_rtl = rtl
        document = self.document()
        if document.isUndoAvailable():
            self._fix_all(joined=True)
        else:  # nothing typed yet: keep the undo history empty
            document.setUndoRedoEnabled(False)
            self._fix_all(joined=False)
            document.setUndoRedoEnabled(True)

    def set_text(self, text: str) -> None:
        """Load fresh text: directions set, and an undo history that starts here."""
        document = self.document()
        document.setUndoRedoEnabled(False)
        self.setPlainText(text)
        if self._edition_rtl or may_read_against(text, "ltr"):
            self._fix_all(joined=False)
        # Else left-to-right text in a left-to-right edition: Qt's own rule (the first
        # strong letter, else the editor's direction) lays every paragraph out left to
        # right already, and a 10,000-word body opens without a pass over it.
        document.setUndoRedoEnabled(True)  # a fresh, empty undo stack
        self._pending = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Qt treats Enter in an empty paragraph that carries a block format as
        # "end this list/quote" and drops the new paragraph; our direction
        # formats are not lists, so Enter always starts a paragraph here.
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            self.textCursor().insertBlock()
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def block_rtl(self, number: int) -> bool:
        block = self.document().findBlockByNumber(number)
        return block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft

    # --- keeping directions right as text changes -------------------------------------
    def _contents_change(self, position: int, _removed: int, added: int) -> None:
        start, end = position, position + added
        if self._pending is not None:
            start, end = min(start, self._pending[0]), max(end, self._pending[1])
        self._pending = (start, end)
        self._timer.start()

    def _fix_pending(self) -> None:
        if self._pending is None:
            return
        start, end = self._pending
        self._pending = None
        document = self.document()
        first = document.findBlock(start)
        last = document.findBlock(min(end, max(0, document.characterCount() - 1)))
        self._fix_blocks(first, last, joined=True)

    def _fix_all(self, *, joined: bool) -> None:
        document = self.document()
        self._fix_blocks(document.firstBlock(), document.lastBlock(), joined=joined)

    def _fix_blocks(self, first: QTextBlock, last: QTextBlock, *, joined: bool) -> None:
        """Set each block's direction; all changes in one edit block (one relayout)."""
        cursor: QTextCursor | None = None
        block = first
        while block.isValid():
            wanted = (
                Qt.LayoutDirection.RightToLeft
                if paragraph_rtl(block.text(), self._edition_rtl)
                else Qt.LayoutDirection.LeftToRight
            )
            fmt = block.blockFormat()
            if fmt.layoutDirection() != wanted:
                if cursor is None:
                    cursor = QTextCursor(block)
                    if joined:
                        # Part of the edit that caused it: one Ctrl+Z undoes both.
                        cursor.joinPreviousEditBlock()
                    else:
                        cursor.beginEditBlock()
                fmt.setLayoutDirection(wanted)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            if block == last:
                break
            block = block.next()
        if cursor is not None:
            cursor.endEditBlock()


class OneParagraphEdit(BidiTextEdit):
    """A headline: one paragraph that wraps and grows to fit (a QLineEdit would cut it off).

    Offers QLineEdit's small API (text, setText, setCursorPosition); Enter moves
    on to the next field and pasted line breaks become spaces.
    """

    def __init__(self, parent: QWidget | None = None, max_lines: int = 3) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit's name)
        self.set_text(" ".join(text.splitlines()))

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        self.insertPlainText(" ".join(source.text().split()))

    def _fit_height(self, *_args: object) -> None:
        line = self.fontMetrics().lineSpacing()
        height = self.document().size().height() or line
        margins = self.contentsMargins()
        doc_margin = 2 * self.document().documentMargin()
        lines_cap = self.max_lines * line + doc_margin
        self.setFixedHeight(int(min(height, lines_cap) + margins.top() + margins.bottom() + 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
