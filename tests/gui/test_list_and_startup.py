"""The article list (paging, sorting, filters) and starting up (bad stores, autosave timing)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from guikeys import press, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from newsdesk.domain.article import Article


def _fill(store, n: int) -> None:  # type: ignore[no-untyped-def]
    with store.atomic():
        for i in range(n):
            store.articles.create(
                Article(
                    headline=f"Story {i:03d}",
                    status="published" if i % 3 == 0 else "draft",
                    edition="es" if i % 5 == 0 else "en",
                    section="Articles" if i % 2 else "News",
                )
            )


def test_list_pages_sorts_and_filters(qtbot, window):
    store = window.store
    base = store.articles.count()
    _fill(store, 450)
    pane = window.list_pane
    pane.apply_query()
    model = pane.model
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    pane.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() >= 400)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 + base
    ids = [model.article_id(r) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # no row twice across pages

    header = pane.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=_section_centre(header, 0),
    )
    assert header.sortIndicatorSection() == 0
    first = [model.index(r, 0).data().removeprefix("● ") for r in range(model.rowCount())]
    assert first == sorted(first, key=str.casefold) and len(first) == 200
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    first = [model.index(r, 0).data().removeprefix("● ") for r in range(model.rowCount())]
    assert first == sorted(first, key=str.casefold, reverse=True)
    assert "Story 449" in first[: base + 1]

    status = window.findChild(QComboBox, "statusFilter")
    status.setCurrentIndex(status.findData("published"))
    edition = window.findChild(QComboBox, "editionFilter")
    edition.setCurrentIndex(edition.findData("es"))
    rows = [model.index(r, 1).data() for r in range(model.rowCount())]
    expected = len([i for i in range(450) if i % 3 == 0 and i % 5 == 0])
    assert rows == ["published"] * expected
    assert pane.count_label.text() == f"{expected} articles"


def _section_centre(header, section):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(section) + header.sectionSize(section) // 2,
        header.height() // 2,
    )


def test_new_article_appears_in_list_and_search_box_has_names(qtbot, window):
    from PySide6.QtWidgets import QLineEdit, QTableView

    for name in ("articleList", "searchBox"):
        widget = window.findChild(QTableView if name == "articleList" else QLineEdit, name)
        assert widget is not None and widget.accessibleName()
    for name in (
        "headlineEdit",
        "standfirstEdit",
        "bodyEdit",
        "bylineEdit",
        "tagsEdit",
        "sectionCombo",
        "editionCombo",
        "sourcesPanel",
    ):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    press(qtbot, window.list_pane.table, "Ctrl+N")
    assert window.list_pane.model.article_id(0) == window.editor.article_id
    assert window.list_pane.model.index(0, 0).data() == "(no headline yet)"


def test_section_choice_fills_subsections(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    editor = window.editor
    editor.section_combo.setCurrentIndex(editor.section_combo.findData("Articles"))
    subs = [editor.subsection_combo.itemData(i) for i in range(editor.subsection_combo.count())]
    assert subs == ["", "Opinion", "Analysis", "Blog", "Features"]
    editor.subsection_combo.setCurrentIndex(2)
    editor.regions_picker.toggle("MENA")
    editor.regions_picker.toggle("Europe")
    editor.breaking_check.click()
    type_text(editor.byline_edit, "Ana Núñez")
    type_text(editor.dateline_edit, "Bogotá")
    press(qtbot, editor.byline_edit, "Ctrl+S")
    saved = window.store.articles.get(editor.article_id)
    assert (saved.section, saved.subsection) == ("Articles", "Analysis")
    assert saved.regions == ["Europe", "MENA"]  # in the taxonomy's order
    assert saved.priority == 1 and saved.byline == "Ana Núñez" and saved.dateline == "Bogotá"
    assert editor.regions_picker.text() == "Europe, MENA"


def test_autosave_writes_within_a_second_while_typing(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    body = window.editor.body_edit
    body.setFocus()
    article_id = window.editor.article_id
    began = time.monotonic()
    # Continuous typing, never pausing long enough for the debounce alone.
    while window.store.autosaves.pending() != [article_id]:
        type_text(body, "x")
        qtbot.wait(50)
        assert time.monotonic() - began < 1.6, "nothing journalled after 1.6 s of typing"
    row = window.store.conn.execute("SELECT content FROM autosaves").fetchone()
    assert '"body": "x' in row[0]
    assert window.autosave_label.text().startswith("Autosaved")
    press(qtbot, body, "Ctrl+S")
    assert window.store.autosaves.pending() == []  # the revision replaces the journal


def test_closing_the_window_saves_a_revision(qtbot, data_dir):
    from newsdesk.app import build_window
    from newsdesk.store import open_store

    window = build_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    window.new_article()
    type_text(window.editor.headline_edit, "Cerrado sin guardar")
    article_id = window.editor.article_id
    window.close()
    window.store.close()
    store = open_store(data_dir)
    assert store.articles.get(article_id).headline == "Cerrado sin guardar"
    store.close()


def test_corrupt_store_is_reported_and_left_untouched(tmp_path):
    """The real `newsdesk` start: a message box, exit status 2, the file byte for byte."""
    folder = tmp_path / "store"
    folder.mkdir()
    junk = b"this is somebody's spreadsheet, not a database\n" * 50
    (folder / "newsdesk.db").write_bytes(junk)
    closer = (
        "import sys;from PySide6.QtCore import QTimer;from PySide6.QtWidgets import QApplication;"
        "from newsdesk.app import application, run_gui;app=application();"
        "seen=[];QTimer.singleShot(800, lambda: [seen.append(w.text()) or w.close() "
        "for w in app.topLevelWidgets() if w.objectName()=='storeErrorBox' and w.isVisible()]);"
        f"status=run_gui({str(folder)!r}, []);print('SEEN', seen);sys.exit(status)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", closer], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert "is not a SQLite database" in result.stderr
    assert "newsdesk.db" in result.stdout and "left it untouched" in result.stdout
    assert (folder / "newsdesk.db").read_bytes() == junk


def test_a_new_store_on_a_full_disk_is_reported_in_words(small_disk):
    """The real start on a disk too small for the store and its samples: no traceback."""
    for size in ("200k", "700k"):  # the schema does not fit; the schema fits, the samples not
        folder = small_disk(size) / "store"
        closer = (
            "import sys;from PySide6.QtCore import QTimer;"
            "from newsdesk.app import application, run_gui;app=application();"
            "seen=[];QTimer.singleShot(800, lambda: [seen.append(w.text()) or w.close() "
            "for w in app.topLevelWidgets() if w.objectName()=='storeErrorBox' and w.isVisible()]);"
            f"status=run_gui({str(folder)!r}, []);print('SEEN', seen);sys.exit(status)"
        )
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-c", closer], capture_output=True, text=True, env=env, timeout=120
        )
        said = f"The disk is full: cannot create the store at {folder / 'newsdesk.db'}."
        assert result.returncode == 2, (size, result.stderr)
        assert f"newsdesk: {said}\n" in result.stderr, (size, result.stderr)
        assert "Traceback" not in result.stderr
        assert f"SEEN [{said!r}]" in result.stdout, (size, result.stdout)


def test_store_from_newer_newsdesk_is_refused_untouched(tmp_path):
    import sqlite3

    from newsdesk.store import open_store

    folder = tmp_path / "store"
    open_store(folder).close()
    conn = sqlite3.connect(folder / "newsdesk.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = (folder / "newsdesk.db").read_bytes()
    closer = (
        "import sys;from PySide6.QtCore import QTimer;"
        "from newsdesk.app import application, run_gui;app=application();"
        "QTimer.singleShot(800, lambda: [w.close() for w in app.topLevelWidgets() "
        "if w.objectName()=='storeErrorBox']);"
        f"sys.exit(run_gui({str(folder)!r}, []))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", closer], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert "written by a newer Newsdesk" in result.stderr
    assert (folder / "newsdesk.db").read_bytes() == before


def test_failed_save_keeps_the_reporter_on_the_text(qtbot, window, monkeypatch):
    import sqlite3

    store = window.store
    a = store.articles.create(Article(headline="Stays open"))
    b = store.articles.create(Article(headline="Elsewhere"))
    window.list_pane.apply_query()
    window.list_pane.select_article(a.id)
    writer = window.runner.store  # saves run on the database worker's connection
    real_save = writer.articles.save

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(writer.articles, "save", full_disk)
    window.editor.body_edit.setFocus()
    type_text(window.editor.body_edit, "texte précieux")
    window.list_pane.select_article(b.id)  # the reporter clicks another story
    assert window.editor.article_id == a.id
    assert window.editor.body_edit.toPlainText() == "texte précieux"
    assert window.list_pane.current_article_id() == a.id
    assert "database or disk is full" in window.statusBar().currentMessage()
    assert store.autosaves.pending() == [a.id]  # the journal has it meanwhile

    monkeypatch.setattr(writer.articles, "save", real_save)
    window.list_pane.select_article(b.id)
    assert window.editor.article_id == b.id
    assert store.articles.get(a.id).body == "texte précieux"


def test_a_narrow_list_gives_the_headline_room_and_a_wide_one_shows_every_column(qtbot, window):
    from newsdesk.gui.articles.model import EDITION, HEADLINE, SECTION, STATUS, UPDATED
    from newsdesk.gui.articles.pane import MIN_HEADLINE_WIDTH

    pane = window.list_pane
    table = pane.table
    splitter = window.reporter_splitter
    total = sum(splitter.sizes())
    splitter.setSizes([300, total - 300, *splitter.sizes()[2:]][: splitter.count()])
    qtbot.waitUntil(lambda: table.isColumnHidden(SECTION), timeout=2000)
    # the header lays the stretched headline out after the resize
    qtbot.waitUntil(lambda: table.columnWidth(HEADLINE) >= MIN_HEADLINE_WIDTH, timeout=2000)
    assert not table.isColumnHidden(STATUS)  # the one column that never gives way

    splitter.setSizes([900, total - 900, *splitter.sizes()[2:]][: splitter.count()])
    qtbot.waitUntil(lambda: not table.isColumnHidden(SECTION), timeout=2000)
    assert not any(table.isColumnHidden(c) for c in (STATUS, SECTION, EDITION, UPDATED))
    assert table.columnWidth(HEADLINE) >= MIN_HEADLINE_WIDTH


def test_a_new_store_gets_its_samples_without_reading_a_dictionary(tmp_path, monkeypatch):
    """A newcomer's first start seeds the sample stories and photos before the window
    shows: their captions' spelling is left for later, as a window's saves leave it (the
    dictionaries took ~9 s to read here, all before the first paint)."""
    import newsdesk.spelling
    from newsdesk.app import open_and_recover

    def not_now(_stem: str) -> None:
        raise AssertionError("a dictionary was read while the samples were seeded")

    monkeypatch.setattr(newsdesk.spelling, "load_dictionary", not_now)
    store, _recovery = open_and_recover(tmp_path / "new")
    try:
        photos = store.conn.execute("SELECT id FROM photos").fetchall()
        assert store.articles.count() >= 5 and len(photos) >= 3
        assert store.photos.spelling_pending == {row[0] for row in photos}  # checked later
        assert not store.photos.defer_spelling  # only while seeding
    finally:
        store.close()
