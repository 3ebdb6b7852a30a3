"""The window's two questions and notices that need more than a status line: what a
crash left behind (recovered and set-aside typing), and a save that met someone
else's change to the same fields."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..ops import StaleEdit
from ..store.autosaves import Recovered, SetAside


def recovery_notice(
    parent: QWidget, recovered: list[Recovered], set_aside: list[SetAside] | tuple[()]
) -> tuple[str, QMessageBox]:
    """The status bar's line and the (non-modal, not yet shown) notice listing each article."""
    said = []
    if recovered:
        n = len(recovered)
        said.append(
            f"Recovered unsaved work in {n} article{'s' if n > 1 else ''} after Newsdesk was not closed properly."
        )
    if set_aside:
        n = len(set_aside)
        said.append(
            f"{n} autosave{'s' if n > 1 else ''} could not be recovered and {'were' if n > 1 else 'was'} set aside."
        )
    lines = "".join(
        f"<li><b>{html.escape(r.headline or '(no headline yet)')}</b> — typing up to "
        f"{_local_time(r.saved_at)}, kept as revision {r.revision}</li>"
        for r in recovered
    )
    informative = f"<ul>{lines}</ul>Each article's history shows the recovered revision."
    if set_aside:
        kept = "".join(f"<li>{html.escape(s.describe())}</li>" for s in set_aside)
        informative = (informative if recovered else "") + (
            f"<p>Could not be recovered:</p><ul>{kept}</ul>"
        )
    notice = QMessageBox(parent)
    notice.setObjectName("recoveryNotice")
    notice.setIcon(QMessageBox.Icon.Information)
    notice.setWindowTitle("Work recovered")
    notice.setText(
        "Newsdesk was not closed properly last time. "
        + ("Your unsaved typing is back:" if recovered else "Some unsaved typing is set aside:")
    )
    notice.setInformativeText(informative)
    notice.setStandardButtons(QMessageBox.StandardButton.Ok)
    notice.setWindowModality(Qt.WindowModality.NonModal)
    return " ".join(said), notice


def ask_on_conflict(parent: QWidget, stale: StaleEdit) -> Literal["mine", "theirs"] | None:
    """The same fields changed here and elsewhere: the writer decides, nothing is guessed."""
    box = QMessageBox(parent)
    box.setObjectName("staleEditQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Changed elsewhere")
    box.setText(str(stale))
    box.setInformativeText(
        "Keep your version of these fields, or take the other one? "
        "Everything else is merged either way, and the history keeps both."
    )
    mine = box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton("Take theirs", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is mine:
        return "mine"
    if box.clickedButton() is theirs:
        return "theirs"
    return None


def _local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y %H:%M:%S")
    except ValueError:
        return stamp
