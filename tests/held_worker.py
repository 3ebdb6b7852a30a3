"""The database worker kept busy holding the write lock, and the event loop's ticks meanwhile.

`HeldWorker` queues an operation that opens a write transaction on the worker's
connection and keeps it until `release` is set (never longer than `at_most_s`, so a
dialog that still wrote on the main thread's connection blocks for that long and its
test fails on the ticks instead of hanging). What a dialog queues behind it waits
there; `Ticks` measures whether the main thread kept turning while it did.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from newsdesk.ops import Changes

TICK_MS = 10


class HeldWorker:
    def __init__(self, runner, initiator: QObject, *, at_most_s: float = 5.0) -> None:  # type: ignore[no-untyped-def]
        self.held = threading.Event()
        self.release = threading.Event()

        def hold(store) -> Changes:  # type: ignore[no-untyped-def]
            store.conn.execute("BEGIN IMMEDIATE")  # the write lock, as a long save holds it
            self.held.set()
            try:
                self.release.wait(at_most_s)
            finally:
                store.conn.execute("COMMIT")
            return Changes()

        runner.store_op(initiator, hold).run()


class Ticks:
    """A 10 ms timer on the main thread: how many ticks came, and the longest gap."""

    def __init__(self) -> None:
        self.count = 0
        self.gaps: list[int] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1
        self.gaps.append(self.clock.restart())

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def stop(self) -> int:
        """The longest time the event loop did not turn, ms (the last stretch included)."""
        self.timer.stop()
        self.gaps.append(self.clock.elapsed())
        return max(self.gaps)
