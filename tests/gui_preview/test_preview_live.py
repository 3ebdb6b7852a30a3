"""Following the editor as one types; scroll follows the edited part; the simple fallback."""

from __future__ import annotations

import time

import pytest
from preview_helpers import page_html, run_js, wait_loaded
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from newsdesk.domain.article import Article


def type_keys(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """One QKeyEvent per character carrying its text (keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            if ch == "\n":
                key = Qt.Key.Key_Return
            elif ch.isascii() and ch.isalnum():
                key = Qt.Key(ord(ch.upper()))
            else:
                key = Qt.Key.Key_unknown
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def desk(qtbot, newsroom, pane):
    """The real reporter's editor beside the preview, as the main window lays them out."""
    from newsdesk.gui.editor.editor import ArticleEditor

    store, room = newsroom
    editor = ArticleEditor(store)
    host = QWidget()
    row = QHBoxLayout(host)
    row.addWidget(editor)
    row.addWidget(pane)
    qtbot.addWidget(host)
    host.resize(1800, 1000)
    host.show()
    qtbot.waitExposed(host)
    pane.follow(editor)
    yield editor, pane, room
    host.close()


def test_preview_follows_typing_in_the_editor(qtbot, desk):
    editor, pane, room = desk
    with qtbot.waitSignal(pane.pageLoaded, timeout=15000):
        editor.load(room.articles["es"])
    body = editor.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_keys(body, "\n\nÚltima hora: el recuento avanza sin incidentes")
    last_key = time.perf_counter()
    with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
        pass
    elapsed = time.perf_counter() - last_key
    assert "Última hora: el recuento avanza sin incidentes" in page_html(qtbot, pane)
    assert elapsed < 1.0, f"preview took {elapsed:.2f} s after the last key"
    # one render for the whole burst of typing (plus the one for opening)
    assert pane._generation == 2
    # the update swapped the body in place: no second navigation, no blank flash
    assert (pane.web.load_count, pane.web.patch_count) == (1, 1)


def test_typing_arabic_updates_the_rtl_page(qtbot, desk):
    editor, pane, room = desk
    with qtbot.waitSignal(pane.pageLoaded, timeout=15000):
        editor.load(room.articles["ar"])
    editor.headline_edit.setFocus()
    editor.headline_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_keys(editor.headline_edit, " عاجل")
    with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
        pass
    assert "وسط موجة جفاف عاجل" in page_html(qtbot, pane)


def test_scroll_follows_the_part_being_edited(qtbot, pane, newsroom):
    paragraphs = [f"Paragraph {n} " + "words " * 60 for n in range(60)]
    article = Article(headline="Long story", body="\n\n".join(paragraphs))
    last_line = 2 * 59
    pane.show_article(article, cursor_line=last_line, cursor_fraction=0.5)
    wait_loaded(qtbot, pane)
    qtbot.waitUntil(lambda: pane.web.scroll_y() > 2000, timeout=5000)
    deep = pane.web.scroll_y()
    pane.show_article(article, cursor_line=2 * 30, cursor_fraction=0.5)
    wait_loaded(qtbot, pane)
    qtbot.waitUntil(lambda: 500 < pane.web.scroll_y() < deep - 500, timeout=5000)
    pane.show_article(article, cursor_line=0, cursor_fraction=0.3)
    wait_loaded(qtbot, pane)
    qtbot.waitUntil(lambda: pane.web.scroll_y() < 400, timeout=5000)


def test_reader_keeps_their_place_when_no_cursor_is_known(qtbot, pane):
    article = Article(headline="Long", body="\n\n".join("Para " + "w " * 80 for _ in range(80)))
    pane.show_article(article, cursor_line=2 * 60, cursor_fraction=0.2)
    wait_loaded(qtbot, pane)
    qtbot.waitUntil(lambda: pane.web.scroll_y() > 2000, timeout=5000)
    before = pane.web.scroll_y()
    article.headline = "Long, retitled"
    pane.show_article(article)  # no cursor: keep the proportional position
    wait_loaded(qtbot, pane)
    qtbot.waitUntil(lambda: abs(pane.web.scroll_y() - before) < 300, timeout=5000)


def test_without_webengine_a_simple_view_says_so_and_still_previews(
    qtbot, newsroom, monkeypatch, artifacts_dir
):
    from newsdesk.gui.preview.pane import NO_WEBENGINE_ENV, PreviewPane

    monkeypatch.setenv(NO_WEBENGINE_ENV, "1")
    store, room = newsroom
    pane = PreviewPane(store)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.web is None and pane.fallback is not None
    assert pane.notice.isVisible()
    assert "full preview (QtWebEngine) is not available" in pane.notice.text()
    with qtbot.waitSignal(pane.rendered, timeout=10000):
        pane.show_article(room.articles["en"])
        pane.render_now()
    text = pane.fallback.toPlainText()
    assert "full preview (QtWebEngine) is not available" in pane.notice.text()  # still said
    assert "Port talks resume as fuel shortages spread along the coast" in text
    assert "Related News" in text
    assert pane.fallback.refused == []  # only newsdesk: photos were asked for
    pane.resize(900, 1300)
    qtbot.wait(100)
    pane.grab().save(str(artifacts_dir / "preview-fallback-en.png"))
    with pytest.raises(RuntimeError, match="PDF export needs QtWebEngine"):
        pane.export_pdf("/tmp/never.pdf")


def test_a_dead_renderer_switches_to_the_simple_view(qtbot, pane, newsroom):
    from PySide6.QtWebEngineCore import QWebEnginePage

    pane.show_article(newsroom[1].articles["en"])
    wait_loaded(qtbot, pane)
    status = QWebEnginePage.RenderProcessTerminationStatus.CrashedTerminationStatus
    pane.web.page.renderProcessTerminated.emit(status, 11)
    assert pane.web is None and pane.fallback is not None
    assert "full preview stopped" in pane.notice.text() and pane.notice.isVisible()
    assert "Port talks resume" in pane.fallback.toPlainText()
    with qtbot.waitSignal(pane.rendered, timeout=10000):
        pane.show_article(newsroom[1].articles["es"])
        pane.render_now()
    assert "Jornada de votación" in pane.fallback.toPlainText()
    assert "full preview stopped" in pane.notice.text()


def test_without_qtwebengine_installed_the_app_still_previews(tmp_path):
    """QtWebEngine missing altogether (not importable): registering does nothing and
    the pane uses its simple view. In a fresh process, so the imports are real."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        f"""
        import sys
        for name in ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"):
            sys.modules[name] = None  # as if the library were not installed
        from newsdesk.gui.preview import register_scheme
        assert register_scheme() is False
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from newsdesk.store import open_store
        from newsdesk.domain.article import Article
        from newsdesk.gui.preview.pane import PreviewPane
        store = open_store({str(tmp_path / "store")!r})
        pane = PreviewPane(store)
        assert pane.web is None and pane.fallback is not None
        assert "not available" in pane.notice.text()
        pane.show_article(Article(headline="Still here", body="Text."))
        pane.render_now()
        for _ in range(200):
            app.processEvents()
            if "Still here" in pane.fallback.toPlainText():
                break
            import time; time.sleep(0.02)
        assert "Still here" in pane.fallback.toPlainText()
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_a_closed_store_is_reported_not_raised(qtbot, tmp_path):
    from newsdesk.gui.preview.pane import PreviewPane
    from newsdesk.store import open_store

    store = open_store(tmp_path / "store")
    pane = PreviewPane(store, use_webengine=False)
    qtbot.addWidget(pane)
    store.close()
    pane.show_article(Article(headline="Late", body="x"))
    pane.render_now()
    assert "could not read the store" in pane.notice.text()


def body_dom(qtbot, pane) -> str:  # type: ignore[no-untyped-def]
    return run_js(qtbot, pane, "document.title + '|' + document.body.innerHTML")


def test_typing_in_a_long_story_sends_the_edit_not_the_page(qtbot, desk):
    """Each update after the first is a splice of a few bytes, and the page it makes
    is exactly the page a fresh load of the same render shows."""
    editor, pane, room = desk
    scripts: list[int] = []
    article = room.articles["en"].copy()
    article.body = "\n\n".join(
        f"Paragraph {n}: " + "a sentence of the story " * 25 for n in range(300)
    )
    with qtbot.waitSignal(pane.pageLoaded, timeout=15000):
        editor.load(article)
    web = pane.web
    real_run = web.page.runJavaScript
    web.page.runJavaScript = lambda script, *args: (
        scripts.append(len(script)),
        real_run(script, *args),
    )
    body = editor.body_edit
    body.setFocus()

    def type_at(paragraph: int, text: str) -> None:
        cursor = body.textCursor()
        cursor.setPosition(body.document().findBlockByNumber(2 * paragraph).position())
        body.setTextCursor(cursor)
        with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
            type_keys(body, text)

    def same_as_a_fresh_load() -> None:
        patched = body_dom(qtbot, pane)
        web._patchable = False  # load the very same render whole, as a new page
        with qtbot.waitSignal(pane.pageLoaded, timeout=15000):
            web.show_page(pane.last_page)
        assert body_dom(qtbot, pane) == patched

    type_at(150, "Edited ")  # the first patch after a load carries the page
    assert "Edited Paragraph 150:" in body_dom(qtbot, pane)
    type_at(151, "Again ")  # the next ones only the edit
    assert web.splice_count == 1 and scripts[-1] < 4_000 < len(web.page_text or "")
    assert "Again Paragraph 151:" in body_dom(qtbot, pane)
    type_at(152, "Once more ")
    assert web.splice_count == 2 and scripts[-1] < 4_000
    same_as_a_fresh_load()

    type_at(60, "A line of its own\n")  # the same blocks, but the later ones' ids move on
    type_at(61, "w")
    same_as_a_fresh_load()
    type_at(100, "A new paragraph here\n\n")  # a new block too
    type_at(10, "x")
    assert "A new paragraph here" in body_dom(qtbot, pane)
    same_as_a_fresh_load()

    cursor = body.textCursor()  # a whole paragraph cut out
    start = body.document().findBlockByNumber(40)
    cursor.setPosition(start.position())
    cursor.setPosition(body.document().findBlockByNumber(42).position(), cursor.MoveMode.KeepAnchor)
    with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
        cursor.removeSelectedText()
    type_at(5, "y")
    assert "Paragraph 20:" not in body_dom(qtbot, pane)
    same_as_a_fresh_load()

    with qtbot.waitSignal(pane.pageLoaded, timeout=10000):
        editor.headline_edit.setText("A long story, retitled")
    type_at(7, "z")
    assert body_dom(qtbot, pane).startswith("A long story, retitled|")
    same_as_a_fresh_load()
