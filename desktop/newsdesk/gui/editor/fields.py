"""Small field widgets: tags with completion, a multi-select for regions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCompleter, QLineEdit, QMenu, QPushButton, QWidget

from ...store.tags import clean_tags


class TagsEdit(QLineEdit):
    """Comma-separated tags; the word being typed completes from the store's most used tags."""

    def __init__(
        self,
        parent: QWidget | None = None,
        usage: Callable[[str], list[tuple[str, int]]] | None = None,
    ) -> None:
        super().__init__(parent)  # parent first: the inspector's form (ui/) builds it
        self._usage = usage or (lambda _prefix: [])
        self._names = QStringListModel(self)
        self._completer = QCompleter(self._names, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.activated.connect(self._complete_with)
        self.textEdited.connect(self._suggest)
        self.setPlaceholderText("People, places, organisations — separated by commas")

    def set_usage(self, usage: Callable[[str], list[tuple[str, int]]]) -> None:
        """Where completions come from: (tag, uses) for a prefix, most used first."""
        self._usage = usage

    def tags(self) -> list[str]:
        return clean_tags(self.text().split(","))

    def set_tags(self, tags: list[str]) -> None:
        self.setText(", ".join(tags))

    def completer_popup(self) -> QCompleter:
        return self._completer

    def _current_word(self) -> tuple[int, str]:
        before = self.text()[: self.cursorPosition()]
        start = before.rfind(",") + 1
        return start, before[start:].lstrip()

    def _suggest(self, _text: str) -> None:
        _start, word = self._current_word()
        if not word:
            self._completer.popup().hide()
            return
        taken = {t.casefold() for t in self.tags()}
        names = [
            name
            for name, _n in self._usage(word)
            if name.casefold() not in taken or name.casefold() == word.casefold()
        ]
        self._names.setStringList(names)
        if not names:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(word)
        self._completer.complete()

    def _complete_with(self, name: str) -> None:
        start, _word = self._current_word()
        after = self.text()[self.cursorPosition() :]
        head = self.text()[:start]
        head = head + (" " if head else "")
        new_text = f"{head}{name}, " + after.lstrip(", ")
        self.setText(new_text.rstrip() + (" " if not after.strip() else ""))
        self.setCursorPosition(len(head) + len(name) + 2)
        self.textEdited.emit(self.text())  # a completion is an edit like typing


class RegionsPicker(QPushButton):
    """Several regions at once, from the taxonomy; shows the chosen ones on the button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._actions: dict[str, QAction] = {}
        self._refresh_label()

    def set_choices(self, names: list[str]) -> None:
        chosen = self.regions()
        self._menu.clear()
        self._actions = {}
        for name in names:
            action = self._menu.addAction(name)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self._actions[name] = action
        self.set_regions(chosen, quiet=True)

    def regions(self) -> list[str]:
        return [name for name, action in self._actions.items() if action.isChecked()]

    def set_regions(self, names: list[str], *, quiet: bool = True) -> None:
        for name in names:
            if name not in self._actions:  # a region the taxonomy no longer lists: keep it
                action = self._menu.addAction(name)
                action.setCheckable(True)
                action.toggled.connect(self._toggled)
                self._actions[name] = action
        for name, action in self._actions.items():
            action.blockSignals(quiet)
            action.setChecked(name in names)
            action.blockSignals(False)
        self._refresh_label()

    def toggle(self, name: str) -> None:
        self._actions[name].toggle()

    def _toggled(self, _checked: bool) -> None:
        self._refresh_label()
        self.changed.emit()

    def _refresh_label(self) -> None:
        chosen = self.regions()
        self.setText(", ".join(chosen) if chosen else "Choose regions…")
        self.setToolTip("Regions: " + (", ".join(chosen) or "none"))
