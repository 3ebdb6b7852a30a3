"""Preferences: one dialog, one row per declared option (generated from settings.OPTIONS).

An int gets a spin box, a str with choices a combo box (or check boxes when
several may be picked), a bool a check box, any other str a line edit. Those
are your own (Qt settings). The newsroom's house settings (store/house.py) follow
under "Newsroom": they are changed through ops.house and announced, so every
screen follows. Sites are not settings (they live in the store, passwords in the
keyring): the dialog lists them and opens the sync desk's own site dialog to add one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..ops import Changes
from ..ops.house import set_house_setting, set_house_words
from ..store.house import HOUSE_SETTINGS, HouseSetting
from .settings import OPTIONS, Option, Settings

# How Preferences words the house setting's few values.
CHOICE_LABELS = {
    "parentheses": "Credit in parentheses: “… the border. (AP)”",
    "slash": "Credit after a slash: “… the border. / AP”",
}


def house_option(setting: HouseSetting) -> Option:
    """A house setting shown as an option row (its value is kept in the store)."""
    if setting.is_number:
        return Option(
            setting.key, int, int(setting.default), setting.label, setting.minimum, setting.maximum
        )
    choices = tuple((c, CHOICE_LABELS.get(c, c)) for c in setting.choices)
    return Option(setting.key, str, setting.default, setting.label, choices=choices)


class ChoiceBoxes(QWidget):
    """Several choices at once, kept as "a,b" (e.g. the spelling languages)."""

    def __init__(self, option: Option, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        chosen = set(value.split(","))
        self.boxes: dict[str, QCheckBox] = {}
        for code, label in option.choices:
            box = QCheckBox(label.split(" (")[0])  # "English (en)" -> "English": fits a row
            box.setObjectName(f"choice_{code}")
            box.setChecked(code in chosen)
            layout.addWidget(box)
            self.boxes[code] = box
        layout.addStretch(1)

    def value(self) -> str:
        return ",".join(code for code, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: str) -> None:
        chosen = set(value.split(","))
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


def editor_for(option: Option, value: Any) -> QWidget:
    """The widget that edits one option, showing `value`."""
    widget: QWidget
    if option.type is bool:
        widget = QCheckBox()
        widget.setChecked(bool(value))
    elif option.type is int:
        widget = QSpinBox()
        widget.setRange(option.minimum, option.maximum)
        widget.setValue(int(value))
    elif option.choices and option.multiple:
        widget = ChoiceBoxes(option, str(value))
    elif option.choices:
        widget = QComboBox()
        for code, label in option.choices:
            widget.addItem(label, code)
        index = widget.findData(str(value))
        if index < 0:  # a value no longer offered (an edition added later): keep it
            widget.addItem(str(value), str(value))
            index = widget.count() - 1
        widget.setCurrentIndex(index)
    else:
        widget = QLineEdit(str(value))
    widget.setObjectName(option.key.split("/")[-1] + "Setting")
    widget.setAccessibleName(option.label)
    return widget


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, ChoiceBoxes):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value for {type(widget).__name__}")


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, ChoiceBoxes):
        widget.set_value(str(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(700)
        self.settings = settings
        self.store = getattr(parent, "store", None)
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for option in OPTIONS:
            if option.hidden:
                continue
            widget = editor_for(option, settings.get(option.key))
            self.fields[option.key] = widget
            form.addRow(option.label, widget)
        self.house_fields: dict[str, QWidget] = {}
        if self.store is not None:
            self._house_rows(form)
            form.addRow("Publishing sites", self._sites_row())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _house_rows(self, form: QFormLayout) -> None:
        heading = QLabel("Newsroom — shared by everyone on this store")
        heading.setObjectName("houseHeading")
        heading.setProperty("role", "hint")
        form.addRow(heading)
        assert self.store is not None
        for setting in HOUSE_SETTINGS.values():
            option = house_option(setting)
            widget = editor_for(option, option.type(self.store.house.get(setting.key)))
            self.house_fields[setting.key] = widget
            form.addRow(option.label, widget)
        self.house_words = QPlainTextEdit("\n".join(self.store.house.words()))
        self.house_words.setObjectName("house_wordsSetting")
        self.house_words.setAccessibleName("House word list, one a line")
        self.house_words.setToolTip("Names and words the spelling check accepts, one a line")
        self.house_words.setFixedHeight(90)
        form.addRow("House word list", self.house_words)

    def _save_house(self) -> Changes:
        """Run the house operations for what was edited; a bad value is named, none lost."""
        assert self.store is not None
        changes = Changes()
        for key, widget in self.house_fields.items():
            changes |= set_house_setting(self.store, key, str(value_of(widget)))
        words = self.house_words.toPlainText().splitlines()
        return changes | set_house_words(self.store, words)

    def _sites_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sites_label = QLabel()
        self.sites_label.setObjectName("sitesLabel")
        self.sites_label.setWordWrap(True)
        add = QPushButton("Add a site…")
        add.setObjectName("addSiteButton")
        add.clicked.connect(self.add_site)
        layout.addWidget(self.sites_label, 1)
        layout.addWidget(add)
        self._show_sites()
        return row

    def _show_sites(self) -> None:
        try:
            names = [f"{s.name} ({s.url})" for s in self.store.sites.list()]  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 (a store without the sites table yet)
            names = []
        self.sites_label.setText(", ".join(names) or "None yet: you are working offline.")

    def add_site(self) -> QDialog:
        from .sync.site_dialog import SiteDialog

        dialog = SiteDialog(self.store, self)  # type: ignore[arg-type]
        dialog.accepted.connect(self._show_sites)
        dialog.accepted.connect(lambda: self._announce(dialog.changes))
        dialog.open()
        return dialog

    def _announce(self, changes: Changes) -> None:
        announce = getattr(self.parent(), "announce", None)
        if announce is not None:
            announce(changes, self)

    def accept(self) -> None:
        if self.store is not None:
            try:
                changes = self._save_house()
            except ValueError as exc:
                QMessageBox.warning(self, "Preferences", f"Not saved: {exc}")
                return
            self._announce(changes)
        for key, widget in self.fields.items():
            value = value_of(widget)
            if value != self.settings.get(key):
                self.settings.set(key, value)
        super().accept()
