"""Captions on the photo desk are spell-checked as they are typed, like the body."""

from __future__ import annotations

from shipit_keys import all_underlined, commit_text, type_keys

WAIT_MS = 30_000


def _photo_desk(qtbot, window):
    assert window.show_desk("Photo desk")
    qtbot.waitUntil(lambda: window.desks.currentWidget().__class__.__name__ == "PhotoDesk")
    return window.desks.currentWidget()


def test_caption_misspellings_are_underlined_in_their_own_language(qtbot, shipit_window, spelling):
    desk = _photo_desk(qtbot, shipit_window)
    caption = desk.panel.caption
    caption.setEnabled(True)
    caption.setFocus()
    type_keys(caption, "Soldiers patrol near the Lebanonese border. ")
    qtbot.waitUntil(lambda: all_underlined(caption) == ["Lebanonese"], timeout=WAIT_MS)
    caption.clear()
    commit_text(caption, "جنود الجيش اللبناني قرب الحدوده ")
    qtbot.waitUntil(lambda: all_underlined(caption) == ["الحدوده"], timeout=WAIT_MS)
