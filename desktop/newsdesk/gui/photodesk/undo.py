"""Caption edits as undoable commands: one command per save, one per batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...ops.photos import update_photos
from ...store import Store


class EditPhotosCommand(QUndoCommand):
    """Set fields on one or many photos; undo puts every one back in one step."""

    def __init__(
        self,
        store: Store,
        after: dict[int, dict[str, Any]],
        text: str,
        on_change: Callable[[list[int]], None],
    ) -> None:
        super().__init__(text)
        self.store = store
        self.after = after
        self.on_change = on_change
        self.before: dict[int, dict[str, Any]] = {}
        for photo_id, fields in after.items():
            photo = store.photos.get(photo_id)
            current = photo.editable()
            # caption_state too: a first caption moves it on by itself, undo must move it back
            names = {*fields, "caption_state"}
            self.before[photo_id] = {name: current[name] for name in names}

    def redo(self) -> None:
        update_photos(self.store, self.after)
        self.on_change(list(self.after))

    def undo(self) -> None:
        update_photos(self.store, self.before)
        self.on_change(list(self.before))
