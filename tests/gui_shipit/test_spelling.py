"""As-you-type spell checking in the real editor: three languages, menu, dictionary, tags."""

from __future__ import annotations

import time

import pytest
from shipit_keys import all_underlined, commit_text, type_keys, underlined

WAIT_MS = 30_000  # the Arabic dictionary takes several seconds to load, once


def _new_article(window, edition: str) -> None:
    window.new_article()
    combo = window.editor.edition_combo
    combo.setCurrentIndex(combo.findData(edition))
    assert window.editor.spelling.layers["body"].language == edition


def _type_body(window, text: str, *, ime: bool = False) -> None:
    body = window.editor.body_edit
    body.setFocus()
    (commit_text if ime else type_keys)(body, text)


@pytest.mark.parametrize(
    ("edition", "text", "wrong", "ime"),
    [
        ("en", "The goverment said the port talks wil resume", ["goverment", "wil"], False),
        ("es", "El gobierno anunció nuevas elecsiones para marzo", ["elecsiones"], False),
        ("ar", "قالت الحكومه إن المياة ستعود غدا", ["الحكومه", "المياة"], True),
    ],
)
def test_misspellings_are_underlined_as_you_type(
    qtbot, shipit_window, spelling, edition, text, wrong, ime
):
    _new_article(shipit_window, edition)
    _type_body(shipit_window, text, ime=ime)
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: sorted(all_underlined(body)) == sorted(wrong), timeout=WAIT_MS)
    # Correct words of the same sentence stay clean.
    assert not set(all_underlined(body)) - set(wrong)


def test_headline_and_standfirst_are_checked_too(qtbot, shipit_window, spelling):
    _new_article(shipit_window, "en")
    editor = shipit_window.editor
    editor.headline_edit.setFocus()
    type_keys(editor.headline_edit, "Port talkz collapse")
    editor.standfirst_edit.setFocus()
    type_keys(editor.standfirst_edit, "Negotiators walkd out on Tuesday")
    qtbot.waitUntil(lambda: all_underlined(editor.headline_edit) == ["talkz"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all_underlined(editor.standfirst_edit) == ["walkd"], timeout=WAIT_MS)


def test_arabic_punctuation_separates_words(qtbot, shipit_window, spelling):
    _new_article(shipit_window, "ar")
    # Comma, semicolon and question mark in Arabic script, with no space after them.
    _type_body(shipit_window, "الحكومة،المياه؛الحكومه؟", ime=True)
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["الحكومه"], timeout=WAIT_MS)
    from newsdesk.gui.spellcheck.highlighter import words_to_check

    assert [w for _, _, w in words_to_check("الحكومة،المياه؛الحكومه؟")] == [
        "الحكومة",
        "المياه",
        "الحكومه",
    ]


def test_harakat_stay_inside_the_word(shipit_window, spelling):
    from newsdesk.gui.spellcheck.highlighter import words_to_check

    assert [w for _, _, w in words_to_check("مُحَمَّد قال")] == ["مُحَمَّد", "قال"]


def test_markdown_link_targets_and_photo_references_are_not_checked():
    from newsdesk.gui.spellcheck.highlighter import words_to_check

    text = "See [the reprot](https://exmaple.org/xyzzy) and ![alt](photo:3f2cabcdef)"
    assert [w for _, _, w in words_to_check(text)] == ["See", "the", "reprot", "and", "alt"]


def test_right_click_offers_suggestions_that_replace_the_word(qtbot, shipit_window, spelling):
    from newsdesk.gui.spellcheck.menu import suggestion_actions

    _new_article(shipit_window, "en")
    _type_body(shipit_window, "The goverment fell")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["goverment"], timeout=WAIT_MS)
    menu_helper = spelling.menus["body"]
    cursor = body.textCursor()
    cursor.setPosition(6)  # inside "goverment"
    pos = body.cursorRect(cursor).center()
    menu = menu_helper.build_menu(pos)
    qtbot.waitUntil(lambda: len(suggestion_actions(menu)) > 0, timeout=WAIT_MS)
    texts = [a.text() for a in suggestion_actions(menu)]
    assert "government" in texts
    assert any(a.objectName() == "addToDictionary" for a in menu.actions())
    # The ordinary edit commands are still there below.
    assert any("Copy" in a.text() for a in menu.actions())
    next(a for a in suggestion_actions(menu) if a.text() == "government").trigger()
    assert body.toPlainText() == "The government fell"
    qtbot.waitUntil(lambda: all_underlined(body) == [], timeout=WAIT_MS)
    body.undo()  # one undo step puts the word back
    assert body.toPlainText() == "The goverment fell"


