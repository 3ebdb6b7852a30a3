"""Help: the keyboard shortcut reference and the About box.

The reference is read from the window's live QActions (menus first, in menu
order, then any other action with a shortcut a desk added), so it can never
fall out of date with what the keys actually do.
"""

from __future__ import annotations

import platform
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidgetItem,
    QWidget,
)

from ..ui.about_dialog_ui import Ui_AboutDialog
from ..ui.shortcuts_dialog_ui import Ui_ShortcutsDialog

# The libraries whose versions matter when someone reports a problem.
KEY_LIBRARIES = (
    "markdown-it-py",
    "httpx",
    "keyring",
    "Pillow",
    "pyexiv2",
    "nh3",
    "Jinja2",
    "spylls",
)


@dataclass(frozen=True)
class ShortcutRow:
    command: str
    keys: str
    menu: str
    action: QAction


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty()
    )


def _menu_actions(menu: QMenu, path: str) -> list[tuple[str, QAction]]:
    found: list[tuple[str, QAction]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub, f"{path} ▸ {_plain(sub.title())}")
        elif not action.isSeparator():
            found.append((path, action))
    return found


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every action of the window that has a shortcut, where to find it, and its keys."""
    rows: list[ShortcutRow] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for path, action in _menu_actions(menu, _plain(menu.title())):
            if id(action) in seen:
                continue
            seen.add(id(action))
            if _keys(action):
                rows.append(ShortcutRow(_plain(action.text()), _keys(action), path, action))
    for action in window.findChildren(QAction):
        if id(action) in seen or not _keys(action) or not action.text():
            continue
        seen.add(id(action))
        rows.append(ShortcutRow(_plain(action.text()), _keys(action), "", action))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)  # the layout: ui/shortcuts_dialog.ui
        self.rows = shortcut_rows(window)
        self.filter = self.ui.shortcutFilter
        self.table = self.ui.shortcutTable
        self.table.setRowCount(len(self.rows))
        self.table.setHorizontalHeaderLabels(["Command", "Keys", "Menu"])
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.command, row.keys, row.menu)):
                item = QTableWidgetItem(text)
                if c == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.filter.textChanged.connect(self.apply_filter)
        self.ui.buttons.rejected.connect(self.reject)

    def apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for r, row in enumerate(self.rows):
            haystack = f"{row.command} {row.keys} {row.menu}".casefold()
            self.table.setRowHidden(r, bool(needle) and needle not in haystack)

    def visible_commands(self) -> list[str]:
        return [row.command for r, row in enumerate(self.rows) if not self.table.isRowHidden(r)]


def versions() -> list[tuple[str, str]]:
    """(component, version) for Newsdesk, its runtime and its key libraries."""
    from importlib import metadata  # ~30 ms: only when the About box is opened

    import PySide6

    from .. import __version__

    found = [
        ("Newsdesk", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLite", sqlite3.sqlite_version),
    ]
    for name in KEY_LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def about_text(data_folder: Path | None = None) -> str:
    from ..spelling import DICTIONARY_NAMES, find_dictionary

    rows = "".join(f"<tr><td>{name}</td><td><b>{v}</b></td></tr>" for name, v in versions())
    dictionaries = ", ".join(
        f"{code}: {stem.name if (stem := find_dictionary(code)) else 'missing'}"
        for code in DICTIONARY_NAMES
    )
    folder = f"<p>Data folder: {data_folder}</p>" if data_folder else ""
    return (
        "<h3>Newsdesk</h3><p>A desktop newsroom editor that works offline.</p>"
        f"<table cellpadding=2>{rows}</table>"
        f"<p>Spelling dictionaries: {dictionaries}</p>{folder}"
        f"<p>{platform.platform()}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)  # the layout: ui/about_dialog.ui
        self.label = self.ui.aboutText
        self.label.setText(about_text(data_folder))
        self.ui.buttons.rejected.connect(self.reject)


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(window: QMainWindow, data_folder: Path | None = None) -> AboutDialog:
    dialog = AboutDialog(data_folder, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
