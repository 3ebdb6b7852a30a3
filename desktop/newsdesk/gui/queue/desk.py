"""The editors' queue desk: groups with counts | the queue table | the selected story.

Keyboard first: Enter opens, J/K (or Down/Up) move, C claims, A approves,
R returns with a note, P publishes (checklist first), S schedules.
"""

from __future__ import annotations

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
from .background import LockedWrites, QueueLoader, queue_signature
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
_WRITES = {"claim": "claim", "approve": "approval", "publish": "publication"}


class QueueDesk(QWidget):
    """`openRequested(article_id)` asks whoever hosts the desk to open the story for editing."""

    openRequested = Signal(int)
    changed = Signal(int)  # a story moved on (its id)

    def __init__(
        self,
        store: Store,
        user: str = "",
        role: str = rules.Role.EDITOR.value,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueDesk")
        self.store = store
        self.user = user or "editor"
        self.role = role
        self.group_by = "section"
        self.group_value: str | None = None
        self.note_dialog: NoteDialog | None = None
        self.schedule_dialog: ScheduleDialog | None = None
        self.failures_box: QMessageBox | None = None
        self.takeover_box: QMessageBox | None = None
        self.compare_dialog: QWidget | None = None
        self._seen: tuple[Any, ...] = ()

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

        self.panel = StoryPanel(store, self.user)
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
        self.timer.timeout.connect(lambda: self.tick(background=True))
        self.timer.start()
        # While a sync writes: desk writes wait on a timer, reloads read on a worker.
        self.writes = LockedWrites(store, self.tell, self)
        self.loader = QueueLoader(store, QUEUE_LIMIT, self)
        self.loader.loaded.connect(self._show_loaded)
        self.panel.write = self.write
        self._everything: list[dict[str, Any]] = []
        self._loaded_version = -1  # the connection's data_version when the rows were read
        self._request_version = -1
        self._force_next = False
        self._wrote = False  # this desk changed rows in place since they were read

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
    def for_window(cls, window: Any) -> QueueDesk:
        """The desk as the main window hosts it: its user, and Enter opens in the editor."""
        desk = cls(window.store, user=getattr(window.settings, "author", ""))

        def open_in_editor(article_id: int) -> None:
            window.show_desk("Reporter's desk")
            window.session.open(article_id)

        desk.openRequested.connect(open_in_editor)
        announce = getattr(window, "announce", None)
        if announce is not None:  # the open editor follows a story moved on here
            desk.changed.connect(
                lambda article_id: announce(Changes.of_articles(article_id, queue=True), desk)
            )
        controller = getattr(window, "sync_controller", None)  # set by a real start
        if controller is not None:
            desk.follow_sync(controller)
        window.settings.changed.connect(
            lambda _key: setattr(desk, "user", window.settings.author or desk.user)
        )
        return desk

    # --- loading -------------------------------------------------------------
    def reload(self, keep_id: int | None = None, keep_row: int | None = None) -> None:
        """Fetch the queue again; select `keep_id`, else the row at `keep_row`, else the first.

        One query per reload: the group counts are taken from the same rows the
        table shows, so they always agree (and cost no second scan).
        """
        self._seen = self._signature()
        self._loaded_version, self._wrote = self._data_version(), False
        self.loader.stale()  # a read in flight is older than this one
        self._show_rows(self.store.workflow.queue(limit=QUEUE_LIMIT), keep_id, keep_row)

    def refresh_in_background(self, known: tuple[Any, ...] | None = None) -> None:
        """Check and read the queue on a worker thread; shown unless it still reads `known`."""
        self._request_version, self._force_next = self._data_version(), known is None
        self.loader.request(known)

    def _show_loaded(self, result: tuple[tuple[Any, ...], list[dict[str, Any]] | None]) -> None:
        seen, rows = result
        self._apply(seen, rows, self._request_version, force=self._force_next)

    def _apply(
        self,
        seen: tuple[Any, ...],
        rows: list[dict[str, Any]] | None,
        version: int,
        force: bool = False,
    ) -> None:
        """Show the queue read as `seen` if it changed, unless only by this desk's own writes."""
        if force or (seen != self._seen and not self._only_own_changes()):
            if rows is None:
                rows = self.store.workflow.queue(limit=QUEUE_LIMIT)
            self._seen, self._loaded_version, self._wrote = seen, version, False
            self._show_rows(rows, self.current_id(), self.table.currentIndex().row())
            return
        self._seen = seen
        self.model.refresh_times(datetime.now(UTC))

    def _only_own_changes(self) -> bool:
        """This desk wrote, and no other connection committed since the rows were read."""
        return self._wrote and self._data_version() == self._loaded_version

    def _data_version(self) -> int:
        return int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])

    def _show_rows(
        self, everything: list[dict[str, Any]], keep_id: int | None, keep_row: int | None
    ) -> None:
        self._everything = everything
        self._fill_groups(everything)
        self.model.replace_rows([r for r in everything if self._in_group(r)])
        n = self._show_count()
        row = self.model.row_of(keep_id) if keep_id is not None else -1
        if row < 0:
            row = min(keep_row if keep_row is not None else 0, n - 1)
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
        self.reload()

    def _group_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.group_value = item.data(GroupRole) if item is not None else None
        self.reload()

    def tick(self, background: bool = False) -> None:
        """Every 30 s: recount the countdowns; reload if the queue changed (a sync, a colleague).

        In the background (the timer, a sync's pages) even the check runs on a worker.
        """
        if not self.isVisible():
            self.model.refresh_times(datetime.now(UTC))
        elif background:
            self.refresh_in_background(known=self._seen)
        else:
            self._apply(self._signature(), None, self._data_version())

    def follow_sync(self, controller: Any) -> None:
        """Stories a sync brings show up page by page while it runs, and when it ends."""
        controller.progressed.connect(self._sync_stepped)
        controller.finished.connect(self._sync_stepped)

    def _sync_stepped(self, *_what: object) -> None:
        self.tick(background=True)

    def _signature(self) -> tuple[Any, ...]:
        return queue_signature(self.store)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload(keep_id=self.current_id())  # others may have moved stories meanwhile

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
        if name in _WRITES:
            self.write(lambda: handler(article_id), _WRITES[name])
        else:
            handler(article_id)

    def write(self, change: Callable[[], None], what: str) -> None:
        """Make a change now or, while a sync holds the store, as soon as it lets go."""

        self.writes.run(change, f"Waiting for the sync to finish writing: your {what} is next.")

    def tell(self, text: str) -> None:
        self.message.setText(text)

    def _moved(self, article_id: int, done: str) -> None:
        self.tell(done)
        self._update_story(article_id)
        self.changed.emit(article_id)

    def _update_story(self, article_id: int) -> None:
        """Change the story's row in place, or take it out: no reload of the whole queue."""
        self.loader.stale()
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
            self.reload(keep_id=self.current_id())
            return
        self._show_count()
        self._wrote = True

    def claim(self, article_id: int) -> None:
        self._claim(article_id, "You are editing this story.", take_over=False)

    def _claim(self, article_id: int, done: str, *, take_over: bool) -> None:
        """Through the site when it has the companion plugin (it decides, and the other
        desktops see it); else locally, and the message says why it is not shared."""
        outcome: list[claims.ClaimOutcome] = []
        refused = self._run(
            lambda: outcome.append(
                claims.claim(
                    self.store,
                    article_id,
                    editor=self.user,
                    role=self.role,
                    take_over=take_over,
                    connect=SyncEngine(self.store).client_for,
                )
            ),
            article_id,
            done,
        )
        if not refused and outcome and outcome[0].not_shared:
            self.tell(f"{done} ({outcome[0].not_shared})")

    def ask_take_over(self, article_id: int) -> None:
        held = self.store.workflow.claim_of(article_id)
        if held is None or held.editor == self.user:
            self.claim(article_id)
            return
        box = takeover_box(self, held)
        box.accepted.connect(lambda: self.write(lambda: self.take_over(article_id), "takeover"))
        self.takeover_box = box
        box.open()

    def take_over(self, article_id: int) -> None:
        self._claim(article_id, "You took the story over.", take_over=True)

    def approve(self, article_id: int) -> None:
        self._act(article_id, rules.Action.APPROVE, "Approved: the story left the queue.")

    def ask_return(self, article_id: int) -> None:
        dialog = NoteDialog(
            "Return to the reporter",
            f"Why does “{self._headline(article_id)}” go back? The note is required.",
            self,
        )
        dialog.accepted.connect(
            lambda: self.write(lambda: self.return_story(article_id, dialog.note()), "return")
        )
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
        dialog.accepted.connect(
            lambda: self.write(
                lambda: self._after_schedule_dialog(article_id, dialog), "scheduling"
            )
        )
        self.schedule_dialog = dialog
        dialog.open()

    def _after_schedule_dialog(self, article_id: int, dialog: ScheduleDialog) -> None:
        error = self.schedule(article_id, dialog.when())
        if error:
            dialog.show_error(error)
            dialog.open()  # stays up with the reason, so the editor can pick another time

    def schedule(self, article_id: int, when: str) -> str:
        """Schedule for `when` (ISO UTC); returns the reason in words when refused."""
        moment = parse_utc(when)
        done = f"Scheduled for {moment:%d %b %Y %H:%M} UTC." if moment else "Scheduled."
        return self._act(article_id, rules.Action.SCHEDULE, done, scheduled_at=when, box=False)

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
    ) -> str:
        """A workflow action through its operation; the refusal in words ('' when done)."""
        return self._run(
            lambda: ops.transition(
                self.store,
                article_id,
                action,
                actor=self.user,
                role=self.role,
                note=note,
                scheduled_at=scheduled_at,
            ),
            article_id,
            done,
            box=box,
        )

    def _run(
        self, operation: Callable[[], object], article_id: int, done: str, *, box: bool = True
    ) -> str:
        """Run an operation for the story; say what happened. `box=False`: checklist
        failures are told in words only (the schedule dialog shows them itself)."""
        try:
            operation()
        except ChecklistFailed as exc:
            if not box:
                text = "Cannot schedule: " + " ".join(f.message for f in exc.failures)
                self.tell(text)
                return text
            self._show_failures(exc.failures)
            return str(exc)
        except (rules.WorkflowError, StoreError, SyncError) as exc:
            self.tell(str(exc))
            return str(exc)
        self._moved(article_id, done)
        return ""

    def _headline(self, article_id: int) -> str:
        return self.store.articles.get(article_id).headline or "(no headline)"

    def _show_failures(self, failures: list[Any]) -> None:
        box = failures_box(self, failures)
        self.failures_box = box
        self.tell(f"Not published: {len(failures)} blocking checklist rule(s) fail.")
        box.open()
