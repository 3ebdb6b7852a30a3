"""Store operations off the main thread: one database worker, one announcement per change.

    ctx.runner.store_op(desk, lambda store: ops.claim(store, story, ...)) \\
        .success(lambda changes: ...).failure(lambda exc: ...).run()

A `StoreOp` runs `op(store)` on the worker and returns `Changes` (or a result with
a `changes` attribute); back on the main thread the runner announces them once on
the ChangeHub, with the op's initiator, then calls `success`. A `QueryOp` reads and
announces nothing. Both queue in order on ONE thread (a QThreadPool of one, through
`tasks.run_task`, the same pattern as the rest of the background work), which owns
the GUI's writing connection: opened once, its PRAGMAs set once. The main thread
never waits on SQLite's lock: while a write is queued the store is told
(`waiting_to_write`), so the sync steps aside between its transactions, and it is
the worker, not a key handler, that waits for the lock.

Where reads run (measured with bench_queue_sync.py, 5,000 queued of 100,000, on
2 shared cores at load 5): the queue read and shown on the main thread's
connection cost the main thread p50 184 ms (max 300 ms); read on the worker, the
main thread's part (building the table from the rows) was p50 41 ms idle and
83 ms while a sync committed page after page (each commit of another connection
drops a connection's page cache, and the sync's thread competes for the
interpreter). So the queue's reload is a `QueryOp`. Small reads of one story (the
side panel, the editor) stay on the main thread's read connection: WAL readers
are never blocked by the writer, and a round trip through the worker would queue
them behind writes and whole-queue reads.

What runs here: the editing session (journal, saves, new article, restore: see
editor/session.py), the queue's and Stories desk's workflow actions, the photo
desk's caption edits and their undo, batch caption, caption style, house word and
lead photo, the photo import's batches (prepared on a thread with no connection,
stored here between other operations), Markdown/ninjs import, the ticker, submit,
conflict resolution, and the settings dialogs: Preferences' house settings (one
ops.house.set_house), Sections/regions/tags, and Add a site (the login verified
on a thread of its own first, so no request runs here). A dialog reads its fields
before it queues, and closes or says why (`failure_in_words`) when the answer
comes. tests/test_writes_through_ops.py keeps every GUI and command-line write
inside `newsdesk.ops`.

The sync keeps its own connection (gui/sync/controller.py); its report becomes a
`Changes`: the sync, too, writes the newsroom through operations
(ops/from_site.py), and the report carries the `Changes` they returned.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from ..ops import Changes
from ..store import Store
from ..store.db import DB_NAME, connect
from . import tasks
from .changes import ChangeHub

T = TypeVar("T")

CLOSE_WAIT_MS = 15_000  # closing the window waits this long for queued saves at most


def failure_in_words(exc: Exception) -> str:
    """Why an operation did not land, for a dialog's message line."""
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return (
            "the store stayed locked by another program (a sync, a command) and nothing "
            "was written. Try again."
        )
    return str(exc) or type(exc).__name__


class Runner(QObject):
    """The database worker: one thread, one connection, operations in the order given."""

    def __init__(self, folder: Any, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        conn = connect(folder / DB_NAME)
        conn.execute("PRAGMA synchronous = NORMAL")  # as open_store sets it (WAL already on)
        self.store = Store(folder, conn)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer: operations run in order
        self.pool.setExpiryTimeout(-1)  # and always the same thread
        self.queued = 0
        self.closed = False

    def store_op(self, initiator: QObject, op: Callable[[Store], T]) -> StoreOp[T]:
        return StoreOp(self, initiator, op)

    def query_op(self, owner: QObject, op: Callable[[Store], T]) -> QueryOp[T]:
        return QueryOp(self, owner, op)

    def submit(
        self,
        op: Callable[[Store], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
        *,
        writes: bool,
    ) -> None:
        if self.closed:
            return
        if writes:
            self._writing(+1)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            if writes:
                self._writing(-1)
            callback(value)

        store = self.store
        tasks.run_task(
            lambda: op(store),
            lambda result: finish(done, result),
            lambda exc: finish(failed, exc),
            pool=self.pool,
        )

    def _writing(self, delta: int) -> None:
        before = self.queued
        self.queued += delta
        if (before == 0) != (self.queued == 0):  # the sync steps aside while writes wait
            self.store.waiting_to_write(self.queued > 0)

    def wait(self, msecs: int = -1) -> bool:
        """Let queued operations finish (tests, shutdown)."""
        return bool(self.pool.waitForDone(msecs))

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> None:
        """Let what is queued land (the editor's last save), for at most `wait_ms`; an
        operation still running then keeps the connection (the journal has the text)."""
        if self.closed:
            return
        self.closed = True
        if not self.pool.waitForDone(wait_ms):
            print(f"newsdesk: the database worker did not finish within {wait_ms} ms")
            return
        # The answers of the last operations wait in the event queue: take them now (the
        # editor marks its last save clean), not during the interpreter's shutdown.
        QCoreApplication.sendPostedEvents()
        if self.queued:
            self.store.waiting_to_write(False)
            self.queued = 0
        self.store.close()


class _Op(Generic[T]):
    def __init__(self, runner: Runner, owner: QObject, op: Callable[[Store], T]) -> None:
        self.runner = runner
        self.owner = owner
        self.op = op
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None

    def success(self, callback: Callable[[T], None]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> _Op[T]:
        self._failure = callback
        return self

    def _failed(self, exc: Exception) -> None:
        if self._failure is not None:
            if tasks.alive(self.owner):
                self._failure(exc)
        else:
            tasks.report_failure(exc)


class StoreOp(_Op[T]):
    """A change to the newsroom: run on the worker, announced once, then `success`."""

    def run(self) -> None:
        self.runner.submit(self.op, self._done, self._failed, writes=True)

    def _done(self, result: T) -> None:
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            # Announced even if the initiator is gone: other screens still show the story.
            self.runner.hub.announce(changes, self.owner if tasks.alive(self.owner) else None)
        if self._success is not None and tasks.alive(self.owner):
            self._success(result)


class QueryOp(_Op[T]):
    """A read on the worker, in line with the writes before it; nothing is announced."""

    def run(self) -> None:
        self.runner.submit(self.op, self._done, self._failed, writes=False)

    def _done(self, result: T) -> None:
        if self._success is not None and tasks.alive(self.owner):
            self._success(result)
