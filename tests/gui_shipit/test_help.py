"""Help: the shortcut reference is read from the live actions; About names the versions."""

from __future__ import annotations

import platform
import sqlite3

from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence


def test_reference_lists_every_action_with_a_shortcut(shipit_window):
    from newsdesk.gui.help import shortcut_rows

    rows = shortcut_rows(shipit_window)
    by_command = {row.command: row for row in rows}
    for action in shipit_window.actions_by_name.values():
        if action.shortcuts():
            name = action.text().replace("&", "").rstrip("…")
            assert name in by_command, name
            assert by_command[name].keys.split(", ")[0] == action.shortcuts()[0].toString(
                QKeySequence.SequenceFormat.NativeText
            )
    assert by_command["Save"].menu == "File"
    assert by_command["Keyboard shortcuts"].keys == "F1, Ctrl+/"


def test_reference_follows_changes_and_actions_other_desks_add(qtbot, shipit_window):
    from newsdesk.gui.help import ShortcutsDialog

    shipit_window.actions_by_name["save"].setShortcut(QKeySequence("Ctrl+Alt+S"))
    extra = QAction("Mark photo checked", shipit_window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+K"))
    shipit_window.addAction(extra)
    dialog = ShortcutsDialog(shipit_window)
    qtbot.addWidget(dialog)
    rows = {r.command: r.keys for r in dialog.rows}
    assert rows["Save"] == "Ctrl+Alt+S"
    assert rows["Mark photo checked"] == "Ctrl+Shift+K"
    dialog.filter.setText("photo")
    visible = dialog.visible_commands()
    assert "Mark photo checked" in visible and len(visible) < len(dialog.rows)
    assert all("photo" in command.lower() for command in visible)
    dialog.filter.setText("")
    assert len(dialog.visible_commands()) == len(dialog.rows)


def test_f1_opens_the_reference(qtbot, shipit_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui.help import ShortcutsDialog

    shipit_window.activateWindow()
    shipit_window.editor.body_edit.setFocus()
    qtbot.keyClick(shipit_window.editor.body_edit, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ShortcutsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=3000,
    )
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ShortcutsDialog):
            w.close()


def test_about_shows_the_versions(qtbot, shipit_window, artifacts_dir):
    import PySide6

    from newsdesk import __version__
    from newsdesk.gui.help import AboutDialog, versions

    dialog = AboutDialog(shipit_window.store.folder, shipit_window)
    qtbot.addWidget(dialog)
    text = dialog.label.text()
    for expected in (
        __version__,
        platform.python_version(),
        qVersion(),
        PySide6.__version__,
        sqlite3.sqlite_version,
    ):
        assert expected in text
    names = dict(versions())
    assert names["markdown-it-py"] != "not installed"
    assert names["spylls"] != "not installed"
    assert "en: en_US" in text and "ar: ar" in text
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(artifacts_dir / "about.png"))
