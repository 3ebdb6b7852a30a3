"""The stories desk, beside the queue: Scheduled, Published (today / this week), Spiked, Killed.

What an editor does after a story left the queue: Update, Correct (a dated note
under the story, in its edition's language), Kill (off the public site; the local
copy and the site's revisions stay), Unschedule, Publish now, Spike and Unspike.
Keyboard first: Enter opens, J/K move, U update, C correct, X kill, N unschedule,
P publish now, S spike or unspike. The desk follows the newsroom's `Changes`:
shown, it reloads at once; hidden, it marks itself stale and reloads when shown.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import workflow as rules
from ...ops import Changes
from ...ops import workflow as ops
from ...services.editorial import ChecklistFailed
from ...store.errors import StoreError
from .. import theme
from ..context import AppContext
from ..queue.dialogs import NoteDialog
from ..queue.panel import StoryPanel
from ..queue.view import DESK_STYLE
from .model import CORRECTION, EDITION, HEADLINE, SECTION, WHEN, StoriesModel

A = rules.Action
# (title, stage, how far back): the views in the order the list shows them.
VIEWS: tuple[tuple[str, str, timedelta | None], ...] = (
    ("Scheduled", "scheduled", None),
    ("Published today", "published", timedelta(0)),
    ("Published this week", "published", timedelta(days=7)),
    ("Spiked", "spiked", None),
    ("Killed", "killed", None),
)
# action: (button text, key, what the desk says when it is done)
ACTIONS: dict[A, tuple[str, Qt.Key, str]] = {
    A.UPDATE: ("&Update", Qt.Key.Key_U, "Marked updated: the site gets the new version."),
    A.CORRECT: (
        "&Correct…",
        Qt.Key.Key_C,
        "Corrected: the dated note shows under the story, in the preview and on the site.",
    ),
    A.KILL: ("Kill… (&X)", Qt.Key.Key_X, "Killed: off the public site; your copy stays."),
    A.UNSCHEDULE: ("U&nschedule", Qt.Key.Key_N, "Unscheduled: back to approved."),
    A.PUBLISH: ("&Publish now", Qt.Key.Key_P, "Published."),
    A.SPIKE: ("&Spike", Qt.Key.Key_S, "Spiked: set aside, recoverable."),
    A.UNSPIKE: ("Un&spike", Qt.Key.Key_S, "Unspiked: back where it was."),
}
# Actions that ask for a note first: (dialog title, prompt, hint under the note).
NOTES = {
    A.CORRECT: (
        "Correct the story",
        "What was wrong, and what is right? Readers see this under the story, dated.",
        "The correction is published with the story.",
    ),
    A.KILL: (
        "Kill the story",
        "Why is the story withdrawn? It leaves the public site at once.",
        "The reason stays in the story's history; readers do not see it.",
    ),
}
TICK_MS = 30_000  # countdowns are minute-precise


class StoriesTable(QTableView):
    keyPressed = Signal(int)  # a letter key or Enter, for the desk to map

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain == Qt.KeyboardModifier.NoModifier and event.key() in _KEYS:
            self.keyPressed.emit(event.key())
            event.accept()
            return
        super().keyPressEvent(event)


_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_J, Qt.Key.Key_K} | {
    key for _text, key, _done in ACTIONS.values()
}


class StoriesDesk(QWidget):
    """`openRequested(id)` asks the host to open a story."""

    openRequested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storiesDesk")
        self.ctx = ctx
        self.store = store = ctx.store
        self.user = ctx.user
        self.role = ctx.role
        self.stale = True
        self.note_dialog: NoteDialog | None = None
        theme.style(self, DESK_STYLE)

        self.views = QListWidget()
        self.views.setObjectName("storyViews")
        self.views.setAccessibleName("Which stories")
        for title, _stage, _back in VIEWS:
            self.views.addItem(QListWidgetItem(title))
        heading = QLabel("STORIES")
        heading.setProperty("role", "heading")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.views, 1)
        left.setMinimumWidth(150)
        left.setMaximumWidth(230)

        self.model = StoriesModel(self)
        self.table = StoriesTable()
        self.table.setObjectName("storiesTable")
        self.table.setAccessibleName("Stories")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SECTION, 120), (EDITION, 44), (WHEN, 220), (CORRECTION, 220)):
            self.table.setColumnWidth(column, width)

        self.title = QLabel()
        self.title.setObjectName("queueTitle")
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.message = QLabel()
        self.message.setObjectName("storiesMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "problem")
        self.buttons: dict[A, QPushButton] = {}
        actions_row = QHBoxLayout()
        for action, (text, _key, _done) in ACTIONS.items():
            button = QPushButton(text)
            button.setObjectName(f"{action.value.replace(' ', '_')}Button")
            button.clicked.connect(lambda _=False, a=action: self.act(a))
            self.buttons[action] = button
            actions_row.addWidget(button)
        actions_row.addStretch(1)
        hint = QLabel(
            "Enter open · J/K next/previous · U update · C correct · X kill · "
            "N unschedule · P publish now · S spike/unspike"
        )
        hint.setProperty("role", "hint")

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self.table, 1)
        centre_layout.addLayout(actions_row)
        centre_layout.addWidget(self.message)
        centre_layout.addWidget(hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.panel = StoryPanel(store, self.user)
        self.panel.shows_claims = False
        self.panel.setMinimumWidth(300)
        self.panel.problem.connect(lambda text: self.tell(text, problem=True))
        self.panel.compareRequested.connect(self.show_compare)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900, 330])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.views.currentRowChanged.connect(lambda _row: self.reload())
        self.table.keyPressed.connect(self._key)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.timer = QTimer(self)  # countdowns only: no query
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.model.refresh_times(datetime.now(UTC)))
        self.timer.start()
        self.views.blockSignals(True)
        self.views.setCurrentRow(0)
        self.views.blockSignals(False)
        self._update_buttons()

    @classmethod
    def build(cls, ctx: AppContext) -> StoriesDesk:
        """The desk in the window: Enter opens in the editor, operations on the worker."""
        desk = cls(ctx)
        desk.who()
        desk.openRequested.connect(ctx.open_article)
        ctx.changes.changed.connect(desk.follow)
        if ctx.settings is not None:  # Preferences may change the name or the role
            ctx.settings.changed.connect(lambda _key: desk.who())
        return desk

    def who(self) -> None:
        """Who acts, and so which actions are offered: the name and role in Preferences."""
        ctx = self.ctx
        self.user = ctx.user
        self.role = ctx.role
        self.panel.user = self.user
        self._update_buttons()

    # --- following the newsroom ------------------------------------------------
    def follow(self, changes: Changes, initiator: object = None) -> None:
        """Another desk, the editor or a sync moved stories: reload now, or when shown."""
        if initiator is self or not (changes.articles or changes.queue):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.reload()

    # --- loading -----------------------------------------------------------------
    def view(self) -> tuple[str, str, timedelta | None]:
        return VIEWS[max(0, self.views.currentRow())]

    def reload(self) -> None:
        title, stage, back = self.view()
        since = None
        if back is not None:
            midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0)
            since = (midnight - back).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        keep = self.current_id()
        rows = self.store.workflow.stories(stage, since=since)
        self.stale = False
        self.model.replace_rows(rows)
        self.title.setText(title)
        self.count_label.setText(f"{len(rows):,} stor{'y' if len(rows) == 1 else 'ies'}")
        row = self.model.row_of(keep) if keep is not None else -1
        self.select_row(row if row >= 0 else 0)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def current_status(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.model.rows[index.row()]["status"]) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.panel.show_article(None)
        self._update_buttons()

    def _row_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.panel.show_article(self.current_id())

    def show_compare(self, article_id: int) -> None:
        from ..compare.dialog import CompareDialog

        dialog = CompareDialog(self.store, article_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _update_buttons(self) -> None:
        status = self.current_status()
        allowed = set(rules.allowed_actions(status, self.role)) if status else set()
        for action, button in self.buttons.items():
            button.setVisible(action in allowed)

    # --- acting ------------------------------------------------------------------
    def _key(self, key: int) -> None:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open()
        elif key in (Qt.Key.Key_J, Qt.Key.Key_K):
            row = self.table.currentIndex().row() + (1 if key == Qt.Key.Key_J else -1)
            self.select_row(max(0, min(row, self.model.rowCount() - 1)))
        else:
            status = self.current_status() or ""
            allowed = rules.allowed_actions(status, self.role) if status else []
            action = next((a for a in allowed if a in ACTIONS and ACTIONS[a][1] == key), None)
            if action is None:
                self.tell("That is not possible for this story." if status else "No story.", True)
                return
            self.act(action)

    def _open(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.openRequested.emit(article_id)

    def act(self, action: A) -> None:
        article_id = self.current_id()
        if article_id is None:
            self.tell("Select a story first.", problem=True)
            return
        if action not in NOTES:
            self.run(article_id, action)
            return
        title, prompt, hint = NOTES[action]
        headline = self.model.rows[self.table.currentIndex().row()]["headline"]
        dialog = NoteDialog(title, f"“{headline}”: {prompt}", self, hint=hint)
        dialog.accepted.connect(lambda: self.run(article_id, action, dialog.note()))
        self.note_dialog = dialog
        dialog.open()

    def run(self, article_id: int, action: A, note: str = "") -> None:
        """Take `action` through its operation, on the database worker; say how it went."""
        user, role = self.user, self.role

        def refused(exc: Exception) -> None:
            if isinstance(exc, ChecklistFailed):
                self.tell("Not published: " + " ".join(f.message for f in exc.failures), True)
            elif isinstance(exc, (rules.WorkflowError, StoreError, sqlite3.Error)):
                self.tell(str(exc), problem=True)
            else:
                raise exc

        def done(_changes: Changes) -> None:
            self.tell(ACTIONS[action][2])
            self.reload()  # announced to the others; this desk skips its own news

        self.ctx.runner.store_op(
            self,
            lambda store: ops.transition(
                store, article_id, action, actor=user, role=role, note=note
            ),
        ).success(done).failure(refused).run()

    def tell(self, text: str, problem: bool = False) -> None:
        self.message.setProperty("role", "problem" if problem else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
