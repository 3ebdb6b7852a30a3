"""The status-bar indicator: offline, N waiting, conflicts; click to sync now."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ...sync.eta import Eta, say_left
from .. import theme
from .controller import SyncController, SyncStatus


class SyncStatusWidget(QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.label = QLabel(controller.status().text)
        self.label.setObjectName("syncStatusLabel")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the engine reports its first step
        self.progress.setFixedWidth(260)
        self.eta = Eta()
        self.progress.setVisible(False)
        self.button = QToolButton()
        self.button.setText("Sync now")
        self.button.setAccessibleName("Sync now")
        self.button.clicked.connect(lambda: controller.sync_now())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.button)
        controller.status_changed.connect(self.show_status)
        controller.progressed.connect(self.show_progress)

    def show_progress(self, phase: str, done: int, total: int) -> None:
        """A long sync shows how far it is and how long it has left (a short one only
        flashes the busy bar)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        verb = "Sending" if phase == "push" else "Receiving"
        left = say_left(self.eta.update(phase, done, total))
        self.progress.setFormat(f"{verb} %v/%m" + (f" · {left}" if left else ""))
        self.progress.setToolTip(f"{verb} {done:,} of {total:,}" + (f", {left}" if left else ""))
        self.progress.setTextVisible(True)

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(status.text)
        self.progress.setVisible(status.syncing)
        if status.syncing:
            self.progress.setRange(0, 0)  # busy until the first progress report
            self.eta = Eta()
        self.button.setEnabled(not status.syncing)
        tip = status.message or (
            "Changes are sent when the site answers." if status.waiting else ""
        )
        if status.warnings:
            tip = (tip + "\n" if tip else "") + (
                "Some stories went out without a category the site lacks: see the Sync desk."
            )
        self.label.setToolTip(tip)
        colour = (
            "#b00020"
            if (status.conflicts or status.errors)
            else ("#8a6d00" if not status.online else "")
        )
        theme.style(self.label, f"color: {colour};" if colour else "")
