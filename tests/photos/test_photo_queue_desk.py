"""The photo desk's queue and the embargo flag, as the photo editor works them in the
window: an agency photo's embargo read from the file shows on the grid, the edit panel
and the picker; the queue lists a story under embargo and a submitted one without a
photo; the panel clears the embargo and "Selected photo as lead" gives the other story
its lead. Screenshots of both are left for a person to look at."""

from __future__ import annotations

import pyexiv2
import pytest
from scenes import scene

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


def _agency(folder):
    folder.mkdir()
    held = scene(folder / "summit-embargoed.jpg", 3)
    with pyexiv2.Image(str(held)) as image:
        image.modify_iptc(
            {
                "Iptc.Envelope.CharacterSet": "\x1b%G",
                "Iptc.Application2.Caption": "Leaders arrive at the summit in Doha. (AP)",
                "Iptc.Application2.Credit": "AP",
                "Iptc.Application2.ReleaseDate": "2099-06-02",
                "Iptc.Application2.ReleaseTime": "16:30:00+02:00",
            }
        )
        image.modify_xmp({"Xmp.iptc.AltTextAccessibility": {'lang="x-default"': "Leaders"}})
    free = scene(folder / "harbour.jpg", 1)
    with pyexiv2.Image(str(free)) as image:
        image.modify_iptc(
            {
                "Iptc.Envelope.CharacterSet": "\x1b%G",
                "Iptc.Application2.Caption": "Boats in the harbour at dusk. (AFP)",
                "Iptc.Application2.Credit": "AFP",
            }
        )
        image.modify_xmp({"Xmp.iptc.AltTextAccessibility": {'lang="x-default"': "Boats"}})
    return folder


def _wait_import(qtbot, desk, folder):
    thread = desk.import_paths([str(folder)], workers=1)
    assert thread is not None
    with qtbot.waitSignal(thread.finishedReport, timeout=120_000):
        pass
    thread.wait()


def test_the_queue_and_the_embargo_flag_in_the_window(
    qtbot, store, tmp_path, artifacts_dir, sync_tasks
):
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    _wait_import(qtbot, desk, _agency(tmp_path / "agency"))
    rows = {r[NAME]: r for r in desk.model.rows}
    held, free = rows["summit-embargoed.jpg"], rows["harbour.jpg"]
    assert "embargoed" in held[CHECKS] and "embargoed" not in free[CHECKS]
    summit = store.articles.create(
        Article(headline="Leaders gather in Doha", section="News", lead_photo_id=held[0])
    )
    storm = store.articles.create(
        Article(headline="Storm closes the port", section="News", status="submitted")
    )
    desk.refresh_choices()
    desk.queue.refresh()
    qtbot.waitUntil(lambda: len(desk.queue.entries) == 2, timeout=30_000)
    tree = desk.queue.tree
    shown = {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i).child(0).text(0)
        for i in range(tree.topLevelItemCount())
    }
    assert shown == {
        "Leaders gather in Doha": "lead: Under embargo",
        "Storm closes the port": "No lead photo yet",
    }

    # The flag: on the panel, above the fields, and among the checks.
    desk.select_photo(held[0])
    assert desk.panel.lines["embargo_until"].text() == "2099-06-02T14:30:00Z"
    assert "⛔ Embargoed until 2 Jun 2099, 14:30 UTC" in desk.panel.info.text()
    checks = [desk.panel.problems.item(i).text() for i in range(desk.panel.problems.count())]
    assert any("Embargo: Embargoed until 2 Jun 2099" in c for c in checks), checks
    desk.resize(1440, 860)
    desk.show()
    qtbot.waitUntil(lambda: len(desk.model.thumbnails.pixmaps) == 2, timeout=10_000)
    assert desk.grab().save(str(artifacts_dir / "photo-desk-queue-embargo.png"))

    picker = PhotoPickerDialog(store, role="lead")
    qtbot.addWidget(picker)
    picker.view.setCurrentIndex(picker.model.index(picker.model.row_of_id[held[0]]))
    assert "⛔ Embargoed until 2 Jun 2099, 14:30 UTC" in picker.caption.text()
    picker.show()
    qtbot.waitUntil(lambda: len(picker.model.thumbnails.pixmaps) == 2, timeout=10_000)
    assert picker.grab().save(str(artifacts_dir / "photo-picker-embargo.png"))

    # Choosing a lead from the queue: the story, then the photo, then the button.
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "Storm closes the port"
    )
    tree.setCurrentItem(item)
    assert desk.queue.lead_button.isEnabled()
    desk.select_photo(free[0])
    desk.queue.lead_button.click()
    qtbot.waitUntil(lambda: store.articles.get(storm.id).lead_photo_id == free[0], timeout=10_000)
    qtbot.waitUntil(lambda: len(desk.queue.entries) == 1, timeout=30_000)

    # The agency lifts the embargo: cleared on the panel, the queue empties.
    desk.select_photo(held[0])
    desk.panel.lines["embargo_until"].clear()
    desk.panel.save_button.click()
    qtbot.waitUntil(lambda: store.photos.get(held[0]).embargo_until == "", timeout=10_000)
    qtbot.waitUntil(lambda: desk.queue.entries == [], timeout=30_000)
    assert "Embargoed" not in desk.panel.info.text()
    assert summit.id is not None


def test_a_long_queue_is_listed_a_page_at_a_time(qtbot, store, monkeypatch, sync_tasks):
    """A big newsroom's queue (tens of thousands of stories) must not freeze the window
    filling the list: the newest page shows, the title says how many there are, and
    "Show more" lists the next ones. The desk works its queue out when first shown."""
    from newsdesk.gui.photodesk import queue

    monkeypatch.setattr(queue, "QUEUE_PAGE", 4)
    for n in range(10):
        store.articles.create(
            Article(headline=f"Waiting story {n}", section="News", status="submitted")
        )
    desk = PhotoDesk(AppContext.for_store(store))
    qtbot.addWidget(desk)
    assert desk.queue.entries == [] and desk.stale  # nothing read before it is shown
    desk.show()
    qtbot.waitUntil(lambda: len(desk.queue.entries) == 10, timeout=30_000)
    tree, title, more = desk.queue.tree, desk.queue.title, desk.queue.more_button
    assert tree.topLevelItemCount() == 4
    assert "10 articles (the newest 4 shown)" in title.text()
    assert more.isVisible() and more.text() == "Show 4 more"
    more.click()
    more.click()
    assert tree.topLevelItemCount() == 10
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == [
        "Waiting story 9",
        "Waiting story 8",
        "Waiting story 7",
    ]
    assert title.text().endswith("10 articles") and not more.isVisible()
