"""The editors' queue desk: groups with counts | the queue table | the selected story.

Keyboard first: Enter opens, J/K (or Down/Up) move, C claims, A approves,
R returns with a note, P publishes (checklist first), S schedules.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import workflow as rules
from ...domain.article import Status
from ...ops import Changes
from ...ops import workflow as ops
from ...services.editorial import ChecklistFailed
from ...store import Store
from ...store.errors import StoreError
from ...sync import claims
from ...sync.engine import SyncEngine
from ...sync.errors import SyncError
from .. import theme
from ..context import AppContext
from .dialogs import NoteDialog, ScheduleDialog, failures_box, takeover_box
from .groups import group_key, group_label, group_order
from .model import (
    HEADLINE,
    QueueModel,
    parse_utc,
    queue_row,
)
from .panel import StoryPanel
from .view import DESK_STYLE, QueueView

GROUPINGS = (
    ("section", "Section"),
    ("edition", "Edition"),
    ("priority", "Priority"),
    ("status", "Status"),
    ("embargo", "Embargo"),
)
KEY_HINT = (
    "Enter open · J/K next/previous · C claim · A approve · R return with a note · "
    "P publish · S schedule"
)
QUEUE_LIMIT = 50_000  # far above any real queue; the table itself is cheap per row
TICK_MS = 30_000  # countdowns and ages are minute-precise; a 30 s tick is enough
GroupRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_QUEUED = (Status.SUBMITTED.value, Status.IN_EDIT.value)
_WRITES = {"approve": "approval", "publish": "publication", "return": "return",
           "schedule": "scheduling"}  # fmt: skip
WAITING = "Waiting for the sync to finish writing"
WAIT_NOTICE_MS = 300  # a change not landed by then waits for the sync: say so


class QueueDesk(QWidget):
    """`openRequested(article_id)` asks whoever hosts the desk to open the story for editing."""

    openRequested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueDesk")
        self.ctx = ctx
        self.store = store = ctx.store  # the main thread's reads of one story
        self.group_by = "section"
        self.group_value: str | None = None
        self.note_dialog: NoteDialog | None = None
        self.schedule_dialog: ScheduleDialog | None = None
        self.failures_box: QMessageBox | None = None
        self.takeover_box: QMessageBox | None = None
        self.compare_dialog: QWidget | None = None

        self.model = QueueModel(self)
        self.table = QueueView(self.model)
        theme.style(self, DESK_STYLE)

        self.grouping = QComboBox()
        self.grouping.setObjectName("groupBy")
        self.grouping.setAccessibleName("Group the queue by")
        for key, label in GROUPINGS:
            self.grouping.addItem(label, key)
        self.groups = QListWidget()
        self.groups.setObjectName("queueGroups")
        self.groups.setAccessibleName("Groups with their counts")
        group_label = QLabel("GROUP BY")
        group_label.setProperty("role", "heading")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(group_label)
        left_layout.addWidget(self.grouping)
        left_layout.addWidget(self.groups, 1)
        left.setMinimumWidth(150)
        left.setMaximumWidth(230)

        self.title = QLabel("Editors' queue")
        self.title.setObjectName("queueTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("queueCount")
        self.count_label.setProperty("role", "hint")
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "problem")
        hint = QLabel(KEY_HINT)
        hint.setObjectName("queueKeys")
        hint.setProperty("role", "hint")
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 8, 4, 8)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self.table, 1)
        centre_layout.addWidget(self.message)
        centre_layout.addWidget(hint)

        self.panel = StoryPanel(store, ctx.user)
        self.panel.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([180, 900, 330])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.timer = QTimer(self)  # the desk is its context: it dies with the widget
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.panel.write = self._panel_write
        self.panel.who = lambda: self.user
        self._everything: list[dict[str, Any]] = []
        self.stale = True  # not read yet: the first show reads the queue
        self._reading = False
        self._read_again = False
        self._keep: tuple[int | None, int | None] = (None, None)
        self.pending = 0  # operations sent to the worker and not yet landed
        ctx.changes.changed.connect(self._follow)

        self.table.keyAction.connect(self.act)
        self.table.doubleClicked.connect(lambda _index: self.act("open"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.grouping.currentIndexChanged.connect(self._grouping_changed)
        self.groups.currentItemChanged.connect(self._group_chosen)
        self.panel.takeOverRequested.connect(self.ask_take_over)
        self.panel.compareRequested.connect(self.show_compare)
        self.panel.problem.connect(self.tell)
        # No query until the desk is first shown: the app opens on the reporter's desk.

    @classmethod
    def build(cls, ctx: AppContext) -> QueueDesk:
        """The desk as the main window hosts it: Enter opens the story in the editor."""
        desk = cls(ctx)
        desk.openRequested.connect(ctx.open_article)
        return desk

    @property
    def user(self) -> str:
        return self.ctx.user  # Preferences may change it while the desk is open

    # --- loading -------------------------------------------------------------
    def reload(self, keep_id: int | None = None, keep_row: int | None = None) -> None:
        """Read the queue on the database worker, then show it; select `keep_id`, else the
        row at `keep_row`, else the row that is current when the rows arrive.

        One query per reload: the group counts are taken from the same rows the
        table shows, so they always agree. Reloads asked for while one is read fold
        into one more read after it.
        """
        self.stale = False
        if keep_id is not None or keep_row is not None:
            self._keep = (keep_id, keep_row)
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.ctx.runner.query_op(self, lambda store: store.workflow.queue(limit=QUEUE_LIMIT)) \
            .success(self._loaded).failure(self._load_failed).run()  # fmt: skip

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self._reading = False
        if self._read_again:  # the queue moved on while it was read: read it once more
            self._read_again = False
            self.reload()
            return
        keep_id, keep_row = self._keep
        self._keep = (None, None)
        if keep_id is None and keep_row is None:
            keep_id, keep_row = self.current_id(), self.table.currentIndex().row()
        self._show_rows(rows, keep_id, keep_row)

    def _load_failed(self, exc: Exception) -> None:
        self._reading, self._read_again = False, False
        self.stale = True  # read again when next shown or told of a change
        self.tell(f"Could not read the queue: {exc}")

    def _follow(self, changes: Changes, initiator: object) -> None:
        """Another desk, the editor or the sync changed the newsroom: reload if it
        concerns the queue, now if the desk is shown, else when it is next shown."""
        if changes.settings and self.panel.article_id is not None:
            self.panel.show_article(self.panel.article_id)  # the caption style shows there
        if initiator is self:
            return
        shown = any(self.model.row_of(article_id) >= 0 for article_id in changes.articles)
        if not (changes.queue or shown or changes.touches(self.panel.article_id)):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def _show_rows(
        self, everything: list[dict[str, Any]], keep_id: int | None, keep_row: int | None
    ) -> None:
        self._everything = everything
        self._fill_groups(everything)
        self.model.replace_rows([r for r in everything if self._in_group(r)])
        n = self._show_count()
        row = self.model.row_of(keep_id) if keep_id is not None else -1
        if row < 0:
            row = min(keep_row if keep_row is not None and keep_row >= 0 else 0, n - 1)
        self.select_row(row)

    def _show_count(self) -> int:
        n = self.model.rowCount()
        self.count_label.setText(f"{n:,} stor{'y' if n == 1 else 'ies'} waiting")
        return n

    def _in_group(self, row: dict[str, Any]) -> bool:
        return self.group_value is None or group_key(self.group_by, row) == self.group_value

    def _fill_groups(self, rows: list[dict[str, Any]]) -> None:
        by = self.group_by
        counts: dict[str, int] = {}
        for row in rows:
            key = group_key(by, row)
            counts[key] = counts.get(key, 0) + 1
        self.groups.blockSignals(True)
        self.groups.clear()
        self._add_group(f"All stories ({len(rows):,})", None)
        for key, n in sorted(counts.items(), key=lambda kv: group_order(by, *kv)):
            self._add_group(f"{group_label(by, key)} ({n:,})", key)
        for number in range(self.groups.count()):
            if self.groups.item(number).data(GroupRole) == self.group_value:
                self.groups.setCurrentRow(number)
                break
        else:
            self.group_value = None
            self.groups.setCurrentRow(0)
        self.groups.blockSignals(False)

    def _add_group(self, text: str, key: str | None) -> None:
        item = QListWidgetItem(text)
        item.setData(GroupRole, key)
        self.groups.addItem(item)

    def _grouping_changed(self) -> None:
        self.group_by = str(self.grouping.currentData())
        self.group_value = None
        self._show_rows(self._everything, None, 0)  # the rows in hand, grouped anew: no SQL

    def _group_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.group_value = item.data(GroupRole) if item is not None else None
        self._show_rows(self._everything, self.current_id(), 0)

    def tick(self) -> None:
        """Every 30 s: recount the countdowns and ages from the rows in hand (no SQL)."""
        self.model.refresh_times(datetime.now(UTC))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:  # changed while hidden (or never read yet)
            self.reload(keep_id=self.current_id())

    # --- selection -----------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, HEADLINE))
        else:
            self.table.clearSelection()
            self.panel.show_article(None)

    def step(self, delta: int) -> None:
        row = self.table.currentIndex().row() + delta
        self.select_row(max(0, min(row, self.model.rowCount() - 1)))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.show_article(self.model.article_id(current.row()) if current.isValid() else None)

    # --- actions -------------------------------------------------------------
    def act(self, name: str) -> None:
        self.tell("")
        if name == "next":
            self.step(+1)
            return
        if name == "previous":
            self.step(-1)
            return
        article_id = self.current_id()
        if article_id is None:
            self.tell("Select a story first.")
            return
        handler: Callable[[int], None] = {
            "open": self.openRequested.emit,
            "claim": self.claim,
            "approve": self.approve,
            "return": self.ask_return,
            "publish": self.publish,
            "schedule": self.ask_schedule,
        }[name]
        handler(article_id)

    def tell(self, text: str) -> None:
        self.message.setText(text)

    def _moved(self, article_id: int, done: str) -> None:
        self.tell(done)
        self._update_story(article_id)

    def _update_story(self, article_id: int) -> None:
        """Change the story's row in place, or take it out: no reload of the whole queue."""
        position = self.model.row_of(article_id)
        mine = next((r for r in self._everything if r["id"] == article_id), None)
        try:
            article = self.store.articles.get(article_id)
        except StoreError:
            article = None
        if position < 0 or mine is None or article is None:
            self.reload(keep_id=article_id, keep_row=self.table.currentIndex().row())
            return
        queued = article.status in _QUEUED
        if queued:
            mine.update(queue_row(article, self.store.workflow.claim_of(article_id)))
        else:
            self._everything.remove(mine)
        if queued and self._in_group(mine):
            self.model.row_updated(position)
            self.panel.show_article(article_id)
        else:
            self.model.remove_row(position)
            self.select_row(min(position, self.model.rowCount() - 1))
        group = self.group_value
        self._fill_groups(self._everything)
        if self.group_value != group:  # its group emptied: the table shows all again
            self._show_rows(self._everything, self.current_id(), 0)
            return
        self._show_count()

    def claim(self, article_id: int) -> None:
        self._claim(article_id, "You are editing this story.", take_over=False, what="claim")

    def _claim(self, article_id: int, done: str, *, take_over: bool, what: str) -> None:
        """Through the site when it has the companion plugin (it decides, and the other
        desktops see it); else locally, and the message says why it is not shared. On
        the database worker: the site's answer never holds up a key."""
        user, role = self.user, self.ctx.role
        outcome: list[claims.ClaimOutcome] = []

        def operation(store: Store) -> claims.ClaimOutcome:
            result = claims.claim(
                store,
                article_id,
                editor=user,
                role=role,
                take_over=take_over,
                connect=SyncEngine(store).client_for,
            )
            outcome.append(result)
            return result

        def moved() -> None:
            why = outcome[0].not_shared if outcome else ""
            self._moved(article_id, f"{done} ({why})" if why else done)

        self._send(operation, moved, lambda exc: self._refusal(exc, True), what)

    def ask_take_over(self, article_id: int) -> None:
        held = self.store.workflow.claim_of(article_id)
        if held is None or held.editor == self.user:
            self.claim(article_id)
            return
        box = takeover_box(self, held)
        box.accepted.connect(lambda: self.take_over(article_id))
        self.takeover_box = box
        box.open()

    def take_over(self, article_id: int) -> None:
        self._claim(article_id, "You took the story over.", take_over=True, what="takeover")

    def approve(self, article_id: int) -> None:
        self._act(article_id, rules.Action.APPROVE, "Approved: the story left the queue.")

    def ask_return(self, article_id: int) -> None:
        dialog = NoteDialog(
            "Return to the reporter",
            f"Why does “{self._headline(article_id)}” go back? The note is required.",
            self,
        )
        dialog.accepted.connect(lambda: self.return_story(article_id, dialog.note()))
        self.note_dialog = dialog
        dialog.open()

    def return_story(self, article_id: int, note: str) -> None:
        self._act(
            article_id, rules.Action.RETURN, "Returned to the reporter with your note.", note=note
        )

    def publish(self, article_id: int) -> None:
        self._act(article_id, rules.Action.PUBLISH, "Published.")

    def ask_schedule(self, article_id: int) -> None:
        article = self.store.articles.get(article_id)
        dialog = ScheduleDialog(article.headline, article.embargo_at, self)
        dialog.accepted.connect(lambda: self._after_schedule_dialog(article_id, dialog))
        self.schedule_dialog = dialog
        dialog.open()

    def _after_schedule_dialog(self, article_id: int, dialog: ScheduleDialog) -> None:
        def refused(error: str) -> None:
            dialog.show_error(error)
            dialog.open()  # stays up with the reason, so the editor can pick another time

        self.schedule(article_id, dialog.when(), refused)

    def schedule(
        self, article_id: int, when: str, refused: Callable[[str], None] | None = None
    ) -> None:
        """Schedule for `when` (ISO UTC); `refused(reason in words)` if it is not done."""
        moment = parse_utc(when)
        done = f"Scheduled for {moment:%d %b %Y %H:%M} UTC." if moment else "Scheduled."
        self._act(
            article_id, rules.Action.SCHEDULE, done, scheduled_at=when, box=False, refused=refused
        )

    def show_compare(self, article_id: int) -> None:
        from ..compare.dialog import CompareDialog

        dialog = CompareDialog(self.store, article_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.compare_dialog = dialog
        dialog.open()

    # --- helpers ---------------------------------------------------------------
    def _act(
        self,
        article_id: int,
        action: rules.Action,
        done: str,
        *,
        note: str = "",
        scheduled_at: str | None = None,
        box: bool = True,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """A workflow action through its operation, on the database worker."""
        user, role = self.user, self.ctx.role
        self._run(
            lambda store: ops.transition(
                store,
                article_id,
                action,
                actor=user,
                role=role,
                note=note,
                scheduled_at=scheduled_at,
            ),
            article_id,
            done,
            _WRITES.get(action.value, action.value),
            box=box,
            refused=refused,
        )

    def _run(
        self,
        operation: Callable[[Store], Changes],
        article_id: int,
        done: str,
        what: str,
        *,
        box: bool = True,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """Send the operation to the database worker; say what happened when it lands.
        `box=False`: checklist failures are told in words only (the schedule dialog
        shows them itself). A sync holding the store's lock makes the worker wait,
        never this thread: the person is told their change is next."""

        def failed(exc: Exception) -> None:
            text = self._refusal(exc, box)
            if refused is not None:
                refused(text)

        self._send(operation, lambda: self._moved(article_id, done), failed, what)

    def _send(
        self,
        operation: Callable[[Store], object],  # Changes, or a result carrying them
        succeeded: Callable[[], None],
        failed: Callable[[Exception], None],
        what: str,
    ) -> None:
        self.pending += 1

        def landed(then: Callable[..., None], *value: object) -> None:
            self.pending -= 1
            if not self.pending and self.message.text().startswith(WAITING):
                self.tell("")
            then(*value)

        self.ctx.runner.store_op(self, operation).success(
            lambda _changes: landed(succeeded)
        ).failure(lambda exc: landed(failed, exc)).run()
        if self.pending:
            text = f"{WAITING}: your {what} is next."
            QTimer.singleShot(WAIT_NOTICE_MS, self, lambda: self._still_waiting(text))

    def _still_waiting(self, text: str) -> None:
        if self.pending:
            self.tell(text)

    def _refusal(self, exc: Exception, box: bool) -> str:
        if isinstance(exc, ChecklistFailed):
            if not box:
                text = "Cannot schedule: " + " ".join(f.message for f in exc.failures)
                self.tell(text)
                return text
            self._show_failures(exc.failures)
            return str(exc)
        if isinstance(exc, (rules.WorkflowError, StoreError, SyncError, sqlite3.Error)):
            self.tell(str(exc))
            return str(exc)
        raise exc

    def _panel_write(self, op: Callable[[Store], Changes], done: Callable[[], None]) -> None:
        """The side panel's changes (a note) go the same way as the desk's."""
        self._send(op, done, lambda exc: self._refusal(exc, True), "note")

    def _headline(self, article_id: int) -> str:
        return self.store.articles.get(article_id).headline or "(no headline)"

    def _show_failures(self, failures: list[Any]) -> None:
        box = failures_box(self, failures)
        self.failures_box = box
        self.tell(f"Not published: {len(failures)} blocking checklist rule(s) fail.")
        box.open()
