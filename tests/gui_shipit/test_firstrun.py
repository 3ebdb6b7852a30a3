"""The first-run guide: completes, skips, sets the default desk, reachable again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from shipit_keys import type_keys

from windows import shown_window


@pytest.fixture
def fresh_window(qtbot, tmp_path):
    """A window on a new data folder, as `newsdesk` starts it: guide not done yet."""
    with shown_window(qtbot, tmp_path / "fresh") as win:
        yield win


def _next(guide):
    guide.button(QWizard.WizardButton.NextButton).click()


def test_guide_completes_and_sets_the_default_desk(qtbot, fresh_window, artifacts_dir):
    from newsdesk.gui.firstrun import greet

    guide = greet(fresh_window)
    assert guide is not None and guide.isVisible()
    qtbot.waitExposed(guide)
    guide.who.name.clear()
    guide.who.name.setFocus()
    type_keys(guide.who.name, "Layla Haddad")
    guide.who.role_buttons["editor"].click()
    guide.grab().save(str(artifacts_dir / "first-run-1.png"))
    _next(guide)
    combo = guide.edition.edition
    combo.setCurrentIndex(combo.findData("ar"))
    guide.grab().save(str(artifacts_dir / "first-run-2.png"))
    _next(guide)
    assert guide.publish.offline.isChecked()
    guide.grab().save(str(artifacts_dir / "first-run-3.png"))
    guide.button(QWizard.WizardButton.FinishButton).click()
    assert guide.outcome == "finished"
    settings = fresh_window.settings
    assert settings.get("user/name") == "Layla Haddad"
    assert settings.get("user/role") == "editor"
    assert settings.get("user/default_edition") == "ar"
    assert settings.get("firstrun/done") is True
    assert fresh_window.desk_bar.currentItem().text() == "Editors' queue"
    # Next start: no guide, and the window opens on the editor's desk.
    from newsdesk.gui.settings import Settings

    again = Settings(settings.folder)
    assert again.get("firstrun/done") is True
    fresh_window.show_desk("Reporter's desk")
    assert greet(fresh_window) is None
    assert fresh_window.desk_bar.currentItem().text() == "Editors' queue"


def test_guide_accepts_a_non_ascii_name_typed_by_input_method(qtbot, fresh_window):
    from shipit_keys import commit_text

    from newsdesk.gui.firstrun import greet

    guide = greet(fresh_window)
    guide.who.name.clear()
    guide.who.name.setFocus()
    commit_text(guide.who.name, "ليلى حداد")
    guide.who.role_buttons["photo"].click()
    _next(guide)
    _next(guide)
    guide.button(QWizard.WizardButton.FinishButton).click()
    assert fresh_window.settings.get("user/name") == "ليلى حداد"
    # No photo desk in this window: the role falls back to the reporter's desk, never nowhere.
    expected = "Photo desk" if fresh_window.desk("Photo desk") else "Reporter's desk"
    assert fresh_window.desk_bar.currentItem().text() == expected


def test_guide_is_skippable_and_changes_nothing_else(qtbot, fresh_window):
    from newsdesk.gui.firstrun import greet

    settings = fresh_window.settings
    before = {k: settings.get(k) for k in ("user/name", "user/role", "user/default_edition")}
    guide = greet(fresh_window)
    guide.who.role_buttons["photo"].click()
    guide.button(guide.SKIP).click()
    assert guide.outcome == "skipped"
    assert not guide.isVisible()
    assert settings.get("firstrun/done") is True
    assert {k: settings.get(k) for k in before} == before
    assert greet(fresh_window) is None  # not asked again


def test_closing_the_guide_counts_as_skipping(qtbot, fresh_window):
    from newsdesk.gui.firstrun import greet

    guide = greet(fresh_window)
    guide.close()
    assert fresh_window.settings.get("firstrun/done") is True


def test_guide_is_reachable_again_from_the_help_menu(qtbot, fresh_window):
    from newsdesk.gui.firstrun import FirstRunGuide

    fresh_window.settings.set("firstrun/done", True)
    help_menu = next(
        a.menu() for a in fresh_window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    entry = next(a for a in help_menu.actions() if a.text().startswith("&First-run guide"))
    entry.trigger()
    guide = fresh_window.first_run_guide
    assert isinstance(guide, FirstRunGuide) and guide.isVisible()
    assert guide.who.name.text() == fresh_window.settings.get("user/name")
    guide.button(guide.SKIP).click()


def test_offline_choice_and_the_site_dialog_is_the_sync_desks(qtbot, fresh_window, shipit_dir):
    from newsdesk.gui.firstrun import greet
    from newsdesk.gui.sync.site_dialog import SiteDialog

    guide = greet(fresh_window)
    qtbot.waitExposed(guide)
    _next(guide)
    _next(guide)
    assert guide.currentPage() is guide.publish
    dialog = guide.publish.open_site_dialog()
    assert isinstance(dialog, SiteDialog) and dialog.isVisible()
    dialog.name.setText("english-site")
    dialog.url.setText("http://127.0.0.1:9/")  # nothing listens: the check fails, in words
    dialog.user.setText("layla")
    dialog.password.setText("abcd efgh ijkl mnop qrst uvwx")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20_000)
    assert dialog.message.text() and "Checking" not in dialog.message.text()
    dialog.reject()
    guide.button(QWizard.WizardButton.FinishButton).click()
    assert guide.outcome == "finished"
    settings_text = (fresh_window.settings.file_path()).read_text(encoding="utf-8")
    assert "abcd efgh" not in settings_text and "password" not in settings_text.lower()


def test_an_empty_name_keeps_next_disabled(qtbot, fresh_window):
    from newsdesk.gui.firstrun import greet

    guide = greet(fresh_window)
    qtbot.waitExposed(guide)
    next_button = guide.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    guide.who.name.clear()
    assert not next_button.isEnabled()
    type_keys(guide.who.name, "Ana")
    assert next_button.isEnabled()
    guide.button(guide.SKIP).click()


def test_default_edition_is_used_when_no_article_is_open(qtbot, fresh_window):
    fresh_window.settings.set("user/default_edition", "es")
    fresh_window.editor._article = None  # as on an empty store: nothing open
    fresh_window.new_article()
    assert fresh_window.editor.article().edition == "es"
    assert fresh_window.editor.spelling.layers["body"].language == "es"
