"""The photo desk's "Publish to library" (toolbar, Ctrl+Shift+U) in the background, and the
picker on another desktop showing where a library photo came from (real WordPress)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from newsdesk.gui.context import AppContext
from newsdesk.gui.photodesk import PhotoDesk, PhotoPickerDialog
from newsdesk.gui.photodesk.model import UUID, PhotoIdRole

from .helpers import add_photo, connect, new_store, sync
from .test_photo_library import _media_total

pytestmark = pytest.mark.wordpress


def test_publish_from_the_desk_and_pick_on_another_desktop(
    qtbot, tmp_path, wordpress_plugin, artifacts_dir
):
    desk_store = new_store(tmp_path / "photodesk")
    connect(desk_store, wordpress_plugin, "editor")
    first = add_photo(
        desk_store, tmp_path, caption="Rain over Gaza City. (AP)", credit="AP", alt="Rain", seed=81
    )
    second = add_photo(
        desk_store, tmp_path, caption="Flooded street. (AP)", credit="AP", alt="Water", seed=82
    )
    before = _media_total(wordpress_plugin)

    desk = PhotoDesk(AppContext.for_store(desk_store))
    qtbot.addWidget(desk)
    desk.view.selectAll()
    action = desk.actions_by_name["publish"]
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()
    thread = desk.publish_thread
    with qtbot.waitSignal(thread.finishedResult, timeout=120_000):
        pass
    thread.wait()
    assert desk.message.text() == "english-site: 2 published, 0 already in the library.", (
        desk.message.text()
    )
    assert _media_total(wordpress_plugin) == before + 2

    reporter = new_store(tmp_path / "reporter")
    connect(reporter, wordpress_plugin, "author")
    reporter_ctx = AppContext.for_store(reporter)
    reporter_desk = PhotoDesk(reporter_ctx)  # open while the sync runs
    qtbot.addWidget(reporter_desk)
    report = sync(reporter)
    assert not report.failed
    reporter_ctx.announce(report.changes, None)  # as the sync controller does
    rows = {r[UUID]: r for r in reporter_desk.model.rows}
    assert {first.uuid, second.uuid} <= set(rows), "the grid follows the sync"
    at = reporter_desk.model.index(reporter_desk.model.row_of_id[rows[first.uuid][0]])
    assert "From editor on " in at.data(Qt.ItemDataRole.ToolTipRole)
    picker = PhotoPickerDialog(reporter, role="lead")
    qtbot.addWidget(picker)
    mine = reporter.photos.get_by_uuid(first.uuid)
    row = next(
        i
        for i in range(picker.model.rowCount())
        if picker.model.index(i).data(PhotoIdRole) == mine.id
    )
    picker.view.setCurrentIndex(picker.model.index(row))
    text = picker.caption.text()
    login = wordpress_plugin.users["editor"].login
    assert f"From {login} on " in text and f"captioned by {login}" in text, text
    assert "thumbnail only" in text
    picker.show()

    def thumbnails_shown() -> bool:  # from the pulled thumbnail files, offline-ready
        shown = [picker.model.index(i).data(Qt.ItemDataRole.DecorationRole) for i in range(2)]
        return all(isinstance(p, QPixmap) and not p.isNull() for p in shown)

    qtbot.waitUntil(thumbnails_shown, timeout=10_000)
    picker.view.viewport().update()
    qtbot.wait(50)
    picker.grab().save(str(artifacts_dir / "photo-library-picker.png"))
    assert picker.ok_button.isEnabled()
    assert reporter.photos.get_by_uuid(second.uuid).caption == "Flooded street. (AP)"
    for store in (desk_store, reporter):
        store.close()
