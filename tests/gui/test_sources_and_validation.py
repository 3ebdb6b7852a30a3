"""Sources with attribution and an attached file; validation speaks in words and keeps the text."""

from __future__ import annotations

from pathlib import Path

from guikeys import press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel


def test_attach_a_source_with_a_file(qtbot, window, tmp_path, monkeypatch):
    pdf = tmp_path / "ministry statement.pdf"
    pdf.write_bytes(b"%PDF-1.4 statement of the ministry\n%%EOF\n")
    press(qtbot, window.list_pane.table, "Ctrl+N")
    type_text(window.editor.headline_edit, "Ministry confirms port deal")
    panel = window.findChild(QGroupBox, "sourcesPanel")
    assert panel.accessibleName() == "Sources"
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert window.focusWidget() is panel.name_edit
    type_text(panel.name_edit, "Ministère de la Santé")
    panel.url_edit.setFocus()
    type_text(panel.url_edit, "https://sante.example.org/communiqué")
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("official statement"))
    qtbot.mouseClick(panel.attribution_check, Qt.MouseButton.LeftButton)
    type_text(panel.notes_edit, "Call back the press office (Léa).")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    assert panel.file_label.text() == "ministry statement.pdf"
    press(qtbot, panel.name_edit, "Ctrl+S")

    saved = window.store.articles.get(window.editor.article_id)
    [source] = saved.sources
    assert source.name == "Ministère de la Santé"
    assert source.url == "https://sante.example.org/communiqué"
    assert source.kind == "official statement"
    assert source.attribution is True
    assert source.notes == "Call back the press office (Léa)."
    kept = window.store.folder / source.file_path
    assert kept.read_bytes() == pdf.read_bytes()
    assert not Path(source.file_path).is_absolute()
    assert saved.attribution_names == ["Ministère de la Santé"]
    assert panel.title() == "Sources (1)"
    # Searchable by the source's name.
    assert [r["id"] for r in window.store.search.query("ministère")] == [saved.id]


def test_attaching_a_missing_file_says_why(qtbot, window, tmp_path):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    panel = window.editor.sources_panel
    panel.add_source()
    type_text(panel.name_edit, "AP")
    panel.attach(tmp_path / "gone.mp3")
    assert "gone.mp3: no such file" in window.statusBar().currentMessage()
    assert panel.sources()[0].file_path == ""
    assert panel.sources()[0].name == "AP"


def test_malformed_url_is_reported_and_kept(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    panel = window.editor.sources_panel
    panel.add_source()
    type_text(panel.name_edit, "Haaretz")
    panel.url_edit.setFocus()
    type_text(panel.url_edit, "haaretz com/article")
    problem = window.findChild(QLabel, "sourceUrlProblem")
    assert problem.isVisible()
    assert "must start with http:// or https://" in problem.text()
    press(qtbot, panel.url_edit, "Ctrl+S")
    saved = window.store.articles.get(window.editor.article_id)
    assert saved.sources[0].url == "haaretz com/article"  # nothing typed is discarded
    panel.url_edit.selectAll()
    type_text(panel.url_edit, "https://www.haaretz.com/a")
    assert not problem.isVisible()


def test_headline_and_standfirst_problems_in_words(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    editor = window.editor
    problem = window.findChild(QLabel, "headlineProblem")
    assert problem.isVisible() and problem.text() == "The headline is empty."
    type_text(editor.headline_edit, "Short")
    assert not problem.isVisible()
    long_headline = "Très long titre " * 8
    editor.headline_edit.selectAll()
    type_text(editor.headline_edit, long_headline)
    assert problem.isVisible()
    assert f"has {len(long_headline.strip())} characters; the limit is 110" in problem.text()
    assert editor.headline_edit.text() == long_headline  # kept as typed
    assert window.findChild(QLabel, "headlineCount").text() == f"{len(long_headline.strip())}/110"

    # The limits are settings.
    window.settings.set("editor/headline_limit", 200)
    assert not problem.isVisible()
    window.settings.set("editor/standfirst_limit", 40)
    editor.standfirst_edit.setFocus()
    type_text(editor.standfirst_edit, "Une phrase qui dépasse largement quarante caractères.")
    standfirst_problem = window.findChild(QLabel, "standfirstProblem")
    assert standfirst_problem.isVisible()
    assert "the limit is 40" in standfirst_problem.text()
    press(qtbot, editor.standfirst_edit, "Ctrl+S")
    assert window.store.articles.get(editor.article_id).standfirst.startswith(
        "Une phrase qui dépasse"
    )


def test_dropping_a_file_on_the_panel_attaches_it(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    audio = tmp_path / "interview-ahmad.m4a"
    audio.write_bytes(b"\x00\x00\x00\x20ftypM4A fake but bytes are bytes")
    press(qtbot, window.list_pane.table, "Ctrl+N")
    panel = window.editor.sources_panel
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(audio))])
    enter = QDragEnterEvent(
        QPoint(20, 20),  # Qt 6 takes a QPoint here, a QPointF for the drop
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()  # the panel takes files
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, drop)
    [source] = panel.sources()  # a source was created for it
    assert source.file_path.endswith("interview-ahmad.m4a")
    assert (window.store.folder / source.file_path).read_bytes() == audio.read_bytes()


def test_insert_photo_reference_by_uuid(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    body = window.editor.body_edit
    body.setFocus()
    type_text(body, "First paragraph.")
    body.insert_photo("3f2c0d1e-aaaa-bbbb-cccc-1234567890ab", "Crowds [at] the port")
    type_text(body, "After the photo.")
    assert body.toPlainText() == (
        "First paragraph.\n\n![Crowds (at) the port](photo:3f2c0d1e-aaaa-bbbb-cccc-1234567890ab)\n\nAfter the photo."
    )


def test_background_work_really_runs_off_the_ui_thread(qtbot, window, tmp_path, monkeypatch):
    """Attaching and counting a long body through the real thread pool, results on the UI thread."""
    import threading

    from newsdesk.gui import tasks
    from newsdesk.store import attachments

    tasks.set_synchronous(False)
    seen_threads = []
    real_attach = attachments.attach_file

    def spying_attach(store, path):  # type: ignore[no-untyped-def]
        seen_threads.append(threading.current_thread() is threading.main_thread())
        return real_attach(store, path)

    import newsdesk.gui.editor.sources_panel as panel_module

    monkeypatch.setattr(panel_module, "attach_file", spying_attach)
    try:
        photo = tmp_path / "scene.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
        press(qtbot, window.list_pane.table, "Ctrl+N")
        panel = window.editor.sources_panel
        panel.add_source()
        type_text(panel.name_edit, "Témoin")
        panel.attach(photo)
        qtbot.waitUntil(lambda: panel.file_label.text() == "scene.jpg", timeout=5000)
        assert seen_threads == [False]  # copied on a worker thread

        long_body = "palabra " * 6000  # over the in-thread limit: counted in the pool
        window.editor.body_edit.setPlainText(long_body)
        qtbot.waitUntil(
            lambda: window.editor.stats_label.text().startswith("6,000 words"), timeout=5000
        )
    finally:
        tasks.set_synchronous(True)
