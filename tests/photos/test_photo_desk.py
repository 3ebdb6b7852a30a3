"""The photo desk as a photo editor uses it: import a folder, see captions and checks, fix
the failing ones in one batch (one undo), pick a lead image, and look at it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from scenes import scene

from conftest import AGENCY_PHOTOS, ARABIC_CAPTION, make_image, write_fields
from newsdesk.domain.article import Article
from newsdesk.gui import tasks
from newsdesk.gui.context import AppContext
from newsdesk.gui.photodesk import PhotoDesk, PhotoPickerDialog
from newsdesk.gui.photodesk.model import CHECKS, NAME


@pytest.fixture
def sync_tasks():
    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


def import_and_wait(qtbot, desk, paths, workers=1):
    thread = desk.import_paths([str(p) for p in paths], workers=workers)
    assert thread is not None
    with qtbot.waitSignal(thread.finishedReport, timeout=120_000):
        pass
    thread.wait()
    return desk.last_report


@pytest.fixture
def scenic_agency(tmp_path):
    folder = tmp_path / "agency"
    folder.mkdir()
    for index, (name, fmt, fields) in enumerate(AGENCY_PHOTOS):
        path = scene(folder / name, index, fmt=fmt)
        if fields:
            write_fields(path, fields)
    return folder


def test_import_folder_shows_embedded_captions_and_check_badges(
    qtbot, store, scenic_agency, sync_tasks
):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    report = import_and_wait(qtbot, desk, [scenic_agency])
    assert len(report.added) == len(AGENCY_PHOTOS) and not report.problems
    assert len(desk.model.rows) == len(AGENCY_PHOTOS)
    by_name = {row[NAME]: row for row in desk.model.rows}
    assert by_name["ap-border.jpg"][CHECKS] == ()
    assert "misspelling" in by_name["army-handout.jpg"][CHECKS]
    assert set(by_name["reuters-scan.tif"][CHECKS]) >= {
        "missing_caption",
        "missing_alt",
        "missing_credit",
    }

    desk.select_photo(by_name["afp-arabic.jpg"][0])
    assert desk.panel.caption.toPlainText() == ARABIC_CAPTION
    desk.search.setText("Lebanese")
    desk.apply_filter()
    assert [r[NAME] for r in desk.model.rows] == ["ap-border.jpg"]
    desk.search.clear()
    desk.state.setCurrentIndex(desk.state.findData("failing"))
    assert "ap-border.jpg" not in [r[NAME] for r in desk.model.rows]


def test_panel_edit_saves_and_undo_restores(qtbot, store, scenic_agency, sync_tasks):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    import_and_wait(qtbot, desk, [scenic_agency / "army-handout.jpg"])
    photo_id = desk.model.rows[0][0]
    desk.select_photo(photo_id)
    desk.panel.caption.setPlainText("Soldiers inspect the site of a strike in Khiam on Tuesday.")
    desk.panel.lines["credit"].setText("Lebanese Army")
    desk.panel.alt_text.setPlainText("Soldiers stand at the edge of a crater.")
    desk.panel.house_button.click()
    desk.panel.save_button.click()
    saved = store.photos.get(photo_id)
    assert saved.caption.endswith("on Tuesday. (Lebanese Army)")
    assert saved.check_codes == []
    assert desk.model.rows[0][CHECKS] == ()
    desk.undo_stack.undo()
    assert store.photos.get(photo_id).credit == "Lebanonese Army"
    assert "misspelling" in desk.model.rows[0][CHECKS]


def test_batch_caption_from_a_template_is_one_undo(qtbot, store, scenic_agency, sync_tasks):
    from newsdesk.gui.photodesk.batch import BatchCaptionDialog

    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    import_and_wait(qtbot, desk, [scenic_agency])
    desk.view.selectAll()
    ids = desk.selected_ids()
    before = {i: store.photos.get(i).editable() for i in ids}
    dialog = BatchCaptionDialog([store.photos.get(i) for i in ids], desk)
    dialog.edits["credit"].setText("AP")
    dialog.edits["alt_text"].setText("A scene from {event} in {city}")
    dialog.edits["caption"].setText("Scene from {event}")
    dialog.event_value.setText("the border patrol")
    assert "Scene from the border patrol. (AP)" in dialog.preview.text()
    desk.edit(dialog.changes(), "Batch caption")
    after = {i: store.photos.get(i) for i in ids}
    assert all(p.caption == "Scene from the border patrol. (AP)" for p in after.values())
    assert all(p.credit == "AP" for p in after.values())
    assert desk.undo_stack.count() == 1
    desk.undo_stack.undo()  # one undo reverts every photo
    assert {i: store.photos.get(i).editable() for i in ids} == before


def test_bad_files_are_named_and_the_ui_stays_responsive(
    qtbot, store, bad_files, tmp_path, sync_tasks
):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    folder = tmp_path / "many"
    folder.mkdir()
    paths = [scene(folder / f"s{i}.jpg", i, size=(2400, 1600)) for i in range(12)]
    # Each tick records the wall time since the last one and the UI thread's own CPU time in
    # it: on two shared cores the OS may delay a tick, but the UI thread must never work long.
    gaps: list[tuple[float, float]] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed(), time.thread_time()]

    def tick():
        now, cpu = clock.elapsed(), time.thread_time()
        gaps.append((now - last[0], (cpu - last[1]) * 1000))
        last[0], last[1] = now, cpu

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    report = import_and_wait(qtbot, desk, [*paths, *bad_files.values()], workers=2)
    timer.stop()
    assert len(report.added) == 14 and len(report.problems) == 4
    assert "skipped" in desk.message.text() and ".jpg" in desk.message.text()
    assert desk.details_button.isVisible() or not desk.isVisible()
    worst_wall = max(g[0] for g in gaps)
    worst_cpu = max(g[1] for g in gaps)
    assert worst_cpu < 100, f"the UI thread worked {worst_cpu:.0f} ms without a break"
    assert worst_wall < 1000, f"the UI thread stalled for {worst_wall} ms"


def test_queue_and_picker_set_the_lead_photo(qtbot, store, scenic_agency):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    import_and_wait(qtbot, desk, [scenic_agency])
    rows = {r[NAME]: r for r in desk.model.rows}
    army = store.photos.get(rows["army-handout.jpg"][0])
    article = store.articles.create(Article(headline="Strike in Khiam", body="Text."))

    dialog = PhotoPickerDialog(store, role="lead")
    qtbot.addWidget(dialog)
    dialog.search.setText("Khiam")
    assert len(dialog.model.rows) == 1
    dialog.view.setCurrentIndex(dialog.model.index(0))
    assert dialog.photo is not None and dialog.photo.id == army.id
    store.photos.uses.set_lead(article.id, dialog.photo.id)
    inline = PhotoPickerDialog(store)
    qtbot.addWidget(inline)
    inline.view.setCurrentIndex(inline.model.index(0))
    inline.alt.setText("Alt [for] this article")
    assert inline.markdown() == f"![Alt (for) this article](photo:{inline.photo.uuid})"

    with qtbot.waitSignal(desk.queue.tree.model().rowsInserted, timeout=60_000, raising=False):
        desk.queue.refresh()
    qtbot.waitUntil(lambda: bool(desk.queue.entries), timeout=30_000)
    assert [e.article_id for e in desk.queue.entries] == [article.id]
    desk.queue.articleChosen.emit(article.id)
    assert [r[0] for r in desk.model.rows] == [army.id]

    # the per-article caption: fixes the article without touching the library
    desk.select_photo(army.id)
    assert desk.panel.use_box.isVisibleTo(desk.panel)
    desk.panel.use_caption.setPlainText(
        "Soldiers at the site of a strike in Khiam. (Lebanese Army)"
    )
    desk.panel.use_alt.setText("Soldiers by a crater.")
    desk.panel.use_save.click()  # written on the database worker
    qtbot.waitUntil(lambda: "Caption saved" in desk.message.text(), timeout=5_000)
    caption = store.photos.uses.article_caption(article.id, army.id)
    assert caption.text == "Soldiers at the site of a strike in Khiam. (Lebanese Army)"
    assert store.photos.get(army.id).caption == army.caption


def test_screenshot_of_the_desk(qtbot, store, scenic_agency, artifacts_dir, sync_tasks):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    import_and_wait(qtbot, desk, [scenic_agency])
    names = {r[NAME]: r[0] for r in desk.model.rows}
    store.articles.create(
        Article(headline="Strike in Khiam", lead_photo_id=names["army-handout.jpg"], body="Text.")
    )
    store.articles.create(
        Article(headline="Rose Garden remarks", lead_photo_id=names["pool-washington.png"])
    )
    desk.refresh_choices()
    desk.queue.refresh()
    desk.resize(1440, 860)
    desk.show()
    desk.select_photo({r[NAME]: r[0] for r in desk.model.rows}["army-handout.jpg"])
    qtbot.waitUntil(
        lambda: len(desk.model.thumbnails.pixmaps) == len(AGENCY_PHOTOS), timeout=10_000
    )
    path = artifacts_dir / "photo-desk.png"
    assert desk.grab().save(str(path))
    assert path.stat().st_size > 20_000


def test_drag_and_drop_imports_and_the_editor_actions(qtbot, store, scenic_agency, sync_tasks):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from newsdesk.gui.photodesk.editor_actions import insert_photo

    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scenic_agency / "ap-border.jpg"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    desk.dropEvent(event)
    with qtbot.waitSignal(desk.import_thread.finishedReport, timeout=60_000):
        pass
    desk.import_thread.wait()
    assert [r[NAME] for r in desk.model.rows] == ["ap-border.jpg"]

    article = store.articles.create(Article(headline="Border patrol", body="First paragraph."))
    desk.set_as_lead(article.id, desk.model.rows[0][0])
    assert store.articles.get(article.id).lead_photo_id == desk.model.rows[0][0]

    from newsdesk.gui.editor.editor import ArticleEditor

    editor = ArticleEditor(store)
    qtbot.addWidget(editor)
    editor.load(store.articles.get(article.id))
    cursor = editor.body_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.body_edit.setTextCursor(cursor)
    picker = PhotoPickerDialog(store)
    qtbot.addWidget(picker)
    picker.view.setCurrentIndex(picker.model.index(0))
    insert_photo(editor, picker)
    body = editor.article().body
    photo = store.photos.get(desk.model.rows[0][0])
    assert body == f"First paragraph.\n\n![{photo.alt_text}](photo:{photo.uuid})\n\n"
    editor.body_edit.undo()  # the insertion is one undo step
    assert editor.article().body == "First paragraph."
    editor.body_edit.redo()

    # the editor shows how the article's photos fare on the checks, as typed
    from newsdesk.gui.photodesk.editor_actions import PhotoChecksLabel, install_photo_actions

    actions = install_photo_actions(editor, store)
    assert [a.text() for a in actions] == ["Set lead photo…", "Insert photo…"]
    label = editor.photo_checks_label
    assert isinstance(label, PhotoChecksLabel) and label.parent() is not None
    label.refresh(editor.article())
    assert label.text().strip() == "Photos: 2 ✓"  # lead + inline, the same AP photo
    store.photos.update(photo.id, alt_text="")
    label.refresh(editor.article())
    # the lead has lost its alt text; the inline use keeps the one written in the body
    assert label.text().strip() == "Photos: 1 of 2 need caption fixes"
    assert "alt text" in label.toolTip()


def test_in_the_main_window_the_editor_sets_the_lead_and_inserts_photos(
    qtbot, tmp_path, scenic_agency
):
    from newsdesk.app import build_window
    from newsdesk.gui.photodesk.editor_actions import insert_photo
    from newsdesk.photos.importer import import_files

    window = build_window(tmp_path / "data")
    qtbot.addWidget(window)
    store = window.store
    desk = window.desk("Photo desk")  # the window lists it; built on first use
    assert isinstance(desk, PhotoDesk)
    [photo] = import_files(store, [scenic_agency / "ap-border.jpg"], workers=1).added
    article = store.articles.create(Article(headline="Border patrol", body="Intro."))
    window.list_pane.apply_query()
    assert window.list_pane.select_article(article.id)
    editor = window.editor
    names = [a.text() for a in editor.format_bar.actions()]
    assert "Set lead photo…" in names and "Insert photo…" in names

    editor.set_lead_photo(photo.id)  # what the picker's "Set as lead" does
    picker = PhotoPickerDialog(store)
    qtbot.addWidget(picker)
    picker.view.setCurrentIndex(picker.model.index(0))
    cursor = editor.body_edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.body_edit.setTextCursor(cursor)
    insert_photo(editor, picker)
    window.save()  # on the database worker
    qtbot.waitUntil(lambda: not editor.is_dirty, timeout=5000)
    saved = store.articles.get(article.id)
    assert saved.lead_photo_id == photo.id
    assert f"](photo:{photo.uuid})" in saved.body
    assert [u.use.role for u in store.photos.uses.for_article(article.id)] == ["lead", "inline"]
    editor.photo_checks_label.refresh()
    assert editor.photo_checks_label.text().strip() == "Photos: 2 ✓"

    # Ctrl+Z in the grid undoes the desk's last caption change, despite the window's own Ctrl+Z
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.show()
    assert window.show_desk("Photo desk")
    desk.apply_filter()
    desk.edit({photo.id: {"caption": "Changed. (AP)"}}, "Edit caption")
    qtbot.waitUntil(lambda: store.photos.get(photo.id).caption == "Changed. (AP)", timeout=5000)
    desk.view.setFocus()
    QTest.keyClick(desk.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.photos.get(photo.id).caption == photo.caption, timeout=5000)
    QTest.keyClick(desk.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: store.photos.get(photo.id).caption == "Changed. (AP)", timeout=5000)
    window.close()


def test_keep_location_checkbox_saves_and_undoes(
    qtbot, store, scenic_agency, artifacts_dir, sync_tasks
):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    import_and_wait(qtbot, desk, [scenic_agency / "army-handout.jpg"])
    photo_id = desk.model.rows[0][0]
    desk.select_photo(photo_id)
    box = desk.panel.keep_location
    assert not box.isChecked() and store.photos.get(photo_id).keep_location is False
    assert "GPS position" in desk.panel.location_help.text()
    box.click()  # as a person ticks it
    desk.panel.save_button.click()
    assert store.photos.get(photo_id).keep_location is True
    desk.select_photo(photo_id)
    assert desk.panel.keep_location.isChecked()
    desk.resize(1440, 860)
    desk.show()
    qtbot.waitExposed(desk)
    path = artifacts_dir / "photo-desk-keep-location.png"
    assert desk.panel.grab().save(str(path))
    desk.undo_stack.undo()
    assert store.photos.get(photo_id).keep_location is False
    desk.select_photo(photo_id)
    assert not desk.panel.keep_location.isChecked()


def test_search_box_takes_any_text_and_the_grid_follows(qtbot, store, tmp_path):
    """A quote or a NUL in the box once raised "fts5: syntax error" and left the grid stale."""
    from newsdesk.photos.importer import import_files

    paths = [make_image(tmp_path / f"p{i}.jpg", color=(60 * i, 50, 90)) for i in range(3)]
    added = import_files(store, paths, workers=1).added
    store.photos.update(added[0].id, caption="Fishermen mend nets in Sidon. (Reuters)")
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    desk.show()

    def typed(text):
        desk.search.clear()
        qtbot.keyClicks(desk.search, text)
        assert desk.search.text() == text
        qtbot.waitUntil(lambda: not desk.filter_timer.isActive())  # the grid has followed
        return [r[0] for r in desk.model.rows]

    assert typed("Sidon") == [added[0].id]
    assert len(typed('"')) == 3  # no word left: every photo, as with an empty box
    assert typed('Sidon" NEAR(') == []
    assert desk.count_label.text() == "No photo matches these filters (0 of 3 photos)"
    assert typed('"Sidon') == [added[0].id]
    desk.search.setText("Sidon\x00")  # pasted, not typed
    qtbot.waitUntil(lambda: not desk.filter_timer.isActive())
    assert [r[0] for r in desk.model.rows] == [added[0].id]
    assert desk.count_label.text() == "1 of 3 photos"


def test_a_reporter_who_never_opens_the_photo_desk_sees_caption_misspellings(
    qtbot, tmp_path, scenic_agency, monkeypatch
):
    """The caption dictionaries are read when first needed, not at start-up: opening a
    story with a photo is such a need, and the editor's photo line then names the
    misspelling. The spelling child reads them: never the window's process, where
    reading them held the interpreter for seconds (a read here fails this test)."""
    import newsdesk.spelling
    from newsdesk.app import build_window
    from newsdesk.photos.importer import import_files
    from newsdesk.store import open_store

    elsewhere = open_store(tmp_path / "data")  # the photo came in on another connection
    [photo] = import_files(elsewhere, [scenic_agency / "army-handout.jpg"], workers=1).added
    elsewhere.close()
    window = build_window(tmp_path / "data")
    qtbot.addWidget(window)

    def not_here(_stem: str) -> None:
        raise AssertionError("a caption dictionary was read in the window's process")

    monkeypatch.setattr(newsdesk.spelling, "load_dictionary", not_here)
    store = window.store
    assert not store.photos.spell.ready()  # this window has read none of them
    article = store.articles.create(Article(headline="Handout", body="Intro."))
    store.photos.uses.set_lead(article.id, photo.id)
    window.list_pane.apply_query()
    assert window.list_pane.select_article(article.id)
    label = window.editor.photo_checks_label
    qtbot.waitUntil(lambda: "Check the spelling of" in label.toolTip(), timeout=60_000)
    assert "need caption fixes" in label.text()
    assert window._pending_desks  # the photo desk was never built for it
