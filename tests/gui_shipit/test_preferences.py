"""Preferences: one dialog generated from OPTIONS; every option round-trips; no secrets."""

from __future__ import annotations

from dataclasses import replace

from newsdesk.gui.settings import OPTIONS
from newsdesk.store.house import HOUSE_SETTINGS


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
    dialog = PreferencesDialog(shipit_window.context, shipit_window)
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
    again = PreferencesDialog(replace(shipit_window.context, settings=fresh), shipit_window)
    qtbot.addWidget(again)
    for key, value in wanted.items():
        assert value_of(again.fields[key]) == value, key


def test_cancel_changes_nothing(qtbot, shipit_window):
    from newsdesk.gui.preferences import PreferencesDialog, set_value

    settings = shipit_window.settings
    before = settings.get("editor/headline_limit")
    house = shipit_window.store.house.values()
    dialog = PreferencesDialog(shipit_window.context, shipit_window)
    qtbot.addWidget(dialog)
    set_value(dialog.fields["editor/headline_limit"], before + 10)
    set_value(dialog.house_fields["words_per_minute"], 333)
    dialog.reject()
    assert settings.get("editor/headline_limit") == before
    assert shipit_window.store.house.values() == house


def test_options_the_issue_asks_for_are_declared():
    keys = {o.key for o in OPTIONS}
    for key in (
        "editor/headline_limit",
        "editor/standfirst_limit",
        "editor/autosave_seconds",
        "spelling/languages",
        "appearance/theme",
        "user/role",
        "user/default_edition",
        "firstrun/done",
    ):
        assert key in keys
    # The newsroom's settings are the store's, not a person's.
    assert not keys & {"editor/words_per_minute", "photos/caption_style"}
    assert set(HOUSE_SETTINGS) == {"caption_style", "words_per_minute"}


def test_a_hand_broken_settings_file_falls_back_to_defaults(shipit_dir, qtbot):
    from newsdesk.gui.settings import Settings

    shipit_dir.mkdir(parents=True, exist_ok=True)
    (shipit_dir / "settings.ini").write_text(
        "[editor]\nheadline_limit=long\n[spelling]\nlanguages=en, es\n", encoding="utf-8"
    )
    settings = Settings(shipit_dir)
    assert settings.headline_limit == next(
        o.default for o in OPTIONS if o.key == "editor/headline_limit"
    )
    assert settings.spelling_languages == ("en", " es") or settings.spelling_languages[0] == "en"


def test_sites_row_lists_sites_and_opens_the_site_dialog(qtbot, shipit_window):
    from newsdesk.gui.preferences import PreferencesDialog
    from newsdesk.gui.sync.site_dialog import SiteDialog

    dialog = PreferencesDialog(shipit_window.context, shipit_window)
    qtbot.addWidget(dialog)
    assert "offline" in dialog.sites_label.text()
    site_dialog = dialog.add_site()
    assert isinstance(site_dialog, SiteDialog)
    site_dialog.reject()


def test_autosave_interval_reaches_the_editing_session(shipit_window):
    assert shipit_window.session.max_wait_ms == 1000
    shipit_window.settings.set("editor/autosave_seconds", 5)
    assert shipit_window.session.max_wait_ms == 5000


def test_newsroom_settings_are_saved_in_the_store_and_announced_once(qtbot, shipit_window):

    from newsdesk.gui.preferences import PreferencesDialog, set_value, value_of
    from newsdesk.ops import Changes
    from newsdesk.store import open_store

    window = shipit_window
    heard = []
    window.changes.changed.connect(lambda changes, initiator: heard.append(changes))
    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert value_of(dialog.house_fields["caption_style"]) == "parentheses"
    set_value(dialog.house_fields["caption_style"], "slash")
    set_value(dialog.house_fields["words_per_minute"], 240)
    dialog.house_words.setPlainText("Dahiyeh\n\nQalandia\n")
    dialog.accept()
    assert heard == [Changes(settings=True)]
    other = open_store(window.store.folder)  # e.g. the sync worker's, or the command line's
    assert other.house.values() == {"caption_style": "slash", "words_per_minute": "240"}
    assert other.house.words() == ["Dahiyeh", "Qalandia"]
    other.close()
    assert window.store.photos.caption_style == "slash"

    # Unchanged: nothing announced. A store value no longer valid is refused, nothing lost.
    again = PreferencesDialog(window.context, window)
    qtbot.addWidget(again)
    assert value_of(again.house_fields["words_per_minute"]) == 240
    assert again.house_words.toPlainText() == "Dahiyeh\nQalandia"
    again.accept()
    assert len(heard) == 1
