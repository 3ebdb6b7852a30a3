"""The queue's small dialogs: a required note, a publication time, checklist failures, takeover.

Each opens with `open()` (window-modal, not a nested event loop) and reports
through `accepted`, so the desk stays scriptable and testable by keyboard.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from ...domain.checklist import CheckResult
from ...store.workflow import Claim
from ...ui.note_dialog_ui import Ui_NoteDialog
from ...ui.schedule_dialog_ui import Ui_ScheduleDialog
from .model import parse_utc


class NoteDialog(QDialog):
    """Asks for a note that cannot be left empty (OK stays disabled until there is text)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        parent: QWidget | None = None,
        hint: str = "The note goes to the reporter with the story.",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NoteDialog()
        self.ui.setupUi(self)  # the layout: ui/note_dialog.ui
        self.setWindowTitle(title)
        self.prompt = self.ui.prompt
        self.prompt.setText(prompt)
        self.edit = self.ui.noteEdit
        self.buttons = self.ui.buttons
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.ui.noteHint.setText(f"{hint} Ctrl+Enter sends it.")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.note())))
        self.edit.setFocus()

    def note(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        if self.note():  # the note is required: an empty one never gets through
            super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)


class ScheduleDialog(QDialog):
    """A publication time in UTC; never offered before the embargo (the store enforces it too)."""

    def __init__(
        self, headline: str, embargo_at: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ScheduleDialog()
        self.ui.setupUi(self)  # the layout: ui/schedule_dialog.ui
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        default = now + timedelta(hours=1)
        embargo = parse_utc(embargo_at)
        text = f"When should “{html.escape(headline)}” go out? Times are UTC."
        if embargo is not None:
            text += f"<br><b>Embargoed until {embargo:%d %b %Y %H:%M} UTC.</b>"
            # the picker shows minutes: round the embargo up so the default is never before it
            lifts = embargo.replace(second=0, microsecond=0)
            if lifts < embargo:
                lifts += timedelta(minutes=1)
            default = max(default, lifts)
        self.ui.scheduleText.setText(text)
        self.picker = self.ui.schedulePicker
        self.picker.setTimeZone(QTimeZone.utc())
        self.picker.setDateTime(_qt(default))
        self.error = self.ui.scheduleError
        buttons = self.ui.buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.picker.setFocus()

    def when(self) -> str:
        """The chosen time as the store writes it: ISO 8601 UTC with a Z."""
        moment = self.picker.dateTime().toUTC().toPython()
        assert isinstance(moment, datetime)
        return moment.replace(tzinfo=None, second=0, microsecond=0).isoformat() + "Z"

    def set_when(self, moment: datetime) -> None:
        self.picker.setDateTime(_qt(moment))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc())


def failures_html(failures: list[CheckResult]) -> str:
    items = "".join(f"<li>{html.escape(f.message)}</li>" for f in failures)
    return f"<p>Nothing was published. Fix these first:</p><ul>{items}</ul>"


def failures_box(parent: QWidget, failures: list[CheckResult]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("checklistFailures")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Not published")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(failures_html(failures))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def takeover_box(parent: QWidget, held: Claim) -> QMessageBox:
    """Asks before taking a story another editor holds; says whether their claim is stale."""
    box = QMessageBox(parent)
    box.setObjectName("takeOverBox")
    box.setWindowTitle("Take over this story?")
    box.setIcon(QMessageBox.Icon.Warning)
    if held.is_stale():
        box.setText(f"{held.editor}'s claim is stale (since {held.claimed_at}).")
    else:
        box.setText(f"{held.editor} is editing this story right now (since {held.claimed_at}).")
    box.setInformativeText(
        f"Taking over tells {held.editor} through a note; unsaved work of theirs may conflict."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("Take over")
    return box