def test_add_to_dictionary_keeps_the_word_in_the_data_folder(
    qtbot, shipit_window, spelling, shipit_dir
):
    _new_article(shipit_window, "en")
    _type_body(shipit_window, "Minister Qarawi spoke")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["Qarawi"], timeout=WAIT_MS)
    cursor = body.textCursor()
    cursor.setPosition(11)
    menu = spelling.menus["body"].build_menu(body.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.objectName() == "addToDictionary").trigger()
    qtbot.waitUntil(lambda: all_underlined(body) == [], timeout=WAIT_MS)
    saved = (shipit_dir / "personal-dictionary.txt").read_text(encoding="utf-8")
    assert "Qarawi" in saved.splitlines()
    # A new session (a fresh service on the same folder) knows it too.
    from newsdesk.gui.spellcheck.service import SpellingService

    assert SpellingService(shipit_dir).is_known_now("Qarawi", "en")


def test_tag_names_become_known_words(qtbot, shipit_window, spelling):
    _new_article(shipit_window, "en")
    _type_body(shipit_window, "Talks in Zawiyah with Haftarov ended")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(
        lambda: sorted(all_underlined(body)) == ["Haftarov", "Zawiyah"], timeout=WAIT_MS
    )
    editor = shipit_window.editor
    editor.tags_edit.setText("Zawiyah, Ivan Haftarov")
    editor.tags_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: all_underlined(body) == [], timeout=WAIT_MS)


def test_store_tags_are_known_from_the_start(qtbot, shipit_window, shipit_dir):
    from newsdesk.gui.spellcheck.service import SpellingService

    shipit_window.store.tags.ensure("Benyamina Oukrif")
    service = SpellingService(shipit_dir)
    service.set_tag_names(shipit_window.store.tags.all_names())
    assert service.status("Oukrif", "en") is True
    assert service.is_known_now("Benyamina", "en")
    assert not service.is_known_now("Oukrifz", "en")


def test_spelling_languages_setting_turns_a_language_off(qtbot, shipit_window, spelling):
    _new_article(shipit_window, "es")
    _type_body(shipit_window, "Las elecsiones ")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["elecsiones"], timeout=WAIT_MS)
    shipit_window.settings.set("spelling/languages", "en,ar")
    qtbot.waitUntil(lambda: all_underlined(body) == [], timeout=WAIT_MS)


def test_underline_keeps_the_markdown_formats(qtbot, shipit_window, spelling):
    from PySide6.QtGui import QFont

    _new_article(shipit_window, "en")
    _type_body(shipit_window, "A **bolld** claim")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["bolld"], timeout=WAIT_MS)
    block = body.document().firstBlock()
    ranges = [f for f in block.layout().formats() if f.start == block.text().index("bolld")]
    assert ranges and ranges[0].format.fontWeight() == QFont.Weight.Bold
    assert underlined(block) == ["bolld"]


def test_the_word_being_typed_waits_until_the_cursor_leaves_it(qtbot, shipit_window, spelling):
    _new_article(shipit_window, "en")
    _type_body(shipit_window, "Talks wer")
    body = shipit_window.editor.body_edit
    service = spelling.service
    qtbot.waitUntil(lambda: service.pending() == 0, timeout=WAIT_MS)
    qtbot.wait(100)
    assert all_underlined(body) == []  # "wer" is still being typed
    assert "wer" not in service._asked.get("en", set())  # and was never looked up
    type_keys(body, "ee tired")
    qtbot.waitUntil(lambda: all_underlined(body) == ["weree"], timeout=WAIT_MS)
    # Leaving a word by moving the cursor (not typing a space) checks it too.
    type_keys(body, " speling")
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    qtbot.waitUntil(lambda: all_underlined(body) == ["weree", "speling"], timeout=WAIT_MS)


def test_underlining_is_not_an_edit(qtbot, shipit_window, spelling):
    """Qt's rehighlight emits contentsChanged; the editor must not take it for typing."""
    from newsdesk.domain.article import Article

    store = shipit_window.store
    article = Article(headline="Quiet test", body="The goverment and the ministre met.")
    article.edition = "en"
    store.articles.create(article, author="test", reason="create")
    shipit_window.list_pane.apply_query()
    edited = []
    shipit_window.editor.contentChanged.connect(lambda: edited.append(1))
    assert shipit_window.list_pane.select_article(article.id)
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(
        lambda: sorted(all_underlined(body)) == ["goverment", "ministre"], timeout=WAIT_MS
    )
    assert not shipit_window.editor.is_dirty
    assert edited == []
    spelling.service.add_to_dictionary("ministre")  # a redraw of everything: still no edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["goverment"], timeout=WAIT_MS)
    assert not shipit_window.editor.is_dirty and edited == []


