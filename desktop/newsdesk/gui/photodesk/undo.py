"""Caption edits as undoable commands: one command per save, one per batch; and the
undo/redo keys that reach them from the grid and the queue.

Doing and undoing are operations on the database worker (`ops.photos.update_photos`),
announced once by the runner; the desk refreshes what changed when each lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack

from ...ops import Changes
from ...ops.photos import update_photos
from ..runner import Runner


class EditPhotosCommand(QUndoCommand):
    """Set fields on one or many photos; undo puts every one back in one step."""

    def __init__(
        self,
        runner: Runner,
        current: Callable[[int], dict[str, Any]],
        after: dict[int, dict[str, Any]],
        text: str,
        owner: Any,
        on_change: Callable[[list[int]], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self.runner = runner
        self.after = after
        self.owner = owner
        self.on_change = on_change
        self.on_failure = on_failure
        self.before: dict[int, dict[str, Any]] = {}
        for photo_id, fields in after.items():
            now = current(photo_id)  # the photo's editable fields as shown
            # caption_state too: a first caption moves it on by itself, undo must move it back
            names = {*fields, "caption_state"}
            self.before[photo_id] = {name: now[name] for name in names}

    def _write(self, fields_by_photo: dict[int, dict[str, Any]]) -> None:
        def done(_changes: Changes) -> None:
            self.on_change(list(fields_by_photo))

        self.runner.store_op(
            self.owner, lambda store: update_photos(store, fields_by_photo)
        ).success(done).failure(self.on_failure).run()

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)


class UndoKeys(QObject):
    """Undo/redo keys on a non-text widget act on the desk's QUndoStack.

    Accepting the ShortcutOverride keeps the window's own Ctrl+Z from claiming the key.
    """

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack
        # built here, not at import: the platform's key bindings need the application
        self.UNDO = (QKeySequence(QKeySequence.StandardKey.Undo),)
        self.REDO = (QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y"))

    def _which(self, event: QKeyEvent) -> str:
        combo = QKeySequence(event.keyCombination())
        if any(combo.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self.UNDO):
            return "undo"
        if any(combo.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self.REDO):
            return "redo"
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        which = self._which(event)
        if not which:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            getattr(self.stack, which)()
        return True
