"""A library caption conflict settled from the photo desk's window (Ctrl+Shift+K), as
`newsdesk photo resolve` settles it from the command line: two desks, the real WordPress."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from newsdesk.gui.context import AppContext
from newsdesk.gui.photodesk import PhotoDesk
from newsdesk.ops.photos import publish_to_library, update_photo

from .helpers import add_photo, connect, leave_the_library_overlap, new_store, sync
from .test_photo_library import ALT, CAPTION, CREDIT, _mark_library_read

pytestmark = pytest.mark.wordpress


def test_the_night_editor_takes_the_photo_desks_wording_in_the_window(
    qtbot, tmp_path, wordpress_plugin, artifacts_dir
):
    desk, night = new_store(tmp_path / "desk"), new_store(tmp_path / "night")
    connect(desk, wordpress_plugin, "editor")
    connect(night, wordpress_plugin, "administrator")
    _mark_library_read(night)
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=131)
    publish_to_library(desk, [photo.id])
    assert not sync(night).failed
    theirs = night.photos.get_by_uuid(photo.uuid)
    update_photo(desk, photo.id, caption="Wording of the photo desk.")
    update_photo(night, theirs.id, caption="Wording of the night editor.")
    assert not sync(desk).conflicts
    assert sync(night).conflicts, "the same field changed on both desks"

    ctx = AppContext.for_store(night)
    photo_desk = PhotoDesk(ctx)
    qtbot.addWidget(photo_desk)
    photo_desk.show()
    action = photo_desk.actions_by_name["conflict"]
    assert action.shortcut().toString() == "Ctrl+Shift+K"
    photo_desk.view.clearSelection()
    action.trigger()  # nothing selected: said on the desk, no dialog
    assert "Select one photo" in photo_desk.message.text()

    photo_desk.select_photo(theirs.id)
    dialog = photo_desk.settle_conflict()
    assert dialog is not None
    qtbot.addWidget(dialog)
    row = [dialog.table.item(0, column).text() for column in range(3)]
    assert row == ["Caption", "Wording of the night editor.", "Wording of the photo desk."]
    assert dialog.table.rowCount() == 1
    assert dialog.grab().save(str(artifacts_dir / "photo-conflict-dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert night.photos.get(theirs.id).caption == "Wording of the photo desk."
    assert not night.photos.library.conflicts()
    report = sync(night)
    assert not report.conflicts and not report.failed, report
    photo_desk.close()
    ctx.runner.close()  # its worker's connection, before the stores go
    for store in (desk, night):
        store.close()
    leave_the_library_overlap()
