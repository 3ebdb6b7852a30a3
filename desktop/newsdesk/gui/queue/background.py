"""Keeping the queue desk responsive while a sync writes to the same store.

Two things used to stall the event loop during a sync (bench_queue_sync.py):
- a desk write (claim, approve, …) waited inside the key handler for SQLite's
  write lock, which the sync holds page after page (seconds, not milliseconds),
  and its commit could copy the whole WAL back into the database (0.9 s);
- reloading 5,000 queued rows (query plus dict building, ~40 ms idle) took
  twice as long with the sync's thread competing for the interpreter.
`LockedWrites` tries a write without waiting and, if the store is busy, tries
again on a short timer; `QueueLoader` reads the queue on a worker thread with
its own connection and hands the rows back to the UI thread.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...store import Store
from ...store.db import DB_NAME, connect
from ...store.workflow import QUEUE_STATUSES
from .. import tasks

RETRY_MS = 40
RETRY_READ_MS = 1_000
RETRIES = 3


def is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


class LockedWrites(QObject):
    """Runs desk writes in order, never waiting on the lock inside an event handler.

    A write that finds the store locked changed nothing (every desk write opens
    with BEGIN IMMEDIATE or is one statement), so running it again later is safe.
    """

    def __init__(self, store: Store, on_wait: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.on_wait = on_wait
        self.pending: deque[Callable[[], None]] = deque()
        self.checkpointing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self._retry)
        # Whether this desk told the store it waits; withdrawn if the desk goes first.
        self._announced = [False]
        self.destroyed.connect(partial(_withdraw, store, self._announced))

    def run(self, write: Callable[[], None], waiting: str) -> None:
        if self.pending or not self._try(write):
            if not self.pending:
                self._announce(True)  # the sync steps aside between its transactions
            self.pending.append(write)
            self.on_wait(waiting)
            self.timer.start()

    def _try(self, write: Callable[[], None]) -> bool:
        conn = self.store.conn
        timeout = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        pages = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        # In a key handler, neither wait for the lock nor copy the WAL back into the
        # database at commit (a checkpoint into a 2 GB file took 0.9 s): a worker does it.
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            write()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            return False
        finally:
            conn.execute(f"PRAGMA busy_timeout = {timeout}")
            conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")
        if pages > 0:
            self._checkpoint_if_due(pages)
        return True

    def _checkpoint_if_due(self, pages: int) -> None:
        wal = self.store.folder / f"{DB_NAME}-wal"
        page_size = int(self.store.conn.execute("PRAGMA page_size").fetchone()[0])
        if self.checkpointing or not wal.exists() or wal.stat().st_size < pages * page_size:
            return
        self.checkpointing = True
        folder = self.store.folder

        def work() -> None:
            other = connect(folder / DB_NAME)
            try:  # PASSIVE: never waits for the sync's writes, does what it can now
                other.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                other.close()

        def done(_result: object) -> None:
            self.checkpointing = False

        tasks.run_task(work, done, done, owner=self)

    def _retry(self) -> None:
        while self.pending:
            try:
                done = self._try(self.pending[0])
            except Exception:
                self._finish_one()  # a failed write is not tried again for ever
                raise
            if not done:
                self.timer.start()
                return
            self._finish_one()

    def _finish_one(self) -> None:
        self.pending.popleft()
        if not self.pending:
            self._announce(False)

    def _announce(self, waiting: bool) -> None:
        if self._announced[0] != waiting:
            self._announced[0] = waiting
            self.store.waiting_to_write(waiting)


def _withdraw(store: Store, announced: list[bool], *_args: object) -> None:
    if announced[0]:
        announced[0] = False
        store.waiting_to_write(False)


def queue_signature(store: Store) -> tuple[Any, ...]:
    """A fingerprint of the queue: counts and latest changes of stories and claims."""
    stories = store.conn.execute(
        "SELECT count(*), max(updated_at), total(id) FROM articles WHERE status IN (?, ?)",
        QUEUE_STATUSES,
    ).fetchone()
    claims = store.conn.execute(
        "SELECT count(*), max(claimed_at), total(article_id) FROM claims"
    ).fetchone()
    return (*stories, *claims)


class QueueLoader(QObject):
    """`request(known)` checks the queue on a worker thread and, unless its fingerprint is
    still `known`, reads it; `loaded((fingerprint, rows or None))` arrives on the UI thread.

    With the sync committing page after page, even the fingerprint's query takes
    tens of milliseconds on the UI thread's connection (its cache is dropped at
    every commit of another connection). One read at a time; requests made
    meanwhile fold into one more, and a read older than a local write (`stale()`)
    is done again rather than shown.
    """

    loaded = Signal(object)

    def __init__(self, store: Store, limit: int, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.limit = limit
        self.busy = False
        self.again = False
        self.known: tuple[Any, ...] | None = None
        self.failures = 0
        self.generation = 0  # bumped by every local write

    def stale(self) -> None:
        self.generation += 1

    def request(self, known: tuple[Any, ...] | None = None) -> None:
        self.known = known
        if self.busy:
            self.again = True
            return
        self.busy = True
        folder, limit, generation = self.store.folder, self.limit, self.generation

        def work() -> tuple[tuple[Any, ...], list[dict[str, Any]] | None]:
            # Its own connection: the UI thread's stays free, and WAL lets both read.
            # A bare connection: open_store's journal-mode switch and schema check can
            # fail ("disk I/O error") while another process checkpoints the WAL.
            reader = Store(folder, connect(folder / DB_NAME))
            try:
                seen = queue_signature(reader)
                if known is not None and seen == known:
                    return seen, None
                return seen, reader.workflow.queue(limit=limit)
            finally:
                reader.close()

        tasks.run_task(
            work, lambda result: self._done(result, generation), self._failed, owner=self
        )

    def _done(self, result: Any, generation: int) -> None:
        self.busy = False
        if self.again or generation != self.generation:
            self.again = False
            self.request(self.known)
            return
        self.failures = 0
        self.loaded.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.again = False
        self.failures += 1
        print(f"newsdesk: reading the queue in the background failed: {exc!r}")
        if self.failures <= RETRIES:  # a busy moment passes; a broken store is said once more
            QTimer.singleShot(RETRY_READ_MS, self, lambda: self.request(self.known))
