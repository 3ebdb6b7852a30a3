"""The photo editor's session in a real window, with screenshots a person looks at.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/photos/shoot_photo_desk.py SHOTS_DIR

Imports a folder of agency photos through the desk (its import thread), finds the
failing ones, fixes them in one batch from a template, sets a lead image, exports a
captioned JPEG; checks each step and exits non-zero at the first that fails.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main(shots: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from scenes import scene

    from conftest import AGENCY_PHOTOS, write_fields
    from newsdesk.app import build_window
    from newsdesk.domain.article import Article
    from newsdesk.gui.photodesk import PhotoDesk
    from newsdesk.gui.photodesk.batch import BatchCaptionDialog
    from newsdesk.gui.photodesk.model import NAME

    shots.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="shoot-photo-desk-"))
    folder = work / "agency"
    folder.mkdir()
    for index, (name, fmt, fields) in enumerate(AGENCY_PHOTOS):
        path = scene(folder / name, index, fmt=fmt)
        if fields:
            write_fields(path, fields)
    window = build_window(work / "data")
    store = window.store
    app = QApplication.instance()
    assert app is not None

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(shots / f"{name}.png"))

    window.show()
    assert window.show_desk("Photo desk")
    desk = window.desk("Photo desk")
    assert isinstance(desk, PhotoDesk)
    thread = desk.import_paths([str(folder)])
    assert thread is not None
    deadline = time.monotonic() + 120
    while desk.last_report is None and time.monotonic() < deadline:
        settle(0.05)
    report = desk.last_report
    assert report is not None and len(report.added) == len(AGENCY_PHOTOS), report
    ids = {row[NAME]: row[0] for row in desk.model.rows}
    army = store.photos.get(ids["army-handout.jpg"])
    assert army.caption.endswith("(Lebanonese Army)"), army.caption  # embedded caption read
    store.articles.create(Article(headline="Strike in Khiam", lead_photo_id=army.id))
    desk.refresh_choices()
    desk.queue.refresh()
    desk.select_photo(army.id)
    deadline = time.monotonic() + 30  # the queue is worked out in the background
    while desk.queue.tree.topLevelItemCount() < 1 and time.monotonic() < deadline:
        settle(0.05)
    assert desk.queue.tree.topLevelItemCount() == 1, "the article is not in the queue"
    shot("01-imported")

    # fix the failing ones: show them, narrow to the army's, one batch from a template
    desk.state.setCurrentIndex(desk.state.findData("failing"))
    failing = [row[0] for row in desk.model.rows]
    assert ids["army-handout.jpg"] in failing and ids["ap-border.jpg"] not in failing
    desk.credit.setEditText("Lebanonese")
    desk.apply_filter()
    desk.view.selectAll()
    assert desk.selected_ids() == [army.id]
    dialog = BatchCaptionDialog([store.photos.get(i) for i in desk.selected_ids()], desk)
    dialog.edits["credit"].setText("Lebanese Army")
    dialog.edits["alt_text"].setText("Soldiers at work near {city}")
    dialog.show()
    shot("02-failing-army-photo")
    dialog.grab().save(str(shots / "02-batch-dialog.png"))  # its own top-level window
    desk.edit(dialog.changes(), "Batch caption")
    dialog.close()
    window.runner.wait()  # written on the database worker
    settle(0.1)
    assert store.photos.get(army.id).caption.endswith("on Tuesday. (Lebanese Army)")
    social = store.photos.get(ids["social-media.webp"])
    assert social.caption == "Smoke rises over the port. (Social media)"  # outside the batch
    desk.credit.setEditText("")
    desk.state.setCurrentIndex(0)
    desk.select_photo(army.id)
    shot("03-after-batch")

    # a lead image for an article, and a captioned export another tool can read
    article = store.articles.create(Article(headline="Border patrol", body="Text."))
    desk.set_as_lead(article.id, ids["ap-border.jpg"])
    window.runner.wait()  # written on the database worker
    settle(0.1)
    assert store.articles.get(article.id).lead_photo_id == ids["ap-border.jpg"]
    out = shots / "exported-army.jpg"
    desk.export_to(army.id, out, 1600)
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        settle(0.05)
    assert out.exists(), "export did not finish"
    shot("04-exported")
    print(f"saved screenshots in {shots}")
    print(f"platform: {QApplication.platformName()}")  # the test checks it is a real X (xcb)
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("artifacts/photo-desk-session"))
