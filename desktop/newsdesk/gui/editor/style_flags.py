"""Style properties that the stylesheet reacts to (invalid fields, over-long counts)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_flag(widget: QWidget, name: str, value: bool) -> None:
    """Set a style property, re-polishing only when it changes (polish is not free)."""
    if bool(widget.property(name)) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
