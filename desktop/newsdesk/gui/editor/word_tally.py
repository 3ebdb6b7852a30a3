"""The body's word count kept up to date paragraph by paragraph: a key costs one paragraph.

Qt reports each edit as `contentsChange(position, removed, added)`; the paragraphs
the edit spans are counted again and the difference goes into the total, so a key
in a 50,000-word body counts one paragraph, not the whole text. Paragraphs are
counted with the domain's `word_count` one by one; only Markdown that spans a line
break (a link whose text wraps onto the next line) can count differently from the
whole text at once, and the stored count is the domain's, made on save.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from ...domain.text import word_count


class WordTally(QObject):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.document = document
        self._counts: list[int] = []  # words per paragraph (QTextBlock), in order
        self._total = 0
        document.contentsChange.connect(self._changed)
        self.recount()

    def total(self) -> int:
        if len(self._counts) != self.document.blockCount():
            self.recount()  # an edit went by unheard (signals blocked): count it all again
        return self._total

    def recount(self) -> None:
        counts = []
        block = self.document.firstBlock()
        while block.isValid():
            counts.append(word_count(block.text()))
            block = block.next()
        self._counts, self._total = counts, sum(counts)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self.document
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        start, end = first.blockNumber(), last.blockNumber()
        # The edit replaced paragraphs start..start+old-1 by start..end.
        old = (end - start + 1) - (document.blockCount() - len(self._counts))
        if start < 0 or old < 1 or start + old > len(self._counts):
            self.recount()
            return
        fresh = []
        block = first
        while True:
            fresh.append(word_count(block.text()))
            if block == last:
                break
            block = block.next()
        self._total += sum(fresh) - sum(self._counts[start : start + old])
        self._counts[start : start + old] = fresh
