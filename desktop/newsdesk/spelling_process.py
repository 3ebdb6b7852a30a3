"""Spelling checked in a child process of its own.

Reading the hunspell dictionaries is pure Python (spylls): about nine seconds for
English, Spanish and Arabic on the project's machine, all of it holding the
interpreter. In the window's process that stalls typing and painting for as
long, even on a thread; in a child process it costs the window nothing. The
child is started when the first words are asked about, reads each dictionary
when a word of its language first comes, and answers batches of words (and
suggestions) over a pipe. If it cannot start or dies, its words count as known
(nothing is flagged wrongly) and the next request starts a new one.

One child serves the whole process (`shared()`): every editor's spelling and
the photo captions' checker (spelling.SpellChecker.look_up_in) ask it, so each
dictionary is read once however many editors come and go. It is stopped when
the process exits.
"""

from __future__ import annotations

import atexit
import os
import threading
from contextlib import suppress
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

SUGGESTIONS = 6


class SpellingProcess:
    """Thread-safe: one request at a time goes over the pipe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # held for a whole request, the answer awaited
        self._starting = threading.Lock()  # held only while a child is being started
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None
        self._stopped = False
        self.started = 0  # children started (tests: one for the whole session)

    def load(self, language: str) -> bool:
        """Read the language's dictionary now (the caption checker's `preload`): False
        when it is not installed; True too when there is no answer (nothing to flag)."""
        return self._ask(("load", language, None)) is not False

    def known(self, language: str, words: list[str]) -> list[bool]:
        """For each word, whether the language's dictionary knows it."""
        answer = self._ask(("known", language, words))
        if isinstance(answer, list) and len(answer) == len(words):
            return [bool(k) for k in answer]
        return [True] * len(words)  # no answer: flag nothing

    def suggest(self, language: str, word: str, limit: int = SUGGESTIONS) -> list[str]:
        answer = self._ask(("suggest", language, (word, limit)))
        return [str(s) for s in answer] if isinstance(answer, list) else []

    def _ask(self, request: tuple[str, str, Any]) -> Any:
        with self._lock:
            for _attempt in range(2):  # a child that died is started again, once
                if self._stopped:
                    return None
                try:
                    conn = self._connection()
                    conn.send(request)
                    return conn.recv()
                except (EOFError, OSError):
                    self._close()
            return None

    def _connection(self) -> Connection:
        if self._conn is None:
            with self._starting:
                if self._stopped:
                    raise OSError("the spelling process was stopped")
                context = get_context("spawn")  # a forked copy of a Qt process can deadlock
                parent, child = context.Pipe()
                process = context.Process(
                    target=serve, args=(child,), name="newsdesk-spelling", daemon=True
                )
                process.start()
                child.close()
                self._conn, self._process = parent, process
                self.started += 1
        return self._conn

    def _close(self) -> None:
        conn, process, self._conn, self._process = self._conn, self._process, None, None
        if conn is not None:
            with suppress(OSError):
                conn.close()
        if process is not None:
            process.join(timeout=1)
            if process.is_alive():
                process.kill()

    def stop(self) -> None:
        """Soon, from any thread: the child is killed, not asked (it may be reading a
        dictionary for seconds, with the request's lock held by the thread waiting for
        it); that thread's wait ends with the pipe, and nothing is started again. Only
        a start under way (milliseconds) is waited for: a child cut off while it reads
        its start-up data prints a traceback."""
        with self._starting:
            self._stopped = True
            process = self._process
        if process is not None and process.is_alive():
            process.kill()


_shared: SpellingProcess | None = None
_shared_lock = threading.Lock()


def shared() -> SpellingProcess:
    """The process's one checking child (started on its first request)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SpellingProcess()
            atexit.register(_shared.stop)  # before multiprocessing's own exit handler
        return _shared


def serve(conn: Connection) -> None:
    """The child: answer requests until told to stop or the window's process goes."""
    from .spelling import SpellChecker

    with suppress(OSError, AttributeError):
        os.nice(5)  # the window's process comes first on a busy machine
    checkers: dict[str, SpellChecker] = {}
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        kind, language, argument = request
        checker = checkers.get(language)
        if checker is None:
            checker = checkers[language] = SpellChecker((language,))
        try:
            if kind == "known":
                answer: Any = [checker.is_known(word) for word in argument]
            elif kind == "load":
                checker.preload()
                answer = not checker.missing
            else:
                word, limit = argument
                answer = checker.suggest(word, limit=limit)
        except Exception:  # noqa: BLE001 (a dictionary that cannot load flags nothing)
            answer = None
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return
