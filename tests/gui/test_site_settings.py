"""A site's settings from the sync desk: editions, category names, the CA bundle and the
sync window, and removing the site, each written by the operation the command line uses
(`site edit`, `site remove`) on the database worker. No request is made: these are the
desktop's own settings (widening the window is walked against WordPress in
tests/sync/test_sync_window.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from newsdesk.store.sites import Site
from windows import shown_window


@pytest.fixture
def desk(qtbot, tmp_path):
    from newsdesk.gui.sync import install
    from newsdesk.gui.sync.desk import SyncDesk

    with shown_window(qtbot, tmp_path / "store", guide_done=True, real_threads=True) as win:
        controller = install(win)
        controller.stop()  # the site below is not there: no background sync
        asked: list[bool] = []
        controller.sync_now = lambda *a, **k: asked.append(True)  # type: ignore[method-assign]
        win.store.sites.add(Site(name="english", url="https://example.test", username="amal"))
        win.show_desk("Sync")
        found = win.findChild(SyncDesk)
        found.refresh()
        found.syncs_asked = asked
        yield found


def open_settings(qtbot, desk):  # type: ignore[no-untyped-def]
    from newsdesk.gui.sync.site_settings_dialog import SiteSettingsDialog

    qtbot.mouseClick(desk.settings, Qt.MouseButton.LeftButton)
    # The newest: one closed before may still await its deferred deletion.
    dialog = desk.findChildren(SiteSettingsDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def press_ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def answer_question(button: QMessageBox.StandardButton) -> list[str]:
    """Press `button` in the next question box once it is up; returns what it asked."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)
    return asked


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    return not isValid(dialog) or not dialog.isVisible()  # deleted once closed


def syncs_column(desk) -> str:  # type: ignore[no-untyped-def]
    return desk.sites.item(0, 5).text()


def test_the_sync_desk_edits_a_sites_editions_categories_and_window(qtbot, desk, artifacts_dir):
    from test_forms import assert_built_from

    store = desk.store
    assert syncs_column(desk) == "the last 90 days"
    dialog = open_settings(qtbot, desk)
    assert dialog.window_days.value() == 90 and dialog.editions.text() == ""
    assert_built_from(dialog, "site_settings_dialog")  # the layout is ui/'s form
    dialog.grab().save(str(artifacts_dir / "site-settings.png"))

    dialog.categories.setText("News")  # written wrong: said, nothing stored
    press_ok(qtbot, dialog)
    assert "LOCAL=REMOTE" in dialog.message.text() and dialog.isVisible()
    dialog.categories.setText("News=Noticias, Sport=Deportes")
    dialog.editions.setText("xx")  # no such edition: the operation refuses, the dialog stays
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "No edition xx" in dialog.message.text())
    assert dialog.isVisible() and dialog.categories.text() == "News=Noticias, Sport=Deportes"
    assert store.sites.by_name("english").editions == []

    dialog.editions.setText("en")
    dialog.window_days.setValue(0)
    assert dialog.window_days.text() == "Whole archive"
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    site = store.sites.by_name("english")
    assert site.editions == ["en"]
    assert site.category_map == {"News": "Noticias", "Sport": "Deportes"}
    assert (site.window_days, site.window_held_days) == (0, 90)
    # The runner's announcement refreshed the desk; a widened window syncs at once.
    qtbot.waitUntil(lambda: syncs_column(desk).startswith("the whole archive"))
    assert syncs_column(desk) == "the whole archive (the older ones come with the next sync)"
    assert desk.syncs_asked == [True]

    dialog = open_settings(qtbot, desk)  # opened again: as stored
    assert dialog.editions.text() == "en" and dialog.window_days.value() == 0
    assert dialog.categories.text() == "News=Noticias, Sport=Deportes"
    dialog.reject()


def test_a_site_is_removed_from_its_settings_once_confirmed(qtbot, desk):
    store = desk.store
    dialog = open_settings(qtbot, desk)
    asked = answer_question(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    assert "Remove english" in asked[0] and "stay here" in asked[0]
    assert dialog.isVisible() and [s.name for s in store.sites.list()] == ["english"]

    answer_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    assert store.sites.list() == []
    qtbot.waitUntil(lambda: desk.sites.rowCount() == 0)
    assert not desk.settings.isEnabled()
    assert desk.syncs_asked == []  # nothing to sync for a removed site


def test_the_sites_row_opens_its_settings_with_a_double_click(qtbot, desk):
    from newsdesk.gui.sync.site_settings_dialog import SiteSettingsDialog

    rect = desk.sites.visualItemRect(desk.sites.item(0, 0))
    # A double click is a press, a release, then the double click (as a mouse sends it).
    qtbot.mouseClick(desk.sites.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(desk.sites.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = desk.findChild(SiteSettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert "english" in dialog.windowTitle()
    dialog.reject()
