"""Preferences: one dialog, one row per declared option (generated from settings.OPTIONS).

An int gets a spin box, a str with choices a combo box (or check boxes when
several may be picked), a bool a check box, any other str a line edit. Those
are your own (Qt settings). The newsroom's house settings (store/house.py) follow
under "Newsroom": OK runs ops.house.set_house on the database worker, which
announces it, so every screen follows; the dialog closes once that landed (your
own settings are written then too) and stays open, saying why, when it did not.
Sites are not settings (they live in the store, passwords in the keyring): the
dialog lists them and opens the sync desk's own site dialog to add one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..ops import Changes
from ..ops.house import set_house
from ..store.house import HOUSE_SETTINGS, HouseSetting
from .runner import failure_in_words
from .settings import OPTIONS, Option

if TYPE_CHECKING:
    from .context import AppContext

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
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if ctx.settings is None:
            raise ValueError("Preferences edits a person's settings: the context has none.")
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(700)
        self.ctx = ctx
        self.settings = ctx.settings
        self.store = ctx.store  # the main thread's read connection: shown values only
        self.saving = False
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for option in OPTIONS:
            if option.hidden:
                continue
            widget = editor_for(option, self.settings.get(option.key))
            self.fields[option.key] = widget
            form.addRow(option.label, widget)
        self.house_fields: dict[str, QWidget] = {}
        self._house_rows(form)
        form.addRow("Publishing sites", self._sites_row())
        self.message = QLabel()
        self.message.setObjectName("preferencesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _house_rows(self, form: QFormLayout) -> None:
        heading = QLabel("Newsroom — shared by everyone on this store")
        heading.setObjectName("houseHeading")
        heading.setProperty("role", "hint")
        form.addRow(heading)
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
            names = [f"{s.name} ({s.url})" for s in self.store.sites.list()]
        except Exception:  # noqa: BLE001 (a store without the sites table yet)
            names = []
        self.sites_label.setText(", ".join(names) or "None yet: you are working offline.")

    def add_site(self) -> QDialog:
        from .sync.site_dialog import SiteDialog

        dialog = SiteDialog(self.ctx, self)  # it records the site on the database worker
        dialog.accepted.connect(self._show_sites)
        dialog.open()
        return dialog

    def show_message(self, text: str, *, problem: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "problem" if problem else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def accept(self) -> None:
        """The house settings go to the database worker; the dialog closes when they landed."""
        if self.saving:
            return
        values = {key: str(value_of(widget)) for key, widget in self.house_fields.items()}
        words = self.house_words.toPlainText().splitlines()  # read here, not on the worker
        self.saving = True
        self.buttons.setEnabled(False)
        self.show_message("Saving the newsroom's settings…", problem=False)
        self.ctx.runner.store_op(self, lambda store: set_house(store, values, words)).success(
            self._saved
        ).failure(self._not_saved).run()

    def _saved(self, _changes: Changes) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        for key, widget in self.fields.items():
            value = value_of(widget)
            if value != self.settings.get(key):
                self.settings.set(key, value)
        super().accept()

    def _not_saved(self, exc: Exception) -> None:
        """Nothing was written, your own settings neither: every field keeps what you set."""
        self.saving = False
        self.buttons.setEnabled(True)
        self.show_message(f"Not saved: {failure_in_words(exc)}", problem=True)

    def reject(self) -> None:
        if self.saving:  # the write is under way: its answer closes the dialog or says why
            return
        super().reject()
