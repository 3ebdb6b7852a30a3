"""Compare two versions of a story: pick them, read every field's word-level diff."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.diff import Chunk
from ...domain.site import direction_of
from ...services import compare
from ...store import Store
from .. import theme

# Light-theme colours: the dialog shows them through theme.for_theme().
_INSERT = "color:#14532d; background-color:#d9f7e3; text-decoration:underline;"
_DELETE = "color:#991b1b; background-color:#fde2e2; text-decoration:line-through;"
_LONG_FIELDS = ("body", "captions", "sources")


_KEEP = 160  # characters of unchanged text kept on each side of a change


def _elided(text: str, *, head: bool, tail: bool) -> str:
    """A long unchanged run shortened to its ends, so the changes stand out."""
    if len(text) <= 2 * _KEEP + 80:
        return html.escape(text).replace("\n", "<br>")
    cut_head = text.rfind(" ", 0, _KEEP) if head else 0
    cut_tail = text.find(" ", len(text) - _KEEP) if tail else len(text)
    cut_head = max(cut_head, 0)
    cut_tail = len(text) if cut_tail < 0 else cut_tail
    words = len(text[cut_head:cut_tail].split())
    gap = f'<span style="color:#8a949f;"> … {words} words unchanged … </span>'
    start = html.escape(text[:cut_head]).replace("\n", "<br>")
    end = html.escape(text[cut_tail:].lstrip()).replace("\n", "<br>")
    return start + gap + end


def _field_body(chunks: list[Chunk]) -> str:
    parts = []
    for number, chunk in enumerate(chunks):
        if chunk.op == "equal":
            first, last = number == 0, number == len(chunks) - 1
            parts.append(_elided(chunk.text, head=not first, tail=not last))
        else:
            parts.append(_chunk(chunk))
    return "".join(parts)


def _chunk(chunk: Chunk) -> str:
    text = html.escape(chunk.text).replace("\n", "<br>")
    if chunk.op == "insert":
        return f'<span style="{_INSERT}">{text}</span>'
    if chunk.op == "delete":
        return f'<span style="{_DELETE}">{text}</span>'
    return text


def comparison_html(
    result: compare.Comparison, *, rtl: bool = False, show_unchanged: bool = False
) -> str:
    """Changed fields in full; unchanged fields collapsed to one line (or shown, plain)."""
    direction = "rtl" if rtl else "ltr"
    parts = [
        f'<p style="color:#4b5663; margin:0 0 6px 0;">From <b>{html.escape(result.old.label)}</b>'
        f" to <b>{html.escape(result.new.label)}</b>. "
        f'<span style="{_INSERT}">added</span> · <span style="{_DELETE}">removed</span></p>'
    ]
    changed = result.changed
    if not changed:
        parts.append("<p><i>No differences between these two versions.</i></p>")
    for field in changed:
        body = _field_body(field.chunks) or "<i>(empty)</i>"
        parts.append(
            f'<h4 style="margin:12px 0 3px 0; color:#374151;">{html.escape(field.label)}</h4>'
            f'<div dir="{direction}" style="margin:0; line-height:140%;">{body}</div>'
        )
    unchanged = [f for f in result.fields if not f.changed and (f.new_text or show_unchanged)]
    if unchanged and not show_unchanged:
        names = ", ".join(html.escape(f.label) for f in unchanged)
        parts.append(f'<p style="color:#6b7682; margin-top:14px;">Unchanged: {names}.</p>')
    elif unchanged:
        parts.append('<hr><p style="color:#6b7682;">Unchanged fields:</p>')
        for field in unchanged:
            text = html.escape(field.new_text).replace("\n", "<br>") or "<i>(empty)</i>"
            parts.append(
                f'<h4 style="margin:10px 0 2px 0; color:#6b7682;">{html.escape(field.label)}</h4>'
                f'<div dir="{direction}" style="color:#4b5663;">{text}</div>'
            )
    return "".join(parts)


class CompareDialog(QDialog):
    def __init__(
        self,
        store: Store,
        article_id: int,
        parent: QWidget | None = None,
        *,
        old: int | None = None,
        new: int | None = compare.CURRENT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.store = store
        self.article_id = article_id
        article = store.articles.get(article_id)
        self.rtl = direction_of(article.edition) == "rtl"
        self.setWindowTitle(f"Compare — {article.headline or 'untitled'}")
        self.resize(900, 640)

        self.old_box = QComboBox()
        self.old_box.setObjectName("compareOld")
        self.old_box.setAccessibleName("Compare from")
        self.new_box = QComboBox()
        self.new_box.setObjectName("compareNew")
        self.new_box.setAccessibleName("Compare to")
        for version in compare.versions(store, article_id):
            self.old_box.addItem(version.label, version.number)
            self.new_box.addItem(version.label, version.number)
        default_old, default_new = compare.default_pair(store, article_id)
        self._select(self.old_box, old if old is not None else default_old)
        self._select(self.new_box, new if new is not None else default_new)
        self.show_unchanged = QCheckBox("Show unchanged fields")
        self.show_unchanged.setObjectName("showUnchanged")
        self.view = QTextBrowser()
        self.view.setObjectName("compareView")
        self.view.setAccessibleName("Differences, field by field")
        self.view.setOpenLinks(False)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")

        form = QFormLayout()
        form.addRow("From", self.old_box)
        form.addRow("To", self.new_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.show_unchanged)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self.old_box.currentIndexChanged.connect(self.refresh)
        self.new_box.currentIndexChanged.connect(self.refresh)
        self.show_unchanged.toggled.connect(self.refresh)
        self.comparison: compare.Comparison | None = None
        self._html = ""
        self.refresh()
        theme.watch(self, lambda _theme: self._show_html(recolour=True))

    @staticmethod
    def _select(box: QComboBox, number: int | None) -> None:
        for row in range(box.count()):
            if box.itemData(row) == number:
                box.setCurrentIndex(row)
                return

    def refresh(self) -> None:
        old = self.old_box.currentData()
        new = self.new_box.currentData()
        self.comparison = compare.compare(self.store, self.article_id, old, new)
        self._html = comparison_html(
            self.comparison, rtl=self.rtl, show_unchanged=self.show_unchanged.isChecked()
        )
        self._show_html()
        n = len(self.comparison.changed)
        self.summary.setText(
            f"{n} field{'s' if n != 1 else ''} changed: "
            + (", ".join(f.label for f in self.comparison.changed) or "none")
        )
        self.view.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.rtl else Qt.LayoutDirection.LeftToRight
        )

    def _show_html(self, recolour: bool = False) -> None:
        """The comparison (made with light colours) in the current theme's colours."""
        bar = self.view.verticalScrollBar()
        kept = bar.value()
        self.view.setHtml(theme.for_theme(self._html))
        if recolour:  # the same text in the other theme's colours: stay where the reader is
            bar.setValue(kept)
