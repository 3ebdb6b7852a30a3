"""Background work: run a function on a QThreadPool, get its result on the main thread.

Never touch a widget from the worker; `on_done` / `on_error` run on the main
thread, in the context of `owner` (skipped if `owner` was deleted meanwhile).
Tests may call `set_synchronous(True)` to run tasks inline.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_synchronous = False


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class _Relay(QObject):
    # Queued across threads: the slots run on the thread that owns the relay (main).
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to on_error, never lost in the pool
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._deliver(self.relay.failed, exc)
        else:
            self._deliver(self.relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        # The relay may have gone with the application (a task finishing during
        # shutdown): then nobody is left to take the result.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_live: set[_Relay] = set()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> None:
    if _synchronous:
        try:
            result = fn()
        except Exception as exc:
            if on_error:
                on_error(exc)
            else:
                raise
            return
        if on_done:
            on_done(result)
        return

    relay = _Relay()
    _live.add(relay)  # keep the relay alive until its job reports back

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if callback is None:
            return
        if owner is not None and not alive(owner):
            return
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error or report_failure, exc))
    (pool or QThreadPool.globalInstance()).start(_Job(fn, relay))


def alive(obj: QObject) -> bool:
    try:
        import shiboken6

        return bool(shiboken6.isValid(obj))
    except ImportError:  # pragma: no cover
        return True


def report_failure(exc: Exception) -> None:
    text = getattr(exc, "__traceback_text__", repr(exc))
    print(f"newsdesk: background task failed:\n{text}")
