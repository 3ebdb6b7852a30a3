"""First run against a real WordPress on loopback: the site is added, no secret in settings."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtWidgets import QWizard

from wordpress.fixtures import *  # noqa: F403


@pytest.fixture
def memory_keyring():
    from sync.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_guide_adds_a_site_and_settings_hold_no_secret(
    qtbot,
    tmp_path,
    wordpress,
    memory_keyring,
):
    from newsdesk.app import build_window
    from newsdesk.gui import tasks
    from newsdesk.gui.firstrun import greet
    from newsdesk.gui.preferences import PreferencesDialog

    tasks.set_synchronous(True)
    window = build_window(tmp_path / "fresh")
    qtbot.addWidget(window)
    try:
        window.show()
        guide = greet(window)
        qtbot.waitExposed(guide)
        guide.button(QWizard.WizardButton.NextButton).click()
        guide.button(QWizard.WizardButton.NextButton).click()
        dialog = guide.publish.open_site_dialog()
        password = wordpress.users["editor"].app_password
        dialog.name.setText("english-site")
        dialog.url.setText(wordpress.url)
        dialog.user.setText("editor")
        dialog.password.setText(password)
        dialog.check()
        assert guide.publish.site_added == "english-site"
        assert "english-site" in guide.publish.status.text()
        guide.button(QWizard.WizardButton.FinishButton).click()
        assert window.store.sites.by_name("english-site").role == "editor"
        # The password went to the keyring; the settings file never saw it.
        assert password in memory_keyring.secrets.values()
        settings_file = window.settings.file_path()
        text = settings_file.read_text(encoding="utf-8")
        assert password not in text and password.replace(" ", "") not in text
        assert "password" not in text.lower()
        # Preferences list the site that was added.
        prefs = PreferencesDialog(window.context, window)
        qtbot.addWidget(prefs)
        assert "english-site" in prefs.sites_label.text()
    finally:
        tasks.set_synchronous(False)
        window.close()
        window.store.close()
