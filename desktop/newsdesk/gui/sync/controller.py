"""Runs sync in the background and says what state it is in (signals, main thread)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ...store import Store, open_store
from .. import tasks

if TYPE_CHECKING:
    from ...sync.engine import SyncReport

IDLE_INTERVAL_MS = 60_000  # a pull when nothing waits
WAITING_INTERVAL_MS = 5_000  # changes wait: try again soon (the engine's back-off decides)


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    syncing: bool
    waiting: int
    conflicts: int
    errors: int
    message: str = ""
    warnings: int = 0  # posts that went out without a category
    sites: int = 1  # publishing sites known to this store

    @property
    def text(self) -> str:
        if self.syncing:
            return "Syncing…"
        if not self.sites:
            return "Local only — no site"
        parts = [] if self.online else ["Offline"]
        if self.waiting:
            parts.append(f"{self.waiting} waiting")
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict" + ("s" if self.conflicts > 1 else ""))
        if self.errors:
            parts.append(f"{self.errors} failed")
        text = " · ".join(parts) or "Synced"
        if self.warnings:
            text += f" · {self.warnings} warning" + ("s" if self.warnings > 1 else "")
        return text


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    finished = Signal(object)  # SyncReport
    failed = Signal(str)
    # (phase, done, total), emitted from the worker; Qt queues it to the main thread.
    progressed = Signal(str, int, int)

    def __init__(
        self, store: Store, parent: QObject | None = None, engine_options: dict | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.engine_options = engine_options or {}
        self.running = False
        self.online = True
        self.last_report: SyncReport | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.sync_now(background=True))
        self.stopped = False

    def start(self) -> None:
        self.emit_status()
        self.timer.start(1_000)

    def stop(self) -> None:
        """No more syncs: the application is quitting and its store is about to close."""
        self.stopped = True
        self.timer.stop()

    def status(self) -> SyncStatus:
        report = self.last_report
        return SyncStatus(
            online=self.online,
            syncing=self.running,
            waiting=self.store.outbox.count_pending(),
            conflicts=len(self.store.sync.open_conflicts()),
            errors=len(report.failed) if report else 0,
            message="; ".join(report.offline) if report and report.offline else "",
            warnings=self.store.sync.count_missing_categories(),
            sites=len(self.store.sites.list()),
        )

    def emit_status(self) -> None:
        self.status_changed.emit(self.status())

    def sync_now(self, background: bool = False) -> None:
        """Start a sync on a worker thread; returns at once."""
        if self.stopped:
            return
        if self.running or not self.store.sites.list():
            self._schedule()
            return
        self.running = True
        self.emit_status()
        folder = self.store.folder
        options = dict(self.engine_options)
        options.setdefault("progress", self.progressed.emit)

        def work() -> SyncReport:
            # Imported here, on the worker: the engine's imports (photos, HTTP, …) take a
            # second, which the window's start-up does not wait for.
            from ...sync.engine import SyncEngine

            # Its own connection: SQLite (WAL) lets the editor keep writing meanwhile.
            worker_store = open_store(folder)
            try:
                return SyncEngine(worker_store, **options).sync(respect_backoff=background)
            finally:
                worker_store.close()

        tasks.run_task(work, self._done, self._error, owner=self)

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.last_report = report
        self.online = not report.offline
        if self.stopped:
            return  # ended after the window did: its store and those who listen are gone
        self.emit_status()
        self.finished.emit(report)
        self._schedule()

    def _error(self, exc: Exception) -> None:
        self.running = False
        if self.stopped:
            return
        self.failed.emit(str(exc))
        self.emit_status()
        self._schedule()

    def _schedule(self) -> None:
        if self.stopped:
            return
        waiting = self.store.outbox.count_pending()
        self.timer.start(WAITING_INTERVAL_MS if waiting or not self.online else IDLE_INTERVAL_MS)
