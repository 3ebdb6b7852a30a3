"""A big store stays instant: typing costs the paragraph typed in, searches run on a reader
of their own and the newest wins, and start-up leaves out what the first paint does not show."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

from guikeys import type_text
from PySide6.QtGui import QTextCursor


def _body(paragraphs: int, words: int = 60) -> str:
    return "\n\n".join(" ".join(f"w{p}x{i}" for i in range(words)) + "." for p in range(paragraphs))


def test_the_word_count_is_right_after_every_kind_of_edit(qtbot, window):
    from newsdesk.domain.text import word_count

    window.new_article()
    editor, body = window.editor, window.editor.body_edit
    body.set_text(_body(30))
    body.setFocus()

    def right() -> None:
        """The words shown (after the count's pause) are the domain's count of the text."""
        expected = f"{word_count(body.toPlainText()):,} words"
        qtbot.waitUntil(lambda: editor.stats_label.text().startswith(expected), timeout=3000)

    right()
    cursor = body.textCursor()
    cursor.setPosition(200)
    body.setTextCursor(cursor)
    type_text(body, " three more words\nand a new paragraph here")
    right()
    cursor.setPosition(100)
    cursor.setPosition(3000, QTextCursor.MoveMode.KeepAnchor)  # across paragraphs
    cursor.removeSelectedText()
    right()
    cursor.insertText("pasted\n\ntwo paragraphs, [a link](https://example.org) in one")
    right()
    body.undo()
    body.undo()
    right()
    body.selectAll()
    type_text(body, "x")
    right()
    assert editor.stats_label.text().startswith("1 words")


def test_a_key_in_a_long_body_counts_its_paragraph_not_the_whole_text(qtbot, window, monkeypatch):
    import newsdesk.domain.text as text_module
    import newsdesk.gui.editor.editor as editor_module

    window.new_article()
    editor, body = window.editor, window.editor.body_edit
    body.set_text(_body(200))  # 12,000 words
    body.setFocus()
    cursor = body.textCursor()
    cursor.setPosition(len(body.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    counted: list[int] = []
    real = text_module.word_count

    def spy(text: str) -> int:
        counted.append(len(text))
        return real(text)

    # Wherever the editor's counting takes its word_count from.
    for module in (editor_module, sys.modules.get("newsdesk.gui.editor.word_tally")):
        if module is not None and hasattr(module, "word_count"):
            monkeypatch.setattr(module, "word_count", spy)
    type_text(body, " more")
    qtbot.wait(400)  # past the count's pause
    qtbot.waitUntil(lambda: "12,001 words" in editor.stats_label.text())
    assert counted, "the count followed the keys"
    assert max(counted) < 1_000  # one paragraph (~600 characters), never the 80 KB body


def test_a_search_waits_on_the_reader_never_on_the_key_and_only_the_newest_shows(qtbot, tmp_path):
    from newsdesk.domain.article import Article
    from newsdesk.gui import tasks
    from newsdesk.gui.articles.pane import ArticleListPane
    from newsdesk.store import open_store

    tasks.set_synchronous(False)
    store = open_store(tmp_path / "store")
    store.articles.create(Article(headline="Harbour cranes idle", body="harbour"))
    store.articles.create(Article(headline="Quayside reopens", body="quayside"))
    pane = ArticleListPane(store)
    qtbot.addWidget(pane)
    shown: list[str] = []
    pane.model.modelReset.connect(lambda: shown.append(pane.model.query.text))
    release = threading.Event()
    # The reader busy with a slow read: the searches typed meanwhile queue behind it.
    pane.reader.latest("other", lambda _store: release.wait(10), lambda _r: None)
    pane.search_box.setText("harbour")
    pane.apply_query()  # returns at once: the key is never held up by the search
    pane.search_box.setText("quaysi")
    pane.apply_query()
    assert pane.search_pending() and shown == []
    release.set()
    qtbot.waitUntil(lambda: not pane.search_pending(), timeout=5000)
    qtbot.wait(50)  # anything stale that was still to come
    assert shown == ["quaysi"]  # the older query's rows never reached the screen
    assert pane.model.rowCount() == 1
    assert pane.model.index(0, 0).data() == "Quayside reopens"
    pane.close_reader()
    store.close()


def test_a_running_read_is_interrupted_when_a_newer_one_is_asked(qtbot, tmp_path):
    from newsdesk.gui import tasks
    from newsdesk.gui.reader import Reader
    from newsdesk.store import open_store

    tasks.set_synchronous(False)
    open_store(tmp_path / "store").close()
    reader = Reader(tmp_path / "store")
    started = threading.Event()
    answers: list[object] = []
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"

    def slow(store):  # type: ignore[no-untyped-def]
        started.set()
        return store.conn.execute(endless).fetchone()

    reader.latest("search", slow, answers.append)
    assert started.wait(10)
    reader.latest("search", lambda store: "newest", answers.append)
    qtbot.waitUntil(lambda: not reader.pending("search"), timeout=10_000)
    assert answers == ["newest"]
    reader.close()


def test_the_bylines_scan_runs_off_the_main_thread(qtbot, window, monkeypatch):
    import newsdesk.gui.notify as notify
    from newsdesk.gui import tasks

    tasks.set_synchronous(False)
    notifier = window.notifier
    main = threading.get_ident()
    threads: list[int] = []
    real = notify.connect

    def spy(path):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(path)

    monkeypatch.setattr(notify, "connect", spy)
    monkeypatch.setattr(notifier, "user", lambda: "Rosa Díaz")
    notifier.load()
    qtbot.waitUntil(lambda: notifier.loaded, timeout=10_000)
    assert threads and main not in threads


def test_start_up_leaves_out_what_the_first_paint_does_not_show(tmp_path):
    """In a fresh process: the window painted, and the import/export converters, the sync
    engine, the other desks, QtWebEngine's view, the preview's render (Markdown parser,
    Jinja2), the first-run guide's forms and the schema's migrations are not loaded yet
    (a store made, and seeded with the samples, on an earlier start)."""
    from newsdesk.app import open_and_recover

    store, _recovery = open_and_recover(tmp_path / "store")
    store.close()
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        from pathlib import Path
        from PySide6.QtCore import QEvent, QObject, QTimer
        from newsdesk.app import application, start
        app = application()
        window = start(Path({str(tmp_path / "store")!r}))
        seen = {{}}
        class FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and not seen:
                    seen.update((m, m in sys.modules) for m in (
                        "markdownify", "bs4", "newsdesk.sync.engine", "newsdesk.photos.importer",
                        "newsdesk.gui.queue.desk", "PySide6.QtWebEngineWidgets",
                        "markdown_it", "jinja2", "importlib.metadata",
                        "newsdesk.ui.firstrun_who_page_ui", "newsdesk.store.migrations.m0001_core"))
                    seen["web"] = window.preview.web is not None
                    QTimer.singleShot(0, app.quit)
                return False
        watch = FirstPaint()
        window.editor.body_edit.viewport().installEventFilter(watch)
        app.exec()
        print(sorted(k for k, v in seen.items() if v))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_long_body_is_coloured_on_screen_first_then_all_and_keys_still_colour(qtbot, window):
    from PySide6.QtGui import QFont

    window.new_article()
    body = window.editor.body_edit
    lines = [f"## Heading {i}" if i % 10 == 0 else f"plain words **bold {i}**" for i in range(800)]
    body.set_text("\n".join(lines))
    document = body.document()

    def weights(number: int) -> set[int]:
        formats = document.findBlockByNumber(number).layout().formats()
        return {f.format.fontWeight() for f in formats}

    bold = QFont.Weight.Bold.value
    first, last = body.blocks_on_screen()
    assert first == 0 and 5 < last < 200, (first, last)
    # The paragraphs on screen are coloured at once, and only those: the rest wait. (Bold
    # sub-heads take more room than the plain text did: a line or two fewer fit now.)
    coloured = [n for n in range(800) if bold in weights(n)]
    assert coloured == list(range(len(coloured))), coloured
    assert last < len(coloured) <= last + 3, (last, len(coloured))
    assert weights(790) == set()  # the far end of the text is not coloured yet ...
    # ... but soon is, to the last line (slice by slice: 790 may come a slice before 799)
    qtbot.waitUntil(lambda: bold in weights(790) and bold in weights(799), timeout=10_000)
    # A key re-colours its own paragraph as before: a plain line becomes a sub-head.
    cursor = QTextCursor(document.findBlockByNumber(795))
    body.setTextCursor(cursor)
    body.setFocus()
    type_text(body, "## ")
    formats = document.findBlockByNumber(795).layout().formats()
    assert any(f.start == 0 and f.length == len(lines[795]) + 3 for f in formats)


def test_a_long_body_read_against_its_edition_opens_coloured_on_screen_first(
    qtbot, window, monkeypatch
):
    """English in the Arabic edition, opened after an English-edition story: every
    paragraph turns left to right, and still only those on screen are coloured at once
    (the direction was set after the text, and each turned paragraph was coloured and
    spell-checked again there and then: ~300 ms for 10,000 words)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont

    from newsdesk.domain.article import Article

    store = window.store
    lines = [f"plain words **bold {i}**" for i in range(800)]
    english = store.articles.create(Article(headline="Short", edition="en", body="Hello."))
    arabic = store.articles.create(Article(headline="Long", edition="ar", body="\n".join(lines)))
    editor = window.editor
    document = editor.body_edit.document()

    def weights(number: int) -> set[int]:
        formats = document.findBlockByNumber(number).layout().formats()
        return {f.format.fontWeight() for f in formats}

    at_once: list[set[int]] = []
    load = editor.load

    def load_and_look(article):  # type: ignore[no-untyped-def]
        load(article)
        if article.id == arabic.id:
            at_once.append(weights(790))

    monkeypatch.setattr(editor, "load", load_and_look)
    assert window.session.open(english.id)
    assert window.session.open(arabic.id)
    qtbot.waitUntil(lambda: bool(at_once))
    body = editor.body_edit
    assert body.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the edition's
    assert not body.block_rtl(0) and not body.block_rtl(799)  # English reads left to right
    bold = QFont.Weight.Bold.value
    assert at_once == [set()]  # the far end was not coloured as it opened ...
    qtbot.waitUntil(lambda: bold in weights(790), timeout=10_000)  # ... but soon after
