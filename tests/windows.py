"""The main window as the GUI tests open it (a module of its own: `conftest` names clash)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def shown_window(  # type: ignore[no-untyped-def]
    qtbot, folder: Path, *, guide_done: bool = False, real_threads: bool = False
) -> Iterator:
    """A real main window on `folder`, shown; background tasks run at once unless
    `real_threads` (the database worker's tests). Closed after, with its store.
    `guide_done` skips the first-run guide, as a returning user has."""
    from newsdesk.app import build_window
    from newsdesk.gui import tasks
    from newsdesk.gui.settings import Settings

    if guide_done:
        Settings(folder).set("firstrun/done", True)
    tasks.set_synchronous(not real_threads)
    win = build_window(folder)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitExposed(win)
        yield win
    finally:
        win.close()
        win.store.close()
        tasks.set_synchronous(False)
