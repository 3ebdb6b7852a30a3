"""Reads that follow typing, on a read connection of their own: the newest question wins.

    reader.latest("search", lambda store: store.search.query(text, limit=200), show)

runs the read on the reader's thread and calls `show(result)` on the main thread,
unless a newer read was asked for on the same channel meanwhile: then the older
one is dropped before it starts, or stopped if it is running (SQLite's progress
handler asks between steps whether it is still wanted), and its answer is never shown. So a search box asks on every key
and the rows on screen are always those of the last query typed.

Not the database worker (gui/runner.py): a search queued behind a save or a
whole-queue read would lag behind the keys, and a WAL reader never waits for the
writer. One thread, so reads stay in order and one connection serves them; the
connection is opened on first use, on that thread, never on the path to the
first paint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool

from ..store import Store
from ..store.db import DB_NAME, connect
from . import tasks

T = TypeVar("T")
PROGRESS_STEPS = 2_000  # SQLite virtual-machine steps between two "still wanted?" checks


class _Stale(Exception):
    """A read superseded before it ran, or interrupted while it ran."""


class Reader(QObject):
    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._store: Store | None = None
        self._newest: dict[str, int] = {}  # channel -> generation of the newest read asked
        self._waiting: set[str] = set()  # channels whose newest read is not answered yet
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)
        self.closed = False

    def pending(self, channel: str) -> bool:
        """Whether the newest read on `channel` has not been answered yet."""
        return channel in self._waiting

    def latest(
        self,
        channel: str,
        op: Callable[[Store], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        if self.closed:
            return
        generation = self._newest[channel] = self._newest.get(channel, 0) + 1
        self._waiting.add(channel)

        def newest() -> bool:
            return self._newest.get(channel) == generation

        def job() -> T:
            store = self._open()
            # SQLite asks every few thousand steps whether to go on: a read made stale
            # by a newer one stops there (OperationalError "interrupted").
            store.conn.set_progress_handler(lambda: 0 if newest() else 1, PROGRESS_STEPS)
            try:
                if not newest():
                    raise _Stale  # superseded before it started
                return op(store)
            except sqlite3.OperationalError as exc:
                if "interrupt" in str(exc) and not newest():
                    raise _Stale from exc
                raise
            finally:
                store.conn.set_progress_handler(None, 0)

        def finish(result: Any) -> None:
            if newest():  # else a newer read is on its way: this answer is never shown
                self._waiting.discard(channel)
                done(result)

        def fail(exc: Exception) -> None:
            if newest():
                self._waiting.discard(channel)
                if failed is not None:
                    failed(exc)

        tasks.run_task(job, finish, fail, owner=self, pool=self.pool)

    def forget(self, channel: str) -> None:
        """Drop the read still out on `channel`: its answer is not wanted any more."""
        if channel not in self._waiting:
            return
        self._newest[channel] = self._newest.get(channel, 0) + 1
        self._waiting.discard(channel)

    def _open(self) -> Store:
        if self._store is None:
            self._store = Store(self.folder, connect(self.folder / DB_NAME))
        return self._store

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._newest.clear()  # whatever is queued or running is stale now
        self.pool.waitForDone()
        if self._store is not None:
            self._store.close()
            self._store = None
