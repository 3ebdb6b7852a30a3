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
    """The articles a sync wrote into the store (pulled or merged from the site, or
    whose claim the site changed), and the photos the site's library brought or changed."""
    ids = {
        int(item["article_id"])
        for name in ("pulled", "merged")
        for item in getattr(report, name, [])
        if isinstance(item, dict) and item.get("article_id") is not None
    }
    ids.update(int(i) for i in getattr(report, "claimed", []))
    photos = frozenset(int(i) for i in getattr(report, "photo_ids", []))  # the shared library
    return Changes(articles=frozenset(ids), photos=photos, queue=bool(ids))


def lost_claims_message(report: object) -> str:
    """A line for the status bar when the sync found stories this desk had claimed now
    held by someone else (taken over on another desktop or in wp-admin)."""
    lost = [item for item in getattr(report, "claims_lost", []) if isinstance(item, dict)]
    return "; ".join(f"“{item['headline']}”: {item['message']}" for item in lost)
