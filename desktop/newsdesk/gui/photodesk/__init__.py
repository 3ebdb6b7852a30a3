"""The photo desk: library grid, filters, caption editing, batch captions, checks, queue, picker.

Imported lazily: the editor's photo commands (editor_actions) come with the main
window, the desk itself only when it is built.
"""

from typing import Any

__all__ = ["PhotoDesk", "PhotoPickerDialog"]


def __getattr__(name: str) -> Any:
    if name == "PhotoDesk":
        from .desk import PhotoDesk

        return PhotoDesk
    if name == "PhotoPickerDialog":
        from .picker import PhotoPickerDialog

        return PhotoPickerDialog
    raise AttributeError(name)
