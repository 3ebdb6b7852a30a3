"""The side panel for the story selected in the queue: checklist, notes, history, claim."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.checklist import WARNING, CheckResult
from ...domain.text import utc_label
from ...ops import Changes
from ...ops.workflow import add_note
from ...services.editorial import check_article
from ...store import Store
from ...store.errors import NotFoundError, StoreError
from .. import theme
from ..resources import dot_icon

# The lights by their light-theme colours (the theme swaps them when dark).
GREEN, AMBER, RED = "#15803d", "#b45309", "#b91c1c"
NoteIdRole = Qt.ItemDataRole.UserRole + 1


def light(result: CheckResult) -> str:
    """green: passes; amber: a warning fails; red: a blocking rule fails."""
    if result.ok:
        return GREEN
    return AMBER if result.severity == WARNING else RED


class StoryPanel(QWidget):
    takeOverRequested = Signal(int)
    compareRequested = Signal(int)
    problem = Signal(str)

    def __init__(self, store: Store, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyPanel")
        self.store = store
        self.user = user
        self.article_id: int | None = None
        self.results: list[CheckResult] = []
        # How a change reaches the store: the desk sends it to the database worker.
        self.write: Callable[[Callable[[Store], Changes], Callable[[], None]], None] = (
            self._write_here
        )
        self.who: Callable[[], str] = lambda: self.user  # who writes a note (may change)

        self.title = QLabel()
        self.title.setObjectName("storyTitle")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setProperty("role", "hint")
        self.meta.setWordWrap(True)
        self.shows_claims = True
        self.claim_label = QLabel()
        self.claim_label.setObjectName("claimLabel")
        self.claim_label.setWordWrap(True)
        self.take_over = QPushButton("Take over")
        self.take_over.setObjectName("takeOverButton")
        self.take_over.setToolTip("Claim this story although another editor holds it")
        self.compare_button = QPushButton("Compare with submitted")
        self.compare_button.setObjectName("compareButton")

        self.checklist = QListWidget()
        self.checklist.setObjectName("checklistList")
        self.checklist.setAccessibleName("Pre-publish checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setIconSize(QSize(12, 12))
        self.notes = QTreeWidget()
        self.notes.setObjectName("notesTree")
        self.notes.setAccessibleName("Editorial notes")
        self.notes.setHeaderHidden(True)
        self.notes.setWordWrap(True)
        self.notes.setIndentation(18)
        self.reply = QLineEdit()
        self.reply.setObjectName("replyBox")
        self.reply.setPlaceholderText("Write a note… (Enter sends)")
        self.reply.setToolTip("Replies to the selected note; with none selected, starts a thread")
        self.reply.setAccessibleName("Reply")
        self.send = QPushButton("Send")
        self.history = QListWidget()
        self.history.setObjectName("historyList")
        self.history.setAccessibleName("Transitions")
        self.history.setWordWrap(True)

        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.setContentsMargins(0, 4, 0, 0)
        notes_layout.addWidget(self.notes, 1)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply, 1)
        reply_row.addWidget(self.send)
        notes_layout.addLayout(reply_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("storyTabs")
        self.tabs.addTab(self.checklist, "Checklist")
        self.tabs.addTab(notes_page, "Notes")
        self.tabs.addTab(self.history, "History")

        claim_row = QHBoxLayout()
        claim_row.addWidget(self.claim_label, 1)
        claim_row.addWidget(self.take_over)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(claim_row)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.tabs, 1)

        self.take_over.clicked.connect(self._take_over)
        self.compare_button.clicked.connect(
            lambda: self.compareRequested.emit(self.article_id) if self.article_id else None
        )
        self.reply.returnPressed.connect(self.send_note)
        self.send.clicked.connect(self.send_note)
        self.show_article(None)
        # The checklist's lights and the stale-claim warning are coloured for the theme.
        theme.watch(self, lambda _theme: self._fill_checklist() if self.article_id else None)

    # --- showing -------------------------------------------------------------
    def show_article(self, article_id: int | None) -> None:
        self.article_id = article_id
        has = article_id is not None
        for widget in (self.compare_button, self.reply, self.send, self.tabs):
            widget.setEnabled(has)
        if article_id is None:
            self.title.setText("<i>No story selected</i>")
            self.meta.clear()
            self.claim_label.clear()
            self.take_over.hide()
            self.checklist.clear()
            self.notes.clear()
            self.history.clear()
            return
        try:
            article = self.store.articles.get(article_id)
        except NotFoundError as exc:
            self.problem.emit(str(exc))
            self.show_article(None)
            return
        self.title.setText(f"<b>{html.escape(article.headline or '(no headline yet)')}</b>")
        self.title.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if article.direction == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        latest = self.store.revisions.latest(article_id)
        self.meta.setText(
            f"{html.escape(article.byline or 'no byline')} · {article.section} · "
            f"{article.edition.upper()} · {article.words} words · revision "
            f"{latest.number if latest else 0}"
        )
        self.compare_button.setEnabled(
            self.store.workflow.submitted_revision(article_id) is not None
        )
        self.show_claim()
        self.results = check_article(self.store, article)
        self._fill_checklist()
        self.show_notes()
        self._fill_history()

    def show_claim(self) -> None:
        if self.article_id is None:
            return
        self.claim_label.setVisible(self.shows_claims)
        if not self.shows_claims:  # beyond the queue (the stories desk): nobody claims
            self.take_over.hide()
            return
        claim = self.store.workflow.claim_of(self.article_id)
        if claim is None:
            self.claim_label.setText("Not claimed. Press C to claim.")
            self.take_over.hide()
        elif claim.editor == self.user:
            self.claim_label.setText(
                f"You are editing this story (since {utc_label(claim.claimed_at)})."
            )
            self.take_over.hide()
        else:
            stale = claim.is_stale()
            text = f"Being edited by <b>{html.escape(claim.editor)}</b> since {utc_label(claim.claimed_at)}."
            if stale:
                text += f" <span style='color:{AMBER}'>⚠ The claim is stale.</span>"
            theme.set_html(self.claim_label, text)
            self.take_over.setProperty("stale", stale)
            self.take_over.style().unpolish(self.take_over)  # the property restyles it
            self.take_over.style().polish(self.take_over)
            self.take_over.show()

    def _fill_checklist(self) -> None:
        self.checklist.clear()
        for result in self.results:
            colour = light(result)
            item = QListWidgetItem(dot_icon(theme.colour(colour)), result.message)
            item.setData(Qt.ItemDataRole.UserRole, colour)
            item.setForeground(theme.brush(colour if not result.ok else "text"))
            item.setToolTip(f"{result.rule} ({result.severity})")
            self.checklist.addItem(item)
        blocking = sum(1 for r in self.results if r.blocks)
        warnings = sum(1 for r in self.results if not r.ok and not r.blocks)
        label = "Checklist"
        if blocking:
            label += f" ({blocking} blocking)"
        elif warnings:
            label += f" ({warnings} warning{'s' if warnings > 1 else ''})"
        else:
            label += " ✓"
        self.tabs.setTabText(0, label)

    def show_notes(self) -> None:
        self.notes.clear()
        if self.article_id is None:
            return
        items: dict[int, QTreeWidgetItem] = {}
        notes = self.store.workflow.notes(self.article_id)
        for note in notes:
            kind = "" if note.kind == "comment" else f" · {note.kind}"
            item = QTreeWidgetItem(
                [f"{note.author} · {utc_label(note.created_at)}{kind}\n{note.body}"]
            )
            item.setData(0, NoteIdRole, note.id)
            parent = items.get(note.parent_id) if note.parent_id else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.notes.addTopLevelItem(item)
            items[note.id] = item
        self.notes.expandAll()
        self.tabs.setTabText(1, f"Notes ({len(notes)})" if notes else "Notes")

    def _fill_history(self) -> None:
        self.history.clear()
        if self.article_id is None:
            return
        for record in reversed(self.store.workflow.history(self.article_id)):
            text = (
                f"{utc_label(record.at)} · {record.actor} ({record.role}): {record.action} — "
                f"{record.from_status.replace('_', ' ')} → {record.to_status.replace('_', ' ')}"
            )
            if record.note:
                text += f"\n“{record.note}”"
            self.history.addItem(text)

    # --- acting --------------------------------------------------------------
    def send_note(self) -> None:
        body = self.reply.text().strip()
        if self.article_id is None or not body:
            return
        current = self.notes.currentItem()
        parent = current.data(0, NoteIdRole) if current is not None else None
        article_id = self.article_id

        author = self.who()

        def landed() -> None:
            if self.reply.text().strip() == body:  # typed on meanwhile: keep it
                self.reply.clear()
            if self.article_id == article_id:
                self.show_notes()

        self.write(
            lambda store: add_note(store, article_id, author=author, body=body, parent_id=parent),
            landed,
        )

    def _write_here(self, op: Callable[[Store], Changes], done: Callable[[], None]) -> None:
        try:  # a panel on its own (no desk): on this thread's connection
            op(self.store)
        except StoreError as exc:
            self.problem.emit(str(exc))
            return
        done()

    def _take_over(self) -> None:
        if self.article_id is not None:
            self.takeOverRequested.emit(self.article_id)
