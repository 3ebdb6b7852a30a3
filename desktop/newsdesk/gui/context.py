"""What a desk may use of the application, typed: no probing of the window.

A desk is built from the context (`Desk.build(ctx)`), never from the main
window: it reads through `ctx.store` (the main thread's read connection), changes
the newsroom through `ctx.runner` (the database worker, see runner.py), learns of
every change on `ctx.changes` (the ChangeHub), and reaches the rest of the
application only through `open_article(id)` and `show_desk(title)`. What the
editor offers other desks (the photo commands) is installed with the editor, so
no desk depends on another having been built first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from ..domain import workflow as rules
from ..ops import Changes
from ..store import Store
from .changes import ChangeHub
from .runner import Runner
from .settings import Settings


def _nowhere(_what: object) -> bool:
    return False


@dataclass
class AppContext:
    store: Store
    settings: Settings | None
    runner: Runner
    changes: ChangeHub
    open_article: Callable[[int], object] = _nowhere
    show_desk: Callable[[str], bool] = _nowhere
    spelling: object | None = None  # the editor's spell checker, when one is attached
    fallback_role: str = rules.Role.EDITOR.value  # with no settings (tests, benchmarks)
    fallback_user: str = "editor"

    @property
    def role(self) -> str:
        """The role set in Preferences or the first-run guide (read each time: it may
        change); it decides which workflow actions a desk offers and the ops allow."""
        if self.settings is None:
            return self.fallback_role
        return rules.Role.from_setting(str(self.settings.get("user/role"))).value

    @property
    def user(self) -> str:
        """Who acts: the author set in Preferences (read each time: it may change)."""
        author = self.settings.author if self.settings is not None else ""
        return author or self.fallback_user

    def announce(self, changes: Changes, initiator: object = None) -> None:
        self.changes.announce(changes, initiator)

    @classmethod
    def for_store(cls, store: Store, *, user: str = "", role: str = "") -> AppContext:
        """A context with no window (tests, benchmarks): its own hub and worker."""
        hub = ChangeHub()
        runner = Runner(store.folder, hub)
        return cls(
            store=store,
            settings=None,
            runner=runner,
            changes=hub,
            fallback_role=role or rules.Role.EDITOR.value,
            fallback_user=user or "editor",
        )


class Desk(Protocol):
    """A desk of the main window: built on demand from the context, in any order."""

    @classmethod
    def build(cls, ctx: AppContext) -> QWidget: ...
