"""A real window on the photo desk, for the screenshot a person looks at.

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python tests/photos/shoot_photo_desk.py OUT.png

Builds a store in a temporary folder with the test agency photos (generated),
two articles using them, opens the main window on the photo desk and grabs it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main(out: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from scenes import scene

    from conftest import AGENCY_PHOTOS, write_fields
    from newsdesk.app import build_window
    from newsdesk.domain.article import Article
    from newsdesk.gui.photodesk import PhotoDesk
    from newsdesk.photos.importer import import_files

    work = Path(tempfile.mkdtemp(prefix="shoot-photo-desk-"))
    folder = work / "agency"
    folder.mkdir()
    for index, (name, fmt, fields) in enumerate(AGENCY_PHOTOS):
        path = scene(folder / name, index, fmt=fmt)
        if fields:
            write_fields(path, fields)
    window = build_window(work / "data")
    store = window.store
    photos = {p.original_name: p for p in import_files(store, [folder], workers=1).added}
    store.articles.create(
        Article(headline="Strike in Khiam", lead_photo_id=photos["army-handout.jpg"].id)
    )
    store.articles.create(
        Article(headline="Rose Garden remarks", lead_photo_id=photos["pool-washington.png"].id)
    )
    desk = window.desk("Photo desk")
    window.show()
    window.show_desk("Photo desk")
    assert isinstance(desk, PhotoDesk)
    desk.select_photo(photos["army-handout.jpg"].id)
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        len(desk.model.thumbnails.pixmaps) < len(AGENCY_PHOTOS)
        or desk.queue.tree.topLevelItemCount() < 2
    ):
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(out))
    print(f"saved {out}")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("artifacts/photo-desk-window.png"))
