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


def lost_claims_message(report: object) -> str:
    """A line for the status bar when the sync found stories this desk had claimed now
    held by someone else (taken over on another desktop or in wp-admin)."""
    lost = [item for item in getattr(report, "claims_lost", []) if isinstance(item, dict)]
    return "; ".join(f"“{item['headline']}”: {item['message']}" for item in lost)
