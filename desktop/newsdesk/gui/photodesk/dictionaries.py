"""The caption checker's dictionaries, read once, when a screen first needs them.

Reading them takes seconds of pure Python (holding the interpreter), so they are
not read while the window starts: the photo desk shown, an import started, the
edit panel or the editor's photo line checking a caption asks for them. However
many ask, one task reads them; each screen that asked is called back once they
are in (if it still exists).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from ...spelling import SpellChecker
from ..tasks import alive, run_task

# One reading per checker (a store's), and who waits for it.
_waiting: weakref.WeakKeyDictionary[SpellChecker, list[Callable[[], None]]] = (
    weakref.WeakKeyDictionary()
)


def when_dictionaries_ready(spell: SpellChecker, then: Callable[[], None]) -> bool:
    """True when the dictionaries are in. Otherwise False: they are being read, and
    `then` (a bound method of a widget) is called once, when they are."""
    if spell.ready():
        return True
    waiting = _waiting.get(spell)
    if waiting is None:
        waiting = _waiting[spell] = []
        run_task(spell.preload, lambda _: _loaded(spell), lambda _exc: _loaded(spell))
    if then not in waiting:  # a bound method asked twice is called once
        waiting.append(then)
    return False


def _loaded(spell: SpellChecker) -> None:
    for then in _waiting.pop(spell, []):
        owner = getattr(then, "__self__", None)
        if owner is None or alive(owner):
            then()
