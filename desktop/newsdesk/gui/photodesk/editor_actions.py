"""The editor's photo commands: "Set lead photo…" and "Insert photo…" through the picker.

Installed on an ArticleEditor from outside (one call where the window is built), so
the editor itself needs only `set_lead_photo(photo_id)`. Photos enter the body as
`![alt](photo:<uuid>)`, never as file paths.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...store import Store
from .picker import PhotoPickerDialog


def choose_photo(store: Store, role: str, parent: QWidget | None) -> PhotoPickerDialog | None:
    dialog = PhotoPickerDialog(store, role=role, parent=parent)
    return dialog if dialog.exec() and dialog.photo is not None else None


def insert_photo(editor: Any, dialog: PhotoPickerDialog) -> None:
    """Put the body reference at the cursor, on a paragraph of its own."""
    cursor = editor.body_edit.textCursor()
    before = "" if cursor.atBlockStart() else "\n\n"
    cursor.insertText(f"{before}{dialog.markdown()}\n\n")
    editor.body_edit.setTextCursor(cursor)


def install_photo_actions(editor: Any, store: Store) -> list[QAction]:
    """Add the two commands to the editor's formatting bar; returns them (for menus and tests)."""
    lead = QAction("Set lead photo…", editor)
    lead.setObjectName("setLeadPhotoAction")
    lead.setToolTip("Choose the article's lead image from the photo library")
    inline = QAction("Insert photo…", editor)
    inline.setObjectName("insertPhotoAction")
    inline.setToolTip("Place a library photo in the body at the cursor")
    inline.setShortcut(QKeySequence("Ctrl+Shift+P"))

    def set_lead() -> None:
        dialog = choose_photo(store, "lead", editor)
        if dialog is not None and dialog.photo is not None:
            editor.set_lead_photo(dialog.photo.id)

    def place() -> None:
        dialog = choose_photo(store, "inline", editor)
        if dialog is not None:
            insert_photo(editor, dialog)

    lead.triggered.connect(set_lead)
    inline.triggered.connect(place)
    editor.format_bar.addSeparator()
    editor.format_bar.addAction(lead)
    editor.format_bar.addAction(inline)
    return [lead, inline]
