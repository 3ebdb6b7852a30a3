"""The history dialog: revisions newest first, a word-level diff against the open text, restore."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.bidi import paragraph_rtl
from ..domain.diff import Chunk, content_diff
from ..store import Store
from ..store.revisions import Revision
from . import theme

FIELD_LABELS = {
    "headline": "Headline",
    "standfirst": "Standfirst",
    "body": "Body",
    "byline": "Byline",
    "dateline": "Dateline",
    "edition": "Edition",
    "section": "Section",
    "subsection": "Subsection",
    "regions": "Regions",
    "coverage": "Coverage",
    "slug": "Slug",
    "tags": "Tags",
    "sources": "Sources",
    "priority": "Priority",
    "status": "Status",
    "embargo_at": "Embargo",
    "scheduled_at": "Scheduled",
    "lead_photo_id": "Lead photo",
}
# Light-theme colours: the dialog shows them through theme.for_theme().
_INSERT = "background-color:#d9f7e3; color:#14532d;"
_DELETE = "background-color:#fde2e2; color:#991b1b; text-decoration:line-through;"


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y %H:%M:%S")
    except ValueError:
        return stamp


CONTEXT_CHARS = 160


def _elide(text: str) -> str:
    """Long unchanged stretches keep only their ends: the changes stay in view."""
    if len(text) <= 3 * CONTEXT_CHARS:
        return text
    return f"{text[:CONTEXT_CHARS]} … {text[-CONTEXT_CHARS:]}"


def _span(op: str, text: str) -> str:
    if op == "equal":
        text = _elide(text)
    escaped = html.escape(text)
    if op == "insert":
        return f'<span style="{_INSERT}">{escaped}</span>'
    if op == "delete":
        return f'<span style="{_DELETE}">{escaped}</span>'
    return escaped


def _paragraphs(chunks: list[Chunk]) -> list[list[tuple[str, str]]]:
    """Split a diff into paragraphs; a changed line break shows as a marked ¶."""
    paragraphs: list[list[tuple[str, str]]] = [[]]
    for chunk in chunks:
        pieces = chunk.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                if chunk.op != "equal":
                    paragraphs[-1].append((chunk.op, "¶"))
                paragraphs.append([])
            if piece:
                paragraphs[-1].append((chunk.op, piece))
    return paragraphs


def diff_html(old: dict[str, Any], new: dict[str, Any], *, rtl: bool = False) -> str:
    """Every changed field with insertions green and deletions red and struck through.

    Each paragraph takes its own direction (Arabic inside an English article reads
    right-to-left), by the editor's rule.
    """
    changes = content_diff(old, new)
    if not changes:
        return "<p><i>No differences: this revision matches the text in the editor.</i></p>"
    parts = []
    for key, chunks in changes.items():
        label = FIELD_LABELS.get(key, key)
        parts.append(f'<h4 style="margin:10px 0 2px 0; color:#374151;">{html.escape(label)}</h4>')
        for paragraph in _paragraphs(chunks):
            plain = "".join(text for _op, text in paragraph)
            direction = "rtl" if paragraph_rtl(plain, rtl) else "ltr"
            body = "".join(_span(op, text) for op, text in paragraph) or "&nbsp;"
            parts.append(f'<p dir="{direction}" style="margin:0 0 4px 0;">{body}</p>')
    return "".join(parts)


class HistoryDialog(QDialog):
    """`restoreRequested(number)` asks the editing session to restore; the dialog then reloads."""

    restoreRequested = Signal(int)

    def __init__(
        self,
        store: Store,
        article_id: int,
        current: dict[str, Any],
        *,
        rtl: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("History")
        self.resize(920, 600)
        self.store = store
        self.article_id = article_id
        self.current = current
        self.rtl = rtl
        self._revisions: list[Revision] = []

        self.revision_list = QListWidget()
        self.revision_list.setObjectName("revisionList")
        self.revision_list.setAccessibleName("Revisions, newest first")
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("historyDiff")
        self.diff_view.setAccessibleName("Differences from the text in the editor")
        self.caption = QLabel()
        self.caption.setProperty("role", "hint")
        self.caption.setWordWrap(True)
        self.restore_button = QPushButton("Restore this revision")
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAccessibleName("Restore this revision")

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.revision_list)
        splitter.addWidget(right)
        splitter.setSizes([290, 630])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.revision_list.currentRowChanged.connect(self._show)
        self.restore_button.clicked.connect(self._restore)
        self._html = ""  # the diff shown, in light colours
        self.reload(current)
        theme.watch(self, lambda _theme: self._show_html(recolour=True))

    def reload(self, current: dict[str, Any]) -> None:
        self.current = current
        self._revisions = self.store.revisions.list(self.article_id)
        self.revision_list.clear()
        for rev in self._revisions:
            who = rev.author or "no author recorded"
            item = QListWidgetItem(
                f"#{rev.number}  ·  {_when(rev.created_at)}\n{who}  ·  {rev.reason}"
            )
            item.setData(Qt.ItemDataRole.UserRole, rev.number)
            self.revision_list.addItem(item)
        self.revision_list.setCurrentRow(0 if self._revisions else -1)

    def selected_number(self) -> int | None:
        row = self.revision_list.currentRow()
        return self._revisions[row].number if 0 <= row < len(self._revisions) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            self.diff_view.clear()
            self._html = ""
            self.restore_button.setEnabled(False)
            return
        rev = self._revisions[row]
        self.caption.setText(
            f"Revision #{rev.number} compared with the text in the editor: "
            "green was added since, red struck-through was removed since."
        )
        self._html = diff_html(rev.content, self.current, rtl=self.rtl)
        self._show_html()
        self.restore_button.setEnabled(True)

    def _show_html(self, recolour: bool = False) -> None:
        """The diff (made with light colours) in the current theme's colours."""
        if not self._html:
            return
        bar = self.diff_view.verticalScrollBar()
        kept = bar.value()
        self.diff_view.setHtml(theme.for_theme(self._html))
        if recolour:  # the same text in the other theme's colours: stay where the reader is
            bar.setValue(kept)

    def _restore(self) -> None:
        number = self.selected_number()
        if number is not None:
            self.restoreRequested.emit(number)
