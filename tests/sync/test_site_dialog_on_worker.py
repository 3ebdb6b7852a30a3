"""Preferences ▸ Add a site…, against the real WordPress, with the window run as a person's.

The login is checked once, on a thread of its own; the site is then recorded by an
operation on the database worker (which makes no request). With the worker holding
the write lock, the window keeps turning while the site waits to be stored; once it
is, the runner announces it and the sync desk lists it. A name already taken is said
in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from held_worker import HeldWorker, Ticks
from newsdesk.ops import Changes

pytestmark = pytest.mark.wordpress
LONGEST_GAP_MS = 250


@pytest.fixture
def window(qtbot, tmp_path):
    from newsdesk.app import build_window
    from newsdesk.gui.sync import install

    win = build_window(tmp_path / "store")
    qtbot.addWidget(win)
    win.controller = install(win)
    win.controller.timer.stop()  # no sync of its own during the test
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.store.close()


def fill(dialog, name: str, url: str, user) -> None:  # type: ignore[no-untyped-def]
    dialog.name.setText(name)
    dialog.url.setText(url)
    dialog.user.setText(user.login)
    dialog.password.setText(user.app_password)


def check_and_add(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_site_added_from_preferences_lands_on_the_worker_and_the_sync_desk_lists_it(
    qtbot, window, wordpress, monkeypatch
):
    from newsdesk.gui.preferences import PreferencesDialog
    from newsdesk.gui.sync import site_dialog
    from newsdesk.sync import engine

    checked_on: list[int] = []
    real = engine.verify_login

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked_on.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(site_dialog, "verify_login", spy)
    monkeypatch.setattr(engine, "verify_login", spy)  # a second check would come through here
    heard: list[tuple[Changes, object]] = []
    window.changes.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    desk = window.desk("Sync")
    assert desk.sites.rowCount() == 0
    prefs = PreferencesDialog(window.context, window)
    qtbot.addWidget(prefs)
    prefs.open()
    dialog = prefs.add_site()
    user = wordpress.users["editor"]
    fill(dialog, "english-site", wordpress.url, user)
    assert dialog.window_days.value() == 90  # the default sync window
    dialog.window_days.setValue(30)

    held = HeldWorker(window.runner, window)
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    ticks = Ticks()
    ticks.start()
    check_and_add(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.stage == "adding", timeout=30_000)  # the login checked
    seen = ticks.count
    qtbot.waitUntil(lambda: ticks.count >= seen + 20, timeout=5000)
    assert not held.release.is_set() and dialog.isVisible()
    assert dialog.message.text() == "Adding the site…" and heard == []
    assert not dialog.buttons.isEnabled()

    held.release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    longest = ticks.stop()
    print(f"event loop's longest gap {longest} ms over {ticks.count} ticks")
    assert longest < LONGEST_GAP_MS, ticks.gaps
    assert len(checked_on) == 1 and threading.get_ident() not in checked_on
    assert dialog.added_role == "editor" and dialog.password.text() == ""
    added = window.store.sites.by_name("english-site")
    assert (added.role, added.window_days) == ("editor", 30)
    assert heard == [(Changes(sites=True), dialog)], "announced once, by the runner"
    assert "english-site" in prefs.sites_label.text()
    # The sync desk follows the announcement: the site is listed without a refresh asked.
    assert [desk.sites.item(r, 0).text() for r in range(desk.sites.rowCount())] == ["english-site"]


def test_a_site_name_taken_is_said_and_the_dialog_keeps_what_was_typed(qtbot, window, wordpress):
    from newsdesk.gui.sync.site_dialog import SiteDialog

    from .helpers import connect

    connect(window.store, wordpress, "editor", name="english-site")
    heard: list[object] = []
    window.changes.changed.connect(lambda changes, initiator: heard.append(changes))
    dialog = SiteDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.open()
    user = wordpress.users["author"]
    fill(dialog, "english-site", wordpress.url, user)
    check_and_add(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.stage == "" and dialog.buttons.isEnabled(), timeout=30_000)
    assert "already exists" in dialog.message.text(), dialog.message.text()
    assert dialog.isVisible() and dialog.result() == 0
    assert (dialog.name.text(), dialog.user.text(), dialog.password.text()) == (
        "english-site",
        user.login,
        user.app_password,
    )
    assert [s.username for s in window.store.sites.list()] == [wordpress.users["editor"].login]
    assert heard == []
