"""Preferences: one row per declared option (see settings.OPTIONS)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from .settings import OPTIONS, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for option in OPTIONS:
            widget: QWidget
            if option.type is int:
                spin = QSpinBox()
                spin.setRange(option.minimum, option.maximum)
                spin.setValue(int(settings.get(option.key)))
                widget = spin
            else:
                line = QLineEdit(str(settings.get(option.key)))
                widget = line
            widget.setObjectName(option.key.split("/")[-1] + "Setting")
            widget.setAccessibleName(option.label)
            self.fields[option.key] = widget
            form.addRow(option.label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        for key, widget in self.fields.items():
            value = widget.value() if isinstance(widget, QSpinBox) else widget.text()  # type: ignore[attr-defined]
            if value != self.settings.get(key):
                self.settings.set(key, value)
        super().accept()
