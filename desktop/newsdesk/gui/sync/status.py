"""The status-bar indicator: offline, N waiting, conflicts; click to sync now."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from .controller import SyncController, SyncStatus


class SyncStatusWidget(QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.label = QLabel("Synced")
        self.label.setObjectName("syncStatusLabel")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the engine does not report steps yet
        self.progress.setFixedWidth(80)
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

    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(status.text)
        self.progress.setVisible(status.syncing)
        self.button.setEnabled(not status.syncing)
        tip = status.message or (
            "Changes are sent when the site answers." if status.waiting else ""
        )
        self.label.setToolTip(tip)
        colour = (
            "#b00020"
            if (status.conflicts or status.errors)
            else ("#8a6d00" if not status.online else "")
        )
        self.label.setStyleSheet(f"color: {colour};" if colour else "")
