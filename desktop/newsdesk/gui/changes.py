"""One announcement per change to the newsroom, on the main thread.

Desks and the editor run an operation, then `announce` its `Changes` with
themselves as the initiator; every screen that shows the newsroom listens to
`changed` and refreshes what concerns it (an initiator skips its own news).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..ops import Changes


class ChangeHub(QObject):
    changed = Signal(object, object)  # Changes, initiator (any object, or None)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        if changes != Changes():
            self.changed.emit(changes, initiator)


def changes_of_sync(report: object) -> Changes:
    """The articles a sync wrote into the store (pulled or merged from the site)."""
    ids = {
        int(item["article_id"])
        for name in ("pulled", "merged")
        for item in getattr(report, name, [])
        if isinstance(item, dict) and item.get("article_id") is not None
    }
    return Changes(articles=frozenset(ids), queue=bool(ids))
