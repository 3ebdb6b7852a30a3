"""Preferences and Sections/regions/tags write through the database worker.

The window runs as a person's does (no synchronous tasks). With the worker holding
the write lock (a long operation queued first), pressing OK or Add leaves the event
loop turning; the change lands once the worker is free, is announced once by the
runner, and another screen (the editor) follows from that announcement. A write
that fails says why in the dialog, which stays open with every field as it was.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QSpinBox

from held_worker import HeldWorker, Ticks
from newsdesk.domain.article import Article
from newsdesk.ops import Changes
from windows import shown_window

LONGEST_GAP_MS = 250  # the event loop's longest pause allowed while the write waits
LONGEST_CLICK_MS = 300


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", real_threads=True) as win:
        yield win


@pytest.fixture
def heard(window):
    said: list[tuple[Changes, object]] = []
    window.changes.changed.connect(lambda changes, initiator: said.append((changes, initiator)))
    return said


def open_preferences(qtbot, window):  # type: ignore[no-untyped-def]
    from newsdesk.gui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, button) -> float:  # type: ignore[no-untyped-def]
    """Click; how long the click's handler kept the main thread, ms."""
    start = time.perf_counter()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return (time.perf_counter() - start) * 1000


def ok_button(dialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def hold_worker(qtbot, window) -> HeldWorker:  # type: ignore[no-untyped-def]
    held = HeldWorker(window.runner, window)
    qtbot.waitUntil(held.held.is_set, timeout=5000)
    return held


def test_preferences_ok_waits_for_the_worker_without_blocking_the_window(
    qtbot, window, heard, monkeypatch
):
    from newsdesk.gui import preferences

    ran_on: list[int] = []
    real = preferences.set_house

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        ran_on.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(preferences, "set_house", spy)
    story = Article(headline="Long read", body=" ".join(["word"] * 570))
    window.store.articles.create(story, author="amal")
    assert window.session.open(story.id or 0)
    stats = window.editor.stats_label
    qtbot.waitUntil(lambda: stats.text().startswith("570 words"), timeout=5000)
    assert stats.text() != "570 words  ·  5 Min Read"

    held = hold_worker(qtbot, window)
    dialog = open_preferences(qtbot, window)
    dialog.findChild(QSpinBox, "words_per_minuteSetting").setValue(114)
    ticks = Ticks()
    ticks.start()
    click_ms = click(qtbot, ok_button(dialog))
    qtbot.waitUntil(lambda: ticks.count >= 20, timeout=5000)  # 200 ms of a turning loop
    # Still waiting for the worker: open, saying so, nothing announced yet.
    assert not held.release.is_set() and dialog.isVisible()
    assert dialog.message.text() == "Saving the newsroom's settings…"
    assert not ok_button(dialog).isEnabled() and heard == []

    held.release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    longest = ticks.stop()
    print(f"click {click_ms:.0f} ms; event loop's longest gap {longest} ms over {ticks.count}")
    assert click_ms < LONGEST_CLICK_MS and longest < LONGEST_GAP_MS, (click_ms, ticks.gaps)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ran_on and threading.get_ident() not in ran_on, "written on the database worker"
    assert heard == [(Changes(settings=True), dialog)], "announced once, by the runner"
    assert window.store.house.words_per_minute == 114
    # The editor follows from the announcement (the window relays it as HOUSE_CHANGED).
    qtbot.waitUntil(lambda: stats.text() == "570 words  ·  5 Min Read", timeout=5000)


def test_preferences_say_why_nothing_was_saved_and_keep_every_field(
    qtbot, window, heard, artifacts_dir
):
    from newsdesk.gui.preferences import set_value, value_of

    settings = window.settings
    limit = settings.get("editor/headline_limit")
    wpm = window.store.house.words_per_minute
    dialog = open_preferences(qtbot, window)
    dialog.resize(760, dialog.sizeHint().height())
    set_value(dialog.fields["editor/headline_limit"], limit + 7)
    set_value(dialog.house_fields["words_per_minute"], 114)
    style = dialog.house_fields["caption_style"]
    style.addItem("Credit in brackets", "brackets")  # a value the store refuses
    style.setCurrentIndex(style.count() - 1)
    click(qtbot, ok_button(dialog))
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not saved"), timeout=5000)
    dialog.grab().save(str(artifacts_dir / "preferences-not-saved.png"))
    assert "brackets" in dialog.message.text(), dialog.message.text()
    assert dialog.message.property("role") == "problem"
    assert dialog.isVisible() and ok_button(dialog).isEnabled()
    # Nothing lost in the dialog, nothing half-written: not the speed, not your own settings.
    assert value_of(style) == "brackets"
    assert value_of(dialog.house_fields["words_per_minute"]) == 114
    assert value_of(dialog.fields["editor/headline_limit"]) == limit + 7
    assert window.store.house.words_per_minute == wpm
    assert settings.get("editor/headline_limit") == limit
    assert heard == []

    set_value(style, "slash")  # put right: OK again saves it all
    click(qtbot, ok_button(dialog))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.store.house.values() == {"caption_style": "slash", "words_per_minute": "114"}
    assert settings.get("editor/headline_limit") == limit + 7
    assert [initiator for _changes, initiator in heard] == [dialog]


def test_a_locked_store_is_said_in_words(tmp_path):
    from newsdesk.gui.runner import failure_in_words

    path = tmp_path / "locked.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as raised:
        other.execute("INSERT INTO t VALUES (1)")
    holder.execute("ROLLBACK")
    text = failure_in_words(raised.value)
    assert text.startswith("the store stayed locked") and "nothing was written" in text


def open_taxonomy(qtbot, window):  # type: ignore[no-untyped-def]
    window.actions_by_name["taxonomy"].trigger()  # Tools ▸ Sections, regions and tags…
    dialog = window.findChild(QDialog, "taxonomyDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_section_added_while_the_worker_is_busy_lands_and_the_editor_offers_it(
    qtbot, window, heard
):
    dialog = open_taxonomy(qtbot, window)
    add = dialog.findChild(QPushButton, "addSectionButton")
    dialog.section_name.setText("Crónicas")
    held = hold_worker(qtbot, window)
    ticks = Ticks()
    ticks.start()
    click_ms = click(qtbot, add)
    qtbot.waitUntil(lambda: ticks.count >= 20, timeout=5000)
    assert not held.release.is_set()
    assert dialog.message.text() == "Saving…" and not add.isEnabled()
    assert "Crónicas" not in [
        dialog.section_list.item(i).text() for i in range(dialog.section_list.count())
    ]

    held.release.set()
    qtbot.waitUntil(lambda: dialog.message.text() == "Section added.", timeout=5000)
    longest = ticks.stop()
    print(f"click {click_ms:.0f} ms; event loop's longest gap {longest} ms over {ticks.count}")
    assert click_ms < LONGEST_CLICK_MS and longest < LONGEST_GAP_MS, (click_ms, ticks.gaps)
    assert add.isEnabled()
    assert dialog.section_list.findItems("Crónicas", Qt.MatchFlag.MatchExactly)
    [(changes, initiator)] = heard
    assert changes.taxonomy and initiator is dialog
    # The editor's section list followed the announcement.
    assert window.editor.section_combo.findData("Crónicas") >= 0


def test_a_section_name_taken_is_refused_in_words_and_the_name_kept(qtbot, window, heard):
    dialog = open_taxonomy(qtbot, window)
    taken = window.store.taxonomy.sections()[0]
    before = window.store.taxonomy.sections()
    dialog.section_name.setText(taken.upper())
    click(qtbot, dialog.findChild(QPushButton, "addSectionButton"))
    qtbot.waitUntil(lambda: dialog.message.text() != "Saving…", timeout=5000)
    assert "already" in dialog.message.text(), dialog.message.text()
    assert dialog.message.property("role") == "problem"
    assert dialog.isVisible() and dialog.section_name.text() == taken.upper()
    assert dialog.findChild(QPushButton, "addSectionButton").isEnabled()
    assert window.store.taxonomy.sections() == before and heard == []
