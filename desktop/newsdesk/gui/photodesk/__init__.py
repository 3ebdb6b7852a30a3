"""The photo desk: library grid, filters, caption editing, batch captions, checks, queue, picker."""

from .desk import PhotoDesk
from .picker import PhotoPickerDialog

__all__ = ["PhotoDesk", "PhotoPickerDialog"]