def test_the_underline_goes_over_the_format_that_shows(qtbot, shipit_window, spelling):
    """A misspelt word in bold inside a link shows as the link shows it (the later
    format wins, as without spelling), underlined; a word spelt right beside it in the
    same format has no underline."""
    _new_article(shipit_window, "en")
    _type_body(shipit_window, "[see **bolld** words](https://example.org) now")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["bolld"], timeout=WAIT_MS)
    block = body.document().firstBlock()
    text = block.text()
    formats = sorted(block.layout().formats(), key=lambda f: f.start)

    def format_at(position: int):  # type: ignore[no-untyped-def]
        return next(f.format for f in reversed(formats) if f.start <= position)

    wrong, right = format_at(text.index("bolld")), format_at(text.index("words"))
    link_blue = body.highlighter.link.foreground().color()
    assert wrong.foreground().color() == right.foreground().color() == link_blue
    assert wrong.underlineStyle() == wrong.UnderlineStyle.SpellCheckUnderline
    assert right.underlineStyle() != right.UnderlineStyle.SpellCheckUnderline


def test_a_word_is_cut_where_the_formats_under_it_change():
    from PySide6.QtGui import QTextCharFormat

    from newsdesk.gui.spellcheck.highlighter import _stretches

    bold, link = QTextCharFormat(), QTextCharFormat()
    bold.setFontWeight(700)
    spans = [(0, 6, bold), (4, 20, link)]  # the link, set later, wins where they overlap
    assert _stretches(2, 10, spans) == [(2, 4, bold), (4, 10, link)]
    assert _stretches(22, 25, spans) == [(22, 25, None)]
    assert _stretches(0, 3, []) == [(0, 3, None)]


def test_the_dictionaries_are_read_in_a_process_of_their_own(
    qtbot, shipit_window, spelling, monkeypatch
):
    """Reading them is seconds of pure Python: the window's process never does it (a
    read there fails here), every editor asks the same child (each dictionary is read
    once), and a checking process that dies is started again."""
    import newsdesk.spelling
    from newsdesk.gui.spellcheck.service import SpellingService
    from newsdesk.spelling_process import shared

    def not_here(_stem: str) -> None:
        raise AssertionError("a dictionary was read in the window's process")

    monkeypatch.setattr(newsdesk.spelling, "load_dictionary", not_here)
    _new_article(shipit_window, "en")
    _type_body(shipit_window, "The goverment said ")
    body = shipit_window.editor.body_edit
    qtbot.waitUntil(lambda: all_underlined(body) == ["goverment"], timeout=WAIT_MS)
    process = spelling.service.process
    assert process is shared()
    other = SpellingService(shipit_window.settings.folder, ("en",))
    assert other.process is process  # another editor: the same child, no second read
    started = process.started
    process._process.kill()  # the checking process dies (killed, out of memory)
    process._process.join()
    _type_body(shipit_window, "talks wil resume ")
    qtbot.waitUntil(lambda: sorted(all_underlined(body)) == ["goverment", "wil"], timeout=WAIT_MS)
    assert process.started == started + 1


def test_stopping_while_a_dictionary_is_read_does_not_wait_for_it():
    """Stopping the checking process (at exit) must not wait for the request in flight:
    the child may be reading a dictionary for seconds, and the asking thread holds the
    pipe meanwhile (this froze the window as an editor closed)."""
    import threading

    from newsdesk.spelling_process import SpellingProcess

    process = SpellingProcess()
    asked: list[list[bool]] = []
    asking = threading.Thread(target=lambda: asked.append(process.known("ar", ["الحكومه"])))
    asking.start()
    deadline = time.monotonic() + 10
    while process._process is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process._lock.locked() and process._process is not None  # the child is reading
    stopping = threading.Thread(target=process.stop)
    stopping.start()
    stopping.join(timeout=5)
    assert not stopping.is_alive(), "stop() waited for the request in flight"
    asking.join(timeout=5)
    assert not asking.is_alive() and asked == [[True]]  # no answer: nothing flagged
    assert process.known("en", ["goverment"]) == [True]  # stopped: no child started again
    assert process.started == 1
