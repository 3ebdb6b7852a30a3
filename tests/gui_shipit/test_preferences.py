"""Preferences: one dialog generated from OPTIONS; every option round-trips; no secrets."""

from __future__ import annotations

from newsdesk.gui.settings import OPTIONS


def _other_value(option, current):
    if option.type is bool:
        return not current
    if option.type is int:
        return option.maximum if current != option.maximum else option.minimum
    if option.choices and option.multiple:
        return option.choices[0][0] if current != option.choices[0][0] else option.choices[-1][0]
    if option.choices:
        return next(code for code, _ in option.choices if code != current)
    return current + " Ñandú مراسل"


def test_every_option_has_a_field_and_round_trips(qtbot, shipit_window, artifacts_dir):
    from newsdesk.gui.preferences import PreferencesDialog, set_value, value_of
    from newsdesk.gui.settings import Settings

    settings = shipit_window.settings
    dialog = PreferencesDialog(settings, shipit_window)
    qtbot.addWidget(dialog)
    shown = [o for o in OPTIONS if not o.hidden]
    assert set(dialog.fields) == {o.key for o in shown}
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(artifacts_dir / "preferences.png"))
    wanted = {}
    for option in shown:
        widget = dialog.fields[option.key]
        assert value_of(widget) == settings.get(option.key), option.key
        wanted[option.key] = _other_value(option, settings.get(option.key))
        set_value(widget, wanted[option.key])
    dialog.accept()
    fresh = Settings(settings.folder)  # read back from the file, not from memory
    for key, value in wanted.items():
        assert fresh.get(key) == value, key
    # And the dialog opened again shows what was saved.
    again = PreferencesDialog(fresh, shipit_window)
    qtbot.addWidget(again)
    for key, value in wanted.items():
        assert value_of(again.fields[key]) == value, key


def test_cancel_changes_nothing(qtbot, shipit_window):
    from newsdesk.gui.preferences import PreferencesDialog, set_value

    settings = shipit_window.settings
    before = settings.get("editor/words_per_minute")
    dialog = PreferencesDialog(settings, shipit_window)
    qtbot.addWidget(dialog)
    set_value(dialog.fields["editor/words_per_minute"], before + 10)
    dialog.reject()
    assert settings.get("editor/words_per_minute") == before


def test_options_the_issue_asks_for_are_declared():
    keys = {o.key for o in OPTIONS}
    for key in (
        "editor/words_per_minute",
        "editor/headline_limit",
        "editor/standfirst_limit",
        "editor/autosave_seconds",
        "photos/caption_style",
        "spelling/languages",
        "appearance/theme",
        "user/role",
        "user/default_edition",
        "firstrun/done",
    ):
        assert key in keys


def test_a_hand_broken_settings_file_falls_back_to_defaults(shipit_dir, qtbot):
    from newsdesk.gui.settings import Settings

    shipit_dir.mkdir(parents=True, exist_ok=True)
    (shipit_dir / "settings.ini").write_text(
        "[editor]\nwords_per_minute=fast\n[spelling]\nlanguages=en, es\n", encoding="utf-8"
    )
    settings = Settings(shipit_dir)
    assert settings.words_per_minute == next(
        o.default for o in OPTIONS if o.key == "editor/words_per_minute"
    )
    assert settings.spelling_languages == ("en", " es") or settings.spelling_languages[0] == "en"


def test_sites_row_lists_sites_and_opens_the_site_dialog(qtbot, shipit_window):
    from newsdesk.gui.preferences import PreferencesDialog
    from newsdesk.gui.sync.site_dialog import SiteDialog

    dialog = PreferencesDialog(shipit_window.settings, shipit_window)
    qtbot.addWidget(dialog)
    assert "offline" in dialog.sites_label.text()
    site_dialog = dialog.add_site()
    assert isinstance(site_dialog, SiteDialog)
    site_dialog.reject()


def test_autosave_interval_reaches_the_editing_session(shipit_window):
    assert shipit_window.session.max_wait_ms == 1000
    shipit_window.settings.set("editor/autosave_seconds", 5)
    assert shipit_window.session.max_wait_ms == 5000
