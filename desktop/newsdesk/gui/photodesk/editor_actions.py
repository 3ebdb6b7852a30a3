"""The editor's photo commands ("Set lead photo…", "Insert photo…") and its photo checks.

Installed on an ArticleEditor from outside (one call where the window is built), so
the editor itself needs only `set_lead_photo(photo_id)`. Photos enter the body as
`![alt](photo:<uuid>)`, never as file paths.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...store import Store
from .dictionaries import when_dictionaries_ready
from .picker import PhotoPickerDialog


def choose_photo(store: Store, role: str, parent: QWidget | None) -> PhotoPickerDialog | None:
    dialog = PhotoPickerDialog(store, role=role, parent=parent)
    return dialog if dialog.exec() and dialog.photo is not None else None


def insert_photo(editor: Any, dialog: PhotoPickerDialog) -> None:
    """Put the body reference at the cursor, as a paragraph of its own (one undo step)."""
    assert dialog.photo is not None
    alt = dialog.alt.text().strip() or dialog.photo.alt_text
    editor.body_edit.insert_photo(dialog.photo.uuid, alt)


def install_photo_actions(
    editor: Any, store: Store, status_bar: QStatusBar | None = None
) -> list[QAction]:
    """Add the two commands to the editor's formatting bar; returns them (for menus and tests).

    The photo checks label goes to `status_bar` when given (the formatting bar is
    narrow and would fold it away), else to the formatting bar.
    """
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
    editor.photo_checks_label = PhotoChecksLabel(editor, store)
    if status_bar is not None:
        status_bar.addPermanentWidget(editor.photo_checks_label)
    else:
        editor.format_bar.addWidget(editor.photo_checks_label)
    editor.photo_checks_label.refresh()  # an article may be open already
    return [lead, inline]


class PhotoChecksLabel(QLabel):
    """In the editor's bar: how the article's photos fare on the caption checks, as typed."""

    def __init__(self, editor: Any, store: Store) -> None:
        super().__init__()
        self.setObjectName("articlePhotoChecks")
        self.setAccessibleName("Photo caption checks")
        self.editor = editor
        self.store = store
        editor.articleOpened.connect(self.refresh)
        editor.articleEdited.connect(self.refresh)
        editor.articleFollowed.connect(self.refresh)

    def refresh(self, article: Any = None) -> None:
        if article is None:
            try:
                article = self.editor.article()
            except RuntimeError:  # no article open
                return
        try:
            used = self.store.photos.uses.for_content(
                article.id, article.body, article.lead_photo_id, article.section, article.edition
            )
        except sqlite3.ProgrammingError:  # the store closed under a late timer: window gone
            return
        if not used:
            self.setText("")
            self.setToolTip("")
            return
        # Read when a story with photos is first open, not while the window starts;
        # the label is worked out again once they are in.
        spelling = when_dictionaries_ready(self.store.photos.spell, self.refresh)
        lines = []
        failing = 0
        for item in used:
            problems = self.store.photos.check_caption(item.caption, spelling=spelling)
            if problems:
                failing += 1
                lines.append(f"{item.use.role} photo: " + " ".join(p.message for p in problems))
        self.setText(
            f"  Photos: {failing} of {len(used)} need caption fixes  "
            if failing
            else f"  Photos: {len(used)} ✓  "
        )
        self.setProperty("role", "problem" if failing else "hint")
        self.setToolTip("\n".join(lines) or "Every photo's caption passes the checks.")
